#include "dedupe/duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

#include "dedupe/words.h"
#include "text/case.h"
#include "text/tokenizer.h"

namespace warta::dedupe {
namespace {

// 2: values (figures and names in context) after the paragraphs. 1 is still
// read, with values_known = false.
constexpr uint8_t kSignatureVersion = 2;

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


// ---- Values: the figures and names a text states, keyed by masked context.

struct ValueItem {
  enum Kind : uint8_t { kPlain, kFigure, kName } kind = kPlain;
  uint64_t hash = 0;
};

bool IsSentenceEnd(std::string_view p) {
  return p == "." || p == "!" || p == "?" || p == "..." || p == "?!" || p == "\xE2\x80\xA6";  // … too
}

bool HasAsciiDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

uint64_t HashText(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// One sentence's values: each keyed by the figure before it in the sentence
// (the row label of a price table: "0,5 gram Rp ...") and the plain words
// around it (two before, one after). Names never enter a key, so a changed
// name does not hide the figure after it.
void EmitSentenceValues(const std::vector<ValueItem>& items, std::vector<uint32_t>* out) {
  uint64_t prev_figure = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const ValueItem& v = items[i];
    if (v.kind == ValueItem::kPlain) continue;
    // The kind is part of the key: a name and a figure in one context
    // ("hari ini, Senin (6/1/2025), ...") are compared each with its own kind.
    uint64_t ctx[5] = {prev_figure, 0, 0, 0, v.kind};
    int before = 0;
    for (size_t j = i; j-- > 0 && before < 2;)
      if (items[j].kind == ValueItem::kPlain) ctx[1 + before++] = items[j].hash;
    for (size_t j = i + 1; j < items.size(); ++j)
      if (items[j].kind == ValueItem::kPlain) {
        ctx[3] = items[j].hash;
        break;
      }
    const uint32_t key = static_cast<uint32_t>(XXH3_64bits(ctx, sizeof ctx) >> 41);  // 23 bits
    const uint32_t figure = v.kind == ValueItem::kFigure ? 1 : 0;
    out->push_back((key << 9) | (figure << 8) | static_cast<uint32_t>(Mix64(v.hash) & 0xff));
    if (v.kind == ValueItem::kFigure) prev_figure = v.hash;
  }
}

// Figures: any token with a digit ("10.000", "6/1/2025", "14:32"), a letter
// prefix glued to it ("Rp10.000") split off as a plain word. Names: runs of
// capitalised words that do not open a sentence. Everything else is a plain
// (masked-context) word. General patterns only: no outlet or template rules.
void ExtractValues(const text::Tokenizer& tokenizer, std::string_view para, std::vector<uint32_t>* out) {
  std::vector<text::Token> tokens;
  tokenizer.Tokenize(para, &tokens);
  std::vector<ValueItem> sentence;
  std::string run, lower;
  bool initial = true;
  auto close_run = [&] {
    if (run.empty()) return;
    sentence.push_back({ValueItem::kName, HashText(run)});
    run.clear();
  };
  auto flush = [&] {
    close_run();
    EmitSentenceValues(sentence, out);
    sentence.clear();
    initial = true;
  };
  for (const text::Token& t : tokens) {
    std::string_view w = text::TokenText(para, t);
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) {
      close_run();
      if (t.kind == text::TokenKind::kPunct && IsSentenceEnd(w)) flush();
      continue;
    }
    if (HasAsciiDigit(w)) {
      close_run();
      size_t letters = 0;
      while (letters < w.size() && ((w[letters] | 0x20) >= 'a' && (w[letters] | 0x20) <= 'z')) ++letters;
      if (letters > 0 && letters < w.size()) {
        text::LowercaseTo(w.substr(0, letters), &lower);
        sentence.push_back({ValueItem::kPlain, HashText(lower)});
        w.remove_prefix(letters);
      }
      sentence.push_back({ValueItem::kFigure, HashText(w)});
      initial = false;
      continue;
    }
    const bool capital = w[0] >= 'A' && w[0] <= 'Z';
    if (capital && !initial) {
      text::LowercaseTo(w, &lower);
      if (!run.empty()) run.push_back(' ');
      run.append(lower);
      continue;
    }
    close_run();
    text::LowercaseTo(w, &lower);
    sentence.push_back({ValueItem::kPlain, HashText(lower)});
    initial = false;
  }
  flush();
}

// Compares two sorted value lists over the contexts below both limits.
DuplicateDetector::ValueComparison CompareValueLists(const uint32_t* a, size_t na, uint32_t limit_a, const uint32_t* b,
                                                     size_t nb, uint32_t limit_b) {
  DuplicateDetector::ValueComparison r;
  const uint32_t limit = std::min(limit_a, limit_b);
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    const uint32_t ka = a[i] >> 9, kb = b[j] >> 9;
    if (ka >= limit || kb >= limit) break;
    if (ka < kb) {
      ++i;
      continue;
    }
    if (kb < ka) {
      ++j;
      continue;
    }
    // The same context in both: agree when any value stated there matches.
    size_t ie = i, je = j;
    while (ie < na && (a[ie] >> 9) == ka) ++ie;
    while (je < nb && (b[je] >> 9) == ka) ++je;
    bool agree = false, figure = false;
    for (size_t x = i; x < ie; ++x) {
      figure |= ((a[x] >> 8) & 1) != 0;
      for (size_t y = j; y < je; ++y) agree |= a[x] == b[y];
    }
    ++r.shared;
    if (!agree) ++(figure ? r.figure_conflicts : r.name_conflicts);
    i = ie;
    j = je;
  }
  return r;
}

}  // namespace

