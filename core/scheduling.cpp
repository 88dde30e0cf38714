// The steps that talk to the calendar: the day (fetch that day's free
// slots, offer them) and the time (book the chosen slot; a slot taken
// meanwhile gets fresh times), and the booked step that repeats the call.
#include "scheduling.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "day.hpp"
#include "replies.hpp"
#include "time_choice.hpp"

namespace booking {
namespace {

std::vector<Slot> parse_slots(const std::vector<std::string>& isos) {
  std::vector<Slot> out;
  for (const auto& iso : isos) {
    if (auto s = parse_slot(iso)) out.push_back(std::move(*s));
  }
  return out;
}

// Slots of `day`, in time order, no repeats, thinned evenly to kMaxOffered
// so the lead sees the morning and the afternoon.
std::vector<Slot> slots_to_offer(const std::vector<std::string>& isos, Date day,
                                 std::string_view exclude) {
  std::vector<Slot> all;
  for (auto& s : parse_slots(isos)) {
    if (s.date == day && s.iso != exclude) all.push_back(std::move(s));
  }
  std::sort(all.begin(), all.end(), [](const Slot& a, const Slot& b) {
    return a.hour * 60 + a.minute < b.hour * 60 + b.minute;
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const Slot& a, const Slot& b) { return a.hour == b.hour && a.minute == b.minute; }),
            all.end());
  if (all.size() <= kMaxOffered) return all;
  std::vector<Slot> picked;
  for (std::size_t i = 0; i < kMaxOffered; ++i) {
    picked.push_back(all[i * (all.size() - 1) / (kMaxOffered - 1)]);
  }
  return picked;
}

std::string join_isos(const std::vector<Slot>& slots) {
  std::string out;
  for (const auto& s : slots) {
    if (!out.empty()) out += ',';
    out += s.iso;
  }
  return out;
}

void offer_slots(Turn& t, const CommandResult& r, bool after_taken, std::string_view taken) {
  const auto slots = slots_to_offer(r.slots, r.date, taken);
  if (slots.empty()) {
    move_to(t, Step::day);
    t.out.target.offered_slots.clear();
    say(t, after_taken ? reply_slot_taken_no_more(t.lang, r.date, t.in.config)
                       : reply_no_slots(t.lang, r.date, t.in.config),
        "no_slots");
    return;
  }
  move_to(t, Step::time);
  t.out.target.preferred_day = to_iso(r.date);
  t.out.target.offered_slots = join_isos(slots);
  say(t, after_taken ? reply_slot_taken(t.lang, t.in.config, r.date, slots) : reply_offer_slots(t.lang, t.in.config, r.date, slots),
      "advanced");
}

}  // namespace

void on_day(Turn& t, std::string_view text) {
  if (const auto* r = find_result(t.in, CommandResult::Kind::slots)) return offer_slots(t, *r, false, {});
  const auto answer = resolve_day(text, t.in.today, t.in.config.booking_days, t.lang == Lang::en);
  switch (answer.error) {
    case DayError::none: return fetch_slots(t, answer.date);
    case DayError::past: return fail_attempt(t, Step::day, reply_day_past(t.lang, t.in.config));
    case DayError::not_bookable: return fail_attempt(t, Step::day, reply_day_not_bookable(t.lang, t.in.config));
    case DayError::not_understood: break;
  }
  fail_attempt(t, Step::day, reply_day_not_understood(t.lang, t.in.config, attempts_after_failure(t)));
}

void on_time(Turn& t, std::string_view text) {
  const auto& s = t.in.state;
  if (const auto* booked = find_result(t.in, CommandResult::Kind::booked)) {
    const auto slot = parse_slot(booked->slot);
    if (!slot) return on_failure(t);  // the shell reported a slot we never offered
    move_to(t, Step::scheduled);
    t.out.target.appointment_id = booked->appointment_id;
    t.out.target.appointment_datetime = slot->iso;
    t.out.target.preferred_day = to_iso(slot->date);
    t.out.target.preferred_time = fmt::format("{:02}:{:02}", slot->hour, slot->minute);
    t.out.target.offered_slots.clear();
    return say(t, reply_confirmed(t.lang, t.in.config, *slot, shown(s.customer_email)), "advanced");
  }
  const auto* taken = find_result(t.in, CommandResult::Kind::slot_taken);
  const auto* fresh = find_result(t.in, CommandResult::Kind::slots);
  if (fresh != nullptr) return offer_slots(t, *fresh, taken != nullptr, taken ? taken->slot : "");
  // first_missing() made sure the time step has a day and an offer.
  const auto preferred = parse_iso_date(s.preferred_day);
  if (!preferred) return on_failure(t);
  if (taken != nullptr) {
    const auto slot = parse_slot(taken->slot);
    return fetch_slots(t, slot ? slot->date : *preferred);
  }
  const auto offered = stored_offer(s);
  if (const auto pick = choose_slot(text, offered)) {
    const auto& slot = offered[*pick];
    const std::string title = reply_title(t.lang, t.in.config, shown(s.customer_name));
    t.out.command = Command{Command::Kind::book, {{"slot", slot.iso}, {"title", title}}};
    t.out.outcome = "command";
    return;
  }
  // "Mejor el viernes": the lead may change the day instead of picking a time.
  const auto day = resolve_day(text, t.in.today, t.in.config.booking_days, t.lang == Lang::en);
  if (day.error == DayError::none) return fetch_slots(t, day.date);
  fail_attempt(t, Step::time, reply_time_not_offered(t.lang, t.in.config, *preferred, offered, attempts_after_failure(t)));
}

void on_scheduled(Turn& t, std::string_view) {
  // The step's requirements (steps.cpp) made sure a booked contact has a readable slot.
  if (const auto slot = parse_slot(t.in.state.appointment_datetime)) {
    say(t, reply_already_scheduled(t.lang, t.in.config, *slot), "repeated");
  }
}

}  // namespace booking
