#include "dedupe/duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

#include "dedupe/words.h"

namespace warta::dedupe {
namespace {

constexpr uint8_t kSignatureVersion = 1;

inline uint64_t Mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

int Log2(int v) {
  int k = 0;
  while ((1 << k) < v) ++k;
  return k;
}

// A multimap from 32-bit keys to article indices, open addressing with
// linear probing: 8 bytes a slot instead of the ~40 of std::unordered_multimap,
// which is what keeps 42 bands over a million articles under a gigabyte.
class BandTable {
 public:
  void Find(uint32_t key, std::vector<uint32_t>* out) const {
    if (slots_.empty()) return;
    size_t mask = slots_.size() - 1;
    for (size_t i = Slot(key, mask);; i = (i + 1) & mask) {
      uint64_t e = slots_[i];
      if (e == 0) return;
      if (static_cast<uint32_t>(e >> 32) == key) out->push_back(static_cast<uint32_t>(e) - 1);
    }
  }
  void Insert(uint32_t key, uint32_t idx) {
    if ((count_ + 1) * 10 > slots_.size() * 7) Grow();
    Put(key, idx);
    ++count_;
  }
  size_t Bytes() const { return slots_.capacity() * sizeof(uint64_t); }

 private:
  static size_t Slot(uint32_t key, size_t mask) { return Mix64(key) & mask; }
  void Put(uint32_t key, uint32_t idx) {
    size_t mask = slots_.size() - 1;
    size_t i = Slot(key, mask);
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (static_cast<uint64_t>(key) << 32) | (static_cast<uint64_t>(idx) + 1);
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (uint64_t e : old)
      if (e != 0) Put(static_cast<uint32_t>(e >> 32), static_cast<uint32_t>(e) - 1);
  }
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

struct ParagraphEntry {
  uint64_t hash = 0;   // 0 = empty slot (a real hash of 0 is stored as 1)
  uint32_t idx = 0;    // article index of the earliest holder
  uint32_t paragraph = 0;
};

}  // namespace

struct DuplicateDetector::State {
  int log2_bins = 7;
  int bands = 42;
  std::vector<int64_t> seqs;
  std::vector<int64_t> pub_keys;
  std::vector<uint32_t> shingles;
  std::vector<uint16_t> mins;       // seqs.size() * bins
  std::vector<uint32_t> parent;     // union-find over copy groups
  std::vector<uint32_t> original;   // for a root: the group's original
  std::unordered_map<int64_t, uint32_t> index_of_seq;
  std::vector<BandTable> tables;
  std::vector<ParagraphEntry> paragraphs;
  size_t paragraph_count = 0;

