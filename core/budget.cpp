#include "budget.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// Values are kept in thousandths of a unit so "2.5k" and "1.500,50" stay
// exact; everything saturates at kOver, one past the largest budget we take.
constexpr std::int64_t kMilli = 1000;
constexpr std::int64_t kMaxUnits = 1'000'000'000;
constexpr std::int64_t kOver = kMaxUnits * kMilli + 1;

std::int64_t sat_mul(std::int64_t a, std::int64_t b) { return a > kOver / b ? kOver : std::min(a * b, kOver); }
std::int64_t sat_add(std::int64_t a, std::int64_t b) { return std::min(a + b, kOver); }

enum class Kind { num, word, sym };
struct Tok {
  Kind kind;
  std::string_view text;
};

// Numbers keep their internal separators ("1.500,00"); letters, digits and
// symbols split apart ("2k", "usd500", "$1,000/mes").
std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto b = static_cast<unsigned char>(c);
    std::size_t end = i + 1;
    Kind kind = Kind::sym;
    if (is_ascii_digit(c)) {
      kind = Kind::num;
      while (end < s.size() && (is_ascii_digit(s[end]) || ((s[end] == '.' || s[end] == ',') &&
                                                          end + 1 < s.size() && is_ascii_digit(s[end + 1])))) {
        ++end;
      }
    } else if (is_ascii_alpha(c)) {
      kind = Kind::word;
      while (end < s.size() && is_ascii_alpha(s[end])) ++end;
    } else if (b >= 0x80) {
      end = i + (b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1);
      end = std::min(end, s.size());
    }
    const std::string_view t = s.substr(i, end - i);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || t == "\xC2\xA0";
    if (!space) out.push_back({kind, t});
    i = end;
  }
  return out;
}

struct Word {
  std::string_view w;
  int v;
};
constexpr Word kNumberWords[] = {
    {"cero", 0}, {"zero", 0}, {"un", 1}, {"uno", 1}, {"una", 1}, {"one", 1}, {"dos", 2}, {"two", 2},
    {"tres", 3}, {"three", 3}, {"cuatro", 4}, {"four", 4}, {"cinco", 5}, {"five", 5}, {"seis", 6},
    {"six", 6}, {"siete", 7}, {"seven", 7}, {"ocho", 8}, {"eight", 8}, {"nueve", 9}, {"nine", 9},
    {"diez", 10}, {"ten", 10}, {"once", 11}, {"eleven", 11}, {"doce", 12}, {"twelve", 12},
    {"trece", 13}, {"thirteen", 13}, {"catorce", 14}, {"fourteen", 14}, {"quince", 15},
    {"fifteen", 15}, {"dieciseis", 16}, {"sixteen", 16}, {"diecisiete", 17}, {"seventeen", 17},
    {"dieciocho", 18}, {"eighteen", 18}, {"diecinueve", 19}, {"nineteen", 19}, {"veinte", 20},
    {"twenty", 20}, {"veintiun", 21}, {"veintiuno", 21}, {"veintidos", 22}, {"veintitres", 23},
    {"veinticuatro", 24}, {"veinticinco", 25}, {"veintiseis", 26}, {"veintisiete", 27},
    {"veintiocho", 28}, {"veintinueve", 29}, {"treinta", 30}, {"thirty", 30}, {"cuarenta", 40},
    {"forty", 40}, {"cincuenta", 50}, {"fifty", 50}, {"sesenta", 60}, {"sixty", 60},
    {"setenta", 70}, {"seventy", 70}, {"ochenta", 80}, {"eighty", 80}, {"noventa", 90},
    {"ninety", 90}, {"cien", 100}, {"ciento", 100}, {"doscientos", 200}, {"doscientas", 200},
    {"trescientos", 300}, {"trescientas", 300}, {"cuatrocientos", 400}, {"cuatrocientas", 400},
    {"quinientos", 500}, {"quinientas", 500}, {"seiscientos", 600}, {"seiscientas", 600},
    {"setecientos", 700}, {"setecientas", 700}, {"ochocientos", 800}, {"ochocientas", 800},
    {"novecientos", 900}, {"novecientas", 900},
};
constexpr Word kMultipliers[] = {
    {"k", 1000}, {"mil", 1000}, {"thousand", 1000}, {"grand", 1000}, {"millon", 1'000'000},
    {"millones", 1'000'000}, {"million", 1'000'000}, {"millions", 1'000'000},
};
constexpr std::string_view kCurrencies[] = {
    "usd", "us", "dolar", "dolares", "dollar", "dollars", "buck", "bucks", "dll", "dlls", "dls", "dlr",
    "dlrs", "peso", "pesos", "mn", "euro", "euros", "eur", "mxn", "cop", "ars", "clp", "pen", "soles",
    "gbp", "libras", "pounds",
};

