// Replies as data (texts.hpp): every text renders exactly as before the
// texts became templates; REPLIES overrides reach only their key and
// language; bad REPLIES values are refused with an error naming the problem.
//
// Writes the README table of texts when REPLIES_TABLE names a file:
//   REPLIES_TABLE=/tmp/replies-table.md booking_tests --gtest_filter='RepliesDoc.*'
#include "replies.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config.hpp"
#include "slot.hpp"
#include "steps.hpp"
#include "texts.hpp"

namespace booking {
namespace {

using K = TextKey;

// ---- Sample values ---------------------------------------------------------

// `base` (and its REPLIES) with another agent, business, minimum and days.
Config custom(const Config& base) {
  Config c = base;
  c.agent_name = "Ana";
  c.business_name = "Acme & Co";
  c.min_budget = 1500000;
  c.booking_days = Weekdays{false, true, false, true, false, true, false};  // Mon, Wed, Fri
  return c;
}
Config with_days(const Config& base, Weekdays w) {
  Config c = base;
  c.booking_days = w;
  return c;
}
Slot slot_at(const char* iso) { return *parse_slot(iso); }
// A state whose lead is called `name` (the goal question names them).
State named(const char* name) {
  State s;
  s.customer_name = name;
  return s;
}

std::vector<Slot> three_slots() {
  return {slot_at("2026-12-03T10:00:00-05:00"), slot_at("2026-12-03T14:00:00-05:00"),
          slot_at("2026-12-03T14:30:00-05:00")};
}
constexpr Date kDay{2026, 12, 3};  // a Thursday

// What each reply was before the texts became data: printed by the
// replies.cpp of commit 978276d (every case below, through the functions
// without a Config; the title as engine.cpp formatted it), pasted verbatim.
struct Before {
  std::string what, es, en;
};
const std::vector<Before>& before() {
  static const std::vector<Before> texts = {
    {"greeting/default",
     "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?",
     "Hi! I'm María from AI Outlet Media. What's your name?"},
    {"greeting/custom",
     "¡Hola! Soy Ana de Acme & Co. ¿Cuál es tu nombre?",
     "Hi! I'm Ana from Acme & Co. What's your name?"},
    {"ask_goal",
     "Mucho gusto Juan. ¿Qué objetivos quieres lograr para tu negocio?",
     "Nice to meet you, Juan. What goals do you want to achieve for your business?"},
    {"ask_goal/braces in the name",
     "Mucho gusto {name} {{x}} }. ¿Qué objetivos quieres lograr para tu negocio?",
     "Nice to meet you, {name} {{x}} }. What goals do you want to achieve for your business?"},
    {"ask_pain",
     "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?",
     "I see. What is the biggest challenge you are facing right now?"},
    {"ask_budget",
     "¿Cuál es tu presupuesto mensual para marketing?",
     "What is your monthly marketing budget?"},
    {"ask_email",
     "Perfecto. ¿Cuál es tu correo electrónico?",
     "Perfect. What is your email address?"},
    {"low_budget/default",
     "Lo siento, trabajamos con presupuestos mínimos de $300/mes.",
     "I'm sorry, we work with budgets of at least $300/month."},
    {"low_budget/custom",
     "Lo siento, trabajamos con presupuestos mínimos de $1,500,000/mes.",
     "I'm sorry, we work with budgets of at least $1,500,000/month."},
    {"ask_day/default",
     "¿Qué día te gustaría agendar tu llamada? (Martes a Viernes)",
     "What day would you like to schedule your call? (Tuesday to Friday)"},
    {"ask_day/custom",
     "¿Qué día te gustaría agendar tu llamada? (Lunes, Miércoles y Viernes)",
     "What day would you like to schedule your call? (Monday, Wednesday and Friday)"},
    {"days/tue-fri",
     "Martes a Viernes",
     "Tuesday to Friday"},
    {"days/mon,wed,fri",
     "Lunes, Miércoles y Viernes",
     "Monday, Wednesday and Friday"},
    {"days/tue,thu",
     "Martes y Jueves",
     "Tuesday and Thursday"},
    {"days/tue,wed",
     "Martes y Miércoles",
     "Tuesday and Wednesday"},
    {"days/sat",
     "Sábado",
     "Saturday"},
    {"days/sat-mon",
     "Lunes, Sábado y Domingo",
     "Monday, Saturday and Sunday"},
    {"days/mon-sun",
     "Lunes a Domingo",
     "Monday to Sunday"},
    {"days/none",
     "",
     ""},
    {"offer_slots",
     "Tengo estos horarios disponibles para el jueves 3 de diciembre: 10am, 2pm, 2:30pm. ¿Cuál prefieres?",
     "I have these times available for Thursday, December 3: 10am, 2pm, 2:30pm. Which one do you prefer?"},
    {"offer_slots/one",
     "Tengo estos horarios disponibles para el jueves 3 de diciembre: 2:30pm. ¿Cuál prefieres?",
     "I have these times available for Thursday, December 3: 2:30pm. Which one do you prefer?"},
    {"offer_slots/none",
     "Tengo estos horarios disponibles para el jueves 3 de diciembre: . ¿Cuál prefieres?",
     "I have these times available for Thursday, December 3: . Which one do you prefer?"},
    {"confirmed",
     "¡Perfecto! Tu cita está confirmada para el jueves 3 de diciembre a las 2:30pm. Te envié los detalles a ana@acme.co",
     "Perfect! Your call is confirmed for Thursday, December 3 at 2:30pm. I sent the details to ana@acme.co"},
    {"try_later",
     "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.",
     "Sorry, we ran into a technical problem. Please try again in a few minutes."},
    {"question/greeting",
     "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?",
     "Hi! I'm María from AI Outlet Media. What's your name?"},
    {"question/name",
     "¡Hola! Soy Ana de Acme & Co. ¿Cuál es tu nombre?",
     "Hi! I'm Ana from Acme & Co. What's your name?"},
    {"question/goal",
     "Mucho gusto Juan. ¿Qué objetivos quieres lograr para tu negocio?",
     "Nice to meet you, Juan. What goals do you want to achieve for your business?"},
    {"question/pain",
     "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?",
     "I see. What is the biggest challenge you are facing right now?"},
    {"question/budget",
     "¿Cuál es tu presupuesto mensual para marketing?",
     "What is your monthly marketing budget?"},
    {"question/email",
     "Perfecto. ¿Cuál es tu correo electrónico?",
     "Perfect. What is your email address?"},
    {"question/day",
     "¿Qué día te gustaría agendar tu llamada? (Lunes, Miércoles y Viernes)",
     "What day would you like to schedule your call? (Monday, Wednesday and Friday)"},
    {"invalid/name/1",
     "No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos)",
     "I didn't catch your name. Could you write it again? (for example: Sarah O'Connor)"},
    {"invalid/name/3",
     "No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos) Si prefieres, escribe \"agente\" y te atiende una persona.",
     "I didn't catch your name. Could you write it again? (for example: Sarah O'Connor) If you prefer, type \"agent\" and a person will help you."},
    {"invalid/goal/2",
     "Cuéntame en pocas palabras qué objetivos quieres lograr para tu negocio.",
     "Tell me in a few words what goals you want to achieve for your business."},
    {"invalid/goal/3",
     "Cuéntame en pocas palabras qué objetivos quieres lograr para tu negocio. Si prefieres, escribe \"agente\" y te atiende una persona.",
     "Tell me in a few words what goals you want to achieve for your business. If you prefer, type \"agent\" and a person will help you."},
    {"invalid/pain/1",
     "Cuéntame en pocas palabras cuál es el mayor desafío que enfrentas actualmente.",
     "Tell me in a few words the biggest challenge you are facing right now."},
    {"invalid/pain/4",
     "Cuéntame en pocas palabras cuál es el mayor desafío que enfrentas actualmente. Si prefieres, escribe \"agente\" y te atiende una persona.",
     "Tell me in a few words the biggest challenge you are facing right now. If you prefer, type \"agent\" and a person will help you."},
    {"invalid/budget/1",
     "No entendí el monto. ¿Cuál es tu presupuesto mensual para marketing? Escríbelo en números, por ejemplo: 500",
     "I didn't get the amount. What is your monthly marketing budget? Write it as a number, for example: 500"},
    {"invalid/budget/3",
     "No entendí el monto. ¿Cuál es tu presupuesto mensual para marketing? Escríbelo en números, por ejemplo: 500 Si prefieres, escribe \"agente\" y te atiende una persona.",
     "I didn't get the amount. What is your monthly marketing budget? Write it as a number, for example: 500 If you prefer, type \"agent\" and a person will help you."},
    {"invalid/email/1",
     "Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com",
     "That email doesn't look valid. Could you write it like this? name@company.com"},
    {"invalid/email/3",
     "Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com Si prefieres, escribe \"agente\" y te atiende una persona.",
     "That email doesn't look valid. Could you write it like this? name@company.com If you prefer, type \"agent\" and a person will help you."},
    {"invalid/day/1",
     "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". (Martes a Viernes)",
     "I didn't get the day. Write for example \"Thursday\" or \"December 3\". (Tuesday to Friday)"},
    {"invalid/day/3",
     "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". (Lunes, Miércoles y Viernes) Si prefieres, escribe \"agente\" y te atiende una persona.",
     "I didn't get the day. Write for example \"Thursday\" or \"December 3\". (Monday, Wednesday and Friday) If you prefer, type \"agent\" and a person will help you."},
    {"invalid/time/2",
     "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". (Martes a Viernes)",
     "I didn't get the day. Write for example \"Thursday\" or \"December 3\". (Tuesday to Friday)"},
    {"day_past",
     "Esa fecha ya pasó. Puedo agendar tu llamada de Martes a Viernes. ¿Qué día te gustaría?",
     "That date has already passed. I can schedule your call Tuesday to Friday. What day would you like?"},
    {"day_past/custom",
     "Esa fecha ya pasó. Puedo agendar tu llamada de Lunes, Miércoles y Viernes. ¿Qué día te gustaría?",
     "That date has already passed. I can schedule your call Monday, Wednesday and Friday. What day would you like?"},
    {"day_not_bookable",
     "Ese día no agendamos llamadas. Puedo agendar de Martes a Viernes. ¿Qué día te gustaría?",
     "We don't schedule calls on that day. I can book Tuesday to Friday. What day would you like?"},
    {"day_not_understood/1",
     "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". (Martes a Viernes)",
     "I didn't get the day. Write for example \"Thursday\" or \"December 3\". (Tuesday to Friday)"},
    {"day_not_understood/3",
     "No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". (Martes a Viernes) Si prefieres, escribe \"agente\" y te atiende una persona.",
     "I didn't get the day. Write for example \"Thursday\" or \"December 3\". (Tuesday to Friday) If you prefer, type \"agent\" and a person will help you."},
    {"no_slots",
     "No tengo horarios libres para el jueves 3 de diciembre. ¿Qué otro día te gustaría? (Martes a Viernes)",
     "I have no free times for Thursday, December 3. What other day would you like? (Tuesday to Friday)"},
    {"time_not_offered/1",
     "Ese horario no está disponible. Para el jueves 3 de diciembre tengo: 10am, 2pm, 2:30pm. ¿Cuál prefieres?",
     "That time isn't available. For Thursday, December 3 I have: 10am, 2pm, 2:30pm. Which one do you prefer?"},
    {"time_not_offered/3",
     "Ese horario no está disponible. Para el jueves 3 de diciembre tengo: 10am, 2pm, 2:30pm. ¿Cuál prefieres? Si prefieres, escribe \"agente\" y te atiende una persona.",
     "That time isn't available. For Thursday, December 3 I have: 10am, 2pm, 2:30pm. Which one do you prefer? If you prefer, type \"agent\" and a person will help you."},
    {"slot_taken",
     "Ese horario se acaba de ocupar. Para el jueves 3 de diciembre todavía tengo: 10am, 2pm, 2:30pm. ¿Cuál prefieres?",
     "That time was just taken. For Thursday, December 3 I still have: 10am, 2pm, 2:30pm. Which one do you prefer?"},
    {"slot_taken_no_more",
     "Ese horario se acaba de ocupar y ya no quedan horarios para el jueves 3 de diciembre. ¿Qué otro día te gustaría? (Martes a Viernes)",
     "That time was just taken and there are no more times for Thursday, December 3. What other day would you like? (Tuesday to Friday)"},
    {"opted_out",
     "Entendido, no te enviaremos más mensajes. ¡Gracias!",
     "Understood, we won't message you again. Thank you!"},
    {"handoff",
     "Claro, una persona de nuestro equipo te escribirá por aquí en breve.",
     "Sure, a person from our team will write to you here shortly."},
    {"already_scheduled",
     "Tu cita ya está confirmada para el jueves 3 de diciembre a las 10am. ¡Te esperamos!",
     "Your call is already confirmed for Thursday, December 3 at 10am. Talk to you then!"},
    {"closed",
     "¡Gracias por tu interés! Si tu presupuesto cambia, escribe \"reiniciar\" y empezamos de nuevo.",
     "Thank you for your interest! If your budget changes, type \"restart\" and we'll start again."},
    {"title",
     "Llamada con Juan",
     "Call with Juan"},
    // Issue 11's texts, as first written (they had no earlier form).
    {"not_interested",
     "Entendido, gracias por tu tiempo. Si más adelante te interesa, escríbenos y con gusto te ayudamos.",
     "Understood, thanks for your time. If you're interested later, just write to us and we'll gladly help."},
    {"ask_name",
     "¿Cuál es tu nombre?",
     "What's your name?"},
    {"confirm_email",
     "¿Quisiste decir ana@gmail.com? Responde SÍ para confirmarlo o escríbeme tu correo de nuevo.",
     "Did you mean ana@gmail.com? Reply YES to confirm, or type your email again."},
    {"day_mismatch",
     "Ojo: esa fecha es el sábado 5 de diciembre. ¿Qué día te gustaría? (Martes a Viernes)",
     "Just to check: that date is Saturday, December 5. What day would you like? (Tuesday to Friday)"},
    {"no_slots_nearest/two",
     "Para el jueves 3 de diciembre ya no tengo horarios; tengo el viernes 4 de diciembre y el martes 8 de diciembre. ¿Qué día prefieres?",
     "I have no times left on Thursday, December 3; I do have Friday, December 4 and Tuesday, December 8. Which day works for you?"},
    {"no_slots_nearest/one",
     "Para el jueves 3 de diciembre ya no tengo horarios; tengo el viernes 4 de diciembre. ¿Qué día prefieres?",
     "I have no times left on Thursday, December 3; I do have Friday, December 4. Which day works for you?"},
    {"week_days",
     "La próxima semana tengo horarios el martes 8 de diciembre, el miércoles 9 de diciembre y el viernes 11 de diciembre. ¿Qué día prefieres?",
     "Next week I have times on Tuesday, December 8, Wednesday, December 9 and Friday, December 11. Which day works for you?"},
    {"no_slots_ahead",
     "Por ahora no tengo horarios libres en las próximas dos semanas. Escríbenos en unos días o escribe \"agente\" y te atiende una persona.",
     "Right now I have no free times in the next two weeks. Write to us in a few days, or type \"agent\" and a person will help you."},
    {"time_named_taken",
     "A esa hora ya no tengo espacio para el jueves 3 de diciembre. Tengo: 10am, 2pm, 2:30pm. ¿Cuál prefieres?",
     "That time isn't free on Thursday, December 3. I have: 10am, 2pm, 2:30pm. Which one do you prefer?"},
    {"answer_price",
     "El precio depende de lo que necesites; lo vemos juntos en la llamada, sin compromiso.",
     "The price depends on what you need; we'll go over it together on the call, with no commitment."},
    {"answer_duration/set",
     "La llamada dura unos 30 minutos.",
     "The call takes about 30 minutes."},
    {"answer_duration/unset",
     "Es una llamada breve, sin compromiso.",
     "It's a short call, with no commitment."},
    {"answer_who",
     "Soy María, la asistente virtual de AI Outlet Media: te ayudo a agendar una llamada con nuestro equipo.",
     "I'm María, AI Outlet Media's virtual assistant: I help you book a call with our team."},
    {"answer_what/pitch",
     "Growth ads for dentists.",
     "Growth ads for dentists."},
    {"answer_what/default",
     "En AI Outlet Media te contamos en la llamada cómo podemos ayudarte a lograr tus objetivos.",
     "On the call, AI Outlet Media will show you how we can help you reach your goals."},
    {"answer_times",
     "Te muestro los horarios libres en cuanto elijamos el día.",
     "I'll show you the free times as soon as we pick a day."},
    // Issue 12's texts, as first written.
    {"ask_reschedule_day",
     "Claro. ¿Para qué día quieres mover tu llamada? (Martes a Viernes)",
     "Sure. What day would you like to move your call to? (Tuesday to Friday)"},
    {"rescheduled",
     "¡Listo! Moví tu llamada: antes el jueves 3 de diciembre a las 10am, ahora el jueves 3 de diciembre a las 2:30pm.",
     "Done! I moved your call from Thursday, December 3 at 10am to Thursday, December 3 at 2:30pm."},
    {"reschedule_kept",
     "Perfecto, tu llamada sigue en pie para el jueves 3 de diciembre a las 10am.",
     "Perfect, your call stays on Thursday, December 3 at 10am."},
    {"reschedule_limit",
     "Esta llamada ya se movió varias veces. Escribe \"agente\" y una persona de nuestro equipo te ayuda a cambiarla.",
     "This call has been moved several times already. Type \"agent\" and a person from our team will help you change it."},
    {"confirm_cancel",
     "¿Seguro que quieres cancelar tu llamada agendada para el jueves 3 de diciembre a las 2pm? Responde SÍ para cancelar.",
     "Are you sure you want to cancel your call on Thursday, December 3 at 2pm? Reply YES to cancel."},
    {"cancelled_by_lead",
     "Listo, cancelé tu llamada agendada para el jueves 3 de diciembre a las 2pm. Si quieres agendar otra, dime qué día te gustaría. (Martes a Viernes)",
     "Done, I cancelled your call on Thursday, December 3 at 2pm. If you'd like to book another, tell me what day works for you. (Tuesday to Friday)"},
    {"appointment_cancelled",
     "Tu llamada agendada para el jueves 3 de diciembre a las 2pm fue cancelada.",
     "Your call on Thursday, December 3 at 2pm was cancelled."},
    {"change_failed",
     "Lo siento, no pude hacer el cambio por un problema técnico: tu llamada sigue en pie para el jueves 3 de diciembre a las 2pm. Intenta de nuevo en unos minutos.",
     "Sorry, I couldn't make the change because of a technical problem: your call stays on Thursday, December 3 at 2pm. Please try again in a few minutes."},
    // Issue 13's texts, as first written.
    {"cap_reached",
     "Gracias por tu paciencia. Una persona de nuestro equipo seguirá la conversación contigo por aquí.",
     "Thanks for your patience. A person from our team will continue the conversation with you here."},
    {"follow_up",
     "¿Sigues por ahí? Te dejo la pregunta pendiente:",
     "Are you still there? Here is the question we left open:"},
  };
  return texts;
}

// One call of a reply function, with the keys whose templates it uses.
struct Case {
  const char* what;
  std::string (*render)(Lang, const Config&);
  std::vector<TextKey> keys;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"greeting/default", [](Lang l, const Config& c) { return reply_greeting(l, c); }, {K::greeting}},
      {"greeting/custom", [](Lang l, const Config& c) { return reply_greeting(l, custom(c)); }, {K::greeting}},
      {"ask_goal", [](Lang l, const Config& c) { return reply_ask_goal(l, c, "Juan"); }, {K::ask_goal}},
      {"ask_goal/braces in the name",
       [](Lang l, const Config& c) { return reply_ask_goal(l, c, "{name} {{x}} }"); }, {K::ask_goal}},
      {"ask_pain", [](Lang l, const Config& c) { return reply_ask_pain(l, c); }, {K::ask_pain}},
      {"ask_budget", [](Lang l, const Config& c) { return reply_ask_budget(l, c); }, {K::ask_budget}},
      {"ask_email", [](Lang l, const Config& c) { return reply_ask_email(l, c); }, {K::ask_email}},
      {"low_budget/default", [](Lang l, const Config& c) { return reply_low_budget(l, c); }, {K::low_budget}},
      {"low_budget/custom", [](Lang l, const Config& c) { return reply_low_budget(l, custom(c)); }, {K::low_budget}},
      {"ask_day/default", [](Lang l, const Config& c) { return reply_ask_day(l, c); }, {K::ask_day, K::days_range}},
      {"ask_day/custom", [](Lang l, const Config& c) { return reply_ask_day(l, custom(c)); },
       {K::ask_day, K::days_list}},
      {"days/tue-fri", [](Lang l, const Config& c) { return bookable_days_text(l, c); }, {K::days_range}},
      {"days/mon,wed,fri", [](Lang l, const Config& c) { return bookable_days_text(l, custom(c)); }, {K::days_list}},
      {"days/tue,thu",
       [](Lang l, const Config& c) {
         return bookable_days_text(l, with_days(c, {false, false, true, false, true, false, false}));
       },
       {K::days_list}},
      {"days/tue,wed",
       [](Lang l, const Config& c) {
         return bookable_days_text(l, with_days(c, {false, false, true, true, false, false, false}));
       },
       {K::days_list}},
      {"days/sat",
       [](Lang l, const Config& c) {
         return bookable_days_text(l, with_days(c, {false, false, false, false, false, false, true}));
       },
       {}},
      {"days/sat-mon",
       [](Lang l, const Config& c) {
         return bookable_days_text(l, with_days(c, {true, true, false, false, false, false, true}));
       },
       {K::days_list}},
      {"days/mon-sun",
       [](Lang l, const Config& c) {
         return bookable_days_text(l, with_days(c, {true, true, true, true, true, true, true}));
       },
       {K::days_range}},
      {"days/none", [](Lang l, const Config& c) { return bookable_days_text(l, with_days(c, {})); }, {}},
      {"offer_slots", [](Lang l, const Config& c) { return reply_offer_slots(l, c, kDay, three_slots()); },
       {K::offer_slots}},
      {"offer_slots/one",
       [](Lang l, const Config& c) { return reply_offer_slots(l, c, kDay, {three_slots()[2]}); }, {K::offer_slots}},
      {"offer_slots/none", [](Lang l, const Config& c) { return reply_offer_slots(l, c, kDay, {}); },
       {K::offer_slots}},
      {"confirmed", [](Lang l, const Config& c) { return reply_confirmed(l, c, three_slots()[2], "ana@acme.co"); },
       {K::confirmed}},
      {"try_later", [](Lang l, const Config& c) { return reply_try_later(l, c); }, {K::try_later}},
      {"question/greeting", [](Lang l, const Config& c) { return row(Step::greeting).ask(l, c, named("Juan")); },
       {K::greeting}},
      {"question/name", [](Lang l, const Config& c) { return row(Step::name).ask(l, custom(c), named("Juan")); },
       {K::greeting}},
      {"question/goal", [](Lang l, const Config& c) { return row(Step::goal).ask(l, c, named("Juan")); },
       {K::ask_goal}},
      {"question/pain", [](Lang l, const Config& c) { return row(Step::pain).ask(l, c, named("Juan")); },
       {K::ask_pain}},
      {"question/budget", [](Lang l, const Config& c) { return row(Step::budget).ask(l, c, named("Juan")); },
       {K::ask_budget}},
      {"question/email", [](Lang l, const Config& c) { return row(Step::email).ask(l, c, named("Juan")); },
       {K::ask_email}},
      {"question/day", [](Lang l, const Config& c) { return row(Step::day).ask(l, custom(c), named("Juan")); },
       {K::ask_day, K::days_list}},
      {"invalid/name/1", [](Lang l, const Config& c) { return row(Step::name).hint(l, c, 1); }, {K::invalid_name}},
      {"invalid/name/3", [](Lang l, const Config& c) { return row(Step::name).hint(l, c, 3); },
       {K::invalid_name, K::person_offer}},
      {"invalid/goal/2", [](Lang l, const Config& c) { return row(Step::goal).hint(l, c, 2); }, {K::invalid_goal}},
      {"invalid/goal/3", [](Lang l, const Config& c) { return row(Step::goal).hint(l, c, 3); },
       {K::invalid_goal, K::person_offer}},
      {"invalid/pain/1", [](Lang l, const Config& c) { return row(Step::pain).hint(l, c, 1); }, {K::invalid_pain}},
      {"invalid/pain/4", [](Lang l, const Config& c) { return row(Step::pain).hint(l, c, 4); },
       {K::invalid_pain, K::person_offer}},
      {"invalid/budget/1", [](Lang l, const Config& c) { return row(Step::budget).hint(l, c, 1); },
       {K::invalid_budget}},
      {"invalid/budget/3", [](Lang l, const Config& c) { return row(Step::budget).hint(l, c, 3); },
       {K::invalid_budget, K::person_offer}},
      {"invalid/email/1", [](Lang l, const Config& c) { return row(Step::email).hint(l, c, 1); },
       {K::invalid_email}},
      {"invalid/email/3", [](Lang l, const Config& c) { return row(Step::email).hint(l, c, 3); },
       {K::invalid_email, K::person_offer}},
      {"invalid/day/1", [](Lang l, const Config& c) { return reply_day_not_understood(l, c, 1); },
       {K::day_not_understood, K::days_range}},
      {"invalid/day/3", [](Lang l, const Config& c) { return reply_day_not_understood(l, custom(c), 3); },
       {K::day_not_understood, K::days_list, K::person_offer}},
      {"invalid/time/2", [](Lang l, const Config& c) { return reply_day_not_understood(l, c, 2); },
       {K::day_not_understood, K::days_range}},
      {"day_past", [](Lang l, const Config& c) { return reply_day_past(l, c); }, {K::day_past, K::days_range}},
      {"day_past/custom", [](Lang l, const Config& c) { return reply_day_past(l, custom(c)); },
       {K::day_past, K::days_list}},
      {"day_not_bookable", [](Lang l, const Config& c) { return reply_day_not_bookable(l, c); },
       {K::day_not_bookable, K::days_range}},
      {"day_not_understood/1", [](Lang l, const Config& c) { return reply_day_not_understood(l, c, 1); },
       {K::day_not_understood, K::days_range}},
      {"day_not_understood/3", [](Lang l, const Config& c) { return reply_day_not_understood(l, c, 3); },
       {K::day_not_understood, K::days_range, K::person_offer}},
      {"no_slots", [](Lang l, const Config& c) { return reply_no_slots(l, kDay, c); }, {K::no_slots, K::days_range}},
      {"time_not_offered/1",
       [](Lang l, const Config& c) { return reply_time_not_offered(l, c, kDay, three_slots(), 1); },
       {K::time_not_offered}},
      {"time_not_offered/3",
       [](Lang l, const Config& c) { return reply_time_not_offered(l, c, kDay, three_slots(), 3); },
       {K::time_not_offered, K::person_offer}},
      {"slot_taken", [](Lang l, const Config& c) { return reply_slot_taken(l, c, kDay, three_slots()); },
       {K::slot_taken}},
      {"slot_taken_no_more", [](Lang l, const Config& c) { return reply_slot_taken_no_more(l, kDay, c); },
       {K::slot_taken_no_more, K::days_range}},
      {"opted_out", [](Lang l, const Config& c) { return reply_opted_out(l, c); }, {K::opted_out}},
      {"handoff", [](Lang l, const Config& c) { return reply_handoff(l, c); }, {K::handoff}},
      {"already_scheduled", [](Lang l, const Config& c) { return reply_already_scheduled(l, c, three_slots()[0]); },
       {K::already_scheduled}},
      {"closed", [](Lang l, const Config& c) { return reply_closed(l, c); }, {K::closed}},
      {"title", [](Lang l, const Config& c) { return reply_title(l, c, "Juan"); }, {K::title}},
      {"not_interested", [](Lang l, const Config& c) { return reply_not_interested(l, c); }, {K::not_interested}},
      {"ask_name", [](Lang l, const Config& c) { return reply_ask_name(l, c); }, {K::ask_name}},
      {"confirm_email", [](Lang l, const Config& c) { return reply_confirm_email(l, c, "ana@gmail.com"); },
       {K::confirm_email}},
      {"day_mismatch", [](Lang l, const Config& c) { return reply_day_mismatch(l, c, Date{2026, 12, 5}); },
       {K::day_mismatch, K::days_range}},
      {"no_slots_nearest/two",
       [](Lang l, const Config& c) {
         return reply_no_slots_nearest(l, c, kDay, {Date{2026, 12, 4}, Date{2026, 12, 8}});
       },
       {K::no_slots_nearest, K::days_list}},
      {"no_slots_nearest/one",
       [](Lang l, const Config& c) { return reply_no_slots_nearest(l, c, kDay, {Date{2026, 12, 4}}); },
       {K::no_slots_nearest}},
      {"week_days",
       [](Lang l, const Config& c) {
         return reply_week_days(l, c, {Date{2026, 12, 8}, Date{2026, 12, 9}, Date{2026, 12, 11}});
       },
       {K::week_days, K::days_list}},
      {"no_slots_ahead", [](Lang l, const Config& c) { return reply_no_slots_ahead(l, c); }, {K::no_slots_ahead}},
      {"time_named_taken", [](Lang l, const Config& c) { return reply_time_named_taken(l, c, kDay, three_slots()); },
       {K::time_named_taken}},
      {"answer_price", [](Lang l, const Config& c) { return reply_answer(l, c, K::answer_price); }, {K::answer_price}},
      {"answer_duration/set",
       [](Lang l, const Config& c) {
         Config d = c;
         d.call_minutes = 30;
         return reply_answer(l, d, K::answer_duration);
       },
       {K::answer_duration}},
      {"answer_duration/unset", [](Lang l, const Config& c) { return reply_answer(l, c, K::answer_duration); },
       {K::answer_duration_unset}},
      {"answer_who", [](Lang l, const Config& c) { return reply_answer(l, c, K::answer_who); }, {K::answer_who}},
      {"answer_what/pitch",
       [](Lang l, const Config& c) {
         Config d = c;
         d.business_pitch = "Growth ads for dentists.";
         return reply_answer(l, d, K::answer_what);
       },
       {K::answer_what}},
      {"answer_what/default", [](Lang l, const Config& c) { return reply_answer(l, c, K::answer_what); },
       {K::answer_what, K::default_pitch}},
      {"answer_times", [](Lang l, const Config& c) { return reply_answer(l, c, K::answer_times); }, {K::answer_times}},
      {"ask_reschedule_day", [](Lang l, const Config& c) { return reply_plain(l, c, K::ask_reschedule_day); },
       {K::ask_reschedule_day, K::days_range}},
      {"rescheduled", [](Lang l, const Config& c) { return reply_rescheduled(l, c, three_slots()[0], three_slots()[2]); },
       {K::rescheduled}},
      {"reschedule_kept", [](Lang l, const Config& c) { return reply_about_call(l, c, K::reschedule_kept, three_slots()[0]); },
       {K::reschedule_kept}},
      {"reschedule_limit", [](Lang l, const Config& c) { return reply_plain(l, c, K::reschedule_limit); },
       {K::reschedule_limit}},
      {"confirm_cancel", [](Lang l, const Config& c) { return reply_about_call(l, c, K::confirm_cancel, three_slots()[1]); },
       {K::confirm_cancel}},
      {"cancelled_by_lead",
       [](Lang l, const Config& c) { return reply_about_call(l, c, K::cancelled_by_lead, three_slots()[1]); },
       {K::cancelled_by_lead, K::days_range}},
      {"appointment_cancelled",
       [](Lang l, const Config& c) { return reply_about_call(l, c, K::appointment_cancelled, three_slots()[1]); },
       {K::appointment_cancelled}},
      {"change_failed", [](Lang l, const Config& c) { return reply_about_call(l, c, K::change_failed, three_slots()[1]); },
       {K::change_failed}},
      {"cap_reached", [](Lang l, const Config& c) { return reply_plain(l, c, K::cap_reached); }, {K::cap_reached}},
      {"follow_up", [](Lang l, const Config& c) { return reply_plain(l, c, K::follow_up); }, {K::follow_up}},
  };
  return all;
}

