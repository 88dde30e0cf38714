// The JSON entry point: malformed requests, bad config, and input no
// person would send. None may crash, throw, or move the conversation on.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "conversation.hpp"
#include "engine.hpp"
#include "text.hpp"

namespace booking::testing {
namespace {

json handle(const std::string& request) { return json::parse(handle_json(request)); }

TEST(Protocol, RejectsMalformedRequestsWithAReason) {
  struct Case {
    std::string request;
    std::string error;
  } cases[] = {
      {"", "bad_request"},
      {"not json", "bad_request"},
      {"[1,2]", "bad_request"},
      {R"({"state": {}, "message": "hi", "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "yesterday"})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "results": {}})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "results": [{"id": 1, "type": "nope"}]})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "results": [{"id": 1, "type": "slots"}]})", "bad_request"},
      // A state that is not an object is refused, not read as empty.
      {R"({"message": {"text": "hi"}, "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": [], "message": {"text": "hi"}, "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": "name", "message": {"text": "hi"}, "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": null, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": {}, "saved": 3, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00"})", "bad_request"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"MIN_BUDGET": "cheap"}})", "config"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"BOOKING_DAYS": "funday"}})", "config"},
      {R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"DEFAULT_LANGUAGE": "fr"}})", "config"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.request);
    const json out = handle(c.request);
    EXPECT_EQ(out["ok"], false);
    EXPECT_EQ(out["error"], c.error);
    EXPECT_FALSE(out["message"].get<std::string>().empty());
  }
}

TEST(Protocol, ConfigErrorsNameTheVariable) {
  const json out = handle(R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"BOOKING_DAYS": "funday"}})");
  EXPECT_NE(out["message"].get<std::string>().find("BOOKING_DAYS"), std::string::npos);
}

// The Worker reads its settings into each WebAssembly instance once
// (booking_configure); the answers must be exactly those of a request
// that carries the same settings itself.
TEST(Protocol, SettingsReadOnceAnswerAsSettingsInEachRequest) {
  const std::string settings[] = {
      R"({})",
      R"({"AGENT_NAME": "Sofía", "BUSINESS_NAME": "Growth Lab", "MIN_BUDGET": 1000, "BOOKING_DAYS": "mon,wed,fri", "DEFAULT_LANGUAGE": "en"})",
      R"({"REPLIES": "{\"es\": {\"ask_goal\": \"¿Y qué buscas lograr?\"}}"})",
  };
  const std::string requests[] = {
      R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00")",
      R"({"state": {"booking_step": "name", "language": "es"}, "message": {"id": "m2", "text": "soy Ana"}, "now": "2026-11-25T10:00:00-06:00")",
      R"({"state": {"booking_step": "budget", "language": "en", "customer_name": "Ann", "customer_goal": "Sell", "customer_pain_point": "Ads"}, "message": {"id": "m3", "text": "about 500 a month"}, "now": "2026-11-25T10:00:00-06:00")",
      R"({"state": {"booking_step": "goal"}, "message": {"id": "m4", "text": "x"}, "now": "yesterday")",
  };
  for (const auto& cfg : settings) {
    Config c;
    ASSERT_EQ(configure_json(cfg, c), "") << cfg;
    for (const auto& r : requests) {
      SCOPED_TRACE(cfg + " " + r);
      const std::string once = handle_json(r + "}", c);
      EXPECT_EQ(once, handle_json(r + R"(, "config": )" + cfg + "}"));
      EXPECT_NE(once.find("\"ok\""), std::string::npos);
    }
  }
}