template <std::size_t N>
const Word* find_in(const Word (&list)[N], std::string_view w) {
  for (const Word& e : list) {
    if (e.w == w) return &e;
  }
  return nullptr;
}
template <std::size_t N>
bool find_in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(list, list + N, w) != list + N;
}

bool is_word(const Tok& t, std::string_view w) { return t.kind == Kind::word && t.text == w; }
bool is_currency(const Tok& t) {
  return (t.kind == Kind::word && find_in(kCurrencies, t.text)) ||
         (t.kind == Kind::sym && (t.text == "$" || t.text == "\xE2\x82\xAC" || t.text == "\xC2\xA3"));
}
std::int64_t multiplier(const Tok& t) {
  const Word* m = t.kind == Kind::word ? find_in(kMultipliers, t.text) : nullptr;
  return m ? m->v : 0;
}

// "1.500" and "1,500" are thousands (exactly three digits after a single
// separator, 1-3 non-zero-led digits before); "1500.00", "2.5", "1,5" are
// decimals. With both separators the last one is the decimal mark. Before a
// multiplier ("1.5k", "1,5 mil") a single separator is always decimal.
std::int64_t parse_number(std::string_view t, bool multiplier_follows) {
  const auto dots = std::count(t.begin(), t.end(), '.');
  const auto commas = std::count(t.begin(), t.end(), ',');
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = t[t.find_last_of(".,")];
  } else if (dots + commas == 1) {
    const std::size_t pos = t.find_first_of(".,");
    const bool thousands = !multiplier_follows && t.size() - pos - 1 == 3 && pos <= 3 && t[0] != '0';
    if (!thousands) decimal = t[pos];
  }
  std::int64_t whole = 0;
  std::int64_t frac = 0;
  std::int64_t scale = kMilli;
  bool in_frac = false;
  for (char c : t) {
    if (c == decimal) {
      in_frac = true;
    } else if (is_ascii_digit(c) && !in_frac) {
      whole = sat_add(sat_mul(whole, 10), c - '0');
    } else if (is_ascii_digit(c) && scale > 1) {
      scale /= 10;
      frac += (c - '0') * scale;
    }
  }
  return sat_add(sat_mul(whole, kMilli), frac);
}

struct Amount {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  std::int64_t milli = 0;
  std::int64_t mult = 1;  // largest multiplier used, to share it in "2-3k"
  bool money = false;     // next to a currency, a multiplier or "al mes"
  bool hundreds = false;  // ends in "hundred": "5 hundred", to share it in "4 or 5 hundred"
};

enum class Last { none, digits, unit, tens, hundreds, mult };

bool is_number_word(const Tok& t) { return t.kind == Kind::word && find_in(kNumberWords, t.text); }

// Whether the words after an "and" at toks[k] still belong to the number
// being read: only when they are smaller than the place it reached ("five
// hundred and fifty", "two thousand and five hundred"), not when they repeat
// it ("four hundred and six hundred", "one thousand and two thousand": two
// amounts). After "between", an "and" before a hundred or a multiplier
// always starts the upper end ("between five hundred and one thousand").
bool and_continues(const std::vector<Tok>& toks, std::size_t k, Last last, std::int64_t last_mult, bool between) {
  bool hundred = false;
  std::int64_t mult = 0;
  for (const std::size_t end = std::min(toks.size(), k + 4); k < end; ++k) {
    if (is_word(toks[k], "hundred")) {
      hundred = true;
    } else if (!is_number_word(toks[k])) {
      mult = multiplier(toks[k]);
      break;
    }
  }
  if (between && (hundred || mult > 0)) return false;
  if (last == Last::hundreds) return !hundred || mult > 0;
  return mult < last_mult;
}

