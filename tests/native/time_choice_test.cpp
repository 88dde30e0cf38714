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


// ---- read_time_choice: one, several, not offered, none (issue 11 item 6) ----

using Kind = TimeReading::Kind;

struct Reading {
  const char* text;
  Kind kind;
  std::vector<std::size_t> picks;
};

void read(const std::vector<Slot>& offered, std::initializer_list<Reading> cases, bool day_step = false) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const TimeReading got = read_time_choice(c.text, offered, day_step);
    EXPECT_EQ(got.kind, c.kind);
    EXPECT_EQ(got.picks, c.picks);
    // choose_slot is the `one` of the same reading (not at the day step).
    if (!day_step) {
      EXPECT_EQ(choose_slot(c.text, offered), c.kind == Kind::one ? std::optional(c.picks.front()) : none);
    }
  }
}

// 0 = 10am, 1 = noon, 2 = 3pm, 3 = 4:30pm.
const std::vector<Slot> kWords = slots({"10:00", "12:00", "15:00", "16:30"});
// 0 = 9am, 1 = 11am, 2 = 1pm, 3 = 3pm, 4 = 5pm, 5 = 7:30pm.
const std::vector<Slot> kLong = slots({"09:00", "11:00", "13:00", "15:00", "17:00", "19:30"});

TEST(TimeReading, HoursInWords) {
  read(kWords, {
                   {"a las tres", Kind::one, {2}},
                   {"at three", Kind::one, {2}},
                   {"at three pm", Kind::one, {2}},
                   {"las 4 y media", Kind::one, {3}},
                   {"a las cuatro y media", Kind::one, {3}},
                   {"half past four", Kind::one, {3}},
                   {"at four thirty", Kind::one, {3}},
                   {"noon", Kind::one, {1}},
                   {"mediodía", Kind::one, {1}},
                   {"a las doce", Kind::one, {1}},
                   {"a las doce del mediodía", Kind::one, {1}},
                   {"a las diez de la mañana", Kind::one, {0}},
                   {"a las cuatro y cuarto", Kind::not_offered, {}},
                   {"las 5 menos cuarto", Kind::not_offered, {}},
                   {"quarter to five", Kind::not_offered, {}},
                   {"at five", Kind::not_offered, {}},
                   {"a la una", Kind::not_offered, {}},
                   // "una"/"one" without "la"/"at" is "one of them", not 1pm.
                   {"quiero una por la tarde", Kind::several, {1, 2, 3}},
                   {"the one in the afternoon", Kind::several, {1, 2, 3}},
                   {"las dos", Kind::none, {}},  // "both"
               });
  read(slots({"16:15", "16:45"}), {{"a las cuatro y cuarto", Kind::one, {0}},
                                   {"quarter to five", Kind::one, {1}},
                                   {"las 5 menos cuarto", Kind::one, {1}},
                                   {"a las cuatro", Kind::several, {0, 1}}});
}

TEST(TimeReading, HoursWithHrsHAndHoras) {
  read(kWords, {
                   {"15 hrs", Kind::one, {2}},
                   {"15h", Kind::one, {2}},
                   {"15:00 hs", Kind::one, {2}},
                   {"a las 15 horas", Kind::one, {2}},
                   {"a las quince horas", Kind::one, {2}},
                   {"16h30", Kind::one, {3}},
                   {"17 hrs", Kind::not_offered, {}},
                   {"a las 5", Kind::not_offered, {}},
                   {"5", Kind::not_offered, {}},  // a bare hour
                   {"a las 25", Kind::not_offered, {}},
               });
}

TEST(TimeReading, PositionsInBothLanguages) {
  read(kDay, {
                 {"la segunda", Kind::one, {1}},
                 {"the second one", Kind::one, {1}},
                 {"the third", Kind::one, {2}},
                 {"first", Kind::one, {0}},
                 {"la de en medio", Kind::one, {1}},
                 {"la del medio", Kind::one, {1}},
                 {"the middle one", Kind::one, {1}},
                 {"middle", Kind::one, {1}},
                 {"the earliest", Kind::one, {0}},
                 {"the latest", Kind::one, {2}},
                 {"la última", Kind::one, {2}},
                 {"la cuarta", Kind::none, {}},  // only three offered
                 {"la primera a las 2", Kind::several, {0, 1}},  // they disagree
                 {"el primero de diciembre a las 10", Kind::one, {0}},  // a date, not a position
                 {"the 1st of December at 4pm", Kind::one, {2}},
                 {"al medio día", Kind::not_offered, {}},  // noon, not the middle one
             });
  // The middle of an even count is the two middle slots.
  read(slots({"10:00", "12:00", "14:00", "16:00"}), {{"the middle one", Kind::several, {1, 2}}});
  // A position outside the part of the day named counts within it.
  read(kLong, {
                  {"la primera de la tarde", Kind::one, {2}},
                  {"the first one in the afternoon", Kind::one, {2}},
                  {"la última de la mañana", Kind::one, {1}},
                  {"the last morning one", Kind::one, {1}},
                  {"la de en medio", Kind::several, {2, 3}},
              });
  read(kDay, {{"la segunda, por la tarde", Kind::one, {1}}});
}

