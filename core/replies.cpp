#include "replies.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace booking {
namespace {

using K = TextKey;
using P = Placeholder;

// For the overloads without a Config: the default texts.
const Config& defaults() {
  static const Config c;
  return c;
}

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  // "miércoles"/"sábado" start with ASCII letters, so one byte is enough.
  return out;
}

std::string times_list(const std::vector<Slot>& slots) {
  std::string out;
  for (const auto& s : slots) {
    if (!out.empty()) out += ", ";
    out += format_time(s);
  }
  return out;
}

std::string money(long amount) {
  std::string digits = fmt::format(FMT_COMPILE("{}"), amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "$" + out;
}

// "para el jueves 3 de diciembre" / "for Thursday, December 3".
std::string day_phrase(Date d, Lang l) { return l == Lang::es ? "el " + format_day(d, l) : format_day(d, l); }

// Whether template `t` may use `p`: "{p}" appears in it. (An escaped
// "{{p}}" also says yes; the value is then worked out for nothing.)
bool may_use(std::string_view t, Placeholder p) {
  const std::string_view name = kPlaceholderNames[static_cast<std::size_t>(p)];
  for (auto at = t.find('{'); at != std::string_view::npos; at = t.find('{', at + 1)) {
    if (t.substr(at + 1, name.size()) == name && t.substr(at + 1 + name.size(), 1) == "}") return true;
  }
  return false;
}

// The text for `key`, with the deployment's settings (agent, business,
// minimum budget, bookable days) available to every template.
std::string text(Lang l, const Config& c, TextKey key, TextValues values = {}) {
  const std::string_view t = reply_template(l, key, c);
  values.set(P::agent, c.agent_name).set(P::business, c.business_name);
  std::string budget, days;  // only worked out when the template uses them
  if (may_use(t, P::min_budget)) values.set(P::min_budget, budget = money(c.min_budget));
  if (may_use(t, P::days)) values.set(P::days, days = bookable_days_text(l, c));
  return render_template(t, values);
}

// A failed answer's text; from the third failure on, a person is offered.
std::string with_person_offer(Lang l, const Config& c, std::string reply, int attempts) {
  if (attempts < 3) return reply;
  reply += ' ';
  reply += text(l, c, K::person_offer);
  return reply;
}

}  // namespace

std::string_view reply_template(Lang l, TextKey key, const Config& c) {
  for (const auto& o : c.replies) {
    if (o.lang == l && o.key == key) return o.text;
  }
  return default_text(l, key);
}

std::string bookable_days_text(Lang l, const Config& c) {
  // Start the week on Monday so "Lunes a Viernes" reads naturally.
  std::vector<int> days;
  for (int k = 1; k <= 7; ++k) {
    if (c.booking_days[static_cast<std::size_t>(k % 7)]) days.push_back(k % 7);
  }
  if (days.empty()) return {};
  if (days.size() == 1) return capitalised(weekday_name(days.front(), l));
  bool contiguous = days.size() > 2;
  for (std::size_t i = 1; i < days.size() && contiguous; ++i) {
    contiguous = (days[i - 1] + 1) % 7 == days[i];
  }
  const std::string last = capitalised(weekday_name(days.back(), l));
  if (contiguous) {
    const std::string first = capitalised(weekday_name(days.front(), l));
    return text(l, c, K::days_range, {{P::first, first}, {P::last, last}});
  }
  std::string list;
  for (std::size_t i = 0; i + 1 < days.size(); ++i) {
    if (i > 0) list += ", ";
    list += capitalised(weekday_name(days[i], l));
  }
  return text(l, c, K::days_list, {{P::list, list}, {P::last, last}});
}

std::string reply_greeting(Lang l, const Config& c) { return text(l, c, K::greeting); }

std::string reply_ask_goal(Lang l, const Config& c, std::string_view name) {
  return text(l, c, K::ask_goal, {{P::name, name}});
}
std::string reply_ask_pain(Lang l, const Config& c) { return text(l, c, K::ask_pain); }
std::string reply_ask_budget(Lang l, const Config& c) { return text(l, c, K::ask_budget); }
std::string reply_ask_email(Lang l, const Config& c) { return text(l, c, K::ask_email); }
std::string reply_low_budget(Lang l, const Config& c) { return text(l, c, K::low_budget); }
std::string reply_ask_day(Lang l, const Config& c) { return text(l, c, K::ask_day); }

