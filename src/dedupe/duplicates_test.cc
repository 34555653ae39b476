#include "dedupe/duplicates.h"

#include <gtest/gtest.h>

#include "dedupe/test_articles.h"

namespace warta::dedupe {
namespace {

using testdata::Flood;
using testdata::Football;
using testdata::GoldPrice;

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
  ASSERT_FALSE(s.values.empty());
  EXPECT_TRUE(parsed->values_known);
}

// Stores written before values existed hold version-1 bytes: the same
// layout up to the paragraph list. They still parse, with unknown values.
TEST(DuplicateDetectorTest, VersionOneSignaturesStillParseWithoutValues) {
  DuplicateDetector d;
  Signature s = d.Sign(Flood());
  std::string v1 = s.Serialise();
  v1.resize(v1.size() - 6 - 4 * s.values.size());
  v1[0] = 1;
  auto parsed = ParseSignature(v1);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_FALSE(parsed->values_known);
  EXPECT_EQ(parsed->mins, s.mins);
  EXPECT_EQ(parsed->paragraphs, s.paragraphs);
  EXPECT_TRUE(parsed->values.empty());
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
  EXPECT_TRUE(m.copy->relinked.empty());
  EXPECT_STREQ(m.copy->reason, "trimmed") << "its last paragraph cut, its lines contained in the original";
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
  ASSERT_EQ(m.copy->relinked.size(), 1u);
  EXPECT_EQ(m.copy->relinked[0].seq, 10);
  EXPECT_EQ(m.copy->relinked[0].copy_of, 11);
  EXPECT_GT(m.copy->relinked[0].jaccard, 0.5);
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
  // 7 and the undated 5 are re-verified against 6 itself: both copy it.
  ASSERT_EQ(m2.copy->relinked.size(), 2u);
  EXPECT_EQ(m2.copy->relinked[0].seq, 5);
  EXPECT_EQ(m2.copy->relinked[0].copy_of, 6);
  EXPECT_EQ(m2.copy->relinked[1].seq, 7);
  EXPECT_EQ(m2.copy->relinked[1].copy_of, 6);
  EXPECT_EQ(d.OriginalOf(5), 6);
  EXPECT_EQ(d.OriginalOf(7), 6);
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

// Daily price reports from one template share most of their wording but not
// their date and prices: none is a copy of another (the old detector chained
// them all into one group through their wording).
TEST(DuplicateDetectorTest, TemplatedDailyReportsAreNoCopies) {
  DuplicateDetector d;
  std::vector<Signature> sigs;
  for (int day = 0; day < 10; ++day) {
    Article a = GoldPrice(day);
    sigs.push_back(d.Sign(a));
    MatchResult m = d.AddAndMatch(day + 1, sigs.back(), a.published);
    EXPECT_FALSE(m.copy) << "day " << day << " copies " << m.copy->original_seq;
  }
  // The wording alone would have called them copies: the values decide.
  EXPECT_GE(DuplicateDetector::EstimateJaccard(sigs[0], sigs[1]), 0.5);
  EXPECT_GT(DuplicateDetector::CompareValues(sigs[0], sigs[1]).figure_conflicts, 0);
  EXPECT_STREQ(d.Verify(2, 1).rejected, "values");
  for (int day = 0; day < 10; ++day) EXPECT_EQ(d.OriginalOf(day + 1), day + 1);
}

// An agency report and three subscribers' edits of it, published the same
// day: one group around the agency's original, each link with the similarity
// measured against it and why it is a copy.
TEST(DuplicateDetectorTest, AgencyReportAndItsEditedCopiesFormOneGroup) {
  DuplicateDetector d;
  Article agency = Flood("2024-03-04T07:00:00+07:00");
  Article trimmed = agency;  // the last two paragraphs cut, a new headline
  trimmed.title = "Ratusan Rumah Terendam";
  trimmed.paragraphs.resize(6);
  trimmed.published = DateTime::ParseIso("2024-03-04T09:30:00+07:00");
  Article baca = agency;  // dateline, "Baca juga" line, a new headline
  baca.title = "Banjir Bekasi: 420 Rumah Terendam";
  baca.paragraphs[0] = "BEKASI, KOMPAS.com - " + baca.paragraphs[0];
  baca.paragraphs.insert(baca.paragraphs.begin() + 3, "Baca juga: Harga Cabai Naik Jelang Ramadan");
  baca.published = DateTime::ParseIso("2024-03-04T10:00:00+07:00");
  Article reworded = EditedFloodCopy("2024-03-05");  // one sentence reworded, "Baca juga", trimmed
  int64_t seq = 0;
  EXPECT_FALSE(d.AddAndMatch(++seq, d.Sign(agency), agency.published).copy);
  for (const Article* a : {&trimmed, &baca, &reworded}) {
    MatchResult m = d.AddAndMatch(++seq, d.Sign(*a), a->published);
    ASSERT_TRUE(m.copy) << a->title;
    EXPECT_EQ(m.copy->original_seq, 1) << a->title;
    EXPECT_GT(m.copy->jaccard, 0.3) << a->title;
    EXPECT_TRUE(m.copy->relinked.empty());
  }
  EXPECT_STREQ(d.Verify(2, 1).reason, "trimmed");
  EXPECT_STREQ(d.Verify(3, 1).reason, "near-identical");
  const std::string reworded_reason = d.Verify(4, 1).reason;  // reworded and trimmed: either is right
  EXPECT_TRUE(reworded_reason == "trimmed" || reworded_reason == "edited") << reworded_reason;
  for (int64_t s = 1; s <= 4; ++s) EXPECT_EQ(d.OriginalOf(s), 1);
}

// B copies A (its first five paragraphs); C copies B (B's paragraphs and four
// of its own) but shares too little with A: C is no copy of A, and B is not
// an original C could copy. D copies B and A alike: it joins A's group.
TEST(DuplicateDetectorTest, ACopyOfACopyJoinsOnlyWhenItMatchesTheOriginal) {
  DuplicateDetector d;
  Article a = Flood("2024-03-04");
  Article b = a;
  b.paragraphs.resize(5);
  Article c = b;
  for (const auto& p : Football().paragraphs) c.paragraphs.push_back(p);
  c.paragraphs.pop_back();
  Article dd = b;
  dd.paragraphs.push_back(a.paragraphs[5]);
  d.AddAndMatch(1, d.Sign(a), a.published);
  MatchResult mb = d.AddAndMatch(2, d.Sign(b), b.published);
  ASSERT_TRUE(mb.copy);
  EXPECT_EQ(mb.copy->original_seq, 1);
  MatchResult mc = d.AddAndMatch(3, d.Sign(c), c.published);
  EXPECT_FALSE(mc.copy) << "chained through B to " << mc.copy->original_seq;
  EXPECT_EQ(d.OriginalOf(3), 3);
  // Its wording does copy B's: only the original counts.
  EXPECT_TRUE(d.Verify(3, 2).copy);
  EXPECT_STREQ(d.Verify(3, 1).rejected, "wording");
  MatchResult md = d.AddAndMatch(4, d.Sign(dd), dd.published);
  ASSERT_TRUE(md.copy);
  EXPECT_EQ(md.copy->original_seq, 1);
  EXPECT_EQ(md.copy->nearest_seq, 1);
}

// The same wording long after is a rerun or a template, not a syndicated
// copy; within max_copy_days it is one.
TEST(DuplicateDetectorTest, SameWordingMonthsLaterIsNoCopy) {
  DuplicateDetector d;
  Article first = Flood("2024-03-04"), later = EditedFloodCopy("2024-06-10"), week = EditedFloodCopy("2024-03-10");
  d.AddAndMatch(1, d.Sign(first), first.published);
  EXPECT_FALSE(d.AddAndMatch(2, d.Sign(later), later.published).copy);
  EXPECT_STREQ(d.Verify(2, 1).rejected, "time");
  MatchResult m = d.AddAndMatch(3, d.Sign(week), week.published);
  ASSERT_TRUE(m.copy);
  EXPECT_EQ(m.copy->original_seq, 1);
}

// One figure changed in an otherwise identical text: another report (a toll
// updated, another day's count), not a copy. A changed name is tolerated
// when the rest agrees (an editor adds a title).
TEST(DuplicateDetectorTest, AChangedFigureRejectsAChangedNameDoesNot) {
  DuplicateDetector d;
  Article a = Flood("2024-03-04");
  Article figure = a;
  figure.paragraphs[1] = "Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sedikitnya 520 rumah "
                         "terdampak dan 130 warga mengungsi ke masjid serta balai warga terdekat.";
  Article name = a;
  name.paragraphs[6] = "Dinas Perhubungan mengalihkan arus lalu lintas di Jalan Ahmad Yani yang tergenang setinggi "
                       "lutut orang dewasa sehingga kemacetan panjang terjadi hingga siang.";
  d.AddAndMatch(1, d.Sign(a), a.published);
  EXPECT_FALSE(d.AddAndMatch(2, d.Sign(figure), figure.published).copy);
  EXPECT_STREQ(d.Verify(2, 1).rejected, "values");
  MatchResult m = d.AddAndMatch(3, d.Sign(name), name.published);
  ASSERT_TRUE(m.copy);
  EXPECT_GT(DuplicateDetector::CompareValues(d.Sign(a), d.Sign(name)).name_conflicts, 0);
}

// A late-ingested first publication takes over the group; a former copy
// that does not match it leaves the group rather than chain through the
// former original.
TEST(DuplicateDetectorTest, ALateOriginalKeepsOnlyTheCopiesThatMatchIt) {
  DuplicateDetector d;
  Article first = Flood("2024-03-03");
  first.paragraphs.resize(4);  // the first publication: four paragraphs, later extended
  Article extended = Flood("2024-03-04");
  Article far = extended;  // copies the extended version's later paragraphs only
  far.paragraphs.erase(far.paragraphs.begin(), far.paragraphs.begin() + 3);
  far.published = DateTime::ParseIso("2024-03-05");
  d.AddAndMatch(1, d.Sign(extended), extended.published);
  MatchResult mf = d.AddAndMatch(2, d.Sign(far), far.published);
  ASSERT_TRUE(mf.copy);
  EXPECT_EQ(mf.copy->original_seq, 1);
  MatchResult m = d.AddAndMatch(3, d.Sign(first), first.published);
  ASSERT_TRUE(m.copy);
  EXPECT_EQ(m.copy->original_seq, 3);
  ASSERT_EQ(m.copy->relinked.size(), 2u);
  EXPECT_EQ(m.copy->relinked[0].seq, 1);
  EXPECT_EQ(m.copy->relinked[0].copy_of, 3);
  EXPECT_STREQ(m.copy->relinked[0].reason, "extended");
  EXPECT_EQ(m.copy->relinked[1].seq, 2);
  EXPECT_EQ(m.copy->relinked[1].copy_of, 0);
  EXPECT_EQ(d.OriginalOf(1), 3);
  EXPECT_EQ(d.OriginalOf(2), 2);
}

TEST(PublicationKeyTest, OrdersByUtcAndPutsUndatedLast) {
  auto wib = DateTime::ParseIso("2024-03-04T08:00:00+07:00");
  auto utc = DateTime::ParseIso("2024-03-04T02:00:00Z");
  EXPECT_LT(PublicationKey(wib), PublicationKey(utc));
  EXPECT_EQ(PublicationKey(std::nullopt), INT64_MAX);
}

}  // namespace
}  // namespace warta::dedupe
