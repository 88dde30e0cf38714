#include "state.hpp"

namespace booking {

std::vector<std::pair<std::string_view, std::string>> changed_fields(const State& before,
                                                                     const State& after) {
  std::vector<std::pair<std::string_view, std::string>> out;
  for (const auto& [key, member, type] : kStateFields) {
    if (before.*member != after.*member) out.emplace_back(key, after.*member);
  }
  return out;
}

}  // namespace booking
