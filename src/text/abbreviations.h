// The abbreviation list the tokenizer and sentence splitter share.
//
// data/abbreviations.txt (embedded into the library at build time) lists the
// abbreviations whose final period belongs to the word: "Dr.", "Jl.", "dll.",
// "M.Si.". The tokenizer keeps such a period inside the word token; the
// sentence splitter never ends a sentence after one, except after those the
// list flags `end` ("dll.", "Tbk.") when a capitalised word follows.
//
// Thread-safe: the table is built once, on first use, and never changes.
#pragma once

#include <cstddef>
#include <string_view>

namespace warta::text {

enum class AbbreviationKind : unsigned char {
  kNone,            // not in the list
  kInner,           // never ends a sentence ("Dr.", "Jl.", "No.")
  kMayEndSentence,  // may end one when a capital follows ("dll.", "Tbk.")
};

// Looks `with_period` (e.g. "Dr." or "M.Si.") up in the list, ignoring ASCII
// case. Returns kNone for anything not listed, including the empty string.
AbbreviationKind LookupAbbreviation(std::string_view with_period);

// Byte length of the longest listed abbreviation: no longer run can match.
size_t MaxAbbreviationBytes();

}  // namespace warta::text
