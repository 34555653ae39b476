// Series: recurring reports made from one template. Daily gold prices,
// exchange rates, fuel prices, the weather, the match reports of a league:
// one outlet (or one network of sub-domains) writes the same sentences day
// after day with different figures, dates and names. Each item is its own
// report: never a copy of another item, and its own story unless other
// outlets report that same item.
//
//   SeriesDetector series({});
//   SeriesSignature sig = series.Sign(article);        // any thread
//   SeriesAssignment a = series.Add(seq, sig);         // one writer, seqs increasing
//   if (a.series_id) ... series.series(a.series_id)->name ...
//   series.SeriesOf(other_seq);                        // for copies and stories
//
// How: every body sentence is masked into a skeleton: figures (any token
// with a digit), number words, month and weekday names become "#"/"@",
// the lexicon's series.value_word words ("naik", "turun", "cerah") "~",
// and each run of capitalised words (names) one "N"; currency words and
// every other word stay as written (lower-cased), punctuation is dropped.
// "Harga emas Antam hari ini, Senin (13/1/2025), naik Rp 5.000 per gram"
// -> "N emas N hari ini @ # ~ rp # per gram". A skeleton with fewer than
// min_literal_words literal words is too generic to count. Each skeleton is
// hashed with the network (the URL's registrable domain, else the outlet),
// together with a hash of the values it masked.
//
// A new article joins a series with the earlier article (within
// max_gap_days, on another day, of the same network) that shares the most
// skeletons, when they share at least min_shared, their Dice overlap
// (2 x shared / (sentences of both)) reaches min_dice, and at least
// min_varying shared skeletons carry different values: the same template
// told about another day. An outlet's boilerplate ("Baca berita lainnya di
// ...") repeats its values, and a copy repeats all of them, so neither
// makes a series; an article that repeats an earlier one's skeletons
// (Dice >= repeat_min_dice) with every value unchanged is a copy of it and
// joins no series at all, even when another day's item would match.
// When the earlier article is in no series yet, the two
// found one; its id is the earlier article's seq and its name the words
// the two titles share (case of the earlier), e.g. "Harga Emas Antam Hari
// Ini"; with fewer than two shared words, the earlier title's words
// without its figures and dates. The name never changes afterwards.
//
// Bounded memory: only articles whose seq is within window_articles of the
// newest are kept for matching, each with at most max_sentences skeletons,
// and each skeleton keeps its max_postings most recent articles:
// at most window_articles x max_sentences postings of 16 bytes (100,000 x
// 48: 77 MB with the defaults; a realistic 20 sentences an article: 32 MB).
// Membership (seq -> series) and the series summaries are kept for all.
//
// Persistence: the store keeps each article's series id and each Series.
// On open, call Restore() for every stored article in seq order with its
// stored series id: the window and the series are then what Add() built,
// so the next article gets the series an uninterrupted run would give it.
//
// Thread-safety: Sign() is const and thread-safe; everything else single
// writer, and readers only when no Add/Restore runs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "text/lexicon.h"

namespace warta::dedupe {

struct SeriesOptions {
  // A sentence counts when its skeleton keeps at least this many literal
  // (unmasked) words: "N di N @ #" says nothing about a template.
  int min_literal_words = 4;
  // Skeletons kept per article (the first ones: the template leads).
  int max_sentences = 48;
  // Skeletons two items must share, and their Dice overlap.
  int min_shared = 3;
  double min_dice = 0.5;
  // Shared skeletons whose masked values differ: another day's figures.
  int min_varying = 2;
  // An article sharing at least this Dice overlap of skeletons with an
  // earlier one, every shared value unchanged, repeats that report (a
  // syndicated or re-published copy): it joins no series, so the copy
  // detector can link it to what it repeats.
  double repeat_min_dice = 0.8;
  // The earlier item is at most this many days older (a monthly report
  // still recurs within it) and never on the same day.
  int max_gap_days = 100;
  // Matching memory (see above).
  int64_t window_articles = 100000;
  int max_postings = 32;
  // Number words, months, weekdays, currencies and value words; null = the
  // built-in lexicon.
  std::shared_ptr<const text::Lexicon> lexicon;
};

// One masked sentence: the hash of its skeleton and of the values masked.
struct SkeletonLine {
  uint64_t skeleton = 0;
  uint64_t values = 0;
  friend bool operator==(const SkeletonLine&, const SkeletonLine&) = default;
};

// What Sign() keeps of an article.
struct SeriesSignature {
  std::string network;          // registrable domain, "outlet:<name>", or "" (no series)
  std::string outlet;
  int32_t day = 0;              // days since the epoch of its publication date
  bool dated = false;           // no series without a date
  std::vector<SkeletonLine> lines;  // sorted by skeleton, one per skeleton
  std::vector<std::string> title_words;  // the title's unmasked words, as written
};

// The masked form of one sentence (exposed for tests and for anyone who
// wants to show why two articles form a series).
struct Skeleton {
  std::string text;             // slots and literal words, space-separated: "N emas N hari ini @ # ~ rp #"
  std::string values;           // the masked words, '|'-separated
  int literal_words = 0;
};

struct Series {
  int64_t id = 0;               // the seq of its earliest-stored item
  std::string name;
  std::string outlet;           // the outlet of its first item
  std::string network;
  int64_t article_count = 0;
  int32_t first_day = 0, last_day = 0;  // days since the epoch
};

struct SeriesAssignment {
  int64_t series_id = 0;        // 0: in no series
  bool new_series = false;
  // When the series is new: the earlier item that founded it with this
  // article (its series id changes from none to series_id); else 0.
  int64_t founder_seq = 0;
  int shared = 0;               // skeletons shared with the item matched
};

class SeriesDetector {
 public:
  explicit SeriesDetector(SeriesOptions options = {});
  ~SeriesDetector();
  SeriesDetector(const SeriesDetector&) = delete;
  SeriesDetector& operator=(const SeriesDetector&) = delete;

  // Masks one sentence (see above).
  Skeleton Mask(std::string_view sentence) const;

  // The article's skeletons, network, date and title words. Thread-safe.
  // Without the body (no skeletons): enough for Restore() of an article
  // older than the window, which only its membership and title serve.
  SeriesSignature Sign(const Article& article, bool with_body = true) const;

  // Registers article `seq` (greater than every seq given before) and
  // decides its series.
  SeriesAssignment Add(int64_t seq, const SeriesSignature& signature);

  // Registers `seq` as a member of `series_id` (0: none) without matching:
  // rebuilding from the store on open, in seq order. Only a series' first
  // two members name it, so pass their titles (Sign() of the stored
  // article gives them). An article whose seq is at most
  // OldestMatchable(next seq) - 1 is never matched again: its signature may
  // leave out the body.
  void Restore(int64_t seq, const SeriesSignature& signature, int64_t series_id);
  // The oldest seq the article `next_seq` can still be matched with.
  int64_t OldestMatchable(int64_t next_seq) const { return next_seq - options_.window_articles + 1; }

  // The series of an article registered since construction (nullopt when
  // in none or unknown). Copies use it (items of one series are never
  // copies of one another), and stories (each item is its own story).
  std::optional<int64_t> SeriesOf(int64_t seq) const;
  // nullptr when unknown.
  const Series* series(int64_t id) const;
  size_t series_count() const;
  // Approximate bytes held (for the scale benchmark).
  size_t MemoryBytes() const;
  const SeriesOptions& options() const { return options_; }

 private:
  struct State;
  SeriesOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace warta::dedupe