// Digits and/or number words starting at toks[i]: "2", "2.5k", "dos mil",
// "mil quinientos", "five hundred and fifty", "fifteen hundred", "2 grand".
// Returns false when nothing meaningful starts there (a lone
// "un"/"una"/"one" is an article).
bool read_amount(const std::vector<Tok>& toks, std::size_t i, Amount& a) {
  std::int64_t total = 0;
  std::int64_t current = 0;
  std::int64_t last_mult = 0;
  bool significant = false;
  Last last = Last::none;
  std::size_t k = i;
  const std::size_t lead = i > 0 && is_currency(toks[i - 1]) ? i - 1 : i;
  const bool between = lead > 0 && is_word(toks[lead - 1], "between");
  const auto word_value = [&](std::size_t at) -> const Word* {
    return at < toks.size() && toks[at].kind == Kind::word ? find_in(kNumberWords, toks[at].text) : nullptr;
  };
  if (toks[k].kind == Kind::num) {
    current = parse_number(toks[k].text, k + 1 < toks.size() && multiplier(toks[k + 1]) > 0);
    significant = true;
    last = Last::digits;
    ++k;
  }
  for (; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    if (const Word* w = word_value(k); w && last != Last::digits && last != Last::unit) {
      if (w->v >= 100 && (last == Last::tens || last == Last::hundreds)) break;
      if (w->v >= 10 && w->v < 100 && last == Last::tens) break;
      current = sat_add(current, w->v * kMilli);
      last = w->v < 10 ? Last::unit : w->v < 100 ? Last::tens : Last::hundreds;
      significant = significant || w->v > 1 || w->v == 0;
    } else if (is_word(t, "hundred") && (last == Last::unit || last == Last::tens ||
                                         (last == Last::digits && current < 100 * kMilli))) {
      current = sat_mul(current, 100);
      last = Last::hundreds;
      significant = true;
    } else if (const std::int64_t m = multiplier(t);
               m > 0 && (last != Last::mult || m > a.mult) && (t.text != "k" || last == Last::digits) &&
               (t.text != "grand" || last != Last::none)) {
      if (m > a.mult) {  // scales everything so far: "mil millones", "dos millones"
        const std::int64_t base = sat_add(total, current);
        total = sat_mul(base > 0 ? base : kMilli, m);
      } else {  // "dos millones quinientos mil"
        total = sat_add(total, sat_mul(std::max(current, kMilli), m));
      }
      current = 0;
      last_mult = m;
      a.mult = std::max(a.mult, m);
      last = Last::mult;
      significant = true;
    } else if (is_word(t, "a") && last == Last::none && k + 1 < toks.size() &&
               (is_word(toks[k + 1], "hundred") || is_word(toks[k + 1], "thousand") ||
                is_word(toks[k + 1], "grand"))) {
      current = kMilli;
      last = Last::unit;
    } else if ((is_word(t, "y") && last == Last::tens && word_value(k + 1) && word_value(k + 1)->v < 10) ||
               (is_word(t, "and") && (last == Last::hundreds || last == Last::mult) && word_value(k + 1) &&
                word_value(k + 1)->v < 100 && and_continues(toks, k + 1, last, last_mult, between))) {
      continue;  // "treinta y cinco", "five hundred and fifty"
    } else {
      break;
    }
  }
  if (!significant) return false;
  a.first = i;
  a.last = k;
  a.milli = sat_add(total, current);
  a.hundreds = a.mult == 1 && is_word(toks[k - 1], "hundred");
  return true;
}

bool month_after(const std::vector<Tok>& toks, std::size_t k) {
  const Tok& t = toks[k];
  if (is_word(t, "mensual") || is_word(t, "mensuales") || is_word(t, "monthly")) return true;
  if (!(is_word(t, "mes") || is_word(t, "month") || is_word(t, "mo")) || k == 0) return false;
  const Tok& p = toks[k - 1];
  return is_word(p, "al") || is_word(p, "por") || is_word(p, "a") || is_word(p, "per") || is_word(p, "cada") ||
         is_word(p, "each") || is_word(p, "every") || p.text == "/";
}

void mark_money(const std::vector<Tok>& toks, Amount& a) {
  if (a.mult > 1 || (a.first > 0 && is_currency(toks[a.first - 1]))) {
    a.money = true;
    return;
  }
  for (std::size_t k = a.last; k < toks.size() && k < a.last + 3 && toks[k].kind != Kind::num; ++k) {
    if (is_currency(toks[k]) || month_after(toks, k)) {
      a.money = true;
      return;
    }
  }
}

// Tokens a percent sign takes after an amount ("20%", "20 por ciento"), or 0.
std::size_t percent_len(const std::vector<Tok>& toks, const Amount& a) {
  const std::size_t k = a.last;
  if (k < toks.size() && (toks[k].text == "%" || is_word(toks[k], "percent"))) return 1;
  if (k + 1 < toks.size() && is_word(toks[k], "por") && is_word(toks[k + 1], "ciento")) return 2;
  return 0;
}

