#include "slot.hpp"

#include <gtest/gtest.h>

namespace booking {
namespace {

TEST(Slot, ParsesGhlSlotStrings) {
  struct Case {
    const char* iso;
    Date date;
    int hour;
    int minute;
  };
  const Case cases[] = {
      {"2026-12-03T14:30:00-05:00", {2026, 12, 3}, 14, 30},
      {"2026-12-03T09:00:00+01:00", {2026, 12, 3}, 9, 0},
      {"2026-12-03T10:00:00Z", {2026, 12, 3}, 10, 0},
      {"2026-12-03T10:00Z", {2026, 12, 3}, 10, 0},
      {"2026-12-03T10:00-03:00", {2026, 12, 3}, 10, 0},
      {"2026-12-03T16:45:00.000-05:00", {2026, 12, 3}, 16, 45},
      {"2026-12-03T16:45:00.123456+05:30", {2026, 12, 3}, 16, 45},
      {"2026-12-03T00:00:00-0500", {2026, 12, 3}, 0, 0},
      {"2026-12-31T23:59:59+14:00", {2026, 12, 31}, 23, 59},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.iso);
    const auto s = parse_slot(c.iso);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->iso, c.iso);  // kept verbatim for booking
    EXPECT_EQ(s->date, c.date);
    EXPECT_EQ(s->hour, c.hour);
    EXPECT_EQ(s->minute, c.minute);
  }
}

TEST(Slot, RejectsMalformedSlotStrings) {
  const char* bad[] = {
      "",
      "2026-12-03",
      "2026-12-03T14:30:00",  // no offset: cannot trust the wall clock
      "2026-12-03 14:30:00-05:00",
      "2026-12-03T24:00:00-05:00",
      "2026-12-03T14:60:00-05:00",
      "2026-12-03T14:30:61-05:00",
      "2026-12-03T1:30:00-05:00",
      "2026-12-03T14:30:00.-05:00",
      "2026-12-03T14:30:00-5:00",
      "2026-12-03T14:30:00-05:00x",
      "2026-12-03T14:30:00+15:00",
      "2026-02-30T14:30:00-05:00",
      "2026-12-03T14:30:00-05:00 ",
      "not a slot",
  };
  for (const char* iso : bad) {
    SCOPED_TRACE(iso);
    EXPECT_FALSE(parse_slot(iso).has_value());
  }
}

TEST(Slot, FormatsTimeInTwelveHourClock) {
  struct Case {
    int hour;
    int minute;
    const char* want;
  };
  const Case cases[] = {
      {10, 0, "10am"}, {14, 0, "2pm"},     {14, 30, "2:30pm"}, {12, 0, "12pm"},
      {0, 0, "12am"},  {0, 15, "12:15am"}, {9, 5, "9:05am"},   {23, 59, "11:59pm"},
      {12, 30, "12:30pm"},
  };
  for (const auto& c : cases) {
    Slot s;
    s.hour = c.hour;
    s.minute = c.minute;
    EXPECT_EQ(format_time(s), c.want);
  }
}

TEST(Slot, FormatsDaysInBothLanguages) {
  EXPECT_EQ(format_day({2026, 12, 3}, Lang::es), "jueves 3 de diciembre");
  EXPECT_EQ(format_day({2026, 12, 3}, Lang::en), "Thursday, December 3");
  EXPECT_EQ(format_day({2026, 12, 2}, Lang::es), "miércoles 2 de diciembre");
  EXPECT_EQ(format_day({2026, 11, 28}, Lang::es), "sábado 28 de noviembre");
  EXPECT_EQ(format_day({2027, 1, 1}, Lang::en), "Friday, January 1");
  EXPECT_EQ(format_day({2026, 9, 15}, Lang::es), "martes 15 de septiembre");
  EXPECT_EQ(format_day({2026, 2, 30}, Lang::es), "");
}

TEST(Slot, NamesWeekdays) {
  const char* es[] = {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"};
  const char* en[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  for (int w = 0; w < 7; ++w) {
    EXPECT_EQ(weekday_name(w, Lang::es), es[w]);
    EXPECT_EQ(weekday_name(w, Lang::en), en[w]);
  }
  EXPECT_EQ(weekday_name(7, Lang::es), "");
  EXPECT_EQ(weekday_name(-1, Lang::en), "");
}

}  // namespace
}  // namespace booking
