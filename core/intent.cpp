#include "intent.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// A message split once: its folded words, and where a clause ends (a comma,
// full stop, ¿ ¡ ? ! ; : or a new line between two words), so a "no" that
// answers the previous question ("no, quiero hablar con una persona") does
// not negate what follows it.
struct Words {
  std::vector<std::string_view> ws;
  std::vector<bool> clause_start;  // clause_start[i]: a clause break before word i

  explicit Words(const std::string& folded) : ws(words(folded)), clause_start(ws.size(), false) {
    for (std::size_t i = 1; i < ws.size(); ++i) {
      const std::size_t from = static_cast<std::size_t>(ws[i - 1].data() + ws[i - 1].size() - folded.data());
      const std::size_t to = static_cast<std::size_t>(ws[i].data() - folded.data());
      for (std::size_t k = from; k < to; ++k) {
        const char c = folded[k];
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ||
            (c == '\xC2' && k + 1 < to && (folded[k + 1] == '\xBF' || folded[k + 1] == '\xA1'))) {
          clause_start[i] = true;
          break;
        }
      }
    }
  }
};

// Requests to stop: honoured wherever they stand, whatever comes before.
constexpr std::string_view kStopPhrases[] = {
    // Spanish: "no me escribas más", "ya no me manden", "dejen de ...", "bórrenme de ...".
    "no me escribas mas", "no me escriban mas", "no me escriba mas", "no me manden mas", "no me envien mas",
    "no me mandes mas", "no me envies mas", "no me contacten mas", "no me contactes mas", "no me contacte mas",
    "ya no me escribas", "ya no me escriban", "ya no me escriba", "ya no me manden", "ya no me mandes",
    "ya no me envien", "ya no me envies", "ya no me contacten", "ya no me contactes", "ya no me busquen",
    "no me manden mensajes", "no me mandes mensajes", "no me envien mensajes", "no me envies mensajes",
    "no me vuelvas a escribir", "no me vuelvan a escribir", "no me vuelva a escribir", "no me vuelvas a contactar",
    "no me vuelvan a contactar", "no me vuelva a contactar", "no me vuelvan a mandar", "no me vuelvas a mandar",
    "no me sigan escribiendo", "no me sigas escribiendo", "no sigan escribiendo", "no sigas escribiendo",
    "no quiero recibir mas", "no quiero mas mensajes", "no quiero recibir mensajes", "no quiero que me escriban",
    "no quiero que me escribas", "no quiero que me contacten", "no me molesten mas", "no me molestes mas",
    "dejen de escribirme", "deja de escribirme", "dejen de mandarme", "deja de mandarme", "dejen de enviarme",
    "deja de enviarme", "dejen de contactarme", "deja de contactarme", "dejen de molestarme", "deja de molestarme",
    "dejen de llamarme", "deja de llamarme", "dejen de escribir", "darme de baja", "dar de baja", "dame de baja",
    "denme de baja", "borrenme de", "borrame de", "borren mi numero", "borra mi numero", "borren mi contacto",
    "eliminen mi numero", "elimina mi numero", "eliminenme de", "eliminame de", "quitenme de", "quitame de",
    "sacame de", "saquenme de", "dejame en paz", "dejenme en paz", "dejame tranquilo", "dejame tranquila",
    "dejenme tranquilo", "dejenme tranquila",
    // English: "stop texting me", "remove me from your list", "quit messaging me".
    "stop messaging", "stop texting", "stop sending", "stop contacting me", "stop calling me", "stop emailing me",
    "stop writing to me", "stop writing me", "stop bothering me", "stop bugging me", "stop spamming",
    "stop the messages", "stop these messages", "stop all messages", "quit messaging", "quit texting",
    "quit sending", "quit contacting", "quit bothering", "quit bugging", "unsubscribe me", "want to unsubscribe",
    "like to unsubscribe", "remove me from", "take me off", "remove my number", "delete my number",
    "lose my number", "erase my number", "opt me out", "want to opt out", "leave me alone", "leave me be",
    "don t message me", "don t text me", "do not message me", "do not text me", "do not contact me",
    "don t contact me", "don t write to me", "do not write to me", "don t email me", "do not email me",
    "never contact me", "never message me", "never text me", "no more messages", "no more texts",
    "don t send me any more", "don t send me anymore", "don t send me more", "do not send me any more",
};

