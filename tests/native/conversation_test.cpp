// Whole conversations through the JSON protocol, as a lead would have them.
#include <gtest/gtest.h>

#include "conversation.hpp"

namespace booking::testing {
namespace {

Conversation with_calendar() {
  Conversation c;
  c.calendar.free["2026-11-26"] = {"2026-11-26T10:00:00-06:00", "2026-11-26T14:00:00-06:00",
                                   "2026-11-26T16:00:00-06:00"};
  c.calendar.free["2026-12-01"] = {"2026-12-01T09:30:00-06:00", "2026-12-01T15:00:00-06:00"};
  c.calendar.free["2026-12-03"] = {};
  return c;
}

TEST(Conversation, SpanishFromGreetingToScheduled) {
  auto c = with_calendar();
  EXPECT_EQ(c.say("Hola, quiero información"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.field("language"), "es");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_EQ(c.say("me llamo juan carlos"),
            "Mucho gusto Juan Carlos. ¿Qué objetivos quieres lograr para tu negocio?");
  EXPECT_EQ(c.say("Conseguir más clientes por Instagram"),
            "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?");
  EXPECT_EQ(c.say("No tengo tiempo para publicar"), "¿Cuál es tu presupuesto mensual para marketing?");
  EXPECT_EQ(c.say("unos 800 al mes"), "Perfecto. ¿Cuál es tu correo electrónico?");
  EXPECT_EQ(c.say("Claro, es Juan.Carlos@Example.com"),
            "¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)");
  EXPECT_EQ(c.say("el jueves"),
            "Tengo estos horarios disponibles para el jueves 26 de noviembre: 10am, 2pm, 4pm. ¿Cuál prefieres?");
  ASSERT_EQ(c.commands.size(), 1u);
  EXPECT_EQ(c.commands[0], (json{{"type", "fetch_slots"}, {"date", "2026-11-26"}, {"until", "2026-12-09"}}));
  EXPECT_EQ(c.say("a las 2"),
            "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 2pm. "
            "Te envié los detalles a juan.carlos@example.com");
  EXPECT_EQ(c.field("booking_step"), "scheduled");
  EXPECT_EQ(c.field("customer_name"), "Juan Carlos");
  EXPECT_EQ(c.field("customer_goal"), "Conseguir más clientes por Instagram");
  EXPECT_EQ(c.field("customer_pain_point"), "No tengo tiempo para publicar");
  EXPECT_EQ(c.field("customer_budget"), "800");
  EXPECT_EQ(c.field("customer_email"), "juan.carlos@example.com");
  EXPECT_EQ(c.field("preferred_day"), "2026-11-26");
  EXPECT_EQ(c.field("preferred_time"), "14:00");
  EXPECT_EQ(c.field("appointment_id"), "appt-1");
  EXPECT_EQ(c.field("appointment_datetime"), "2026-11-26T14:00:00-06:00");
  EXPECT_EQ(c.field("booking_attempts"), "0");
  EXPECT_EQ(c.field("last_interaction"), c.now);
  EXPECT_EQ(c.calendar.booked, std::vector<std::string>{"2026-11-26T14:00:00-06:00"});
  // After scheduling, the appointment is repeated, nothing is booked again.
  EXPECT_EQ(c.say("gracias!"), "Tu cita ya está confirmada para el jueves 26 de noviembre a las 2pm. ¡Te esperamos!");
  EXPECT_EQ(c.calendar.booked.size(), 1u);
}

TEST(Conversation, EnglishFromGreetingToScheduled) {
  auto c = with_calendar();
  EXPECT_EQ(c.say("Hi, I want info"), "Hi! I'm María from AI Outlet Media. What's your name?");
  EXPECT_EQ(c.field("language"), "en");
  EXPECT_EQ(c.say("My name is Sarah O'Connor"),
            "Nice to meet you, Sarah O'Connor. What goals do you want to achieve for your business?");
  EXPECT_EQ(c.say("Get more qualified leads every month"),
            "I see. What is the biggest challenge you are facing right now?");
  EXPECT_EQ(c.say("Our ads are too expensive"), "What is your monthly marketing budget?");
  EXPECT_EQ(c.say("$1,500"), "Perfect. What is your email address?");
  EXPECT_EQ(c.say("sarah@oconnor.ie"), "What day would you like to schedule your call? (Tuesday to Friday)");
  EXPECT_EQ(c.say("next tuesday"),
            "I have these times available for Tuesday, December 1: 9:30am, 3pm. Which one do you prefer?");
  EXPECT_EQ(c.say("the first one"),
            "Perfect! Your call is confirmed for Tuesday, December 1 at 9:30am. I sent the details to sarah@oconnor.ie");
  EXPECT_EQ(c.field("appointment_datetime"), "2026-12-01T09:30:00-06:00");
  EXPECT_EQ(c.field("customer_budget"), "1500");
}

TEST(Conversation, SeedExamples) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "name"}, {"language", "es"}};
  EXPECT_EQ(c.say("Juan Carlos"), "Mucho gusto Juan Carlos. ¿Qué objetivos quieres lograr para tu negocio?");
  c.fields = {{"booking_step", "budget"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender más"}, {"customer_pain_point", "Poco tráfico"}};
  EXPECT_EQ(c.say("200"), "Lo siento, trabajamos con presupuestos mínimos de $300/mes.");
  EXPECT_EQ(c.field("booking_step"), "complete");
}

TEST(Conversation, LowBudgetClosesPolitelyAndStaysClosed) {
  auto c = with_calendar();
  c.say("hola");
  c.say("Ana");
  c.say("Más ventas");
  c.say("No tengo clientes");
  EXPECT_EQ(c.say("$150"), "Lo siento, trabajamos con presupuestos mínimos de $300/mes.");
  EXPECT_EQ(c.field("booking_step"), "complete");
  EXPECT_EQ(c.field("customer_budget"), "150");
  EXPECT_EQ(c.say("ok"), "¡Gracias por tu interés! Si tu presupuesto cambia, escribe \"reiniciar\" y empezamos de nuevo.");
  EXPECT_EQ(c.field("booking_step"), "complete");
  EXPECT_TRUE(c.calendar.booked.empty());
}

TEST(Conversation, BudgetAtTheMinimumPasses) {
  auto c = with_calendar();
  c.config = {{"MIN_BUDGET", "500"}};
  c.fields = {{"booking_step", "budget"}, {"language", "en"}, {"customer_name", "Tom"},
              {"customer_goal", "Grow"}, {"customer_pain_point", "Time"}};
  EXPECT_EQ(c.say("499"), "I'm sorry, we work with budgets of at least $500/month.");
  c.fields["booking_step"] = "budget";
  EXPECT_EQ(c.say("500"), "Perfect. What is your email address?");
}

TEST(Conversation, InvalidAnswersStayOnTheStepAndCountAttempts) {
  auto c = with_calendar();
  c.say("hola");
  EXPECT_EQ(c.say("12345"), "No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos)");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_EQ(c.field("booking_attempts"), "1");
  c.say("http://spam.example.com");
  EXPECT_EQ(c.field("booking_attempts"), "2");
  // From the third failure on, a person is offered.
  EXPECT_NE(c.say("😀😀").find("escribe \"agente\""), std::string::npos);
  EXPECT_EQ(c.field("booking_attempts"), "3");
  c.say("Lucía");
  EXPECT_EQ(c.field("booking_step"), "goal");
  EXPECT_EQ(c.field("booking_attempts"), "0");
}

TEST(Conversation, DayErrorsExplainWhichDaysCanBeBooked) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  EXPECT_EQ(c.say("el sábado"), "Ese día no agendamos llamadas. Puedo agendar de Martes a Viernes. ¿Qué día te gustaría?");
  EXPECT_EQ(c.say("20/11"), "Esa fecha ya pasó. Puedo agendar tu llamada de Martes a Viernes. ¿Qué día te gustaría?");
  EXPECT_EQ(c.field("booking_step"), "day");
  EXPECT_EQ(c.field("booking_attempts"), "2");
  EXPECT_TRUE(c.commands.empty());
  // A bookable day with no free slot: ask for another day, no attempt counted.
  EXPECT_EQ(c.say("3 de diciembre"),
            "No tengo horarios libres para el jueves 3 de diciembre. ¿Qué otro día te gustaría? (Martes a Viernes)");
  EXPECT_EQ(c.field("booking_step"), "day");
}

TEST(Conversation, TimeNotOfferedRepeatsTheOfferedTimes) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  c.say("jueves");
  EXPECT_EQ(c.say("a las 11"),
            "Ese horario no está disponible. Para el jueves 26 de noviembre tengo: 10am, 2pm, 4pm. ¿Cuál prefieres?");
  EXPECT_EQ(c.field("booking_step"), "time");
  EXPECT_TRUE(c.calendar.booked.empty());
  // Changing the day at the time step offers that day's slots.
  EXPECT_EQ(c.say("mejor el martes"),
            "Tengo estos horarios disponibles para el martes 1 de diciembre: 9:30am, 3pm. ¿Cuál prefieres?");
  EXPECT_EQ(c.field("preferred_day"), "2026-12-01");
}