TEST(Protocol, ConfigureRefusesBadSettingsAndKeepsTheEarlierOnes) {
  struct Case {
    std::string settings;
    std::string names;  // what the message must name
  } cases[] = {
      {"", "JSON"},
      {"not json", "JSON"},
      {"[1]", "object"},
      {"null", "object"},
      {R"({"MIN_BUDGET": "cheap"})", "MIN_BUDGET"},
      {R"({"BOOKING_DAYS": "funday"})", "BOOKING_DAYS"},
      {R"({"DEFAULT_LANGUAGE": "fr"})", "DEFAULT_LANGUAGE"},
      {R"({"REPLIES": "{\"es\": {\"offer_slots\": \"nada\"}}"})", "REPLIES"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.settings);
    Config cfg;
    ASSERT_EQ(configure_json(R"({"AGENT_NAME": "Sofía", "MIN_BUDGET": "700"})", cfg), "");
    const std::string e = configure_json(c.settings, cfg);
    EXPECT_NE(e.find(c.names), std::string::npos) << e;
    EXPECT_EQ(cfg.agent_name, "Sofía");
    EXPECT_EQ(cfg.min_budget, 700);
  }
}

TEST(Protocol, AConfiguredCallRefusesARequestThatCarriesConfig) {
  Config c;
  ASSERT_EQ(configure_json("{}", c), "");
  const json out = json::parse(handle_json(
      R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"AGENT_NAME": "Sofía"}})", c));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"], "bad_request");
  EXPECT_NE(out["message"].get<std::string>().find("config"), std::string::npos);
}

TEST(Protocol, ASaveAndSendCarriesItsIdUpdatesReplyAndHandled) {
  const json out = handle(R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00"})");
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["id"], 1);
  EXPECT_EQ(out["handled"], true);
  EXPECT_EQ(out["step"], "name");
  EXPECT_EQ(out["language"], "es");
  EXPECT_EQ(out["outcome"], "advanced");
  EXPECT_FALSE(out.contains("command"));
  EXPECT_EQ(out["updates"]["booking_step"], "name");
  EXPECT_EQ(out["updates"]["last_message_id"], "m1");
  EXPECT_EQ(out["updates"]["last_interaction"], "2026-11-25T10:00:00-06:00");
  EXPECT_FALSE(out["updates"].contains("customer_name")) << "only changed fields are written";
}

// A state at the time step with two slots offered on Thursday 26.
const char* kTimeState =
    R"("state": {"booking_step": "time", "language": "es", "customer_name": "Ana", "customer_goal": "Vender",
        "customer_pain_point": "Tráfico", "customer_budget": "900", "customer_email": "ana@x.com",
        "preferred_day": "2026-11-26", "offered_slots": "2026-11-26T10:00:00-06:00,2026-11-26T14:00:00-06:00"},
        "message": {"id": "m9", "text": "a las 10"}, "now": "2026-11-25T10:00:00-06:00")";

json at_time(const std::string& results) { return handle(std::string("{") + kTimeState + ", \"results\": [" + results + "]}"); }

TEST(Protocol, APerformCarriesTheCommandWithItsIdAndNothingElse) {
  const json out = at_time("");
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"], (json{{"id", 1}, {"type", "book"}, {"slot", "2026-11-26T10:00:00-06:00"}, {"title", "Llamada con Ana"}}));
  EXPECT_EQ(out["handled"], false);
  EXPECT_FALSE(out.contains("updates"));
  EXPECT_FALSE(out.contains("reply"));
  EXPECT_EQ(out["step"], "time");
}

