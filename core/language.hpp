// Which language a lead writes in.
#pragma once

#include <optional>
#include <string_view>

namespace booking {

enum class Lang { es, en };

std::string_view to_string(Lang l);
std::optional<Lang> parse_lang(std::string_view s);  // "es" / "en" only

// Guesses the language of a message: a greeting, or any later answer when
// no language is stored (GHL could not be read). Spanish marks (¿ ¡ ñ,
// accented vowels; worth 2 once) and common words (hola, buenas, quiero,
// información, jueves, claro, ...) vote for Spanish; hi, hello, want, info,
// wednesday, sure, ... for English. Greetings and thanks weigh 2, other words 1. A tie (including no
// votes at all) → nullopt, and the caller uses the configured default.
std::optional<Lang> detect_language(std::string_view text);

// The language a lead asks the bot to continue in, in so many words:
// "in English please", "can we speak English?", "en español por favor",
// "¿hablas inglés?", "prefiero en inglés". A message that only names a
// language in passing ("I'm learning Spanish") asks for nothing.
std::optional<Lang> asked_language(std::string_view text);

}  // namespace booking
