#include "slot.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <array>

namespace booking {
namespace {

constexpr std::array<std::string_view, 7> kWeekdayEs = {
    "domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"};
constexpr std::array<std::string_view, 7> kWeekdayEn = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthEs = {
    "enero", "febrero", "marzo",     "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
constexpr std::array<std::string_view, 12> kMonthEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Reads exactly two digits at s[pos], or -1.
int two_digits(std::string_view s, std::size_t pos) {
  if (pos + 2 > s.size()) return -1;
  const char a = s[pos], b = s[pos + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

// "Z", "+01:00", "-0500" — the whole remainder must be the offset.
bool valid_offset(std::string_view s) {
  if (s == "Z" || s == "z") return true;
  if (s.size() != 6 && s.size() != 5) return false;
  if (s[0] != '+' && s[0] != '-') return false;
  const bool colon = s.size() == 6;
  if (colon && s[3] != ':') return false;
  const int h = two_digits(s, 1), m = two_digits(s, colon ? 4 : 3);
  return h >= 0 && h <= 14 && m >= 0 && m <= 59;
}

}  // namespace

std::optional<Slot> parse_slot(std::string_view iso) {
  const auto date = parse_iso_date(iso);
  if (!date || iso.size() < 16 || (iso[10] != 'T' && iso[10] != 't') || iso[13] != ':') {
    return std::nullopt;
  }
  const int hour = two_digits(iso, 11), minute = two_digits(iso, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  std::size_t pos = 16;
  if (pos < iso.size() && iso[pos] == ':') {
    const int second = two_digits(iso, pos + 1);
    if (second < 0 || second > 59) return std::nullopt;
    pos += 3;
    if (pos < iso.size() && (iso[pos] == '.' || iso[pos] == ',')) {
      const std::size_t start = ++pos;
      while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  // Without an offset we could not be sure the wall clock is the business's.
  if (!valid_offset(iso.substr(pos))) return std::nullopt;
  return Slot{std::string(iso), *date, hour, minute};
}

std::string format_time(const Slot& s) {
  const int h12 = s.hour % 12 == 0 ? 12 : s.hour % 12;
  const char* suffix = s.hour < 12 ? "am" : "pm";
  if (s.minute == 0) return fmt::format(FMT_COMPILE("{}{}"), h12, suffix);
  return fmt::format(FMT_COMPILE("{}:{:02}{}"), h12, s.minute, suffix);
}

std::string format_day(Date d, Lang lang) {
  if (!is_valid(d)) return {};
  const std::string_view wd = weekday_name(weekday(d), lang);
  if (lang == Lang::es) return fmt::format(FMT_COMPILE("{} {} de {}"), wd, d.day, kMonthEs[d.month - 1]);
  return fmt::format(FMT_COMPILE("{}, {} {}"), wd, kMonthEn[d.month - 1], d.day);
}

std::string_view weekday_name(int w, Lang lang) {
  if (w < 0 || w > 6) return {};
  return lang == Lang::es ? kWeekdayEs[w] : kWeekdayEn[w];
}

std::string plus_minutes(const Slot& s, long minutes) {
  const auto zone = s.iso.find_first_of("Z+-", 16);
  if (zone == std::string::npos) return {};
  const long total = s.hour * 60L + s.minute + minutes;
  const long day_minutes = 24L * 60;
  const long days = total >= 0 ? total / day_minutes : -((-total + day_minutes - 1) / day_minutes);
  const long in_day = total - days * day_minutes;
  const Date d = add_days(s.date, static_cast<int>(days));
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:00{}"), to_iso(d), in_day / 60, in_day % 60, s.iso.substr(zone));
}

long minutes_between(const Slot& a, const Slot& b) {
  return (days_from_civil(b.date) - days_from_civil(a.date)) * 24L * 60 + (b.hour * 60L + b.minute) -
         (a.hour * 60L + a.minute);
}

}  // namespace booking
