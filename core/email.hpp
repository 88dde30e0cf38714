// An email address pulled out of a sentence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

// "Claro, es Juan.Carlos@Example.com" → "juan.carlos@example.com".
// Valid: one @, no spaces, a dot in the domain, a TLD of 2+ letters.
std::optional<std::string> extract_email(std::string_view text);

}  // namespace booking
