#include "dedupe/stories.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <climits>
#include <cmath>
#include <deque>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <new>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/ascii.h"
#include "dedupe/words.h"
#include "text/lexicon.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

namespace warta::dedupe {
namespace {

using TermVector = std::vector<std::pair<uint64_t, float>>;  // sorted by term

bool AllDigits(std::string_view w) {
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

// A story's centroid again as an open-addressing table (term -> weight,
// at least twice its size, a power of two). Scoring looks up the query's
// terms in every candidate story; in the table a look-up is one cache miss,
// in the sorted vector a binary search was several (most of Add's time at
// 100k articles).
class CentroidTable {
 public:
  void Build(const TermVector& centroid) {
    size_t capacity = 8;
    while (capacity < 2 * centroid.size()) capacity *= 2;
    slots_.assign(capacity, {0, 0.0f});
    shift_ = 64 - static_cast<int>(std::countr_zero(capacity));
    zero_ = 0.0f;
    for (const auto& [term, weight] : centroid) {
      if (term == 0) {  // 0 marks an empty slot; the one term hashing to it is kept apart
        zero_ = weight;
        continue;
      }
      size_t i = Home(term);
      while (slots_[i].first != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = {term, weight};
    }
  }
  // The weight of `term` in the centroid, 0 when it has none.
  float Weight(uint64_t term) const {
    if (term == 0) return zero_;
    if (slots_.empty()) return 0.0f;
    for (size_t i = Home(term);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].first == term) return slots_[i].second;
      if (slots_[i].first == 0) return 0.0f;
    }
  }
  void Clear() {
    std::vector<std::pair<uint64_t, float>>().swap(slots_);
    zero_ = 0.0f;
  }
  size_t Bytes() const { return slots_.capacity() * sizeof(slots_[0]); }

 private:
  size_t Home(uint64_t term) const { return static_cast<size_t>((term * 0x9E3779B97F4A7C15ull) >> shift_); }
  std::vector<std::pair<uint64_t, float>> slots_;
  int shift_ = 61;
  float zero_ = 0.0f;
};

// How many articles carried each name key, approximately and in fixed
// memory: a count-min sketch, blocked (a key's four counters lie in one
// 64-byte block, so a look-up is one cache miss; conservative update;
// 2^22 counters, 16 MB, its pages touched only as used). An exact map held
// one entry for every name ever seen (5 million at 1M generated articles,
// about 300 MB). A count is never under the true one; over it only by the
// names whose keys share all four of its counters, a few dozen at a
// million articles against the 50,000 articles that make a name common
// there (max_name_share), so which names are distinctive does not change.
class NameCounts {
 public:
  NameCounts() : counters_(static_cast<uint32_t*>(std::calloc(size_t{1} << kBits, sizeof(uint32_t))), &std::free) {
    if (!counters_) throw std::bad_alloc();
  }
  uint32_t Estimate(uint64_t key) const {
    const Cells c = CellsOf(key);
    uint32_t least = UINT32_MAX;
    for (size_t cell : c.at) least = std::min(least, counters_.get()[cell]);
    return least;
  }
  void Increment(uint64_t key) {
    const Cells c = CellsOf(key);
    uint32_t least = UINT32_MAX;
    for (size_t cell : c.at) least = std::min(least, counters_.get()[cell]);
    for (size_t cell : c.at) counters_.get()[cell] = std::max(counters_.get()[cell], least + 1);
  }
  static constexpr size_t Bytes() { return (size_t{1} << kBits) * sizeof(uint32_t); }

