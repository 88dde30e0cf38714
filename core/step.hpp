// The steps of the conversation, as stored in `booking_step`. What each
// step asks, reads, fills, needs and where it goes is one row of the step
// table (steps.hpp / steps.cpp), in this order.
#pragma once

#include <cstddef>
#include <string_view>

namespace booking {

enum class Step {
  greeting,   // nothing asked yet
  name,       // asked for the name
  goal,       // asked for the goal
  pain,       // asked for the biggest challenge
  budget,     // asked for the monthly budget
  email,      // asked for the email
  confirm_email,  // an email with an obvious typo: asked "did you mean …?"
  day,        // asked for the day
  time,       // offered slots, waiting for the choice
  scheduled,  // booked
  reschedule,       // booked; asked for the day to move the call to
  reschedule_time,  // booked; offered the new day's slots
  cancel_confirm,   // booked; asked to confirm the cancellation
  cancelled,        // the business cancelled the call in GHL; the lead is told at their next message
  complete,   // budget under the minimum: politely closed
  opted_out,  // the lead said stop: never write again
  handoff,    // the lead asked for a person: the bot stays silent
  count_      // not a step: the number of steps (the table has one row each)
};

inline constexpr std::size_t kStepCount = static_cast<std::size_t>(Step::count_);

// The steps where the contact holds a booked call it may be changing.
constexpr bool holds_call(Step s) {
  return s == Step::scheduled || s == Step::reschedule || s == Step::reschedule_time || s == Step::cancel_confirm;
}

std::string_view to_string(Step s);
// Empty → greeting. False for a value that is not a step (garbage in GHL).
bool parse_step(std::string_view s, Step& out);

}  // namespace booking
