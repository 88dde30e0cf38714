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

struct Case {
  const char* text;
  Date date;  // ignored when not understood
  DayError error;
};

void check(Date today, std::initializer_list<Case> cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::Message() << "today " << to_iso(today) << ": \"" << c.text << '"');
    const DayAnswer got = resolve_day(c.text, today, kTueToFri);
    EXPECT_EQ(got.error, c.error);
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
                  {"jueves 4/12", {}, huh},  // 4 December is a Friday
                  {"el jueves 27", {}, huh},
                  {"martes o miércoles", {}, huh},
                  {"hoy no, mañana", {}, huh},
                  {"el mar", {}, huh},  // "mar" is the sea, not martes
                  {"555-1234", {}, huh},
                  {"por la mañana", {}, huh},
                  {"a las 10", {}, huh},
                  {"el 32", {}, huh},
              });
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
