#include <gtest/gtest.h>

#include "cli/format.h"

namespace warta::cli {
namespace {

TEST(ParseDateBoundTest, YearMonthDay) {
  EXPECT_EQ(ParseDateBound("2024", false)->ToIso(), "2024-01-01");
  EXPECT_EQ(ParseDateBound("2024", true)->ToIso(), "2024-12-31");
  EXPECT_EQ(ParseDateBound("2024-02", true)->ToIso(), "2024-02-29");
  EXPECT_EQ(ParseDateBound("2024-11-19", true)->ToIso(), "2024-11-19");
  EXPECT_FALSE(ParseDateBound("2024-13", false));
  EXPECT_FALSE(ParseDateBound("kemarin", false));
  EXPECT_FALSE(ParseDateBound("2024-11-19T10:00", false));
}

TEST(RenderSnippetTest, MarksAndEntities) {
  EXPECT_EQ(RenderSnippet("a <mark>Kim</mark> &amp; &lt;b&gt;", false), "a *Kim* & <b>");
  EXPECT_EQ(RenderSnippet("<mark>x</mark>", true), "\x1b[1;33mx\x1b[0m");
  EXPECT_EQ(RenderSnippet("satu.\ndua", false), "satu. dua");
}

TEST(HumanBytesTest, PicksAUnit) {
  EXPECT_EQ(HumanBytes(512), "512 bytes");
  EXPECT_EQ(HumanBytes(3400), "3.4 kB");
  EXPECT_EQ(HumanBytes(16200000), "16.2 MB");
}

TEST(ArticleTextTest, ShowsMetadataTextAndRemovedLines) {
  store::StoredArticle s;
  s.article.id = "0123456789abcdef";
  s.article.title = "Judul";
  s.article.outlet = "KOMPAS.TV";
  s.article.paragraphs = {"Paragraf satu."};
  s.article.removed = {{3, "Baca juga: sesuatu", "related-link"}};
  std::string out = ArticleText(s, false);
  EXPECT_NE(out.find("Judul"), std::string::npos);
  EXPECT_NE(out.find("KOMPAS.TV"), std::string::npos);
  EXPECT_NE(out.find("Paragraf satu."), std::string::npos);
  EXPECT_NE(out.find("related-link"), std::string::npos);
  EXPECT_EQ(out.find("\x1b["), std::string::npos);
}

TEST(ArticleTextTest, SaysWhenTheCaseWasRestored) {
  store::StoredArticle s;
  s.article.paragraphs = {"Presiden Joko tiba."};
  EXPECT_EQ(ArticleText(s, false).find("case:"), std::string::npos);
  s.article.letter_case = LetterCase::kLower;
  EXPECT_NE(ArticleText(s, false).find("case:      restored from lower case"), std::string::npos);
  s.article.letter_case = LetterCase::kUpper;
  EXPECT_NE(ArticleText(s, false).find("case:      restored from all caps"), std::string::npos);
}

TEST(StatsTextTest, ListsOutletsWithCaseLessText) {
  store::StoreStats st;
  st.articles = 10;
  EXPECT_EQ(StatsText(st, "d", 1, 0).find("case restored"), std::string::npos);
  st.case_by_outlet = {{"antaranews", 8, 5, 2}, {"", 2, 1, 0}};
  const std::string out = StatsText(st, "d", 1, 0);
  EXPECT_NE(out.find("  antaranews               5 / 2 of 8\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  (unknown outlet)         1 / 0 of 2\n"), std::string::npos) << out;
}

TEST(ArticleTextTest, MarksTimeExpressionsInPlace) {
  store::StoredArticle s;
  s.article.paragraphs = {"Kim tiba “kemarin”.", "Mereka bertemu pada Senin (18 November) di Pyongyang."};
  // Code points into Text(): the second paragraph starts at 20.
  s.article.timexes = {{{10, 17}, "kemarin", TimexType::kDate, "2024-11-18"}, {{40, 59}, "Senin (18 November)", TimexType::kDate, "2024-11-18"}};
  s.article.entities = {{{0, 3}, "Kim", EntityType::kPerson, "P1", "Kim Jong Un"}};
  std::string out = ArticleText(s, false);
  EXPECT_NE(out.find("Kim tiba “kemarin⟨2024-11-18⟩”."), std::string::npos) << out;
  EXPECT_NE(out.find("pada Senin (18 November)⟨2024-11-18⟩ di Pyongyang."), std::string::npos) << out;
  EXPECT_NE(out.find("PERSON        Kim Jong Un"), std::string::npos) << out;
}

}  // namespace
}  // namespace warta::cli
