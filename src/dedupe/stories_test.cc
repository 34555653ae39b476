#include "dedupe/stories.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "dedupe/test_articles.h"

namespace warta::dedupe {
namespace {

using testdata::Make;

Article FloodFollowUp(const char* date) {
  return Make("Korban Banjir Bekasi Mulai Kembali ke Rumah",
              {"Ratusan warga Bekasi Timur yang mengungsi akibat banjir mulai kembali ke rumah setelah air surut "
               "pada Selasa siang.",
               "Badan Penanggulangan Bencana Daerah Kota Bekasi mencatat banjir merendam 420 rumah dan tanggul Kali "
               "Bekasi yang meluap kini diperbaiki."},
              date);
}

TEST(StoryClustererTest, SameEventJoinsOneStoryOtherEventsStartTheirOwn) {
  StoryClusterer c;
  auto a = c.Add(1, testdata::Flood("2024-03-04"));
  EXPECT_TRUE(a.new_story);
  EXPECT_EQ(a.story_id, 1);
  auto b = c.Add(2, testdata::Football("2024-03-04"));
  EXPECT_TRUE(b.new_story);
  auto f = c.Add(3, FloodFollowUp("2024-03-05"));
  EXPECT_FALSE(f.new_story);
  EXPECT_EQ(f.story_id, 1);
  EXPECT_GT(f.similarity, 0.25);
  const Story* s = c.story(1);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->article_count, 2);
  EXPECT_EQ(s->headline, "Banjir Rendam Ratusan Rumah di Bekasi");
  ASSERT_TRUE(s->first_published && s->last_published);
  EXPECT_EQ(s->first_published->day, 4);
  EXPECT_EQ(s->last_published->day, 5);
  EXPECT_EQ(c.StoryOf(3), 1);
  EXPECT_EQ(c.story_count(), 2u);
  EXPECT_EQ(c.story(99), nullptr);
}

TEST(StoryClustererTest, HeadlineComesFromTheEarliestArticle) {
  StoryClusterer c;
  c.Add(1, FloodFollowUp("2024-03-05"));
  c.Add(2, testdata::Flood("2024-03-04"));
  EXPECT_EQ(c.story(1)->headline, "Banjir Rendam Ratusan Rumah di Bekasi");
}

TEST(StoryClustererTest, DistantDatesSplitTheSameWords) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  auto later = c.Add(2, FloodFollowUp("2024-04-20"));
  EXPECT_TRUE(later.new_story);
}

TEST(StoryClustererTest, CopyJoinsItsOriginalsStory) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  Article unrelated_text = testdata::Football("2024-03-04");
  auto a = c.Add(2, unrelated_text, 1);
  EXPECT_EQ(a.story_id, 1);
  EXPECT_DOUBLE_EQ(a.similarity, 1.0);
}

TEST(StoryClustererTest, EntitiesLiftTheScoreAndBecomeKeyEntities) {
  StoryOptions o;
  o.min_similarity = 0.5;
  auto with_entities = [](Article a) {
    a.entities.push_back({{0, 5}, "Bekasi", EntityType::kLocation, "Q-bekasi", "Bekasi"});
    a.entities.push_back({{0, 5}, "BPBD", EntityType::kOrganisation, "Q-bpbd", "BPBD"});
    return a;
  };
  StoryClusterer plain(o), rich(o);
  plain.Add(1, testdata::Flood("2024-03-04"));
  rich.Add(1, with_entities(testdata::Flood("2024-03-04")));
  auto p = plain.Add(2, FloodFollowUp("2024-03-05"));
  auto r = rich.Add(2, with_entities(FloodFollowUp("2024-03-05")));
  EXPECT_GT(r.similarity, p.similarity);
  EXPECT_EQ(r.story_id, 1);
  EXPECT_EQ(rich.story(1)->key_entities, (std::vector<std::string>{"Q-bekasi", "Q-bpbd"}));
}

TEST(StoryClustererTest, OldStoriesGoInactiveAndRestoreRebuildsThem) {
  StoryOptions o;
  o.active_days = 7;
  StoryClusterer c(o);
  c.Add(1, testdata::Flood("2024-03-04"));
  c.Add(2, testdata::Football("2024-03-20"));
  EXPECT_FALSE(c.story(1)->active);
  EXPECT_TRUE(c.story(2)->active);
  EXPECT_EQ(c.active_story_count(), 1u);

  StoryClusterer reopened(o);
  reopened.Restore(5, testdata::Flood("2024-03-04"), 1);
  reopened.Restore(6, FloodFollowUp("2024-03-05"), 1);
  EXPECT_EQ(reopened.story(1)->article_count, 2);
  EXPECT_EQ(reopened.StoryOf(6), 1);
  auto next = reopened.Add(7, FloodFollowUp("2024-03-05"));
  EXPECT_EQ(next.story_id, 1);
}

