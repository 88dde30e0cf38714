#include "protocol.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine.hpp"
#include "request.hpp"
#include "step.hpp"
#include "text.hpp"

namespace booking {
namespace {

// A JSON string, escaped as nlohmann's dump() does. Every string written
// comes from the request (which nlohmann checked is UTF-8) or from the
// engine; should one ever not be UTF-8, nlohmann's dump replaces the bad
// bytes. (A serializer per string, as dump() builds, cost more than the
// whole decision.)
void write_string(std::string& out, std::string_view s) {
  if (!is_valid_utf8(s)) {
    out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (b < 0x20) {
          out += "\\u00";
          out += kHex[b >> 4];
          out += kHex[b & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string error_response(std::string_view kind, std::string_view message) {
  std::string out = "{\"error\":";
  write_string(out, kind);
  out += ",\"message\":";
  write_string(out, message);
  out += ",\"ok\":false}";
  return out;
}

bool read_result(const RawResult& raw, CommandResult& r, std::string& why) {
  if (!raw.is_object) return why = "each result must be an object", false;
  if (raw.type == "slots") {
    r.kind = CommandResult::Kind::slots;
    const auto date = parse_iso_date(raw.date);
    if (!date) return why = "slots result needs a date YYYY-MM-DD", false;
    r.date = *date;
    if (raw.slots != Shape::array) return why = "slots result needs a slots array", false;
    r.slots = raw.slot_list;
  } else if (raw.type == "booked") {
    r.kind = CommandResult::Kind::booked;
    r.appointment_id = raw.appointment_id;
    r.slot = raw.slot;
    if (r.appointment_id.empty() || r.slot.empty()) return why = "booked result needs appointment_id and slot", false;
  } else if (raw.type == "slot_taken") {
    r.kind = CommandResult::Kind::slot_taken;
    r.slot = raw.slot;
  } else if (raw.type == "cancelled") {
    r.kind = CommandResult::Kind::cancelled;
  } else if (raw.type == "failed") {
    r.kind = CommandResult::Kind::failed;
    r.during = raw.during;
  } else {
    return why = fmt::format("unknown result type '{}'", raw.type), false;
  }
  return true;
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
    if (!e.empty()) return e;
  }
  return {};
}

// Members in sorted key order, as nlohmann writes objects.
void write_command(std::string& out, const Command& c) {
  switch (c.kind) {
    case Command::Kind::fetch_slots:
      out += "{\"date\":";
      write_string(out, to_iso(c.date));
      out += ",\"type\":\"fetch_slots\"}";
      return;
    case Command::Kind::book:
      out += "{\"slot\":";
      write_string(out, c.slot);
      out += ",\"title\":";
      write_string(out, c.title);
      out += ",\"type\":\"book\"}";
      return;
    case Command::Kind::cancel:
      out += "{\"appointment_id\":";
      write_string(out, c.appointment_id);
      out += ",\"type\":\"cancel\"}";
      return;
    case Command::Kind::none: break;
  }
  out += "null";
}

}  // namespace

std::string handle_json(std::string_view request) {
  if (request.size() > kMaxRequestBytes) return error_response("bad_request", "request too large");
  RawRequest raw;
  if (!read_request(request, raw)) return error_response("bad_request", "request is not a JSON object");

  Input in;
  in.state = std::move(raw.state_fields);
  in.saved = raw.saved == Shape::object ? std::move(raw.saved_fields) : in.state;
  if (raw.message != Shape::object) return error_response("bad_request", "message must be an object");
  in.message.id = std::move(raw.message_id);
  in.message.text = std::move(raw.message_text);

  if (raw.results != Shape::absent) {
    if (raw.results != Shape::array || raw.result_list.size() > kMaxResults) {
      return error_response("bad_request", fmt::format("results must be an array of at most {}", kMaxResults));
    }
    for (const auto& r : raw.result_list) {
      std::string why;
      if (!read_result(r, in.results.emplace_back(), why)) return error_response("bad_request", why);
    }
  }
  if (auto e = read_config(raw, in.config); !e.empty()) return error_response("config", e);
  in.now = std::move(raw.now);
  const auto today = parse_iso_date(in.now);
  if (!today) return error_response("bad_request", "now must be the local time as ISO-8601, e.g. 2026-11-25T10:30:00-06:00");
  in.today = *today;

  const Decision d = decide(in);
  auto updates = changed_fields(in.saved, d.target);
  std::sort(updates.begin(), updates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Step step = Step::greeting;
  parse_step(d.target.booking_step, step);

  std::string out;
  out.reserve(256 + (d.reply ? d.reply->size() : 0));
  out += "{\"command\":";
  write_command(out, d.command);
  out += ",\"language\":";
  write_string(out, d.target.language.empty() ? in.state.language : d.target.language);
  out += ",\"ok\":true,\"outcome\":";
  write_string(out, d.outcome);
  out += ",\"reply\":";
  if (d.reply) {
    write_string(out, *d.reply);
  } else {
    out += "null";
  }
  out += ",\"step\":";
  write_string(out, to_string(step));
  out += ",\"updates\":{";
  for (std::size_t i = 0; i < updates.size(); ++i) {
    if (i > 0) out += ',';
    write_string(out, updates[i].first);
    out += ':';
    write_string(out, updates[i].second);
  }
  out += "}}";
  return out;
}

}  // namespace booking
