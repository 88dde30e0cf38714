#include "config.hpp"

#include <array>
#include <charconv>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

int parse_weekday(std::string_view folded) {
  static constexpr std::array<std::array<std::string_view, 4>, 7> kNames{{
      {"sun", "sunday", "dom", "domingo"},
      {"mon", "monday", "lun", "lunes"},
      {"tue", "tuesday", "mar", "martes"},
      {"wed", "wednesday", "mie", "miercoles"},
      {"thu", "thursday", "jue", "jueves"},
      {"fri", "friday", "vie", "viernes"},
      {"sat", "saturday", "sab", "sabado"},
  }};
  if (folded.size() == 1 && folded[0] >= '0' && folded[0] <= '6') return folded[0] - '0';
  for (int d = 0; d < 7; ++d) {
    for (auto name : kNames[static_cast<std::size_t>(d)]) {
      if (name == folded) return d;
    }
  }
  return -1;
}

// Edit distance between short ASCII names (a typo's distance to a key).
std::size_t distance(std::string_view a, std::string_view b) {
  constexpr std::size_t kMax = 40;
  if (a.size() > kMax || b.size() > kMax) return kMax;
  std::array<std::size_t, kMax + 1> row{};
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// ", did you mean 'ask_goal'?" for a key one or two edits from a real one.
std::string suggestion(std::string_view unknown) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (const auto& spec : kTextSpecs) {
    const std::size_t d = distance(unknown, spec.name);
    if (d < best_distance) best = spec.name, best_distance = d;
  }
  return best.empty() ? std::string{} : fmt::format(FMT_COMPILE(", did you mean '{}'?"), best);
}

// Part of the REPLIES value, for an error message: short, clean UTF-8.
std::string excerpt(std::string_view s, std::size_t max_bytes = 60) {
  const std::string_view cut = utf8_prefix(s, max_bytes);
  return sanitize_utf8(cut) + (cut.size() < s.size() ? "…" : "");
}

// Reads REPLIES with nlohmann's SAX parser (no document tree, nothing
// thrown): an object of languages, each an object of key → template. Stops
// at the first problem, which `error` then names.
class RepliesReader final : public nlohmann::json::json_sax_t {
 public:
  std::vector<ReplyOverride> overrides;
  std::string error;

  bool null() override { return value("null"); }
  bool boolean(bool) override { return value("a boolean"); }
  bool number_integer(number_integer_t) override { return value("a number"); }
  bool number_unsigned(number_unsigned_t) override { return value("a number"); }
  bool number_float(number_float_t, const string_t&) override { return value("a number"); }
  bool binary(binary_t&) override { return value("binary data"); }
  bool start_array(std::size_t) override { return value("an array"); }
  bool end_array() override { return false; }  // never reached: arrays are refused

  bool string(string_t& text) override {
    if (depth_ != 2) return value("a string");
    const TextKey key = *key_;
    const TemplateProblem problem = check_template(key, text);
    if (problem.kind != TemplateProblem::Kind::none) return fail("REPLIES: " + where() + ": " + explain(problem, key));
    if (has_control_chars(text)) return fail("REPLIES: " + where() + ": control character in the text");
    overrides.push_back({*lang_, key, std::move(text)});
    return true;
  }

  bool start_object(std::size_t) override {
    if (depth_ == 2) return value("an object");
    ++depth_;
    return true;
  }

  bool end_object() override {
    --depth_;
    return true;
  }

