#include "time_choice.hpp"

#include <initializer_list>
#include <string>

#include "day.hpp"
#include "text.hpp"

namespace booking {
namespace {

// When "a las 2" could be 2:00 or 14:00 and both are offered, the one a
// business would normally book wins.
constexpr int kBusinessFirstHour = 8;
constexpr int kBusinessLastHour = 19;

enum class Meridiem { none, am, pm };

struct Wanted {
  int hour = 0;     // as written
  int minute = -1;  // -1 = not said
  Meridiem meridiem = Meridiem::none;
};

using Pick = std::optional<std::size_t>;

bool is_any(std::string_view w, std::initializer_list<std::string_view> options) {
  for (auto o : options) {
    if (w == o) return true;
  }
  return false;
}

struct Tokens {
  std::string_view text;
  std::vector<std::string_view> w;

  std::string_view at(std::size_t k) const { return k < w.size() ? w[k] : std::string_view(); }
  // The separators between word k and word k+1 (or the end of the text).
  std::string_view gap(std::size_t k) const {
    const char* from = w[k].data() + w[k].size();
    const char* to = k + 1 < w.size() ? w[k + 1].data() : text.data() + text.size();
    return {from, static_cast<std::size_t>(to - from)};
  }
  bool phrase(std::size_t k, std::initializer_list<std::string_view> parts) const {
    for (auto p : parts) {
      if (at(k++) != p) return false;
    }
    return true;
  }
};

// Leading one or two digits and what follows them ("2pm" → 2, "pm").
struct Num {
  int value = -1;
  std::string_view suffix;
};

Num leading_number(std::string_view t) {
  std::size_t n = 0;
  int v = 0;
  while (n < t.size() && n < 3 && is_ascii_digit(t[n])) v = v * 10 + (t[n++] - '0');
  if (n == 0 || n > 2) return {};
  return {v, t.substr(n)};
}

// Spelled-out hours; "cuarto" is left out because "y cuarto" is 15 minutes.
int hour_word(std::string_view t) {
  static constexpr std::string_view kEs[] = {"", "una", "dos", "tres", "cuatro", "cinco", "seis",
                                             "siete", "ocho", "nueve", "diez", "once", "doce"};
  static constexpr std::string_view kEn[] = {"", "one", "two", "three", "four", "five", "six",
                                             "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int h = 1; h <= 12; ++h) {
    if (t == kEs[h] || t == kEn[h]) return h;
  }
  return t == "uno" ? 1 : -1;
}

// 1-based position named by an ordinal word, -1 for "last", 0 if none.
// "un segundo"/"a second" is a moment, not the second slot.
int ordinal(std::string_view t, std::string_view prev) {
  if (is_any(t, {"first", "1st", "primera", "primero", "primer", "earliest", "soonest", "primerita"})) return 1;
  if (is_any(t, {"second", "2nd", "segunda", "segundo"})) return is_any(prev, {"un", "a", "one"}) ? 0 : 2;
  if (is_any(t, {"third", "3rd", "tercera", "tercero", "tercer"})) return 3;
  if (is_any(t, {"fourth", "4th", "cuarta"})) return 4;
  if (is_any(t, {"fifth", "5th", "quinta"})) return 5;
  if (is_any(t, {"last", "ultima", "ultimo", "latest", "ultimita"})) return -1;
  return 0;
}

Pick by_position(int position, const std::vector<Slot>& offered) {
  if (position == -1) return offered.size() - 1;
  if (position >= 1 && static_cast<std::size_t>(position) <= offered.size()) {
    return static_cast<std::size_t>(position - 1);
  }
  return std::nullopt;
}

constexpr int kNone = -1, kAmbiguous = -2;

// The one offered slot at hour `h` (exact minute if given, else :00 first,
// else the only slot in that hour).
int in_hour(const std::vector<Slot>& offered, int h, int minute) {
  int on_minute = kNone, in_the_hour = kNone, n_minute = 0, n_hour = 0;
  for (std::size_t i = 0; i < offered.size(); ++i) {
    if (offered[i].hour != h) continue;
    if (offered[i].minute == (minute < 0 ? 0 : minute)) on_minute = static_cast<int>(i), ++n_minute;
    in_the_hour = static_cast<int>(i), ++n_hour;
  }
  if (n_minute > 0 || minute >= 0) return n_minute == 1 ? on_minute : n_minute == 0 ? kNone : kAmbiguous;
  return n_hour == 1 ? in_the_hour : n_hour == 0 ? kNone : kAmbiguous;
}

Pick match(const Wanted& t, const std::vector<Slot>& offered) {
  int h = t.hour, other = -1;
  if (t.minute > 59) return std::nullopt;
  switch (t.meridiem) {
    case Meridiem::pm:
      if (h < 1 || h > 23) return std::nullopt;
      if (h < 12) h += 12;
      break;
    case Meridiem::am:
      if (h > 12) return std::nullopt;
      if (h == 12) h = 0;
      break;
    case Meridiem::none:
      if (h > 23) return std::nullopt;
      if (h >= 1 && h <= 11) other = h + 12;
      break;
  }
  int found = in_hour(offered, h, t.minute);
  if (other >= 0) {
    const int later = in_hour(offered, other, t.minute);
    const bool h_in_hours = h >= kBusinessFirstHour && h <= kBusinessLastHour;
    if (found == kNone || (later != kNone && !h_in_hours)) found = later;
  }
  if (found < 0) return std::nullopt;
  return static_cast<std::size_t>(found);
}

// A time read at word k: "2", "2pm", "14h30", "2:30 p.m.", "las 4 de la
// tarde", "a la una", "10 y media". `strong` when something besides the
// bare number says it is a time. `end` is the first word not consumed.
struct TimeRead {
  bool ok = false;
  bool strong = false;
  Wanted want;
  std::size_t end = 0;
};

TimeRead read_time(const Tokens& tk, std::size_t k) {
  const std::string_view t = tk.w[k];
  const std::string_view prev = k > 0 ? tk.w[k - 1] : std::string_view();
  const std::string_view prev2 = k > 1 ? tk.w[k - 2] : std::string_view();
  TimeRead r;
  r.end = k + 1;
  Num n = leading_number(t);
  const bool spelled = n.value < 0;
  if (spelled) n = {hour_word(t), {}};
  if (n.value < 0) return r;
  r.want.hour = n.value;
  if (t.size() > 1 && t[0] == '0' && is_ascii_digit(t[1])) r.want.meridiem = Meridiem::am;  // "09:00"
  bool marked = false;

  auto suffix = [&](std::string_view s) {
    if (s == "am" || s == "pm") {
      r.want.meridiem = s == "am" ? Meridiem::am : Meridiem::pm;
    } else if (s.size() == 3 && s[0] == 'h' && is_ascii_digit(s[1]) && is_ascii_digit(s[2])) {
      r.want.minute = (s[1] - '0') * 10 + (s[2] - '0');  // "14h30"
    } else if (!is_any(s, {"h", "hs", "hr", "hrs"})) {
      return s.empty();
    }
    marked = marked || !s.empty();
    return true;
  };
  if (!suffix(n.suffix)) return r;  // "28th", "3x"
  if (!spelled && n.suffix.empty() && (tk.gap(k) == ":" || tk.gap(k) == ".")) {
    const std::string_view next = tk.at(k + 1);
    const Num m = leading_number(next);
    if (m.value >= 0 && next.size() >= 2 && is_ascii_digit(next[1]) && suffix(m.suffix)) {
      r.want.minute = m.value;
      marked = true;
      r.end = k + 2;
    }
  }

  for (std::size_t j = r.end, guard = 0; guard < 4; ++guard, r.end = j) {
    const std::string_view a = tk.at(j), b = tk.at(j + 1), c = tk.at(j + 2);
    if (a == "am" || a == "pm") {
      r.want.meridiem = a == "am" ? Meridiem::am : Meridiem::pm, j += 1;
    } else if ((a == "a" || a == "p") && b == "m" && trim(tk.gap(j)) == "") {
      r.want.meridiem = a == "a" ? Meridiem::am : Meridiem::pm, j += 2;  // "a.m."
    } else if (is_any(a, {"h", "hs", "hr", "hrs", "hora", "horas", "hours", "oclock"})) {
      j += 1;
    } else if (tk.phrase(j, {"y", "media"}) || tk.phrase(j, {"y", "cuarto"})) {
      if (r.want.minute < 0) r.want.minute = b == "media" ? 30 : 15;
      j += 2;
    } else if (tk.phrase(j, {"en", "punto"}) || tk.phrase(j, {"o", "clock"})) {
      j += 2;
    } else if (is_any(a, {"de", "por", "en"}) && b == "la" && is_any(c, {"tarde", "noche"})) {
      r.want.meridiem = Meridiem::pm, j += 3;
    } else if (is_any(a, {"de", "por", "en"}) && b == "la" && is_any(c, {"manana", "madrugada"})) {
      r.want.meridiem = Meridiem::am, j += 3;
    } else if (tk.phrase(j, {"del", "mediodia"}) || tk.phrase(j, {"at", "night"})) {
      r.want.meridiem = Meridiem::pm, j += 2;
    } else if (a == "in" && b == "the" && is_any(c, {"afternoon", "evening", "morning"})) {
      r.want.meridiem = c == "morning" ? Meridiem::am : Meridiem::pm, j += 3;
    } else {
      break;
    }
    marked = true;
  }

  if (spelled) {
    // "las dos" is often "both"; a spelled hour needs "a las", "at" or a marker.
    r.ok = marked || prev == "at" || (is_any(prev, {"las", "la"}) && prev2 == "a");
    r.strong = true;
    return r;
  }
  marked = marked || is_any(prev, {"las", "la", "at", "around", "about"});
  if (!marked) {
    // A bare number next to a month, after "el"/"día", or inside 28/11 is a date.
    const std::string_view next = tk.at(k + 1);
    const std::string_view after = trim(tk.gap(k));
    const std::string_view before = k > 0 ? trim(tk.gap(k - 1)) : std::string_view();
    if (n.value > 23 || month_from_word(prev) != 0 || month_from_word(next) != 0 ||
        (is_any(next, {"de", "of"}) && month_from_word(tk.at(k + 2)) != 0) ||
        is_any(prev, {"el", "dia", "the"}) || after == "/" || after == "-" || before == "/" ||
        before == "-") {
      return r;
    }
  }
  r.ok = true;
  r.strong = marked;
  return r;
}

// Every reading in a tier must land on the same slot; anything else
// (two different times, one not offered) is left for the bot to ask again.
Pick settle(const std::vector<Pick>& picks) {
  if (picks.empty()) return std::nullopt;
  for (const Pick& p : picks) {
    if (p != picks.front()) return std::nullopt;
  }
  return picks.front();
}

// "la de la tarde", "the morning one": only when one offered slot fits.
Pick by_daypart(std::string_view folded, const std::vector<Slot>& offered) {
  const bool morning = has_phrase(folded, "la manana") || has_phrase(folded, "morning");
  const bool afternoon = has_phrase(folded, "la tarde") || has_phrase(folded, "afternoon");
  const bool evening = has_phrase(folded, "la noche") || has_phrase(folded, "evening");
  if (morning + afternoon + evening != 1) return std::nullopt;
  Pick pick;
  for (std::size_t i = 0; i < offered.size(); ++i) {
    const int h = offered[i].hour;
    const bool fits = morning ? h < 12 : afternoon ? (h >= 12 && h < 19) : h >= 18;
    if (!fits) continue;
    if (pick) return std::nullopt;
    pick = i;
  }
  return pick;
}

}  // namespace

std::optional<std::size_t> choose_slot(std::string_view text, const std::vector<Slot>& offered) {
  if (offered.empty()) return std::nullopt;
  const std::string folded = fold(text);
  const Tokens tk{folded, words(folded)};
  std::vector<Pick> strong, weak;
  for (std::size_t k = 0; k < tk.w.size(); ++k) {
    const std::string_view t = tk.w[k];
    const std::string_view prev = k > 0 ? tk.w[k - 1] : std::string_view();
    if (const int pos = ordinal(t, prev); pos != 0 && month_from_word(prev) == 0) {
      strong.push_back(by_position(pos, offered));
    } else if (is_any(t, {"la", "el", "lo"}) && is_any(tk.at(k + 1), {"mas"}) &&
               is_any(tk.at(k + 2), {"temprano", "temprana", "pronto", "tarde", "tardia", "tardio"})) {
      // "la más temprana", "el más tarde": the first or the last one.
      strong.push_back(by_position(is_any(tk.at(k + 2), {"tarde", "tardia", "tardio"}) ? -1 : 1, offered));
      k += 2;
    } else if (tk.phrase(k, {"lo", "antes", "posible"}) || tk.phrase(k, {"cuanto", "antes"}) ||
               tk.phrase(k, {"as", "early", "as", "possible"}) || tk.phrase(k, {"early", "one"})) {
      strong.push_back(by_position(1, offered));
      k += 1;
    } else if (tk.phrase(k, {"late", "one"})) {
      strong.push_back(by_position(-1, offered));
      k += 1;
    } else if (is_any(t, {"option", "opcion"}) && leading_number(tk.at(k + 1)).suffix.empty() &&
               leading_number(tk.at(k + 1)).value >= 0) {
      strong.push_back(by_position(leading_number(tk.at(k + 1)).value, offered));
      ++k;
    } else if (is_any(t, {"mediodia", "noon", "midday"}) || tk.phrase(k, {"medio", "dia"})) {
      strong.push_back(match({12, -1, Meridiem::none}, offered));
      k += t == "medio";
    } else if (is_any(t, {"medianoche", "midnight"})) {
      strong.push_back(match({0, -1, Meridiem::none}, offered));
    } else if (const TimeRead r = read_time(tk, k); r.ok) {
      (r.strong ? strong : weak).push_back(match(r.want, offered));
      k = r.end - 1;
    }
  }
  if (!strong.empty()) return settle(strong);
  if (!weak.empty()) return settle(weak);
  return by_daypart(folded, offered);
}

}  // namespace booking
