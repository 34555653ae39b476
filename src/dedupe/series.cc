#include "dedupe/series.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/url.h"
#include "dedupe/words.h"
#include "text/case.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace warta::dedupe {
namespace {

// What a masked word becomes in a skeleton.
enum class SlotKind : char { kFigure = '#', kDate = '@', kValue = '~', kName = 'N' };

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

struct SeriesPosting {
  int64_t seq = 0;
  uint64_t values = 0;
};

struct WindowEntry {
  int64_t seq = 0;
  int32_t day = 0;
  std::string outlet;
  std::vector<SkeletonLine> lines;
  std::vector<std::string> title_words;
};

// The words masked by list, from the lexicon.
struct MaskTables {
  std::unordered_map<std::string, SlotKind> slot_words;  // lower-case word -> its slot
  std::unordered_set<std::string> currencies;            // kept literal even when capitalised ("Rp")
  // Written only before an amount ("Rp", "US$"): no word of a series' name.
  std::unordered_set<std::string> amount_prefixes;
};

// The name two items' titles give a series (see series.h).
std::string SeriesName(const std::vector<std::string>& earlier, const std::vector<std::string>& later,
                       const std::string& fallback) {
  std::unordered_set<std::string> in_later;
  for (const auto& w : later) in_later.insert(text::Lowercase(w));
  std::vector<std::string> common;
  for (const auto& w : earlier)
    if (in_later.count(text::Lowercase(w))) common.push_back(w);
  const std::vector<std::string>& words = common.size() >= 2 ? common : earlier;
  std::string out;
  for (size_t i = 0; i < words.size() && i < 8; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out.empty() ? fallback : out;
}

}  // namespace

struct SeriesDetector::State {
  std::shared_ptr<const text::Lexicon> lexicon;
  MaskTables tables;
  text::Tokenizer tokenizer;
  text::SentenceSplitter splitter;

  std::deque<WindowEntry> window;  // seq order
  std::unordered_map<uint64_t, std::vector<SeriesPosting>> postings;
  size_t posting_count = 0;
  std::unordered_map<int64_t, int64_t> member;
  std::map<int64_t, Series> series;
  // Title words of a series' first member, until its second names it.
  std::unordered_map<int64_t, std::vector<std::string>> pending_titles;

  const WindowEntry* Find(int64_t seq) const {
    auto it = std::lower_bound(window.begin(), window.end(), seq,
                               [](const WindowEntry& e, int64_t s) { return e.seq < s; });
    return it != window.end() && it->seq == seq ? &*it : nullptr;
  }

  void Evict(int64_t newest, int64_t window_articles) {
    while (!window.empty() && window.front().seq <= newest - window_articles) {
      const WindowEntry& e = window.front();
      for (const SkeletonLine& l : e.lines) {
        auto it = postings.find(l.skeleton);
        if (it == postings.end()) continue;
        auto& v = it->second;
        size_t before = v.size();
        v.erase(std::remove_if(v.begin(), v.end(), [&](const SeriesPosting& p) { return p.seq == e.seq; }), v.end());
        posting_count -= before - v.size();
        if (v.empty()) postings.erase(it);
      }
      window.pop_front();
    }
  }

  void Push(int64_t seq, const SeriesSignature& sig, int max_postings) {
    if (!sig.dated || sig.network.empty() || sig.lines.empty()) return;
    window.push_back({seq, sig.day, sig.outlet, sig.lines, sig.title_words});
    for (const SkeletonLine& l : sig.lines) {
      auto& v = postings[l.skeleton];
      v.push_back({seq, l.values});
      ++posting_count;
      if (static_cast<int>(v.size()) > max_postings) {
        v.erase(v.begin());
        --posting_count;
      }
    }
  }

