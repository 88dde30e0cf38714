#include "language.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// Words only one of the two languages uses in a first message (folded, so
// "información" is "informacion" while "info" counts as English). Shared
// ones (no, me, a, ok) are left out so they cannot tip the balance.
// Without a stored language (GHL could not be read) a later answer is all
// there is to go on, so the words of those answers count too: weekdays,
// "mañana"/"tomorrow", "la primera"/"the first one", "claro"/"sure". Times
// ("10am", "2pm") stay out: the Spanish offer writes them that way too.
constexpr std::string_view kSpanish[] = {
    "hola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "gracias", "quiero",
    "quisiera", "queria", "informacion", "necesito", "busco", "tengo", "estoy", "interesa",
    "interesado", "interesada", "saber", "precio", "precios", "cuanto", "cuesta", "ayuda", "cita",
    "agendar", "reunion", "llamada", "saludos", "que", "tal", "como", "esta", "estas", "por",
    "favor", "porfa", "para", "con", "el", "los", "las", "una", "un", "y", "es", "mi", "su", "sus",
    "del", "al", "soy", "llamo", "nombre", "servicio", "servicios", "negocio", "empresa", "mas", "si",
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "hoy", "manana", "tarde",
    "proximo", "proxima", "semana", "primero", "primera", "segundo", "segunda", "tercero", "tercera",
    "ultimo", "ultima", "claro", "vale", "dale", "perfecto", "listo", "bien",
    // Words of whole sentences (clearly_language): verbs, question words, pronouns.
    "puedo", "podemos", "puedes", "pueden", "puede", "hablar", "hablo", "hablas", "habla", "hablamos",
    "cuando", "donde", "quien", "cual", "cuales", "porque", "pero", "tambien", "muy", "bueno", "nosotros",
    "tenemos", "tienen", "tiene", "somos", "eres", "estamos", "hacer", "hacen", "hago", "clientes",
    "cliente", "ventas", "vender", "presupuesto", "tiempo", "ahora", "despues", "antes", "nada", "este",
    "esto", "eso", "ese", "hay", "sobre", "desde", "hora", "horas", "horario", "horarios", "mejor",
    "nuestro", "nuestra", "nuestros", "usted", "ustedes", "pues", "entonces", "ingles", "espanol",
    "entiendo", "quieres", "queremos", "necesitamos", "mucho", "muchos", "gente", "personas", "correo",
    "cuantos", "cuantas", "todavia", "aqui", "mes", "dinero", "trabajo", "equipo", "mis", "tus", "le", "lo",
    "se", "te", "nos", "pueda", "podria", "seria",
};
constexpr std::string_view kEnglish[] = {
    "hi", "hello", "hey", "good", "morning", "afternoon", "evening", "thanks", "thank", "want",
    "would", "like", "info", "information", "need", "looking", "interested", "know", "more",
    "about", "price", "prices", "pricing", "how", "much", "help", "book", "appointment", "meeting",
    "call", "what", "please", "the", "is", "are", "to", "and", "for", "of", "you", "your", "i", "my",
    "we", "our", "it", "this", "that", "with", "can", "name", "service", "services", "business",
    "company", "yes", "get", "have", "some", "there",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
    "next", "week", "at", "first", "second", "third", "last", "one", "sure", "yeah", "yep", "great",
    "perfect", "fine", "works",
    // Words of whole sentences (clearly_language): verbs, question words, pronouns.
    "could", "do", "does", "speak", "talk", "where", "when", "why", "who", "which", "will", "just", "also",
    "very", "really", "they", "them", "their", "us", "be", "was", "were", "been", "am", "from", "by", "on",
    "in", "an", "not", "but", "or", "if", "all", "any", "time", "times", "customers", "clients",
    "sell", "goal", "budget", "month", "money", "now", "later", "here", "should", "don", "doesn",
    "didn", "isn", "aren", "won", "going", "make", "think", "understand", "english", "spanish", "hours",
    "day", "days", "free", "available", "people", "team", "work", "doing", "she", "his", "her",
    "these", "those", "than", "then", "still", "only", "right", "m", "ll", "ve", "d", "s",
};

