// The WebAssembly surface: JSON text in, JSON text out.
// The caller copies each request into memory it got from malloc (not the
// 64 KB stack), and frees both buffers.
#include <cstdlib>
#include <cstring>
#include <emscripten/emscripten.h>
#include <string>

#include "describe.hpp"
#include "protocol.hpp"

namespace {

// One instance serves one deployment: its settings are read once, by
// booking_configure, instead of in every request. Nothing of a
// conversation is kept here.
booking::Config g_config;
bool g_configured = false;

char* copy_out(const std::string& out) {
  char* buf = static_cast<char*>(std::malloc(out.size() + 1));
  if (buf != nullptr) std::memcpy(buf, out.c_str(), out.size() + 1);
  return buf;
}

}  // namespace

extern "C" {

// Reads the settings (the JSON object of core/protocol.schema.json's
// "config"). Returns {"ok":true}, or {"ok":false,"error":"config","message":…}
// and the instance keeps its earlier settings. Malloc'd like the others.
EMSCRIPTEN_KEEPALIVE char* booking_configure(const char* config, std::size_t length) {
  const std::string e = booking::configure_json(std::string_view(config, length), g_config);
  if (!e.empty()) return copy_out(booking::error_json("config", e));
  g_configured = true;
  return copy_out("{\"ok\":true}");
}

// Returns a malloc'd, NUL-terminated JSON response (JSON escapes NUL, so
// the terminator is unambiguous), or null when memory ran out. Once
// configured, a request must not carry "config".
EMSCRIPTEN_KEEPALIVE char* booking_handle(const char* request, std::size_t length) {
  const std::string_view in(request, length);
  return copy_out(g_configured ? booking::handle_json(in, g_config) : booking::handle_json(in));
}

// The core's own description (core/describe.hpp), malloc'd like the above.
EMSCRIPTEN_KEEPALIVE char* booking_describe() { return copy_out(booking::describe_json()); }

}
