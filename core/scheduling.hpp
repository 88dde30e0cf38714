// The handlers of the calendar steps (rows of the step table, steps.cpp).
// The day and time steps also serve to move a booked call (issue 12): from
// the reschedule steps they end in a move (after_booking.cpp) instead of a
// booking.
#pragma once

#include <optional>
#include <string_view>

#include "turn.hpp"

namespace booking {

void on_day(Turn& t, std::string_view text);
void on_time(Turn& t, std::string_view text);

// Whether this message moves a booked call: the contact is at a reschedule
// step, or at `scheduled` asking to move it.
bool moving(const Turn& t);
// The day of the times on offer: preferred_day, or while moving the day of
// the offered slots (preferred_day stays the booked call's).
std::optional<Date> offer_day(const Turn& t);

}  // namespace booking