 private:
  static constexpr int kBits = 22;         // counters
  static constexpr int kBlockBits = 4;     // 16 counters (64 bytes) a block
  struct Cells {
    size_t at[4];
  };
  static Cells CellsOf(uint64_t key) {
    const uint64_t h = (key ^ (key >> 31)) * 0x9E3779B97F4A7C15ull;
    const size_t block = static_cast<size_t>(h >> (64 - (kBits - kBlockBits))) << kBlockBits;
    Cells c;
    for (int r = 0; r < 4; ++r) c.at[r] = block | static_cast<size_t>((h >> (4 * r)) & ((1u << kBlockBits) - 1));
    return c;
  }
  std::unique_ptr<uint32_t, decltype(&std::free)> counters_;
};

// What the first look at a candidate story reads (can the article still
// join it?), copied out of StoryState into one dense array: stories are
// numbered in creation order, so the active ones lie together at its end
// and stay in cache, where a look into each candidate's StoryState was a
// cache miss (a third of Add's time at 50k articles).
struct StoryReach {
  int64_t first_day = 0, last_day = 0;
  double norm = 0;
  bool dated = false;
};

struct StoryState {
  Story summary;
  int64_t first_day = 0, last_day = 0;     // span of its dated articles, in days
  bool dated = false;                      // has a dated article (else the span is
                                           // the newest day at creation, for retiring)
  bool shown_published = false;            // summary dates come from publication dates
  bool shown_clamped = false;              // summary dates are one clamped inferred date
  int64_t headline_key = INT64_MAX;        // publication key of the headline's article
  int64_t headline_seq = INT64_MAX;
  TermVector centroid;                     // sum of member vectors, pruned
  CentroidTable centroid_table;            // the same, for look-ups
  double norm = 0;
  std::unordered_map<std::string, int> entities;  // entity id -> mentions (active only)
  std::unordered_map<uint64_t, int> names;        // name key -> members naming it (active only)
  std::vector<int64_t> series;                    // series of its members (active only)
};

// The keys of an article's names: the entities the analysers found (their
// id, else their text), and the runs of capitalised words in its title and
// lead, which name places and participants when no analyser ran or the
// tagger missed them (a lone capitalised word opening a sentence is just
// capitalised; weekdays and months, which every dateline names, and
// stopwords end a run). A name gives two keys: all of it and its last word,
// because an Indonesian name puts its kind first and what tells it apart
// last ("Kota Bekasi", "Pasar Senen", "Alexander Kozlov" later written
// "Kozlov"), so two cities' "Badan Penanggulangan Bencana Daerah Kota ..."
// share no key (an entity's text counts whole only, see below). Titles are
// often in Title Case, so a title counts only when it is not ("Banjir Rendam
// Rumah" names nothing; "banjir di Bekasi" names Bekasi).
void AddStoryNameKeys(std::string_view name, bool last_word, std::vector<uint64_t>* keys) {
  std::string key = "t:" + AsciiLower(name);
  keys->push_back(XXH3_64bits(key.data(), key.size()));
  size_t last = name.rfind(' ');
  if (last_word && last != std::string_view::npos && name.size() - last - 1 >= 3) {
    key = "t:" + AsciiLower(name.substr(last + 1));
    keys->push_back(XXH3_64bits(key.data(), key.size()));
  }
}

std::vector<uint64_t> StoryNameKeys(const Article& article, int lead_paragraphs, const text::Lexicon& lexicon) {
  std::vector<uint64_t> keys;
  for (const auto& e : article.entities) {
    if (!e.entity_id.empty()) {
      std::string key = "e:" + e.entity_id;
      keys.push_back(XXH3_64bits(key.data(), key.size()));
    }
    // Whole only: a tagged span may be cut short ("Badan Penanggulangan"),
    // leaving a generic last word; the person linker already gives "Kozlov"
    // Alexander Kozlov's id.
    AddStoryNameKeys(e.text, false, &keys);
  }
  auto is_word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  auto scan = [&](std::string_view text) {
    std::string run;          // the capitalised words so far, space-separated
    bool run_opens = false;   // the run's first word opens a sentence
    int run_words = 0;
    auto flush = [&] {
      if (run_words > 1 || (run_words == 1 && !run_opens)) AddStoryNameKeys(run, true, &keys);
      run.clear();
      run_words = 0;
    };
    char before = '.';  // the last byte before the word that is not a space; a text opens a sentence
    size_t i = 0;
    while (i < text.size()) {
      if (!is_word(static_cast<unsigned char>(text[i]))) {
        if (text[i] != ' ') {
          before = text[i];
          flush();
        }
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text.size() && is_word(static_cast<unsigned char>(text[j]))) ++j;
      std::string_view w = text.substr(i, j - i);
      // '.', '!', '?', ':' and an opening quote (ASCII, or the last byte of U+201C) open a sentence.
      const bool opens = before == '.' || before == '!' || before == '?' || before == ':' || before == '"' ||
                         before == '\x9c';
      bool name = w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z';
      if (name) {
        std::string lower = AsciiLower(w);
        name = !text::IsStopword(lower) && lexicon.FindWeekday(lower) == nullptr && lexicon.FindMonth(lower) == nullptr;
      }
      if (name) {
        if (run_words == 0) run_opens = opens;
        if (run_words > 0) run += ' ';
        run.append(w);
        ++run_words;
      } else {
        flush();
      }
      before = w.back();
      i = j;
    }
    flush();
  };
  // A Title Case title: most of its words of three letters or more capitalised.
  size_t words = 0, capitalised = 0;
  for (size_t i = 0; i < article.title.size(); ++i) {
    bool start = (i == 0 || article.title[i - 1] == ' ') && std::isalpha(static_cast<unsigned char>(article.title[i]));
    if (!start) continue;
    size_t e = article.title.find(' ', i);
    if ((e == std::string::npos ? article.title.size() : e) - i < 3) continue;
    ++words;
    capitalised += article.title[i] >= 'A' && article.title[i] <= 'Z';
  }
  if (capitalised * 2 <= words) scan(article.title);
  for (size_t p = 0; p < article.paragraphs.size() && p < static_cast<size_t>(lead_paragraphs); ++p)
    scan(article.paragraphs[p]);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// The month a lower-case word names, 0 for none: any form of the lexicon's
// month table, since a day and a year stand beside it ("12 agt 2024").
int MonthOf(std::string_view w, const text::Lexicon& lexicon) {
  const text::MonthName* m = lexicon.FindMonth(w);
  return m == nullptr ? 0 : m->number;
}

int ToInt(std::string_view w) {
  if (w.empty() || w.size() > 4 || !AllDigits(w)) return -1;
  int v = 0;
  for (char c : w) v = v * 10 + (c - '0');
  return v;
}

std::optional<int64_t> DayOf(int y, int m, int d) {
  DateTime t;
  t.year = y, t.month = m, t.day = d;
  if (y < 1900 || y > 2200 || !t.IsValid()) return std::nullopt;
  return t.DaysSinceEpoch();
}

// The day an undated article's event happened, from what it says: a
// resolved DATE timex (the timex analyser's), else the first full date in
// its title or lead, "Jumat (29/11/2024)" or "19 November 2024" (the forms
// Indonesian datelines use).
std::optional<int64_t> EventDayOf(const Article& article, int lead_paragraphs, const text::Lexicon& lexicon,
                                  std::string& normalised, std::vector<std::string_view>& words) {
  for (const auto& t : article.timexes) {
    if (t.type != TimexType::kDate || t.value.size() != 10) continue;
    auto d = DateTime::ParseIso(t.value);
    if (d) return d->DaysSinceEpoch();
  }
  auto scan = [&](const std::string& text) -> std::optional<int64_t> {
    // d/m/yyyy
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '/') continue;
      size_t a = i;
      while (a > 0 && std::isdigit(static_cast<unsigned char>(text[a - 1]))) --a;
      size_t j = text.find('/', i + 1);
      if (j == std::string::npos || j - i > 3 || i - a == 0 || i - a > 2) continue;
      size_t e = j + 1;
      while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) ++e;
      if (e - j - 1 != 4) continue;
      int d = ToInt(std::string_view(text).substr(a, i - a));
      int m = ToInt(std::string_view(text).substr(i + 1, j - i - 1));
      int y = ToInt(std::string_view(text).substr(j + 1, 4));
      if (auto day = DayOf(y, m, d)) return day;
    }
    // d monthname yyyy
    NormaliseWords(text, &normalised);
    words.clear();
    SplitWords(normalised, &words);
    for (size_t k = 0; k + 2 < words.size(); ++k) {
      int m = MonthOf(words[k + 1], lexicon);
      if (m == 0) continue;
      int d = ToInt(words[k]), y = ToInt(words[k + 2]);
      if (d < 1 || y < 0) continue;
      if (auto day = DayOf(y, m, d)) return day;
    }
    return std::nullopt;
  };
  if (auto d = scan(article.title)) return d;
  for (size_t p = 0; p < article.paragraphs.size() && p < static_cast<size_t>(std::max(lead_paragraphs, 3)); ++p)
    if (auto d = scan(article.paragraphs[p])) return d;
  return std::nullopt;
}

