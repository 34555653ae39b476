// Embedded SQLite implementation of ArticleStore.
//
// Durability: WAL with synchronous=NORMAL survives a killed process (kill -9)
// with every committed transaction intact; a batch is one transaction, so a
// crash loses at most the batch in flight, and re-running the ingest stores
// it with no duplicates because ids are UNIQUE.
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <cstring>
#include <type_traits>
#include <variant>
#include <unordered_set>

#include "core/url.h"
#include "core/vocabulary.h"
#include "core/utf8.h"
#include "store/store.h"

namespace warta::store {

namespace {

using nlohmann::json;

// Each step takes the schema from version i to i+1. Append, never edit.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  outlet TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  url_key TEXT,
  title TEXT NOT NULL DEFAULT '',
  published TEXT,
  published_day INTEGER,
  inferred_published TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  editors TEXT NOT NULL DEFAULT '[]',
  language TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE INDEX articles_published ON articles(published_day);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_url_key ON articles(url_key);
CREATE TABLE removed_lines(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  line INTEGER NOT NULL, reason TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX removed_lines_article ON removed_lines(article_seq);
CREATE TABLE mentions(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '', canonical TEXT NOT NULL DEFAULT '');
CREATE INDEX mentions_article ON mentions(article_seq);
CREATE INDEX mentions_entity ON mentions(entity_id, article_seq);
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
CREATE INDEX mentions_canonical ON mentions(canonical COLLATE NOCASE);
CREATE TABLE timexes(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '');
CREATE INDEX timexes_article ON timexes(article_seq);
CREATE TABLE quotes(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, direct INTEGER NOT NULL,
  speaker TEXT NOT NULL DEFAULT '', speaker_entity_id TEXT NOT NULL DEFAULT '',
  relay TEXT NOT NULL DEFAULT '');
CREATE INDEX quotes_article ON quotes(article_seq);
CREATE TABLE claims(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  low REAL, high REAL, bound TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '',
  claimant TEXT NOT NULL DEFAULT '', claimant_entity_id TEXT NOT NULL DEFAULT '',
  hedge TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '');
CREATE INDEX claims_article ON claims(article_seq);
CREATE TABLE events(
  article_seq INTEGER NOT NULL REFERENCES articles(seq),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT NOT NULL, trigger TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '[]', place TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '');
CREATE INDEX events_article ON events(article_seq);
)sql",
    // 1 -> 2: copies and stories (dedupe at ingest), event participants as
    // rows so a timeline is an index lookup, lookups for quotes and claims.
    R"sql(
ALTER TABLE articles ADD COLUMN copy_of INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN similarity REAL NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN copy_group INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN story_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN role_of TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN subject TEXT NOT NULL DEFAULT '';
-- Partial indexes: most articles are originals in no story yet; a query
-- must repeat "<> 0" for SQLite to use them.
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of <> 0;
CREATE INDEX articles_story ON articles(story_id) WHERE story_id <> 0;
CREATE TABLE signatures(
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq), bytes BLOB NOT NULL);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY, headline TEXT NOT NULL DEFAULT '',
  first_published TEXT, last_published TEXT, first_day INTEGER, last_day INTEGER,
  article_count INTEGER NOT NULL DEFAULT 0, key_entities TEXT NOT NULL DEFAULT '[]');
CREATE INDEX stories_last_day ON stories(last_day);
CREATE TABLE event_participants(event_rowid INTEGER NOT NULL, entity_id TEXT NOT NULL);
CREATE INDEX event_participants_entity ON event_participants(entity_id);
CREATE INDEX event_participants_event ON event_participants(event_rowid);
INSERT INTO event_participants SELECT events.rowid, j.value FROM events, json_each(events.participants) j;
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
CREATE INDEX claims_claimant ON claims(claimant_entity_id);
)sql",
    // 2 -> 3: why a copy is one (dedupe::CopyVerdict::reason), shown with
    // its similarity on the copy link.
    R"sql(
ALTER TABLE articles ADD COLUMN copy_reason TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: a story may follow up an earlier one (a later development of
    // its event, dedupe/stories.h); partial index as for story_id.
    R"sql(
ALTER TABLE stories ADD COLUMN follow_up_of INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stories_follow_up_of ON stories(follow_up_of) WHERE follow_up_of <> 0;
)sql",
    // 4 -> 5: series of recurring reports (dedupe/series.h).
    R"sql(
ALTER TABLE articles ADD COLUMN series_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_series ON articles(series_id) WHERE series_id <> 0;
CREATE TABLE series(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', outlet TEXT NOT NULL DEFAULT '',
  network TEXT NOT NULL DEFAULT '', first_published TEXT, last_published TEXT, first_day INTEGER, last_day INTEGER,
  article_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX series_last_day ON series(last_day);
)sql",
    // 5 -> 6: merges and splits of entities, automatic (the person linker,
    // with its evidence) and by an analyst (store.h EntityLink).
    R"sql(
CREATE TABLE entity_links(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, from_id TEXT NOT NULL, form TEXT NOT NULL DEFAULT '',
  to_id TEXT NOT NULL, to_canonical TEXT NOT NULL DEFAULT '', source TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  UNIQUE(kind, from_id, form, source));
CREATE INDEX entity_links_to ON entity_links(to_id);
)sql",
    // 6 -> 7 (issue 16): how the source wrote the text, 'lower' or 'upper'
    // for a case-less or all-caps one whose case clean restored ('' cased,
    // or stored before this version), for `stats` per outlet and `show`.
    R"sql(
ALTER TABLE articles ADD COLUMN letter_case TEXT NOT NULL DEFAULT '';
)sql",
    // 7 -> 8 (issue 17): a claim's unit in canonical form ("IDR/g",
    // "percent") and its rate qualifier ("yoy"), beside the unit as written,
    // so the tracker groups and plots like with like. Claims stored before
    // keep '' (re-analyse to fill them); `--about` also matches a word of
    // the subject.
    R"sql(
ALTER TABLE claims ADD COLUMN canonical_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN qualifier TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_canonical_unit ON claims(canonical_unit);
)sql",
    // 8 -> 9 (issue 18): an event's modality (EventModality name; events
    // stored before were all read as having happened) and its
    // participants' roles: `roles` parallel to `participants` ('[]' when
    // the analyser did not tell: every one a participant), and per row of
    // event_participants so a timeline can ask for an entity's part.
    // Issue 17: a time expression's zone ("pukul 10.00 WIB": +420) in its
    // own column, NULL when the text gives none.
    R"sql(
ALTER TABLE events ADD COLUMN modality TEXT NOT NULL DEFAULT 'happened';
ALTER TABLE events ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
ALTER TABLE event_participants ADD COLUMN role TEXT NOT NULL DEFAULT 'participant';
ALTER TABLE timexes ADD COLUMN utc_offset_minutes INTEGER;
)sql",
};
constexpr int kSchemaVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

// RAII prepared statement with typed binds and reads.
class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(Stmt&& o) noexcept : s_(o.s_), rc_(o.rc_), unknown_word_(std::move(o.unknown_word_)) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(s_, o.s_);
    rc_ = o.rc_;
    unknown_word_ = std::move(o.unknown_word_);
    return *this;
  }
  bool ok() const { return rc_ == SQLITE_OK && s_; }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, double v) { sqlite3_bind_double(s_, i, v); return *this; }
  Stmt& BindNull(int i) { sqlite3_bind_null(s_, i); return *this; }
  Stmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  std::string Text(int c) const {
    auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    return t ? std::string(t, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string();
  }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }
  std::string_view Blob(int c) const {
    const void* b = sqlite3_column_blob(s_, c);
    return b ? std::string_view(static_cast<const char*>(b), static_cast<size_t>(sqlite3_column_bytes(s_, c)))
             : std::string_view();
  }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  // A column holding a vocabulary name (core/vocabulary.h). A name this
  // build does not know reads as the first value and is remembered for
  // TakeWordStatus, so a read loop stays one line and still fails.
  template <VocabularyEnum E>
  E Word(int c) {
    const std::string name = Text(c);
    if (auto value = ParseName<E>(name)) return *value;
    if (unknown_word_.empty())
      unknown_word_ = ParseVocabulary<E>(name).status().message() + " in column " + sqlite3_column_name(s_, c);
    return NameTable<E>::kEntries[0].value;
  }
  // A column holding a JSON array of vocabulary names; unknown names as Word.
  template <VocabularyEnum E>
  std::vector<E> Words(int c) {
    std::vector<E> out;
    json j = json::parse(Text(c), nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& e : j) {
      const std::string name = e.is_string() ? e.get<std::string>() : std::string();
      if (auto value = ParseName<E>(name)) {
        out.push_back(*value);
        continue;
      }
      if (unknown_word_.empty())
        unknown_word_ = ParseVocabulary<E>(name).status().message() + " in column " + sqlite3_column_name(s_, c);
      out.push_back(NameTable<E>::kEntries[0].value);
    }
    return out;
  }
  // Corrupt naming the first unknown vocabulary name read since the last
  // call (a store edited by hand or written by another program), else OK.
  Status TakeWordStatus(const std::string& path) {
    if (unknown_word_.empty()) return Status::Ok();
    Status st = Status::Corrupt(path + ": " + unknown_word_);
    unknown_word_.clear();
    return st;
  }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
  std::string unknown_word_;
};

