// extract_budget: the lead's monthly budget, in whole currency units.
#include "budget.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace booking {
namespace {

struct BudgetCase {
  std::string input;
  std::optional<long> want;
};

void PrintTo(const BudgetCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ExtractBudget : public ::testing::TestWithParam<BudgetCase> {};

TEST_P(ExtractBudget, Table) { EXPECT_EQ(extract_budget(GetParam().input), GetParam().want); }

const BudgetCase kPlain[] = {
    {"500", 500},
    {"$500", 500},
    {"500 usd", 500},
    {"USD 500", 500},
    {"500$", 500},
    {"\xE2\x82\xAC" "300", 300},         // €300
    {"US$ 1.200", 1200},
    {"5000 pesos", 5000},
    {"0", 0},                            // zero is an answer
    {"$0", 0},
    {"-500", 500},                       // a dash is not a sign
};

// "1.500" and "1,500" are thousands; "1500.00", "12.50" carry cents, which
// are dropped (rounded down).
const BudgetCase kSeparators[] = {
    {"1,500", 1500},
    {"1.500", 1500},
    {"10.000", 10000},
    {"1500.00", 1500},
    {"1,500.50", 1500},
    {"1.500,00", 1500},
    {"$2,500.75", 2500},
    {"12.50", 12},
    {"0.500", 0},                        // a leading zero makes it decimal
    {"1234.567", 1234},                  // four digits before: decimal
    {"$1.000.000", 1000000},
    {"1,000,000.00", 1000000},
};

const BudgetCase kMultipliersAndWords[] = {
    {"2k", 2000},
    {"2K", 2000},
    {"2.5k", 2500},
    {"2,5k", 2500},
    {"500k", 500000},
    {"mil", 1000},
    {"2 mil", 2000},
    {"dos mil", 2000},
    {"como 1.5 mil", 1500},
    {"mil quinientos", 1500},
    {"4 mil quinientos", 4500},
    {"tres mil quinientos d\xC3\xB3lares", 3500},
    {"quinientos d\xC3\xB3lares", 500},
    {"treinta y cinco mil", 35000},
    {"ciento veinte", 120},
    {"1 mill\xC3\xB3n", 1000000},
    {"five hundred and fifty bucks", 550},
    {"a thousand", 1000},
    {"cero", 0},
};

const BudgetCase kInSentences[] = {
    {"unos 800 al mes", 800},
    {"800 d\xC3\xB3lares mensuales", 800},
    {"$1,000/mes", 1000},
    {"presupuesto: 3.000 mensuales", 3000},
    {"unos mil dolares al mes", 1000},
    {"un presupuesto de 700", 700},      // "un" is an article, not 1
    {"una vez al mes, 300", 300},
    // A number next to a currency or "al mes" wins over a bare one.
    {"tengo 2 tiendas y gasto 500 al mes", 500},
    {"3 meses, 500 usd", 500},
    {"hasta 900", 900},
    {"m\xC3\xA1s de 1000", 1000},
};

// A range takes its LOWER bound: the lead commits to at least that much.
const BudgetCase kRanges[] = {
    {"500-800", 500},
    {"500 - 800", 500},
    {"500 \xE2\x80\x93 800", 500},       // en dash
    {"entre 500 y 800", 500},
    {"500 to 800", 500},
    {"de 500 a 1000", 500},
    {"$500 - $1,000", 500},
    {"1000 a 2000 d\xC3\xB3lares al mes", 1000},
    {"300 o 400", 300},
    {"800 - 500", 500},                  // reversed: still the lower one
    {"between 1k and 2k", 1000},
    {"2-3k", 2000},                      // the multiplier applies to both ends
    {"entre 2 y 3 mil", 2000},
    {"500-2k", 500},                     // ... unless the first end is already bigger
    {"entre quinientos y ochocientos", 500},
    {"tengo entre 2 y 3 tiendas y gasto unos $500 al mes", 500},
};

// Nothing usable, or absurd (over 1e9).
const BudgetCase kRejectedAndLimits[] = {
    {"", std::nullopt},
    {"nada", std::nullopt},
    {"no s\xC3\xA9", std::nullopt},
    {"no tengo presupuesto", std::nullopt},
    {"ok", std::nullopt},
    {"k", std::nullopt},
    {"una", std::nullopt},               // article alone
    {"20%", std::nullopt},               // a share is not an amount
    {"20 por ciento de las ventas", std::nullopt},
    {"1000000000", 1000000000},          // the cap itself is fine
    {"1000000001", std::nullopt},        // absurd
    {"2000000000 usd", std::nullopt},
    {"2 mil millones", std::nullopt},
    {"99999999999999999999999999", std::nullopt},
};

// Digits of an email address, a link or a phone number are never a budget;
// a real amount next to them still is.
const BudgetCase kNotAmounts[] = {
    {"cliente.9@example.com", std::nullopt},
    {"juan87@gmail.com", std::nullopt},
    {"ana87 arroba yahoo punto es", std::nullopt},           // dictated (issue 11)
    {"800, ana87 arroba yahoo punto es", 800},
    {"Mi correo: ANA2024@Hotmail.com", std::nullopt},
    {"https://tienda.com/precios/500", std::nullopt},
    {"http://x.co/9", std::nullopt},
    {"www.tienda24.com", std::nullopt},
    {"tienda24.com/precios", std::nullopt},
    {"mira shop99.mx", std::nullopt},
    {"+52 55 1234 5678", std::nullopt},
    {"+525512345678", std::nullopt},
    {"+1 (555) 123-4567", std::nullopt},
    {"555-123-4567", std::nullopt},
    {"555.123.4567", std::nullopt},
    {"(55) 1234-5678", std::nullopt},
    {"(55)1234-5678", std::nullopt},
    {"55 1234 5678", std::nullopt},
    {"5512345678", std::nullopt},
    {"mi cel es 55-1234-5678", std::nullopt},
    {"mi presupuesto es 900 y mi correo ana@x.com", 900},
    {"900,ana@x.com", 900},
    {"ana9@x.com, 900 usd", 900},
    {"ll\xC3\xA1mame al 555-123-4567, tengo 2k", 2000},
    {"mi cel 5512345678, presupuesto 900", 900},
    {"+52 55 1234 5678 y 800 al mes", 800},
    {"www.shop24.com y $300/mes", 300},
    {"500 (mi web: tienda.mx)", 500},
    {"800 USD", 800},
    {"$300/mes", 300},
    {"1.500/mes", 1500},
    {"+500", 500},                       // "more than 500", not a phone
    {"+1000 al mes", 1000},
    {"2k.gracias", 2000},                // a missing space is not a link
    {"unos mil.Gracias", 1000},
    {"$1.000.000.000", 1000000000},      // thousands groups, not a phone
    {"10 000 000", 10},                  // ... space-grouped still reads its first group
    {"10000-20000", 10000},              // a range of round numbers
    {"1500.00", 1500},
};

// Hedges around the amount change nothing: the amount is still the answer.
const BudgetCase kHedged[] = {
    {"quiz\xC3\xA1 600?", 600},                    // quizá 600?
    {"quiz\xC3\xA1s unos 600", 600},
    {"tal vez 500 al mes", 500},
    {"quiz\xC3\xA1 500 o 600", 500},              // a hedged range: still the lower bound
    {"unos seiscientos y pico", 600},
    {"maybe 700", 700},
    {"around 700 I guess", 700},
    {"maybe 700, maybe 800", 700},
    {"700ish", 700},
};

// Currency words and abbreviations mark the amount ("dlls", "dls", "usd",
// "mxn", "pesos", "bucks", "dólares"), glued or not.
const BudgetCase kCurrencyWords[] = {
    {"700 dlls", 700},
    {"700 dls", 700},
    {"$700usd", 700},
    {"USD700", 700},
    {"700 bucks a month", 700},
    {"700 MXN al mes", 700},
    {"tengo 2 tiendas, 700 dlls", 700},             // the amount next to a currency wins
    {"3 sucursales y unos 700 dls", 700},
    {"2 locales y 900 pesos", 900},
    {"2 shops, 2 grand a month", 2000},
    {"a grand", 1000},
    {"grand total 500", 500},                        // "grand" alone multiplies nothing
};

// Ranges said with words take the lower bound too; "4 or 5 hundred" shares
// its "hundred" like "2-3k" shares its "k".
const BudgetCase kWordRanges[] = {
    {"de 400 a 600", 400},
    {"from 400 to 600", 400},
    {"between four hundred and six hundred", 400},
    {"between five hundred and one thousand", 500},
    {"between one thousand and two thousand", 1000},
    {"entre cuatrocientos y seiscientos", 400},
    {"de cuatrocientos a seiscientos d\xC3\xB3lares", 400},
    {"maybe four or five hundred", 400},
    {"4 or 5 hundred", 400},
};

// Number words up to the thousands, in both languages.
const BudgetCase kNumberWordsToThousands[] = {
    {"seiscientos", 600},
    {"setecientos cincuenta", 750},
    {"dos mil quinientos", 2500},
    {"tres mil", 3000},
    {"dos mil quinientos cincuenta pesos", 2550},
    {"seven hundred", 700},
    {"four hundred fifty", 450},
    {"one thousand five hundred", 1500},
    {"two thousand", 2000},
    {"two thousand and five hundred", 2500},
    {"fifteen hundred", 1500},
    {"twelve hundred dollars a month", 1200},
    {"2 hundred bucks", 200},
    {"five hundred and fifty thousand", 550000},    // "and" inside one number
};

// Still no amount: not knowing, a phone number, an email.
const BudgetCase kStillNone[] = {
    {"no s\xC3\xA9", std::nullopt},
    {"todav\xC3\xAD" "a no s\xC3\xA9", std::nullopt},     // todavía no sé
    {"ni idea", std::nullopt},
    {"I don't know yet", std::nullopt},
    {"not sure, maybe", std::nullopt},
    {"one sec", std::nullopt},                       // "one" is an article here
    {"call me at 555-123-4567", std::nullopt},
    {"dan99@x.com", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Plain, ExtractBudget, ::testing::ValuesIn(kPlain));
INSTANTIATE_TEST_SUITE_P(Separators, ExtractBudget, ::testing::ValuesIn(kSeparators));
INSTANTIATE_TEST_SUITE_P(MultipliersAndWords, ExtractBudget, ::testing::ValuesIn(kMultipliersAndWords));
INSTANTIATE_TEST_SUITE_P(InSentences, ExtractBudget, ::testing::ValuesIn(kInSentences));
INSTANTIATE_TEST_SUITE_P(Ranges, ExtractBudget, ::testing::ValuesIn(kRanges));
INSTANTIATE_TEST_SUITE_P(RejectedAndLimits, ExtractBudget, ::testing::ValuesIn(kRejectedAndLimits));
INSTANTIATE_TEST_SUITE_P(NotAmounts, ExtractBudget, ::testing::ValuesIn(kNotAmounts));
INSTANTIATE_TEST_SUITE_P(Hedged, ExtractBudget, ::testing::ValuesIn(kHedged));
INSTANTIATE_TEST_SUITE_P(CurrencyWords, ExtractBudget, ::testing::ValuesIn(kCurrencyWords));
INSTANTIATE_TEST_SUITE_P(WordRanges, ExtractBudget, ::testing::ValuesIn(kWordRanges));
INSTANTIATE_TEST_SUITE_P(NumberWordsToThousands, ExtractBudget, ::testing::ValuesIn(kNumberWordsToThousands));
INSTANTIATE_TEST_SUITE_P(StillNone, ExtractBudget, ::testing::ValuesIn(kStillNone));

TEST(ExtractBudgetLimits, OverlongMessageIsRejected) {
  EXPECT_EQ(extract_budget(std::string(5000, ' ') + "500"), std::nullopt);
}

}  // namespace
}  // namespace booking
