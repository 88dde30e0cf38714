#include "email.hpp"

#include <algorithm>

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
  return std::nullopt;
}

}  // namespace booking
