#include "name.hpp"

#include <algorithm>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

constexpr std::size_t kMaxNameWords = 4;
constexpr std::size_t kMaxNameChars = 60;

// Greetings, fillers and "my name is" forms skipped before the name, longest
// match first. Keys are folded with apostrophes dropped ("i'm" → "im").
constexpr std::string_view kLeadIns[] = {
    "hola", "hello", "hi", "hey", "buenas", "buenos", "buenos dias", "buenas tardes",
    "buenas noches", "buen dia", "good morning", "good afternoon", "good evening", "claro",
    "sure", "ok", "okay", "vale", "si", "yes", "yeah", "bueno", "pues", "mi nombre es",
    "mi nombre", "nombre", "me llamo", "yo me llamo", "soy", "yo soy", "me dicen", "llamame",
    "puedes llamarme", "es", "my name is", "my names", "name is", "name", "im", "i am", "its",
    "it is", "this is", "call me", "you can call me", "gracias", "thanks", "perdon", "disculpa",
    "sorry", "bien", "muy bien", "perfecto", "genial", "great", "fine", "good", "por supuesto",
    "of course", "dale", "listo", "oh", "ah",
    // Pleasantries and sign-ins around the name: "Hola, ¿qué tal? Soy Marta",
    // "un gusto, soy Marta", "aquí Marta", "le saluda Marta", "hi there, Dan here".
    "que tal", "que onda", "como estas", "como esta", "como estan", "how are you", "hows it going",
    "hi there", "hello there", "hey there", "un gusto", "mucho gusto", "un placer", "encantado",
    "encantada", "nice to meet you", "pleased to meet you", "saludos", "un saludo", "aqui", "aca",
    "por aqui", "por aca", "le saluda", "te saluda", "les saluda", "lo saluda", "la saluda",
    "saluda", "le escribe", "te escribe", "les escribe", "escribe", "habla", "te habla",
    "le habla", "hablas con", "estas hablando con", "youre speaking with", "you are speaking with",
    "speaking with", "youre talking to", "you are talking to",
};

// Titles go too, with an optional article: "Soy la Dra. Ana" → Ana.
constexpr std::string_view kTitles[] = {
    "sr", "sra", "srta", "senor", "senora", "senorita", "dr", "dra", "doctor", "doctora", "lic",
    "licenciado", "licenciada", "ing", "ingeniero", "ingeniera", "mr", "mrs", "ms",
};

// Words that end the name clause ("Soy Ana y quiero info" → Ana); when the
// clause starts with one, the message is a sentence, not a name.
constexpr std::string_view kStoppers[] = {
    "y", "and", "quiero", "quisiera", "queria", "necesito", "busco", "tengo", "estoy", "me",
    "te", "le", "nos", "mi", "tu", "su", "yo", "es", "gracias", "muchas", "por", "porfa",
    "favor", "aqui", "desde", "para", "con", "sobre", "que", "como", "cual", "cuanto",
    "cuando", "donde", "no", "si", "ok", "hola", "buenas", "buenos", "encantado",
    "encantada", "mucho", "gusto", "info", "informacion", "precio", "precios", "i", "want",
    "would", "need", "looking", "have", "from", "here", "thanks", "thank", "please", "nice",
    "pleased", "information", "price", "prices", "pricing", "how", "what", "when", "where",
    "is", "my", "your", "the", "to", "for", "with", "about", "hi", "hello", "hey", "yes",
    "im", "quick", "question", "un", "una", "el", "dime", "dame", "puedes", "puede",
    "hay", "tiene", "tienen", "queremos", "necesitamos", "tell", "give", "send", "can",
    "could", "do", "does", "are", "we", "our", "you", "it", "this", "that", "of", "at", "in",
    // A question or a sign-off after the name ("Dan speaking", "Marta acá");
    // a clause starting with one is a question, not a name ("¿quién eres?").
    "quien", "quienes", "eres", "who", "whos", "whats", "why", "which", "speaking", "hablando",
    "aca", "solo", "just", "not", "dont", "nope", "nada", "nothing",
};

// Phrases that end the name like a stopper but whose words alone may be part
// of a name ("Marta al habla" → Marta; "Al Gore" keeps its "Al").
constexpr std::string_view kTrailers[] = {
    "al habla",
};

// Surname particles stay lower-case when typed so and not first.
constexpr std::string_view kParticles[] = {
    "de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "le",
};

