// The step table, in the spirit of python-hyper/h11's _state.py: one row
// per step says what it asks, how it reads an answer, which field that
// fills, where it goes next, what it needs before it, and who handles a
// message there. decide() (engine.cpp) only walks this table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config.hpp"
#include "state.hpp"
#include "step.hpp"
#include "turn.hpp"

namespace booking {

struct StepRow {
  Step step;
  std::string_view name;  // the booking_step value
  // The question that collects this step's data, for a rewind (null: it collects nothing).
  std::string (*ask)(Lang, const Config&, const State&);
  // What a failed answer gets, the question again included (null: the handler says it).
  std::string (*hint)(Lang, const Config&, int attempts);
  // This step's data is in the state and readable. A later step is not
  // asked without it: the conversation goes back here (null: none).
  bool (*collected)(const State&, const Config&);
  // What being at this step needs besides that, and where to go back to without it.
  bool (*needs)(const State&, const Config&);
  Step without;
  // False: earlier steps' data is not checked here (a closed lead, say).
  bool needs_earlier;
  // Never answered (the lead said stop, or waits for a person).
  bool silent;
  // The plain answer: read → fill → go to `next` and ask its question
  // (the generic text step), unless `on_message` handles the step itself.
  std::optional<std::string> (*read)(std::string_view text, const Config&);
  std::string State::*fills;
  Step next;
  void (*on_message)(Turn&, const StepRow&, std::string_view text);
};

const StepRow& row(Step step);

// The first step whose data is missing or unreadable, when it comes before
// `step`, or what `step` requires: a later question cannot be asked without
// it. `step` itself when nothing is missing.
Step first_missing(Step step, const State& s, const Config& c);

// Going back to `step` drops what later steps built on the old answers.
void rewind_to(Turn& t, Step step);

// The generic text step (see StepRow).
void on_answer(Turn& t, const StepRow& r, std::string_view text);

}  // namespace booking
