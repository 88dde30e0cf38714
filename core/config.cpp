#include "config.hpp"

#include <array>
#include <charconv>
#include <fmt/format.h>

#include "text.hpp"

namespace booking {
namespace {

int parse_weekday(std::string_view folded) {
  static constexpr std::array<std::array<std::string_view, 4>, 7> kNames{{
      {"sun", "sunday", "dom", "domingo"},
      {"mon", "monday", "lun", "lunes"},
      {"tue", "tuesday", "mar", "martes"},
      {"wed", "wednesday", "mie", "miercoles"},
      {"thu", "thursday", "jue", "jueves"},
      {"fri", "friday", "vie", "viernes"},
      {"sat", "saturday", "sab", "sabado"},
  }};
  if (folded.size() == 1 && folded[0] >= '0' && folded[0] <= '6') return folded[0] - '0';
  for (int d = 0; d < 7; ++d) {
    for (auto name : kNames[static_cast<std::size_t>(d)]) {
      if (name == folded) return d;
    }
  }
  return -1;
}

}  // namespace

std::string set_min_budget(Config& c, std::string_view value) {
  value = trim(value);
  long v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || v < 0 || v > 1'000'000'000) {
    return fmt::format("MIN_BUDGET: expected a whole number like 300, got '{}'", value);
  }
  c.min_budget = v;
  return {};
}

std::string set_booking_days(Config& c, std::string_view value) {
  Weekdays days{};
  const std::string folded = fold(value);
  std::string_view rest = folded;
  bool any = false;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    const auto dash = item.find('-');
    const int from = parse_weekday(trim(item.substr(0, dash)));
    const int to = dash == std::string_view::npos ? from : parse_weekday(trim(item.substr(dash + 1)));
    if (from < 0 || to < 0) {
      return fmt::format("BOOKING_DAYS: unknown day in '{}' (use e.g. tue,wed,thu,fri)", item);
    }
    for (int d = from;; d = (d + 1) % 7) {
      days[static_cast<std::size_t>(d)] = true;
      if (d == to) break;
    }
    any = true;
  }
  if (!any) return "BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri)";
  c.booking_days = days;
  return {};
}

std::string set_default_language(Config& c, std::string_view value) {
  const auto lang = parse_lang(trim(value));
  if (!lang) return fmt::format("DEFAULT_LANGUAGE: expected 'es' or 'en', got '{}'", value);
  c.default_language = *lang;
  return {};
}

}  // namespace booking
