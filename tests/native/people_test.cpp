// Issue 13 through the whole core: a person's message pauses the bot, the
// cap on the bot's messages, one follow-up, and what stop and hand-off
// leave in GHL (DND, tags).
#include <gtest/gtest.h>

#include "conversation.hpp"

namespace booking::testing {
namespace {

// A Spanish lead at the goal step; the bot last heard from them at 10:30
// (conversation.hpp's clock).
Conversation at_goal() {
  Conversation c;
  c.fields = json{{"booking_step", "goal"}, {"language", "es"}, {"customer_name", "Ana"}, {"booking_attempts", "0"},
                  {"last_message_id", "m-0"}, {"last_interaction", "2026-11-25T10:30:00-06:00"}};
  return c;
}

const json kOutbound{{"event", "outbound"}};
json follow_up(const std::string& expect) { return json{{"event", "follow_up"}, {"expect", expect}}; }
json sent_today(long n) { return json{{"bot_messages_24h", n}}; }

TEST(People, APersonsMessagePausesTheBotForTheConfiguredHours) {
  auto c = at_goal();
  EXPECT_EQ(c.say("", "out-1", kOutbound), "");
  EXPECT_EQ(c.field("bot_paused_until"), "2026-11-26T10:30:00-06:00");
  EXPECT_TRUE(c.handled);
  // The lead's message is kept (its id and time), not answered, not read as an answer.
  EXPECT_EQ(c.say("Quiero más clientes", "m-1"), "");
  EXPECT_EQ(c.field("last_message_id"), "m-1");
  EXPECT_EQ(c.field("booking_step"), "goal");
  EXPECT_EQ(c.field("customer_goal"), "");
  // The pause passes: the bot answers again.
  c.now = "2026-11-26T10:31:00-06:00";
  EXPECT_EQ(c.say("Quiero más clientes", "m-2"), "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?");
}

TEST(People, APauseOfZeroHoursLastsUntilAPersonClearsIt) {
  auto c = at_goal();
  c.config = json{{"HUMAN_PAUSE_HOURS", "0"}};
  c.say("", "out-1", kOutbound);
  EXPECT_EQ(c.field("bot_paused_until"), "until_reset");
  c.now = "2026-12-25T10:30:00-06:00";
  EXPECT_EQ(c.say("hola?", "m-1"), "");
  c.fields["bot_paused_until"] = "";  // a person clears the field in GHL
  EXPECT_EQ(c.say("Quiero más clientes", "m-2"), "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?");
  // Whatever else a person writes there also pauses it.
  c.fields["bot_paused_until"] = "yes";
  EXPECT_EQ(c.say("hola", "m-3"), "");
}

TEST(People, AHandOffPausesAndTagsTheContact) {
  auto c = at_goal();
  EXPECT_EQ(c.say("quiero hablar con una persona"), "Claro, una persona de nuestro equipo te escribirá por aquí en breve.");
  EXPECT_EQ(c.field("booking_step"), "handoff");
  EXPECT_EQ(c.field("bot_paused_until"), "2026-11-26T10:30:00-06:00");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"bot-handoff"}));
}

TEST(People, StopSetsWhatsAppDndOnceConfirmedAndAnOptInClearsItFirst) {
  auto c = at_goal();
  c.say("no me escribas más");
  EXPECT_EQ(c.sent.back(), "Entendido, no te enviaremos más mensajes. ¡Gracias!");
  EXPECT_EQ(c.dnd, "active");
  ASSERT_EQ(c.thens.size(), 1u);
  EXPECT_EQ(c.thens[0]["type"], "set_dnd");
  EXPECT_EQ(c.say("quiero agendar"), "¡Hola! Soy María de AI Outlet Media. ¿Cuál es tu nombre?");
  EXPECT_EQ(c.dnd, "inactive");
  ASSERT_FALSE(c.commands.empty());
  EXPECT_EQ(c.commands[0]["type"], "set_dnd") << "before the welcome back";
  // If DND cannot be cleared, the lead is not welcomed back yet.
  auto d = at_goal();
  d.say("stop");
  d.failing.insert("set_dnd");
  d.say("START");
  EXPECT_EQ(d.field("booking_step"), "opted_out");
}

