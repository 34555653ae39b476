// Lowercasing for index terms and dictionary look-ups; uppercasing for the
// ALL-CAPS copies of evaluation sets (text delivered in capitals).
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

#include "core/article.h"

namespace warta::text {

// The lowercase form of `utf8`.
std::string Lowercase(std::string_view utf8);

// The same, written over `*out` (its capacity is reused: the allocation-free
// form for a hot loop that lowercases every token).
void LowercaseTo(std::string_view utf8, std::string* out);

// The uppercase form of `utf8` (the same rules: ASCII by bytes, the rest by
// ICU's root-locale mapping, "ß" to "SS").
std::string Uppercase(std::string_view utf8);

// How `utf8` writes its letters: kLower when (almost) none is a capital
// (at most 3 in 1,000: a stray acronym), kUpper when (almost) none is small
// (at most 3 in 100), else kMixed; kMixed too below `min_letters` letters,
// too few to tell (a headline of capitalised words is no case-less source).
LetterCase DetectLetterCase(std::string_view utf8, size_t min_letters = 200);

}  // namespace warta::text
