#include "calendar.hpp"

#include <gtest/gtest.h>

namespace booking {
namespace {

TEST(Calendar, DaysFromCivilAndWeekday) {
  struct Case {
    Date date;
    long days;
    int weekday;  // 0 = Sunday
  };
  const Case cases[] = {
      {{1970, 1, 1}, 0, 4},          {{1969, 12, 31}, -1, 3},      {{2000, 2, 29}, 11016, 2},
      {{2000, 3, 1}, 11017, 3},      {{2026, 11, 25}, 20782, 3},   {{2026, 11, 23}, 20780, 1},
      {{2026, 12, 30}, 20817, 3},    {{2027, 1, 2}, 20820, 6},     {{1900, 3, 1}, -25508, 4},
      {{1601, 1, 1}, -134774, 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(to_iso(c.date));
    EXPECT_EQ(days_from_civil(c.date), c.days);
    EXPECT_EQ(weekday(c.date), c.weekday);
  }
}

TEST(Calendar, AddDaysCrossesMonthsYearsAndLeapDays) {
  struct Case {
    Date from;
    int n;
    Date to;
  };
  const Case cases[] = {
      {{2026, 11, 25}, 1, {2026, 11, 26}},  {{2026, 11, 30}, 1, {2026, 12, 1}},
      {{2026, 12, 31}, 1, {2027, 1, 1}},    {{2028, 2, 28}, 1, {2028, 2, 29}},
      {{2027, 2, 28}, 1, {2027, 3, 1}},     {{2100, 2, 28}, 1, {2100, 3, 1}},
      {{2026, 1, 1}, -1, {2025, 12, 31}},   {{2026, 11, 25}, 365, {2027, 11, 25}},
      {{2026, 3, 15}, 0, {2026, 3, 15}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(to_iso(c.from));
    EXPECT_EQ(add_days(c.from, c.n), c.to);
  }
}

TEST(Calendar, RoundTripsEveryDayOfSeveralCenturies) {
  Date d{1899, 12, 31};
  long serial = days_from_civil(d);
  for (int i = 0; i < 200 * 366; ++i) {
    const Date next = add_days(d, 1);
    ASSERT_TRUE(is_valid(next)) << to_iso(next);
    ASSERT_EQ(days_from_civil(next), ++serial) << to_iso(next);
    ASSERT_EQ(weekday(next), (weekday(d) + 1) % 7) << to_iso(next);
    ASSERT_LT(d, next);
    d = next;
  }
}

TEST(Calendar, DaysInMonthAndValidity) {
  EXPECT_EQ(days_in_month(2026, 2), 28);
  EXPECT_EQ(days_in_month(2028, 2), 29);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2026, 11), 30);
  EXPECT_EQ(days_in_month(2026, 12), 31);
  EXPECT_EQ(days_in_month(2026, 13), 0);
  EXPECT_TRUE(is_valid({2026, 12, 31}));
  EXPECT_FALSE(is_valid({2026, 11, 31}));
  EXPECT_FALSE(is_valid({2026, 2, 29}));
  EXPECT_FALSE(is_valid({2026, 0, 1}));
  EXPECT_FALSE(is_valid({2026, 1, 0}));
  EXPECT_FALSE(is_valid({0, 1, 1}));
}

TEST(Calendar, ParsesIsoDates) {
  struct Case {
    const char* text;
    std::optional<Date> want;
  };
  const Case cases[] = {
      {"2026-12-03", Date{2026, 12, 3}},
      {"2026-12-03T10:00:00-05:00", Date{2026, 12, 3}},
      {"2026-11-25T14:30:00Z", Date{2026, 11, 25}},
      {"2026-11-25 14:30", Date{2026, 11, 25}},
      {"2028-02-29", Date{2028, 2, 29}},
      {"2026-02-30", std::nullopt},
      {"2026-02-29", std::nullopt},
      {"2026-13-01", std::nullopt},
      {"2026-00-10", std::nullopt},
      {"2026-12-3", std::nullopt},
      {"2026-12-031", std::nullopt},
      {"26-12-03", std::nullopt},
      {"2026/12/03", std::nullopt},
      {"2026-1a-03", std::nullopt},
      {"", std::nullopt},
      {"tomorrow", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_iso_date(c.text), c.want);
  }
}

TEST(Calendar, FormatsIso) {
  EXPECT_EQ(to_iso({2026, 1, 5}), "2026-01-05");
  EXPECT_EQ(to_iso({2026, 12, 31}), "2026-12-31");
}

}  // namespace
}  // namespace booking