const Before* find_before(std::string_view what) {
  for (const auto& b : before()) {
    if (b.what == what) return &b;
  }
  return nullptr;
}

const std::string& expected(const Case& c, Lang l) {
  static const std::string none = "(no text from before)";
  const Before* b = find_before(c.what);
  return !b ? none : l == Lang::es ? b->es : b->en;
}

constexpr Lang kLangs[] = {Lang::es, Lang::en};

// ---- Every reply is what it was --------------------------------------------

TEST(Replies, EveryCaseHasItsTextFromBefore) {
  std::set<std::string> named;
  for (const auto& c : cases()) {
    EXPECT_NE(find_before(c.what), nullptr) << c.what;
    EXPECT_TRUE(named.insert(c.what).second) << "twice: " << c.what;
  }
  EXPECT_EQ(named.size(), before().size());
}

TEST(Replies, EveryTextIsByteForByteWhatItWas) {
  for (const auto& c : cases()) {
    for (const Lang l : kLangs) {
      EXPECT_EQ(c.render(l, Config{}), expected(c, l)) << c.what << " (" << to_string(l) << ")";
    }
  }
}

TEST(Replies, EveryKeyIsUsedBySomeCase) {
  std::set<TextKey> used;
  for (const auto& c : cases()) used.insert(c.keys.begin(), c.keys.end());
  for (const auto& spec : kTextSpecs) EXPECT_TRUE(used.count(spec.key)) << spec.name;
}

