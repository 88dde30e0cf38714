#include "booking_change.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

// Phrases are folded words as words() splits them: "can't" is "can t".

// Another time asked for, in so many words.
constexpr std::string_view kAnotherTime[] = {
    "otro dia", "otra hora", "otra fecha", "otro horario", "otro momento", "otra semana", "otro turno",
    "otra cita", "otra llamada", "otra reunion", "nueva fecha", "nueva hora", "nuevo horario", "nueva cita",
    "cambio de hora", "cambio de fecha", "cambio de horario", "cambio de cita", "cambio de dia", "ponme otra",
    "ponme otro", "dame otra", "dame otro", "agendame otra", "agendame otro", "agendame para", "agendarme para",
    "agenda otra", "agendar otra", "ponme para", "ponerla para", "ponerlo para", "dejarla para", "dejarlo para",
    "dejala para", "dejalo para", "dejemosla para", "dejemoslo para", "la dejamos para", "lo dejamos para",
    "para mas tarde", "para mas adelante", "another day", "another time", "another date", "another slot",
    "another call", "another appointment", "different day", "different time", "different date",
    "different slot", "different hour", "some other day", "some other time", "new time", "new date",
    "new slot", "later date", "later time", "book me", "book another", "book a new", "push back", "move back",
};

// The lead cannot come, or would rather not then: a weaker sign.
constexpr std::string_view kCannotCome[] = {
    "no voy a poder", "no podre ir", "no podre asistir", "no podre llegar", "no podre estar", "no podre ese",
    "no podre el", "no podre a", "no podre conectarme", "no podria ir", "no puedo ir", "no puedo asistir", "no puedo llegar",
    "no puedo conectarme", "no puedo ese", "no puedo esa", "no puedo el", "no puedo a esa", "no puedo a las",
    "no puedo hoy", "no puedo manana", "no puedo en", "no voy a llegar", "no llego", "no alcanzo",
    "no me da tiempo", "no me va a dar tiempo", "no voy a estar", "no estare", "no estoy disponible",
    "surgio algo", "me salio algo", "un imprevisto", "se me complico", "se me cruzo", "se me atraveso",
    "otro compromiso", "un compromiso", "cambio de planes", "no creo que pueda", "no se si pueda", "no me queda bien", "no me viene bien",
    "no me sirve", "no me acomoda", "can t make it", "cant make it", "cannot make it", "can t make the",
    "cannot make the", "won t make it", "won t be able to", "wont be able to", "will not be able to",
    "not be able to make", "unable to make", "unable to attend", "can t attend", "cannot attend",
    "can t come", "can t join", "cannot join", "not going to make it", "not gonna make it", "going to miss",
    "gonna miss", "something came up", "something has come up", "something s come up", "a conflict",
    "scheduling conflict", "change of plans", "change of plan", "doesn t work for me", "no longer works",
    "not available", "can t on", "can t do", "cannot do", "don t think i can make", "not sure i can make",
    "una emergencia", "an emergency", "se me paso la", "se me olvido la", "no pude conectarme",
    "no pude entrar", "no pude asistir", "no pude llegar", "me perdi la", "missed the", "missed our",
    "missed my", "missed it",
};

// A day proposed: one of these and a day or a time in the clause, after it
// or, for "instead", "en vez", "en lugar", before it too.
constexpr std::string_view kProposals[] = {
    "puede ser", "podria ser", "mejor el", "mejor la", "mejor a", "mejor en", "que tal el", "que tal la",
    "que tal si", "que tal a", "how about", "what about", "can we do", "could we do", "can we make it",
    "could we make it", "can it be", "could it be", "can we meet", "could we meet", "better on",
    "podemos hacerla", "podemos hacerlo", "podriamos hacerla", "la podemos hacer", "lo podemos hacer",
    "la podriamos hacer", "la hacemos", "lo hacemos", "hagamosla", "hagamoslo", "can we have", "could we have",
    "instead", "en vez", "en lugar",
};
constexpr std::string_view kInstead[] = {"instead", "en vez", "en lugar"};

