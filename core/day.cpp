#include "day.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// "24/11" said on 25/11 names a date that just passed, not next year's.
constexpr int kLookBackDays = 7;
constexpr int kMaxAheadDays = 365;

struct Named {
  std::string_view word;
  int value;
};

// Spanish abbreviations are left out on purpose: "mar" is also "sea",
// "sab" and "dom" are common name fragments.
constexpr Named kWeekdays[] = {
    {"domingo", 0},   {"sunday", 0},    {"sun", 0},      {"lunes", 1},    {"monday", 1},
    {"mon", 1},       {"martes", 2},    {"tuesday", 2},  {"tue", 2},      {"tues", 2},
    {"miercoles", 3}, {"wednesday", 3}, {"wed", 3},      {"weds", 3},     {"jueves", 4},
    {"thursday", 4},  {"thu", 4},       {"thur", 4},     {"thurs", 4},    {"viernes", 5},
    {"friday", 5},    {"fri", 5},       {"sabado", 6},   {"saturday", 6}, {"sat", 6},
};

constexpr Named kMonths[] = {
    {"enero", 1},      {"january", 1},  {"jan", 1},       {"ene", 1},        {"febrero", 2},
    {"february", 2},   {"feb", 2},      {"marzo", 3},     {"march", 3},      {"mar", 3},
    {"abril", 4},      {"april", 4},    {"apr", 4},       {"abr", 4},        {"mayo", 5},
    {"may", 5},        {"junio", 6},    {"june", 6},      {"jun", 6},        {"julio", 7},
    {"july", 7},       {"jul", 7},      {"agosto", 8},    {"august", 8},     {"aug", 8},
    {"ago", 8},        {"septiembre", 9}, {"setiembre", 9}, {"september", 9}, {"sep", 9},
    {"sept", 9},       {"octubre", 10}, {"october", 10},  {"oct", 10},       {"noviembre", 11},
    {"november", 11},  {"nov", 11},     {"diciembre", 12}, {"december", 12}, {"dec", 12},
    {"dic", 12},
};

template <std::size_t N>
int lookup(const Named (&table)[N], std::string_view w) {
  for (const auto& n : table) {
    if (n.word == w) return n.value;
  }
  return -1;
}

bool is_any(std::string_view w, std::initializer_list<std::string_view> options) {
  for (auto o : options) {
    if (w == o) return true;
  }
  return false;
}

// Full weekday names a misspelling is measured against (abbreviations are
// too short to guess from).
constexpr Named kWeekdayNames[] = {
    {"domingo", 0}, {"sunday", 0},   {"lunes", 1},     {"monday", 1},   {"martes", 2},
    {"tuesday", 2}, {"miercoles", 3}, {"wednesday", 3}, {"jueves", 4},   {"thursday", 4},
    {"viernes", 5}, {"friday", 5},   {"sabado", 6},    {"saturday", 6},
};

// Ordinary words one edit away from a weekday name: never read as a typo.
constexpr std::string_view kNotWeekdays[] = {
    "lunas",  "lanes",  "lines",  "tunes",   "dunes",   "runes",  "lunges", "lungs",  "lutes",
    "lures",  "luces",  "luges",  "nunes",   "partes",  "mares",  "artes",  "marte",  "martel",
    "marten", "martens", "mates", "marts",   "jueces",  "nueves", "mueves", "jeeves", "vienes",
    "salado", "sabido", "sobado", "sanado",  "sacado",  "sabalo", "dominio", "domino", "dominga",
    "sundae", "sundry", "sunray", "monda",  "frida",
};

// Whether `a` and `b` differ by at most one insertion, deletion,
// substitution or swap of two adjacent letters.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;  // equal, or one letter added at the end
  if (a.size() != b.size()) return a.substr(i + 1) == b.substr(i);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

// "jeuves", "tuesdy", "wendesday" → the weekday; -1 unless the word has 5+
// letters, is one edit from exactly one weekday and is no ordinary word.
int misspelled_weekday(std::string_view w) {
  if (w.size() < 5) return -1;
  for (char c : w) {
    if (!is_ascii_alpha(c)) return -1;
  }
  for (auto common : kNotWeekdays) {
    if (w == common) return -1;
  }
  int found = -1;
  for (const auto& n : kWeekdayNames) {
    if (!within_one_edit(w, n.word)) continue;
    if (found >= 0 && found != n.value) return -1;
    found = n.value;
  }
  return found;
}