TEST(Replies, TheFunctionsWithoutAConfigSendTheDefaults) {
  Config c;
  ASSERT_EQ(set_replies(c, R"({"es": {"ask_pain": "x"}, "en": {"ask_pain": "x"}})"), "");
  const auto slots = three_slots();
  for (const Lang l : kLangs) {
    const Config d;
    EXPECT_EQ(reply_ask_goal(l, "Juan"), reply_ask_goal(l, d, "Juan"));
    EXPECT_EQ(reply_ask_pain(l), reply_ask_pain(l, d));
    EXPECT_NE(reply_ask_pain(l), reply_ask_pain(l, c));
    EXPECT_EQ(reply_ask_budget(l), reply_ask_budget(l, d));
    EXPECT_EQ(reply_ask_email(l), reply_ask_email(l, d));
    EXPECT_EQ(reply_offer_slots(l, kDay, slots), reply_offer_slots(l, d, kDay, slots));
    EXPECT_EQ(reply_confirmed(l, slots[1], "a@b.co"), reply_confirmed(l, d, slots[1], "a@b.co"));
    EXPECT_EQ(reply_try_later(l), reply_try_later(l, d));
    EXPECT_EQ(reply_time_not_offered(l, kDay, slots, 3), reply_time_not_offered(l, d, kDay, slots, 3));
    EXPECT_EQ(reply_slot_taken(l, kDay, slots), reply_slot_taken(l, d, kDay, slots));
    EXPECT_EQ(reply_opted_out(l), reply_opted_out(l, d));
    EXPECT_EQ(reply_handoff(l), reply_handoff(l, d));
    EXPECT_EQ(reply_already_scheduled(l, slots[0]), reply_already_scheduled(l, d, slots[0]));
    EXPECT_EQ(reply_closed(l), reply_closed(l, d));
    EXPECT_EQ(reply_title(l, "Juan"), reply_title(l, d, "Juan"));
  }
}

