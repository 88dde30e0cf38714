// Every text the bot sends, as data: one template per key and language.
// The defaults are compiled in (core/texts_es.cpp, core/texts_en.cpp); a
// deployment may replace any of them with the REPLIES setting (see
// set_replies in config.hpp), and replies.cpp renders them.
//
// Template syntax: `{name}` is replaced with the value of placeholder
// `name`; `{{` and `}}` stand for a literal `{` and `}`. Nothing else is
// special. Values are inserted as they are and never read as templates, so
// a lead named "{day}" stays "{day}". A lone `{` or `}`, an unknown
// placeholder, one the key does not offer, or a missing required one is an
// error when the template is checked (check_template); defaults are checked
// at compile time, REPLIES overrides when they are read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "language.hpp"

namespace booking {

// One key per distinct text. The order is the order of the tables.
enum class TextKey : std::uint8_t {
  greeting,            // first message: asks the name
  ask_goal,            // after the name
  ask_pain,            // after the goal
  ask_budget,          // after the challenge
  ask_email,           // budget at or above the minimum
  low_budget,          // budget under the minimum: closes the conversation
  ask_day,             // after the email
  offer_slots,         // the free times of the chosen day
  confirmed,           // the call is booked
  try_later,           // GHL failed
  invalid_name,        // the name could not be read (then the question again)
  invalid_goal,        // the goal could not be read
  invalid_pain,        // the challenge could not be read
  invalid_budget,      // the budget could not be read
  invalid_email,       // the email is not valid
  person_offer,        // added after a space to the 3rd and later failed answer
  day_past,            // the day asked for has passed
  day_not_bookable,    // no calls on that weekday
  day_not_understood,  // the day could not be read
  no_slots,            // the chosen day has no free time
  time_not_offered,    // the time chosen is not one offered
  slot_taken,          // the time was taken meanwhile; others remain
  slot_taken_no_more,  // the time was taken meanwhile; none remain that day
  opted_out,           // the lead said stop
  handoff,             // the lead asked for a person
  already_scheduled,   // a message after booking
  closed,              // a message after low_budget
  not_interested,      // the lead is not interested: a polite close, no more questions
  ask_name,            // the name question alone (after answering a question at the name step)
  confirm_email,       // an email with an obvious typo: "did you mean {email}?"
  day_mismatch,        // a weekday and a date that disagree: "that date is {day}"
  no_slots_nearest,    // the chosen day is full: the nearest days that have times
  week_days,           // "next week": the days of that week that have times
  no_slots_ahead,      // no free time at all in the days looked at
  time_named_taken,    // day and time in one message, the time not free: that day's times
  answer_price,        // "how much is it?"
  answer_duration,     // "how long is the call?" (CALL_MINUTES set)
  answer_duration_unset,  // the same, CALL_MINUTES not set
  answer_who,          // "who are you?" / "are you a bot?"
  answer_what,         // "what do you do?": {pitch} is BUSINESS_PITCH, else default_pitch
  default_pitch,       // {pitch} when BUSINESS_PITCH is not set
  answer_times,        // "what times do you have?" before a day is chosen
  ask_reschedule_day,  // the lead wants to move the call: which day?
  rescheduled,         // the call was moved: from {old_day} {old_time} to {day} {time}
  reschedule_kept,     // the lead gave up changing: the call stands
  reschedule_limit,    // moved too often by chat: a person is offered
  confirm_cancel,      // "are you sure you want to cancel …? Reply YES"
  cancelled_by_lead,   // the call was cancelled as asked; a new booking offered
  appointment_cancelled,  // the business cancelled the call (said before the next question)
  change_failed,       // GHL failed on a move or cancel: the call stands
  cap_reached,         // the bot's last message to a contact within 24 hours: a person follows up
  follow_up,           // the one nudge to a lead who stopped answering (the pending question follows)
  title,               // the title of the appointment in the calendar
  days_range,          // {days} for three or more consecutive days
  days_list,           // {days} for other sets of two or more days
};
inline constexpr std::size_t kTextKeyCount = static_cast<std::size_t>(TextKey::days_list) + 1;

enum class Placeholder : std::uint8_t {
  agent,       // AGENT_NAME
  business,    // BUSINESS_NAME
  min_budget,  // MIN_BUDGET as money: "$300", "$1,500"
  days,        // the bookable days: "Martes a Viernes" / "Tuesday to Friday"
  name,        // the lead's name
  day,         // the chosen day: "el jueves 3 de diciembre" / "Thursday, December 3"
  time,        // the booked time: "2:30pm"
  times,       // the free times: "10am, 2pm, 2:30pm"
  email,       // the lead's email
  first,       // days_range: the first day, "Martes"
  list,        // days_list: the days before the last, "Lunes, Miércoles"
  last,        // days_range, days_list: the last day, "Viernes"
  others,      // other days that have times: "el viernes 4 y el martes 8"
  minutes,     // CALL_MINUTES: "30"
  pitch,       // BUSINESS_PITCH, or the default_pitch text
  old_day,     // rescheduled: the day the call was on
  old_time,    // rescheduled: the time it was at
};
inline constexpr std::size_t kPlaceholderCount = static_cast<std::size_t>(Placeholder::old_time) + 1;

inline constexpr std::array<std::string_view, kPlaceholderCount> kPlaceholderNames{
    "agent", "business", "min_budget", "days", "name", "day",
    "time",  "times",    "email",      "first", "list", "last",
    "others", "minutes", "pitch", "old_day", "old_time",
};

// A set of placeholders, one bit each.
using PlaceholderSet = std::uint32_t;
static_assert(kPlaceholderCount <= 32);

constexpr PlaceholderSet bit(Placeholder p) {
  return static_cast<PlaceholderSet>(1u << static_cast<unsigned>(p));
}
constexpr PlaceholderSet set_of(std::initializer_list<Placeholder> ps) {
  PlaceholderSet s = 0;
  for (const auto p : ps) s = static_cast<PlaceholderSet>(s | bit(p));
  return s;
}
constexpr bool contains(PlaceholderSet s, Placeholder p) { return (s & bit(p)) != 0; }

constexpr std::optional<Placeholder> parse_placeholder(std::string_view name) {
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
    if (kPlaceholderNames[i] == name) return static_cast<Placeholder>(i);
  }
  return std::nullopt;
}

