#include "dedupe/stories.h"

#include <gtest/gtest.h>

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

TEST(StoryClustererTest, UndatedArticleIsNotHeldToADateSpan) {
  StoryClusterer c;
  c.Add(1, testdata::Flood("2024-03-04"));
  c.Add(2, testdata::Football("2024-03-06"));
  auto u = c.Add(3, FloodFollowUp(nullptr));
  EXPECT_EQ(u.story_id, 1);
}

}  // namespace
}  // namespace warta::dedupe
