#include "step.hpp"

#include <array>
#include <utility>

namespace booking {
namespace {
constexpr std::array<std::pair<Step, std::string_view>, 12> kSteps{{
    {Step::greeting, "greeting"},
    {Step::name, "name"},
    {Step::goal, "goal"},
    {Step::pain, "pain"},
    {Step::budget, "budget"},
    {Step::email, "email"},
    {Step::day, "day"},
    {Step::time, "time"},
    {Step::scheduled, "scheduled"},
    {Step::complete, "complete"},
    {Step::opted_out, "opted_out"},
    {Step::handoff, "handoff"},
}};
}  // namespace

std::string_view to_string(Step s) {
  for (const auto& [step, name] : kSteps) {
    if (step == s) return name;
  }
  return "greeting";
}

bool parse_step(std::string_view s, Step& out) {
  if (s.empty()) {
    out = Step::greeting;
    return true;
  }
  for (const auto& [step, name] : kSteps) {
    if (name == s) {
      out = step;
      return true;
    }
  }
  return false;
}

}  // namespace booking
