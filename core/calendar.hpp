// Plain civil-calendar arithmetic (proleptic Gregorian). No time zones:
// the caller hands us the business's local "now".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// 0 = Sunday ... 6 = Saturday.
int weekday(Date d);
int days_in_month(int year, int month);
bool is_valid(Date d);
Date add_days(Date d, int n);
long days_from_civil(Date d);  // days since 1970-01-01

// "YYYY-MM-DD", or the date part of a longer ISO-8601 string when the
// 11th character is 'T' or a space ("2026-12-03T10:00:00-05:00").
// Impossible dates (2026-02-30) → nullopt.
std::optional<Date> parse_iso_date(std::string_view s);
std::string to_iso(Date d);  // "YYYY-MM-DD"

}  // namespace booking
