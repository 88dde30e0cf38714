#include "engine.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include "answer.hpp"
#include "budget.hpp"
#include "day.hpp"
#include "email.hpp"
#include "intent.hpp"
#include "name.hpp"
#include "replies.hpp"
#include "slot.hpp"
#include "step.hpp"
#include "text.hpp"
#include "time_choice.hpp"

namespace booking {
namespace {

// More than this many times in one reply is hard to read on a phone.
constexpr std::size_t kMaxOffered = 5;
// Attempts are shown to people ("offer a person from the 3rd"); past this
// the counter stops growing so a stuck contact cannot overflow it.
constexpr int kMaxAttempts = 99;

struct Turn {
  const Input& in;
  Lang lang;
  Decision out;
};

int stored_attempts(const State& s) {
  int n = 0;
  const auto& v = s.booking_attempts;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || p != v.data() + v.size() || n < 0) return 0;
  return std::min(n, kMaxAttempts);
}

std::optional<long> stored_budget(const State& s) {
  long n = 0;
  const auto& v = s.customer_budget;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || p != v.data() + v.size() || n < 0) return std::nullopt;
  return n;
}

std::vector<Slot> parse_slots(const std::vector<std::string>& isos) {
  std::vector<Slot> out;
  for (const auto& iso : isos) {
    if (auto s = parse_slot(iso)) out.push_back(std::move(*s));
  }
  return out;
}

std::vector<Slot> stored_offer(const State& s) {
  std::vector<std::string> isos;
  std::string_view rest = s.offered_slots;
  while (!rest.empty() && isos.size() < 2 * kMaxOffered) {
    const auto comma = rest.find(',');
    isos.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return parse_slots(isos);
}

// A stored value shown back to the lead: GHL may hold anything.
std::string shown(std::string_view stored) {
  return sanitize_utf8(utf8_prefix(stored, kMaxFieldBytes));
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
  t.out.target.booking_attempts = fmt::format("{}", attempts_after_failure(t));
  say(t, std::move(text), "invalid");
}

// The first step whose data is missing or unreadable, if it comes before
// `step`: a later question cannot be asked without it.
Step first_missing(Step step, const State& s, const Config& c) {
  const auto needs = [step](Step from) { return static_cast<int>(step) >= static_cast<int>(from); };
  if (step == Step::complete) return step;
  if (needs(Step::goal) && trim(s.customer_name).empty()) return Step::name;
  if (needs(Step::pain) && trim(s.customer_goal).empty()) return Step::goal;
  if (needs(Step::budget) && trim(s.customer_pain_point).empty()) return Step::pain;
  if (needs(Step::email)) {
    const auto budget = stored_budget(s);
    if (!budget || *budget < c.min_budget) return Step::budget;
  }
  if (needs(Step::day) && !extract_email(s.customer_email)) return Step::email;
  if (step == Step::time && (!parse_iso_date(s.preferred_day) || stored_offer(s).empty())) return Step::day;
  if (step == Step::scheduled && (s.appointment_id.empty() || !parse_slot(s.appointment_datetime))) {
    return Step::day;
  }
  return step;
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
  const bool cancel_tried = find_result(t.in, CommandResult::Kind::cancelled) != nullptr ||
                            std::any_of(t.in.results.begin(), t.in.results.end(), [](const auto& r) {
                              return r.kind == CommandResult::Kind::failed && r.during == "cancel";
                            });
  if (booked != nullptr && !cancel_tried) {
    t.out.command = Command{Command::Kind::cancel, {{"appointment_id", booked->appointment_id}}};
    t.out.outcome = "command";
    return;
  }
  const auto failed_sends = std::count_if(t.in.results.begin(), t.in.results.end(), [](const auto& r) {
    return r.kind == CommandResult::Kind::failed && r.during == "send";
  });
  if (failed_sends >= 2) {
    t.out.outcome = "ghl_failed";
    return;
  }
  say(t, reply_try_later(t.lang), "ghl_failed");
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
  say(t, after_taken ? reply_slot_taken(t.lang, r.date, slots) : reply_offer_slots(t.lang, r.date, slots),
      "advanced");
}

void fetch_slots(Turn& t, Date day) {
  t.out.command = Command{Command::Kind::fetch_slots, {{"date", to_iso(day)}}};
  t.out.outcome = "command";
}

void on_day(Turn& t, std::string_view text) {
  if (const auto* r = find_result(t.in, CommandResult::Kind::slots)) return offer_slots(t, *r, false, {});
  const auto answer = resolve_day(text, t.in.today, t.in.config.booking_days);
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
    return say(t, reply_confirmed(t.lang, *slot, shown(s.customer_email)), "advanced");
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
    const std::string title = t.lang == Lang::es
                                  ? fmt::format("Llamada con {}", shown(s.customer_name))
                                  : fmt::format("Call with {}", shown(s.customer_name));
    t.out.command = Command{Command::Kind::book, {{"slot", slot.iso}, {"title", title}}};
    t.out.outcome = "command";
    return;
  }
  // "Mejor el viernes": the lead may change the day instead of picking a time.
  const auto day = resolve_day(text, t.in.today, t.in.config.booking_days);
  if (day.error == DayError::none) return fetch_slots(t, day.date);
  fail_attempt(t, Step::time, reply_time_not_offered(t.lang, *preferred, offered, attempts_after_failure(t)));
}

