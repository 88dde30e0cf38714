#include "protocol.hpp"

#include <algorithm>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine.hpp"
#include "request.hpp"
#include "slot.hpp"
#include "small_sort.hpp"
#include "step.hpp"
#include "text.hpp"

namespace booking {
namespace {

// A JSON string, escaped as nlohmann's dump() does. Every string written
// comes from the request (which nlohmann checked is UTF-8) or from the
// engine; should one ever not be UTF-8, the bad bytes become U+FFFD (and
// control characters spaces). (A serializer per string, as dump() builds,
// cost more than the whole decision.)
void write_string(std::string& out, std::string_view s) {
  if (!is_valid_utf8(s)) {
    // (Not nlohmann's dump: its serializer brings printf and float
    // formatting into the WebAssembly, ~10 KB for a case that never happens.)
    write_string(out, sanitize_utf8(s));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  // Runs that need no escape (nearly all of it) are appended at once.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b != '"' && b != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}


// The commands, one row each: the wire name, and the result type that
// reports it done ("failed" may answer any of them). A new command is one
// row here, one case in the shell's perform() and one schema entry.
struct CommandRow {
  Command::Kind kind;
  std::string_view type;
  std::string_view done;
};
constexpr CommandRow kCommands[] = {
    {Command::Kind::fetch_slots, "fetch_slots", "slots"},
    {Command::Kind::book, "book", "booked"},
    {Command::Kind::cancel, "cancel", "cancelled"},
    // Checks after a call whose outcome is unknown (see reconcile()).
    {Command::Kind::find_booking, "find_booking", "booking_found"},
    {Command::Kind::find_reply, "find_reply", "reply_found"},
    {Command::Kind::read_contact, "read_contact", "contact"},
    // After the booking (issue 12): the appointment as GHL holds it, and a move.
    {Command::Kind::read_appointment, "read_appointment", "appointment"},
    {Command::Kind::move, "move", "moved"},
    // Issue 13: the contact's WhatsApp DND and tags.
    {Command::Kind::set_dnd, "set_dnd", "done"},
    {Command::Kind::add_tag, "add_tag", "done"},
};

const CommandRow& row_of(Command::Kind kind) {
  for (const auto& r : kCommands) {
    if (r.kind == kind) return r;
  }
  return kCommands[0];  // unreachable: every kind but none has a row (tested)
}

// GHL refuses a slot someone else took with a 400 (or 409) whose message
// names the slot ("The slot you have selected is no longer available").
bool slot_taken(const RawResult& raw) {
  return (raw.status == 400 || raw.status == 409) && fold(raw.error).find("slot") != std::string::npos;
}

// `raw`, as the answer to `asked` (the decision of that round: its command,
// or its save-and-send) → `r`; false with `why` when it does not answer it.
bool read_result(const RawResult& raw, const Decision& decided, CommandResult& r, std::string& why) {
  const Command& asked = decided.command;
  if (!raw.is_object) return why = "each result must be an object", false;
  if (raw.type == "failed") {
    r.kind = CommandResult::Kind::failed;
    r.unknown = raw.unknown;
    if (asked.kind == Command::Kind::none) {
      if (raw.during != "save" && raw.during != "send") return why = "a failed save-and-send says during: save or send", false;
      r.during = raw.during;
      if (decided.reply) r.reply = *decided.reply;
      r.handled = decided.handled;
      r.fields = decided.target;  // what the save wrote (or meant to)
      r.then = decided.then;
      return true;
    }
    r.during = std::string(row_of(asked.kind).type);
    r.slot = std::string(asked.arg("slot"));
    r.appointment_id = std::string(asked.arg("appointment_id"));
    if ((asked.kind == Command::Kind::book || asked.kind == Command::Kind::move) && slot_taken(raw)) {
      r.kind = CommandResult::Kind::slot_taken;
    }
    return true;
  }
  if (asked.kind == Command::Kind::none) {
    return why = fmt::format(FMT_COMPILE("result '{}' answers a save-and-send, which only reports failures"), raw.type), false;
  }
  const CommandRow& row = row_of(asked.kind);
  if (raw.type != row.done) {
    return why = fmt::format(FMT_COMPILE("result '{}' does not answer command '{}' (expected '{}' or 'failed')"), raw.type, row.type, row.done),
           false;
  }
  switch (asked.kind) {
    case Command::Kind::fetch_slots: {
      r.kind = CommandResult::Kind::slots;
      const auto date = parse_iso_date(raw.date);
      if (!date || raw.date != asked.arg("date")) return why = "slots result needs the date that was asked for", false;
      r.date = *date;
      if (raw.slots != Shape::array) return why = "slots result needs a slots array", false;
      r.slots = raw.slot_list;
      return true;
    }
    case Command::Kind::book:
      r.kind = CommandResult::Kind::booked;
      if (raw.appointment_id.empty()) return why = "booked result needs an appointment_id", false;
      if (raw.slot != asked.arg("slot")) return why = "booked result is for a slot that was not asked for", false;
      r.appointment_id = raw.appointment_id;
      r.slot = raw.slot;
      return true;
    case Command::Kind::cancel:
      r.kind = CommandResult::Kind::cancelled;
      r.appointment_id = std::string(asked.arg("appointment_id"));
      return true;
    case Command::Kind::find_booking:
      r.kind = CommandResult::Kind::resolved;
      r.during = "find_booking";
      r.appointment_id = raw.appointment_id;  // empty: no such booking
      r.slot = std::string(asked.arg("slot"));
      return true;
    case Command::Kind::find_reply:
      r.kind = CommandResult::Kind::resolved;
      r.during = "find_reply";
      r.unknown = !raw.found;  // (reused) true: the reply is not there
      return true;
    case Command::Kind::read_contact:
      r.kind = CommandResult::Kind::resolved;
      if (raw.fields != Shape::object) return why = "contact result needs the contact's fields (an object)", false;
      r.fields = raw.field_values;
      return true;
    case Command::Kind::read_appointment:
      r.kind = CommandResult::Kind::appointment;
      r.appointment_id = std::string(asked.arg("appointment_id"));
      r.found = raw.found;
      r.appointment_status = raw.appointment_status;
      r.start = raw.start;
      r.end = raw.end;
      if (r.found && !parse_slot(r.start)) return why = "appointment result needs its start (ISO-8601 local time) when found", false;
      return true;
    case Command::Kind::move:
      r.kind = CommandResult::Kind::moved;
      if (raw.slot != asked.arg("slot")) return why = "moved result is for a slot that was not asked for", false;
      r.appointment_id = std::string(asked.arg("appointment_id"));
      r.slot = raw.slot;
      return true;
    case Command::Kind::set_dnd:
    case Command::Kind::add_tag:
      r.kind = CommandResult::Kind::done;
      r.during = std::string(row_of(asked.kind).type);
      return true;
    case Command::Kind::none: break;
  }
  return why = "unreachable", false;
}

// A move or cancel whose answer was lost is checked by reading the
// appointment (engine.cpp asks for it): at the new slot → moved; cancelled
// or gone → cancelled; otherwise a plain failure. A read that is not such a
// check (the last result before it is not an unknown move or cancel)
// changes nothing.
void reconcile_change(std::vector<CommandResult>& results) {
  if (results.size() < 2) return;
  const CommandResult& answer = results.back();
  CommandResult& checked = results[results.size() - 2];
  if (checked.kind != CommandResult::Kind::failed || !checked.unknown) return;
  if (checked.during != "move" && checked.during != "cancel") return;
  if (answer.kind != CommandResult::Kind::appointment) return;  // the check failed: nothing learned
  if (checked.during == "move") {
    if (answer.found && answer.start == checked.slot && fold(answer.appointment_status) != "cancelled") {
      checked.kind = CommandResult::Kind::moved;
      checked.unknown = false;
    } else {
      checked.unknown = false;
    }
    return;
  }
  if (!answer.found || fold(answer.appointment_status) == "cancelled") {
    const std::string id = checked.appointment_id;
    checked = CommandResult{};
    checked.kind = CommandResult::Kind::cancelled;
    checked.appointment_id = id;
  } else {
    checked.unknown = false;
  }
}

// A check answers the unknown failure just before it: fold its answer into
// that result, so the engine sees what really happened (a booking made, a
// reply delivered) or a plain failure, and never checks twice.
void reconcile(std::vector<CommandResult>& results, Command::Kind check) {
  if (check == Command::Kind::read_appointment) return reconcile_change(results);
  if (results.size() < 2 || (check != Command::Kind::find_booking && check != Command::Kind::find_reply &&
                             check != Command::Kind::read_contact)) {
    return;
  }
  CommandResult& answer = results.back();
  if (answer.kind == CommandResult::Kind::failed) return;  // the check failed: nothing learned
  // The result it checks: the latest one still unknown (an earlier look may have failed in between).
  const std::string_view checks = check == Command::Kind::find_booking ? "book"
                                  : check == Command::Kind::find_reply ? "send"
                                                                       : "save";
  auto it = std::find_if(results.rbegin() + 1, results.rend(), [checks](const CommandResult& r) {
    return r.kind == CommandResult::Kind::failed && r.unknown && r.during == checks;
  });
  if (it == results.rend()) return;
  CommandResult& checked = *it;
  if (check == Command::Kind::find_booking) {
    if (!answer.appointment_id.empty()) {
      CommandResult booked;
      booked.kind = CommandResult::Kind::booked;
      booked.appointment_id = answer.appointment_id;
      booked.slot = answer.slot;
      checked = std::move(booked);
    } else {
      checked.unknown = false;  // not booked: a plain failure
    }
  } else if (check == Command::Kind::find_reply) {
    if (!answer.unknown) {
      checked.kind = CommandResult::Kind::delivered;
      checked.unknown = false;
    } else {
      // Not there: GHL may still be writing a send it took late, so the
      // first "not there" is looked at once more; the second makes it a
      // plain failure. (A look that found it would have ended the looking:
      // every answered look since the send said "not there".)
      const auto not_there = std::count_if(it.base(), results.end(), [](const CommandResult& r) {
        return r.kind == CommandResult::Kind::resolved && r.during == "find_reply";
      });
      checked.unknown = not_there < 2;
      checked.unseen = !checked.unknown;
    }
  } else {
    // GHL writes a contact's fields together: every field as the save
    // wrote it means the save went through; anything else (nothing of it,
    // or a person's edit in between) is taken as not applied.
    checked.kind = answer.fields == checked.fields ? CommandResult::Kind::applied : CommandResult::Kind::failed;
    checked.unknown = false;
  }
  answer.unknown = false;
}

std::string read_config(const RawRequest& raw, Config& c) {
  if (raw.config == Shape::absent || raw.config == Shape::null) return {};
  if (raw.config != Shape::object) return "config must be an object";
  for (const auto& [key, value] : raw.config_values) {
    if (value.empty()) continue;  // unset: the default stands
    std::string e;
    if (key == "AGENT_NAME") c.agent_name = value;
    else if (key == "BUSINESS_NAME") c.business_name = value;
    else if (key == "MIN_BUDGET") e = set_min_budget(c, value);
    else if (key == "BOOKING_DAYS") e = set_booking_days(c, value);
    else if (key == "DEFAULT_LANGUAGE") e = set_default_language(c, value);
    else if (key == "REPLIES") e = set_replies(c, value);
    else if (key == "CALL_MINUTES") e = set_call_minutes(c, value);
    else if (key == "HUMAN_PAUSE_HOURS") e = set_human_pause_hours(c, value);
    else if (key == "MAX_BOT_MESSAGES") e = set_max_bot_messages(c, value);
    else if (key == "BUSINESS_PITCH") c.business_pitch = value;
    if (!e.empty()) return e;
  }
  return {};
}

// `id` < 0: a command with no id (a save-and-send's `then`).
void write_command(std::string& out, const Command& c, long id) {
  if (id >= 0) {
    out += fmt::format(FMT_COMPILE("{{\"id\":{},\"type\":"), id);
  } else {
    out += "{\"type\":";
  }
  write_string(out, row_of(c.kind).type);
  for (const auto& [key, value] : c.args) {
    out += ',';
    write_string(out, key);
    out += ':';
    write_string(out, value);
  }
  out += '}';
}

enum class Action { perform, save_and_send, nothing };

Action action_of(const Decision& d, const State& saved) {
  if (d.command.kind != Command::Kind::none) return Action::perform;
  if (d.reply || d.target != saved) return Action::save_and_send;
  return Action::nothing;
}

std::string handle(std::string_view request, const Config* configured);

}  // namespace

std::string error_json(std::string_view kind, std::string_view message) {
  std::string out = "{\"error\":";
  write_string(out, kind);
  out += ",\"message\":";
  write_string(out, message);
  out += ",\"ok\":false}";
  return out;
}

// One call: the next action after the results so far. Each result must
// answer the action the core returned at its round: the core replays the
// rounds (each a pure decision) to check it, so a result it did not ask
// for, for a slot it never offered, or out of turn, is refused.
std::string handle_json(std::string_view request) { return handle(request, nullptr); }

std::string handle_json(std::string_view request, const Config& config) { return handle(request, &config); }

std::string configure_json(std::string_view config, Config& out) {
  if (config.size() > kMaxRequestBytes) return "config too large";
  // Read as the request's "config" member, with the same reader and checks.
  std::string wrapped;
  wrapped.reserve(config.size() + 12);
  wrapped.append("{\"config\":").append(config).append("}");
  RawRequest raw;
  if (!read_request(wrapped, raw)) return "config is not JSON";
  if (raw.config != Shape::object) return "config must be an object";
  Config c;
  if (auto e = read_config(raw, c); !e.empty()) return e;
  out = std::move(c);
  return {};
}

namespace {

std::string handle(std::string_view request, const Config* configured) {
  if (request.size() > kMaxRequestBytes) return error_json("bad_request", "request too large");
  RawRequest raw;
  if (!read_request(request, raw)) return error_json("bad_request", "request is not a JSON object");
  if (configured != nullptr && raw.config != Shape::absent) {
    return error_json("bad_request", "config was given once (booking_configure): the request must not carry it");
  }

  if (raw.state != Shape::object) return error_json("bad_request", "state must be an object (the contact's fields)");
  if (raw.saved != Shape::absent && raw.saved != Shape::object) return error_json("bad_request", "saved must be an object");
  Input in;
  in.state = std::move(raw.state_fields);
  in.saved = raw.saved == Shape::object ? std::move(raw.saved_fields) : in.state;
  if (raw.message != Shape::object) return error_json("bad_request", "message must be an object");
  in.message.id = std::move(raw.message_id);
  in.message.text = std::move(raw.message_text);
  in.message.maybe_sent = raw.message_maybe_sent;
  in.message.event = std::move(raw.message_event);
  in.message.appointment_id = std::move(raw.message_appointment_id);
  in.message.expect = std::move(raw.message_expect);
  in.message.bot_messages_24h = raw.message_bot_messages;
  if (!in.message.event.empty() && !(in.message.event == "appointment" && !in.message.appointment_id.empty()) &&
      in.message.event != "outbound" && !(in.message.event == "follow_up" && !in.message.expect.empty())) {
    return error_json("bad_request",
                      "message.event is \"appointment\" (with appointment_id), \"outbound\" or \"follow_up\" (with expect)");
  }
  if (in.message.bot_messages_24h < 0) return error_json("bad_request", "message.bot_messages_24h must be a whole number");
  if (configured != nullptr) {
    in.config = *configured;
  } else if (auto e = read_config(raw, in.config); !e.empty()) {
    return error_json("config", e);
  }
  in.now = std::move(raw.now);
  const auto today = parse_iso_date(in.now);
  if (!today) return error_json("bad_request", "now must be the local time as ISO-8601, e.g. 2026-11-25T10:30:00-06:00");
  in.today = *today;

  if (raw.results != Shape::absent && (raw.results != Shape::array || raw.result_list.size() > kMaxResults)) {
    return error_json("bad_request", fmt::format(FMT_COMPILE("results must be an array of at most {}"), kMaxResults));
  }
  std::size_t first = 0;
  // Id 0 is the shell's own read of the contact, before the first call.
  if (!raw.result_list.empty() && raw.result_list[0].is_object && raw.result_list[0].id == 0) {
    if (raw.result_list[0].type != "failed" || raw.result_list[0].during != "read") {
      return error_json("bad_request", "result id 0 is only the failed read: {\"id\":0,\"type\":\"failed\",\"during\":\"read\"}");
    }
    in.results.emplace_back().during = "read";  // a failed result
    first = 1;
  }
  const Reading reading = read_message(in.message);
  long id = 1;
  // Each round is replayed with what GHL held at that round (as the shell
  // keeps `saved`: a save that went through, or may have, leaves its
  // target; a read leaves what it read); the last round uses the
  // request's `saved`.
  const State saved_now = std::move(in.saved);
  in.saved = in.state;
  for (std::size_t i = first; i < raw.result_list.size(); ++i, ++id) {
    const RawResult& r = raw.result_list[i];
    const Decision asked = decide(in, reading);
    if (action_of(asked, in.saved) == Action::nothing) {
      return error_json("bad_request", fmt::format(FMT_COMPILE("result {} answers nothing: action {} was to send nothing"), r.id, id));
    }
    if (r.id != id) return error_json("bad_request", fmt::format(FMT_COMPILE("result {} must have id {} (the action it answers)"), i, id));
    std::string why;
    if (!read_result(r, asked, in.results.emplace_back(), why)) {
      return error_json("bad_request", fmt::format(FMT_COMPILE("result {}: {}"), id, why));
    }
    const CommandResult& got = in.results.back();
    if (asked.command.kind == Command::Kind::none && (got.during == "send" || (got.during == "save" && got.unknown))) {
      in.saved = asked.target;
    }
    if (asked.command.kind == Command::Kind::read_contact && got.kind == CommandResult::Kind::resolved) in.saved = got.fields;
    reconcile(in.results, asked.command.kind);
  }
  in.saved = saved_now;

  Decision d = decide(in, reading);
  Action action = action_of(d, in.saved);
  if (action != Action::nothing && in.results.size() >= kMaxResults) {
    // Every webhook ends: no action past the last result the protocol
    // takes (its failure could not be reported).
    const bool maybe_sent = std::any_of(in.results.begin(), in.results.end(), may_have_been_sent);
    d = Decision{in.saved, std::nullopt, {}, "gave_up", false, maybe_sent};
    action = Action::nothing;
  }
  Step step = Step::greeting;
  parse_step(action == Action::perform ? in.state.booking_step : d.target.booking_step, step);

  std::string out;
  out.reserve(256 + (d.reply ? d.reply->size() : 0));
  out += "{\"action\":";
  out += action == Action::perform ? "\"perform\",\"command\":" : action == Action::save_and_send ? "\"save_and_send\"" : "\"nothing\"";
  if (action == Action::perform) write_command(out, d.command, id);
  out += ",\"handled\":";
  out += action != Action::perform && d.handled ? "true" : "false";
  if (action == Action::save_and_send) out += fmt::format(FMT_COMPILE(",\"id\":{}"), id);
  out += ",\"language\":";
  write_string(out, d.target.language.empty() ? in.state.language : d.target.language);
  if (action != Action::perform && d.maybe_sent) out += ",\"maybe_sent\":true";
  out += ",\"ok\":true,\"outcome\":";
  write_string(out, d.outcome);
  if (action == Action::save_and_send) {
    out += ",\"reply\":";
    if (d.reply) {
      write_string(out, *d.reply);
    } else {
      out += "null";
    }
  }
  out += ",\"step\":";
  write_string(out, to_string(step));
  if (action != Action::perform && d.then.kind != Command::Kind::none) {
    out += ",\"then\":";
    write_command(out, d.then, -1);
  }
  if (action == Action::save_and_send) {
    auto updates = changed_fields(in.saved, d.target);
    small_sort(updates.begin(), updates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out += ",\"updates\":{";
    for (std::size_t i = 0; i < updates.size(); ++i) {
      if (i > 0) out += ',';
      write_string(out, updates[i].first);
      out += ':';
      write_string(out, updates[i].second);
    }
    out += '}';
  }
  out += '}';
  return out;
}

}  // namespace
}  // namespace booking
