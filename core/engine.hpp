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
#include <vector>

#include "calendar.hpp"
#include "config.hpp"
#include "state.hpp"

namespace booking {

struct Message {
  std::string id;    // GHL messageId; empty when unknown
  std::string text;  // raw bytes as received; may be anything
};

// What the shell reports back after performing a command, or a failed
// GHL call of its own (reading, saving, sending).
struct CommandResult {
  enum class Kind { slots, booked, slot_taken, cancelled, failed };
  Kind kind = Kind::failed;
  Date date{};                     // slots: the day asked for
  std::vector<std::string> slots;  // slots: free slots, ISO-8601 with offset
  std::string appointment_id;      // booked
  std::string slot;                // booked / slot_taken
  std::string during;              // failed: read, fetch_slots, book, cancel, save, send
};

struct Command {
  enum class Kind { none, fetch_slots, book, cancel };
  Kind kind = Kind::none;
  Date date{};                 // fetch_slots
  std::string slot;            // book: start time exactly as GHL offered it
  std::string title;           // book: appointment title
  std::string appointment_id;  // cancel: undo a booking whose save failed
};

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
};

Decision decide(const Input& in);

}  // namespace booking
