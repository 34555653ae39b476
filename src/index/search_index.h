// The search index: Xapian shards derived from the article store.
//
// Layout: DIR/shard-0 .. DIR/shard-(N-1), one Xapian glass database each.
// An article with store seq S lives in shard (S-1) % N as document
// (S-1) / N + 1, which makes Xapian's combined document id across the shards
// equal to S: search hits need no mapping back to the store.
//
// Each shard records, in its own commit, the highest seq it holds (its
// watermark). The store commits before the index, so the index is never ahead
// of the store; after a crash, everything above a shard's watermark is simply
// indexed again (Add replaces by document id, so that is idempotent).
//
// Terms follow Xapian's TermGenerator conventions (positional lower-case
// words, "Z"-prefixed stems, "S" title words; boolean "XO" outlet, "XE"
// entity id, "XY" year, "Q" article id), so Xapian's QueryParser reads
// the index as if TermGenerator had built it, but Warta's own tokens and a
// stem cache do the work, which is what makes indexing cheap.
//
//   auto writer = IndexWriter::Open({.dir = "warta-data/index", .shards = 2});
//   DocumentBuilder builder;                     // one per thread
//   (*writer)->Add(seq, builder.Build(article)); // per shard: one thread
//   (*writer)->Commit(IndexWriter::ShardOf(seq, 2));
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace warta::index {

struct IndexOptions {
  std::string dir;          // holds the shard directories
  int shards = 1;           // fixed when the index is created
};

// The terms and values of one article, built on any thread and handed to the
// writer. Move-only.
class PreparedDocument {
 public:
  PreparedDocument();
  ~PreparedDocument();
  PreparedDocument(PreparedDocument&&) noexcept;
  PreparedDocument& operator=(PreparedDocument&&) noexcept;
  // Marks the article as a member of copy group `group` (its stable key, see
  // store::ArticleRelations); searches collapse each group to one hit.
  void SetCopyGroup(int64_t group);
  // Makes the article findable by entity `entity_id` too (an entity the
  // store linked after the document was built, see pipeline/person_linker.h).
  void AddEntity(const std::string& entity_id);
  struct Impl;

 private:
  friend class DocumentBuilder;
  friend class IndexWriter;
  std::unique_ptr<Impl> impl_;
};

// Turns articles into PreparedDocuments. Not thread-safe (it caches stems):
// use one per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();
  ~DocumentBuilder();
  PreparedDocument Build(const Article& article);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class IndexWriter {
 public:
  // Opens or creates every shard. Errors: IoError when a shard cannot be
  // opened (including "busy": another process is writing to it).
  static StatusOr<std::unique_ptr<IndexWriter>> Open(const IndexOptions& options);
  ~IndexWriter();

  static int ShardOf(int64_t seq, int shards) { return static_cast<int>((seq - 1) % shards); }
  int shards() const;

  // Adds (or replaces) the document for `seq`. Calls for different shards may
  // run concurrently; calls for one shard must not overlap.
  Status Add(int64_t seq, PreparedDocument document);
  // Makes the shard's additions durable along with its new watermark.
  Status Commit(int shard);
  Status CommitAll();
  // The highest seq durably indexed in `shard` (0 for none).
  int64_t Watermark(int shard) const;

 private:
  IndexWriter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct SearchRequest {
  std::string query;                 // Xapian query syntax: words, "phrases", AND/OR/NOT, title:, outlet:
  std::optional<DateTime> from, to;  // publication date range, inclusive (dates only)
  std::string outlet;                // exact outlet name, case-insensitive
  std::vector<std::string> entity_ids;  // articles mentioning any of these entities
  // One hit per copy group (the best-ranked member); documents indexed
  // without a group are never collapsed.
  bool collapse_copies = true;
  size_t offset = 0;
  size_t limit = 10;
};

struct SearchHit {
  int64_t seq = 0;
  double score = 0;   // BM25
  uint64_t collapsed = 0;  // other members of its copy group that matched (a lower bound)
};

class SearchResults {
 public:
  SearchResults();
  ~SearchResults();
  SearchResults(SearchResults&&) noexcept;
  SearchResults& operator=(SearchResults&&) noexcept;

  std::vector<SearchHit> hits;
  // Hits in all (copy groups collapsed when asked): exact up to 10,000 and
  // the same whatever the offset and limit; an estimate above that.
  uint64_t estimated_total = 0;

  // A snippet of `text` (the hit's clean text) around the matching words,
  // HTML-escaped, matches wrapped in <mark>…</mark>.
  std::string Snippet(std::string_view text, size_t length = 200) const;

  struct Impl;

 private:
  friend class Searcher;
  std::unique_ptr<Impl> impl_;
};

// Read side. Thread-compatible: one Searcher per thread.
class Searcher {
 public:
  // Opens the shards under `dir` read-only. NotFound when there is no index.
  static StatusOr<std::unique_ptr<Searcher>> Open(const std::string& dir, int shards);
  ~Searcher();
  // InvalidArgument for a query Xapian cannot parse.
  StatusOr<SearchResults> Search(const SearchRequest& request);
  uint64_t DocumentCount() const;
  // Moves the view to the shards' latest commit: a Searcher otherwise keeps
  // reading the revision it opened, and a long-lived reader (the server)
  // never sees what a writer committed after. Cheap when nothing changed
  // (one revision check per shard). IoError when a shard can no longer be
  // read (replaced by `warta reindex`): open a new Searcher then.
  Status Reopen();

 private:
  Searcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether shard `shard` under `dir` is whole: NotFound when its directory
// is missing, Corrupt (naming the shard and what is wrong) when it does not
// open or Xapian's consistency check finds an error. Reads every block, so
// it costs a pass over the shard (for `warta reindex`).
Status CheckShard(const std::string& dir, int shard);

// Deletes the index under `dir` (for `warta reindex`).
Status RemoveIndex(const std::string& dir);

}  // namespace warta::index
