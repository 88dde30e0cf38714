// The steps of the conversation, as stored in `booking_step`.
#pragma once

#include <string_view>

namespace booking {

enum class Step {
  greeting,   // nothing asked yet
  name,       // asked for the name
  goal,       // asked for the goal
  pain,       // asked for the biggest challenge
  budget,     // asked for the monthly budget
  email,      // asked for the email
  day,        // asked for the day
  time,       // offered slots, waiting for the choice
  scheduled,  // booked
  complete,   // budget under the minimum: politely closed
  opted_out,  // the lead said stop: never write again
  handoff,    // the lead asked for a person: the bot stays silent
};

std::string_view to_string(Step s);
// Empty → greeting. False for a value that is not a step (garbage in GHL).
bool parse_step(std::string_view s, Step& out);

}  // namespace booking