// The bot's messages to one contact in 24 hours, as the shell counts them.
struct CapCase {
  long sent;
  const char* message;
  const char* reply;  // "" = silence
  const char* step;
  bool tagged;
};

class Cap : public ::testing::TestWithParam<CapCase> {};

TEST_P(Cap, Table) {
  const auto& k = GetParam();
  auto c = at_goal();
  c.config = json{{"MAX_BOT_MESSAGES", "5"}};
  EXPECT_EQ(c.say(k.message, "m-1", sent_today(k.sent)), k.reply);
  EXPECT_EQ(c.field("booking_step"), k.step);
  EXPECT_EQ(c.field("last_message_id"), "m-1");
  EXPECT_EQ(c.tags, k.tagged ? std::vector<std::string>{"bot-cap-reached"} : std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(FiveAllowed, Cap, ::testing::Values(
    CapCase{0, "Más clientes", "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?", "pain", false},
    CapCase{3, "Más clientes", "Entiendo. ¿Cuál es el mayor desafío que enfrentas actualmente?", "pain", false},
    CapCase{4, "Más clientes",
            "Gracias por tu paciencia. Una persona de nuestro equipo seguirá la conversación contigo por aquí.", "goal",
            true},
    CapCase{5, "Más clientes", "", "goal", false},
    CapCase{9, "hola??", "", "goal", false},
    CapCase{5, "no me escribas más", "Entendido, no te enviaremos más mensajes. ¡Gracias!", "opted_out", false}));

// One follow-up to a lead who stopped answering.
struct FollowCase {
  const char* what;
  json fields;         // changes to the lead at the goal step
  const char* now;
  std::string expect;  // the last_message_id the follow-up was set for
  bool sent;
};
void PrintTo(const FollowCase& c, std::ostream* os) { *os << c.what; }

class FollowUp : public ::testing::TestWithParam<FollowCase> {};

TEST_P(FollowUp, Table) {
  const auto& k = GetParam();
  auto c = at_goal();
  c.fields.update(k.fields);
  c.now = k.now;
  const std::string reply = c.say("", "fu-1", follow_up(k.expect));
  if (k.sent) {
    EXPECT_EQ(reply, "¿Sigues por ahí? Te dejo la pregunta pendiente: Mucho gusto Ana. ¿Qué objetivos quieres lograr "
                     "para tu negocio?");
    EXPECT_EQ(c.field("follow_up_sent"), k.expect);
    EXPECT_EQ(c.field("last_message_id"), "m-0") << "a follow-up is not the lead's message";
    EXPECT_EQ(c.say("", "fu-2", follow_up(k.expect)), "") << "never twice in a row";
  } else {
    EXPECT_EQ(reply, "");
    EXPECT_EQ(c.field("follow_up_sent"), k.fields.value("follow_up_sent", "")) << "unchanged";
  }
}

INSTANTIATE_TEST_SUITE_P(Table, FollowUp, ::testing::Values(
    FollowCase{"four hours of silence", json::object(), "2026-11-25T14:30:00-06:00", "m-0", true},
    FollowCase{"the lead wrote since", json::object(), "2026-11-25T14:30:00-06:00", "m-older", false},
    FollowCase{"past WhatsApp's 24 hours", json::object(), "2026-11-26T10:31:00-06:00", "m-0", false},
    FollowCase{"paused for a person", json{{"bot_paused_until", "2026-11-26T10:30:00-06:00"}},
               "2026-11-25T14:30:00-06:00", "m-0", false},
    FollowCase{"already followed up", json{{"follow_up_sent", "m-0"}}, "2026-11-25T14:30:00-06:00", "m-0", false},
    FollowCase{"after the booking", json{{"booking_step", "scheduled"}}, "2026-11-25T14:30:00-06:00", "m-0", false},
    FollowCase{"after a stop", json{{"booking_step", "opted_out"}}, "2026-11-25T14:30:00-06:00", "m-0", false},
    FollowCase{"after a hand-off", json{{"booking_step", "handoff"}}, "2026-11-25T14:30:00-06:00", "m-0", false},
    FollowCase{"closed", json{{"booking_step", "complete"}}, "2026-11-25T14:30:00-06:00", "m-0", false}));

// REPLY_WAIT_MS: a burst of messages reaches the core as one, joined by new lines.
TEST(People, ABurstIsReadAsOneMessage) {
  Conversation name;
  name.fields = json{{"booking_step", "name"}, {"language", "es"}};
  EXPECT_EQ(name.say("Juan\nCarlos\nPérez"), "Mucho gusto Juan Carlos Pérez. ¿Qué objetivos quieres lograr para tu negocio?");
  Conversation hello;
  hello.fields = json{{"booking_step", "name"}, {"language", "es"}};
  EXPECT_EQ(hello.say("Hola!\nsoy Marta"), "Mucho gusto Marta. ¿Qué objetivos quieres lograr para tu negocio?");
  Conversation day;
  day.calendar.free["2026-11-26"] = {"2026-11-26T10:00:00-06:00", "2026-11-26T15:00:00-06:00"};
  day.fields = json{{"booking_step", "day"}, {"language", "es"}, {"customer_name", "Ana"}, {"customer_goal", "x"},
                    {"customer_pain_point", "y"}, {"customer_budget", "900"}, {"customer_email", "ana@acme.co"}};
  EXPECT_TRUE(day.say("el jueves\na las 3").starts_with("¡Perfecto! Tu cita está confirmada para el jueves 26 de noviembre a las 3pm."));
}

TEST(People, AFollowUpNeverTakesTheLastMessageUnderTheCap) {
  auto c = at_goal();
  c.config = json{{"MAX_BOT_MESSAGES", "5"}};
  c.now = "2026-11-25T14:30:00-06:00";
  json extra = follow_up("m-0");
  extra["bot_messages_24h"] = 4;
  EXPECT_EQ(c.say("", "fu-1", extra), "");
  extra["bot_messages_24h"] = 3;
  EXPECT_NE(c.say("", "fu-2", extra), "");
}

TEST(People, AStopIsHonouredWhilePaused) {
  auto c = at_goal();
  c.say("", "out-1", kOutbound);
  EXPECT_EQ(c.say("stop", "m-1"), "Entendido, no te enviaremos más mensajes. ¡Gracias!");
  EXPECT_EQ(c.field("booking_step"), "opted_out");
  EXPECT_EQ(c.dnd, "active");
}

TEST(People, APendingCancelThatFailsDoesNotStopAPause) {
  auto c = at_goal();
  c.fields["pending_cancel"] = "appt-x";
  c.failing.insert("cancel");
  EXPECT_EQ(c.say("", "out-1", kOutbound), "");
  EXPECT_EQ(c.field("bot_paused_until"), "2026-11-26T10:30:00-06:00");
  EXPECT_EQ(c.field("pending_cancel"), "appt-x");
}

TEST(People, TheDndAndTagsFollowARepliesDeliveredLate) {
  for (const char* mode : {"save-late", "send-late"}) {
    SCOPED_TRACE(mode);
    auto stop = at_goal();
    stop.failing.insert(mode);
    stop.say("no me escribas más");
    EXPECT_EQ(stop.sent, (std::vector<std::string>{"Entendido, no te enviaremos más mensajes. ¡Gracias!"}));
    EXPECT_EQ(stop.dnd, "active");
    auto person = at_goal();
    person.failing.insert(mode);
    person.say("quiero hablar con una persona");
    EXPECT_EQ(person.tags, (std::vector<std::string>{"bot-handoff"}));
  }
}

TEST(People, AFollowUpThatCannotBeSentIsDroppedQuietly) {
  auto c = at_goal();
  c.now = "2026-11-25T14:30:00-06:00";
  c.failing.insert("send");
  EXPECT_EQ(c.say("", "fu-1", follow_up("m-0")), "");
  EXPECT_TRUE(c.sent.empty());
  EXPECT_EQ(c.field("follow_up_sent"), "");
  EXPECT_EQ(c.last["outcome"], "ghl_failed");
}

}  // namespace
}  // namespace booking::testing
