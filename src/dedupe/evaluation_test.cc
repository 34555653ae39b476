#include "dedupe/evaluation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dedupe/test_articles.h"

namespace warta::dedupe {
namespace {

TEST(ScoreClusteringTest, PerfectAndKnownValues) {
  auto perfect = ScoreClustering({1, 1, 2, 3}, {7, 7, 8, 9});
  EXPECT_DOUBLE_EQ(perfect.pair_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.bcubed_f1, 1.0);
  // Gold {a,b,c} {d}; predicted {a,b} {c,d}.
  auto s = ScoreClustering({1, 1, 1, 2}, {5, 5, 6, 6});
  EXPECT_EQ(s.gold_pairs, 3);
  EXPECT_EQ(s.predicted_pairs, 2);
  EXPECT_EQ(s.correct_pairs, 1);
  EXPECT_DOUBLE_EQ(s.pair_precision, 0.5);
  EXPECT_DOUBLE_EQ(s.pair_recall, 1.0 / 3);
  // BCubed precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: 2/3, 2/3, 1/3, 1 -> 2/3.
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 0.75);
  EXPECT_NEAR(s.bcubed_recall, 2.0 / 3, 1e-12);
  // Negative gold labels are left out.
  auto skip = ScoreClustering({1, 1, -1}, {5, 5, 5});
  EXPECT_DOUBLE_EQ(skip.pair_precision, 1.0);
}

TEST(CopyGeneratorTest, DeterministicEditsAndHonestSharedFraction) {
  Article flood = testdata::Flood();
  CopyGenerator g1(42), g2(42);
  std::vector<std::string> titles = {"Harga Cabai Naik"};
  bool saw_heavy = false, saw_light = false;
  for (int i = 0; i < 50; ++i) {
    double intensity = i / 49.0;
    GeneratedCopy a = g1.MakeCopy(flood, intensity, titles);
    GeneratedCopy b = g2.MakeCopy(flood, intensity, titles);
    EXPECT_EQ(a.article.paragraphs, b.article.paragraphs);
    EXPECT_EQ(a.edits, b.edits);
    EXPECT_GE(a.shared, 0.0);
    EXPECT_LE(a.shared, 1.0);
    if (a.shared < 0.7) saw_heavy = true;
    if (a.shared > 0.9) saw_light = true;
    if (a.edits.empty()) {
      EXPECT_DOUBLE_EQ(a.shared, 1.0);
    }
  }
  EXPECT_TRUE(saw_heavy);
  EXPECT_TRUE(saw_light);
}

TEST(ParseDedupeLabelsTest, ReadsRowsAndNamesTheLineOfABadOne) {
  auto rows = ParseDedupeLabels("# rules\n\nfx:a\tst-1\t\tser-emas\t\nfx:b\tst-1\tfx:a\r\nfx:c\tst-2\t\t\tst-1\n", "l.tsv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].series, "ser-emas");
  EXPECT_EQ((*rows)[1].copy_of, "fx:a");      // trailing columns may be left out; CR dropped
  EXPECT_EQ((*rows)[1].series, "");
  EXPECT_EQ((*rows)[2].follow_up_of, "st-1");
  EXPECT_EQ((*rows)[2].where, "l.tsv:5");

  auto one_column = ParseDedupeLabels("# x\nfx:a\tst-1\nfx:b\n", "l.tsv");
  ASSERT_FALSE(one_column.ok());
  EXPECT_NE(one_column.status().message().find("l.tsv:3"), std::string::npos) << one_column.status().ToString();
  auto twice = ParseDedupeLabels("fx:a\tst-1\nfx:a\tst-2\n", "l.tsv");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("listed twice"), std::string::npos);
  EXPECT_FALSE(ParseDedupeLabels("fx:a\t\n", "l.tsv").ok());
  EXPECT_FALSE(ParseDedupeLabels("a\tb\tc\td\te\tf\n", "l.tsv").ok());
}

TEST(ScoreDedupeTest, CopiesSeriesStoriesAndSpans) {
  // a, b, d: one report (d copies b, b copies a); a and c: one series; e alone.
  std::vector<DedupeLabel> gold = {{"a", "s1", "", "X"}, {"b", "s1", "a", ""}, {"c", "s2", "", "X"},
                                   {"d", "s1", "b", ""}, {"e", "s3", "", ""}};
  const int64_t day = 86400;
  // Predicted: the series member c taken for a copy of a, d missed as a copy;
  // one story that chains a to c, twenty days apart; no series (today's code).
  std::vector<DedupePrediction> pred = {{10, 1, std::nullopt, 0},        {10, 1, std::nullopt, day},
                                        {10, 1, std::nullopt, 20 * day}, {10, 4, std::nullopt, 2 * day},
                                        {11, 5, std::nullopt, std::nullopt}};
  DedupeScores s = ScoreDedupe(gold, pred);
  EXPECT_EQ(s.items, 5);
  EXPECT_EQ(s.copies.gold_pairs, 3);          // ab ad bd: the copy_of tree, followed to its root
  EXPECT_EQ(s.copies.predicted_pairs, 3);     // ab ac bc
  EXPECT_EQ(s.copies.correct_pairs, 1);
  EXPECT_DOUBLE_EQ(s.copies.pair_precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.copies.pair_recall, 1.0 / 3);
  EXPECT_EQ(s.gold_copy_groups, 1);
  EXPECT_EQ(s.largest_copy_group, 3);
  EXPECT_EQ(s.series.gold_pairs, 1);
  EXPECT_DOUBLE_EQ(s.series.pair_recall, 0.0);
  EXPECT_DOUBLE_EQ(s.series.pair_f1, 0.0);
  EXPECT_EQ(s.gold_series, 1);
  EXPECT_DOUBLE_EQ(s.stories.pair_precision, 0.5);  // 3 right of 6
  EXPECT_DOUBLE_EQ(s.stories.pair_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.longest_story_days, 20.0);
  EXPECT_EQ(s.longest_story, 10);
  EXPECT_EQ(s.stories_over_14_days, 1);
  EXPECT_DOUBLE_EQ(s.gold_longest_story_days, 2.0);

  // The series found (any id), and a copy_of naming no row: its own group.
  pred[0].series = pred[2].series = 77;
  gold[3].copy_of = "nobody";
  DedupeScores t = ScoreDedupe(gold, pred);
  EXPECT_DOUBLE_EQ(t.series.pair_f1, 1.0);
  EXPECT_EQ(t.copies.gold_pairs, 1);
}

// The committed labels of the stream set keep their own rules (header of
// bench/dedupe/labels/stream.tsv). ctest runs tests from the repository root.
TEST(StreamLabelsTest, CommittedLabelsKeepTheirRules) {
  namespace fs = std::filesystem;
  const fs::path dir = "bench/dedupe/labels";
  ASSERT_TRUE(fs::is_directory(dir)) << "run from the repository root: no " << dir;
  std::vector<DedupeLabel> rows;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".tsv") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = ParseDedupeLabels(text.str(), e.path().string());
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    rows.insert(rows.end(), parsed->begin(), parsed->end());
  }
  std::map<std::string, const DedupeLabel*> by_item;
  std::set<std::string> stories;
  for (const auto& r : rows) {
    EXPECT_TRUE(by_item.emplace(r.item, &r).second) << r.where << ": " << r.item << " labelled in two files";
    stories.insert(r.story);
  }
  std::map<std::pair<std::string, std::string>, std::string> series_story;  // (series, story) -> item
  for (const auto& r : rows) {
    if (!r.copy_of.empty()) {
      auto it = by_item.find(r.copy_of);
      ASSERT_NE(it, by_item.end()) << r.where << ": copy_of " << r.copy_of << " is not labelled";
      EXPECT_EQ(it->second->story, r.story) << r.where << ": a copy is in its original's story";
      EXPECT_TRUE(r.series.empty() || r.series != it->second->series)
          << r.where << ": members of one series are never copies of one another";
    }
    if (!r.follow_up_of.empty()) {
      EXPECT_TRUE(stories.count(r.follow_up_of)) << r.where << ": follow_up_of names no story";
      EXPECT_NE(r.follow_up_of, r.story) << r.where;
    }
    if (!r.series.empty()) {
      auto [it, fresh] = series_story.emplace(std::make_pair(r.series, r.story), r.item);
      EXPECT_TRUE(fresh) << r.where << ": " << r.item << " and " << it->second
                         << " are one series and one story (each item is its own story)";
    }
  }
  // Every fixture has a label (the fixtures are ours: one object a line, "id" first).
  int fixtures = 0;
  for (const auto& e : fs::directory_iterator("bench/dedupe/fixtures")) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      const std::string key = "{\"id\": \"";
      ASSERT_EQ(line.rfind(key, 0), 0u) << e.path() << ": a fixture line starts with its id";
      std::string id = line.substr(key.size(), line.find('"', key.size()) - key.size());
      EXPECT_TRUE(by_item.count(id)) << e.path() << ": fixture " << id << " has no label";
      ++fixtures;
    }
  }
  EXPECT_GE(fixtures, 1);
}

TEST(SplitSentencesRoughlyTest, SplitsAtSentenceEnds) {
  EXPECT_EQ(SplitSentencesRoughly("Satu dua. Tiga empat! 5 orang datang. pukul 10.00 tiba."),
            (std::vector<std::string>{"Satu dua.", "Tiga empat!", "5 orang datang. pukul 10.00 tiba."}));
}

}  // namespace
}  // namespace warta::dedupe
