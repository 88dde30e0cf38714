// Free-text answers that are kept, not parsed: the goal and the pain point.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

inline constexpr std::size_t kGoalMaxChars = 50;
inline constexpr std::size_t kPainMaxChars = 200;

// Invalid UTF-8 → U+FFFD and control characters → space (sanitize_utf8);
// white space (ASCII, NBSP, Unicode spaces) trimmed and collapsed to one
// space; punctuation and emoji kept. Cut at the last space that fits in
// `max_chars` code points; a single longer word is cut inside, on a code
// point boundary. No letters or digits in what is left → nullopt. Input
// past kMaxMessageBytes is ignored.
std::optional<std::string> bounded_answer(std::string_view text, std::size_t max_chars);

}  // namespace booking
