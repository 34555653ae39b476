#include <gtest/gtest.h>

#include <sqlite3.h>

#include "store/store.h"
#include "test_support.h"

namespace warta::store {
namespace {

using warta::testing::TempDir;

Article MakeArticle(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.source = "t/" + id + ".txt";
  a.outlet = "KOMPAS.com";
  a.title = "Judul " + id;
  a.published = DateTime::ParseIso("2024-11-19T19:09:00+07:00");
  a.authors = {"Rina Marlina"};
  a.editors = {"Budi"};
  a.language = "id";
  a.paragraphs = {text, "Paragraf kedua."};
  a.removed = {{1, "Menu", "menu"}, {7, "Baca juga: X", "related-link"}};
  return a;
}

std::unique_ptr<ArticleStore> Open(const TempDir& dir, bool read_only = false) {
  auto s = OpenSqliteStore({.path = (dir / "w.sqlite").string(), .read_only = read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

TEST(SqliteStoreTest, RoundTripsArticleWithRemovedLinesAndAnnotations) {
  TempDir dir;
  auto store = Open(dir);
  Article a = MakeArticle("00112233aabbccdd", "Kim Jong Un bertemu Kozlov di Pyongyang.");
  a.inferred_published = DateTime::ParseIso("2024-11-18");
  a.entities.push_back({{0, 11}, "Kim Jong Un", EntityType::kPerson, "e1", "Kim Jong Un"});
  a.timexes.push_back({{40, 46}, "Senin", TimexType::kDate, "2024-11-18"});
  a.quotes.push_back({{1, 5}, "Kita", true, "Kim", "e1", "AFP"});
  a.claims.push_back({{2, 8}, "10.000 tentara", 10000, 10000, ClaimBound::kMoreThan, "tentara", "", "AS", "", "", "2024-11"});
  a.events.push_back({{0, 20}, EventType::kMeeting, "bertemu", {"e1", "e2"}, "Pyongyang", "2024-11-18"});
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({a}, &put).ok());
  ASSERT_EQ(put.size(), 1u);
  EXPECT_TRUE(put[0].inserted);
  EXPECT_EQ(put[0].seq, 1);

  auto got = store->Get("00112233");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const Article& b = got->article;
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.published->ToIso(), "2024-11-19T19:09:00+07:00");
  ASSERT_TRUE(b.inferred_published);
  EXPECT_EQ(b.inferred_published->ToIso(), "2024-11-18");
  EXPECT_EQ(b.authors, a.authors);
  EXPECT_EQ(b.paragraphs, a.paragraphs);
  ASSERT_EQ(b.removed.size(), 2u);
  EXPECT_EQ(b.removed[1].reason, "related-link");
  EXPECT_EQ(b.removed[1].line, 7);
  ASSERT_EQ(b.entities.size(), 1u);
  EXPECT_EQ(b.entities[0].span, (Span{0, 11}));
  EXPECT_EQ(b.claims[0].unit, "tentara");
  EXPECT_EQ(b.events[0].participants, (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(b.quotes[0].relay, "AFP");
}

TEST(SqliteStoreTest, RoundTripsEventModalityRolesAndTimexZone) {
  TempDir dir;
  auto store = Open(dir);
  Article a = MakeArticle("00112233aabbccdd", "Kim akan bertemu Kozlov pukul 10.00 WIB.");
  a.timexes.push_back({{25, 38}, "pukul 10.00 WIB", TimexType::kTime, "2024-11-18T10:00", 420});
  a.timexes.push_back({{0, 3}, "Senin", TimexType::kDate, "2024-11-18"});  // no zone written
  Event planned{{0, 20}, EventType::kMeeting, "bertemu", {"e1", "e2", "e3"}, "", "2024-11-18"};
  planned.modality = EventModality::kPlanned;
  planned.roles = {EventRole::kActor, EventRole::kTarget, EventRole::kCoActor};
  a.events.push_back(planned);
  a.events.push_back({{21, 30}, EventType::kVisit, "berkunjung", {"e1"}, "Pyongyang", ""});  // roles untold
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({a}, &put).ok());

  auto got = store->Get("00112233");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const Article& b = got->article;
  ASSERT_EQ(b.timexes.size(), 2u);
  EXPECT_FALSE(b.timexes[0].utc_offset_minutes.has_value());  // sorted by begin: "Senin" first
  ASSERT_TRUE(b.timexes[1].utc_offset_minutes.has_value());
  EXPECT_EQ(*b.timexes[1].utc_offset_minutes, 420);
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].modality, EventModality::kPlanned);
  EXPECT_EQ(b.events[0].roles, planned.roles);
  EXPECT_EQ(b.events[1].modality, EventModality::kHappened);
  EXPECT_TRUE(b.events[1].roles.empty());

  // The timeline's listing: what happened by default, the rest when asked.
  auto happened = store->FindEvents({});
  ASSERT_TRUE(happened.ok()) << happened.status().ToString();
  ASSERT_EQ(happened->total, 1);
  EXPECT_EQ(happened->rows[0].event.type, EventType::kVisit);
  EXPECT_EQ(happened->rows[0].event.date, "");  // undated: the row says so, the report day beside it
  EXPECT_EQ(happened->rows[0].reported, "2024-11-19");
  EventQuery every;
  every.modalities.clear();
  auto all = store->FindEvents(every);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 2);
  EXPECT_EQ(all->rows[0].event.modality, EventModality::kPlanned);  // 2024-11-18 before the report day
  EXPECT_EQ(all->rows[0].event.roles, planned.roles);
  EventQuery only_planned;
  only_planned.modalities = {EventModality::kPlanned, EventModality::kNegated};
  EXPECT_EQ(store->FindEvents(only_planned)->total, 1);
}

// A store written by schema 8 (no modality, roles or zone columns) opens
// migrated: its events read as having happened, every participant a
// participant, its time expressions with no zone.
TEST(SqliteStoreTest, MigratesSchema8EventsAndTimexes) {
  TempDir dir;
  const std::string path = (dir / "w.sqlite").string();
  {
    auto store = Open(dir);
    Article a = MakeArticle("00112233aabbccdd", "Kim bertemu Kozlov.");
    a.timexes.push_back({{0, 3}, "Senin", TimexType::kDate, "2024-11-18"});
    a.events.push_back({{0, 18}, EventType::kMeeting, "bertemu", {"e1", "e2"}, "", "2024-11-18"});
    std::vector<PutResult> put;
    ASSERT_TRUE(store->PutBatch({a}, &put).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "ALTER TABLE events DROP COLUMN modality; ALTER TABLE events DROP COLUMN roles; "
                         "ALTER TABLE event_participants DROP COLUMN role; "
                         "ALTER TABLE timexes DROP COLUMN utc_offset_minutes; "
                         "UPDATE meta SET value = '8' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  EXPECT_EQ(OpenSqliteStore({.path = path, .read_only = true}).status().code(), StatusCode::kInvalidArgument);
  auto store = Open(dir);
  auto version = store->GetMeta("schema_version");
  ASSERT_TRUE(version.ok() && *version);
  EXPECT_EQ(**version, std::to_string(SqliteSchemaVersion()));
  auto got = store->Get("00112233");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->article.events.size(), 1u);
  EXPECT_EQ(got->article.events[0].modality, EventModality::kHappened);
  EXPECT_TRUE(got->article.events[0].roles.empty());
  EXPECT_FALSE(got->article.timexes.at(0).utc_offset_minutes.has_value());
  EXPECT_EQ(store->FindEvents({})->total, 1);  // old events count as happened

  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT DISTINCT role FROM event_participants", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "participant");
  EXPECT_EQ(sqlite3_step(q), SQLITE_DONE);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST(SqliteStoreTest, DuplicatesAreStoredOnceWithinAndAcrossBatches) {
  TempDir dir;
  auto store = Open(dir);
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({MakeArticle("aaaa000000000001", "x"), MakeArticle("aaaa000000000001", "x"),
                               MakeArticle("bbbb000000000002", "y")},
                              &put)
                  .ok());
  EXPECT_TRUE(put[0].inserted);
  EXPECT_FALSE(put[1].inserted);
  EXPECT_EQ(put[1].seq, put[0].seq);
  EXPECT_TRUE(put[2].inserted);
  ASSERT_TRUE(store->PutBatch({MakeArticle("bbbb000000000002", "y")}, &put).ok());
  EXPECT_FALSE(put[0].inserted);
  EXPECT_EQ(*store->MaxSeq(), 2);
  auto st = store->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->articles, 2);
  EXPECT_EQ(st->removed_lines, 4);
}

// Issue 16: how each article's source wrote it is stored, read back, and
// counted per outlet for `stats`; cased outlets are not listed.
TEST(SqliteStoreTest, LetterCaseRoundTripsAndIsCountedPerOutlet) {
  TempDir dir;
  auto store = Open(dir);
  std::vector<Article> batch;
  const LetterCase cases[] = {LetterCase::kLower, LetterCase::kLower, LetterCase::kUpper, LetterCase::kMixed,
                              LetterCase::kMixed, LetterCase::kLower};
  const char* outlets[] = {"antaranews", "antaranews", "antaranews", "antaranews", "KOMPAS.com", ""};
  for (int i = 0; i < 6; ++i) {
    Article a = MakeArticle("dddd00000000000" + std::to_string(i), "Teks " + std::to_string(i));
    a.outlet = outlets[i];
    a.letter_case = cases[i];
    batch.push_back(std::move(a));
  }
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch(batch, &put).ok());
  for (int i = 0; i < 6; ++i) {
    auto got = store->Get(batch[static_cast<size_t>(i)].id);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->article.letter_case, cases[i]) << i;
  }
  auto st = store->Stats();
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(st->case_by_outlet.size(), 2u);
  EXPECT_EQ(st->case_by_outlet[0].outlet, "antaranews");
  EXPECT_EQ(st->case_by_outlet[0].articles, 4);
  EXPECT_EQ(st->case_by_outlet[0].lower, 2);
  EXPECT_EQ(st->case_by_outlet[0].upper, 1);
  EXPECT_EQ(st->case_by_outlet[1].outlet, "");
  EXPECT_EQ(st->case_by_outlet[1].lower, 1);
}

