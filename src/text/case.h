// Lowercasing for index terms and dictionary look-ups.
//
// ASCII text (most of Indonesian news) is lowercased by a byte loop; text
// with other characters goes through ICU's full Unicode case mapping in the
// root locale, so "İ" becomes "i̇" and "ẞ" becomes "ß" rather than being left
// alone. Invalid UTF-8 is passed through unchanged byte for byte.
//
// Thread-safe: no state.
#pragma once

#include <string>
#include <string_view>

namespace warta::text {

// The lowercase form of `utf8`.
std::string Lowercase(std::string_view utf8);

// The same, written over `*out` (its capacity is reused: the allocation-free
// form for a hot loop that lowercases every token).
void LowercaseTo(std::string_view utf8, std::string* out);

}  // namespace warta::text
