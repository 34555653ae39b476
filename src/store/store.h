// ArticleStore: the system of record for articles and their annotations.
//
// Everything Warta knows lives here; the search index is derived from it and
// can always be rebuilt from it (`warta reindex`). Articles get a store-wide
// sequence number `seq` (1, 2, 3... in insertion order, never reused) that the
// search index uses as its document id.
//
// The default implementation is embedded SQLite in WAL mode (OpenSqliteStore).
// A server database implements the same interface.
//
//   auto store = OpenSqliteStore({.path = "warta-data/warta.sqlite"});
//   if (!store.ok()) die(store.status());
//   std::vector<PutResult> put;
//   WARTA_RETURN_IF_ERROR((*store)->PutBatch(batch, &put));
//
// Thread-safety: one ArticleStore object must be used by one thread at a time.
// Several processes may read while one writes (SQLite WAL).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace warta::store {

struct StoreOptions {
  std::string path;          // the SQLite file, created with its schema if absent
  bool read_only = false;    // open without creating or migrating anything
  int busy_timeout_ms = 5000;
};

// Outcome of storing one article of a batch.
struct PutResult {
  int64_t seq = 0;           // the stored row (the existing one for a duplicate)
  bool inserted = false;     // a new row
  bool replaced = false;     // a longer version of a stored article (same URL) replaced it in place
};

struct StoredArticle {
  int64_t seq = 0;
  Article article;
};

struct StoreStats {
  int64_t articles = 0;
  int64_t removed_lines = 0;
  int64_t outlets = 0;
  std::optional<DateTime> first_published, last_published;
  int64_t text_bytes = 0;
  std::vector<std::pair<std::string, int64_t>> top_outlets;  // most articles first
  std::vector<std::pair<std::string, int64_t>> removed_by_reason;
};

// One canonical entity as the store sees it: the mentions that carry its id.
struct EntitySummary {
  std::string id;
  std::string canonical;   // the most frequent canonical name given to it
  std::string type;        // PERSON, ORGANISATION, LOCATION
  int64_t mentions = 0;
  int64_t articles = 0;
};

struct EntityDetail {
  EntitySummary summary;
  std::vector<std::pair<std::string, int64_t>> aliases;        // mention texts, most frequent first
  std::vector<int64_t> article_seqs;                            // newest first
  std::vector<std::pair<EntitySummary, int64_t>> cooccurring;   // entities in the same articles, with shared-article counts
};

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Stores every article of `articles` in one transaction. An article whose
  // id is already stored (or appears earlier in the batch) is not stored
  // again. Nor is one whose URL names a stored article (same ArticleUrlKey):
  // that is the same article crawled twice, and the longer text wins, so a
  // longer version replaces the stored one in place (same seq, `replaced`).
  // On OK, (*results)[i] describes articles[i]. On error nothing of the batch
  // is stored.
  virtual Status PutBatch(const std::vector<Article>& articles, std::vector<PutResult>* results) = 0;

  // The article with this id, or with the unique id starting with this prefix
  // (at least 4 hex digits). NotFound when none; InvalidArgument when the
  // prefix is ambiguous.
  virtual StatusOr<StoredArticle> Get(std::string_view id_or_prefix) = 0;

  // Articles by seq, in the order of `seqs`; a seq with no article is skipped.
  virtual Status GetBySeq(const std::vector<int64_t>& seqs, std::vector<StoredArticle>* out) = 0;

  // Calls `fn` for every article with seq > after_seq in seq order until it
  // returns false. Used for export and rebuilding the index.
  virtual Status Scan(int64_t after_seq, const std::function<bool(const StoredArticle&)>& fn) = 0;

  // Entities by the number of articles that mention them; `type` "" for all.
  virtual StatusOr<std::vector<EntitySummary>> TopEntities(const std::string& type, size_t limit) = 0;
  // Entities one of whose names (canonical or any mention's text) is `name`,
  // case-insensitively; when none is, those whose canonical name contains it.
  // Most-mentioned first.
  virtual StatusOr<std::vector<EntitySummary>> FindEntities(const std::string& name, size_t limit) = 0;
  // NotFound when no mention carries `entity_id`.
  virtual StatusOr<EntityDetail> GetEntity(const std::string& entity_id, size_t max_articles = 100,
                                           size_t max_cooccurring = 20) = 0;

  virtual StatusOr<int64_t> MaxSeq() = 0;
  virtual StatusOr<StoreStats> Stats() = 0;

  // Small persistent settings (e.g. the index shard count).
  virtual StatusOr<std::optional<std::string>> GetMeta(const std::string& key) = 0;
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;
};

// Opens (creating and migrating as needed) an embedded SQLite store.
// Errors: IoError when the file cannot be opened or created; Corrupt when it
// is not a Warta store or was written by a newer schema version.
StatusOr<std::unique_ptr<ArticleStore>> OpenSqliteStore(const StoreOptions& options);

// The schema version this build writes.
int SqliteSchemaVersion();

}  // namespace warta::store
