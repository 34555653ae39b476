// The trainer of NerModel (ner_trainer.h): a structured averaged perceptron
// over the tagger's own features, stopped on dev F1.
#include "entities/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <unordered_map>

#include "entities/ner_eval.h"
#include "entities/ner_model_impl.h"
#include "text/case.h"
#include "text/case.h"

namespace warta::entities {

using namespace ner_internal;

// --- Training ---------------------------------------------------------------

class NerTrainer {
 public:
  static StatusOr<NerModel> Train(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                                  const WordClusters& clusters, const std::vector<std::string>& gazetteer,
                                  const NerTrainOptions& options,
                                  const std::function<void(const std::string&)>& log);
};

StatusOr<NerModel> NerTrainer::Train(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                                     const WordClusters& clusters, const std::vector<std::string>& gazetteer,
                                     const NerTrainOptions& options,
                                     const std::function<void(const std::string&)>& log) {
  if (train.empty()) return Status::InvalidArgument("no training sentences");
  NerModel model;
  NerModel::Impl& m = *model.impl_;
  m.description = options.description;
  for (size_t i = 0; i < clusters.words.size(); ++i) {
    m.cluster_keys.push_back(HashBytes(clusters.words[i]) | 1);
    m.cluster_vals.push_back(PackProfile(clusters, i));
  }
  m.IndexClusters();
  for (const std::string& name : gazetteer) {
    std::vector<uint64_t> toks;
    std::string lower;
    size_t b = 0;
    while (b < name.size()) {
      size_t e = name.find(' ', b);
      if (e == std::string::npos) e = name.size();
      if (e > b) {
        text::LowercaseTo(std::string_view(name).substr(b, e - b), &lower);
        toks.push_back(HashBytes(lower) | 1);
      }
      b = e + 1;
    }
    if (!toks.empty()) m.gaz.push_back(std::move(toks));
  }
  m.IndexGaz();

  // Features of every sentence, once, as indexes into the weight table.
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint64_t> keys;
  struct Encoded {
    std::vector<uint32_t> offsets;  // n + 1
    std::vector<uint32_t> feats;
    const std::vector<int>* gold;
  };
  auto encode = [&](const NerSentence& s, bool grow) {
    Encoded e;
    e.gold = &s.tags;
    std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
    NerScratch scratch;
    m.ComputeBase(words, &scratch);
    uint64_t f[NerModel::Impl::kMaxFeatures];
    e.offsets.push_back(0);
    for (size_t i = 0; i < words.size(); ++i) {
      size_t k = m.TokenFeatures(words, i, scratch, f);
      for (size_t j = 0; j < k; ++j) {
        auto it = index.find(f[j]);
        if (it != index.end()) {
          e.feats.push_back(it->second);
        } else if (grow) {
          uint32_t id = static_cast<uint32_t>(keys.size());
          index.emplace(f[j], id);
          keys.push_back(f[j]);
          e.feats.push_back(id);
        }
      }
      e.offsets.push_back(static_cast<uint32_t>(e.feats.size()));
    }
    return e;
  };
  // Names of the training data as a gazetteer. Each training sentence sees
  // only the names of the other parts (contiguous fifths), so the feature
  // is as unreliable in training as it is on new text; the model keeps all.
  constexpr size_t kParts = 5;
  using NameMap = std::map<std::vector<uint64_t>, uint8_t>;
  std::vector<NameMap> part_names(kParts);
  auto part_of = [&](size_t si) { return si * kParts / train.size(); };
  std::string lower;
  for (size_t si = 0; si < train.size(); ++si) {
    const NerSentence& s = train[si];
    for (size_t i = 0; i < s.tags.size() && i < s.tokens.size();) {
      int t = s.tags[i];
      if (t == kO) {
        ++i;
        continue;
      }
      int type = (t - 1) / 2;  // 0 PERSON, 1 ORGANISATION, 2 LOCATION
      std::vector<uint64_t> key;
      size_t e = i;
      do {
        text::LowercaseTo(std::string_view(s.tokens[e]).substr(0, 64), &lower);  // as ComputeBase
        key.push_back(HashBytes(lower) | 1);
        ++e;
      } while (e < s.tags.size() && e < s.tokens.size() && s.tags[e] == 2 * type + 2);
      part_names[part_of(si)][key] |= static_cast<uint8_t>(1 << type);
      i = e;
    }
  }
  auto install = [&](size_t except) {
    NameMap merged;
    for (size_t k = 0; k < kParts; ++k)
      if (k != except)
        for (const auto& [key, mask] : part_names[k]) merged[key] |= mask;
    m.names.clear();
    m.name_types.clear();
    for (const auto& [key, mask] : merged) {
      m.names.push_back(key);
      m.name_types.push_back(mask);
    }
    m.IndexNames();
  };
  std::vector<NerSentence> augmented;
  std::vector<size_t> augmented_from;
  if (options.case_augment > 0 || options.lower_augment > 0) {
    std::mt19937_64 arng(options.seed ^ 0xA5A5A5A5ull);
    std::uniform_real_distribution<double> coin(0, 1);
    for (size_t si = 0; si < train.size(); ++si) {
      const NerSentence& s = train[si];
      // Modes: Title Case, ALL CAPS (case_augment each), lower case
      // (lower_augment). No coin is tossed for lower case when its share is
      // 0, so a model trained without it is drawn as before (the shipped v2
      // rebuilds bit for bit).
      for (int mode = 0; mode < 3; ++mode) {
        const double share = mode < 2 ? options.case_augment : options.lower_augment;
        if (mode == 2 && options.lower_augment <= 0) continue;
        if (s.tokens.empty() || coin(arng) >= share) continue;
        NerSentence copy = s;
        for (std::string& w : copy.tokens) {
          if (mode == 0) {
            if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
          } else if (mode == 1) {
            for (char& ch : w)
              if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
          } else {
            w = text::Lowercase(w);
          }
        }
        augmented.push_back(std::move(copy));
        augmented_from.push_back(si);
      }
    }
  }
  std::vector<Encoded> tr, dv;
  for (size_t k = 0; k < kParts; ++k) {
    install(k);
    for (size_t si = 0; si < train.size(); ++si)
      if (part_of(si) == k && !train[si].tokens.empty()) tr.push_back(encode(train[si], true));
    // Encoded keeps a pointer to the gold tags: `augmented` is complete.
    for (size_t ai = 0; ai < augmented.size(); ++ai)
      if (part_of(augmented_from[ai]) == k) tr.push_back(encode(augmented[ai], true));
  }
  install(kParts);
  for (const auto& s : dev)
    if (!s.tokens.empty()) dv.push_back(encode(s, false));
  size_t nf = keys.size();
  if (log) log("features: " + std::to_string(nf) + ", training sentences: " + std::to_string(tr.size()));

  std::vector<float> scores;
  std::vector<int> back, pred;
  auto decode = [&](const Encoded& e, const std::vector<float>& weights, const float (*trans)[kT]) {
    size_t n = e.offsets.size() - 1;
    scores.assign(n * kT, 0.f);
    for (size_t i = 0; i < n; ++i)
      for (uint32_t j = e.offsets[i]; j < e.offsets[i + 1]; ++j) {
        const float* wf = &weights[static_cast<size_t>(e.feats[j]) * kT];
        for (int t = 0; t < kT; ++t) scores[i * kT + static_cast<size_t>(t)] += wf[t];
      }
    Viterbi(scores.data(), n, trans, &back, &pred);
  };
  // Several runs over different shuffles, each stopped on dev, averaged:
  // one run's choice of epoch on a small dev set is a coin toss of about a
  // point of F1; the mean of the runs is steadier and better than any one.
  std::vector<float> sum_w(nf * kT, 0.f);
  float sum_t[kT + 1][kT] = {};
  const int runs = std::max(1, options.runs);
  for (int run = 0; run < runs; ++run) {
  // Averaged perceptron with lazy averaging: avg = w - u / c.
  std::vector<float> w(nf * kT, 0.f), u(nf * kT, 0.f);
  float tw[kT + 1][kT] = {}, tu[kT + 1][kT] = {};
  double c = 1;
  std::vector<float> avg(nf * kT), best_w;
  float avg_t[kT + 1][kT], best_t[kT + 1][kT] = {};
  double best_f1 = -1;
  int best_epoch = 0, since_best = 0;
  std::vector<size_t> order(tr.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed + static_cast<uint64_t>(run) * 0x9E3779B97F4A7C15ULL);
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0;
    for (size_t oi : order) {
      const Encoded& e = tr[oi];
      decode(e, w, tw);
      const std::vector<int>& gold = *e.gold;
      size_t n = gold.size();
      bool wrong = false;
      for (size_t i = 0; i < n; ++i) {
        int g = gold[i], p = pred[i];
        int gp = i ? gold[i - 1] : kT, pp = i ? pred[i - 1] : kT;
        if (g != p) {
          wrong = true;
          for (uint32_t j = e.offsets[i]; j < e.offsets[i + 1]; ++j) {
            size_t base = static_cast<size_t>(e.feats[j]) * kT;
            w[base + static_cast<size_t>(g)] += 1;
            u[base + static_cast<size_t>(g)] += static_cast<float>(c);
            w[base + static_cast<size_t>(p)] -= 1;
            u[base + static_cast<size_t>(p)] -= static_cast<float>(c);
          }
        }
        if (g != p || gp != pp) {
          tw[gp][g] += 1;
          tu[gp][g] += static_cast<float>(c);
          tw[pp][p] -= 1;
          tu[pp][p] -= static_cast<float>(c);
        }
      }
      errors += wrong;
      c += 1;
    }
    for (size_t i = 0; i < w.size(); ++i) avg[i] = w[i] - u[i] / static_cast<float>(c);
    for (int a = 0; a <= kT; ++a)
      for (int b = 0; b < kT; ++b) avg_t[a][b] = tw[a][b] - tu[a][b] / static_cast<float>(c);
    double f1 = 0;
    if (!dv.empty()) {
      NerScores sc;
      for (const Encoded& e : dv) {
        decode(e, avg, avg_t);
        sc.Add(*e.gold, pred);
      }
      f1 = sc.all.F1();
    }
    if (log) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "epoch %d: %zu/%zu training sentences wrong, dev F1 %.2f", epoch, errors,
                    tr.size(), f1);
      log(buf);
    }
    if (dv.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best_w = avg;
      std::memcpy(best_t, avg_t, sizeof best_t);
      since_best = 0;
    } else if (++since_best >= options.patience) {
      break;
    }
  }
  if (log) log("run " + std::to_string(run + 1) + ": kept epoch " + std::to_string(best_epoch));
  for (size_t i = 0; i < sum_w.size(); ++i) sum_w[i] += best_w[i] / static_cast<float>(runs);
  for (int a = 0; a <= kT; ++a)
    for (int b = 0; b < kT; ++b) sum_t[a][b] += best_t[a][b] / static_cast<float>(runs);
  }

  // Keep only features the model uses.
  std::memcpy(m.trans, sum_t, sizeof sum_t);
  for (size_t f = 0; f < nf; ++f) {
    const float* wf = &sum_w[f * kT];
    bool used = false;
    for (int t = 0; t < kT; ++t) used |= std::fabs(wf[t]) > 1e-6f;
    if (!used) continue;
    m.feature_keys.push_back(keys[f]);
    m.weights.insert(m.weights.end(), wf, wf + kT);
  }
  m.IndexFeatures();
  if (log) log("kept features: " + std::to_string(m.feature_keys.size()));
  return model;
}

StatusOr<NerModel> TrainNer(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                            const WordClusters& clusters, const std::vector<std::string>& gazetteer,
                            const NerTrainOptions& options, const std::function<void(const std::string&)>& log) {
  return NerTrainer::Train(train, dev, clusters, gazetteer, options, log);
}

}  // namespace warta::entities