TEST(SqliteStoreTest, SameUrlIsOneArticleAndTheLongerVersionWins) {
  TempDir dir;
  auto store = Open(dir);
  Article shorter = MakeArticle("cccc000000000001", "Awal berita.");
  shorter.url = "https://www.contoh.co.id/berita/1/?utm_source=feed";
  Article longer = MakeArticle("cccc000000000002", "Awal berita. Dan kelanjutannya yang panjang.");
  longer.url = "http://contoh.co.id/berita/1";
  longer.removed.clear();
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({shorter}, &put).ok());
  ASSERT_TRUE(store->PutBatch({longer, shorter}, &put).ok());
  EXPECT_FALSE(put[0].inserted);
  EXPECT_TRUE(put[0].replaced);
  EXPECT_EQ(put[0].seq, 1);
  EXPECT_FALSE(put[1].inserted);  // the shorter one again: a plain duplicate now
  EXPECT_FALSE(put[1].replaced);
  EXPECT_EQ(*store->MaxSeq(), 1);
  auto got = store->Get("cccc000000000002");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->article.paragraphs[0], "Awal berita. Dan kelanjutannya yang panjang.");
  EXPECT_TRUE(got->article.removed.empty());  // the old version's annotations went with it
  EXPECT_EQ(store->Get("cccc000000000001").status().code(), StatusCode::kNotFound);

  // A site root identifies nothing: two articles there are two articles.
  Article a = MakeArticle("dddd000000000001", "Satu.");
  Article b = MakeArticle("dddd000000000002", "Dua yang lain.");
  a.url = b.url = "https://contoh.co.id/";
  ASSERT_TRUE(store->PutBatch({a, b}, &put).ok());
  EXPECT_TRUE(put[0].inserted);
  EXPECT_TRUE(put[1].inserted);
}

