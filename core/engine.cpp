// decide(): the order in which a message is looked at (GHL failures,
// silence, duplicates, the intents that apply at any step, then the step
// table's row for the current step). What each step does is its row in
// steps.cpp; the calendar steps are in scheduling.cpp.
#include "engine.hpp"

#include <algorithm>

#include "after_booking.hpp"
#include "day.hpp"
#include "intent.hpp"
#include "people.hpp"
#include "question.hpp"
#include "scheduling.hpp"
#include "replies.hpp"
#include "step.hpp"
#include "steps.hpp"
#include "text.hpp"
#include "turn.hpp"

namespace booking {
namespace {

void restart(Turn& t) {
  State fresh;
  fresh.language = t.out.target.language;
  fresh.last_interaction = t.out.target.last_interaction;
  fresh.last_message_id = t.out.target.last_message_id;
  t.out.target = std::move(fresh);
  move_to(t, Step::name);
  say(t, reply_greeting(t.lang, t.in.config), "restarted");
}

// What GHL shows on the contact's WhatsApp DND (a note for the team).
constexpr std::string_view kDndNote = "The lead asked the WhatsApp booking assistant to stop messaging them.";

void opt_out(Turn& t) {
  t.out.target.booking_step = std::string(to_string(Step::opted_out));
  // Once the confirmation is sent, WhatsApp DND: no other GHL workflow
  // writes to this lead either.
  t.out.then = Command{Command::Kind::set_dnd, {{"status", "active"}, {"message", std::string(kDndNote)}}};
  say(t, reply_opted_out(t.lang, t.in.config), "opted_out");
}

// "No me interesa": a polite close, no more questions (and no opt-out:
// the lead did not ask never to hear from the business).
void not_interested(Turn& t) {
  // With a call booked, "no me interesa" is asked about as a cancel: the
  // call is never dropped on a guess.
  Step step = Step::greeting;
  parse_step(t.in.state.booking_step, step);
  const bool booked = holds_call(step);
  if (const auto call = parse_slot(t.in.state.appointment_datetime); booked && call) {
    move_to(t, Step::cancel_confirm);
    t.out.target.offered_slots.clear();
    return say(t, reply_about_call(t.lang, t.in.config, TextKey::confirm_cancel, *call), "asked_cancel");
  }
  move_to(t, Step::complete);
  say(t, reply_not_interested(t.lang, t.in.config), "not_interested");
}

void hand_off(Turn& t) {
  t.out.target.booking_step = std::string(to_string(Step::handoff));
  t.out.target.bot_paused_until = pause_until(t.in);
  // The tag lets a GHL workflow notify the team or assign the contact.
  t.out.then = Command{Command::Kind::add_tag, {{"tag", std::string(kHandoffTag)}}};
  say(t, reply_handoff(t.lang, t.in.config), "handoff");
}

// What the lead may ask at any step, even in the very first message (a
// lead who says stop is never greeted). Which intent a message carries,
// when it could be read as several, is detect_intent's documented order
// (intent.hpp): stop, then a person, then not interested, then restart.
struct IntentRow {
  Intent intent;
  void (*apply)(Turn&);
};
constexpr IntentRow kIntents[] = {
    {Intent::restart, restart},
    {Intent::opt_out, opt_out},
    {Intent::human, hand_off},
    {Intent::not_interested, not_interested},
};

TextKey answer_key(Question q) {
  switch (q) {
    case Question::price: return TextKey::answer_price;
    case Question::duration: return TextKey::answer_duration;
    case Question::who: return TextKey::answer_who;
    case Question::what: return TextKey::answer_what;
    case Question::times:
    case Question::none: break;
  }
  return TextKey::answer_times;
}

bool has_words(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0xC0);
  });
}

// The follow-up time of a lead who stopped answering (Message::event
// "follow_up"): one nudge with the pending question, only if nothing
// happened since it was set, the bot is not paused, the lead's last message
// is less than 24 hours old, and none was sent after that message.
std::optional<std::string> current_question(const Turn& t, Step step);

