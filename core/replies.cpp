#include "replies.hpp"

#include <fmt/format.h>

namespace booking {
namespace {

bool es(Lang l) { return l == Lang::es; }

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  // "miércoles"/"sábado" start with ASCII letters, so one byte is enough.
  return out;
}

std::string times_list(const std::vector<Slot>& slots) {
  std::string out;
  for (const auto& s : slots) {
    if (!out.empty()) out += ", ";
    out += format_time(s);
  }
  return out;
}

std::string money(long amount) {
  std::string digits = fmt::format("{}", amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "$" + out;
}

// "para el jueves 3 de diciembre" / "for Thursday, December 3".
std::string day_phrase(Date d, Lang l) { return es(l) ? "el " + format_day(d, l) : format_day(d, l); }

std::string person_offer(Lang l, int attempts) {
  if (attempts < 3) return {};
  return es(l) ? " Si prefieres, escribe \"agente\" y te atiende una persona."
               : " If you prefer, type \"agent\" and a person will help you.";
}

}  // namespace

std::string bookable_days_text(Lang l, const Config& c) {
  // Start the week on Monday so "Lunes a Viernes" reads naturally.
  std::vector<int> days;
  for (int k = 1; k <= 7; ++k) {
    if (c.booking_days[static_cast<std::size_t>(k % 7)]) days.push_back(k % 7);
  }
  if (days.empty()) return {};
  bool contiguous = days.size() > 2;
  for (std::size_t i = 1; i < days.size() && contiguous; ++i) {
    contiguous = (days[i - 1] + 1) % 7 == days[i];
  }
  if (contiguous) {
    return fmt::format("{} {} {}", capitalised(weekday_name(days.front(), l)), es(l) ? "a" : "to",
                       capitalised(weekday_name(days.back(), l)));
  }
  std::string out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i > 0) out += i + 1 == days.size() ? (es(l) ? " y " : " and ") : ", ";
    out += capitalised(weekday_name(days[i], l));
  }
  return out;
}

std::string reply_greeting(Lang l, const Config& c) {
  return es(l) ? fmt::format("¡Hola! Soy {} de {}. ¿Cuál es tu nombre?", c.agent_name, c.business_name)
               : fmt::format("Hi! I'm {} from {}. What's your name?", c.agent_name, c.business_name);
}

std::string reply_ask_goal(Lang l, std::string_view name) {
  return es(l) ? fmt::format("Mucho gusto {}. ¿Qué objetivos quieres lograr para tu negocio?", name)
               : fmt::format("Nice to meet you, {}. What goals do you want to achieve for your business?", name);
}

std::string reply_ask_pain(Lang l) {
  return es(l) ? "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?"
               : "I see. What is the biggest challenge you are facing right now?";
}

std::string reply_ask_budget(Lang l) {
  return es(l) ? "¿Cuál es tu presupuesto mensual para marketing?"
               : "What is your monthly marketing budget?";
}

std::string reply_ask_email(Lang l) {
  return es(l) ? "Perfecto. ¿Cuál es tu correo electrónico?" : "Perfect. What is your email address?";
}

std::string reply_low_budget(Lang l, const Config& c) {
  return es(l) ? fmt::format("Lo siento, trabajamos con presupuestos mínimos de {}/mes.", money(c.min_budget))
               : fmt::format("I'm sorry, we work with budgets of at least {}/month.", money(c.min_budget));
}

std::string reply_ask_day(Lang l, const Config& c) {
  return es(l) ? fmt::format("¿Qué día te gustaría agendar tu llamada? ({})", bookable_days_text(l, c))
               : fmt::format("What day would you like to schedule your call? ({})", bookable_days_text(l, c));
}

std::string reply_offer_slots(Lang l, Date day, const std::vector<Slot>& slots) {
  return es(l) ? fmt::format("Tengo estos horarios disponibles para {}: {}. ¿Cuál prefieres?",
                             day_phrase(day, l), times_list(slots))
               : fmt::format("I have these times available for {}: {}. Which one do you prefer?",
                             day_phrase(day, l), times_list(slots));
}

std::string reply_confirmed(Lang l, const Slot& slot, std::string_view email) {
  return es(l) ? fmt::format("¡Perfecto! Tu cita está confirmada para {} a las {}. Te envié los detalles a {}",
                             day_phrase(slot.date, l), format_time(slot), email)
               : fmt::format("Perfect! Your call is confirmed for {} at {}. I sent the details to {}",
                             day_phrase(slot.date, l), format_time(slot), email);
}

std::string reply_try_later(Lang l) {
  return es(l) ? "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos."
               : "Sorry, we ran into a technical problem. Please try again in a few minutes.";
}

std::string reply_question(Lang l, Step step, const Config& c, std::string_view name) {
  switch (step) {
    case Step::greeting:
    case Step::name: return reply_greeting(l, c);
    case Step::goal: return reply_ask_goal(l, name);
    case Step::pain: return reply_ask_pain(l);
    case Step::budget: return reply_ask_budget(l);
    case Step::email: return reply_ask_email(l);
    default: return reply_ask_day(l, c);
  }
}

