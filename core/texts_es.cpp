// The Spanish texts: the defaults when REPLIES does not replace them.
// Template syntax and placeholders: see texts.hpp. `{{`/`}}` are a literal
// `{`/`}`. The table is checked at compile time (every key, in order, with
// placeholders its key allows and requires).
#include "texts.hpp"

namespace booking {
namespace {

using K = TextKey;

constexpr TextTable kSpanish{{
    {K::greeting, "¡Hola! Soy {agent} de {business}. ¿Cuál es tu nombre?"},
    {K::ask_goal, "Mucho gusto {name}. ¿Qué objetivos quieres lograr para tu negocio?"},
    {K::ask_pain, "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?"},
    {K::ask_budget, "¿Cuál es tu presupuesto mensual para marketing?"},
    {K::ask_email, "Perfecto. ¿Cuál es tu correo electrónico?"},
    {K::low_budget, "Lo siento, trabajamos con presupuestos mínimos de {min_budget}/mes."},
    {K::ask_day, "¿Qué día te gustaría agendar tu llamada? ({days})"},
    {K::offer_slots, "Tengo estos horarios disponibles para {day}: {times}. ¿Cuál prefieres?"},
    {K::confirmed, "¡Perfecto! Tu cita está confirmada para {day} a las {time}. Te envié los detalles a {email}"},
    {K::try_later, "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos."},
    {K::invalid_name, "No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos)"},
    {K::invalid_goal, "Cuéntame en pocas palabras qué objetivos quieres lograr para tu negocio."},
    {K::invalid_pain, "Cuéntame en pocas palabras cuál es el mayor desafío que enfrentas actualmente."},
    {K::invalid_budget,
     "No entendí el monto. ¿Cuál es tu presupuesto mensual para marketing? Escríbelo en números, por ejemplo: 500"},
    {K::invalid_email, "Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com"},
    {K::person_offer, "Si prefieres, escribe \"agente\" y te atiende una persona."},
    {K::day_past, "Esa fecha ya pasó. Puedo agendar tu llamada de {days}. ¿Qué día te gustaría?"},
    {K::day_not_bookable, "Ese día no agendamos llamadas. Puedo agendar de {days}. ¿Qué día te gustaría?"},
    {K::day_not_understood, "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". ({days})"},
    {K::no_slots, "No tengo horarios libres para {day}. ¿Qué otro día te gustaría? ({days})"},
    {K::time_not_offered, "Ese horario no está disponible. Para {day} tengo: {times}. ¿Cuál prefieres?"},
    {K::slot_taken, "Ese horario se acaba de ocupar. Para {day} todavía tengo: {times}. ¿Cuál prefieres?"},
    {K::slot_taken_no_more,
     "Ese horario se acaba de ocupar y ya no quedan horarios para {day}. ¿Qué otro día te gustaría? ({days})"},
    {K::opted_out, "Entendido, no te enviaremos más mensajes. ¡Gracias!"},
    {K::handoff, "Claro, una persona de nuestro equipo te escribirá por aquí en breve."},
    {K::already_scheduled, "Tu cita ya está confirmada para {day} a las {time}. ¡Te esperamos!"},
    {K::closed, "¡Gracias por tu interés! Si tu presupuesto cambia, escribe \"reiniciar\" y empezamos de nuevo."},
    {K::not_interested, "Entendido, gracias por tu tiempo. Si más adelante te interesa, escríbenos y con gusto te ayudamos."},
    {K::ask_name, "¿Cuál es tu nombre?"},
    {K::confirm_email, "¿Quisiste decir {email}? Responde SÍ para confirmarlo o escríbeme tu correo de nuevo."},
    {K::day_mismatch, "Ojo: esa fecha es {day}. ¿Qué día te gustaría? ({days})"},
    {K::no_slots_nearest, "Para {day} ya no tengo horarios; tengo {others}. ¿Qué día prefieres?"},
    {K::week_days, "La próxima semana tengo horarios {others}. ¿Qué día prefieres?"},
    {K::no_slots_ahead, "Por ahora no tengo horarios libres en las próximas dos semanas. Escríbenos en unos días o escribe \"agente\" y te atiende una persona."},
    {K::time_named_taken, "A esa hora ya no tengo espacio para {day}. Tengo: {times}. ¿Cuál prefieres?"},
    {K::answer_price, "El precio depende de lo que necesites; lo vemos juntos en la llamada, sin compromiso."},
    {K::answer_duration, "La llamada dura unos {minutes} minutos."},
    {K::answer_duration_unset, "Es una llamada breve, sin compromiso."},
    {K::answer_who, "Soy {agent}, la asistente virtual de {business}: te ayudo a agendar una llamada con nuestro equipo."},
    {K::answer_what, "{pitch}"},
    {K::default_pitch, "En {business} te contamos en la llamada cómo podemos ayudarte a lograr tus objetivos."},
    {K::answer_times, "Te muestro los horarios libres en cuanto elijamos el día."},
    {K::ask_reschedule_day, "Claro. ¿Para qué día quieres mover tu llamada? ({days})"},
    {K::rescheduled, "¡Listo! Moví tu llamada: antes {old_day} a las {old_time}, ahora {day} a las {time}."},
    {K::reschedule_kept, "Perfecto, tu llamada sigue en pie para {day} a las {time}."},
    {K::reschedule_limit, "Esta llamada ya se movió varias veces. Escribe \"agente\" y una persona de nuestro equipo te ayuda a cambiarla."},
    {K::confirm_cancel, "¿Seguro que quieres cancelar tu llamada agendada para {day} a las {time}? Responde SÍ para cancelar."},
    {K::cancelled_by_lead, "Listo, cancelé tu llamada agendada para {day} a las {time}. Si quieres agendar otra, dime qué día te gustaría. ({days})"},
    {K::appointment_cancelled, "Tu llamada agendada para {day} a las {time} fue cancelada."},
    {K::change_failed, "Lo siento, no pude hacer el cambio por un problema técnico: tu llamada sigue en pie para {day} a las {time}. Intenta de nuevo en unos minutos."},
    {K::cap_reached, "Gracias por tu paciencia. Una persona de nuestro equipo seguirá la conversación contigo por aquí."},
    {K::follow_up, "¿Sigues por ahí? Te dejo la pregunta pendiente:"},
    {K::title, "Llamada con {name}"},
    {K::days_range, "{first} a {last}"},
    {K::days_list, "{list} y {last}"},
}};
static_assert(is_valid_table(kSpanish), "texts_es.cpp: a key is missing, out of order or has a bad template");

}  // namespace

const TextTable& spanish_texts() { return kSpanish; }

}  // namespace booking
