// The JSON wire format of the engine: the one entry point the WASM build
// exports. JSON text in, JSON text out; never throws, never aborts on bad
// input (a malformed request gets {"ok": false, "error": ..., "message": ...}).
//
// Request:
//   {"state":   {"booking_step": "...", ...},   // the contact's fields, strings
//    "saved":   {...},                          // optional: what GHL holds now, if the shell already saved
//    "message": {"id": "...", "text": "..."},
//    "results": [ {"type": "slots", "date": "2026-12-03", "slots": ["2026-12-03T10:00:00-06:00"]},
//                 {"type": "booked", "appointment_id": "...", "slot": "..."},
//                 {"type": "slot_taken", "slot": "..."},
//                 {"type": "cancelled"},
//                 {"type": "failed", "during": "read|fetch_slots|book|cancel|save|send"} ],
//    "config":  {"AGENT_NAME": "...", "BUSINESS_NAME": "...", "MIN_BUDGET": "300",
//                "BOOKING_DAYS": "tue,wed,thu,fri", "DEFAULT_LANGUAGE": "es"},
//    "now":     "2026-11-25T10:30:00-06:00"}    // business local time
// Response:
//   {"ok": true, "step": "...", "language": "es|en", "outcome": "...",
//    "updates": {"field": "new value", ...},     // to save before sending
//    "reply": "..." | null,
//    "command": null | {"type": "fetch_slots", "date": "..."}
//                    | {"type": "book", "slot": "...", "title": "..."}
//                    | {"type": "cancel", "appointment_id": "..."}}
#pragma once

#include <string>
#include <string_view>

namespace booking {

// Caps on the request so one call's work stays bounded.
inline constexpr std::size_t kMaxRequestBytes = 256 * 1024;
inline constexpr std::size_t kMaxSlotsRead = 200;
// A deployment's REPLIES (every text in both languages fits easily).
inline constexpr std::size_t kMaxRepliesBytes = 32 * 1024;

std::string handle_json(std::string_view request);

}  // namespace booking
