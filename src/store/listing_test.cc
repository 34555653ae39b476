// Copies, stories and the cross-article listings (quotes, claims, events).
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <tuple>

#include "store/store.h"
#include "test_support.h"

namespace warta::store {
namespace {

using warta::testing::TempDir;

Article Make(const std::string& id, const std::string& date, const std::string& text) {
  Article a;
  a.id = id;
  a.source = id + ".txt";
  a.outlet = "Antara";
  a.title = "Judul " + id;
  a.published = DateTime::ParseIso(date);
  a.paragraphs = {text};
  return a;
}

std::unique_ptr<ArticleStore> OpenStore(const TempDir& dir) {
  auto s = OpenSqliteStore({.path = (dir / "w.sqlite").string()});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

// Three articles: 2 copies 1, 3 is about something else; 1 and 2 form story 1.
class ListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_);
    Article a = Make("aaaa000000000001", "2024-11-18", "Kim Jong Un bertemu Kozlov di Pyongyang.");
    a.entities = {{{0, 11}, "Kim Jong Un", EntityType::kPerson, "Pkim", "Kim Jong Un"}, {{20, 26}, "Kozlov", EntityType::kPerson, "Pkoz", "Alexander Kozlov"}};
    a.quotes = {{{0, 5}, "Kita bersatu", true, "Kim Jong Un", "Pkim", "AFP"}};
    a.claims = {{{0, 6}, "lebih dari 10.000 tentara", 10000, 10000, ClaimBound::kMoreThan, "tentara", "", "AS", "Las", "", "2024-11-05"}};
    a.events = {{{0, 39}, EventType::kMeeting, "bertemu", {"Pkim", "Pkoz"}, "Pyongyang", "2024-11-18"}};
    Article b = Make("bbbb000000000002", "2024-11-19", "Kim Jong Un menerima Kozlov di Pyongyang.");
    b.entities = a.entities;
    b.claims = {{{0, 6}, "10.000 hingga 12.000 tentara", 10000, 12000, ClaimBound::kRange, "tentara Korea Utara", "", "pejabat", "", "", "2024-10"}};
    b.events = {{{0, 40}, EventType::kMeeting, "menerima", {"Pkim", "Pkoz", "Lpy"}, "Pyongyang", "2024-11-18"}};
    Article c = Make("cccc000000000003", "2025-01-02", "Banjir merendam 500 rumah.");
    c.claims = {{{16, 25}, "500 rumah", 500, 500, ClaimBound::kExact, "rumah", "", "", "", "", ""},
                {{6, 15}, "Rp 2.341.000 per gram", 2341000, 2341000, ClaimBound::kExact, "rupiah per gram", "harga emas antam",
                 "", "", "", "", "IDR/g", ""},
                {{0, 5}, "3.000 orang", 1000, 3000, ClaimBound::kRange, "orang", "prajurit", "", "", "diperkirakan", ""}};
    std::vector<PutResult> put;
    ASSERT_TRUE(store_->PutBatch({a, b, c}, &put).ok());
    ASSERT_TRUE(store_
                    ->PutRelations({{1, "sig1", 0, 0, 1, 1}, {2, "sig2", 1, 0.8, 1, 1, "trimmed"}, {3, "sig3", 0, 0, 3, 3}}, {},
                                   {{1, "Judul aaaa000000000001", a.published, b.published, 2, {"Pkim", "Pkoz"}},
                                    {3, "Judul cccc000000000003", c.published, c.published, 1, {}}},
                                   3)
                    .ok());
  }
  TempDir dir_;
  std::unique_ptr<ArticleStore> store_;
};

