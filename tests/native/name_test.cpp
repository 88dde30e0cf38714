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

INSTANTIATE_TEST_SUITE_P(Spanish, ExtractName, ::testing::ValuesIn(kSpanish));
INSTANTIATE_TEST_SUITE_P(English, ExtractName, ::testing::ValuesIn(kEnglish));
INSTANTIATE_TEST_SUITE_P(Rejected, ExtractName, ::testing::ValuesIn(kRejected));

TEST(ExtractNameLimits, SixtyCharactersAtMost) {
  const std::string sixty = "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";  // 29 + 1 + 30
  ASSERT_EQ(sixty.size(), 60u);
  EXPECT_EQ(extract_name(sixty), sixty);
  EXPECT_EQ(extract_name(sixty + "b"), std::nullopt);
}

}  // namespace
}  // namespace booking
