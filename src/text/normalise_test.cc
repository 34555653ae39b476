#include <gtest/gtest.h>

#include "text/normalise.h"

namespace warta::text {
namespace {

TEST(NormaliseTest, ComposesAndCleansSpaces) {
  EXPECT_EQ(Normalise("  Cafe\xcc\x81 \xc2\xa0 di\xe2\x80\x8bJakarta \t"), "Café diJakarta");
  EXPECT_EQ(Normalise("“Kita perlu,” ujar Kim."), "“Kita perlu,” ujar Kim.");
  EXPECT_EQ(Normalise("a\r\nb"), "a b");
  EXPECT_EQ(Normalise(""), "");
}

TEST(NormaliseTest, IdKeyIgnoresCasePunctuationAndSpacing) {
  EXPECT_EQ(NormaliseForId("Kim Jong-un, kata AFP."), "kim jong un kata afp");
  EXPECT_EQ(NormaliseForId("KIM  JONG UN kata  afp"), NormaliseForId("Kim Jong-Un — kata AFP!"));
  EXPECT_EQ(NormaliseForId("10.000 tentara"), "10 000 tentara");
}

}  // namespace
}  // namespace warta::text