TEST_F(ListingTest, RelationsRoundTripAndRebuildInputs) {
  EXPECT_EQ(*store_->RelationsWatermark(), 3);
  std::vector<StoredArticle> got;
  ASSERT_TRUE(store_->GetBySeq({2}, &got).ok());
  EXPECT_EQ(got[0].copy_of, 1);
  EXPECT_DOUBLE_EQ(got[0].similarity, 0.8);
  EXPECT_EQ(got[0].copy_reason, "trimmed");
  EXPECT_EQ(got[0].copy_group, 1);
  EXPECT_EQ(got[0].story_id, 1);
  EXPECT_EQ(*store_->CopiesOf(1), (std::vector<int64_t>{2}));
  EXPECT_TRUE(store_->CopiesOf(2)->empty());
  std::vector<std::pair<int64_t, std::string>> sigs;
  ASSERT_TRUE(store_->ScanSignatures(2, [&](int64_t seq, std::string_view bytes, const std::optional<DateTime>& p) {
    EXPECT_TRUE(p.has_value());
    sigs.emplace_back(seq, std::string(bytes));
  }).ok());
  EXPECT_EQ(sigs, (std::vector<std::pair<int64_t, std::string>>{{1, "sig1"}, {2, "sig2"}}));
  // The people's mentions in store order, for the person linker's replay.
  std::vector<std::tuple<int64_t, std::string, std::string>> people;
  ASSERT_TRUE(store_->ScanPersonMentions([&](int64_t seq, std::string_view id, std::string_view canonical) {
    people.emplace_back(seq, std::string(id), std::string(canonical));
  }).ok());
  EXPECT_EQ(people, (std::vector<std::tuple<int64_t, std::string, std::string>>{
                        {1, "Pkim", "Kim Jong Un"}, {1, "Pkoz", "Alexander Kozlov"},
                        {2, "Pkim", "Kim Jong Un"}, {2, "Pkoz", "Alexander Kozlov"}}));
  EXPECT_TRUE(*store_->Contains("bbbb000000000002"));
  EXPECT_FALSE(*store_->Contains("bbbb"));  // an id, not a prefix
}

// A late original (3) took over 1's group: 1 copies it now, 2 did not match
// 3 and is an original on its own again.
TEST_F(ListingTest, RelinkingRewritesEachCopyLinkAsGiven) {
  ASSERT_TRUE(store_->PutRelations({}, {{1, 3, 0.7, "edited", 1}, {2, 0, 0, "", 2}}, {}, 3).ok());
  std::vector<StoredArticle> got;
  ASSERT_TRUE(store_->GetBySeq({1, 2, 3}, &got).ok());
  EXPECT_EQ(got[0].copy_of, 3);
  EXPECT_DOUBLE_EQ(got[0].similarity, 0.7);
  EXPECT_EQ(got[0].copy_reason, "edited");
  EXPECT_EQ(got[1].copy_of, 0);
  EXPECT_EQ(got[1].copy_reason, "");
  EXPECT_EQ(got[1].copy_group, 2);
  EXPECT_EQ(got[2].copy_of, 0);
  std::vector<ArticleRef> refs;
  ASSERT_TRUE(store_->GetRefs({1}, &refs).ok());
  EXPECT_EQ(refs[0].copy_reason, "edited");
}

TEST_F(ListingTest, StoriesNewestFirstWithDateFilter) {
  auto all = store_->ListStories({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 2);
  EXPECT_EQ(all->rows[0].id, 3);
  EXPECT_EQ(all->rows[1].id, 1);
  EXPECT_EQ(all->rows[1].key_entities, (std::vector<std::string>{"Pkim", "Pkoz"}));
  ListFilter nov;
  nov.from = DateTime::ParseIso("2024-11-19");
  nov.to = DateTime::ParseIso("2024-11-30");
  auto in_nov = store_->ListStories(nov);
  ASSERT_EQ(in_nov->total, 1);
  EXPECT_EQ(in_nov->rows[0].id, 1);
  EXPECT_EQ(*store_->StoryArticles(1), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(store_->GetStory(42).status().code(), StatusCode::kNotFound);
}

// A follow-up is listed on both stories, and a later upsert that does not
// know the link (a story rebuilt on open) keeps it.
TEST_F(ListingTest, AFollowUpIsListedBothWaysAndSurvivesAnUpsertWithoutIt) {
  StoryRecord later{3, "Judul cccc000000000003", std::nullopt, std::nullopt, 1, {}};
  later.follow_up_of = 1;
  ASSERT_TRUE(store_->PutRelations({}, {}, {later}, 3).ok());
  auto earlier = store_->GetStory(1);
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(earlier->follow_up_of, 0);
  EXPECT_EQ(earlier->follow_ups, (std::vector<int64_t>{3}));
  later.follow_up_of = 0;
  later.article_count = 2;
  ASSERT_TRUE(store_->PutRelations({}, {}, {later}, 3).ok());
  auto got = store_->GetStory(3);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->follow_up_of, 1);
  EXPECT_EQ(got->article_count, 2);
  auto listed = store_->ListStories({});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->rows.size(), 2u);
  for (const auto& row : listed->rows)
    EXPECT_EQ(row.follow_ups, row.id == 1 ? std::vector<int64_t>{3} : std::vector<int64_t>{}) << row.id;
}