// The date (no time) `days` after 1970-01-01.
DateTime StoryDayDate(int64_t days) {
  DateTime d = DateTime::FromUnixSeconds(days * 86400);
  d.has_time = d.has_offset = false;
  d.hour = d.minute = d.second = d.offset_minutes = 0;
  return d;
}

int64_t PubKey(const std::optional<DateTime>& d) {
  if (!d || !d->IsValid()) return INT64_MAX;
  int64_t s = d->DaysSinceEpoch() * 86400;
  if (d->has_time) s += d->hour * 3600 + d->minute * 60 + d->second;
  return s;
}

}  // namespace

struct StoryClusterer::State {
  text::Stemmer stemmer;
  std::unordered_map<uint64_t, uint32_t> df;
  uint64_t documents = 0;
  std::unordered_map<std::string, uint32_t> entity_df;  // articles naming each entity
  uint64_t entity_documents = 0;
  NameCounts name_df;                                   // articles carrying each name key
  uint64_t name_documents = 0;
  // By internal index. A deque: a vector's doubling held up to twice the
  // stories (half a million at 1M articles) and, while it grew, both copies.
  std::deque<StoryState> stories;
  std::unordered_map<int64_t, uint32_t> index_of_id;  // story id -> index
  std::unordered_map<int64_t, uint32_t> story_of_seq;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // term -> active stories
  std::vector<uint32_t> active;                       // indices of active stories
  std::vector<uint8_t> live;                          // per story: active (dense: the postings scan reads it)
  std::vector<StoryReach> reach;                      // per story: its span and norm (dense, as above)
  std::vector<uint32_t> seen_stamp;                   // per story: last Add that scored it
  std::vector<uint32_t> slot;                         // per story: its entry in acc
  std::vector<std::pair<uint32_t, double>> acc;       // candidates and their dot products
  std::vector<uint64_t> acc_terms;                    // per candidate: the query terms that reached it (bit = rank)
  uint32_t stamp = 0;
  int64_t newest_day = INT64_MIN;
  uint64_t adds_since_compaction = 0;
  std::vector<std::string_view> words;
  std::string normalised;
};

