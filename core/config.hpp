// The business's settings. Keys are the Worker's variable names, so an
// error can name exactly what the user must fix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "day.hpp"
#include "language.hpp"
#include "texts.hpp"

namespace booking {

// A deployment's own text for one key in one language (REPLIES).
struct ReplyOverride {
  Lang lang;
  TextKey key;
  std::string text;  // a template that passed check_template for `key`
};

struct Config {
  std::string agent_name = "María";             // AGENT_NAME
  std::string business_name = "AI Outlet Media";  // BUSINESS_NAME
  long min_budget = 300;                        // MIN_BUDGET, whole currency units per month
  Weekdays booking_days{false, false, true, true, true, true, false};  // BOOKING_DAYS: Tue-Fri
  Lang default_language = Lang::es;             // DEFAULT_LANGUAGE
  std::vector<ReplyOverride> replies;           // REPLIES: usually empty, at most one per key and language
  int call_minutes = 0;                         // CALL_MINUTES: how long the call is; 0 = not said
  std::string business_pitch;                   // BUSINESS_PITCH: one line on what the business does; empty = a default
  int human_pause_hours = 24;                   // HUMAN_PAUSE_HOURS: a person's message pauses the bot; 0 = until reset
  int max_bot_messages = 25;                    // MAX_BOT_MESSAGES: per contact in a rolling 24 hours
};

// Each setter returns an empty string when the value is fine, else an
// error message that names the variable ("BOOKING_DAYS: unknown day 'xyz'").
std::string set_min_budget(Config& c, std::string_view value);
// "tue,wed,thu,fri", "2,3,4,5" (0 = Sunday), Spanish names, or ranges "tue-fri".
std::string set_booking_days(Config& c, std::string_view value);
std::string set_default_language(Config& c, std::string_view value);
// A whole number of minutes, 1 to 480.
std::string set_call_minutes(Config& c, std::string_view value);
// Whole numbers: hours 0 to 8760 (0 = until a person clears the pause);
// messages 1 to 1000.
std::string set_human_pause_hours(Config& c, std::string_view value);
std::string set_max_bot_messages(Config& c, std::string_view value);
// A JSON object of texts per language, each a template (texts.hpp) that
// replaces the default for its key: {"es": {"ask_goal": "…"}, "en": {…}}.
// Replaces the overrides set before; blank → none. On an error (the first
// one found, e.g. "REPLIES: es.offer_slots: missing {times}") the Config
// is left as it was.
std::string set_replies(Config& c, std::string_view value);

}  // namespace booking
