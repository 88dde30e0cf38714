// extract_name: the lead's answer to "¿Cómo te llamas? / What's your name?".
#include "name.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace booking {
namespace {

struct NameCase {
  std::string input;
  std::optional<std::string> want;  // nullopt: not a name, ask again
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ExtractName : public ::testing::TestWithParam<NameCase> {};

TEST_P(ExtractName, Table) { EXPECT_EQ(extract_name(GetParam().input), GetParam().want); }

const NameCase kSpanish[] = {
    {"Juan Carlos", "Juan Carlos"},
    {"juan carlos", "Juan Carlos"},
    {"me llamo juan carlos", "Juan Carlos"},
    {"Me llamo Juan Carlos.", "Juan Carlos"},
    {"soy Mar\xC3\xAD" "a", "Mar\xC3\xAD" "a"},                            // soy María
    {"mar\xC3\xAD" "a", "Mar\xC3\xAD" "a"},                                // maría → María
    {"\xC3\x81NGEL", "\xC3\x81ngel"},                                      // ÁNGEL → Ángel
    {"\xC3\xA1ngel p\xC3\xA9rez", "\xC3\x81ngel P\xC3\xA9rez"},            // ángel pérez
    {"mi nombre es Luc\xC3\xAD" "a Fern\xC3\xA1ndez", "Luc\xC3\xAD" "a Fern\xC3\xA1ndez"},
    {"Hola, soy Pedro \xF0\x9F\x98\x8A", "Pedro"},                         // Hola, soy Pedro 😊
    {"Soy Ana, quiero info", "Ana"},
    {"Soy Ana y quiero informaci\xC3\xB3n", "Ana"},
    {"Claro, es Juan", "Juan"},
    {"buenas tardes! me llamo Sof\xC3\xAD" "a", "Sof\xC3\xAD" "a"},
    {"Hola Ana", "Ana"},
    {"NU\xC3\x91" "EZ", "Nu\xC3\xB1" "ez"},                                // NUÑEZ → Nuñez
    {"mar\xC3\xAD" "a de los \xC3\xA1ngeles", "Mar\xC3\xAD" "a de los \xC3\x81ngeles"},  // particles
    {"Juan C. P\xC3\xA9rez", "Juan C. P\xC3\xA9rez"},                      // initial kept
    {"Juan es mi nombre", "Juan"},
    {"Ana gracias!", "Ana"},
    {"Mari\xCC\x81" "a", "Mari\xCC\x81" "a"},                              // decomposed í stays
    {"Soy la Dra. Ana Ruiz", "Ana Ruiz"},                                  // titles dropped
    {"Sr. P\xC3\xA9rez", "P\xC3\xA9rez"},
    {"Perd\xC3\xB3n, soy Ana", "Ana"},
    {"La Rosa", "La Rosa"},                                                // "la" alone is not a title
    {"d\xC2\xB4" "angelo", "D'Angelo"},                                   // ´ typed as apostrophe
};

const NameCase kEnglish[] = {
    {"My name is Sarah O'Connor", "Sarah O'Connor"},
    {"sarah o'connor", "Sarah O'Connor"},
    {"sarah o\xE2\x80\x99" "connor", "Sarah O'Connor"},                    // curly apostrophe
    {"i'm tom", "Tom"},
    {"im tom", "Tom"},
    {"I am Tom", "Tom"},
    {"it's Ana", "Ana"},
    {"call me Bob", "Bob"},
    {"This is Jean-Luc Picard", "Jean-Luc Picard"},
    {"jean-luc", "Jean-Luc"},
    {"Ronald McDonald", "Ronald McDonald"},                                // mixed case kept
    {"RONALD MCDONALD", "Ronald Mcdonald"},
    {"jOHN sMITH", "John Smith"},                                          // caps lock undone
    {"Hi! I'm Tom, nice to meet you", "Tom"},
    {"sure, it's Mary Ann", "Mary Ann"},
    {"Tom from Acme", "Tom"},
    {"hello, my name's Liam", "Liam"},
    {"Mr. Bean", "Bean"},
};

const NameCase kRejected[] = {
    {"", std::nullopt},
    {"   ", std::nullopt},
    {"12345", std::nullopt},
    {"Juan 2", std::nullopt},                                              // digits anywhere
    {"juan@mail.com", std::nullopt},
    {"Soy Ana, ana@mail.com", std::nullopt},
    {"www.juan.com", std::nullopt},
    {"https://example.org/juan", std::nullopt},
    {"juancarlos.com", std::nullopt},
    {"hola", std::nullopt},                                                // a greeting is not a name
    {"Buenas tardes!", std::nullopt},
    {"hello", std::nullopt},
    {"\xF0\x9F\x98\x8A\xF0\x9F\x91\x8D", std::nullopt},                    // 😊👍
    {"?!...", std::nullopt},
    {"quiero informaci\xC3\xB3n", std::nullopt},                           // a request, not a name
    {"Hola, quiero saber los precios", std::nullopt},
    {"I want info", std::nullopt},
    {"What is the price?", std::nullopt},
    {"no", std::nullopt},
    {"Juan Carlos Alberto Pedro Gonzalo", std::nullopt},                   // five words
    {"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", std::nullopt},
    {"A", std::nullopt},                                                   // one letter
    {"ok", std::nullopt},
    {"Ana\xFF", std::nullopt},                                             // invalid UTF-8
};

// Pleasantries before or after the name, and sign-ins around it ("aquí
// Marta", "Dan speaking"), are skipped.
const NameCase kPleasantries[] = {
    {"Hola! Soy Marta, un gusto", "Marta"},
    {"Soy Marta, mucho gusto", "Marta"},
    {"Marta, encantada", "Marta"},
    {"Marta por aqu\xC3\xAD", "Marta"},                                   // Marta por aquí
    {"aqu\xC3\xAD Marta", "Marta"},                                        // aquí Marta
    {"Marta ac\xC3\xA1", "Marta"},                                         // Marta acá
    {"le saluda Marta", "Marta"},
    {"Le saluda la Lic. Marta Ruiz", "Marta Ruiz"},
    {"me dicen Marta", "Marta"},
    {"Marta al habla", "Marta"},
    {"Al Gore", "Al Gore"},                                                // "al" alone is a name
    {"Te escribe Marta L\xC3\xB3pez", "Marta L\xC3\xB3pez"},              // Te escribe Marta López
    {"Hola, \xC2\xBFqu\xC3\xA9 tal? Soy Marta", "Marta"},                  // Hola, ¿qué tal? Soy Marta
    {"Un gusto, soy Marta", "Marta"},
    {"Saludos, Marta", "Marta"},
    {"this is Dan", "Dan"},
    {"Dan speaking", "Dan"},
    {"this is Dan speaking", "Dan"},
    {"Hi, Dan here", "Dan"},
    {"hey there! Dan here \xF0\x9F\x91\x8B", "Dan"},                      // 👋
    {"Nice to meet you, I'm Dan", "Dan"},
    {"you're speaking with Dan", "Dan"},
};

// The name first, then a question: the name is kept (the question is read
// by other steps).
const NameCase kNameThenQuestion[] = {
    {"Marta. \xC2\xBF" "Cu\xC3\xA1nto cuesta?", "Marta"},                  // Marta. ¿Cuánto cuesta?
    {"Marta, \xC2\xBF" "cu\xC3\xA1nto cuesta?", "Marta"},
    {"Dan, how much is it?", "Dan"},
    {"Dan speaking, how much is it?", "Dan"},
    {"Dan. What do you charge?", "Dan"},
};

// A question, a pleasantry or a sentence alone is not a name.
const NameCase kNotNames[] = {
    {"\xC2\xBF" "cu\xC3\xA1nto cuesta?", std::nullopt},                     // ¿cuánto cuesta?
    {"how much is it?", std::nullopt},
    {"\xC2\xBFqui\xC3\xA9n eres?", std::nullopt},                            // ¿quién eres?
    {"Hola \xC2\xBFqui\xC3\xA9n eres?", std::nullopt},
    {"what is this?", std::nullopt},
    {"who is this?", std::nullopt},
    {"\xC2\xBF" "eres un bot?", std::nullopt},
    {"\xC2\xBFHorarios?", std::nullopt},                                   // ¿Horarios?: a question word
    {"Marta?", std::nullopt},                                              // asked back, not answered
    {"mucho gusto", std::nullopt},
    {"nice to meet you", std::nullopt},
    {"aqu\xC3\xAD", std::nullopt},
    {"Speaking of prices", std::nullopt},
    {"Solo quiero ver precios", std::nullopt},
    {"just looking", std::nullopt},
    {"Marta Juana P\xC3\xA9rez L\xC3\xB3pez Ruiz, un gusto", std::nullopt},  // five words
    {"Dan 2", std::nullopt},
    {"Soy Marta, marta@mail.com", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Spanish, ExtractName, ::testing::ValuesIn(kSpanish));
INSTANTIATE_TEST_SUITE_P(English, ExtractName, ::testing::ValuesIn(kEnglish));
INSTANTIATE_TEST_SUITE_P(Rejected, ExtractName, ::testing::ValuesIn(kRejected));
INSTANTIATE_TEST_SUITE_P(Pleasantries, ExtractName, ::testing::ValuesIn(kPleasantries));
INSTANTIATE_TEST_SUITE_P(NameThenQuestion, ExtractName, ::testing::ValuesIn(kNameThenQuestion));
INSTANTIATE_TEST_SUITE_P(NotNames, ExtractName, ::testing::ValuesIn(kNotNames));

TEST(ExtractNameLimits, SixtyCharactersAtMost) {
  const std::string sixty = "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";  // 29 + 1 + 30
  ASSERT_EQ(sixty.size(), 60u);
  EXPECT_EQ(extract_name(sixty), sixty);
  EXPECT_EQ(extract_name(sixty + "b"), std::nullopt);
}

}  // namespace
}  // namespace booking
