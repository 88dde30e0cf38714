#include "time_choice.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "day.hpp"
#include "small_sort.hpp"
#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

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

using Picks = std::vector<std::size_t>;

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
  std::string_view before(std::size_t k, std::size_t back) const {
    return k >= back ? w[k - back] : std::string_view();
  }
  // The separators between word k and word k+1 (or the end of the text).
  std::string_view gap(std::size_t k) const {
    const char* from = w[k].data() + w[k].size();
    const char* to = k + 1 < w.size() ? w[k + 1].data() : text.data() + text.size();
    return {from, static_cast<std::size_t>(to - from)};
  }
  // The separators before word k (the start of the text for k = 0).
  std::string_view gap_before(std::size_t k) const {
    if (k > 0) return gap(k - 1);
    return {text.data(), static_cast<std::size_t>(w[0].data() - text.data())};
  }
  bool phrase(std::size_t k, std::initializer_list<std::string_view> parts) const {
    for (auto p : parts) {
      if (at(k++) != p) return false;
    }
    return true;
  }
};

bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return is_ascii_digit(c); });
}

bool is_weekday_word(std::string_view t) {
  return is_any(t, {"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
                    "thur", "thurs", "fri", "sat", "sun"});
}

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
  static constexpr std::string_view kEs24[] = {"trece", "catorce", "quince", "dieciseis", "diecisiete",
                                               "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidos",
                                               "veintitres"};
  for (int h = 1; h <= 12; ++h) {
    if (t == kEs[h] || t == kEn[h]) return h;
  }
  for (int h = 13; h <= 23; ++h) {
    if (t == kEs24[h - 13]) return h;
  }
  return t == "uno" ? 1 : -1;
}

// Minutes said in words after "y" ("las 4 y diez"); -1 if none.
int spanish_minutes(std::string_view t) {
  if (t == "cuarto") return 15;
  if (t == "media") return 30;
  if (t == "cinco") return 5;
  if (t == "diez") return 10;
  if (t == "veinte") return 20;
  if (t == "veinticinco") return 25;
  return -1;
}

// 1-based position named by an ordinal word, -1 for "last", 0 if none.
// "un segundo"/"a second" is a moment, not the second slot.
constexpr int kLast = -1, kMiddle = -2;
int ordinal(std::string_view t, std::string_view prev) {
  if (is_any(t, {"first", "1st", "primera", "primero", "primer", "earliest", "soonest", "primerita"})) return 1;
  if (is_any(t, {"second", "2nd", "segunda", "segundo"})) return is_any(prev, {"un", "a", "one"}) ? 0 : 2;
  if (is_any(t, {"third", "3rd", "tercera", "tercero", "tercer"})) return 3;
  if (is_any(t, {"fourth", "4th", "cuarta"})) return 4;
  if (is_any(t, {"fifth", "5th", "quinta"})) return 5;
  if (is_any(t, {"last", "ultima", "ultimo", "latest", "ultimita"})) return kLast;
  return 0;
}

// The slots at `position` (1-based, kLast or kMiddle) among `among`.
Picks by_position(int position, const Picks& among) {
  const std::size_t n = among.size();
  if (n == 0) return {};
  if (position == kLast) return {among.back()};
  if (position == kMiddle) {
    if (n % 2 == 1) return {among[n / 2]};
    return {among[n / 2 - 1], among[n / 2]};
  }
  if (position >= 1 && static_cast<std::size_t>(position) <= n) return {among[static_cast<std::size_t>(position - 1)]};
  return {};
}

