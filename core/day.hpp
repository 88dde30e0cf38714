// The day a lead wants, resolved to a calendar date.
#pragma once

#include <array>
#include <string_view>

#include "calendar.hpp"

namespace booking {

// bookable[w] for weekday w (0 = Sunday).
using Weekdays = std::array<bool, 7>;

enum class DayError { none, not_understood, past, not_bookable };

struct DayAnswer {
  Date date{};
  DayError error = DayError::not_understood;
};

// Reads the day out of a free-text answer, Spanish or English, any case,
// with or without accents, with other words and emoji around it:
//   weekdays      "miércoles", "el jueves", "el próximo martes", "next tue",
//                 "this friday", "el martes que viene" (English abbreviations
//                 mon..sun only; Spanish ones clash with words like "mar")
//   relative      "mañana"/"tomorrow", "pasado mañana"/"day after tomorrow",
//                 "hoy"/"today"/"esta tarde"/"tonight"
//   month names   "28 de noviembre", "noviembre 28", "Nov 28th", "28 nov",
//                 "the 3rd of December", "3 de diciembre de 2027"
//   numeric       "28/11", "28-11", "28/11/2026", "28/11/26", "2026-12-03"
//   day only      "el 28", "el día 28", "the 28th", "jueves 26"
// Rules:
// - Numeric dates are day/month. Only when the first number is <= 12 and
//   the second > 12 ("11/28") is it read month/day. With `either_order`
//   (an English speaker, who may write month/day or day/month), a date
//   that reads both ways ("12/3") is the nearer of the two after today.
// - A weekday means its next occurrence strictly after today ("martes" on a
//   Tuesday → a week later); "próximo"/"next"/"this"/"que viene" change
//   nothing. With "semana que viene"/"próxima semana"/"next week" it is
//   that weekday in next Monday-to-Sunday week.
// - "mañana" after "la" ("por la mañana", "de la mañana") is the morning,
//   not tomorrow: "el jueves por la mañana" → Thursday.
// - A date without a year is the first one from 7 days ago on (so on
//   25/11 "24/11" → this year's, which is past; "5 de enero" → next year;
//   on 2/1, "30/12" → last year's, past). "el 28" works the same by month.
// - A weekday and a date that disagree ("jueves 4/12", a Friday), or two
//   different days → not_understood, so the bot asks again.
// Results: today or earlier → past (same-day calls are not offered, so
// "hoy"/"today" is past); weekday not in `bookable` → not_bookable; more
// than 365 days ahead, impossible dates (31/11, 2026-02-30) or nothing
// recognisable → not_understood. `date` is filled for past/not_bookable.
DayAnswer resolve_day(std::string_view text, Date today, const Weekdays& bookable, bool either_order = false);

// Month number (1..12) of a folded month name or abbreviation ("noviembre",
// "nov", "dic", "december"), else 0. Lets time parsing skip date numbers.
int month_from_word(std::string_view folded_word);

}  // namespace booking
