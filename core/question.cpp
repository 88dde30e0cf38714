#include "question.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "text.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {
namespace {

enum class Mode {
  start,         // the sentence starts with it (lead-ins aside)
  start_marked,  // ... and has a question mark: the wording opens statements too
  whole,         // it is the whole sentence (lead-ins and "please" aside)
  whole_marked,  // ... with a question mark ("¿cuánto?", "who?")
};

struct Wording {
  std::string_view text;  // folded words
  Question question;
  Mode mode;
};

using Q = Question;
using M = Mode;

// The longest wording that fits counts.
constexpr Wording kWordings[] = {
    // duration
    {"cuanto dura", Q::duration, M::start},            {"cuanto duran", Q::duration, M::start},
    {"cuanto duraria", Q::duration, M::start},         {"cuanto tiempo dura", Q::duration, M::start},
    {"cuanto tiempo es", Q::duration, M::start},       {"cuanto tiempo toma", Q::duration, M::start},
    {"cuanto tiempo tarda", Q::duration, M::start},    {"cuanto tiempo", Q::duration, M::start_marked},
    {"de cuanto tiempo", Q::duration, M::start},       {"de cuantos minutos", Q::duration, M::start},
    {"cuantos minutos", Q::duration, M::start},        {"que duracion", Q::duration, M::start},
    {"cual es la duracion", Q::duration, M::start},    {"es larga la llamada", Q::duration, M::start},
    {"es muy larga", Q::duration, M::start_marked},    {"duracion", Q::duration, M::whole},
    {"la duracion", Q::duration, M::whole},            {"how long is", Q::duration, M::start},
    {"how long does", Q::duration, M::start},          {"how long will", Q::duration, M::start},
    {"how long would", Q::duration, M::start},         {"how long s", Q::duration, M::start},
    {"how long", Q::duration, M::whole},               {"how long", Q::duration, M::start_marked},
    {"how many minutes", Q::duration, M::start},       {"how much time", Q::duration, M::start},
    {"what s the duration", Q::duration, M::start},    {"what is the duration", Q::duration, M::start},
    {"is it a long call", Q::duration, M::start},      {"is the call long", Q::duration, M::start},
    {"duration", Q::duration, M::whole},
    // price
    {"cuanto cuesta", Q::price, M::start},             {"cuanto cuestan", Q::price, M::start},
    {"cuanto costaria", Q::price, M::start},           {"cuanto sale", Q::price, M::start},
    {"cuanto salen", Q::price, M::start},              {"cuanto saldria", Q::price, M::start},
    {"cuanto vale", Q::price, M::start},               {"cuanto valen", Q::price, M::start},
    {"cuanto cobran", Q::price, M::start},             {"cuanto cobras", Q::price, M::start},
    {"cuanto cobra", Q::price, M::start},              {"cuanto es", Q::price, M::start},
    {"cuanto seria", Q::price, M::start},              {"cuanto tengo que pagar", Q::price, M::start},
    {"cuanto hay que pagar", Q::price, M::start},      {"cual es el precio", Q::price, M::start},
    {"cual es su precio", Q::price, M::start},         {"cual es tu precio", Q::price, M::start},
    {"cual es el costo", Q::price, M::start},          {"cual seria el precio", Q::price, M::start},
    {"cuales son los precios", Q::price, M::start},    {"cuales son sus precios", Q::price, M::start},
    {"cuales son tus precios", Q::price, M::start},    {"que precio", Q::price, M::start},
    {"que precios", Q::price, M::start},               {"que costo", Q::price, M::start},
    {"tiene costo", Q::price, M::start},               {"tiene algun costo", Q::price, M::start},
    {"tiene un costo", Q::price, M::start},            {"es gratis", Q::price, M::start},
    {"es gratuito", Q::price, M::start},               {"es gratuita", Q::price, M::start},
    {"hay que pagar", Q::price, M::start},             {"cuanto", Q::price, M::whole_marked},
    {"precio", Q::price, M::whole},                    {"precios", Q::price, M::whole},
    {"el precio", Q::price, M::whole},                 {"los precios", Q::price, M::whole},
    {"costo", Q::price, M::whole},                     {"el costo", Q::price, M::whole},
    {"tarifa", Q::price, M::whole},                    {"tarifas", Q::price, M::whole},
    {"how much is", Q::price, M::start},               {"how much does", Q::price, M::start},
    {"how much do", Q::price, M::start},               {"how much would", Q::price, M::start},
    {"how much will", Q::price, M::start},             {"how much for", Q::price, M::start},
    {"how much are", Q::price, M::start},              {"how much s", Q::price, M::start},
    {"how much money", Q::price, M::start},            {"how much", Q::price, M::whole},
    {"what does it cost", Q::price, M::start},         {"what does this cost", Q::price, M::start},
    {"what would it cost", Q::price, M::start},        {"what will it cost", Q::price, M::start},
    {"what do you charge", Q::price, M::start},        {"what s the price", Q::price, M::start},
    {"what is the price", Q::price, M::start},         {"what are your prices", Q::price, M::start},
    {"what are the prices", Q::price, M::start},       {"what are your rates", Q::price, M::start},
    {"what s the cost", Q::price, M::start},           {"what is the cost", Q::price, M::start},
    {"what s your price", Q::price, M::start},         {"what is your price", Q::price, M::start},
    {"what s your pricing", Q::price, M::start},       {"what is your pricing", Q::price, M::start},
    {"is it free", Q::price, M::start},                {"is this free", Q::price, M::start},
    {"is the call free", Q::price, M::start},          {"do i have to pay", Q::price, M::start},
    {"do i need to pay", Q::price, M::start},          {"do you charge", Q::price, M::start},
    {"does it cost", Q::price, M::start},              {"does this cost", Q::price, M::start},
    {"how expensive", Q::price, M::start},             {"price", Q::price, M::whole},
    {"prices", Q::price, M::whole},                    {"pricing", Q::price, M::whole},
    {"the price", Q::price, M::whole},                 {"your prices", Q::price, M::whole},
    {"cost", Q::price, M::whole},                      {"rates", Q::price, M::whole},
    {"fees", Q::price, M::whole},
    // times
    {"que horarios", Q::times, M::start},              {"que horario", Q::times, M::start},
    {"que horas", Q::times, M::start},                 {"a que hora", Q::times, M::start},
    {"a que horas", Q::times, M::start},               {"que dias", Q::times, M::start},
    {"que dia tienen", Q::times, M::start},            {"que dia tienes", Q::times, M::start},
    {"cuando pueden", Q::times, M::start_marked},      {"cuando puedes", Q::times, M::start_marked},
    {"cuando puede", Q::times, M::start_marked},       {"cuando tienen", Q::times, M::start_marked},
    {"cuando tienes", Q::times, M::start_marked},      {"cuando hay", Q::times, M::start_marked},
    {"cuando estan disponibles", Q::times, M::start},  {"cuando estas disponible", Q::times, M::start},
    {"cuando podemos hablar", Q::times, M::start},     {"cual es su horario", Q::times, M::start},
    {"cual es el horario", Q::times, M::start},        {"cuales son los horarios", Q::times, M::start},
    {"cuales son sus horarios", Q::times, M::start},   {"que disponibilidad", Q::times, M::start},
    {"tienen disponibilidad", Q::times, M::start},     {"tienes disponibilidad", Q::times, M::start},
    {"hay disponibilidad", Q::times, M::start},        {"hay otros horarios", Q::times, M::start},
    {"hay otro horario", Q::times, M::start},          {"tienen otros horarios", Q::times, M::start},
    {"tienes otros horarios", Q::times, M::start},     {"tienen otro horario", Q::times, M::start},
    {"tienes otro horario", Q::times, M::start},       {"otros horarios", Q::times, M::start},
    {"otro horario", Q::times, M::start},              {"horarios", Q::times, M::whole},
    {"disponibilidad", Q::times, M::whole},            {"what times", Q::times, M::start},
    {"which times", Q::times, M::start},               {"what time", Q::times, M::start},
    {"which time", Q::times, M::start},                {"what days", Q::times, M::start},
    {"which days", Q::times, M::start},                {"what hours", Q::times, M::start},
    {"what slots", Q::times, M::start},                {"which slots", Q::times, M::start},
    {"what s your availability", Q::times, M::start},  {"what is your availability", Q::times, M::start},
    {"what availability", Q::times, M::start},         {"when are you available", Q::times, M::start},
    {"when are you free", Q::times, M::start},         {"when can you", Q::times, M::start},
    {"when can we talk", Q::times, M::start},          {"when can we meet", Q::times, M::start},
    {"when do you have", Q::times, M::start},          {"when is good", Q::times, M::start},
    {"when works", Q::times, M::start},                {"do you have other times", Q::times, M::start},
    {"do you have any other times", Q::times, M::start}, {"any other times", Q::times, M::start},
    {"are there other times", Q::times, M::start},     {"are there any other times", Q::times, M::start},
    {"other times", Q::times, M::start},               {"times", Q::times, M::whole_marked},
    {"availability", Q::times, M::whole},
    // who
    {"quien eres", Q::who, M::start},                  {"quienes son", Q::who, M::start},
    {"quien habla", Q::who, M::start},                 {"quien me escribe", Q::who, M::start},
    {"quien me habla", Q::who, M::start},              {"con quien hablo", Q::who, M::start},
    {"con quien estoy hablando", Q::who, M::start},    {"con quien tengo el gusto", Q::who, M::start},
    {"eres un bot", Q::who, M::start},                 {"eres un robot", Q::who, M::start},
    {"eres bot", Q::who, M::start},                    {"eres robot", Q::who, M::start},
    {"eres una ia", Q::who, M::start},                 {"eres ia", Q::who, M::start},
    {"eres una inteligencia", Q::who, M::start},       {"eres humano", Q::who, M::start},
    {"eres humana", Q::who, M::start},                 {"eres una persona", Q::who, M::start},
    {"eres real", Q::who, M::start},                   {"es un bot", Q::who, M::start},
    {"es un robot", Q::who, M::start},                 {"es una maquina", Q::who, M::start},
    {"es automatico", Q::who, M::start},               {"es un mensaje automatico", Q::who, M::start},
    {"sos un bot", Q::who, M::start},                  {"sos un robot", Q::who, M::start},
    {"de parte de quien", Q::who, M::start},           {"de donde me escriben", Q::who, M::start},
    {"de donde sacaron mi numero", Q::who, M::start},  {"como consiguieron mi numero", Q::who, M::start},
    {"que empresa es", Q::who, M::start},              {"de que empresa", Q::who, M::start},
    {"quien es", Q::who, M::whole},                    {"quien", Q::who, M::whole_marked},
    {"bot", Q::who, M::whole_marked},                  {"who is this", Q::who, M::start},
    {"who s this", Q::who, M::start},                  {"who are you", Q::who, M::start},
    {"who am i talking", Q::who, M::start},            {"who am i speaking", Q::who, M::start},
    {"who am i chatting", Q::who, M::start},           {"who is texting", Q::who, M::start},
    {"who s texting", Q::who, M::start},               {"who is messaging", Q::who, M::start},
    {"who is writing", Q::who, M::start},              {"are you a bot", Q::who, M::start},
    {"are you a robot", Q::who, M::start},             {"are you an ai", Q::who, M::start},
    {"are you ai", Q::who, M::start},                  {"are you human", Q::who, M::start},
    {"are you a human", Q::who, M::start},             {"are you a person", Q::who, M::start},
    {"are you real", Q::who, M::start},                {"is this a bot", Q::who, M::start},
    {"is this a robot", Q::who, M::start},             {"is this automated", Q::who, M::start},
    {"is this an ai", Q::who, M::start},               {"is this ai", Q::who, M::start},
    {"am i talking to a bot", Q::who, M::start},       {"am i talking to a robot", Q::who, M::start},
    {"am i talking to a human", Q::who, M::start},     {"am i talking to a person", Q::who, M::start},
    {"am i chatting with a bot", Q::who, M::start},    {"how did you get my number", Q::who, M::start},
    {"where did you get my number", Q::who, M::start}, {"what company is this", Q::who, M::start},
    {"which company is this", Q::who, M::start},       {"who", Q::who, M::whole_marked},
    // what
    {"que hacen", Q::what, M::start},                  {"que haces", Q::what, M::start},
    {"que hace usted", Q::what, M::start},             {"a que se dedican", Q::what, M::start},
    {"a que te dedicas", Q::what, M::start},           {"a que se dedica", Q::what, M::start},
    {"de que se trata", Q::what, M::start},            {"de que trata", Q::what, M::start},
    {"de que va", Q::what, M::start},                  {"que es esto", Q::what, M::start},
    {"que es eso", Q::what, M::start},                 {"que es", Q::what, M::whole},
    {"que ofrecen", Q::what, M::start},                {"que ofreces", Q::what, M::start},
    {"que venden", Q::what, M::start},                 {"que vendes", Q::what, M::start},
    {"que servicios", Q::what, M::start},              {"que tipo de servicio", Q::what, M::start},
    {"en que consiste", Q::what, M::start},            {"en que me pueden ayudar", Q::what, M::start},
    {"en que me puedes ayudar", Q::what, M::start},    {"como me pueden ayudar", Q::what, M::start},
    {"como me puedes ayudar", Q::what, M::start},      {"como funciona", Q::what, M::start},
    {"para que es", Q::what, M::start},                {"de que es la llamada", Q::what, M::start},
    {"de que sera la llamada", Q::what, M::start},     {"what do you do", Q::what, M::start},
    {"what do you guys do", Q::what, M::start},        {"what does your company do", Q::what, M::start},
    {"what exactly do you do", Q::what, M::start},     {"what is this", Q::what, M::start},
    {"what s this", Q::what, M::start},                {"what is it about", Q::what, M::start},
    {"what s it about", Q::what, M::start},            {"what is it", Q::what, M::whole},
    {"what do you offer", Q::what, M::start},          {"what do you sell", Q::what, M::start},
    {"what services", Q::what, M::start},              {"what kind of service", Q::what, M::start},
    {"what s the call about", Q::what, M::start},      {"what is the call about", Q::what, M::start},
    {"what s the call for", Q::what, M::start},        {"what is the call for", Q::what, M::start},
    {"how does it work", Q::what, M::start},           {"how does this work", Q::what, M::start},
    {"how can you help", Q::what, M::start},           {"how do you help", Q::what, M::start},
    {"what is your business", Q::what, M::start},      {"what s your business", Q::what, M::start},
};

// The wordings sorted by first word, longer ones first ("how much time"
// before "how much", "cuánto tiempo" before "cuánto"), worked out at compile
// time: a sentence's first word is looked up by binary search.
struct Indexed {
  const Wording* wording = nullptr;
  std::string_view head;
  std::size_t words = 0;
};

std::size_t constexpr word_count(std::string_view phrase) {
  return static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

constexpr auto kIndex = [] {
  std::array<Indexed, std::size(kWordings)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::string_view t = kWordings[i].text;
    out[i] = {&kWordings[i], t.substr(0, t.find(' ')), word_count(t)};
  }
  std::sort(out.begin(), out.end(), [](const Indexed& a, const Indexed& b) {
    return a.head != b.head ? a.head < b.head : a.words > b.words;
  });
  return out;
}();

// Words that open a question without being part of it ("y", "oye", "una
// pregunta", "me puedes decir", "quick question"), and greetings: a
// sentence of nothing else is no answer either.
constexpr std::string_view kLeadIns[] = {
    "tengo una pregunta", "tengo una duda", "una pregunta", "una duda", "otra pregunta", "pregunta",
    "me puedes decir", "me podrias decir", "me pueden decir", "me puede decir", "me podrian decir", "me dices",
    "me dicen", "puedes decirme", "podrias decirme", "pueden decirme", "quisiera saber", "queria saber",
    "quiero saber", "me gustaria saber", "saber", "sabes", "saben", "por cierto", "a ver", "y", "pero",
    "oye", "oiga", "hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "perdon", "disculpa",
    "disculpe", "bueno", "ok", "okay", "vale", "ah", "oh", "entonces", "pues", "tambien", "primero",
    "ustedes", "usted", "exactamente", "gracias", "muchas gracias", "por favor",
    "i have a question", "quick question", "one question", "one more question", "a question", "question",
    "can you tell me", "could you tell me", "can i ask", "may i ask", "do you know", "i d like to know",
    "i want to know", "i was wondering", "just wondering", "wondering", "and", "but", "so", "well", "hi",
    "hello", "hey", "sorry", "btw", "also", "first", "exactly", "thanks", "thank you", "please",
};
// Words after a whole-sentence wording ("¿precio, por favor?").
constexpr std::string_view kTail[] = {"por favor", "porfa", "please", "pls", "gracias", "thanks",
                                      "entonces", "then", "exactamente", "exactly", "aprox", "approx"};

// How many words a list's phrase covers at word i (0: none).
template <std::size_t N>
std::size_t covered(const std::string_view (&list)[N], const std::vector<std::string_view>& ws, std::size_t i) {
  for (const auto p : list) {
    if (phrase_at(ws, i, p)) return word_count(p);
  }
  return 0;
}

struct Sentence {
  std::size_t begin;
  std::size_t end;
  Question question = Question::none;
  bool content = false;  // something besides greetings and lead-ins
};

Sentence read_sentence(std::string_view text, std::size_t begin, std::size_t end) {
  Sentence s{begin, end};
  const std::string_view raw = text.substr(begin, end - begin);
  const bool marked = raw.find('?') != std::string_view::npos || raw.find("\xC2\xBF") != std::string_view::npos;
  const std::string folded = fold(raw);
  const auto ws = words(folded);
  std::size_t from = 0;
  while (from < ws.size()) {
    const std::size_t n = covered(kLeadIns, ws, from);
    if (n == 0) break;
    from += n;
  }
  if (from == ws.size()) return s;  // greetings and lead-ins only (or nothing)
  s.content = true;
  std::size_t to = ws.size();  // without "por favor", "thanks" at the end
  for (bool again = true; again;) {
    again = false;
    for (const auto t : kTail) {
      const std::size_t n = word_count(t);
      if (to >= from + n + 1 && phrase_at(ws, to - n, t)) {
        to -= n;
        again = true;
      }
    }
  }
  const auto lo = std::lower_bound(kIndex.begin(), kIndex.end(), ws[from],
                                   [](const Indexed& p, std::string_view x) { return p.head < x; });
  for (auto it = lo; it != kIndex.end() && it->head == ws[from]; ++it) {
    const Wording& w = *it->wording;
    if (!phrase_at(ws, from, w.text)) continue;
    const bool whole = from + it->words == to;
    const bool fits = w.mode == Mode::start || (w.mode == Mode::start_marked && marked) ||
                      (w.mode == Mode::whole && whole) || (w.mode == Mode::whole_marked && whole && marked);
    if (fits) {
      s.question = w.question;
      return s;
    }
  }
  return s;
}

bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '?' || c == '!' || c == '\n') return true;
  // A full stop ends a sentence only before a space or the end, so an email
  // or "1.500" stays whole.
  return c == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\r' || text[i + 1] == '\t');
}

