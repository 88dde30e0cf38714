#include "day.hpp"

#include <gtest/gtest.h>

#include <string>

namespace booking {
namespace {

// Calls are booked Tuesday to Friday.
constexpr Weekdays kTueToFri = {false, false, true, true, true, true, false};

constexpr DayError ok = DayError::none;
constexpr DayError past = DayError::past;
constexpr DayError closed = DayError::not_bookable;
constexpr DayError huh = DayError::not_understood;
constexpr DayError mismatch = DayError::mismatch;
constexpr DayKind earliest = DayKind::earliest;
constexpr DayKind next_week = DayKind::next_week;

struct Case {
  const char* text;
  Date date;  // ignored when not understood
  DayError error;
  DayKind kind = DayKind::date;
};

// Names, so a failure reads "mismatch" rather than a byte dump.
std::string name(DayError e) {
  switch (e) {
    case DayError::none: return "none";
    case DayError::not_understood: return "not_understood";
    case DayError::past: return "past";
    case DayError::not_bookable: return "not_bookable";
    case DayError::mismatch: return "mismatch";
  }
  return "?";
}

std::string name(DayKind k) {
  switch (k) {
    case DayKind::date: return "date";
    case DayKind::earliest: return "earliest";
    case DayKind::next_week: return "next_week";
  }
  return "?";
}

void check(Date today, std::initializer_list<Case> cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "today " << to_iso(today) << ": \"" << c.text << '"');
    const DayAnswer got = resolve_day(c.text, today, kTueToFri);
    EXPECT_EQ(name(got.error), name(c.error));
    EXPECT_EQ(name(got.kind), name(c.kind));
    if (c.error != huh) {
      EXPECT_EQ(to_iso(got.date), to_iso(c.date));
    }
  }
}

// Today is Wednesday 2026-11-25 in every table below unless it says otherwise.
constexpr Date kWed{2026, 11, 25};

// An English speaker may write month/day or day/month (issue 11): a date
// that reads both ways is the nearer one after today. Spanish stays day/month.
TEST(Day, AnEnglishSpeakersNumericDateIsTheNearerReading) {
  struct EnCase {
    const char* text;
    Date date;
    DayError error;
  } cases[] = {
      {"12/3", {2026, 12, 3}, ok},          // December 3, not 12 March
      {"3/12", {2026, 12, 3}, ok},          // 3 December, not March 12
      {"on 12/1 please", {2026, 12, 1}, ok},
      {"1/12", {2026, 12, 1}, ok},
      {"12/3/2026", {2026, 12, 3}, ok},     // 12 March 2026 is past
      {"12/4/26", {2026, 12, 4}, ok},
      {"11/28", {2026, 11, 28}, closed},    // only month/day makes sense: a Saturday
      {"12/12", {2026, 12, 12}, closed},    // the same either way: a Saturday
      {"13/13", {}, huh},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const DayAnswer got = resolve_day(c.text, kWed, kTueToFri, true);
    EXPECT_EQ(got.error, c.error);
    if (c.error != huh) {
      EXPECT_EQ(to_iso(got.date), to_iso(c.date));
    }
  }
  // Spanish (the default): day/month as written.
  EXPECT_EQ(to_iso(resolve_day("12/3", kWed, kTueToFri).date), "2027-03-12");
}