// "28", "3rd", "1ro" → day of month; "primero"/"first" only when allowed
// (next to a month name). 0 when not a day number.
int day_number(std::string_view w, bool allow_words) {
  if (allow_words && is_any(w, {"primero", "first"})) return 1;
  std::size_t n = 0;
  int v = 0;
  while (n < w.size() && n < 3 && is_ascii_digit(w[n])) v = v * 10 + (w[n++] - '0');
  if (n == 0 || n > 2 || !is_any(w.substr(n), {"", "st", "nd", "rd", "th", "ro"})) return 0;
  return v >= 1 && v <= 31 ? v : 0;
}

int year_number(std::string_view w) {
  if (w.size() != 4) return 0;
  int v = 0;
  for (char c : w) {
    if (!is_ascii_digit(c)) return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

long serial(Date d) { return days_from_civil(d); }

// The first valid date among `candidates` (in time order) that is not
// older than the look-back window.
std::optional<Date> first_recent(std::initializer_list<Date> candidates, Date today) {
  for (const Date& c : candidates) {
    if (is_valid(c) && serial(c) >= serial(today) - kLookBackDays) return c;
  }
  return std::nullopt;
}

std::optional<Date> month_day(int month, int day, Date today) {
  const int y = today.year;
  return first_recent({{y - 1, month, day}, {y, month, day}, {y + 1, month, day}}, today);
}

// "el 28": this month, else the next month that has that day.
std::optional<Date> day_only(int day, Date today) {
  auto shift = [&](int k) {
    const int m0 = today.month - 1 + k;
    const int y = today.year + (m0 < 0 ? -1 : m0 / 12);
    return Date{y, (m0 + 12) % 12 + 1, day};
  };
  return first_recent({shift(-1), shift(0), shift(1), shift(2)}, today);
}

// Everything the message says about the day; the caller checks agreement.
struct Findings {
  std::vector<Date> dates;
  int weekday = -1;
  bool conflict = false;  // two different weekdays, or an impossible date
  bool in_words = false;  // a weekday, month or relative day word was read

  void add(std::optional<Date> d) {
    if (d) {
      dates.push_back(*d);
    } else {
      conflict = true;
    }
  }
  void add_weekday(int w) {
    if (weekday >= 0 && weekday != w) conflict = true;
    weekday = w;
  }
};

bool is_alnum(char c) { return is_ascii_digit(c) || is_ascii_alpha(c); }

// Numeric dates "28/11", "11/28", "28-11-2026", "2026-12-03". Each one found
// is blanked out of `s` so its numbers are not read again as "el 28".
// Of two readings of one numeric date, the nearer one after today (a past
// reading loses to a future one).
std::optional<Date> nearer(std::optional<Date> a, std::optional<Date> b, Date today) {
  if (!a || !b) return a ? a : b;
  const long t = days_from_civil(today);
  const long da = days_from_civil(*a) - t, db = days_from_civil(*b) - t;
  if ((da > 0) != (db > 0)) return da > 0 ? a : b;
  return (da > 0 ? da <= db : da >= db) ? a : b;
}

void scan_numeric(std::string& s, Date today, Findings& f, bool either_order) {
  for (std::size_t i = 0; i < s.size();) {
    // Digits glued to letters, or after ':' / '.', belong to something else
    // (a time "10:00-11:00", a reference).
    if (!is_ascii_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == ':' || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    int part[4] = {0, 0, 0, 0};
    std::size_t len[4] = {0, 0, 0, 0};
    std::size_t parts = 0, j = i;
    char sep = 0;
    while (parts < 4) {
      while (j < s.size() && is_ascii_digit(s[j]) && len[parts] < 5) {
        part[parts] = part[parts] * 10 + (s[j] - '0');
        ++len[parts], ++j;
      }
      ++parts;
      if (j + 1 >= s.size() || !is_ascii_digit(s[j + 1])) break;
      if (s[j] != '/' && s[j] != '-') break;
      if (sep != 0 && s[j] != sep) break;
      sep = s[j++];
    }
    const std::size_t end = j;
    if (parts < 2 || parts > 3 || (end < s.size() && (is_ascii_digit(s[end]) || s[end] == ':'))) {
      i = end;
      continue;
    }
    std::optional<Date> d;
    if (parts == 3 && len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
      const Date iso{part[0], part[1], part[2]};
      if (is_valid(iso)) d = iso;
    } else if (len[0] <= 2 && len[1] <= 2 && (parts == 2 || len[2] == 2 || len[2] == 4)) {
      int day = part[0], month = part[1];
      if (day <= 12 && month > 12) std::swap(day, month);  // "11/28" can only be month/day
      const auto read = [&](int dd, int mm) -> std::optional<Date> {
        if (mm < 1 || mm > 12) return std::nullopt;
        if (parts == 2) return month_day(mm, dd, today);
        const Date full{len[2] == 2 ? 2000 + part[2] : part[2], mm, dd};
        return is_valid(full) ? std::optional<Date>(full) : std::nullopt;
      };
      d = read(day, month);
      // "12/3" from an English speaker may be December 3 (month/day) or 12
      // March (day/month): the nearer of the two upcoming dates.
      if (either_order && day <= 12 && month <= 12 && day != month) d = nearer(d, read(month, day), today);
    } else {
      i = end;  // a phone number or similar: not a date at all
      continue;
    }
    f.add(d);
    for (std::size_t k = i; k < end; ++k) s[k] = ' ';
    i = end;
  }
}

// "28 de noviembre", "noviembre 28", "Nov 28th", "the 3rd of December",
// "December 3, 2027". A month name without a day number says nothing.
void scan_months(const std::vector<std::string_view>& w, std::vector<bool>& used, Date today,
                 Findings& f) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    const int month = lookup(kMonths, w[i]);
    if (month < 0) continue;
    int day = 0;
    std::size_t last = i;
    if (i >= 1 && !used[i - 1] && (day = day_number(w[i - 1], true)) != 0) {
      used[i - 1] = true;
    } else if (i >= 2 && !used[i - 2] && is_any(w[i - 1], {"de", "of"}) &&
               (day = day_number(w[i - 2], true)) != 0) {
      used[i - 2] = used[i - 1] = true;
    } else {
      std::size_t j = i + 1;
      if (j < w.size() && is_any(w[j], {"the", "el"})) ++j;
      if (j < w.size() && (day = day_number(w[j], true)) != 0) {
        for (std::size_t k = i + 1; k <= j; ++k) used[k] = true;
        last = j;
      }
    }
    if (day == 0) continue;
    used[i] = true;
    std::size_t j = last + 1;
    if (j < w.size() && is_any(w[j], {"de", "del", "of"})) ++j;
    if (j < w.size() && year_number(w[j]) != 0) {
      for (std::size_t k = last + 1; k <= j; ++k) used[k] = true;
      const Date full{year_number(w[j]), month, day};
      f.add(is_valid(full) ? std::optional<Date>(full) : std::nullopt);
      f.in_words = true;
    } else {
      f.add(month_day(month, day, today));
      f.in_words = true;
    }
  }
}

bool has_ordinal_suffix(std::string_view w) {
  return day_number(w, false) != 0 && !is_ascii_digit(w.back());
}

// After "the first", "el primero", "3rd": words that make it an option or a
// count ("the first one", "el primero que tengas", "the 2nd option",
// "el primero de esos"), not a day of the month.
bool ordinal_names_a_thing(const std::vector<std::string_view>& w, std::size_t k) {
  if (k >= w.size()) return false;
  if (is_any(w[k], {"one", "ones", "option", "options", "opcion", "opciones", "choice", "time", "times",
                    "slot", "slots", "hueco", "huecos", "turno", "day", "days", "dia", "dias", "week",
                    "semana", "floor", "piso", "available", "disponible", "free", "libre", "que", "you",
                    "thing", "cosa", "hora", "horas"})) {
    return true;
  }
  return is_any(w[k], {"of", "de", "del"}) && k + 1 < w.size() &&
         is_any(w[k + 1], {"them", "those", "these", "esos", "esas", "estos", "estas", "ellos", "ellas",
                           "la", "las", "los", "lista", "list"});
}

// Whether the number w[k] is an hour: "5:30", "5 pm", "5 p.m.", "5 y media",
// "5 de la tarde", "5 a 6", "5 en punto", "5 o'clock".
bool is_hour_number(std::string_view s, const std::vector<std::string_view>& w, std::size_t k) {
  const std::size_t end = static_cast<std::size_t>(w[k].data() - s.data()) + w[k].size();
  if (end < s.size() && (s[end] == ':' || (s[end] == '.' && end + 1 < s.size() && is_ascii_digit(s[end + 1])))) {
    return true;
  }
  auto word = [&](std::size_t j) { return j < w.size() ? w[j] : std::string_view(); };
  const auto next = word(k + 1), after = word(k + 2);
  if (is_any(next, {"pm", "am", "p", "h", "hs", "hrs", "horas", "hora", "hours", "oclock"})) return true;
  if (next == "a" && (after == "m" || day_number(after, false) != 0)) return true;  // "a.m.", "5 a 6"
  if (next == "y" && (is_any(after, {"media", "cuarto", "pico"}) || day_number(after, false) != 0)) return true;
  if (next == "en" && after == "punto") return true;
  if (next == "o" && after == "clock") return true;
  if ((next == "de" || next == "in") && is_any(after, {"la", "the"}) &&
      is_any(word(k + 3), {"tarde", "manana", "noche", "madrugada", "afternoon", "morning", "evening"})) {
    return true;
  }
  return false;
}

// Weekdays, relative days and "el 28".
void scan_words(std::string_view s, const std::vector<std::string_view>& w, const std::vector<bool>& used,
                Date today, Findings& f) {
  auto at = [&](std::size_t k) { return k < w.size() && !used[k] ? w[k] : std::string_view(); };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string_view t = at(i);
    if (t.empty()) continue;
    const std::string_view prev = i > 0 ? at(i - 1) : std::string_view();
    int wd = -1;
    if (is_any(t, {"hoy", "today", "tonight"}) ||
        (prev == "esta" && is_any(t, {"manana", "tarde", "noche"})) ||
        (prev == "this" && is_any(t, {"morning", "afternoon", "evening"}))) {
      f.add(today);
      f.in_words = true;
    } else if (t == "pasado" && at(i + 1) == "manana") {
      f.in_words = true;
      f.add(add_days(today, 2));
      ++i;
    } else if (t == "day" && at(i + 1) == "after" && at(i + 2) == "tomorrow") {
      f.in_words = true;
      f.add(add_days(today, 2));
      i += 2;
    } else if (t == "manana") {
      // "por la mañana", "esta mañana", "toda la mañana" are the morning.
      if (!is_any(prev, {"la", "una", "cada", "media", "toda"})) {
        f.add(add_days(today, 1));
        f.in_words = true;
      }
    } else if (is_any(t, {"tomorrow", "tmrw", "tomorow", "tommorow", "tommorrow"})) {
      f.add(add_days(today, 1));
      f.in_words = true;
    } else if ((wd = lookup(kWeekdays, t)) >= 0 || (wd = misspelled_weekday(t)) >= 0) {
      f.add_weekday(wd);
      f.in_words = true;
      // "jueves 26", "el viernes 4", "Friday 5th" are dates; a bare small
      // number that is no such weekday ("jueves 4", "Friday 5") or an hour
      // ("el jueves 4 pm", "el jueves 4:30") is the time of day.
      const int n = at(i + 1).empty() ? 0 : day_number(at(i + 1), false);
      if (n == 0 || is_hour_number(s, w, i + 1)) continue;
      const auto d = day_only(n, today);
      const bool article = prev == "el" || (is_any(prev, {"proximo", "este"}) && i >= 2 && at(i - 2) == "el");
      if (n > 12 || (d && weekday(*d) == wd) || article || has_ordinal_suffix(at(i + 1))) {
        f.add(d);
        ++i;
      }
    } else if (is_any(t, {"el", "dia", "the"})) {
      const std::string_view next = at(i + 1);
      if (const int d = next.empty() ? 0 : day_number(next, false); d != 0 && !is_hour_number(s, w, i + 1)) {
        if (!has_ordinal_suffix(next) || !ordinal_names_a_thing(w, i + 2)) f.add(day_only(d, today));
        ++i;
      } else if (is_any(next, {"first", "primero"}) && !ordinal_names_a_thing(w, i + 2)) {
        f.add(day_only(1, today));  // "the first", "el primero"
        ++i;
      }
    } else if (has_ordinal_suffix(t) && !ordinal_names_a_thing(w, i + 1)) {
      f.add(day_only(day_number(t, false), today));  // "21st", "on 3rd"
    }
  }
}