TEST(Protocol, ResultsMustAnswerTheActionOfTheirRound) {
  const std::string booked = R"({"id": 1, "type": "booked", "appointment_id": "a1", "slot": "2026-11-26T10:00:00-06:00"})";
  EXPECT_EQ(at_time(booked)["action"], "save_and_send");
  EXPECT_EQ(at_time(booked)["step"], "scheduled");
  struct Case {
    const char* what;
    std::string results;
  } refused[] = {
      {"a booked slot that was never offered",
       R"({"id": 1, "type": "booked", "appointment_id": "a1", "slot": "2026-11-26T16:00:00-06:00"})"},
      {"a booked slot that was offered but not asked for",
       R"({"id": 1, "type": "booked", "appointment_id": "a1", "slot": "2026-11-26T14:00:00-06:00"})"},
      {"slots when a booking was asked for", R"({"id": 1, "type": "slots", "date": "2026-11-26", "slots": []})"},
      {"a cancel nobody asked for", R"({"id": 1, "type": "cancelled"})"},
      {"a wrong id", R"({"id": 2, "type": "booked", "appointment_id": "a1", "slot": "2026-11-26T10:00:00-06:00"})"},
      {"no id", R"({"type": "booked", "appointment_id": "a1", "slot": "2026-11-26T10:00:00-06:00"})"},
      {"an id that is not a whole number", R"({"id": 1.5, "type": "failed"})"},
      {"a success reported for a save-and-send", booked + "," + R"({"id": 2, "type": "sent"})"},
      {"a read failure that is not first", booked + "," + R"({"id": 0, "type": "failed", "during": "read"})"},
      {"id 0 that is not a read failure", R"({"id": 0, "type": "cancelled"})"},
  };
  for (const auto& c : refused) {
    SCOPED_TRACE(c.what);
    const json out = at_time(c.results);
    EXPECT_EQ(out["ok"], false);
    EXPECT_EQ(out["error"], "bad_request");
  }
  // A greeting whose reply and then try-again reply both failed: the third
  // round sends nothing, so a third result answers nothing.
  const std::string greeting = R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00", "results": [)";
  const std::string two = R"({"id": 1, "type": "failed", "during": "send"}, {"id": 2, "type": "failed", "during": "send"})";
  EXPECT_EQ(handle(greeting + two + "]}")["action"], "nothing");
  EXPECT_EQ(handle(greeting + two + R"(, {"id": 3, "type": "failed", "during": "send"}]})")["ok"], false);
}

TEST(Protocol, TheCoreDecidesWhatAFailedBookingMeans) {
  // GHL's "slot no longer available" (400 or 409 naming the slot): fresh times are fetched.
  for (const int status : {400, 409}) {
    const json out = at_time(fmt::format(R"({{"id": 1, "type": "failed", "status": {}, "error": "The slot you have selected is no longer available."}})", status));
    EXPECT_EQ(out["action"], "perform");
    EXPECT_EQ(out["command"], (json{{"id", 2}, {"type", "fetch_slots"}, {"date", "2026-11-26"}, {"until", "2026-11-26"}}));
  }
  // Any other failure: try again later, nothing saved, not handled.
  for (const char* failed : {R"({"id": 1, "type": "failed", "status": 500, "error": "slot service down"})",
                             R"({"id": 1, "type": "failed", "status": 400, "error": "Invalid calendar"})",
                             R"({"id": 1, "type": "failed"})"}) {
    SCOPED_TRACE(failed);
    const json out = at_time(failed);
    EXPECT_EQ(out["action"], "save_and_send");
    EXPECT_EQ(out["handled"], false);
    EXPECT_EQ(out["outcome"], "ghl_failed");
    EXPECT_EQ(out["updates"], json::object());
    EXPECT_EQ(out["reply"], "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  }
}

TEST(Protocol, AFailedSendIsUndoneAndRetriedOnceThenNothing) {
  const std::string booked = R"({"id": 1, "type": "booked", "appointment_id": "a1", "slot": "2026-11-26T10:00:00-06:00"})";
  // The booking was saved but its confirmation not delivered: cancel the booking first.
  json out = at_time(booked + "," + R"({"id": 2, "type": "failed", "during": "send"})");
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"], (json{{"id", 3}, {"type", "cancel"}, {"appointment_id", "a1"}}));
  // Then undo the save and say try again.
  out = at_time(booked + "," + R"({"id": 2, "type": "failed", "during": "send"}, {"id": 3, "type": "cancelled"})");
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["id"], 4);
  EXPECT_EQ(out["handled"], false);
  // If the undo fails, the step GHL holds confirms a cancelled call: the
  // undo is tried once more, and then nothing is said (never a
  // confirmation of a cancelled call; chaos seed 32).
  const std::string undo_failed = booked + "," + R"({"id": 2, "type": "failed", "during": "send"}, {"id": 3, "type": "cancelled"},
                {"id": 4, "type": "failed", "during": "save", "status": 500})";
  out = at_time(undo_failed);
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["reply"], "Lo siento, tuvimos un problema técnico. Por favor, intenta de nuevo en unos minutos.");
  EXPECT_EQ(out["outcome"], "ghl_failed");
  out = at_time(undo_failed + R"(, {"id": 5, "type": "failed", "during": "save", "status": 500})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "ghl_failed");
  // If that reply fails too, nothing more is sent.
  out = at_time(booked + "," + R"({"id": 2, "type": "failed", "during": "send"}, {"id": 3, "type": "cancelled"},
                {"id": 4, "type": "failed", "during": "send"})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["handled"], false);
}