TEST(Day, WeekdayNamesMeanTheNextOccurrenceAfterToday) {
  check(kWed, {
                  {"miercoles", {2026, 12, 2}, ok},  // today's weekday → a week later
                  {"MIÉRCOLES", {2026, 12, 2}, ok},
                  {"mie\xCC\x81rcoles", {2026, 12, 2}, ok},  // decomposed accent
                  {"Wednesday", {2026, 12, 2}, ok},
                  {"wed", {2026, 12, 2}, ok},
                  {"el jueves", {2026, 11, 26}, ok},
                  {"El Jueves 😊", {2026, 11, 26}, ok},
                  {"el jueves por la mañana", {2026, 11, 26}, ok},
                  {"el próximo martes", {2026, 12, 1}, ok},
                  {"el proximo martes porfa", {2026, 12, 1}, ok},
                  {"el martes que viene", {2026, 12, 1}, ok},
                  {"next tuesday", {2026, 12, 1}, ok},
                  {"next tue please", {2026, 12, 1}, ok},
                  {"this friday", {2026, 11, 27}, ok},
                  {"Friday works for me!", {2026, 11, 27}, ok},
                  {"puede ser el viernes?", {2026, 11, 27}, ok},
                  {"thurs", {2026, 11, 26}, ok},
                  {"el jueves 26", {2026, 11, 26}, ok},
                  {"el jueves a las 10", {2026, 11, 26}, ok},
                  {"jueves 4", {2026, 11, 26}, ok},  // 4 is not a Thursday: an hour
              });
}

TEST(Day, WeekdaysThatAreNotBookable) {
  check(kWed, {
                  {"el sábado", {2026, 11, 28}, closed},
                  {"sabado", {2026, 11, 28}, closed},
                  {"Saturday", {2026, 11, 28}, closed},
                  {"el lunes", {2026, 11, 30}, closed},
                  {"monday", {2026, 11, 30}, closed},
                  {"domingo", {2026, 11, 29}, closed},
              });
}

TEST(Day, RelativeDays) {
  check(kWed, {
                  {"mañana", {2026, 11, 26}, ok},
                  {"MAÑANA!!!", {2026, 11, 26}, ok},
                  {"manana", {2026, 11, 26}, ok},
                  {"mañana por la mañana", {2026, 11, 26}, ok},
                  {"mañana en la tarde", {2026, 11, 26}, ok},
                  {"tomorrow", {2026, 11, 26}, ok},
                  {"tomorrow morning", {2026, 11, 26}, ok},
                  {"pasado mañana", {2026, 11, 27}, ok},
                  {"pasado manana por la tarde", {2026, 11, 27}, ok},
                  {"the day after tomorrow", {2026, 11, 27}, ok},
                  {"hoy", {2026, 11, 25}, past},  // same-day calls are not offered
                  {"today", {2026, 11, 25}, past},
                  {"esta tarde", {2026, 11, 25}, past},
                  {"tonight", {2026, 11, 25}, past},
                  {"mañana jueves", {2026, 11, 26}, ok},
              });
  // Tomorrow can fall on a closed day.
  check({2026, 11, 27}, {{"mañana", {2026, 11, 28}, closed}});
}

TEST(Day, NumericDatesAreDayMonth) {
  check(kWed, {
                  {"27/11", {2026, 11, 27}, ok},
                  {"28/11", {2026, 11, 28}, closed},
                  {"28-11", {2026, 11, 28}, closed},
                  {"el 1/12", {2026, 12, 1}, ok},
                  {"01/12/2026", {2026, 12, 1}, ok},
                  {"3/12/26", {2026, 12, 3}, ok},
                  {"11/28", {2026, 11, 28}, closed},  // 28 cannot be a month
                  {"12/1", {2027, 1, 12}, ok},        // ambiguous → day/month
                  {"2026-12-03", {2026, 12, 3}, ok},
                  {"el 2026-12-03 a las 10:00", {2026, 12, 3}, ok},
                  {"2026-12-03T10:00:00-05:00", {2026, 12, 3}, ok},
                  {"24/11", {2026, 11, 24}, past},  // passed yesterday, not next year
                  {"18/11", {2026, 11, 18}, past},  // 7 days ago: still "past"
                  {"17/11", {2027, 11, 17}, ok},    // 8 days ago: next year
                  {"25/11", {2026, 11, 25}, past},
                  {"28/11/2025", {2025, 11, 28}, past},
              });
}

