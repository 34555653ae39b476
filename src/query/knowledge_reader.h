// The query stage: the read side of a Warta data directory. Search, the
// listings (views.h) and the records (export.h) read the store and the index
// and nothing else, so `warta serve` and the read-only commands run without
// the ingest stack (readers, cleaner, analysers, the NER model).
//
//   auto kb = KnowledgeReader::Open("warta-data");
//   if (!kb.ok()) die(kb.status());
//   auto page = (*kb)->Search({.query = "Belousov"});
//
// The writer is pipeline::KnowledgeBase; both agree on the layout below.
//
// Thread-safety: a KnowledgeReader is used by one thread at a time (the
// server opens one per thread). Any number of readers, in any processes, may
// read one directory while one process ingests into it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "index/search_index.h"
#include "store/store.h"

namespace warta::query {

// The data directory's layout: DIR/warta.sqlite (the store, the source of
// truth) and DIR/index/shard-N (the search index derived from it), with the
// number of shards kept in the store's meta table under kShardsMeta.
inline constexpr const char* kShardsMeta = "index_shards";
std::string StorePath(const std::string& dir);
std::string IndexPath(const std::string& dir);
// Shards of a directory that has not said: one per core, at most 8.
int DefaultShards();

struct SearchHitView {
  store::StoredArticle article;
  double score = 0;
  std::string snippet;        // HTML-escaped, matches in <mark>
  // The other members of its copy group (original first, then copies by
  // date), when the search collapsed copies.
  std::vector<store::ArticleRef> copies;
};

struct SearchPage {
  uint64_t estimated_total = 0;
  std::vector<SearchHitView> hits;
};

// Runs `request` on `searcher` and joins the hits with their stored
// articles (and, when collapsing copies, the rest of each copy group). Hits
// the store lacks are skipped. Errors: the searcher's or the store's.
StatusOr<SearchPage> Search(store::ArticleStore& store, index::Searcher& searcher,
                            const index::SearchRequest& request);

class KnowledgeReader {
 public:
  // Opens the data directory read-only; never creates or changes anything.
  // NotFound (naming the directory) when it holds no store; Corrupt for a
  // store of a newer version.
  static StatusOr<std::unique_ptr<KnowledgeReader>> Open(const std::string& dir);
  ~KnowledgeReader();

  // The index is opened on the first call, and moved to its latest commit on
  // every later one, so a long-lived reader sees what was ingested after it
  // opened. NotFound when it does not exist.
  StatusOr<SearchPage> Search(const index::SearchRequest& request);
  // Articles the index lacks compared with the store (0 when in step).
  StatusOr<int64_t> IndexLag();

  store::ArticleStore& store() { return *store_; }
  const std::string& dir() const { return dir_; }
  int shards() const { return shards_; }

 private:
  KnowledgeReader() = default;
  Status OpenSearcher();

  std::string dir_;
  int shards_ = 1;
  std::unique_ptr<store::ArticleStore> store_;
  std::unique_ptr<index::Searcher> searcher_;  // opened lazily
};

}  // namespace warta::query
