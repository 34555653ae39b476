// Entity-level scoring with the rules of CoNLL's conlleval (chunks as
// ChunksOf in ner_data.h finds them): an entity counts as correct only when
// its start, end and type all match the gold one. Evaluation only: linked by
// the trainer, eval-ner, the benches and the tests, not by the tagger.
//
// Thread-safe: plain values.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/ner_data.h"

namespace warta::entities {

struct PrfCounts {
  int64_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? 100.0 * static_cast<double>(correct) / static_cast<double>(predicted) : 0; }
  double Recall() const { return gold ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Micro-averaged counts over all types plus one per type.
struct NerScores {
  PrfCounts all;
  std::array<PrfCounts, 3> by_type;
  // Adds one sentence (gold and predicted tags of equal length).
  void Add(const std::vector<int>& gold, const std::vector<int>& predicted);
  // "P 81.20 R 79.02 F1 80.10 (gold 1234, predicted 1200, correct 975)" and
  // a line per type.
  std::string Report() const;
};

}  // namespace warta::entities