std::string reply_offer_slots(Lang l, const Config& c, Date day, const std::vector<Slot>& slots) {
  return text(l, c, K::offer_slots, {{P::day, day_phrase(day, l)}, {P::times, times_list(slots)}});
}

std::string reply_confirmed(Lang l, const Config& c, const Slot& slot, std::string_view email) {
  return text(l, c, K::confirmed,
              {{P::day, day_phrase(slot.date, l)}, {P::time, format_time(slot)}, {P::email, email}});
}

std::string reply_try_later(Lang l, const Config& c) { return text(l, c, K::try_later); }

std::string reply_invalid(Lang l, const Config& c, TextKey hint, int attempts) {
  return with_person_offer(l, c, text(l, c, hint), attempts);
}

std::string reply_day_past(Lang l, const Config& c) { return text(l, c, K::day_past); }
std::string reply_day_not_bookable(Lang l, const Config& c) { return text(l, c, K::day_not_bookable); }

std::string reply_day_not_understood(Lang l, const Config& c, int attempts) {
  return with_person_offer(l, c, text(l, c, K::day_not_understood), attempts);
}

std::string reply_no_slots(Lang l, Date day, const Config& c) {
  return text(l, c, K::no_slots, {{P::day, day_phrase(day, l)}});
}

std::string reply_time_not_offered(Lang l, const Config& c, Date day, const std::vector<Slot>& slots, int attempts) {
  return with_person_offer(
      l, c, text(l, c, K::time_not_offered, {{P::day, day_phrase(day, l)}, {P::times, times_list(slots)}}), attempts);
}

std::string reply_slot_taken(Lang l, const Config& c, Date day, const std::vector<Slot>& slots) {
  return text(l, c, K::slot_taken, {{P::day, day_phrase(day, l)}, {P::times, times_list(slots)}});
}

std::string reply_slot_taken_no_more(Lang l, Date day, const Config& c) {
  return text(l, c, K::slot_taken_no_more, {{P::day, day_phrase(day, l)}});
}

std::string reply_opted_out(Lang l, const Config& c) { return text(l, c, K::opted_out); }
std::string reply_handoff(Lang l, const Config& c) { return text(l, c, K::handoff); }

std::string reply_already_scheduled(Lang l, const Config& c, const Slot& slot) {
  return text(l, c, K::already_scheduled, {{P::day, day_phrase(slot.date, l)}, {P::time, format_time(slot)}});
}

std::string reply_closed(Lang l, const Config& c) { return text(l, c, K::closed); }

std::string reply_title(Lang l, const Config& c, std::string_view name) {
  return text(l, c, K::title, {{P::name, name}});
}

std::string reply_not_interested(Lang l, const Config& c) { return text(l, c, K::not_interested); }
std::string reply_ask_name(Lang l, const Config& c) { return text(l, c, K::ask_name); }

std::string reply_confirm_email(Lang l, const Config& c, std::string_view email, int attempts) {
  return with_person_offer(l, c, text(l, c, K::confirm_email, {{P::email, email}}), attempts);
}

std::string reply_day_mismatch(Lang l, const Config& c, Date date) {
  return text(l, c, K::day_mismatch, {{P::day, day_phrase(date, l)}});
}

namespace {
// "el viernes 4 de diciembre y el martes 8 de diciembre", joined with the
// days_list text.
std::string dates_list(Lang l, const Config& c, const std::vector<Date>& days) {
  if (days.empty()) return {};
  const std::string last = day_phrase(days.back(), l);
  if (days.size() == 1) return last;
  std::string list;
  for (std::size_t i = 0; i + 1 < days.size(); ++i) {
    if (i > 0) list += ", ";
    list += day_phrase(days[i], l);
  }
  return text(l, c, K::days_list, {{P::list, list}, {P::last, last}});
}
}  // namespace

