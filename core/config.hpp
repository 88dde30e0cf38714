// The business's settings. Keys are the Worker's variable names, so an
// error can name exactly what the user must fix.
#pragma once

#include <string>

#include "day.hpp"
#include "language.hpp"

namespace booking {

struct Config {
  std::string agent_name = "María";             // AGENT_NAME
  std::string business_name = "AI Outlet Media";  // BUSINESS_NAME
  long min_budget = 300;                        // MIN_BUDGET, whole currency units per month
  Weekdays booking_days{false, false, true, true, true, true, false};  // BOOKING_DAYS: Tue-Fri
  Lang default_language = Lang::es;             // DEFAULT_LANGUAGE
};

// Each setter returns an empty string when the value is fine, else an
// error message that names the variable ("BOOKING_DAYS: unknown day 'xyz'").
std::string set_min_budget(Config& c, std::string_view value);
// "tue,wed,thu,fri", "2,3,4,5" (0 = Sunday), Spanish names, or ranges "tue-fri".
std::string set_booking_days(Config& c, std::string_view value);
std::string set_default_language(Config& c, std::string_view value);

}  // namespace booking
