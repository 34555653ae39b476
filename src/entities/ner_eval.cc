#include "entities/ner_eval.h"

#include <cstdio>
#include <string>

#include "core/vocabulary.h"

namespace warta::entities {
void NerScores::Add(const std::vector<int>& gold, const std::vector<int>& predicted) {
  std::vector<Chunk> g = ChunksOf(gold), p = ChunksOf(predicted);
  all.gold += static_cast<int64_t>(g.size());
  all.predicted += static_cast<int64_t>(p.size());
  for (const Chunk& c : g) ++by_type[static_cast<size_t>(c.type)].gold;
  for (const Chunk& c : p) ++by_type[static_cast<size_t>(c.type)].predicted;
  // Both lists are sorted by start and non-overlapping: a merge finds matches.
  size_t i = 0, j = 0;
  while (i < g.size() && j < p.size()) {
    if (g[i] == p[j]) {
      ++all.correct;
      ++by_type[static_cast<size_t>(g[i].type)].correct;
      ++i;
      ++j;
    } else if (g[i].begin < p[j].begin || (g[i].begin == p[j].begin && g[i].end < p[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
}

std::string NerScores::Report() const {
  char buf[256];
  std::string out;
  auto line = [&](const char* name, const PrfCounts& c) {
    std::snprintf(buf, sizeof buf, "%-13s P %6.2f  R %6.2f  F1 %6.2f  (gold %lld, predicted %lld, correct %lld)\n", name,
                  c.Precision(), c.Recall(), c.F1(), static_cast<long long>(c.gold),
                  static_cast<long long>(c.predicted), static_cast<long long>(c.correct));
    out += buf;
  };
  line("all", all);
  // Chunk types count PERSON, ORGANISATION, LOCATION as EntityType does.
  for (size_t t = 0; t < 3; ++t) line(std::string(Name(static_cast<EntityType>(t))).c_str(), by_type[t]);
  return out;
}

}  // namespace warta::entities
