#include "steps.hpp"

#include <algorithm>
#include <array>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "after_booking.hpp"
#include "answer.hpp"
#include "budget.hpp"
#include "email.hpp"
#include "name.hpp"
#include "replies.hpp"
#include "scheduling.hpp"
#include "text.hpp"
#include "yes_no.hpp"

namespace booking {
namespace {

// --- what each step asks, and says to a failed answer ----------------------

std::string ask_name(Lang l, const Config& c, const State&) { return reply_greeting(l, c); }
std::string ask_goal(Lang l, const Config& c, const State& s) { return reply_ask_goal(l, c, shown(s.customer_name)); }
std::string ask_pain(Lang l, const Config& c, const State&) { return reply_ask_pain(l, c); }
std::string ask_budget(Lang l, const Config& c, const State&) { return reply_ask_budget(l, c); }
std::string ask_email(Lang l, const Config& c, const State&) { return reply_ask_email(l, c); }
std::string ask_day(Lang l, const Config& c, const State&) { return reply_ask_day(l, c); }
std::string ask_confirm_email(Lang l, const Config& c, const State& s) {
  return reply_confirm_email(l, c, shown(s.customer_email));
}

std::string hint_name(Lang l, const Config& c, int n) { return reply_invalid(l, c, TextKey::invalid_name, n); }
std::string hint_goal(Lang l, const Config& c, int n) { return reply_invalid(l, c, TextKey::invalid_goal, n); }
std::string hint_pain(Lang l, const Config& c, int n) { return reply_invalid(l, c, TextKey::invalid_pain, n); }
std::string hint_budget(Lang l, const Config& c, int n) { return reply_invalid(l, c, TextKey::invalid_budget, n); }
std::string hint_email(Lang l, const Config& c, int n) { return reply_invalid(l, c, TextKey::invalid_email, n); }

// --- what each step collects -------------------------------------------------

bool has_name(const State& s, const Config&) { return !trim(s.customer_name).empty(); }
bool has_goal(const State& s, const Config&) { return !trim(s.customer_goal).empty(); }
bool has_pain(const State& s, const Config&) { return !trim(s.customer_pain_point).empty(); }
bool has_budget(const State& s, const Config& c) {
  const auto budget = stored_budget(s);
  return budget && *budget >= c.min_budget;
}
bool has_email(const State& s, const Config&) { return extract_email(s.customer_email).has_value(); }
// The time step needs the day and the times offered on it.
bool has_offer(const State& s, const Config&) { return parse_iso_date(s.preferred_day) && !stored_offer(s).empty(); }
bool has_appointment(const State& s, const Config&) {
  return !s.appointment_id.empty() && parse_slot(s.appointment_datetime).has_value();
}

// --- how each step reads an answer -------------------------------------------

// Messages sent in a burst come joined by new lines ("Juan" + "Carlos"):
// the name may span them.
std::optional<std::string> read_name(std::string_view text, const Config&) {
  auto name = extract_name(text);
  if (text.find('\n') == std::string_view::npos) return name;
  std::string joined(text);
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  auto whole = extract_name(joined);
  if (whole && (!name || whole->size() > name->size())) return whole;
  return name;
}
std::optional<std::string> read_goal(std::string_view text, const Config&) { return bounded_answer(text, kGoalMaxChars); }
std::optional<std::string> read_pain(std::string_view text, const Config&) { return bounded_answer(text, kPainMaxChars); }
std::optional<std::string> read_budget(std::string_view text, const Config&) {
  const auto budget = extract_budget(text);
  return budget ? std::optional<std::string>(fmt::format(FMT_COMPILE("{}"), *budget)) : std::nullopt;
}
std::optional<std::string> read_email_row(std::string_view text, const Config&) { return read_email(text).email; }

// --- steps with handlers of their own ----------------------------------------

void on_greeting(Turn& t, const StepRow&, std::string_view) {
  // Whatever else the first message says, the answer is the greeting.
  move_to(t, Step::name);
  say(t, reply_greeting(t.lang, t.in.config), "advanced");
}

// A budget under the minimum closes the conversation politely.
void on_budget(Turn& t, const StepRow& r, std::string_view text) {
  const auto budget = extract_budget(text);
  if (!budget || *budget >= t.in.config.min_budget) return on_answer(t, r, text);
  t.out.target.customer_budget = fmt::format(FMT_COMPILE("{}"), *budget);
  move_to(t, Step::complete);
  say(t, reply_low_budget(t.lang, t.in.config), "advanced");
}

// An address with an obvious typo ("ana@gmial.com") is never taken as it
// is: the corrected guess is kept and asked about.
void ask_about(Turn& t, std::string suggestion) {
  move_to(t, Step::confirm_email);
  t.out.target.customer_email = std::move(suggestion);
  say(t, reply_confirm_email(t.lang, t.in.config, shown(t.out.target.customer_email)), "advanced");
}

void on_email(Turn& t, const StepRow& r, std::string_view text) {
  auto reading = read_email(text);
  if (reading.suggestion) return ask_about(t, std::move(*reading.suggestion));
  on_answer(t, r, text);
}

// "Sí" takes the guess; "no" asks for the address again; a new address is
// read as at the email step.
void on_confirm_email(Turn& t, const StepRow&, std::string_view text) {
  auto reading = read_email(text);
  if (reading.email) {
    move_to(t, Step::day);
    t.out.target.customer_email = std::move(*reading.email);
    return say(t, reply_ask_day(t.lang, t.in.config), "advanced");
  }
  if (reading.suggestion) return ask_about(t, std::move(*reading.suggestion));
  switch (read_yes_no(text)) {
    case YesNo::yes:
      move_to(t, Step::day);
      return say(t, reply_ask_day(t.lang, t.in.config), "advanced");
    case YesNo::no:
      move_to(t, Step::email);
      t.out.target.customer_email.clear();
      return say(t, reply_ask_email(t.lang, t.in.config), "rewound");
    case YesNo::none: break;
  }
  fail_attempt(t, Step::confirm_email,
               reply_confirm_email(t.lang, t.in.config, shown(t.in.state.customer_email), attempts_after_failure(t)));
}

void on_day_row(Turn& t, const StepRow&, std::string_view text) { on_day(t, text); }
void on_time_row(Turn& t, const StepRow&, std::string_view text) { on_time(t, text); }
void on_scheduled_row(Turn& t, const StepRow&, std::string_view text) { on_scheduled(t, text); }
void on_reschedule_row(Turn& t, const StepRow&, std::string_view text) { on_reschedule(t, text); }
void on_reschedule_time_row(Turn& t, const StepRow&, std::string_view text) { on_reschedule_time(t, text); }
void on_cancel_confirm_row(Turn& t, const StepRow&, std::string_view text) { on_cancel_confirm(t, text); }
void on_cancelled_row(Turn& t, const StepRow&, std::string_view text) { on_cancelled(t, text); }
std::string ask_reschedule(Lang l, const Config& c, const State&) { return reply_plain(l, c, TextKey::ask_reschedule_day); }
// Closed for a budget under the minimum, or because the lead was not
// interested: each closing is repeated as it was.
void on_complete(Turn& t, const StepRow&, std::string_view) {
  const auto budget = stored_budget(t.in.state);
  if (budget && *budget < t.in.config.min_budget) return say(t, reply_closed(t.lang, t.in.config), "closed");
  say(t, reply_not_interested(t.lang, t.in.config), "closed");
}

using S = State;
constexpr auto none = Step::greeting;  // "no next step" in rows that never use it

// One row per step, in conversation order (the order first_missing walks).
constexpr std::array<StepRow, kStepCount> kRows{{
    //  step             name         ask         hint         collected        needs             without     earlier silent  read         fills                       next          on_message
    {Step::greeting,  "greeting",  ask_name,   nullptr,     nullptr,         nullptr,          none,       false,  false,  nullptr,     nullptr,                    none,         on_greeting},
    {Step::name,      "name",      ask_name,   hint_name,   has_name,        nullptr,          none,       true,   false,  read_name,   &S::customer_name,          Step::goal,   nullptr},
    {Step::goal,      "goal",      ask_goal,   hint_goal,   has_goal,        nullptr,          none,       true,   false,  read_goal,   &S::customer_goal,          Step::pain,   nullptr},
    {Step::pain,      "pain",      ask_pain,   hint_pain,   has_pain,        nullptr,          none,       true,   false,  read_pain,   &S::customer_pain_point,    Step::budget, nullptr},
    {Step::budget,    "budget",    ask_budget, hint_budget, has_budget,      nullptr,          none,       true,   false,  read_budget, &S::customer_budget,        Step::email,  on_budget},
    {Step::email,     "email",     ask_email,  hint_email,  has_email,       nullptr,          none,       true,   false,  read_email_row, &S::customer_email,      Step::day,    on_email},
    {Step::confirm_email, "confirm_email", ask_confirm_email, nullptr, nullptr, nullptr,       none,       true,   false,  nullptr,     nullptr,                    Step::day,    on_confirm_email},
    {Step::day,       "day",       ask_day,    nullptr,     nullptr,         nullptr,          none,       true,   false,  nullptr,     nullptr,                    Step::time,   on_day_row},
    {Step::time,      "time",      nullptr,    nullptr,     nullptr,         has_offer,        Step::day,  true,   false,  nullptr,     nullptr,                    Step::scheduled, on_time_row},
    {Step::scheduled, "scheduled", nullptr,    nullptr,     nullptr,         has_appointment,  Step::day,  true,   false,  nullptr,     nullptr,                    none,         on_scheduled_row},
    {Step::reschedule, "reschedule", ask_reschedule, nullptr, nullptr,     has_appointment,  Step::day,  true,   false,  nullptr,     nullptr,                    none,         on_reschedule_row},
    {Step::reschedule_time, "reschedule_time", nullptr, nullptr, nullptr,  has_appointment,  Step::day,  true,   false,  nullptr,     nullptr,                    none,         on_reschedule_time_row},
    {Step::cancel_confirm, "cancel_confirm", nullptr, nullptr, nullptr,    has_appointment,  Step::day,  true,   false,  nullptr,     nullptr,                    none,         on_cancel_confirm_row},
    {Step::cancelled, "cancelled", nullptr,    nullptr,     nullptr,         nullptr,          none,       true,   false,  nullptr,     nullptr,                    none,         on_cancelled_row},
    {Step::complete,  "complete",  nullptr,    nullptr,     nullptr,         nullptr,          none,       false,  false,  nullptr,     nullptr,                    none,         on_complete},
    {Step::opted_out, "opted_out", nullptr,    nullptr,     nullptr,         nullptr,          none,       false,  true,   nullptr,     nullptr,                    none,         nullptr},
    {Step::handoff,   "handoff",   nullptr,    nullptr,     nullptr,         nullptr,          none,       false,  true,   nullptr,     nullptr,                    none,         nullptr},
}};

// Each row sits at its step's index, and every step that is not silent is
// handled: a new step without its row (or handler) does not compile.
constexpr bool rows_complete() {
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    const StepRow& r = kRows[i];
    if (static_cast<std::size_t>(r.step) != i || r.name.empty()) return false;
    if (!r.silent && r.on_message == nullptr && (r.read == nullptr || r.fills == nullptr || r.hint == nullptr)) return false;
    if (r.read != nullptr && (r.fills == nullptr || r.hint == nullptr || kRows[static_cast<std::size_t>(r.next)].ask == nullptr)) {
      return false;  // a text step must say what it asks next
    }
    if (r.collected != nullptr && r.ask == nullptr) return false;  // a rewind here must have a question
  }
  return true;
}
static_assert(rows_complete(), "every Step needs its row in kRows, in enum order, with its replies");

}  // namespace