// What a key's template may use, and what it must use.
struct TextSpec {
  TextKey key;
  std::string_view name;  // as written in REPLIES
  PlaceholderSet allowed;
  PlaceholderSet required;
};

namespace texts_detail {
using P = Placeholder;
// The deployment's settings: every message may use them.
inline constexpr PlaceholderSet kCommon = set_of({P::agent, P::business, P::min_budget, P::days});
constexpr TextSpec plain(TextKey k, std::string_view name) { return {k, name, kCommon, 0}; }
constexpr TextSpec with(TextKey k, std::string_view name, std::initializer_list<P> allowed,
                        std::initializer_list<P> required = {}) {
  return {k, name, static_cast<PlaceholderSet>(kCommon | set_of(allowed) | set_of(required)), set_of(required)};
}
}  // namespace texts_detail

inline constexpr std::array<TextSpec, kTextKeyCount> kTextSpecs = [] {
  using namespace texts_detail;
  using K = TextKey;
  return std::array<TextSpec, kTextKeyCount>{{
      plain(K::greeting, "greeting"),
      with(K::ask_goal, "ask_goal", {P::name}),
      plain(K::ask_pain, "ask_pain"),
      plain(K::ask_budget, "ask_budget"),
      plain(K::ask_email, "ask_email"),
      plain(K::low_budget, "low_budget"),
      plain(K::ask_day, "ask_day"),
      with(K::offer_slots, "offer_slots", {}, {P::day, P::times}),
      with(K::confirmed, "confirmed", {P::email}, {P::day, P::time}),
      plain(K::try_later, "try_later"),
      plain(K::invalid_name, "invalid_name"),
      plain(K::invalid_goal, "invalid_goal"),
      plain(K::invalid_pain, "invalid_pain"),
      plain(K::invalid_budget, "invalid_budget"),
      plain(K::invalid_email, "invalid_email"),
      plain(K::person_offer, "person_offer"),
      plain(K::day_past, "day_past"),
      plain(K::day_not_bookable, "day_not_bookable"),
      plain(K::day_not_understood, "day_not_understood"),
      with(K::no_slots, "no_slots", {P::day}),
      with(K::time_not_offered, "time_not_offered", {P::day}, {P::times}),
      with(K::slot_taken, "slot_taken", {P::day}, {P::times}),
      with(K::slot_taken_no_more, "slot_taken_no_more", {P::day}),
      plain(K::opted_out, "opted_out"),
      plain(K::handoff, "handoff"),
      with(K::already_scheduled, "already_scheduled", {}, {P::day, P::time}),
      plain(K::closed, "closed"),
      plain(K::not_interested, "not_interested"),
      plain(K::ask_name, "ask_name"),
      with(K::confirm_email, "confirm_email", {}, {P::email}),
      with(K::day_mismatch, "day_mismatch", {}, {P::day}),
      with(K::no_slots_nearest, "no_slots_nearest", {P::day}, {P::others}),
      with(K::week_days, "week_days", {}, {P::others}),
      plain(K::no_slots_ahead, "no_slots_ahead"),
      with(K::time_named_taken, "time_named_taken", {P::day}, {P::times}),
      plain(K::answer_price, "answer_price"),
      with(K::answer_duration, "answer_duration", {}, {P::minutes}),
      plain(K::answer_duration_unset, "answer_duration_unset"),
      plain(K::answer_who, "answer_who"),
      with(K::answer_what, "answer_what", {}, {P::pitch}),
      plain(K::default_pitch, "default_pitch"),
      plain(K::answer_times, "answer_times"),
      plain(K::ask_reschedule_day, "ask_reschedule_day"),
      with(K::rescheduled, "rescheduled", {}, {P::old_day, P::old_time, P::day, P::time}),
      with(K::reschedule_kept, "reschedule_kept", {}, {P::day, P::time}),
      plain(K::reschedule_limit, "reschedule_limit"),
      with(K::confirm_cancel, "confirm_cancel", {}, {P::day, P::time}),
      with(K::cancelled_by_lead, "cancelled_by_lead", {}, {P::day, P::time}),
      with(K::appointment_cancelled, "appointment_cancelled", {}, {P::day, P::time}),
      with(K::change_failed, "change_failed", {}, {P::day, P::time}),
      plain(K::cap_reached, "cap_reached"),
      with(K::follow_up, "follow_up", {P::name}),
      with(K::title, "title", {}, {P::name}),
      // Part of {days}: no other placeholder, so {days} cannot contain itself.
      {K::days_range, "days_range", set_of({P::first, P::last}), set_of({P::first, P::last})},
      {K::days_list, "days_list", set_of({P::list, P::last}), set_of({P::list, P::last})},
  }};
}();

