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
  std::string pending_cancel;        // appointments the bot must still cancel (ids, comma-separated)
  std::string reschedule_count;      // times the lead moved the current appointment by chat
  std::string bot_paused_until;      // a person took over: local time the bot answers again, or "until_reset"
  std::string follow_up_sent;        // the last_message_id the one follow-up was sent after
  friend bool operator==(const State&, const State&) = default;
};

// The one definition of the bot's GHL contact custom fields: key (the GHL
// field key without "contact."), member, and the GHL field type it is
// created with. Exported to the worker, the emulator and `ghl:setup`
// through describe_json() (core/describe.hpp). All hold text the core
// writes and reads back as is: typed fields (NUMERICAL, DATE, EMAIL) would
// let GHL reformat or refuse the values. The two free-text answers may be
// long or span lines: LARGE_TEXT.
struct StateField {
  std::string_view key;
  std::string State::*member;
  std::string_view data_type;
};

inline constexpr std::array<StateField, 19> kStateFields{{
    {"booking_step", &State::booking_step, "TEXT"},
    {"language", &State::language, "TEXT"},
    {"customer_name", &State::customer_name, "TEXT"},
    {"customer_goal", &State::customer_goal, "LARGE_TEXT"},
    {"customer_pain_point", &State::customer_pain_point, "LARGE_TEXT"},
    {"customer_budget", &State::customer_budget, "TEXT"},
    {"customer_email", &State::customer_email, "TEXT"},
    {"preferred_day", &State::preferred_day, "TEXT"},
    {"preferred_time", &State::preferred_time, "TEXT"},
    {"appointment_id", &State::appointment_id, "TEXT"},
    {"appointment_datetime", &State::appointment_datetime, "TEXT"},
    {"booking_attempts", &State::booking_attempts, "TEXT"},
    {"last_interaction", &State::last_interaction, "TEXT"},
    {"offered_slots", &State::offered_slots, "TEXT"},
    {"last_message_id", &State::last_message_id, "TEXT"},
    {"pending_cancel", &State::pending_cancel, "TEXT"},
    {"reschedule_count", &State::reschedule_count, "TEXT"},
    {"bot_paused_until", &State::bot_paused_until, "TEXT"},
    {"follow_up_sent", &State::follow_up_sent, "TEXT"},
}};

// Longest value we keep in one field; GHL text fields hold more, but a
// bounded state keeps every webhook's work bounded.
inline constexpr std::size_t kMaxFieldBytes = 1024;

// The fields whose values differ, with their new values, in kStateFields order.
std::vector<std::pair<std::string_view, std::string>> changed_fields(const State& before,
                                                                     const State& after);

}  // namespace booking
