// A test shell for the engine: the same loop the Worker runs (call the
// core; perform its command, or save and send, or stop, as it says; report
// failures with the id of the action), with
// an in-memory contact and calendar instead of GHL. Everything goes
// through the JSON entry point, as in production.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "protocol.hpp"

namespace booking::testing {

using json = nlohmann::json;

// With BOOKING_PROTOCOL_TRACE=<file>, every exchange is appended to that
// file as a JSON line {"request", "answer"}, for tests/schema/check.js to
// hold against core/protocol.schema.json. One write() per line: test
// processes run in parallel and append to the same file.
inline void trace_exchange(const json& request, const json& answer) {
  static const char* path = std::getenv("BOOKING_PROTOCOL_TRACE");
  if (path == nullptr || *path == '\0') return;
  const std::string line = json{{"request", request}, {"answer", answer}}.dump() + "\n";
  const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const auto n = ::write(fd, line.data(), line.size());
  ::close(fd);
}

struct FakeCalendar {
  // date → free slots, ISO-8601 with offset
  std::map<std::string, std::vector<std::string>> free;
  std::set<std::string> taken;  // booked by someone else since the offer
  std::set<std::string> taken_after_fetch;  // free when fetched, then booked by someone else
  std::vector<std::string> booked;
  std::map<std::string, std::string> ids;  // slot → appointment id
  int next_id = 1;
};

struct Conversation {
  json fields = json::object();  // the contact's custom fields
  json config = json::object();
  std::string now = "2026-11-25T10:30:00-06:00";  // a Wednesday
  FakeCalendar calendar;
  // "fetch_slots", "book", "save", "send", "read": GHL answers an error;
  // "book-late", "save-late", "send-late": GHL does it but the answer is lost
  // (the save and send ones once).
  std::set<std::string> failing;
  std::vector<std::string> sent;  // replies delivered
  std::vector<std::string> tags;  // tags added to the contact
  std::string dnd;                // the contact's WhatsApp DND status ("" = never set)
  std::vector<json> thens;        // the `then` commands performed after a send
  std::vector<json> commands;     // commands performed during the last message
  json last;                      // the last core response
  int message_counter = 0;
  bool handled = false;           // the last message counts as handled (for the duplicate guard)
  bool rounds_exhausted = false;  // the core never ended a message (a bug: tests check it stays false)

  json call(const json& message, const json& results, const json& state, const json& saved) {
    json req{{"state", state}, {"message", message}, {"results", results}, {"config", config}, {"now", now}};
    if (saved != state) req["saved"] = saved;  // as the Worker: only after a save
    last = json::parse(handle_json(req.dump()));
    trace_exchange(req, last);
    return last;
  }

  json perform(const json& cmd) {
    const std::string type = cmd["type"];
    const json id = cmd["id"];
    commands.push_back(cmd);
    commands.back().erase("id");
    if (failing.count(type)) return {{"id", id}, {"type", "failed"}, {"status", 500}, {"error", "Internal Server Error"}};
    if (type == "fetch_slots") {
      // Every day from `date` to `until` (ISO dates compare as text).
      const std::string date = cmd["date"];
      const std::string until = cmd.value("until", date);
      json slots = json::array();
      for (auto it = calendar.free.lower_bound(date); it != calendar.free.end() && it->first <= until; ++it) {
        for (const auto& s : it->second) {
          if (!calendar.taken.count(s)) slots.push_back(s);
        }
      }
      calendar.taken.merge(calendar.taken_after_fetch);
      return {{"id", id}, {"type", "slots"}, {"date", date}, {"slots", slots}};
    }
    if (type == "book") {
      const std::string slot = cmd["slot"];
      if (failing.count("book-late") && !calendar.taken.count(slot)) {
        // GHL booked it, but the answer never came.
        calendar.taken.insert(slot);
        calendar.booked.push_back(slot);
        calendar.ids[slot] = "appt-" + std::to_string(calendar.next_id++);
        return {{"id", id}, {"type", "failed"}, {"status", 0}, {"error", "timeout"}, {"unknown", true}};
      }
      if (calendar.taken.count(slot)) {
        // What GHL answers for a slot someone else took.
        return {{"id", id}, {"type", "failed"}, {"status", 400}, {"error", "The slot you have selected is no longer available."}};
      }
      calendar.taken.insert(slot);
      calendar.booked.push_back(slot);
      calendar.ids[slot] = "appt-" + std::to_string(calendar.next_id++);
      return {{"id", id}, {"type", "booked"}, {"slot", slot}, {"appointment_id", calendar.ids[slot]}};
    }
    if (type == "cancel") {
      // The appointment asked for (the bot's undo is the latest booking).
      const std::string appt = cmd.value("appointment_id", "");
      auto it = std::find_if(calendar.booked.begin(), calendar.booked.end(),
                             [&](const std::string& slot) { return calendar.ids[slot] == appt; });
      if (it == calendar.booked.end() && !calendar.booked.empty()) it = calendar.booked.end() - 1;
      if (it != calendar.booked.end()) {
        calendar.taken.erase(*it);
        calendar.booked.erase(it);
      }
      return {{"id", id}, {"type", "cancelled"}};
    }
    if (type == "set_dnd" || type == "add_tag") {
      if (type == "set_dnd") dnd = cmd["status"];
      if (type == "add_tag") tags.push_back(cmd["tag"]);
      return {{"id", id}, {"type", "done"}};
    }
    if (type == "read_appointment") {
      const std::string appt = cmd["appointment_id"];
      for (const auto& slot : calendar.booked) {
        if (calendar.ids[slot] == appt) {
          return {{"id", id}, {"type", "appointment"}, {"appointment_id", appt}, {"found", true},
                  {"appointment_status", "confirmed"}, {"start", slot}};
        }
      }
      return {{"id", id}, {"type", "appointment"}, {"appointment_id", appt}, {"found", false}};
    }
    if (type == "move") {
      const std::string appt = cmd["appointment_id"];
      const std::string slot = cmd["slot"];
      const bool late = failing.erase("move-late") > 0;  // GHL moves it, but the answer is lost
      if (calendar.taken.count(slot)) {
        return {{"id", id}, {"type", "failed"}, {"status", 400}, {"error", "The slot you have selected is no longer available."}};
      }
      for (auto& old : calendar.booked) {
        if (calendar.ids[old] == appt) {
          calendar.taken.erase(old);
          calendar.ids.erase(old);
          old = slot;
          calendar.taken.insert(slot);
          calendar.ids[slot] = appt;
          if (late) return {{"id", id}, {"type", "failed"}, {"status", 0}, {"error", "timeout"}, {"unknown", true}};
          return {{"id", id}, {"type", "moved"}, {"appointment_id", appt}, {"slot", slot}};
        }
      }
      return {{"id", id}, {"type", "failed"}, {"status", 400}, {"error", "Appointment not found"}};
    }
    if (type == "find_booking") {
      const std::string slot = cmd["slot"];
      const bool ours = std::find(calendar.booked.begin(), calendar.booked.end(), slot) != calendar.booked.end();
      json r{{"id", id}, {"type", "booking_found"}};
      if (ours) r["appointment_id"] = calendar.ids[slot];
      return r;
    }
    if (type == "read_contact") return {{"id", id}, {"type", "contact"}, {"fields", filled()}};
    if (type == "find_reply") {
      return {{"id", id}, {"type", "reply_found"}, {"found", std::find(sent.begin(), sent.end(), cmd["text"].get<std::string>()) != sent.end()}};
    }
    return {{"id", id}, {"type", "failed"}};
  }