// Requests for a person said in one phrase.
constexpr std::string_view kPersonPhrases[] = {
    "real person", "persona real", "persona de verdad", "alguien real", "alguien de verdad", "real human",
    "humano real", "hay alguien ahi", "hay alguien alli", "hay alguien aqui", "hay alguna persona",
    "hay una persona", "hay algun humano", "hay un humano", "me atienda una persona", "put me through",
    "is there anyone there", "is anyone there", "is anybody there", "anyone there", "anybody there",
    "is there someone there", "is there a person", "is there a human", "actual person", "actual human",
    "live agent", "live person", "human agent",
};

// ... or a verb of talking or putting through, then a person ("pásame con
// un asesor", "connect me with an agent").
constexpr std::string_view kPersonVerbs[] = {
    "hablar con", "hablo con", "platicar con", "conversar con", "charlar con", "comunicarme con",
    "comunicar con", "me comunicas con", "me comunican con", "me comunica con", "comunicame con",
    "comuniquenme con", "comuniqueme con", "me pasas con", "me pasan con", "me pasa con", "pasame con",
    "pasenme con", "paseme con", "me pones con", "me ponen con", "ponme con", "ponganme con", "conectame con",
    "conectenme con", "me conectas con", "me conectan con", "conectarme con", "contactarme con",
    "me atienda", "me atiendan", "me atiende", "que me llame", "que me llamen", "que me contacte",
    "transfiereme a", "transfiereme con", "transferirme a", "transferirme con", "derivame a", "derivame con",
    "derivenme con", "comunicarme a",
    "talk to", "talk with", "speak to", "speak with", "chat with", "chat to", "connect me with",
    "connect me to", "put me through to", "transfer me to", "pass me to", "pass me over to", "hand me over to",
    "get me through to", "send me to", "switch me to",
};
constexpr std::string_view kPersonTargets[] = {
    "alguien", "una persona", "un humano", "una humana", "un ser humano", "un agente", "una agente",
    "un asesor", "una asesora", "un ejecutivo", "una ejecutiva", "un representante", "una representante",
    "un vendedor", "una vendedora", "un operador", "una operadora", "su equipo", "tu equipo", "el equipo",
    "el dueno", "la duena", "el encargado", "la encargada", "un encargado", "una encargada", "el responsable",
    "un especialista", "una especialista", "un experto", "una experta", "el gerente", "un gerente", "tu jefe",
    "su jefe", "el jefe", "alguno de ustedes", "uno de ustedes", "un consultor", "una consultora",
    "a human", "a person", "a real person", "a real human", "a real agent", "a live", "an actual", "someone",
    "somebody", "anyone", "anybody", "an agent", "an advisor", "an adviser", "a consultant", "a representative",
    "a rep", "a sales rep", "a salesperson", "your team", "the team", "your staff", "a manager", "the manager",
    "your manager", "the owner", "your boss", "a specialist", "an expert", "an operator", "one of you",
};

constexpr std::string_view kRestartPhrases[] = {
    "empezar de nuevo", "volver a empezar", "start over", "start again",
};

// A phrase with its first word and its number of words, worked out at
// compile time and sorted by first word (longer phrases first): each word
// of a message is looked up among the first words by binary search, so the
// long lists stay cheap.
struct Indexed {
  std::string_view text;
  std::string_view head;
  std::size_t words = 0;
};

template <std::size_t N>
constexpr std::array<Indexed, N> indexed(const std::string_view (&list)[N]) {
  std::array<Indexed, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = {list[i], list[i].substr(0, list[i].find(' ')),
              static_cast<std::size_t>(std::count(list[i].begin(), list[i].end(), ' ')) + 1};
  }
  std::sort(out.begin(), out.end(), [](const Indexed& a, const Indexed& b) {
    return a.head != b.head ? a.head < b.head : a.words > b.words;
  });
  return out;
}

