// Near-duplicate detection: which stored article a new one copies, and which
// of its paragraphs were syndicated from elsewhere.
//
// Exact copies never get this far (the store dedupes by the hash of
// NormaliseForId(text)). What is left is the syndicated copy that was edited
// on the way: a trimmed end, a "Baca juga: ..." line, a new headline,
// reordered paragraphs, a sentence reworded or dropped.
//
//   DuplicateDetector detector({});
//   Signature sig = detector.Sign(article);          // any thread
//   MatchResult m = detector.AddAndMatch(seq, sig, article.published);  // one writer
//   if (m.copy) store.SetCopyOf(seq, m.copy->original_seq, m.copy->jaccard);
//
// How: the body's word shingles (within a paragraph, so reordering paragraphs
// costs nothing) are hashed once with XXH3-64 and reduced to a one-permutation
// MinHash (one pass, K bins, empty bins densified), keeping 16 bits a bin.
// LSH banding over the bins finds candidates; each candidate is verified by the
// Jaccard estimated from the two signatures and the containment derived from
// it and the shingle-set sizes, so a trimmed copy (contained in its original)
// counts as well as an equal-length edit. Headlines are left out on purpose:
// copies often get a new one.
//
// Persistence: a Signature is self-contained (Serialise/ParseSignature).
// Store its bytes per article; on open, replay AddAndMatch in seq order over
// the stored signatures to rebuild the LSH and paragraph tables and the copy
// groups (the detector is deterministic, so the replay gives the same answers).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/datetime.h"
#include "core/status.h"

namespace warta::dedupe {

struct DedupeOptions {
  // Words per shingle. 4 keeps one reworded word from spoiling more than four
  // shingles while making accidental shared phrases ("kata dia kepada
  // wartawan") rare.
  int shingle_words = 4;
  // MinHash bins (a power of two, 16..1024). The Jaccard estimate's standard
  // error is about sqrt(J(1-J)/bins): 0.044 at J=0.5 with 128.
  int bins = 128;
  // Bins per LSH band; bins / band_rows bands are used. With 128 bins and 3
  // rows (42 bands) a pair with Jaccard 0.4 becomes a candidate with
  // probability 0.94, 0.5 with 0.996, and unrelated articles almost never.
  int band_rows = 3;
  // A candidate is a copy when its estimated Jaccard reaches this...
  double min_jaccard = 0.5;
  // ...or when the smaller shingle set is this much contained in the other
  // (a trimmed copy) and the Jaccard is at least min_jaccard_contained.
  double min_containment = 0.85;
  double min_jaccard_contained = 0.3;
  // Articles with fewer shingles than this are not matched as a whole (a
  // two-line brief is too short to call a copy); their paragraphs still are.
  int min_shingles = 8;
  // Paragraphs with at least this many words (after NormaliseForId) are
  // hashed for paragraph-level syndication; shorter ones ("Baca juga: ...",
  // sign-offs, captions) recur across unrelated articles.
  int min_paragraph_words = 20;
};

// What Sign() keeps of an article. Self-contained and small (~300 bytes for a
// typical article): this is what the store persists.
struct Signature {
  uint32_t shingles = 0;                 // distinct body shingles
  std::vector<uint16_t> mins;            // `bins` MinHash values; empty when shingles == 0
  struct Paragraph {
    uint32_t index = 0;                  // paragraph index in Article::paragraphs
    uint64_t hash = 0;                   // XXH3-64 of its NormaliseForId form
    friend bool operator==(const Paragraph&, const Paragraph&) = default;
  };
  std::vector<Paragraph> paragraphs;     // long-enough paragraphs only

  // Versioned little-endian bytes; ParseSignature reads them back.
  std::string Serialise() const;
  friend bool operator==(const Signature&, const Signature&) = default;
};

// Errors: kCorrupt when `bytes` is not a Serialise() output.
StatusOr<Signature> ParseSignature(std::string_view bytes);

// The new article is a copy: it joined the copy group whose original (the
// earliest by publication date, then seq) is `original_seq`.
struct DuplicateMatch {
  // The group's original. Equals the new article's own seq when it predates
  // every article it matched (late ingest of the first publication).
  int64_t original_seq = 0;
  int64_t nearest_seq = 0;     // the stored article most similar to the new one
  double jaccard = 0;          // estimated shingle Jaccard with nearest_seq
  double containment = 0;      // estimated share of the smaller set in the larger
  // Former originals that are now copies of original_seq (the new article
  // predates them, or it bridged two groups). The store re-points their
  // groups; usually empty.
  std::vector<int64_t> displaced;
};

// A long paragraph of the new article that an article outside its copy group
// carries too (syndicated paragraphs, "dikutip dari" blocks).
struct ParagraphMatch {
  uint32_t paragraph = 0;        // index in the new article
  int64_t other_seq = 0;         // the earliest other article holding it
  uint32_t other_paragraph = 0;
  bool new_is_earlier = false;   // the new article predates other_seq: it is the source
};

struct MatchResult {
  std::optional<DuplicateMatch> copy;
  std::vector<ParagraphMatch> paragraphs;
};

class DuplicateDetector {
 public:
  // Options are clamped to their documented ranges.
  explicit DuplicateDetector(DedupeOptions options = {});
  ~DuplicateDetector();
  DuplicateDetector(const DuplicateDetector&) = delete;
  DuplicateDetector& operator=(const DuplicateDetector&) = delete;

  // The signature of `article`'s body (paragraphs; not the title).
  // Thread-safe, also while AddAndMatch runs (it reads only the options):
  // call it from the parallel stage.
  Signature Sign(const Article& article) const;

  // Registers article `seq` and reports what it copies. Seqs must be unique
  // (any order). A signature with a different bin count than options().bins
  // matches nothing. Single writer: no other call may run concurrently.
  MatchResult AddAndMatch(int64_t seq, const Signature& signature,
                          const std::optional<DateTime>& published);

  // The original of `seq`'s copy group (itself when it is one, or when seq
  // is unknown). Like size() and MemoryBytes(), not concurrently with
  // AddAndMatch.
  int64_t OriginalOf(int64_t seq) const;

  size_t size() const;
  // Bytes held by signatures and tables (for the scale benchmark).
  size_t MemoryBytes() const;
  const DedupeOptions& options() const { return options_; }

  // Estimated Jaccard of two signatures' shingle sets (0 when either is empty
  // or their bin counts differ).
  static double EstimateJaccard(const Signature& a, const Signature& b);

 private:
  struct State;
  DedupeOptions options_;
  std::unique_ptr<State> state_;
};

// Orders publication times: seconds since the epoch in UTC when the offset is
// known (local time otherwise), INT64_MAX when there is no date, so undated
// articles are never taken for the original of a dated one.
int64_t PublicationKey(const std::optional<DateTime>& published);

}  // namespace warta::dedupe
