// Extraction quality floors on ../shared (bench/extract/extract_quality
// prints the full table; docs/quality/extraction.md has the current numbers).
// Each floor sits just under the measured score, so a regression fails.
#include <gtest/gtest.h>

#include "html/quality.h"
#include "test_support.h"

namespace warta::html::quality {
namespace {

using ::warta::testing::SharedDir;

// Measured (docs/quality/extraction.md), minus a small margin.
constexpr double kZyteF1Floor = 0.972;
constexpr double kIdNewsF1Floor = 0.962;
constexpr int kIdNewsTitlesFloor = 29;
constexpr int kIdNewsDatesFloor = 29;
constexpr int kTitleFloor = 102;
constexpr int kBylineFloor = 59;
constexpr int kPublishedFloor = 31;
constexpr int kSiteNameFloor = 57;

TEST(QualityTest, ShingleScoringMatchesTheBenchmarkDefinition) {
  ShingleCounts c = Shingles("a b c d e", "a b c d");
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 0);
  c = Shingles("x y", "x y");  // under 4 tokens: one shingle
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(WordTokens("Kata-kata, 2024_an déjà").size(), 4u);
  EXPECT_DOUBLE_EQ(WordF1("a b c", "a b c"), 1.0);
}

TEST(QualityTest, ZyteFloor) {
  WARTA_REQUIRE_SHARED();
  auto s = ScoreZyte(SharedDir() / "data/extraction/zyte");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->documents, 181);
  EXPECT_GE(s->f1, kZyteF1Floor);
  EXPECT_GE(s->precision, kZyteF1Floor - 0.03);
  EXPECT_GE(s->recall, kZyteF1Floor - 0.03);
}

TEST(QualityTest, IdNewsFloor) {
  WARTA_REQUIRE_SHARED();
  auto s = ScoreIdNews(SharedDir() / "data/extraction/id-news");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->documents, 29);
  EXPECT_GE(s->word_f1, kIdNewsF1Floor);
  EXPECT_GE(s->titles_ok, kIdNewsTitlesFloor);
  EXPECT_GE(s->dates_ok, kIdNewsDatesFloor);
}

TEST(QualityTest, ReadabilityPagesFloor) {
  WARTA_REQUIRE_SHARED();
  auto s = ScoreReadabilityPages(SharedDir() / "data/extraction/readability-pages");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->title.correct, kTitleFloor);
  EXPECT_GE(s->byline.correct, kBylineFloor);
  EXPECT_GE(s->published.correct, kPublishedFloor);
  EXPECT_GE(s->site_name.correct, kSiteNameFloor);
}

}  // namespace
}  // namespace warta::html::quality