  bool key(string_t& k) override {
    if (depth_ == 1) {
      lang_ = parse_lang(k);
      if (!lang_) return fail(fmt::format(FMT_COMPILE("REPLIES: unknown language '{}' (use es or en)"), excerpt(k)));
      const auto mask = static_cast<unsigned>(1u << static_cast<unsigned>(*lang_));
      if (langs_seen_ & mask) return fail(fmt::format(FMT_COMPILE("REPLIES: {} is given twice"), k));
      langs_seen_ |= mask;
      return true;
    }
    key_ = parse_text_key(k);
    if (!key_) {
      return fail(fmt::format(FMT_COMPILE("REPLIES: unknown key '{}' ({}){}"), excerpt(k), to_string(*lang_), suggestion(k)));
    }
    for (const auto& o : overrides) {
      if (o.lang == *lang_ && o.key == *key_) return fail("REPLIES: " + where() + " is given twice");
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: …"
    std::string_view what = e.what();
    if (const auto end = what.find("] "); end != std::string_view::npos) what.remove_prefix(end + 2);
    if (what.starts_with("parse error ")) what.remove_prefix(12);
    return fail(fmt::format(FMT_COMPILE("REPLIES: not valid JSON ({})"), excerpt(what, 200)));
  }

 private:
  // A value that is not what belongs where it is.
  bool value(std::string_view what) {
    switch (depth_) {
      case 0: return fail("REPLIES: not a JSON object");
      case 1:
        return fail(fmt::format(FMT_COMPILE("REPLIES: {}: expected an object of texts like {{\"ask_goal\": \"...\"}}, got {}"),
                                to_string(*lang_), what));
      default: return fail(fmt::format(FMT_COMPILE("REPLIES: {}: expected a string, got {}"), where(), what));
    }
  }

  std::string where() const { return fmt::format(FMT_COMPILE("{}.{}"), to_string(*lang_), to_string(*key_)); }

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

  int depth_ = 0;  // 1 in the object of languages, 2 in a language's texts
  unsigned langs_seen_ = 0;
  std::optional<Lang> lang_;
  std::optional<TextKey> key_;
};

}  // namespace

std::string set_min_budget(Config& c, std::string_view value) {
  value = trim(value);
  long v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || v < 0 || v > 1'000'000'000) {
    return fmt::format(FMT_COMPILE("MIN_BUDGET: expected a whole number like 300, got '{}'"), value);
  }
  c.min_budget = v;
  return {};
}

std::string set_call_minutes(Config& c, std::string_view value) {
  value = trim(value);
  int v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || v < 1 || v > 480) {
    return fmt::format(FMT_COMPILE("CALL_MINUTES: expected a whole number of minutes from 1 to 480, like 30, got '{}'"), value);
  }
  c.call_minutes = v;
  return {};
}

namespace {
// A whole number from `low` to `high`, or an error naming `key`.
std::string whole_in(std::string_view key, std::string_view value, int low, int high, const char* example, int& out) {
  value = trim(value);
  int v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || v < low || v > high) {
    return fmt::format(FMT_COMPILE("{}: expected a whole number from {} to {}, like {}, got '{}'"), key, low, high, example, value);
  }
  out = v;
  return {};
}
}  // namespace

std::string set_human_pause_hours(Config& c, std::string_view value) {
  return whole_in("HUMAN_PAUSE_HOURS", value, 0, 8760, "24", c.human_pause_hours);
}

std::string set_max_bot_messages(Config& c, std::string_view value) {
  return whole_in("MAX_BOT_MESSAGES", value, 1, 1000, "25", c.max_bot_messages);
}

std::string set_booking_days(Config& c, std::string_view value) {
  Weekdays days{};
  const std::string folded = fold(value);
  std::string_view rest = folded;
  bool any = false;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    const auto dash = item.find('-');
    const int from = parse_weekday(trim(item.substr(0, dash)));
    const int to = dash == std::string_view::npos ? from : parse_weekday(trim(item.substr(dash + 1)));
    if (from < 0 || to < 0) {
      return fmt::format(FMT_COMPILE("BOOKING_DAYS: unknown day in '{}' (use e.g. tue,wed,thu,fri)"), item);
    }
    for (int d = from;; d = (d + 1) % 7) {
      days[static_cast<std::size_t>(d)] = true;
      if (d == to) break;
    }
    any = true;
  }
  if (!any) return "BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri)";
  c.booking_days = days;
  return {};
}

std::string set_default_language(Config& c, std::string_view value) {
  const auto lang = parse_lang(trim(value));
  if (!lang) return fmt::format(FMT_COMPILE("DEFAULT_LANGUAGE: expected 'es' or 'en', got '{}'"), value);
  c.default_language = *lang;
  return {};
}

std::string set_replies(Config& c, std::string_view value) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    c.replies.clear();
    return {};
  }
  RepliesReader reader;
  using nlohmann::json;
  const bool ok = json::sax_parse(value.begin(), value.end(), &reader, json::input_format_t::json, true);
  if (!ok) return reader.error.empty() ? std::string("REPLIES: not valid JSON") : reader.error;
  c.replies = std::move(reader.overrides);
  return {};
}

}  // namespace booking

BOOKING_SMALL_CODE_END