TEST(Day, MonthNames) {
  check(kWed, {
                  {"3 de diciembre", {2026, 12, 3}, ok},
                  {"el 3 de diciembre a las 10", {2026, 12, 3}, ok},
                  {"December 3", {2026, 12, 3}, ok},
                  {"Dec 3rd", {2026, 12, 3}, ok},
                  {"the 3rd of December", {2026, 12, 3}, ok},
                  {"noviembre 27", {2026, 11, 27}, ok},
                  {"Nov 27", {2026, 11, 27}, ok},
                  {"November 27th", {2026, 11, 27}, ok},
                  {"27 nov", {2026, 11, 27}, ok},
                  {"28 de noviembre", {2026, 11, 28}, closed},
                  {"primero de diciembre", {2026, 12, 1}, ok},
                  {"jueves 3 de diciembre", {2026, 12, 3}, ok},
                  {"Thursday, December 3, 2026", {2026, 12, 3}, ok},
                  {"1 de diciembre de 2026", {2026, 12, 1}, ok},
                  {"el 20 de noviembre", {2026, 11, 20}, past},
                  {"12 de enero", {2027, 1, 12}, ok},
              });
}

TEST(Day, DayOfMonthAlone) {
  check(kWed, {
                  {"el 27", {2026, 11, 27}, ok},
                  {"el día 2", {2026, 12, 2}, ok},
                  {"the 3rd", {2026, 12, 3}, ok},
                  {"el 30", {2026, 11, 30}, closed},
                  {"el 24", {2026, 11, 24}, past},
              });
}

TEST(Day, NextWeekMeansTheFollowingMondayToSundayWeek) {
  constexpr Date kMon{2026, 11, 23};
  check(kMon, {
                  {"el martes", {2026, 11, 24}, ok},
                  {"el martes de la semana que viene", {2026, 12, 1}, ok},
                  {"next week on tuesday", {2026, 12, 1}, ok},
                  {"el próximo martes", {2026, 11, 24}, ok},
              });
  check(kWed, {{"el jueves de la próxima semana", {2026, 12, 3}, ok}});
}

TEST(Day, YearRollover) {
  constexpr Date kDec30{2026, 12, 30};
  check(kDec30, {
                    {"5 de enero", {2027, 1, 5}, ok},
                    {"5/1", {2027, 1, 5}, ok},
                    {"January 5th", {2027, 1, 5}, ok},
                    {"2/1", {2027, 1, 2}, closed},
                    {"28/12", {2026, 12, 28}, past},
                    {"mañana", {2026, 12, 31}, ok},
                    {"el viernes", {2027, 1, 1}, ok},
                    {"el 5", {2027, 1, 5}, ok},
                });
  // Early January: a date from late December is last year's, and past.
  check({2027, 1, 2}, {{"30/12", {2026, 12, 30}, past}, {"30 de diciembre", {2026, 12, 30}, past}});
}

TEST(Day, NotUnderstood) {
  check(kWed, {
                  {"", {}, huh},
                  {"no sé 🤷", {}, huh},
                  {"cuando puedas", {}, huh},
                  {"31/11", {}, huh},
                  {"30/02", {}, huh},
                  {"29/02", {}, huh},  // no 29 February within a year
                  {"2026-02-30", {}, huh},
                  {"13/13", {}, huh},
                  {"0/12", {}, huh},
                  {"noviembre", {}, huh},
                  {"el 15 de marzo de 2028", {}, huh},  // more than a year ahead
                  {"2030-01-10", {}, huh},
                  {"martes o miércoles", {}, huh},
                  {"hoy no, mañana", {}, huh},
                  {"el mar", {}, huh},  // "mar" is the sea, not martes
                  {"555-1234", {}, huh},
                  {"por la mañana", {}, huh},
                  {"a las 10", {}, huh},
                  {"el 32", {}, huh},
              });
}

