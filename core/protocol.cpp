#include "protocol.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine.hpp"
#include "step.hpp"
#include "text.hpp"

namespace booking {
namespace {

using json = nlohmann::json;

std::string error_response(std::string_view kind, std::string_view message) {
  json out{{"ok", false}, {"error", kind}, {"message", message}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

// GHL fields are strings, but a hand-edited contact may hold numbers.
std::string as_text(const json& v) {
  if (v.is_string()) return std::string(utf8_prefix(v.get_ref<const std::string&>(), kMaxFieldBytes));
  if (v.is_number_integer()) return fmt::format("{}", v.get<long long>());
  if (v.is_number_float()) return fmt::format("{}", v.get<double>());
  return {};
}

State read_state(const json& j) {
  State s;
  if (!j.is_object()) return s;
  for (const auto& [key, member] : kStateFields) {
    const auto it = j.find(std::string(key));
    if (it != j.end()) s.*member = as_text(*it);
  }
  return s;
}

std::string read_string(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool read_result(const json& j, CommandResult& r, std::string& why) {
  if (!j.is_object()) return why = "each result must be an object", false;
  const std::string type = read_string(j, "type");
  if (type == "slots") {
    r.kind = CommandResult::Kind::slots;
    const auto date = parse_iso_date(read_string(j, "date"));
    if (!date) return why = "slots result needs a date YYYY-MM-DD", false;
    r.date = *date;
    const auto it = j.find("slots");
    if (it == j.end() || !it->is_array()) return why = "slots result needs a slots array", false;
    for (const auto& v : *it) {
      if (r.slots.size() >= kMaxSlotsRead) break;
      if (v.is_string()) r.slots.push_back(v.get<std::string>());
    }
  } else if (type == "booked") {
    r.kind = CommandResult::Kind::booked;
    r.appointment_id = read_string(j, "appointment_id");
    r.slot = read_string(j, "slot");
    if (r.appointment_id.empty() || r.slot.empty()) return why = "booked result needs appointment_id and slot", false;
  } else if (type == "slot_taken") {
    r.kind = CommandResult::Kind::slot_taken;
    r.slot = read_string(j, "slot");
  } else if (type == "cancelled") {
    r.kind = CommandResult::Kind::cancelled;
  } else if (type == "failed") {
    r.kind = CommandResult::Kind::failed;
    r.during = read_string(j, "during");
  } else {
    return why = fmt::format("unknown result type '{}'", type), false;
  }
  return true;
}

std::string read_config(const json& j, Config& c) {
  if (j.is_null()) return {};
  if (!j.is_object()) return "config must be an object";
  const auto text = [&](const char* key, std::string& out) {
    if (const auto it = j.find(key); it != j.end() && !it->is_null()) {
      const std::string v = as_text(*it);
      if (!v.empty()) out = v;
    }
  };
  text("AGENT_NAME", c.agent_name);
  text("BUSINESS_NAME", c.business_name);
  std::string v;
  if (text("MIN_BUDGET", v), !v.empty()) {
    if (auto e = set_min_budget(c, v); !e.empty()) return e;
  }
  if (v.clear(), text("BOOKING_DAYS", v), !v.empty()) {
    if (auto e = set_booking_days(c, v); !e.empty()) return e;
  }
  if (v.clear(), text("DEFAULT_LANGUAGE", v), !v.empty()) {
    if (auto e = set_default_language(c, v); !e.empty()) return e;
  }
  return {};
}

json command_json(const Command& c) {
  switch (c.kind) {
    case Command::Kind::fetch_slots: return {{"type", "fetch_slots"}, {"date", to_iso(c.date)}};
    case Command::Kind::book: return {{"type", "book"}, {"slot", c.slot}, {"title", c.title}};
    case Command::Kind::cancel: return {{"type", "cancel"}, {"appointment_id", c.appointment_id}};
    case Command::Kind::none: break;
  }
  return nullptr;
}

}  // namespace

std::string handle_json(std::string_view request) {
  if (request.size() > kMaxRequestBytes) return error_response("bad_request", "request too large");
  const json j = json::parse(request.begin(), request.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return error_response("bad_request", "request is not a JSON object");

  Input in;
  if (const auto it = j.find("state"); it != j.end()) in.state = read_state(*it);
  const auto saved = j.find("saved");
  in.saved = saved != j.end() && saved->is_object() ? read_state(*saved) : in.state;

  const auto msg = j.find("message");
  if (msg == j.end() || !msg->is_object()) return error_response("bad_request", "message must be an object");
  in.message.id = std::string(utf8_prefix(read_string(*msg, "id"), 256));
  in.message.text = read_string(*msg, "text");

  if (const auto it = j.find("results"); it != j.end()) {
    if (!it->is_array() || it->size() > kMaxResults) {
      return error_response("bad_request", fmt::format("results must be an array of at most {}", kMaxResults));
    }
    for (const auto& r : *it) {
      std::string why;
      if (!read_result(r, in.results.emplace_back(), why)) return error_response("bad_request", why);
    }
  }
  const auto config = j.find("config");
  if (auto e = read_config(config != j.end() ? *config : json(nullptr), in.config); !e.empty()) {
    return error_response("config", e);
  }
  in.now = std::string(utf8_prefix(read_string(j, "now"), 64));
  const auto today = parse_iso_date(in.now);
  if (!today) return error_response("bad_request", "now must be the local time as ISO-8601, e.g. 2026-11-25T10:30:00-06:00");
  in.today = *today;

  const Decision d = decide(in);
  json updates = json::object();
  for (auto& [key, value] : changed_fields(in.saved, d.target)) updates[std::string(key)] = value;
  Step step = Step::greeting;
  parse_step(d.target.booking_step, step);
  json out{{"ok", true},
           {"step", to_string(step)},
           {"language", d.target.language.empty() ? in.state.language : d.target.language},
           {"outcome", d.outcome},
           {"updates", std::move(updates)},
           {"reply", d.reply ? json(*d.reply) : json(nullptr)},
           {"command", command_json(d.command)}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace booking
