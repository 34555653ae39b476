#include "entities/ner_model.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include "entities/ner_eval.h"
#include "text/case.h"

namespace warta::entities {
namespace {

constexpr char kMagic[4] = {'W', 'N', 'E', 'R'};
constexpr uint32_t kVersion = 2;
constexpr int kT = kNumTags;
constexpr float kNegInf = -1e30f;

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
inline uint64_t F(uint64_t tmpl, uint64_t a) { return Mix(a * 0x9E3779B97F4A7C15ULL + tmpl) | 1; }
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix(Mix(a + tmpl) ^ (b * 0xC2B2AE3D27D4EB4FULL)) | 1; }

// Open addressing map from a non-zero 64-bit key to a value.
template <typename V>
class HashIndex {
 public:
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    keys_.assign(cap, 0);
    vals_.assign(cap, 0);
    mask_ = cap - 1;
  }
  void Insert(uint64_t key, V val) {
    size_t i = key & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    keys_[i] = key;
    vals_[i] = val;
  }
  // The value, or `missing`.
  V Find(uint64_t key, V missing) const {
    if (keys_.empty()) return missing;
    size_t i = key & mask_;
    while (true) {
      uint64_t k = keys_[i];
      if (k == key) return vals_[i];
      if (k == 0) return missing;
      i = (i + 1) & mask_;
    }
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<V> vals_;
  size_t mask_ = 0;
};

// BIO well-formedness: I-X only after B-X or I-X.
bool Allowed(int prev, int cur) {  // prev == kT means sentence start
  if (cur == kIPer) return prev == kBPer || prev == kIPer;
  if (cur == kIOrg) return prev == kBOrg || prev == kIOrg;
  if (cur == kILoc) return prev == kBLoc || prev == kILoc;
  return true;
}

// Base values of a token that its neighbours' features also use.
enum Base : size_t { kLower, kExact, kShape, kCoarse, kFine, kFinest, kCaps, kFreq, kGaz, kNames, kNameTok, kNumBase };

// A word's corpus profile packed in 64 bits: coarse, fine, finest cluster
// (16 bits each), capitalisation bucket and log2 frequency (8 bits each).
// Absent words read as kNoProfile: no clusters, caps 0 (unknown), freq 0.
constexpr uint64_t kNoProfile = 0x0000FFFFFFFFFFFFull;
inline uint64_t PackProfile(const WordClusters& c, size_t i) {
  return uint64_t{c.coarse[i]} | uint64_t{c.fine[i]} << 16 | uint64_t{c.finest[i]} << 32 |
         uint64_t{c.caps[i]} << 48 | uint64_t{c.freq[i]} << 56;
}

}  // namespace

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

namespace {

// Word shape: X upper, x lower, d digit, other characters as themselves
// (non-ASCII ones as 'o'), runs collapsed, at most 12 characters.
void ShapeOf(std::string_view w, std::string* out) {
  out->clear();
  int32_t i = 0, n = static_cast<int32_t>(w.size());
  char last = 0;
  while (i < n && out->size() < 12) {
    UChar32 c;
    unsigned char b = static_cast<unsigned char>(w[static_cast<size_t>(i)]);
    char k;
    if (b < 0x80) {
      ++i;
      k = (b >= 'A' && b <= 'Z') ? 'X' : (b >= 'a' && b <= 'z') ? 'x' : (b >= '0' && b <= '9') ? 'd' : static_cast<char>(b);
    } else {
      U8_NEXT(w.data(), i, n, c);
      k = c < 0 ? 'o' : u_isupper(c) ? 'X' : u_islower(c) ? 'x' : u_isdigit(c) ? 'd' : u_isalpha(c) ? 'x' : 'o';
    }
    if (k != last) out->push_back(k);
    last = k;
  }
}

// Byte length of the first k code points (or all of s).
size_t PrefixBytes(std::string_view s, int k) {
  size_t i = 0;
  while (i < s.size() && k > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --k;
  }
  return i;
}
// Byte offset where the last k code points start.
size_t SuffixStart(std::string_view s, int k) {
  size_t i = s.size();
  while (i > 0 && k > 0) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    --k;
  }
  return i;
}

constexpr uint64_t kNone = 0x5bd1e995u;  // a neighbour outside the sentence

}  // namespace