// GHL timed out after the request went out: the core looks before it
// decides, and never books or sends twice on a guess.
TEST(Protocol, ABookingWhoseAnswerWasLostIsLookedForBeforeAnythingElse) {
  const std::string lost = R"({"id": 1, "type": "failed", "status": 0, "error": "timeout", "unknown": true})";
  json out = at_time(lost);
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"], (json{{"id", 2}, {"type", "find_booking"}, {"slot", "2026-11-26T10:00:00-06:00"}}));
  // Found: it is the lead's booking, confirmed as if the answer had arrived.
  out = at_time(lost + R"(, {"id": 2, "type": "booking_found", "appointment_id": "a7"})");
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["step"], "scheduled");
  EXPECT_EQ(out["updates"]["appointment_id"], "a7");
  EXPECT_EQ(out["handled"], true);
  // Not there: a plain failure, try again later, no second booking.
  out = at_time(lost + R"(, {"id": 2, "type": "booking_found"})");
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["outcome"], "ghl_failed");
  EXPECT_EQ(out["handled"], false);
  // The look-up failed: look once more; failed twice: try again later.
  out = at_time(lost + R"(, {"id": 2, "type": "failed", "status": 503})");
  EXPECT_EQ(out["command"], (json{{"id", 3}, {"type", "find_booking"}, {"slot", "2026-11-26T10:00:00-06:00"}}));
  out = at_time(lost + R"(, {"id": 2, "type": "failed", "status": 503}, {"id": 3, "type": "failed", "status": 503})");
  EXPECT_EQ(out["outcome"], "ghl_failed");
  // A failed look, then one that finds it: adopted (the failed look is not
  // a failure of the message, chaos seed 8).
  out = at_time(lost + R"(, {"id": 2, "type": "failed", "status": 429}, {"id": 3, "type": "booking_found", "appointment_id": "a7"})");
  EXPECT_EQ(out["step"], "scheduled");
  EXPECT_EQ(out["updates"]["appointment_id"], "a7");
  EXPECT_EQ(out["handled"], true);
  // A known failure (GHL answered 500) is not looked for.
  EXPECT_EQ(at_time(R"({"id": 1, "type": "failed", "status": 500})")["outcome"], "ghl_failed");
}

