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

}  // namespace
}  // namespace warta::text