// Issue 16: the display name is the best-written full form; a look-up by a
// word returns the most-reported entity it fits; merges and splits rewrite
// the stored mentions and are kept with their reasons.
TEST(SqliteStoreTest, EntityNamesLookUpsAndCorrections) {
  TempDir dir;
  auto store = Open(dir);
  std::vector<Article> batch;
  for (int i = 0; i < 4; ++i) {
    Article a = MakeArticle("ffff00000000000" + std::to_string(i), "t");
    // Three articles write the company in lower case, one cased.
    const std::string name = i == 3 ? "PT Antam Tbk" : "pt antam tbk";
    a.entities = {{{0, 12}, name, EntityType::kOrganisation, "o-antam", name},
                  {{13, 28}, "Kim Jong Un", EntityType::kPerson, "p-kju", "Kim Jong Un"}};
    if (i == 0) {
      a.entities.push_back({{30, 44}, "Kim Kardashian", EntityType::kPerson, "p-kk", "Kim Kardashian"});
      a.entities.push_back({{45, 56}, "Sri Mulyani", EntityType::kPerson, "p-sm", "Sri Mulyani"});
      a.entities.push_back({{57, 62}, "Kim", EntityType::kPerson, "p-kk", "Kim Kardashian"});
      a.quotes = {{{70, 80}, "ekonomi", true, "Sri Mulyani", "p-sm", ""}};
    }
    if (i == 1) a.entities.push_back({{45, 66}, "Sri Mulyani Indrawati", EntityType::kPerson, "p-smi", "Sri Mulyani Indrawati"});
    batch.push_back(std::move(a));
  }
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch(batch, &put).ok());

  auto antam = store->GetEntitySummaries({"o-antam"});
  ASSERT_EQ(antam->size(), 1u);
  EXPECT_EQ((*antam)[0].canonical, "PT Antam Tbk");  // not the more frequent "pt antam tbk"

  // "Kim" is a mention of Kim Kardashian, but Kim Jong Un is reported in four articles.
  auto kim = store->FindEntities("Kim", 10);
  ASSERT_EQ(kim->size(), 2u);
  EXPECT_EQ((*kim)[0].id, "p-kju");
  EXPECT_EQ((*kim)[1].id, "p-kk");
  EXPECT_EQ((*store->FindEntities("Belou", 10)).size(), 0u);
  EXPECT_EQ((*store->FindEntities("Kardash", 10))[0].id, "p-kk");  // a part of a word, when no word fits

  // Merge: every mention of p-sm is p-smi's, and its quote follows.
  auto seqs = store->RelabelMentions("p-sm", "", "p-smi", "Sri Mulyani Indrawati");
  ASSERT_TRUE(seqs.ok()) << seqs.status().ToString();
  EXPECT_EQ(*seqs, (std::vector<int64_t>{put[0].seq}));
  QuoteQuery q;
  q.speaker_ids = {"p-smi"};
  EXPECT_EQ(store->FindQuotes(q)->total, 1);
  EXPECT_EQ((*store->GetEntity("p-smi")).summary.articles, 2);
  EXPECT_EQ(store->GetEntity("p-sm").status().code(), StatusCode::kNotFound);
  // Split: only the mentions written "Kim" leave Kim Kardashian.
  seqs = store->RelabelMentions("p-kk", "kim", "p-kim", "Kim");
  EXPECT_EQ(*seqs, (std::vector<int64_t>{put[0].seq}));
  EXPECT_EQ((*store->GetEntity("p-kk")).summary.mentions, 1);
  EXPECT_TRUE(store->RelabelMentions("p-kk", "Nobody", "p-x", "Nobody")->empty());

  ASSERT_TRUE(store->PutEntityLinks({{"merge", "p-sm", "Sri Mulyani", "p-smi", "Sri Mulyani Indrawati", "linker",
                                      "first names of 'Sri Mulyani Indrawati'", std::nullopt},
                                     {"split", "p-kk", "Kim", "p-kim", "Kim", "analyst", "wrong", std::nullopt}})
                  .ok());
  // The same link again replaces its reason rather than adding a row.
  ASSERT_TRUE(store->PutEntityLinks({{"merge", "p-sm", "Sri Mulyani", "p-smi", "Sri Mulyani Indrawati", "linker",
                                      "a better reason", std::nullopt}})
                  .ok());
  auto links = store->EntityLinks("p-smi");
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].reason, "a better reason");
  EXPECT_TRUE((*links)[0].created.has_value());
  EXPECT_EQ(store->EntityLinks("")->size(), 2u);
  EXPECT_EQ((*store->EntityLinks("p-kk"))[0].kind, "split");
}

