// Every text the bot sends, in Spanish and English. The texts themselves
// are templates (texts.hpp; defaults in texts_es.cpp and texts_en.cpp,
// overrides from REPLIES in Config::replies); these functions pick the
// template for the language and fill in its placeholders. The Spanish texts
// of the seed design are reproduced word for word.
//
// Functions that take a Config use the deployment's REPLIES overrides.
// Those without one (kept so existing callers compile) always send the
// default text: use the overload with `const Config&` instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "language.hpp"
#include "slot.hpp"
#include "step.hpp"
#include "texts.hpp"

namespace booking {

std::string reply_greeting(Lang l, const Config& c);                 // asks the name
std::string reply_ask_goal(Lang l, std::string_view name);           // after name
std::string reply_ask_pain(Lang l);                                  // after goal
std::string reply_ask_budget(Lang l);                                // after pain
std::string reply_ask_email(Lang l);                                 // budget ≥ minimum
std::string reply_low_budget(Lang l, const Config& c);               // budget < minimum
std::string reply_ask_day(Lang l, const Config& c);                  // after email
std::string reply_offer_slots(Lang l, Date day, const std::vector<Slot>& slots);
std::string reply_confirmed(Lang l, const Slot& slot, std::string_view email);
std::string reply_try_later(Lang l);

// The same with the deployment's texts (REPLIES).
std::string reply_ask_goal(Lang l, const Config& c, std::string_view name);
std::string reply_ask_pain(Lang l, const Config& c);
std::string reply_ask_budget(Lang l, const Config& c);
std::string reply_ask_email(Lang l, const Config& c);
std::string reply_offer_slots(Lang l, const Config& c, Date day, const std::vector<Slot>& slots);
std::string reply_confirmed(Lang l, const Config& c, const Slot& slot, std::string_view email);
std::string reply_try_later(Lang l, const Config& c);

// A failed answer: the step's hint (its row in steps.cpp names it), then,
// from the third failure on, the offer of a person.
std::string reply_invalid(Lang l, const Config& c, TextKey hint, int attempts);

std::string reply_day_past(Lang l, const Config& c);
std::string reply_day_not_bookable(Lang l, const Config& c);
std::string reply_day_not_understood(Lang l, const Config& c, int attempts);
std::string reply_no_slots(Lang l, Date day, const Config& c);
std::string reply_time_not_offered(Lang l, Date day, const std::vector<Slot>& slots, int attempts);
std::string reply_slot_taken(Lang l, Date day, const std::vector<Slot>& slots);
std::string reply_slot_taken_no_more(Lang l, Date day, const Config& c);
// The same with the deployment's texts (REPLIES).
std::string reply_time_not_offered(Lang l, const Config& c, Date day, const std::vector<Slot>& slots, int attempts);
std::string reply_slot_taken(Lang l, const Config& c, Date day, const std::vector<Slot>& slots);

std::string reply_opted_out(Lang l);
std::string reply_handoff(Lang l);
std::string reply_already_scheduled(Lang l, const Slot& slot);
std::string reply_closed(Lang l);
// The same with the deployment's texts (REPLIES).
std::string reply_opted_out(Lang l, const Config& c);
std::string reply_handoff(Lang l, const Config& c);
std::string reply_already_scheduled(Lang l, const Config& c, const Slot& slot);
std::string reply_closed(Lang l, const Config& c);

// Issue 11's texts (the deployment's REPLIES apply).
std::string reply_not_interested(Lang l, const Config& c);
std::string reply_ask_name(Lang l, const Config& c);
// `attempts`: as for reply_invalid (a person offered from the third).
std::string reply_confirm_email(Lang l, const Config& c, std::string_view email, int attempts = 0);
std::string reply_day_mismatch(Lang l, const Config& c, Date date);
// `day` is full; `others` (one or more) are the nearest days with times.
std::string reply_no_slots_nearest(Lang l, const Config& c, Date day, const std::vector<Date>& others);
std::string reply_week_days(Lang l, const Config& c, const std::vector<Date>& days);
std::string reply_no_slots_ahead(Lang l, const Config& c);
// The time step's answer that is neither a time nor a day: the times again
// (and a person offered from the third failure on).
std::string reply_invalid_offer(Lang l, const Config& c, Date day, const std::vector<Slot>& slots, int attempts);
std::string reply_time_named_taken(Lang l, const Config& c, Date day, const std::vector<Slot>& slots);
// The answer to a lead's question: one of the answer_* keys, with
// {minutes} from CALL_MINUTES and {pitch} from BUSINESS_PITCH (or the
// default_pitch text); answer_duration without CALL_MINUTES is
// answer_duration_unset.
std::string reply_answer(Lang l, const Config& c, TextKey answer);

// Issue 12's texts. `reply_about_call`: a key whose {day} and {time} are
// the call's (reschedule_kept, confirm_cancel, cancelled_by_lead,
// appointment_cancelled, change_failed).
std::string reply_about_call(Lang l, const Config& c, TextKey key, const Slot& call);
std::string reply_rescheduled(Lang l, const Config& c, const Slot& from, const Slot& to);
std::string reply_plain(Lang l, const Config& c, TextKey key);  // ask_reschedule_day, reschedule_limit

// The title of the appointment in the calendar: "Llamada con Ana" /
// "Call with Ana".
std::string reply_title(Lang l, std::string_view name);
std::string reply_title(Lang l, const Config& c, std::string_view name);

// "Martes a Viernes" / "Tuesday to Friday"; non-contiguous days are listed.
std::string bookable_days_text(Lang l, const Config& c);

// The template used for `key` in `l`: the REPLIES override, else the default.
std::string_view reply_template(Lang l, TextKey key, const Config& c);

}  // namespace booking
