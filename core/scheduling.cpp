// The steps that talk to the calendar: the day (fetch the free slots of a
// range of days in one call, offer the chosen day's, or the nearest days
// that have times; a time named with the day books at once), the time
// (book the chosen slot; a slot taken meanwhile gets fresh times; another
// day named instead goes back to the calendar), and the booked step that
// repeats the call.
#include "scheduling.hpp"

#include <algorithm>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "after_booking.hpp"
#include "day.hpp"
#include "replies.hpp"
#include "small_sort.hpp"
#include "steps.hpp"
#include "text.hpp"
#include "time_choice.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// One free-slots call covers this many days (GHL accepts up to 31): a full
// day is answered with the nearest days that do have times.
constexpr int kLookAheadDays = 14;
// How many other days a full day's answer names.
constexpr std::size_t kNearestDays = 2;

bool earlier(const Slot& a, const Slot& b) { return a.hour * 60 + a.minute < b.hour * 60 + b.minute; }

// The free slots of `day`, in time order, no repeats, without `exclude`.
std::vector<Slot> slots_of(const std::vector<std::string>& isos, Date day, std::string_view exclude) {
  std::vector<Slot> all;
  for (auto& s : parse_slots(isos)) {
    if (s.date == day && s.iso != exclude) all.push_back(std::move(s));
  }
  small_sort(all.begin(), all.end(), earlier);
  all.erase(std::unique(all.begin(), all.end(),
                        [](const Slot& a, const Slot& b) { return a.hour == b.hour && a.minute == b.minute; }),
            all.end());
  return all;
}

// Thinned evenly to kMaxOffered, so the lead sees the morning and the
// afternoon.
std::vector<Slot> thinned(std::vector<Slot> all) {
  if (all.size() <= kMaxOffered) return all;
  std::vector<Slot> picked;
  for (std::size_t i = 0; i < kMaxOffered; ++i) picked.push_back(all[i * (all.size() - 1) / (kMaxOffered - 1)]);
  return picked;
}