TEST(TimeReading, PartsOfTheDay) {
  // 0 = 10am, 1 = 2pm, 2 = 4pm.
  read(kDay, {
                 {"temprano", Kind::one, {0}},
                 {"early", Kind::one, {0}},
                 {"morning works", Kind::one, {0}},
                 {"en la mañana", Kind::one, {0}},
                 {"mañana por la mañana", Kind::one, {0}},
                 {"tomorrow morning", Kind::one, {0}},
                 {"por la tarde", Kind::several, {1, 2}},
                 {"in the afternoon", Kind::several, {1, 2}},
                 {"la de la tarde", Kind::several, {1, 2}},
                 {"mañana en la tarde", Kind::several, {1, 2}},  // tomorrow afternoon
                 {"No, por la tarde", Kind::several, {1, 2}},
                 {"after lunch", Kind::several, {1, 2}},
                 {"después de comer", Kind::several, {1, 2}},
                 {"late afternoon", Kind::one, {2}},
                 {"early afternoon", Kind::one, {1}},
                 {"a última hora de la tarde", Kind::one, {2}},
                 {"esta noche", Kind::not_offered, {}},
                 {"in the evening", Kind::not_offered, {}},
                 {"buenas tardes, por la mañana", Kind::one, {0}},
             });
  read(kLong, {
                  {"temprano", Kind::several, {0, 1}},
                  {"por la mañana", Kind::several, {0, 1}},
                  {"early morning", Kind::one, {0}},
                  {"late morning", Kind::one, {1}},
                  {"por la tarde", Kind::several, {2, 3, 4}},
                  {"late afternoon", Kind::several, {3, 4}},
                  {"de noche", Kind::one, {5}},
                  {"tonight", Kind::one, {5}},
                  {"the evening one", Kind::one, {5}},
                  {"por la mañana o por la noche", Kind::several, {0, 1, 5}},
              });
  // Nothing in the morning: early is the earliest start.
  read(slots({"14:00", "16:00"}), {{"temprano", Kind::one, {0}},
                                   {"early", Kind::one, {0}},
                                   {"por la mañana", Kind::not_offered, {}},
                                   {"morning", Kind::not_offered, {}}});
}

TEST(TimeReading, NothingAboutATime) {
  read(kDay, {
                 {"otro día", Kind::none, {}},
                 {"ninguna", Kind::none, {}},
                 {"ninguna de las dos", Kind::none, {}},
                 {"none of them", Kind::none, {}},
                 {"no puedo", Kind::none, {}},
                 {"no sé", Kind::none, {}},
                 {"el viernes", Kind::none, {}},
                 {"next week", Kind::none, {}},
                 {"la semana que viene", Kind::none, {}},
                 {"el 3 de diciembre", Kind::none, {}},
                 {"12/3", Kind::none, {}},
                 {"mañana", Kind::none, {}},  // tomorrow, not the morning
                 {"good morning", Kind::none, {}},
                 {"buenas tardes", Kind::none, {}},
                 {"más temprano", Kind::none, {}},  // "earlier"
                 {"más tarde te confirmo", Kind::none, {}},
                 {"no puedo por la tarde", Kind::none, {}},
                 {"not in the morning", Kind::none, {}},
                 {"I can't do mornings", Kind::none, {}},
                 {"", Kind::none, {}},
             });
  // Phone numbers and a day with a number are not times, even when 1pm and noon are offered.
  read(kLong, {{"mi número es 300 123 4567", Kind::none, {}},
               {"+1 555 123 4567", Kind::none, {}},
               {"mi cel 55 12 34 56 78", Kind::none, {}}});
  read(kWords, {{"el viernes 12", Kind::none, {}}});
}

TEST(TimeReading, SeveralTimesOrDays) {
  read(kDay, {{"a las 10 o a las 2", Kind::several, {0, 1}},
              {"a las 10 o a las 3", Kind::not_offered, {}}});
  std::vector<Slot> two = slots({"10:00"});
  two.push_back(*parse_slot("2026-12-04T10:00:00-05:00"));
  read(two, {{"10am", Kind::several, {0, 1}}, {"la segunda", Kind::one, {1}}});
}

