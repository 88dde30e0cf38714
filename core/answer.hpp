// Free-text answers that are kept, not parsed: the goal and the pain point.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

inline constexpr std::size_t kGoalMaxChars = 50;
inline constexpr std::size_t kPainMaxChars = 200;

// Trimmed, white space collapsed, cut at a word boundary to at most
// `max_chars` code points. No letters or digits at all → nullopt.
std::optional<std::string> bounded_answer(std::string_view text, std::size_t max_chars);

}  // namespace booking
