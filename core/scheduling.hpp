// The handlers of the calendar steps (rows of the step table, steps.cpp).
#pragma once

#include <string_view>

#include "turn.hpp"

namespace booking {

void on_day(Turn& t, std::string_view text);
void on_time(Turn& t, std::string_view text);
void on_scheduled(Turn& t, std::string_view text);

}  // namespace booking
