#include "answer.hpp"

#include "text.hpp"

namespace booking {
namespace {

// Length of the white-space character at s[i] (ASCII, NBSP, U+2000..U+200A,
// U+202F, U+205F, U+3000), or 0. Control characters are already spaces.
std::size_t space_len(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  const std::string_view rest = s.substr(i);
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.size() >= 3 && rest.starts_with("\xE2\x80")) {
    const auto b = static_cast<unsigned char>(rest[2]);
    if (b <= 0x8A || b == 0xAF) return 3;
  }
  if (rest.starts_with("\xE2\x81\x9F") || rest.starts_with("\xE3\x80\x80")) return 3;
  return 0;
}

// Byte offset just past the first `n` code points of valid UTF-8.
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return i;
}

}  // namespace

std::optional<std::string> bounded_answer(std::string_view text, std::size_t max_chars) {
  const std::string clean = sanitize_utf8(utf8_prefix(text, kMaxMessageBytes));
  std::string out;
  out.reserve(clean.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < clean.size();) {
    if (const std::size_t n = space_len(clean, i); n > 0) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += clean[i++];
  }
  if (utf8_length(out) > max_chars) {
    const std::size_t cut = offset_of(out, max_chars);
    // Cut at the last space that fits; a single over-long word is cut mid-word.
    const std::size_t space = cut < out.size() && out[cut] == ' ' ? cut : out.rfind(' ', cut);
    out.resize(space != std::string::npos && space > 0 ? space : cut);
  }
  if (words(out).empty()) return std::nullopt;
  return out;
}

}  // namespace booking