// "cuanto antes", "whenever suits you": the lead takes the first free day.
constexpr std::string_view kEarliest[] = {
    "cuanto antes", "lo antes posible", "lo mas pronto posible", "lo mas pronto", "cuando sea",
    "el primer dia que tengas", "el primer dia disponible", "el primer dia libre", "primer dia que tengas",
    "primer dia disponible", "primer dia libre", "el primero que tengas", "el primero disponible",
    "el dia que tengas", "el que tengas libre", "cualquier dia", "cualquiera", "el dia mas cercano",
    "el mas cercano", "la fecha mas cercana", "me da igual el dia", "el dia que sea", "whenever",
    "earliest", "the soonest", "soonest", "as soon as possible", "as soon as you can", "asap",
    "first available", "first day available", "first free day", "first day you have", "any day",
    "whatever day", "whichever day", "no preference", "sin preferencia",
};

// "la semana que viene", "next week": the week after this Monday-to-Sunday one.
constexpr std::string_view kNextWeek[] = {
    "semana que viene", "proxima semana", "semana proxima", "siguiente semana", "semana siguiente",
    "semana entrante", "la otra semana", "next week", "following week",
};

bool is_negation(std::string_view w) {
  return is_any(w, {"no", "not", "ni", "nunca", "never", "t", "cant", "dont", "wont", "cannot"});
}

