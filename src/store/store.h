// ArticleStore: the system of record for articles and their annotations.
//
// Everything Warta knows lives here; the search index is derived from it and
// can always be rebuilt from it (`warta reindex`). Articles get a store-wide
// sequence number `seq` (1, 2, 3... in insertion order, never reused) that the
// search index uses as its document id.
//
// The one implementation is embedded SQLite in WAL mode (OpenSqliteStore).
// The interface is what a server database would implement to take its place;
// none does yet.
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
#include "core/vocabulary.h"

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
  // Set by dedupe and story clustering at ingest (0 when not yet known).
  int64_t copy_of = 0;       // the copy group's original (0: this is an original)
  double similarity = 0;     // estimated shingle Jaccard with the original (> 0 for a copy)
  int64_t copy_group = 0;    // stable key shared by a copy group (search collapses on it)
  int64_t story_id = 0;
  std::string copy_reason;   // why a copy: "near-identical", "trimmed", "extended", "edited"; "" for an original
  std::optional<DateTime> ingested_at;  // when it was stored (UTC): no story is dated after it
  int64_t series_id = 0;     // the recurring report it is an item of (0: none; dedupe/series.h)
};

// What a listing needs of an article, without its text and annotations.
struct ArticleRef {
  int64_t seq = 0;
  std::string id;
  std::string title;
  std::string outlet;
  std::string url;
  std::optional<DateTime> published;  // else the date inferred from the text, if any
  int64_t copy_of = 0;
  double similarity = 0;
  int64_t story_id = 0;
  std::string copy_reason;
};

// What duplicate detection and story clustering decided for one new
// article, persisted so they can be rebuilt on the next open.
struct ArticleRelations {
  int64_t seq = 0;
  std::string signature;     // the detector's Signature bytes
  int64_t copy_of = 0;       // 0 for an original
  double similarity = 0;
  int64_t copy_group = 0;
  int64_t story_id = 0;
  std::string copy_reason;   // see StoredArticle::copy_reason
};

// A stored article's copy link re-decided after it was stored (a late,
// earlier-published original took over its group).
struct CopyLink {
  int64_t seq = 0;
  int64_t copy_of = 0;       // 0: an original now
  double similarity = 0;
  std::string copy_reason;
  int64_t copy_group = 0;
};

// A story's summary (see dedupe/stories.h).
struct StoryRecord {
  int64_t id = 0;
  std::string headline;
  std::optional<DateTime> first_published, last_published;
  int64_t article_count = 0;
  std::vector<std::string> key_entities;  // entity ids, most mentioned first
  // The earlier story this one is a later development of (0: none), set
  // when the story starts; PutRelations never clears a stored link.
  int64_t follow_up_of = 0;
  std::vector<int64_t> follow_ups;        // stories following this one up, by id (read only)
};

// A series of recurring reports (see dedupe/series.h).
struct SeriesRecord {
  int64_t id = 0;                 // the seq of its first item
  std::string name;               // "Harga Emas Antam Hari Ini"
  std::string outlet;             // of its first item
  std::string network;            // the registrable domain its items share ("detik.com")
  std::optional<DateTime> first_published, last_published;  // days of its first and last item
  int64_t article_count = 0;
};

// Common paging and date filters of the listing queries. Dates compare
// whole days of the record's own date (a claim's or event's date, else its
// article's publication day).
struct ListFilter {
  std::optional<DateTime> from, to;
  size_t offset = 0;
  size_t limit = 20;
};

struct QuoteQuery {
  ListFilter page;
  std::vector<std::string> speaker_ids;  // any of these speakers ("" matches all)
  std::string word;                      // the quote contains this word (case-insensitive)
  int64_t article_seq = 0;               // 0: every article
};
struct QuoteRow {
  int64_t article_seq = 0;
  Quote quote;
};

struct ClaimQuery {
  ListFilter page;
  std::string about;                     // a word of the unit or of the subject, or the canonical unit ("tentara", "inflasi", "IDR/g"), "" for all
  std::string canonical_unit;            // only claims in this canonical unit ("percent"), "" for all
  std::vector<std::string> claimant_ids;
  int64_t story_id = 0;                  // claims in the story's articles
  int64_t series_id = 0;                 // claims in the series' items (its figures over time)
};
struct ClaimRow {
  int64_t article_seq = 0;
  Claim claim;
};

struct EventQuery {
  ListFilter page;
  std::vector<std::string> participant_ids;  // events with any of these participants
  int64_t story_id = 0;                      // events in the story's articles
  std::optional<EventType> type;             // nullopt: every type
  // Events of these modalities; empty: every one. What happened by default
  // (issue 18): what was planned, hoped or denied is asked for.
  std::vector<EventModality> modalities = {EventModality::kHappened};
};
// Dates: event.date is the event's own ("" when the text gives none, never
// the publication day); rows come oldest first by that date, else by the
// day the article was published.
struct EventRow {
  int64_t article_seq = 0;
  Event event;
  std::string text;                          // the event's clause
  std::string reported;                      // the article's day (published, else inferred), "" when unknown
};

