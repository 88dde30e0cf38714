// Text helpers shared by every extractor. All work on UTF-8 bytes and never
// allocate more than a small multiple of the input; nothing here throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace booking {

// Longest message the core reads, in bytes. Longer ones are rejected as
// invalid input so the work per webhook stays bounded.
inline constexpr std::size_t kMaxMessageBytes = 4096;

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

// True when `s` holds a control character other than tab, CR and LF.
// Phones never send them; their presence means a broken or hostile client.
bool has_control_chars(std::string_view s);

// Replaces invalid UTF-8 sequences with U+FFFD and control characters
// (C0, DEL, C1) with a space. Used on values read back from GHL, which we
// do not trust to be clean.
std::string sanitize_utf8(std::string_view s);

// Cuts `s` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// Number of code points in valid UTF-8.
std::size_t utf8_length(std::string_view s);

// Lower-cases and strips Spanish/Latin-1 accents (á→a, Ñ→n, ü→u, Ø→ø, ¿¡
// kept as is; combining accents U+0300..U+036F dropped). Other bytes pass
// through unchanged, so byte offsets in the result do NOT line up with the
// input when accents are present.
std::string fold(std::string_view s);

// Trims ASCII white space and common punctuation/emoji-free edges.
std::string_view trim(std::string_view s);

// Splits text into words: runs of ASCII letters/digits and letters of any
// script (so "maría" stays one word); emoji, symbols, punctuation and
// invalid bytes separate. Works on folded or raw text (views into `s`).
std::vector<std::string_view> words(std::string_view s);

// The comma-separated items of `list` as they are (not trimmed), at most
// `max` of them: a stored list GHL may hold anything in stays bounded.
std::vector<std::string_view> split_commas(std::string_view list, std::size_t max);

// True when the folded text contains `phrase` as whole words.
bool has_phrase(std::string_view folded, std::string_view phrase);
// The same on text already split by words(): no allocation, so a caller
// testing many phrases splits the message once.
bool has_phrase(const std::vector<std::string_view>& folded_words, std::string_view phrase);
// Whether a phrase of folded ASCII words (spaces between) starts at word `i`.
bool phrase_at(const std::vector<std::string_view>& folded_words, std::size_t i, std::string_view phrase);

// Appends code point `cp` (a valid scalar value) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

bool is_ascii_digit(char c);
bool is_ascii_alpha(char c);

}  // namespace booking