// Cancelling, said without a verb of cancelling.
constexpr std::string_view kCancelPhrases[] = {
    "call it off", "call off", "ya no la necesito", "ya no lo necesito", "ya no necesito la", "ya no quiero la",
    "no longer need", "won t need", "will not need", "don t need it anymore", "don t need the call",
    "no need for the call", "drop the call",
};

// The call stands.
constexpr std::string_view kKeepPhrases[] = {
    "lo dejamos igual", "la dejamos igual", "lo dejamos asi", "la dejamos asi", "dejemoslo igual",
    "dejemosla igual", "dejemoslo asi", "dejemosla asi", "dejalo", "dejala", "dejarlo igual", "dejarla igual",
    "asi esta bien", "asi esta perfecto", "asi esta perfecta", "esta bien asi", "asi queda", "asi quedamos",
    "queda igual", "que quede igual", "que quede asi", "sigue igual", "seguimos igual", "sigue en pie",
    "como quedamos", "como estaba", "no importa", "olvidalo", "olvidelo", "olvidenlo", "olvida eso",
    "olvidate", "no cambies nada", "no cambien nada", "no hay que cambiar nada",
    "never mind", "nevermind", "nvm", "forget it", "forget about it", "forget that", "forget what i said",
    "ignore that", "ignore my last message", "leave it", "it s fine as is", "fine as is", "as planned",
    "still on", "stick with", "stick to", "don t change anything", "no changes",
};

constexpr std::string_view kCancelStems[] = {"cancel", "cansel", "cancle", "anul", "desagend"};
// Past forms: cancel only with a wish before them ("I want it cancelled").
constexpr std::string_view kCancelPast[] = {"cancelled", "canceled", "cancelado", "cancelada", "cancelados",
                                            "canceladas", "cancelaron", "cancelaste", "anulado", "anulada"};
constexpr std::string_view kWishes[] = {"want", "like", "need", "get", "have", "please", "quiero", "quisiera",
                                        "necesito", "favor", "porfa", "dejala", "dejalo", "quede"};
// What else a lead may cancel or change: not the call.
constexpr std::string_view kNotTheCall[] = {
    "suscripcion", "subscripcion", "suscripciones", "subscription", "subscriptions", "membresia", "membership",
    "plan", "cuenta", "account", "pedido", "orden", "order", "compra", "purchase", "pago", "pagos", "payment",
    "servicio", "servicios", "service", "mensajes", "messages", "texts", "notificaciones", "notifications",
    "correos", "emails", "newsletter", "contrato", "contract", "tarjeta", "card", "renovacion", "renewal",
    "prueba", "trial", "email", "correo", "mail", "nombre", "name", "numero", "number", "telefono", "phone",
    "idioma", "language", "direccion", "address",
};
// A question about the terms of cancelling, not a request.
constexpr std::string_view kTerms[] = {
    "policy", "policies", "politica", "politicas", "fee", "fees", "charge", "charged", "cargo", "cobran",
    "cobrar", "cobra", "cobro", "penalty", "penalizacion", "multa", "refund", "reembolso", "terms",
    "condiciones", "rules", "reglas", "happens", "pasa",
};

