// Google Benchmark suite for the core (issue 5).
//
//  - handle_json/<lang>/<step>: one call of the WASM entry point, JSON text
//    in, JSON text out (the settings read once beforehand, as the Worker
//    does), on the exact requests the Worker sends during a whole
//    conversation (recorded below by driving the core the way the Worker
//    does: state and saved fields as read from GHL, the message, the command
//    results so far, config, now). "day+slots" is the day step's second call
//    (with the free slots: the offer is built), "time+booked" the time
//    step's second call (with the booking: the confirmation is built).
//  - extract/<extractor>/<lang>: each extractor alone on realistic answers.
//
// Build and run:
//   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target booking_bench && build/booking_bench
// (scripts/bench.sh runs this and the end-to-end bench.)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "answer.hpp"
#include "budget.hpp"
#include "calendar.hpp"
#include "day.hpp"
#include "email.hpp"
#include "intent.hpp"
#include "language.hpp"
#include "name.hpp"
#include "protocol.hpp"
#include "slot.hpp"
#include "time_choice.hpp"

namespace {

using json = nlohmann::json;
using booking::handle_json;

constexpr const char* kNow = "2026-11-25T10:30:00-06:00";  // a Wednesday

const json kConfig = {{"AGENT_NAME", "María"},         {"BUSINESS_NAME", "AI Outlet Media"},
                      {"MIN_BUDGET", "300"},           {"BOOKING_DAYS", "tue,wed,thu,fri"},
                      {"DEFAULT_LANGUAGE", "es"}};

// Read once, as the Worker configures each WebAssembly instance once
// (booking_configure): the requests below carry no config.
const booking::Config& config() {
  static const booking::Config c = [] {
    booking::Config out;
    if (const std::string e = booking::configure_json(kConfig.dump(), out); !e.empty()) {
      std::fprintf(stderr, "core_bench: config: %s\n", e.c_str());
      std::exit(1);
    }
    return out;
  }();
  return c;
}

// A whole day of 30-minute slots as GHL's free-slots returns it.
std::vector<std::string> full_day(const std::string& date) {
  std::vector<std::string> out;
  for (int m = 9 * 60; m < 17 * 60; m += 30) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00-06:00", date.c_str(), m / 60, m % 60);
    out.emplace_back(buf);
  }
  return out;
}

struct Recorded {
  std::string name;     // handle_json/<lang>/<step>
  std::string request;  // exactly what the Worker passes to the core
};

// Drives the core as worker/conversation.js does (read state, call, perform
// the command, call again with its result, save, send) and records every
// request. Aborts if the conversation does not reach "scheduled", so the
// bench never measures an error path by accident.
std::vector<Recorded> record(const std::string& lang, const std::vector<std::string>& messages,
                             const std::vector<std::string>& slots) {
  std::vector<Recorded> out;
  json fields = json::object();
  int counter = 0;
  for (const auto& text : messages) {
    const std::string before = fields.value("booking_step", std::string("greeting"));
    const json message{{"id", "wamid.HBgNNTIxNTUxMjM0NTY3OBUCABIYFjNFQjA" + std::to_string(++counter)},
                       {"text", text}};
    json saved = fields;
    json results = json::array();
    for (int round = 0; round < 8; ++round) {
      // `saved` is sent only after a save in this webhook, as the Worker does.
      const json req{{"state", fields}, {"message", message}, {"results", results}, {"now", kNow}};
      std::string label = before;
      if (!results.empty()) label += "+" + results.back()["type"].get<std::string>();
      Recorded r{"handle_json/" + lang + "/" + label, req.dump()};
      const json res = json::parse(handle_json(r.request, config()));
      out.push_back(std::move(r));
      if (!res.value("ok", false)) {
        std::fprintf(stderr, "core_bench: %s failed: %s\n", out.back().name.c_str(), res.dump().c_str());
        std::exit(1);
      }
      if (res["action"] == "perform") {
        const json& cmd = res["command"];
        const std::string type = cmd["type"];
        if (type == "fetch_slots") {
          results.push_back({{"id", cmd["id"]}, {"type", "slots"}, {"date", cmd["date"]}, {"slots", slots}});
        } else if (type == "book") {
          results.push_back({{"id", cmd["id"]}, {"type", "booked"}, {"appointment_id", "ocvLuTvsBmrmiKEQRbDx"}, {"slot", cmd["slot"]}});
        } else {
          std::fprintf(stderr, "core_bench: unexpected command %s\n", cmd.dump().c_str());
          std::exit(1);
        }
        continue;
      }
      if (res["action"] == "save_and_send") {
        for (auto& [k, v] : res["updates"].items()) saved[k] = v;
      }
      fields = saved;
      break;
    }
  }
  if (fields.value("booking_step", "") != "scheduled") {
    std::fprintf(stderr, "core_bench: the %s conversation ended at '%s', not 'scheduled'\n", lang.c_str(),
                 fields.value("booking_step", "").c_str());
    std::exit(1);
  }
  return out;
}

