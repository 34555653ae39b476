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
// A copy is the same report, so three tests must all pass against the copy
// group's *original* itself (never transitively through another member: a
// chain A~B~C of daily reports made from one template is not one report):
//  1. Wording. The body's word shingles (within a paragraph, so reordering
//     paragraphs costs nothing) are hashed once with XXH3-64 and reduced to a
//     one-permutation MinHash (K bins, empty bins densified, 16 bits a bin).
//     LSH banding over the bins finds candidates; the pair is verified by the
//     Jaccard estimated from the two signatures and the containment derived
//     from it and the shingle-set sizes, so a trimmed copy (contained in its
//     original) counts as well as an equal-length edit. Headlines are left
//     out on purpose: copies often get a new one.
//  2. Values. The figures (numbers, dates, amounts), and the capitalised
//     names the body states, each keyed by its masked context (the plain
//     words around it and the value before it in the sentence). Where both
//     texts have a value in the same context it must be the same value: a
//     templated report ("Harga emas Antam hari ini ...") with another day's
//     prices and dates shares the wording but not the figures, and is not a
//     copy. One differing figure rejects; names tolerate a few edits.
//  3. Time. A syndicated copy appears within days of its original
//     (max_copy_days); the same wording months later is a rerun or a
//     template, not the same report.
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
  // A copy is published at most this many days before or after its original.
  // Syndication (agency wire to subscribers, one network's sub-domains) shows
  // up within hours, a weekly reprint within a week; beyond that the same
  // wording is a recurring template or a rerun, not the same report. Undated
  // articles have no bound: their own figures (the body's dates among them)
  // still have to agree with the original's.
  int max_copy_days = 7;
  // Values (figures and names with their context hash) kept per signature:
  // the smallest context hashes, a bottom-k sample, so two texts keep the
  // same contexts and compare like with like.
  int max_values = 32;
  // Of the value contexts both texts share, at most this share (and at
  // least one) may state a different name (a swapped dateline, an editor's
  // added given name or title). Any differing figure (number, date, amount)
  // rejects the pair.
  double max_name_conflict_share = 0.2;
  // Estimated Jaccard from which a copy is called "near-identical".
  double near_identical_jaccard = 0.9;
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
  // The body's values, sorted: (context hash << 9) | (is figure << 8) | value
  // hash (8 bits). At most DedupeOptions::max_values, the smallest contexts.
  std::vector<uint32_t> values;
  // Contexts at or above this were cut from `values` (UINT32_MAX: none).
  uint32_t values_limit = UINT32_MAX;
  // False for a version-1 signature (stored before values existed): its
  // values are unknown and the value test is skipped for it.
  bool values_known = true;

  // Versioned little-endian bytes; ParseSignature reads them back.
  std::string Serialise() const;
  friend bool operator==(const Signature&, const Signature&) = default;
};

// Errors: kCorrupt when `bytes` is not a Serialise() output. Reads version 2
// (with values) and version 1 (values_known = false).
StatusOr<Signature> ParseSignature(std::string_view bytes);

// Why a copy counts as one, as stored on the link: "near-identical" (Jaccard
// at least near_identical_jaccard), "trimmed" (contained in a longer
// original), "extended" (contains a shorter original: added lines) or
// "edited" (reworded, lines added and dropped).
struct CopyVerdict {
  bool copy = false;
  double jaccard = 0;
  double containment = 0;
  const char* reason = "";
  // Why not, for tests and tuning: "wording", "values", "time".
  const char* rejected = "";
};

// A stored article whose copy link changed (see DuplicateMatch::relinked).
struct CopyRelink {
  int64_t seq = 0;
  int64_t copy_of = 0;         // its new original; 0: it is an original now
  double jaccard = 0;          // measured against that original
  const char* reason = "";
};

// The new article is a copy: it joined the copy group whose original (the
// earliest by publication date, then seq) is `original_seq`, having matched
// that original itself. When it matches the originals of several groups it
// joins the one it is most similar to (ties: the earlier original); groups
// are never merged through it.
struct DuplicateMatch {
  // The group's original. Equals the new article's own seq when it predates
  // the original it matched (late ingest of the first publication): it then
  // becomes the group's original.
  int64_t original_seq = 0;
  int64_t nearest_seq = 0;     // the other article of the verified pair
  double jaccard = 0;          // estimated shingle Jaccard of the pair (> 0)
  double containment = 0;      // estimated share of the smaller set in the larger
  const char* reason = "";     // CopyVerdict::reason of the pair
  // When the new article became the original: the former original (now its
  // copy) and each former copy, re-verified against the new original: a copy
  // of it when it matches, else an original on its own. Empty otherwise.
  std::vector<CopyRelink> relinked;
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

  // Whether `copy` (a candidate) copies `original` by the three tests of the
  // file comment. Seqs must be registered; unknown seqs give no copy.
  CopyVerdict Verify(int64_t copy, int64_t original) const;

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

  // How the values of two signatures compare: contexts both state, and of
  // those, how many state another figure or another name.
  struct ValueComparison {
    int shared = 0;
    int figure_conflicts = 0;
    int name_conflicts = 0;
  };
  static ValueComparison CompareValues(const Signature& a, const Signature& b);

 private:
  struct State;
  CopyVerdict VerifyIndices(uint32_t copy, uint32_t original) const;
  DedupeOptions options_;
  std::unique_ptr<State> state_;
};

// Orders publication times: seconds since the epoch in UTC when the offset is
// known (local time otherwise), INT64_MAX when there is no date, so undated
// articles are never taken for the original of a dated one.
int64_t PublicationKey(const std::optional<DateTime>& published);

}  // namespace warta::dedupe
