# The one definition of the core library, included by the native build
# (CMakeLists.txt) and the WebAssembly build (wasm/CMakeLists.txt), so both
# compile the same sources with the same options.
#
#   booking_core_library(<target> [WASM_FLAGS])
#
# makes a static library of every .cpp in core/ (a new core file needs no
# CMake edit). The caller links nlohmann/json and fmt to it (found natively
# as packages, reached through a folder of links under Emscripten).
# WASM_FLAGS compiles it, and everything that links it, as the WebAssembly
# build does: see BOOKING_WASM_DEFINITIONS and BOOKING_WASM_OPTIONS.

file(GLOB BOOKING_CORE_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
set(BOOKING_CORE_DIR ${CMAKE_CURRENT_LIST_DIR})

# Both builds: fmt as headers only; nlohmann/json aborts instead of throwing
# (the core reads JSON with a SAX reader that never makes it throw).
set(BOOKING_CORE_DEFINITIONS FMT_HEADER_ONLY JSON_NOEXCEPTION)

# The WebAssembly build has no exceptions and no RTTI. The core formats no
# float, long double or 128-bit integer: without them fmt's type-erased
# formatter drops their writers (~7 KB gzipped). These are PUBLIC: code that
# includes fmt or the core's headers must see the same fmt and the same
# language dialect, so tests of this build are built with them too.
set(BOOKING_WASM_DEFINITIONS FMT_EXCEPTIONS=0 FMT_STATIC_THOUSANDS_SEPARATOR=0
  FMT_USE_FLOAT=0 FMT_USE_LONG_DOUBLE=0 FMT_USE_INT128=0)
set(BOOKING_WASM_OPTIONS -fno-exceptions -fno-rtti)

function(booking_core_library target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "WASM_FLAGS" "" "")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "booking_core_library: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  add_library(${target} STATIC ${BOOKING_CORE_SOURCES})
  target_include_directories(${target} PUBLIC ${BOOKING_CORE_DIR})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_definitions(${target} PUBLIC ${BOOKING_CORE_DEFINITIONS})
  if(ARG_WASM_FLAGS)
    target_compile_definitions(${target} PUBLIC ${BOOKING_WASM_DEFINITIONS})
    target_compile_options(${target} PUBLIC ${BOOKING_WASM_OPTIONS})
  endif()
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  endif()
endfunction()
