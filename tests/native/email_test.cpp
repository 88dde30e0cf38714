// extract_email: an address pulled out of whatever the lead typed around it.
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

}  // namespace
}  // namespace booking
