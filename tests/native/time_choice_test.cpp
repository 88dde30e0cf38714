#include "time_choice.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

namespace booking {
namespace {

std::vector<Slot> slots(std::initializer_list<const char*> times) {
  std::vector<Slot> out;
  for (const char* t : times) out.push_back(*parse_slot(fmt::format("2026-12-03T{}:00-05:00", t)));
  return out;
}

constexpr std::optional<std::size_t> none = std::nullopt;

struct Case {
  const char* text;
  std::optional<std::size_t> want;
};

void check(const std::vector<Slot>& offered, std::initializer_list<Case> cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(choose_slot(c.text, offered), c.want);
  }
}

// 0 = 10am, 1 = 2pm, 2 = 4pm.
const std::vector<Slot> kDay = slots({"10:00", "14:00", "16:00"});

TEST(TimeChoice, HoursWithAndWithoutMeridiem) {
  check(kDay, {
                  {"10am", 0},
                  {"10 am", 0},
                  {"10 a.m.", 0},
                  {"10", 0},
                  {"10:00", 0},
                  {"10:00 hs", 0},
                  {"a las 10 😊", 0},
                  {"10 de la mañana", 0},
                  {"a las diez de la mañana", 0},
                  {"a las 2", 1},
                  {"A LAS 2!!", 1},
                  {"2", 1},  // a bare number is an hour, never an option number
                  {"2 pm", 1},
                  {"2pm", 1},
                  {"2 p.m.", 1},
                  {"2 p. m.", 1},
                  {"14:00", 1},
                  {"14h", 1},
                  {"14 hrs", 1},
                  {"a las dos de la tarde", 1},
                  {"the 2pm one", 1},
                  {"2 o'clock", 1},
                  {"las 4 de la tarde", 2},
                  {"4 de la tarde", 2},
                  {"4 por la tarde", 2},
                  {"4:00 PM", 2},
                  {"at 4", 2},
                  {"4 o'clock", 2},
                  {"4 in the afternoon", 2},
                  {"prefiero las 4", 2},
                  {"a las cuatro", 2},
                  {"at four", 2},
                  {"las 4 en punto", 2},
              });
}

TEST(TimeChoice, OrdinalWordsPickByPosition) {
  check(kDay, {
                  {"la primera", 0},
                  {"the first one", 0},
                  {"first", 0},
                  {"1st", 0},
                  {"el primero", 0},
                  {"la segunda", 1},
                  {"the second", 1},
                  {"2nd please", 1},
                  {"la tercera", 2},
                  {"third", 2},
                  {"la última", 2},
                  {"the last one", 2},
                  {"option 2", 1},
                  {"opción 3", 2},
                  {"la primera, a las 10", 0},
                  {"la cuarta", none},  // only three offered
                  {"option 4", none},
                  {"un segundo", none},  // "one second", not the second slot
                  {"wait a second", none},
                  // The earliest and the latest, in other words (issue 11).
                  {"the earliest", 0},
                  {"the earliest one you have", 0},
                  {"soonest please", 0},
                  {"la más temprana", 0},
                  {"el más temprano", 0},
                  {"lo antes posible", 0},
                  {"cuanto antes", 0},
                  {"as early as possible", 0},
                  {"the early one", 0},
                  {"la más tarde", 2},
                  {"the latest", 2},
                  {"the late one", 2},
                  {"más tarde te confirmo", none},  // "later", not the last slot
              });
}

TEST(TimeChoice, DaysAroundTheTimeAreIgnored) {
  check(kDay, {
                  {"el jueves a las 2", 1},
                  {"el 3 de diciembre a las 4", 2},
                  {"3/12 a las 10", 0},
                  {"Dec 3rd at 4pm", 2},
                  {"December 3 at 10", 0},
                  {"mañana a las 10", 0},
                  {"el jueves por la tarde a las 4", 2},
              });
}

TEST(TimeChoice, TimesNotOfferedOrNotTimes) {
  check(kDay, {
                  {"10 pm", none},
                  {"2 am", none},
                  {"a las 2:30", none},  // minutes must match
                  {"11", none},
                  {"a las 3", none},
                  {"25", none},
                  {"99", none},
                  {"a las 25", none},
                  {"13pm", none},
                  {"14am", none},
                  {"10:75", none},
                  {"mediodía", none},
                  {"a las 10 o a las 2", none},  // two different answers
                  {"no sé", none},
                  {"", none},
                  {"cualquiera de las dos", none},  // "either of the two", not 2pm
                  {"por la tarde", none},           // two afternoon slots
                  {"el 2", none},                   // a day of the month, not a time
                  {"1234", none},
              });
}

TEST(TimeChoice, DaypartPicksTheOnlySlotInIt) {
  check(kDay, {{"la de la mañana", 0}, {"the morning one", 0}});
  check(slots({"10:00", "14:00"}), {{"por la tarde", 1}, {"afternoon", 1}});
}

TEST(TimeChoice, MinutesAndHalfHours) {
  // 0 = 10am, 1 = noon, 2 = 2:30pm.
  check(slots({"10:00", "12:00", "14:30"}), {
                                                {"a las 2:30", 2},
                                                {"2:30pm", 2},
                                                {"2.30", 2},
                                                {"14:30", 2},
                                                {"14h30", 2},
                                                {"2 y media", 2},
                                                {"las dos y media", 2},
                                                {"a las 2", 2},  // the only slot at 2
                                                {"a las 2:15", none},
                                                {"2 y cuarto", none},
                                                {"mediodía", 1},
                                                {"al medio dia", 1},
                                                {"noon", 1},
                                                {"12pm", 1},
                                                {"12", 1},
                                                {"12 del mediodía", 1},
                                                {"12am", none},
                                                {"10:30", none},
                                            });
  // On-the-hour wins when no minutes are said; two off-hour slots are ambiguous.
  check(slots({"14:00", "14:30"}), {{"a las 2", 0}, {"2:30", 1}});
  check(slots({"14:15", "14:45"}), {{"a las 2", none}, {"2:45", 1}});
}

TEST(TimeChoice, HourWithoutMeridiemPrefersBusinessHours) {
  // 0 = 2am, 1 = 9am, 2 = 2pm, 3 = 9pm.
  check(slots({"02:00", "09:00", "14:00", "21:00"}), {
                                                          {"a las 2", 2},
                                                          {"2", 2},
                                                          {"2 am", 0},
                                                          {"2 de la mañana", 0},
                                                          {"02:00", 0},
                                                          {"2pm", 2},
                                                          {"9", 1},
                                                          {"a las 9 de la noche", 3},
                                                          {"9 at night", 3},
                                                          {"21:00", 3},
                                                          {"21h", 3},
                                                      });
  // Only the evening slot at 8 exists: an hour without meridiem still finds it.
  check(slots({"20:00"}), {{"a las 8", 0}, {"8 am", none}});
}

TEST(TimeChoice, SameTimeOnTwoDaysIsAmbiguous) {
  std::vector<Slot> two = slots({"10:00"});
  two.push_back(*parse_slot("2026-12-04T10:00:00-05:00"));
  check(two, {{"10am", none}, {"la segunda", 1}});
}

TEST(TimeChoice, SurvivesOddInput) {
  const std::string odd[] = {":", ":30", "a.", "p", "a.m.", "p. m.", "option", "las", "la 99",
                             "\xC3", "\xFF\xFE", std::string(4096, '2'), std::string(2000, ':'),
                             std::string(1000, '1') + ":" + std::string(1000, '2')};
  for (const auto& text : odd) EXPECT_EQ(choose_slot(text, kDay), std::nullopt) << text.substr(0, 20);
}

TEST(TimeChoice, NothingOffered) { EXPECT_EQ(choose_slot("10am", {}), std::nullopt); }

}  // namespace
}  // namespace booking
