// NerModel: Warta's own named-entity tagger for PERSON, ORGANISATION and
// LOCATION over BIO tags.
//
// A first-order linear-chain model trained as a structured averaged
// perceptron (Collins 2002), several runs over different shuffles averaged,
// and decoded exactly by Viterbi. Each token's features are hashed (64-bit,
// no strings kept): the word and its lowercase, prefixes and suffixes, word
// shape, capitalisation, sentence position, the two words either side,
// word-cluster ids at three granularities, the word's capitalisation profile
// and frequency in unlabelled news (resources.h), country-name gazetteer
// hits (iso-codes in Indonesian) and hits of the names of the training data
// (longest match, with the types they were labelled with, and the types of
// the names each word is part of). The model file (format version 2)
// carries the word profiles and both name lists, so tagging needs nothing
// else on disk.
//
//   StatusOr<NerModel> m = NerModel::Load("models/ner/warta-ner-v2.bin");
//   std::vector<int> tags;
//   m->Tag(words, &tags);                 // one Tag (ner_data.h) per word
//
// Thread-safety: a loaded model is immutable; Tag() may run on any number
// of threads at once (scratch space is per call or caller-provided).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "entities/ner_data.h"

namespace warta::entities {

// What unlabelled news says about each word (resources.h): cluster ids at
// three granularities and how the word is usually written.
struct WordClusters {
  static constexpr uint16_t kNoCluster = 0xFFFF;  // a word too rare to cluster
  std::vector<std::string> words;                 // lowercase
  std::vector<uint16_t> coarse, fine, finest;
  // Capitalisation profile: 0 = seen too rarely inside sentences to say;
  // else 1 + 5 * (seen >= 5 times) + bucket of the capitalised share (0-4).
  std::vector<uint8_t> caps;
  std::vector<uint8_t> freq;  // floor(log2(corpus count)), at most 15
};

// Per-call scratch for Tag(); reuse one per thread to avoid allocations.
struct NerScratch {
  std::vector<uint64_t> base;       // per-token precomputed hashes
  std::vector<float> scores;        // per-token emission scores
  std::vector<int> back;            // Viterbi back pointers
  std::string lower;                // lowercase tokens, concatenated
  std::vector<uint32_t> lower_end;  // end offset of each token's lowercase in `lower`
  std::string tmp;
  int regime = 0;                   // 0 running text, 1 Title Case, 2 ALL CAPS
};

class NerModel {
 public:
  NerModel();
  ~NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;

  // Reads a model file. Errors (kNotFound, kCorrupt) name `path`: a missing
  // file, a wrong magic number or version, a truncated file or one whose
  // checksum does not match.
  static StatusOr<NerModel> Load(const std::string& path);
  // The same from bytes; `name` is used in messages.
  static StatusOr<NerModel> FromBytes(std::string_view bytes, const std::string& name);
  // Writes the model (atomically: a temp file renamed over `path`).
  Status Save(const std::string& path) const;
  std::string ToBytes() const;

  // Tags one sentence: `*tags` gets one Tag per word. Any words are safe
  // (empty, huge, not UTF-8); an empty sentence gives no tags.
  void Tag(const std::vector<std::string_view>& words, std::vector<int>* tags, NerScratch* scratch) const;
  void Tag(const std::vector<std::string_view>& words, std::vector<int>* tags) const;

  // Tokens of the longest gazetteer name (a country) starting at words[i],
  // 0 when none does. Case-insensitive.
  size_t GazetteerMatch(const std::vector<std::string_view>& words, size_t i) const;

  // The types of the training data's names `word` is part of, any case: a
  // mask of 1 PERSON, 2 ORGANISATION, 4 LOCATION; 0 for a word in none.
  uint8_t NameWordTypes(std::string_view word) const;

  size_t num_features() const;
  size_t num_training_names() const;  // distinct names of the training data it matches
  const std::string& description() const;  // how it was trained (free text)

 private:
  friend class NerTrainer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::entities