constexpr auto kStops = indexed(kStopPhrases);
constexpr auto kPersons = indexed(kPersonPhrases);
constexpr auto kVerbs = indexed(kPersonVerbs);
constexpr auto kTargets = indexed(kPersonTargets);

// The phrases of `list` whose first word is w.
template <std::size_t N>
std::pair<const Indexed*, const Indexed*> starting(const std::array<Indexed, N>& list, std::string_view w) {
  const auto lo = std::lower_bound(list.begin(), list.end(), w,
                                   [](const Indexed& p, std::string_view x) { return p.head < x; });
  auto hi = lo;
  while (hi != list.end() && hi->head == w) ++hi;
  return {lo, hi};
}

// The longest of `list` that starts at word i, or nullptr.
template <std::size_t N>
const Indexed* at(const std::array<Indexed, N>& list, const std::vector<std::string_view>& ws, std::size_t i) {
  if (i >= ws.size()) return nullptr;
  const auto [lo, hi] = starting(list, ws[i]);
  for (const Indexed* p = lo; p != hi; ++p) {
    if (phrase_at(ws, i, p->text)) return p;
  }
  return nullptr;
}

struct Keyword {
  std::string_view text;  // folded words, fillers removed
  Intent intent;
};

// Whole-message keywords, compared after dropping polite fillers.
constexpr Keyword kKeywords[] = {
    {"stop", Intent::opt_out},          {"stopall", Intent::opt_out},
    {"stop it", Intent::opt_out},       {"baja", Intent::opt_out},
    {"basta", Intent::opt_out},         {"ya basta", Intent::opt_out},
    {"unsubscribe", Intent::opt_out},   {"cancelar suscripcion", Intent::opt_out},
    {"quit", Intent::opt_out},          {"go away", Intent::opt_out},
    {"no molestar", Intent::opt_out},   {"opt out", Intent::opt_out},
    {"agente", Intent::human},          {"agent", Intent::human},
    {"human", Intent::human},           {"humano", Intent::human},
    {"persona", Intent::human},         {"asesor", Intent::human},
    {"asesora", Intent::human},         {"una persona", Intent::human},
    {"un humano", Intent::human},       {"un agente", Intent::human},
    {"un asesor", Intent::human},       {"quiero un humano", Intent::human},
    {"quiero una persona", Intent::human}, {"quiero un agente", Intent::human},
    {"quiero un asesor", Intent::human}, {"a human", Intent::human},
    {"a person", Intent::human},        {"an agent", Intent::human},
    {"representative", Intent::human},  {"operator", Intent::human},
    {"i want a human", Intent::human},  {"i want a person", Intent::human},
    {"i want an agent", Intent::human}, {"i need a human", Intent::human},
    {"i need a person", Intent::human}, {"get me a human", Intent::human},
    {"hay alguien", Intent::human},
    {"restart", Intent::restart},       {"reiniciar", Intent::restart},
    {"reset", Intent::restart},
};

// Polite words around a keyword ("STOP por favor", "hola, agente").
constexpr std::string_view kFillers[] = {"porfavor", "porfa", "please", "pls", "plz", "gracias",
                                         "thanks", "hola", "hi", "hello"};

