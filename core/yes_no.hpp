// A yes or a no, as a lead answers a yes/no question ("did you mean …?").
#pragma once

#include <string_view>

namespace booking {

enum class YesNo { none, yes, no };

// The whole message is read, once punctuation, emoji, letters held down
// ("siii", "noooo") and polite fillers are gone ("gracias", "por favor",
// "thanks", "please", "hola", "hi", "pues", "bueno", "well", a laugh):
// - yes: "sí", "si", "sip", "claro", "claro que sí", "por supuesto",
//   "correcto", "es correcto", "exacto", "así es", "eso", "eso es",
//   "ese es", "es ese", "ok", "vale", "dale", "de acuerdo", "perfecto",
//   "yes", "yep", "yup", "yeah", "correct", "right", "that's right",
//   "that's it", "sure", "of course", "exactly", "👍", "👌", "✅"...;
// - no: "no", "nop", "nope", "nah", "incorrecto", "no es ese", "ese no es",
//   "no es correcto", "eso no", "claro que no", "para nada", "wrong",
//   "that's wrong", "that's not it", "not right", "incorrect",
//   "of course not", "👎", "❌"...;
// several of one kind are that kind ("sí, claro", "no no", "ok 👍").
// none, for anything else:
// - a yes and a no together ("sí, no", "👍 no");
// - any other word: the message says more than yes or no, and what it
//   says may change the answer, so the caller reads it with its other
//   readers ("sí, pero el jueves", "no, es ana@x.com", "no sé" (no + sé),
//   "sí 2", "ok mañana");
// - a question ("¿sí?", "ok?"): no answer.
YesNo read_yes_no(std::string_view text);

}  // namespace booking