// Greetings and thanks weigh double; "hey" does not, Spanish speakers use it.
constexpr std::string_view kStrong[] = {
    "hola", "buenas", "buenos", "gracias", "hi", "hello", "thanks", "thank",
};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(list, list + N, w) != list + N;
}

// The two vocabularies sorted at compile time, looked up by binary search.
template <std::size_t N>
constexpr std::array<std::string_view, N> sorted(const std::string_view (&list)[N]) {
  std::array<std::string_view, N> out{};
  std::copy(list, list + N, out.begin());
  std::sort(out.begin(), out.end());
  return out;
}
constexpr auto kSpanishSorted = sorted(kSpanish);
constexpr auto kEnglishSorted = sorted(kEnglish);

bool spanish_word(std::string_view w) { return std::binary_search(kSpanishSorted.begin(), kSpanishSorted.end(), w); }
bool english_word(std::string_view w) { return std::binary_search(kEnglishSorted.begin(), kEnglishSorted.end(), w); }

// ¿ ¡ ñ and accented vowels are only ever Spanish here (UTF-8 byte pairs).
bool has_spanish_mark(std::string_view raw) {
  constexpr std::string_view kMarks[] = {
      "\xC2\xBF", "\xC2\xA1", "\xC3\xB1", "\xC3\x91", "\xC3\xA1", "\xC3\xA9", "\xC3\xAD",
      "\xC3\xB3", "\xC3\xBA", "\xC3\x81", "\xC3\x89", "\xC3\x8D", "\xC3\x93", "\xC3\x9A",
  };
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](std::string_view m) { return raw.find(m) != std::string_view::npos; });
}

}  // namespace

std::string_view to_string(Lang l) { return l == Lang::es ? "es" : "en"; }

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "es") return Lang::es;
  if (s == "en") return Lang::en;
  return std::nullopt;
}

std::optional<Lang> detect_language(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return std::nullopt;
  int es = has_spanish_mark(text) ? 2 : 0;
  int en = 0;
  const std::string folded = fold(text);
  for (std::string_view w : words(folded)) {
    const int weight = contains(kStrong, w) ? 2 : 1;
    if (spanish_word(w)) es += weight;
    if (english_word(w)) en += weight;
  }
  if (es > en) return Lang::es;
  if (en > es) return Lang::en;
  return std::nullopt;
}