// ---- The default tables ----------------------------------------------------

TEST(Texts, EveryDefaultPassesItsKeysCheck) {
  for (const Lang l : kLangs) {
    for (const auto& spec : kTextSpecs) {
      const auto problem = check_template(spec.key, default_text(l, spec.key));
      EXPECT_EQ(problem.kind, TemplateProblem::Kind::none)
          << to_string(l) << "." << spec.name << ": " << explain(problem, spec.key);
    }
  }
}

TEST(Texts, EveryKeyRendersWithSampleValuesInBothLanguages) {
  // "<agent>", "<business>", …: set() keeps views, so the strings live here.
  std::vector<std::string> names;
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) names.push_back("<" + std::string(kPlaceholderNames[i]) + ">");
  TextValues values;
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) values.set(static_cast<Placeholder>(i), names[i]);
  for (const Lang l : kLangs) {
    for (const auto& spec : kTextSpecs) {
      const std::string out = render_template(default_text(l, spec.key), values);
      EXPECT_FALSE(out.empty()) << spec.name;
      EXPECT_EQ(out.find_first_of("{}"), std::string::npos) << to_string(l) << "." << spec.name << ": " << out;
      for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
        if (contains(spec.required, static_cast<Placeholder>(i))) {
          EXPECT_NE(out.find(names[i]), std::string::npos) << spec.name << " lacks " << names[i];
        }
      }
    }
  }
}