// Issue 11 (item 3): "as soon as possible" in other words is the first free
// day; the answer is tomorrow and the caller looks on from there.
TEST(Day, EarliestPhrasesMeanFromTomorrowOn) {
  constexpr Date kThu{2026, 11, 26};
  check(kWed, {
                  {"cuanto antes", kThu, ok, earliest},
                  {"¡Cuánto antes!", kThu, ok, earliest},
                  {"lo antes posible", kThu, ok, earliest},
                  {"lo más pronto posible 🙏", kThu, ok, earliest},
                  {"cuando sea", kThu, ok, earliest},
                  {"cuando sea, gracias", kThu, ok, earliest},
                  {"el primer día que tengas", kThu, ok, earliest},
                  {"el primer día disponible", kThu, ok, earliest},
                  {"el día que tengas libre", kThu, ok, earliest},
                  {"el primero que tengas", kThu, ok, earliest},
                  {"cualquier día", kThu, ok, earliest},
                  {"Cualquier dia me va bien", kThu, ok, earliest},
                  {"cualquier día por la mañana", kThu, ok, earliest},
                  {"cualquiera", kThu, ok, earliest},
                  {"me da igual el día", kThu, ok, earliest},
                  {"no sé, cuando sea", kThu, ok, earliest},
                  {"whenever suits you", kThu, ok, earliest},
                  {"Whenever", kThu, ok, earliest},
                  {"earliest you have", kThu, ok, earliest},
                  {"the earliest please", kThu, ok, earliest},
                  {"whatever day works", kThu, ok, earliest},
                  {"any day", kThu, ok, earliest},
                  {"any day is fine", kThu, ok, earliest},
                  {"as soon as possible", kThu, ok, earliest},
                  {"ASAP", kThu, ok, earliest},
                  {"asap pls", kThu, ok, earliest},
                  {"the soonest", kThu, ok, earliest},
                  {"first available", kThu, ok, earliest},
                  {"the first available day", kThu, ok, earliest},
                  {"the first day you have", kThu, ok, earliest},
                  {"no preference", kThu, ok, earliest},
                  {"I don't mind, whenever", kThu, ok, earliest},
              });
  // Tomorrow need not be bookable: the caller finds the first bookable day.
  check({2026, 11, 27}, {{"cuanto antes", {2026, 11, 28}, ok, earliest}, {"asap", {2026, 11, 28}, ok, earliest}});
}

TEST(Day, ANamedDayWinsOverEarliest) {
  check(kWed, {
                  {"cuanto antes, el jueves", {2026, 11, 26}, ok},
                  {"asap, friday", {2026, 11, 27}, ok},
                  {"lo antes posible, el 3 de diciembre", {2026, 12, 3}, ok},
                  {"as soon as possible, tomorrow", {2026, 11, 26}, ok},
                  {"cualquier día, pero mejor el martes", {2026, 12, 1}, ok},
                  {"whenever, the 3rd?", {2026, 12, 3}, ok},
                  {"cuanto antes, el sábado", {2026, 11, 28}, closed},
                  // An exception names the day NOT wanted: ask again.
                  {"cualquier día menos el lunes", {}, huh},
                  {"cualquier día excepto mañana", {}, huh},
                  {"any day except Friday", {}, huh},
                  {"any day but not monday", {}, huh},
                  {"asap, other than tuesday", {}, huh},
              });
}

TEST(Day, NoDayIsNotEarliest) {
  check(kWed, {
                  {"no sé", {}, huh},
                  {"nunca", {}, huh},
                  {"ningún día", {}, huh},
                  {"never", {}, huh},
                  {"not asap", {}, huh},
                  {"no cualquier día", {}, huh},
                  {"not any day", {}, huh},
                  {"cuando puedas", {}, huh},  // kept as before: not read as a day
                  {"sea", {}, huh},
                  {"antes", {}, huh},
                  {"el primer", {}, huh},
                  {"any", {}, huh},
                  {"day", {}, huh},
                  {"el día", {}, huh},
                  {"first", {}, huh},
                  {"cualquier otro día", {}, huh},  // asks_other_day, not a day
                  {"any other day", {}, huh},
              });
}

