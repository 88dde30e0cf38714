// extract_email: an address pulled out of whatever the lead typed around it;
// read_email: the same, written out loosely or mistyped (issue 11 item 5).
#include "email.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace booking {
namespace {

struct EmailCase {
  std::string input;
  std::optional<std::string> want;
};

void PrintTo(const EmailCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ExtractEmail : public ::testing::TestWithParam<EmailCase> {};

TEST_P(ExtractEmail, Table) { EXPECT_EQ(extract_email(GetParam().input), GetParam().want); }

const EmailCase kFound[] = {
    {"ana@mail.com", "ana@mail.com"},
    {"ANA@MAIL.COM", "ana@mail.com"},
    {"Claro, es Juan.Carlos@Example.com", "juan.carlos@example.com"},
    {"mi correo: ana@mail.co.", "ana@mail.co"},
    {"<bob@x.io>", "bob@x.io"},
    {"my email is bob@x.io, thanks", "bob@x.io"},
    {"Mi email es (ana@x.com), gracias", "ana@x.com"},
    {"correo:ana@x.com", "ana@x.com"},
    {"mailto:ana@x.com", "ana@x.com"},
    {"juan_perez+test@gmail.com", "juan_perez+test@gmail.com"},
    {"ana-maria.lopez%x@sub.domain.com.mx", "ana-maria.lopez%x@sub.domain.com.mx"},
    {"ana@xn--80ak6aa92e.com", "ana@xn--80ak6aa92e.com"},  // punycode domain
    {"ana@123.com", "ana@123.com"},
    {"*ana@x.com*", "ana@x.com"},                            // WhatsApp bold
    {"_ana@x.com_", "ana@x.com"},                            // WhatsApp italics
    {"_ana@x.com", "_ana@x.com"},                            // a real leading underscore
    {"\"ana@x.com\"", "ana@x.com"},
    {"'ana@x.com'", "ana@x.com"},
    {"\xE2\x80\x9C" "ana@x.com\xE2\x80\x9D", "ana@x.com"},  // “ana@x.com”
    {"\xC2\xBF" "ana@x.com?", "ana@x.com"},                 // ¿ana@x.com?
    {"ana@x.com\xF0\x9F\x98\x8A", "ana@x.com"},              // trailing emoji
    {"aqu\xC3\xAD va: ana@x.com!!!", "ana@x.com"},
    {"ana@x.com...", "ana@x.com"},
    {"ana@x.com, bob@y.com", "ana@x.com"},                   // the first valid one
    {"bad@ good@x.io", "good@x.io"},
    {"Hola!\nana@x.com\nGracias", "ana@x.com"},
    // Dictated (voice-to-text writes the words), issue 11.
    {"ana at mail dot com", "ana@mail.com"},
    {"juan punto carlos arroba gmail punto com", "juan.carlos@gmail.com"},
    {"Mi correo es Juan punto Carlos arroba Gmail punto com", "juan.carlos@gmail.com"},
    {"es juan guion bajo perez arroba hotmail punto com punto mx", "juan_perez@hotmail.com.mx"},
    {"maria guion lopez arroba empresa.com", "maria-lopez@empresa.com"},
    {"sarah at oconnor dot ie", "sarah@oconnor.ie"},
    {"sure, it's sarah underscore o at oconnor dot ie.", "sarah_o@oconnor.ie"},
    {"ana arroba gmail.com", "ana@gmail.com"},
    {"ana87 arroba yahoo punto es, gracias", "ana87@yahoo.es"},
};

const EmailCase kRejected[] = {
    {"", std::nullopt},
    // Dictated, but not an address.
    {"I'm at home right now", std::nullopt},
    {"we meet at noon", std::nullopt},
    {"arroba", std::nullopt},
    {"ana arroba", std::nullopt},
    {"ana arroba gmail", std::nullopt},                      // no dot in the domain
    {"punto arroba punto com", std::nullopt},
    {"ana at gmail", std::nullopt},
    {"no tengo correo", std::nullopt},
    {"a@b@c.com", std::nullopt},                             // two @ in one token
    {"ana@mail", std::nullopt},                              // no dot in the domain
    {"ana@mail.c", std::nullopt},                            // one-letter TLD
    {"ana@mail.c0m", std::nullopt},                          // TLD must be letters
    {"ana@x.123", std::nullopt},
    {"@mail.com", std::nullopt},                             // empty local part
    {"ana@.com", std::nullopt},                              // empty label
    {"ana@mail..com", std::nullopt},
    {"ana @mail.com", std::nullopt},                         // a space splits it
    {"ana@-x.com", std::nullopt},                            // label edge hyphen
    {"ana@x-.com", std::nullopt},
    {"ana.@x.com", std::nullopt},                            // dot at local edge
    {"ana..b@x.com", std::nullopt},
    {"jos\xC3\xA9@x.com", std::nullopt},                     // josé: non-ASCII local
    {"ana's@x.com", std::nullopt},                           // not cut to "s@x.com"
    {"ana@x_y.com", std::nullopt},
    {"@", std::nullopt},
    {"www.example.com", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Found, ExtractEmail, ::testing::ValuesIn(kFound));
INSTANTIATE_TEST_SUITE_P(Rejected, ExtractEmail, ::testing::ValuesIn(kRejected));

TEST(ExtractEmailLimits, LengthLimits) {
  const std::string local64(64, 'a');
  EXPECT_EQ(extract_email(local64 + "@x.com"), local64 + "@x.com");
  EXPECT_EQ(extract_email(local64 + "a@x.com"), std::nullopt);
  const std::string label63(63, 'b');
  EXPECT_EQ(extract_email("a@" + label63 + ".com"), "a@" + label63 + ".com");
  EXPECT_EQ(extract_email("a@" + label63 + "b.com"), std::nullopt);
  EXPECT_EQ(extract_email(std::string(5000, ' ') + "ana@x.com"), std::nullopt);  // over kMaxMessageBytes
}

// --- read_email ---------------------------------------------------------------

struct ReadCase {
  std::string input;
  std::optional<std::string> email;       // accepted as it is
  std::optional<std::string> suggestion;  // "did you mean …?"
};

ReadCase accepted(std::string input, std::string email) { return {std::move(input), std::move(email), std::nullopt}; }
ReadCase suggested(std::string input, std::string s) { return {std::move(input), std::nullopt, std::move(s)}; }
ReadCase nothing(std::string input) { return {std::move(input), std::nullopt, std::nullopt}; }

void PrintTo(const ReadCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ReadEmail : public ::testing::TestWithParam<ReadCase> {};

TEST_P(ReadEmail, Table) {
  const EmailReading got = read_email(GetParam().input);
  EXPECT_EQ(got.email, GetParam().email);
  EXPECT_EQ(got.suggestion, GetParam().suggestion);
}

// Written out, dictated or with spaces inside: accepted as it is.
const ReadCase kWrittenOut[] = {
    accepted("ana.lopez@gmail.com", "ana.lopez@gmail.com"),
    accepted("ana . lopez @ gmail . com", "ana.lopez@gmail.com"),
    accepted("ana @gmail.com", "ana@gmail.com"),
    accepted("ana@ gmail.com", "ana@gmail.com"),
    accepted("ana @ gmail.com", "ana@gmail.com"),
    accepted("ana@gmail .com", "ana@gmail.com"),
    accepted("es ana@gmail.com.", "ana@gmail.com"),
    accepted("es ana@gmail.com, gracias", "ana@gmail.com"),
    accepted("mi correo es ana@gmail.com", "ana@gmail.com"),
    accepted("Mi correo es ana @ hotmail.es gracias", "ana@hotmail.es"),
    accepted("my email is ana@gmail.com thanks", "ana@gmail.com"),
    accepted("My email is: sarah @ outlook . com. Thanks!", "sarah@outlook.com"),
    accepted("ana punto lopez arroba gmail punto com", "ana.lopez@gmail.com"),
    accepted("Mi correo es Ana Punto Lopez Arroba Gmail Punto Com", "ana.lopez@gmail.com"),
    accepted("ana gui\xC3\xB3n bajo lopez arroba hotmail punto es", "ana_lopez@hotmail.es"),  // guión bajo
    accepted("ana barra baja lopez arroba gmail punto com", "ana_lopez@gmail.com"),
    accepted("ana guion lopez arroba yahoo punto com punto mx", "ana-lopez@yahoo.com.mx"),
    accepted("ana guion medio lopez arroba empresa punto es", "ana-lopez@empresa.es"),
    accepted("ANA ARROBA GMAIL PUNTO COM", "ana@gmail.com"),
    accepted("ana arroba gmail.com gracias", "ana@gmail.com"),
    accepted("juan punto perez@gmail.com", "juan.perez@gmail.com"),  // voice-to-text wrote only the @
    accepted("my email is ana at gmail dot com thanks", "ana@gmail.com"),
    accepted("sarah underscore o at oconnor dot ie", "sarah_o@oconnor.ie"),
    accepted("tom hyphen lee at acme dot co", "tom-lee@acme.co"),
    accepted("tom dash lee at acme dot io", "tom-lee@acme.io"),
    accepted("ana @ hotmail . com . mx", "ana@hotmail.com.mx"),
    accepted("ana@x.com bob@y.com", "ana@x.com"),                    // the first one
    accepted("bad@ good@x.io", "good@x.io"),
    // Unusual, not misspelt: as written.
    accepted("ana@gmailshop.com", "ana@gmailshop.com"),
    accepted("juan@acme.co", "juan@acme.co"),
    accepted("x@hotmail.es", "x@hotmail.es"),
    accepted("y@yahoo.com.mx", "y@yahoo.com.mx"),
    accepted("ana@outlook.es", "ana@outlook.es"),
    accepted("ana@live.com", "ana@live.com"),
    accepted("ana@icloud.com", "ana@icloud.com"),
    accepted("ana@protonmail.com", "ana@protonmail.com"),
    accepted("ana@protonmail.ch", "ana@protonmail.ch"),
    accepted("ana@hotmail.co.uk", "ana@hotmail.co.uk"),
    accepted("ana@mail.com", "ana@mail.com"),                        // not gmail: another first letter
    accepted("ana@email.com", "ana@email.com"),
    accepted("ana@ymail.com", "ana@ymail.com"),
    accepted("ana@empresa.cm", "ana@empresa.cm"),                    // Cameroon: a real TLD
    accepted("ana@gmx.es", "ana@gmx.es"),
};

// Obvious slips: never accepted as they are; "did you mean …?".
const ReadCase kMistyped[] = {
    suggested("ana@gmial.com", "ana@gmail.com"),
    suggested("ana@gmal.com", "ana@gmail.com"),
    suggested("ana@gmail.co", "ana@gmail.com"),
    suggested("ana@gamil.com", "ana@gmail.com"),
    suggested("ana@gmaill.com", "ana@gmail.com"),
    suggested("ana@gnail.com", "ana@gmail.com"),
    suggested("ana@hotmial.com", "ana@hotmail.com"),
    suggested("ana@hotmal.com", "ana@hotmail.com"),
    suggested("ana@hotmail.con", "ana@hotmail.com"),
    suggested("ana@hotmail.co", "ana@hotmail.com"),
    suggested("ana@yahoo.con", "ana@yahoo.com"),
    suggested("ana@yaho.com", "ana@yahoo.com"),
    suggested("ana@yaho.com.mx", "ana@yahoo.com.mx"),
    suggested("ana@outlok.com", "ana@outlook.com"),
    suggested("ana@outllok.com", "ana@outlook.com"),
    suggested("ana@outlok.es", "ana@outlook.es"),
    suggested("ana@iclod.com", "ana@icloud.com"),
    suggested("ana@gmail.cm", "ana@gmail.com"),
    suggested("ana@gmail.es", "ana@gmail.com"),                      // gmail is .com only
    suggested("ana@gmail.com.mx", "ana@gmail.com"),
    suggested("ana@gmail.con", "ana@gmail.com"),
    suggested("ana@empresa.con", "ana@empresa.com"),                 // .con is no TLD, on any domain
    suggested("ana@empresa.cmo", "ana@empresa.com"),
    suggested("ana@empresa.ocm", "ana@empresa.com"),
    suggested("ana@empresa.con.mx", "ana@empresa.com.mx"),
    suggested("ana@live.con", "ana@live.com"),
    suggested("ana@gmail com", "ana@gmail.com"),
    suggested("ana@gmail,com", "ana@gmail.com"),
    suggested("ana@GMAIL,COM.", "ana@gmail.com"),
    suggested("ana@gmail, com", "ana@gmail.com"),
    suggested("ana@gmail. com", "ana@gmail.com"),
    suggested("ana@gmailcom", "ana@gmail.com"),
    suggested("ana@hotmailcom", "ana@hotmail.com"),
    suggested("ana@empresa com", "ana@empresa.com"),
    suggested("ana @ gmail . con", "ana@gmail.com"),
    suggested("mi correo es ana arroba gmial punto com", "ana@gmail.com"),
    suggested("ana arroba gmail com", "ana@gmail.com"),
    suggested("my email is ana at gmail com", "ana@gmail.com"),
    suggested("ana at hotmial dot com thanks", "ana@hotmail.com"),
    // Voice-to-text writes a surname with its accent: no address has one.
    suggested("ana punto l\xC3\xB3pez arroba gmail punto com", "ana.lopez@gmail.com"),
    suggested("jos\xC3\xA9@x.com", "jose@x.com"),
};

const ReadCase kNoAddress[] = {
    nothing(""),
    nothing("hola"),
    nothing("no tengo correo"),
    nothing("no tengo email, lo siento"),
    nothing("I don't have an email"),
    nothing("I'm at home"),
    nothing("I'm at home right now"),
    nothing("we meet at noon"),
    nothing("meet me at starbucks. com"),
    nothing("+34 612 345 678"),
    nothing("mi n\xC3\xBAmero es 612345678"),
    nothing("a@b@c.com"),
    nothing("ana@@gmail.com"),
    nothing("ana@gmail.com@hotmail.com"),
    nothing("ana @ bob @ x.com"),                                    // two @: whose is "bob"?
    nothing("ana arroba gmail"),                                     // no dot, nothing to put one before
    nothing("ana at gmail"),
    nothing("ana at home com"),                                      // "at": only a provider's dot is put back
    nothing("ana@empresa es"),                                       // "es" is a word too
    nothing("mi correo es @gmail.com"),                              // "es" is no local part
    nothing("correo: @gmail.com"),
    nothing("punto arroba punto com"),
    nothing("gmail.com"),
    nothing("ana@mail"),
    nothing("\xD0\xB0\xD0\xBD\xD0\xB0@x.com"),                   // cyrillic "ана": nothing to fold
    nothing("ana @ empresa . travel"),                               // a lone " . " joins only before a TLD
};

INSTANTIATE_TEST_SUITE_P(WrittenOut, ReadEmail, ::testing::ValuesIn(kWrittenOut));
INSTANTIATE_TEST_SUITE_P(Mistyped, ReadEmail, ::testing::ValuesIn(kMistyped));
INSTANTIATE_TEST_SUITE_P(NoAddress, ReadEmail, ::testing::ValuesIn(kNoAddress));

// Every address extract_email finds, read_email finds as well, as it is or
// corrected.
TEST(ReadEmail, FindsWhatExtractEmailFinds) {
  for (const auto& c : kFound) {
    const EmailReading got = read_email(c.input);
    EXPECT_TRUE(got.email == c.want || got.suggestion.has_value()) << c.input;
  }
}

// A lone " - " is a dash in the sentence; a lone " . " before a word that
// is no TLD ends the address; a sentence's period before a word is no dot.
TEST(ReadEmail, PunctuationAroundIsNotPartOfIt) {
  EXPECT_EQ(read_email("Soy Ana - ana@gmail.com").email, "ana@gmail.com");
  EXPECT_EQ(read_email("Escribe a ana@x.com . Gracias").email, "ana@x.com");
  EXPECT_EQ(read_email("Soy Ana. ana@gmail.com").email, "ana@gmail.com");
  EXPECT_EQ(read_email("ana@x.com. Gracias").email, "ana@x.com");
}

TEST(ReadEmail, LongMessageIsNone) {
  const EmailReading got = read_email(std::string(5000, ' ') + "ana@x.com");
  EXPECT_EQ(got.email, std::nullopt);
  EXPECT_EQ(got.suggestion, std::nullopt);
}

// extract_email stays plain: no typo fixed, no dot put back, no space read.
TEST(ExtractEmailLimits, NoCorrection) {
  EXPECT_EQ(extract_email("ana@gmial.com"), "ana@gmial.com");
  EXPECT_EQ(extract_email("ana@gmail com"), std::nullopt);
  EXPECT_EQ(extract_email("ana arroba gmail com"), std::nullopt);
  EXPECT_EQ(extract_email("ana @gmail.com"), std::nullopt);
}

}  // namespace
}  // namespace booking
