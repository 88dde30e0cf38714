// Issue 11 through the whole core: a lead at some step writes one message
// the way leads really write; what the bot answers, where the conversation
// goes and what GHL is asked. The readers' own tables (name_test.cpp,
// day_test.cpp, time_choice_test.cpp, email_test.cpp, intent_test.cpp,
// question_test.cpp, ...) hold the wording rules; these cases check that
// the engine does the right thing with what they read.
#include <gtest/gtest.h>

#include <ostream>

#include "conversation.hpp"

namespace booking::testing {
namespace {

// Today is Wednesday 2026-11-25, 10:30 (conversation.hpp). The calendar:
//   Thu 11-26: 10am, 2pm, 4pm      Fri 11-27: 9am, 11am, 3pm
//   Tue 12-01: 9:30am, 3pm          Wed 12-02: full
//   Thu 12-03: 10am, 12pm           Fri 12-04: 11am
Conversation calendar() {
  Conversation c;
  c.calendar.free["2026-11-26"] = {"2026-11-26T10:00:00-06:00", "2026-11-26T14:00:00-06:00",
                                   "2026-11-26T16:00:00-06:00"};
  c.calendar.free["2026-11-27"] = {"2026-11-27T09:00:00-06:00", "2026-11-27T11:00:00-06:00",
                                   "2026-11-27T15:00:00-06:00"};
  c.calendar.free["2026-12-01"] = {"2026-12-01T09:30:00-06:00", "2026-12-01T15:00:00-06:00"};
  c.calendar.free["2026-12-02"] = {};
  c.calendar.free["2026-12-03"] = {"2026-12-03T10:00:00-06:00", "2026-12-03T12:00:00-06:00"};
  c.calendar.free["2026-12-04"] = {"2026-12-04T11:00:00-06:00"};
  return c;
}

// A lead who has answered everything before `step`, in `lang`. At the time
// step Thursday 11-26's three times are on offer.
Conversation at(const std::string& step, const std::string& lang = "es") {
  Conversation c = calendar();
  c.fields = json{{"booking_step", step}, {"language", lang}, {"booking_attempts", "0"}};
  const std::vector<std::string> order = {"name", "goal", "pain", "budget", "email", "confirm_email", "day", "time"};
  const auto after = [&](const std::string& s) {
    return std::find(order.begin(), order.end(), step) > std::find(order.begin(), order.end(), s);
  };
  if (after("name")) c.fields["customer_name"] = "Ana";
  if (after("goal")) c.fields["customer_goal"] = "Más clientes";
  if (after("pain")) c.fields["customer_pain_point"] = "No tengo tiempo";
  if (after("budget")) c.fields["customer_budget"] = "800";
  if (after("email")) c.fields["customer_email"] = "ana@acme.co";
  if (step == "time") {
    c.fields["preferred_day"] = "2026-11-26";
    c.fields["offered_slots"] = "2026-11-26T10:00:00-06:00,2026-11-26T14:00:00-06:00,2026-11-26T16:00:00-06:00";
  }
  return c;
}

struct Case {
  const char* what;
  const char* lang;
  const char* step;      // where the lead is
  const char* message;   // what they write
  const char* then;      // booking_step after it
  const char* reply;     // the reply starts with this ("" = no reply)
  const char* booked;    // the slot booked in GHL, if any
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.what << ": \"" << c.message << '"'; }

class Understanding : public ::testing::TestWithParam<Case> {};

TEST_P(Understanding, Table) {
  const Case& k = GetParam();
  auto c = at(k.step, k.lang);
  const std::string reply = c.say(k.message);
  EXPECT_EQ(c.field("booking_step"), k.then);
  EXPECT_TRUE(reply.starts_with(k.reply)) << reply;
  if (*k.reply == '\0') {
    EXPECT_EQ(reply, "");
  }
  if (*k.booked != '\0') {
    ASSERT_EQ(c.calendar.booked.size(), 1u);
    EXPECT_EQ(c.calendar.booked[0], k.booked);
    EXPECT_EQ(c.field("appointment_datetime"), k.booked);
  } else {
    EXPECT_TRUE(c.calendar.booked.empty());
  }
  // Every day answer costs one free-slots call, never one per day.
  int fetches = 0;
  for (const auto& cmd : c.commands) fetches += cmd["type"] == "fetch_slots";
  EXPECT_LE(fetches, 1);
  EXPECT_FALSE(c.rounds_exhausted);
}

// Item 1: stop, a person, not interested — never stored as an answer.
INSTANTIATE_TEST_SUITE_P(StopPersonNotInterested, Understanding, ::testing::Values(
    Case{"not interested closes politely", "es", "goal", "no me interesa, gracias", "complete",
         "Entendido, gracias por tu tiempo.", ""},
    Case{"not interested, en", "en", "pain", "I'm not interested anymore", "complete",
         "Understood, thanks for your time.", ""},
    Case{"not interested before the name", "es", "name", "ya no estoy interesada", "complete",
         "Entendido, gracias por tu tiempo.", ""},
    Case{"'no, gracias' at the budget is not a stop", "es", "budget", "no, gracias", "budget",
         "No entendí el monto.", ""},
    Case{"a goal that says 'no me interesa' is a goal", "es", "goal", "no me interesa el SEO, quiero más clientes",
         "pain", "Entiendo.", ""},
    Case{"stop in other words", "es", "goal", "por favor bórrenme de su lista", "opted_out",
         "Entendido, no te enviaremos más mensajes.", ""},
    Case{"stop in other words, en", "en", "budget", "take me off your list", "opted_out",
         "Understood, we won't message you again.", ""},
    Case{"a person, indirectly", "es", "pain", "¿me pueden comunicar con su equipo?", "handoff",
         "Claro, una persona de nuestro equipo", ""},
    Case{"a person, en", "en", "email", "is there anyone there?", "handoff", "Sure, a person from our team", ""},
    Case{"a negated person is an answer", "es", "goal", "no quiero que me llame una persona", "pain", "Entiendo.", ""}));

// Items 2 and 3: a day and a time in one message; the earliest day; full
// days answered with the nearest days that have times; next week.
INSTANTIATE_TEST_SUITE_P(DayAndTime, Understanding, ::testing::Values(
    Case{"day and time book at once", "es", "day", "el jueves a las 2", "scheduled",
         "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 2pm.", "2026-11-26T14:00:00-06:00"},
    Case{"day and time, en", "en", "day", "Friday 3pm works", "scheduled",
         "Perfect! Your call is confirmed for Friday, November 27 at 3pm.", "2026-11-27T15:00:00-06:00"},
    Case{"a part of the day narrows the offer", "es", "day", "mañana en la tarde", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre: 2pm, 4pm.", ""},
    Case{"a named time that is not free", "es", "day", "el jueves a las 11", "time",
         "A esa hora ya no tengo espacio para el jueves 26 de noviembre. Tengo: 10am, 2pm, 4pm.", ""},
    Case{"at the time step, another day and a time", "es", "time", "mejor el viernes a las 11", "scheduled",
         "¡Perfecto! Tu cita está confirmada para el viernes 27 de noviembre a las 11am.", "2026-11-27T11:00:00-06:00"},
    Case{"the earliest day", "es", "day", "cuanto antes", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre:", ""},
    Case{"the earliest day, en", "en", "day", "whatever day works", "time",
         "I have these times available for Thursday, November 26:", ""},
    Case{"a full day: the nearest days that have times", "es", "day", "el miércoles 2 de diciembre", "day",
         "Para el miércoles 2 de diciembre ya no tengo horarios; tengo el jueves 3 de diciembre y el viernes 4 de "
         "diciembre.", ""},
    Case{"next week: its days that have times", "es", "day", "la próxima semana", "day",
         "La próxima semana tengo horarios el martes 1 de diciembre, el jueves 3 de diciembre y el viernes 4 de "
         "diciembre.", ""},
    Case{"next week, en", "en", "day", "sometime next week", "day",
         "Next week I have times on Tuesday, December 1, Thursday, December 3 and Friday, December 4.", ""},
    Case{"a weekday and a date that disagree are asked about", "es", "day", "el viernes 5", "day",
         "Ojo: esa fecha es el sábado 5 de diciembre.", ""},
    Case{"a day number alone is a date at the day step", "es", "day", "el 3", "time",
         "Tengo estos horarios disponibles para el jueves 3 de diciembre: 10am, 12pm.", ""},
    Case{"an ordinal, en", "en", "day", "the 4th", "time",
         "I have these times available for Friday, December 4: 11am.", ""},
    Case{"a full day with one later day that has times", "en", "day", "Wednesday, December 2nd at 10am", "day",
         "I have no times left on Wednesday, December 2; I do have Thursday, December 3 and Friday, December 4.", ""},
    Case{"the earliest day, other words", "es", "day", "el primer día que tengas", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre:", ""},
    Case{"the earliest day, en, first available", "en", "day", "first available", "time",
         "I have these times available for Thursday, November 26:", ""},
    Case{"a day and a part of the day with one time", "en", "day", "Friday afternoon", "scheduled",
         "Perfect! Your call is confirmed for Friday, November 27 at 3pm.", "2026-11-27T15:00:00-06:00"},
    Case{"a day and a part of the day with two times", "en", "day", "Friday morning", "time",
         "I have these times available for Friday, November 27: 9am, 11am.", ""},
    Case{"a day and a range of hours", "es", "day", "el viernes entre las 10 y las 4", "time",
         "Tengo estos horarios disponibles para el viernes 27 de noviembre: 11am, 3pm.", ""},
    Case{"a past day", "es", "day", "el lunes 23", "day", "Esa fecha ya pasó.", ""},
    Case{"a weekday and a date that disagree, en", "en", "day", "Tuesday the 3rd", "day",
         "Just to check: that date is Thursday, December 3.", ""}));

// Items 6 and 10: the time step.
INSTANTIATE_TEST_SUITE_P(TimeStep, Understanding, ::testing::Values(
    Case{"the middle one", "es", "time", "la de en medio", "scheduled",
         "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 2pm.", "2026-11-26T14:00:00-06:00"},
    Case{"an hour in words", "en", "time", "at four", "scheduled",
         "Perfect! Your call is confirmed for Thursday, November 26 at 4pm.", "2026-11-26T16:00:00-06:00"},
    Case{"a part of the day with several times", "es", "time", "por la tarde", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre: 2pm, 4pm.", ""},
    Case{"a time not offered", "es", "time", "a las 5", "time", "Ese horario no está disponible.", ""},
    Case{"a misspelled day moves to that day", "es", "time", "mejor el vienres", "time",
         "Tengo estos horarios disponibles para el viernes 27 de noviembre: 9am, 11am, 3pm.", ""},
    Case{"a day that is not booked says which days are", "es", "time", "el lunes", "time",
         "Ese día no agendamos llamadas. Puedo agendar de Martes a Viernes.", ""},
    Case{"another day goes back to the day question", "es", "time", "otro día", "day",
         "¿Qué día te gustaría agendar tu llamada?", ""},
    Case{"none of those works, en", "en", "time", "none of those work", "day",
         "What day would you like to schedule your call?", ""},
    Case{"neither a time nor a day: the times again", "es", "time", "mmm no sé", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre: 10am, 2pm, 4pm.", ""},
    Case{"a misspelled English day", "en", "time", "tuesdy then", "time",
         "I have these times available for Tuesday, December 1: 9:30am, 3pm.", ""},
    Case{"a past day at the time step", "es", "time", "el lunes 23", "time", "Esa fecha ya pasó.", ""},
    Case{"a weekday and date that disagree at the time step", "es", "time", "el viernes 5", "time",
         "Ojo: esa fecha es el sábado 5 de diciembre.", ""},
    Case{"a pick by a number is a time, not a date", "es", "time", "la de las 4", "scheduled",
         "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 4pm.", "2026-11-26T16:00:00-06:00"},
    Case{"the first one, not the 1st of the month", "en", "time", "the first one", "scheduled",
         "Perfect! Your call is confirmed for Thursday, November 26 at 10am.", "2026-11-26T10:00:00-06:00"},
    Case{"a position with another day: that day's times", "es", "time", "la primera del viernes", "time",
         "Tengo estos horarios disponibles para el viernes 27 de noviembre: 9am, 11am, 3pm.", ""},
    Case{"a position with another day, en", "en", "time", "Friday, the first one", "time",
         "I have these times available for Friday, November 27: 9am, 11am, 3pm.", ""},
    Case{"a day not booked, with a time", "es", "time", "el lunes a las 2", "time",
         "Ese día no agendamos llamadas.", ""},
    Case{"today with a time", "es", "time", "hoy a las 2", "time", "Esa fecha ya pasó.", ""},
    Case{"what times on another day", "es", "time", "¿qué horarios tienen el viernes?", "time",
         "Tengo estos horarios disponibles para el viernes 27 de noviembre: 9am, 11am, 3pm.", ""},
    Case{"whenever at the time step is the first time", "en", "time", "whenever suits you", "scheduled",
         "Perfect! Your call is confirmed for Thursday, November 26 at 10am.", "2026-11-26T10:00:00-06:00"}));

// Items 5 and 7: emails, names, budgets in more shapes.
INSTANTIATE_TEST_SUITE_P(Answers, Understanding, ::testing::Values(
    Case{"a typo'd email is asked about", "es", "email", "ana@gmial.com", "confirm_email",
         "¿Quisiste decir ana@gmail.com? Responde SÍ", ""},
    Case{"a dictated email", "es", "email", "mi correo es juan punto perez arroba gmail punto com, gracias", "day",
         "¿Qué día te gustaría agendar tu llamada?", ""},
    Case{"an email with spaces", "en", "email", "ana . lopez @ gmail . com", "day", "What day would you like", ""},
    Case{"a name among pleasantries", "es", "name", "Hola! Soy Marta, un gusto", "goal", "Mucho gusto Marta.", ""},
    Case{"a name, en", "en", "name", "Dan here", "goal", "Nice to meet you, Dan.", ""},
    Case{"a hedged budget in words", "es", "budget", "quizá unos seiscientos dlls", "email", "Perfecto. ¿Cuál es tu correo", ""},
    Case{"a range in words under the minimum", "en", "budget", "between two hundred and four hundred bucks", "complete",
         "I'm sorry, we work with budgets of at least $300/month.", ""}));

// Items 8 and 9: the language on request or by the whole message; questions.
INSTANTIATE_TEST_SUITE_P(LanguageAndQuestions, Understanding, ::testing::Values(
    Case{"asked for English", "es", "pain", "¿podemos hablar en inglés?", "pain",
         "I see. What is the biggest challenge you are facing right now?", ""},
    Case{"a whole message in English is answered in English", "es", "goal",
         "I want to get more clients for my business", "pain", "I see. What is the biggest challenge", ""},
    Case{"a question at the name step", "es", "name", "¿quién eres?", "name",
         "Soy María, la asistente virtual de AI Outlet Media: te ayudo a agendar una llamada con nuestro equipo. "
         "¿Cuál es tu nombre?", ""},
    Case{"the name, then a question", "es", "name", "Marta. ¿Cuánto cuesta?", "goal",
         "El precio depende de lo que necesites; lo vemos juntos en la llamada, sin compromiso. Mucho gusto Marta.", ""},
    Case{"a question is not a goal", "en", "goal", "how much is it?", "goal",
         "The price depends on what you need; we'll go over it together on the call, with no commitment. Nice to "
         "meet you, Ana. What goals", ""},
    Case{"how long, CALL_MINUTES unset", "es", "pain", "¿cuánto dura la llamada?", "pain",
         "Es una llamada breve, sin compromiso. Entiendo. ¿Cuál es el mayor desafío", ""},
    Case{"what times on a day is a day answer", "es", "day", "¿qué horarios tienen el jueves?", "time",
         "Tengo estos horarios disponibles para el jueves 26 de noviembre: 10am, 2pm, 4pm.", ""},
    Case{"a greeting before a question is no answer", "es", "pain", "Buenas tardes. ¿De qué se trata?", "pain",
         "En AI Outlet Media te contamos en la llamada cómo podemos ayudarte a lograr tus objetivos. Entiendo. ¿Cuál "
         "es el mayor desafío", ""},
    Case{"a closing after a question is no answer", "es", "goal", "¿Cuánto cuesta? Saludos", "goal",
         "El precio depende de lo que necesites;", ""},
    Case{"what times, before a day", "es", "day", "¿qué horarios tienen?", "day",
         "Te muestro los horarios libres en cuanto elijamos el día. ¿Qué día te gustaría", ""},
    Case{"what times, at the time step", "en", "time", "what times do you have?", "time",
         "I have these times available for Thursday, November 26: 10am, 2pm, 4pm.", ""}));

// The confirmation of a typo'd email.
TEST(Understanding, ATypoedEmailIsConfirmedCorrectedOrReplaced) {
  auto c = at("email");
  c.say("ana@hotmial.com");
  EXPECT_EQ(c.field("customer_email"), "ana@hotmail.com");
  EXPECT_EQ(c.say("sí"), "¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)");
  EXPECT_EQ(c.field("booking_step"), "day");
  EXPECT_EQ(c.field("customer_email"), "ana@hotmail.com");

  auto no = at("email");
  no.say("ana@gmail,com");
  EXPECT_EQ(no.say("no"), "Perfecto. ¿Cuál es tu correo electrónico?");
  EXPECT_EQ(no.field("booking_step"), "email");
  EXPECT_EQ(no.field("customer_email"), "");

  auto other = at("email", "en");
  other.say("ana@yahoo.con");
  EXPECT_EQ(other.say("it's ana@acme.co"), "What day would you like to schedule your call? (Tuesday to Friday)");
  EXPECT_EQ(other.field("customer_email"), "ana@acme.co");

  auto unclear = at("email");
  unclear.say("ana@gmial.com");
  EXPECT_TRUE(unclear.say("mmm").starts_with("¿Quisiste decir ana@gmail.com?"));
  EXPECT_EQ(unclear.field("booking_attempts"), "1");
}

TEST(Understanding, AWeekdayAfterAListOfDaysIsTheListedOne) {
  auto c = at("day");
  c.say("el miércoles 2 de diciembre");
  EXPECT_EQ(c.field("offered_slots"), "2026-12-03,2026-12-04");
  EXPECT_EQ(c.say("el jueves"), "Tengo estos horarios disponibles para el jueves 3 de diciembre: 10am, 12pm. ¿Cuál prefieres?");
  auto week = at("day", "en");
  week.say("next week");
  EXPECT_EQ(week.say("Tuesday then"), "I have these times available for Tuesday, December 1: 9:30am, 3pm. Which one do you prefer?");
}

TEST(Understanding, AQuestionAloneWithAGreetingIsNotAFailedAttempt) {
  auto c = at("name");
  EXPECT_EQ(c.say("Hola, ¿cuánto cuesta? Saludos"),
            "El precio depende de lo que necesites; lo vemos juntos en la llamada, sin compromiso. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.field("booking_attempts"), "0");
  EXPECT_EQ(c.field("customer_name"), "");
}

TEST(Understanding, ARedeliveredQuestionLooksForItsReplyFirst) {
  auto c = at("pain");
  c.say("¿cuánto cuesta?", "m1", json{{"maybe_sent", true}});
  ASSERT_FALSE(c.commands.empty());
  EXPECT_EQ(c.commands[0]["type"], "find_reply");
}

TEST(Understanding, NotInterestedStaysPoliteAndNeverDropsABookedCall) {
  auto c = at("goal");
  c.say("no me interesa");
  EXPECT_EQ(c.say("ok gracias"),
            "Entendido, gracias por tu tiempo. Si más adelante te interesa, escríbenos y con gusto te ayudamos.");
  auto low = at("budget");
  low.say("100");
  EXPECT_TRUE(low.say("ok").starts_with("¡Gracias por tu interés! Si tu presupuesto cambia"));
}

TEST(Understanding, AQuestionIsNotAFailedAttempt) {
  auto c = at("budget");
  c.fields["booking_attempts"] = "2";
  c.say("¿de qué se trata?");
  EXPECT_EQ(c.field("booking_attempts"), "2");
  EXPECT_EQ(c.field("customer_budget"), "");
}

TEST(Understanding, CallMinutesAndPitchComeFromTheSettings) {
  auto c = at("pain", "en");
  c.config = json{{"CALL_MINUTES", "30"}, {"BUSINESS_PITCH", "We run ads for dentists."}};
  EXPECT_EQ(c.say("how long is the call?"),
            "The call takes about 30 minutes. I see. What is the biggest challenge you are facing right now?");
  EXPECT_EQ(c.say("what do you do?"),
            "We run ads for dentists. I see. What is the biggest challenge you are facing right now?");
}

TEST(Understanding, NothingFreeInTheTwoWeeksLookedAt) {
  Conversation c = at("day");
  c.calendar.free.clear();
  EXPECT_TRUE(c.say("cuanto antes").starts_with("Por ahora no tengo horarios libres en las próximas dos semanas."));
  EXPECT_EQ(c.field("booking_step"), "day");
  ASSERT_EQ(c.commands.size(), 1u);
  EXPECT_EQ(c.commands[0], (json{{"type", "fetch_slots"}, {"date", "2026-11-26"}, {"until", "2026-12-09"}}));
}

TEST(Understanding, ADayAndTimeTakenMeanwhileOffersTheOtherTimesOfThatDay) {
  auto c = at("day");
  c.calendar.taken_after_fetch.insert("2026-11-26T14:00:00-06:00");
  EXPECT_EQ(c.say("el jueves a las 2"),
            "Ese horario se acaba de ocupar. Para el jueves 26 de noviembre todavía tengo: 10am, 4pm. ¿Cuál prefieres?");
  EXPECT_EQ(c.field("booking_step"), "time");
  EXPECT_TRUE(c.calendar.booked.empty());
  // Fetched once, booked once: the range already had the day's other times.
  ASSERT_EQ(c.commands.size(), 2u);
  EXPECT_EQ(c.commands[1]["type"], "book");
}

TEST(Understanding, NextWeekAndTheEarliestDayAskForTheRightRange) {
  auto week = at("day");
  week.say("la semana que viene");
  ASSERT_EQ(week.commands.size(), 1u);
  EXPECT_EQ(week.commands[0], (json{{"type", "fetch_slots"}, {"date", "2026-11-30"}, {"until", "2026-12-06"}}));
  auto soon = at("day", "en");
  soon.say("asap");
  ASSERT_EQ(soon.commands.size(), 1u);
  EXPECT_EQ(soon.commands[0], (json{{"type", "fetch_slots"}, {"date", "2026-11-26"}, {"until", "2026-12-09"}}));
}

}  // namespace
}  // namespace booking::testing
