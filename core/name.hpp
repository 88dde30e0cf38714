// The lead's name from a free-text answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

// "Juan Carlos", "me llamo juan carlos", "soy María", "My name is Sarah
// O'Connor", "i'm tom" → the name, each word capitalised (O'Connor,
// María, McDonald kept). Digits only, an email, a URL, nothing, or
// something too long to be a name → nullopt.
std::optional<std::string> extract_name(std::string_view text);

}  // namespace booking
