// Which of the offered slots the lead picked.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "slot.hpp"

namespace booking {

// Which offered slots a free-text answer picks, Spanish or English:
//   times     "10am", "10 a.m.", "10", "10:00", "14h", "14h30", "15 hrs",
//             "a las 15 horas", "a las 2", "las 4 de la tarde",
//             "10 de la mañana", "2 y media", "las 4 y media", "at 4",
//             "4 o'clock", "the 2pm one", "a las dos", "a las cuatro y
//             cuarto", "las 5 menos cuarto", "a las quince horas",
//             "half past two", "quarter to five", "at three thirty",
//             "mediodía"/"noon", "a las doce"
//   positions "la primera", "the first one", "1st", "la segunda", "the
//             second one", "la última", "the earliest", "the latest",
//             "la más temprana", "lo antes posible", "option 2"/"opción 2",
//             "la de en medio"/"la del medio"/"the middle one" → position
//             in `offered` (the middle of an even count is the two middle
//             slots)
//   ranges    "entre las 2 y 4", "between 2 and 4pm", "de las 2 a las 4",
//             "2-4pm", "from 9 to 11" → every slot starting from the first
//             time up to and including the second
//   dayparts  "por la mañana", "en la mañana", "la de la tarde", "esta
//             noche", "in the afternoon", "morning works", "the evening
//             one", "temprano"/"early", "late afternoon", "after lunch",
//             and "tarde"/"noche" when it is the whole answer
// Parts of the day, by the slot's local start time:
//   morning   ("la mañana", "morning")            00:00-11:59
//   afternoon ("la tarde", "afternoon")            12:00-18:59
//   evening   ("la noche", "evening", "tonight")   19:00-23:59
//   early/late morning 00:00-09:59 / 10:00-11:59; early/late afternoon
//   12:00-14:59 / 15:00-18:59; "after lunch"/"después de comer" 13:00-18:59;
//   "before lunch"/"antes de comer" = morning.
//   "temprano"/"early" = the morning slots; when none is in the morning,
//   the slot(s) with the earliest start time of day.
// Rules:
// - A bare number is an hour, never a position ("2" → 2pm if offered).
// - An hour without am/pm matches h or h+12; when both are offered the one
//   in 8:00-19:59 wins. pm/"de la tarde"/"de la noche" force the afternoon,
//   am/"de la mañana"/a leading zero ("09:00") the morning.
// - A range's hours without am/pm are read so that the first is in
//   8:00-19:59 when that finds slots ("entre las 2 y 4" → 14:00-16:00);
//   "de"/"from"/"desde" ranges need "las", am/pm or to end the message
//   ("de 2 a 3 personas" is not one); "entre las 9 y diez" is 9 to 10.
// - Minutes, when given, must match exactly. Without minutes the :00 slot
//   of that hour wins, else the slots in that hour.
// - Spelled hours need "a las"/"at"/a marker ("las dos" alone is "both");
//   "una"/"one" need "la"/"at" or am/pm/o'clock ("quiero una por la tarde",
//   "the one in the afternoon" are not 1pm).
// - "mañana" alone is tomorrow; it is the morning only after "la"/"las"/
//   "esta" ("por la mañana", "en la mañana"): "mañana en la tarde" is the
//   afternoon. Greetings ("good morning", "buenas tardes") are not parts of
//   the day; "más temprano"/"más tarde" (earlier/later) are not either.
// - A part of the day right after "no"/"not"/"no puedo"/"can't" (no comma
//   between) is not read.
// - Numbers that belong to a date ("el 3 de diciembre", "3/12", "Dec 3",
//   "el viernes 12", "el primero de diciembre") and bare numbers in a run
//   of digit groups (a phone number: "+1 555 123 4567", "55 12 34 56") are
//   skipped; a time is read even with a day around it.
// - Readings with a marker (las/at/am/pm/":"/h/ordinal/noon) beat bare
//   numbers; parts of the day count only when there is neither. A
//   position whose slot is outside the part of the day also named ("la
//   primera de la tarde") counts within that part of the day.
// - Positions follow `offered` order; "earliest"/"latest" mean the first
//   and the last offered.
//
// read_time_choice results:
//   none         nothing names a clock time, position or part of the day
//                ("otro día", "el viernes", "no sé", "ninguna", "next
//                week"), or a position that is not offered ("la cuarta"
//                of three), or only negated parts of the day.
//   not_offered  a clock time (marked or a bare hour) no offered slot
//                matches ("a las 5" when 5 is not offered, "a las 25"),
//                even when another time named is offered; or a part of the
//                day or a range with no offered slot in it.
//   several      2+ slots: a part of the day with 2+ slots in it ("por la
//                tarde"), a range, the same time on two days, two times
//                both offered ("a las 10 o a las 2"), or a time and a
//                position that disagree. `picks` = those indices, in offered order.
//   one          exactly one slot; `picks` = {its index}.
// `day_step`: the message answers the DAY question ("el martes a las 11",
// "Friday 3pm", "mañana en la tarde", "el 3 a las 4pm"): a bare number or
// an ordinal is then a date, never a time or a position ("el 28", "el
// primero", "the 3rd"), and no position words are read at all; only times
// with a marker (a las, las, at, am/pm, ":", h/hrs/horas, "de la tarde",
// noon/mediodía), ranges with "las" or am/pm, or a part of the day count.
// A day with nothing else → none.
struct TimeReading {
  enum class Kind { none, one, several, not_offered };
  Kind kind = Kind::none;
  std::vector<std::size_t> picks;  // one: the picked index; several: the matching offered indices, in offered order
};
TimeReading read_time_choice(std::string_view text, const std::vector<Slot>& offered, bool day_step = false);

// The offered slot picked when read_time_choice(text, offered) is `one`;
// nullopt for none, several and not_offered.
std::optional<std::size_t> choose_slot(std::string_view text, const std::vector<Slot>& offered);

}  // namespace booking