TEST(TimeReading, AtTheDayStepNumbersAndOrdinalsAreDates) {
  read(kDay,
       {
           {"el martes a las 10", Kind::one, {0}},
           {"Friday 4pm", Kind::one, {2}},
           {"el 3 a las 4pm", Kind::one, {2}},
           {"el 3 de diciembre a las 4", Kind::one, {2}},
           {"the 2nd at 2pm", Kind::one, {1}},
           {"el lunes a las 14 hrs", Kind::one, {1}},
           {"jueves 14:00", Kind::one, {1}},
           {"mañana en la tarde", Kind::several, {1, 2}},
           {"tomorrow morning", Kind::one, {0}},
           {"el jueves temprano", Kind::one, {0}},
           {"el martes a las 3", Kind::not_offered, {}},
           {"el martes a la una", Kind::not_offered, {}},
           {"Dec 3rd at noon", Kind::not_offered, {}},
           {"el 28", Kind::none, {}},
           {"el 2", Kind::none, {}},
           {"2", Kind::none, {}},
           {"el martes 10", Kind::none, {}},
           {"el primero", Kind::none, {}},
           {"the 3rd", Kind::none, {}},
           {"the first", Kind::none, {}},
           {"la última semana", Kind::none, {}},
           {"el viernes", Kind::none, {}},
           {"12/3", Kind::none, {}},
       },
       true);
}

// More day-and-time answers, as leads write them at the day step (issue 11
// item 2): a marked time or a part of the day counts, a number alone is a
// date, and nothing that is only a day picks a time.
TEST(TimeReading, DayAndTimeInOneMessage) {
  // 0 = 9am, 1 = 11am, 2 = 1pm, 3 = 3pm, 4 = 5pm, 5 = 7:30pm.
  read(kLong,
       {
           {"el jueves a las 11", Kind::one, {1}},
           {"el jueves a las 11 am", Kind::one, {1}},
           {"jueves 11:00", Kind::one, {1}},
           {"el viernes a las 3 de la tarde", Kind::one, {3}},
           {"el viernes a las tres", Kind::one, {3}},
           {"Thursday at 11", Kind::one, {1}},
           {"thursday at 11am please", Kind::one, {1}},
           {"Tuesday the 8th at 5pm", Kind::one, {4}},
           {"next Friday at 1pm", Kind::one, {2}},
           {"el 3 de diciembre a la 1", Kind::one, {2}},
           {"el martes a mediodía", Kind::not_offered, {}},
           {"el martes a las 4", Kind::not_offered, {}},
           {"Friday at 10am", Kind::not_offered, {}},
           {"el jueves por la mañana", Kind::several, {0, 1}},
           {"Thursday afternoon", Kind::several, {2, 3, 4}},
           {"el viernes en la noche", Kind::one, {5}},
           {"tomorrow evening", Kind::one, {5}},
           {"el lunes 30", Kind::none, {}},
           {"el 15", Kind::none, {}},
           {"the 15th", Kind::none, {}},
           {"on the 2nd", Kind::none, {}},
           {"next week", Kind::none, {}},
           {"cuanto antes", Kind::none, {}},
           {"whenever", Kind::none, {}},
           {"el jueves, gracias", Kind::none, {}},
           {"option 2", Kind::none, {}},
           {"la primera semana de diciembre", Kind::none, {}},
       },
       true);
}

TEST(TimeReading, RangesOfHours) {
  read(kDay, {
                 {"entre las 2 y 4", Kind::several, {1, 2}},
                 {"entre las dos y cuatro de la tarde", Kind::several, {1, 2}},
                 {"between 2 and 4pm", Kind::several, {1, 2}},
                 {"de las 2 a las 4", Kind::several, {1, 2}},
                 {"2-4pm", Kind::several, {1, 2}},
                 {"from 9 to 11", Kind::one, {0}},
                 {"de 10 a 12 de la mañana", Kind::one, {0}},
                 {"between 3 and 4", Kind::one, {2}},  // both ends count
                 {"entre las 11 y la 1", Kind::not_offered, {}},
                 {"entre las 9 y diez", Kind::one, {0}},  // 9 to 10, not 9:10
             });
  read(kDay, {{"el martes entre las 2 y las 4", Kind::several, {1, 2}}, {"between 3 and 5", Kind::none, {}}}, true);
}

TEST(TimeReading, AOneWordAnswerIsThePartOfTheDay) {
  read(kDay, {{"Tarde", Kind::several, {1, 2}}, {"noche", Kind::not_offered, {}}, {"llego tarde", Kind::none, {}}});
}

TEST(TimeReading, SurvivesOddInput) {
  const std::string odd[] = {"half", "half past", "quarter to", "y media", "menos cuarto", "la de en", "medio",
                             "no", "t", "can't", "\xC3", std::string(4096, '2'), std::string(2000, ' ') + "tarde"};
  for (const auto& text : odd) {
    for (bool day_step : {false, true}) {
      const TimeReading r = read_time_choice(text, kDay, day_step);
      for (std::size_t i : r.picks) EXPECT_LT(i, kDay.size()) << text.substr(0, 20);
    }
  }
  EXPECT_EQ(read_time_choice("la primera", {}).kind, Kind::none);
  EXPECT_EQ(read_time_choice("a las 10", {}).kind, Kind::not_offered);
}

}  // namespace
}  // namespace booking