Picks all_of(const std::vector<Slot>& offered) {
  Picks out(offered.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}

// The offered slots at hour `h`: those on the exact minute if given, else
// the :00 ones, else every slot in that hour.
Picks in_hour(const std::vector<Slot>& offered, int h, int minute) {
  Picks on_minute, in_the_hour;
  for (std::size_t i = 0; i < offered.size(); ++i) {
    if (offered[i].hour != h) continue;
    if (offered[i].minute == (minute < 0 ? 0 : minute)) on_minute.push_back(i);
    in_the_hour.push_back(i);
  }
  if (!on_minute.empty() || minute >= 0) return on_minute;
  return in_the_hour;
}

Picks match(const Wanted& t, const std::vector<Slot>& offered) {
  int h = t.hour, other = -1;
  if (t.minute > 59) return {};
  switch (t.meridiem) {
    case Meridiem::pm:
      if (h < 1 || h > 23) return {};
      if (h < 12) h += 12;
      break;
    case Meridiem::am:
      if (h > 12) return {};
      if (h == 12) h = 0;
      break;
    case Meridiem::none:
      if (h > 23) return {};
      if (h >= 1 && h <= 11) other = h + 12;
      break;
  }
  Picks found = in_hour(offered, h, t.minute);
  if (other >= 0) {
    Picks later = in_hour(offered, other, t.minute);
    const bool h_in_hours = h >= kBusinessFirstHour && h <= kBusinessLastHour;
    if (found.empty() || (!later.empty() && !h_in_hours)) found = std::move(later);
  }
  return found;
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
  const std::string_view prev = tk.before(k, 1);
  const std::string_view prev2 = tk.before(k, 2);
  TimeRead r;
  r.end = k + 1;
  Num n = leading_number(t);
  const bool spelled = n.value < 0;
  if (spelled) n = {hour_word(t), {}};
  if (n.value < 0) return r;
  r.want.hour = n.value;
  if (t.size() > 1 && t[0] == '0' && is_ascii_digit(t[1])) r.want.meridiem = Meridiem::am;  // "09:00"
  bool marked = false;
  bool clock = false;  // marked by something only a clock time has (am/pm, h, o'clock, minutes)
  // "entre las 9 y diez" is between 9 and 10, not 9:10.
  const bool between = prev == "entre" || prev2 == "entre" || prev == "between" || prev2 == "between";

  auto suffix = [&](std::string_view s) {
    if (s == "am" || s == "pm") {
      r.want.meridiem = s == "am" ? Meridiem::am : Meridiem::pm;
    } else if (s.size() == 3 && s[0] == 'h' && is_ascii_digit(s[1]) && is_ascii_digit(s[2])) {
      r.want.minute = (s[1] - '0') * 10 + (s[2] - '0');  // "14h30"
    } else if (!is_any(s, {"h", "hs", "hr", "hrs"})) {
      return s.empty();
    }
    marked = marked || !s.empty();
    clock = marked;
    return true;
  };
  if (!suffix(n.suffix)) return r;  // "28th", "3x"
  if (!spelled && n.suffix.empty() && (tk.gap(k) == ":" || tk.gap(k) == ".")) {
    const std::string_view next = tk.at(k + 1);
    const Num m = leading_number(next);
    if (m.value >= 0 && next.size() >= 2 && is_ascii_digit(next[1]) && suffix(m.suffix)) {
      r.want.minute = m.value;
      marked = clock = true;
      r.end = k + 2;
    }
  }

  for (std::size_t j = r.end, guard = 0; guard < 4; ++guard, r.end = j) {
    const std::string_view a = tk.at(j), b = tk.at(j + 1), c = tk.at(j + 2);
    bool clock_mark = true;
    if (a == "am" || a == "pm") {
      r.want.meridiem = a == "am" ? Meridiem::am : Meridiem::pm, j += 1;
    } else if ((a == "a" || a == "p") && b == "m" && trim(tk.gap(j)) == "") {
      r.want.meridiem = a == "a" ? Meridiem::am : Meridiem::pm, j += 2;  // "a.m."
    } else if (is_any(a, {"h", "hs", "hr", "hrs", "hora", "horas", "hours", "oclock"})) {
      j += 1;
    } else if (a == "y" && spanish_minutes(b) >= 0 && (!between || is_any(b, {"media", "cuarto"}))) {
      if (r.want.minute < 0) r.want.minute = spanish_minutes(b);
      j += 2;
    } else if (tk.phrase(j, {"menos", "cuarto"}) && r.want.minute < 0) {
      r.want.hour = r.want.hour == 1 ? 12 : r.want.hour == 13 ? 0 : r.want.hour - 1;  // "la una menos cuarto"
      r.want.minute = 45;
      j += 2;
    } else if (spelled && r.want.minute < 0 && tk.phrase(j, {"forty", "five"})) {
      r.want.minute = 45, j += 2;  // "at four forty five"
    } else if (spelled && r.want.minute < 0 && is_any(a, {"fifteen", "thirty", "fortyfive"})) {
      r.want.minute = a == "fifteen" ? 15 : a == "thirty" ? 30 : 45, j += 1;  // "at three thirty"
    } else if (tk.phrase(j, {"en", "punto"}) || tk.phrase(j, {"o", "clock"})) {
      j += 2;
    } else if (is_any(a, {"de", "por", "en"}) && b == "la" && is_any(c, {"tarde", "noche"})) {
      r.want.meridiem = Meridiem::pm, j += 3, clock_mark = false;
    } else if (is_any(a, {"de", "por", "en"}) && b == "la" && is_any(c, {"manana", "madrugada"})) {
      r.want.meridiem = Meridiem::am, j += 3, clock_mark = false;
    } else if (tk.phrase(j, {"del", "mediodia"}) || tk.phrase(j, {"at", "night"})) {
      r.want.meridiem = Meridiem::pm, j += 2, clock_mark = false;
    } else if (a == "in" && b == "the" && is_any(c, {"afternoon", "evening", "morning"})) {
      r.want.meridiem = c == "morning" ? Meridiem::am : Meridiem::pm, j += 3, clock_mark = false;
    } else {
      break;
    }
    marked = true;
    clock = clock || clock_mark;
  }

  if (spelled) {
    if (n.value == 1) {
      // "quiero una por la tarde", "the one in the afternoon" are not 1pm.
      r.ok = clock || is_any(prev, {"la", "at", "around", "about"});
    } else {
      // "las dos" is often "both"; a spelled hour needs "a las", "at" or a marker.
      r.ok = marked || is_any(prev, {"at", "around", "about"}) || (is_any(prev, {"las", "la"}) && prev2 == "a");
    }
    r.strong = true;
    return r;
  }
  marked = marked || is_any(prev, {"las", "la", "at", "around", "about"});
  if (!marked) {
    // A bare number next to a month, after "el"/"día"/a weekday, or inside
    // 28/11 is a date; one among other digit groups is a phone number.
    const std::string_view next = tk.at(k + 1);
    const std::string_view after = trim(tk.gap(k));
    const std::string_view before = trim(tk.gap_before(k));
    if (n.value > 23 || month_from_word(prev) != 0 || month_from_word(next) != 0 ||
        (is_any(next, {"de", "of"}) && month_from_word(tk.at(k + 2)) != 0) ||
        is_any(prev, {"el", "dia", "the"}) || is_weekday_word(prev) || after == "/" || after == "-" ||
        before == "/" || before == "-" || all_digits(prev) || all_digits(next) ||
        tk.gap_before(k).find_first_of("+(") != std::string_view::npos) {
      return r;
    }
  }
  r.ok = true;
  r.strong = marked;
  return r;
}

// One thing the message says: a clock time or a position.
struct Reading {
  bool clock = false;  // a clock time (else a position)
  bool strong = false;
  int position = 0;  // positions: 1-based, kLast or kMiddle
  Picks picks;       // empty: nothing offered matches
};

// An ordinal that belongs to a date: "Dec 1st", "el primero de diciembre",
// "the 1st of next month", "el primero del mes".
bool ordinal_is_date(const Tokens& tk, std::size_t k) {
  const std::string_view next = tk.at(k + 1), after = tk.at(k + 2);
  if (month_from_word(tk.before(k, 1)) != 0 || month_from_word(next) != 0) return true;
  if (is_any(next, {"de", "of"}) &&
      (month_from_word(after) != 0 || is_any(after, {"next", "this", "the", "este", "mes", "month"}))) {
    return true;
  }
  return next == "del" && after == "mes";
}

bool middle_word(const Tokens& tk, std::size_t k) {
  const std::string_view t = tk.w[k], prev = tk.before(k, 1), next = tk.at(k + 1);
  if (is_any(t, {"intermedia", "intermedio"})) return true;
  if (is_any(next, {"dia", "de", "del", "of", "name", "ground"})) return false;  // "medio día", "middle of the day"
  if (t == "middle") return true;
  if (t == "medio") return is_any(prev, {"del", "en"});   // "la del medio", "la de en medio"
  if (t == "mitad") return tk.before(k, 2) == "de" && prev == "la";  // "la de la mitad"
  return false;
}

// A range of hours: "entre las 2 y las 4", "between 2 and 4pm", "from 10
// to 12", "de 10 a 12 de la mañana". The slots starting from the first
// time up to and including the second; hours without am/pm are read the
// way that finds slots, the business-hours reading first.
struct RangeRead {
  bool ok = false;
  Wanted from, to;
  std::size_t end = 0;
  bool marked = false;  // "las" before it or am/pm on an end
};

bool hour_at(const Tokens& tk, std::size_t j) {
  const Num n = leading_number(tk.at(j));
  if (n.value >= 0) return n.value <= 23 && is_any(n.suffix, {"", "am", "pm", "h", "hs", "hr", "hrs"});
  return hour_word(tk.at(j)) >= 0;
}

// `j` is the word after "entre"/"between"/"from"/"de"/"desde", or the
// first hour of "2-4pm".
RangeRead read_range(const Tokens& tk, std::size_t j) {
  RangeRead r;
  const bool las = is_any(tk.at(j), {"las", "la"});
  if (las) ++j;
  if (!hour_at(tk, j)) return r;
  const TimeRead a = read_time(tk, j);
  j = a.end;
  if (trim(tk.gap(j - 1)) != "-") {
    if (!is_any(tk.at(j), {"y", "and", "a", "to", "till", "until", "hasta"})) return r;
    ++j;
  }
  if (is_any(tk.at(j), {"las", "la"})) ++j;
  if (j >= tk.w.size() || !hour_at(tk, j)) return r;
  const TimeRead b = read_time(tk, j);
  r = {true, a.want, b.want, b.end};
  r.marked = las || a.want.meridiem != Meridiem::none || b.want.meridiem != Meridiem::none;
  // "de 10 a 12 de la mañana": twelve there is noon.
  if (r.to.hour == 12 && r.to.meridiem == Meridiem::am && r.from.hour < 12) r.to.meridiem = Meridiem::none;
  // "de 10 a 12 de la mañana", "between 2 and 4pm": the end's am/pm may
  // be the whole range's.
  if (r.from.meridiem == Meridiem::none && r.to.meridiem == Meridiem::pm && r.from.hour < 12 &&
      r.from.hour + 12 < (r.to.hour < 12 ? r.to.hour + 12 : r.to.hour)) {
    r.from.meridiem = Meridiem::pm;
  }
  if (r.from.meridiem == Meridiem::none && r.to.meridiem == Meridiem::am && r.from.hour <= r.to.hour) {
    r.from.meridiem = Meridiem::am;
  }
  return r;
}

// The hours `w` may mean: as written and, without am/pm, 12 hours later.
std::vector<int> hour_readings(const Wanted& w) {
  if (w.hour > 23 || w.minute > 59) return {};
  switch (w.meridiem) {
    case Meridiem::pm:
      if (w.hour < 1) return {};
      return {w.hour < 12 ? w.hour + 12 : w.hour};
    case Meridiem::am:
      if (w.hour > 12) return {};
      return {w.hour == 12 ? 0 : w.hour};
    case Meridiem::none:
      break;
  }
  if (w.hour >= 1 && w.hour <= 11) return {w.hour, w.hour + 12};
  return {w.hour};
}

Picks range_slots(const RangeRead& r, const std::vector<Slot>& offered) {
  Picks preferred, other;
  bool preferred_found = false;
  for (const int a : hour_readings(r.from)) {
    for (const int b : hour_readings(r.to)) {
      const int from = a * 60 + std::max(r.from.minute, 0), to = b * 60 + std::max(r.to.minute, 0);
      if (to <= from || to - from > 12 * 60) continue;
      Picks in;
      for (std::size_t i = 0; i < offered.size(); ++i) {
        const int m = offered[i].hour * 60 + offered[i].minute;
        if (m >= from && m <= to) in.push_back(i);
      }
      const bool business = a >= kBusinessFirstHour && a <= kBusinessLastHour;
      if (business && !preferred_found && !in.empty()) preferred = in, preferred_found = true;
      if (!business && other.empty()) other = in;
    }
  }
  return preferred_found ? preferred : other;
}

// A range starting at word k: "entre"/"between" always; "from"/"de"/
// "desde" with "las", am/pm or nothing after it ("de 2 a 3 personas" is
// not a range); "2-4pm" when an end has am/pm. At the day step only with
// "las" or am/pm ("between 3 and 5" may be dates).
RangeRead ranged(const Tokens& tk, std::size_t k, bool day_step) {
  const std::string_view t = tk.w[k];
  if (is_any(t, {"entre", "between"})) {
    const RangeRead r = read_range(tk, k + 1);
    return r.ok && (r.marked || !day_step) ? r : RangeRead{};
  }
  if (is_any(t, {"from", "de", "desde"})) {
    const RangeRead r = read_range(tk, k + 1);
    return r.ok && (r.marked || (r.end == tk.w.size() && !day_step)) ? r : RangeRead{};
  }
  if (leading_number(t).value >= 0 && trim(tk.gap(k)) == "-" && !is_any(tk.before(k, 1), {"las", "la"})) {
    const RangeRead r = read_range(tk, k);
    return r.ok && (r.from.meridiem != Meridiem::none || r.to.meridiem != Meridiem::none) ? r : RangeRead{};
  }
  return {};
}

// Clock times and positions, as the message says them.
std::vector<Reading> scan(const Tokens& tk, const std::vector<Slot>& offered, bool day_step) {
  const Picks everything = all_of(offered);
  std::vector<Reading> out;
  auto position = [&](int pos) { out.push_back({false, true, pos, by_position(pos, everything)}); };
  auto clock = [&](const Wanted& w, bool strong) { out.push_back({true, strong, 0, match(w, offered)}); };
  for (std::size_t k = 0; k < tk.w.size(); ++k) {
    const std::string_view t = tk.w[k];
    const std::string_view prev = tk.before(k, 1);
    // At the day step every position word is about the day ("el primero").
    if (const int pos = ordinal(t, prev); pos != 0) {
      if (!day_step && !ordinal_is_date(tk, k)) position(pos);
    } else if (is_any(t, {"la", "el", "lo"}) && is_any(tk.at(k + 1), {"mas"}) &&
               is_any(tk.at(k + 2), {"temprano", "temprana", "pronto", "tarde", "tardia", "tardio"})) {
      // "la más temprana", "el más tarde": the first or the last one.
      if (!day_step) position(is_any(tk.at(k + 2), {"tarde", "tardia", "tardio"}) ? kLast : 1);
      k += 2;
    } else if (tk.phrase(k, {"lo", "antes", "posible"}) || tk.phrase(k, {"cuanto", "antes"}) ||
               tk.phrase(k, {"as", "early", "as", "possible"}) || tk.phrase(k, {"early", "one"})) {
      if (!day_step) position(1);
      k += 1;
    } else if (tk.phrase(k, {"late", "one"})) {
      if (!day_step) position(kLast);
      k += 1;
    } else if (is_any(t, {"option", "opcion"}) && leading_number(tk.at(k + 1)).suffix.empty() &&
               leading_number(tk.at(k + 1)).value >= 0) {
      if (!day_step) position(leading_number(tk.at(k + 1)).value);
      ++k;
    } else if (middle_word(tk, k)) {
      if (!day_step) position(kMiddle);
    } else if (const RangeRead range = ranged(tk, k, day_step); range.ok) {
      out.push_back({true, true, 0, range_slots(range, offered)});
      k = range.end - 1;
    } else if (is_any(t, {"mediodia", "noon", "midday"}) || tk.phrase(k, {"medio", "dia"})) {
      clock({12, -1, Meridiem::none}, true);
      k += t == "medio";
    } else if (is_any(t, {"medianoche", "midnight"})) {
      clock({0, -1, Meridiem::none}, true);
    } else if (is_any(t, {"half", "quarter"}) && is_any(tk.at(k + 1), {"past", "after", "to", "til", "till"})) {
      // "half past two", "quarter to five": the hour follows.
      const std::string_view h = tk.at(k + 2);
      const Num num = leading_number(h);
      if (hour_word(h) < 0 && !(num.value >= 0 && is_any(num.suffix, {"", "am", "pm"}))) continue;
      TimeRead r = read_time(tk, k + 2);
      if (r.want.minute >= 0) continue;  // "half past 2:30"
      r.want.minute = t == "half" ? 30 : 15;
      if (is_any(tk.at(k + 1), {"to", "til", "till"})) {
        if (t == "half") continue;
        r.want.hour = r.want.hour <= 1 ? 12 : r.want.hour - 1;
        r.want.minute = 45;
      }
      clock(r.want, true);
      k = std::max(r.end, k + 3) - 1;
    } else if (const TimeRead r = read_time(tk, k); r.ok) {
      if (r.strong || !day_step) clock(r.want, r.strong);
      k = r.end - 1;
    }
  }
  return out;
}

// ---- Parts of the day -------------------------------------------------

struct Range {
  int from = 0, to = 0;  // minutes of the day, [from, to)
};
constexpr Range kMorning{0, 12 * 60}, kEarlyMorning{0, 10 * 60}, kLateMorning{10 * 60, 12 * 60};
constexpr Range kAfternoon{12 * 60, 19 * 60}, kEarlyAfternoon{12 * 60, 15 * 60}, kLateAfternoon{15 * 60, 19 * 60};
constexpr Range kAfterLunch{13 * 60, 19 * 60}, kEvening{19 * 60, 24 * 60};

struct Dayparts {
  std::vector<Range> ranges;
  bool early = false;  // "temprano"/"early": the morning, else the earliest
  bool any() const { return !ranges.empty() || early; }
};

// Only spaces and apostrophes ("can't", "can’t") between two words.
bool plain_gap(std::string_view g) {
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g[i] == ' ' || g[i] == '\'') continue;
    if (g.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// "no por la tarde", "not in the morning", "no puedo en la mañana", "I
// can't do mornings": a negation within the 4 words before `start`, with
// nothing but spaces between.
bool negated_at(const Tokens& tk, std::size_t start) {
  for (std::size_t back = 1; back <= 4 && back <= start; ++back) {
    const std::size_t i = start - back;
    if (!plain_gap(tk.gap(i))) return false;
    const std::string_view w = tk.w[i];
    if (is_any(w, {"no", "not", "ni", "nor", "never", "nunca", "cannot", "cant", "dont"})) return true;
    if (w == "t" && is_any(tk.before(i, 1), {"can", "don", "won", "isn", "doesn"})) return true;
  }
  return false;
}

Dayparts find_dayparts(const Tokens& tk) {
  Dayparts d;
  auto add = [&](std::size_t start, Range r) {
    if (!negated_at(tk, start)) d.ranges.push_back(r);
  };
  for (std::size_t k = 0; k < tk.w.size(); ++k) {
    const std::string_view t = tk.w[k], prev = tk.before(k, 1), next = tk.at(k + 1);
    const bool greeting = is_any(prev, {"good", "buenas", "buenos", "buen"});
    // The first word of the phrase, where a negation would stop.
    std::size_t start = k;
    while (start > 0 && k - start < 3 &&
           is_any(tk.w[start - 1], {"la", "las", "the", "esta", "this", "por", "en", "de", "a", "in", "during",
                                    "early", "late", "do", "for"})) {
      --start;
    }
    if (is_any(t, {"morning", "mornings"}) && !greeting) {
      add(start, prev == "early" ? kEarlyMorning : prev == "late" ? kLateMorning : kMorning);
    } else if (is_any(t, {"manana", "mananas"}) && is_any(prev, {"la", "las", "esta"})) {
      add(start, kMorning);
    } else if (is_any(t, {"afternoon", "afternoons"}) && !greeting) {
      add(start, prev == "early" ? kEarlyAfternoon : prev == "late" ? kLateAfternoon : kAfternoon);
    } else if (is_any(t, {"tarde", "tardes"}) && is_any(prev, {"la", "las", "esta"})) {
      // "a última hora de la tarde", "al final de la tarde", "temprano en la tarde".
      const bool late = (tk.before(start, 1) == "hora" && tk.before(start, 2) == "ultima") ||
                        tk.before(start, 1) == "final";
      const bool early = tk.before(start, 1) == "temprano";
      add(start, late ? kLateAfternoon : early ? kEarlyAfternoon : kAfternoon);
    } else if (is_any(t, {"evening", "evenings", "tonight"}) && !greeting) {
      add(start, kEvening);
    } else if (is_any(t, {"noche", "noches"}) && is_any(prev, {"la", "las", "esta", "de"})) {
      add(start, kEvening);
    } else if (tk.w.size() == 1 && is_any(t, {"tarde", "tardes", "noche"})) {
      add(k, t == "noche" ? kEvening : kAfternoon);  // the whole answer: "Tarde"
    } else if (tk.phrase(k, {"at", "night"})) {
      add(k, kEvening);
    } else if (is_any(t, {"after", "despues"}) &&
               (tk.phrase(k + 1, {"lunch"}) || tk.phrase(k + 1, {"de", "comer"}) ||
                tk.phrase(k + 1, {"de", "almorzar"}) || tk.phrase(k + 1, {"del", "almuerzo"}))) {
      add(k, kAfterLunch);
    } else if (is_any(t, {"before", "antes"}) &&
               (tk.phrase(k + 1, {"lunch"}) || tk.phrase(k + 1, {"de", "comer"}) ||
                tk.phrase(k + 1, {"de", "almorzar"}) || tk.phrase(k + 1, {"del", "almuerzo"}))) {
      add(k, kMorning);
    } else if (is_any(t, {"temprano", "tempranito", "early"}) && !is_any(prev, {"mas", "as", "too", "muy"}) &&
               !is_any(next, {"morning", "afternoon", "evening", "one", "as", "en", "por", "de"})) {
      // "más temprano" is "earlier"; "early afternoon" is read above.
      d.early = d.early || !negated_at(tk, k);
    } else if (tk.phrase(k, {"muy", "temprano"}) || tk.phrase(k, {"bien", "temprano"})) {
      d.early = d.early || !negated_at(tk, k);
      ++k;
    }
  }
  return d;
}

bool in_range(const Slot& s, Range r) {
  const int m = s.hour * 60 + s.minute;
  return m >= r.from && m < r.to;
}

// The offered slots in the parts of the day named, in offered order.
Picks daypart_slots(const Dayparts& d, const std::vector<Slot>& offered) {
  Picks out;
  for (std::size_t i = 0; i < offered.size(); ++i) {
    bool fits = d.early && in_range(offered[i], kMorning);
    for (const Range r : d.ranges) fits = fits || in_range(offered[i], r);
    if (fits) out.push_back(i);
  }
  if (out.empty() && d.early && !offered.empty()) {
    // Early with nothing in the morning: the earliest start time of the day.
    int earliest = 24 * 60;
    for (const Slot& s : offered) earliest = std::min(earliest, s.hour * 60 + s.minute);
    Picks firsts;
    for (std::size_t i = 0; i < offered.size(); ++i) {
      if (offered[i].hour * 60 + offered[i].minute == earliest) firsts.push_back(i);
    }
    // Only when no other part of the day was named that had nothing.
    if (d.ranges.empty()) return firsts;
  }
  return out;
}

TimeReading of_picks(Picks picks) {
  small_sort(picks.begin(), picks.end());
  picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
  TimeReading r;
  if (picks.empty()) return r;
  r.kind = picks.size() == 1 ? TimeReading::Kind::one : TimeReading::Kind::several;
  r.picks = std::move(picks);
  return r;
}

// All readings of one tier together: a time not offered wins (so the bot
// says so), then a position not offered (nothing to go on), else every
// slot named.
TimeReading settle(const std::vector<Reading>& tier) {
  bool clock_missing = false, position_missing = false;
  Picks all;
  for (const Reading& r : tier) {
    if (r.picks.empty()) (r.clock ? clock_missing : position_missing) = true;
    all.insert(all.end(), r.picks.begin(), r.picks.end());
  }
  if (clock_missing) return {TimeReading::Kind::not_offered, {}};
  if (position_missing) return {};
  return of_picks(std::move(all));
}

}  // namespace

TimeReading read_time_choice(std::string_view text, const std::vector<Slot>& offered, bool day_step) {
  const std::string folded = fold(text);
  const Tokens tk{folded, words(folded)};
  std::vector<Reading> readings = scan(tk, offered, day_step);
  const Dayparts dayparts = find_dayparts(tk);
  std::vector<Reading> strong, weak;
  for (Reading& r : readings) (r.strong ? strong : weak).push_back(std::move(r));

  if (!strong.empty()) {
    // "la primera de la tarde": a position outside the part of the day
    // named counts within it.
    const bool positions_only =
        std::none_of(strong.begin(), strong.end(), [](const Reading& r) { return r.clock; });
    if (positions_only && dayparts.any()) {
      const Picks within = daypart_slots(dayparts, offered);
      const bool all_inside = std::all_of(strong.begin(), strong.end(), [&](const Reading& r) {
        return std::all_of(r.picks.begin(), r.picks.end(), [&](std::size_t i) {
          return std::find(within.begin(), within.end(), i) != within.end();
        });
      });
      if (!within.empty() && !all_inside) {
        for (Reading& r : strong) r.picks = by_position(r.position, within);
      }
    }
    return settle(strong);
  }
  if (!weak.empty()) return settle(weak);
  if (dayparts.any()) {
    TimeReading r = of_picks(daypart_slots(dayparts, offered));
    if (r.kind == TimeReading::Kind::none) r.kind = TimeReading::Kind::not_offered;
    return r;
  }
  return {};
}

std::optional<std::size_t> choose_slot(std::string_view text, const std::vector<Slot>& offered) {
  if (offered.empty()) return std::nullopt;
  const TimeReading r = read_time_choice(text, offered);
  if (r.kind != TimeReading::Kind::one) return std::nullopt;
  return r.picks.front();
}

}  // namespace booking

BOOKING_SMALL_CODE_END
