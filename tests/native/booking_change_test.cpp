// read_booking_change: what a lead with a booked call asks about it (issue 12).
#include "booking_change.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace booking {
namespace {

struct BookingChangeCase {
  std::string input;
  BookingChange want;
};

void PrintTo(const BookingChangeCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ReadBookingChange : public ::testing::TestWithParam<BookingChangeCase> {};

TEST_P(ReadBookingChange, Table) { EXPECT_EQ(read_booking_change(GetParam().input), GetParam().want); }

constexpr BookingChange R = BookingChange::reschedule;
constexpr BookingChange C = BookingChange::cancel;
constexpr BookingChange K = BookingChange::keep;
constexpr BookingChange N = BookingChange::none;

// reschedule: the lead wants the call at another time.
const BookingChangeCase kReschedule[] = {
    // A verb of rescheduling, misspelled or not.
    {"quiero reagendar", R},
    {"reprogramar", R},
    {"can we reschedule?", R},
    {"RESCHEDULE", R},
    {"postpone", R},
    {"aplazar", R},
    {"resagendar", R},
    {"reajendar la llamada", R},
    {"re-agendar por favor", R},
    {"Reagéndame la llamada porfa", R},
    {"¿Podemos reprogramarla para la próxima semana?", R},
    {"¿La podemos posponer una semana?", R},
    {"I need to reschedule my appointment", R},
    {"can we reschedule for next week?", R},
    {"resched pls", R},
    {"I'd like to reshedule", R},
    {"let's rebook for Friday", R},
    {"I can't attend, please reschedule", R},
    // A verb of changing or moving, about the call.
    {"¿se puede mover la llamada?", R},
    {"can I push it to another day?", R},
    {"necesito cambiar la hora", R},
    {"can we move it to Friday?", R},
    {"¿la podemos pasar al viernes?", R},
    {"change the time please", R},
    {"surgió algo, ¿podemos cambiarla?", R},
    {"adelantar la cita", R},
    {"¿Sería posible cambiar la cita al lunes?", R},
    {"Disculpa, ¿la podríamos mover una hora más tarde?", R},
    {"¿me la puedes pasar para el viernes?", R},
    {"quiero cambiar la fecha de mi cita", R},
    {"¿Puedo cambiar el horario?", R},
    {"Hola! Me surgió algo, ¿se puede cambiar?", R},
    {"muévela al lunes", R},
    {"Could we push the call back an hour?", R},
    {"is it possible to change our meeting to Monday?", R},
    {"could we move our call up to 10am?", R},
    {"Can I bump it to Thursday?", R},
    {"Something came up, can we move it?", R},
    // Another time asked for.
    {"mejor otro día", R},
    {"I need a different time", R},
    {"Tengo un imprevisto, ¿podemos verlo otro día?", R},
    {"can we do it another time?", R},
    {"déjala para el lunes", R},
    // The lead cannot come, or proposes a day.
    {"I can't make it on Thursday, can we do Friday?", R},
    {"no voy a poder ese día", R},
    {"Se me complicó el jueves", R},
    {"No puedo a esa hora", R},
    {"¿Puede ser el viernes en lugar del jueves?", R},
    {"mejor el martes a las 5", R},
    {"no puedo ir el jueves, ¿qué tal el viernes?", R},
    {"how about Wednesday instead?", R},
    {"I won't be able to make it tomorrow", R},                      // no cancel said: offer times
    {"ya no puedo asistir", R},
    {"I can't keep the appointment", R},
    {"no puedo mantener la cita", R},
    // Both asked: the lead still wants a call.
    {"cancela y ponme otra el viernes", R},
    {"Cancélala y agéndame para el lunes", R},
    {"cancel it and book me for next week", R},
    // A negated cancel, then another time; a negation of ability only.
    {"don't cancel, just move it to Friday", R},
    {"no quiero cancelar, solo cambiar la hora", R},
    {"can't we move it?", R},
    {"¿No podemos moverla al viernes?", R},
};

// cancel: the lead wants the call cancelled.
const BookingChangeCase kCancel[] = {
    {"please cancel", C},
    {"cancela mi cita", C},
    {"quiero cancelar la llamada", C},
    {"ya no puedo asistir, cancélala", C},
    {"cancel my appointment", C},
    {"I won't be able to make it, please cancel", C},
    {"anula la reunión", C},
    {"cancel the call", C},
    {"ya no la necesito, cancelar", C},
    {"cancelar", C},
    {"CANCELAR", C},
    {"Cancelar la cita por favor", C},
    {"cancelo la cita", C},
    {"¿Puedes cancelar mi llamada?", C},
    {"¿Me la cancelas?", C},
    {"Cancelen la reunión, gracias", C},
    {"Por favor cancele mi cita", C},
    {"cancelala porfa", C},
    {"Quisiera cancelar mi cita del jueves", C},
    {"Necesito cancelar", C},
    {"Hay que cancelar la llamada", C},
    {"mejor cancelamos", C},
    {"Lo siento, tengo que cancelar", C},
    {"cansela la cita", C},                                          // misspelt
    {"canselar", C},
    {"anular la cita", C},
    {"Anúlala por favor", C},
    {"Desagéndame", C},
    {"ya no necesito la llamada", C},
    {"ya no la necesito", C},
    {"no, cancélala", C},  // the "no" answers
    {"cancela, por favor, ya no me interesa", C},
    {"no puedo cancelar desde el enlace, ¿me la cancelas?", C},
    {"cancel", C},
    {"Cancel please", C},
    {"I need to cancel", C},
    {"I'd like to cancel my call", C},
    {"Could you cancel the meeting?", C},
    {"please cancel my booking for Thursday", C},
    {"I have to cancel, sorry", C},
    {"cancel it", C},
    {"Can you cancel it for me?", C},
    {"let's call it off", C},
    {"I won't need the call anymore", C},
    {"I no longer need the call", C},
    {"I'm going to have to cancel", C},
    {"cancle the appointment", C},                                   // misspelt
    {"I can't make it, cancel please", C},
    {"I want it cancelled", C},
    {"never mind, just cancel it", C},
    {"I can't cancel from the link, can you do it?", C},
};

// keep: the lead gives up changing, or says the call stands. A negated
// cancel or reschedule is read as keep.
const BookingChangeCase kKeep[] = {
    {"mejor lo dejamos igual", K},
    {"déjala como está", K},
    {"keep it", K},
    {"never mind", K},
    {"olvídalo", K},
    {"no, así está bien", K},
    {"leave it as it is", K},
    {"mantén la cita", K},
    {"no cambies nada", K},
    {"forget it", K},
    {"no quiero cancelar", K},
    {"I don't want to cancel", K},
    {"I don’t want to cancel", K},  // curly apostrophe
    {"don't cancel it", K},
    {"no la canceles", K},
    {"no need to reschedule", K},
    {"no hace falta moverla", K},
    {"mejor no, déjala así", K},
    {"nevermind, keep the appointment", K},
    {"let's keep Thursday", K},
    {"sigue en pie", K},
    {"nvm", K},
    {"no la muevas", K},
    {"ok, no importa", K},
};

// none: anything else, including what only looks like a change.
const BookingChangeCase kNone[] = {
    {"", N},
    {"gracias", N},
    {"ok", N},
    {"hola", N},
    {"nos vemos el jueves", N},
    {"perfecto, ahí estaré", N},
    {"confirmo", N},
    {"no", N},
    {"no puedo esperar a la llamada", N},                            // can't wait: excited
    {"I can't wait for our call!", N},
    // Opt-outs are read elsewhere.
    {"unsubscribe me", N},
    {"darme de baja", N},
    {"cancelar suscripción", N},
    {"stop", N},
    {"cancel my subscription", N},
    {"cancela mis mensajes", N},
    {"quiero cancelar mi plan", N},
    // Questions about the terms, or about what happened.
    {"the cancellation policy?", N},
    {"¿Cuál es la política de cancelación?", N},
    {"is there a fee if I cancel?", N},
    {"what happens if I cancel?", N},
    {"¿qué pasa si cancelo?", N},
    {"was my call cancelled?", N},
    // Change and move words about something else.
    {"what time is the call?", N},
    {"¿la llamada es por Zoom?", N},
    {"I want to change my website", N},
    {"¿qué pasa?", N},
    {"la pasamos muy bien", N},
    {"switch to English please", N},
    {"change to English please", N},
    {"I'll keep you posted", N},
    {"keep in touch", N},
    {"cambié de opinión sobre el precio", N},
    {"we're moving offices next month", N},
};

INSTANTIATE_TEST_SUITE_P(Reschedule, ReadBookingChange, ::testing::ValuesIn(kReschedule));
INSTANTIATE_TEST_SUITE_P(Cancel, ReadBookingChange, ::testing::ValuesIn(kCancel));
INSTANTIATE_TEST_SUITE_P(Keep, ReadBookingChange, ::testing::ValuesIn(kKeep));
INSTANTIATE_TEST_SUITE_P(None, ReadBookingChange, ::testing::ValuesIn(kNone));

// A message over the size limit is not read.
TEST(ReadBookingChangeLimits, TooLongIsNone) {
  EXPECT_EQ(read_booking_change(std::string(5000, 'a') + " cancel"), BookingChange::none);
}

}  // namespace
}  // namespace booking