void follow_up(Turn& t, Step step) {
  const Input& in = t.in;
  const State& s = in.state;
  t.out.outcome = "no_follow_up";
  const bool waiting = step == Step::name || step == Step::goal || step == Step::pain || step == Step::budget ||
                       step == Step::email || step == Step::confirm_email || step == Step::day || step == Step::time;
  if (!waiting || s.last_message_id.empty() || in.message.expect != s.last_message_id) return;
  if (is_paused(s, in.now) || s.follow_up_sent == s.last_message_id || !within_service_window(s, in.now)) return;
  // (Never the last message under the cap: that one says a person follows up.)
  if (in.message.bot_messages_24h >= in.config.max_bot_messages - 1) return;
  if (first_missing(step, s, in.config) != step) return;
  auto question = current_question(t, step);
  if (!question) return;
  t.out.target.follow_up_sent = s.last_message_id;
  say(t, reply_plain(t.lang, in.config, TextKey::follow_up) + " " + *question, "follow_up");
}

// "Buenas tardes.", "Saludos", "gracias": what is left of a message
// around a question is no answer.
bool only_pleasantries(std::string_view rest) {
  static constexpr std::string_view kPleasantries[] = {
      "hola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "saludos", "gracias", "muchas",
      "por", "favor", "oye", "una", "pregunta", "duda", "que", "tal", "hi", "hello", "hey", "thanks", "thank",
      "you", "please", "good", "morning", "afternoon", "evening", "quick", "question", "ok", "okay", "y", "and",
      "regards", "cheers", "pls", "porfa", "amigo", "amiga"};
  const std::string folded = fold(rest);
  const auto ws = words(folded);
  if (ws.empty()) return true;
  for (const auto w : ws) {
    if (std::find(std::begin(kPleasantries), std::end(kPleasantries), w) == std::end(kPleasantries)) return false;
  }
  return true;
}

// The current question, asked again after answering a lead's question.
std::optional<std::string> current_question(const Turn& t, Step step) {
  const State& s = t.in.state;
  if (step == Step::name) return reply_ask_name(t.lang, t.in.config);
  if (step == Step::time || step == Step::reschedule_time) {
    const auto day = offer_day(t);
    if (!day) return std::nullopt;
    return reply_offer_slots(t.lang, t.in.config, *day, stored_offer(s));
  }
  if (step != Step::greeting && row(step).ask != nullptr) return row(step).ask(t.lang, t.in.config, s);
  return std::nullopt;
}

// The appointments the bot still has to cancel (state.pending_cancel).
std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> out;
  for (const auto item : split_commas(list, 8)) {
    if (const auto id = trim(item); !id.empty()) out.emplace_back(id);
  }
  return out;
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A booking whose outcome stayed unknown (looked for in vain) is kept in
// pending_cancel as "slot:<its slot>": the next webhook looks for it first.
constexpr std::string_view kSlotEntry = "slot:";

// This webhook's look for a pending slot entry (the first find_booking of
// that slot before any booking of the message's own).
const CommandResult* slot_look(const Input& in, std::string_view slot) {
  for (const auto& r : in.results) {
    if (r.during == "book") break;
    if (r.during == "find_booking" && r.slot == slot) return &r;
  }
  return nullptr;
}

const CommandResult* cancel_result(const Input& in, std::string_view id) {
  for (const auto& r : in.results) {
    if ((r.kind == CommandResult::Kind::cancelled || (r.kind == CommandResult::Kind::failed && r.during == "cancel")) &&
        r.appointment_id == id) {
      return &r;
    }
  }
  return nullptr;
}

Decision decide_message(const Input& in, const Reading& m, const std::vector<std::string>& pending);

// The checks after a call whose outcome was unknown, and before a resend.
bool is_look(const CommandResult& r) {
  return r.during == "find_reply" || r.during == "find_booking" || r.during == "read_contact";
}

// How many of the results, from the first, may be looks for an earlier
// attempt's reply (Message::maybe_sent): they come before this webhook
// saves or sends anything (their failures are not this message's).
std::size_t early_looks(const Input& in) {
  if (!in.message.maybe_sent) return 0;
  std::size_t i = 0;
  while (i < in.results.size() && in.results[i].during != "save" && in.results[i].during != "send") ++i;
  return i;
}