constexpr const TextSpec& text_spec(TextKey k) { return kTextSpecs[static_cast<std::size_t>(k)]; }

constexpr std::optional<TextKey> parse_text_key(std::string_view name) {
  for (const auto& s : kTextSpecs) {
    if (s.name == name) return s.key;
  }
  return std::nullopt;
}

// ---- Reading a template ----------------------------------------------------

// A template is read piece by piece: text to copy (including the `{` of
// `{{` and the `}` of `}}`), a placeholder's name, or a lone brace.
struct TemplatePiece {
  enum class Kind : std::uint8_t { literal, placeholder, lone_open, lone_close } kind;
  std::string_view text;  // the text; the name for a placeholder; the brace
};

constexpr bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The first piece of non-empty `rest`, which is advanced past it.
constexpr TemplatePiece next_piece(std::string_view& rest) {
  const auto take = [&rest](TemplatePiece::Kind kind, std::size_t skip, std::string_view text) {
    rest.remove_prefix(skip);
    return TemplatePiece{kind, text};
  };
  if (rest[0] == '{') {
    if (rest.size() > 1 && rest[1] == '{') return take(TemplatePiece::Kind::literal, 2, rest.substr(0, 1));
    std::size_t end = 1;
    while (end < rest.size() && is_name_char(rest[end])) ++end;
    if (end > 1 && end < rest.size() && rest[end] == '}') {
      return take(TemplatePiece::Kind::placeholder, end + 1, rest.substr(1, end - 1));
    }
    return take(TemplatePiece::Kind::lone_open, 1, rest.substr(0, 1));
  }
  if (rest[0] == '}') {
    if (rest.size() > 1 && rest[1] == '}') return take(TemplatePiece::Kind::literal, 2, rest.substr(0, 1));
    return take(TemplatePiece::Kind::lone_close, 1, rest.substr(0, 1));
  }
  const std::size_t end = rest.find_first_of("{}");
  const std::size_t n = end == std::string_view::npos ? rest.size() : end;
  return take(TemplatePiece::Kind::literal, n, rest.substr(0, n));
}