TEST_F(ListingTest, ClaimsByWordOfTheUnitInClaimDateOrder) {
  ClaimQuery q;
  q.about = "tentara";
  auto claims = store_->FindClaims(q);
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  ASSERT_EQ(claims->total, 2);
  // "2024-10" (a month) sorts before "2024-11-05".
  EXPECT_EQ(claims->rows[0].claim.high, 12000);
  EXPECT_EQ(claims->rows[1].claim.bound, ClaimBound::kMoreThan);
  ClaimQuery by_subject;  // "jumlah tentara … 3.000 orang" counts soldiers
  by_subject.about = "prajurit";
  auto soldiers = store_->FindClaims(by_subject);
  ASSERT_EQ(soldiers->total, 1);
  EXPECT_EQ(soldiers->rows[0].claim.unit, "orang");
  EXPECT_EQ(soldiers->rows[0].claim.hedge, "diperkirakan");
  q.about = "tentar";  // a word, not a prefix
  EXPECT_EQ(store_->FindClaims(q)->total, 0);
  // By the canonical unit, and by words of a longer subject (issue 17).
  ClaimQuery by_canonical;
  by_canonical.about = "IDR/g";
  EXPECT_EQ(store_->FindClaims(by_canonical)->total, 1);
  ClaimQuery by_subject_word;
  by_subject_word.about = "harga emas";
  ASSERT_EQ(store_->FindClaims(by_subject_word)->total, 1);
  EXPECT_EQ(store_->FindClaims(by_subject_word)->rows[0].claim.subject, "harga emas antam");
  by_subject_word.about = "emas antam";
  EXPECT_EQ(store_->FindClaims(by_subject_word)->total, 1);
  by_subject_word.about = "harga ema";  // words, not a prefix
  EXPECT_EQ(store_->FindClaims(by_subject_word)->total, 0);
  ClaimQuery only_unit;
  only_unit.canonical_unit = "idr/g";  // case-blind
  EXPECT_EQ(store_->FindClaims(only_unit)->total, 1);
  ClaimQuery by_claimant;
  by_claimant.claimant_ids = {"Las"};
  EXPECT_EQ(store_->FindClaims(by_claimant)->total, 1);
  ClaimQuery in_oct;
  in_oct.page.from = DateTime::ParseIso("2024-10-15");
  in_oct.page.to = DateTime::ParseIso("2024-10-31");
  auto oct = store_->FindClaims(in_oct);
  ASSERT_EQ(oct->total, 1);  // the month-only date overlaps the range
  EXPECT_EQ(oct->rows[0].article_seq, 2);
  // An undated claim takes its article's day.
  ClaimQuery jan;
  jan.page.from = DateTime::ParseIso("2025-01-01");
  EXPECT_EQ(store_->FindClaims(jan)->total, 3);  // article 3's three claims
}