TEST(StoryClustererTest, UndatedArticleJoinsOnStrongEvidence) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  c.Add(2, testdata::Football("2024-03-06"));
  auto u = c.Add(3, FloodFollowUp(nullptr));  // the same flood, the same places
  EXPECT_EQ(u.story_id, 1);
  EXPECT_GE(u.similarity, c.options().undated_min_similarity);
}

// A daily report of one recurring subject, its date written in the text.
Article DailyReport(int day_index) {
  int64_t days = DateTime{.year = 2025, .month = 1, .day = 2}.DaysSinceEpoch() + day_index;
  DateTime d = DateTime::FromUnixSeconds(days * 86400);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
  return Make("Harga emas Antam hari ini naik",
              {"Harga emas batangan produksi PT Aneka Tambang di butik Logam Mulia Pulogadung naik pada perdagangan "
               "pagi ini menurut laman resmi Logam Mulia.",
               "Harga pembelian kembali emas Antam juga bergerak naik sehingga investor di Jakarta diminta "
               "memperhatikan selisih harga jual dan beli."},
              date);
}

// Issue 15: one "story" ran from 2 January to 22 November. Reports within
// the window of the first are one story; each later one starts a new story
// that follows up the one before.
TEST(StoryClustererTest, TenMonthsOfDailySimilarReportsAreManyStoriesNoneLongerThanTheWindow) {
  StoryClusterer c;
  std::set<int64_t> ids;
  for (int i = 0; i < 300; ++i) ids.insert(c.Add(i + 1, DailyReport(i)).story_id);
  EXPECT_GE(ids.size(), 300u / (c.options().window_days + 1));
  int follow_ups = 0;
  for (int64_t id : ids) {
    const Story* s = c.story(id);
    ASSERT_NE(s, nullptr);
    ASSERT_TRUE(s->first_published && s->last_published);
    EXPECT_LE(s->last_published->DaysSinceEpoch() - s->first_published->DaysSinceEpoch(), c.options().window_days)
        << "story " << id;
    if (s->follow_up_of) {
      ++follow_ups;
      const Story* earlier = c.story(s->follow_up_of);
      ASSERT_NE(earlier, nullptr);
      EXPECT_LT(earlier->last_published->DaysSinceEpoch(), s->first_published->DaysSinceEpoch());
    }
  }
  EXPECT_EQ(follow_ups, static_cast<int>(ids.size()) - 1);  // each development links the one before
}

TEST(StoryClustererTest, ALaterDevelopmentStartsAFollowUpStory) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  auto later = c.Add(2, FloodFollowUp("2024-03-11"));  // a week on: the residents go home
  EXPECT_TRUE(later.new_story);
  EXPECT_EQ(later.follow_up_of, 1);
  EXPECT_EQ(c.story(2)->follow_up_of, 1);
  EXPECT_EQ(c.story(1)->follow_up_of, 0);
  // Within the window of the follow-up's first report: its story.
  auto next = c.Add(3, FloodFollowUp("2024-03-12"));
  EXPECT_EQ(next.story_id, 2);
  EXPECT_EQ(next.follow_up_of, 0);
}

Article MarketFire(const char* date) {
  return Make("Kebakaran hebat landa pasar",
              {"Kebakaran hebat melanda Pasar Senen di Jakarta Pusat pada Senin pagi dan menghanguskan ratusan kios "
               "pedagang sebelum petugas pemadam kebakaran berhasil memadamkan api.",
               "Sebanyak dua puluh unit mobil pemadam kebakaran dikerahkan untuk memadamkan api dan petugas masih "
               "menyelidiki penyebab kebakaran serta menghitung kerugian."},
              date);
}

Article FactoryFire(const char* date, const char* place) {
  return Make("Kebakaran hebat landa pabrik",
              {std::string("Kebakaran hebat melanda sebuah pabrik plastik di ") + place +
                   " pada Senin pagi dan menghanguskan ratusan ton bahan baku sebelum petugas pemadam kebakaran "
                   "berhasil memadamkan api.",
               "Sebanyak dua puluh unit mobil pemadam kebakaran dikerahkan untuk memadamkan api dan petugas masih "
               "menyelidiki penyebab kebakaran serta menghitung kerugian."},
              date);
}

