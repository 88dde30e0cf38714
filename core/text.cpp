#include "text.hpp"

#include <algorithm>
#include <cstdint>

namespace booking {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Letters of other scripts count as word characters; emoji, symbols and
// punctuation (¿ ¡ « » “ ” …) separate words. Combining accents (U+0300..
// U+036F) count too, so a decomposed "mari\u0301a" stays one word.
bool is_letter_cp(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x300 && cp <= 0x36F) ||
         (cp >= 0x370 && cp <= 0x1FFF) || (cp >= 0x3040 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF);
}

// Latin-1 supplement letters U+00C0..U+00FF folded to ASCII; 0 = keep.
constexpr char kLatin1Fold[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
    0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   0,    // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
    0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   'y',  // F0-FF
};

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_valid_utf8(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = decode(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool has_control_chars(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F) return true;
  }
  return false;
}

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = decode(s, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      out += ' ';
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
      continue;
    }
    if (b == 0xC3 && i + 1 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      if (b1 >= 0x80 && b1 <= 0xBF) {
        const char f = kLatin1Fold[b1 - 0x80];
        if (f != 0) {
          out += f;
          ++i;
          continue;
        }
        // Æ Ð Ø Þ have no ASCII fold but still lower-case (× excluded).
        if (b1 <= 0x9E && b1 != 0x97) {
          out += static_cast<char>(b);
          out += static_cast<char>(b1 + 0x20);
          ++i;
          continue;
        }
      }
    }
    char32_t cp = 0;
    const std::size_t n = decode(s, i, cp);
    if (n == 0) {
      out += static_cast<char>(b);
      continue;
    }
    // Combining accents are dropped (decomposed input folds like composed);
    // basic Greek/Cyrillic capitals are lower-cased.
    if (cp >= 0x300 && cp <= 0x36F) {
      // nothing
    } else if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F)) {
      append_utf8(out, cp + 0x20);
    } else {
      out.append(s.substr(i, n));
    }
    i += n - 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto edge = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
           c == '(' || c == ')' || c == '*' || c == '_' || c == '~';
  };
  while (!s.empty() && edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && edge(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words(std::string_view folded) {
  std::vector<std::string_view> out;
  std::size_t start = std::string_view::npos;
  char32_t cp = 0;
  for (std::size_t i = 0; i < folded.size();) {
    const auto b = static_cast<unsigned char>(folded[i]);
    std::size_t n = 1;
    bool word_char = false;
    if (b < 0x80) {
      word_char = is_ascii_alpha(static_cast<char>(b)) || is_ascii_digit(static_cast<char>(b));
    } else {
      n = decode(folded, i, cp);
      if (n == 0) {
        n = 1;
      } else {
        word_char = is_letter_cp(cp);
      }
    }
    if (word_char && start == std::string_view::npos) start = i;
    if (!word_char && start != std::string_view::npos) {
      out.push_back(folded.substr(start, i - start));
      start = std::string_view::npos;
    }
    i += n;
  }
  if (start != std::string_view::npos) out.push_back(folded.substr(start));
  return out;
}

bool has_phrase(const std::vector<std::string_view>& hay, std::string_view phrase) {
  // Phrases are folded ASCII words between spaces: split them in place
  // (others go through words(), as before).
  const bool plain = std::all_of(phrase.begin(), phrase.end(), [](char c) {
    return c == ' ' || is_ascii_alpha(c) || is_ascii_digit(c);
  });
  if (!plain) {
    const auto needle = words(phrase);
    if (needle.empty() || needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
      if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
    return false;
  }
  const std::size_t first = phrase.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  phrase.remove_prefix(first);
  const std::string_view head = phrase.substr(0, phrase.find(' '));
  for (std::size_t i = 0; i < hay.size(); ++i) {
    if (hay[i] == head && phrase_at(hay, i, phrase)) return true;  // the cheap test first
  }
  return false;
}

bool phrase_at(const std::vector<std::string_view>& hay, std::size_t i, std::string_view phrase) {
  const std::size_t first = phrase.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  phrase.remove_prefix(first);
  for (;; ++i) {
    const std::size_t sp = phrase.find(' ');
    if (i >= hay.size() || hay[i] != phrase.substr(0, sp)) return false;
    const std::size_t next = sp == std::string_view::npos ? sp : phrase.find_first_not_of(' ', sp);
    if (next == std::string_view::npos) return true;
    phrase.remove_prefix(next);
  }
}

bool has_phrase(std::string_view folded, std::string_view phrase) {
  return has_phrase(words(folded), phrase);
}

std::vector<std::string_view> split_commas(std::string_view list, std::size_t max) {
  std::vector<std::string_view> out;
  while (!list.empty() && out.size() < max) {
    const auto comma = list.find(',');
    out.push_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return out;
}

}  // namespace booking