constexpr std::string_view kTlds[] = {
    "com", "net", "org", "io", "co", "mx", "ar", "cl", "pe", "info", "biz", "app", "dev",
};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(list, list + N, w) != list + N;
}

// Input is known-valid UTF-8 here.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}


// Simple case pairs for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic;
// anything else has no case here.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  const bool even_upper = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
  const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if ((even_upper && c % 2 == 0) || (odd_upper && c % 2 == 1)) return c + 1;
  if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
  return c;
}

char32_t to_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c == 0xFF) return 0x178;
  const bool even_upper = (c >= 0x101 && c <= 0x138) || (c >= 0x14B && c <= 0x178);
  const bool odd_upper = (c >= 0x13A && c <= 0x149) || (c >= 0x17A && c <= 0x17F);
  if ((even_upper && c % 2 == 1 && c != 0x138) || (odd_upper && c % 2 == 0 && c != 0x149)) return c - 1;
  if ((c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) || (c >= 0x430 && c <= 0x44F)) return c - 0x20;
  return c;
}

// "maría" → "María", "ÁNGEL" → "Ángel"; "McDonald" (capital first, mixed
// after) is kept as typed. A lower-case particle stays lower-case.
void append_capitalised(std::string& out, std::string_view part, bool keep_lower) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0, n = 0; i < part.size(); i += n) cps.push_back(decode_at(part, i, n));
  const auto is_up = [](char32_t c) { return to_lower(c) != c; };
  const auto is_low = [](char32_t c) { return to_upper(c) != c; };
  const bool lower_typed = std::none_of(cps.begin(), cps.end(), is_up);
  const bool mixed = is_up(cps.front()) && std::any_of(cps.begin() + 1, cps.end(), is_up) &&
                     std::any_of(cps.begin(), cps.end(), is_low);
  for (std::size_t k = 0; k < cps.size(); ++k) {
    char32_t c = cps[k];
    if (!mixed && !(keep_lower && lower_typed)) c = k == 0 ? to_upper(c) : to_lower(c);
    append_utf8(out, c);
  }
}

bool looks_like_address(std::string_view folded) {
  if (folded.find('@') != std::string_view::npos || folded.find("http") != std::string_view::npos ||
      folded.find("www.") != std::string_view::npos || folded.find("://") != std::string_view::npos) {
    return true;
  }
  for (std::size_t dot = folded.find('.'); dot != std::string_view::npos; dot = folded.find('.', dot + 1)) {
    std::size_t end = dot + 1;
    while (end < folded.size() && is_ascii_alpha(folded[end])) ++end;
    const char before = dot > 0 ? folded[dot - 1] : ' ';
    if ((is_ascii_alpha(before) || is_ascii_digit(before) || static_cast<unsigned char>(before) >= 0x80) &&
        in(kTlds, folded.substr(dot + 1, end - dot - 1))) {
      return true;
    }
  }
  return false;
}

// One name word: letter runs joined by an apostrophe or hyphen.
struct Group {
  std::vector<std::string_view> parts;
  std::string joiners;  // joiners[k] sits between parts[k] and parts[k + 1]
  std::string key;      // folded, joiners dropped: "o'connor" → "oconnor"
  bool break_before = false;
  bool initial = false;          // "C." in "Juan C. Pérez"
  bool opens_question = false;   // a "¿" right before: "¿Horarios?"
  bool closes_question = false;  // a "?" right after: "Marta?"
};

enum class Gap { join_apostrophe, join_hyphen, space, initial, brk };

Gap classify(std::string_view gap, std::string_view prev) {
  if (gap == "'" || gap == "\xE2\x80\x99" || gap == "\xC2\xB4") return Gap::join_apostrophe;
  if (gap == "-" || gap == "\xE2\x80\x90") return Gap::join_hyphen;
  const bool blank = std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
  if (blank) return Gap::space;
  if (prev.size() == 1 && is_ascii_alpha(prev[0]) && gap.front() == '.' &&
      std::all_of(gap.begin() + 1, gap.end(), [](char c) { return c == ' '; })) {
    return Gap::initial;
  }
  return Gap::brk;
}