// Whether one of `phrases` is said and not denied: "no" or "not" right
// before it ("not next week", "no la semana que viene", "can't do next week"),
// or "no" at a stop or before a verb right after ("la semana que viene no,
// ...", "la semana que viene no puedo").
template <std::size_t N>
bool says(std::string_view s, const std::vector<std::string_view>& w, const std::string_view (&phrases)[N]) {
  for (auto phrase : phrases) {
    const std::size_t len = static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    for (std::size_t i = 0; i + len <= w.size(); ++i) {
      if (!phrase_at(w, i, phrase)) continue;
      // A stop after a word ends what it says: "no, cuanto antes" is no denial.
      auto stop_after = [&](std::size_t k) {
        const std::size_t end = static_cast<std::size_t>(w[k].data() - s.data()) + w[k].size();
        return k + 1 == w.size() || (end < s.size() && is_any(s.substr(end, 1), {",", ".", ";", "!", "?"}));
      };
      auto negates = [&](std::size_t k) { return is_negation(w[k]) && !stop_after(k); };
      bool denied = i >= 1 && negates(i - 1);
      if (i >= 2 && is_any(w[i - 1], {"la", "el", "do", "on", "for", "be", "para", "es"})) {
        denied = denied || negates(i - 2);
      }
      const std::size_t after = i + len;
      if (after < w.size() && w[after] == "no" &&
          (stop_after(after) || is_any(w[after + 1], {"puedo", "podemos", "puede", "me", "nos", "es", "estoy", "voy",
                                                      "tengo", "sirve", "va"}))) {
        denied = true;
      }
      if (!denied) return true;
    }
  }
  return false;
}