bool opens_sentence(std::string_view text, std::size_t i) {  // ¿ or ¡
  return text[i] == '\xC2' && i + 1 < text.size() && (text[i + 1] == '\xBF' || text[i + 1] == '\xA1');
}

std::string_view trim_space(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// A sentence, or when it is asked ("Marta, how much is it?", "I'm
// interested, what do you charge?") and does not start with a wording, its
// first clause after a comma, colon or semicolon that does: then two.
void add_sentence(std::vector<Sentence>& out, std::string_view text, std::size_t begin, std::size_t end) {
  Sentence whole = read_sentence(text, begin, end);
  const std::string_view raw = text.substr(begin, end - begin);
  if (whole.question == Question::none && raw.find('?') != std::string_view::npos) {
    for (std::size_t k = 0; k + 1 < raw.size(); ++k) {
      if (raw[k] != ',' && raw[k] != ';' && raw[k] != ':') continue;
      const Sentence asked = read_sentence(text, begin + k + 1, end);
      if (asked.question == Question::none) continue;
      out.push_back(read_sentence(text, begin, begin + k + 1));
      out.push_back(asked);
      return;
    }
  }
  out.push_back(whole);
}

}  // namespace

QuestionReading read_question(std::string_view text) {
  QuestionReading out{Question::none, text};
  if (text.size() > kMaxMessageBytes) return out;
  std::vector<Sentence> sentences;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (opens_sentence(text, i) && i > begin) {
      add_sentence(sentences, text, begin, i);
      begin = i;
    } else if (ends_sentence(text, i)) {
      std::size_t end = i + 1;  // "?!", "...": one end
      while (end < text.size() && (text[end] == '?' || text[end] == '!' || text[end] == '.')) ++end;
      add_sentence(sentences, text, begin, end);
      begin = end;
      i = end - 1;
    }
  }
  if (begin < text.size()) add_sentence(sentences, text, begin, text.size());

  const auto asked = std::find_if(sentences.begin(), sentences.end(),
                                  [](const Sentence& s) { return s.question != Question::none; });
  if (asked == sentences.end()) return out;
  out.question = asked->question;
  out.rest = text.substr(text.size());
  // The first run of other sentences that says something.
  for (auto run = sentences.begin(); run != sentences.end();) {
    if (run->question != Question::none) {
      ++run;
      continue;
    }
    const auto run_end = std::find_if(run, sentences.end(),
                                      [](const Sentence& s) { return s.question != Question::none; });
    if (std::any_of(run, run_end, [](const Sentence& s) { return s.content; })) {
      const std::size_t from = run->begin;
      const std::size_t to = std::prev(run_end)->end;
      out.rest = trim_space(text.substr(from, to - from));
      return out;
    }
    run = run_end;
  }
  return out;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