// "500-800", "$500 a $800", "500 to 800 usd", "entre 500 y 800", "between
// 1k and 2k", "300 o 400": only currency marks and one connector between.
bool is_range(const std::vector<Tok>& toks, const Amount& a, const Amount& b) {
  std::size_t before = a.first;
  if (before > 0 && is_currency(toks[before - 1])) --before;
  const bool between = before > 0 && (is_word(toks[before - 1], "entre") || is_word(toks[before - 1], "between"));
  int connectors = 0;
  for (std::size_t k = a.last; k < b.first; ++k) {
    const Tok& t = toks[k];
    if (is_currency(t)) continue;
    const bool dash = t.text == "-" || t.text == "\xE2\x80\x93" || t.text == "\xE2\x80\x94" || t.text == "~";
    const bool word = is_word(t, "a") || is_word(t, "to") || is_word(t, "hasta") || is_word(t, "o") ||
                      is_word(t, "or") || (between && (is_word(t, "y") || is_word(t, "and")));
    if (!dash && !word) return false;
    ++connectors;
  }
  return connectors == 1;
}

// Numbers inside an email address, a link or a phone number are never
// amounts: "cliente.9@example.com" is not $9 and "+52 55 1234 5678" is not
// 52. Their bytes are blanked (made spaces) before tokenizing, so what is
// left reads as if they were not there and a message of only those is
// unreadable (asked again).
bool is_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool in(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }
void blank(std::string& s, std::size_t from, std::size_t to) {
  std::fill(s.begin() + static_cast<std::ptrdiff_t>(from), s.begin() + static_cast<std::ptrdiff_t>(to), ' ');
}

// The address around each '@': the characters an address may hold on each
// side (so "900,ana@x.com" keeps its 900 and "juan87@gmail.com" goes whole).
void blank_emails(std::string& s) {
  for (std::size_t at = s.find('@'); at != std::string::npos; at = s.find('@', at + 1)) {
    std::size_t from = at;
    while (from > 0 && (is_alnum(s[from - 1]) || in("._%+-", s[from - 1]))) --from;
    std::size_t to = at + 1;
    while (to < s.size() && (is_alnum(s[to]) || in(".-", s[to]))) ++to;
    blank(s, from, to);
  }
  // Dictated: "ana87 arroba yahoo punto es": the word before "arroba" and
  // the one after it (the email step reads such addresses).
  for (std::size_t at = s.find(" arroba "); at != std::string::npos; at = s.find(" arroba ", at + 1)) {
    std::size_t from = at;
    while (from > 0 && s[from - 1] != ' ') --from;
    std::size_t to = at + 8;
    while (to < s.size() && s[to] != ' ') ++to;
    blank(s, from, to);
  }
}

// "host.tld" with an all-letter TLD; without a path or scheme the host must
// also start with a letter, so "2k.gracias" (a missing space) stays 2k.
bool is_link(std::string_view t) {
  if (t.find("://") != std::string_view::npos || t.substr(0, 4) == "www.") return true;
  const std::size_t slash = t.find_first_of("/?#");
  const std::string_view host = t.substr(0, slash);
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || (slash == std::string_view::npos && !is_ascii_alpha(host[0]))) {
    return false;
  }
  const std::string_view tld = host.substr(dot + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_ascii_alpha)) return false;
  for (std::size_t k = 0; k < host.size(); ++k) {
    const char c = host[k];
    if (!(is_alnum(c) || c == '-' || (c == '.' && k > 0 && host[k - 1] != '.'))) return false;
  }
  return true;
}

