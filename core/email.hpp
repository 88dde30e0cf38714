// An email address pulled out of a sentence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace booking {

// "Claro, es Juan.Carlos@Example.com" → "juan.carlos@example.com". The
// first valid token wins; tokens split at white space and < > ( ) [ ] { }
// , ; : and lose edge punctuation, quotes, *bold*, _italics_ and emoji.
// Valid (after lower-casing ASCII): exactly one @; local part 1-64 chars of
// [a-z0-9._%+-] with no leading/trailing/double dot; domain labels 1-63
// chars of [a-z0-9-] not starting or ending with '-'; a TLD of 2+ letters;
// 254 chars at most. Non-ASCII anywhere in the token → invalid.
// A message without '@' may dictate an address in words, as voice-to-text
// writes it: "juan punto carlos arroba gmail punto com",
// "sarah at oconnor dot ie" (see spoken_email in email.cpp).
std::optional<std::string> extract_email(std::string_view text);

}  // namespace booking
