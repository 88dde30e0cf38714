// A monthly marketing budget from a free-text answer.
#pragma once

#include <optional>
#include <string_view>

namespace booking {

// Whole currency units per month: "$500", "500 usd", "1,500", "1.500",
// "1500.00", "2k", "mil", "unos 800 al mes", "500-800" (a range takes its
// LOWER bound: the lead commits to at least that). Nothing numeric →
// nullopt.
std::optional<long> extract_budget(std::string_view text);

}  // namespace booking