TEST(SqliteStoreTest, EntitiesAcrossArticles) {
  TempDir dir;
  auto store = Open(dir);
  Article a = MakeArticle("eeee000000000001", "x");
  a.entities = {{{0, 11}, "Kim Jong Un", EntityType::kPerson, "p-kim", "Kim Jong Un"},
                {{20, 23}, "Kim", EntityType::kPerson, "p-kim", "Kim Jong Un"},
                {{30, 38}, "Belousov", EntityType::kPerson, "p-bel", "Andrei Belousov"},
                {{40, 44}, "Rusia", EntityType::kLocation, "l-rus", "Rusia"}};
  Article b = MakeArticle("eeee000000000002", "y");
  b.entities = {{{0, 11}, "Kim Jong-un", EntityType::kPerson, "p-kim", "Kim Jong Un"},
                {{15, 20}, "Rusia", EntityType::kLocation, "l-rus", "Rusia"}};
  Article c = MakeArticle("eeee000000000003", "z");
  c.entities = {{{0, 5}, "Rusia", EntityType::kLocation, "l-rus", "Rusia"}};
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({a, b, c}, &put).ok());

  auto top = store->TopEntities(std::nullopt, 10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 3u);
  EXPECT_EQ((*top)[0].id, "l-rus");
  EXPECT_EQ((*top)[0].articles, 3);
  EXPECT_EQ((*top)[1].id, "p-kim");
  EXPECT_EQ((*top)[1].mentions, 3);
  EXPECT_EQ(store->TopEntities(EntityType::kPerson, 10)->size(), 2u);

  // Any alias finds the entity, case-insensitively; else a part of the canonical name.
  auto found = store->FindEntities("kim jong-un", 10);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].canonical, "Kim Jong Un");
  EXPECT_EQ((*store->FindEntities("Andrei", 10))[0].id, "p-bel");
  EXPECT_TRUE(store->FindEntities("Shoigu", 10)->empty());

  auto kim = store->GetEntity("p-kim");
  ASSERT_TRUE(kim.ok());
  EXPECT_EQ(kim->aliases.size(), 3u);
  EXPECT_EQ(kim->article_seqs.size(), 2u);
  ASSERT_EQ(kim->cooccurring.size(), 2u);
  EXPECT_EQ(kim->cooccurring[0].first.id, "l-rus");
  EXPECT_EQ(kim->cooccurring[0].second, 2);
  EXPECT_EQ(store->GetEntity("nobody").status().code(), StatusCode::kNotFound);
}