TEST(Texts, KeysAndPlaceholdersHaveTheirNames) {
  for (std::size_t i = 0; i < kTextKeyCount; ++i) {
    const auto key = static_cast<TextKey>(i);
    EXPECT_EQ(kTextSpecs[i].key, key);
    EXPECT_EQ(parse_text_key(to_string(key)), key);
  }
  EXPECT_EQ(parse_text_key("ask_gaol"), std::nullopt);
  EXPECT_EQ(parse_placeholder("times"), Placeholder::times);
  EXPECT_EQ(parse_placeholder("dia"), std::nullopt);
  EXPECT_EQ(placeholder_list(text_spec(K::offer_slots).required), "{day}, {times}");
  EXPECT_EQ(placeholder_list(text_spec(K::days_range).allowed), "{first}, {last}");
}

// ---- The renderer ----------------------------------------------------------

TEST(Render, ReplacesPlaceholdersAndDoubledBraces) {
  const TextValues v{{Placeholder::name, "Ana"}, {Placeholder::day, "el jueves"}};
  struct Case {
    std::string_view t, out;
  };
  const Case cases[] = {
      {"Hola {name}", "Hola Ana"},
      {"{name}{name}", "AnaAna"},
      {"{{name}} es {name}", "{name} es Ana"},
      {"{{{name}}}", "{Ana}"},
      {"a {{ b }} c", "a { b } c"},
      {"}}{{", "}{"},
      {"¿{name}? ¡{day}!", "¿Ana? ¡el jueves!"},
      {"sin nada", "sin nada"},
      {"", ""},
      // What check_template refuses is copied as written.
      {"{times}", "{times}"},  // no value
      {"{dia} {Name}", "{dia} {Name}"},
      {"a { b", "a { b"},
      {"a } b", "a } b"},
      {"{", "{"},
      {"{name", "{name"},
      {"{}", "{}"},
      {"{ name }", "{ name }"},
  };
  for (const auto& c : cases) EXPECT_EQ(render_template(c.t, v), c.out) << c.t;
}

