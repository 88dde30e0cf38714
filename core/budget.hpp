// A monthly marketing budget from a free-text answer.
#pragma once

#include <optional>
#include <string_view>

namespace booking {

// Whole currency units per month, cents dropped (rounded down). Currency is
// not converted; "$", "usd", "€", "pesos", "mxn", "dólares", "dlls"/"dls",
// "bucks"... (glued or not: "$700usd", "700dlls") only help pick the amount.
// Hedges around it change nothing ("quizás unos 600", "tal vez 500 al mes",
// "maybe 700", "around 700 I guess").
//  - Separators: one "." or "," followed by exactly 3 digits, after 1-3
//    digits not starting with 0, is a thousands mark ("1.500", "1,500");
//    otherwise it is decimal ("1500.00", "12.50", "0.500"). Repeated marks
//    are thousands ("1.000.000"); with both kinds the last one is decimal
//    ("1,500.50", "1.500,00"). Before k/mil a single mark is decimal
//    ("2.5k", "1,5 mil"). Space-grouped "1 500" is NOT joined (reads 1).
//  - Multipliers: "k", "mil", "thousand", "grand", "millón"/"million"
//    ("2k", "mil", "dos mil", "mil quinientos", "2 grand"; "grand" needs a
//    number before it: "a grand" is 1000, "grand total" nothing); number
//    words below them in both languages: "seiscientos", "setecientos
//    cincuenta", "dos mil quinientos", "one thousand five hundred", "four
//    hundred fifty", "fifteen hundred", "a thousand", "2 hundred". An "and"
//    joins only a smaller part ("two thousand and five hundred" → 2500,
//    "five hundred and fifty thousand" → 550000); a repeated place starts a
//    new amount ("four hundred and six hundred" → two), and so does any
//    hundred or multiplier after "between ... and" ("between five hundred
//    and one thousand"). A lone "un"/"una"/"one"/"a" is an article, not 1.
//  - A range ("500-800", "500 – 800", "entre 500 y 800", "500 to 800", "de
//    500 a 1000", "from 400 to 600", "300 o 400", "between four hundred and
//    six hundred", "de cuatrocientos a seiscientos") takes its LOWER bound:
//    the lead commits to at least that. "2-3k" shares the multiplier (2000),
//    and "4 or 5 hundred" its "hundred" (400), unless the first end is
//    already bigger ("500-2k" → 500).
//  - Several amounts: the first next to a currency, a multiplier or a month
//    word ("al mes", "mensuales", "/mes") wins, else the first one ("tengo 2
//    tiendas y gasto 500 al mes" → 500). Percentages ("20%") are skipped.
//  - Numbers inside an email address ("juan87@gmail.com"), a link
//    ("https://x.com/500", "www.tienda24.com", "tienda24.com/precios") or a
//    phone number ("+52 55 1234 5678", "(55) 1234-5678", "555-123-4567",
//    "5512345678") are not amounts: a message of only those is nullopt.
//    Round numbers ("1000000000") and thousands groups stay amounts.
//  - Zero is an answer (0). Nothing numeric, more than 1e9, or a message
//    over kMaxMessageBytes → nullopt.
std::optional<long> extract_budget(std::string_view text);

}  // namespace booking