StoryClusterer::StoryClusterer(StoryOptions options) : options_(options), state_(std::make_unique<State>()) {
  options_.lead_paragraphs = std::max(options_.lead_paragraphs, 0);
  options_.max_article_terms = std::max(options_.max_article_terms, 1);
  options_.max_story_terms = std::max(options_.max_story_terms, 1);
  options_.window_days = std::max(options_.window_days, 0);
  options_.active_days = std::max(options_.active_days, options_.window_days);
  // An inactive story has dropped what a follow-up is scored against.
  options_.follow_up_days = std::clamp(options_.follow_up_days, options_.window_days, options_.active_days);
  options_.max_postings_scanned = std::max(options_.max_postings_scanned, 1);
  if (!options_.lexicon) options_.lexicon = text::Lexicon::Builtin();
}

StoryClusterer::~StoryClusterer() = default;

namespace {

// The article's L2-normalised tf-idf vector over its title and lead, after
// counting its terms into the document frequencies.
TermVector Vectorise(const Article& article, const StoryOptions& o, text::Stemmer& stemmer,
                     std::unordered_map<uint64_t, uint32_t>& df, uint64_t& documents,
                     std::string& normalised, std::vector<std::string_view>& words) {
  std::unordered_map<uint64_t, double> tf;
  auto add_text = [&](std::string_view text, double weight) {
    NormaliseWords(text, &normalised);
    words.clear();
    SplitWords(normalised, &words);
    for (std::string_view w : words) {
      if (w.size() < 3 || AllDigits(w) || text::IsStopword(w)) continue;
      std::string_view stem = o.stem ? stemmer.Stem(w) : w;
      if (stem.size() < 3) stem = w;
      tf[XXH3_64bits(stem.data(), stem.size())] += weight;
    }
  };
  add_text(article.title, o.title_weight);
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    if (p < static_cast<size_t>(o.lead_paragraphs)) {
      add_text(article.paragraphs[p], 1.0);
    } else if (o.body_weight > 0) {
      add_text(article.paragraphs[p], o.body_weight);
    }
  }
  ++documents;
  TermVector v;
  v.reserve(tf.size());
  for (const auto& [term, count] : tf) {
    uint32_t d = ++df[term];
    double idf = std::log((static_cast<double>(documents) + o.prior_documents + 1) / (static_cast<double>(d) + 0.5));
    double weight = (1 + std::log(count)) * std::max(idf, 0.0);
    if (weight > 0) v.emplace_back(term, static_cast<float>(weight));
  }
  if (v.size() > static_cast<size_t>(o.max_article_terms)) {
    std::nth_element(v.begin(), v.begin() + o.max_article_terms, v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    v.resize(static_cast<size_t>(o.max_article_terms));
  }
  std::sort(v.begin(), v.end());
  double norm = 0;
  for (const auto& t : v) norm += static_cast<double>(t.second) * t.second;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& t : v) t.second = static_cast<float>(t.second / norm);
  return v;
}

}  // namespace

StoryAssignment StoryClusterer::Add(int64_t seq, const Article& article, const StoryInput& input) {
  return AddImpl(seq, article, input, std::nullopt);
}

StoryAssignment StoryClusterer::Add(int64_t seq, const Article& article, std::optional<int64_t> copy_of) {
  StoryInput input;
  input.copy_of = copy_of;
  return AddImpl(seq, article, input, std::nullopt);
}