// An earlier attempt at this message ended with a reply that may have
// reached the lead. If that very reply is in the conversation, it is not
// sent again: the fields are saved as if it had just been sent. Two failed
// looks: it is sent (a second copy is better than none).
void look_before_resending(Turn& t, std::size_t early) {
  const auto first = t.in.results.begin();
  const auto end = first + static_cast<std::ptrdiff_t>(early);
  const auto answered = std::find_if(first, end, [](const auto& r) {
    return r.kind == CommandResult::Kind::resolved && r.during == "find_reply";
  });
  if (answered != end) {
    if (!answered->unknown) {  // found
      t.out.reply.reset();
      t.out.outcome = "delivered_earlier";
    }
    return;
  }
  const auto failed = std::count_if(first, end, [](const auto& r) {
    return r.kind == CommandResult::Kind::failed && r.during == "find_reply";
  });
  if (failed >= 2) return;
  t.out.command = Command{Command::Kind::find_reply, {{"text", *t.out.reply}}};
  t.out.reply.reset();
  t.out.target = t.in.state;
  t.out.outcome = "command";
}

}  // namespace

Reading read_message(const Message& m) {
  // An unreadable message (not UTF-8, control characters, or longer than
  // anyone types) reads as an empty answer: every step then asks again
  // with its own hint.
  const bool readable = m.text.size() <= kMaxMessageBytes && is_valid_utf8(m.text) && !has_control_chars(m.text);
  Reading r;
  r.text = readable ? std::string_view(m.text) : std::string_view{};
  r.intent = detect_intent(r.text);
  return r;
}

Decision decide(const Input& in) { return decide(in, read_message(in.message)); }

// Housekeeping first: a cancel that failed in an earlier webhook (kept in
// pending_cancel) is tried again, once per webhook, before the message is
// looked at; its failure is not this message's. Whatever this webhook
// could not cancel is kept there, so at most one active appointment of the
// bot's stays with the contact.
Decision decide(const Input& in, const Reading& m) {
  const auto pending = split_ids(in.state.pending_cancel);
  const auto cancel = [&in](std::string_view id) {
    return Decision{in.state, std::nullopt, Command{Command::Kind::cancel, {{"appointment_id", std::string(id)}}}, "command", false};
  };
  for (const auto& id : pending) {
    if (id.starts_with(kSlotEntry)) {
      // Is there a booking at that slot after all? Then it is an orphan
      // (the lead was told to try again), unless it is the one the
      // contact holds now.
      const std::string_view slot = std::string_view(id).substr(kSlotEntry.size());
      const CommandResult* look = slot_look(in, slot);
      if (look == nullptr) {
        return Decision{in.state, std::nullopt, Command{Command::Kind::find_booking, {{"slot", std::string(slot)}}}, "command", false};
      }
      if (look->kind == CommandResult::Kind::resolved && !look->appointment_id.empty() &&
          look->appointment_id != in.state.appointment_id && cancel_result(in, look->appointment_id) == nullptr) {
        return cancel(look->appointment_id);
      }
      continue;
    }
    if (cancel_result(in, id) == nullptr) return cancel(id);
  }
  Decision d = decide_message(in, m, pending);
  if (d.command.kind != Command::Kind::none) return d;
  std::string still;
  const auto keep = [&still](std::string_view id) {
    if (!still.empty()) still += ',';
    still += id;
  };
  for (const auto& id : pending) {
    if (id.starts_with(kSlotEntry)) {
      if (slot_look(in, std::string_view(id).substr(kSlotEntry.size()))->kind == CommandResult::Kind::failed) keep(id);
      continue;  // found and cancelled, or a failed cancel (kept below by its id), or nothing there
    }
    if (cancel_result(in, id)->kind != CommandResult::Kind::cancelled) keep(id);
  }
  for (const auto& r : in.results) {
    // (Never the contact's own call: a cancel the lead asked for that
    // failed leaves the call standing, as they are told.)
    if (r.kind == CommandResult::Kind::failed && r.during == "cancel" && !contains(pending, r.appointment_id) &&
        r.appointment_id != in.state.appointment_id) {
      keep(r.appointment_id);
    }
    // A booking still unknown after its looks: looked for again next time.
    if (r.kind == CommandResult::Kind::failed && r.during == "book" && r.unknown) keep(std::string(kSlotEntry) + r.slot);
  }
  d.target.pending_cancel = still;
  return d;
}

