#include "after_booking.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "booking_change.hpp"
#include "day.hpp"
#include "replies.hpp"
#include "scheduling.hpp"
#include "steps.hpp"
#include "text.hpp"
#include "yes_no.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

int stored_count(const State& s) {
  int n = 0;
  const auto& v = s.reschedule_count;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc{} && p == v.data() + v.size() && n >= 0 ? n : 0;
}

// This webhook's read of the contact's appointment, if any.
const CommandResult* appointment_read(const Turn& t, std::string_view id) {
  for (const auto& r : t.in.results) {
    if (r.kind == CommandResult::Kind::appointment && r.appointment_id == id) return &r;
  }
  return nullptr;
}

void read_appointment(Turn& t, std::string_view id) {
  t.out.command = Command{Command::Kind::read_appointment, {{"appointment_id", std::string(id)}}};
  t.out.outcome = "command";
}

bool gone(const CommandResult& read) {
  const std::string status = fold(read.appointment_status);
  return !read.found || status == "cancelled" || status == "invalid";
}

bool same_time(const Slot& a, const Slot& b) { return a.date == b.date && a.hour == b.hour && a.minute == b.minute; }

// The booked call as GHL holds it now: the fields follow a move made in
// GHL (by the business, or a move of ours whose answer was lost).
Slot follow(Turn& t, const CommandResult& read, const Slot& stored) {
  const auto now = parse_slot(read.start);
  if (!now || same_time(*now, stored)) return stored;
  t.out.target.appointment_datetime = now->iso;
  t.out.target.preferred_day = to_iso(now->date);
  t.out.target.preferred_time = fmt::format(FMT_COMPILE("{:02}:{:02}"), now->hour, now->minute);
  return *now;
}

void forget_call(State& s) {
  s.appointment_id.clear();
  s.appointment_datetime.clear();
  s.offered_slots.clear();
  s.reschedule_count.clear();
}

// The call is gone (cancelled or deleted in GHL): the lead is told, and the
// message goes on as an answer to the day question (a day in it is used).
void after_gone(Turn& t, const std::optional<Slot>& was, std::string_view text) {
  forget_call(t.out.target);
  move_to(t, Step::day);
  std::string notice = was ? reply_about_call(t.lang, t.in.config, TextKey::appointment_cancelled, *was) : std::string{};
  const DayAnswer day = resolve_day(text, t.in.today, t.in.config.booking_days, t.lang == Lang::en);
  if (day.error == DayError::none) {
    // Read as at the day step (the state still says where the lead was).
    Turn at_day{t.in, t.lang, t.out, /*new_booking=*/true};
    on_day(at_day, text);
    t.out = std::move(at_day.out);
    if (t.out.command.kind != Command::Kind::none) return;
  } else {
    say(t, reply_ask_day(t.lang, t.in.config), "cancelled_in_ghl");
  }
  if (!notice.empty() && t.out.reply) t.out.reply = notice + " " + *t.out.reply;
}

// The call's length from GHL's start and end; 0 when unknown.
int length_minutes(const CommandResult& read) {
  const auto start = parse_slot(read.start), end = parse_slot(read.end);
  if (!start || !end) return 0;
  const long minutes = minutes_between(*start, *end);
  return minutes > 0 && minutes <= 24 * 60 ? static_cast<int>(minutes) : 0;
}

void keep_call(Turn& t, const Slot& call) {
  move_to(t, Step::scheduled);
  t.out.target.offered_slots.clear();
  say(t, reply_about_call(t.lang, t.in.config, TextKey::reschedule_kept, call), "kept");
}

void ask_to_cancel(Turn& t, const Slot& call) {
  move_to(t, Step::cancel_confirm);
  t.out.target.offered_slots.clear();
  say(t, reply_about_call(t.lang, t.in.config, TextKey::confirm_cancel, call), "asked_cancel");
}

}  // namespace