TEST(Protocol, AReplyWhoseSendTimedOutIsLookedForNotSentAgain) {
  const std::string greeting = R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00", "results": [)";
  const std::string lost = R"({"id": 1, "type": "failed", "during": "send", "unknown": true})";
  json out = handle(greeting + lost + "]}");
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"]["type"], "find_reply");
  EXPECT_EQ(out["command"]["text"], "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  // Delivered: done, as the first answer said (nothing more sent or undone).
  out = handle(greeting + lost + R"(, {"id": 2, "type": "reply_found", "found": true}]})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["handled"], true);
  // Not there yet: GHL may still be writing a send it took late, so it
  // looks once more before it takes the send as failed.
  const std::string not_there = R"(, {"id": 2, "type": "reply_found", "found": false})";
  out = handle(greeting + lost + not_there + "]}");
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"]["type"], "find_reply");
  out = handle(greeting + lost + not_there + R"(, {"id": 3, "type": "reply_found", "found": true}]})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "delivered");
  // A failed look, then one that finds it: delivered, nothing more sent.
  out = handle(greeting + lost + R"(, {"id": 2, "type": "failed", "status": 429}, {"id": 3, "type": "reply_found", "found": true}]})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "delivered");
  EXPECT_EQ(out["handled"], true);
  // Twice not there (after a failed look, or not): GHL may still deliver
  // it, so nothing else is sent in this webhook. The save is undone (here
  // nothing was saved), the message is not handled, and the answer says
  // the reply may have been sent, for the shell to remember.
  for (const std::string& looks : std::vector<std::string>{R"(, {"id": 2, "type": "failed", "status": 429}, {"id": 3, "type": "reply_found", "found": false},
                                      {"id": 4, "type": "reply_found", "found": false})",
                                  not_there + R"(, {"id": 3, "type": "reply_found", "found": false})"}) {
    out = handle(greeting + lost + looks + "]}");
    EXPECT_EQ(out["action"], "nothing");
    EXPECT_EQ(out["outcome"], "ghl_failed");
    EXPECT_EQ(out["handled"], false);
    EXPECT_EQ(out["maybe_sent"], true);
  }
  // The look failed twice: still unknown, so the same (never a second
  // copy; the redelivery looks again).
  out = handle(greeting + lost + R"(, {"id": 2, "type": "failed", "status": 429}, {"id": 3, "type": "failed", "status": 0, "unknown": true}]})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "ghl_failed");
  EXPECT_EQ(out["handled"], false);
  EXPECT_EQ(out["maybe_sent"], true);
  // Delivered, found at once: no maybe_sent.
  EXPECT_FALSE(handle(greeting + lost + R"(, {"id": 2, "type": "reply_found", "found": true}]})").contains("maybe_sent"));
}

// The undo after a reply that may have been sent, itself answered late:
// each round is checked against what GHL held then (chaos seed 1 found the
// replay using the last `saved` for every round and refusing the results).
TEST(Protocol, AnUndoWhoseAnswerWasLostIsCheckedLikeAnySave) {
  const json state{{"booking_step", "goal"}, {"language", "es"}, {"customer_name", "Ana"}};
  const std::string head = R"({"state": )" + state.dump() + R"(, "message": {"id": "m2", "text": "Vender"}, "now": "2026-11-25T10:00:00-06:00")";
  const std::string results = R"(, "results": [{"id": 1, "type": "failed", "during": "send", "unknown": true},
      {"id": 2, "type": "reply_found", "found": false}, {"id": 3, "type": "reply_found", "found": false})";
  // What the shell sends: the save of round 1 went through, so saved was its target.
  json after_save = state;
  const json first = handle(head + "}");
  for (auto& [k, v] : first["updates"].items()) after_save[k] = v;
  json out = handle(head + R"(, "saved": )" + after_save.dump() + results + "]}");
  ASSERT_EQ(out["action"], "save_and_send") << out.dump();
  EXPECT_EQ(out["updates"]["booking_step"], "goal") << "the undo";
  EXPECT_EQ(out["reply"], nullptr);
  EXPECT_EQ(out["maybe_sent"], true);
  // The undo's answer is lost too: the shell takes it as made (saved = the
  // state again); the core reads the contact.
  out = handle(head + R"(, "saved": )" + state.dump() + results + R"(, {"id": 4, "type": "failed", "during": "save", "unknown": true}]})");
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"]["type"], "read_contact");
}

// The same message again after an attempt that said maybe_sent: the reply
// it would send is looked for first, and not sent twice.
TEST(Protocol, AMessageWhoseReplyMayHaveBeenSentLooksForItFirst) {
  const std::string head = R"({"state": {}, "message": {"id": "m1", "text": "hola", "maybe_sent": true}, "now": "2026-11-25T10:00:00-06:00", "results": [)";
  const std::string greeting = "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?";
  struct Case {
    std::string name, results, action, outcome;
    bool reply;
  } cases[] = {
      {"first, a look for the reply", "", "perform", "command", false},
      {"found: saved as if just sent, not sent again", R"({"id": 1, "type": "reply_found", "found": true})", "save_and_send",
       "delivered_earlier", false},
      {"not there: sent", R"({"id": 1, "type": "reply_found", "found": false})", "save_and_send", "advanced", true},
      {"a failed look is tried once more", R"({"id": 1, "type": "failed", "status": 502})", "perform", "command", false},
      {"two failed looks: sent", R"({"id": 1, "type": "failed", "status": 502}, {"id": 2, "type": "failed", "unknown": true})",
       "save_and_send", "advanced", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json out = handle(head + c.results + "]}");
    ASSERT_EQ(out["ok"], true) << out.dump();
    EXPECT_EQ(out["action"], c.action);
    EXPECT_EQ(out["outcome"], c.outcome);
    if (c.action == "perform") {
      EXPECT_EQ(out["command"]["type"], "find_reply");
      EXPECT_EQ(out["command"]["text"], greeting);
      continue;
    }
    EXPECT_EQ(out["reply"].is_string(), c.reply);
    if (c.reply) {
      EXPECT_EQ(out["reply"], greeting);
    }
    EXPECT_EQ(out["updates"]["booking_step"], "name") << "saved either way";
    EXPECT_EQ(out["handled"], true);
  }
  // Without maybe_sent nothing is looked for.
  EXPECT_EQ(handle(R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00"})")["action"],
            "save_and_send");
}

TEST(Protocol, ASaveWhoseAnswerWasLostIsCheckedByReadingTheContact) {
  const json state{{"booking_step", "goal"}, {"language", "es"}, {"customer_name", "Ana"}};
  const std::string head = R"({"state": )" + state.dump() + R"(, "message": {"id": "m2", "text": "Vender"}, "now": "2026-11-25T10:00:00-06:00")";
  const json first = handle(head + "}");
  ASSERT_EQ(first["action"], "save_and_send");
  json applied = state;  // the contact as the save leaves it
  for (auto& [k, v] : first["updates"].items()) applied[k] = v;
  // The shell reports what GHL may now hold in `saved`.
  const std::string lost = R"(, "saved": )" + applied.dump() + R"(, "results": [{"id": 1, "type": "failed", "during": "save", "unknown": true})";
  struct Case {
    std::string name, results, action, outcome;
    bool reply, handled;
    json updates;
  } cases[] = {
      {"first, the contact is read", "", "perform", "command", false, false, nullptr},
      {"GHL made it: the reply follows, nothing undone", R"(, {"id": 2, "type": "contact", "fields": )" + applied.dump() + "}",
       "save_and_send", "saved_late", true, true, json::object()},
      {"GHL did not: try again (the shell's saved is the read, nothing to undo)",
       R"(, {"id": 2, "type": "contact", "fields": )" + state.dump() + "}", "save_and_send", "ghl_failed", true, false, nullptr},
      {"a read that failed is tried once more", R"(, {"id": 2, "type": "failed", "status": 502})", "perform", "command", false,
       false, nullptr},
      {"two failed reads: undone blind", R"(, {"id": 2, "type": "failed", "status": 502}, {"id": 3, "type": "failed", "unknown": true})",
       "save_and_send", "ghl_failed", true, false, json{{"booking_step", "goal"}, {"customer_goal", ""}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json out = handle(head + lost + c.results + "]}");
    ASSERT_EQ(out["ok"], true) << out.dump();
    EXPECT_EQ(out["action"], c.action);
    EXPECT_EQ(out["outcome"], c.outcome);
    if (c.action == "perform") {
      EXPECT_EQ(out["command"]["type"], "read_contact");
      continue;
    }
    EXPECT_EQ(out["reply"].is_string(), c.reply);
    EXPECT_EQ(out["handled"], c.handled);
    if (c.handled) {
      EXPECT_EQ(out["reply"], first["reply"]);
    }
    if (c.updates.is_object()) {
      for (auto& [k, v] : c.updates.items()) EXPECT_EQ(out["updates"][k], v) << k;
      if (c.updates.empty()) {
        EXPECT_TRUE(out["updates"].empty()) << out["updates"].dump();
      }
    }
  }
  // A contact result must carry the fields.
  const json bad = handle(head + lost + R"(, {"id": 2, "type": "contact"}]})");
  EXPECT_EQ(bad["error"], "bad_request");
}

TEST(Protocol, ARedeliveryIsNothingAndHandled) {
  const json out = handle(R"({"state": {"booking_step": "goal", "last_message_id": "m1"}, "message": {"id": "m1", "text": "hola"},
      "now": "2026-11-25T10:00:00-06:00"})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "duplicate");
  EXPECT_EQ(out["handled"], true);
}

// A redelivery whose answer GHL holds, but whose reply may never have
// reached the lead (the earlier attempt said maybe_sent): the question of
// the step GHL holds is looked for, and asked when it is not there.
TEST(Protocol, ARedeliveryWhoseReplyMayBeMissingReasksTheHeldStep) {
  const std::string head = R"({"state": {"booking_step": "goal", "language": "es", "customer_name": "Ana", "last_message_id": "m1"},
      "message": {"id": "m1", "text": "soy Ana", "maybe_sent": true}, "now": "2026-11-25T10:00:00-06:00", "results": [)";
  const std::string ask_goal = "Mucho gusto Ana. ¿Qué objetivos quieres lograr para tu negocio?";
  json out = handle(head + "]}");
  EXPECT_EQ(out["action"], "perform");
  EXPECT_EQ(out["command"]["type"], "find_reply");
  EXPECT_EQ(out["command"]["text"], ask_goal);
  out = handle(head + R"({"id": 1, "type": "reply_found", "found": true}]})");
  EXPECT_EQ(out["action"], "nothing");
  EXPECT_EQ(out["outcome"], "duplicate");
  EXPECT_EQ(out["handled"], true);
  out = handle(head + R"({"id": 1, "type": "reply_found", "found": false}]})");
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["reply"], ask_goal);
  EXPECT_TRUE(out["updates"].empty());
  EXPECT_EQ(out["handled"], true);
}

TEST(Protocol, AFailedReadIsResultZero) {
  const json out = handle(R"({"state": {}, "message": {"id": "m1", "text": "hola"}, "now": "2026-11-25T10:00:00-06:00",
      "results": [{"id": 0, "type": "failed", "during": "read"}]})");
  EXPECT_EQ(out["action"], "save_and_send");
  EXPECT_EQ(out["id"], 1);
  EXPECT_EQ(out["handled"], false);
  EXPECT_EQ(out["updates"], json::object());
}

TEST(Protocol, NumbersStoredInFieldsAreRead) {
  const json out = handle(R"({"state": {"booking_step": "email", "language": "en", "customer_name": "Tom",
      "customer_goal": "Grow", "customer_pain_point": "Time", "customer_budget": 900},
      "message": {"text": "tom@x.com"}, "now": "2026-11-25T10:00:00-06:00"})");
  EXPECT_EQ(out["step"], "day");
}