// What is wrong with a template for a key, if anything. `name` is the
// placeholder for unknown_placeholder and missing_placeholder.
struct TemplateProblem {
  enum class Kind : std::uint8_t { none, empty, lone_open, lone_close, unknown_placeholder, missing_placeholder };
  Kind kind = Kind::none;
  std::string_view name;
};

constexpr TemplateProblem check_template(TextKey key, std::string_view t) {
  if (t.empty()) return {TemplateProblem::Kind::empty, {}};
  const TextSpec& spec = text_spec(key);
  PlaceholderSet used = 0;
  while (!t.empty()) {
    const TemplatePiece p = next_piece(t);
    switch (p.kind) {
      case TemplatePiece::Kind::literal: break;
      case TemplatePiece::Kind::lone_open: return {TemplateProblem::Kind::lone_open, {}};
      case TemplatePiece::Kind::lone_close: return {TemplateProblem::Kind::lone_close, {}};
      case TemplatePiece::Kind::placeholder: {
        const auto ph = parse_placeholder(p.text);
        if (!ph || !contains(spec.allowed, *ph)) return {TemplateProblem::Kind::unknown_placeholder, p.text};
        used = static_cast<PlaceholderSet>(used | bit(*ph));
        break;
      }
    }
  }
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
    const auto ph = static_cast<Placeholder>(i);
    if (contains(spec.required, ph) && !contains(used, ph)) {
      return {TemplateProblem::Kind::missing_placeholder, kPlaceholderNames[i]};
    }
  }
  return {};
}

// "{day}, {times}": the placeholders of a set, in declaration order.
std::string placeholder_list(PlaceholderSet s);

// The problem as words, after "REPLIES: es.offer_slots: ":
// "unknown placeholder {dia} (this text can use {agent}, …)", "missing {times}".
std::string explain(const TemplateProblem& problem, TextKey key);

// ---- The default texts -----------------------------------------------------

struct TextEntry {
  TextKey key;
  std::string_view text;
};
using TextTable = std::array<TextEntry, kTextKeyCount>;

// True when a table has every key once, in TextKey order, each with a
// template that passes check_template. The tables static_assert it.
constexpr bool is_valid_table(const TextTable& table) {
  for (std::size_t i = 0; i < kTextKeyCount; ++i) {
    if (table[i].key != static_cast<TextKey>(i)) return false;
    if (check_template(table[i].key, table[i].text).kind != TemplateProblem::Kind::none) return false;
  }
  return true;
}

const TextTable& spanish_texts();  // texts_es.cpp
const TextTable& english_texts();  // texts_en.cpp

constexpr std::string_view to_string(TextKey k) { return text_spec(k).name; }

inline std::string_view default_text(Lang l, TextKey k) {
  return (l == Lang::es ? spanish_texts() : english_texts())[static_cast<std::size_t>(k)].text;
}

// ---- Rendering -------------------------------------------------------------

// The values a template is rendered with. They are views: what they point
// to must outlive the render.
class TextValues {
 public:
  TextValues() = default;
  TextValues(std::initializer_list<std::pair<Placeholder, std::string_view>> values) {
    for (const auto& [p, v] : values) set(p, v);
  }
  TextValues& set(Placeholder p, std::string_view v) {
    values_[static_cast<std::size_t>(p)] = v;
    given_ = static_cast<PlaceholderSet>(given_ | bit(p));
    return *this;
  }
  const std::string_view* get(Placeholder p) const {
    return contains(given_, p) ? &values_[static_cast<std::size_t>(p)] : nullptr;
  }

 private:
  std::array<std::string_view, kPlaceholderCount> values_{};
  PlaceholderSet given_ = 0;
};

// `t` with each `{placeholder}` replaced by its value and `{{`/`}}` by
// `{`/`}`. What a checked template cannot hold (a lone brace, a placeholder
// without a value) is copied as written.
std::string render_template(std::string_view t, const TextValues& values);

}  // namespace booking
