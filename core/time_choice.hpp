// Which of the offered slots the lead picked.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "slot.hpp"

namespace booking {

// Which offered slot a free-text answer picks, Spanish or English:
//   times     "10am", "10 a.m.", "10", "10:00", "14h", "14h30", "a las 2",
//             "las 4 de la tarde", "10 de la mañana", "2 y media", "at 4",
//             "4 o'clock", "the 2pm one", "a las dos", "mediodía"/"noon"
//   ordinals  "la primera", "the first one", "1st", "la última", and
//             "option 2"/"opción 2" → position in `offered`
//   daypart   "la de la mañana", "the afternoon one" → only when a single
//             offered slot is in that part of the day
// Rules:
// - A bare number is an hour, never a position ("2" → 2pm if offered).
// - An hour without am/pm matches h or h+12; when both are offered the one
//   in 8:00-19:59 wins. pm/"de la tarde"/"de la noche" force the afternoon,
//   am/"de la mañana"/a leading zero ("09:00") the morning.
// - Minutes, when given, must match exactly. Without minutes the :00 slot
//   of that hour wins, else the only slot in that hour.
// - Spelled hours need "a las"/"at"/a marker ("las dos" alone is "both").
// - Numbers that belong to a date ("el 3 de diciembre", "3/12", "Dec 3")
//   are skipped; a time is read even with a day around it.
// - Readings with a marker (las/at/am/pm/":"/ordinal) beat bare numbers;
//   all readings of the winning kind must agree on one slot, otherwise
//   (two times, a time not offered, the same time on two days) → nullopt.
std::optional<std::size_t> choose_slot(std::string_view text, const std::vector<Slot>& offered);

}  // namespace booking