std::vector<std::string> ParseStringArray(const std::string& s) {
  std::vector<std::string> out;
  json j = json::parse(s, nullptr, false);
  if (j.is_array())
    for (auto& e : j)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

std::string ToJsonArray(const std::vector<std::string>& v) { return json(v).dump(); }

template <VocabularyEnum E>
std::string NamesJsonArray(const std::vector<E>& v) {
  json out = json::array();
  for (E e : v) out.push_back(std::string(Name(e)));
  return out.dump();
}

class SqliteStore final : public ArticleStore {
 public:
  explicit SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override {
    stmts_.clear();
    sqlite3_close_v2(db_);
  }

  Status Init(const StoreOptions& o) {
    sqlite3_busy_timeout(db_, o.busy_timeout_ms);
    if (!o.read_only) {
      WARTA_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL"));
      WARTA_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL"));
    }
    WARTA_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
    return Migrate(o.read_only);
  }

  Status PutBatch(const std::vector<Article>& articles, std::vector<PutResult>* results) override {
    results->assign(articles.size(), PutResult{});
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status st = PutAll(articles, results);
    if (!st.ok()) {
      Rollback();
      return st;
    }
    return Exec("COMMIT");
  }

  StatusOr<StoredArticle> Get(std::string_view key) override {
    std::string k(key);
    for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Stmt q(db_, "SELECT seq FROM articles WHERE id >= ?1 AND id < ?1 || 'g' ORDER BY id LIMIT 2");
    if (k.size() < 4) return Status::InvalidArgument("article id '" + k + "' is too short (at least 4 hex digits)");
    q.Bind(1, k);
    std::vector<int64_t> seqs;
    while (q.Step() == SQLITE_ROW) seqs.push_back(q.Int(0));
    if (seqs.empty()) return Status::NotFound("no article with id '" + k + "'");
    if (seqs.size() > 1) return Status::InvalidArgument("article id prefix '" + k + "' is ambiguous");
    std::vector<StoredArticle> out;
    WARTA_RETURN_IF_ERROR(GetBySeq(seqs, &out));
    if (out.empty()) return Status::NotFound("no article with id '" + k + "'");
    return std::move(out[0]);
  }

  StatusOr<bool> Contains(const std::string& id) override { return IdStored(id); }

  Status GetBySeq(const std::vector<int64_t>& seqs, std::vector<StoredArticle>* out) override {
    for (int64_t seq : seqs) {
      Stmt& q = Cached(
          "SELECT seq, id, source, outlet, url, title, published, authors, editors, language, text, "
          "inferred_published, copy_of, similarity, copy_group, story_id, copy_reason, ingested_at, series_id, "
          "letter_case FROM articles WHERE seq = ?1");
      q.Bind(1, seq);
      if (q.Step() == SQLITE_ROW) {
        out->push_back(ReadArticleRow(q));
        q.Reset();
        WARTA_RETURN_IF_ERROR(LoadAnnotations(&out->back()));
      } else {
        q.Reset();
      }
    }
    return Status::Ok();
  }

  Status Scan(int64_t after_seq, const std::function<bool(const StoredArticle&)>& fn) override {
    int64_t last = after_seq;
    // Pages keep no statement open across the callback, so callers may use the store.
    for (;;) {
      std::vector<int64_t> seqs;
      {
        Stmt q(db_, "SELECT seq FROM articles WHERE seq > ?1 ORDER BY seq LIMIT 512");
        q.Bind(1, last);
        while (q.Step() == SQLITE_ROW) seqs.push_back(q.Int(0));
      }
      if (seqs.empty()) return Status::Ok();
      std::vector<StoredArticle> page;
      WARTA_RETURN_IF_ERROR(GetBySeq(seqs, &page));
      for (const auto& a : page)
        if (!fn(a)) return Status::Ok();
      last = seqs.back();
    }
  }

  StatusOr<std::vector<EntitySummary>> TopEntities(std::optional<EntityType> type, size_t limit) override {
    Stmt q(db_,
           "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions "
           "WHERE entity_id <> '' AND (?1 = '' OR type = ?1) GROUP BY entity_id ORDER BY a DESC, m DESC, entity_id "
           "LIMIT ?2");
    q.Bind(1, type ? Name(*type) : "").Bind(2, static_cast<int64_t>(limit));
    return ReadSummaries(q);
  }

  StatusOr<std::vector<EntitySummary>> FindEntities(const std::string& name, size_t limit) override {
    // Every entity one of whose names is `name` or has it as a whole word,
    // the most reported first: "Kim" is Kim Jong Un before a Kim seen once
    // (issue 16), whichever is first alphabetically or by exact spelling.
    {
      Stmt q(db_,
             "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions WHERE entity_id IN "
             "(SELECT entity_id FROM mentions WHERE text = ?1 COLLATE NOCASE OR canonical = ?1 COLLATE NOCASE "
             "UNION SELECT entity_id FROM mentions WHERE (' ' || canonical || ' ') LIKE '% ' || ?1 || ' %') "
             "AND entity_id <> '' GROUP BY entity_id ORDER BY a DESC, m DESC, entity_id LIMIT ?2");
      q.Bind(1, name).Bind(2, static_cast<int64_t>(limit));
      WARTA_ASSIGN_OR_RETURN(auto found, ReadSummaries(q));
      // A name of several words is seldom ambiguous: the entity called
      // exactly that comes first ("Amran Sulaiman" before "Andi Amran
      // Sulaiman"); a one-word name ("Kim") is the most reported's.
      if (name.find(' ') != std::string::npos)
        std::stable_partition(found.begin(), found.end(),
                              [&](const EntitySummary& e) { return FoldAscii(e.canonical) == FoldAscii(name); });
      if (!found.empty()) return found;
    }
    // Else a part of a word ("Belou").
    Stmt q(db_,
           "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions WHERE entity_id IN "
           "(SELECT DISTINCT entity_id FROM mentions WHERE canonical LIKE '%' || ?1 || '%') "
           "AND entity_id <> '' GROUP BY entity_id ORDER BY a DESC, m DESC, entity_id LIMIT ?2");
    q.Bind(1, name).Bind(2, static_cast<int64_t>(limit));
    return ReadSummaries(q);
  }

  StatusOr<std::vector<EntitySummary>> GetEntitySummaries(const std::vector<std::string>& ids) override {
    std::vector<EntitySummary> out;
    for (const auto& id : ids) {
      Stmt& q = Cached(
          "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions WHERE entity_id = ?1 "
          "GROUP BY entity_id");
      q.Bind(1, id);
      bool found = q.Step() == SQLITE_ROW;
      if (found) out.push_back({q.Text(0), "", q.Word<EntityType>(1), q.Int(2), q.Int(3)});
      q.Reset();
      WARTA_RETURN_IF_ERROR(q.TakeWordStatus(path_));
      if (!found) continue;
      WARTA_ASSIGN_OR_RETURN(out.back().canonical, DisplayName(id));
    }
    return out;
  }

  StatusOr<EntityDetail> GetEntity(const std::string& entity_id, size_t max_articles,
                                   size_t max_cooccurring) override {
    EntityDetail d;
    {
      Stmt q(db_,
             "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions WHERE entity_id = ?1 "
             "GROUP BY entity_id");
      q.Bind(1, entity_id);
      WARTA_ASSIGN_OR_RETURN(auto one, ReadSummaries(q));
      if (one.empty()) return Status::NotFound("no entity with id '" + entity_id + "'");
      d.summary = std::move(one[0]);
    }
    {
      Stmt q(db_,
             "SELECT text, COUNT(*) c FROM mentions WHERE entity_id = ?1 GROUP BY text ORDER BY c DESC, text");
      q.Bind(1, entity_id);
      while (q.Step() == SQLITE_ROW) d.aliases.emplace_back(q.Text(0), q.Int(1));
    }
    {
      Stmt q(db_,
             "SELECT m.role, m.role_of, MIN(COALESCE(a.published, a.inferred_published)), "
             "MAX(COALESCE(a.published, a.inferred_published)), COUNT(DISTINCT m.article_seq) n "
             "FROM mentions m JOIN articles a ON a.seq = m.article_seq WHERE m.entity_id = ?1 AND m.role <> '' "
             "GROUP BY m.role COLLATE NOCASE, m.role_of COLLATE NOCASE ORDER BY n DESC, m.role");
      q.Bind(1, entity_id);
      while (q.Step() == SQLITE_ROW) {
        RoleSeen r;
        r.role = q.Text(0);
        r.of = q.Text(1);
        if (!q.IsNull(2)) r.first_seen = DateTime::ParseIso(q.Text(2));
        if (!q.IsNull(3)) r.last_seen = DateTime::ParseIso(q.Text(3));
        r.articles = q.Int(4);
        d.roles.push_back(std::move(r));
      }
    }
    {
      Stmt q(db_,
             "SELECT DISTINCT m.article_seq FROM mentions m JOIN articles a ON a.seq = m.article_seq "
             "WHERE m.entity_id = ?1 ORDER BY COALESCE(a.published, a.inferred_published) DESC, m.article_seq DESC "
             "LIMIT ?2");
      q.Bind(1, entity_id).Bind(2, static_cast<int64_t>(max_articles));
      while (q.Step() == SQLITE_ROW) d.article_seqs.push_back(q.Int(0));
    }
    {
      Stmt q(db_,
             "SELECT o.entity_id, COUNT(DISTINCT o.article_seq) shared FROM mentions o WHERE o.article_seq IN "
             "(SELECT article_seq FROM mentions WHERE entity_id = ?1) AND o.entity_id <> ?1 AND o.entity_id <> '' "
             "GROUP BY o.entity_id ORDER BY shared DESC, o.entity_id LIMIT ?2");
      q.Bind(1, entity_id).Bind(2, static_cast<int64_t>(max_cooccurring));
      std::vector<std::pair<std::string, int64_t>> ids;
      while (q.Step() == SQLITE_ROW) ids.emplace_back(q.Text(0), q.Int(1));
      for (const auto& [id, shared] : ids) {
        Stmt one(db_,
                 "SELECT entity_id, type, COUNT(*) m, COUNT(DISTINCT article_seq) a FROM mentions WHERE entity_id = ?1 "
                 "GROUP BY entity_id");
        one.Bind(1, id);
        WARTA_ASSIGN_OR_RETURN(auto s1, ReadSummaries(one));
        if (!s1.empty()) d.cooccurring.emplace_back(std::move(s1[0]), shared);
      }
    }
    return d;
  }

  Status GetRefs(const std::vector<int64_t>& seqs, std::vector<ArticleRef>* out) override {
    for (int64_t seq : seqs) {
      Stmt& q = Cached(
          "SELECT seq, id, title, outlet, url, COALESCE(published, inferred_published), copy_of, similarity, story_id, "
          "copy_reason FROM articles WHERE seq = ?1");
      q.Bind(1, seq);
      if (q.Step() == SQLITE_ROW) {
        ArticleRef r;
        r.seq = q.Int(0);
        r.id = q.Text(1);
        r.title = q.Text(2);
        r.outlet = q.Text(3);
        r.url = q.Text(4);
        if (!q.IsNull(5)) r.published = DateTime::ParseIso(q.Text(5));
        r.copy_of = q.Int(6);
        r.similarity = q.Real(7);
        r.story_id = q.Int(8);
        r.copy_reason = q.Text(9);
        out->push_back(std::move(r));
      }
      q.Reset();
    }
    return Status::Ok();
  }

  Status PutRelations(const std::vector<ArticleRelations>& relations,
                      const std::vector<CopyLink>& relinked,
                      const std::vector<StoryRecord>& stories, int64_t watermark) override {
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status st = PutRelationsInTransaction(relations, relinked, stories, watermark);
    if (!st.ok()) {
      Rollback();
      return st;
    }
    return Exec("COMMIT");
  }

  StatusOr<int64_t> RelationsWatermark() override {
    WARTA_ASSIGN_OR_RETURN(auto v, GetMeta(kRelationsWatermark));
    return v ? std::atoll(v->c_str()) : int64_t{0};
  }

  Status ScanSignatures(int64_t up_to,
                        const std::function<void(int64_t, std::string_view, const std::optional<DateTime>&)>& fn)
      override {
    Stmt q(db_,
           "SELECT s.article_seq, s.bytes, a.published FROM signatures s JOIN articles a ON a.seq = s.article_seq "
           "WHERE s.article_seq <= ?1 ORDER BY s.article_seq");
    q.Bind(1, up_to);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      std::optional<DateTime> published;
      if (!q.IsNull(2)) published = DateTime::ParseIso(q.Text(2));
      fn(q.Int(0), q.Blob(1), published);
    }
    return rc == SQLITE_DONE ? Status::Ok() : Error("reading duplicate signatures");
  }

  Status ScanPersonMentions(
      const std::function<void(int64_t, std::string_view, std::string_view)>& fn) override {
    // rowid order within an article is the order PutBatch inserted its
    // mentions, which is the article's own.
    Stmt q(db_,
           "SELECT article_seq, entity_id, canonical FROM mentions WHERE type = ?1 AND entity_id <> '' "
           "ORDER BY article_seq, rowid");
    q.Bind(1, Name(EntityType::kPerson));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) fn(q.Int(0), q.Text(1), q.Text(2));
    return rc == SQLITE_DONE ? Status::Ok() : Error("reading the people's mentions");
  }

  Status ScanCasedNames(const std::function<void(std::string_view)>& fn) override {
    Stmt q(db_,
           "SELECT m.text FROM mentions m JOIN articles a ON a.seq = m.article_seq WHERE a.letter_case = ''");
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) fn(q.Text(0));
    return rc == SQLITE_DONE ? Status::Ok() : Error("reading the names of cased articles");
  }

  Status ScanOrganisationMentions(
      const std::function<void(int64_t, EntityType, std::string_view, std::string_view, std::string_view)>& fn)
      override {
    Stmt q(db_,
           "SELECT article_seq, type, text, entity_id, canonical FROM mentions WHERE entity_id <> '' AND "
           "(type = ?1 OR (type = ?2 AND instr(text, ' ') = 0)) ORDER BY article_seq, rowid");
    q.Bind(1, Name(EntityType::kOrganisation)).Bind(2, Name(EntityType::kPerson));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) fn(q.Int(0), q.Word<EntityType>(1), q.Text(2), q.Text(3), q.Text(4));
    WARTA_RETURN_IF_ERROR(q.TakeWordStatus(path_));
    return rc == SQLITE_DONE ? Status::Ok() : Error("reading the organisations' mentions");
  }

  Status ScanLinkMentions(const std::function<void(int64_t, const EntityMention&, std::string_view,
                                                   const std::optional<DateTime>&)>& fn) override {
    Stmt q(db_,
           "SELECT m.article_seq, m.begin, m.end, m.text, m.type, m.entity_id, m.canonical, m.role, m.role_of, "
           "a.outlet, COALESCE(a.published, a.inferred_published) FROM mentions m JOIN articles a ON a.seq = m.article_seq "
           "WHERE m.entity_id <> '' ORDER BY m.article_seq, m.rowid");
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      EntityMention m;
      m.span = {static_cast<int32_t>(q.Int(1)), static_cast<int32_t>(q.Int(2))};
      m.text = q.Text(3);
      m.type = q.Word<EntityType>(4);
      m.entity_id = q.Text(5);
      m.canonical = q.Text(6);
      m.role = q.Text(7);
      m.role_of = q.Text(8);
      std::optional<DateTime> date;
      if (!q.IsNull(10)) date = DateTime::ParseIso(q.Text(10));
      fn(q.Int(0), m, q.Text(9), date);
    }
    if (rc != SQLITE_DONE) return Error("reading the entity mentions");
    return q.TakeWordStatus(path_);
  }

  Status PutEntityLinks(const std::vector<EntityLink>& links) override {
    if (links.empty()) return Status::Ok();
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    for (const auto& l : links) {
      Stmt& up = Cached(
          "INSERT INTO entity_links(kind, from_id, form, to_id, to_canonical, source, reason) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(kind, from_id, form, source) DO UPDATE SET "
          "to_id = excluded.to_id, to_canonical = excluded.to_canonical, reason = excluded.reason");
      up.Bind(1, l.kind).Bind(2, l.from_id).Bind(3, l.form).Bind(4, l.to_id).Bind(5, l.to_canonical).Bind(6, l.source)
          .Bind(7, l.reason);
      if (Status st = StepDone(up, "storing an entity merge or split"); !st.ok()) {
        Rollback();
        return st;
      }
    }
    return Exec("COMMIT");
  }

  StatusOr<std::vector<EntityLink>> EntityLinks(const std::string& entity_id) override {
    Stmt q(db_,
           "SELECT kind, from_id, form, to_id, to_canonical, source, reason, created FROM entity_links "
           "WHERE ?1 = '' OR from_id = ?1 OR to_id = ?1 ORDER BY id");
    q.Bind(1, entity_id);
    std::vector<EntityLink> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      EntityLink l{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6), std::nullopt};
      if (!q.IsNull(7)) l.created = DateTime::ParseIso(q.Text(7));
      out.push_back(std::move(l));
    }
    if (rc != SQLITE_DONE) return Error("reading entity merges and splits");
    return out;
  }

  StatusOr<std::vector<int64_t>> RelabelMentions(const std::string& from_id, const std::string& form,
                                                 const std::string& to_id, const std::string& to_canonical) override {
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    auto seqs = RelabelInTransaction(from_id, form, to_id, to_canonical);
    if (!seqs.ok()) {
      Rollback();
      return seqs.status();
    }
    WARTA_RETURN_IF_ERROR(Exec("COMMIT"));
    return seqs;
  }

  StatusOr<Listing<StoryRecord>> ListStories(const ListFilter& f) override {
    Listing<StoryRecord> out;
    const int64_t from = f.from ? f.from->DaysSinceEpoch() : INT64_MIN;
    const int64_t to = f.to ? f.to->DaysSinceEpoch() : INT64_MAX;
    // An undated story is listed only when no date range is asked for.
    const char* where =
        " FROM stories WHERE (?1 = 1 OR (last_day >= ?2 AND first_day <= ?3))";
    {
      Stmt q(db_, (std::string("SELECT COUNT(*)") + where).c_str());
      q.Bind(1, int64_t{!f.from && !f.to}).Bind(2, from).Bind(3, to);
      if (q.Step() == SQLITE_ROW) out.total = q.Int(0);
    }
    Stmt q(db_, (std::string("SELECT ") + kStoryColumns + where +
                 " ORDER BY last_day IS NULL, last_day DESC, article_count DESC, id DESC LIMIT ?4 OFFSET ?5")
                    .c_str());
    q.Bind(1, int64_t{!f.from && !f.to}).Bind(2, from).Bind(3, to);
    q.Bind(4, static_cast<int64_t>(f.limit)).Bind(5, static_cast<int64_t>(f.offset));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.rows.push_back(ReadStory(q));
    if (rc != SQLITE_DONE) return Error("listing stories");
    for (auto& r : out.rows) WARTA_RETURN_IF_ERROR(ReadFollowUps(&r));
    return out;
  }

  StatusOr<StoryRecord> GetStory(int64_t id) override {
    Stmt q(db_, (std::string("SELECT ") + kStoryColumns + " FROM stories WHERE id = ?1").c_str());
    q.Bind(1, id);
    if (q.Step() != SQLITE_ROW) return Status::NotFound("no story with id " + std::to_string(id));
    StoryRecord r = ReadStory(q);
    WARTA_RETURN_IF_ERROR(ReadFollowUps(&r));
    return r;
  }

  StatusOr<std::vector<int64_t>> StoryArticles(int64_t story_id) override {
    Stmt q(db_,
           "SELECT seq FROM articles WHERE story_id = ?1 AND story_id <> 0 "
           "ORDER BY COALESCE(published, inferred_published) IS NULL, COALESCE(published, inferred_published), seq");
    q.Bind(1, story_id);
    std::vector<int64_t> out;
    while (q.Step() == SQLITE_ROW) out.push_back(q.Int(0));
    return out;
  }

  StatusOr<std::vector<int64_t>> CopiesOf(int64_t seq) override {
    Stmt& q = Cached(
        "SELECT seq FROM articles WHERE copy_of = ?1 AND copy_of <> 0 "
        "ORDER BY COALESCE(published, inferred_published) IS NULL, COALESCE(published, inferred_published), seq");
    q.Bind(1, seq);
    std::vector<int64_t> out;
    while (q.Step() == SQLITE_ROW) out.push_back(q.Int(0));
    q.Reset();
    return out;
  }

  Status PutSeries(const std::vector<std::pair<int64_t, int64_t>>& members,
                   const std::vector<SeriesRecord>& series) override {
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status st = PutSeriesInTransaction(members, series);
    if (!st.ok()) {
      Rollback();
      return st;
    }
    return Exec("COMMIT");
  }

  StatusOr<Listing<SeriesRecord>> ListSeries(const ListFilter& f) override {
    Listing<SeriesRecord> out;
    const int64_t from = f.from ? f.from->DaysSinceEpoch() : INT64_MIN;
    const int64_t to = f.to ? f.to->DaysSinceEpoch() : INT64_MAX;
    const char* where = " FROM series WHERE (?1 = 1 OR (last_day >= ?2 AND first_day <= ?3))";
    {
      Stmt q(db_, (std::string("SELECT COUNT(*)") + where).c_str());
      q.Bind(1, int64_t{!f.from && !f.to}).Bind(2, from).Bind(3, to);
      if (q.Step() == SQLITE_ROW) out.total = q.Int(0);
    }
    Stmt q(db_, (std::string("SELECT ") + kSeriesColumns + where +
                 " ORDER BY last_day DESC, article_count DESC, id DESC LIMIT ?4 OFFSET ?5")
                    .c_str());
    q.Bind(1, int64_t{!f.from && !f.to}).Bind(2, from).Bind(3, to);
    q.Bind(4, static_cast<int64_t>(f.limit)).Bind(5, static_cast<int64_t>(f.offset));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.rows.push_back(ReadSeries(q));
    if (rc != SQLITE_DONE) return Error("listing series");
    return out;
  }

  StatusOr<SeriesRecord> GetSeries(int64_t id) override {
    Stmt& q = Cached("SELECT id, name, outlet, network, first_published, last_published, article_count FROM series "
                     "WHERE id = ?1");
    q.Bind(1, id);
    const bool found = q.Step() == SQLITE_ROW;
    SeriesRecord r;
    if (found) r = ReadSeries(q);
    q.Reset();
    if (!found) return Status::NotFound("no series with id " + std::to_string(id));
    return r;
  }

  StatusOr<std::vector<int64_t>> SeriesArticles(int64_t series_id) override {
    Stmt q(db_,
           "SELECT seq FROM articles WHERE series_id = ?1 AND series_id <> 0 "
           "ORDER BY COALESCE(published, inferred_published) IS NULL, COALESCE(published, inferred_published), seq");
    q.Bind(1, series_id);
    std::vector<int64_t> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(q.Int(0));
    if (rc != SQLITE_DONE) return Error("listing a series' items");
    return out;
  }

  StatusOr<Listing<QuoteRow>> FindQuotes(const QuoteQuery& query) override {
    SqlFilter f;
    f.Add("1 = 1");
    if (query.article_seq) f.Add("q.article_seq = ?", query.article_seq);
    AddIdsFilter(&f, "q.speaker_entity_id", query.speaker_ids);
    if (!query.word.empty()) f.Add("q.text LIKE '%' || ? || '%'", query.word);
    AddDayFilter(&f, kArticleDay, query.page);
    const std::string from =
        " FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE " + f.where;
    Listing<QuoteRow> out;
    WARTA_ASSIGN_OR_RETURN(out.total, Count(from, f));
    Stmt q(db_, ("SELECT q.article_seq, q.begin, q.end, q.text, q.direct, q.speaker, q.speaker_entity_id, q.relay" +
                 from + " ORDER BY " + kArticleDay + " IS NULL, " + kArticleDay + " DESC, q.article_seq DESC, q.begin" +
                 PageSql(f, query.page))
                    .c_str());
    f.BindAll(q);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.rows.push_back({q.Int(0), Quote{{static_cast<int32_t>(q.Int(1)), static_cast<int32_t>(q.Int(2))}, q.Text(3),
                                          q.Int(4) != 0, q.Text(5), q.Text(6), q.Text(7)}});
    if (rc != SQLITE_DONE) return Error("listing quotes");
    return out;
  }

  StatusOr<Listing<ClaimRow>> FindClaims(const ClaimQuery& query) override {
    SqlFilter f;
    f.Add("1 = 1");
    if (!query.about.empty()) {
      // A word of the unit ("tentara", "rupiah"), the canonical unit ("IDR",
      // "IDR/g", "percent"), or words of the subject ("inflasi" finds
      // "inflasi tahunan", "harga emas" finds "harga emas antam").
      f.Add("((' ' || c.unit || ' ') LIKE '% ' || ? || ' %' OR c.canonical_unit = ? COLLATE NOCASE"
            " OR (' ' || c.subject || ' ') LIKE '% ' || ? || ' %')",
            query.about);
      f.params.emplace_back(query.about);
      f.params.emplace_back(query.about);
    }
    AddIdsFilter(&f, "c.claimant_entity_id", query.claimant_ids);
    if (!query.canonical_unit.empty()) f.Add("c.canonical_unit = ? COLLATE NOCASE", query.canonical_unit);
    if (query.story_id) f.Add("a.story_id = ? AND a.story_id <> 0", query.story_id);
    if (query.series_id) f.Add("a.series_id = ? AND a.series_id <> 0", query.series_id);
    const std::string day = "COALESCE(NULLIF(c.date, ''), substr(COALESCE(a.published, a.inferred_published), 1, 10))";
    AddDayFilter(&f, day, query.page);
    const std::string from = " FROM claims c JOIN articles a ON a.seq = c.article_seq WHERE " + f.where;
    Listing<ClaimRow> out;
    WARTA_ASSIGN_OR_RETURN(out.total, Count(from, f));
    Stmt q(db_, ("SELECT c.article_seq, c.begin, c.end, c.text, c.low, c.high, c.bound, c.unit, c.subject, "
                 "c.claimant, c.claimant_entity_id, c.hedge, " + day + ", c.canonical_unit, c.qualifier" + from + " ORDER BY " + day + " IS NULL, " + day +
                 ", c.article_seq, c.begin" + PageSql(f, query.page))
                    .c_str());
    f.BindAll(q);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.rows.push_back({q.Int(0), Claim{{static_cast<int32_t>(q.Int(1)), static_cast<int32_t>(q.Int(2))}, q.Text(3),
                                          q.Real(4), q.Real(5), q.Word<ClaimBound>(6), q.Text(7), q.Text(8), q.Text(9), q.Text(10),
                                          q.Text(11), q.Text(12), q.Text(13), q.Text(14)}});
    if (rc != SQLITE_DONE) return Error("listing claims");
    WARTA_RETURN_IF_ERROR(q.TakeWordStatus(path_));
    return out;
  }

  StatusOr<Listing<EventRow>> FindEvents(const EventQuery& query) override {
    SqlFilter f;
    f.Add("1 = 1");
    if (!query.participant_ids.empty()) {
      std::string in;
      for (size_t i = 0; i < query.participant_ids.size(); ++i) in += i ? ",?" : "?";
      f.where += " AND e.rowid IN (SELECT event_rowid FROM event_participants WHERE entity_id IN (" + in + "))";
      for (const auto& id : query.participant_ids) f.params.push_back(id);
    }
    if (query.story_id) f.Add("a.story_id = ? AND a.story_id <> 0", query.story_id);
    if (query.type) f.Add("e.type = ?", Name(*query.type));
    if (!query.modalities.empty()) {
      std::string in;
      for (size_t i = 0; i < query.modalities.size(); ++i) in += i ? ",?" : "?";
      f.where += " AND e.modality IN (" + in + ")";
      for (EventModality m : query.modalities) f.params.push_back(std::string(Name(m)));
    }
    const std::string reported = "substr(COALESCE(a.published, a.inferred_published), 1, 10)";
    const std::string day = "COALESCE(NULLIF(e.date, ''), " + reported + ")";
    AddDayFilter(&f, day, query.page);
    const std::string from = " FROM events e JOIN articles a ON a.seq = e.article_seq WHERE " + f.where;
    Listing<EventRow> out;
    WARTA_ASSIGN_OR_RETURN(out.total, Count(from, f));
    Stmt q(db_, ("SELECT e.article_seq, e.begin, e.end, e.type, e.trigger, e.participants, e.place, e.date, "
                 "substr(a.text, e.begin + 1, e.end - e.begin), " + reported + ", e.modality, e.roles" + from +
                 " ORDER BY " + day + " IS NULL, " + day + ", e.article_seq, e.begin" + PageSql(f, query.page))
                    .c_str());
    f.BindAll(q);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      EventRow r;
      r.article_seq = q.Int(0);
      r.event = Event{{static_cast<int32_t>(q.Int(1)), static_cast<int32_t>(q.Int(2))}, q.Word<EventType>(3), q.Text(4),
                      ParseStringArray(q.Text(5)), q.Text(6), q.Text(7), q.Word<EventModality>(10),
                      q.Words<EventRole>(11)};
      r.text = q.Text(8);
      r.reported = q.Text(9);
      out.rows.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return Error("listing events");
    WARTA_RETURN_IF_ERROR(q.TakeWordStatus(path_));
    return out;
  }

  StatusOr<std::vector<CooccurrenceEdge>> Cooccurrence(const std::vector<std::string>& ids) override {
    std::vector<CooccurrenceEdge> out;
    if (ids.size() < 2) return out;
    std::string in;
    for (size_t i = 0; i < ids.size(); ++i) in += i ? ",?" : "?";
    const std::string sql =
        "WITH m AS (SELECT DISTINCT article_seq, entity_id FROM mentions WHERE entity_id IN (" + in + ")) "
        "SELECT x.entity_id, y.entity_id, COUNT(*) n FROM m x JOIN m y ON x.article_seq = y.article_seq "
        "AND x.entity_id < y.entity_id GROUP BY x.entity_id, y.entity_id ORDER BY n DESC, x.entity_id, y.entity_id";
    Stmt q(db_, sql.c_str());
    for (size_t i = 0; i < ids.size(); ++i) q.Bind(static_cast<int>(i + 1), ids[i]);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back({q.Text(0), q.Text(1), q.Int(2)});
    if (rc != SQLITE_DONE) return Error("counting co-occurrences");
    return out;
  }

  StatusOr<int64_t> MaxSeq() override {
    Stmt q(db_, "SELECT COALESCE(MAX(seq), 0) FROM articles");
    if (q.Step() != SQLITE_ROW) return Error("reading the last article");
    return q.Int(0);
  }

  StatusOr<StoreStats> Stats() override {
    StoreStats s;
    {
      Stmt q(db_, "SELECT COUNT(*), COUNT(DISTINCT NULLIF(outlet,'')), COALESCE(SUM(LENGTH(CAST(text AS BLOB))),0) FROM articles");
      if (q.Step() != SQLITE_ROW) return Error("counting articles");
      s.articles = q.Int(0);
      s.outlets = q.Int(1);
      s.text_bytes = q.Int(2);
    }
    {
      Stmt q(db_, "SELECT COUNT(*) FROM removed_lines");
      if (q.Step() == SQLITE_ROW) s.removed_lines = q.Int(0);
    }
    {
      Stmt q(db_, "SELECT MIN(published_day), MAX(published_day) FROM articles WHERE published_day IS NOT NULL");
      if (q.Step() == SQLITE_ROW && !q.IsNull(0)) {
        s.first_published = DateTime::FromUnixSeconds(q.Int(0) * 86400);
        s.last_published = DateTime::FromUnixSeconds(q.Int(1) * 86400);
        s.first_published->has_time = s.last_published->has_time = false;
        s.first_published->has_offset = s.last_published->has_offset = false;
      }
    }
    {
      Stmt q(db_, "SELECT outlet, COUNT(*) c FROM articles WHERE outlet <> '' GROUP BY outlet ORDER BY c DESC, outlet LIMIT 10");
      while (q.Step() == SQLITE_ROW) s.top_outlets.emplace_back(q.Text(0), q.Int(1));
    }
    {
      // Outlets that delivered case-less or all-caps text (issue 16), most
      // such articles first.
      Stmt q(db_,
             "SELECT outlet, COUNT(*), SUM(letter_case = 'lower'), SUM(letter_case = 'upper') FROM articles "
             "GROUP BY outlet HAVING SUM(letter_case <> '') > 0 "
             "ORDER BY SUM(letter_case <> '') DESC, outlet");
      while (q.Step() == SQLITE_ROW) s.case_by_outlet.push_back({q.Text(0), q.Int(1), q.Int(2), q.Int(3)});
    }
    {
      Stmt q(db_, "SELECT reason, COUNT(*) c FROM removed_lines GROUP BY reason ORDER BY c DESC, reason");
      while (q.Step() == SQLITE_ROW) s.removed_by_reason.emplace_back(q.Text(0), q.Int(1));
    }
    return s;
  }

  StatusOr<std::optional<std::string>> GetMeta(const std::string& key) override {
    Stmt q(db_, "SELECT value FROM meta WHERE key = ?1");
    q.Bind(1, key);
    int rc = q.Step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(q.Text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return Error("reading setting " + key);
  }

  Status SetMeta(const std::string& key, const std::string& value) override {
    Stmt q(db_, "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.Bind(1, key).Bind(2, value);
    if (q.Step() != SQLITE_DONE) return Error("writing setting " + key);
    return Status::Ok();
  }

 private:
  static constexpr const char* kRelationsWatermark = "relations_watermark";
  static constexpr const char* kStoryColumns =
      "id, headline, first_published, last_published, article_count, key_entities, follow_up_of";
  static constexpr const char* kArticleDay = "substr(COALESCE(a.published, a.inferred_published), 1, 10)";

  // A WHERE clause with its positional parameters, built from optional filters.
  struct SqlFilter {
    std::string where;
    std::vector<std::variant<int64_t, std::string>> params;
    void Add(const std::string& clause) { where += where.empty() ? clause : " AND " + clause; }
    template <typename T>
    void Add(const std::string& clause, T value) {
      Add(clause);
      if constexpr (std::is_integral_v<T>) params.emplace_back(static_cast<int64_t>(value));
      else params.emplace_back(std::string(value));
    }
    void BindAll(Stmt& q) const {
      for (size_t i = 0; i < params.size(); ++i) {
        if (const auto* v = std::get_if<int64_t>(&params[i])) q.Bind(static_cast<int>(i + 1), *v);
        else q.Bind(static_cast<int>(i + 1), std::get<std::string>(params[i]));
      }
    }
  };

  static void AddIdsFilter(SqlFilter* f, const std::string& column, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    std::string in;
    for (size_t i = 0; i < ids.size(); ++i) in += i ? ",?" : "?";
    f->Add(column + " IN (" + in + ")");
    for (const auto& id : ids) f->params.emplace_back(id);
  }

  // Dates are compared as ISO text on their day part. A coarser date
  // ("2024-06", a month) counts as in range when any of it is: '~' sorts
  // after every digit and '-'.
  static void AddDayFilter(SqlFilter* f, const std::string& day, const ListFilter& page) {
    if (page.from) f->Add("(" + day + " || '~') >= ?", page.from->ToIso().substr(0, 10));
    if (page.to) f->Add(day + " <= ?", page.to->ToIso().substr(0, 10) + "~");
  }

  static std::string PageSql(SqlFilter& f, const ListFilter& page) {
    f.params.emplace_back(static_cast<int64_t>(page.limit));
    f.params.emplace_back(static_cast<int64_t>(page.offset));
    return " LIMIT ? OFFSET ?";
  }

  StatusOr<int64_t> Count(const std::string& from, const SqlFilter& f) {
    Stmt q(db_, ("SELECT COUNT(*)" + from).c_str());
    if (!q.ok()) return Error("preparing a listing");
    f.BindAll(q);
    if (q.Step() != SQLITE_ROW) return Error("counting a listing");
    return q.Int(0);
  }

  static constexpr const char* kSeriesColumns =
      "id, name, outlet, network, first_published, last_published, article_count";

  static SeriesRecord ReadSeries(Stmt& q) {  // kSeriesColumns
    SeriesRecord r;
    r.id = q.Int(0);
    r.name = q.Text(1);
    r.outlet = q.Text(2);
    r.network = q.Text(3);
    if (!q.IsNull(4)) r.first_published = DateTime::ParseIso(q.Text(4));
    if (!q.IsNull(5)) r.last_published = DateTime::ParseIso(q.Text(5));
    r.article_count = q.Int(6);
    return r;
  }

  Status PutSeriesInTransaction(const std::vector<std::pair<int64_t, int64_t>>& members,
                                const std::vector<SeriesRecord>& series) {
    for (const auto& [seq, id] : members) {
      Stmt& up = Cached("UPDATE articles SET series_id = ?1 WHERE seq = ?2");
      up.Bind(1, id).Bind(2, seq);
      WARTA_RETURN_IF_ERROR(StepDone(up, "storing an article's series"));
    }
    for (const auto& s : series) {
      Stmt& up = Cached(
          "INSERT OR REPLACE INTO series(id, name, outlet, network, first_published, last_published, first_day, "
          "last_day, article_count) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
      up.Bind(1, s.id).Bind(2, s.name).Bind(3, s.outlet).Bind(4, s.network);
      if (s.first_published) up.Bind(5, s.first_published->ToIso()).Bind(7, s.first_published->DaysSinceEpoch());
      else up.BindNull(5).BindNull(7);
      if (s.last_published) up.Bind(6, s.last_published->ToIso()).Bind(8, s.last_published->DaysSinceEpoch());
      else up.BindNull(6).BindNull(8);
      up.Bind(9, s.article_count);
      WARTA_RETURN_IF_ERROR(StepDone(up, "storing a series"));
    }
    return Status::Ok();
  }

  static StoryRecord ReadStory(Stmt& q) {
    StoryRecord r;
    r.id = q.Int(0);
    r.headline = q.Text(1);
    if (!q.IsNull(2)) r.first_published = DateTime::ParseIso(q.Text(2));
    if (!q.IsNull(3)) r.last_published = DateTime::ParseIso(q.Text(3));
    r.article_count = q.Int(4);
    r.key_entities = ParseStringArray(q.Text(5));
    r.follow_up_of = q.Int(6);
    return r;
  }

  // The stories that follow `r` up, by id.
  Status ReadFollowUps(StoryRecord* r) {
    Stmt& q = Cached("SELECT id FROM stories WHERE follow_up_of = ?1 AND follow_up_of <> 0 ORDER BY id");
    q.Bind(1, r->id);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) r->follow_ups.push_back(q.Int(0));
    q.Reset();
    return rc == SQLITE_DONE ? Status::Ok() : Error("reading a story's follow-ups");
  }

  Status PutRelationsInTransaction(const std::vector<ArticleRelations>& relations,
                                   const std::vector<CopyLink>& relinked,
                                   const std::vector<StoryRecord>& stories, int64_t watermark) {
    for (const auto& r : relations) {
      Stmt& up = Cached(
          "UPDATE articles SET copy_of = ?1, similarity = ?2, copy_group = ?3, story_id = ?4, copy_reason = ?6 "
          "WHERE seq = ?5");
      up.Bind(1, r.copy_of).Bind(2, r.similarity).Bind(3, r.copy_group).Bind(4, r.story_id).Bind(5, r.seq);
      up.Bind(6, r.copy_reason);
      WARTA_RETURN_IF_ERROR(StepDone(up, "storing an article's copy and story"));
      Stmt& sig = Cached("INSERT OR REPLACE INTO signatures(article_seq, bytes) VALUES(?1, ?2)");
      sig.Bind(1, r.seq).BindBlob(2, r.signature);
      WARTA_RETURN_IF_ERROR(StepDone(sig, "storing a duplicate signature"));
    }
    for (const auto& l : relinked) {
      Stmt& up = Cached("UPDATE articles SET copy_of = ?1, similarity = ?2, copy_reason = ?3, copy_group = ?4 WHERE seq = ?5");
      up.Bind(1, l.copy_of).Bind(2, l.similarity).Bind(3, l.copy_reason).Bind(4, l.copy_group).Bind(5, l.seq);
      WARTA_RETURN_IF_ERROR(StepDone(up, "re-pointing a copy link"));
    }
    for (const auto& s : stories) {
      Stmt& up = Cached(
          "INSERT INTO stories(id, headline, first_published, last_published, first_day, last_day, "
          "article_count, key_entities, follow_up_of) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) "
          "ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, first_published = excluded.first_published, "
          "last_published = excluded.last_published, first_day = excluded.first_day, last_day = excluded.last_day, "
          "article_count = excluded.article_count, key_entities = excluded.key_entities, "
          // A story rebuilt on open does not know its link; the store keeps it.
          "follow_up_of = CASE WHEN excluded.follow_up_of <> 0 THEN excluded.follow_up_of ELSE stories.follow_up_of END");
      up.Bind(1, s.id).Bind(2, s.headline);
      if (s.first_published) up.Bind(3, s.first_published->ToIso()).Bind(5, s.first_published->DaysSinceEpoch());
      else up.BindNull(3).BindNull(5);
      if (s.last_published) up.Bind(4, s.last_published->ToIso()).Bind(6, s.last_published->DaysSinceEpoch());
      else up.BindNull(4).BindNull(6);
      up.Bind(7, s.article_count).Bind(8, ToJsonArray(s.key_entities)).Bind(9, s.follow_up_of);
      WARTA_RETURN_IF_ERROR(StepDone(up, "storing a story"));
    }
    return SetMeta(kRelationsWatermark, std::to_string(watermark));
  }

  StatusOr<std::vector<int64_t>> RelabelInTransaction(const std::string& from_id, const std::string& form,
                                                      const std::string& to_id, const std::string& to_canonical) {
    const char* which = "entity_id = ?1 AND (?2 = '' OR text = ?2 COLLATE NOCASE OR canonical = ?2 COLLATE NOCASE)";
    std::vector<int64_t> seqs;
    {
      Stmt q(db_, (std::string("SELECT DISTINCT article_seq FROM mentions WHERE ") + which + " ORDER BY article_seq")
                      .c_str());
      q.Bind(1, from_id).Bind(2, form);
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) seqs.push_back(q.Int(0));
      if (rc != SQLITE_DONE) return Error("finding the mentions of " + from_id);
    }
    {
      Stmt up(db_, (std::string("UPDATE mentions SET entity_id = ?3, canonical = ?4 WHERE ") + which).c_str());
      up.Bind(1, from_id).Bind(2, form).Bind(3, to_id).Bind(4, to_canonical);
      WARTA_RETURN_IF_ERROR(StepDone(up, "re-labelling entity mentions"));
    }
    if (!form.empty()) {
      // Only the quotes and claims attributed by that very name follow.
      Stmt q(db_, "UPDATE quotes SET speaker_entity_id = ?3 WHERE speaker_entity_id = ?1 AND speaker = ?2 COLLATE NOCASE");
      q.Bind(1, from_id).Bind(2, form).Bind(3, to_id);
      WARTA_RETURN_IF_ERROR(StepDone(q, "re-labelling quote speakers"));
      Stmt c(db_,
             "UPDATE claims SET claimant_entity_id = ?3 WHERE claimant_entity_id = ?1 AND claimant = ?2 COLLATE NOCASE");
      c.Bind(1, from_id).Bind(2, form).Bind(3, to_id);
      WARTA_RETURN_IF_ERROR(StepDone(c, "re-labelling claimants"));
      return seqs;
    }
    for (const char* sql :
         {"UPDATE quotes SET speaker_entity_id = ?2 WHERE speaker_entity_id = ?1",
          "UPDATE claims SET claimant_entity_id = ?2 WHERE claimant_entity_id = ?1",
          "UPDATE event_participants SET entity_id = ?2 WHERE entity_id = ?1",
          "UPDATE events SET participants = (SELECT json_group_array(CASE WHEN j.value = ?1 THEN ?2 ELSE j.value END) "
          "FROM json_each(events.participants) j) WHERE rowid IN (SELECT event_rowid FROM event_participants "
          "WHERE entity_id = ?2)"}) {
      Stmt up(db_, sql);
      up.Bind(1, from_id).Bind(2, to_id);
      WARTA_RETURN_IF_ERROR(StepDone(up, "re-labelling an entity's quotes, claims and events"));
    }
    return seqs;
  }

  Status Error(const std::string& what) const {
    return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  // Ends a failed transaction. Its own failure is not reported: the caller
  // returns the error that made it roll back, which is the one to see, and
  // a transaction left open makes the next BEGIN fail, which is reported.
  void Rollback() { (void)Exec("ROLLBACK"); }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      int code = sqlite3_errcode(db_);
      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        return Status::Corrupt(path_ + ": not a Warta store or damaged: " + m);
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return Status::IoError(path_ + ": the store is busy (another warta process is writing): " + m);
      return Status::IoError(path_ + ": " + m);
    }
    return Status::Ok();
  }

  // Statements reused across calls: preparing them per article would cost
  // more than the insert itself.
  Stmt& Cached(const char* sql) {
    auto it = stmts_.find(sql);
    if (it == stmts_.end()) it = stmts_.emplace(sql, Stmt(db_, sql)).first;
    return it->second;
  }

  Status Migrate(bool read_only) {
    int version = 0;
    {
      Stmt q(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
      if (q.ok() && q.Step() == SQLITE_ROW) {
        version = std::atoi(q.Text(0).c_str());
      } else {
        Stmt t(db_, "SELECT COUNT(*) FROM sqlite_master");
        if (!t.ok()) return Status::Corrupt(path_ + ": not a Warta store: " + sqlite3_errmsg(db_));
        if (t.Step() == SQLITE_ROW && t.Int(0) > 0)
          return Status::Corrupt(path_ + ": an SQLite file but not a Warta store (no schema version)");
      }
    }
    if (version > kSchemaVersion)
      return Status::Corrupt(path_ + ": written by a newer Warta (schema " + std::to_string(version) +
                             ", this build knows " + std::to_string(kSchemaVersion) + ")");
    if (version == kSchemaVersion) return Status::Ok();
    if (read_only) return Status::InvalidArgument(path_ + ": store needs a schema upgrade; open it once for writing");
    WARTA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    for (int v = version; v < kSchemaVersion; ++v) {
      Status st = Exec(kMigrations[v]);
      if (!st.ok()) {
        Rollback();
        return st;
      }
    }
    Status st = SetMeta("schema_version", std::to_string(kSchemaVersion));
    if (!st.ok()) {
      Rollback();
      return st;
    }
    return Exec("COMMIT");
  }

  Status PutAll(const std::vector<Article>& articles, std::vector<PutResult>* results) {
    for (size_t i = 0; i < articles.size(); ++i) {
      const Article& a = articles[i];
      PutResult& r = (*results)[i];
      std::string text = a.Text();
      std::string url_key = ArticleUrlKey(a.url);
      if (!url_key.empty()) {
        Stmt& same = Cached("SELECT seq, id, LENGTH(text) FROM articles WHERE url_key = ?1 LIMIT 1");
        same.Bind(1, url_key);
        bool found = same.Step() == SQLITE_ROW;
        int64_t seq = found ? same.Int(0) : 0;
        std::string old_id = found ? same.Text(1) : "";
        int64_t old_len = found ? same.Int(2) : 0;
        same.Reset();
        if (found) {
          r.seq = seq;
          if (old_id != a.id && static_cast<int64_t>(Utf8Length(text)) > old_len && !IdStored(a.id)) {
            WARTA_RETURN_IF_ERROR(Replace(seq, a, text, url_key));
            r.replaced = true;
          }
          continue;
        }
      }
      Stmt& ins = Cached(
          "INSERT INTO articles(id, source, outlet, url, url_key, title, published, published_day, authors, editors, "
          "language, text, inferred_published, letter_case) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14) "
          "ON CONFLICT(id) DO NOTHING");
      BindArticle(ins, a, text, url_key);
      int rc = ins.Step();
      ins.Reset();
      if (rc != SQLITE_DONE) return Error("storing article " + a.id + " from " + a.source);
      if (sqlite3_changes(db_) == 0) {
        Stmt& find = Cached("SELECT seq FROM articles WHERE id = ?1");
        find.Bind(1, a.id);
        if (find.Step() == SQLITE_ROW) r.seq = find.Int(0);
        find.Reset();
        continue;
      }
      r.seq = sqlite3_last_insert_rowid(db_);
      r.inserted = true;
      WARTA_RETURN_IF_ERROR(PutAnnotations(r.seq, a));
    }
    return Status::Ok();
  }

  bool IdStored(const std::string& id) {
    Stmt& find = Cached("SELECT 1 FROM articles WHERE id = ?1");
    find.Bind(1, id);
    bool found = find.Step() == SQLITE_ROW;
    find.Reset();
    return found;
  }

  // Binds ?1..?14 in the column order of the INSERT above.
  static void BindArticle(Stmt& s, const Article& a, const std::string& text, const std::string& url_key) {
    s.Bind(1, a.id).Bind(2, a.source).Bind(3, a.outlet).Bind(4, a.url);
    if (url_key.empty()) s.BindNull(5);
    else s.Bind(5, url_key);
    s.Bind(6, a.title);
    if (a.published) {
      s.Bind(7, a.published->ToIso()).Bind(8, a.published->DaysSinceEpoch());
    } else {
      s.BindNull(7).BindNull(8);
    }
    s.Bind(9, ToJsonArray(a.authors)).Bind(10, ToJsonArray(a.editors)).Bind(11, a.language).Bind(12, text);
    if (a.inferred_published) s.Bind(13, a.inferred_published->ToIso());
    else s.BindNull(13);
    s.Bind(14, std::string(a.letter_case == LetterCase::kLower   ? "lower"
                           : a.letter_case == LetterCase::kUpper ? "upper"
                                                                 : ""));
  }

  // Overwrites row `seq` with `a`, dropping the old row's annotations.
  Status Replace(int64_t seq, const Article& a, const std::string& text, const std::string& url_key) {
    {
      Stmt del(db_, "DELETE FROM event_participants WHERE event_rowid IN (SELECT rowid FROM events WHERE article_seq = ?1)");
      del.Bind(1, seq);
      if (del.Step() != SQLITE_DONE) return Error("replacing article: clearing event participants");
    }
    for (const char* table : {"removed_lines", "mentions", "timexes", "quotes", "claims", "events"}) {
      std::string sql = std::string("DELETE FROM ") + table + " WHERE article_seq = ?1";
      Stmt del(db_, sql.c_str());
      del.Bind(1, seq);
      if (del.Step() != SQLITE_DONE) return Error(std::string("replacing article: clearing ") + table);
    }
    Stmt& up = Cached(
        "UPDATE articles SET id=?1, source=?2, outlet=?3, url=?4, url_key=?5, title=?6, published=?7, "
        "published_day=?8, authors=?9, editors=?10, language=?11, text=?12, inferred_published=?13, letter_case=?14 "
        "WHERE seq=?15");
    BindArticle(up, a, text, url_key);
    up.Bind(15, seq);
    WARTA_RETURN_IF_ERROR(StepDone(up, "replacing an article with a longer version"));
    return PutAnnotations(seq, a);
  }

  Status StepDone(Stmt& s, const char* what) {
    int rc = s.Step();
    s.Reset();
    return rc == SQLITE_DONE ? Status::Ok() : Error(what);
  }

  Status PutAnnotations(int64_t seq, const Article& a) {
    for (const auto& r : a.removed) {
      Stmt& s = Cached("INSERT INTO removed_lines(article_seq, line, reason, text) VALUES(?1,?2,?3,?4)");
      s.Bind(1, seq).Bind(2, int64_t{r.line}).Bind(3, r.reason).Bind(4, r.text);
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing a removed line"));
    }
    for (const auto& m : a.entities) {
      Stmt& s = Cached(
          "INSERT INTO mentions(article_seq, begin, end, text, type, entity_id, canonical, role, role_of) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
      s.Bind(1, seq).Bind(2, int64_t{m.span.begin}).Bind(3, int64_t{m.span.end}).Bind(4, m.text).Bind(5, Name(m.type))
          .Bind(6, m.entity_id).Bind(7, m.canonical).Bind(8, m.role).Bind(9, m.role_of);
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing an entity mention"));
    }
    for (const auto& t : a.timexes) {
      Stmt& s = Cached(
          "INSERT INTO timexes(article_seq, begin, end, text, type, value, utc_offset_minutes) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7)");
      s.Bind(1, seq).Bind(2, int64_t{t.span.begin}).Bind(3, int64_t{t.span.end}).Bind(4, t.text).Bind(5, Name(t.type))
          .Bind(6, t.value);
      if (t.utc_offset_minutes) s.Bind(7, int64_t{*t.utc_offset_minutes});
      else s.BindNull(7);
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing a time expression"));
    }
    for (const auto& q : a.quotes) {
      Stmt& s = Cached("INSERT INTO quotes VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
      s.Bind(1, seq).Bind(2, int64_t{q.span.begin}).Bind(3, int64_t{q.span.end}).Bind(4, q.text)
          .Bind(5, int64_t{q.direct}).Bind(6, q.speaker).Bind(7, q.speaker_entity_id).Bind(8, q.relay);
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing a quote"));
    }
    for (const auto& c : a.claims) {
      Stmt& s = Cached(
          "INSERT INTO claims(article_seq, begin, end, text, low, high, bound, unit, claimant, claimant_entity_id, "
          "hedge, date, subject, canonical_unit, qualifier) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
      s.Bind(1, seq).Bind(2, int64_t{c.span.begin}).Bind(3, int64_t{c.span.end}).Bind(4, c.text).Bind(5, c.low)
          .Bind(6, c.high).Bind(7, Name(c.bound)).Bind(8, c.unit).Bind(9, c.claimant).Bind(10, c.claimant_entity_id)
          .Bind(11, c.hedge).Bind(12, c.date).Bind(13, c.subject).Bind(14, c.canonical_unit).Bind(15, c.qualifier);
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing a claim"));
    }
    for (const auto& e : a.events) {
      Stmt& s = Cached(
          "INSERT INTO events(article_seq, begin, end, type, trigger, participants, place, date, modality, roles) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
      s.Bind(1, seq).Bind(2, int64_t{e.span.begin}).Bind(3, int64_t{e.span.end}).Bind(4, Name(e.type)).Bind(5, e.trigger)
          .Bind(6, ToJsonArray(e.participants)).Bind(7, e.place).Bind(8, e.date).Bind(9, Name(e.modality))
          .Bind(10, NamesJsonArray(e.roles));
      WARTA_RETURN_IF_ERROR(StepDone(s, "storing an event"));
      const int64_t event_rowid = sqlite3_last_insert_rowid(db_);
      for (size_t i = 0; i < e.participants.size(); ++i) {
        const EventRole role = i < e.roles.size() ? e.roles[i] : EventRole::kParticipant;
        Stmt& p = Cached("INSERT INTO event_participants(event_rowid, entity_id, role) VALUES(?1,?2,?3)");
        p.Bind(1, event_rowid).Bind(2, e.participants[i]).Bind(3, Name(role));
        WARTA_RETURN_IF_ERROR(StepDone(p, "storing an event participant"));
      }
    }
    return Status::Ok();
  }

  // Rows of (entity_id, type, mentions, articles); the canonical name is the
  // one most mentions of the entity carry.
  StatusOr<std::vector<EntitySummary>> ReadSummaries(Stmt& q) {
    std::vector<EntitySummary> out;
    while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), "", q.Word<EntityType>(1), q.Int(2), q.Int(3)});
    WARTA_RETURN_IF_ERROR(q.TakeWordStatus(path_));
    for (auto& e : out) {
      WARTA_ASSIGN_OR_RETURN(e.canonical, DisplayName(e.id));
    }
    return out;
  }

  // How a name is written: 2 mixed case ("PT Antam Tbk"), 1 all capitals,
  // 0 no capitals ("pt antam tbk").
  static int CaseRank(std::string_view s) {
    bool upper = false, lower = false;
    for (unsigned char c : s) {
      upper |= std::isupper(c) != 0;
      lower |= std::islower(c) != 0;
    }
    return upper && lower ? 2 : upper ? 1 : 0;
  }

  static std::string FoldAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  // The name an entity is shown by (issue 16): among the canonical names
  // its mentions carry, grouped by spelling regardless of case, the longest
  // of those given at least a quarter as often as the most frequent (the
  // full form: "Sri Mulyani Indrawati"), written as best it was seen: mixed
  // case over all capitals over lower case, by a canonical name or a
  // mention's own text, then the most frequent.
  StatusOr<std::string> DisplayName(const std::string& id) {
    struct Spelling {
      int64_t total = 0;
      std::vector<std::pair<std::string, int64_t>> ways;  // written forms, with counts
    };
    std::map<std::string, Spelling> by_fold;
    Stmt& c = Cached("SELECT canonical, COUNT(*) n FROM mentions WHERE entity_id = ?1 GROUP BY canonical");
    c.Bind(1, id);
    while (c.Step() == SQLITE_ROW) {
      Spelling& sp = by_fold[FoldAscii(c.Text(0))];
      sp.total += c.Int(1);
      sp.ways.emplace_back(c.Text(0), c.Int(1));
    }
    c.Reset();
    if (by_fold.empty()) return std::string();
    int64_t most = 0;
    for (const auto& [fold, sp] : by_fold) most = std::max(most, sp.total);
    const Spelling* best = nullptr;
    const std::string* best_fold = nullptr;
    for (const auto& [fold, sp] : by_fold) {
      if (sp.total * 4 < most) continue;
      if (!best || fold.size() > best_fold->size() || (fold.size() == best_fold->size() && sp.total > best->total)) {
        best = &sp;
        best_fold = &fold;
      }
    }
    std::vector<std::pair<std::string, int64_t>> ways = best->ways;
    Stmt& t = Cached(
        "SELECT text, COUNT(*) n FROM mentions WHERE entity_id = ?1 AND text = ?2 COLLATE NOCASE GROUP BY text");
    t.Bind(1, id).Bind(2, *best_fold);
    while (t.Step() == SQLITE_ROW) ways.emplace_back(t.Text(0), t.Int(1));
    t.Reset();
    const auto* pick = &ways.front();
    for (const auto& w : ways) {
      const int r = CaseRank(w.first), pr = CaseRank(pick->first);
      if (r > pr || (r == pr && w.second > pick->second)) pick = &w;
    }
    return pick->first;
  }

  static std::vector<std::string> SplitParagraphs(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
      size_t nl = text.find('\n', start);
      out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  }

  StoredArticle ReadArticleRow(Stmt& q) {
    StoredArticle s;
    s.seq = q.Int(0);
    Article& a = s.article;
    a.id = q.Text(1);
    a.source = q.Text(2);
    a.outlet = q.Text(3);
    a.url = q.Text(4);
    a.title = q.Text(5);
    if (!q.IsNull(6)) a.published = DateTime::ParseIso(q.Text(6));
    a.authors = ParseStringArray(q.Text(7));
    a.editors = ParseStringArray(q.Text(8));
    a.language = q.Text(9);
    a.paragraphs = SplitParagraphs(q.Text(10));
    if (!q.IsNull(11)) a.inferred_published = DateTime::ParseIso(q.Text(11));
    s.copy_of = q.Int(12);
    s.similarity = q.Real(13);
    s.copy_group = q.Int(14);
    s.story_id = q.Int(15);
    s.copy_reason = q.Text(16);
    if (!q.IsNull(17)) s.ingested_at = DateTime::ParseIso(q.Text(17));
    s.series_id = q.Int(18);
    const std::string lc = q.Text(19);
    a.letter_case = lc == "lower" ? LetterCase::kLower : lc == "upper" ? LetterCase::kUpper : LetterCase::kMixed;
    return s;
  }

  // Calls `read` on every row of `sql`, whose one parameter is an article's
  // seq.
  // Corrupt when a row holds a vocabulary name this build does not know.
  template <typename ReadRow>
  Status ForEachRowOf(const char* sql, int64_t seq, ReadRow&& read) {
    Stmt& q = Cached(sql);
    q.Bind(1, seq);
    while (q.Step() == SQLITE_ROW) read(q);
    q.Reset();
    return q.TakeWordStatus(path_);
  }

  // The annotation rows, field by field rather than positionally, so a new
  // or reordered field cannot shift the others: each reader lists the columns
  // its query selects, in order. Columns 0 and 1 are the span (begin, end) in
  // every annotation query; removed_lines has no span.
  static Span SpanOfRow(const Stmt& q) { return {static_cast<int32_t>(q.Int(0)), static_cast<int32_t>(q.Int(1))}; }

  static RemovedLine ReadRemovedLine(Stmt& q) {  // line, reason, text
    RemovedLine r;
    r.line = static_cast<int32_t>(q.Int(0));
    r.reason = q.Text(1);
    r.text = q.Text(2);
    return r;
  }
  static EntityMention ReadMention(Stmt& q) {  // begin, end, text, type, entity_id, canonical, role, role_of
    EntityMention m;
    m.span = SpanOfRow(q);
    m.text = q.Text(2);
    m.type = q.Word<EntityType>(3);
    m.entity_id = q.Text(4);
    m.canonical = q.Text(5);
    m.role = q.Text(6);
    m.role_of = q.Text(7);
    return m;
  }
  static TimeExpression ReadTimex(Stmt& q) {  // begin, end, text, type, value, utc_offset_minutes
    TimeExpression t;
    t.span = SpanOfRow(q);
    t.text = q.Text(2);
    t.type = q.Word<TimexType>(3);
    t.value = q.Text(4);
    if (!q.IsNull(5)) t.utc_offset_minutes = static_cast<int>(q.Int(5));
    return t;
  }
  static Quote ReadQuote(Stmt& q) {  // begin, end, text, direct, speaker, speaker_entity_id, relay
    Quote quote;
    quote.span = SpanOfRow(q);
    quote.text = q.Text(2);
    quote.direct = q.Int(3) != 0;
    quote.speaker = q.Text(4);
    quote.speaker_entity_id = q.Text(5);
    quote.relay = q.Text(6);
    return quote;
  }
  // begin, end, text, low, high, bound, unit, subject, claimant, claimant_entity_id, hedge, date
  static Claim ReadClaim(Stmt& q) {
    Claim c;
    c.span = SpanOfRow(q);
    c.text = q.Text(2);
    c.low = q.Real(3);
    c.high = q.Real(4);
    c.bound = q.Word<ClaimBound>(5);
    c.unit = q.Text(6);
    c.subject = q.Text(7);
    c.claimant = q.Text(8);
    c.claimant_entity_id = q.Text(9);
    c.hedge = q.Text(10);
    c.date = q.Text(11);
    c.canonical_unit = q.Text(12);
    c.qualifier = q.Text(13);
    return c;
  }
  static Event ReadEvent(Stmt& q) {  // begin, end, type, trigger, participants, place, date, modality, roles
    Event e;
    e.span = SpanOfRow(q);
    e.type = q.Word<EventType>(2);
    e.trigger = q.Text(3);
    e.participants = ParseStringArray(q.Text(4));
    e.place = q.Text(5);
    e.date = q.Text(6);
    e.modality = q.Word<EventModality>(7);
    e.roles = q.Words<EventRole>(8);
    return e;
  }

  Status LoadAnnotations(StoredArticle* s) {
    Article& a = s->article;
    const int64_t seq = s->seq;
    WARTA_RETURN_IF_ERROR(ForEachRowOf("SELECT line, reason, text FROM removed_lines WHERE article_seq = ?1 ORDER BY rowid", seq,
                 [&](Stmt& q) { a.removed.push_back(ReadRemovedLine(q)); }));
    WARTA_RETURN_IF_ERROR(ForEachRowOf(
        "SELECT begin, end, text, type, entity_id, canonical, role, role_of FROM mentions WHERE article_seq = ?1 "
        "ORDER BY begin",
        seq, [&](Stmt& q) { a.entities.push_back(ReadMention(q)); }));
    WARTA_RETURN_IF_ERROR(ForEachRowOf("SELECT begin, end, text, type, value, utc_offset_minutes FROM timexes WHERE article_seq = ?1 ORDER BY begin", seq,
                 [&](Stmt& q) { a.timexes.push_back(ReadTimex(q)); }));
    WARTA_RETURN_IF_ERROR(ForEachRowOf(
        "SELECT begin, end, text, direct, speaker, speaker_entity_id, relay FROM quotes WHERE article_seq = ?1 "
        "ORDER BY begin",
        seq, [&](Stmt& q) { a.quotes.push_back(ReadQuote(q)); }));
    WARTA_RETURN_IF_ERROR(ForEachRowOf(
        "SELECT begin, end, text, low, high, bound, unit, subject, claimant, claimant_entity_id, hedge, date, canonical_unit, qualifier "
        "FROM claims WHERE article_seq = ?1 ORDER BY begin",
        seq, [&](Stmt& q) { a.claims.push_back(ReadClaim(q)); }));
    WARTA_RETURN_IF_ERROR(ForEachRowOf(
        "SELECT begin, end, type, trigger, participants, place, date, modality, roles FROM events WHERE article_seq = ?1 "
        "ORDER BY begin",
        seq, [&](Stmt& q) { a.events.push_back(ReadEvent(q)); }));
    return Status::Ok();
  }

  sqlite3* db_;
  std::string path_;
  std::unordered_map<const char*, Stmt> stmts_;
};

}  // namespace

int SqliteSchemaVersion() { return kSchemaVersion; }

StatusOr<std::unique_ptr<ArticleStore>> OpenSqliteStore(const StoreOptions& options) {
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    if (options.read_only && rc == SQLITE_CANTOPEN)
      return Status::NotFound(options.path + ": no store here (run 'warta ingest' first)");
    return Status::IoError(options.path + ": cannot open store: " + m);
  }
  auto store = std::make_unique<SqliteStore>(db, options.path);
  WARTA_RETURN_IF_ERROR(store->Init(options));
  return std::unique_ptr<ArticleStore>(std::move(store));
}

}  // namespace warta::store
