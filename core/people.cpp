#include "people.hpp"

#include "slot.hpp"
#include "text.hpp"

namespace booking {

std::string pause_until(const Input& in) {
  if (in.config.human_pause_hours <= 0) return std::string(kUntilReset);
  const auto now = parse_slot(in.now);
  if (!now) return std::string(kUntilReset);
  return plus_minutes(*now, in.config.human_pause_hours * 60L);
}

bool is_paused(const State& s, std::string_view now) {
  const std::string_view v = trim(s.bot_paused_until);
  if (v.empty()) return false;
  const auto until = parse_slot(v);
  const auto at = parse_slot(now);
  if (!until || !at) return true;  // "until_reset", or a person's own words: paused until cleared
  return minutes_between(*at, *until) > 0;
}

void on_outbound(Turn& t) {
  t.out.target.bot_paused_until = pause_until(t.in);
  t.out.outcome = "paused_by_person";
}

bool within_service_window(const State& s, std::string_view now) {
  const auto last = parse_slot(s.last_interaction);
  const auto at = parse_slot(now);
  return last && at && minutes_between(*last, *at) < 24L * 60;
}

}  // namespace booking