namespace {

// The lead's message at `step` (known, not silent, not a duplicate): an
// intent that applies at any step, a language asked for, data missing, a
// question, or the step's own answer.
void answer_message(Turn& t, Step step, const Reading& m) {
  const Input& in = t.in;
  const State& s = in.state;
  State& next = t.out.target;
  const std::string_view text = m.text;
  for (const auto& i : kIntents) {
    if (i.intent == m.intent) {
      i.apply(t);
      return;
    }
  }

  // "In English please": the same question again, in the language asked
  // for (never stored as an answer).
  // (Where a step has no question of its own, the message is read as usual
  // and answered in that language.)
  if (const auto wanted = asked_language(text); wanted && step != Step::greeting) {
    t.lang = *wanted;
    next.language = std::string(to_string(*wanted));
    if (row(step).ask != nullptr && first_missing(step, s, in.config) == step) {
      say(t, row(step).ask(t.lang, in.config, s), "language");
      return;
    }
  }
  // A whole message clearly in the other language: the bot goes on in it
  // (the message is still read as the step's answer).
  if (step != Step::greeting) {
    if (const auto other = clearly_language(text); other && *other != t.lang) {
      t.lang = *other;
      next.language = std::string(to_string(*other));
    }
  }
  if (const Step missing = first_missing(step, s, in.config); missing != step) {
    rewind_to(t, missing);
    return;
  }
  // "¿Cuánto cuesta?", "how long is the call?": a short answer, then the
  // step goes on with the rest of the message, or asks its question again
  // when the message was only the question (a question is never an answer,
  // and not a failed attempt).
  std::string_view answer = text;
  std::string told;
  const QuestionReading q = read_question(text);
  // "¿Qué horarios tienen el jueves?" is a day answer; after the booking a
  // question about times is no question to answer.
  const bool about_days = step == Step::day || step == Step::time || step == Step::reschedule || step == Step::reschedule_time;
  const bool past_times = step == Step::scheduled || step == Step::cancel_confirm || step == Step::complete;
  const bool times_ignored =
      q.question == Question::times &&
      (past_times || (about_days && resolve_day(text, in.today, in.config.booking_days, t.lang == Lang::en).error !=
                                        DayError::not_understood));
  if (q.question != Question::none && !times_ignored) {
    if (q.question == Question::times && (step == Step::time || step == Step::reschedule_time)) {
      answer = {};
      if (auto again = current_question(t, step)) {
        say(t, std::move(*again), "answered");
        return;
      }
    } else {
      told = reply_answer(t.lang, in.config, answer_key(q.question));
      answer = q.rest;
      if (!has_words(answer) || only_pleasantries(answer)) {
        if (auto again = current_question(t, step)) {
          say(t, told + " " + *again, "answered");
          return;
        }
      }
    }
  }
  const StepRow& r = row(step);
  if (r.on_message != nullptr) {
    r.on_message(t, r, answer);
  } else {
    on_answer(t, r, answer);
  }
  if (!told.empty() && t.out.command.kind == Command::Kind::none && t.out.reply) {
    t.out.reply = told + " " + *t.out.reply;
  }
}

Decision decide_message(const Input& in, const Reading& m, const std::vector<std::string>& pending) {
  const State& s = in.state;
  Step step = Step::greeting;
  const bool known_step = parse_step(s.booking_step, step);
  const std::string_view text = m.text;

  Lang lang = in.config.default_language;
  if (auto stored = parse_lang(s.language); stored && known_step && step != Step::greeting) {
    lang = *stored;
  } else if (auto detected = detect_language(text)) {
    lang = *detected;
  } else if (stored) {
    lang = *stored;
  }
  Turn t{in, lang, Decision{s, std::nullopt, {}, {}}};

  // Not a lead's message: GHL's news of an appointment, a person's message
  // to the lead, or the follow-up time. A GHL failure changes nothing and
  // says nothing (never "try again" to a lead who asked nothing).
  if (!in.message.event.empty()) {
    // (A pending cancel that failed again is not this event's failure.)
    if (std::any_of(in.results.begin(), in.results.end(), [&pending](const auto& r) {
          return r.kind == CommandResult::Kind::failed && !is_look(r) &&
                 !(r.during == "cancel" && contains(pending, r.appointment_id));
        })) {
      t.out.target = s;
      t.out.handled = in.message.event != "outbound" && in.message.event != "appointment";
      t.out.outcome = "ghl_failed";
      return t.out;
    }
    if (in.message.event == "appointment") {
      on_appointment_event(t);
    } else if (in.message.event == "outbound") {
      on_outbound(t);
    } else {
      follow_up(t, known_step ? step : Step::greeting);
    }
    return t.out;
  }

  // A call whose outcome is unknown is checked before anything is decided
  // on it: a booking may exist, a reply may have been delivered. Never
  // book or send again on a guess.
  const auto last = std::find_if(in.results.rbegin(), in.results.rend(),
                                 [](const auto& r) { return r.kind != CommandResult::Kind::resolved; });
  if (last != in.results.rend() && last->kind == CommandResult::Kind::failed && last->unknown) {
    const CommandResult& r = *last;
    if (r.during == "book") {
      t.out.command = Command{Command::Kind::find_booking, {{"slot", r.slot}}};
      t.out.outcome = "command";
      return t.out;
    }
    if (r.during == "send") {
      t.out.command = Command{Command::Kind::find_reply, {{"text", r.reply}}};
      t.out.outcome = "command";
      return t.out;
    }
    if (r.during == "save") {
      t.out.command = Command{Command::Kind::read_contact, {}};
      t.out.outcome = "command";
      return t.out;
    }
    // A move, or the cancel the lead asked for: the appointment says
    // which (protocol.cpp, reconcile_change).
    if (r.during == "move" || (r.during == "cancel" && r.appointment_id == s.appointment_id)) {
      t.out.command = Command{Command::Kind::read_appointment, {{"appointment_id", r.appointment_id}}};
      t.out.outcome = "command";
      return t.out;
    }
  }
  // The look itself failed: look once more. After two, what it looked for
  // stays unknown: a booking or a save is then a failure (on_failure
  // undoes it), and a reply that may have been delivered is followed by
  // nothing (a second copy would be worse than a missing one).
  if (last != in.results.rend() && last->kind == CommandResult::Kind::failed &&
      (last->during == "find_reply" || last->during == "find_booking" || last->during == "read_contact")) {
    const bool send = last->during == "find_reply";
    const std::string_view checked = send ? "send" : last->during == "find_booking" ? "book" : "save";
    const auto lost = std::find_if(in.results.rbegin(), in.results.rend(), [checked](const auto& r) {
      return r.kind == CommandResult::Kind::failed && r.unknown && r.during == checked;
    });
    const auto looks = std::count_if(in.results.rbegin(), lost, [&last](const auto& r) {
      return r.kind == CommandResult::Kind::failed && r.during == last->during;
    });
    if (lost != in.results.rend() && looks < 2) {
      t.out.command = send                  ? Command{Command::Kind::find_reply, {{"text", lost->reply}}}
                      : checked == "book"   ? Command{Command::Kind::find_booking, {{"slot", lost->slot}}}
                                            : Command{Command::Kind::read_contact, {}};
      t.out.outcome = "command";
      return t.out;
    }
  }
  // The save went through after all (the contact, read again, holds it):
  // what GHL holds stands, and the reply that was to follow it goes out.
  // (A look that failed before one that answered is no longer news.)
  const auto subject = std::find_if(in.results.rbegin(), in.results.rend(), [](const auto& r) {
    return r.kind != CommandResult::Kind::resolved && !(r.kind == CommandResult::Kind::failed && is_look(r));
  });
  if (subject != in.results.rend() && subject->kind == CommandResult::Kind::applied) {
    t.out.target = subject->fields;
    if (!subject->reply.empty()) t.out.reply = subject->reply;
    t.out.outcome = "saved_late";
    t.out.handled = subject->handled;
    t.out.then = subject->then;
    return t.out;
  }
  // The reply was delivered after all: the message is done as it was (and
  // what was to follow the reply, a DND or a tag, still follows it).
  if (subject != in.results.rend() && subject->kind == CommandResult::Kind::delivered) {
    t.out.target = in.saved;
    t.out.outcome = "delivered";
    t.out.handled = subject->handled;
    t.out.then = subject->then;
    return t.out;
  }
  // A failed look is not a failure of the message: what it looked for
  // (still unknown, or answered by a later look) decides.
  if (std::any_of(in.results.begin(), in.results.end(), [&pending](const auto& r) {
        return r.kind == CommandResult::Kind::failed && !is_look(r) && !(r.during == "cancel" && contains(pending, r.appointment_id));
      })) {
    on_failure(t);
    return t.out;
  }
  if (known_step && row(step).silent) {
    // A lead who said stop and now asks, in so many words, to book after
    // all is welcomed back from the beginning.
    if (step == Step::opted_out && asks_to_opt_in(text)) {
      // WhatsApp DND off first: GHL would refuse the welcome back otherwise.
      if (find_result(in, CommandResult::Kind::done) == nullptr) {
        t.out.command = Command{Command::Kind::set_dnd, {{"status", "inactive"}}};
        t.out.outcome = "command";
        return t.out;
      }
      t.out.target.last_interaction = in.now;
      t.out.target.last_message_id = in.message.id;
      t.out.target.language = std::string(to_string(lang));
      restart(t);
      t.out.outcome = "opted_in";
      return t.out;
    }
    t.out.outcome = "silent";  // never write to a lead who said stop or waits for a person
    return t.out;
  }
  if (!in.message.id.empty() && in.message.id == s.last_message_id) {
    t.out.outcome = "duplicate";
    // GHL holds this message's answer, but its reply may never have
    // reached the lead: the question of the step GHL holds is looked for,
    // and asked if it is not there.
    if (in.message.maybe_sent && known_step && step != Step::greeting && row(step).ask != nullptr) {
      say(t, row(step).ask(lang, in.config, s), "reasked");
      look_before_resending(t, early_looks(in));
      if (t.out.outcome == "delivered_earlier") t.out.outcome = "duplicate";
    }
    return t.out;
  }

  State& next = t.out.target;
  next.last_interaction = in.now;
  next.last_message_id = in.message.id;
  next.language = std::string(to_string(lang));
  if (!known_step) step = Step::greeting;  // garbage in booking_step: start the conversation again

  // A person took over: the message is kept (its id and time), no reply.
  // (A request to stop is honoured all the same.)
  if (is_paused(s, in.now) && m.intent != Intent::opt_out) {
    t.out.outcome = "paused";
    return t.out;
  }
  // At most MAX_BOT_MESSAGES in 24 hours: the last one says a person will
  // follow up and tags the contact; then silence. (A request to stop is
  // always honoured.)
  if (m.intent != Intent::opt_out && in.message.bot_messages_24h >= in.config.max_bot_messages - 1) {
    if (in.message.bot_messages_24h >= in.config.max_bot_messages) {
      t.out.outcome = "capped";
      return t.out;
    }
    t.out.then = Command{Command::Kind::add_tag, {{"tag", std::string(kCapTag)}}};
    say(t, reply_plain(t.lang, in.config, TextKey::cap_reached), "cap_reached");
    return t.out;
  }

  answer_message(t, step, m);
  if (t.out.command.kind != Command::Kind::none) {
    t.out.target = s;  // decided once the result is in
  } else if (in.message.maybe_sent && t.out.reply) {
    // Whatever path made the reply: an earlier attempt may have sent it.
    look_before_resending(t, early_looks(in));
  }
  return t.out;
}

}  // namespace
}  // namespace booking