TEST(Protocol, UnknownMembersAndRepeatedKeysAreReadAsNlohmannWould) {
  // Unknown members (nested or not) are skipped; a repeated key keeps its last value.
  const json out = handle(R"({"extra": {"a": [1, {"b": [2, 3]}], "c": null}, "state": {"booking_step": "goal"},
      "state": {"booking_step": "email", "language": "en", "customer_name": "Tom", "customer_goal": "Grow",
                "customer_pain_point": "Time", "customer_budget": 900, "other": {"x": [1]}},
      "message": {"text": "ignored"}, "message": {"id": "m7", "text": "tom@x.com", "meta": [true, false]},
      "config": {"MIN_BUDGET": 1000, "MIN_BUDGET": "800"}, "now": "2026-11-25T10:00:00-06:00"})");
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["step"], "day");
  EXPECT_EQ(out["updates"]["last_message_id"], "m7");
}

TEST(Protocol, TooManyResultsAreRefused) {
  std::string results;
  for (int i = 0; i < 9; ++i) results += std::string(i ? "," : "") + R"({"type": "cancelled"})";
  const json out = handle(R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "results": [)" + results + "]}");
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"], "bad_request");
}

TEST(Protocol, RepliesWithQuotesBackslashesAndControlCharactersRoundTrip) {
  const std::string agent = R"(Ma\"ría\\ \u0001\t😀)";  // JSON-escaped
  const json out = handle(R"({"state": {}, "message": {"text": "hi"}, "now": "2026-11-25T10:00:00", "config": {"AGENT_NAME": ")" +
                          agent + R"("}})");
  ASSERT_EQ(out["ok"], true);
  EXPECT_EQ(out["reply"], std::string("Hi! I'm Ma\"ría\\ \x01\t😀 from AI Outlet Media. What's your name?"));
}

