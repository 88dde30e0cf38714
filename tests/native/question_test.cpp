// read_question: a question the lead asks us, and what else the message says
// (issue 11 item 9).
#include "question.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace booking {
namespace {

struct QuestionCase {
  std::string input;
  Question want;
  std::string rest;  // "=" : the whole input
};

void PrintTo(const QuestionCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ReadQuestion : public ::testing::TestWithParam<QuestionCase> {};

TEST_P(ReadQuestion, Table) {
  const auto& c = GetParam();
  const QuestionReading r = read_question(c.input);
  EXPECT_EQ(r.question, c.want);
  EXPECT_EQ(std::string(r.rest), c.rest == "=" ? c.input : c.rest);
}

const QuestionCase kPrice[] = {
    {"\xC2\xBF" "cu\xC3\xA1nto cuesta?", Question::price, ""},           // ¿cuánto cuesta?
    {"\xC2\xBF" "Cu\xC3\xA1l es el precio?", Question::price, ""},
    {"how much is it?", Question::price, ""},
    {"What does it cost?", Question::price, ""},
    {"what are your prices", Question::price, ""},
    {"\xC2\xBF" "qu\xC3\xA9 precio tiene?", Question::price, ""},
    {"cuanto cuesta", Question::price, ""},                                 // no question mark needed
    {"how much", Question::price, ""},
    {"\xC2\xBF" "precio?", Question::price, ""},
    {"price?", Question::price, ""},
    {"y cu\xC3\xA1nto cobran?", Question::price, ""},
    {"Hola, \xC2\xBF" "cu\xC3\xA1nto cuesta?", Question::price, ""},        // a greeting is no answer
    {"una pregunta, \xC2\xBF" "es gratis?", Question::price, ""},
    {"me puedes decir cu\xC3\xA1nto sale?", Question::price, ""},
    {"quick question: how much do you charge?", Question::price, ""},
    {"\xC2\xBF" "cu\xC3\xA1nto?", Question::price, ""},
    {"Marta. \xC2\xBF" "Cu\xC3\xA1nto cuesta?", Question::price, "Marta."},
    {"\xC2\xBF" "Cu\xC3\xA1nto cuesta? Me llamo Marta", Question::price, "Me llamo Marta"},
    {"500 al mes. how much is it?", Question::price, "500 al mes."},
    {"marta.lopez@gmail.com \xC2\xBF" "cu\xC3\xA1nto cuesta?", Question::price, "marta.lopez@gmail.com"},
    {"I'm interested, how much?", Question::price, "I'm interested,"},
    {"Marta, \xC2\xBF" "cu\xC3\xA1nto cuesta?", Question::price, "Marta,"},
    {"\xC2\xA1Hola! \xC2\xBF" "Cu\xC3\xA1nto cuesta? Gracias", Question::price, ""},
};

const QuestionCase kDuration[] = {
    {"\xC2\xBF" "cu\xC3\xA1nto dura la llamada?", Question::duration, ""},
    {"how long is the call?", Question::duration, ""},
    {"\xC2\xBF" "De cu\xC3\xA1nto tiempo es?", Question::duration, ""},
    {"how long?", Question::duration, ""},
    {"how much time does it take", Question::duration, ""},
    {"cu\xC3\xA1ntos minutos son?", Question::duration, ""},
    {"el martes. \xC2\xBF" "cu\xC3\xA1nto dura?", Question::duration, "el martes."},
};

const QuestionCase kWho[] = {
    {"\xC2\xBF" "qui\xC3\xA9n eres?", Question::who, ""},
    {"\xC2\xBF" "eres un bot?", Question::who, ""},
    {"are you a robot?", Question::who, ""},
    {"who is this?", Question::who, ""},
    {"\xC2\xBF" "Con qui\xC3\xA9n hablo?", Question::who, ""},
    {"quien es", Question::who, ""},
    {"Who's this", Question::who, ""},
    {"Juan. \xC2\xBF" "Eres un robot?", Question::who, "Juan."},
};

const QuestionCase kWhat[] = {
    {"\xC2\xBF" "qu\xC3\xA9 hacen?", Question::what, ""},
    {"\xC2\xBF" "De qu\xC3\xA9 se trata?", Question::what, ""},
    {"what do you do?", Question::what, ""},
    {"What is this about?", Question::what, ""},
    {"what's this?", Question::what, ""},
    {"\xC2\xBF" "c\xC3\xB3mo funciona?", Question::what, ""},
    {"pero a qu\xC3\xA9 se dedican?", Question::what, ""},
};

const QuestionCase kTimes[] = {
    {"\xC2\xBF" "qu\xC3\xA9 horarios tienen?", Question::times, ""},
    {"what times do you have?", Question::times, ""},
    {"\xC2\xBF" "a qu\xC3\xA9 hora pueden?", Question::times, ""},
    {"which times are free?", Question::times, ""},
    {"\xC2\xBF" "tienen otro horario?", Question::times, ""},
    {"\xC2\xBF" "cu\xC3\xA1ndo tienes?", Question::times, ""},
    {"the 15th. what times?", Question::times, "the 15th."},
};

// Answers that use such words but ask nothing about us.
const QuestionCase kNone[] = {
    {"mi meta es saber cu\xC3\xA1nto cuesta conseguir clientes", Question::none, "="},
    {"quiero vender m\xC3\xA1s", Question::none, "="},
    {"no s\xC3\xA9 cu\xC3\xA1nto gastar", Question::none, "="},
    {"Juan Carlos", Question::none, "="},
    {"500 al mes", Question::none, "="},
    {"1.500 d\xC3\xB3lares", Question::none, "="},
    {"martes", Question::none, "="},
    {"el jueves a las 10", Question::none, "="},
    {"cuanto antes", Question::none, "="},
    {"cuando tienes muchos clientes no das abasto", Question::none, "="},
    {"how long it takes to answer leads is my problem", Question::none, "="},
    {"we don't know how much to spend", Question::none, "="},
    {"el precio de la publicidad sube cada mes", Question::none, "="},
    {"\xC2\xBF" "me llamas ma\xC3\xB1" "ana?", Question::none, "="},
    {"s\xC3\xAD, cuanto antes mejor?", Question::none, "="},
    {"no s\xC3\xA9 cu\xC3\xA1nto gastar, \xC2\xBFme ayudas?", Question::none, "="},
    {"what?", Question::none, "="},
    {"hola", Question::none, "="},
    {"juan.perez@gmail.com", Question::none, "="},
    {"", Question::none, "="},
};

INSTANTIATE_TEST_SUITE_P(Price, ReadQuestion, ::testing::ValuesIn(kPrice));
INSTANTIATE_TEST_SUITE_P(Duration, ReadQuestion, ::testing::ValuesIn(kDuration));
INSTANTIATE_TEST_SUITE_P(Who, ReadQuestion, ::testing::ValuesIn(kWho));
INSTANTIATE_TEST_SUITE_P(What, ReadQuestion, ::testing::ValuesIn(kWhat));
INSTANTIATE_TEST_SUITE_P(Times, ReadQuestion, ::testing::ValuesIn(kTimes));
INSTANTIATE_TEST_SUITE_P(None, ReadQuestion, ::testing::ValuesIn(kNone));

TEST(ReadQuestionRest, ViewsIntoTheMessage) {
  const std::string text = "Marta. \xC2\xBF" "Cu\xC3\xA1nto cuesta?";
  const QuestionReading r = read_question(text);
  ASSERT_FALSE(r.rest.empty());
  EXPECT_EQ(r.rest.data(), text.data());
  EXPECT_EQ(read_question(std::string(5000, 'a')).question, Question::none);
}

}  // namespace
}  // namespace booking
