// One decision in the making: the input, the lead's language, and the
// decision so far, with the small moves every step makes (go to a step,
// say something, count a failed answer, fail the turn). Shared by the step
// handlers (steps.cpp, scheduling.cpp) and decide() (engine.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"
#include "language.hpp"
#include "slot.hpp"
#include "step.hpp"

namespace booking {

// More than this many times in one reply is hard to read on a phone.
inline constexpr std::size_t kMaxOffered = 5;
// Attempts are shown to people ("offer a person from the 3rd"); past this
// the counter stops growing so a stuck contact cannot overflow it.
inline constexpr int kMaxAttempts = 99;

struct Turn {
  const Input& in;
  Lang lang;
  Decision out;
  // A new booking even from a booked step (the call was cancelled in GHL):
  // the day and time steps book instead of moving (scheduling.cpp, moving()).
  bool new_booking = false;
};

void move_to(Turn& t, Step step);
void say(Turn& t, std::string text, const char* outcome);
int attempts_after_failure(const Turn& t);
// Stays on `step`, one more failed answer, and says `text`.
void fail_attempt(Turn& t, Step step, std::string text);
// Any GHL failure: nothing advances (see turn.cpp).
void on_failure(Turn& t);
// The free slots of the days `from` to `until` (one GHL call).
void fetch_slots(Turn& t, Date from, Date until);

const CommandResult* find_result(const Input& in, CommandResult::Kind kind);

// Stored values, read without trusting them (GHL may hold anything).
std::optional<long> stored_budget(const State& s);
std::vector<Slot> stored_offer(const State& s);
// The ISO slots that read as slots (GHL may send anything).
std::vector<Slot> parse_slots(const std::vector<std::string>& isos);
// A stored value shown back to the lead.
std::string shown(std::string_view stored);

}  // namespace booking
