#include "entities/ner_model.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>

#include "entities/ner_model_impl.h"
#include "text/case.h"

namespace warta::entities {

using namespace ner_internal;

namespace {

constexpr char kMagic[4] = {'W', 'N', 'E', 'R'};
constexpr uint32_t kVersion = 2;
constexpr float kNegInf = -1e30f;

inline uint64_t F(uint64_t tmpl, uint64_t a) { return Mix(a * 0x9E3779B97F4A7C15ULL + tmpl) | 1; }
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix(Mix(a + tmpl) ^ (b * 0xC2B2AE3D27D4EB4FULL)) | 1; }


// BIO well-formedness: I-X only after B-X or I-X.
bool Allowed(int prev, int cur) {  // prev == kT means sentence start
  if (cur == kIPer) return prev == kBPer || prev == kIPer;
  if (cur == kIOrg) return prev == kBOrg || prev == kIOrg;
  if (cur == kILoc) return prev == kBLoc || prev == kILoc;
  return true;
}

// Base values of a token that its neighbours' features also use.
enum Base : size_t { kLower, kExact, kShape, kCoarse, kFine, kFinest, kCaps, kFreq, kGaz, kNames, kNameTok, kNumBase };


}  // namespace


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

uint8_t NerModel::NameWordTypes(std::string_view word) const {
  std::string lower;
  text::LowercaseTo(word.substr(0, 64), &lower);
  auto it = impl_->name_tokens.find(HashBytes(lower) | 1);
  return it == impl_->name_tokens.end() ? 0 : it->second;
}

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

namespace ner_internal {

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

}  // namespace ner_internal

void NerModel::Tag(const std::vector<std::string_view>& words, std::vector<int>* tags, NerScratch* s) const {
  const Impl& m = *impl_;
  size_t n = words.size();
  m.ComputeBase(words, s);
  s->scores.assign(n * kT, 0.f);
  uint64_t feats[Impl::kMaxFeatures];
  uint32_t found[Impl::kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    size_t k = m.TokenFeatures(words, i, *s, feats);
    float* sc = &s->scores[i * kT];
    // Three passes so the memory reads of one token's features overlap:
    // the table and weight rows are megabytes, read at random.
    for (size_t j = 0; j < k; ++j) m.features.Prefetch(feats[j]);
    size_t hits = 0;
    for (size_t j = 0; j < k; ++j) {
      uint32_t f = m.features.Find(feats[j], UINT32_MAX);
      if (f == UINT32_MAX) continue;
      __builtin_prefetch(&m.weights[static_cast<size_t>(f) * kT]);
      found[hits++] = f;
    }
    for (size_t j = 0; j < hits; ++j) {
      const float* w = &m.weights[static_cast<size_t>(found[j]) * kT];
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


}  // namespace warta::entities
