// Reading NER corpora: CoNLL-style files with one token a line, a blank line
// between sentences, the token in the first column and the BIO tag in the
// last one (tab- or space-separated; CRLF tolerated).
//
// Three public corpora use three label sets; they are mapped onto Warta's
// one: PERSON (PERSON, PER), ORGANISATION (ORGANISATION, ORGANIZATION, ORG)
// and LOCATION (LOCATION, LOC, PLACE, GPE). Any other type (MISC, DATE...)
// is read as O, because Warta tags only these three.
//
// Errors name the file and the 1-based line: a line without a tag column,
// a tag that is not O/B-X/I-X, a file that cannot be opened.
//
// Thread-safe: free functions without shared state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/vocabulary.h"

namespace warta::entities {

// Warta's tag set, fixed: the model file stores these indexes.
enum Tag : int { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kNumTags };

// "O", "B-PERSON", ... for a Tag.
std::string_view TagName(int tag);
// A tag's entity type (nullopt for O).
std::optional<EntityType> TagType(int tag);
// Maps a corpus tag ("B-PER", "I-PLACE", "B-ORGANIZATION", "O") onto a Tag.
// Returns false for a string that is not a BIO tag at all.
bool ParseTag(std::string_view label, int* tag);

struct NerSentence {
  std::vector<std::string> tokens;
  std::vector<int> tags;  // one Tag per token; empty when read without tags
};

// Reads a labelled corpus (token first, tag last). Returns the sentences;
// errors as above ("nerui/train.01.tsv:12: ..."). The first malformed line
// fails the read, so a broken corpus is never half-trained on.
StatusOr<std::vector<NerSentence>> ReadNerFile(const std::string& path);
// The same over bytes already in memory; `name` is used in messages.
StatusOr<std::vector<NerSentence>> ParseNer(std::string_view bytes, std::string_view name, bool with_tags);

// Chunks follow CoNLL's conlleval: a chunk starts at B-X, or at I-X after O
// or after a different type.
// One entity in tag space: tokens [begin, end) of type 0 PERSON,
// 1 ORGANISATION, 2 LOCATION.
struct Chunk {
  int begin = 0, end = 0, type = 0;
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

// The chunks of a tag sequence, conlleval-style, in order.
std::vector<Chunk> ChunksOf(const std::vector<int>& tags);

}  // namespace warta::entities
