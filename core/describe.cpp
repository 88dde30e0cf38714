#include "describe.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "engine.hpp"
#include "state.hpp"
#include "small_code.hpp"

BOOKING_SMALL_CODE_BEGIN

namespace booking {

std::string describe_json() {
  // Keys and types are plain identifiers: no JSON escaping needed.
  std::string out = fmt::format(FMT_COMPILE("{{\"max_results\":{},\"state_fields\":["), kMaxResults);
  for (std::size_t i = 0; i < kStateFields.size(); ++i) {
    out += fmt::format(FMT_COMPILE("{}{{\"key\":\"{}\",\"dataType\":\"{}\"}}"), i ? "," : "", kStateFields[i].key,
                       kStateFields[i].data_type);
  }
  out += "]}";
  return out;
}

}  // namespace booking

BOOKING_SMALL_CODE_END