TEST(Conversation, SlotTakenBetweenOfferAndBookingOffersFreshSlots) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  c.say("jueves");
  c.calendar.taken.insert("2026-11-26T14:00:00-06:00");  // someone else books 2pm meanwhile
  EXPECT_EQ(c.say("2pm"),
            "Ese horario se acaba de ocupar. Para el jueves 26 de noviembre todavía tengo: 10am, 4pm. ¿Cuál prefieres?");
  ASSERT_EQ(c.commands.size(), 2u);
  EXPECT_EQ(c.commands[0]["type"], "book");
  EXPECT_EQ(c.commands[1], (json{{"type", "fetch_slots"}, {"date", "2026-11-26"}, {"until", "2026-11-26"}}));
  EXPECT_EQ(c.field("booking_step"), "time");
  EXPECT_EQ(c.field("offered_slots"), "2026-11-26T10:00:00-06:00,2026-11-26T16:00:00-06:00");
  EXPECT_NE(c.say("4pm").find("confirmada"), std::string::npos);
  EXPECT_EQ(c.field("appointment_datetime"), "2026-11-26T16:00:00-06:00");
}

// GHL did the work but its answer was lost (a timeout after the request
// went out): exactly one booking, one reply, and no step the lead was not told.
Conversation at_day() {
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  c.say("jueves");
  return c;
}

