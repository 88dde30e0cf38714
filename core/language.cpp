#include "language.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "text.hpp"

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
};

// Greetings and thanks weigh double; "hey" does not, Spanish speakers use it.
constexpr std::string_view kStrong[] = {
    "hola", "buenas", "buenos", "gracias", "hi", "hello", "thanks", "thank",
};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(list, list + N, w) != list + N;
}

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
    if (contains(kSpanish, w)) es += weight;
    if (contains(kEnglish, w)) en += weight;
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
  static constexpr Ask kAsks[] = {
      {"in english", Lang::en},        {"we speak english", Lang::en}, {"you speak english", Lang::en},
      {"en ingles", Lang::en},
      {"hablas ingles", Lang::en},     {"hablan ingles", Lang::en},   {"habla ingles", Lang::en},
      {"english please", Lang::en},    {"switch to english", Lang::en},
      {"en espanol", Lang::es},        {"hablas espanol", Lang::es},  {"hablan espanol", Lang::es},
      {"habla espanol", Lang::es},     {"in spanish", Lang::es},      {"we speak spanish", Lang::es},
      {"you speak spanish", Lang::es},
      {"espanol por favor", Lang::es}, {"en castellano", Lang::es},
  };
  for (const auto& a : kAsks) {
    if (has_phrase(ws, a.phrase)) return a.lang;
  }
  // The language's name alone ("English?", "español").
  if (ws.size() == 1 && (ws[0] == "english" || ws[0] == "ingles")) return Lang::en;
  if (ws.size() == 1 && (ws[0] == "espanol" || ws[0] == "spanish" || ws[0] == "castellano")) return Lang::es;
  return std::nullopt;
}

}  // namespace booking
