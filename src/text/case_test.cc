#include "text/case.h"

#include <gtest/gtest.h>

namespace warta::text {
namespace {

TEST(CaseTest, AsciiFastPath) {
  EXPECT_EQ(Lowercase("KIM Jong-Un, 10.000 TENTARA!"), "kim jong-un, 10.000 tentara!");
  EXPECT_EQ(Lowercase(""), "");
}

TEST(CaseTest, FullUnicodeMapping) {
  EXPECT_EQ(Lowercase("\xC3\x89" "COLE Caf\xC3\x89"), "\xC3\xA9" "cole caf\xC3\xA9");       // ÉCOLE CafÉ
  EXPECT_EQ(Lowercase("\xC4\xB0" "stanbul"), "i\xCC\x87" "stanbul");                       // İ -> i + dot above
  EXPECT_EQ(Lowercase("\xCE\x9F\xCE\x94\xCE\x8C\xCE\xA3"), "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x82");  // ΟΔΌΣ: final sigma
  EXPECT_EQ(Lowercase("\xE2\x80\x9CKIM\xE2\x80\x9D"), "\xE2\x80\x9C" "kim\xE2\x80\x9D");  // quotes kept
}

TEST(CaseTest, LowercaseToReusesTheString) {
  std::string out = "old contents that are longer";
  LowercaseTo("ABC", &out);
  EXPECT_EQ(out, "abc");
  LowercaseTo("\xC3\x89t\xC3\xA9", &out);
  EXPECT_EQ(out, "\xC3\xA9t\xC3\xA9");
}

TEST(CaseTest, UppercaseAsciiAndUnicode) {
  EXPECT_EQ(Uppercase("kim jong un, 2024"), "KIM JONG UN, 2024");
  EXPECT_EQ(Uppercase("caf\xC3\xA9 stra\xC3\x9F" "e"), "CAF\xC3\x89 STRASSE");  // café straße
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(CaseTest, LetterCaseOfCaseLessShoutedAndMixedText) {
  const std::string cased = Repeat("Menteri Keuangan Sri Mulyani mengatakan harga beras naik di Jakarta. ", 20);
  const std::string lower = Lowercase(cased);
  EXPECT_EQ(DetectLetterCase(cased), LetterCase::kMixed);
  EXPECT_EQ(DetectLetterCase(lower), LetterCase::kLower);
  EXPECT_EQ(DetectLetterCase(Uppercase(cased)), LetterCase::kUpper);
  // A stray acronym in case-less text keeps it case-less; a few names do not.
  EXPECT_EQ(DetectLetterCase(lower + " (BI)"), LetterCase::kLower);
  EXPECT_EQ(DetectLetterCase(lower + " Sri Mulyani bertemu Joko Widodo di Jakarta, Bandung dan Surabaya"),
            LetterCase::kMixed);
  // Too short to tell: a headline.
  EXPECT_EQ(DetectLetterCase("harga beras naik"), LetterCase::kMixed);
  EXPECT_EQ(DetectLetterCase(""), LetterCase::kMixed);
  // Non-ASCII letters count by their Unicode case.
  EXPECT_EQ(DetectLetterCase(Repeat("\xC3\x89T\xC3\x89 ", 80)), LetterCase::kUpper);
}

}  // namespace
}  // namespace warta::text