// "cualquier día menos el lunes", "any day except Friday": an exception.
bool says_except(const std::vector<std::string_view>& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (is_any(w[i], {"menos", "excepto", "salvo", "except", "excluding", "besides"})) return true;
    if (is_any(w[i], {"but", "pero"}) && i + 1 < w.size() && is_negation(w[i + 1])) return true;
    if (i + 1 < w.size() && ((w[i] == "other" && w[i + 1] == "than") || (w[i] == "apart" && w[i + 1] == "from"))) {
      return true;
    }
  }
  return false;
}

Date monday_of_next_week(Date today) { return add_days(today, 7 - (weekday(today) + 6) % 7); }

Date next_weekday(int w, Date today, bool next_week) {
  if (next_week) return add_days(monday_of_next_week(today), (w + 6) % 7);
  const int delta = (w - weekday(today) + 7) % 7;
  return add_days(today, delta == 0 ? 7 : delta);
}

}  // namespace

int month_from_word(std::string_view folded_word) {
  const int m = lookup(kMonths, folded_word);
  return m < 0 ? 0 : m;
}

namespace {
DayAnswer resolve(std::string_view text, Date today, const Weekdays& bookable, bool either_order, bool& in_words);
}  // namespace

DayAnswer resolve_day(std::string_view text, Date today, const Weekdays& bookable, bool either_order) {
  bool in_words = false;
  DayAnswer a = resolve(text, today, bookable, either_order, in_words);
  a.in_words = in_words || a.kind != DayKind::date;
  return a;
}

