// Measuring dedupe quality: clustering scores and a deterministic generator
// of realistic edited copies (for the labelled set and the scale benchmark).
//
// Thread-safety: ScoreClustering is pure; a CopyGenerator is one RNG stream,
// so one per thread.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/article.h"

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