TEST(SqliteStoreTest, GetReportsMissingAndAmbiguousIds) {
  TempDir dir;
  auto store = Open(dir);
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({MakeArticle("abcd000000000001", "x"), MakeArticle("abcd000000000002", "y")}, &put).ok());
  EXPECT_EQ(store->Get("ffff").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Get("abcd").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Get("ab").status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(store->Get("ABCD000000000002").ok());
}

TEST(SqliteStoreTest, ScanVisitsInSeqOrderAndStops) {
  TempDir dir;
  auto store = Open(dir);
  std::vector<Article> batch;
  for (int i = 0; i < 1200; ++i) {
    char id[17];
    std::snprintf(id, sizeof id, "%016x", i + 1);
    batch.push_back(MakeArticle(id, "teks " + std::to_string(i)));
  }
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch(batch, &put).ok());
  std::vector<int64_t> seen;
  ASSERT_TRUE(store->Scan(100, [&](const StoredArticle& a) {
                     seen.push_back(a.seq);
                     return seen.size() < 700;
                   }).ok());
  ASSERT_EQ(seen.size(), 700u);
  EXPECT_EQ(seen.front(), 101);
  EXPECT_EQ(seen.back(), 800);
}

TEST(SqliteStoreTest, MetaPersistsAcrossReopen) {
  TempDir dir;
  {
    auto store = Open(dir);
    ASSERT_TRUE(store->SetMeta("index_shards", "2").ok());
  }
  auto store = Open(dir, /*read_only=*/true);
  auto v = store->GetMeta("index_shards");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->value_or(""), "2");
  EXPECT_FALSE(store->GetMeta("nope")->has_value());
}

