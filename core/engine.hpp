// The booking conversation as one pure function: (stored state, the
// inbound message, the results of the commands performed so far, config,
// local "now") → (state to save, one reply, at most one command).
//
// The shell calls decide() with no results, performs the command it gets
// back (if any), appends the result and calls decide() again with the
// same state and message, until there is no command. The state it then
// returns is what the shell saves before it sends the reply. Any failed
// result makes the decision "change nothing, tell the lead to try again".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar.hpp"
#include "config.hpp"
#include "intent.hpp"
#include "state.hpp"

namespace booking {

struct Message {
  std::string id;    // GHL messageId; empty when unknown
  std::string text;  // raw bytes as received; may be anything
  // An earlier attempt at this same message ended with a reply that may
  // have reached the lead (the answer said maybe_sent; the shell
  // remembered it): look for that reply before sending it again.
  bool maybe_sent = false;
  // Not a lead's message but GHL's news of an appointment (the
  // AppointmentUpdate/AppointmentDelete webhooks): "appointment", with the
  // appointment's id. The text is then empty and nothing is sent.
  std::string event;
  std::string appointment_id;
  // Issue 13. event "outbound": a person wrote to the lead from GHL (the
  // shell has told the bot's own messages apart). event "follow_up": the
  // contact's follow-up time came; `expect` is the last_message_id it was
  // set for. bot_messages_24h: the bot's messages to this contact in the
  // last 24 hours (the shell counts them).
  std::string expect;
  long bot_messages_24h = 0;
};

// One command for the shell to perform. Its arguments are written to the
// wire as they are, in this order (protocol.cpp: the command table).
struct Command {
  enum class Kind {
    none, fetch_slots, book, cancel, find_booking, find_reply, read_contact, read_appointment, move,
    set_dnd, add_tag,  // issue 13: the contact's WhatsApp DND, a tag added (never the others removed)
  };
  Kind kind = Kind::none;
  std::vector<std::pair<std::string_view, std::string>> args;

  // The argument `name`, or empty.
  std::string_view arg(std::string_view name) const {
    for (const auto& [k, v] : args) {
      if (k == name) return v;
    }
    return {};
  }
};

// What the shell reports back after performing a command (the protocol
// has already checked that it answers the command asked for), or a failed
// GHL call of its own (reading, saving, sending).
struct CommandResult {
  // delivered: a reply whose send timed out was found among the
  // conversation's messages. applied: a save whose answer was lost was
  // found in the contact as read again. resolved: a check whose answer the
  // protocol already folded into the result it checked (protocol.cpp, reconcile).
  // appointment: read_appointment's answer. moved: the appointment is at `slot` now.
  enum class Kind { slots, booked, slot_taken, cancelled, failed, delivered, applied, resolved, appointment, moved, done };
  Kind kind = Kind::failed;
  Date date{};                     // slots: the day asked for
  std::vector<std::string> slots;  // slots: free slots, ISO-8601 with offset
  std::string appointment_id;      // booked, moved, appointment
  // appointment: whether GHL has it, its status ("confirmed", "cancelled",
  // ...), and its start and end in the business's local time (ISO-8601).
  bool found = false;
  std::string appointment_status, start, end;
  std::string slot;                // booked / slot_taken: the slot the book command asked for
  std::string during;              // failed: read, fetch_slots, book, cancel, save, send
  // failed: GHL may have done it (a timeout or lost connection after the
  // request was sent). The core checks before it decides (engine.cpp).
  bool unknown = false;
  // failed send: its answer was lost and two looks did not find it; GHL
  // may still deliver it, so nothing else is sent after it.
  bool unseen = false;
  std::string reply;               // failed save or send / delivered: the reply of that save-and-send
  bool handled = false;            // delivered / applied: that answer's handled flag
  // failed save: the fields it wrote; read_contact's answer: the contact's
  // fields as GHL holds them now.
  State fields;
  // failed save or send / delivered / applied: that save-and-send's `then`
  // (a DND or a tag still owed once its reply is out).
  Command then;
};

// A send whose reply may have reached the lead although it failed: its
// answer was lost, and no look found it (or every look failed).
inline bool may_have_been_sent(const CommandResult& r) {
  return r.kind == CommandResult::Kind::failed && r.during == "send" && (r.unknown || r.unseen);
}

struct Input {
  State state;   // as read from GHL at the start of this webhook
  State saved;   // what GHL holds now (differs from state once the shell saved)
  Message message;
  std::vector<CommandResult> results;
  Config config;
  Date today{};          // business local date
  std::string now;       // business local time, ISO-8601, stored in last_interaction
};

struct Decision {
  State target;                      // what GHL should hold after this message
  std::optional<std::string> reply;  // at most one reply
  Command command;                   // at most one command
  std::string outcome;               // for logs: advanced, invalid, rewound, duplicate, ...
  // Whether, once this is carried out, the message counts as handled: a
  // redelivery of it is then a duplicate. False on the try-again path, so
  // that GHL's redelivery (or the lead's resend) is handled afresh.
  bool handled = true;
  // Not handled, and its reply may yet reach the lead: should this message
  // come again, the shell says so (Message::maybe_sent).
  bool maybe_sent = false;
  // Performed by the shell once the reply was sent (a save-and-send only):
  // the opt-out's DND, the tag of a hand-off or of the cap. Its outcome is
  // logged, not reported back: the message is done.
  Command then;
};

// The most results one message may need; at this many the decision is
// final (no further command), so every webhook ends.
inline constexpr std::size_t kMaxResults = 8;

// What the message says before any step looks at it. It is the same in
// every round of one webhook (the core replays the rounds to check each
// result), so the protocol works it out once.
struct Reading {
  std::string_view text;  // the message; "" when unreadable (not UTF-8, control characters, too long)
  Intent intent = Intent::none;
};
Reading read_message(const Message& m);  // `text` points into m.text

Decision decide(const Input& in, const Reading& r);
Decision decide(const Input& in);  // reads in.message itself

}  // namespace booking