std::optional<Lang> asked_language(std::string_view text) {
  if (text.size() > 200) return std::nullopt;  // a request to switch is short
  const std::string folded = fold(text);
  // Every request names a language: most messages end here, unsplit.
  constexpr std::string_view kNames[] = {"english", "ingles", "espanol", "spanish", "castellano"};
  if (std::none_of(std::begin(kNames), std::end(kNames),
                   [&folded](std::string_view n) { return folded.find(n) != std::string::npos; })) {
    return std::nullopt;
  }
  const auto ws = words(folded);
  struct Ask {
    std::string_view phrase;
    Lang lang;
  };
  // What the lead cannot read comes first: "no hablo inglés" asks for
  // Spanish, "I don't speak Spanish" for English.
  static constexpr Ask kCannot[] = {
      {"no hablo ingles", Lang::es},        {"no hablamos ingles", Lang::es},   {"no entiendo ingles", Lang::es},
      {"no entiendo el ingles", Lang::es},  {"no se ingles", Lang::es},         {"no se hablar ingles", Lang::es},
      {"no leo ingles", Lang::es},          {"no hablo espanol", Lang::en},     {"no hablamos espanol", Lang::en},
      {"no entiendo espanol", Lang::en},    {"no entiendo el espanol", Lang::en}, {"no se espanol", Lang::en},
      {"don t speak spanish", Lang::en},    {"do not speak spanish", Lang::en}, {"can t speak spanish", Lang::en},
      {"cannot speak spanish", Lang::en},   {"don t understand spanish", Lang::en},
      {"do not understand spanish", Lang::en}, {"can t read spanish", Lang::en}, {"don t know spanish", Lang::en},
      {"don t speak english", Lang::es},    {"do not speak english", Lang::es}, {"can t speak english", Lang::es},
      {"don t understand english", Lang::es}, {"no speak english", Lang::es},
  };
  for (const auto& a : kCannot) {
    if (has_phrase(ws, a.phrase)) return a.lang;
  }
  static constexpr Ask kAsks[] = {
      {"in english", Lang::en},        {"we speak english", Lang::en}, {"you speak english", Lang::en},
      {"en ingles", Lang::en},         {"hablas ingles", Lang::en},   {"hablan ingles", Lang::en},
      {"habla ingles", Lang::en},      {"hable ingles", Lang::en},    {"english please", Lang::en},
      {"switch to english", Lang::en}, {"change to english", Lang::en}, {"who speaks english", Lang::en},
      {"cambiar a ingles", Lang::en},  {"cambia a ingles", Lang::en}, {"cambiemos a ingles", Lang::en},
      {"pasemos a ingles", Lang::en},  {"i speak english", Lang::en}, {"i prefer english", Lang::en},
      {"en espanol", Lang::es},        {"hablas espanol", Lang::es},  {"hablan espanol", Lang::es},
      {"habla espanol", Lang::es},     {"hable espanol", Lang::es},   {"in spanish", Lang::es},
      {"we speak spanish", Lang::es},  {"you speak spanish", Lang::es}, {"espanol por favor", Lang::es},
      {"en castellano", Lang::es},     {"switch to spanish", Lang::es}, {"change to spanish", Lang::es},
      {"who speaks spanish", Lang::es}, {"cambiar a espanol", Lang::es}, {"cambia a espanol", Lang::es},
      {"cambiemos a espanol", Lang::es}, {"pasemos a espanol", Lang::es}, {"i speak spanish", Lang::es},
      {"i prefer spanish", Lang::es},  {"spanish please", Lang::es},  {"hablo espanol", Lang::es},
      {"prefiero espanol", Lang::es},  {"prefiero ingles", Lang::en},
  };
  for (const auto& a : kAsks) {
    if (has_phrase(ws, a.phrase)) return a.lang;
  }
  // The language's name alone, polite words aside ("English?", "english
  // pls", "español porfa", "only Spanish").
  constexpr std::string_view kAround[] = {"please", "pls", "plz", "por", "favor", "porfa", "porfavor", "gracias",
                                          "thanks", "only", "solo", "mejor", "better", "ok", "hola", "hi", "hello"};
  std::optional<Lang> named;
  for (const auto w : ws) {
    if (contains(kAround, w)) continue;
    if (named) return std::nullopt;  // a second content word: a sentence, not a request
    if (w == "english" || w == "ingles") {
      named = Lang::en;
    } else if (w == "espanol" || w == "spanish" || w == "castellano") {
      named = Lang::es;
    } else {
      return std::nullopt;
    }
  }
  return named;
}

std::optional<Lang> clearly_language(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return std::nullopt;
  // ¿ and ¡ are Spanish punctuation, one vote; accented letters are not
  // counted (a name like José or Peña is no sentence in Spanish).
  int es = text.find("\xC2\xBF") != std::string_view::npos || text.find("\xC2\xA1") != std::string_view::npos;
  int en = 0;
  const std::string folded = fold(text);
  const auto ws = words(folded);
  if (ws.size() < 4) return std::nullopt;
  for (const auto w : ws) {
    es += spanish_word(w);
    en += english_word(w);
  }
  if (es >= 3 && en == 0) return Lang::es;
  if (en >= 3 && es == 0) return Lang::en;
  return std::nullopt;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