// Verbs that reschedule whatever follows ("reagendar", "cámbiala").
constexpr std::string_view kRescheduleStems[] = {
    "reagend", "resagend", "reajend", "reprogram", "resched", "reshed", "resced", "rebook", "postpon", "pospon",
    "pospong", "aplaz", "cambiarl", "cambial", "cambiemosl", "cambienl", "cambiamel", "moverl", "muevel",
    "movamosl", "muevanl", "adelantarl", "adelantal", "adelantemosl", "adelantenl", "recorrerl", "recorrel",
    "atrasarl", "atrasal", "retrasarl", "retrasal",
};
// ... and after "re" ("re-agendar", "re schedule").
constexpr std::string_view kAfterRe[] = {"agend", "program", "sched", "book"};
// Verbs that reschedule when the call is their object (see the header).
constexpr std::string_view kMoveVerbs[] = {
    "cambiar", "cambia", "cambiamos", "cambiemos", "cambien", "cambie", "cambies", "cambio", "cambias",
    "cambiaria", "cambiariamos", "mover", "mueve", "movemos", "movamos", "muevan", "muevo", "mueves",
    "muevas", "moveria", "moveriamos", "adelantar", "adelanta", "adelantamos", "adelantemos", "adelanten",
    "recorrer", "recorremos", "recorramos", "recorre", "atrasar", "atrasa", "atrasamos", "atrasemos",
    "retrasar", "retrasa", "retrasamos", "retrasemos", "change", "changing", "move", "moving", "push", "bump",
};
constexpr std::string_view kPassVerbs[] = {
    "pasar", "pasarla", "pasarlo", "pasala", "pasalo", "pasamos", "pasemos", "pasemosla", "pasa", "pasen",
    "pasenla", "pasas", "pasaria", "pasariamos", "pasaremos",
};
constexpr std::string_view kAfterVerb[] = {"al", "para", "hasta", "a las", "a la", "a otro", "a otra", "a manana",
                                           "it", "back", "later", "earlier"};
constexpr std::string_view kAfterPass[] = {"al", "para", "hasta", "a las", "a la", "a otro", "a otra", "a manana"};
constexpr std::string_view kObjectBefore[] = {"la", "lo", "se"};
// The call ...
constexpr std::string_view kCallWords[] = {
    "hora", "horas", "horario", "fecha", "dia", "cita", "llamada", "reunion", "turno", "sesion", "junta",
    "videollamada", "time", "date", "day", "hour", "appointment", "appt", "call", "meeting", "booking", "slot",
    "session",
};
// ... and a day or a time (so are "4pm", "a las 4", "at 10").
constexpr std::string_view kDays[] = {
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "manana", "semana", "tarde",
    "temprano", "noche", "hoy", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "tomorrow", "today", "tonight", "week", "morning", "afternoon", "evening", "later", "earlier", "am", "pm",
};
constexpr std::string_view kKeepVerbs[] = {
    "manten", "mantenla", "mantenlo", "mantener", "mantenerla", "mantenerlo", "mantengamos", "mantengamosla",
    "mantengamoslo", "mantenga", "mantengala", "mantengan", "mantenganla", "mantenemos", "keep",
};

constexpr std::string_view kNegations[] = {"no", "not", "dont", "nunca", "never", "t", "sin", "without", "ni",
                                           "tampoco"};
// "no problem", "no worries": not a negation of what follows.
constexpr std::string_view kNotNegating[] = {"problem", "problema", "worries"};
// A negation of ability, not of the wish: "can't", "couldn't" ...
constexpr std::string_view kCan[] = {"can", "could", "couldn"};
// ... "no puedo", "no se puede".
constexpr std::string_view kPoder[] = {"puedo", "puede", "podemos", "pueden", "puedes", "podria", "podriamos",
                                       "podrias", "podrian"};
// Words that start a clause of their own.
constexpr std::string_view kClauseWords[] = {"pero", "sino", "solo", "mejor", "but", "just", "rather"};

