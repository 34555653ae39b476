// Unicode normalisation for Indonesian news text.
//
// Scraped text mixes composed and decomposed accents, non-breaking and
// zero-width spaces, soft hyphens and stray control characters. Normalise()
// makes one canonical form (NFC, every space-like character a plain space,
// invisible characters dropped, runs of spaces collapsed, ends trimmed) so
// that the same article read from two outlets hashes and tokenises the same.
// Typographic quotes and dashes are kept: they carry meaning for quotes.
//
// Thread-safe: the ICU normaliser is a process-wide immutable singleton.
#pragma once

#include <string>
#include <string_view>

namespace warta::text {

// Normalises one line or paragraph of valid UTF-8 (see above).
std::string Normalise(std::string_view utf8);

// The key an article id is hashed from: Normalise(), then case-folded, with
// every non-alphanumeric run turned into one space. Two copies that differ
// only in case, punctuation or spacing share it.
std::string NormaliseForId(std::string_view utf8);

}  // namespace warta::text
