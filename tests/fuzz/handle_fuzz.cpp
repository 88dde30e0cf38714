// libFuzzer target over the core's one entry point. Whatever the bytes,
// handle_json must return a JSON object and never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string out = booking::handle_json(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok")) std::abort();
  return 0;
}
