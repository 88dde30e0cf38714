#include "request.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine.hpp"
#include "protocol.hpp"
#include "text.hpp"

namespace booking {
namespace {

using json = nlohmann::json;

enum class Ctx { top, state, saved, message, results, result, slots, fields, config };

struct Frame {
  Ctx ctx;
  std::string key;  // the member being read, in objects
};

// nlohmann calls one method per token; the frames say where we are. A
// member the protocol does not know is skipped by depth counting alone.
class Reader final : public json::json_sax_t {
 public:
  explicit Reader(RawRequest& out) : out_(out) {}
  bool root_is_object = false;

  bool null() override { return scalar(Shape::null, nullptr); }
  bool boolean(bool v) override {
    if (skip_ == 0 && !frames_.empty() && frames_.back().ctx == Ctx::message && frames_.back().key == "maybe_sent") {
      out_.message_maybe_sent = v;
    }
    if (skip_ == 0 && !frames_.empty() && frames_.back().ctx == Ctx::result && !out_.result_list.empty()) {
      auto& r = out_.result_list.back();
      if (frames_.back().key == "unknown") r.unknown = v;
      if (frames_.back().key == "found") r.found = v;
    }
    return scalar(Shape::other, nullptr);
  }
  bool number_integer(number_integer_t v) override {
    const std::string t = fmt::format(FMT_COMPILE("{}"), v);
    return scalar(Shape::other, &t, true);
  }
  bool number_unsigned(number_unsigned_t v) override {
    const std::string t = fmt::format(FMT_COMPILE("{}"), v);
    return scalar(Shape::other, &t, true);
  }
  bool number_float(number_float_t, const string_t& text) override { return scalar(Shape::other, &text, true); }
  bool string(string_t& v) override { return scalar(Shape::other, &v, false); }
  bool binary(binary_t&) override { return scalar(Shape::other, nullptr); }

  bool key(string_t& k) override {
    if (skip_ == 0 && !frames_.empty()) frames_.back().key = k;
    return true;
  }

  bool start_object(std::size_t) override {
    if (skip_ > 0) return ++skip_, true;
    if (frames_.empty()) {
      root_is_object = true;
      frames_.push_back({Ctx::top, {}});
      return true;
    }
    Frame& parent = frames_.back();
    if (parent.ctx == Ctx::top) {
      const std::string& k = parent.key;
      if (k == "state") return enter(Ctx::state, out_.state, out_.state_fields);
      if (k == "saved") return enter(Ctx::saved, out_.saved, out_.saved_fields);
      if (k == "message") {
        out_.message = Shape::object;
        out_.message_id.clear();
        out_.message_text.clear();
        out_.message_event.clear();
        out_.message_appointment_id.clear();
        out_.message_expect.clear();
        out_.message_bot_messages = 0;
        out_.message_maybe_sent = false;
        return push(Ctx::message);
      }
      if (k == "config") {
        out_.config = Shape::object;
        out_.config_values.clear();
        return push(Ctx::config);
      }
      mark_top(Shape::object);
    } else if (parent.ctx == Ctx::result && parent.key == "fields" && !out_.result_list.empty()) {
      auto& r = out_.result_list.back();
      return enter(Ctx::fields, r.fields, r.field_values);
    } else if (parent.ctx == Ctx::results) {
      // One more than allowed is kept, so the protocol can say "too many".
      if (out_.result_list.size() <= kMaxResults) {
        out_.result_list.emplace_back().is_object = true;
        return push(Ctx::result);
      }
    }
    return ++skip_, true;
  }

  bool end_object() override { return leave(); }

  bool start_array(std::size_t) override {
    if (skip_ > 0) return ++skip_, true;
    if (frames_.empty()) return false;  // not an object: stop here
    Frame& parent = frames_.back();
    if (parent.ctx == Ctx::top) {
      if (parent.key == "results") {
        out_.results = Shape::array;
        out_.result_list.clear();
        return push(Ctx::results);
      }
      mark_top(Shape::array);
    } else if (parent.ctx == Ctx::result && parent.key == "fields" && !out_.result_list.empty()) {
      out_.result_list.back().fields = Shape::array;
    } else if (parent.ctx == Ctx::result && parent.key == "slots" && !out_.result_list.empty()) {
      auto& r = out_.result_list.back();
      r.slots = Shape::array;
      r.slot_list.clear();
      return push(Ctx::slots);
    } else if (parent.ctx == Ctx::results) {
      if (out_.result_list.size() <= kMaxResults) out_.result_list.emplace_back();
    }
    return ++skip_, true;
  }

