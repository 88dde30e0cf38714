// Commands a lead can give at any step.
#pragma once

#include <string_view>

namespace booking {

enum class Intent { none, restart, opt_out, human };

// Multi-word phrases ("empezar de nuevo", "hablar con una persona",
// "talk to a human", "start over") match anywhere in the message; single
// keywords (restart, reiniciar, stop, baja, unsubscribe, agente, human,
// humano) only when they are the whole message, so "no human answers our
// leads" at the pain step is an answer, not a hand-off request.
Intent detect_intent(std::string_view text);

}  // namespace booking