template <std::size_t N>
bool is_in(const std::string_view (&list)[N], std::string_view w) {
  for (const std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

template <std::size_t N>
bool starts_in(const std::string_view (&stems)[N], std::string_view w) {
  for (const std::string_view s : stems) {
    if (w.starts_with(s)) return true;
  }
  return false;
}

// The message split once: folded words, where clauses start, and which
// words a fixed phrase already read.
struct Message {
  std::vector<std::string_view> ws;
  std::vector<bool> starts;  // starts[i]: a clause starts at word i
  std::vector<bool> read;    // read[i]: word i is part of a phrase read

  explicit Message(const std::string& folded)
      : ws(words(folded)), starts(ws.size(), true), read(ws.size(), false) {
    for (std::size_t i = 1; i < ws.size(); ++i) {
      if (is_in(kClauseWords, ws[i])) continue;
      const std::string_view gap(ws[i - 1].data() + ws[i - 1].size(),
                                 static_cast<std::size_t>(ws[i].data() - ws[i - 1].data()) - ws[i - 1].size());
      starts[i] = gap.find_first_of(",.;:!?\n") != std::string_view::npos ||
                  gap.find("\xC2\xBF") != std::string_view::npos || gap.find("\xC2\xA1") != std::string_view::npos;
    }
  }

  // The word j words after i, in i's clause ("" past it).
  std::string_view after(std::size_t i, std::size_t j) const {
    for (std::size_t k = i + 1; k <= i + j; ++k) {
      if (k >= ws.size() || starts[k]) return {};
    }
    return ws[i + j];
  }
  // The word j words before i, in i's clause ("" past it).
  std::string_view before(std::size_t i, std::size_t j) const {
    if (j > i) return {};
    for (std::size_t k = i - j + 1; k <= i; ++k) {
      if (starts[k]) return {};
    }
    return ws[i - j];
  }

  // Whether pred(k) holds for one of the n words after (before) word i, in
  // its clause.
  template <class Pred>
  bool any_after(std::size_t i, std::size_t n, Pred pred) const {
    for (std::size_t j = 1; j <= n && !after(i, j).empty(); ++j) {
      if (pred(i + j)) return true;
    }
    return false;
  }
  template <class Pred>
  bool any_before(std::size_t i, std::size_t n, Pred pred) const {
    for (std::size_t j = 1; j <= n && !before(i, j).empty(); ++j) {
      if (pred(i - j)) return true;
    }
    return false;
  }
  template <std::size_t N>
  bool within_after(std::size_t i, std::size_t n, const std::string_view (&list)[N]) const {
    return any_after(i, n, [&](std::size_t k) { return is_in(list, ws[k]); });
  }
  template <std::size_t N>
  bool within_before(std::size_t i, std::size_t n, const std::string_view (&list)[N]) const {
    return any_before(i, n, [&](std::size_t k) { return is_in(list, ws[k]); });
  }
  // Word k a day or a time: "viernes", "tomorrow", "4pm", "a las 4", "at 10".
  bool is_day(std::size_t k) const {
    const std::string_view w = ws[k];
    if (is_in(kDays, w)) return true;
    if (!is_ascii_digit(w[0])) return false;
    return w.ends_with("am") || w.ends_with("pm") || w.ends_with("h") || w.ends_with("hs") ||
           w.ends_with("hrs") || (k > 0 && (ws[k - 1] == "las" || ws[k - 1] == "la" || ws[k - 1] == "at"));
  }
  // Word k the call, a day or a time.
  bool is_when(std::size_t k) const { return is_in(kCallWords, ws[k]) || is_day(k); }

  // One of `list` starts right after word i, in its clause.
  template <std::size_t N>
  bool followed_by(std::size_t i, const std::string_view (&list)[N]) const {
    if (i + 1 >= ws.size() || starts[i + 1]) return false;
    for (const std::string_view p : list) {
      if (phrase_at(ws, i + 1, p)) return true;
    }
    return false;
  }
  // Words of the longest phrase of `list` at word i (0: none).
  template <std::size_t N>
  std::size_t longest(std::size_t i, const std::string_view (&list)[N]) const {
    std::size_t best = 0;
    for (const std::string_view p : list) {
      if (!phrase_at(ws, i, p)) continue;
      std::size_t n = 1;
      for (const char c : p) n += c == ' ' ? 1 : 0;
      if (n > best) best = n;
    }
    return best;
  }

  // A negation up to four words before word i, in its clause; a phrase
  // already read ("never mind", "can't make it") ends the search. One of
  // ability ("can't", "no puedo", "no se puede") counts only when asked:
  // "¿no podemos moverla?" still wants it moved.
  bool negated(std::size_t i, bool ability_too = false) const {
    for (std::size_t j = 1; j <= 4; ++j) {
      const std::string_view w = before(i, j);
      if (w.empty() || read[i - j]) return false;
      if (!is_in(kNegations, w)) continue;
      const std::string_view next = ws[i - j + 1];
      if (is_in(kNotNegating, next)) continue;
      if (ability_too) return true;
      if ((w == "t" || w == "not") && is_in(kCan, before(i, j + 1))) continue;
      if (w == "no" && (is_in(kPoder, next) || (next == "se" && j >= 2 && is_in(kPoder, ws[i - j + 2])))) continue;
      return true;
    }
    return false;
  }
};

}  // namespace

BookingChange read_booking_change(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return BookingChange::none;
  const std::string folded = fold(text);
  Message m(folded);
  const std::size_t n = m.ws.size();
  bool another_time = false;  // strong: "otro día", "reagendar", "move it"
  bool cancel = false;
  bool cannot_come = false;   // weak: "no voy a poder", "how about Friday?"
  bool keep = false;
  const auto wish = [&](std::size_t i, bool& flag) { (m.negated(i) ? keep : flag) = true; };

  // Fixed phrases first: their words are not read again below.
  for (std::size_t i = 0; i < n;) {
    // The longest phrase at word i: "déjala para el lunes" is not "déjala".
    const std::size_t k = m.longest(i, kKeepPhrases);
    const std::size_t c = m.longest(i, kCancelPhrases);
    const std::size_t w = m.longest(i, kCannotCome);
    const std::size_t a = m.longest(i, kAnotherTime);
    const std::size_t p = m.longest(i, kProposals);
    const std::size_t len = std::max({k, c, w, a, p});
    if (len == 0) {
      ++i;
      continue;
    }
    if (len == k) {
      keep = true;
    } else if (len == c) {
      wish(i, cancel);
    } else if (len == w) {
      cannot_come = true;
    } else if (len == a) {
      wish(i, another_time);
    } else {
      // A day after the proposal; before "instead" too ("Friday instead?").
      const auto day = [&m](std::size_t d) { return m.is_day(d); };
      cannot_come = cannot_come || m.any_after(i + len - 1, 4, day) ||
                    (m.longest(i, kInstead) != 0 && m.any_before(i, 4, day));
    }
    for (std::size_t r = i; r < i + len; ++r) m.read[r] = true;
    i += len;
  }

  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = m.ws[i];
    if (m.read[i]) continue;
    if (starts_in(kCancelStems, w)) {
      if (m.within_after(i, 3, kNotTheCall)) continue;
      if (is_in(kCancelPast, w) && !m.within_before(i, 3, kWishes)) continue;
      bool terms = false;
      for (std::size_t k = i; !terms; --k) {  // back to the clause start
        terms = is_in(kTerms, m.ws[k]);
        if (m.starts[k]) break;
      }
      for (std::size_t k = i + 1; !terms && k < n && !m.starts[k]; ++k) terms = is_in(kTerms, m.ws[k]);
      if (!terms) wish(i, cancel);
    } else if (starts_in(kRescheduleStems, w) || (w == "re" && starts_in(kAfterRe, m.after(i, 1)))) {
      wish(i, another_time);
    } else if (is_in(kMoveVerbs, w)) {
      if (m.within_after(i, 2, kNotTheCall)) continue;  // "cambiar mi correo"
      const auto when = [&m](std::size_t d) { return m.is_when(d); };
      if (m.followed_by(i, kAfterVerb) || m.any_after(i, 4, when) || m.within_before(i, 3, kObjectBefore)) {
        wish(i, another_time);
      }
    } else if (is_in(kPassVerbs, w)) {
      if (m.followed_by(i, kAfterPass)) wish(i, another_time);
    } else if (is_in(kKeepVerbs, w)) {
      if (w == "keep" && m.after(i, 1) != "it" && !m.any_after(i, 4, [&m](std::size_t d) { return m.is_when(d); })) {
        continue;
      }
      // "I can't keep the appointment": the lead cannot come.
      (m.negated(i, true) ? cannot_come : keep) = true;
    }
  }

  if (another_time) return BookingChange::reschedule;
  if (cancel) return BookingChange::cancel;
  if (cannot_come) return BookingChange::reschedule;
  if (keep) return BookingChange::keep;
  return BookingChange::none;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
