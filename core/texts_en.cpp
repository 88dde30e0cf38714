// The English texts: the defaults when REPLIES does not replace them.
// Template syntax and placeholders: see texts.hpp. `{{`/`}}` are a literal
// `{`/`}`. The table is checked at compile time (every key, in order, with
// placeholders its key allows and requires).
#include "texts.hpp"

namespace booking {
namespace {

using K = TextKey;

constexpr TextTable kEnglish{{
    {K::greeting, "Hi! I'm {agent} from {business}. What's your name?"},
    {K::ask_goal, "Nice to meet you, {name}. What goals do you want to achieve for your business?"},
    {K::ask_pain, "I see. What is the biggest challenge you are facing right now?"},
    {K::ask_budget, "What is your monthly marketing budget?"},
    {K::ask_email, "Perfect. What is your email address?"},
    {K::low_budget, "I'm sorry, we work with budgets of at least {min_budget}/month."},
    {K::ask_day, "What day would you like to schedule your call? ({days})"},
    {K::offer_slots, "I have these times available for {day}: {times}. Which one do you prefer?"},
    {K::confirmed, "Perfect! Your call is confirmed for {day} at {time}. I sent the details to {email}"},
    {K::try_later, "Sorry, we ran into a technical problem. Please try again in a few minutes."},
    {K::invalid_name, "I didn't catch your name. Could you write it again? (for example: Sarah O'Connor)"},
    {K::invalid_goal, "Tell me in a few words what goals you want to achieve for your business."},
    {K::invalid_pain, "Tell me in a few words the biggest challenge you are facing right now."},
    {K::invalid_budget,
     "I didn't get the amount. What is your monthly marketing budget? Write it as a number, for example: 500"},
    {K::invalid_email, "That email doesn't look valid. Could you write it like this? name@company.com"},
    {K::person_offer, "If you prefer, type \"agent\" and a person will help you."},
    {K::day_past, "That date has already passed. I can schedule your call {days}. What day would you like?"},
    {K::day_not_bookable, "We don't schedule calls on that day. I can book {days}. What day would you like?"},
    {K::day_not_understood, "I didn't get the day. Write for example \"Thursday\" or \"December 3\". ({days})"},
    {K::no_slots, "I have no free times for {day}. What other day would you like? ({days})"},
    {K::time_not_offered, "That time isn't available. For {day} I have: {times}. Which one do you prefer?"},
    {K::slot_taken, "That time was just taken. For {day} I still have: {times}. Which one do you prefer?"},
    {K::slot_taken_no_more,
     "That time was just taken and there are no more times for {day}. What other day would you like? ({days})"},
    {K::opted_out, "Understood, we won't message you again. Thank you!"},
    {K::handoff, "Sure, a person from our team will write to you here shortly."},
    {K::already_scheduled, "Your call is already confirmed for {day} at {time}. Talk to you then!"},
    {K::closed, "Thank you for your interest! If your budget changes, type \"restart\" and we'll start again."},
    {K::not_interested, "Understood, thanks for your time. If you're interested later, just write to us and we'll gladly help."},
    {K::ask_name, "What's your name?"},
    {K::confirm_email, "Did you mean {email}? Reply YES to confirm, or type your email again."},
    {K::day_mismatch, "Just to check: that date is {day}. What day would you like? ({days})"},
    {K::no_slots_nearest, "I have no times left on {day}; I do have {others}. Which day works for you?"},
    {K::week_days, "Next week I have times on {others}. Which day works for you?"},
    {K::no_slots_ahead, "Right now I have no free times in the next two weeks. Write to us in a few days, or type \"agent\" and a person will help you."},
    {K::time_named_taken, "That time isn't free on {day}. I have: {times}. Which one do you prefer?"},
    {K::answer_price, "The price depends on what you need; we'll go over it together on the call, with no commitment."},
    {K::answer_duration, "The call takes about {minutes} minutes."},
    {K::answer_duration_unset, "It's a short call, with no commitment."},
    {K::answer_who, "I'm {agent}, {business}'s virtual assistant: I help you book a call with our team."},
    {K::answer_what, "{pitch}"},
    {K::default_pitch, "On the call, {business} will show you how we can help you reach your goals."},
    {K::answer_times, "I'll show you the free times as soon as we pick a day."},
    {K::ask_reschedule_day, "Sure. What day would you like to move your call to? ({days})"},
    {K::rescheduled, "Done! I moved your call from {old_day} at {old_time} to {day} at {time}."},
    {K::reschedule_kept, "Perfect, your call stays on {day} at {time}."},
    {K::reschedule_limit, "This call has been moved several times already. Type \"agent\" and a person from our team will help you change it."},
    {K::confirm_cancel, "Are you sure you want to cancel your call on {day} at {time}? Reply YES to cancel."},
    {K::cancelled_by_lead, "Done, I cancelled your call on {day} at {time}. If you'd like to book another, tell me what day works for you. ({days})"},
    {K::appointment_cancelled, "Your call on {day} at {time} was cancelled."},
    {K::change_failed, "Sorry, I couldn't make the change because of a technical problem: your call stays on {day} at {time}. Please try again in a few minutes."},
    {K::cap_reached, "Thanks for your patience. A person from our team will continue the conversation with you here."},
    {K::follow_up, "Are you still there? Here is the question we left open:"},
    {K::title, "Call with {name}"},
    {K::days_range, "{first} to {last}"},
    {K::days_list, "{list} and {last}"},
}};
static_assert(is_valid_table(kEnglish), "texts_en.cpp: a key is missing, out of order or has a bad template");

}  // namespace

const TextTable& english_texts() { return kEnglish; }

}  // namespace booking