TEST_F(ListingTest, EventsByParticipantAndStoryWithTheirClause) {
  EventQuery q;
  q.participant_ids = {"Lpy"};
  auto events = store_->FindEvents(q);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->total, 1);
  EXPECT_EQ(events->rows[0].text, "Kim Jong Un menerima Kozlov di Pyongyang");
  q.participant_ids = {"Pkoz"};
  EXPECT_EQ(store_->FindEvents(q)->total, 2);
  EventQuery story;
  story.story_id = 3;
  EXPECT_EQ(store_->FindEvents(story)->total, 0);
  story.story_id = 1;
  story.page.limit = 1;
  auto paged = store_->FindEvents(story);
  EXPECT_EQ(paged->total, 2);
  EXPECT_EQ(paged->rows.size(), 1u);
}

TEST_F(ListingTest, QuotesBySpeakerAndWord) {
  QuoteQuery q;
  q.speaker_ids = {"Pkim"};
  q.word = "BERSATU";
  auto quotes = store_->FindQuotes(q);
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->total, 1);
  EXPECT_EQ(quotes->rows[0].quote.relay, "AFP");
  q.word = "berpisah";
  EXPECT_EQ(store_->FindQuotes(q)->total, 0);
}

TEST_F(ListingTest, CooccurrenceCountsSharedArticles) {
  auto edges = store_->Cooccurrence({"Pkim", "Pkoz", "Lnone"});
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(edges->size(), 1u);
  EXPECT_EQ((*edges)[0].a, "Pkim");
  EXPECT_EQ((*edges)[0].articles, 2);
  auto summaries = store_->GetEntitySummaries({"Pkoz", "nobody", "Pkim"});
  ASSERT_EQ(summaries->size(), 2u);
  EXPECT_EQ((*summaries)[0].canonical, "Alexander Kozlov");
}

TEST_F(ListingTest, RolesWithTheDatesTheyWereSeen) {
  Article d = Make("eeee000000000005", "2024-11-29", "Menteri Pertahanan Rusia Andrei Belousov tiba.");
  d.entities = {{{25, 40}, "Andrei Belousov", EntityType::kPerson, "Pbel", "Andrei Belousov", "Menteri Pertahanan", "Rusia"}};
  Article e = Make("ffff000000000006", "2025-02-01", "Menhan Rusia Andrei Belousov kembali.");
  e.entities = {{{13, 28}, "Andrei Belousov", EntityType::kPerson, "Pbel", "Andrei Belousov", "Menteri pertahanan", "Rusia"},
                {{0, 5}, "Belousov", EntityType::kPerson, "Pbel", "Andrei Belousov", "", ""}};
  std::vector<PutResult> put;
  ASSERT_TRUE(store_->PutBatch({d, e}, &put).ok());
  auto detail = store_->GetEntity("Pbel");
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  ASSERT_EQ(detail->roles.size(), 1u);  // case-insensitively one role
  EXPECT_EQ(detail->roles[0].of, "Rusia");
  EXPECT_EQ(detail->roles[0].articles, 2);
  EXPECT_EQ(detail->roles[0].first_seen->ToIso().substr(0, 10), "2024-11-29");
  EXPECT_EQ(detail->roles[0].last_seen->ToIso().substr(0, 10), "2025-02-01");
  std::vector<StoredArticle> got;
  ASSERT_TRUE(store_->GetBySeq({put[0].seq}, &got).ok());
  EXPECT_EQ(got[0].article.entities[0].role, "Menteri Pertahanan");
}