void register_handle_benchmarks() {
  static std::vector<Recorded> all;
  auto es = record("es",
                   {"Hola, quiero información", "me llamo juan carlos", "Conseguir más clientes por Instagram",
                    "No tengo tiempo para publicar y los anuncios no me funcionan", "unos 800 al mes",
                    "Claro, es Juan.Carlos@Example.com", "el jueves", "a las 2 de la tarde"},
                   {"2026-11-26T10:00:00-06:00", "2026-11-26T14:00:00-06:00", "2026-11-26T16:00:00-06:00"});
  auto en = record("en",
                   {"Hi, I want info about your services", "My name is Sarah O'Connor",
                    "Get more qualified leads every month", "Our ads are too expensive and nobody follows up",
                    "$1,500 per month", "sure, it's sarah@oconnor.ie", "next tuesday", "the 2:30pm one please"},
                   full_day("2026-12-01"));
  all.insert(all.end(), std::make_move_iterator(es.begin()), std::make_move_iterator(es.end()));
  all.insert(all.end(), std::make_move_iterator(en.begin()), std::make_move_iterator(en.end()));
  for (const auto& r : all) {
    benchmark::RegisterBenchmark(r.name.c_str(), [&r](benchmark::State& st) {
      std::size_t out_bytes = 0;
      for (auto _ : st) {
        std::string out = handle_json(r.request, config());
        out_bytes = out.size();
        benchmark::DoNotOptimize(out);
      }
      st.counters["in_B"] = static_cast<double>(r.request.size());
      st.counters["out_B"] = static_cast<double>(out_bytes);
    });
  }
}

// --- extractors alone -------------------------------------------------------

template <typename F>
void register_texts(const std::string& name, std::vector<std::pair<std::string, std::string>> cases, F f) {
  for (auto& [label, text] : cases) {
    benchmark::RegisterBenchmark((name + "/" + label).c_str(), [f, text = text](benchmark::State& st) {
      for (auto _ : st) {
        auto r = f(std::string_view(text));
        benchmark::DoNotOptimize(r);
      }
    });
  }
}

std::vector<booking::Slot> slots_of(const std::vector<std::string>& isos) {
  std::vector<booking::Slot> out;
  for (const auto& s : isos) out.push_back(*booking::parse_slot(s));
  return out;
}

void register_extractor_benchmarks() {
  using namespace booking;
  register_texts("extract_name", {{"es", "me llamo juan carlos"}, {"en", "My name is Sarah O'Connor"}},
                 [](std::string_view t) { return extract_name(t); });
  register_texts("extract_email",
                 {{"es", "Claro, es Juan.Carlos@Example.com"}, {"en", "sure, it's sarah@oconnor.ie"}},
                 [](std::string_view t) { return extract_email(t); });
  register_texts("extract_budget", {{"es", "unos 800 al mes"}, {"en", "$1,500 per month"}},
                 [](std::string_view t) { return extract_budget(t); });
  register_texts("bounded_answer/goal",
                 {{"es", "Conseguir más clientes por Instagram"}, {"en", "Get more qualified leads every month"}},
                 [](std::string_view t) { return bounded_answer(t, kGoalMaxChars); });
  register_texts("bounded_answer/pain",
                 {{"es", "No tengo tiempo para publicar y los anuncios no me funcionan"},
                  {"en", "Our ads are too expensive and nobody follows up"}},
                 [](std::string_view t) { return bounded_answer(t, kPainMaxChars); });
  const Date today{2026, 11, 25};
  const Weekdays bookable{false, false, true, true, true, true, false};
  register_texts("resolve_day",
                 {{"es", "el jueves"}, {"en", "next tuesday"}, {"es_date", "el 3 de diciembre por la mañana"}},
                 [today, bookable](std::string_view t) { return resolve_day(t, today, bookable); });
  static const auto three = slots_of({"2026-11-26T10:00:00-06:00", "2026-11-26T14:00:00-06:00",
                                      "2026-11-26T16:00:00-06:00"});
  static const auto five = slots_of({"2026-12-01T09:00:00-06:00", "2026-12-01T10:30:00-06:00",
                                     "2026-12-01T12:30:00-06:00", "2026-12-01T14:30:00-06:00",
                                     "2026-12-01T16:30:00-06:00"});
  register_texts("choose_slot/3", {{"es", "a las 2 de la tarde"}}, [](std::string_view t) { return choose_slot(t, three); });
  register_texts("choose_slot/5", {{"en", "the 2:30pm one please"}, {"en_ordinal", "the first one"}},
                 [](std::string_view t) { return choose_slot(t, five); });
  register_texts("detect_language",
                 {{"es", "Hola, quiero información"}, {"en", "Hi, I want info about your services"}},
                 [](std::string_view t) { return detect_language(t); });
  register_texts("detect_intent",
                 {{"es_none", "No tengo tiempo para publicar y los anuncios no me funcionan"},
                  {"en_none", "Our ads are too expensive and nobody follows up"},
                  {"es_human", "quiero hablar con una persona por favor"},
                  {"en_restart", "start over"}},
                 [](std::string_view t) { return detect_intent(t); });
}

}  // namespace

int main(int argc, char** argv) {
  register_handle_benchmarks();
  register_extractor_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
