// Story clustering: articles about the same event grouped as they arrive.
//
//   StoryClusterer stories({});
//   StoryAssignment a = stories.Add(seq, article, copy_of);   // one writer
//   const Story* s = stories.story(a.story_id);
//
// An article joins the active story it is most similar to, or starts one.
// Similarity is the cosine of TF-IDF vectors over the stemmed content words
// of the title (weighted up) and the lead paragraphs against the story's
// centroid, blended with entity overlap when both sides have resolved
// entities (Article::entities' entity_id), and only stories whose date span
// lies within max_gap_days of the article's date compete. The date is the
// publication date; for an undated article, the first resolved DATE timex or
// the first full date its title or lead writes ("Jumat (29/11/2024)",
// "19 November 2024"); with none, the article is held to no date span. The
// lead, not the whole body, because it is where a news article states its
// event; background paragraphs are shared across unrelated stories. Document
// frequencies grow incrementally with each article. A copy found by the
// DuplicateDetector joins its original's story directly.
//
// Memory stays bounded: a story whose last article is more than active_days
// older than the newest article seen goes inactive and drops its centroid and
// postings; only its summary (Story) is kept.
//
// Persistence: the store keeps each article's story_id and each Story.
// On open, call Restore() for every stored article in seq order: document
// frequencies, centroids and retirements then are exactly what Add() built,
// so the next article gets the story an uninterrupted run would give it (a
// replay of the last active_days only would weight its terms differently).
//
// Thread-safety: single writer; story() and the counters may be read only
// when no Add/Restore runs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/datetime.h"
#include "text/lexicon.h"

namespace warta::dedupe {

struct StoryOptions {
  // Paragraphs after the title that state the event (the "lead").
  int lead_paragraphs = 2;
  // Words after the lead count this much (0: lead only, the default). On the
  // labelled set 0.3 scored the same and cost 2.5x the time: the body is
  // most of an article's words.
  double body_weight = 0;
  // Title words count this many times: the headline names the event.
  double title_weight = 2.0;
  // Document frequencies count as if this many earlier articles lacked every
  // term, so a young store (ten articles, all on one topic) does not call
  // the words they share common and miss the story they share.
  double prior_documents = 1000;
  // Only an article's strongest terms (by tf-idf) are kept and looked up.
  int max_article_terms = 40;
  // A story's centroid keeps its strongest terms only, bounding memory.
  int max_story_terms = 100;
  // An article joins the best story scoring at least this, else starts one.
  double min_similarity = 0.25;
  // Share of the score given to entity overlap when article and story both
  // have resolved entities.
  double entity_weight = 0.4;
  // An article joins only a story whose date span is at most this many days
  // away from its date (see above; an article or story with none is held to no span).
  int max_gap_days = 3;
  // Stories with no article in the last active_days (relative to the newest
  // article seen) go inactive.
  int active_days = 30;
  // Candidates come from the postings of the article's strongest terms
  // only, and per term from its most recent active stories only, so a common
  // word cannot make one Add cost O(active stories).
  int max_query_terms = 20;
  int max_postings_scanned = 64;
  // Stem words (Snowball Indonesian) so "serangan" meets "menyerang".
  bool stem = true;
  // The month names an undated article's written dates are read with
  // (text/lexicon.h); null = the built-in lexicon.
  std::shared_ptr<const text::Lexicon> lexicon;
};

struct Story {
  int64_t id = 0;                          // stable: the seq of its first article
  std::string headline;                    // title of its earliest-published article
  std::optional<DateTime> first_published; // span of its articles' publication dates (inferred ones for undated articles)
  std::optional<DateTime> last_published;
  int64_t article_count = 0;
  std::vector<std::string> key_entities;   // most mentioned entity ids, at most 5
  bool active = true;
};

struct StoryAssignment {
  int64_t story_id = 0;
  bool new_story = false;
  double similarity = 0;   // score against the story joined (1 for a copy, 0 for a new story)
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Assigns article `seq` (unique) to a story. `copy_of`: the original the
  // DuplicateDetector found, if any; the copy joins its story when that story
  // is known and active.
  StoryAssignment Add(int64_t seq, const Article& article, std::optional<int64_t> copy_of = std::nullopt);

  // Puts `seq` into story `story_id` (created when unknown) without scoring:
  // for rebuilding the active window from the store on open.
  void Restore(int64_t seq, const Article& article, int64_t story_id);

  // nullptr when no story has that id.
  const Story* story(int64_t id) const;
  // The story of an article added since construction (nullopt if unknown).
  std::optional<int64_t> StoryOf(int64_t seq) const;
  size_t story_count() const;
  size_t active_story_count() const;
  // Approximate bytes held (for the scale benchmark).
  size_t MemoryBytes() const;
  const StoryOptions& options() const { return options_; }

 private:
  StoryAssignment AddImpl(int64_t seq, const Article& article, std::optional<int64_t> copy_of,
                          std::optional<int64_t> forced_story);
  struct State;
  StoryOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace warta::dedupe
