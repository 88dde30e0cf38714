#include "email.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "text.hpp"

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

// --- an address dictated in words (voice-to-text) ----------------------------

// Words that stand for the characters of an address.
struct Spoken {
  std::string_view word;
  std::string_view chars;
};
constexpr Spoken kConnectors[] = {
    {"punto", "."}, {"dot", "."}, {"guion bajo", "_"}, {"underscore", "_"}, {"underline", "_"},
    {"guion", "-"}, {"dash", "-"}, {"hyphen", "-"}, {"menos", "-"},
};

// The connector at word `i` (one or two words), with how many words it takes.
std::optional<std::pair<std::string_view, std::size_t>> connector_at(const std::vector<std::string_view>& ws, std::size_t i) {
  for (const auto& c : kConnectors) {
    const auto sp = c.word.find(' ');
    if (sp == std::string_view::npos) {
      if (i < ws.size() && ws[i] == c.word) return std::make_pair(c.chars, std::size_t{1});
    } else if (i + 1 < ws.size() && ws[i] == c.word.substr(0, sp) && ws[i + 1] == c.word.substr(sp + 1)) {
      return std::make_pair(c.chars, std::size_t{2});
    }
  }
  return std::nullopt;
}

bool is_connector_word(std::string_view w) {
  return std::any_of(std::begin(kConnectors), std::end(kConnectors),
                     [w](const Spoken& c) { return c.word.substr(0, c.word.find(' ')) == w || c.word == w; });
}

// "juan punto carlos arroba gmail punto com", "sarah at oconnor dot ie":
// the word before "arroba"/"at" with the words joined to it by connectors
// ("punto", "dot", "guion bajo", "underscore", "guion", "dash"), then the
// same after it. Spoken with "at", the domain must have a dot, so "I'm at
// home" is no address. Tokens are the message's words split at spaces,
// so "gmail.com" may be said as written.
std::optional<std::string> spoken_email(std::string_view text) {
  const std::string folded = fold(text);
  std::vector<std::string_view> ws;
  for (std::size_t i = 0; i < folded.size();) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t' || folded[i] == '\n' || folded[i] == ',')) ++i;
    std::size_t end = i;
    while (end < folded.size() && folded[end] != ' ' && folded[end] != '\t' && folded[end] != '\n' && folded[end] != ',') ++end;
    std::string_view w = std::string_view(folded).substr(i, end - i);
    while (!w.empty() && std::string_view(".!?:;\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    if (!w.empty()) ws.push_back(w);
    i = end;
  }
  for (std::size_t at = 1; at + 1 < ws.size(); ++at) {
    if (ws[at] != "arroba" && ws[at] != "at") continue;
    // The local part, backwards: word (connector word)*.
    std::string local(ws[at - 1]);
    if (is_connector_word(local)) continue;
    for (std::size_t i = at - 1; i >= 2;) {
      std::optional<std::pair<std::string_view, std::size_t>> c;
      if (i >= 3 && (c = connector_at(ws, i - 2)) && c->second == 2 && !is_connector_word(ws[i - 3])) {
        local = std::string(ws[i - 3]) + std::string(c->first) + local;
        i -= 3;
      } else if ((c = connector_at(ws, i - 1)) && c->second == 1 && !is_connector_word(ws[i - 2])) {
        local = std::string(ws[i - 2]) + std::string(c->first) + local;
        i -= 2;
      } else {
        break;
      }
    }
    // The domain, forwards: word (connector word)*.
    std::string domain(ws[at + 1]);
    bool dotted = domain.find('.') != std::string::npos;
    for (std::size_t i = at + 2; i < ws.size();) {
      const auto c = connector_at(ws, i);
      if (!c || i + c->second >= ws.size() || is_connector_word(ws[i + c->second])) break;
      domain += std::string(c->first) + std::string(ws[i + c->second]);
      dotted = dotted || c->first == ".";
      i += c->second + 1;
    }
    if (ws[at] == "at" && !dotted) continue;
    if (auto email = validate(local + "@" + domain)) return email;
  }
  return std::nullopt;
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
  if (text.find('@') == std::string_view::npos) return spoken_email(text);
  return std::nullopt;
}

}  // namespace booking
