// The day a lead wants, resolved to a calendar date.
#pragma once

#include <array>
#include <string_view>

#include "calendar.hpp"

namespace booking {

// bookable[w] for weekday w (0 = Sunday).
using Weekdays = std::array<bool, 7>;

enum class DayError { none, not_understood, past, not_bookable, mismatch };

// What a DayAnswer with error none stands for.
enum class DayKind {
  date,       // that very day
  earliest,   // "cuanto antes", "any day": `date` is tomorrow, the first day to look from
  next_week,  // "la semana que viene" without a weekday: `date` is next week's Monday
};

struct DayAnswer {
  Date date{};
  DayError error = DayError::not_understood;
  DayKind kind = DayKind::date;
  // The day was named in words (a weekday, a month, "mañana", "next week",
  // "cuanto antes"), not only by a number or ordinal ("el 3", "the first"),
  // which at the time step may be a pick instead.
  bool in_words = false;
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
//   day only      "el 28", "el día 28", "the 28th", "on the 21st", "21st",
//                 "the first", "el primero", "jueves 26", "el viernes 4",
//                 "Tuesday the 8th"
//   typos         a word of 5+ letters one edit (a letter added, dropped,
//                 changed, or two neighbours swapped) from exactly one full
//                 weekday name, and no ordinary word: "jeuves", "juves",
//                 "vienres", "miercole", "tuesdy", "wendesday", "frday"
//                 ("marte", "partes", "vienes", "lines", "sundae" are not)
//   earliest      "cuanto antes", "lo antes posible", "cuando sea",
//                 "el primer día que tengas", "cualquier día", "whenever",
//                 "earliest you have", "any day", "asap", "first available"
//   next week     "la semana que viene", "la próxima semana", "next week"
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
// - A number right after a weekday is the day of the month when it is over
//   12, names that weekday, has an ordinal ending ("Friday 5th") or the
//   weekday has an article ("el viernes 5"); otherwise, or when an hour
//   marker follows ("5 pm", "5:30", "5 y media", "5 de la tarde"), it is the
//   time of day: "jueves 4" and "el jueves 4 pm" are Thursday.
// - "the first"/"el primero" and "3rd" are not days when they pick a thing:
//   "the first one", "el primero que tengas", "the 2nd option".
// - One weekday and one date that disagree ("jueves 4/12", a Friday;
//   "el viernes 5", a Saturday; "mañana viernes" on a Wednesday) →
//   mismatch, `date` = the date (so the bot can say which weekday it is),
//   even if past; not_understood if more than 365 days ahead. Two different
//   weekdays or two different dates → not_understood.
// - With no day named, "next week" (not denied: "not next week", "la semana
//   que viene no puedo") → none, kind next_week, `date` next week's Monday;
//   else an earliest phrase (not denied: "not asap") → none, kind earliest,
//   `date` tomorrow. Neither checks `bookable`: the caller looks for the
//   first bookable day with free times from `date` on. A named day wins
//   ("cuanto antes, el jueves" → Thursday), except after an exception
//   ("cualquier día menos el lunes", "any day except Friday") →
//   not_understood. "no sé", "nunca", "ningún día", "cuando puedas" say no day.
// Results: today or earlier → past (same-day calls are not offered, so
// "hoy"/"today" is past); weekday not in `bookable` → not_bookable; more
// than 365 days ahead, impossible dates (31/11, 2026-02-30) or nothing
// recognisable → not_understood. `date` is filled for past/not_bookable/
// mismatch. `kind` is date unless said otherwise above.
DayAnswer resolve_day(std::string_view text, Date today, const Weekdays& bookable, bool either_order = false);

// Whether the lead turns down the day offered and wants another one:
// "otro día", "otra fecha", "another day", "a different day", "some other
// day", "ninguno de esos días", "ninguna me sirve", "no me sirve ninguno",
// "none of those work", "none of them", "neither". Not "el otro día" /
// "the other day" (the past), "el otro martes" (a weekday), "ningún
// problema" or "de ninguna manera". Independent of resolve_day: "another
// day works too, tuesday" asks for another day AND names Tuesday.
bool asks_other_day(std::string_view text);

// Month number (1..12) of a folded month name or abbreviation ("noviembre",
// "nov", "dic", "december"), else 0. Lets time parsing skip date numbers.
int month_from_word(std::string_view folded_word);

}  // namespace booking