// A polite close: not interested ("no me interesa", "I'll pass"), then
// optionally what ("sus servicios", "in this").
constexpr std::string_view kNotInterested[] = {
    "no me interesa", "no me interesan", "no nos interesa", "no nos interesan", "no me interesa nada",
    "no estoy interesado", "no estoy interesada", "no estamos interesados", "no estamos interesadas",
    "no tengo interes", "no tenemos interes", "no es para mi", "no es para nosotros", "paso", "yo paso",
    "not interested", "i m not interested", "im not interested", "i am not interested", "we re not interested",
    "we are not interested", "no longer interested", "i m no longer interested", "i am no longer interested",
    "we re no longer interested", "we are no longer interested", "i m not really interested", "i ll pass",
    "ill pass", "i will pass", "we ll pass", "we will pass", "i think i ll pass", "pass", "not for me",
    "not for us", "it s not for me", "this is not for me",
};
constexpr std::string_view kNotInterestedWhat[] = {
    "esto", "eso", "en esto", "en eso", "de esto", "de eso", "el servicio", "su servicio", "tu servicio", "sus servicios",
    "tus servicios", "los servicios", "la oferta", "su oferta", "tu oferta", "la propuesta", "su propuesta",
    "tu propuesta", "en su servicio", "en sus servicios", "en tu servicio", "en tus servicios", "la llamada",
    "una llamada", "esta vez", "in this", "in that", "in it", "in your service", "in your services",
    "in your offer", "in the offer", "in this offer", "in a call", "on this", "on that", "on it", "this time",
};
// Words and closings around it, dropped: "la verdad", "gracias por todo",
// "por ahora", "thanks anyway", "have a nice day". "no"/"nope" are dropped
// only at the start, and only when something is left ("no, gracias" alone
// answers a yes/no).
constexpr std::string_view kClosings[] = {
    "muchas gracias", "mil gracias", "gracias por todo", "gracias por escribir", "gracias por la informacion",
    "gracias por la info", "gracias por contactarme", "gracias por tu tiempo", "gracias por su tiempo",
    "gracias de todos modos", "gracias igual", "de todas formas", "de todos modos", "por ahora", "de momento",
    "en este momento", "por el momento", "por favor", "la verdad", "lo siento", "de verdad", "pero gracias",
    "que tengas buen dia", "que tenga buen dia", "que tengan buen dia", "que tengas un buen dia",
    "que tenga un buen dia", "buen dia", "feliz dia", "thank you", "thank u", "thanks anyway",
    "thanks for reaching out", "thanks for the info", "thanks for your time", "for now", "right now",
    "at the moment", "at this time", "but thanks", "have a nice day", "have a good day", "have a great day",
    "good luck", "best of luck", "no gracias", "no thanks", "no thank you",
    "porfavor", "porfa", "please", "pls", "plz", "gracias", "thanks", "thx", "ty", "hola", "hi", "hello",
    "hey", "buenas", "ok", "okay", "vale", "bueno", "well", "sorry", "perdon", "disculpa", "disculpe",
    "anymore", "saludos", "bye", "adios", "chao", "chau", "really", "honestly", "actually", "sinceramente",
    "realmente", "ya", "mejor", "igual", "suerte", "exito", "sir", "senor", "senora", "amigo", "amiga",
};

constexpr auto kClosingsIndex = indexed(kClosings);

// Opting in again: whole-message keywords, then phrases anywhere.
constexpr std::string_view kOptInKeywords[] = {"start", "unstop", "reactivar", "alta", "suscribirme", "subscribe",
                                               "resubscribe", "reactivate"};
constexpr std::string_view kOptInPhrases[] = {
    "quiero agendar",      "quisiera agendar",     "me gustaria agendar", "quiero una cita",    "quiero reservar",
    "agendar una llamada", "quiero una llamada",   "darme de alta",       "volver a suscribirme", "reactivar mis mensajes",
    "quiero reactivar",    "want to book",         "like to book",        "want to schedule",   "like to schedule",
    "book a call",         "schedule a call",      "subscribe again",     "opt in",
};
// A negation up to four words before a phrase, in the same clause ("no
// quiero agendar", "I don't want to book": "don't" reads as the words "don"
// "t").
constexpr std::string_view kNegations[] = {"no", "not", "dont", "nunca", "never", "t", "sin", "without", "ni"};

bool negated(const Words& m, std::size_t i) {
  for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
    if (m.clause_start[i - back + 1]) return false;  // the clause starts after that word
    if (std::find(std::begin(kNegations), std::end(kNegations), m.ws[i - back]) != std::end(kNegations)) return true;
  }
  return false;
}

// The phrase said somewhere, and not negated just before it.
bool said(const Words& m, std::string_view phrase) {
  const std::string_view head = phrase.substr(0, phrase.find(' '));
  for (std::size_t i = 0; i < m.ws.size(); ++i) {
    if (m.ws[i] == head && phrase_at(m.ws, i, phrase) && !negated(m, i)) return true;
  }
  return false;
}