// Issue 11 (item 4): ordinals and days of the month.
TEST(Day, OrdinalsAndDaysOfTheMonth) {
  check(kWed, {
                  {"the 3rd", {2026, 12, 3}, ok},
                  {"on the 15th", {2026, 12, 15}, ok},
                  {"on the 21st", {2026, 11, 21}, past},  // 4 days ago: within the look-back
                  {"on the 17th", {2026, 12, 17}, ok},    // 8 days ago: next month's
                  {"el día 3", {2026, 12, 3}, ok},
                  {"el dia 3 por la tarde", {2026, 12, 3}, ok},
                  {"el 3", {2026, 12, 3}, ok},
                  {"el 3 a las 10", {2026, 12, 3}, ok},
                  {"the first", {2026, 12, 1}, ok},
                  {"on the first, please", {2026, 12, 1}, ok},
                  {"the first of the month", {2026, 12, 1}, ok},
                  {"the 1st", {2026, 12, 1}, ok},
                  {"el primero", {2026, 12, 1}, ok},
                  {"el día primero", {2026, 12, 1}, ok},
                  {"el 1ro", {2026, 12, 1}, ok},
                  {"el primero de diciembre", {2026, 12, 1}, ok},
                  {"the first of December", {2026, 12, 1}, ok},
                  {"15th", {2026, 12, 15}, ok},
                  {"el 14", {2026, 12, 14}, closed},  // a Monday
                  {"3rd works", {2026, 12, 3}, ok},
                  {"el 27 de noviembre", {2026, 11, 27}, ok},
              });
  // Ordinals that pick a thing, and hours, are not days.
  check(kWed, {
                  {"the first one", {}, huh},
                  {"el primero de esos", {}, huh},
                  {"the first of them", {}, huh},
                  {"the 2nd option", {}, huh},
                  {"3rd time asking", {}, huh},
                  {"primero quiero saber el precio", {}, huh},
                  {"el 3 pm", {}, huh},
                  {"el 3:30", {}, huh},
                  {"the 40th", {}, huh},
                  {"4th floor", {}, huh},
              });
  // On 2 December "the first" is next month's: the 1st just passed a day ago.
  check({2026, 12, 2}, {{"the first", {2026, 12, 1}, past}, {"el primero de enero", {2027, 1, 1}, ok}});
}

// Issue 11 (item 4): a weekday with a day number. When they disagree the
// answer is mismatch with the numbered date, so the bot can say which
// weekday that date is. These were not_understood before ("jueves 4/12",
// "el jueves 27" moved here from NotUnderstood).
TEST(Day, WeekdayWithADayNumber) {
  check(kWed, {
                  {"el viernes 4", {2026, 12, 4}, ok},
                  {"viernes 4 de diciembre", {2026, 12, 4}, ok},
                  {"Tuesday the 8th", {2026, 12, 8}, ok},
                  {"Friday 4th", {2026, 12, 4}, ok},
                  {"el martes 1", {2026, 12, 1}, ok},
                  {"el jueves 3 a las 10", {2026, 12, 3}, ok},
                  {"el próximo viernes 4", {2026, 12, 4}, ok},
                  {"jeuves 3", {2026, 12, 3}, ok},
              });
  check(kWed, {
                  {"el viernes 5", {2026, 12, 5}, mismatch},  // a Saturday
                  {"viernes 5 de diciembre", {2026, 12, 5}, mismatch},
                  {"Friday the 5th", {2026, 12, 5}, mismatch},
                  {"Friday 5th", {2026, 12, 5}, mismatch},
                  {"Tuesday the 9th", {2026, 12, 9}, mismatch},
                  {"el próximo viernes 5", {2026, 12, 5}, mismatch},
                  {"jueves 4/12", {2026, 12, 4}, mismatch},  // 4 December is a Friday
                  {"el jueves 27", {2026, 11, 27}, mismatch},
                  {"Thursday, December 4", {2026, 12, 4}, mismatch},
                  {"el sábado 4", {2026, 12, 4}, mismatch},
                  {"mañana viernes", {2026, 11, 26}, mismatch},  // tomorrow is Thursday
                  {"el lunes 24", {2026, 11, 24}, mismatch},     // even when the date passed
                  {"el jeuves 4", {2026, 12, 4}, mismatch},
              });
  // A small number that is no such weekday, or an hour, is the time of day.
  check(kWed, {
                  {"jueves 4", {2026, 11, 26}, ok},
                  {"Friday 5", {2026, 11, 27}, ok},
                  {"el viernes 5 pm", {2026, 11, 27}, ok},
                  {"el viernes 5 p.m.", {2026, 11, 27}, ok},
                  {"el viernes 5:30", {2026, 11, 27}, ok},
                  {"el viernes 5 de la tarde", {2026, 11, 27}, ok},
                  {"el viernes 5 y media", {2026, 11, 27}, ok},
                  {"el viernes 5 a 6", {2026, 11, 27}, ok},
                  {"el jueves 15:00", {2026, 11, 26}, ok},
                  {"Friday at 5", {2026, 11, 27}, ok},
              });
  // Two different days are still not understood; so is a far-off date.
  check(kWed, {
                  {"el viernes 4 o el jueves 10", {}, huh},
                  {"el viernes 4 y el 11", {}, huh},
                  {"viernes 5 de marzo de 2028", {}, huh},
              });
}

