// Calendar slots as GHL sends them: ISO-8601 with an offset, e.g.
// "2026-12-03T14:30:00-05:00". The wall-clock time in the string is the
// business's local time (we ask GHL for slots in the business time zone),
// so no time zone database is needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "language.hpp"

namespace booking {

struct Slot {
  std::string iso;  // exactly as GHL sent it
  Date date{};
  int hour = 0;    // 0..23, local
  int minute = 0;  // 0..59
};

// "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "±HH:MM"/"±HHMM";
// anything else (no offset, trailing text, 24:00) → nullopt.
std::optional<Slot> parse_slot(std::string_view iso);

// `s` plus `minutes`, as "YYYY-MM-DDTHH:MM:00" with `s`'s own offset (a
// wall clock: no time zone rules); "" if `s` has no offset.
std::string plus_minutes(const Slot& s, long minutes);
// Minutes from `a` to `b` on the wall clock (negative when b is earlier).
long minutes_between(const Slot& a, const Slot& b);

// "10am", "2pm", "2:30pm", "12pm" (noon), "12am" (midnight); the same
// short form in both languages.
std::string format_time(const Slot& s);

// "jueves 3 de diciembre" / "Thursday, December 3"; "" for an invalid date.
std::string format_day(Date d, Lang lang);

// Weekday names for replies: "miércoles" / "Wednesday" (0 = Sunday;
// Spanish lower-case with accents). Out of range → "".
std::string_view weekday_name(int weekday, Lang lang);

}  // namespace booking