// Links are cut at white space, brackets, quotes, commas and non-ASCII
// bytes; a sentence's final punctuation is not part of them. Only links
// holding a digit matter ("mil.gracias" keeps its "mil").
void blank_links(std::string& s) {
  const auto stop = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || in(" \t\n\r\f\v<>()[]{}\"',;", c);
  };
  for (std::size_t i = 0; i < s.size();) {
    if (stop(s[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && !stop(s[end])) ++end;
    std::size_t last = end;
    while (last > i && in(".:!?*~", s[last - 1])) --last;
    const std::string_view t = std::string_view(s).substr(i, last - i);
    if (std::any_of(t.begin(), t.end(), is_ascii_digit) && is_link(t)) blank(s, i, last);
    i = end;
  }
}

// The digit groups from s[i] (their length) and whether they read as a
// phone number: "+52 55 1234 5678", "(55) 1234-5678", "555-123-4567", "55
// 1234 5678", "5512345678". Groups are split by one space, '-' or '.', or
// follow a ")". A phone has a '+' or an "(area)" and 8+ digits, or 3+
// groups and 8+ digits, or 10+ digits. Not a phone: thousands groups
// ("1.000.000", "10 000 000") and round numbers ("1000000000", "10000-
// 20000": no phone is a few digits and then zeros), which stay amounts for
// the range and cap rules.
std::size_t digit_groups(std::string_view s, std::size_t i, bool& phone) {
  std::size_t k = i;
  const bool plus = s[k] == '+';
  if (plus) ++k;
  int digits = 0;
  int groups = 0;
  bool paren = false;
  bool thousands = !plus;
  bool round = true;
  std::size_t end = i;
  for (;;) {
    const bool open = k < s.size() && s[k] == '(';
    const std::size_t g = k + (open ? 1 : 0);
    std::size_t e = g;
    while (e < s.size() && is_ascii_digit(s[e])) ++e;
    if (e == g || (open && (e >= s.size() || s[e] != ')'))) break;
    const std::size_t n = e - g;
    digits += static_cast<int>(n);
    ++groups;
    paren = paren || open;
    thousands = thousands && !open && (groups == 1 ? n <= 3 && s[g] != '0' : n == 3);
    std::size_t significant = e;
    while (significant > g && s[significant - 1] == '0') --significant;
    round = round && significant - g <= 3;
    end = k = e + (open ? 1 : 0);
    if (open && k < s.size() && is_ascii_digit(s[k])) continue;  // "(55)1234-5678"
    if (k + 1 < s.size() && in(" -.", s[k]) && (is_ascii_digit(s[k + 1]) || s[k + 1] == '(')) {
      ++k;
    } else {
      break;
    }
  }
  phone = ((plus || paren) && digits >= 8) ||
          (!thousands && ((groups >= 3 && digits >= 8) || (digits >= 10 && !round)));
  return end - i;
}

void blank_phones(std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const bool starts = is_ascii_digit(c) ||
                        ((c == '+' || c == '(') && i + 1 < s.size() && is_ascii_digit(s[i + 1])) ||
                        (c == '+' && i + 2 < s.size() && s[i + 1] == '(' && is_ascii_digit(s[i + 2]));
    const bool boundary = i == 0 || !(is_alnum(s[i - 1]) || in(".,", s[i - 1]));
    bool phone = false;
    const std::size_t n = starts && boundary ? digit_groups(s, i, phone) : 0;
    if (phone) blank(s, i, i + n);
    // Groups that are not a phone have no tail that is one (fewer groups,
    // fewer digits): skipping them keeps "100 100 100 ..." linear.
    i += std::max<std::size_t>(n, 1);
  }
}

}  // namespace

std::optional<long> extract_budget(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return std::nullopt;
  std::string folded = fold(text);
  blank_emails(folded);
  blank_links(folded);
  blank_phones(folded);
  const std::vector<Tok> toks = tokenize(folded);

  std::vector<Amount> amounts;
  for (std::size_t i = 0; i < toks.size();) {
    Amount a;
    if (!read_amount(toks, i, a)) {
      ++i;
      continue;
    }
    i = a.last;
    if (const std::size_t p = percent_len(toks, a); p > 0) {
      i += p;  // a share of sales is not an amount
      continue;
    }
    mark_money(toks, a);
    amounts.push_back(a);
  }

  // Ranges collapse to their lower bound; "2-3k" and "4 or 5 hundred" share
  // the multiplier.
  std::vector<Amount> candidates;
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    Amount a = amounts[k];
    if (k + 1 < amounts.size() && is_range(toks, a, amounts[k + 1])) {
      const Amount& b = amounts[++k];
      const std::int64_t shared = b.mult > 1 ? b.mult : b.hundreds ? 100 : 1;
      if (a.mult == 1 && shared > 1 && a.milli <= b.milli / shared) a.milli = sat_mul(a.milli, shared);
      a.milli = std::min(a.milli, b.milli);
      a.money = a.money || b.money;
    }
    candidates.push_back(a);
  }
  if (candidates.empty()) return std::nullopt;
  const auto money = std::find_if(candidates.begin(), candidates.end(), [](const Amount& a) { return a.money; });
  const Amount& chosen = money != candidates.end() ? *money : candidates.front();
  if (chosen.milli > kMaxUnits * kMilli) return std::nullopt;
  return static_cast<long>(chosen.milli / kMilli);
}

}  // namespace booking

BOOKING_SMALL_CODE_END