// Issue 15: stories mixed topics on shared generic words. Two fires on one
// day in two places are two events; the same words in the same place are one.
TEST(StoryClustererTest, TwoEventsOnOneDaySharingGenericWordsAreTwoStories) {
  StoryClusterer c;
  c.Add(1, MarketFire("2024-07-01"));
  auto factory = c.Add(2, FactoryFire("2024-07-01", "Kawasan Industri Cikarang"));
  EXPECT_TRUE(factory.new_story);
  // The words were close enough: in the market's place the same text joins.
  StoryClusterer same_place;
  same_place.Add(1, MarketFire("2024-07-01"));
  auto joined = same_place.Add(2, FactoryFire("2024-07-01", "kawasan Pasar Senen"));
  EXPECT_EQ(joined.story_id, 1);
  EXPECT_GE(joined.similarity, same_place.options().min_similarity);
}

// Issue 15: undated articles attached to unrelated stories.
TEST(StoryClustererTest, AnUndatedUnrelatedArticleStartsItsOwnStory) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  Article other_flood = Make("Banjir rendam ratusan rumah",
                             {"Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Genuk Semarang "
                              "setelah hujan deras mengguyur sejak malam.",
                              "Kepala Badan Penanggulangan Bencana Daerah Kota Semarang mengatakan ratusan warga "
                              "mengungsi ke masjid dan balai warga terdekat."},
                             nullptr);
  auto u = c.Add(2, other_flood);
  EXPECT_TRUE(u.new_story);
}

// Issue 15: a story was dated 2035. Its article had no date, and its text
// named 2035 (a target year); ingested in 2026 the story is dated no later.
TEST(StoryClustererTest, AStoryIsNeverDatedAfterItsIngest) {
  StoryClusterer c;
  Article target = Make("Target emisi nol bersih",
                        {"Pemerintah menargetkan pembangkit listrik tenaga batu bara di Suralaya berhenti beroperasi "
                         "pada 1 Januari 2035 sesuai peta jalan transisi energi."},
                        nullptr);
  target.inferred_published = DateTime::ParseIso("2035-01-01");  // what the timex analyser infers
  StoryInput in;
  in.ingested = DateTime::ParseIso("2026-12-07T10:00:00Z");
  auto a = c.Add(1, target, in);
  const Story* s = c.story(a.story_id);
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->first_published && s->last_published);
  EXPECT_EQ(s->last_published->ToIso(), "2026-12-07");
  EXPECT_EQ(s->first_published->ToIso(), "2026-12-07");
  // A publication date after the ingest is no date either: the story takes none.
  Article future = testdata::Football("2035-06-01");
  auto f = c.Add(2, future, in);
  EXPECT_FALSE(c.story(f.story_id)->last_published.has_value());
  // Nor before the earliest plausible date.
  Article old = testdata::Football(nullptr);
  old.inferred_published = DateTime::ParseIso("1945-08-17");
  auto o = c.Add(3, old, in);
  const Story* os = c.story(o.story_id);
  ASSERT_TRUE(os->first_published.has_value());
  EXPECT_EQ(os->first_published->ToIso(), c.options().earliest_plausible.ToIso());
  // A plausible date replaces a clamp rather than stretching the span to it.
  Article dated_text = target;
  dated_text.paragraphs.push_back("Rencana itu diumumkan di Suralaya.");
  dated_text.inferred_published = DateTime::ParseIso("2026-11-30");
  auto d = c.Add(4, dated_text, in);
  ASSERT_EQ(d.story_id, a.story_id);  // the same text, the same place
  s = c.story(a.story_id);  // story() pointers last until the next Add
  EXPECT_EQ(s->first_published->ToIso(), "2026-11-30");
  EXPECT_EQ(s->last_published->ToIso(), "2026-11-30");
}

TEST(StoryClustererTest, TwoItemsOfOneSeriesAreTwoStories) {
  StoryClusterer c;
  StoryInput in;
  in.series = 7;
  c.Add(1, testdata::Flood("2024-03-04"), in);
  auto same_series = c.Add(2, FloodFollowUp("2024-03-05"), in);
  EXPECT_TRUE(same_series.new_story);
  auto other = c.Add(3, FloodFollowUp("2024-03-05"));  // another outlet reports the item: it joins
  EXPECT_FALSE(other.new_story);
}

TEST(StoryClustererTest, ACopyOutsideTheWindowDoesNotStretchItsStory) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  auto late = c.Add(2, testdata::Flood("2024-03-20"), 1);
  EXPECT_NE(late.story_id, 1);
}

}  // namespace
}  // namespace warta::dedupe