void StoryClusterer::Restore(int64_t seq, const Article& article, int64_t story_id, const StoryInput& input) {
  StoryInput restored = input;
  restored.copy_of.reset();
  AddImpl(seq, article, restored, story_id);
}

StoryAssignment StoryClusterer::AddImpl(int64_t seq, const Article& article, const StoryInput& input,
                                        std::optional<int64_t> forced_story) {
  State& s = *state_;
  TermVector v = Vectorise(article, options_, s.stemmer, s.df, s.documents, s.normalised, s.words);
  // The plausible days: from the earliest plausible date to the day after
  // the ingest (an outlet's local date runs ahead of UTC).
  const int64_t ingest_day =
      (input.ingested && input.ingested->IsValid() ? *input.ingested
                                                   : DateTime::FromUnixSeconds(static_cast<int64_t>(std::time(nullptr))))
          .DaysSinceEpoch();
  const int64_t earliest_day = options_.earliest_plausible.DaysSinceEpoch();
  auto plausible = [&](int64_t d) { return d >= earliest_day && d <= ingest_day + 1; };
  // The article's day: its publication date, else the date its text gives
  // for the event (the timex analyser's, else a written date of its lead),
  // whichever is plausible. Warta never invents a date it was not given.
  const bool published = article.published && article.published->IsValid() &&
                         plausible(article.published->DaysSinceEpoch());
  std::optional<int64_t> event_day;
  if (published) {
    event_day = article.published->DaysSinceEpoch();
  } else if (article.inferred_published && article.inferred_published->IsValid() &&
             plausible(article.inferred_published->DaysSinceEpoch())) {
    event_day = article.inferred_published->DaysSinceEpoch();
  } else if (auto d = EventDayOf(article, options_.lead_paragraphs, *options_.lexicon, s.normalised, s.words);
             d && plausible(*d)) {
    event_day = d;
  }
  const bool dated = event_day.has_value();
  int64_t day = dated ? *event_day : (s.newest_day == INT64_MIN ? 0 : s.newest_day);
  // One event: the story's dated reports with this one span at most
  // window_days. A later development: past the window, within
  // follow_up_days of the story's last report.
  auto InWindow = [&](const auto& st, int64_t d) {
    return std::max(st.last_day, d) - std::min(st.first_day, d) <= options_.window_days;
  };
  auto FollowsUp = [&](const auto& st, int64_t d) {
    return d > st.last_day && d - st.last_day <= options_.follow_up_days;
  };
  // Its distinctive names: those fewer than max_name_share of the articles
  // seen carry (counted before this one, so a name's first article has it rare).
  std::vector<uint64_t> names = StoryNameKeys(article, options_.name_paragraphs, *options_.lexicon);
  std::vector<uint64_t> distinctive;
  for (uint64_t n : names) {
    const double df = s.name_df.Estimate(n);
    if (df / (static_cast<double>(s.name_documents) + options_.name_prior_documents) < options_.max_name_share)
      distinctive.push_back(n);
  }
  // The article's entities, each weighted by how rare it is across the
  // articles seen (a minister on one visit tells stories apart; "Rusia" in
  // every article does not) and by how often the article names it.
  std::vector<std::string> entity_ids;
  for (const auto& e : article.entities)
    if (!e.entity_id.empty()) entity_ids.push_back(e.entity_id);
  std::sort(entity_ids.begin(), entity_ids.end());
  std::vector<std::pair<std::string, double>> entity_weights;
  double entity_total = 0;
  for (size_t i = 0; i < entity_ids.size();) {
    size_t j = i;
    while (j < entity_ids.size() && entity_ids[j] == entity_ids[i]) ++j;
    auto df = s.entity_df.find(entity_ids[i]);
    double idf = 1 + std::log((static_cast<double>(s.entity_documents) + 1) /
                              ((df == s.entity_df.end() ? 0.0 : df->second) + 1.0));
    double w = idf * (1 + std::log(static_cast<double>(j - i)));
    entity_weights.emplace_back(entity_ids[i], w);
    entity_total += w;
    i = j;
  }
  entity_ids.erase(std::unique(entity_ids.begin(), entity_ids.end()), entity_ids.end());

  // Retire stories that fell out of the window before scoring against them.
  // Only a publication date moves the window: a date read from a text may
  // be any day it mentions.
  if (published && day > s.newest_day) {
    s.newest_day = day;
    std::vector<uint32_t> still;
    for (uint32_t i : s.active) {
      StoryState& st = s.stories[i];
      if (st.last_day + options_.active_days < s.newest_day) {
        st.summary.active = false;
        TermVector().swap(st.centroid);
        st.centroid_table.Clear();
        s.live[i] = 0;
        std::unordered_map<std::string, int>().swap(st.entities);
        std::unordered_map<uint64_t, int>().swap(st.names);
        std::vector<int64_t>().swap(st.series);
      } else {
        still.push_back(i);
      }
    }
    s.active.swap(still);
  }

  StoryAssignment out;
  int64_t best = -1;
  double best_score = 0;
  bool create = false;
  if (forced_story) {
    auto it = s.index_of_id.find(*forced_story);
    if (it == s.index_of_id.end()) {
      create = true;
    } else {
      best = it->second;
      if (!s.stories[it->second].summary.active) {
        s.stories[it->second].summary.active = true;
        s.live[it->second] = 1;
        s.active.push_back(it->second);
      }
    }
  } else if (input.copy_of) {
    auto it = s.story_of_seq.find(*input.copy_of);
    // Unless the copy lies outside the story's window: a copy appears within
    // days, and a story spans a few days whatever joins it.
    if (it != s.story_of_seq.end() && s.stories[it->second].summary.active &&
        (!dated || !s.stories[it->second].dated || InWindow(s.stories[it->second], day)))
      best = it->second, best_score = 1;
  }
  if (best < 0 && !create && !v.empty()) {
    // Score by accumulating over postings: each (article term, story) pair
    // is looked at once, so a candidate costs what it shares, not its size.
    ++s.stamp;
    s.seen_stamp.resize(s.stories.size(), 0);
    s.slot.resize(s.stories.size(), 0);
    s.acc.clear();
    s.acc_terms.clear();
    std::vector<size_t> query(v.size());
    for (size_t i = 0; i < v.size(); ++i) query[i] = i;
    std::sort(query.begin(), query.end(), [&v](size_t x, size_t y) { return v[x].second > v[y].second; });
    // At most 64 terms: a candidate records the terms that reached it in one word.
    query.resize(std::min({query.size(), static_cast<size_t>(std::max(0, options_.max_query_terms)), size_t{64}}));
    constexpr uint32_t kExcluded = UINT32_MAX;
    for (size_t rank = 0; rank < query.size(); ++rank) {
      const uint64_t term = v[query[rank]].first;
      auto it = s.postings.find(term);
      if (it == s.postings.end()) continue;
      const auto& list = it->second;
      size_t scanned = 0;
      for (size_t k = list.size(); k-- > 0 && scanned < static_cast<size_t>(options_.max_postings_scanned);) {
        uint32_t c = list[k];
        if (!s.live[c]) continue;
        StoryState& st = s.stories[c];
        ++scanned;
        if (s.seen_stamp[c] != s.stamp) {
          s.seen_stamp[c] = s.stamp;
          // In the window (one event), a later development (a follow-up
          // candidate, told apart below), or out of reach.
          const StoryReach& reach = s.reach[c];
          bool excluded = reach.norm <= 0;
          if (!excluded && dated && reach.dated && !InWindow(reach, day) && !FollowsUp(reach, day)) excluded = true;
          if (!excluded && input.series &&
              std::find(st.series.begin(), st.series.end(), *input.series) != st.series.end())
            excluded = true;  // another item of the article's series: its own story
          if (excluded) {
            s.slot[c] = kExcluded;
          } else {
            s.slot[c] = static_cast<uint32_t>(s.acc.size());
            s.acc.emplace_back(c, 0.0);
            s.acc_terms.push_back(0);
          }
        }
        if (s.slot[c] != kExcluded) s.acc_terms[s.slot[c]] |= uint64_t{1} << rank;
      }
    }
    // The dot products, one candidate at a time: its centroid is then read
    // while in cache (term by term across candidates, each look-up was a
    // cache miss: most of Add's time at 100k articles). Terms are added in
    // rank order, as a term-by-term pass would, so the sums are the same.
    for (size_t k = 0; k < s.acc.size(); ++k) {
      const CentroidTable& centroid = s.stories[s.acc[k].first].centroid_table;
      double dot = 0;
      for (uint64_t bits = s.acc_terms[k]; bits != 0; bits &= bits - 1) {
        const auto [term, weight] = v[query[static_cast<size_t>(std::countr_zero(bits))]];
        dot += static_cast<double>(weight) * centroid.Weight(term);
      }
      s.acc[k].second = dot;
    }
    // Text alone does not make one event: the article must share a
    // distinctive name with the story (its place, a participant). An
    // article with none to share may join on strong text evidence only; an
    // undated one needs both.
    const double join_min = published ? options_.min_similarity : options_.undated_min_similarity;
    int64_t follow = -1;
    double follow_score = 0;
    for (const auto& [c, dot] : s.acc) {
      const StoryState& st = s.stories[c];
      double score = dot / st.norm;
      if (entity_total > 0 && !st.entities.empty()) {
        double shared = 0;
        for (const auto& [e, w] : entity_weights) shared += st.entities.count(e) ? w : 0;
        double overlap = shared / entity_total;
        score = (1 - options_.entity_weight) * score + options_.entity_weight * overlap;
      }
      // Below the bar a story is neither joined nor followed up (the
      // follow-up bar is min_similarity, which is join_min for a dated
      // article), so the name check, the costly part, is skipped for it.
      if (score < join_min) continue;
      bool shares_name = false;
      for (uint64_t n : distinctive)
        if (st.names.count(n)) {
          shares_name = true;
          break;
        }
      const bool coherent =
          shares_name || (published && distinctive.empty() && score >= options_.undated_min_similarity);
      if (!coherent) continue;
      if (dated && st.dated && !InWindow(st, day)) {
        // A later development of that event, if published (its date is what
        // says it came later); of the latest such story, so a chain of
        // developments links each to the one before.
        if (published && score >= options_.min_similarity) {
          const int64_t last = follow < 0 ? INT64_MIN : s.stories[static_cast<size_t>(follow)].last_day;
          if (st.last_day > last || (st.last_day == last && score > follow_score)) follow_score = score, follow = c;
        }
        continue;
      }
      if (score > best_score) best_score = score, best = c;
    }
    if (best_score < join_min) best = -1;
    if (best < 0 && follow >= 0) out.follow_up_of = s.stories[static_cast<size_t>(follow)].summary.id;
  }

  uint32_t index;
  if (best < 0) {
    index = static_cast<uint32_t>(s.stories.size());
    s.stories.emplace_back();
    s.live.push_back(1);
    s.stories.back().summary.id = forced_story.value_or(seq);
    s.stories.back().first_day = s.stories.back().last_day = day;
    s.reach.push_back({day, day, 0.0, false});
    s.stories.back().summary.follow_up_of = out.follow_up_of;
    s.index_of_id[s.stories.back().summary.id] = index;
    s.active.push_back(index);
    out.new_story = true;
  } else {
    index = static_cast<uint32_t>(best);
    out.similarity = best_score;
    out.follow_up_of = 0;
  }
  s.story_of_seq[seq] = index;
  StoryState& st = s.stories[index];
  out.story_id = st.summary.id;

  // Update the summary.
  ++st.summary.article_count;
  if (dated) {
    st.first_day = st.dated ? std::min(st.first_day, day) : day;
    st.last_day = st.dated ? std::max(st.last_day, day) : day;
    st.dated = true;
    s.reach[index].first_day = st.first_day;
    s.reach[index].last_day = st.last_day;
    s.reach[index].dated = true;
  }
  // The span shows the dates the articles were published; a story none of
  // whose articles says shows the dates their text gives (the timex
  // analyser's), clamped to [earliest plausible, ingest day].
  if (published) {
    int64_t key = PubKey(article.published);
    if (!st.shown_published || key < PubKey(st.summary.first_published)) st.summary.first_published = article.published;
    if (!st.shown_published || key > PubKey(st.summary.last_published)) st.summary.last_published = article.published;
    st.shown_published = true;
  } else if (!st.shown_published && article.inferred_published && article.inferred_published->IsValid()) {
    // A clamped date stands in only while the story has no other, so the
    // span never stretches from a real date to a clamp.
    std::optional<DateTime> shown = article.inferred_published;
    int64_t d = shown->DaysSinceEpoch();
    const bool clamped = d > ingest_day || d < earliest_day;
    if (d > ingest_day) shown = StoryDayDate(ingest_day);
    if (d < earliest_day) shown = StoryDayDate(earliest_day);
    if (!clamped && st.shown_clamped) {
      st.summary.first_published = st.summary.last_published = shown;
      st.shown_clamped = false;
    } else if (!clamped || !st.summary.first_published) {
      int64_t key = PubKey(shown);
      if (!st.summary.first_published || key < PubKey(st.summary.first_published)) st.summary.first_published = shown;
      if (!st.summary.last_published || key > PubKey(st.summary.last_published)) st.summary.last_published = shown;
      st.shown_clamped = clamped;
    }
  }
  for (uint64_t n : names) ++st.names[n];
  for (uint64_t n : names) s.name_df.Increment(n);
  ++s.name_documents;
  if (input.series && std::find(st.series.begin(), st.series.end(), *input.series) == st.series.end())
    st.series.push_back(*input.series);
  int64_t key = published ? PubKey(article.published) : INT64_MAX;
  if (st.summary.headline.empty() || key < st.headline_key || (key == st.headline_key && seq < st.headline_seq)) {
    if (!article.title.empty() || st.summary.headline.empty()) {
      st.summary.headline = article.title;
      st.headline_key = key;
      st.headline_seq = seq;
    }
  }
  if (!entity_ids.empty()) {
    ++s.entity_documents;
    for (const auto& e : entity_ids) ++s.entity_df[e];
    for (const auto& e : entity_ids) ++st.entities[e];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [id, n] : st.entities) ranked.emplace_back(-n, id);
    std::sort(ranked.begin(), ranked.end());
    st.summary.key_entities.clear();
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) st.summary.key_entities.push_back(ranked[i].second);
  }

  // Centroid += v, pruned to the strongest terms; new terms get postings.
  TermVector merged;
  merged.reserve(st.centroid.size() + v.size());
  size_t i = 0, j = 0;
  std::vector<uint64_t> added;
  while (i < st.centroid.size() || j < v.size()) {
    if (j == v.size() || (i < st.centroid.size() && st.centroid[i].first < v[j].first)) {
      merged.push_back(st.centroid[i++]);
    } else if (i == st.centroid.size() || v[j].first < st.centroid[i].first) {
      merged.push_back(v[j]);
      added.push_back(v[j++].first);
    } else {
      merged.emplace_back(v[j].first, st.centroid[i].second + v[j].second);
      ++i, ++j;
    }
  }
  if (merged.size() > static_cast<size_t>(options_.max_story_terms)) {
    std::nth_element(merged.begin(), merged.begin() + options_.max_story_terms, merged.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    merged.resize(static_cast<size_t>(options_.max_story_terms));
    std::sort(merged.begin(), merged.end());
  }
  st.centroid.swap(merged);
  st.centroid_table.Build(st.centroid);
  st.norm = 0;
  for (const auto& t : st.centroid) st.norm += static_cast<double>(t.second) * t.second;
  st.norm = std::sqrt(st.norm);
  s.reach[index].norm = st.norm;
  for (uint64_t term : added)
    if (std::binary_search(st.centroid.begin(), st.centroid.end(), std::make_pair(term, 0.0f),
                           [](const auto& a, const auto& b) { return a.first < b.first; }))
      s.postings[term].push_back(index);

  // Postings of inactive stories are skipped when scanned; drop them now and
  // then so memory tracks the active window, not history.
  if (++s.adds_since_compaction >= 4 * s.active.size() + 10000) {
    s.adds_since_compaction = 0;
    for (auto it = s.postings.begin(); it != s.postings.end();) {
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(), [&](uint32_t c) { return !s.live[c]; }),
                 list.end());
      if (list.empty()) {
        it = s.postings.erase(it);
      } else {
        list.shrink_to_fit();
        ++it;
      }
    }
  }
  return out;
}