// Every step where an answer is parsed, with a complete state for it.
json state_at(const std::string& step) {
  json s{{"booking_step", step}, {"language", "es"}, {"customer_name", "Ana"}, {"customer_goal", "Vender"},
         {"customer_pain_point", "Tráfico"}, {"customer_budget", "900"}, {"customer_email", "ana@x.com"},
         {"preferred_day", "2026-11-26"}, {"offered_slots", "2026-11-26T10:00:00-06:00,2026-11-26T14:00:00-06:00"}};
  return s;
}

const char* kSteps[] = {"name", "goal", "pain", "budget", "email", "day", "time"};

// Hostile text fed straight to the engine (bypassing JSON, which would
// reject invalid UTF-8 before the engine saw it).
void expect_stays(const std::string& step, const std::string& text) {
  Input in;
  const json s = state_at(step);
  for (const auto& [key, member, type] : kStateFields) {
    if (s.contains(std::string(key))) in.state.*member = s[std::string(key)].get<std::string>();
  }
  in.saved = in.state;
  in.message.text = text;
  in.today = Date{2026, 11, 25};
  in.now = "2026-11-25T10:00:00-06:00";
  const Decision d = decide(in);
  EXPECT_EQ(d.target.booking_step, step) << "text of " << text.size() << " bytes moved " << step;
  EXPECT_EQ(d.command.kind, Command::Kind::none);
  ASSERT_TRUE(d.reply.has_value());
  EXPECT_TRUE(is_valid_utf8(*d.reply));
}

