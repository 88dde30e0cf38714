#include "turn.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "replies.hpp"
#include "text.hpp"

namespace booking {
namespace {

int stored_attempts(const State& s) {
  int n = 0;
  const auto& v = s.booking_attempts;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || p != v.data() + v.size() || n < 0) return 0;
  return std::min(n, kMaxAttempts);
}

}  // namespace

std::vector<Slot> parse_slots(const std::vector<std::string>& isos) {
  std::vector<Slot> out;
  for (const auto& iso : isos) {
    if (auto s = parse_slot(iso)) out.push_back(std::move(*s));
  }
  return out;
}

std::optional<long> stored_budget(const State& s) {
  long n = 0;
  const auto& v = s.customer_budget;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || p != v.data() + v.size() || n < 0) return std::nullopt;
  return n;
}

std::vector<Slot> stored_offer(const State& s) {
  std::vector<std::string> isos;
  for (const auto item : split_commas(s.offered_slots, 2 * kMaxOffered)) isos.emplace_back(item);
  return parse_slots(isos);
}

// A stored value shown back to the lead: GHL may hold anything.
std::string shown(std::string_view stored) {
  return sanitize_utf8(utf8_prefix(stored, kMaxFieldBytes));
}

void move_to(Turn& t, Step step) {
  t.out.target.booking_step = std::string(to_string(step));
  t.out.target.booking_attempts = "0";
}

void say(Turn& t, std::string text, const char* outcome) {
  t.out.reply = std::move(text);
  t.out.outcome = outcome;
}

int attempts_after_failure(const Turn& t) {
  return std::min(stored_attempts(t.in.state) + 1, kMaxAttempts);
}

void fail_attempt(Turn& t, Step step, std::string text) {
  t.out.target.booking_step = std::string(to_string(step));
  t.out.target.booking_attempts = fmt::format(FMT_COMPILE("{}"), attempts_after_failure(t));
  say(t, std::move(text), "invalid");
}

const CommandResult* find_result(const Input& in, CommandResult::Kind kind) {
  for (const auto& r : in.results) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

// Any GHL failure: nothing advances; a booking already made is undone
// first. The lead is told to try again; if that reply cannot be delivered
// either, a second try would fail the same way: only the save is undone.
void on_failure(Turn& t) {
  t.out.target = t.in.state;
  t.out.handled = false;
  const auto* booked = find_result(t.in, CommandResult::Kind::booked);
  const bool cancel_tried =
      booked != nullptr && std::any_of(t.in.results.begin(), t.in.results.end(), [booked](const auto& r) {
        return (r.kind == CommandResult::Kind::cancelled || (r.kind == CommandResult::Kind::failed && r.during == "cancel")) &&
               r.appointment_id == booked->appointment_id;
      });
  if (booked != nullptr && !cancel_tried) {
    t.out.command = Command{Command::Kind::cancel, {{"appointment_id", booked->appointment_id}}};
    t.out.outcome = "command";
    return;
  }
  const auto failed_sends = std::count_if(t.in.results.begin(), t.in.results.end(), [](const auto& r) {
    return r.kind == CommandResult::Kind::failed && r.during == "send";
  });
  // The save of this message's answer went through (or may have: its
  // answer was lost), its reply did not (or may not have), and the undo of
  // that save failed: GHL holds the new step. Then the lead gets that
  // step's question, not "try again" and not silence (never a step ahead
  // of what they were asked; at worst one behind, which their next answer
  // puts right).
  const auto first = std::find_if(t.in.results.begin(), t.in.results.end(), [](const auto& r) {
    return r.kind == CommandResult::Kind::failed && !r.reply.empty() &&
           (r.during == "send" || (r.during == "save" && r.unknown));
  });
  // (An undo that itself may have been applied is not such a case.)
  const auto undo_failures = first == t.in.results.end() ? 0 : std::count_if(first + 1, t.in.results.end(), [](const auto& r) {
    return r.kind == CommandResult::Kind::failed && r.during == "save" && !r.unknown;
  });
  const bool undo_failed = undo_failures > 0;
  // Unless the booking that step confirms was cancelled meanwhile: then
  // the undo is tried once more, and if it fails again nothing is said
  // (confirming a cancelled call would be worse).
  if (undo_failed && booked != nullptr) {
    if (undo_failures >= 2) {
      t.out.target = t.in.saved;  // no third try
      t.out.outcome = "ghl_failed";
      return;
    }
    return say(t, reply_try_later(t.lang, t.in.config), "ghl_failed");
  }
  if (undo_failed && failed_sends < 2) {
    t.out.target = t.in.saved;
    t.out.handled = true;
    return say(t, first->reply, "ghl_uncertain");
  }
  // A reply that may have been delivered (its answer was lost and no look
  // found it, or the looks failed) is not followed by another in this
  // webhook: the save is undone, and the lead's next message (or GHL's
  // redelivery, which first looks for this reply) is handled afresh.
  const bool maybe_delivered = std::any_of(t.in.results.begin(), t.in.results.end(), may_have_been_sent);
  if (failed_sends >= 2 || maybe_delivered) {
    t.out.outcome = "ghl_failed";
    t.out.maybe_sent = maybe_delivered;
    return;
  }
  // A move or cancel of the booked call that failed: the call stands, and
  // the lead is told so.
  const bool change_failed = std::any_of(t.in.results.begin(), t.in.results.end(), [&t](const auto& r) {
    return r.kind == CommandResult::Kind::failed &&
           (r.during == "move" || (r.during == "cancel" && r.appointment_id == t.in.state.appointment_id));
  });
  if (const auto call = parse_slot(t.in.state.appointment_datetime); change_failed && call) {
    return say(t, reply_about_call(t.lang, t.in.config, TextKey::change_failed, *call), "ghl_failed");
  }
  say(t, reply_try_later(t.lang, t.in.config), "ghl_failed");
}

void fetch_slots(Turn& t, Date from, Date until) {
  t.out.command = Command{Command::Kind::fetch_slots, {{"date", to_iso(from)}, {"until", to_iso(until)}}};
  t.out.outcome = "command";
}

}  // namespace booking