const Story* StoryClusterer::story(int64_t id) const {
  auto it = state_->index_of_id.find(id);
  return it == state_->index_of_id.end() ? nullptr : &state_->stories[it->second].summary;
}

void StoryClusterer::NoteSeries(int64_t seq, int64_t series) {
  auto it = state_->story_of_seq.find(seq);
  if (it == state_->story_of_seq.end()) return;
  std::vector<int64_t>& in = state_->stories[it->second].series;
  if (std::find(in.begin(), in.end(), series) == in.end()) in.push_back(series);
}

std::optional<int64_t> StoryClusterer::StoryOf(int64_t seq) const {
  auto it = state_->story_of_seq.find(seq);
  if (it == state_->story_of_seq.end()) return std::nullopt;
  return state_->stories[it->second].summary.id;
}

size_t StoryClusterer::story_count() const { return state_->stories.size(); }
size_t StoryClusterer::active_story_count() const { return state_->active.size(); }

size_t StoryClusterer::MemoryBytes() const {
  const State& s = *state_;
  size_t bytes = s.df.size() * 32 + s.story_of_seq.size() * 40 + s.index_of_id.size() * 40 +
                 s.stories.size() * sizeof(StoryState) + s.live.capacity();
  for (const auto& st : s.stories)
    bytes += st.centroid.capacity() * 16 + st.centroid_table.Bytes() + st.summary.headline.capacity() + st.entities.size() * 48 +
             st.names.size() * 32 + st.series.capacity() * 8;
  bytes += NameCounts::Bytes();
  for (const auto& [term, list] : s.postings) bytes += 48 + list.capacity() * 4;
  return bytes;
}

}  // namespace warta::dedupe
