#include "email.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxLocalBytes = 64;
constexpr std::size_t kMaxLabelBytes = 63;

// Characters that can never be inside an address we accept, so they split
// the sentence into candidate tokens: "<bob@x.io>", "correo:ana@x.com".
bool is_separator(char c) {
  constexpr std::string_view kSeps = " \t\n\r\f\v<>()[]{},;:";
  return kSeps.find(c) != std::string_view::npos;
}

// Edge punctuation around an address: a sentence's final dot, quotes,
// WhatsApp *bold*/~strike~, ¡¿ and anything from U+2000 up (“ ” … emoji).
// Quotes are not separators, so "ana's@x.com" stays one (invalid) token.
std::size_t edge_len(std::string_view s, bool back) {
  if (s.empty()) return 0;
  const char c = back ? s.back() : s.front();
  constexpr std::string_view kAscii = ".!?*~'\"`";
  if (kAscii.find(c) != std::string_view::npos) return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  // Find the whole UTF-8 sequence at this edge.
  std::size_t start = back ? s.size() - 1 : 0;
  if (back) {
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  }
  const auto lead = static_cast<unsigned char>(s[start]);
  std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (start + len > s.size()) return 0;
  const std::string_view seq = s.substr(start, len);
  if (len >= 3 || seq == "\xC2\xBF" || seq == "\xC2\xA1") return len;
  return 0;
}

std::string_view strip_edges(std::string_view s) {
  for (;;) {
    for (std::size_t n = edge_len(s, false); n > 0; n = edge_len(s, false)) s.remove_prefix(n);
    for (std::size_t n = edge_len(s, true); n > 0; n = edge_len(s, true)) s.remove_suffix(n);
    // A leading '_' is a valid local part; only an _italics_ pair goes.
    if (s.size() > 2 && s.front() == '_' && s.back() == '_') {
      s = s.substr(1, s.size() - 2);
    } else if (!s.empty() && s.back() == '_') {
      s.remove_suffix(1);  // domains never end in '_'
    } else {
      return s;
    }
  }
}

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || is_ascii_digit(c); }

bool valid_local(std::string_view l) {
  if (l.empty() || l.size() > kMaxLocalBytes || l.front() == '.' || l.back() == '.') return false;
  if (l.find("..") != std::string_view::npos) return false;
  return std::all_of(l.begin(), l.end(), [](char c) {
    return is_lower_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  });
}

bool valid_domain(std::string_view d) {
  const std::size_t last_dot = d.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  const std::string_view tld = d.substr(last_dot + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  for (std::size_t start = 0; start <= d.size();) {
    std::size_t end = d.find('.', start);
    if (end == std::string_view::npos) end = d.size();
    const std::string_view label = d.substr(start, end - start);
    if (label.empty() || label.size() > kMaxLabelBytes || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_lower_alnum(c) || c == '-'; })) return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::string> validate(std::string_view token) {
  token = strip_edges(token);
  if (token.size() > kMaxEmailBytes || std::count(token.begin(), token.end(), '@') != 1) return std::nullopt;
  std::string lower(token);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  const std::size_t at = lower.find('@');
  if (!valid_local(std::string_view(lower).substr(0, at)) || !valid_domain(std::string_view(lower).substr(at + 1))) {
    return std::nullopt;
  }
  return lower;
}

// --- an address written out: dictated, with spaces inside, mistyped ---------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Top-level domains a lead may separate from the name with a space or a
// comma ("gmail com", "gmail,com"), and that a lone " . " may join
// ("gmail . com"). After an unknown name only com/net/org/edu are read so
// ("empresa com"); "es", "de", "co"... are Spanish words too.
bool is_tld_word(std::string_view w, bool after_provider) {
  if (in(w, {"com", "net", "org", "edu"})) return true;
  return after_provider && in(w, {"es", "mx", "co", "ar", "cl", "pe", "uk", "fr", "de", "it", "ch", "me", "ca", "us"});
}

// Mail providers whose misspellings are obvious. `only`: the suffixes the
// provider uses, when it has few ("gmail" is gmail.com only); empty: many
// countries (hotmail.es, yahoo.com.mx), so only a misspelt "com" is fixed.
// `typos`: a name one edit away (a letter wrong, missing, extra or two
// swapped) is read as this provider; set for names of 5+ letters only, so
// "life" is no "live", and the first letter must match, so the real
// mail.com, email.com and ymail.com are not gmail.
struct Provider {
  std::string_view name;
  std::string_view only[2];
  bool typos;
};
constexpr Provider kProviders[] = {
    {"gmail", {"com", {}}, true},     {"googlemail", {"com", {}}, true}, {"icloud", {"com", {}}, true},
    {"protonmail", {"com", "ch"}, true}, {"ymail", {"com", {}}, false},  {"hotmail", {{}, {}}, true},
    {"outlook", {{}, {}}, true},      {"yahoo", {{}, {}}, true},         {"live", {{}, {}}, false},
    {"msn", {{}, {}}, false},         {"aol", {{}, {}}, false},
};

// Optimal string alignment distance, stopping early: only 0, 1 or "more"
// (2) matter here.
int edit_distance_1(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return 2;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return 1;                       // one substituted
    if (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2)) return 1;  // swapped
    return 2;
  }
  return a.substr(i) == b.substr(i + 1) ? 1 : 2;  // one inserted
}