// Issue 11 (item 4): next week without a weekday is that week's Monday.
TEST(Day, NextWeekWithoutAWeekday) {
  constexpr Date kNextMon{2026, 11, 30};
  check(kWed, {
                  {"la próxima semana", kNextMon, ok, next_week},
                  {"la semana que viene", kNextMon, ok, next_week},
                  {"La semana siguiente porfa", kNextMon, ok, next_week},
                  {"next week", kNextMon, ok, next_week},
                  {"sometime next week", kNextMon, ok, next_week},
                  {"Next week please!", kNextMon, ok, next_week},
                  {"any day next week", kNextMon, ok, next_week},
                  {"cualquier día de la semana que viene", kNextMon, ok, next_week},
                  {"la próxima semana, cuanto antes", kNextMon, ok, next_week},
                  {"la semana que viene no, cuanto antes", {2026, 11, 26}, ok, earliest},
                  {"no, next week", kNextMon, ok, next_week},
                  // With a weekday or a date, that day.
                  {"el martes de la semana que viene", {2026, 12, 1}, ok},
                  {"next week on friday", {2026, 12, 4}, ok},
                  {"la próxima semana, el 3 de diciembre", {2026, 12, 3}, ok},
              });
  check({2026, 11, 23}, {{"next week", kNextMon, ok, next_week}});  // a Monday
  check({2026, 11, 29}, {{"la semana que viene", kNextMon, ok, next_week}});  // a Sunday
  check({2026, 12, 30}, {{"next week", {2027, 1, 4}, ok, next_week}});
  check(kWed, {
                  {"not next week", {}, huh},
                  {"la semana que viene no puedo", {}, huh},
                  {"I can't do next week", {}, huh},
                  {"no la semana que viene", {}, huh},
                  {"esta semana", {}, huh},
                  {"semana", {}, huh},
                  {"next", {}, huh},
                  {"la semana pasada", {}, huh},
              });
}