TEST(Render, ValuesAreNeverReadAsTemplates) {
  const TextValues v{{Placeholder::name, "{day} {{x}} }"}, {Placeholder::day, "D"}};
  EXPECT_EQ(render_template("{name} / {day}", v), "{day} {{x}} } / D");
}

TEST(Render, CheckTemplateFindsEachProblem) {
  using Kind = TemplateProblem::Kind;
  struct Case {
    TextKey key;
    std::string_view t;
    Kind kind;
    std::string_view name;
  };
  const Case cases[] = {
      {K::offer_slots, "{day}: {times}", Kind::none, ""},
      {K::offer_slots, "{{day}} {day}: {times} {agent} {business} {min_budget} {days}", Kind::none, ""},
      {K::offer_slots, "", Kind::empty, ""},
      {K::offer_slots, "{dia}: {times}", Kind::unknown_placeholder, "dia"},
      {K::offer_slots, "{day}: {times} {email}", Kind::unknown_placeholder, "email"},
      {K::offer_slots, "{day}: {Times}", Kind::unknown_placeholder, "Times"},
      {K::offer_slots, "{day}", Kind::missing_placeholder, "times"},
      {K::offer_slots, "{times}", Kind::missing_placeholder, "day"},
      {K::offer_slots, "{{day}} {{times}}", Kind::missing_placeholder, "day"},
      {K::offer_slots, "{day} { {times}", Kind::lone_open, ""},
      {K::offer_slots, "{day} {times", Kind::lone_open, ""},
      {K::offer_slots, "{day} } {times}", Kind::lone_close, ""},
      {K::ask_pain, "¿{name}?", Kind::unknown_placeholder, "name"},
      {K::ask_pain, "{{}}", Kind::none, ""},
      {K::days_range, "{first}-{last} {agent}", Kind::unknown_placeholder, "agent"},
      {K::days_list, "{list} {last} {days}", Kind::unknown_placeholder, "days"},
      {K::title, "Llamada", Kind::missing_placeholder, "name"},
  };
  for (const auto& c : cases) {
    const auto p = check_template(c.key, c.t);
    EXPECT_EQ(p.kind, c.kind) << c.t;
    EXPECT_EQ(p.name, c.name) << c.t;
  }
}

