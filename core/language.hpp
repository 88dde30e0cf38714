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
// "¿hablas inglés?", "prefiero en inglés", "¿podemos hablar en inglés?",
// "can we do this in Spanish?", "english pls", "switch to Spanish", "alguien
// que hable inglés". Saying what the lead cannot read asks for the other
// language: "no hablo inglés" → es, "I don't speak Spanish" → en. A message
// that only names a language in passing ("I'm learning Spanish", "vendemos
// cursos de inglés") asks for nothing.
std::optional<Lang> asked_language(std::string_view text);

// A whole message clearly written in one language: at least 4 words, at
// least 3 of them detect_language's words of that language, and none of the
// other's (¿ or ¡ is one Spanish word; accented letters count for nothing,
// names carry them). After the greeting, a lead who writes a full sentence
// in the other language is answered in it. Names ("Juan Carlos", "Sarah
// O'Connor"), emails, numbers, short answers ("ok", "si", "yes", "martes",
// "10am"), brand names and messages mixing both languages → nullopt.
std::optional<Lang> clearly_language(std::string_view text);

}  // namespace booking