namespace {
DayAnswer resolve(std::string_view text, Date today, const Weekdays& bookable, bool either_order, bool& in_words) {
  if (!is_valid(today)) return {};
  std::string s = fold(text);
  Findings f;
  scan_numeric(s, today, f, either_order);
  const auto w = words(s);
  std::vector<bool> used(w.size(), false);
  scan_months(w, used, today, f);
  scan_words(s, w, used, today, f);

  in_words = f.in_words;
  if (f.conflict) return {};
  const bool earliest = says(s, w, kEarliest);
  const bool named = !f.dates.empty() || f.weekday >= 0;
  // "cualquier día menos el lunes": the day named is the one NOT wanted.
  if (earliest && named && says_except(w)) return {};
  const bool next_week = says(s, w, kNextWeek);
  Date date{};
  if (!f.dates.empty()) {
    date = f.dates.front();
    for (const Date& d : f.dates) {
      if (d != date) return {};
    }
    if (f.weekday >= 0 && weekday(date) != f.weekday) {  // "jueves 4/12" (a Friday)
      if (serial(date) - serial(today) > kMaxAheadDays) return {};
      return {date, DayError::mismatch};
    }
  } else if (f.weekday >= 0) {
    date = next_weekday(f.weekday, today, next_week);
  } else if (next_week) {
    return {monday_of_next_week(today), DayError::none, DayKind::next_week};
  } else if (earliest) {
    return {add_days(today, 1), DayError::none, DayKind::earliest};
  } else {
    return {};
  }

  const long ahead = serial(date) - serial(today);
  if (ahead <= 0) return {date, DayError::past};
  if (ahead > kMaxAheadDays) return {};
  if (!bookable[static_cast<std::size_t>(weekday(date))]) return {date, DayError::not_bookable};
  return {date, DayError::none};
}
}  // namespace

// The lead turns down the day offered and wants another one.
bool asks_other_day(std::string_view text) {
  const std::string s = fold(text);
  const auto w = words(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string_view prev = i > 0 ? w[i - 1] : std::string_view();
    const std::string_view next = i + 1 < w.size() ? w[i + 1] : std::string_view();
    // "otro día", "otra fecha", "another day", "some other day", "a
    // different date"; but "el otro día" / "the other day" is the past.
    if (is_any(w[i], {"otro", "otra", "another", "other", "different", "distinto", "distinta", "diferente"}) &&
        is_any(next, {"dia", "fecha", "day", "date"}) && !is_any(prev, {"el", "la", "the", "that"})) {
      return true;
    }
    if (is_any(w[i], {"dia", "fecha"}) && is_any(next, {"distinto", "distinta", "diferente"})) return true;
    // "ninguno de esos días", "ninguna me sirve", "no me sirve ninguno".
    if (is_any(w[i], {"ninguno", "ninguna", "ningunos", "ningunas"}) &&
        (next.empty() || is_any(next, {"de", "me", "nos", "le", "les", "va", "sirve", "sirven", "funciona",
                                       "puedo", "podemos", "vale", "cuadra", "conviene", "encaja", "porfa",
                                       "gracias"}))) {
      return true;
    }
    // "none of those work", "none of them", "neither works".
    if (w[i] == "none" && (next.empty() || is_any(next, {"of", "work", "works", "suit", "suits", "fit", "fits"}))) {
      return true;
    }
    if (w[i] == "neither" && (next.empty() || is_any(next, {"of", "work", "works", "day", "suits", "one"}))) {
      return true;
    }
  }
  return false;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