const StepRow& row(Step step) { return kRows[static_cast<std::size_t>(step)]; }

std::string_view to_string(Step s) {
  const auto i = static_cast<std::size_t>(s);
  return i < kRows.size() ? kRows[i].name : kRows[0].name;
}

bool parse_step(std::string_view s, Step& out) {
  if (s.empty()) {
    out = Step::greeting;
    return true;
  }
  for (const auto& r : kRows) {
    if (r.name == s) {
      out = r.step;
      return true;
    }
  }
  return false;
}

Step first_missing(Step step, const State& s, const Config& c) {
  const StepRow& at = row(step);
  if (at.needs_earlier) {
    for (const auto& r : kRows) {
      if (r.step == step) break;
      if (r.collected != nullptr && !r.collected(s, c)) return r.step;
    }
  }
  if (at.needs != nullptr && !at.needs(s, c)) return at.without;
  return step;
}

void rewind_to(Turn& t, Step step) {
  move_to(t, step);
  if (step == Step::day) {
    // The day's offer and the appointment came from answers that no longer stand.
    t.out.target.offered_slots.clear();
    t.out.target.appointment_id.clear();
    t.out.target.appointment_datetime.clear();
  }
  say(t, row(step).ask(t.lang, t.in.config, t.in.state), "rewound");
}

void on_answer(Turn& t, const StepRow& r, std::string_view text) {
  if (auto value = r.read(text, t.in.config)) {
    move_to(t, r.next);
    t.out.target.*r.fills = std::move(*value);
    return say(t, row(r.next).ask(t.lang, t.in.config, t.out.target), "advanced");
  }
  fail_attempt(t, r.step, r.hint(t.lang, t.in.config, attempts_after_failure(t)));
}

}  // namespace booking
