// Copies, series and stories at ingest: the DuplicateDetector,
// SeriesDetector and StoryClusterer of one data directory, fed in store order by the pipeline's single writer and
// rebuilt from the store on open. Internal to the pipeline.
//
// Copy groups get a stable key (the seq of the first article of the group to
// be stored): the search index collapses on it, and unlike "the original",
// which moves when an earlier-published copy arrives late, it never changes,
// so no indexed document needs rewriting. (One exception: when a late
// original takes over a group, a former copy that does not match it leaves
// the group in the store, but its indexed document keeps the old key until
// `warta reindex`; see dedupe::DuplicateMatch::relinked.)
//
// Series come first: an item of a recurring report is never a copy of
// another item of its series (a copy candidate in the new article's series
// is refused), whatever the detector's wording similarity says, and never
// shares a story with one.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "dedupe/duplicates.h"
#include "dedupe/series.h"
#include "dedupe/stories.h"
#include "store/store.h"

namespace warta::pipeline {

class Relations {
 public:
  Relations(const dedupe::DedupeOptions& dedupe, const dedupe::StoryOptions& stories,
            const dedupe::SeriesOptions& series = {});

  // Replays the stored signatures (re-signing a store written before
  // signatures held values, see Resign) and every stored article's story in seq
  // order (the state one uninterrupted run would have), then deduplicates and clusters any stored article that has no relations
  // yet (a crash between the two transactions of a batch). Idempotent.
  Status Load(store::ArticleStore& store);

  const dedupe::DuplicateDetector& detector() const { return detector_; }
  const dedupe::SeriesDetector& series() const { return series_; }

  // The decisions for one newly stored article; collects what PutRelations
  // needs for the batch.
  struct Batch {
    std::vector<store::ArticleRelations> relations;
    std::vector<store::CopyLink> relinked;
    std::set<int64_t> touched_stories;
    std::vector<std::pair<int64_t, int64_t>> series_members;  // {seq, series id}
    std::set<int64_t> touched_series;
    int64_t watermark = 0;
  };
  // `ingested`: when the article was stored (nullopt: now). `series`: the
  // article's series signature when the caller computed it in parallel
  // (else it is computed here).
  store::ArticleRelations Add(int64_t seq, const Article& article, const dedupe::Signature& signature, Batch* batch,
                              const std::optional<DateTime>& ingested = std::nullopt,
                              const dedupe::SeriesSignature* series = nullptr);
  // Writes a batch's decisions and its touched stories in one transaction.
  Status Commit(store::ArticleStore& store, const Batch& batch);

 private:
  // Registers seq with the detector and returns its copy decision (no story).
  store::ArticleRelations Match(int64_t seq, const dedupe::Signature& signature,
                                const std::optional<DateTime>& published,
                                std::vector<store::CopyLink>* relinked);
  int64_t KeyOf(int64_t seq) const;
  // Re-signs every article up to `watermark` and rewrites its copy link (a
  // store holding version-1 signatures); keeps its story.
  Status Resign(store::ArticleStore& store, int64_t watermark);

  dedupe::DuplicateDetector detector_;
  dedupe::SeriesDetector series_;
  dedupe::StoryClusterer stories_;
  std::unordered_map<int64_t, int64_t> group_of_;  // members of copy groups -> group key
  int64_t watermark_ = 0;
};

}  // namespace warta::pipeline
