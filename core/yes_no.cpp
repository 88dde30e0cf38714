#include "yes_no.hpp"

#include <string>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// Phrases as words() splits folded text: "that's" is "that s".
constexpr std::string_view kYes[] = {
    "si", "sip", "claro", "claro que si", "pues claro", "por supuesto", "por supuesto que si", "correcto",
    "es correcto", "exacto", "exactamente", "asi es", "eso", "eso es", "eso mismo", "ese es", "es ese", "ese mismo",
    "si es", "si es ese", "ok", "okay", "okey", "oki", "vale", "dale", "de acuerdo", "perfecto", "esta bien",
    "afirmativo", "efectivamente", "aja", "yes", "yep", "yup", "yeah", "yea", "correct", "that s correct",
    "thats correct", "that is correct", "right", "that s right", "thats right", "that is right", "sure",
    "of course", "exactly", "absolutely", "indeed", "that s it", "thats it", "that is it", "that s the one",
    "yes it is", "it is", "affirmative", "perfect", "sounds good", "looks good", "all good",
};
constexpr std::string_view kNo[] = {
    "no", "nop", "nope", "nah", "incorrecto", "no es correcto", "no es ese", "ese no es", "ese no", "no es",
    "no es asi", "eso no", "eso no es", "claro que no", "por supuesto que no", "para nada", "negativo",
    "equivocado", "esta mal", "wrong", "that s wrong", "thats wrong", "that is wrong", "that s not it",
    "thats not it", "that is not it", "not it", "that s not right", "not right", "not correct", "incorrect",
    "that s not correct", "it s not", "it isn t", "that isn t it", "that isn t right", "not really", "no way",
    "of course not", "no it s not", "no it isn t",
};
constexpr std::string_view kFillers[] = {
    "gracias", "muchas gracias", "mil gracias", "thanks", "thank you", "thanks a lot", "thx", "ty", "please",
    "pls", "plz", "por favor", "porfa", "porfavor", "hola", "hi", "hello", "hey", "buenas", "senor", "senora",
    "senorita", "sir", "pues", "bueno", "well", "oh", "ah", "eh", "um", "uh", "mm", "hmm",
};

// "siii" = "si", "noooo" = "no": a letter held down counts once, on both
// sides, so "correcto" still matches "correcto".
bool same_collapsed(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const char c = a[i];
    if (b[j] != c) return false;
    while (i < a.size() && a[i] == c) ++i;
    while (j < b.size() && b[j] == c) ++j;
  }
  return i == a.size() && j == b.size();
}

// "jaja", "jajaja", "haha", "jeje": a laugh, no answer.
bool is_laugh(std::string_view held) {
  std::string w;  // "jajaaa" → "jaja"
  for (char c : held) {
    if (w.empty() || w.back() != c) w += c;
  }
  if (w.size() < 4 || (w[0] != 'j' && w[0] != 'h')) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool vowel = w[i] == 'a' || w[i] == 'e' || w[i] == 'i';
    if (vowel != (i % 2 == 1)) return false;
    if (!vowel && w[i] != w[0]) return false;
  }
  return true;
}

// How many words of `ws` from `i` the phrase covers (0: it does not).
std::size_t match(const std::vector<std::string_view>& ws, std::size_t i, std::string_view phrase) {
  std::size_t n = 0;
  while (!phrase.empty()) {
    const std::size_t sp = phrase.find(' ');
    if (i + n >= ws.size() || !same_collapsed(ws[i + n], phrase.substr(0, sp))) return 0;
    ++n;
    phrase = sp == std::string_view::npos ? std::string_view{} : phrase.substr(sp + 1);
  }
  return n;
}

template <std::size_t N>
std::size_t longest(const std::vector<std::string_view>& ws, std::size_t i, const std::string_view (&phrases)[N]) {
  std::size_t best = 0;
  for (std::string_view p : phrases) {
    const std::size_t n = match(ws, i, p);
    if (n > best) best = n;
  }
  return best;
}

}  // namespace

YesNo read_yes_no(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return YesNo::none;
  if (text.find('?') != std::string_view::npos || text.find("\xC2\xBF") != std::string_view::npos) return YesNo::none;
  // Emoji that answer: 👍 👌 ✅ ✔ ☑ 🆗 / 👎 ❌ ❎ ✖ 🚫 (skin tones and
  // variation selectors are not words, so they fall away).
  bool yes = false;
  bool no = false;
  for (std::string_view e : {"\xF0\x9F\x91\x8D", "\xF0\x9F\x91\x8C", "\xE2\x9C\x85", "\xE2\x9C\x94", "\xE2\x98\x91",
                             "\xF0\x9F\x86\x97"}) {
    yes = yes || text.find(e) != std::string_view::npos;
  }
  for (std::string_view e : {"\xF0\x9F\x91\x8E", "\xE2\x9D\x8C", "\xE2\x9D\x8E", "\xE2\x9C\x96", "\xF0\x9F\x9A\xAB"}) {
    no = no || text.find(e) != std::string_view::npos;
  }
  const std::string folded = fold(text);
  const std::vector<std::string_view> ws = words(folded);
  for (std::size_t i = 0; i < ws.size();) {
    const std::size_t y = longest(ws, i, kYes);
    const std::size_t n = longest(ws, i, kNo);
    const std::size_t f = is_laugh(ws[i]) ? 1 : longest(ws, i, kFillers);
    if (y == 0 && n == 0 && f == 0) return YesNo::none;
    if (y >= n && y >= f) {
      yes = true;
      i += y;
    } else if (n >= f) {
      no = true;
      i += n;
    } else {
      i += f;
    }
  }
  if (yes == no) return YesNo::none;
  return yes ? YesNo::yes : YesNo::no;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