template <typename Row>
struct Listing {
  int64_t total = 0;         // rows matching, before paging
  std::vector<Row> rows;
};


struct StoreStats {
  int64_t articles = 0;
  int64_t removed_lines = 0;
  int64_t outlets = 0;
  std::optional<DateTime> first_published, last_published;
  int64_t text_bytes = 0;
  std::vector<std::pair<std::string, int64_t>> top_outlets;  // most articles first
  std::vector<std::pair<std::string, int64_t>> removed_by_reason;
  // Per outlet ("" when unknown) that delivered any case-less or all-caps
  // article (Article::letter_case; the stored text has its case restored):
  // its articles and how many were written all lower / all upper case.
  struct OutletCase {
    std::string outlet;
    int64_t articles = 0, lower = 0, upper = 0;
  };
  std::vector<OutletCase> case_by_outlet;
};

// One canonical entity as the store sees it: the mentions that carry its id.
struct EntitySummary {
  std::string id;
  std::string canonical;   // the most frequent canonical name given to it
  EntityType type = EntityType::kPerson;
  int64_t mentions = 0;
  int64_t articles = 0;
};

// A role an entity was given in the text ("Menteri Pertahanan" of "Rusia"),
// with the span of publication dates of the articles that gave it.
struct RoleSeen {
  std::string role;
  std::string of;
  std::optional<DateTime> first_seen, last_seen;
  int64_t articles = 0;
};

struct EntityDetail {
  EntitySummary summary;
  std::vector<RoleSeen> roles;                                  // most articles first
  std::vector<std::pair<std::string, int64_t>> aliases;        // mention texts, most frequent first
  std::vector<int64_t> article_seqs;                            // newest first
  std::vector<std::pair<EntitySummary, int64_t>> cooccurring;   // entities in the same articles, with shared-article counts
};

// A decision that mentions belong to another entity than the one the
// analyser gave them (issue 16): made by the person linker at ingest
// (source "linker", with the evidence in `reason`) or by an analyst
// (`warta entity merge` / `split`, source "analyst"). Analyst links are
// honoured by every later ingest (pipeline/person_linker.h).
struct EntityLink {
  std::string kind;          // "merge": from_id's mentions (of `form`) are to_id's; "split": `form` leaves from_id for to_id
  std::string from_id;       // the entity id the mentions were given
  std::string form;          // the name concerned (for a merge: the merged entity's name)
  std::string to_id;         // the entity id they carry now
  std::string to_canonical;  // its name
  std::string source;        // "linker" or "analyst"
  std::string reason;        // why, in words ("prefix of the only stored full name; same role ...")
  std::optional<DateTime> created;
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

  // Whether an article with exactly this id is stored.
  virtual StatusOr<bool> Contains(const std::string& id) = 0;

  // Articles by seq, in the order of `seqs`; a seq with no article is skipped.
  virtual Status GetBySeq(const std::vector<int64_t>& seqs, std::vector<StoredArticle>* out) = 0;

  // Calls `fn` for every article with seq > after_seq in seq order until it
  // returns false. Used for export and rebuilding the index.
  virtual Status Scan(int64_t after_seq, const std::function<bool(const StoredArticle&)>& fn) = 0;

  // Entities by the number of articles that mention them; `type` nullopt for all.
  virtual StatusOr<std::vector<EntitySummary>> TopEntities(std::optional<EntityType> type, size_t limit) = 0;
  // Entities one of whose names (canonical or any mention's text) is `name`,
  // case-insensitively; when none is, those whose canonical name contains it.
  // Most-mentioned first.
  virtual StatusOr<std::vector<EntitySummary>> FindEntities(const std::string& name, size_t limit) = 0;
  // Summaries of the given entity ids, in their order (unknown ids skipped).
  virtual StatusOr<std::vector<EntitySummary>> GetEntitySummaries(const std::vector<std::string>& ids) = 0;
  // NotFound when no mention carries `entity_id`.
  virtual StatusOr<EntityDetail> GetEntity(const std::string& entity_id, size_t max_articles = 100,
                                           size_t max_cooccurring = 20) = 0;

  // Light records for listings, in the order of `seqs` (missing seqs skipped).
  virtual Status GetRefs(const std::vector<int64_t>& seqs, std::vector<ArticleRef>* out) = 0;

