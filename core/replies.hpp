// Every text the bot sends, in Spanish and English. The Spanish texts of
// the seed design are reproduced word for word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "language.hpp"
#include "slot.hpp"
#include "step.hpp"

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

// The question that collects the data of `step` (for a rewind, or a
// message that could not be read).
std::string reply_question(Lang l, Step step, const Config& c, std::string_view name);
// A failed answer: what we expected, then the question again. From the
// third failure on, offers a person.
std::string reply_invalid(Lang l, Step step, const Config& c, int attempts);

std::string reply_day_past(Lang l, const Config& c);
std::string reply_day_not_bookable(Lang l, const Config& c);
std::string reply_day_not_understood(Lang l, const Config& c, int attempts);
std::string reply_no_slots(Lang l, Date day, const Config& c);
std::string reply_time_not_offered(Lang l, Date day, const std::vector<Slot>& slots, int attempts);
std::string reply_slot_taken(Lang l, Date day, const std::vector<Slot>& slots);
std::string reply_slot_taken_no_more(Lang l, Date day, const Config& c);

std::string reply_opted_out(Lang l);
std::string reply_handoff(Lang l);
std::string reply_already_scheduled(Lang l, const Slot& slot);
std::string reply_closed(Lang l);

// "Martes a Viernes" / "Tuesday to Friday"; non-contiguous days are listed.
std::string bookable_days_text(Lang l, const Config& c);

}  // namespace booking