std::size_t word_count(std::string_view phrase) {
  return static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

// A phrase for a person, or a verb of talking to or putting through then a
// person, not negated.
bool asks_for_person(const Words& m) {
  for (std::size_t i = 0; i < m.ws.size(); ++i) {
    if (at(kPersons, m.ws, i) != nullptr && !negated(m, i)) return true;
    const auto [lo, hi] = starting(kVerbs, m.ws[i]);
    for (const Indexed* v = lo; v != hi; ++v) {
      if (!phrase_at(m.ws, i, v->text)) continue;
      if (at(kTargets, m.ws, i + v->words) != nullptr && !negated(m, i)) return true;
    }
  }
  return false;
}

template <std::size_t N>
bool is_in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(list, list + N, w) != list + N;
}

// The words joined by spaces, without the polite fillers.
std::string without_fillers(const std::vector<std::string_view>& ws) {
  std::string rest;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (ws[i] == "por" && i + 1 < ws.size() && ws[i + 1] == "favor") {
      ++i;
      continue;
    }
    if (is_in(kFillers, ws[i])) continue;
    if (!rest.empty()) rest += ' ';
    rest += ws[i];
  }
  return rest;
}

// The whole message a polite "not interested", closings aside.
bool closes_politely(const std::vector<std::string_view>& ws) {
  if (ws.size() > 24) return false;  // a close is short; a long message says more
  // Every close has one of these words: most messages end here.
  constexpr std::string_view kMarkers[] = {"interesa", "interesan", "interesado", "interesada", "interesados",
                                           "interesadas", "interes", "interested", "paso", "pass", "para", "for"};
  if (std::none_of(ws.begin(), ws.end(), [&](std::string_view w) {
        return std::find(std::begin(kMarkers), std::end(kMarkers), w) != std::end(kMarkers);
      })) {
    return false;
  }
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < ws.size();) {
    const Indexed* c = at(kClosingsIndex, ws, i);
    if (c == nullptr) kept.push_back(ws[i]);
    i += c == nullptr ? 1 : c->words;
  }
  // "no, no me interesa", "nah, I'll pass": a leading no only when more follows.
  for (std::size_t from = 0; from < kept.size(); ++from) {
    for (const auto p : kNotInterested) {
      if (!phrase_at(kept, from, p)) continue;
      const std::size_t tail = from + word_count(p);
      if (tail == kept.size()) return true;
      for (const auto w : kNotInterestedWhat) {
        if (word_count(w) == kept.size() - tail && phrase_at(kept, tail, w)) return true;
      }
    }
    if (kept[from] != "no" && kept[from] != "nope" && kept[from] != "nah") break;
  }
  return false;
}

}  // namespace

bool asks_to_opt_in(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return false;
  const std::string folded = fold(text);
  const Words m(folded);
  const std::string rest = without_fillers(m.ws);
  for (const auto k : kOptInKeywords) {
    if (rest == k) return true;
  }
  for (const auto p : kOptInPhrases) {
    if (said(m, p)) return true;
  }
  return false;
}

Intent detect_intent(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return Intent::none;
  const std::string folded = fold(text);
  const Words m(folded);  // split once, not once per phrase
  // Opt-out first: a lead who says "stop, I want a human" must never be
  // messaged again before anything else happens. A request to stop is
  // honoured whatever words come before it.
  for (std::size_t i = 0; i < m.ws.size(); ++i) {
    if (at(kStops, m.ws, i) != nullptr) return Intent::opt_out;
  }
  const std::string rest = without_fillers(m.ws);
  const auto keyword = [&rest](Intent wanted) {
    return std::any_of(std::begin(kKeywords), std::end(kKeywords),
                       [&](const Keyword& k) { return k.intent == wanted && rest == k.text; });
  };
  if (keyword(Intent::opt_out)) return Intent::opt_out;
  if (asks_for_person(m) || keyword(Intent::human)) return Intent::human;
  if (closes_politely(m.ws)) return Intent::not_interested;
  for (const auto p : kRestartPhrases) {
    if (said(m, p)) return Intent::restart;
  }
  if (keyword(Intent::restart)) return Intent::restart;
  return Intent::none;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