// The bookable days from `from` to `until` (and after today) that have a
// free slot, in date order.
std::vector<Date> days_with_times(const Turn& t, const CommandResult& r, Date from, Date until) {
  std::vector<Date> days;
  for (const auto& s : parse_slots(r.slots)) {
    if (s.date < from || s.date > until || s.date <= t.in.today) continue;
    if (!t.in.config.booking_days[static_cast<std::size_t>(weekday(s.date))]) continue;
    days.push_back(s.date);
  }
  small_sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::string join_isos(const std::vector<Slot>& slots) {
  std::string out;
  for (const auto& s : slots) {
    if (!out.empty()) out += ',';
    out += s.iso;
  }
  return out;
}

// Moving a booked call (issue 12) walks the same day and time answers,
// from its own steps, and ends in a move instead of a booking.
Step day_step(const Turn& t) { return moving(t) ? Step::reschedule : Step::day; }
Step time_step(const Turn& t) { return moving(t) ? Step::reschedule_time : Step::time; }

DayAnswer read_day(const Turn& t, std::string_view text) {
  return resolve_day(text, t.in.today, t.in.config.booking_days, t.lang == Lang::en);
}

// The days a day answer looks at: next week's seven, or two weeks from the
// day (the earliest: from tomorrow).
void fetch_for(Turn& t, const DayAnswer& a) {
  const int days = a.kind == DayKind::next_week ? 7 : kLookAheadDays;
  fetch_slots(t, a.date, add_days(a.date, days - 1));
}

// The time step, with `slots` of `day` on offer.
void offer(Turn& t, Date day, const std::vector<Slot>& slots, std::string text) {
  move_to(t, time_step(t));
  // (While moving, preferred_day stays the booked call's: the offer's
  // slots carry their day.)
  if (!moving(t)) t.out.target.preferred_day = to_iso(day);
  t.out.target.offered_slots = join_isos(slots);
  say(t, std::move(text), "advanced");
}

// Back at the day question, with no times on offer; `listed` are the days
// the reply names ("tengo el jueves 3 y el viernes 4"), kept in
// offered_slots as dates so that "el jueves" then means the one listed.
void stay_on_day(Turn& t, std::string text, const char* outcome, const std::vector<Date>& listed = {}) {
  move_to(t, day_step(t));
  std::string days;
  for (const Date d : listed) {
    if (!days.empty()) days += ',';
    days += to_iso(d);
  }
  t.out.target.offered_slots = std::move(days);
  say(t, std::move(text), outcome);
}

// A weekday answered to a list of days is the listed day of that weekday.
DayAnswer against_listed(const Turn& t, DayAnswer a) {
  if (a.kind != DayKind::date || a.error == DayError::not_understood || a.error == DayError::mismatch) return a;
  for (const auto item : split_commas(t.in.state.offered_slots, 2 * kMaxOffered)) {
    const auto d = parse_iso_date(trim(item));
    if (d && weekday(*d) == weekday(a.date) && *d > t.in.today) return DayAnswer{*d, DayError::none, DayKind::date, true};
  }
  return a;
}

void book(Turn& t, const Slot& slot) {
  if (moving(t)) return move_call(t, slot);
  const std::string title = reply_title(t.lang, t.in.config, shown(t.in.state.customer_name));
  t.out.command = Command{Command::Kind::book, {{"slot", slot.iso}, {"title", title}}};
  t.out.outcome = "command";
}

void confirm(Turn& t, const CommandResult& booked) {
  const auto slot = parse_slot(booked.slot);
  if (!slot) return on_failure(t);  // the shell reported a slot we never offered
  move_to(t, Step::scheduled);
  t.out.target.appointment_id = booked.appointment_id;
  t.out.target.appointment_datetime = slot->iso;
  t.out.target.preferred_day = to_iso(slot->date);
  t.out.target.preferred_time = fmt::format(FMT_COMPILE("{:02}:{:02}"), slot->hour, slot->minute);
  t.out.target.offered_slots.clear();
  say(t, reply_confirmed(t.lang, t.in.config, *slot, shown(t.in.state.customer_email)), "advanced");
}

// A day answer (at the day step, or another day named at the time step),
// with the free slots of the range fetched for it.
void answer_with_slots(Turn& t, std::string_view text, const DayAnswer& a, const CommandResult& r) {
  const Config& c = t.in.config;
  if (a.kind == DayKind::next_week) {
    const auto days = days_with_times(t, r, a.date, add_days(a.date, 6));
    if (days.empty()) return stay_on_day(t, reply_no_slots_ahead(t.lang, c), "no_slots");
    return stay_on_day(t, reply_week_days(t.lang, c, days), "offered_days", days);
  }
  Date day = a.date;
  if (a.kind == DayKind::earliest) {
    const auto days = days_with_times(t, r, a.date, add_days(a.date, kLookAheadDays - 1));
    if (days.empty()) return stay_on_day(t, reply_no_slots_ahead(t.lang, c), "no_slots");
    day = days.front();
  }
  const auto all = slots_of(r.slots, day, {});
  if (all.empty()) {
    auto others = days_with_times(t, r, add_days(day, 1), add_days(a.date, kLookAheadDays - 1));
    if (others.size() > kNearestDays) others.resize(kNearestDays);
    if (others.empty()) return stay_on_day(t, reply_no_slots(t.lang, day, c), "no_slots");
    return stay_on_day(t, reply_no_slots_nearest(t.lang, c, day, others), "no_slots", others);
  }
  // "El martes a las 11", "Friday 3pm", "mañana en la tarde": a time named
  // with the day books at once, or narrows the offer. (Not for "the
  // earliest day": its words are not a time.)
  const TimeReading reading =
      a.kind == DayKind::date ? read_time_choice(text, all, /*day_step=*/true) : TimeReading{};
  switch (reading.kind) {
    case TimeReading::Kind::one:
      return book(t, all[reading.picks.front()]);
    case TimeReading::Kind::several: {
      std::vector<Slot> some;
      for (const auto i : reading.picks) some.push_back(all[i]);
      const auto shown_slots = thinned(std::move(some));
      return offer(t, day, shown_slots, reply_offer_slots(t.lang, c, day, shown_slots));
    }
    case TimeReading::Kind::not_offered: {
      const auto shown_slots = thinned(all);
      return offer(t, day, shown_slots, reply_time_named_taken(t.lang, c, day, shown_slots));
    }
    case TimeReading::Kind::none: break;
  }
  const auto shown_slots = thinned(all);
  offer(t, day, shown_slots, reply_offer_slots(t.lang, c, day, shown_slots));
}

// A slot taken between the offer and the booking: the other times of its
// day, from `fresh` (the day fetched again, or the range the day step had).
void after_taken(Turn& t, const CommandResult& fresh, const CommandResult& taken, Date fallback) {
  const auto slot = parse_slot(taken.slot);
  const Date day = slot ? slot->date : fallback;
  const auto rest = thinned(slots_of(fresh.slots, day, taken.slot));
  if (rest.empty()) return stay_on_day(t, reply_slot_taken_no_more(t.lang, day, t.in.config), "no_slots");
  offer(t, day, rest, reply_slot_taken(t.lang, t.in.config, day, rest));
}

// A day answer that is not one to look up.
void refuse_day(Turn& t, Step step, const DayAnswer& a) {
  const Config& c = t.in.config;
  switch (a.error) {
    case DayError::past: return fail_attempt(t, step, reply_day_past(t.lang, c));
    case DayError::not_bookable: return fail_attempt(t, step, reply_day_not_bookable(t.lang, c));
    case DayError::mismatch: return fail_attempt(t, step, reply_day_mismatch(t.lang, c, a.date));
    case DayError::none:
    case DayError::not_understood: break;
  }
  fail_attempt(t, step, reply_day_not_understood(t.lang, c, attempts_after_failure(t)));
}

}  // namespace