void NerModel::Impl::ComputeBase(const std::vector<std::string_view>& words, NerScratch* s) const {
  size_t n = words.size();
  s->base.assign(n * kNumBase, 0);
  s->lower.clear();
  s->lower_end.clear();
  std::string shape;
  for (size_t i = 0; i < n; ++i) {
    // Hashing a 10,000-byte "word" in full buys nothing; its first 64 bytes
    // identify it as well as any feature can.
    std::string_view w = words[i].substr(0, 64);
    text::LowercaseTo(w, &s->tmp);
    s->lower += s->tmp;
    s->lower_end.push_back(static_cast<uint32_t>(s->lower.size()));
    uint64_t* b = &s->base[i * kNumBase];
    b[kLower] = HashBytes(s->tmp);
    b[kExact] = HashBytes(w);
    ShapeOf(w, &shape);
    b[kShape] = HashBytes(shape);
    uint64_t c = clusters.Find(b[kLower] | 1, kNoProfile);
    b[kCoarse] = c & 0xFFFF;
    b[kFine] = c >> 16 & 0xFFFF;
    b[kFinest] = c >> 32 & 0xFFFF;
    b[kCaps] = c >> 48 & 0xFF;
    b[kFreq] = c >> 56;
  }
  // Headlines write Every Word Capitalised and some feeds shout: the
  // sentence's regime lets the model discount capitalisation there.
  int letters = 0, title = 0, caps = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = words[i];
    if (w.empty() || !((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' && w[0] <= 'z'))) continue;
    ++letters;
    bool upper0 = w[0] >= 'A' && w[0] <= 'Z';
    bool all_upper = upper0 && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    title += upper0;
    caps += all_upper;
  }
  s->regime = letters < 4 ? 0 : caps * 10 >= letters * 7 ? 2 : title * 10 >= letters * 7 ? 1 : 0;
  // Gazetteer: greedy longest match of lowercase token sequences.
  for (size_t i = 0; i < n;) {
    auto it = gaz_first.find(s->base[i * kNumBase + kLower] | 1);
    size_t best = 0;
    if (it != gaz_first.end()) {
      for (uint32_t gi : it->second) {
        const auto& name = gaz[gi];
        if (name.size() <= best || i + name.size() > n) continue;
        bool ok = true;
        for (size_t k = 1; k < name.size() && ok; ++k) ok = (s->base[(i + k) * kNumBase + kLower] | 1) == name[k];
        if (ok) best = name.size();
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) s->base[(i + k) * kNumBase + kGaz] = k == 0 ? 1 : 2;
    i += best;
  }
  for (size_t i = 0; i < n; ++i) {
    auto it = name_tokens.find(s->base[i * kNumBase + kLower] | 1);
    if (it != name_tokens.end()) s->base[i * kNumBase + kNameTok] = it->second;
  }
  for (size_t i = 0; i < n;) {
    auto it = names_first.find(s->base[i * kNumBase + kLower] | 1);
    size_t best = 0;
    uint64_t mask = 0;
    if (it != names_first.end()) {
      for (uint32_t gi : it->second) {
        const auto& name = names[gi];
        if (name.size() < best || i + name.size() > n) continue;
        bool ok = true;
        for (size_t k = 1; k < name.size() && ok; ++k) ok = (s->base[(i + k) * kNumBase + kLower] | 1) == name[k];
        if (!ok) continue;
        if (name.size() > best) mask = 0;
        best = name.size();
        mask |= name_types[gi];
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) s->base[(i + k) * kNumBase + kNames] = mask << 2 | (k == 0 ? 1 : 2);
    i += best;
  }
}

size_t NerModel::Impl::TokenFeatures(const std::vector<std::string_view>& words, size_t i, const NerScratch& s,
                                     uint64_t* out) const {
  size_t n = words.size();
  const uint64_t* b = &s.base[i * kNumBase];
  auto at = [&](long j, Base k) -> uint64_t {
    if (j < 0) return kNone + 1;
    if (j >= static_cast<long>(n)) return kNone + 2;
    return s.base[static_cast<size_t>(j) * kNumBase + k];
  };
  long li = static_cast<long>(i);
  size_t m = 0;
  out[m++] = F(1, 0);
  out[m++] = F(2, b[kLower]);
  out[m++] = F(3, b[kExact]);
  std::string_view w = words[i].substr(0, 64);
  uint32_t lb = i ? s.lower_end[i - 1] : 0;
  std::string_view lower = std::string_view(s.lower).substr(lb, s.lower_end[i] - lb);
  for (int k = 1; k <= 3; ++k) {
    size_t pb = PrefixBytes(lower, k);
    out[m++] = F(3 + static_cast<uint64_t>(k), HashBytes(lower.substr(0, pb)));
    if (pb == lower.size()) break;
  }
  for (int k = 1; k <= 4; ++k) {
    size_t sb = SuffixStart(lower, k);
    out[m++] = F(6 + static_cast<uint64_t>(k), HashBytes(lower.substr(sb)));
    if (sb == 0) break;
  }
  out[m++] = F(11, b[kShape]);
  out[m++] = F(12, at(li - 1, kLower));
  out[m++] = F(13, at(li + 1, kLower));
  out[m++] = F(14, at(li - 2, kLower));
  out[m++] = F(15, at(li + 2, kLower));
  out[m++] = F(16, at(li - 1, kShape), b[kShape]);
  out[m++] = F(17, b[kShape], at(li + 1, kShape));
  out[m++] = F(18, b[kCoarse]);
  out[m++] = F(19, b[kFine]);
  out[m++] = F(20, at(li - 1, kFine));
  out[m++] = F(21, at(li + 1, kFine));
  out[m++] = F(22, at(li - 1, kCoarse), b[kCoarse]);
  out[m++] = F(23, b[kCoarse], at(li + 1, kCoarse));
  out[m++] = F(24, b[kGaz], b[kShape]);
  out[m++] = F(25, at(li - 1, kGaz), at(li + 1, kGaz));
  out[m++] = F(26, i == 0 ? 1 : 0, b[kShape]);
  out[m++] = F(27, at(li - 1, kLower), b[kLower]);
  out[m++] = F(28, b[kLower], at(li + 1, kLower));
  out[m++] = F(29, at(li - 1, kExact));
  out[m++] = F(30, at(li + 1, kExact));
  out[m++] = F(31, std::min<uint64_t>(w.size(), 12));
  out[m++] = F(32, at(li - 1, kShape), at(li + 1, kShape));
  out[m++] = F(33, at(li - 1, kLower), b[kShape]);
  out[m++] = F(34, b[kShape], at(li + 1, kLower));
  // From unlabelled news (resources.h): finer clusters, and how often the
  // word is capitalised inside sentences, which tells "Dunia", "Pusat" at a
  // sentence start from a name.
  out[m++] = F(40, b[kFinest]);
  out[m++] = F(41, at(li - 1, kFinest));
  out[m++] = F(42, at(li + 1, kFinest));
  out[m++] = F(43, b[kCaps]);
  out[m++] = F(44, b[kCaps], b[kShape]);
  out[m++] = F(45, b[kCaps], i == 0 ? 1 : 0);
  out[m++] = F(46, at(li - 1, kCaps), b[kCaps]);
  out[m++] = F(47, b[kCaps], at(li + 1, kCaps));
  out[m++] = F(48, b[kFreq], b[kShape]);
  out[m++] = F(100, b[kNames]);
  out[m++] = F(101, b[kNames], b[kShape]);
  out[m++] = F(102, at(li - 1, kNames), at(li + 1, kNames));
  out[m++] = F(104, b[kNameTok], b[kShape]);
  out[m++] = F(105, at(li - 1, kNameTok), b[kNameTok]);
  out[m++] = F(106, b[kNameTok], at(li + 1, kNameTok));
  out[m++] = F(80, at(li - 1, kFine), b[kLower]);
  out[m++] = F(81, b[kLower], at(li + 1, kFine));
  if (s.regime != 0) {
    out[m++] = F(35, static_cast<uint64_t>(s.regime), b[kShape]);
    out[m++] = F(36, static_cast<uint64_t>(s.regime), b[kLower]);
    out[m++] = F(37, static_cast<uint64_t>(s.regime), at(li - 1, kLower));
  }
  return m;
}

// ---------------------------------------------------------------------------

NerModel::NerModel() : impl_(std::make_unique<Impl>()) {}
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

size_t NerModel::GazetteerMatch(const std::vector<std::string_view>& words, size_t i) const {
  const Impl& m = *impl_;
  if (i >= words.size()) return 0;
  std::string lower;
  auto hash_at = [&](size_t k) {
    text::LowercaseTo(words[k].substr(0, 64), &lower);
    return HashBytes(lower) | 1;
  };
  auto it = m.gaz_first.find(hash_at(i));
  if (it == m.gaz_first.end()) return 0;
  size_t best = 0;
  for (uint32_t gi : it->second) {
    const auto& name = m.gaz[gi];
    if (name.size() <= best || i + name.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < name.size() && ok; ++k) ok = hash_at(i + k) == name[k];
    if (ok) best = name.size();
  }
  return best;
}

size_t NerModel::num_features() const { return impl_->feature_keys.size(); }
size_t NerModel::num_training_names() const { return impl_->names.size(); }
const std::string& NerModel::description() const { return impl_->description; }

namespace {

// Viterbi over emission scores[n * kT] and the transition table.
void Viterbi(const float* scores, size_t n, const float (*trans)[kT], std::vector<int>* back, std::vector<int>* tags) {
  tags->assign(n, kO);
  if (n == 0) return;
  back->assign(n * kT, 0);
  float cur[kT], next[kT];
  for (int t = 0; t < kT; ++t) cur[t] = Allowed(kT, t) ? trans[kT][t] + scores[t] : kNegInf;
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kT; ++t) {
      float best = kNegInf * 2;
      int arg = 0;
      for (int p = 0; p < kT; ++p) {
        if (!Allowed(p, t)) continue;
        float v = cur[p] + trans[p][t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      next[t] = best + scores[i * kT + static_cast<size_t>(t)];
      (*back)[i * kT + static_cast<size_t>(t)] = arg;
    }
    std::memcpy(cur, next, sizeof cur);
  }
  int t = static_cast<int>(std::max_element(cur, cur + kT) - cur);
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = t;
    if (i > 0) t = (*back)[i * kT + static_cast<size_t>(t)];
  }
}

}  // namespace

void NerModel::Tag(const std::vector<std::string_view>& words, std::vector<int>* tags, NerScratch* s) const {
  const Impl& m = *impl_;
  size_t n = words.size();
  m.ComputeBase(words, s);
  s->scores.assign(n * kT, 0.f);
  uint64_t feats[Impl::kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    size_t k = m.TokenFeatures(words, i, *s, feats);
    float* sc = &s->scores[i * kT];
    for (size_t j = 0; j < k; ++j) {
      uint32_t f = m.features.Find(feats[j], UINT32_MAX);
      if (f == UINT32_MAX) continue;
      const float* w = &m.weights[static_cast<size_t>(f) * kT];
      for (int t = 0; t < kT; ++t) sc[t] += w[t];
    }
  }
  Viterbi(s->scores.data(), n, m.trans, &s->back, tags);
}

void NerModel::Tag(const std::vector<std::string_view>& words, std::vector<int>* tags) const {
  NerScratch s;
  Tag(words, tags, &s);
}

// --- Serialisation ----------------------------------------------------------

namespace {

class Writer {
 public:
  template <typename T>
  void Put(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void PutBytes(const void* p, size_t n) {
    if (n > 0) out_.append(static_cast<const char*>(p), n);
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetBytes(void* p, size_t n) {
    if (n == 0) return true;  // p may be an empty vector's null data()
    if (in_.size() - pos_ < n) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

uint64_t Checksum(std::string_view bytes) { return HashBytes(bytes); }

}  // namespace

std::string NerModel::ToBytes() const {
  const Impl& m = *impl_;
  Writer w;
  w.PutBytes(kMagic, 4);
  w.Put(kVersion);
  w.Put(static_cast<uint32_t>(kT));
  w.Put(static_cast<uint32_t>(m.description.size()));
  w.PutBytes(m.description.data(), m.description.size());
  w.PutBytes(m.trans, sizeof m.trans);
  w.Put(static_cast<uint32_t>(m.cluster_keys.size()));
  w.PutBytes(m.cluster_keys.data(), m.cluster_keys.size() * 8);
  w.PutBytes(m.cluster_vals.data(), m.cluster_vals.size() * 8);
  w.Put(static_cast<uint32_t>(m.gaz.size()));
  for (const auto& g : m.gaz) {
    w.Put(static_cast<uint32_t>(g.size()));
    w.PutBytes(g.data(), g.size() * 8);
  }
  w.Put(static_cast<uint32_t>(m.names.size()));
  for (size_t i = 0; i < m.names.size(); ++i) {
    w.Put(m.name_types[i]);
    w.Put(static_cast<uint32_t>(m.names[i].size()));
    w.PutBytes(m.names[i].data(), m.names[i].size() * 8);
  }
  w.Put(static_cast<uint32_t>(m.feature_keys.size()));
  w.PutBytes(m.feature_keys.data(), m.feature_keys.size() * 8);
  w.PutBytes(m.weights.data(), m.weights.size() * 4);
  uint64_t sum = Checksum(w.str());
  w.Put(sum);
  return std::move(w.str());
}

StatusOr<NerModel> NerModel::FromBytes(std::string_view bytes, const std::string& name) {
  auto corrupt = [&](const std::string& why) {
    return Status::Corrupt(name + ": not a usable Warta NER model: " + why);
  };
  if (bytes.size() < 12 || std::memcmp(bytes.data(), kMagic, 4) != 0) return corrupt("bad magic number");
  if (bytes.size() < 4 + 4 + 8) return corrupt("truncated");
  uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader r(body);
  char magic[4];
  uint32_t version = 0, tags = 0, len = 0;
  r.GetBytes(magic, 4);
  if (!r.Get(&version) || version != kVersion)
    return corrupt("format version " + std::to_string(version) + ", this build reads " + std::to_string(kVersion));
  if (Checksum(body) != stored) return corrupt("checksum mismatch (truncated or damaged file)");
  if (!r.Get(&tags) || tags != kT) return corrupt("unexpected tag count");
  NerModel model;
  Impl& m = *model.impl_;
  if (!r.Get(&len) || len > r.remaining()) return corrupt("truncated description");
  m.description.resize(len);
  r.GetBytes(m.description.data(), len);
  if (!r.GetBytes(m.trans, sizeof m.trans)) return corrupt("truncated transitions");
  uint32_t nc = 0;
  if (!r.Get(&nc) || static_cast<uint64_t>(nc) * 16 > r.remaining()) return corrupt("truncated clusters");
  m.cluster_keys.resize(nc);
  m.cluster_vals.resize(nc);
  r.GetBytes(m.cluster_keys.data(), nc * 8ull);
  r.GetBytes(m.cluster_vals.data(), nc * 8ull);
  uint32_t ng = 0;
  if (!r.Get(&ng) || ng > r.remaining() / 4) return corrupt("truncated gazetteer");
  m.gaz.resize(ng);
  for (auto& g : m.gaz) {
    uint32_t k = 0;
    if (!r.Get(&k) || static_cast<uint64_t>(k) * 8 > r.remaining()) return corrupt("truncated gazetteer");
    g.resize(k);
    r.GetBytes(g.data(), k * 8ull);
  }
  uint32_t nn = 0;
  if (!r.Get(&nn) || nn > r.remaining() / 5) return corrupt("truncated names");
  m.names.resize(nn);
  m.name_types.resize(nn);
  for (size_t i = 0; i < nn; ++i) {
    uint32_t k = 0;
    if (!r.Get(&m.name_types[i]) || !r.Get(&k) || static_cast<uint64_t>(k) * 8 > r.remaining())
      return corrupt("truncated names");
    m.names[i].resize(k);
    r.GetBytes(m.names[i].data(), k * 8ull);
  }
  uint32_t nf = 0;
  if (!r.Get(&nf) || static_cast<uint64_t>(nf) * (8 + 4 * kT) != r.remaining()) return corrupt("truncated weights");
  m.feature_keys.resize(nf);
  m.weights.resize(static_cast<size_t>(nf) * kT);
  r.GetBytes(m.feature_keys.data(), nf * 8ull);
  r.GetBytes(m.weights.data(), m.weights.size() * 4);
  for (float v : m.weights)
    if (!std::isfinite(v)) return corrupt("non-finite weight");
  m.IndexClusters();
  m.IndexGaz();
  m.IndexNames();
  m.IndexFeatures();
  return model;
}

StatusOr<NerModel> NerModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open NER model");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return FromBytes(ss.str(), path);
}

Status NerModel::Save(const std::string& path) const {
  std::string bytes = ToBytes();
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp + ": cannot write");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IoError(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  return Status::Ok();
}

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
  if (options.case_augment > 0) {
    std::mt19937_64 arng(options.seed ^ 0xA5A5A5A5ull);
    std::uniform_real_distribution<double> coin(0, 1);
    for (size_t si = 0; si < train.size(); ++si) {
      const NerSentence& s = train[si];
      for (int mode = 0; mode < 2; ++mode) {
        if (s.tokens.empty() || coin(arng) >= options.case_augment) continue;
        NerSentence copy = s;
        for (std::string& w : copy.tokens) {
          if (mode == 0) {
            if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
          } else {
            for (char& ch : w)
              if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
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