void on_scheduled(Turn& t, std::string_view text) {
  const State& s = t.in.state;
  const auto stored = parse_slot(s.appointment_datetime);  // the step's requirements made sure of it
  if (!stored) return on_failure(t);
  // The calendar is the truth: the call is read before it is repeated or changed.
  const CommandResult* read = appointment_read(t, s.appointment_id);
  if (read == nullptr) return read_appointment(t, s.appointment_id);
  if (gone(*read)) return after_gone(t, stored, text);
  const Slot call = follow(t, *read, *stored);
  switch (read_booking_change(text)) {
    case BookingChange::reschedule: {
      if (stored_count(s) >= kMaxReschedules) {
        return say(t, reply_plain(t.lang, t.in.config, TextKey::reschedule_limit), "reschedule_limit");
      }
      // "¿La podemos pasar al viernes (a las 3)?": the day (and time) are used at once.
      const DayAnswer day = resolve_day(text, t.in.today, t.in.config.booking_days, t.lang == Lang::en);
      if (day.error == DayError::none || find_result(t.in, CommandResult::Kind::slots) != nullptr) return on_day(t, text);
      move_to(t, Step::reschedule);
      return say(t, reply_plain(t.lang, t.in.config, TextKey::ask_reschedule_day), "asked_reschedule");
    }
    case BookingChange::cancel: return ask_to_cancel(t, call);
    case BookingChange::keep:
    case BookingChange::none: break;
  }
  say(t, reply_already_scheduled(t.lang, t.in.config, call), "repeated");
}

namespace {

// Midway through a move: "keep it" gives up, a cancel asks about it;
// true when the message was one of those (answered).
bool gave_up_moving(Turn& t, std::string_view text) {
  const auto call = parse_slot(t.in.state.appointment_datetime);
  if (!call) {
    on_failure(t);
    return true;
  }
  switch (read_booking_change(text)) {
    case BookingChange::keep: keep_call(t, *call); return true;
    case BookingChange::cancel: ask_to_cancel(t, *call); return true;
    case BookingChange::reschedule:
    case BookingChange::none: break;
  }
  return false;
}

}  // namespace

void on_reschedule(Turn& t, std::string_view text) {
  if (!gave_up_moving(t, text)) on_day(t, text);
}

void on_reschedule_time(Turn& t, std::string_view text) {
  if (gave_up_moving(t, text)) return;
  if (stored_offer(t.in.state).empty()) {  // the offer was lost (edited in GHL): ask for the day again
    move_to(t, Step::reschedule);
    return say(t, reply_plain(t.lang, t.in.config, TextKey::ask_reschedule_day), "rewound");
  }
  on_time(t, text);
}

void on_cancel_confirm(Turn& t, std::string_view text) {
  const State& s = t.in.state;
  const auto call = parse_slot(s.appointment_datetime);
  if (!call) return on_failure(t);
  // (This call's cancel: a pending cancel of another appointment may have run first.)
  const auto done = std::find_if(t.in.results.begin(), t.in.results.end(), [&s](const CommandResult& r) {
    return r.kind == CommandResult::Kind::cancelled && r.appointment_id == s.appointment_id;
  });
  if (done != t.in.results.end()) {
    forget_call(t.out.target);
    move_to(t, Step::day);
    return say(t, reply_about_call(t.lang, t.in.config, TextKey::cancelled_by_lead, *call), "cancelled");
  }
  // "Sí", or the request again ("sí, cancélala"): cancelled through the
  // appointment's status, so GHL's workflows for cancelled appointments run.
  if (read_yes_no(text) == YesNo::yes || read_booking_change(text) == BookingChange::cancel) {
    t.out.command = Command{Command::Kind::cancel, {{"appointment_id", s.appointment_id}}};
    t.out.outcome = "command";
    return;
  }
  keep_call(t, *call);
}

void on_cancelled(Turn& t, std::string_view text) {
  const auto was = parse_slot(t.in.state.appointment_datetime);
  t.out.target.preferred_time.clear();
  after_gone(t, was, text);
}