  // One inbound message, handled as the Worker does: a plain loop over the
  // core's actions, no policy of its own. Returns the reply delivered
  // (empty when none).
  std::string say(const std::string& text, std::string id = {}, const json& extra = json::object()) {
    if (id.empty()) id = "msg-" + std::to_string(++message_counter);
    json message{{"id", id}, {"text", text}};
    message.update(extra);
    commands.clear();
    const json state = fields;
    json saved = fields;
    json results = json::array();
    if (failing.count("read")) results.push_back({{"id", 0}, {"type", "failed"}, {"during", "read"}});
    handled = false;
    int saves_ok = 0;  // in this message ("undo" fails every save after the first)
    for (int round = 0; round < 50; ++round) {
      const json out = call(message, results, state, saved);
      if (!out.value("ok", false)) return {};
      const std::string action = out["action"];
      if (action == "perform") {
        results.push_back(perform(out["command"]));
        // As the Worker: `saved` is what GHL holds, and a read says what that is.
        if (results.back()["type"] == "contact") saved = results.back()["fields"];
        continue;
      }
      if (action == "nothing") {
        // As the Worker: a `then` still owed by a reply delivered earlier.
        if (out.contains("then")) {
          json then = out["then"];
          then["id"] = 0;
          thens.push_back(out["then"]);
          perform(then);
          commands.pop_back();
        }
        handled = out["handled"];
        return {};
      }
      const auto fail = [&](const char* during, bool unknown) {
        results.push_back({{"id", out["id"]}, {"type", "failed"}, {"during", during}});
        if (unknown) results.back()["unknown"] = true;
      };
      if (!out["updates"].empty()) {
        // save-late: GHL saved it, but the answer never came; save-lost: the
        // request never reached GHL, but its answer timed out all the same.
        // Either way the Worker takes GHL to hold the new values.
        const bool late = failing.erase("save-late") > 0;
        if (late || failing.erase("save-lost") > 0) {
          for (auto& [k, v] : out["updates"].items()) saved[k] = v;
          if (late) fields = saved;
          fail("save", true);
          continue;
        }
        if (failing.count("save") || (failing.count("undo") && saves_ok > 0)) {
          fail("save", false);
          continue;
        }
        ++saves_ok;
        for (auto& [k, v] : out["updates"].items()) saved[k] = v;
        fields = saved;
      }
      if (out["reply"].is_string()) {
        // send-late: delivered, but the answer never came; send-lost: never
        // delivered, but the answer timed out all the same.
        const bool late = failing.erase("send-late") > 0;
        if (late || failing.erase("send-lost") > 0) {
          if (late) sent.push_back(out["reply"]);
          fail("send", true);
          continue;
        }
        if (failing.count("send")) {
          fail("send", false);
          continue;
        }
        sent.push_back(out["reply"]);
        // As the Worker: the `then` command once the reply was sent.
        if (out.contains("then")) {
          json then = out["then"];
          then["id"] = 0;
          thens.push_back(out["then"]);
          perform(then);
          commands.pop_back();
        }
      }
      handled = out["handled"];
      return out["reply"].is_string() ? out["reply"].get<std::string>() : std::string{};
    }
    rounds_exhausted = true;
    return {};
  }

  // The contact as GHL shows it: a field set to "" is an empty field.
  json filled() const {
    json out = json::object();
    for (auto& [k, v] : fields.items()) {
      if (!(v.is_string() && v.get<std::string>().empty())) out[k] = v;
    }
    return out;
  }

  std::string field(const std::string& key) const {
    return fields.contains(key) ? fields[key].get<std::string>() : std::string{};
  }
};

}  // namespace booking::testing
