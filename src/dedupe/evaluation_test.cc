#include "dedupe/evaluation.h"

#include <gtest/gtest.h>

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

TEST(SplitSentencesRoughlyTest, SplitsAtSentenceEnds) {
  EXPECT_EQ(SplitSentencesRoughly("Satu dua. Tiga empat! 5 orang datang. pukul 10.00 tiba."),
            (std::vector<std::string>{"Satu dua.", "Tiga empat!", "5 orang datang. pukul 10.00 tiba."}));
}

}  // namespace
}  // namespace warta::dedupe