  // Makes `seq` a member of series `id`, creating it with its first member;
  // the second member names it (whichever path, Add or Restore, brings it).
  void Join(int64_t seq, int64_t id, const SeriesSignature& sig) {
    member[seq] = id;
    Series& s = series[id];
    if (s.article_count == 0) {
      s.id = id;
      s.outlet = sig.outlet;
      s.network = sig.network;
      s.first_day = s.last_day = sig.day;
      pending_titles[id] = sig.title_words;
    } else if (auto p = pending_titles.find(id); p != pending_titles.end()) {
      s.name = SeriesName(p->second, sig.title_words, sig.network);
      pending_titles.erase(p);
    }
    ++s.article_count;
    s.first_day = std::min(s.first_day, sig.day);
    s.last_day = std::max(s.last_day, sig.day);
  }
};

SeriesDetector::SeriesDetector(SeriesOptions options) : options_(std::move(options)), state_(std::make_unique<State>()) {
  options_.min_literal_words = std::max(options_.min_literal_words, 1);
  options_.max_sentences = std::clamp(options_.max_sentences, 1, 1000);
  options_.min_shared = std::max(options_.min_shared, 1);
  options_.min_varying = std::max(options_.min_varying, 0);
  options_.max_gap_days = std::max(options_.max_gap_days, 1);
  options_.window_articles = std::max<int64_t>(options_.window_articles, 1);
  options_.max_postings = std::max(options_.max_postings, 1);
  State& s = *state_;
  s.lexicon = options_.lexicon ? options_.lexicon : text::Lexicon::Builtin();
  MaskTables& t = s.tables;
  for (const auto& w : s.lexicon->number_words()) t.slot_words[w.word] = SlotKind::kFigure;
  for (const auto& m : s.lexicon->months()) t.slot_words[m.word] = SlotKind::kDate;
  for (const auto& d : s.lexicon->weekdays()) t.slot_words[d.word] = SlotKind::kDate;
  for (const auto& w : s.lexicon->Words(text::WordClass::kSeriesValueWord)) t.slot_words.emplace(w, SlotKind::kValue);
  for (const auto& c : s.lexicon->currencies()) t.currencies.insert(c.word);
  for (const auto& c : s.lexicon->currencies())
    if (c.prefix) t.amount_prefixes.insert(c.word);
  for (const auto& c : s.lexicon->currencies())
    if (!c.prefix) t.amount_prefixes.erase(c.word);
}

SeriesDetector::~SeriesDetector() = default;

namespace {

// Masks tokens [first, end) of `text` into `out`.
void MaskTokens(const MaskTables& s, std::string_view text, const std::vector<text::Token>& tokens,
                size_t first, size_t end, Skeleton* out, std::vector<std::string>* kept_words) {
  char last_slot = 0;
  std::string lower;
  for (size_t i = first; i < end; ++i) {
    const text::Token& t = tokens[i];
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) {
      last_slot = 0;  // punctuation separates two names ("Persija, Persib")
      continue;
    }
    std::string_view word = text::TokenText(text, t);
    text::LowercaseTo(word, &lower);
    char slot = 0;
    if (t.kind == text::TokenKind::kNumber || HasDigit(word)) {
      slot = static_cast<char>(SlotKind::kFigure);
    } else if (auto it = s.slot_words.find(lower); it != s.slot_words.end()) {
      slot = static_cast<char>(it->second);
    } else if (!s.currencies.count(lower) && StartsUpper(word)) {
      slot = static_cast<char>(SlotKind::kName);
    }
    if (slot == 0) {
      if (!out->text.empty()) out->text += ' ';
      out->text += lower;
      ++out->literal_words;
      last_slot = 0;
      if (kept_words && !s.amount_prefixes.count(lower)) kept_words->emplace_back(word);
      continue;
    }
    if (kept_words && slot == static_cast<char>(SlotKind::kName)) kept_words->emplace_back(word);
    // A run of one kind is one slot: "Persija Jakarta", "Rp 1,5 juta".
    const bool same_run = slot == last_slot;
    if (!same_run) {
      if (!out->text.empty()) out->text += ' ';
      out->text += slot;
      if (!out->values.empty()) out->values += '|';
    } else {
      out->values += ' ';
    }
    out->values += word;
    last_slot = slot;
  }
}

}  // namespace

Skeleton SeriesDetector::Mask(std::string_view sentence) const {
  std::vector<text::Token> tokens;
  state_->tokenizer.Tokenize(sentence, &tokens);
  Skeleton out;
  MaskTokens(state_->tables, sentence, tokens, 0, tokens.size(), &out, nullptr);
  return out;
}

SeriesSignature SeriesDetector::Sign(const Article& article, bool with_body) const {
  const State& s = *state_;
  SeriesSignature sig;
  sig.outlet = article.outlet;
  sig.network = RegistrableDomain(article.url);
  if (sig.network.empty() && !article.outlet.empty()) sig.network = "outlet:" + text::Lowercase(article.outlet);
  if (article.published && article.published->IsValid()) {
    sig.dated = true;
    sig.day = static_cast<int32_t>(article.published->DaysSinceEpoch());
  }
  std::vector<text::Token> tokens;
  {
    s.tokenizer.Tokenize(article.title, &tokens);
    Skeleton ignored;
    MaskTokens(s.tables, article.title, tokens, 0, tokens.size(), &ignored, &sig.title_words);
  }
  if (sig.network.empty() || !with_body) return sig;
  const uint64_t seed = XXH3_64bits(sig.network.data(), sig.network.size());
  std::vector<text::Sentence> sentences;
  for (const std::string& paragraph : article.paragraphs) {
    if (static_cast<int>(sig.lines.size()) >= options_.max_sentences) break;
    tokens.clear();
    sentences.clear();
    s.tokenizer.Tokenize(paragraph, &tokens);
    s.splitter.Split(paragraph, tokens, &sentences);
    for (const text::Sentence& sentence : sentences) {
      Skeleton k;
      MaskTokens(s.tables, paragraph, tokens, sentence.first_token, sentence.end_token, &k, nullptr);
      if (k.literal_words < options_.min_literal_words) continue;
      sig.lines.push_back({XXH3_64bits_withSeed(k.text.data(), k.text.size(), seed),
                           XXH3_64bits(k.values.data(), k.values.size())});
      if (static_cast<int>(sig.lines.size()) >= options_.max_sentences) break;
    }
  }
  // One line per skeleton; a skeleton written twice carries both values.
  std::sort(sig.lines.begin(), sig.lines.end(),
            [](const SkeletonLine& a, const SkeletonLine& b) { return a.skeleton < b.skeleton; });
  std::vector<SkeletonLine> merged;
  for (const SkeletonLine& l : sig.lines) {
    if (!merged.empty() && merged.back().skeleton == l.skeleton) merged.back().values += Mix64(l.values);  // spreads the summed value hashes
    else merged.push_back({l.skeleton, Mix64(l.values)});
  }
  sig.lines = std::move(merged);
  return sig;
}

