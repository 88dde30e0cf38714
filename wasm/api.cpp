// The WebAssembly surface: one call, JSON text in, JSON text out.
// The caller copies the request into memory it got from malloc (not the
// 64 KB stack), and frees both buffers.
#include <cstdlib>
#include <cstring>
#include <emscripten/emscripten.h>

#include "describe.hpp"
#include "protocol.hpp"

extern "C" {

// Returns a malloc'd, NUL-terminated JSON response (JSON escapes NUL, so
// the terminator is unambiguous), or null when memory ran out.
EMSCRIPTEN_KEEPALIVE char* booking_handle(const char* request, std::size_t length) {
  const std::string out = booking::handle_json(std::string_view(request, length));
  char* buf = static_cast<char*>(std::malloc(out.size() + 1));
  if (buf != nullptr) std::memcpy(buf, out.c_str(), out.size() + 1);
  return buf;
}

// The core's own description (core/describe.hpp), malloc'd like the above.
EMSCRIPTEN_KEEPALIVE char* booking_describe() {
  const std::string out = booking::describe_json();
  char* buf = static_cast<char*>(std::malloc(out.size() + 1));
  if (buf != nullptr) std::memcpy(buf, out.c_str(), out.size() + 1);
  return buf;
}

}
