// The business's settings (core/config.cpp): BOOKING_DAYS, MIN_BUDGET and
// DEFAULT_LANGUAGE, what each accepts and the exact error each gives, and
// how the JSON entry point applies the config object (AGENT_NAME and
// BUSINESS_NAME are taken as they are). scripts/booking-days.js mirrors
// BOOKING_DAYS for `npm run ghl:setup`: its table
// (tests/emulator/booking-days.test.js) holds the same cases.
#include "config.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <ostream>
#include <string>
#include <utility>

#include "protocol.hpp"

namespace booking {
namespace {

using json = nlohmann::json;

// The weekdays in `list` (0 = Sunday) as a Weekdays mask.
Weekdays days(std::initializer_list<int> list) {
  Weekdays w{};
  for (int d : list) w[static_cast<std::size_t>(d)] = true;
  return w;
}

const Weekdays kTueFri = days({2, 3, 4, 5});
const Weekdays kAll = days({0, 1, 2, 3, 4, 5, 6});

std::string unknown_day(const std::string& item) {
  return "BOOKING_DAYS: unknown day in '" + item + "' (use e.g. tue,wed,thu,fri)";
}
const std::string kNoDays = "BOOKING_DAYS: no days given (use e.g. tue,wed,thu,fri)";

std::string not_a_budget(const std::string& value) {
  return "MIN_BUDGET: expected a whole number like 300, got '" + value + "'";
}
std::string not_minutes(const std::string& value) {
  return "CALL_MINUTES: expected a whole number of minutes from 1 to 480, like 30, got '" + value + "'";
}

std::string not_a_language(const std::string& value) {
  return "DEFAULT_LANGUAGE: expected 'es' or 'en', got '" + value + "'";
}

// Something no setter produces, to see that a failed set leaves it alone.
Config sentinel() {
  Config c;
  c.min_budget = 12345;
  c.booking_days = days({6});
  c.default_language = Lang::en;
  return c;
}

TEST(Config, DefaultsAreTheDocumentedOnes) {
  const Config c;
  EXPECT_EQ(c.agent_name, "María");
  EXPECT_EQ(c.business_name, "AI Outlet Media");
  EXPECT_EQ(c.min_budget, 300);
  EXPECT_EQ(c.booking_days, kTueFri);
  EXPECT_EQ(c.default_language, Lang::es);
}

// ---- BOOKING_DAYS -------------------------------------------------------

struct DaysCase {
  std::string value;
  Weekdays want;
};
void PrintTo(const DaysCase& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class BookingDays : public ::testing::TestWithParam<DaysCase> {};

TEST_P(BookingDays, Accepted) {
  Config c = sentinel();
  EXPECT_EQ(set_booking_days(c, GetParam().value), "");
  EXPECT_EQ(c.booking_days, GetParam().want);
  EXPECT_EQ(c.min_budget, 12345) << "only BOOKING_DAYS changes";
}

INSTANTIATE_TEST_SUITE_P(Lists, BookingDays, ::testing::Values(
    DaysCase{"tue,wed,thu,fri", kTueFri},
    DaysCase{"2,3,4,5", kTueFri},
    DaysCase{"0", days({0})},
    DaysCase{"6", days({6})},
    DaysCase{"0,1,2,3,4,5,6", kAll},
    DaysCase{"fri,tue", days({2, 5})},              // any order
    DaysCase{"tue,tue", days({2})},                 // repeats are harmless
    DaysCase{"mon,3,fri", days({1, 3, 5})},         // numbers and names mix
    DaysCase{"lunes,miercoles,viernes", days({1, 3, 5})},
    DaysCase{"monday,wednesday,friday", days({1, 3, 5})},
    DaysCase{"sun,sat", days({0, 6})}));

INSTANTIATE_TEST_SUITE_P(CaseAndAccents, BookingDays, ::testing::Values(
    DaysCase{"TUE,Wed,tHu", days({2, 3, 4})},
    DaysCase{"Mon, Wednesday ,FRI", days({1, 3, 5})},
    DaysCase{"miércoles", days({3})},
    DaysCase{"MIÉRCOLES", days({3})},
    DaysCase{"Miércoles", days({3})},
    DaysCase{"mie\xCC\x81rcoles", days({3})},       // the accent as a combining mark
    DaysCase{"mié", days({3})},
    DaysCase{"MIÉ", days({3})},
    DaysCase{"sábado", days({6})},
    DaysCase{"SÁBADO", days({6})},
    DaysCase{"sáb,dom", days({0, 6})},
    DaysCase{"Sáb", days({6})},
    DaysCase{"LUNES", days({1})}));

INSTANTIATE_TEST_SUITE_P(Ranges, BookingDays, ::testing::Values(
    DaysCase{"tue-fri", kTueFri},
    DaysCase{"2-5", kTueFri},
    DaysCase{"1-5", days({1, 2, 3, 4, 5})},
    DaysCase{"0-6", kAll},
    DaysCase{"Tuesday-Thursday", days({2, 3, 4})},
    DaysCase{"mar-jue", days({2, 3, 4})},           // "mar" is martes
    DaysCase{"lun-vie", days({1, 2, 3, 4, 5})},
    DaysCase{"sábado-domingo", days({6, 0})},
    DaysCase{"fri-mon", days({5, 6, 0, 1})},        // a range wraps round the week
    DaysCase{"6-0", days({6, 0})},
    DaysCase{"sat-fri", kAll},
    DaysCase{"sun-sat", kAll},
    DaysCase{"wed-wed", days({3})},
    DaysCase{"3-tue", days({3, 4, 5, 6, 0, 1, 2})},
    DaysCase{"mon,wed-fri", days({1, 3, 4, 5})},
    DaysCase{"mon-tue,thu-fri", days({1, 2, 4, 5})},
    DaysCase{"tue-thu,wed-fri", kTueFri}));         // overlaps merge

INSTANTIATE_TEST_SUITE_P(SpacingAndPunctuation, BookingDays, ::testing::Values(
    DaysCase{" tue , wed ", days({2, 3})},
    DaysCase{"\ttue\n", days({2})},
    DaysCase{"tue\r\n,\fwed\v", days({2, 3})},
    DaysCase{"tue - fri", kTueFri},
    DaysCase{"tue\t-\tfri", kTueFri},
    DaysCase{"tue,,wed,", days({2, 3})},            // empty items are skipped
    DaysCase{",tue", days({2})},
    DaysCase{" , tue , , ", days({2})},
    DaysCase{"tue.", days({2})},                    // punctuation around a word is trimmed
    DaysCase{"(mon)-(wed)", days({1, 2, 3})},
    DaysCase{"\"tue\";", days({2})},
    DaysCase{"*fri*", days({5})}));

// Every name of every day, as written, capitalised and upper-cased.
TEST(BookingDaysNames, EveryNameOfEveryDayInAnyCase) {
  const char* names[7][4] = {
      {"sun", "sunday", "dom", "domingo"},  {"mon", "monday", "lun", "lunes"},
      {"tue", "tuesday", "mar", "martes"},  {"wed", "wednesday", "mie", "miercoles"},
      {"thu", "thursday", "jue", "jueves"}, {"fri", "friday", "vie", "viernes"},
      {"sat", "saturday", "sab", "sabado"},
  };
  for (int d = 0; d < 7; ++d) {
    for (const std::string name : names[d]) {
      std::string capital = name;
      capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
      std::string upper = name;
      for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
      for (const std::string& value : {name, capital, upper}) {
        SCOPED_TRACE(value);
        Config c = sentinel();
        EXPECT_EQ(set_booking_days(c, value), "");
        EXPECT_EQ(c.booking_days, days({d}));
      }
    }
    SCOPED_TRACE(d);
    Config c = sentinel();
    EXPECT_EQ(set_booking_days(c, std::string(1, static_cast<char>('0' + d))), "");
    EXPECT_EQ(c.booking_days, days({d}));
  }
}

struct DaysError {
  std::string value;
  std::string error;
};
void PrintTo(const DaysError& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class BookingDaysRejected : public ::testing::TestWithParam<DaysError> {};

TEST_P(BookingDaysRejected, WithTheExactMessageAndNothingChanged) {
  Config c = sentinel();
  EXPECT_EQ(set_booking_days(c, GetParam().value), GetParam().error);
  EXPECT_EQ(c.booking_days, days({6})) << "a bad value changes nothing";
}

INSTANTIATE_TEST_SUITE_P(UnknownDays, BookingDaysRejected, ::testing::Values(
    DaysError{"funday", unknown_day("funday")},
    DaysError{"Funday", unknown_day("funday")},     // the message shows the folded item
    DaysError{"  Funday  ", unknown_day("funday")}, // ... trimmed
    DaysError{"tues", unknown_day("tues")},         // only 3-letter and full names
    DaysError{"thur", unknown_day("thur")},
    DaysError{"thurs", unknown_day("thurs")},
    DaysError{"weds", unknown_day("weds")},
    DaysError{"mier", unknown_day("mier")},
    DaysError{"Lundi", unknown_day("lundi")},
    DaysError{"Mañana", unknown_day("manana")},
    DaysError{"ÑOÑO", unknown_day("nono")},
    DaysError{"weekdays", unknown_day("weekdays")},
    DaysError{"\xF0\x9F\x93\x85", unknown_day("\xF0\x9F\x93\x85")}));  // 📅

INSTANTIATE_TEST_SUITE_P(BadNumbers, BookingDaysRejected, ::testing::Values(
    DaysError{"7", unknown_day("7")},
    DaysError{"10", unknown_day("10")},
    DaysError{"00", unknown_day("00")},
    DaysError{"-1", unknown_day("-1")},
    DaysError{"1.5", unknown_day("1.5")},
    DaysError{"+2", unknown_day("+2")},
    DaysError{"2-7", unknown_day("2-7")}));

INSTANTIATE_TEST_SUITE_P(BadRangesAndSeparators, BookingDaysRejected, ::testing::Values(
    DaysError{"mon-", unknown_day("mon-")},
    DaysError{"-fri", unknown_day("-fri")},
    DaysError{"-", unknown_day("-")},
    DaysError{"mon - ", unknown_day("mon -")},
    DaysError{"mon-tue-wed", unknown_day("mon-tue-wed")},  // one dash per item
    DaysError{"mon-funday", unknown_day("mon-funday")},
    DaysError{"mon;tue", unknown_day("mon;tue")},          // only commas separate
    DaysError{"mon tue", unknown_day("mon tue")},
    DaysError{"mon/tue", unknown_day("mon/tue")},
    DaysError{"mon\ttue", unknown_day("mon\ttue")},
    DaysError{"mon to fri", unknown_day("mon to fri")},
    DaysError{"mon\xE2\x80\x93" "fri", unknown_day("mon\xE2\x80\x93" "fri")}));  // an en dash is no range

INSTANTIATE_TEST_SUITE_P(FirstBadItemIsNamed, BookingDaysRejected, ::testing::Values(
    DaysError{"tue,someday,fri", unknown_day("someday")},
    DaysError{"tue,wed,8", unknown_day("8")},
    DaysError{"x,y", unknown_day("x")}));

INSTANTIATE_TEST_SUITE_P(NoDays, BookingDaysRejected, ::testing::Values(
    DaysError{"", kNoDays},
    DaysError{" ", kNoDays},
    DaysError{"\t\n", kNoDays},
    DaysError{",", kNoDays},
    DaysError{",,", kNoDays},
    DaysError{" , , ", kNoDays},
    DaysError{"...", kNoDays}));

// ---- MIN_BUDGET ---------------------------------------------------------

struct BudgetCase {
  std::string value;
  long want;
};
void PrintTo(const BudgetCase& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class MinBudget : public ::testing::TestWithParam<BudgetCase> {};

TEST_P(MinBudget, Accepted) {
  Config c = sentinel();
  EXPECT_EQ(set_min_budget(c, GetParam().value), "");
  EXPECT_EQ(c.min_budget, GetParam().want);
  EXPECT_EQ(c.booking_days, days({6})) << "only MIN_BUDGET changes";
}

INSTANTIATE_TEST_SUITE_P(WholeNumbers, MinBudget, ::testing::Values(
    BudgetCase{"300", 300},
    BudgetCase{"0", 0},
    BudgetCase{"1", 1},
    BudgetCase{"00300", 300},
    BudgetCase{" 450 ", 450},
    BudgetCase{"\t1200\n", 1200},
    BudgetCase{"300.", 300},                        // trailing punctuation is trimmed
    BudgetCase{"1000000000", 1000000000}));         // the largest allowed

struct BudgetError {
  std::string value;
  std::string error;
};
void PrintTo(const BudgetError& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class MinBudgetRejected : public ::testing::TestWithParam<BudgetError> {};

TEST_P(MinBudgetRejected, WithTheExactMessageAndNothingChanged) {
  Config c = sentinel();
  EXPECT_EQ(set_min_budget(c, GetParam().value), GetParam().error);
  EXPECT_EQ(c.min_budget, 12345);
}

INSTANTIATE_TEST_SUITE_P(NotAWholeNumber, MinBudgetRejected, ::testing::Values(
    BudgetError{"", not_a_budget("")},
    BudgetError{"   ", not_a_budget("")},
    BudgetError{"cheap", not_a_budget("cheap")},
    BudgetError{" cheap ", not_a_budget("cheap")},  // the message shows the trimmed value
    BudgetError{"-1", not_a_budget("-1")},
    BudgetError{"+300", not_a_budget("+300")},
    BudgetError{"300.50", not_a_budget("300.50")},
    BudgetError{"1,000", not_a_budget("1,000")},
    BudgetError{"1 000", not_a_budget("1 000")},
    BudgetError{"1e3", not_a_budget("1e3")},
    BudgetError{"0x1F", not_a_budget("0x1F")},
    BudgetError{"$300", not_a_budget("$300")},
    BudgetError{"300 usd", not_a_budget("300 usd")},
    BudgetError{"300k", not_a_budget("300k")},
    BudgetError{"\xEF\xBC\x93\xEF\xBC\x90\xEF\xBC\x90", not_a_budget("\xEF\xBC\x93\xEF\xBC\x90\xEF\xBC\x90")}));  // fullwidth ３００

INSTANTIATE_TEST_SUITE_P(OutOfRange, MinBudgetRejected, ::testing::Values(
    BudgetError{"1000000001", not_a_budget("1000000001")},
    BudgetError{"99999999999999999999", not_a_budget("99999999999999999999")}));

// ---- DEFAULT_LANGUAGE ---------------------------------------------------

struct LangCase {
  std::string value;
  Lang want;
};
void PrintTo(const LangCase& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class DefaultLanguage : public ::testing::TestWithParam<LangCase> {};

TEST_P(DefaultLanguage, Accepted) {
  Config c = sentinel();
  c.default_language = GetParam().want == Lang::es ? Lang::en : Lang::es;
  EXPECT_EQ(set_default_language(c, GetParam().value), "");
  EXPECT_EQ(c.default_language, GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(Codes, DefaultLanguage, ::testing::Values(
    LangCase{"es", Lang::es},
    LangCase{"en", Lang::en},
    LangCase{" en ", Lang::en},
    LangCase{"\tes\n", Lang::es},
    LangCase{"en.", Lang::en}));

struct LangError {
  std::string value;
  std::string error;
};
void PrintTo(const LangError& c, std::ostream* os) { *os << ::testing::PrintToString(c.value); }

class DefaultLanguageRejected : public ::testing::TestWithParam<LangError> {};

TEST_P(DefaultLanguageRejected, WithTheExactMessageAndNothingChanged) {
  Config c = sentinel();
  EXPECT_EQ(set_default_language(c, GetParam().value), GetParam().error);
  EXPECT_EQ(c.default_language, Lang::en);
}

INSTANTIATE_TEST_SUITE_P(NotACode, DefaultLanguageRejected, ::testing::Values(
    LangError{"", not_a_language("")},
    LangError{"fr", not_a_language("fr")},
    LangError{" fr ", not_a_language(" fr ")},      // the message shows the value untrimmed
    LangError{"ES", not_a_language("ES")},          // codes are lower case
    LangError{"En", not_a_language("En")},
    LangError{"spanish", not_a_language("spanish")},
    LangError{"english", not_a_language("english")},
    LangError{"español", not_a_language("español")},
    LangError{"es-ES", not_a_language("es-ES")},
    LangError{"en_US", not_a_language("en_US")},
    LangError{"e", not_a_language("e")},
    LangError{"es,en", not_a_language("es,en")}));

// ---- The config object of a request ------------------------------------

json handle(const std::string& config) {
  return json::parse(handle_json(R"({"state": {}, "message": {"id": "m1", "text": "hi"},
      "now": "2026-11-25T10:00:00-06:00", "config": )" + config + "}"));
}

struct RequestCase {
  std::string config;
  std::string error;  // the "message" of the config error, or "" when accepted
};
void PrintTo(const RequestCase& c, std::ostream* os) { *os << c.config; }

class ConfigInRequest : public ::testing::TestWithParam<RequestCase> {};

TEST_P(ConfigInRequest, ErrorsComeBackVerbatim) {
  const json out = handle(GetParam().config);
  if (GetParam().error.empty()) {
    EXPECT_EQ(out["ok"], true) << out.dump();
  } else {
    EXPECT_EQ(out["ok"], false) << out.dump();
    EXPECT_EQ(out["error"], "config");
    EXPECT_EQ(out["message"], GetParam().error);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, ConfigInRequest, ::testing::Values(
    RequestCase{"null", ""},
    RequestCase{"{}", ""},
    RequestCase{R"({"BOOKING_DAYS": "", "MIN_BUDGET": "", "DEFAULT_LANGUAGE": ""})", ""},  // empty: unset
    RequestCase{R"({"SOMETHING_ELSE": "x", "booking_days": "funday"})", ""},  // unknown keys, and names are exact
    RequestCase{R"({"MIN_BUDGET": 800, "BOOKING_DAYS": "lun-vie"})", ""},    // a JSON number is read as its text
    RequestCase{R"({"BOOKING_DAYS": "funday"})", unknown_day("funday")},
    RequestCase{R"({"BOOKING_DAYS": " , "})", kNoDays},
    RequestCase{R"({"MIN_BUDGET": "cheap"})", not_a_budget("cheap")},
    RequestCase{R"({"MIN_BUDGET": -5})", not_a_budget("-5")},
    RequestCase{R"({"MIN_BUDGET": 2.5})", not_a_budget("2.5")},
    RequestCase{R"({"DEFAULT_LANGUAGE": "fr"})", not_a_language("fr")},
    RequestCase{R"({"CALL_MINUTES": "30", "BUSINESS_PITCH": "Ads for dentists."})", ""},
    RequestCase{R"({"CALL_MINUTES": 45})", ""},
    RequestCase{R"({"CALL_MINUTES": "480"})", ""},
    RequestCase{R"({"CALL_MINUTES": "media hora"})", not_minutes("media hora")},
    RequestCase{R"({"CALL_MINUTES": 0})", not_minutes("0")},
    RequestCase{R"({"CALL_MINUTES": "481"})", not_minutes("481")},
    RequestCase{R"({"CALL_MINUTES": 2.5})", not_minutes("2.5")},
    RequestCase{"[]", "config must be an object"},
    RequestCase{R"("tue-fri")", "config must be an object"}));

TEST(ConfigInRequest, AgentAndBusinessNamesAreTakenAsTheyAre) {
  const json out = handle(R"({"AGENT_NAME": "  Sofía  ", "BUSINESS_NAME": "Growth Lab, Inc."})");
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["reply"], "Hi! I'm   Sofía   from Growth Lab, Inc.. What's your name?");
}

TEST(ConfigInRequest, EmptyNamesKeepTheDefaults) {
  const json out = handle(R"({"AGENT_NAME": "", "BUSINESS_NAME": ""})");
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["reply"], "Hi! I'm María from AI Outlet Media. What's your name?");
}

TEST(ConfigInRequest, DefaultLanguageIsUsedWhenTheMessageSaysNothing) {
  for (const auto& [lang, want] : {std::pair{"es", "es"}, std::pair{"en", "en"}}) {
    SCOPED_TRACE(lang);
    const json out = json::parse(handle_json(std::string(R"({"state": {}, "message": {"id": "m1", "text": "?"},
        "now": "2026-11-25T10:00:00-06:00", "config": {"DEFAULT_LANGUAGE": ")") + lang + R"("}})"));
    ASSERT_EQ(out["ok"], true) << out.dump();
    EXPECT_EQ(out["language"], want);
  }
}

}  // namespace
}  // namespace booking
