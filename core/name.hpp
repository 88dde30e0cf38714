// The lead's name from a free-text answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

// "Juan Carlos", "me llamo juan carlos", "soy María", "My name is Sarah
// O'Connor", "i'm tom", "Hola, soy Pedro 😊" → the name.
//  - Greetings, fillers, pleasantries ("¿qué tal?", "un gusto", "nice to
//    meet you"), "me llamo"/"my name is"/"me dicen" forms, sign-ins ("aquí",
//    "le saluda", "te escribe", "this is", "you're speaking with") and
//    titles ("Dra.", "Mr.") before the name are skipped; the name ends at
//    punctuation, emoji, a sign-off ("Marta por aquí", "Marta al habla",
//    "Dan here", "Dan speaking") or a word that starts a new clause ("Soy
//    Ana y quiero info", "Tom from Acme", "Marta, encantada" → Ana, Tom,
//    Marta). If the clause starts with such a word ("quiero información",
//    "no", "¿quién eres?", "how much is it?") there is no name.
//  - A question after the name leaves it ("Marta. ¿Cuánto cuesta?", "Dan,
//    how much is it?" → Marta, Dan), but name words asked as a question
//    ("¿Horarios?", "Marta?": a "¿" right before or "?" right after) are
//    not an answer.
//  - Each word is capitalised (maría → María, ÁNGEL → Ángel, o'connor →
//    O'Connor, jean-luc → Jean-Luc; Latin-1/Latin Extended-A/Greek/Cyrillic
//    case pairs). A word typed with a capital first and mixed case after
//    ("McDonald") is kept; lower-case particles after the first word stay
//    lower-case ("María de los Ángeles"). ’ and ´ become '.
//  - nullopt: any digit or "@" or URL/domain-looking text anywhere in the
//    message, invalid UTF-8, greetings only, under 2 letters, more than 4
//    words or 60 code points.
std::optional<std::string> extract_name(std::string_view text);

}  // namespace booking
