// describe_json(): what the core tells the shell about itself is what it
// uses (the worker creates fields and bounds its loop from it; the build
// writes it to wasm/dist/describe.json for the emulator and ghl:setup).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "describe.hpp"
#include "engine.hpp"
#include "state.hpp"

namespace booking {
namespace {

TEST(Describe, ListsEveryStateFieldInOrderWithItsTypeAndTheResultLimit) {
  const auto d = nlohmann::json::parse(describe_json(), nullptr, false);
  ASSERT_FALSE(d.is_discarded());
  EXPECT_EQ(d["max_results"], kMaxResults);
  ASSERT_EQ(d["state_fields"].size(), kStateFields.size());
  for (std::size_t i = 0; i < kStateFields.size(); ++i) {
    EXPECT_EQ(d["state_fields"][i]["key"], std::string(kStateFields[i].key));
    EXPECT_EQ(d["state_fields"][i]["dataType"], std::string(kStateFields[i].data_type));
    EXPECT_TRUE(d["state_fields"][i]["dataType"] == "TEXT" || d["state_fields"][i]["dataType"] == "LARGE_TEXT");
  }
  EXPECT_EQ(d["state_fields"][0]["key"], "booking_step");
}

}  // namespace
}  // namespace booking