void on_text_step(Turn& t, Step step, std::string_view text) {
  const Config& c = t.in.config;
  switch (step) {
    case Step::name:
      if (auto name = extract_name(text)) {
        move_to(t, Step::goal);
        t.out.target.customer_name = *name;
        return say(t, reply_ask_goal(t.lang, *name), "advanced");
      }
      break;
    case Step::goal:
      if (auto goal = bounded_answer(text, kGoalMaxChars)) {
        move_to(t, Step::pain);
        t.out.target.customer_goal = *goal;
        return say(t, reply_ask_pain(t.lang), "advanced");
      }
      break;
    case Step::pain:
      if (auto pain = bounded_answer(text, kPainMaxChars)) {
        move_to(t, Step::budget);
        t.out.target.customer_pain_point = *pain;
        return say(t, reply_ask_budget(t.lang), "advanced");
      }
      break;
    case Step::budget:
      if (auto budget = extract_budget(text)) {
        t.out.target.customer_budget = fmt::format("{}", *budget);
        if (*budget >= c.min_budget) {
          move_to(t, Step::email);
          return say(t, reply_ask_email(t.lang), "advanced");
        }
        move_to(t, Step::complete);
        return say(t, reply_low_budget(t.lang, c), "advanced");
      }
      break;
    case Step::email:
      if (auto email = extract_email(text)) {
        move_to(t, Step::day);
        t.out.target.customer_email = *email;
        return say(t, reply_ask_day(t.lang, c), "advanced");
      }
      break;
    default: break;
  }
  fail_attempt(t, step, reply_invalid(t.lang, step, c, attempts_after_failure(t)));
}

void restart(Turn& t) {
  State fresh;
  fresh.language = t.out.target.language;
  fresh.last_interaction = t.out.target.last_interaction;
  fresh.last_message_id = t.out.target.last_message_id;
  t.out.target = std::move(fresh);
  move_to(t, Step::name);
  say(t, reply_greeting(t.lang, t.in.config), "restarted");
}

}  // namespace

Decision decide(const Input& in) {
  const State& s = in.state;
  Step step = Step::greeting;
  const bool known_step = parse_step(s.booking_step, step);
  // An unreadable message (not UTF-8, control characters, or longer than
  // anyone types) reads as an empty answer: every step then asks again
  // with its own hint.
  const bool readable = in.message.text.size() <= kMaxMessageBytes && is_valid_utf8(in.message.text) &&
                        !has_control_chars(in.message.text);
  const std::string_view text = readable ? std::string_view(in.message.text) : std::string_view{};

  Lang lang = in.config.default_language;
  if (auto stored = parse_lang(s.language); stored && known_step && step != Step::greeting) {
    lang = *stored;
  } else if (auto detected = detect_language(text)) {
    lang = *detected;
  } else if (stored) {
    lang = *stored;
  }
  Turn t{in, lang, Decision{s, std::nullopt, {}, {}}};

  if (std::any_of(in.results.begin(), in.results.end(),
                  [](const auto& r) { return r.kind == CommandResult::Kind::failed; })) {
    on_failure(t);
    return t.out;
  }
  if (step == Step::opted_out || step == Step::handoff) {
    t.out.outcome = "silent";  // never write to a lead who said stop or waits for a person
    return t.out;
  }
  if (!in.message.id.empty() && in.message.id == s.last_message_id) {
    t.out.outcome = "duplicate";
    return t.out;
  }

  State& next = t.out.target;
  next.last_interaction = in.now;
  next.last_message_id = in.message.id;
  next.language = std::string(to_string(lang));
  if (!known_step) step = Step::greeting;  // garbage in booking_step: start the conversation again

  // Even as the very first message: a lead who says stop is never greeted.
  switch (detect_intent(text)) {
    case Intent::restart: restart(t); return t.out;
    case Intent::opt_out:
      next.booking_step = std::string(to_string(Step::opted_out));
      say(t, reply_opted_out(lang), "opted_out");
      return t.out;
    case Intent::human:
      next.booking_step = std::string(to_string(Step::handoff));
      say(t, reply_handoff(lang), "handoff");
      return t.out;
    case Intent::none: break;
  }

  if (step == Step::greeting) {
    // Whatever else the first message says, the answer is the greeting.
    move_to(t, Step::name);
    say(t, reply_greeting(lang, in.config), "advanced");
    return t.out;
  }

  if (const Step missing = first_missing(step, s, in.config); missing != step) {
    move_to(t, missing);
    if (missing == Step::day) {
      next.offered_slots.clear();
      next.appointment_id.clear();
      next.appointment_datetime.clear();
    }
    say(t, reply_question(lang, missing, in.config, shown(s.customer_name)), "rewound");
    return t.out;
  }

  switch (step) {
    case Step::day: on_day(t, text); break;
    case Step::time: on_time(t, text); break;
    case Step::scheduled:
      // first_missing() made sure a scheduled contact has a readable slot.
      if (const auto slot = parse_slot(s.appointment_datetime)) {
        say(t, reply_already_scheduled(lang, *slot), "repeated");
      }
      break;
    case Step::complete: say(t, reply_closed(lang), "closed"); break;
    default: on_text_step(t, step, text); break;
  }
  if (t.out.command.kind != Command::Kind::none) t.out.target = s;  // decided once the result is in
  return t.out;
}

}  // namespace booking