  // ---- Copies and stories (written by the ingest pipeline's single writer).
  // Records what dedupe and clustering decided for a batch, rewrites the
  // copy links of stored articles that changed (`relinked`), upserts the
  // touched stories and sets the relations watermark, all in one transaction.
  virtual Status PutRelations(const std::vector<ArticleRelations>& relations,
                              const std::vector<CopyLink>& relinked,
                              const std::vector<StoryRecord>& stories, int64_t watermark) = 0;
  // The highest seq whose relations are stored (articles above it were
  // stored but not yet deduplicated, after a crash).
  virtual StatusOr<int64_t> RelationsWatermark() = 0;
  // Every stored signature with seq <= up_to, in seq order, with the
  // article's publication date.
  virtual Status ScanSignatures(
      int64_t up_to, const std::function<void(int64_t seq, std::string_view bytes,
                                               const std::optional<DateTime>& published)>& fn) = 0;
  // Every PERSON mention that carries an entity id, in store order (by
  // article seq, then in the order the article lists them): the article's
  // seq, the id and the canonical name. Replaying them rebuilds exactly what
  // the person linker learned from the stored articles, in the order it
  // learned it.
  virtual Status ScanPersonMentions(
      const std::function<void(int64_t seq, std::string_view entity_id, std::string_view canonical)>& fn) = 0;
  // Every ORGANISATION mention, and every PERSON mention whose text is one
  // word, that carries an entity id, in store order: the
  // article's seq, the type, the text as written, the id and the canonical
  // name. Replaying them rebuilds what the organisation linker
  // (pipeline/org_linker.h) learned from the stored articles.
  virtual Status ScanOrganisationMentions(
      const std::function<void(int64_t seq, EntityType type, std::string_view text, std::string_view entity_id,
                               std::string_view canonical)>& fn) = 0;
  // The text (as written) of every mention in an article its source wrote
  // in mixed case (Article::letter_case kMixed: the stored text of a
  // case-less or all-caps article has its case restored, so its names say
  // nothing the truecaser did not). What the pipeline learns names' case
  // from (core/cased_names.h). Any order.
  virtual Status ScanCasedNames(const std::function<void(std::string_view text)>& fn) = 0;
  // ---- Entity links (merges and splits, see EntityLink).
  // Stores each link (one per kind, from_id, form and source: a repeated
  // one replaces its reason and target), in one transaction.
  virtual Status PutEntityLinks(const std::vector<EntityLink>& links) = 0;
  // The links whose from_id or to_id is `entity_id` ("" for every link), oldest first.
  virtual StatusOr<std::vector<EntityLink>> EntityLinks(const std::string& entity_id) = 0;
  // Gives the mentions carrying `from_id` (only those whose text or
  // canonical name is `form`, case-insensitively, when `form` is not empty)
  // the id `to_id` and canonical name `to_canonical`; quotes' speakers,
  // claims' claimants and events' participants of those articles that
  // carried from_id follow when the whole entity moves (`form` empty).
  // One transaction. Returns the seqs of the articles changed, ascending.
  virtual StatusOr<std::vector<int64_t>> RelabelMentions(const std::string& from_id, const std::string& form,
                                                         const std::string& to_id,
                                                         const std::string& to_canonical) = 0;

  // Every mention that carries an entity id, in store order (by article
  // seq, then in the order the article lists them), with the article's
  // outlet and date (published, else inferred): what the person linker
  // learns from the stored articles, in the order it learned it.
  virtual Status ScanLinkMentions(const std::function<void(int64_t seq, const EntityMention& mention,
                                                           std::string_view outlet,
                                                           const std::optional<DateTime>& date)>& fn) = 0;
  // Newest first by last publication date. NotFound from GetStory when unknown.
  virtual StatusOr<Listing<StoryRecord>> ListStories(const ListFilter& filter) = 0;
  virtual StatusOr<StoryRecord> GetStory(int64_t id) = 0;
  // Articles of a story by publication date, originals and copies alike.
  virtual StatusOr<std::vector<int64_t>> StoryArticles(int64_t story_id) = 0;
  // The copies of `seq` (articles whose copy_of is seq), oldest first.
  virtual StatusOr<std::vector<int64_t>> CopiesOf(int64_t seq) = 0;

  // ---- Series of recurring reports (written by the ingest pipeline's
  // single writer). Sets the series of each {seq, series id} and upserts
  // the series records, in one transaction.
  virtual Status PutSeries(const std::vector<std::pair<int64_t, int64_t>>& members,
                           const std::vector<SeriesRecord>& series) = 0;
  // Newest first by last item date. NotFound from GetSeries when unknown.
  virtual StatusOr<Listing<SeriesRecord>> ListSeries(const ListFilter& filter) = 0;
  virtual StatusOr<SeriesRecord> GetSeries(int64_t id) = 0;
  // Items of a series by publication date.
  virtual StatusOr<std::vector<int64_t>> SeriesArticles(int64_t series_id) = 0;

  // ---- Quotes, claims and events across articles.
  // Quotes newest article first; claims oldest claim date first (the claim
  // tracker); events oldest date first.
  virtual StatusOr<Listing<QuoteRow>> FindQuotes(const QuoteQuery& query) = 0;
  virtual StatusOr<Listing<ClaimRow>> FindClaims(const ClaimQuery& query) = 0;
  virtual StatusOr<Listing<EventRow>> FindEvents(const EventQuery& query) = 0;

  // Entities co-occurring among the `top` most mentioned ones (type "" for
  // all): {a, b, shared articles}.
  struct CooccurrenceEdge {
    std::string a, b;
    int64_t articles = 0;
  };
  virtual StatusOr<std::vector<CooccurrenceEdge>> Cooccurrence(const std::vector<std::string>& entity_ids) = 0;

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
