// After the booking (issue 12): the calendar as the truth (the booked
// appointment is read from GHL before it is repeated or changed), moving
// and cancelling the call by chat, and GHL's news of an appointment (the
// AppointmentUpdate/AppointmentDelete webhooks).
#pragma once

#include <string_view>

#include "turn.hpp"

namespace booking {

// Rows of the step table (steps.cpp).
void on_scheduled(Turn& t, std::string_view text);
void on_reschedule(Turn& t, std::string_view text);
void on_reschedule_time(Turn& t, std::string_view text);
void on_cancel_confirm(Turn& t, std::string_view text);
void on_cancelled(Turn& t, std::string_view text);

// Message::event "appointment": the contact's fields brought in line with
// the appointment as GHL holds it; nothing is sent.
void on_appointment_event(Turn& t);

// Used by the time and day steps while moving (scheduling.cpp): read the
// appointment, then move it to `slot`; and the answer once it moved.
void move_call(Turn& t, const Slot& slot);
void confirm_move(Turn& t, const CommandResult& moved);

// At most this many moves by chat per appointment; then a person is offered.
inline constexpr int kMaxReschedules = 3;

}  // namespace booking
