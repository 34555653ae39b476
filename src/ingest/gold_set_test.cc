#include "ingest/gold_set.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace warta::ingest {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;

TEST(GoldSetTest, ReadsDataLinesWithTheirNumbersAndChecksTheSplit) {
  TempDir tmp;
  WriteFile(tmp / "g.tsv", "# comment\n\ntune\ta\tb\nheldout\tc\n");
  auto lines = ReadGoldLines(tmp / "g.tsv");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].line, 3);
  EXPECT_EQ((*lines)[0].fields, (std::vector<std::string>{"tune", "a", "b"}));
  EXPECT_EQ((*lines)[1].where, (tmp / "g.tsv").string() + ":4: ");

  WriteFile(tmp / "bad.tsv", "tune\tx\ntest\ty\n");
  auto bad = ReadGoldLines(tmp / "bad.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(bad.status().message().find("bad.tsv:2: split must be tune or heldout"), std::string::npos);
  EXPECT_EQ(ReadGoldLines(tmp / "none.tsv").status().code(), StatusCode::kNotFound);
}

TEST(GoldSetTest, IndoSumIdsGiveWibTimes) {
  // 1497427200 = 2017-06-14T08:00:00Z, 15:00 in Jakarta.
  auto t = IndoSumPublished("1497427200-dele-alli-dan-kane");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->ToIso().substr(0, 16), "2017-06-14T15:00");
  EXPECT_FALSE(IndoSumPublished("no-digits").has_value());
}

TEST(GoldSetTest, SentenceRangesPointIntoTheJoinedText) {
  nlohmann::json article = {{"paragraphs",
                             {{{"Kim", "bertemu", "Kozlov", "."}, {"Mereka", "berbincang", "."}},
                              {{"\"", "Bagus", ",", "\"", "kata", "Kim", "."}}}}};
  IndoSumSentences s = DetokeniseSentences(article);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  std::string text = s.paragraphs[0] + "\n" + s.paragraphs[1];
  auto at = [&](const char* key) {
    auto [b, e] = s.ranges.at(key);
    return text.substr(b, e - b);
  };
  EXPECT_EQ(at("0.0"), "Kim bertemu Kozlov.");
  EXPECT_EQ(at("0.1"), "Mereka berbincang.");
  EXPECT_EQ(at("1.0"), "\"Bagus,\" kata Kim.");
}

}  // namespace
}  // namespace warta::ingest