TEST(SqliteStoreTest, RejectsForeignFilesAndNewerSchemas) {
  TempDir dir;
  warta::testing::WriteFile(dir / "junk.sqlite", std::string(4096, 'x'));
  auto junk = OpenSqliteStore({.path = (dir / "junk.sqlite").string()});
  EXPECT_FALSE(junk.ok());
  EXPECT_NE(junk.status().message().find("junk.sqlite"), std::string::npos);

  {
    auto store = Open(dir);
    ASSERT_TRUE(store->SetMeta("schema_version", "999").ok());
  }
  auto newer = OpenSqliteStore({.path = (dir / "w.sqlite").string()});
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);

  auto missing = OpenSqliteStore({.path = (dir / "nope.sqlite").string(), .read_only = true});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// The vocabularies are stored by name (the text earlier stores hold), and a
// name this build does not know is a corrupt store, not a silent default.
TEST(SqliteStoreTest, VocabularyColumnsHoldNamesAndRejectUnknownOnes) {
  TempDir dir;
  const std::string path = (dir / "w.sqlite").string();
  {
    auto store = Open(dir);
    Article a = MakeArticle("00112233aabbccdd", "Rusia menyerang Ukraina selama tiga hari.");
    a.entities.push_back({{0, 5}, "Rusia", EntityType::kLocation, "l-rus", "Rusia"});
    a.timexes.push_back({{30, 39}, "tiga hari", TimexType::kDuration, "P3D"});
    a.claims.push_back({{2, 8}, "hampir 50 orang", 50, 50, ClaimBound::kAlmost, "orang", "", "", "", "", ""});
    a.events.push_back({{0, 23}, EventType::kAttack, "menyerang", {"l-rus"}, "", ""});
    std::vector<PutResult> put;
    ASSERT_TRUE(store->PutBatch({a}, &put).ok());
    auto got = store->Get("00112233");
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->article.entities.at(0).type, EntityType::kLocation);
    EXPECT_EQ(got->article.timexes.at(0).type, TimexType::kDuration);
    EXPECT_EQ(got->article.claims.at(0).bound, ClaimBound::kAlmost);
    EXPECT_EQ(got->article.events.at(0).type, EventType::kAttack);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto text = [&](const char* sql) {
    sqlite3_stmt* q = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return out;
  };
  EXPECT_EQ(text("SELECT type FROM mentions"), "LOCATION");
  EXPECT_EQ(text("SELECT type FROM timexes"), "DURATION");
  EXPECT_EQ(text("SELECT bound FROM claims"), "almost");
  EXPECT_EQ(text("SELECT type FROM events"), "attack");
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE events SET type = 'statement'; UPDATE claims SET bound = 'over'; "
                         "UPDATE mentions SET type = 'ANIMAL'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  auto store = Open(dir);
  auto got = store->Get("00112233");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(got.status().message().find("unknown entity type \"ANIMAL\""), std::string::npos)
      << got.status().message();
  auto events = store->FindEvents({});
  EXPECT_EQ(events.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(events.status().message().find("unknown event type \"statement\""), std::string::npos)
      << events.status().message();
  EXPECT_EQ(store->FindClaims({}).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(store->TopEntities(std::nullopt, 10).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(store->GetEntitySummaries({"l-rus"}).status().code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace warta::store
