// Measuring dedupe quality: clustering scores and a deterministic generator
// of realistic edited copies (for the labelled set and the scale benchmark).
//
// Thread-safety: ScoreClustering, ParseDedupeLabels and ScoreDedupe are pure;
// a CopyGenerator is one RNG stream, so one per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace warta::dedupe {

struct ClusterScores {
  int64_t gold_pairs = 0;        // pairs of items in the same gold cluster
  int64_t predicted_pairs = 0;   // pairs in the same predicted cluster
  int64_t correct_pairs = 0;     // pairs in both
  double pair_precision = 1, pair_recall = 1, pair_f1 = 1;
  double bcubed_precision = 1, bcubed_recall = 1, bcubed_f1 = 1;
};

// Pairwise and BCubed scores of `predicted` against `gold`, where item i has
// cluster label gold[i] / predicted[i] (labels are arbitrary ids). Items with
// gold label < 0 are left out of the scoring. Precision with no predicted
// pairs (or recall with no gold pairs) is 1. Sizes must match.
ClusterScores ScoreClustering(const std::vector<int64_t>& gold, const std::vector<int64_t>& predicted);

// --- The labelled stream set (issue 15): copies, series and stories at once ---

// One row of a labels file (bench/dedupe/labels/*.tsv, rules in its header):
// the article and its gold story, the item it copies, its series and the
// story its story follows up. Empty strings: none.
struct DedupeLabel {
  std::string item;
  std::string story;
  std::string copy_of;
  std::string series;
  std::string follow_up_of;
  std::string where;   // "file:line", for messages
};

// Reads a labels file: tab-separated item, story[, copy_of, series,
// follow_up_of]; '#' lines and blank lines are skipped. Errors
// (kCorrupt) name `file`:line and the reason: fewer than two columns, more
// than five, an empty item or story, an item listed twice.
StatusOr<std::vector<DedupeLabel>> ParseDedupeLabels(std::string_view text, const std::string& file);

// What the stages under test said about one article.
struct DedupePrediction {
  int64_t story = 0;                  // its story id
  int64_t copy_group = 0;             // the original of its copy group (its own id when none)
  std::optional<int64_t> series;      // its series id; nullopt: in none
  std::optional<int64_t> published;   // Unix seconds (inferred for undated articles, if any), for story spans
};

struct DedupeScores {
  int64_t items = 0;
  ClusterScores stories;   // pairwise and BCubed over gold stories
  // Pairwise over copy groups: a predicted pair is right when gold says the two
  // are copies of one report (one copy_of tree). Articles in no copy group are
  // singletons on both sides. Read pair_precision / pair_recall.
  ClusterScores copies;
  // Pairwise over series; an article in none is a singleton. With no
  // predicted series, precision is 1 and recall 0 (F1 0).
  ClusterScores series;
  int64_t gold_copy_groups = 0;       // gold groups of two or more
  int64_t gold_series = 0;
  int64_t largest_copy_group = 0;     // predicted, in articles
  double longest_story_days = 0;      // predicted: last minus first publication of one story
  int64_t longest_story = 0;          // its story id
  int64_t stories_over_14_days = 0;   // predicted stories spanning more than 14 days
  double gold_longest_story_days = 0; // the same over gold stories (the yardstick's own span)
};

// Scores `predicted` against `gold` (same size, same order: row i is one
// article). Gold copy groups follow copy_of to its root; a copy_of naming no
// row of `gold` makes its row its own root. Sizes must match.
DedupeScores ScoreDedupe(const std::vector<DedupeLabel>& gold, const std::vector<DedupePrediction>& predicted);

// One copy and what was done to it.
struct GeneratedCopy {
  Article article;
  // Words of the original kept verbatim (in sentences left whole) over the
  // word count of the longer of the two: the "shares X % of its text" figure
  // the targets are stated in.
  double shared = 0;
  std::vector<std::string> edits;  // "trim-end", "baca-juga", ... in order applied
};

// Makes syndicated copies the way outlets do: an outlet dateline prefixed, the
// end trimmed, "Baca juga: ..." lines inserted, a new headline, paragraphs
// reordered, sentences reworded or dropped, a sign-off added. The same seed
// and inputs give the same copies on every run and platform (its own integer
// arithmetic, no std:: distributions).
class CopyGenerator {
 public:
  explicit CopyGenerator(uint64_t seed) : rng_(seed) {}

  // A copy of `original` edited with `intensity` in [0, 1]: 0 is a light
  // touch (a dateline, a sign-off), 1 several heavy edits. `other_titles`
  // feeds the "Baca juga" lines (may be empty).
  GeneratedCopy MakeCopy(const Article& original, double intensity, const std::vector<std::string>& other_titles);

  // Uniform integer in [0, n) (n > 0), and a uniform double in [0, 1).
  uint64_t Below(uint64_t n) { return rng_() % n; }
  double Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 rng_;
};

// Splits a paragraph into sentences at ". ", "! ", "? " followed by an
// upper-case letter, a digit or a quote (good enough for generating copies).
std::vector<std::string> SplitSentencesRoughly(const std::string& paragraph);

}  // namespace warta::dedupe