TEST(Robustness, InvalidUtf8NeverMovesTheStep) {
  for (const char* step : kSteps) {
    SCOPED_TRACE(step);
    expect_stays(step, "\xC3\x28");
    expect_stays(step, "Ana \xFF\xFE 500 ana@x.com jueves 10am");
    expect_stays(step, "\xED\xA0\x80");  // a UTF-16 surrogate encoded in UTF-8
    expect_stays(step, "\xF0\x9F\x98");  // a cut emoji
  }
}

TEST(Robustness, ControlAndJsonSpecialCharactersNeverMoveTheStep) {
  for (const char* step : kSteps) {
    SCOPED_TRACE(step);
    expect_stays(step, std::string("\x01\x02\x03\x1b[0m\x7f", 8));
    expect_stays(step, std::string("\0\0\0", 3));
    expect_stays(step, R"("}]{\\"[)");
  }
}

TEST(Robustness, HundredKilobyteMessagesNeverMoveTheStep) {
  for (const char* step : kSteps) {
    SCOPED_TRACE(step);
    expect_stays(step, std::string(100 * 1024, 'a'));
    std::string mixed;
    while (mixed.size() < 100 * 1024) mixed += "Ana 500 ana@x.com jueves 10am ñ ";
    expect_stays(step, mixed);
  }
}

TEST(Robustness, RandomBytesNeverCrashOrMoveTheStep) {
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 300; ++round) {
    std::string text(next() % 600 + 8, '\0');
    for (auto& ch : text) ch = static_cast<char>(next() >> 24);
    if (is_valid_utf8(text)) continue;  // random valid UTF-8 may be a real answer
    expect_stays(kSteps[round % 7], text);
  }
}

TEST(Robustness, RandomJsonRequestsNeverCrash) {
  std::uint32_t seed = 777;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  const std::string base =
      R"({"state": {"booking_step": "time", "offered_slots": "2026-11-26T10:00:00-06:00"}, "message": {"id": "1", "text": "10am"}, "results": [{"id": 1, "type": "booked", "appointment_id": "a", "slot": "2026-11-26T10:00:00-06:00"}], "now": "2026-11-25T10:00:00-06:00"})";
  for (int round = 0; round < 2000; ++round) {
    std::string req = base;
    for (int k = 0; k < 4; ++k) req[next() % req.size()] = static_cast<char>(next() >> 24);
    const json out = handle(req);  // must parse: always a JSON object back
    EXPECT_TRUE(out.contains("ok"));
  }
}

}  // namespace
}  // namespace booking::testing
