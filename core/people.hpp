// Around people and time (issue 13): a person who writes to the lead from
// GHL pauses the bot; the bot's messages per contact are capped in a
// rolling 24 hours; one follow-up to a lead who stopped answering.
#pragma once

#include <string>
#include <string_view>

#include "turn.hpp"

namespace booking {

// The value of bot_paused_until for a pause starting `now`: `now` plus
// HUMAN_PAUSE_HOURS, or "until_reset" when that is 0.
std::string pause_until(const Input& in);
// Whether the bot keeps quiet: bot_paused_until is "until_reset", a time
// after `now`, or anything else a person wrote there (cleared, or a time
// passed, the bot answers again).
bool is_paused(const State& s, std::string_view now);

// Message::event "outbound": a person wrote to the lead; the bot pauses.
void on_outbound(Turn& t);

// Whether the lead's last message is less than 24 hours old (WhatsApp's
// customer-service window: outside it a free-form message is refused).
bool within_service_window(const State& s, std::string_view now);

inline constexpr std::string_view kUntilReset = "until_reset";
inline constexpr std::string_view kHandoffTag = "bot-handoff";
inline constexpr std::string_view kCapTag = "bot-cap-reached";

}  // namespace booking