  bool end_array() override { return leave(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool push(Ctx c) {
    frames_.push_back({c, {}});
    return true;
  }

  bool enter(Ctx c, Shape& shape, State& fields) {
    shape = Shape::object;
    fields = State{};
    return push(c);
  }

  bool leave() {
    if (skip_ > 0) return --skip_, true;
    if (!frames_.empty()) frames_.pop_back();
    return true;
  }

  // A top-level member that is not what the protocol wants there.
  void mark_top(Shape s) {
    const std::string& k = frames_.back().key;
    if (k == "state") out_.state = s, out_.state_fields = State{};
    else if (k == "saved") out_.saved = s, out_.saved_fields = State{};
    else if (k == "message") out_.message = s;
    else if (k == "results") out_.results = s;
    else if (k == "config") out_.config = s;
    else if (k == "now") out_.now.clear();
  }

  static void set_field(State& s, std::string_view key, const std::string* text) {
    for (const auto& [name, member, type] : kStateFields) {
      if (name == key) {
        s.*member = text ? std::string(utf8_prefix(*text, kMaxFieldBytes)) : std::string{};
        return;
      }
    }
  }

  // `text` is the value for strings, the number's text for numbers
  // (`number` true), null otherwise.
  bool scalar(Shape shape, const std::string* text, bool number = false) {
    if (skip_ > 0 || frames_.empty()) return !frames_.empty() || skip_ > 0;
    const Frame& f = frames_.back();
    const std::string* str = number ? nullptr : text;  // only real strings
    switch (f.ctx) {
      case Ctx::top:
        if (f.key == "now") out_.now = str ? std::string(utf8_prefix(*str, 64)) : std::string{};
        else mark_top(shape);
        break;
      case Ctx::state: set_field(out_.state_fields, f.key, text); break;
      case Ctx::saved: set_field(out_.saved_fields, f.key, text); break;
      case Ctx::message:
        if (f.key == "id") out_.message_id = str ? std::string(utf8_prefix(*str, 256)) : std::string{};
        else if (f.key == "text") out_.message_text = str ? *str : std::string{};
        else if (f.key == "event") out_.message_event = str ? std::string(utf8_prefix(*str, 64)) : std::string{};
        else if (f.key == "appointment_id") out_.message_appointment_id = str ? std::string(utf8_prefix(*str, 256)) : std::string{};
        else if (f.key == "expect") out_.message_expect = str ? std::string(utf8_prefix(*str, 256)) : std::string{};
        else if (f.key == "bot_messages_24h") out_.message_bot_messages = number ? whole_number(*text) : -1;
        break;
      case Ctx::results:
        if (out_.result_list.size() <= kMaxResults) out_.result_list.emplace_back();
        break;
      case Ctx::result: {
        auto& r = out_.result_list.back();
        const std::string v = str ? *str : std::string{};
        if (f.key == "id" || f.key == "status") {
          (f.key == "id" ? r.id : r.status) = number ? whole_number(*text) : -1;
          break;
        }
        if (f.key == "type") r.type = v;
        else if (f.key == "error") r.error = std::string(utf8_prefix(v, 200));
        else if (f.key == "date") r.date = v;
        else if (f.key == "appointment_id") r.appointment_id = v;
        else if (f.key == "slot") r.slot = v;
        else if (f.key == "during") r.during = v;
        else if (f.key == "appointment_status") r.appointment_status = std::string(utf8_prefix(v, 64));
        else if (f.key == "start") r.start = std::string(utf8_prefix(v, 64));
        else if (f.key == "end") r.end = std::string(utf8_prefix(v, 64));
        else if (f.key == "slots") r.slots = shape, r.slot_list.clear();
        else if (f.key == "fields") r.fields = shape, r.field_values = State{};
        break;
      }
      case Ctx::fields: set_field(out_.result_list.back().field_values, f.key, text); break;
      case Ctx::slots: {
        auto& r = out_.result_list.back();
        if (str && r.slot_list.size() < kMaxSlotsRead) r.slot_list.push_back(*str);
        break;
      }
      case Ctx::config: {
        auto it = out_.config_values.begin();
        while (it != out_.config_values.end() && it->first != f.key) ++it;
        if (it == out_.config_values.end()) it = out_.config_values.insert(it, {f.key, {}});
        // REPLIES holds every text of a deployment: a field's limit would cut it.
        const std::size_t limit = f.key == "REPLIES" ? kMaxRepliesBytes : kMaxFieldBytes;
        it->second = text ? std::string(utf8_prefix(*text, limit)) : std::string{};
        break;
      }
    }
    return true;
  }

  // "3" → 3; anything else (a fraction, a sign, too many digits) → -1.
  static long whole_number(const std::string& t) {
    if (t.empty() || t.size() > 9) return -1;
    long n = 0;
    for (const char c : t) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  RawRequest& out_;
  std::vector<Frame> frames_;
  std::size_t skip_ = 0;
};

}  // namespace

bool read_request(std::string_view text, RawRequest& out) {
  Reader reader(out);
  const bool ok = json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, true);
  return ok && reader.root_is_object;
}

}  // namespace booking
