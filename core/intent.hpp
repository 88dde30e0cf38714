// Commands a lead can give at any step.
#pragma once

#include <string_view>

namespace booking {

enum class Intent { none, restart, opt_out, human };

// Multi-word phrases ("empezar de nuevo", "hablar con una persona",
// "talk to a human", "start over", "darme de baja") match anywhere in the
// message, accents and case ignored; single keywords (restart, reiniciar,
// reset, stop, baja, unsubscribe, cancelar suscripción, agente, agent,
// human, humano, persona, asesor) only when they are the whole message
// once emoji, punctuation and polite fillers (por favor, please, gracias,
// hola...) are gone, so "no human answers our leads" at the pain step is an
// answer, not a hand-off request. A phrase for a person or a restart does
// not count when a negation comes up to three words before it ("no quiero
// hablar con una persona", "I don't want to talk to a human"); a request to
// stop always counts. When several match, opt_out wins over human, and
// human over restart.
Intent detect_intent(std::string_view text);

// Whether a lead who opted out explicitly asks to hear from the business
// again: a keyword as the whole message (START, UNSTOP, reactivar, alta),
// or a phrase anywhere ("quiero agendar", "I'd like to book after all",
// "volver a suscribirme"), not negated ("no quiero agendar", "I don't
// want to book"). Anything else keeps an opted-out lead in silence.
bool asks_to_opt_in(std::string_view text);

}  // namespace booking