TEST(SqliteStoreMigrationTest, AVersionOneStoreGainsRelationsAndKeepsItsEvents) {
  TempDir dir;
  const std::string path = (dir / "w.sqlite").string();
  {
    auto store = OpenSqliteStore({.path = path});
    ASSERT_TRUE(store.ok());
    Article a = Make("dddd000000000004", "2024-06-19", "Putin dan Kim menandatangani perjanjian.");
    a.events = {{{0, 39}, EventType::kAgreement, "menandatangani", {"Pput", "Pkim"}, "", "2024-06-19"}};
    std::vector<PutResult> put;
    ASSERT_TRUE((*store)->PutBatch({a}, &put).ok());
  }
  // Take the file back to schema 1, as a store written by the previous release.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (const char* sql :
       {"DROP TABLE signatures", "DROP TABLE stories", "DROP TABLE event_participants", "DROP INDEX articles_copy_of",
        "DROP INDEX articles_story", "DROP INDEX quotes_speaker", "DROP INDEX claims_claimant",
        "ALTER TABLE articles DROP COLUMN copy_of", "ALTER TABLE articles DROP COLUMN similarity",
        "ALTER TABLE articles DROP COLUMN copy_group", "ALTER TABLE articles DROP COLUMN story_id",
        "ALTER TABLE mentions DROP COLUMN role", "ALTER TABLE mentions DROP COLUMN role_of",
        "ALTER TABLE claims DROP COLUMN subject",
        "ALTER TABLE articles DROP COLUMN copy_reason",
        // The series step (dedupe/series.h), newer than schema 2 too.
        "DROP TABLE series", "DROP INDEX articles_series", "ALTER TABLE articles DROP COLUMN series_id",
        // The entity links (issue 16), schema 6.
        "DROP TABLE entity_links",
        // How the source wrote the text (issue 16), newer than schema 2 too.
        "ALTER TABLE articles DROP COLUMN letter_case",
        // Canonical units and qualifiers of claims (issue 17), schema 8.
        "DROP INDEX claims_canonical_unit", "ALTER TABLE claims DROP COLUMN canonical_unit",
        "ALTER TABLE claims DROP COLUMN qualifier",
        // Events' modality and roles, time expressions' zone (issues 17, 18), schema 9.
        "ALTER TABLE events DROP COLUMN modality", "ALTER TABLE events DROP COLUMN roles",
        "ALTER TABLE timexes DROP COLUMN utc_offset_minutes",
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'"})
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto store = OpenSqliteStore({.path = path});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EventQuery q;
  q.participant_ids = {"Pput"};
  EXPECT_EQ((*store)->FindEvents(q)->total, 1);
  EXPECT_EQ(*(*store)->RelationsWatermark(), 0);
}

// Schema 7 -> 8 (issue 17): claims stored before keep an empty canonical
// unit and qualifier and are still found by their unit; new ones carry both.
TEST(SqliteStoreMigrationTest, AVersionSevenStoreGainsCanonicalUnits) {
  TempDir dir;
  const std::string path = (dir / "w.sqlite").string();
  {
    auto store = OpenSqliteStore({.path = path});
    ASSERT_TRUE(store.ok());
    Article a = Make("dddd000000000007", "2024-06-19", "Harga emas Rp 2.341.000 per gram.");
    a.claims = {{{11, 32}, "Rp 2.341.000 per gram", 2341000, 2341000, ClaimBound::kExact, "rupiah per gram", "harga emas",
                 "", "", "", "2024-06-19", "IDR/g", ""}};
    std::vector<PutResult> put;
    ASSERT_TRUE((*store)->PutBatch({a}, &put).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (const char* sql : {"DROP INDEX claims_canonical_unit", "ALTER TABLE claims DROP COLUMN canonical_unit",
                          "ALTER TABLE claims DROP COLUMN qualifier", "ALTER TABLE events DROP COLUMN modality",
                          "ALTER TABLE events DROP COLUMN roles", "ALTER TABLE event_participants DROP COLUMN role",
                          "ALTER TABLE timexes DROP COLUMN utc_offset_minutes",
                          "UPDATE meta SET value = '7' WHERE key = 'schema_version'"})
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto store = OpenSqliteStore({.path = path});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ClaimQuery by_unit;
  by_unit.about = "rupiah";
  auto old = (*store)->FindClaims(by_unit);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ASSERT_EQ(old->total, 1);
  EXPECT_EQ(old->rows[0].claim.canonical_unit, "");
  Article b = Make("dddd000000000008", "2024-06-20", "Inflasi 2,86 persen (yoy).");
  b.claims = {{{8, 19}, "2,86 persen", 2.86, 2.86, ClaimBound::kExact, "persen", "inflasi", "", "", "", "2024-06-20",
               "percent", "yoy"}};
  std::vector<PutResult> put;
  ASSERT_TRUE((*store)->PutBatch({b}, &put).ok());
  ClaimQuery percent;
  percent.canonical_unit = "percent";
  auto got = (*store)->FindClaims(percent);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->total, 1);
  EXPECT_EQ(got->rows[0].claim.qualifier, "yoy");
  auto article = (*store)->Get("dddd000000000008");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->article.claims.at(0).canonical_unit, "percent");
  EXPECT_EQ(article->article.claims.at(0).qualifier, "yoy");
}

// The organisation linker's replay: every organisation mention and the
// people's one-word ones, in store order; places, longer person names and
// mentions without an id are not read.
TEST(OrganisationScanTest, OrganisationsAndOneWordPeopleInStoreOrder) {
  TempDir dir;
  auto store = OpenStore(dir);
  ASSERT_NE(store, nullptr);
  Article a = Make("dddd000000000001", "2024-11-18", "PT Aneka Tambang Tbk (Antam) dan Kim Jong Un di Jakarta.");
  a.entities = {{{0, 20}, "PT Aneka Tambang Tbk", EntityType::kOrganisation, "Oant", "PT Aneka Tambang Tbk"},
                {{22, 27}, "Antam", EntityType::kOrganisation, "Oant", "PT Aneka Tambang Tbk"},
                {{33, 44}, "Kim Jong Un", EntityType::kPerson, "Pkim", "Kim Jong Un"},
                {{48, 55}, "Jakarta", EntityType::kLocation, "Ljkt", "Jakarta"}};
  Article b = Make("eeee000000000002", "2024-11-19", "Saham Antam naik, kata BI.");
  b.entities = {{{6, 11}, "Antam", EntityType::kPerson, "Pantam", "Antam"},
                {{23, 25}, "BI", EntityType::kOrganisation, "", "BI"}};
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({a, b}, &put).ok());
  std::vector<std::tuple<int64_t, EntityType, std::string, std::string, std::string>> seen;
  ASSERT_TRUE(store
                  ->ScanOrganisationMentions([&](int64_t seq, EntityType type, std::string_view text,
                                                 std::string_view id, std::string_view canonical) {
                    seen.emplace_back(seq, type, std::string(text), std::string(id), std::string(canonical));
                  })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::tuple<int64_t, EntityType, std::string, std::string, std::string>>{
                      {1, EntityType::kOrganisation, "PT Aneka Tambang Tbk", "Oant", "PT Aneka Tambang Tbk"},
                      {1, EntityType::kOrganisation, "Antam", "Oant", "PT Aneka Tambang Tbk"},
                      {2, EntityType::kPerson, "Antam", "Pantam", "Antam"}}));
}

