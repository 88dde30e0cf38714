#include "day.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text.hpp"

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
    } else {
      f.add(month_day(month, day, today));
    }
  }
}

// Weekdays, relative days and "el 28".
void scan_words(const std::vector<std::string_view>& w, const std::vector<bool>& used,
                Date today, Findings& f) {
  auto at = [&](std::size_t k) { return k < w.size() && !used[k] ? w[k] : std::string_view(); };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string_view t = at(i);
    if (t.empty()) continue;
    const std::string_view prev = i > 0 ? at(i - 1) : std::string_view();
    if (is_any(t, {"hoy", "today", "tonight"}) ||
        (prev == "esta" && is_any(t, {"manana", "tarde", "noche"})) ||
        (prev == "this" && is_any(t, {"morning", "afternoon", "evening"}))) {
      f.add(today);
    } else if (t == "pasado" && at(i + 1) == "manana") {
      f.add(add_days(today, 2));
      ++i;
    } else if (t == "day" && at(i + 1) == "after" && at(i + 2) == "tomorrow") {
      f.add(add_days(today, 2));
      i += 2;
    } else if (t == "manana") {
      // "por la mañana", "esta mañana", "toda la mañana" are the morning.
      if (!is_any(prev, {"la", "una", "cada", "media", "toda"})) {
        f.add(add_days(today, 1));
      }
    } else if (is_any(t, {"tomorrow", "tmrw", "tomorow", "tommorow", "tommorrow"})) {
      f.add(add_days(today, 1));
    } else if (const int wd = lookup(kWeekdays, t); wd >= 0) {
      f.add_weekday(wd);
      // "jueves 26" is a date; "jueves 4" that is no Thursday is an hour,
      // while "jueves 27" (a Friday) is a mistake worth asking about.
      const int n = day_number(at(i + 1), false);
      const auto d = day_only(n, today);
      if (n > 12 || (d && weekday(*d) == wd)) {
        f.add(d);
        ++i;
      }
    } else if (is_any(t, {"el", "dia", "the"})) {
      if (const int d = day_number(at(i + 1), false); d != 0) {
        f.add(day_only(d, today));
        ++i;
      }
    }
  }
}

Date next_weekday(int w, Date today, bool next_week) {
  const int today_w = weekday(today);
  if (next_week) {  // the weekday inside next Monday-to-Sunday week
    const Date monday = add_days(today, 7 - (today_w + 6) % 7);
    return add_days(monday, (w + 6) % 7);
  }
  const int delta = (w - today_w + 7) % 7;
  return add_days(today, delta == 0 ? 7 : delta);
}

}  // namespace

int month_from_word(std::string_view folded_word) {
  const int m = lookup(kMonths, folded_word);
  return m < 0 ? 0 : m;
}

DayAnswer resolve_day(std::string_view text, Date today, const Weekdays& bookable, bool either_order) {
  if (!is_valid(today)) return {};
  std::string s = fold(text);
  Findings f;
  scan_numeric(s, today, f, either_order);
  const auto w = words(s);
  std::vector<bool> used(w.size(), false);
  scan_months(w, used, today, f);
  scan_words(w, used, today, f);

  if (f.conflict) return {};
  Date date{};
  if (!f.dates.empty()) {
    date = f.dates.front();
    for (const Date& d : f.dates) {
      if (d != date) return {};
    }
    if (f.weekday >= 0 && weekday(date) != f.weekday) return {};  // "jueves 4/12" (a Friday)
  } else if (f.weekday >= 0) {
    const bool next_week = has_phrase(s, "semana que viene") || has_phrase(s, "proxima semana") ||
                           has_phrase(s, "siguiente semana") || has_phrase(s, "semana siguiente") ||
                           has_phrase(s, "la otra semana") || has_phrase(s, "next week");
    date = next_weekday(f.weekday, today, next_week);
  } else {
    return {};
  }

  const long ahead = serial(date) - serial(today);
  if (ahead <= 0) return {date, DayError::past};
  if (ahead > kMaxAheadDays) return {};
  if (!bookable[static_cast<std::size_t>(weekday(date))]) return {date, DayError::not_bookable};
  return {date, DayError::none};
}

}  // namespace booking
