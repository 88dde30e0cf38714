// Questions a lead asks the bot instead of (or besides) answering it.
#pragma once

#include <string_view>

namespace booking {

enum class Question { none, price, duration, who, what, times };

struct QuestionReading {
  Question question = Question::none;
  // The message without the question sentence(s), white space trimmed: a
  // view into the text. Empty when the message is only the question, or the
  // question and a greeting or "una pregunta" ("Hola, ¿cuánto cuesta?").
  // The whole message when there is no question.
  std::string_view rest;
};

// The message is split into sentences at ¿ ¡ ? ! new lines and a full stop
// followed by a space ("juan.perez@x.com" and "1.500" stay whole); a
// sentence with a question mark also at a comma, colon or semicolon when
// what follows is one of our questions ("Marta, how much is it?"). A
// sentence asks one of our questions when, after lead-ins ("y", "oye",
// "una pregunta", "me puedes decir", "quiero saber", "and", "quick
// question", "can you tell me", "I'd like to know"...), it starts with one of
// its wordings, accents and case ignored; a question mark is not needed
// when the wording is clearly a question ("cuanto cuesta", "how much is
// it"), and is for a few that open statements too ("¿cuándo tienes?", "how
// long?"):
//   price     ¿cuánto cuesta? ¿cuál es el precio? ¿qué precio tiene? ¿es
//             gratis? how much is it? what does it cost? what are your
//             prices? price?
//   duration  ¿cuánto dura la llamada? ¿de cuánto tiempo es? how long is the
//             call? how many minutes?
//   who       ¿quién eres? ¿eres un bot? ¿con quién hablo? who is this? are
//             you a robot?
//   what      ¿qué hacen? ¿de qué se trata? ¿cómo funciona? what do you do?
//             what is this about? what's this?
//   times     ¿qué horarios tienen? ¿a qué hora pueden? ¿tienen otro
//             horario? what times do you have? which times are free?
// A wording inside a sentence that starts otherwise is an answer, not a
// question: "mi meta es saber cuánto cuesta conseguir clientes", "no sé
// cuánto gastar", "500 al mes", "martes" → none. With several questions the
// first counts. When answers stand on both sides of the question, rest is
// the run of sentences before it ("Marta. ¿Cuánto cuesta?" → price, rest
// "Marta.").
QuestionReading read_question(std::string_view text);

}  // namespace booking
