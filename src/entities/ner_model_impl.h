// Internal to the entities stage: what the tagger (ner_model.cc) and the
// trainer (ner_trainer.cc) share: the model's tables and the fixed hashing
// its file format depends on. Not a public header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/ner_data.h"
#include "entities/ner_model.h"

namespace warta::entities {
namespace ner_internal {

constexpr int kT = kNumTags;

// Hashing: fixed, platform-independent functions, because the model file
// stores feature hashes rather than feature strings.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix(h);
}

// Open addressing map from a non-zero 64-bit key to a value. Each key sits
// beside its value (one cache line read per probe, not two: the tagger's
// feature look-ups are most of its time, and nearly all miss the caches).
template <typename V>
class HashIndex {
 public:
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }
  void Insert(uint64_t key, V val) {
    size_t i = key & mask_;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    slots_[i] = Slot{key, val};
  }
  // The value, or `missing`.
  V Find(uint64_t key, V missing) const {
    if (slots_.empty()) return missing;
    size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.val;
      if (s.key == 0) return missing;
      i = (i + 1) & mask_;
    }
  }
  // Asks the processor to load the slot `key` starts its probe at, so that
  // several look-ups' cache misses overlap instead of queueing.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    V val{};
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// A word's corpus profile packed in 64 bits: coarse, fine, finest cluster
// (16 bits each), capitalisation bucket and log2 frequency (8 bits each).
// Absent words read as kNoProfile: no clusters, caps 0 (unknown), freq 0.
constexpr uint64_t kNoProfile = 0x0000FFFFFFFFFFFFull;
inline uint64_t PackProfile(const WordClusters& c, size_t i) {
  return uint64_t{c.coarse[i]} | uint64_t{c.fine[i]} << 16 | uint64_t{c.finest[i]} << 32 |
         uint64_t{c.caps[i]} << 48 | uint64_t{c.freq[i]} << 56;
}

// Viterbi over emission scores[n * kT] and the transition table.
void Viterbi(const float* scores, size_t n, const float (*trans)[kT], std::vector<int>* back, std::vector<int>* tags);

}  // namespace ner_internal

using ner_internal::HashIndex;
using ner_internal::kT;

struct NerModel::Impl {
  std::string description;
  float trans[kT + 1][kT] = {};  // row kT: from the sentence start
  HashIndex<uint64_t> clusters;  // hash(lowercase word) -> PackProfile
  std::vector<uint64_t> cluster_keys;
  std::vector<uint64_t> cluster_vals;
  std::vector<std::vector<uint64_t>> gaz;  // lowercase token hashes of each name
  std::unordered_map<uint64_t, std::vector<uint32_t>> gaz_first;
  // Names seen in the training data: lowercase token hashes and a type mask
  // (1 PERSON, 2 ORGANISATION, 4 LOCATION).
  std::vector<std::vector<uint64_t>> names;
  std::vector<uint8_t> name_types;
  std::unordered_map<uint64_t, std::vector<uint32_t>> names_first;
  std::unordered_map<uint64_t, uint8_t> name_tokens;  // token -> types of the names it is part of
  void IndexNames() {
    names_first.clear();
    name_tokens.clear();
    for (size_t i = 0; i < names.size(); ++i) {
      if (!names[i].empty()) names_first[names[i][0]].push_back(static_cast<uint32_t>(i));
      for (uint64_t t : names[i]) name_tokens[t] |= name_types[i];
    }
  }
  HashIndex<uint32_t> features;
  std::vector<uint64_t> feature_keys;
  std::vector<float> weights;  // kT per feature

  void IndexClusters() {
    clusters.Reserve(cluster_keys.size());
    for (size_t i = 0; i < cluster_keys.size(); ++i) clusters.Insert(cluster_keys[i], cluster_vals[i]);
  }
  void IndexGaz() {
    gaz_first.clear();
    for (size_t i = 0; i < gaz.size(); ++i)
      if (!gaz[i].empty()) gaz_first[gaz[i][0]].push_back(static_cast<uint32_t>(i));
  }
  void IndexFeatures() {
    features.Reserve(feature_keys.size());
    for (size_t i = 0; i < feature_keys.size(); ++i) features.Insert(feature_keys[i], static_cast<uint32_t>(i));
  }

  // Fills scratch->base (kNumBase per token).
  void ComputeBase(const std::vector<std::string_view>& words, NerScratch* s) const;
  // Writes token i's feature hashes to out (at most kMaxFeatures); returns the count.
  size_t TokenFeatures(const std::vector<std::string_view>& words, size_t i, const NerScratch& s,
                       uint64_t* out) const;
  static constexpr size_t kMaxFeatures = 64;
};

}  // namespace warta::entities