TEST(Conversation, ABookingWhoseAnswerWasLostIsAdoptedNotMadeTwice) {
  auto c = at_day();
  c.failing.insert("book-late");
  EXPECT_EQ(c.say("2pm"),
            "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 2pm. Te envié los detalles a ana@x.com");
  ASSERT_EQ(c.commands.size(), 2u);
  EXPECT_EQ(c.commands[1]["type"], "find_booking");
  EXPECT_EQ(c.calendar.booked.size(), 1u) << "one appointment";
  EXPECT_EQ(c.field("appointment_id"), c.calendar.ids["2026-11-26T14:00:00-06:00"]);
  EXPECT_EQ(c.field("booking_step"), "scheduled");
}

TEST(Conversation, AReplyWhoseSendTimedOutIsNotSentTwice) {
  auto c = at_day();
  c.failing.insert("send-late");
  const std::size_t before = c.sent.size();
  c.say("2pm");
  EXPECT_EQ(c.sent.size(), before + 1) << "the confirmation, once";
  EXPECT_NE(c.sent.back().find("confirmada"), std::string::npos);
  EXPECT_EQ(c.commands.back()["type"], "find_reply");
  EXPECT_EQ(c.field("booking_step"), "scheduled");
  EXPECT_TRUE(c.handled);
}

// A save whose answer was lost: the contact is read again, and what GHL
// holds decides (issue 14: reconcile saves).
TEST(Conversation, ASaveWhoseAnswerWasLostButWhichGhlMadeIsFollowedByItsReply) {
  auto c = at_day();
  c.failing.insert("save-late");
  EXPECT_EQ(c.say("2pm"),
            "¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 2pm. Te envié los detalles a ana@x.com");
  std::vector<std::string> types;
  for (const auto& cmd : c.commands) types.push_back(cmd["type"]);
  EXPECT_EQ(types, (std::vector<std::string>{"book", "read_contact"}));
  EXPECT_EQ(c.field("booking_step"), "scheduled");
  EXPECT_EQ(c.calendar.booked.size(), 1u) << "kept, not undone";
  EXPECT_EQ(c.field("appointment_id"), c.calendar.ids["2026-11-26T14:00:00-06:00"]);
  EXPECT_TRUE(c.handled);
}

