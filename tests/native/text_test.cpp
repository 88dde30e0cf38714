// Text helpers: the building blocks every extractor relies on.
#include "text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace booking {
namespace {

TEST(Utf8, ValidatesWellFormedSequences) {
  struct Case {
    std::string input;
    bool valid;
  };
  const Case cases[] = {
      {"", true},
      {"hola", true},
      {"Mar\xC3\xAD" "a", true},             // María
      {"\xF0\x9F\x98\x8A", true},            // 😊
      {"\xE2\x82\xAC", true},                // €
      {"\xC3", false},                       // truncated
      {"\xC0\xAF", false},                   // overlong '/'
      {"\xE0\x80\xAF", false},               // overlong, 3 bytes
      {"\xED\xA0\x80", false},               // surrogate U+D800
      {"\xF4\x90\x80\x80", false},           // above U+10FFFF
      {"\x80", false},                       // lone continuation
      {"ok\xFF", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(is_valid_utf8(c.input), c.valid);
  }
}

TEST(Utf8, SanitizeReplacesInvalidBytesAndControls) {
  EXPECT_EQ(sanitize_utf8("ok"), "ok");
  EXPECT_EQ(sanitize_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(sanitize_utf8("a\nb\tc\x7F"), "a b c ");
  EXPECT_EQ(sanitize_utf8("\xC2\x85"), " ");  // C1 control NEL
  EXPECT_EQ(sanitize_utf8("Jos\xC3\xA9 \xF0\x9F\x98\x8A"), "Jos\xC3\xA9 \xF0\x9F\x98\x8A");
}

TEST(Utf8, PrefixNeverSplitsASequence) {
  EXPECT_EQ(utf8_prefix("hola", 10), "hola");
  EXPECT_EQ(utf8_prefix("hola", 2), "ho");
  EXPECT_EQ(utf8_prefix("a\xC3\xA9", 2), "a");          // "aé" cut inside é
  EXPECT_EQ(utf8_prefix("\xF0\x9F\x98\x8A", 3), "");    // emoji cut inside
  EXPECT_EQ(utf8_prefix("\xF0\x9F\x98\x8A", 4), "\xF0\x9F\x98\x8A");
}

TEST(Utf8, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("Mar\xC3\xAD" "a"), 5u);
  EXPECT_EQ(utf8_length("\xF0\x9F\x98\x8A!"), 2u);
}

TEST(Fold, LowerCasesAndStripsSpanishAccents) {
  struct Case {
    std::string input, want;
  };
  const Case cases[] = {
      {"HOLA", "hola"},
      {"Informaci\xC3\xB3n", "informacion"},
      {"MI\xC3\x89RCOLES", "miercoles"},                 // MIÉRCOLES
      {"ma\xC3\xB1" "ana", "manana"},                    // mañana
      {"\xC3\x91" "and\xC3\xBA", "nandu"},               // Ñandú
      {"ping\xC3\xBC" "ino", "pinguino"},                // pingüino
      {"\xC2\xBF" "Qu\xC3\xA9?", "\xC2\xBF" "que?"},     // ¿ kept
      {"\xC3\x98ST", "\xC3\xB8st"},                      // Ø has no ASCII fold but lower-cases
      {"\xC3\x86" "ON", "\xC3\xA6on"},                   // Æ → æ
      {"\xC3\x97", "\xC3\x97"},                          // × is not a letter
      {"\xD0\x9C\xD0\x98\xD0\xA0", "\xD0\xBC\xD0\xB8\xD1\x80"},  // МИР → мир
      {"Mari\xCC\x81" "a", "maria"},                     // decomposed í
      {"\xF0\x9F\x98\x8A ok", "\xF0\x9F\x98\x8A ok"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.want);
  }
}

TEST(Trim, DropsWhiteSpaceAndEdgePunctuation) {
  EXPECT_EQ(trim("  hola  "), "hola");
  EXPECT_EQ(trim("\t*Juan*.\n"), "Juan");
  EXPECT_EQ(trim("(ok)!?"), "ok");
  EXPECT_EQ(trim("a, b"), "a, b");
  EXPECT_EQ(trim(" .,;: "), "");
  EXPECT_EQ(trim(""), "");
}

TEST(Words, SplitsOnEverythingButLettersAndDigits) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(words("hola, soy maria"), (V{"hola", "soy", "maria"}));
  EXPECT_EQ(words("  "), V{});
  EXPECT_EQ(words("\xC2\xBF" "qu\xC3\xA9 tal?"), (V{"qu\xC3\xA9", "tal"}));
  EXPECT_EQ(words("ok\xF0\x9F\x98\x8Ayes"), (V{"ok", "yes"}));  // emoji separates
  EXPECT_EQ(words("o'connor jean-luc"), (V{"o", "connor", "jean", "luc"}));
  EXPECT_EQ(words("2k $500"), (V{"2k", "500"}));
  EXPECT_EQ(words("Mari\xCC\x81" "a"), V{"Mari\xCC\x81" "a"});  // combining accent stays inside
}

TEST(HasPhrase, MatchesWholeWordsOnly) {
  EXPECT_TRUE(has_phrase("quiero empezar de nuevo!", "empezar de nuevo"));
  EXPECT_TRUE(has_phrase("stop", "stop"));
  EXPECT_FALSE(has_phrase("stopwatch", "stop"));
  EXPECT_FALSE(has_phrase("empezar, nuevo", "empezar de nuevo"));
  EXPECT_FALSE(has_phrase("stop", "start over"));
  EXPECT_FALSE(has_phrase("anything", ""));
  EXPECT_TRUE(has_phrase("please, talk to a human.", "talk to a human"));
}

TEST(Ascii, DigitAndAlphaClasses) {
  EXPECT_TRUE(is_ascii_digit('0'));
  EXPECT_TRUE(is_ascii_digit('9'));
  EXPECT_FALSE(is_ascii_digit('a'));
  EXPECT_TRUE(is_ascii_alpha('Z'));
  EXPECT_TRUE(is_ascii_alpha('a'));
  EXPECT_FALSE(is_ascii_alpha('1'));
  EXPECT_FALSE(is_ascii_alpha('\xC3'));
}

}  // namespace
}  // namespace booking
