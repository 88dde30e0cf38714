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
    {"hablar con una persona", Intent::human},   {"hablar con alguien", Intent::human},
    {"hablar con un humano", Intent::human},     {"hablar con un agente", Intent::human},
    {"hablar con un asesor", Intent::human},     {"talk to a human", Intent::human},
    {"speak to a human", Intent::human},         {"talk to a person", Intent::human},
    {"speak to a person", Intent::human},        {"talk to someone", Intent::human},
    {"real person", Intent::human},              {"persona real", Intent::human},
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

}  // namespace

Intent detect_intent(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return Intent::none;
  const std::string folded = fold(text);
  const auto ws = words(folded);  // split once, not once per phrase
  for (Intent wanted : {Intent::opt_out, Intent::human, Intent::restart}) {
    for (const Phrase& p : kPhrases) {
      if (p.intent == wanted && has_phrase(ws, p.text)) return wanted;
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