struct DuplicateDetector::State {
  int log2_bins = 7;
  int bands = 42;
  std::vector<int64_t> seqs;
  std::vector<int64_t> pub_keys;
  std::vector<uint32_t> shingles;
  std::vector<uint16_t> mins;       // seqs.size() * bins
  // Values of article i: values[value_begin[i] .. value_begin[i + 1]).
  std::vector<uint32_t> values;
  std::vector<uint32_t> value_begin{0};
  std::vector<uint32_t> value_limit;
  std::vector<uint8_t> values_known;
  // The original of each article's copy group (itself for an original).
  // Groups are stars around their original, never chains.
  std::vector<uint32_t> original;
  std::unordered_map<uint32_t, std::vector<uint32_t>> copies;  // original -> its copies
  std::unordered_map<int64_t, uint32_t> index_of_seq;
  std::vector<BandTable> tables;
  std::vector<ParagraphEntry> paragraphs;
  size_t paragraph_count = 0;

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
  options_.max_copy_days = std::max(options_.max_copy_days, 0);
  options_.max_values = std::clamp(options_.max_values, 0, 4096);
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
  static const text::Tokenizer kTokenizer;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    ExtractValues(kTokenizer, article.paragraphs[p], &sig.values);
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
  // A bottom-k sample of the values by context: keep whole contexts, and
  // say where the cut was so a comparison looks only below both cuts.
  std::sort(sig.values.begin(), sig.values.end());
  sig.values.erase(std::unique(sig.values.begin(), sig.values.end()), sig.values.end());
  const size_t max_values = static_cast<size_t>(options_.max_values);
  if (sig.values.size() > max_values) {
    sig.values_limit = sig.values[max_values] >> 9;
    size_t keep = max_values;
    while (keep > 0 && (sig.values[keep - 1] >> 9) == sig.values_limit) --keep;
    sig.values.resize(keep);
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

DuplicateDetector::ValueComparison DuplicateDetector::CompareValues(const Signature& a, const Signature& b) {
  return CompareValueLists(a.values.data(), a.values.size(), a.values_limit, b.values.data(), b.values.size(),
                           b.values_limit);
}

int64_t PublicationKey(const std::optional<DateTime>& published) {
  if (!published || !published->IsValid()) return INT64_MAX;
  const DateTime& d = *published;
  int64_t s = d.DaysSinceEpoch() * 86400;
  if (d.has_time) s += d.hour * 3600 + d.minute * 60 + d.second;
  if (d.has_offset) s -= static_cast<int64_t>(d.offset_minutes) * 60;
  return s;
}

CopyVerdict DuplicateDetector::Verify(int64_t copy, int64_t original) const {
  auto c = state_->index_of_seq.find(copy), o = state_->index_of_seq.find(original);
  if (c == state_->index_of_seq.end() || o == state_->index_of_seq.end()) return {};
  return VerifyIndices(c->second, o->second);
}

CopyVerdict DuplicateDetector::VerifyIndices(uint32_t c, uint32_t o) const {
  const State& s = *state_;
  const size_t bins = static_cast<size_t>(options_.bins);
  CopyVerdict v;
  v.rejected = "wording";
  if (c == o || s.shingles[c] < static_cast<uint32_t>(options_.min_shingles) ||
      s.shingles[o] < static_cast<uint32_t>(options_.min_shingles))
    return v;
  // 1. Wording.
  const uint16_t* mc = &s.mins[static_cast<size_t>(c) * bins];
  const uint16_t* mo = &s.mins[static_cast<size_t>(o) * bins];
  size_t equal = 0;
  for (size_t i = 0; i < bins; ++i) equal += mc[i] == mo[i];
  const double j = static_cast<double>(equal) / static_cast<double>(bins);
  const double a = s.shingles[c], b = s.shingles[o];
  const double inter = j * (a + b) / (1 + j);
  const double containment = std::min(1.0, inter / std::min(a, b));
  v.jaccard = j;
  v.containment = containment;
  if (!(j >= options_.min_jaccard ||
        (containment >= options_.min_containment && j >= options_.min_jaccard_contained)))
    return v;
  // 3. Time (cheap, before the values).
  if (s.pub_keys[c] != INT64_MAX && s.pub_keys[o] != INT64_MAX) {
    const int64_t gap = s.pub_keys[c] > s.pub_keys[o] ? s.pub_keys[c] - s.pub_keys[o] : s.pub_keys[o] - s.pub_keys[c];
    if (gap > static_cast<int64_t>(options_.max_copy_days) * 86400) {
      v.rejected = "time";
      return v;
    }
  }
  // 2. Values.
  if (s.values_known[c] && s.values_known[o]) {
    // data() + offset, not &values[offset]: an empty list may start at the
    // end of the array (or the array may be empty).
    ValueComparison cmp = CompareValueLists(s.values.data() + s.value_begin[c], s.value_begin[c + 1] - s.value_begin[c],
                                            s.value_limit[c], s.values.data() + s.value_begin[o],
                                            s.value_begin[o + 1] - s.value_begin[o], s.value_limit[o]);
    // One differing name is always tolerated: the dateline a subscriber
    // puts in place of the agency's ("JAKARTA (ANTARA) -" -> "KOMPAS.com -").
    if (cmp.figure_conflicts > 0 ||
        cmp.name_conflicts > std::max(1.0, options_.max_name_conflict_share * static_cast<double>(cmp.shared))) {
      v.rejected = "values";
      return v;
    }
  }
  v.copy = true;
  v.rejected = "";
  if (j >= options_.near_identical_jaccard) v.reason = "near-identical";
  else if (containment >= options_.min_containment) v.reason = a < b ? "trimmed" : "extended";
  else v.reason = "edited";
  return v;
}

MatchResult DuplicateDetector::AddAndMatch(int64_t seq, const Signature& signature,
                                           const std::optional<DateTime>& published) {
  State& s = *state_;
  const size_t bins = static_cast<size_t>(options_.bins);
  const uint32_t idx = static_cast<uint32_t>(s.seqs.size());
  const bool usable = signature.mins.size() == bins && signature.shingles >= static_cast<uint32_t>(options_.min_shingles);
  s.seqs.push_back(seq);
  s.pub_keys.push_back(PublicationKey(published));
  s.shingles.push_back(usable ? signature.shingles : 0);
  if (usable) {
    s.mins.insert(s.mins.end(), signature.mins.begin(), signature.mins.end());
  } else {
    s.mins.resize(s.mins.size() + bins, 0);
  }
  s.values.insert(s.values.end(), signature.values.begin(), signature.values.end());
  s.value_begin.push_back(static_cast<uint32_t>(s.values.size()));
  s.value_limit.push_back(signature.values_limit);
  s.values_known.push_back(signature.values_known ? 1 : 0);
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
    // A candidate stands for its group, and the group for its original: the
    // new article is verified against the originals themselves, so a chain
    // of look-alikes (A~B, B~C) never makes C a copy of A.
    std::vector<uint32_t> originals;
    for (uint32_t c : candidates)
      if (c != idx) originals.push_back(s.original[c]);
    std::sort(originals.begin(), originals.end());
    originals.erase(std::unique(originals.begin(), originals.end()), originals.end());

    uint32_t best = idx;
    CopyVerdict best_v;
    for (uint32_t o : originals) {
      if (o == idx) continue;
      // The earlier of the pair is the original it would be a copy of.
      CopyVerdict v = s.Earlier(o, idx) ? VerifyIndices(idx, o) : VerifyIndices(o, idx);
      if (!v.copy) continue;
      if (best == idx || v.jaccard > best_v.jaccard || (v.jaccard == best_v.jaccard && s.Earlier(o, best)))
        best = o, best_v = v;
    }
    if (best != idx) {
      DuplicateMatch match;
      match.nearest_seq = s.seqs[best];
      match.jaccard = best_v.jaccard;
      match.containment = best_v.containment;
      match.reason = best_v.reason;
      if (s.Earlier(best, idx)) {
        s.original[idx] = best;
        s.copies[best].push_back(idx);
        match.original_seq = s.seqs[best];
      } else {
        // The new article predates the original it matched (a late ingest
        // of the first publication): it becomes the group's original. The
        // former original is its copy; each former copy stays in the group
        // only if it matches the new original itself.
        match.original_seq = seq;
        std::vector<uint32_t> members;
        if (auto it = s.copies.find(best); it != s.copies.end()) {
          members = std::move(it->second);
          s.copies.erase(it);
        }
        std::vector<uint32_t>& mine = s.copies[idx];
        s.original[best] = idx;
        mine.push_back(best);
        match.relinked.push_back({s.seqs[best], seq, best_v.jaccard, best_v.reason});
        for (uint32_t m : members) {
          CopyVerdict v = VerifyIndices(m, idx);
          if (v.copy) {
            s.original[m] = idx;
            mine.push_back(m);
            match.relinked.push_back({s.seqs[m], seq, v.jaccard, v.reason});
          } else {
            s.original[m] = m;
            match.relinked.push_back({s.seqs[m], 0, 0, ""});
          }
        }
        std::sort(match.relinked.begin(), match.relinked.end(),
                  [](const CopyRelink& x, const CopyRelink& y) { return x.seq < y.seq; });
      }
      result.copy = std::move(match);
    }
  }

  // Paragraph-level syndication.
  const uint32_t my_group = s.original[idx];
  for (const Signature::Paragraph& p : signature.paragraphs) {
    ParagraphEntry* e = s.FindParagraph(p.hash);
    if (e == nullptr) {
      s.InsertParagraph({p.hash, idx, p.index});
      continue;
    }
    if (e->idx == idx) continue;  // the same paragraph twice in one article
    bool new_is_earlier = s.Earlier(idx, e->idx);
    if (s.original[e->idx] != my_group)
      result.paragraphs.push_back({p.index, s.seqs[e->idx], e->paragraph, new_is_earlier});
    if (new_is_earlier) e->idx = idx, e->paragraph = p.index;
  }
  return result;
}

int64_t DuplicateDetector::OriginalOf(int64_t seq) const {
  auto it = state_->index_of_seq.find(seq);
  if (it == state_->index_of_seq.end()) return seq;
  return state_->seqs[state_->original[it->second]];
}

size_t DuplicateDetector::size() const { return state_->seqs.size(); }

size_t DuplicateDetector::MemoryBytes() const {
  const State& s = *state_;
  size_t bytes = s.seqs.capacity() * 8 + s.pub_keys.capacity() * 8 + s.shingles.capacity() * 4 +
                 s.mins.capacity() * 2 + s.original.capacity() * 4 + s.values.capacity() * 4 +
                 s.value_begin.capacity() * 4 + s.value_limit.capacity() * 4 + s.values_known.capacity() +
                 s.copies.size() * 64 +
                 s.paragraphs.capacity() * sizeof(ParagraphEntry) + s.index_of_seq.size() * 32 +
                 s.index_of_seq.bucket_count() * 8;
  for (const auto& t : s.tables) bytes += t.Bytes();
  return bytes;
}

// Layout (little-endian): u8 version, u32 shingles, u16 bins, bins x u16,
// u32 paragraphs, paragraphs x (u32 index, u64 hash); version 2 then
// u32 values_limit, u16 values, values x u32.
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
  put(values_limit, 4);
  put(values.size(), 2);
  for (uint32_t v : values) put(v, 4);
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
  const uint64_t version = get(1);
  if (!ok || version < 1 || version > kSignatureVersion) return Status::Corrupt("dedupe signature: unknown version");
  Signature sig;
  sig.shingles = static_cast<uint32_t>(get(4));
  size_t bins = get(2);
  if (!ok || bytes.size() - pos < bins * 2) return Status::Corrupt("dedupe signature: truncated MinHash");
  sig.mins.resize(bins);
  for (auto& m : sig.mins) m = static_cast<uint16_t>(get(2));
  size_t n = get(4);
  const size_t tail = version == 1 ? 0 : 6;  // values_limit and count follow in version 2
  if (!ok || n > bytes.size() || (version == 1 ? bytes.size() - pos != n * 12 : bytes.size() - pos < n * 12 + tail))
    return Status::Corrupt("dedupe signature: bad paragraph list");
  sig.paragraphs.resize(n);
  for (auto& p : sig.paragraphs) {
    p.index = static_cast<uint32_t>(get(4));
    p.hash = get(8);
  }
  if (version == 1) {
    sig.values_known = false;
    return sig;
  }
  sig.values_limit = static_cast<uint32_t>(get(4));
  size_t nv = get(2);
  if (!ok || bytes.size() - pos != nv * 4) return Status::Corrupt("dedupe signature: bad value list");
  sig.values.resize(nv);
  for (auto& v : sig.values) v = static_cast<uint32_t>(get(4));
  return sig;
}

}  // namespace warta::dedupe
