// read_yes_no: the answer to a yes/no question ("did you mean …?").
#include "yes_no.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace booking {
namespace {

struct YesNoCase {
  std::string input;
  YesNo want;
};

void PrintTo(const YesNoCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ReadYesNo : public ::testing::TestWithParam<YesNoCase> {};

TEST_P(ReadYesNo, Table) { EXPECT_EQ(read_yes_no(GetParam().input), GetParam().want); }

const YesNoCase kYes[] = {
    {"s\xC3\xAD", YesNo::yes},                                // sí
    {"si", YesNo::yes},
    {"S\xC3\x8D.", YesNo::yes},                               // SÍ.
    {"siii", YesNo::yes},
    {"sip", YesNo::yes},
    {"claro", YesNo::yes},
    {"\xC2\xA1" "Claro que s\xC3\xAD!", YesNo::yes},           // ¡Claro que sí!
    {"correcto", YesNo::yes},
    {"Es correcto, gracias", YesNo::yes},
    {"exacto", YesNo::yes},
    {"as\xC3\xAD es", YesNo::yes},                             // así es
    {"eso", YesNo::yes},
    {"ese es", YesNo::yes},
    {"ok", YesNo::yes},
    {"Vale", YesNo::yes},
    {"dale", YesNo::yes},
    {"s\xC3\xAD, claro", YesNo::yes},
    {"si si", YesNo::yes},
    {"s\xC3\xAD por favor", YesNo::yes},
    {"pues s\xC3\xAD", YesNo::yes},
    {"jajaja s\xC3\xAD", YesNo::yes},
    {"de acuerdo", YesNo::yes},
    {"yes", YesNo::yes},
    {"Yes!", YesNo::yes},
    {"yep", YesNo::yes},
    {"yeah", YesNo::yes},
    {"correct", YesNo::yes},
    {"right", YesNo::yes},
    {"that's right", YesNo::yes},
    {"That\xE2\x80\x99s right", YesNo::yes},                   // curly apostrophe
    {"thats right", YesNo::yes},
    {"sure", YesNo::yes},
    {"yes please", YesNo::yes},
    {"yes, thanks", YesNo::yes},
    {"of course", YesNo::yes},
    {"\xF0\x9F\x91\x8D", YesNo::yes},                          // 👍
    {"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", YesNo::yes},          // 👍🏽
    {"ok \xF0\x9F\x91\x8C", YesNo::yes},                       // ok 👌
    {"\xE2\x9C\x85", YesNo::yes},                              // ✅
};

const YesNoCase kNo[] = {
    {"no", YesNo::no},
    {"No.", YesNo::no},
    {"noooo", YesNo::no},
    {"nop", YesNo::no},
    {"nope", YesNo::no},
    {"incorrecto", YesNo::no},
    {"no es ese", YesNo::no},
    {"No, no es ese", YesNo::no},
    {"ese no es", YesNo::no},
    {"claro que no", YesNo::no},
    {"no, gracias", YesNo::no},
    {"para nada", YesNo::no},
    {"wrong", YesNo::no},
    {"that's not it", YesNo::no},
    {"That's wrong", YesNo::no},
    {"not right", YesNo::no},
    {"no thanks", YesNo::no},
    {"of course not", YesNo::no},
    {"\xF0\x9F\x91\x8E", YesNo::no},                           // 👎
    {"\xE2\x9D\x8C", YesNo::no},                               // ❌
};

const YesNoCase kNone[] = {
    {"", YesNo::none},
    {"hola", YesNo::none},
    {"gracias", YesNo::none},                                 // only a filler
    {"\xF0\x9F\x98\x8A", YesNo::none},                         // 😊
    {"s\xC3\xAD, pero el jueves", YesNo::none},                // says more than yes
    {"si, pero mejor el jueves", YesNo::none},
    {"no s\xC3\xA9", YesNo::none},                             // no sé
    {"no lo s\xC3\xA9", YesNo::none},
    {"I don't know", YesNo::none},
    {"not sure", YesNo::none},
    {"no, es ana@gmail.com", YesNo::none},                    // a correction: read it as one
    {"s\xC3\xAD no", YesNo::none},                             // both
    {"\xF0\x9F\x91\x8D no", YesNo::none},
    {"\xC2\xBF" "s\xC3\xAD?", YesNo::none},                    // ¿sí?: a question
    {"ok?", YesNo::none},
    {"ok ma\xC3\xB1" "ana", YesNo::none},                      // ok mañana
    {"s\xC3\xAD 2", YesNo::none},
    {"bueno", YesNo::none},
    {"yesterday", YesNo::none},                               // whole words only
    {"nobody", YesNo::none},
    {"sin", YesNo::none},
    {"est\xC3\xA1 mal escrito", YesNo::none},
};

INSTANTIATE_TEST_SUITE_P(Yes, ReadYesNo, ::testing::ValuesIn(kYes));
INSTANTIATE_TEST_SUITE_P(No, ReadYesNo, ::testing::ValuesIn(kNo));
INSTANTIATE_TEST_SUITE_P(None, ReadYesNo, ::testing::ValuesIn(kNone));

TEST(ReadYesNoLimits, LongMessageIsNone) {
  EXPECT_EQ(read_yes_no(std::string(5000, ' ') + "si"), YesNo::none);
}

}  // namespace
}  // namespace booking
