// Issue 12 through the whole core: a lead with a booked call moves or
// cancels it by chat; the calendar is read before the call is repeated or
// changed; GHL's appointment events bring the fields in line silently.
#include <gtest/gtest.h>

#include <ostream>

#include "conversation.hpp"

namespace booking::testing {
namespace {

constexpr const char* kThu2pm = "2026-11-26T14:00:00-06:00";

// Today is Wednesday 2026-11-25 (conversation.hpp). The calendar:
//   Thu 11-26: 10am, 2pm, 4pm      Fri 11-27: 9am, 11am, 3pm      Tue 12-01: 9:30am, 3pm
// The lead, in `lang`, has just booked Thursday at 2pm through the bot.
Conversation booked(const std::string& lang = "es") {
  Conversation c;
  c.calendar.free["2026-11-26"] = {"2026-11-26T10:00:00-06:00", kThu2pm, "2026-11-26T16:00:00-06:00"};
  c.calendar.free["2026-11-27"] = {"2026-11-27T09:00:00-06:00", "2026-11-27T11:00:00-06:00",
                                   "2026-11-27T15:00:00-06:00"};
  c.calendar.free["2026-12-01"] = {"2026-12-01T09:30:00-06:00", "2026-12-01T15:00:00-06:00"};
  c.fields = json{{"booking_step", "time"},       {"language", lang},
                  {"customer_name", "Ana"},        {"customer_goal", "Más clientes"},
                  {"customer_pain_point", "Tiempo"}, {"customer_budget", "800"},
                  {"customer_email", "ana@acme.co"}, {"booking_attempts", "0"},
                  {"preferred_day", "2026-11-26"},
                  {"offered_slots", std::string("2026-11-26T10:00:00-06:00,") + kThu2pm + ",2026-11-26T16:00:00-06:00"}};
  c.say(lang == "es" ? "a las 2" : "2pm");
  EXPECT_EQ(c.field("booking_step"), "scheduled");
  EXPECT_EQ(c.field("appointment_datetime"), kThu2pm);
  return c;
}

std::vector<std::string> types(const Conversation& c) {
  std::vector<std::string> out;
  for (const auto& cmd : c.commands) out.push_back(cmd["type"]);
  return out;
}

// One message to a booked lead: where it goes, what it says, what GHL is asked.
struct Case {
  const char* what;
  const char* lang;
  const char* message;
  const char* then;                    // booking_step after it
  const char* reply;                   // the reply starts with this
  std::vector<std::string> commands;   // the commands of this message, in order
  const char* call;                    // appointment_datetime after it ("" = none)
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.what << ": \"" << c.message << '"'; }

class AfterBooking : public ::testing::TestWithParam<Case> {};

TEST_P(AfterBooking, Table) {
  const Case& k = GetParam();
  auto c = booked(k.lang);
  const std::string appointment = c.field("appointment_id");
  const std::string reply = c.say(k.message);
  EXPECT_EQ(c.field("booking_step"), k.then);
  EXPECT_TRUE(reply.starts_with(k.reply)) << reply;
  EXPECT_EQ(types(c), k.commands);
  EXPECT_EQ(c.field("appointment_datetime"), k.call);
  // Never two appointments, never a new one for a move.
  EXPECT_LE(c.calendar.booked.size(), 1u);
  if (!c.calendar.booked.empty()) {
    EXPECT_EQ(c.calendar.ids[c.calendar.booked[0]], appointment);
  }
  EXPECT_FALSE(c.rounds_exhausted);
}

INSTANTIATE_TEST_SUITE_P(Table, AfterBooking, ::testing::Values(
    Case{"anything else repeats the call, read from GHL first", "es", "gracias!", "scheduled",
         "Tu cita ya está confirmada para el jueves 26 de noviembre a las 2pm.", {"read_appointment"}, kThu2pm},
    Case{"a reschedule asks for the day", "es", "¿se puede mover la llamada?", "reschedule",
         "Claro. ¿Para qué día quieres mover tu llamada? (Martes a Viernes)", {"read_appointment"}, kThu2pm},
    Case{"a reschedule, en", "en", "can I push it to another day?", "reschedule",
         "Sure. What day would you like to move your call to?", {"read_appointment"}, kThu2pm},
    Case{"a reschedule with a day offers that day", "es", "¿la podemos pasar al viernes?", "reschedule_time",
         "Tengo estos horarios disponibles para el viernes 27 de noviembre: 9am, 11am, 3pm.",
         {"read_appointment", "fetch_slots"}, kThu2pm},
    Case{"a reschedule with a day and a time moves at once", "en", "can we move it to Friday at 3pm?", "scheduled",
         "Done! I moved your call from Thursday, November 26 at 2pm to Friday, November 27 at 3pm.",
         {"read_appointment", "fetch_slots", "move"}, "2026-11-27T15:00:00-06:00"},
    Case{"a cancel asks once", "es", "cancela mi cita por favor", "cancel_confirm",
         "¿Seguro que quieres cancelar tu llamada agendada para el jueves 26 de noviembre a las 2pm?",
         {"read_appointment"}, kThu2pm},
    Case{"a cancel, en", "en", "please cancel", "cancel_confirm",
         "Are you sure you want to cancel your call on Thursday, November 26 at 2pm?", {"read_appointment"}, kThu2pm},
    Case{"can't wait is not a cancel", "en", "I can't wait for the call!", "scheduled",
         "Your call is already confirmed for Thursday, November 26 at 2pm.", {"read_appointment"}, kThu2pm},
    Case{"unsubscribe is an opt-out, not a cancel", "en", "unsubscribe me", "opted_out",
         "Understood, we won't message you again.", {}, kThu2pm},
    Case{"not interested with a call booked asks about cancelling", "es", "ya no me interesa", "cancel_confirm",
         "¿Seguro que quieres cancelar tu llamada agendada para el jueves 26 de noviembre a las 2pm?", {}, kThu2pm},
    Case{"a times question after booking is no question", "es", "¿qué horarios tienen?", "scheduled",
         "Tu cita ya está confirmada para el jueves 26 de noviembre a las 2pm.", {"read_appointment"}, kThu2pm},
    Case{"no quiero cancelar keeps it", "es", "no, no quiero cancelar", "scheduled",
         "Tu cita ya está confirmada para el jueves 26 de noviembre a las 2pm.", {"read_appointment"}, kThu2pm}));

TEST(AfterBooking, MovingTheCallKeepsTheSameAppointment) {
  auto c = booked();
  const std::string id = c.field("appointment_id");
  c.say("quiero reagendar");
  EXPECT_EQ(c.say("el viernes"),
            "Tengo estos horarios disponibles para el viernes 27 de noviembre: 9am, 11am, 3pm. ¿Cuál prefieres?");
  EXPECT_EQ(c.field("booking_step"), "reschedule_time");
  EXPECT_EQ(c.field("preferred_day"), "2026-11-26") << "the booked call's day, until it moves";
  EXPECT_EQ(c.say("a las 11"),
            "¡Listo! Moví tu llamada: antes el jueves 26 de noviembre a las 2pm, ahora el viernes 27 de noviembre a las 11am.");
  EXPECT_EQ(types(c), (std::vector<std::string>{"read_appointment", "move"}));
  ASSERT_EQ(c.calendar.booked.size(), 1u);
  EXPECT_EQ(c.calendar.booked[0], "2026-11-27T11:00:00-06:00");
  EXPECT_EQ(c.calendar.ids[c.calendar.booked[0]], id);
  EXPECT_EQ(c.field("appointment_id"), id);
  EXPECT_EQ(c.field("preferred_day"), "2026-11-27");
  EXPECT_EQ(c.field("preferred_time"), "11:00");
  EXPECT_EQ(c.field("reschedule_count"), "1");
  EXPECT_EQ(c.field("offered_slots"), "");
}

TEST(AfterBooking, GivingUpMidwayChangesNothing) {
  for (const char* keep : {"mejor lo dejamos igual", "olvídalo"}) {
    SCOPED_TRACE(keep);
    auto c = booked();
    c.say("necesito cambiar la hora");
    c.say("el viernes");
    EXPECT_EQ(c.say(keep), "Perfecto, tu llamada sigue en pie para el jueves 26 de noviembre a las 2pm.");
    EXPECT_EQ(c.field("booking_step"), "scheduled");
    EXPECT_EQ(c.field("appointment_datetime"), kThu2pm);
    EXPECT_EQ(c.field("offered_slots"), "");
    EXPECT_TRUE(c.commands.empty());
  }
}

TEST(AfterBooking, ASlotTakenBeforeTheMoveOffersFreshTimes) {
  auto c = booked();
  c.say("quiero reagendar");
  c.say("el viernes");
  c.calendar.taken.insert("2026-11-27T11:00:00-06:00");
  EXPECT_EQ(c.say("a las 11"),
            "Ese horario se acaba de ocupar. Para el viernes 27 de noviembre todavía tengo: 9am, 3pm. ¿Cuál prefieres?");
  EXPECT_EQ(c.field("booking_step"), "reschedule_time");
  EXPECT_EQ(c.field("appointment_datetime"), kThu2pm);
  ASSERT_EQ(c.calendar.booked.size(), 1u);
  EXPECT_EQ(c.calendar.booked[0], kThu2pm);
}

TEST(AfterBooking, AFailedMoveLeavesTheCallAndSaysSo) {
  auto c = booked();
  c.say("quiero reagendar");
  c.say("el viernes");
  c.failing.insert("move");
  EXPECT_EQ(c.say("a las 11"),
            "Lo siento, no pude hacer el cambio por un problema técnico: tu llamada sigue en pie para el jueves 26 de "
            "noviembre a las 2pm. Intenta de nuevo en unos minutos.");
  EXPECT_EQ(c.field("booking_step"), "reschedule_time");
  EXPECT_EQ(c.field("appointment_datetime"), kThu2pm);
  EXPECT_FALSE(c.handled);
}

TEST(AfterBooking, AMoveWhoseAnswerWasLostIsReadBackNotRepeated) {
  auto c = booked();
  c.say("quiero reagendar");
  c.say("el viernes");
  c.failing.insert("move-late");
  EXPECT_EQ(c.say("a las 11"),
            "¡Listo! Moví tu llamada: antes el jueves 26 de noviembre a las 2pm, ahora el viernes 27 de noviembre a las 11am.");
  EXPECT_EQ(types(c), (std::vector<std::string>{"read_appointment", "move", "read_appointment"}));
  EXPECT_EQ(c.field("appointment_datetime"), "2026-11-27T11:00:00-06:00");
}

TEST(AfterBooking, AtMostThreeMovesThenAPersonIsOffered) {
  auto c = booked();
  for (const char* day : {"el viernes a las 9", "el martes a las 3", "el jueves a las 4"}) {
    c.say("quiero reagendar");
    c.say(day);
    EXPECT_EQ(c.field("booking_step"), "scheduled") << day;
  }
  EXPECT_EQ(c.field("reschedule_count"), "3");
  EXPECT_TRUE(c.say("quiero reagendar otra vez").starts_with("Esta llamada ya se movió varias veces."));
  EXPECT_EQ(c.field("booking_step"), "scheduled");
}

TEST(AfterBooking, CancelIsConfirmedOnceThenTheLeadMayBookAgain) {
  auto c = booked();
  c.say("quiero cancelar la llamada");
  EXPECT_EQ(c.say("sí"),
            "Listo, cancelé tu llamada agendada para el jueves 26 de noviembre a las 2pm. Si quieres agendar otra, dime "
            "qué día te gustaría. (Martes a Viernes)");
  EXPECT_EQ(types(c), (std::vector<std::string>{"cancel"}));
  EXPECT_TRUE(c.calendar.booked.empty());
  EXPECT_EQ(c.field("booking_step"), "day");
  EXPECT_EQ(c.field("appointment_id"), "");
  EXPECT_EQ(c.field("appointment_datetime"), "");
  EXPECT_TRUE(c.say("el viernes a las 9").starts_with("¡Perfecto! Tu cita está confirmada para el viernes 27"));
  EXPECT_EQ(c.field("booking_step"), "scheduled");

  auto keep = booked("en");
  keep.say("cancel my appointment");
  EXPECT_EQ(keep.say("actually no"), "Perfect, your call stays on Thursday, November 26 at 2pm.");
  EXPECT_EQ(keep.calendar.booked.size(), 1u);
  EXPECT_EQ(keep.field("booking_step"), "scheduled");
}

TEST(AfterBooking, AFailedCancelLeavesTheCallAndIsNotRetriedBehindTheLeadsBack) {
  auto c = booked();
  c.say("cancela mi cita");
  c.failing.insert("cancel");
  EXPECT_TRUE(c.say("sí").starts_with("Lo siento, no pude hacer el cambio por un problema técnico: tu llamada sigue en pie"));
  EXPECT_EQ(c.field("pending_cancel"), "");
  EXPECT_EQ(c.field("appointment_datetime"), kThu2pm);
}

TEST(AfterBooking, AYesCancelsTheCallEvenAfterAnotherPendingCancelRan) {
  auto c = booked();
  c.say("cancela mi cita");
  c.fields["pending_cancel"] = "appt-old";
  EXPECT_TRUE(c.say("sí").starts_with("Listo, cancelé tu llamada"));
  EXPECT_TRUE(c.calendar.booked.empty());
  EXPECT_EQ(c.field("booking_step"), "day");
  EXPECT_FALSE(c.rounds_exhausted);
}

TEST(AfterBooking, AMoveGhlMadeWhoseSaveFailedIsConfirmedNotRepeated) {
  auto c = booked();
  c.say("quiero reagendar");
  c.say("el viernes");
  c.failing.insert("save");
  EXPECT_EQ(c.say("a las 11"), "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  ASSERT_EQ(c.calendar.booked.size(), 1u);
  EXPECT_EQ(c.calendar.booked[0], "2026-11-27T11:00:00-06:00") << "GHL moved it";
  c.failing.clear();
  EXPECT_EQ(c.say("a las 11"),
            "¡Listo! Moví tu llamada: antes el jueves 26 de noviembre a las 2pm, ahora el viernes 27 de noviembre a las 11am.");
  EXPECT_EQ(types(c), (std::vector<std::string>{"read_appointment"}));
  EXPECT_EQ(c.field("appointment_datetime"), "2026-11-27T11:00:00-06:00");
}

TEST(AfterBooking, TheCalendarIsTheTruth) {
  // The business moved the call in GHL: the bot speaks of the new time.
  auto moved = booked();
  const std::string id = moved.field("appointment_id");
  moved.calendar.booked[0] = "2026-11-27T09:00:00-06:00";
  moved.calendar.ids["2026-11-27T09:00:00-06:00"] = id;
  EXPECT_EQ(moved.say("gracias"), "Tu cita ya está confirmada para el viernes 27 de noviembre a las 9am. ¡Te esperamos!");
  EXPECT_EQ(moved.field("appointment_datetime"), "2026-11-27T09:00:00-06:00");
  EXPECT_EQ(moved.field("preferred_day"), "2026-11-27");
  EXPECT_EQ(moved.field("preferred_time"), "09:00");

  // Cancelled or deleted in GHL: the bot says so and offers a new booking.
  auto gone = booked();
  gone.calendar.booked.clear();
  EXPECT_EQ(gone.say("hola"),
            "Tu llamada agendada para el jueves 26 de noviembre a las 2pm fue cancelada. ¿Qué día te gustaría agendar "
            "tu llamada? (Martes a Viernes)");
  EXPECT_EQ(gone.field("booking_step"), "day");
  EXPECT_EQ(gone.field("appointment_id"), "");
  // ... and a day in that message is used at once.
  auto again = booked();
  again.calendar.booked.clear();
  again.calendar.taken.clear();
  EXPECT_TRUE(again.say("¿puede ser el viernes a las 3?")
                  .starts_with("Tu llamada agendada para el jueves 26 de noviembre a las 2pm fue cancelada. ¡Perfecto! "
                               "Tu cita está confirmada para el viernes 27 de noviembre a las 3pm."));
  EXPECT_EQ(again.field("booking_step"), "scheduled");
}

TEST(AfterBooking, AppointmentEventsBringTheFieldsInLineSilently) {
  auto c = booked();
  const std::string id = c.field("appointment_id");
  const json extra{{"event", "appointment"}, {"appointment_id", id}};
  const auto sent = c.sent.size();

  // Moved in GHL.
  c.calendar.booked[0] = "2026-12-01T15:00:00-06:00";
  c.calendar.ids["2026-12-01T15:00:00-06:00"] = id;
  EXPECT_EQ(c.say("", "evt-1", extra), "");
  EXPECT_EQ(c.field("appointment_datetime"), "2026-12-01T15:00:00-06:00");
  EXPECT_EQ(c.field("preferred_day"), "2026-12-01");
  EXPECT_EQ(c.field("booking_step"), "scheduled");
  EXPECT_TRUE(c.handled);

  // Deleted in GHL: the fields are cleared, nothing is sent; the lead hears of it next time.
  c.calendar.booked.clear();
  EXPECT_EQ(c.say("", "evt-2", extra), "");
  EXPECT_EQ(c.field("appointment_id"), "");
  EXPECT_EQ(c.field("booking_step"), "cancelled");
  EXPECT_EQ(c.sent.size(), sent);
  EXPECT_TRUE(c.say("hola").starts_with("Tu llamada agendada para el martes 1 de diciembre a las 3pm fue cancelada."));
  EXPECT_EQ(c.field("booking_step"), "day");

  // Another appointment than the contact's: nothing.
  auto other = booked();
  const json before = other.fields;
  EXPECT_EQ(other.say("", "evt-3", json{{"event", "appointment"}, {"appointment_id", "someone-else"}}), "");
  EXPECT_TRUE(other.commands.empty());
  EXPECT_EQ(other.fields, before);

  // GHL failing on the read: nothing changes, not handled (GHL redelivers).
  auto failing = booked();
  const json kept = failing.fields;
  failing.failing.insert("read_appointment");
  EXPECT_EQ(failing.say("", "evt-4", json{{"event", "appointment"}, {"appointment_id", failing.field("appointment_id")}}), "");
  EXPECT_EQ(failing.fields, kept);
  EXPECT_FALSE(failing.handled);
}

}  // namespace
}  // namespace booking::testing