// ---- REPLIES ---------------------------------------------------------------

// An override of `key` that differs from both defaults: "[offer_slots] {day} {times}".
std::string marker(const TextSpec& spec) {
  std::string t = "[" + std::string(spec.name) + "]";
  for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
    if (contains(spec.required, static_cast<Placeholder>(i))) t += " {" + std::string(kPlaceholderNames[i]) + "}";
  }
  return t;
}

TEST(RepliesConfig, AnOverrideChangesOnlyItsKeyInItsLanguage) {
  for (const Lang l : kLangs) {
    for (const auto& spec : kTextSpecs) {
      Config c;
      const std::string json = "{\"" + std::string(to_string(l)) + "\": {\"" + std::string(spec.name) + "\": \"" +
                               marker(spec) + "\"}}";
      ASSERT_EQ(set_replies(c, json), "") << json;
      ASSERT_EQ(c.replies.size(), 1u);
      EXPECT_EQ(reply_template(l, spec.key, c), marker(spec));
      for (const auto& cs : cases()) {
        bool uses = false;
        for (const auto k : cs.keys) uses = uses || k == spec.key;
        for (const Lang other : kLangs) {
          const std::string out = cs.render(other, c);
          if (other == l && uses) {
            EXPECT_NE(out.find("[" + std::string(spec.name) + "]"), std::string::npos)
                << json << " in " << cs.what << ": " << out;
          } else {
            EXPECT_EQ(out, expected(cs, other)) << json << " in " << cs.what << " (" << to_string(other) << ")";
          }
        }
      }
    }
  }
}

TEST(RepliesConfig, OverridesRenderWithTheirPlaceholders) {
  Config c;
  ASSERT_EQ(set_replies(c, R"json({
    "es": {
      "offer_slots": "{{{agent}}} Para {day} en {business}: {times}.\n¿Cuál? (mín. {min_budget}, {days})",
      "person_offer": "O escribe \"agente\".",
      "days_range": "de {first} a {last}",
      "title": "Cita: {name} ({business})"
    },
    "en": {"greeting": "Hello from {business}! I'm {agent}. Name?"}
  })json"),
            "");
  EXPECT_EQ(reply_offer_slots(Lang::es, c, kDay, three_slots()),
            "{María} Para el jueves 3 de diciembre en AI Outlet Media: 10am, 2pm, 2:30pm.\n"
            "¿Cuál? (mín. $300, de Martes a Viernes)");
  EXPECT_EQ(row(Step::email).hint(Lang::es, c, 3),
            "Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com O escribe \"agente\".");
  EXPECT_EQ(reply_ask_day(Lang::es, c), "¿Qué día te gustaría agendar tu llamada? (de Martes a Viernes)");
  EXPECT_EQ(reply_title(Lang::es, c, "Ana {x}"), "Cita: Ana {x} (AI Outlet Media)");
  EXPECT_EQ(reply_greeting(Lang::en, c), "Hello from AI Outlet Media! I'm María. Name?");
  EXPECT_EQ(reply_greeting(Lang::es, c), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(reply_offer_slots(Lang::en, c, kDay, three_slots()),
            "I have these times available for Thursday, December 3: 10am, 2pm, 2:30pm. Which one do you prefer?");
}

TEST(RepliesConfig, BadValuesAreRefusedWithTheProblem) {
  struct Case {
    std::string_view json, error;
  };
  const Case cases[] = {
      {"[]", "REPLIES: not a JSON object"},
      {"\"es\"", "REPLIES: not a JSON object"},
      {"3", "REPLIES: not a JSON object"},
      {"null", "REPLIES: not a JSON object"},
      {R"({"fr": {"ask_goal": "Bonjour"}})", "REPLIES: unknown language 'fr' (use es or en)"},
      {R"({"ES": {}})", "REPLIES: unknown language 'ES' (use es or en)"},
      {R"({"es": {}, "es": {}})", "REPLIES: es is given twice"},
      {R"({"es": "hola"})", R"(REPLIES: es: expected an object of texts like {"ask_goal": "..."}, got a string)"},
      {R"({"en": ["a"]})", R"(REPLIES: en: expected an object of texts like {"ask_goal": "..."}, got an array)"},
      {R"({"es": {"ask_gaol": "x"}})", "REPLIES: unknown key 'ask_gaol' (es), did you mean 'ask_goal'?"},
      {R"({"en": {"goal": "x"}})", "REPLIES: unknown key 'goal' (en)"},
      {R"({"es": {"ask_goal": 3}})", "REPLIES: es.ask_goal: expected a string, got a number"},
      {R"({"es": {"ask_goal": null}})", "REPLIES: es.ask_goal: expected a string, got null"},
      {R"({"es": {"ask_goal": true}})", "REPLIES: es.ask_goal: expected a string, got a boolean"},
      {R"({"es": {"ask_goal": {"text": "x"}}})", "REPLIES: es.ask_goal: expected a string, got an object"},
      {R"({"es": {"ask_goal": ["x"]}})", "REPLIES: es.ask_goal: expected a string, got an array"},
      {R"({"es": {"ask_goal": ""}})", "REPLIES: es.ask_goal: empty text"},
      {R"({"es": {"ask_goal": "a", "ask_goal": "b"}})", "REPLIES: es.ask_goal is given twice"},
      {R"({"es": {"offer_slots": "Para {dia}: {times}"}})",
       "REPLIES: es.offer_slots: unknown placeholder {dia} (this text can use {agent}, {business}, {min_budget}, "
       "{days}, {day}, {times})"},
      {R"({"es": {"ask_pain": "¿{name}?"}})",
       "REPLIES: es.ask_pain: unknown placeholder {name} (this text can use {agent}, {business}, {min_budget}, "
       "{days})"},
      {R"({"en": {"offer_slots": "For {day}: pick one"}})", "REPLIES: en.offer_slots: missing {times}"},
      {R"({"en": {"title": "Call"}})", "REPLIES: en.title: missing {name}"},
      {R"({"en": {"ask_pain": "{ oops"}})",
       "REPLIES: en.ask_pain: '{' without a placeholder name (write {{ for a literal {)"},
      {R"({"en": {"ask_pain": "oops }"}})",
       "REPLIES: en.ask_pain: '}' without a matching '{' (write }} for a literal })"},
      {R"({"en": {"ask_pain": "a\u0000b"}})", "REPLIES: en.ask_pain: control character in the text"},
      // The first problem is the one named.
      {R"({"en": {"ask_pain": "ok", "closed": ""}, "fr": {}})", "REPLIES: en.closed: empty text"},
  };
  for (const auto& c : cases) {
    Config config;
    config.replies.push_back({Lang::es, K::closed, "before"});
    EXPECT_EQ(set_replies(config, c.json), c.error) << c.json;
    ASSERT_EQ(config.replies.size(), 1u) << "left as it was: " << c.json;
    EXPECT_EQ(config.replies[0].text, "before");
  }
}