// The provider a domain's first label names, exactly or one typo away.
const Provider* provider_of(std::string_view label) {
  for (const auto& p : kProviders) {
    if (label == p.name) return &p;
  }
  for (const auto& p : kProviders) {
    if (p.typos && label.size() >= 4 && label[0] == p.name[0] && edit_distance_1(label, p.name) == 1) return &p;
  }
  return nullptr;
}

// Labels that are no top-level domain but a finger away from "com".
bool is_com_typo(std::string_view label) {
  return in(label, {"con", "cmo", "ocm", "comm", "coom", "cpm", "xom", "vom", "clm", "cim", "cok", "ccom"});
}

// The domain with obvious typos fixed (the same when it has none).
std::string correct_domain(std::string_view domain) {
  std::vector<std::string_view> labels;
  for (std::size_t start = 0;;) {
    const std::size_t dot = domain.find('.', start);
    labels.push_back(domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (labels.size() < 2) return std::string(domain);
  for (std::size_t k = 1; k < labels.size(); ++k) {
    if (is_com_typo(labels[k])) labels[k] = "com";
  }
  if (const Provider* p = provider_of(labels[0])) {
    labels[0] = p->name;
    std::string suffix;
    for (std::size_t k = 1; k < labels.size(); ++k) suffix += std::string(k > 1 ? "." : "") + std::string(labels[k]);
    if (!p->only[0].empty()) {
      if (suffix != p->only[0] && suffix != p->only[1]) suffix = p->only[0];
    } else if (in(suffix, {"co", "cm", "om"})) {
      suffix = "com";  // hotmail.co: the "m" was lost (co.uk has two labels)
    }
    return std::string(p->name) + "." + suffix;
  }
  std::string out;
  for (std::size_t k = 0; k < labels.size(); ++k) out += std::string(k > 0 ? "." : "") + std::string(labels[k]);
  return out;
}

// A piece of the message, split at white space and separators.
struct Tok {
  enum class Kind { word, at, connector };
  Kind kind = Kind::word;
  std::string text;          // a word: lower-cased ASCII, edges stripped
  std::string folded;        // fold(text), to compare with the words below
  char ch = 0;               // a connector: '.', '_' or '-'
  bool english_at = false;   // "at", not "@"/"arroba": the domain needs a dot
  bool lone = false;         // a connector typed as a symbol between spaces: " . "
  bool comma_dot = false;    // "gmail,com": the comma read as a dot
  bool break_after = false;  // . , ! ? : ; or a bracket after it
};

bool is_plain_word(const Tok& t) { return t.kind == Tok::Kind::word && t.text.find('@') == std::string::npos; }

// A comma at text[i] read as a dot: "ana@gmail,com". Only between a name
// without a dot yet and a TLD that ends the token.
bool comma_is_dot(std::string_view text, std::size_t piece_start, std::size_t i) {
  if (i == piece_start || !is_ascii_alpha(text[i - 1])) return false;
  const std::string_view before = text.substr(piece_start, i - piece_start);
  const std::size_t at = before.rfind('@');
  const std::string_view name = at == std::string_view::npos ? before : before.substr(at + 1);
  if (name.empty() || name.find('.') != std::string_view::npos) return false;
  std::size_t end = i + 1;
  while (end < text.size() && is_ascii_alpha(text[end])) ++end;
  if (end < text.size() && !is_space(text[end]) && std::string_view(".,!?;:)>").find(text[end]) == std::string_view::npos) {
    return false;
  }
  std::string tld(text.substr(i + 1, end - i - 1));
  for (char& c : tld) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return is_tld_word(tld, provider_of(fold(name)) != nullptr);
}

// Words that stand for the characters of an address (folded).
struct Spoken {
  std::string_view word;
  char ch;
};
constexpr Spoken kConnectors[] = {
    {"guion bajo", '_'}, {"barra baja", '_'}, {"guion medio", '-'}, {"punto", '.'}, {"dot", '.'},
    {"underscore", '_'}, {"underline", '_'},  {"guion", '-'},       {"dash", '-'},  {"hyphen", '-'},
    {"menos", '-'},
};

std::vector<Tok> tokenize(std::string_view text) {
  std::vector<Tok> raw;
  auto mark_break = [&raw] {
    if (!raw.empty()) raw.back().break_after = true;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    if (is_separator(text[i])) {
      mark_break();
      ++i;
      continue;
    }
    std::size_t end = i;
    bool comma_dot = false;
    while (end < text.size() && !is_space(text[end])) {
      if (text[end] == ',' && comma_is_dot(text, i, end)) {
        comma_dot = true;
      } else if (is_separator(text[end])) {
        break;
      }
      ++end;
    }
    std::string_view piece = text.substr(i, end - i);
    i = end;
    if (piece == "." || piece == "_" || piece == "-" || piece == "@") {
      Tok t;
      t.kind = piece == "@" ? Tok::Kind::at : Tok::Kind::connector;
      t.ch = piece[0];
      t.lone = true;
      raw.push_back(std::move(t));
      continue;
    }
    // ".com" after "gmail ": the dot belongs to the address.
    if (piece.size() > 1 && piece[0] == '.' && (is_ascii_alpha(piece[1]) || is_ascii_digit(piece[1]))) {
      Tok t;
      t.kind = Tok::Kind::connector;
      t.ch = '.';
      raw.push_back(std::move(t));
      piece.remove_prefix(1);
    }
    const std::string_view core = strip_edges(piece);
    const std::size_t core_end = core.empty() ? piece.size() : static_cast<std::size_t>(core.data() - piece.data()) + core.size();
    const bool ends_sentence = piece.substr(core_end).find_first_of(".!?") != std::string_view::npos;
    if (core.empty()) {
      if (ends_sentence) mark_break();
      continue;
    }
    Tok t;
    t.text = std::string(core);
    for (char& c : t.text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c == ',') c = '.';
    }
    t.folded = fold(core);
    t.comma_dot = comma_dot;
    t.break_after = ends_sentence;
    raw.push_back(std::move(t));
  }
  // Spoken symbols, one or two words ("guion bajo").
  std::vector<Tok> out;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    Tok t = std::move(raw[k]);
    if (t.kind == Tok::Kind::word) {
      if (t.folded == "arroba" || t.folded == "at") {
        t.kind = Tok::Kind::at;
        t.english_at = t.folded == "at";
      } else {
        for (const auto& c : kConnectors) {
          const std::size_t sp = c.word.find(' ');
          if (sp == std::string_view::npos) {
            if (t.folded != c.word) continue;
          } else {
            if (t.folded != c.word.substr(0, sp) || t.break_after || k + 1 >= raw.size() ||
                raw[k + 1].folded != c.word.substr(sp + 1)) {
              continue;
            }
            t.break_after = raw[++k].break_after;
          }
          t.kind = Tok::Kind::connector;
          t.ch = c.ch;
          break;
        }
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Words that lead up to an address ("mi correo es @gmail.com"): never the
// local part when a space stands between them and the '@'.
bool is_lead_in(std::string_view folded) {
  return in(folded, {"es", "is", "my", "mi", "correo", "email", "mail", "e", "el", "la", "de", "y", "and", "the", "a",
                     "to", "en", "in", "it", "its", "seria", "sera", "era", "son", "are", "was", "aqui", "here", "this",
                     "esto", "este", "su", "tu", "your", "address", "direccion", "electronico", "sure", "claro", "si",
                     "yes", "ok", "gracias", "thanks"});
}

// Whether connector `c` joins the words either side of it. A lone " - "
// is a dash in a sentence; a lone " . " or " _ " joins the local part only
// when the '@' stands apart too ("ana . lopez @ gmail . com"), and joins the
// domain only before a TLD ("gmail . com"), so "... @x.com . Gracias" ends
// at "x.com".
bool joins(const Tok& c, bool local_side, bool spaced_at, const Tok& next) {
  if (c.kind != Tok::Kind::connector || c.break_after) return false;
  if (!c.lone) return true;
  if (c.ch == '-') return false;
  if (local_side) return spaced_at;
  return is_tld_word(next.text, true) || is_com_typo(next.text);
}

bool is_site(const Tok& t) {
  return t.kind == Tok::Kind::at || (t.kind == Tok::Kind::word && t.text.find('@') != std::string::npos);
}

struct Reading {
  std::string address;
  bool repaired = false;  // a space, comma or nothing read as the dot
};

// The address around the '@' (or "arroba"/"at") at ts[site]: the word
// before it with the words joined to it by connectors, then the same after.
std::optional<Reading> read_at(const std::vector<Tok>& ts, std::size_t site) {
  const Tok& s = ts[site];
  std::string local;
  std::string domain;
  bool spaced_at = true;
  if (s.kind == Tok::Kind::word) {
    if (std::count(s.text.begin(), s.text.end(), '@') != 1) return std::nullopt;
    const std::size_t at = s.text.find('@');
    local = s.text.substr(0, at);
    domain = s.text.substr(at + 1);
    spaced_at = local.empty() || domain.empty();
  }
  bool repaired = s.comma_dot;
  // The local part, backwards.
  std::size_t li = site;
  if (local.empty()) {
    if (site == 0) return std::nullopt;
    const Tok& w = ts[site - 1];
    if (!is_plain_word(w) || w.break_after || w.comma_dot) return std::nullopt;
    local = w.text;
    li = site - 1;
  }
  const std::size_t first_word = li;
  while (li >= 2 && joins(ts[li - 1], true, spaced_at, ts[li]) && is_plain_word(ts[li - 2]) &&
         !ts[li - 2].break_after && !ts[li - 2].comma_dot) {
    local = ts[li - 2].text + ts[li - 1].ch + local;
    li -= 2;
  }
  if (li == first_word && first_word + 1 == site && is_lead_in(ts[li].folded)) return std::nullopt;
  // The domain, forwards.
  std::size_t ri = site;
  if (domain.empty()) {
    if (site + 1 >= ts.size() || s.break_after || !is_plain_word(ts[site + 1])) return std::nullopt;
    domain = ts[site + 1].text;
    repaired = repaired || ts[site + 1].comma_dot;
    ri = site + 1;
  }
  while (ri + 2 < ts.size() && !ts[ri].break_after && joins(ts[ri + 1], false, spaced_at, ts[ri + 2]) &&
         is_plain_word(ts[ri + 2])) {
    domain += ts[ri + 1].ch;
    domain += ts[ri + 2].text;
    repaired = repaired || ts[ri + 2].comma_dot;
    ri += 2;
  }
  // The dot left out: "gmail com", "gmail, com", "gmailcom".
  if (domain.find('.') == std::string::npos && !domain.empty()) {
    const Provider* p = provider_of(domain);
    if (ri + 1 < ts.size() && is_plain_word(ts[ri + 1]) && is_tld_word(ts[ri + 1].text, p != nullptr) &&
        (p != nullptr || (!ts[ri].break_after && !s.english_at))) {
      domain += "." + ts[ri + 1].text;
      repaired = true;
    } else {
      for (std::string_view tld : {"com", "net", "es"}) {
        if (domain.size() > tld.size() && domain.ends_with(tld)) {
          const std::string_view name = std::string_view(domain).substr(0, domain.size() - tld.size());
          if (provider_of(name) != nullptr) {
            domain = std::string(name) + "." + std::string(tld);
            repaired = true;
            break;
          }
        }
      }
    }
  }
  if (s.english_at && domain.find('.') == std::string::npos) return std::nullopt;  // "I'm at home"
  // "ana @ bob @ x.com": a word taken across a space is not shared with
  // another '@'.
  if (spaced_at && ((li > 0 && is_site(ts[li - 1]) && !ts[li - 1].break_after) ||
                    (ri + 1 < ts.size() && is_site(ts[ri + 1]) && !ts[ri].break_after))) {
    return std::nullopt;
  }
  const std::string raw = local + "@" + domain;
  auto address = validate(raw);
  if (!address) {
    // "ana.lópez": voice-to-text spells the surname; no address has accents.
    const std::string folded = fold(raw);
    if (folded == raw || !(address = validate(folded))) return std::nullopt;
    repaired = true;
  }
  return Reading{*address, repaired};
}

}  // namespace

std::optional<std::string> extract_email(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return std::nullopt;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_separator(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_separator(text[end])) ++end;
    const std::string_view token = text.substr(i, end - i);
    if (token.find('@') != std::string_view::npos) {
      if (auto email = validate(token)) return email;
    }
    i = end;
  }
  if (text.find('@') != std::string_view::npos) return std::nullopt;
  // Dictated: the first reading as it was said (no dot put back).
  const std::vector<Tok> ts = tokenize(text);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (!is_site(ts[i])) continue;
    if (auto r = read_at(ts, i); r && !r->repaired) return r->address;
  }
  return std::nullopt;
}

EmailReading read_email(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return {};
  const std::vector<Tok> ts = tokenize(text);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (!is_site(ts[i])) continue;
    const auto r = read_at(ts, i);
    if (!r) continue;
    const std::size_t at = r->address.find('@');
    const std::string fixed = r->address.substr(0, at + 1) + correct_domain(std::string_view(r->address).substr(at + 1));
    if (!r->repaired && fixed == r->address) return {r->address, std::nullopt};
    if (auto v = validate(fixed)) return {std::nullopt, *v};
  }
  return {};
}

}  // namespace booking

BOOKING_SMALL_CODE_END
