// detect_intent: commands a lead can give at any step.
#include "intent.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace booking {
namespace {

struct IntentCase {
  std::string input;
  Intent want;
};

void PrintTo(const IntentCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class DetectIntent : public ::testing::TestWithParam<IntentCase> {};

TEST_P(DetectIntent, Table) { EXPECT_EQ(detect_intent(GetParam().input), GetParam().want); }

// Multi-word phrases count anywhere in the message.
const IntentCase kPhrases[] = {
    {"empezar de nuevo", Intent::restart},
    {"Quiero volver a empezar", Intent::restart},
    {"start over please", Intent::restart},
    {"START AGAIN", Intent::restart},
    {"no me escribas m\xC3\xA1s", Intent::opt_out},
    {"NO ME ESCRIBAS MAS!!", Intent::opt_out},
    {"quiero darme de baja", Intent::opt_out},
    {"me pueden dar de baja?", Intent::opt_out},
    {"please stop messaging me", Intent::opt_out},
    {"unsubscribe me", Intent::opt_out},
    {"hablar con una persona", Intent::human},
    {"quiero hablar con alguien", Intent::human},
    {"Puedo hablar con un humano?", Intent::human},
    {"hablar con un agente", Intent::human},
    {"I want to talk to a human", Intent::human},
    {"can I speak to a person?", Intent::human},
    {"talk to a person", Intent::human},
    {"is this a real person?", Intent::human},
    {"\xC2\xBF" "Eres una persona real?", Intent::human},
    // Opt-out wins: that lead must never be messaged again.
    {"stop messaging me, I want to talk to a human", Intent::opt_out},
};

// Single keywords only when they are the whole message (emoji, punctuation
// and polite fillers aside).
const IntentCase kKeywords[] = {
    {"restart", Intent::restart},
    {"Reiniciar", Intent::restart},
    {"reset", Intent::restart},
    {"STOP", Intent::opt_out},
    {"stop!!!", Intent::opt_out},
    {"Stop por favor", Intent::opt_out},
    {"\xF0\x9F\x9B\x91 stop", Intent::opt_out},                 // 🛑 stop
    {"baja", Intent::opt_out},
    {"unsubscribe", Intent::opt_out},
    {"cancelar suscripci\xC3\xB3n", Intent::opt_out},
    {"agente", Intent::human},
    {"Agente por favor", Intent::human},
    {"agent please", Intent::human},
    {"human", Intent::human},
    {"HUMANO", Intent::human},
    {"persona", Intent::human},
    {"hola, agente", Intent::human},
};

// More ways of saying it (issue 11), and negations that ask for nothing.
const IntentCase kMorePhrases[] = {
    {"ya no me manden más mensajes", Intent::opt_out},
    {"por favor bórrenme de su lista", Intent::opt_out},
    {"sácame de tu lista", Intent::opt_out},
    {"déjame en paz", Intent::opt_out},
    {"no, no me escribas más", Intent::opt_out},         // a stop is never read as negated
    {"please remove me from your list", Intent::opt_out},
    {"Stop sending me messages", Intent::opt_out},
    {"leave me alone", Intent::opt_out},
    {"don't text me again", Intent::opt_out},
    {"do not contact me", Intent::opt_out},
    {"take me off this list", Intent::opt_out},
    {"¿me comunicas con alguien de tu equipo?", Intent::human},
    {"prefiero que me atienda una persona", Intent::human},
    {"¿hay alguien ahí?", Intent::human},
    {"I'd rather speak with someone", Intent::human},
    {"can you put me through to your team", Intent::human},
    {"is there anyone there?", Intent::human},
    {"could I talk to your team?", Intent::human},
    {"no quiero hablar con una persona", Intent::none},
    {"I don't want to talk to a human, just book", Intent::none},
    {"no necesito hablar con alguien", Intent::none},
    {"we never talk to someone before buying", Intent::none},
};

// Issue 11 item 1: polite, indirect and plural ways to ask to stop or for a
// person, in both languages; negated requests for a person ask for nothing.
const IntentCase kStopAndPerson[] = {
    {"por favor ya no me manden mensajes", Intent::opt_out},
    {"b\xC3\xB3rrenme de su lista", Intent::opt_out},              // bórrenme
    {"s\xC3\xA1quenme de la lista, gracias", Intent::opt_out},      // sáquenme
    {"Dejen de escribirme", Intent::opt_out},
    {"D\xC3\xA9jame en paz!!", Intent::opt_out},                   // Déjame
    {"no me vuelvan a escribir", Intent::opt_out},
    {"ya no me contacten por favor", Intent::opt_out},
    {"dejen de molestarme", Intent::opt_out},
    {"eliminen mi n\xC3\xBAmero", Intent::opt_out},                 // número
    {"no quiero recibir m\xC3\xA1s mensajes", Intent::opt_out},
    {"basta", Intent::opt_out},
    {"Remove me from your list", Intent::opt_out},
    {"take me off your list please", Intent::opt_out},
    {"Leave me alone", Intent::opt_out},
    {"stop texting me", Intent::opt_out},
    {"Don't contact me again", Intent::opt_out},
    {"Don\xE2\x80\x99t contact me again", Intent::opt_out},        // curly apostrophe
    {"quit messaging me", Intent::opt_out},
    {"please stop bothering me", Intent::opt_out},
    {"lose my number", Intent::opt_out},
    {"no more messages please", Intent::opt_out},
    {"prefiero hablar con alguien", Intent::human},
    {"\xC2\xBFme pueden comunicar con su equipo?", Intent::human},
    {"p\xC3\xA1same con un asesor", Intent::human},               // pásame
    {"\xC2\xBFhay alguien ah\xC3\xAD?", Intent::human},           // ¿hay alguien ahí?
    {"\xC2\xBFhay alguna persona real?", Intent::human},
    {"\xC2\xBFhay alguien?", Intent::human},
    {"quiero que me llame una persona", Intent::human},
    {"me pasan con el encargado?", Intent::human},
    {"quiero un humano", Intent::human},
    {"no, quiero hablar con una persona", Intent::human},         // the "no" answers the question
    {"put me through to your team", Intent::human},
    {"is there anyone there?", Intent::human},
    {"hello? anybody there?", Intent::human},
    {"can I talk to someone real?", Intent::human},
    {"I'd rather speak with a person", Intent::human},
    {"connect me with an agent", Intent::human},
    {"could you transfer me to a live agent", Intent::human},
    {"I want a human", Intent::human},
    {"can I chat with your team", Intent::human},
    // Negated, or a person named in passing: an answer, not a hand-off.
    {"no quiero que me llamen una persona", Intent::none},
    {"I don't need a person", Intent::none},
    {"I don't really want to talk to a human", Intent::none},
    {"no necesito hablar con un asesor", Intent::none},
    {"sin hablar con nadie, solo agendar", Intent::none},
    {"we can talk to a real estate agent later", Intent::none},
    {"necesito comunicarme con mis clientes", Intent::none},
    {"quiero hablar con m\xC3\xA1s clientes", Intent::none},
    {"no puedo esperar", Intent::none},
    {"stop losing leads is my goal", Intent::none},
    {"dejar de perder clientes", Intent::none},
    {"no me escriben los clientes", Intent::none},
    {"our leads never talk to anyone", Intent::none},
};

// Issue 11 item 8: a polite close, only when that is all the message says.
const IntentCase kNotInterested[] = {
    {"no me interesa", Intent::not_interested},
    {"No me interesa, gracias", Intent::not_interested},
    {"ya no me interesa", Intent::not_interested},
    {"no estoy interesado", Intent::not_interested},
    {"No estoy interesada por ahora", Intent::not_interested},
    {"no gracias, no me interesa", Intent::not_interested},
    {"no, no me interesa", Intent::not_interested},
    {"paso, gracias", Intent::not_interested},
    {"la verdad no nos interesa", Intent::not_interested},
    {"no me interesan sus servicios", Intent::not_interested},
    {"no me interesa, que tengas buen d\xC3\xAD" "a", Intent::not_interested},
    {"no es para m\xC3\xAD, gracias", Intent::not_interested},
    {"not interested", Intent::not_interested},
    {"Not interested.", Intent::not_interested},
    {"I'm not interested anymore", Intent::not_interested},
    {"no thanks, not interested", Intent::not_interested},
    {"we're not interested", Intent::not_interested},
    {"I'll pass", Intent::not_interested},
    {"nah, I'll pass, thanks anyway", Intent::not_interested},
    {"I'm no longer interested, sorry", Intent::not_interested},
    {"not interested in your services", Intent::not_interested},
    {"not for me, have a nice day", Intent::not_interested},
    {"no me interesa nada de esto", Intent::not_interested},
    {"I'll pass on this, thank you", Intent::not_interested},
    // The order: stop, then a person, then not interested.
    {"no me interesa, no me escribas m\xC3\xA1s", Intent::opt_out},
    {"not interested, stop texting me", Intent::opt_out},
    {"no me interesa, quiero hablar con una persona", Intent::human},
    // More than a close: an answer that names what the lead does not want.
    {"no me interesa el SEO, quiero m\xC3\xA1s clientes", Intent::none},
    {"I'm not interested in ads, I want referrals", Intent::none},
    {"no estoy interesado en pagar tanto", Intent::none},
    {"no, gracias", Intent::none},
    {"no thanks", Intent::none},
    {"no", Intent::none},
    {"paso a paso", Intent::none},
    {"me interesa", Intent::none},
    {"si me interesa", Intent::none},
};

const IntentCase kNone[] = {
    {"", Intent::none},
    {"hola", Intent::none},
    {"Juan", Intent::none},
    {"stopwatch", Intent::none},
    {"we can't stop growing", Intent::none},
    {"no human answers our leads", Intent::none},      // a pain point, not a hand-off
    {"por persona", Intent::none},
    {"la baja de ventas", Intent::none},
    {"quiero empezar", Intent::none},
    {"reset password", Intent::none},
    {"un agente inmobiliario", Intent::none},
    {"persona natural", Intent::none},
};

INSTANTIATE_TEST_SUITE_P(Phrases, DetectIntent, ::testing::ValuesIn(kPhrases));
INSTANTIATE_TEST_SUITE_P(Keywords, DetectIntent, ::testing::ValuesIn(kKeywords));
INSTANTIATE_TEST_SUITE_P(None, DetectIntent, ::testing::ValuesIn(kNone));
INSTANTIATE_TEST_SUITE_P(MorePhrases, DetectIntent, ::testing::ValuesIn(kMorePhrases));
INSTANTIATE_TEST_SUITE_P(StopAndPerson, DetectIntent, ::testing::ValuesIn(kStopAndPerson));
INSTANTIATE_TEST_SUITE_P(NotInterested, DetectIntent, ::testing::ValuesIn(kNotInterested));

// asks_to_opt_in: an opted-out lead asking, in so many words, to hear from
// the business again; negated or vague messages are not.
struct OptInCase {
  std::string input;
  bool want;
};

void PrintTo(const OptInCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class AsksToOptIn : public ::testing::TestWithParam<OptInCase> {};

TEST_P(AsksToOptIn, Table) { EXPECT_EQ(asks_to_opt_in(GetParam().input), GetParam().want); }

const OptInCase kOptIn[] = {
    {"START", true},
    {"start please", true},
    {"UNSTOP", true},
    {"Reactivar", true},
    {"alta", true},
    {"hola, quiero agendar una llamada", true},
    {"Quisiera agendar", true},
    {"me gustaría agendar al final", true},
    {"quiero una cita", true},
    {"quiero reactivar los mensajes", true},
    {"pueden darme de alta otra vez?", true},
    {"I'd like to book after all", true},
    {"I want to book a call", true},
    {"we would like to schedule a call", true},
    {"subscribe again please", true},
    // Negated, vague, or something else.
    {"no quiero agendar nada", false},
    {"ya no quiero una cita", false},
    {"I don't want to book", false},
    {"I do not want to schedule anything", false},
    {"never want to book with you", false},
    {"hola", false},
    {"hello?", false},
    {"start over", false},
    {"stop", false},
    {"quien eres?", false},
    {"the start of the year was slow", false},
    {"", false},
};

INSTANTIATE_TEST_SUITE_P(OptIn, AsksToOptIn, ::testing::ValuesIn(kOptIn));

}  // namespace
}  // namespace booking