// Issue 11 (item 10): a weekday with one typo.
TEST(Day, MisspelledWeekdays) {
  check(kWed, {
                  {"jeuves", {2026, 11, 26}, ok},
                  {"el juves", {2026, 11, 26}, ok},
                  {"Jeuves por la tarde", {2026, 11, 26}, ok},
                  {"tuesdy", {2026, 12, 1}, ok},
                  {"next tuesdy", {2026, 12, 1}, ok},
                  {"thursdy", {2026, 11, 26}, ok},
                  {"wendesday", {2026, 12, 2}, ok},
                  {"wednsday", {2026, 12, 2}, ok},
                  {"miercole", {2026, 12, 2}, ok},
                  {"el mircoles", {2026, 12, 2}, ok},
                  {"vienres", {2026, 11, 27}, ok},
                  {"el vierns", {2026, 11, 27}, ok},
                  {"frday", {2026, 11, 27}, ok},
                  {"fridya", {2026, 11, 27}, ok},
                  {"lunez", {2026, 11, 30}, closed},
                  {"sabdo", {2026, 11, 28}, closed},
                  {"satruday", {2026, 11, 28}, closed},
                  {"Jeuves 3 de diciembre", {2026, 12, 3}, ok},
                  {"tuesdays", {2026, 12, 1}, ok},  // a plural is that weekday
              });
  check(kWed, {
                  {"martes", {2026, 12, 1}, ok},
                  {"viernes", {2026, 11, 27}, ok},
                  {"jueves", {2026, 11, 26}, ok},
                  {"tuesday's fine", {2026, 12, 1}, ok},
                  {"jueves o vienres", {}, huh},  // two weekdays
                  {"marte", {}, huh},             // Mars
                  {"lunas", {}, huh},
                  {"las partes", {}, huh},
                  {"¿vienes?", {}, huh},
                  {"mientras tanto", {}, huh},
                  {"los jueces", {}, huh},
                  {"sundae", {}, huh},
                  {"read the lines", {}, huh},
                  {"lo has sacado", {}, huh},
                  {"el dominio", {}, huh},
                  {"juev", {}, huh},  // under 5 letters: no guessing
                  {"mart", {}, huh},
                  {"frida", {}, huh},
              });
}

// Issue 11: the lead turns down the offered day.
TEST(Day, AsksOtherDay) {
  for (const char* yes : {"otro día", "otro dia", "Otro día por favor", "mejor otro día", "¿otra fecha?",
                          "another day", "a different day", "some other day", "any other day?", "un día distinto",
                          "ninguno de esos días", "ninguna me sirve", "no me sirve ninguno", "Ninguno",
                          "none of those work", "none of them", "None of these work for me", "neither works",
                          "another day works too, tuesday", "cualquier otro día"}) {
    EXPECT_TRUE(asks_other_day(yes)) << yes;
  }
  for (const char* no : {"", "el otro día te escribí", "the other day I called", "el otro martes", "ningún problema",
                         "de ninguna manera", "ninguna duda", "el jueves", "otro", "another", "tuesday", "no",
                         "cualquier día", "other"}) {
    EXPECT_FALSE(asks_other_day(no)) << no;
  }
  // Independent of resolve_day: a named day is still read.
  EXPECT_EQ(to_iso(resolve_day("another day works too, tuesday", kWed, kTueToFri).date), "2026-12-01");
  EXPECT_EQ(resolve_day("otro día", kWed, kTueToFri).error, DayError::not_understood);
  EXPECT_EQ(resolve_day("el otro martes", kWed, kTueToFri).error, DayError::none);
}

TEST(Day, SurvivesOddInput) {
  const std::string odd[] = {"/", "1/", "/1", "-", "1-", "12:", ":30", "1//2", "1/2/3/4",
                             "\xC3", "\xFF\xFE", std::string(4096, '9'), std::string(2000, '/'),
                             std::string(1000, '1') + "/" + std::string(1000, '2')};
  for (const auto& text : odd) {
    EXPECT_EQ(resolve_day(text, kWed, kTueToFri).error, DayError::not_understood) << text.substr(0, 20);
  }
}

TEST(Day, RejectsAnInvalidToday) {
  EXPECT_EQ(resolve_day("mañana", {2026, 2, 30}, kTueToFri).error, DayError::not_understood);
}

TEST(Day, MonthFromWord) {
  EXPECT_EQ(month_from_word("noviembre"), 11);
  EXPECT_EQ(month_from_word("dic"), 12);
  EXPECT_EQ(month_from_word("september"), 9);
  EXPECT_EQ(month_from_word("setiembre"), 9);
  EXPECT_EQ(month_from_word("lunes"), 0);
}

}  // namespace
}  // namespace booking
