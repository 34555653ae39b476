#include "dedupe/duplicates.h"

#include <gtest/gtest.h>

#include "dedupe/test_articles.h"

namespace warta::dedupe {
namespace {

using testdata::Flood;
using testdata::Football;

// A syndicated copy: dateline, "Baca juga" line, last paragraph trimmed, new
// headline, one sentence reworded.
Article EditedFloodCopy(const char* date) {
  Article a = Flood(date);
  a.title = "VIDEO: Ratusan Rumah di Bekasi Terendam";
  a.paragraphs[0] = "JAKARTA, KOMPAS.com - " + a.paragraphs[0];
  a.paragraphs.insert(a.paragraphs.begin() + 2, "Baca juga: Harga Cabai Naik Jelang Ramadan");
  a.paragraphs[5] = "Wali kota meminta warga di bantaran sungai tetap waspada sebab hujan lebat diperkirakan turun "
                    "hingga akhir pekan.";
  a.paragraphs.pop_back();
  return a;
}

TEST(DuplicateDetectorTest, SignIsDeterministicAndIgnoresCaseAndPunctuation) {
  DuplicateDetector d;
  Article a = Flood();
  Article b = a;
  for (auto& p : b.paragraphs)
    for (auto& c : p)
      if (c == ',') c = ';';
  b.paragraphs[0][0] = 'b';
  Signature sa = d.Sign(a), sb = d.Sign(b);
  EXPECT_EQ(sa, d.Sign(a));
  EXPECT_EQ(sa.mins, sb.mins);
  EXPECT_EQ(sa.mins.size(), 128u);
  EXPECT_GT(sa.shingles, 100u);
  EXPECT_DOUBLE_EQ(DuplicateDetector::EstimateJaccard(sa, sb), 1.0);
}

TEST(DuplicateDetectorTest, SignatureRoundTripsAndRejectsGarbage) {
  DuplicateDetector d;
  Signature s = d.Sign(Flood());
  ASSERT_FALSE(s.paragraphs.empty());
  auto parsed = ParseSignature(s.Serialise());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, s);
  std::string bytes = s.Serialise();
  EXPECT_EQ(ParseSignature(bytes.substr(0, bytes.size() - 1)).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseSignature("").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseSignature(std::string("\x07", 1)).status().code(), StatusCode::kCorrupt);
}

TEST(DuplicateDetectorTest, EditedCopyPointsToOriginal) {
  DuplicateDetector d;
  Article original = Flood("2024-03-04"), copy = EditedFloodCopy("2024-03-05"), other = Football();
  EXPECT_FALSE(d.AddAndMatch(1, d.Sign(original), original.published).copy);
  EXPECT_FALSE(d.AddAndMatch(2, d.Sign(other), other.published).copy);
  MatchResult m = d.AddAndMatch(3, d.Sign(copy), copy.published);
  ASSERT_TRUE(m.copy);
  EXPECT_EQ(m.copy->original_seq, 1);
  EXPECT_EQ(m.copy->nearest_seq, 1);
  EXPECT_GT(m.copy->jaccard, 0.5);
  EXPECT_LT(m.copy->jaccard, 1.0);
  EXPECT_TRUE(m.copy->displaced.empty());
  EXPECT_TRUE(m.paragraphs.empty()) << "paragraphs shared within a copy group are not reported";
  EXPECT_EQ(d.OriginalOf(3), 1);
  EXPECT_EQ(d.OriginalOf(2), 2);
  EXPECT_EQ(d.size(), 3u);
}

TEST(DuplicateDetectorTest, EarliestPublicationIsTheOriginalWhateverTheIngestOrder) {
  DuplicateDetector d;
  Article copy = EditedFloodCopy("2024-03-05"), original = Flood("2024-03-04");
  EXPECT_FALSE(d.AddAndMatch(10, d.Sign(copy), copy.published).copy);
  MatchResult m = d.AddAndMatch(11, d.Sign(original), original.published);
  ASSERT_TRUE(m.copy);
  EXPECT_EQ(m.copy->original_seq, 11);
  EXPECT_EQ(m.copy->nearest_seq, 10);
  EXPECT_EQ(m.copy->displaced, std::vector<int64_t>{10});
  EXPECT_EQ(d.OriginalOf(10), 11);
}

TEST(DuplicateDetectorTest, SameDateFallsBackToIngestOrderAndUndatedIsNeverOriginal) {
  DuplicateDetector d;
  Article a = Flood("2024-03-04"), b = EditedFloodCopy("2024-03-04"), undated = EditedFloodCopy(nullptr);
  undated.paragraphs.push_back("(ant/red)");
  EXPECT_FALSE(d.AddAndMatch(5, d.Sign(undated), undated.published).copy);
  auto m1 = d.AddAndMatch(7, d.Sign(b), b.published);
  ASSERT_TRUE(m1.copy);
  EXPECT_EQ(m1.copy->original_seq, 7);
  auto m2 = d.AddAndMatch(6, d.Sign(a), a.published);
  ASSERT_TRUE(m2.copy);
  EXPECT_EQ(m2.copy->original_seq, 6);
  EXPECT_EQ(m2.copy->displaced, std::vector<int64_t>{7});
  EXPECT_EQ(d.OriginalOf(5), 6);
}

TEST(DuplicateDetectorTest, UnrelatedAndTooShortArticlesAreNotCopies) {
  DuplicateDetector d;
  Article flood = Flood(), football = Football();
  Article brief = testdata::Make("Singkat", {"Banjir merendam Bekasi."}, "2024-03-04");
  EXPECT_FALSE(d.AddAndMatch(1, d.Sign(flood), flood.published).copy);
  EXPECT_FALSE(d.AddAndMatch(2, d.Sign(football), football.published).copy);
  EXPECT_FALSE(d.AddAndMatch(3, d.Sign(brief), brief.published).copy);
  EXPECT_FALSE(d.AddAndMatch(4, d.Sign(brief), brief.published).copy) << "below min_shingles";
  EXPECT_LT(DuplicateDetector::EstimateJaccard(d.Sign(flood), d.Sign(football)), 0.1);
}

TEST(DuplicateDetectorTest, SyndicatedParagraphIsFoundInAnotherArticle) {
  DuplicateDetector d;
  Article flood = Flood("2024-03-04"), football = Football("2024-03-05");
  football.paragraphs.push_back(flood.paragraphs[1]);
  football.paragraphs.push_back("Baca juga: Banjir");  // too short to count
  d.AddAndMatch(1, d.Sign(flood), flood.published);
  MatchResult m = d.AddAndMatch(2, d.Sign(football), football.published);
  EXPECT_FALSE(m.copy);
  ASSERT_EQ(m.paragraphs.size(), 1u);
  EXPECT_EQ(m.paragraphs[0].paragraph, 5u);
  EXPECT_EQ(m.paragraphs[0].other_seq, 1);
  EXPECT_EQ(m.paragraphs[0].other_paragraph, 1u);
  EXPECT_FALSE(m.paragraphs[0].new_is_earlier);
}

TEST(DuplicateDetectorTest, ReplayingStoredSignaturesRebuildsTheSameState) {
  DedupeOptions o;
  DuplicateDetector live(o);
  std::vector<std::pair<Article, std::string>> stored;
  Article arts[] = {Flood("2024-03-04"), Football(), EditedFloodCopy("2024-03-05")};
  for (int i = 0; i < 3; ++i) {
    Signature s = live.Sign(arts[i]);
    live.AddAndMatch(i + 1, s, arts[i].published);
    stored.emplace_back(arts[i], s.Serialise());
  }
  DuplicateDetector reopened(o);
  for (int i = 0; i < 3; ++i) {
    auto s = ParseSignature(stored[static_cast<size_t>(i)].second);
    ASSERT_TRUE(s.ok());
    reopened.AddAndMatch(i + 1, *s, arts[i].published);
  }
  Article late = EditedFloodCopy("2024-03-06");
  auto a = live.AddAndMatch(9, live.Sign(late), late.published);
  auto b = reopened.AddAndMatch(9, reopened.Sign(late), late.published);
  ASSERT_TRUE(a.copy && b.copy);
  EXPECT_EQ(a.copy->original_seq, 1);
  EXPECT_EQ(b.copy->original_seq, 1);
  EXPECT_EQ(a.copy->jaccard, b.copy->jaccard);
}

TEST(DuplicateDetectorTest, OptionsAreClamped) {
  DedupeOptions o;
  o.bins = 100;
  o.band_rows = 0;
  DuplicateDetector d(o);
  EXPECT_EQ(d.options().bins, 128);
  EXPECT_EQ(d.options().band_rows, 1);
  EXPECT_EQ(d.Sign(Flood()).mins.size(), 128u);
}

TEST(PublicationKeyTest, OrdersByUtcAndPutsUndatedLast) {
  auto wib = DateTime::ParseIso("2024-03-04T08:00:00+07:00");
  auto utc = DateTime::ParseIso("2024-03-04T02:00:00Z");
  EXPECT_LT(PublicationKey(wib), PublicationKey(utc));
  EXPECT_EQ(PublicationKey(std::nullopt), INT64_MAX);
}

}  // namespace
}  // namespace warta::dedupe
