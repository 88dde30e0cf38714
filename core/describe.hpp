// What the core tells the shell about itself, so that nothing the core
// defines is written again elsewhere: the contact fields it keeps its state
// in (with the GHL type each is created with) and the most results one
// message may take. The WASM exports it as booking_describe(); the build
// writes it to wasm/dist/describe.json for the Node tools (emulator, ghl:setup).
#pragma once

#include <string>

namespace booking {

// {"max_results": 8, "state_fields": [{"key": "booking_step", "dataType": "TEXT"}, ...]}
std::string describe_json();

}  // namespace booking
