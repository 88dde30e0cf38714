// bounded_answer: the goal and pain point, kept as typed but tidy and short.
#include "answer.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "text.hpp"

namespace booking {
namespace {

struct AnswerCase {
  std::string input;
  std::size_t max;
  std::optional<std::string> want;
};

void PrintTo(const AnswerCase& c, std::ostream* os) { *os << '"' << c.input << "\" max " << c.max; }

class BoundedAnswer : public ::testing::TestWithParam<AnswerCase> {};

TEST_P(BoundedAnswer, Table) { EXPECT_EQ(bounded_answer(GetParam().input, GetParam().max), GetParam().want); }

const AnswerCase kCases[] = {
    {"M\xC3\xA1s clientes", kGoalMaxChars, "M\xC3\xA1s clientes"},
    {"  more   leads \n\n please  ", kGoalMaxChars, "more leads please"},
    {"a\tb\r\nc", 10, "a b c"},
    {"Quiero m\xC3\xA1s clientes.", kGoalMaxChars, "Quiero m\xC3\xA1s clientes."},  // punctuation kept
    {"\xC2\xBF" "C\xC3\xB3mo consigo clientes?", kGoalMaxChars,
     "\xC2\xBF" "C\xC3\xB3mo consigo clientes?"},
    {"more leads \xF0\x9F\x9A\x80", kGoalMaxChars, "more leads \xF0\x9F\x9A\x80"},
    {"a\xC2\xA0\xC2\xA0" "b", 10, "a b"},                       // NBSP collapses too
    // Cut at a word boundary to at most max code points.
    {"one two three", 9, "one two"},
    {"one two three", 7, "one two"},                           // the cut falls on a space
    {"one two three", 8, "one two"},
    {"one two three", 13, "one two three"},
    {"\xC3\xA1\xC3\xA9\xC3\xAD \xC3\xB3\xC3\xBA", 5, "\xC3\xA1\xC3\xA9\xC3\xAD"},  // counts code points
    // A single word longer than max is cut inside, on a code point.
    {"supercalifragilistic", 5, "super"},
    {"\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1", 3, "\xC3\xA1\xC3\xA1\xC3\xA1"},
    {"\xF0\x9F\x98\x8A" "abc", 2, "\xF0\x9F\x98\x8A" "a"},
    {"\xF0\x9F\x9A\x80 !!! growth", 5, std::nullopt},         // what fits has no letter
    // Nothing to keep.
    {"", kGoalMaxChars, std::nullopt},
    {"   \n ", kGoalMaxChars, std::nullopt},
    {"!!! ???", kGoalMaxChars, std::nullopt},
    {"\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D", kGoalMaxChars, std::nullopt},
    {"hello", 0, std::nullopt},
    {"42", kGoalMaxChars, "42"},                               // digits count
    // Invalid UTF-8 and control characters are cleaned, not passed on.
    {"ok\xFF" "ok", 10, "ok\xEF\xBF\xBD" "ok"},
    {"a\x01" "b", 10, "a b"},
};

INSTANTIATE_TEST_SUITE_P(Answers, BoundedAnswer, ::testing::ValuesIn(kCases));

TEST(BoundedAnswerLimits, LongPainPointStaysWithinLimit) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "palabra ";
  const auto got = bounded_answer(text, kPainMaxChars);
  ASSERT_TRUE(got.has_value());
  EXPECT_LE(utf8_length(*got), kPainMaxChars);
  EXPECT_EQ(got->size(), 199u);  // 25 × "palabra" + 24 spaces
  EXPECT_NE(got->back(), ' ');
}

}  // namespace
}  // namespace booking
