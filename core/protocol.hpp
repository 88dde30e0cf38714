// The JSON wire format of the engine: what the WASM build exports. JSON
// text in, JSON text out; never throws, never aborts on bad input (a
// malformed request gets {"ok": false, "error": ..., "message": ...}).
// core/protocol.schema.json defines the request and the answer; the
// README's "How it is built" walks through them.
#pragma once

#include <string>
#include <string_view>

#include "config.hpp"

namespace booking {

// Caps on the request so one call's work stays bounded.
inline constexpr std::size_t kMaxRequestBytes = 256 * 1024;
inline constexpr std::size_t kMaxSlotsRead = 200;
// A deployment's REPLIES (every text in both languages fits easily).
inline constexpr std::size_t kMaxRepliesBytes = 32 * 1024;

// One call: the request carries its own "config" (or none: the defaults).
std::string handle_json(std::string_view request);

// The same with a deployment's settings read once by configure_json: the
// Worker configures each WebAssembly instance once, so a request carries
// only what changes per message (and REPLIES is not re-read every call).
// A request that still carries "config" is refused.
std::string handle_json(std::string_view request, const Config& config);

// Reads the settings object (the request's "config", as JSON text) into
// `out`. Returns "" when they are good, else the message naming what to
// fix ("BOOKING_DAYS: unknown day 'xyz'"); `out` is then left as it was.
std::string configure_json(std::string_view config, Config& out);

// {"error": kind, "message": message, "ok": false}: every refusal's shape.
std::string error_json(std::string_view kind, std::string_view message);

}  // namespace booking
