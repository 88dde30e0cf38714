// What a lead who already has a booked call asks about it (issue 12).
#pragma once

#include <string_view>

namespace booking {

enum class BookingChange { none, reschedule, cancel, keep };

// What a lead with a booked call asks about it, Spanish or English. The
// message is read folded (accents and case ignored) word by word; a clause
// ends at , . ; : ! ? ¿ ¡ or a new line, and before "pero", "sino", "solo",
// "mejor", "but", "just", "rather".
//
// reschedule: the lead wants the call at another time:
// - a verb of rescheduling, misspellings included: "reagendar" ("resagendar",
//   "reajendar", "re-agendar"), "reprogramar", "posponer", "aplazar",
//   "reschedule" ("resched", "reshedule"), "rebook", "postpone", and moving
//   verbs with the call as a pronoun: "cambiarla", "muévela", "adelantarla";
// - a verb of changing or moving ("cambiar", "mover", "adelantar",
//   "atrasar", "change", "move", "push", "bump") about the call: a call,
//   day or time word follows in the clause ("cambiar la hora", "move the
//   call", "change our meeting to Monday", "move me to 4pm"), or "it",
//   "back", "al", "para", "a las" right after it ("push it back", "mover al
//   lunes"), or "la", "lo", "se" just before it ("¿la podemos mover?", "¿se
//   puede cambiar?"); not when something else is its object ("cambiar mi
//   correo"; "change to English", "let's move forward" are none too);
//   "pasar" only with "al", "para", "a las"... after it ("¿la podemos pasar
//   al viernes?"; "la pasamos bien" is nothing);
// - another time asked for: "otro día", "otra hora", "nueva fecha",
//   "ponme otra", "agéndame para", "déjala para el lunes", "another day",
//   "a different time", "new date", "book me", "push back";
// - the lead cannot come ("no voy a poder ese día", "no puedo el jueves",
//   "surgió algo", "tengo un imprevisto", "I can't make it", "something came
//   up", "won't be able to make it", "I missed the call"), or proposes a day
//   or a time ("¿puede ser el viernes?", "mejor a las 4", "¿qué tal el
//   lunes?", "how about Friday?", "can we do Friday?", "Friday instead?"):
//   offering other times is the safe reply, and the lead can still cancel
//   then. These weaker signs give way to an explicit cancel ("I can't make
//   it, please cancel" is cancel).
// cancel: a verb of cancelling, any form, misspellings included
//   ("cancelar", "cancélala", "cancelen", "cansela", "cancel", "cancle",
//   "anular", "anúlala", "desagendar"), "call it off", "ya no la necesito",
//   "I no longer need the call". Not a cancel of the call:
//   - something else cancelled within the next three words ("cancelar
//     suscripción", "cancel my subscription", "cancela mis mensajes", plan,
//     account, service...): opt-outs are read elsewhere, so none here;
//   - a question about the terms: a policy, fee, charge, refund or "what
//     happens" word in the clause ("the cancellation policy?", "is there a
//     fee if I cancel?", "¿qué pasa si cancelo?"): none;
//   - a past form ("cancelled", "cancelada") without a wish before it
//     ("was my call cancelled?" is none; "I want it cancelled" is cancel).
// keep: the lead gives up changing, or says the call stands: "mejor lo
//   dejamos igual", "déjala como está", "así está bien", "sigue en pie",
//   "olvídalo", "no importa", "no cambies nada", "mantén la cita", "keep it",
//   "keep my appointment", "leave it as it is", "never mind", "forget it";
//   and a negated cancel or reschedule ("no quiero cancelar", "I don't want
//   to cancel", "no la canceles", "no need to reschedule", "no hace falta
//   moverla"). A negation (no, not, n't, never, nunca, ni, sin, without,
//   tampoco) counts up to four words before, in the same clause ("no
//   problem, cancel it" is cancel). A negation
//   of ability does not negate the wish: "¿no podemos moverla?", "can't we
//   reschedule?", "no puedo cancelar desde el enlace" still ask for it; and
//   "I can't keep the appointment", "no puedo mantener la cita" say the lead
//   cannot come (reschedule).
// none: anything else ("gracias", "ok", "nos vemos el jueves", "no puedo
//   esperar a la llamada", "unsubscribe me", "darme de baja", "stop").
//
// When several are said: a request for another time wins ("cancela y ponme
// otra el viernes" is reschedule: the lead still wants a call), then cancel,
// then "I can't come" or a day proposed, then keep ("never mind, just cancel
// it" is cancel).
BookingChange read_booking_change(std::string_view text);

}  // namespace booking
