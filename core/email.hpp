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
// "sarah at oconnor dot ie" (read as read_email reads it, but only an
// address said whole: "ana arroba gmail com" is none here). Plain syntax,
// no typo check: this also checks a stored address.
std::optional<std::string> extract_email(std::string_view text);

// What a lead's answer to "what is your email?" holds. Both empty: no
// address (ask again); `email`: take it as it is; `suggestion`: an address
// with an obvious slip, corrected: ask "did you mean …?" (email is then
// nullopt).
struct EmailReading {
  std::optional<std::string> email;
  std::optional<std::string> suggestion;
  bool operator==(const EmailReading&) const = default;
};

// Reads an address as extract_email does, and also:
// - written with spaces inside: "ana . lopez @ gmail . com", "ana @gmail.com",
//   "ana@ gmail.com", "ana@gmail .com" (a lone " . " joins the local part
//   only when the '@' stands apart too, and the domain only before a TLD;
//   a lone " - " is a dash in the sentence, never part of the address);
// - dictated in words, mixed with symbols or not: "arroba"/"at" for @;
//   "punto"/"dot" for '.'; "guion bajo"/"barra baja"/"underscore"/
//   "underline" for '_'; "guion"/"guion medio"/"dash"/"hyphen"/"menos"
//   for '-' (accents and case do not matter). With "at" the domain must
//   have a dot ("I'm at home" is none);
// - around it anything: "mi correo es …", "my email is …", "… gracias",
//   a final period or comma. The first '@'/"arroba"/"at" that gives an
//   address wins. A word like "es", "my", "correo" is never the local part
//   across a space ("mi correo es @gmail.com" is none).
// Suggested, never accepted as they are:
// - the dot left out or mistyped: "ana@gmail com", "ana@gmail, com",
//   "ana@gmail,com", "ana@gmailcom" → "ana@gmail.com" (after an unknown
//   name only com/net/org/edu are read so: "ana@empresa com");
// - ".con", ".cmo", ".ocm", ".comm"... (no TLD) → ".com", on any domain;
// - a known provider misspelt by one letter (gmial, gmal, gamil, gmaill,
//   hotmial, hotmal, yaho, outlok, outllok, iclod; same first letter, 5+
//   letters: gmail, googlemail, icloud, protonmail, hotmail, outlook,
//   yahoo) → the provider; a provider's suffix it does not use: gmail,
//   googlemail, icloud, ymail are .com only (gmail.co, gmail.cm, gmail.es
//   → gmail.com), protonmail .com/.ch, and hotmail/outlook/yahoo/live/
//   msn/aol .co/.cm/.om → .com (hotmail.es, yahoo.com.mx stay);
// - accents, as voice-to-text spells a surname: "ana punto lópez arroba
//   gmail punto com", "josé@x.com" → "ana.lopez@gmail.com", "jose@x.com".
// Anything else is accepted as written: ana@gmailshop.com, juan@acme.co,
// ana@mail.com, ana@email.com, ana@ymail.com, ana@live.com.
EmailReading read_email(std::string_view text);

}  // namespace booking
