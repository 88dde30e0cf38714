// Code that runs once per message step, or rarely, and is large: the
// readers of free text and the handlers around them. Compiled for size in
// the WebAssembly build (clang's `minsize`, function by function), so the
// .wasm stays within its budget while the hot paths (the JSON protocol, the
// engine, the replies) and the library templates they share keep -O2.
// (Compiling whole files with -Oz instead slowed every call by 20-70 %:
// with LTO the shared std:: templates came out size-optimised too.)
//
//   BOOKING_SMALL_CODE_BEGIN   after the includes
//   BOOKING_SMALL_CODE_END     at the end of the file
#pragma once

#if defined(__clang__)
#define BOOKING_SMALL_CODE_BEGIN _Pragma("clang attribute push (__attribute__((minsize)), apply_to = function)")
#define BOOKING_SMALL_CODE_END _Pragma("clang attribute pop")
#else
#define BOOKING_SMALL_CODE_BEGIN
#define BOOKING_SMALL_CODE_END
#endif