void on_appointment_event(Turn& t) {
  const State& s = t.in.state;
  const std::string& id = t.in.message.appointment_id;
  t.out.outcome = "not_ours";
  if (s.appointment_id.empty() || s.appointment_id != id) return;  // not the call this contact holds
  for (const auto& r : t.in.results) {
    if (r.kind == CommandResult::Kind::failed) {
      t.out.target = s;
      t.out.handled = false;  // GHL's redelivery tries again
      t.out.outcome = "ghl_failed";
      return;
    }
  }
  const CommandResult* read = appointment_read(t, id);
  if (read == nullptr) return read_appointment(t, id);
  Step step = Step::greeting;
  parse_step(s.booking_step, step);
  if (gone(*read)) {
    // Kept for the lead's next message ("your call was cancelled"):
    // appointment_datetime; the rest of the call is forgotten.
    t.out.target.appointment_id.clear();
    t.out.target.offered_slots.clear();
    t.out.target.reschedule_count.clear();
    if (holds_call(step)) {
      t.out.target.booking_step = std::string(to_string(Step::cancelled));
      t.out.target.booking_attempts = "0";
    } else {
      t.out.target.appointment_datetime.clear();
    }
    t.out.outcome = "appointment_cancelled";
    return;
  }
  const auto stored = parse_slot(s.appointment_datetime);
  const auto now = parse_slot(read->start);
  if (now && (!stored || !same_time(*now, *stored))) {
    t.out.target.appointment_datetime = now->iso;
    t.out.target.preferred_day = to_iso(now->date);
    t.out.target.preferred_time = fmt::format(FMT_COMPILE("{:02}:{:02}"), now->hour, now->minute);
    t.out.outcome = "appointment_moved";
    return;
  }
  t.out.outcome = "appointment_unchanged";
}

void move_call(Turn& t, const Slot& slot) {
  const State& s = t.in.state;
  // Read just before the move: the call may have been cancelled or moved
  // in GHL meanwhile, and GHL's start and end give the call's length.
  const CommandResult* read = appointment_read(t, s.appointment_id);
  if (read == nullptr) return read_appointment(t, s.appointment_id);
  if (gone(*read)) return after_gone(t, parse_slot(s.appointment_datetime), "");
  // Already there (a move GHL made in an earlier attempt whose save or
  // reply failed): confirmed, not moved again.
  if (const auto there = parse_slot(read->start); there && same_time(*there, slot)) {
    CommandResult moved;
    moved.kind = CommandResult::Kind::moved;
    moved.appointment_id = s.appointment_id;
    moved.slot = slot.iso;
    return confirm_move(t, moved);
  }
  Command move{Command::Kind::move, {{"appointment_id", s.appointment_id}, {"slot", slot.iso}}};
  if (const int minutes = length_minutes(*read); minutes > 0) {
    if (auto end = plus_minutes(slot, minutes); !end.empty()) move.args.emplace_back("end", std::move(end));
  }
  t.out.command = std::move(move);
  t.out.outcome = "command";
}

void confirm_move(Turn& t, const CommandResult& moved) {
  const State& s = t.in.state;
  const auto to = parse_slot(moved.slot);
  auto from = parse_slot(s.appointment_datetime);
  if (const CommandResult* read = appointment_read(t, s.appointment_id); read != nullptr && from) {
    // Where GHL had it before the move (unless the read already shows it moved).
    if (auto there = parse_slot(read->start); there && to && !same_time(*there, *to)) from = there;
  }
  if (!to || !from) return on_failure(t);
  move_to(t, Step::scheduled);
  t.out.target.appointment_datetime = to->iso;
  t.out.target.preferred_day = to_iso(to->date);
  t.out.target.preferred_time = fmt::format(FMT_COMPILE("{:02}:{:02}"), to->hour, to->minute);
  t.out.target.offered_slots.clear();
  t.out.target.reschedule_count = fmt::format(FMT_COMPILE("{}"), stored_count(s) + 1);
  say(t, reply_rescheduled(t.lang, t.in.config, *from, *to), "rescheduled");
}

}  // namespace booking

BOOKING_SMALL_CODE_END
