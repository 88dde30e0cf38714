// Reads the protocol's JSON request (see protocol.hpp) straight into plain
// data with nlohmann/json's SAX parser: no document tree is built, which
// took more than the whole decision (issue 5). Only the members the
// protocol knows are kept; anything else is skipped.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "state.hpp"

namespace booking {

// What a member turned out to be, so the protocol can say what is wrong.
enum class Shape { absent, null, object, array, other };

struct RawResult {
  bool is_object = false;
  long id = -1;      // the action it answers; -1 when absent or not a whole number
  long status = 0;   // failed: the HTTP status GHL answered, 0 when none (timeout, network)
  bool unknown = false;  // failed: GHL may have done it
  bool found = false;    // reply_found: the reply is among the conversation's messages
  std::string type, date, appointment_id, slot, during, error;
  std::string appointment_status, start, end;  // appointment
  Shape slots = Shape::absent;
  std::vector<std::string> slot_list;  // at most kMaxSlotsRead strings
  Shape fields = Shape::absent;        // contact: the contact's fields
  State field_values;
};

struct RawRequest {
  Shape state = Shape::absent;
  State state_fields;
  Shape saved = Shape::absent;
  State saved_fields;
  Shape message = Shape::absent;
  std::string message_id, message_text;
  bool message_maybe_sent = false;
  std::string message_event, message_appointment_id, message_expect;
  long message_bot_messages = 0;
  Shape results = Shape::absent;
  std::vector<RawResult> result_list;  // at most kMaxResults + 1 are kept
  Shape config = Shape::absent;
  std::vector<std::pair<std::string, std::string>> config_values;  // strings and numbers, as text
  std::string now;
};

// False when the text is not JSON or not a JSON object. Strings must be
// UTF-8 (as nlohmann::json::parse requires); numbers in field values are
// kept as their text.
bool read_request(std::string_view text, RawRequest& out);

}  // namespace booking