std::string reply_invalid(Lang l, Step step, const Config& c, int attempts) {
  std::string hint;
  switch (step) {
    case Step::name:
      hint = es(l) ? "No logré entender tu nombre. ¿Me lo escribes de nuevo? (por ejemplo: Juan Carlos)"
                   : "I didn't catch your name. Could you write it again? (for example: Sarah O'Connor)";
      break;
    case Step::goal:
      hint = es(l) ? "Cuéntame en pocas palabras qué objetivos quieres lograr para tu negocio."
                   : "Tell me in a few words what goals you want to achieve for your business.";
      break;
    case Step::pain:
      hint = es(l) ? "Cuéntame en pocas palabras cuál es el mayor desafío que enfrentas actualmente."
                   : "Tell me in a few words the biggest challenge you are facing right now.";
      break;
    case Step::budget:
      hint = es(l) ? "No entendí el monto. ¿Cuál es tu presupuesto mensual para marketing? Escríbelo en números, por ejemplo: 500"
                   : "I didn't get the amount. What is your monthly marketing budget? Write it as a number, for example: 500";
      break;
    case Step::email:
      hint = es(l) ? "Ese correo no parece válido. ¿Me lo escribes así? nombre@empresa.com"
                   : "That email doesn't look valid. Could you write it like this? name@company.com";
      break;
    default:
      return reply_day_not_understood(l, c, attempts);
  }
  return hint + person_offer(l, attempts);
}

std::string reply_day_past(Lang l, const Config& c) {
  return es(l) ? fmt::format("Esa fecha ya pasó. Puedo agendar tu llamada de {}. ¿Qué día te gustaría?",
                             bookable_days_text(l, c))
               : fmt::format("That date has already passed. I can schedule your call {}. What day would you like?",
                             bookable_days_text(l, c));
}

std::string reply_day_not_bookable(Lang l, const Config& c) {
  return es(l) ? fmt::format("Ese día no agendamos llamadas. Puedo agendar de {}. ¿Qué día te gustaría?",
                             bookable_days_text(l, c))
               : fmt::format("We don't schedule calls on that day. I can book {}. What day would you like?",
                             bookable_days_text(l, c));
}

std::string reply_day_not_understood(Lang l, const Config& c, int attempts) {
  return (es(l) ? fmt::format("No entendí el día. Escribe por ejemplo \"jueves\" o \"3 de diciembre\". ({})",
                              bookable_days_text(l, c))
                : fmt::format("I didn't get the day. Write for example \"Thursday\" or \"December 3\". ({})",
                              bookable_days_text(l, c))) +
         person_offer(l, attempts);
}

std::string reply_no_slots(Lang l, Date day, const Config& c) {
  return es(l) ? fmt::format("No tengo horarios libres para {}. ¿Qué otro día te gustaría? ({})",
                             day_phrase(day, l), bookable_days_text(l, c))
               : fmt::format("I have no free times for {}. What other day would you like? ({})",
                             day_phrase(day, l), bookable_days_text(l, c));
}

std::string reply_time_not_offered(Lang l, Date day, const std::vector<Slot>& slots, int attempts) {
  return (es(l) ? fmt::format("Ese horario no está disponible. Para {} tengo: {}. ¿Cuál prefieres?",
                              day_phrase(day, l), times_list(slots))
                : fmt::format("That time isn't available. For {} I have: {}. Which one do you prefer?",
                              day_phrase(day, l), times_list(slots))) +
         person_offer(l, attempts);
}

std::string reply_slot_taken(Lang l, Date day, const std::vector<Slot>& slots) {
  return es(l) ? fmt::format("Ese horario se acaba de ocupar. Para {} todavía tengo: {}. ¿Cuál prefieres?",
                             day_phrase(day, l), times_list(slots))
               : fmt::format("That time was just taken. For {} I still have: {}. Which one do you prefer?",
                             day_phrase(day, l), times_list(slots));
}

std::string reply_slot_taken_no_more(Lang l, Date day, const Config& c) {
  return es(l) ? fmt::format("Ese horario se acaba de ocupar y ya no quedan horarios para {}. ¿Qué otro día te gustaría? ({})",
                             day_phrase(day, l), bookable_days_text(l, c))
               : fmt::format("That time was just taken and there are no more times for {}. What other day would you like? ({})",
                             day_phrase(day, l), bookable_days_text(l, c));
}

std::string reply_opted_out(Lang l) {
  return es(l) ? "Entendido, no te enviaremos más mensajes. ¡Gracias!"
               : "Understood, we won't message you again. Thank you!";
}

std::string reply_handoff(Lang l) {
  return es(l) ? "Claro, una persona de nuestro equipo te escribirá por aquí en breve."
               : "Sure, a person from our team will write to you here shortly.";
}

std::string reply_already_scheduled(Lang l, const Slot& slot) {
  return es(l) ? fmt::format("Tu cita ya está confirmada para {} a las {}. ¡Te esperamos!",
                             day_phrase(slot.date, l), format_time(slot))
               : fmt::format("Your call is already confirmed for {} at {}. Talk to you then!",
                             day_phrase(slot.date, l), format_time(slot));
}

std::string reply_closed(Lang l) {
  return es(l) ? "¡Gracias por tu interés! Si tu presupuesto cambia, escribe \"reiniciar\" y empezamos de nuevo."
               : "Thank you for your interest! If your budget changes, type \"restart\" and we'll start again.";
}

}  // namespace booking