std::string reply_no_slots_nearest(Lang l, const Config& c, Date day, const std::vector<Date>& others) {
  const std::string list = dates_list(l, c, others);
  return text(l, c, K::no_slots_nearest, {{P::day, day_phrase(day, l)}, {P::others, list}});
}

std::string reply_week_days(Lang l, const Config& c, const std::vector<Date>& days) {
  const std::string list = dates_list(l, c, days);
  return text(l, c, K::week_days, {{P::others, list}});
}

std::string reply_no_slots_ahead(Lang l, const Config& c) { return text(l, c, K::no_slots_ahead); }

std::string reply_invalid_offer(Lang l, const Config& c, Date day, const std::vector<Slot>& slots, int attempts) {
  return with_person_offer(l, c, reply_offer_slots(l, c, day, slots), attempts);
}

std::string reply_time_named_taken(Lang l, const Config& c, Date day, const std::vector<Slot>& slots) {
  return text(l, c, K::time_named_taken, {{P::day, day_phrase(day, l)}, {P::times, times_list(slots)}});
}

std::string reply_answer(Lang l, const Config& c, TextKey answer) {
  if (answer == K::answer_duration) {
    if (c.call_minutes <= 0) return text(l, c, K::answer_duration_unset);
    const std::string minutes = fmt::format(FMT_COMPILE("{}"), c.call_minutes);
    return text(l, c, K::answer_duration, {{P::minutes, minutes}});
  }
  if (answer == K::answer_what) {
    const std::string pitch = c.business_pitch.empty() ? text(l, c, K::default_pitch) : c.business_pitch;
    return text(l, c, K::answer_what, {{P::pitch, pitch}});
  }
  return text(l, c, answer);
}

std::string reply_about_call(Lang l, const Config& c, TextKey key, const Slot& call) {
  return text(l, c, key, {{P::day, day_phrase(call.date, l)}, {P::time, format_time(call)}});
}

std::string reply_rescheduled(Lang l, const Config& c, const Slot& from, const Slot& to) {
  const std::string old_day = day_phrase(from.date, l), old_time = format_time(from);
  const std::string day = day_phrase(to.date, l), time = format_time(to);
  return text(l, c, K::rescheduled,
              {{P::old_day, old_day}, {P::old_time, old_time}, {P::day, day}, {P::time, time}});
}

std::string reply_plain(Lang l, const Config& c, TextKey key) { return text(l, c, key); }

// Without a Config: the default texts.
std::string reply_ask_goal(Lang l, std::string_view name) { return reply_ask_goal(l, defaults(), name); }
std::string reply_ask_pain(Lang l) { return reply_ask_pain(l, defaults()); }
std::string reply_ask_budget(Lang l) { return reply_ask_budget(l, defaults()); }
std::string reply_ask_email(Lang l) { return reply_ask_email(l, defaults()); }
std::string reply_offer_slots(Lang l, Date day, const std::vector<Slot>& slots) {
  return reply_offer_slots(l, defaults(), day, slots);
}
std::string reply_confirmed(Lang l, const Slot& slot, std::string_view email) {
  return reply_confirmed(l, defaults(), slot, email);
}
std::string reply_try_later(Lang l) { return reply_try_later(l, defaults()); }
std::string reply_time_not_offered(Lang l, Date day, const std::vector<Slot>& slots, int attempts) {
  return reply_time_not_offered(l, defaults(), day, slots, attempts);
}
std::string reply_slot_taken(Lang l, Date day, const std::vector<Slot>& slots) {
  return reply_slot_taken(l, defaults(), day, slots);
}
std::string reply_opted_out(Lang l) { return reply_opted_out(l, defaults()); }
std::string reply_handoff(Lang l) { return reply_handoff(l, defaults()); }
std::string reply_already_scheduled(Lang l, const Slot& slot) { return reply_already_scheduled(l, defaults(), slot); }
std::string reply_closed(Lang l) { return reply_closed(l, defaults()); }
std::string reply_title(Lang l, std::string_view name) { return reply_title(l, defaults(), name); }

}  // namespace booking