std::vector<Group> group_words(std::string_view text) {
  const auto ws = words(text);
  std::vector<Group> groups;
  Gap gap = Gap::brk;
  // The text between the previous word and this one (before the first: the
  // message's start).
  std::string_view gap_text =
      ws.empty() ? text : text.substr(0, static_cast<std::size_t>(ws[0].data() - text.data()));
  for (std::size_t k = 0; k < ws.size(); ++k) {
    if (gap == Gap::join_apostrophe || gap == Gap::join_hyphen) {
      groups.back().joiners += gap == Gap::join_hyphen ? '-' : '\'';
    } else {
      groups.emplace_back();
      groups.back().break_before = gap == Gap::brk;
      groups.back().opens_question = gap_text.find("\xC2\xBF") != std::string_view::npos;
    }
    groups.back().parts.push_back(ws[k]);
    groups.back().key += fold(ws[k]);
    const std::size_t end = static_cast<std::size_t>(ws[k].data() - text.data()) + ws[k].size();
    const std::size_t next = k + 1 < ws.size() ? static_cast<std::size_t>(ws[k + 1].data() - text.data()) : text.size();
    gap_text = text.substr(end, next - end);
    groups.back().closes_question = gap_text.find('?') != std::string_view::npos;
    gap = classify(gap_text, ws[k]);
    if (gap == Gap::initial && k + 1 < ws.size()) {
      groups.back().initial = true;
      gap = Gap::space;
    } else if (gap == Gap::initial) {
      gap = Gap::brk;
    }
  }
  return groups;
}

// Length in groups of `phrase` when it starts at groups[i], else 0. Phrases
// are folded ASCII words between single spaces: compared in place, word by
// word (no split, no allocation).
std::size_t phrase_len(const std::vector<Group>& g, std::size_t i, std::string_view phrase) {
  for (std::size_t k = 0;; ++k) {
    const std::size_t sp = phrase.find(' ');
    if (i + k >= g.size() || g[i + k].key != phrase.substr(0, sp)) return 0;
    if (sp == std::string_view::npos) return k + 1;
    phrase = phrase.substr(sp + 1);
  }
}

// Length in groups of the longest lead-in phrase starting at groups[i].
std::size_t lead_in_at(const std::vector<Group>& g, std::size_t i) {
  const bool article = g[i].key == "el" || g[i].key == "la";
  if (in(kTitles, g[i].key)) return 1;
  if (article && i + 1 < g.size() && in(kTitles, g[i + 1].key)) return 2;
  std::size_t best = 0;
  for (std::string_view phrase : kLeadIns) best = std::max(best, phrase_len(g, i, phrase));
  return best;
}

// Whether groups[i] ends the name: a stopper or the start of a trailer.
bool ends_name(const std::vector<Group>& g, std::size_t i) {
  if (in(kStoppers, g[i].key)) return true;
  return std::any_of(std::begin(kTrailers), std::end(kTrailers),
                     [&](std::string_view t) { return phrase_len(g, i, t) > 0; });
}

}  // namespace

std::optional<std::string> extract_name(std::string_view text) {
  if (text.size() > kMaxMessageBytes || !is_valid_utf8(text)) return std::nullopt;
  if (std::any_of(text.begin(), text.end(), is_ascii_digit)) return std::nullopt;
  if (looks_like_address(fold(text))) return std::nullopt;

  const std::vector<Group> g = group_words(text);
  std::size_t i = 0;
  while (i < g.size()) {
    const std::size_t n = lead_in_at(g, i);
    if (n == 0) break;
    i += n;
  }
  std::size_t j = i;
  while (j < g.size() && (j == i || !g[j].break_before) && !ends_name(g, j)) ++j;
  if (j == i || j - i > kMaxNameWords) return std::nullopt;
  // The name's own words asked as a question ("¿Horarios?", "Marta?") are
  // not an answer; a question after the name is fine ("Marta. ¿Cuánto cuesta?").
  if (g[i].opens_question || g[j - 1].closes_question) return std::nullopt;

  std::string name;
  std::size_t letters = 0;
  for (std::size_t k = i; k < j; ++k) {
    if (k > i) name += ' ';
    const bool particle = k > i && in(kParticles, g[k].key);
    for (std::size_t p = 0; p < g[k].parts.size(); ++p) {
      if (p > 0) name += g[k].joiners[p - 1];
      append_capitalised(name, g[k].parts[p], particle);
      letters += utf8_length(g[k].parts[p]);
    }
    if (g[k].initial) name += '.';
  }
  if (letters < 2 || utf8_length(name) > kMaxNameChars) return std::nullopt;
  return name;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