// What the pipeline learns names' case from: every mention of an article
// its source wrote in mixed case, with or without an id; none of an article
// whose case was restored (its names are the truecaser's, not a writer's).
TEST(CasedNamesScanTest, OnlyMentionsOfCasedArticles) {
  TempDir dir;
  auto store = OpenStore(dir);
  ASSERT_NE(store, nullptr);
  Article a = Make("dddd000000000011", "2024-11-18", "Sergei Lavrov tiba di Jakarta.");
  a.entities = {{{0, 13}, "Sergei Lavrov", EntityType::kPerson, "Plav", "Sergei Lavrov"},
                {{22, 29}, "Jakarta", EntityType::kLocation, "", "Jakarta"}};
  Article b = Make("eeee000000000012", "2024-11-19", "Kata Menlu Lavrov di Moskwa.");
  b.letter_case = LetterCase::kLower;
  b.entities = {{{0, 17}, "Kata Menlu Lavrov", EntityType::kPerson, "Pkml", "Kata Menlu Lavrov"}};
  std::vector<PutResult> put;
  ASSERT_TRUE(store->PutBatch({a, b}, &put).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(store->ScanCasedNames([&](std::string_view text) { seen.emplace_back(text); }).ok());
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"Jakarta", "Sergei Lavrov"}));
}

}  // namespace
}  // namespace warta::store