SeriesAssignment SeriesDetector::Add(int64_t seq, const SeriesSignature& sig) {
  State& s = *state_;
  s.Evict(seq, options_.window_articles);
  SeriesAssignment result;
  if (!sig.dated || sig.network.empty() || sig.lines.empty()) return result;

  struct Count {
    int shared = 0, varying = 0;
  };
  std::map<int64_t, Count> counts;  // ordered: the choice below is deterministic
  for (const SkeletonLine& l : sig.lines) {
    auto it = s.postings.find(l.skeleton);
    if (it == s.postings.end()) continue;
    for (const SeriesPosting& p : it->second) {
      Count& c = counts[p.seq];
      ++c.shared;
      if (p.values != l.values) ++c.varying;
    }
  }
  const WindowEntry* best = nullptr;
  int best_shared = 0;
  double best_dice = 0;
  for (const auto& [other, c] : counts) {
    if (c.shared < options_.min_shared) continue;
    if (c.varying == 0) {
      // An earlier report told again with every value it states unchanged:
      // a copy of that report (the copy detector's to judge), never
      // another item of its series, even when an item of another day
      // matches too.
      const WindowEntry* e = s.Find(other);
      if (e != nullptr && 2.0 * c.shared / static_cast<double>(e->lines.size() + sig.lines.size()) >= options_.repeat_min_dice) {
        best = nullptr;
        break;
      }
    }
    if (c.varying < options_.min_varying) continue;
    const WindowEntry* e = s.Find(other);
    if (e == nullptr || e->day == sig.day || std::abs(e->day - sig.day) > options_.max_gap_days) continue;
    const double dice = 2.0 * c.shared / static_cast<double>(e->lines.size() + sig.lines.size());
    if (dice < options_.min_dice) continue;
    // Most shared, then the closest template, then the most recent.
    if (c.shared > best_shared || (c.shared == best_shared && dice >= best_dice)) {
      best = e;
      best_shared = c.shared;
      best_dice = dice;
    }
  }
  if (best != nullptr) {
    result.shared = best_shared;
    auto it = s.member.find(best->seq);
    if (it != s.member.end()) {
      result.series_id = it->second;
    } else {
      result.series_id = best->seq;
      result.new_series = true;
      result.founder_seq = best->seq;
      SeriesSignature founder;
      founder.outlet = best->outlet;
      founder.network = sig.network;
      founder.day = best->day;
      founder.title_words = best->title_words;
      s.Join(best->seq, best->seq, founder);
    }
    s.Join(seq, result.series_id, sig);
  }
  s.Push(seq, sig, options_.max_postings);
  return result;
}

void SeriesDetector::Restore(int64_t seq, const SeriesSignature& sig, int64_t series_id) {
  State& s = *state_;
  s.Evict(seq, options_.window_articles);
  if (series_id != 0) s.Join(seq, series_id, sig);
  s.Push(seq, sig, options_.max_postings);
}

std::optional<int64_t> SeriesDetector::SeriesOf(int64_t seq) const {
  auto it = state_->member.find(seq);
  if (it == state_->member.end()) return std::nullopt;
  return it->second;
}

const Series* SeriesDetector::series(int64_t id) const {
  auto it = state_->series.find(id);
  return it == state_->series.end() ? nullptr : &it->second;
}

size_t SeriesDetector::series_count() const { return state_->series.size(); }

size_t SeriesDetector::MemoryBytes() const {
  const State& s = *state_;
  size_t bytes = s.posting_count * sizeof(SeriesPosting) + s.postings.size() * 48 + s.postings.bucket_count() * 8 +
                 s.member.size() * 32 + s.series.size() * 160;
  for (const WindowEntry& e : s.window) {
    bytes += sizeof(WindowEntry) + e.lines.capacity() * sizeof(SkeletonLine);
    for (const auto& w : e.title_words) bytes += sizeof(std::string) + w.capacity();
  }
  return bytes;
}

}  // namespace warta::dedupe