TEST(Conversation, ASaveWhoseAnswerWasLostAndWhichGhlNeverMadeIsTryAgainWithTheBookingUndone) {
  auto c = at_day();
  c.failing.insert("save-lost");
  const std::string before = c.field("booking_step");
  EXPECT_EQ(c.say("2pm"), "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  EXPECT_EQ(c.field("booking_step"), before) << "GHL holds what the lead was last told";
  EXPECT_TRUE(c.field("appointment_id").empty());
  EXPECT_TRUE(c.calendar.booked.empty()) << "the booking of an unsaved answer is cancelled";
  EXPECT_FALSE(c.handled);
}

TEST(Conversation, ASaveWhoseAnswerWasLostUnreadableContactAndFailedUndoGetsItsOwnQuestionNotTryAgain) {
  Conversation c;
  // GHL applied the save; reading the contact fails twice, so the core
  // undoes it blind; the undo fails too.
  c.failing = {"save-late", "read_contact", "save"};
  EXPECT_EQ(c.say("Hola"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.field("booking_step"), "name") << "GHL holds the step whose question the lead got";
  EXPECT_TRUE(c.handled);
}

// A send whose answer was lost and which the looks do not find may still
// arrive: nothing follows it, the save is undone, and the message is
// marked maybe_sent for its redelivery.
TEST(Conversation, AReplyThatMayStillArriveIsFollowedByNothing) {
  Conversation c;
  c.failing = {"send-lost"};
  EXPECT_EQ(c.say("Hola", "m1"), "");
  EXPECT_TRUE(c.sent.empty());
  EXPECT_EQ(c.field("booking_step"), "") << "undone";
  EXPECT_FALSE(c.handled);
  EXPECT_EQ(c.last["maybe_sent"], true);
}

// ...and if that undo fails, GHL holds the new step: the lead gets its
// question (never a step ahead of what they were asked).
TEST(Conversation, AReplyThatMayStillArriveWhoseUndoFailsIsSentAgainNotLeftAhead) {
  Conversation c;
  c.failing = {"send-lost", "undo"};
  EXPECT_EQ(c.say("Hola"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_TRUE(c.handled);
  EXPECT_EQ(c.last["outcome"], "ghl_uncertain");
}

// GHL failing at every save and send after a lost one: the core still ends
// the message within its result limit (chaos seed 101 hit the limit with a
// save still asked for, and the worker answered 500).
TEST(Conversation, EveryMessageEndsWithinTheResultLimitWhateverFails) {
  Conversation c;
  c.failing = {"send-lost", "undo", "send"};
  EXPECT_EQ(c.say("Hola"), "");
  EXPECT_FALSE(c.rounds_exhausted);
  EXPECT_EQ(c.last["action"], "nothing");
  EXPECT_EQ(c.last["outcome"], "gave_up");
  EXPECT_EQ(c.last["maybe_sent"], true);
  EXPECT_FALSE(c.handled);
}

// A booking whose answer was lost and that could not be looked for (the
// looks failed): the lead is told to try again, and the slot is kept in
// pending_cancel; the next message looks there first and cancels the
// orphan, so the lead's new choice is the only appointment.
TEST(Conversation, ABookingThatCouldNotBeLookedForIsSweptByTheNextMessage) {
  auto c = at_day();
  c.failing = {"book-late", "find_booking"};
  EXPECT_EQ(c.say("2pm"), "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  EXPECT_EQ(c.calendar.booked.size(), 1u) << "the orphan GHL made";
  EXPECT_EQ(c.field("pending_cancel"), "slot:2026-11-26T14:00:00-06:00");
  EXPECT_EQ(c.field("booking_step"), "time");
  c.failing.clear();
  EXPECT_NE(c.say("4pm").find("confirmada"), std::string::npos);
  std::vector<std::string> types;
  for (const auto& cmd : c.commands) types.push_back(cmd["type"]);
  EXPECT_EQ(types, (std::vector<std::string>{"find_booking", "cancel", "book"}));
  EXPECT_EQ(c.calendar.booked, (std::vector<std::string>{"2026-11-26T16:00:00-06:00"})) << "one appointment, the chosen one";
  EXPECT_EQ(c.field("pending_cancel"), "");
  EXPECT_EQ(c.field("appointment_id"), c.calendar.ids["2026-11-26T16:00:00-06:00"]);
}

TEST(Conversation, ACancelThatFailsIsRememberedAndRetriedOnTheNextMessage) {
  auto c = at_day();
  // Booked and saved, but the confirmation cannot be sent, nor the booking undone.
  c.failing = {"send", "cancel"};
  EXPECT_EQ(c.say("2pm"), "");
  const std::string orphan = c.calendar.ids["2026-11-26T14:00:00-06:00"];
  ASSERT_FALSE(orphan.empty());
  EXPECT_EQ(c.field("pending_cancel"), orphan) << "remembered on the contact";
  EXPECT_EQ(c.field("booking_step"), "time");
  // The next message cancels it first, then goes on as usual.
  c.failing.clear();
  EXPECT_NE(c.say("4pm").find("confirmada"), std::string::npos);
  EXPECT_EQ(c.commands.front(), (json{{"type", "cancel"}, {"appointment_id", orphan}}));
  EXPECT_EQ(c.field("pending_cancel"), "");
  EXPECT_EQ(c.calendar.booked, std::vector<std::string>{"2026-11-26T16:00:00-06:00"}) << "one appointment left";
}

TEST(Conversation, APendingCancelThatFailsAgainDoesNotStopTheConversation) {
  auto c = at_day();
  c.fields["pending_cancel"] = "appt-gone";
  c.failing = {"cancel"};
  EXPECT_NE(c.say("2pm").find("confirmada"), std::string::npos);
  EXPECT_EQ(c.field("pending_cancel"), "appt-gone") << "still to be cancelled";
}

TEST(Conversation, LastSlotTakenSendsTheLeadBackToTheDay) {
  auto c = with_calendar();
  c.calendar.free["2026-11-26"] = {"2026-11-26T10:00:00-06:00"};
  c.fields = {{"booking_step", "day"}, {"language", "en"}, {"customer_name", "Tom"},
              {"customer_goal", "Grow"}, {"customer_pain_point", "Time"},
              {"customer_budget", "900"}, {"customer_email", "tom@x.com"}};
  c.say("thursday");
  c.calendar.taken.insert("2026-11-26T10:00:00-06:00");
  EXPECT_EQ(c.say("10am"),
            "That time was just taken and there are no more times for Thursday, November 26. "
            "What other day would you like? (Tuesday to Friday)");
  EXPECT_EQ(c.field("booking_step"), "day");
}

struct FailureCase {
  const char* failing;
  const char* step;
  const char* text;
};

class GhlFailure : public ::testing::TestWithParam<FailureCase> {};

TEST_P(GhlFailure, ChangesNothingAndAsksToTryAgain) {
  const auto& p = GetParam();
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  if (std::string(p.step) == "time") c.say("jueves");
  const json before = c.filled();
  c.failing.insert(p.failing);
  const std::string reply = c.say(p.text);
  EXPECT_EQ(c.filled(), before);
  EXPECT_TRUE(c.calendar.booked.empty()) << "a booking whose save failed must be cancelled";
  if (std::string(p.failing) == "send") {
    EXPECT_EQ(reply, "");  // nothing could be sent
  } else {
    EXPECT_EQ(reply, "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  }
}

INSTANTIATE_TEST_SUITE_P(AtEachCall, GhlFailure,
                         ::testing::Values(FailureCase{"read", "day", "jueves"},
                                           FailureCase{"fetch_slots", "day", "jueves"},
                                           FailureCase{"save", "day", "jueves"},
                                           FailureCase{"send", "day", "jueves"},
                                           FailureCase{"book", "time", "10am"},
                                           FailureCase{"save", "time", "10am"},
                                           FailureCase{"send", "time", "10am"}));

TEST(Conversation, FailedReadOfANewContactAnswersInTheMessagesLanguage) {
  auto c = with_calendar();
  c.failing.insert("read");
  EXPECT_EQ(c.say("Hello there"), "Sorry, we ran into a technical problem. Please try again in a few minutes.");
  EXPECT_TRUE(c.fields.empty());
}

// Mid-conversation, a failed read leaves the core nothing stored: the
// answer itself ("wednesday", "yes") must pick the try-again language, over
// DEFAULT_LANGUAGE either way.
TEST(Conversation, FailedReadMidConversationAnswersInTheAnswersLanguage) {
  const std::string en = "Sorry, we ran into a technical problem. Please try again in a few minutes.";
  const std::string es = "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.";
  struct Case {
    const char* text;
    const char* default_language;
    const std::string& want;
  };
  const Case cases[] = {
      {"wednesday", "es", en}, {"next tuesday", "es", en}, {"yes", "es", en},
      {"sure", "es", en},      {"the first one", "es", en}, {"thanks", "es", en},
      {"miércoles", "en", es}, {"sí", "en", es},            {"la primera", "en", es},
      {"a las 10", "en", es},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.text);
    auto c = with_calendar();
    c.config = {{"DEFAULT_LANGUAGE", k.default_language}};
    c.failing.insert("read");
    EXPECT_EQ(c.say(k.text), k.want);
    EXPECT_TRUE(c.fields.empty());
  }
}

// A stored language outweighs the message: an English weekday from a
// Spanish lead still gets the Spanish try-again text.
TEST(Conversation, FailedCallAnswersInTheStoredLanguage) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"},
              {"customer_budget", "900"}, {"customer_email", "ana@x.com"}};
  c.failing.insert("fetch_slots");
  EXPECT_EQ(c.say("thursday"), "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
}

TEST(Conversation, RestartGoesBackToTheBeginning) {
  auto c = with_calendar();
  c.say("hola");
  c.say("Ana");
  c.say("Vender más");
  EXPECT_EQ(c.say("empezar de nuevo"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_EQ(c.field("customer_name"), "");
  EXPECT_EQ(c.field("customer_goal"), "");
  EXPECT_EQ(c.field("language"), "es");
  c.fields["booking_step"] = "complete";
  EXPECT_EQ(c.say("restart"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
}

TEST(Conversation, OptOutIsConfirmedOnceThenSilence) {
  auto c = with_calendar();
  c.say("Hi");
  EXPECT_EQ(c.say("STOP"), "Understood, we won't message you again. Thank you!");
  EXPECT_EQ(c.field("booking_step"), "opted_out");
  const json after = c.fields;
  EXPECT_EQ(c.say("hello?"), "");
  EXPECT_EQ(c.say("restart"), "");
  EXPECT_EQ(c.fields, after) << "no write at all after opt-out";
  EXPECT_EQ(c.last["outcome"], "silent");
}

// An opted-out lead who asks to book after all is welcomed back from the
// beginning; anything else stays silent (issue 11).
TEST(Conversation, AnOptedOutLeadWhoAsksToBookIsWelcomedBack) {
  auto c = with_calendar();
  c.say("Hola");
  c.say("Ana");
  EXPECT_EQ(c.say("no me escribas más"), "Entendido, no te enviaremos más mensajes. ¡Gracias!");
  EXPECT_EQ(c.say("no quiero agendar nada"), "");
  EXPECT_EQ(c.last["outcome"], "silent");
  EXPECT_EQ(c.say("Hola de nuevo, quiero agendar una llamada"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.last["outcome"], "opted_in");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_EQ(c.field("customer_name"), "") << "from the beginning";
  EXPECT_EQ(c.say("Ana"), "Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?");
  // A person's hand-off is not left by the lead's own words.
  auto d = with_calendar();
  d.say("quiero hablar con una persona");
  EXPECT_EQ(d.say("quiero agendar"), "");
  EXPECT_EQ(d.field("booking_step"), "handoff");
}

// A lead who asks to continue in the other language gets the same question
// in it, and the rest of the conversation too; the request is not an answer.
TEST(Conversation, ALeadMaySwitchLanguageMidConversation) {
  auto c = with_calendar();
  c.say("Hola");
  c.say("Ana");
  EXPECT_EQ(c.say("in English please"), "Nice to meet you, Ana. What goals do you want to achieve for your business?");
  EXPECT_EQ(c.field("booking_step"), "goal");
  EXPECT_EQ(c.field("customer_goal"), "");
  EXPECT_EQ(c.field("language"), "en");
  EXPECT_EQ(c.say("More clients"), "I see. What is the biggest challenge you are facing right now?");
  EXPECT_EQ(c.say("en español por favor"), "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?");
  EXPECT_EQ(c.field("language"), "es");
}

TEST(Conversation, StopOrAPersonAsTheVeryFirstMessageIsHonoured) {
  auto c = with_calendar();
  // A bare keyword says nothing of the language: the default (es) answers.
  EXPECT_EQ(c.say("STOP"), "Entendido, no te enviaremos más mensajes. ¡Gracias!");
  EXPECT_EQ(c.field("booking_step"), "opted_out");
  auto d = with_calendar();
  EXPECT_EQ(d.say("Hola, quiero hablar con una persona"), "Claro, una persona de nuestro equipo te escribirá por aquí en breve.");
  EXPECT_EQ(d.field("booking_step"), "handoff");
  auto e = with_calendar();
  EXPECT_EQ(e.say("Hello, start over please"), "Hi! I'm María from AI Outlet Media. What's your name?");
  EXPECT_EQ(e.field("booking_step"), "name");
}

TEST(Conversation, AskingForAPersonHandsOffAndStopsAnswering) {
  auto c = with_calendar();
  c.say("hola");
  c.say("Ana");
  EXPECT_EQ(c.say("quiero hablar con una persona"), "Claro, una persona de nuestro equipo te escribirá por aquí en breve.");
  EXPECT_EQ(c.field("booking_step"), "handoff");
  EXPECT_EQ(c.field("customer_name"), "Ana") << "what was collected stays for the person";
  EXPECT_EQ(c.say("hola?"), "");
}

TEST(Conversation, MissingDataGoesBackToTheStepThatCollectsIt) {
  auto c = with_calendar();
  // At the day step with the email gone (someone cleared it in GHL).
  c.fields = {{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"}, {"customer_budget", "900"}};
  EXPECT_EQ(c.say("jueves"), "Perfecto. ¿Cuál es tu correo electrónico?");
  EXPECT_EQ(c.field("booking_step"), "email");
  EXPECT_TRUE(c.commands.empty());
  // At the time step with garbage where the offered slots should be.
  c.fields = {{"booking_step", "time"}, {"language", "en"}, {"customer_name", "Tom"},
              {"customer_goal", "Grow"}, {"customer_pain_point", "Time"}, {"customer_budget", "900"},
              {"customer_email", "tom@x.com"}, {"preferred_day", "2026-11-26"}, {"offered_slots", "garbage"}};
  EXPECT_EQ(c.say("10am"), "What day would you like to schedule your call? (Tuesday to Friday)");
  EXPECT_EQ(c.field("booking_step"), "day");
  // A budget that is not a number at the email step.
  c.fields = {{"booking_step", "email"}, {"language", "en"}, {"customer_name", "Tom"},
              {"customer_goal", "Grow"}, {"customer_pain_point", "Time"}, {"customer_budget", "lots"}};
  EXPECT_EQ(c.say("tom@x.com"), "What is your monthly marketing budget?");
  EXPECT_EQ(c.field("booking_step"), "budget");
}

TEST(Conversation, GarbageStepStartsOver) {
  auto c = with_calendar();
  c.fields = {{"booking_step", "🤖 broken"}, {"language", "xx"}};
  EXPECT_EQ(c.say("hello"), "Hi! I'm María from AI Outlet Media. What's your name?");
  EXPECT_EQ(c.field("booking_step"), "name");
  EXPECT_EQ(c.field("language"), "en");
}

TEST(Conversation, RedeliveredMessageIsIgnored) {
  auto c = with_calendar();
  c.say("hola", "wamid-1");
  EXPECT_EQ(c.say("Ana", "wamid-2"), "Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?");
  const json after = c.fields;
  EXPECT_EQ(c.say("Ana", "wamid-2"), "");
  EXPECT_EQ(c.last["outcome"], "duplicate");
  EXPECT_EQ(c.fields, after);
}

TEST(Conversation, ConfigDrivesNamesDaysAndLanguage) {
  auto c = with_calendar();
  c.config = {{"AGENT_NAME", "Sofía"}, {"BUSINESS_NAME", "Growth Lab"}, {"BOOKING_DAYS", "mon,wed,fri"},
              {"DEFAULT_LANGUAGE", "en"}, {"MIN_BUDGET", 1000}};
  EXPECT_EQ(c.say("👋"), "Hi! I'm Sofía from Growth Lab. What's your name?");
  c.fields = {{"booking_step", "email"}, {"language", "es"}, {"customer_name", "Ana"},
              {"customer_goal", "Vender"}, {"customer_pain_point", "Tráfico"}, {"customer_budget", "1000"}};
  EXPECT_EQ(c.say("ana@x.com"), "¿Qué día te gustaría agendar tu llamada? (Lunes, Miércoles y Viernes)");
}

}  // namespace
}  // namespace booking::testing
