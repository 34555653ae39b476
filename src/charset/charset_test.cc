#include "charset/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::charset {
namespace {

TEST(CharsetTest, ValidUtf8Untouched) {
  std::string s = "Kaf\xC3\xA9 \xE2\x80\x9Cya\xE2\x80\x9D \xF0\x9F\x98\x80";
  std::string copy = s;
  CharsetResult r = EnsureUtf8(&s);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.converted_from.empty());
  EXPECT_EQ(s, copy);
}

TEST(CharsetTest, OverlongAndSurrogatesAreDamageNotLegacy) {
  // An encoded surrogate next to a valid "é".
  std::string s = "\xC3\xA9 \xED\xA0\x80";
  CharsetResult r = EnsureUtf8(&s);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.reason, "invalid UTF-8 at byte 3");
}

TEST(CharsetTest, BinaryHeuristics) {
  EXPECT_FALSE(BinaryReason("teks biasa\r\n\tdengan tab\f").has_value());
  EXPECT_EQ(BinaryReason(std::string("ab\0", 3)).value_or(""), "binary data (NUL byte at byte 2)");
  std::string few(100, 'a');
  few[3] = '\x02';  // 1% control bytes: still text
  EXPECT_FALSE(BinaryReason(few).has_value());
}

}  // namespace
}  // namespace warta::charset