  uint32_t Find(uint32_t i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
  uint32_t FindConst(uint32_t i) const {
    while (parent[i] != i) i = parent[i];
    return i;
  }
  // (publication, seq) order: the original of a group is its minimum.
  bool Earlier(uint32_t a, uint32_t b) const {
    if (pub_keys[a] != pub_keys[b]) return pub_keys[a] < pub_keys[b];
    return seqs[a] < seqs[b];
  }

  ParagraphEntry* FindParagraph(uint64_t hash) {
    if (paragraphs.empty()) return nullptr;
    size_t mask = paragraphs.size() - 1;
    for (size_t i = Mix64(hash) & mask;; i = (i + 1) & mask) {
      if (paragraphs[i].hash == 0) return nullptr;
      if (paragraphs[i].hash == hash) return &paragraphs[i];
    }
  }
  void PutParagraph(const ParagraphEntry& e) {
    size_t mask = paragraphs.size() - 1;
    size_t i = Mix64(e.hash) & mask;
    while (paragraphs[i].hash != 0) i = (i + 1) & mask;
    paragraphs[i] = e;
  }
  void InsertParagraph(const ParagraphEntry& e) {
    if ((paragraph_count + 1) * 10 > paragraphs.size() * 7) {
      std::vector<ParagraphEntry> old;
      old.swap(paragraphs);
      paragraphs.assign(old.empty() ? 1024 : old.size() * 2, ParagraphEntry{});
      for (const auto& o : old)
        if (o.hash != 0) PutParagraph(o);
    }
    PutParagraph(e);
    ++paragraph_count;
  }
};

DuplicateDetector::DuplicateDetector(DedupeOptions options) : options_(options), state_(std::make_unique<State>()) {
  options_.shingle_words = std::clamp(options_.shingle_words, 1, 16);
  options_.bins = 1 << std::clamp(Log2(std::max(options_.bins, 16)), 4, 10);
  options_.band_rows = std::clamp(options_.band_rows, 1, options_.bins);
  options_.min_shingles = std::max(options_.min_shingles, 1);
  options_.min_paragraph_words = std::max(options_.min_paragraph_words, 1);
  state_->log2_bins = Log2(options_.bins);
  state_->bands = options_.bins / options_.band_rows;
  state_->tables.resize(static_cast<size_t>(state_->bands));
}

DuplicateDetector::~DuplicateDetector() = default;

Signature DuplicateDetector::Sign(const Article& article) const {
  Signature sig;
  const int w = options_.shingle_words;
  const int k = state_->log2_bins;
  const size_t bins = static_cast<size_t>(options_.bins);
  std::vector<uint64_t> words, shingles;
  std::string normalised;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    NormaliseWords(article.paragraphs[p], &normalised);
    words.clear();
    HashWords(normalised, &words);
    if (words.empty()) continue;
    if (static_cast<int>(words.size()) >= options_.min_paragraph_words) {
      uint64_t h = XXH3_64bits(normalised.data(), normalised.size());
      sig.paragraphs.push_back({static_cast<uint32_t>(p), h == 0 ? 1 : h});
    }
    if (words.size() < static_cast<size_t>(w)) {
      shingles.push_back(XXH3_64bits(words.data(), words.size() * sizeof(uint64_t)));
      continue;
    }
    for (size_t i = 0; i + static_cast<size_t>(w) <= words.size(); ++i)
      shingles.push_back(XXH3_64bits(&words[i], static_cast<size_t>(w) * sizeof(uint64_t)));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  sig.shingles = static_cast<uint32_t>(shingles.size());
  if (shingles.empty()) return sig;

  // One permutation: the top bits pick the bin, the rest compete for its minimum.
  std::vector<uint64_t> min(bins, UINT64_MAX);
  std::vector<uint8_t> filled(bins, 0);
  for (uint64_t h : shingles) {
    size_t b = static_cast<size_t>(h >> (64 - k));
    uint64_t rest = h << k;
    if (!filled[b] || rest < min[b]) min[b] = rest, filled[b] = 1;
  }
  sig.mins.resize(bins);
  for (size_t b = 0; b < bins; ++b)
    if (filled[b]) sig.mins[b] = static_cast<uint16_t>(Mix64(min[b]) >> 48);
  // Optimal densification (Shrivastava 2017): an empty bin borrows from the
  // bin a fixed hash of (bin, attempt) points at, so two sets borrow alike.
  for (size_t b = 0; b < bins; ++b) {
    if (filled[b]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      size_t from = static_cast<size_t>(Mix64((static_cast<uint64_t>(b) << 32) ^ attempt) & (bins - 1));
      if (filled[from]) {
        sig.mins[b] = static_cast<uint16_t>(Mix64(min[from]) >> 48);
        break;
      }
    }
  }
  return sig;
}

double DuplicateDetector::EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.mins.empty() || a.mins.size() != b.mins.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.mins.size(); ++i) equal += a.mins[i] == b.mins[i];
  return static_cast<double>(equal) / static_cast<double>(a.mins.size());
}

int64_t PublicationKey(const std::optional<DateTime>& published) {
  if (!published || !published->IsValid()) return INT64_MAX;
  const DateTime& d = *published;
  int64_t s = d.DaysSinceEpoch() * 86400;
  if (d.has_time) s += d.hour * 3600 + d.minute * 60 + d.second;
  if (d.has_offset) s -= static_cast<int64_t>(d.offset_minutes) * 60;
  return s;
}

MatchResult DuplicateDetector::AddAndMatch(int64_t seq, const Signature& signature,
                                           const std::optional<DateTime>& published) {
  State& s = *state_;
  const size_t bins = static_cast<size_t>(options_.bins);
  const uint32_t idx = static_cast<uint32_t>(s.seqs.size());
  const bool usable = signature.mins.size() == bins && signature.shingles >= static_cast<uint32_t>(options_.min_shingles);
  s.seqs.push_back(seq);
  s.pub_keys.push_back(PublicationKey(published));
  s.shingles.push_back(signature.shingles);
  if (usable) {
    s.mins.insert(s.mins.end(), signature.mins.begin(), signature.mins.end());
  } else {
    s.mins.resize(s.mins.size() + bins, 0);
  }
  s.parent.push_back(idx);
  s.original.push_back(idx);
  s.index_of_seq[seq] = idx;

  MatchResult result;
  if (usable) {
    // Candidates: articles sharing all rows of at least one band.
    std::vector<uint32_t> candidates;
    const int rows = options_.band_rows;
    for (int band = 0; band < s.bands; ++band) {
      uint64_t key64 = XXH3_64bits_withSeed(&signature.mins[static_cast<size_t>(band * rows)],
                                            static_cast<size_t>(rows) * sizeof(uint16_t), static_cast<uint64_t>(band));
      uint32_t key = static_cast<uint32_t>(key64);
      s.tables[static_cast<size_t>(band)].Find(key, &candidates);
      s.tables[static_cast<size_t>(band)].Insert(key, idx);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    // Verify: a shared band can be luck; the full signature rarely is.
    std::vector<uint32_t> matched;
    double best_j = -1, best_c = 0;
    uint32_t nearest = idx;
    const uint16_t* mine = &s.mins[static_cast<size_t>(idx) * bins];
    for (uint32_t c : candidates) {
      if (c == idx) continue;
      const uint16_t* theirs = &s.mins[static_cast<size_t>(c) * bins];
      size_t equal = 0;
      for (size_t i = 0; i < bins; ++i) equal += mine[i] == theirs[i];
      double j = static_cast<double>(equal) / static_cast<double>(bins);
      double a = signature.shingles, b = s.shingles[c];
      double inter = j * (a + b) / (1 + j);
      double containment = std::min(1.0, inter / std::min(a, b));
      bool copy = j >= options_.min_jaccard ||
                  (containment >= options_.min_containment && j >= options_.min_jaccard_contained);
      if (!copy) continue;
      matched.push_back(c);
      if (j > best_j) best_j = j, best_c = containment, nearest = c;
    }
    if (!matched.empty()) {
      // Join every matched group; the earliest original wins.
      uint32_t best_original = idx;
      std::vector<uint32_t> roots;
      for (uint32_t m : matched) roots.push_back(s.Find(m));
      std::sort(roots.begin(), roots.end());
      roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
      for (uint32_t r : roots)
        if (s.Earlier(s.original[r], best_original)) best_original = s.original[r];
      DuplicateMatch match;
      match.original_seq = s.seqs[best_original];
      match.nearest_seq = s.seqs[nearest];
      match.jaccard = best_j;
      match.containment = best_c;
      uint32_t root = roots.front();
      for (uint32_t r : roots) {
        if (s.original[r] != best_original) match.displaced.push_back(s.seqs[s.original[r]]);
        s.parent[r] = root;
      }
      s.parent[idx] = root;
      s.original[root] = best_original;
      std::sort(match.displaced.begin(), match.displaced.end());
      result.copy = std::move(match);
    }
  }

  // Paragraph-level syndication.
  const uint32_t my_root = s.Find(idx);
  for (const Signature::Paragraph& p : signature.paragraphs) {
    ParagraphEntry* e = s.FindParagraph(p.hash);
    if (e == nullptr) {
      s.InsertParagraph({p.hash, idx, p.index});
      continue;
    }
    if (e->idx == idx) continue;  // the same paragraph twice in one article
    bool new_is_earlier = s.Earlier(idx, e->idx);
    if (s.Find(e->idx) != my_root)
      result.paragraphs.push_back({p.index, s.seqs[e->idx], e->paragraph, new_is_earlier});
    if (new_is_earlier) e->idx = idx, e->paragraph = p.index;
  }
  return result;
}

int64_t DuplicateDetector::OriginalOf(int64_t seq) const {
  auto it = state_->index_of_seq.find(seq);
  if (it == state_->index_of_seq.end()) return seq;
  return state_->seqs[state_->original[state_->FindConst(it->second)]];
}

size_t DuplicateDetector::size() const { return state_->seqs.size(); }

size_t DuplicateDetector::MemoryBytes() const {
  const State& s = *state_;
  size_t bytes = s.seqs.capacity() * 8 + s.pub_keys.capacity() * 8 + s.shingles.capacity() * 4 +
                 s.mins.capacity() * 2 + s.parent.capacity() * 4 + s.original.capacity() * 4 +
                 s.paragraphs.capacity() * sizeof(ParagraphEntry) + s.index_of_seq.size() * 32 +
                 s.index_of_seq.bucket_count() * 8;
  for (const auto& t : s.tables) bytes += t.Bytes();
  return bytes;
}

// Layout (little-endian): u8 version, u32 shingles, u16 bins, bins x u16,
// u32 paragraphs, paragraphs x (u32 index, u64 hash).
std::string Signature::Serialise() const {
  std::string out;
  auto put = [&out](uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  put(kSignatureVersion, 1);
  put(shingles, 4);
  put(mins.size(), 2);
  for (uint16_t m : mins) put(m, 2);
  put(paragraphs.size(), 4);
  for (const auto& p : paragraphs) put(p.index, 4), put(p.hash, 8);
  return out;
}

StatusOr<Signature> ParseSignature(std::string_view bytes) {
  size_t pos = 0;
  bool ok = true;
  auto get = [&](int n) -> uint64_t {
    if (pos + static_cast<size_t>(n) > bytes.size()) {
      ok = false;
      return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[pos + i])) << (8 * i);
    pos += static_cast<size_t>(n);
    return v;
  };
  if (get(1) != kSignatureVersion || !ok) return Status::Corrupt("dedupe signature: unknown version");
  Signature sig;
  sig.shingles = static_cast<uint32_t>(get(4));
  size_t bins = get(2);
  if (!ok || bytes.size() - pos < bins * 2) return Status::Corrupt("dedupe signature: truncated MinHash");
  sig.mins.resize(bins);
  for (auto& m : sig.mins) m = static_cast<uint16_t>(get(2));
  size_t n = get(4);
  if (!ok || (bytes.size() - pos) != n * 12) return Status::Corrupt("dedupe signature: bad paragraph list");
  sig.paragraphs.resize(n);
  for (auto& p : sig.paragraphs) {
    p.index = static_cast<uint32_t>(get(4));
    p.hash = get(8);
  }
  return sig;
}

}  // namespace warta::dedupe
