// The conversation state: exactly the contact's GHL custom fields, as the
// raw strings GHL stores. The engine interprets them; nothing here trusts
// them to be well-formed.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace booking {

struct State {
  std::string booking_step;
  std::string language;
  std::string customer_name;
  std::string customer_goal;
  std::string customer_pain_point;
  std::string customer_budget;
  std::string customer_email;
  std::string preferred_day;         // "YYYY-MM-DD"
  std::string preferred_time;        // "HH:MM", 24 h, business local time
  std::string appointment_id;
  std::string appointment_datetime;  // the booked slot as GHL gave it (ISO-8601 with offset)
  std::string booking_attempts;      // failed answers on the current step
  std::string last_interaction;      // local "now" of the last processed message
  std::string offered_slots;         // slots offered at the time step, comma-separated ISO-8601
  std::string last_message_id;       // for dropping a redelivered webhook
  friend bool operator==(const State&, const State&) = default;
};

// Field key (as created in GHL, without the "contact." prefix) → member.
inline constexpr std::array<std::pair<std::string_view, std::string State::*>, 15> kStateFields{{
    {"booking_step", &State::booking_step},
    {"language", &State::language},
    {"customer_name", &State::customer_name},
    {"customer_goal", &State::customer_goal},
    {"customer_pain_point", &State::customer_pain_point},
    {"customer_budget", &State::customer_budget},
    {"customer_email", &State::customer_email},
    {"preferred_day", &State::preferred_day},
    {"preferred_time", &State::preferred_time},
    {"appointment_id", &State::appointment_id},
    {"appointment_datetime", &State::appointment_datetime},
    {"booking_attempts", &State::booking_attempts},
    {"last_interaction", &State::last_interaction},
    {"offered_slots", &State::offered_slots},
    {"last_message_id", &State::last_message_id},
}};

// Longest value we keep in one field; GHL text fields hold more, but a
// bounded state keeps every webhook's work bounded.
inline constexpr std::size_t kMaxFieldBytes = 1024;

// The fields whose values differ, with their new values, in kStateFields order.
std::vector<std::pair<std::string_view, std::string>> changed_fields(const State& before,
                                                                     const State& after);

}  // namespace booking
