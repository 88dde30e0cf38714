// The step table (core/steps.cpp): every step has its row, its name round
// trips, every question a rewind may ask exists in both languages, and
// "go back to the step that collects missing data" follows the table.
#include <gtest/gtest.h>

#include <string>

#include "steps.hpp"

namespace booking {
namespace {

TEST(StepTable, EveryStepHasItsRowAndItsNameRoundTrips) {
  for (std::size_t i = 0; i < kStepCount; ++i) {
    const auto step = static_cast<Step>(i);
    SCOPED_TRACE(std::string(to_string(step)));
    EXPECT_EQ(row(step).step, step);
    Step back = Step::handoff;
    ASSERT_TRUE(parse_step(to_string(step), back));
    EXPECT_EQ(back, step);
  }
  Step s = Step::time;
  EXPECT_TRUE(parse_step("", s));
  EXPECT_EQ(s, Step::greeting) << "an empty booking_step is a new lead";
  for (const char* garbage : {"Name", "greeting ", "count_", "booked", "time\n", "opted-out"}) {
    EXPECT_FALSE(parse_step(garbage, s)) << garbage;
  }
}

TEST(StepTable, EveryQuestionARewindMayAskExistsInBothLanguages) {
  const Config c;
  State s;
  s.customer_name = "Ana";
  for (std::size_t i = 0; i < kStepCount; ++i) {
    const StepRow& r = row(static_cast<Step>(i));
    if (r.collected == nullptr && r.step != Step::day) continue;
    ASSERT_NE(r.ask, nullptr) << r.name;
    for (const Lang l : {Lang::es, Lang::en}) EXPECT_FALSE(r.ask(l, c, s).empty()) << r.name;
    if (r.hint != nullptr) {
      for (const Lang l : {Lang::es, Lang::en}) EXPECT_FALSE(r.hint(l, c, 1).empty()) << r.name;
    }
  }
}

TEST(StepTable, OnlyTheStopAndPersonStepsAreSilent) {
  for (std::size_t i = 0; i < kStepCount; ++i) {
    const StepRow& r = row(static_cast<Step>(i));
    EXPECT_EQ(r.silent, r.step == Step::opted_out || r.step == Step::handoff) << r.name;
  }
}

// A state with everything up to a booked call.
State complete_state() {
  State s;
  s.customer_name = "Ana";
  s.customer_goal = "Vender";
  s.customer_pain_point = "Tráfico";
  s.customer_budget = "900";
  s.customer_email = "ana@x.com";
  s.preferred_day = "2026-11-26";
  s.offered_slots = "2026-11-26T10:00:00-06:00";
  s.appointment_id = "a1";
  s.appointment_datetime = "2026-11-26T10:00:00-06:00";
  return s;
}

TEST(StepTable, MissingDataRewindsToTheStepThatCollectsIt) {
  struct Case {
    Step at;
    std::string State::*cleared;
    std::string value;  // what the field is set to ("" clears it)
    Step expected;
  } cases[] = {
      // nothing missing: stay
      {Step::name, nullptr, "", Step::name},
      {Step::email, nullptr, "", Step::email},
      {Step::time, nullptr, "", Step::time},
      {Step::scheduled, nullptr, "", Step::scheduled},
      // earlier data missing or garbage: the first step that collects it
      {Step::goal, &State::customer_name, "", Step::name},
      {Step::goal, &State::customer_name, "   ", Step::name},
      {Step::time, &State::customer_goal, "", Step::goal},
      {Step::email, &State::customer_pain_point, "", Step::pain},
      {Step::email, &State::customer_budget, "cheap", Step::budget},
      {Step::email, &State::customer_budget, "100", Step::budget},  // under the minimum
      {Step::day, &State::customer_email, "not an email", Step::email},
      {Step::scheduled, &State::customer_email, "", Step::email},
      // a step's own needs: the time step needs the offer, a booked lead the appointment
      {Step::time, &State::offered_slots, "", Step::day},
      {Step::time, &State::preferred_day, "someday", Step::day},
      {Step::scheduled, &State::appointment_id, "", Step::day},
      {Step::scheduled, &State::appointment_datetime, "tomorrow", Step::day},
      // a step does not need its own data, nor later steps'
      {Step::name, &State::customer_name, "", Step::name},
      {Step::budget, &State::customer_budget, "", Step::budget},
      {Step::day, &State::offered_slots, "", Step::day},
      // a closed lead is not asked again
      {Step::complete, &State::customer_budget, "100", Step::complete},
  };
  const Config c;
  for (const auto& k : cases) {
    State s = complete_state();
    if (k.cleared != nullptr) s.*k.cleared = k.value;
    EXPECT_EQ(first_missing(k.at, s, c), k.expected) << to_string(k.at) << " with a field set to '" << k.value << "'";
  }
}

}  // namespace
}  // namespace booking