bool moving(const Turn& t) {
  if (t.new_booking) return false;
  Step step = Step::greeting;
  if (!parse_step(t.in.state.booking_step, step)) return false;
  return step == Step::reschedule || step == Step::reschedule_time || step == Step::scheduled;
}

std::optional<Date> offer_day(const Turn& t) {
  if (!moving(t)) return parse_iso_date(t.in.state.preferred_day);
  const auto offer = stored_offer(t.in.state);
  if (offer.empty()) return std::nullopt;
  return offer.front().date;
}

void on_day(Turn& t, std::string_view text) {
  if (const auto* booked = find_result(t.in, CommandResult::Kind::booked)) return confirm(t, *booked);
  if (const auto* moved = find_result(t.in, CommandResult::Kind::moved)) return confirm_move(t, *moved);
  const DayAnswer answer = against_listed(t, read_day(t, text));
  if (const auto* r = find_result(t.in, CommandResult::Kind::slots)) {
    if (const auto* taken = find_result(t.in, CommandResult::Kind::slot_taken)) {
      return after_taken(t, *r, *taken, answer.date);
    }
    return answer_with_slots(t, text, answer, *r);
  }
  if (answer.error == DayError::none) return fetch_for(t, answer);
  refuse_day(t, day_step(t), answer);
}

void on_time(Turn& t, std::string_view text) {
  const auto& s = t.in.state;
  if (const auto* booked = find_result(t.in, CommandResult::Kind::booked)) return confirm(t, *booked);
  if (const auto* moved = find_result(t.in, CommandResult::Kind::moved)) return confirm_move(t, *moved);
  // first_missing() made sure the time step has a day and an offer (while
  // moving, the offer's own day).
  const auto preferred = offer_day(t);
  if (!preferred) return on_failure(t);
  const auto* taken = find_result(t.in, CommandResult::Kind::slot_taken);
  const auto* fresh = find_result(t.in, CommandResult::Kind::slots);
  const DayAnswer day = read_day(t, text);
  if (fresh != nullptr) {
    if (taken != nullptr) return after_taken(t, *fresh, *taken, *preferred);
    return answer_with_slots(t, text, day, *fresh);  // another day named below
  }
  if (taken != nullptr) {
    const auto slot = parse_slot(taken->slot);
    const Date again = slot ? slot->date : *preferred;
    return fetch_slots(t, again, again);
  }
  const auto offered = stored_offer(s);
  const TimeReading reading = read_time_choice(text, offered);
  // "Mejor el viernes (a las 3)", "la primera del viernes": another day
  // named in words goes back to the calendar. A day that is only a number
  // or an ordinal ("el 3", "the first") may be a pick here: a pick wins.
  const auto picks = [](const TimeReading& r) {
    return r.kind == TimeReading::Kind::one || r.kind == TimeReading::Kind::several;
  };
  if (day.error == DayError::none && (day.kind != DayKind::date || day.date != *preferred) &&
      (!picks(reading) || day.in_words)) {
    // "Cuando sea", "whenever suits you", asked for a time: the earliest
    // time on offer.
    if (day.kind == DayKind::earliest && !offered.empty()) return book(t, offered.front());
    return fetch_for(t, day);
  }
  // "El lunes a las 2", "hoy a las 2": a day that cannot be booked is
  // refused, whatever time comes with it.
  if (day.in_words && (day.error == DayError::past || day.error == DayError::not_bookable ||
                       day.error == DayError::mismatch)) {
    return refuse_day(t, time_step(t), day);
  }
  switch (reading.kind) {
    case TimeReading::Kind::one:
      return book(t, offered[reading.picks.front()]);
    case TimeReading::Kind::several: {
      std::vector<Slot> some;
      for (const auto i : reading.picks) some.push_back(offered[i]);
      return offer(t, *preferred, some, reply_offer_slots(t.lang, t.in.config, *preferred, some));
    }
    case TimeReading::Kind::not_offered:
      return fail_attempt(
          t, time_step(t), reply_time_not_offered(t.lang, t.in.config, *preferred, offered, attempts_after_failure(t)));
    case TimeReading::Kind::none: break;
  }
  // "Otro día": back to the day question.
  if (asks_other_day(text)) {
    t.out.target.offered_slots.clear();
    move_to(t, day_step(t));
    return say(t, moving(t) ? reply_plain(t.lang, t.in.config, TextKey::ask_reschedule_day) : reply_ask_day(t.lang, t.in.config),
               "rewound");
  }
  if (day.error != DayError::not_understood && day.error != DayError::none) return refuse_day(t, time_step(t), day);
  // Neither a time nor a day: the times again.
  fail_attempt(t, time_step(t),
               reply_invalid_offer(t.lang, t.in.config, *preferred, offered, attempts_after_failure(t)));
}

}  // namespace booking

BOOKING_SMALL_CODE_END
