// Word-level helpers shared by the duplicate detector, the series detector
// and the story clusterer (internal to dedupe; exposed for tests).
//
// Thread-safe: no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta::dedupe {

// Writes text::NormaliseForId(utf8) to *out: the same words the article id
// is hashed from, so a copy that differs only in case or punctuation signs
// the same.
void NormaliseWords(std::string_view utf8, std::string* out);

// Appends XXH3-64 of each space-separated word of `normalised` to *out.
void HashWords(std::string_view normalised, std::vector<uint64_t>* out);

// Appends the space-separated words of `normalised` (views into it) to *out.
void SplitWords(std::string_view normalised, std::vector<std::string_view>* out);

// The splitmix64 finaliser: spreads a key's bits over all 64 (hash-table
// slots, MinHash bins, sums of value hashes). Fixed, because signatures
// built with it are stored.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace warta::dedupe
