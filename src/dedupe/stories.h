// Story clustering: articles about the same event grouped as they arrive.
//
//   StoryClusterer stories({});
//   StoryAssignment a = stories.Add(seq, article, {.copy_of = original});  // one writer
//   const Story* s = stories.story(a.story_id);
//
// A story is one event. An article joins the active story it is most
// similar to when all of these hold, else it starts a story of its own:
//  - text: the cosine of TF-IDF vectors over the stemmed content words of
//    the title (weighted up) and the lead paragraphs against the story's
//    centroid, blended with entity overlap when both sides have resolved
//    entities (Article::entities' entity_id), reaches min_similarity;
//  - time: the story's reports stay within window_days of its FIRST report
//    (the span of its dated articles with this one never exceeds the
//    window), so a story cannot slide day after day into a season;
//  - coherence: the article shares a distinctive name with the story (an
//    entity the analysers found, or a run of capitalised words in its title
//    or first name_paragraphs paragraphs, whole or by its last word), one
//    that fewer than max_name_share of the articles seen carry: shared
//    generic words ("kebakaran", "harga") do not make two events one, a
//    shared place or participant does (an article with no distinctive name
//    at all may join on text at undated_min_similarity);
//  - series: no member of the story belongs to the article's series (two
//    items of one recurring report, each with its own date and figures, are
//    two stories; StoryInput::series, from dedupe/series).
// A later development (all of the above but the time) starts a new story
// that is a follow-up of the earlier one (Story::follow_up_of), when the
// earlier story's last report is at most follow_up_days old.
//
// Dates. An article's date is its publication date, else (undated) the
// timex analyser's inferred date or the first full date its title or lead
// writes ("Jumat (29/11/2024)", "19 November 2024"). A date is used only
// when plausible: not before earliest_plausible and not after the day after
// the article was ingested (StoryInput::ingested; the day after because
// Indonesian outlets date in WIB..WIT, ahead of UTC). An article with no
// publication date is weak evidence: it joins only at undated_min_similarity
// and with a shared distinctive name. A story's first/last dates come from
// its members' plausible publication dates; a story of undated articles only
// shows their inferred dates clamped to that range, so no story is ever
// dated after its ingest or before the earliest plausible date.
//
// The lead, not the whole body, because it is where a news article states
// its event; background paragraphs are shared across unrelated stories.
// Document frequencies grow incrementally with each article. A copy found
// by the DuplicateDetector joins its original's story directly.
//
// Memory stays bounded: a story whose last article is more than active_days
// older than the newest article seen goes inactive and drops its centroid,
// names and postings; only its summary (Story) is kept.
//
// Persistence: the store keeps each article's story_id and each Story.
// On open, call Restore() for every stored article in seq order with the
// StoryInput it was added with: document frequencies, centroids and
// retirements then are exactly what Add() built, so the next article gets
// the story an uninterrupted run would give it (a replay of the last
// active_days only would weight its terms differently). A restored story
// does not know its follow_up_of (the store keeps it).
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
  // A story's dated reports lie within this many days of its first. Four:
  // on the hand-labelled IndoSum pairs (same event or its direct
  // development) 35 of 40 lie within four days, the first reports and the
  // reactions to them; what comes later is a new development (a verdict
  // after a trial, a final after a semi-final) and gets a follow-up story.
  int window_days = 4;
  // A story may be followed up (a new story linked to it) until its last
  // report is this many days older than the follow-up.
  int follow_up_days = 30;
  // An article with no publication date joins a story only scoring at least
  // this (and sharing a distinctive name with it): its date cannot confirm
  // the event.
  double undated_min_similarity = 0.3;
  // Names are read from the title and this many paragraphs: a report names
  // its place and participants early, though not always in the lead.
  int name_paragraphs = 4;
  // A name carried by at least this share of the articles seen (a weekday
  // spelt out, the country, an outlet's dateline) tells no two events apart.
  double max_name_share = 0.05;
  // Name frequencies count as if this many earlier articles lacked every
  // name (as prior_documents does for words).
  double name_prior_documents = 100;
  // No date before this is believed (Indonesian news went online in 1995:
  // Republika Online, Kompas Online); earlier text dates are history, not
  // the event, and a story is never dated before it.
  DateTime earliest_plausible{.year = 1995, .month = 1, .day = 1};
  // Stories with no article in the last active_days (relative to the newest
  // article seen) go inactive; follow_up_days is at most this.
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
  // Span of its articles' plausible publication dates; for a story of
  // undated articles only, their inferred dates clamped (see above).
  std::optional<DateTime> first_published;
  std::optional<DateTime> last_published;
  int64_t follow_up_of = 0;                // the earlier story this one develops, 0 for none
  int64_t article_count = 0;
  std::vector<std::string> key_entities;   // most mentioned entity ids, at most 5
  bool active = true;
};

struct StoryAssignment {
  int64_t story_id = 0;
  bool new_story = false;
  double similarity = 0;   // score against the story joined (1 for a copy, 0 for a new story)
  int64_t follow_up_of = 0;  // a new story that follows up this earlier one, else 0
};

// What other stages decided about an article, for Add and Restore.
struct StoryInput {
  // The original the DuplicateDetector found: the copy joins its story
  // when that story is known and active.
  std::optional<int64_t> copy_of;
  // The series (dedupe/series) the article is an item of: it joins no
  // story that holds another item of that series.
  std::optional<int64_t> series;
  // When the article was ingested (the store's ingested_at): its dates may
  // not lie after the day after. nullopt: now, by the system clock.
  std::optional<DateTime> ingested;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Assigns article `seq` (unique) to a story.
  StoryAssignment Add(int64_t seq, const Article& article, const StoryInput& input);
  // The same with only a copy hint (ingested now, in no series).
  StoryAssignment Add(int64_t seq, const Article& article, std::optional<int64_t> copy_of = std::nullopt);

  // Puts `seq` into story `story_id` (created when unknown) without scoring:
  // for rebuilding the active window from the store on open. `input` as
  // Add was given it (copy_of is not needed).
  void Restore(int64_t seq, const Article& article, int64_t story_id, const StoryInput& input = {});

  // nullptr when no story has that id. Valid until the next Add or Restore.
  const Story* story(int64_t id) const;
  // The story of an article added since construction (nullopt if unknown).
  std::optional<int64_t> StoryOf(int64_t seq) const;
  // Records that article `seq` (added earlier) is an item of `series`: the
  // series was founded by a later item, and its story must refuse the
  // series' other items from now on as it would have had the series been
  // known when `seq` came (Restore passes the stored series the same way).
  void NoteSeries(int64_t seq, int64_t series);
  size_t story_count() const;
  size_t active_story_count() const;
  // Approximate bytes held (for the scale benchmark).
  size_t MemoryBytes() const;
  const StoryOptions& options() const { return options_; }

 private:
  StoryAssignment AddImpl(int64_t seq, const Article& article, const StoryInput& input,
                          std::optional<int64_t> forced_story);
  struct State;
  StoryOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace warta::dedupe
