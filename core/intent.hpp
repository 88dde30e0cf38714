// Commands a lead can give at any step.
#pragma once

#include <string_view>

namespace booking {

enum class Intent { none, restart, opt_out, human, not_interested };

// Multi-word phrases ("empezar de nuevo", "hablar con una persona",
// "talk to a human", "start over", "darme de baja", "ya no me manden",
// "bórrenme de", "quit messaging") match anywhere in the message, accents
// and case ignored. A request for a person is also a verb of talking or
// putting through followed by a person anywhere ("pásame con un asesor",
// "¿me pueden comunicar con su equipo?", "connect me with an agent",
// "put me through to your team"). Single keywords (restart, reiniciar,
// reset, stop, baja, basta, unsubscribe, cancelar suscripción, agente,
// agent, human, humano, persona, asesor, "quiero un humano", "hay
// alguien", "anyone there") count only when they are the whole message
// once emoji, punctuation and polite fillers (por favor, please, gracias,
// hola...) are gone, so "no human answers our leads" at the pain step is an
// answer, not a hand-off request. A phrase for a person or a restart does
// not count when a negation (no, not, n't, never, nunca, sin, without)
// comes up to four words before it in the same clause ("no quiero hablar
// con una persona", "I don't want to talk to a human"; but "no, quiero
// hablar con una persona" asks for one); a request to stop always counts.
//
// not_interested: the lead closes the conversation politely ("no me
// interesa", "ya no estoy interesada", "no gracias, no me interesa", "paso,
// gracias", "not interested", "I'm not interested anymore", "we're not
// interested", "I'll pass", "not for me"), only when that is the whole
// message once fillers and a short polite closing (gracias, por ahora, que
// tengas buen día, thanks anyway, for now, have a nice day, sorry...) are
// gone, optionally naming what ("no me interesan sus servicios", "not
// interested in this"). "no me interesa el SEO, quiero más clientes" is an
// answer, and "no, gracias" alone is nothing (it may answer a yes/no).
//
// When several match, opt_out wins over human, human over not_interested,
// and not_interested over restart ("no me interesa, no me escribas más" is
// opt_out).
Intent detect_intent(std::string_view text);

// Whether a lead who opted out explicitly asks to hear from the business
// again: a keyword as the whole message (START, UNSTOP, reactivar, alta),
// or a phrase anywhere ("quiero agendar", "I'd like to book after all",
// "volver a suscribirme"), not negated ("no quiero agendar", "I don't
// want to book"). Anything else keeps an opted-out lead in silence.
bool asks_to_opt_in(std::string_view text);

}  // namespace booking
