#include "intent.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "text.hpp"

namespace booking {
namespace {

struct Phrase {
  std::string_view text;  // folded
  Intent intent;
};

// Opt-out is checked first: a lead who says "stop, I want a human" must
// never be messaged again before anything else happens.
constexpr Phrase kPhrases[] = {
    {"no me escribas mas", Intent::opt_out},     {"no me escriban mas", Intent::opt_out},
    {"no me escriba mas", Intent::opt_out},      {"dejen de escribirme", Intent::opt_out},
    {"deja de escribirme", Intent::opt_out},     {"darme de baja", Intent::opt_out},
    {"dar de baja", Intent::opt_out},            {"stop messaging", Intent::opt_out},
    {"stop texting", Intent::opt_out},           {"unsubscribe me", Intent::opt_out},
    {"no me manden mas", Intent::opt_out},       {"no me envien mas", Intent::opt_out},
    {"no me mandes mas", Intent::opt_out},       {"dejen de mandarme", Intent::opt_out},
    {"deja de mandarme", Intent::opt_out},       {"borrenme de", Intent::opt_out},
    {"sacame de", Intent::opt_out},              {"saquenme de", Intent::opt_out},
    {"dejame en paz", Intent::opt_out},          {"dejenme en paz", Intent::opt_out},
    {"stop sending", Intent::opt_out},           {"remove me from", Intent::opt_out},
    {"take me off", Intent::opt_out},            {"leave me alone", Intent::opt_out},
    {"don t message me", Intent::opt_out},       {"don t text me", Intent::opt_out},
    {"do not message me", Intent::opt_out},      {"do not text me", Intent::opt_out},
    {"do not contact me", Intent::opt_out},      {"don t contact me", Intent::opt_out},
    {"hablar con una persona", Intent::human},   {"hablar con alguien", Intent::human},
    {"hablar con un humano", Intent::human},     {"hablar con un agente", Intent::human},
    {"hablar con un asesor", Intent::human},     {"talk to a human", Intent::human},
    {"speak to a human", Intent::human},         {"talk to a person", Intent::human},
    {"speak to a person", Intent::human},        {"talk to someone", Intent::human},
    {"real person", Intent::human},              {"persona real", Intent::human},
    {"hablar con alguien de", Intent::human},    {"me comunicas con alguien", Intent::human},
    {"me atienda una persona", Intent::human},   {"hay alguien ahi", Intent::human},
    {"speak with someone", Intent::human},       {"talk with someone", Intent::human},
    {"speak to someone", Intent::human},         {"talk to your team", Intent::human},
    {"put me through", Intent::human},           {"is there anyone there", Intent::human},
    {"speak with a person", Intent::human},      {"talk with a person", Intent::human},
    {"empezar de nuevo", Intent::restart},       {"volver a empezar", Intent::restart},
    {"start over", Intent::restart},             {"start again", Intent::restart},
};

// Whole-message keywords, compared after dropping polite fillers.
constexpr Phrase kKeywords[] = {
    {"stop", Intent::opt_out},       {"baja", Intent::opt_out},
    {"unsubscribe", Intent::opt_out}, {"cancelar suscripcion", Intent::opt_out},
    {"agente", Intent::human},       {"agent", Intent::human},
    {"human", Intent::human},        {"humano", Intent::human},
    {"persona", Intent::human},      {"asesor", Intent::human},
    {"restart", Intent::restart},    {"reiniciar", Intent::restart},
    {"reset", Intent::restart},
};

// Polite words around a keyword ("STOP por favor", "hola, agente").
constexpr std::string_view kFillers[] = {"porfavor", "porfa", "please", "pls", "plz", "gracias",
                                         "thanks", "hola", "hi", "hello"};

// Opting in again: whole-message keywords, then phrases anywhere.
constexpr std::string_view kOptInKeywords[] = {"start", "unstop", "reactivar", "alta", "suscribirme", "subscribe",
                                               "resubscribe", "reactivate"};
constexpr std::string_view kOptInPhrases[] = {
    "quiero agendar",      "quisiera agendar",     "me gustaria agendar", "quiero una cita",    "quiero reservar",
    "agendar una llamada", "quiero una llamada",   "darme de alta",       "volver a suscribirme", "reactivar mis mensajes",
    "quiero reactivar",    "want to book",         "like to book",        "want to schedule",   "like to schedule",
    "book a call",         "schedule a call",      "subscribe again",     "opt in",
};
// A negation up to three words before a phrase ("no quiero agendar", "I don't want to
// book": "don't" reads as the words "don" "t").
constexpr std::string_view kNegations[] = {"no", "not", "dont", "nunca", "never", "t"};

// The phrase said somewhere, and not negated just before it.
bool said(const std::vector<std::string_view>& ws, std::string_view phrase) {
  const std::string_view head = phrase.substr(0, phrase.find(' '));
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (ws[i] != head || !phrase_at(ws, i, phrase)) continue;
    bool negation = false;
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      negation = negation || std::find(std::begin(kNegations), std::end(kNegations), ws[i - back]) != std::end(kNegations);
    }
    if (!negation) return true;
  }
  return false;
}

}  // namespace

bool asks_to_opt_in(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return false;
  const std::string folded = fold(text);
  const auto ws = words(folded);
  std::string rest;
  for (const auto w : ws) {
    if (std::find(std::begin(kFillers), std::end(kFillers), w) != std::end(kFillers)) continue;
    if (!rest.empty()) rest += ' ';
    rest += w;
  }
  for (const auto k : kOptInKeywords) {
    if (rest == k) return true;
  }
  for (const auto p : kOptInPhrases) {
    if (said(ws, p)) return true;
  }
  return false;
}

Intent detect_intent(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return Intent::none;
  const std::string folded = fold(text);
  const auto ws = words(folded);  // split once, not once per phrase
  for (Intent wanted : {Intent::opt_out, Intent::human, Intent::restart}) {
    for (const Phrase& p : kPhrases) {
      if (p.intent != wanted) continue;
      // A request to stop is honoured whatever words come before it; the
      // others not when negated ("no quiero hablar con una persona").
      if (wanted == Intent::opt_out ? has_phrase(ws, p.text) : said(ws, p.text)) return wanted;
    }
  }
  std::string rest;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (ws[i] == "por" && i + 1 < ws.size() && ws[i + 1] == "favor") {
      ++i;
      continue;
    }
    if (std::find(std::begin(kFillers), std::end(kFillers), ws[i]) != std::end(kFillers)) continue;
    if (!rest.empty()) rest += ' ';
    rest += ws[i];
  }
  for (const Phrase& k : kKeywords) {
    if (rest == k.text) return k.intent;
  }
  return Intent::none;
}

}  // namespace booking