TEST(RepliesConfig, JsonSyntaxErrorsSayWhere) {
  const std::string_view bad[] = {"{", "{\"es\": {\"ask_goal\": \"x\"}", "{es: {}}", "{\"es\": {}} x", "'x'"};
  for (const auto json : bad) {
    Config c;
    const std::string error = set_replies(c, json);
    EXPECT_EQ(error.rfind("REPLIES: not valid JSON (at line 1, column ", 0), 0u) << json << " → " << error;
  }
  Config c;
  EXPECT_EQ(set_replies(c, "{\n\"es\": {\n\"ask_goal\": \"a\" \"b\"}}").rfind("REPLIES: not valid JSON (at line 3, column ", 0), 0u);
}

TEST(RepliesConfig, BlankOrEmptyMeansNoOverrides) {
  for (const std::string_view json : {"", "  \n", "{}", R"({"es": {}, "en": {}})"}) {
    Config c;
    c.replies.push_back({Lang::es, K::closed, "before"});
    EXPECT_EQ(set_replies(c, json), "") << json;
    EXPECT_TRUE(c.replies.empty()) << json;
  }
}

TEST(RepliesConfig, ANewValueReplacesTheOldOne) {
  Config c;
  ASSERT_EQ(set_replies(c, R"({"es": {"closed": "uno", "handoff": "dos"}, "en": {"closed": "one"}})"), "");
  ASSERT_EQ(c.replies.size(), 3u);
  EXPECT_EQ(reply_closed(Lang::es, c), "uno");
  EXPECT_EQ(reply_handoff(Lang::es, c), "dos");
  EXPECT_EQ(reply_closed(Lang::en, c), "one");
  ASSERT_EQ(set_replies(c, R"({"en": {"handoff": "two"}})"), "");
  EXPECT_EQ(reply_closed(Lang::es, c), find_before("closed")->es);
  EXPECT_EQ(reply_handoff(Lang::en, c), "two");
}

TEST(RepliesConfig, TextsKeepTheirWhitespaceAndUnicode) {
  Config c;
  ASSERT_EQ(set_replies(c, R"({"es": {"handoff": "  Claro 👍\nTe escribimos\t\u00a1ya!  "}})"), "");
  EXPECT_EQ(reply_handoff(Lang::es, c), "  Claro 👍\nTe escribimos\t¡ya!  ");
}

// ---- The README table ------------------------------------------------------

std::string cell(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += "<br>";
    else out += ch;
  }
  return out;
}

// key | placeholders | es default | en default, from the tables themselves.
std::string replies_table() {
  const PlaceholderSet common = text_spec(K::greeting).allowed;
  std::string out =
      "Every text is a template: `{placeholder}` is replaced with its value, `{{` and `}}` write a literal "
      "`{` and `}`. Every text can use " + placeholder_list(common) +
      "; the others are listed per key, **bold** when the text must use them. `person_offer` is added, "
      "after a space, to the third and later failed answer to the same question. `days_range` (three or more days in a "
      "row) and `days_list` (other sets of two or more days) make {days}, and can use only their own "
      "placeholders. `title` is the title of the appointment in the calendar.\n\n"
      "| key | placeholders | es default | en default |\n|---|---|---|---|\n";
  for (const auto& spec : kTextSpecs) {
    std::string placeholders;
    const bool piece = (spec.allowed & common) != common;
    for (std::size_t i = 0; i < kPlaceholderCount; ++i) {
      const auto p = static_cast<Placeholder>(i);
      if (!contains(spec.allowed, p) || (!piece && contains(common, p))) continue;
      if (!placeholders.empty()) placeholders += ", ";
      const std::string name = "{" + std::string(kPlaceholderNames[i]) + "}";
      placeholders += contains(spec.required, p) ? "**" + name + "**" : name;
    }
    if (placeholders.empty()) placeholders = "—";
    out += "| " + std::string(spec.name) + " | " + placeholders + " | " + cell(default_text(Lang::es, spec.key)) +
           " | " + cell(default_text(Lang::en, spec.key)) + " |\n";
  }
  return out;
}

TEST(RepliesDoc, TableHasEveryKey) {
  const std::string table = replies_table();
  for (const auto& spec : kTextSpecs) {
    EXPECT_NE(table.find("| " + std::string(spec.name) + " |"), std::string::npos) << spec.name;
  }
  if (const char* path = std::getenv("REPLIES_TABLE")) {
    std::FILE* f = std::fopen(path, "wb");
    ASSERT_NE(f, nullptr) << path;
    std::fwrite(table.data(), 1, table.size(), f);
    std::fclose(f);
  }
}

// The README's table of texts is this table, line for line (regenerate it
// with REPLIES_TABLE as above when a text changes).
TEST(RepliesDoc, TheReadmeListsEveryKeyWithItsDefaultTexts) {
  std::FILE* f = std::fopen(BOOKING_SOURCE_DIR "/README.md", "rb");
  ASSERT_NE(f, nullptr);
  std::string readme;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) readme.append(buf, n);
  std::fclose(f);
  const std::string table = replies_table();
  for (std::size_t at = 0; at < table.size();) {
    const std::size_t end = table.find('\n', at);
    const std::string line = table.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (line.starts_with("| ")) {
      EXPECT_NE(readme.find(line), std::string::npos) << "README.md lacks: " << line;
    }
    at = end == std::string::npos ? table.size() : end + 1;
  }
}

}  // namespace
}  // namespace booking
