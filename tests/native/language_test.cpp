// detect_language: which language the first message is written in.
#include "language.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace booking {
namespace {

struct LangCase {
  std::string input;
  std::optional<Lang> want;  // nullopt: unclear, the caller uses its default
};

void PrintTo(const LangCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class DetectLanguage : public ::testing::TestWithParam<LangCase> {};

TEST_P(DetectLanguage, Table) { EXPECT_EQ(detect_language(GetParam().input), GetParam().want); }

const LangCase kSpanish[] = {
    {"hola", Lang::es},
    {"Hola!", Lang::es},
    {"HOLA BUENAS TARDES", Lang::es},
    {"buenas", Lang::es},
    {"Buenos d\xC3\xAD" "as", Lang::es},
    {"quiero informaci\xC3\xB3n", Lang::es},
    {"Informaci\xC3\xB3n", Lang::es},
    {"gracias", Lang::es},
    {"\xC2\xBF" "precio?", Lang::es},               // ¿ alone is Spanish
    {"\xC2\xA1" "Genial!", Lang::es},               // ¡
    {"Hola, quiero info", Lang::es},
    {"hola info", Lang::es},                        // greeting outweighs "info"
    {"hey que tal", Lang::es},
    {"Me interesa", Lang::es},
    {"ma\xC3\xB1" "ana", Lang::es},                 // mañana: ñ
    {"Hola \xF0\x9F\x91\x8B", Lang::es},
};

const LangCase kEnglish[] = {
    {"hi", Lang::en},
    {"Hello", Lang::en},
    {"hey", Lang::en},
    {"good morning", Lang::en},
    {"I want info", Lang::en},
    {"info", Lang::en},
    {"thanks", Lang::en},
    {"interested", Lang::en},
    {"price?", Lang::en},
    {"Hi there, can you help me?", Lang::en},
    {"Hi, I am Jos\xC3\xA9", Lang::en},             // an accented name does not flip it
    {"Hello, my name is Mar\xC3\xAD" "a", Lang::en},
};

// Later answers, read when no language is stored (GHL could not be read):
// the try-again text must still come in the lead's language.
const LangCase kEnglishAnswers[] = {
    {"wednesday", Lang::en},
    {"Friday", Lang::en},
    {"next tuesday", Lang::en},
    {"tomorrow", Lang::en},
    {"thursday at 10am", Lang::en},
    {"yes", Lang::en},
    {"Yes!", Lang::en},
    {"sure", Lang::en},
    {"thanks", Lang::en},
    {"the first one", Lang::en},
    {"hi", Lang::en},
    {"sounds great", Lang::en},
    {"Fine, Monday works", Lang::en},
};

const LangCase kSpanishAnswers[] = {
    {"mi\xC3\xA9rcoles", Lang::es},                 // miércoles
    {"miercoles", Lang::es},                        // ... without the accent
    {"jueves", Lang::es},
    {"el viernes", Lang::es},
    {"el pr\xC3\xB3ximo martes", Lang::es},
    {"ma\xC3\xB1" "ana", Lang::es},
    {"s\xC3\xAD", Lang::es},                        // sí
    {"si", Lang::es},
    {"gracias", Lang::es},
    {"la primera", Lang::es},
    {"a las 10", Lang::es},
    {"claro", Lang::es},
    {"Perfecto, el lunes", Lang::es},
    {"jueves 10am", Lang::es},
};

const LangCase kUnclear[] = {
    {"", std::nullopt},
    {"ok", std::nullopt},
    {"\xF0\x9F\x91\x8D", std::nullopt},             // 👍
    {"123", std::nullopt},
    {"test", std::nullopt},
    {"Bonjour", std::nullopt},
    {"Hola hello", std::nullopt},                   // a tie
    {"OK", std::nullopt},                           // both languages say it
    {"10am", std::nullopt},                         // the Spanish offer writes times so too
    {"2pm", std::nullopt},
    {"10", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Spanish, DetectLanguage, ::testing::ValuesIn(kSpanish));
INSTANTIATE_TEST_SUITE_P(English, DetectLanguage, ::testing::ValuesIn(kEnglish));
INSTANTIATE_TEST_SUITE_P(EnglishAnswers, DetectLanguage, ::testing::ValuesIn(kEnglishAnswers));
INSTANTIATE_TEST_SUITE_P(SpanishAnswers, DetectLanguage, ::testing::ValuesIn(kSpanishAnswers));
INSTANTIATE_TEST_SUITE_P(Unclear, DetectLanguage, ::testing::ValuesIn(kUnclear));

TEST(LangCodes, RoundTrip) {
  EXPECT_EQ(to_string(Lang::es), "es");
  EXPECT_EQ(to_string(Lang::en), "en");
  EXPECT_EQ(parse_lang("es"), Lang::es);
  EXPECT_EQ(parse_lang("en"), Lang::en);
  EXPECT_EQ(parse_lang("ES"), std::nullopt);
  EXPECT_EQ(parse_lang("fr"), std::nullopt);
  EXPECT_EQ(parse_lang(""), std::nullopt);
  EXPECT_EQ(parse_lang("es-MX"), std::nullopt);
}

}  // namespace
// asked_language: a lead asking to continue in the other language (issue 11).
TEST(AskedLanguage, Table) {
  const std::pair<const char*, std::optional<Lang>> cases[] = {
      {"in English please", Lang::en},
      {"Can we speak English?", Lang::en},
      {"¿hablas inglés?", Lang::en},
      {"prefiero en inglés", Lang::en},
      {"English?", Lang::en},
      {"en español por favor", Lang::es},
      {"Do you speak Spanish?", Lang::es},
      {"mejor en castellano", Lang::es},
      {"español", Lang::es},
      {"hola", std::nullopt},
      {"I'm learning Spanish", std::nullopt},
      {"my clients speak english and spanish at the store", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(asked_language(text), want) << text;
  }
}

// More ways to ask (issue 11 item 8), and what the lead cannot read.
TEST(AskedLanguage, MorePhrasings) {
  const std::pair<const char*, std::optional<Lang>> cases[] = {
      {"\xC2\xBFpodemos hablar en ingl\xC3\xA9s?", Lang::en},   // ¿podemos hablar en inglés?
      {"can we do this in Spanish?", Lang::es},
      {"english pls", Lang::en},
      {"English please!", Lang::en},
      {"habla espa\xC3\xB1ol?", Lang::es},
      {"no hablo ingl\xC3\xA9s", Lang::es},
      {"perd\xC3\xB3n, no entiendo ingl\xC3\xA9s", Lang::es},
      {"I don't speak Spanish", Lang::en},
      {"sorry, I can't speak spanish", Lang::en},
      {"we don't speak english", Lang::es},
      {"switch to Spanish please", Lang::es},
      {"can you switch to english", Lang::en},
      {"\xC2\xBFhay alguien que hable ingl\xC3\xA9s?", Lang::en},
      {"is there someone who speaks spanish?", Lang::es},
      {"prefiero espa\xC3\xB1ol", Lang::es},
      {"I prefer English", Lang::en},
      {"only spanish", Lang::es},
      {"espa\xC3\xB1ol porfa", Lang::es},
      {"INGL\xC3\x89S", Lang::en},
      {"\xC2\xBFme escribes en ingl\xC3\xA9s?", Lang::en},
      {"cambiemos a espa\xC3\xB1ol", Lang::es},
      {"Spanish?", Lang::es},
      // A language named in passing asks for nothing.
      {"vendemos cursos de ingl\xC3\xA9s", std::nullopt},
      {"soy profesora de ingl\xC3\xA9s", std::nullopt},
      {"we sell spanish tapas", std::nullopt},
      {"English teacher", std::nullopt},
      {"my name is John English", std::nullopt},
      {"most of our customers speak Spanish", std::nullopt},
      {"quiero m\xC3\xA1s clientes", std::nullopt},
      {"Spanish Fork, Utah", std::nullopt},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(asked_language(text), want) << text;
  }
}

// clearly_language: a whole message written in one language (issue 11
// item 8), so a lead who switches mid-conversation is answered in it.
TEST(ClearlyLanguage, Table) {
  const std::pair<const char*, std::optional<Lang>> cases[] = {
      {"I want to get more clients for my business", Lang::en},
      {"Can you call me tomorrow at 10?", Lang::en},
      {"what is the price of the service", Lang::en},
      {"We are a small company and need more customers", Lang::en},
      {"I'm not sure what my budget is", Lang::en},
      {"sorry, I don't understand what you said", Lang::en},
      {"next Tuesday works for me", Lang::en},
      {"Hi Maria, I want to book a call", Lang::en},          // a Spanish name does not mix it
      {"Hi, I am Jos\xC3\xA9 and I need help", Lang::en},     // nor an accented one
      {"quiero conseguir m\xC3\xA1s clientes para mi negocio", Lang::es},
      {"\xC2\xBFme puedes llamar ma\xC3\xB1" "ana a las 10?", Lang::es},
      {"no entiendo lo que me dices", Lang::es},
      {"tenemos una empresa peque\xC3\xB1" "a de limpieza", Lang::es},
      {"el pr\xC3\xB3ximo martes por la tarde", Lang::es},
      {"quisiera saber cu\xC3\xA1nto cuesta el servicio", Lang::es},
      {"hola, soy Sarah y tengo una tienda", Lang::es},        // an English name does not mix it
      {"no tengo presupuesto para eso ahora", Lang::es},
      {"the first one please", Lang::en},                    // four English words are a sentence
      {"la primera por favor", Lang::es},
      // Too short, no sentence, or both languages.
      {"Juan Carlos", std::nullopt},
      {"Sarah O'Connor", std::nullopt},
      {"Juan Carlos P\xC3\xA9rez Garc\xC3\xAD" "a", std::nullopt},
      {"juan.perez@gmail.com", std::nullopt},
      {"sarah.oconnor@acme-corp.com", std::nullopt},
      {"ok", std::nullopt},
      {"si", std::nullopt},
      {"yes", std::nullopt},
      {"martes", std::nullopt},
      {"10am", std::nullopt},
      {"500 al mes", std::nullopt},
      {"1500 USD per month", std::nullopt},
      {"555 123 4567 890", std::nullopt},
      {"Coca Cola Zero Sugar", std::nullopt},
      {"Hola, I want information", std::nullopt},
      {"quiero more leads for my negocio", std::nullopt},
      {"si, el jueves", std::nullopt},
      {"thank you", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(clearly_language(text), want) << text;
  }
}

}  // namespace booking
