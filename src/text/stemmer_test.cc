#include "text/stemmer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/case.h"

namespace warta::text {
namespace {

TEST(StemmerTest, StripsIndonesianAffixes) {
  Stemmer s;
  EXPECT_EQ(s.Stem("kebijakan"), "bijak");
  EXPECT_EQ(s.Stem("pemerintah"), "perintah");
  EXPECT_EQ(s.Stem("memperkuat"), "perkuat");  // one prefix layer
  EXPECT_EQ(s.Stem("ditemukan"), "temu");
  EXPECT_EQ(s.Stem("celananya"), "celana");
  EXPECT_EQ(s.Stem("rusia"), "rusia");
}

TEST(StemmerTest, EmptyNumbersAndSymbols) {
  Stemmer s;
  EXPECT_EQ(s.Stem(""), "");
  EXPECT_EQ(s.Stem("10.000"), "10.000");
  EXPECT_EQ(s.Stem("%"), "%");
}

TEST(StemmerTest, HyphenatedWords) {
  Stemmer s;
  EXPECT_EQ(s.Stem("negara-negara"), "negara");
  EXPECT_EQ(s.Stem("malaikat-malaikat-nya"), "malaikat");
  EXPECT_EQ(s.Stem("kuasa-mu"), "kuasa");
  EXPECT_EQ(s.Stem("meniru-nirukan"), std::string(s.Stem("meniru")));
  EXPECT_EQ(s.Stem("memanggil-manggil"), std::string(s.Stem("memanggil")));
  EXPECT_EQ(s.Stem("pasca-perang"), "pasca-perang");
  EXPECT_EQ(s.Stem("antar-pemerintah"), "antar-perintah");
  EXPECT_EQ(s.Stem("covid-19"), "covid-19");
  EXPECT_EQ(s.Stem("a--b"), std::string(s.Stem("a--b")));  // odd input: no crash, stable
}

TEST(StemmerTest, NonAsciiWordsAreSafe) {
  Stemmer s;
  std::string w = Lowercase("S\xC3\x89KOLAHNYA");  // sékolahnya
  EXPECT_EQ(s.Stem(w), "s\xC3\xA9kolah");
}

TEST(StemmerTest, CacheIsBoundedAndViewsStayValidUntilTheNextCall) {
  Stemmer s(/*max_cache_entries=*/3);
  std::string_view a = s.Stem("kebijakan");
  EXPECT_EQ(a, "bijak");  // still valid: no call since
  s.Stem("pemerintah");
  s.Stem("ditemukan");
  EXPECT_EQ(s.cache_size(), 3u);
  EXPECT_EQ(s.Stem("memperkuat"), "perkuat");  // clears, then caches one
  EXPECT_EQ(s.cache_size(), 1u);
  EXPECT_EQ(s.Stem("memperkuat"), "perkuat");  // a cache hit
  EXPECT_EQ(s.cache_size(), 1u);

  std::string long_word(100, 'a');
  long_word += "nya";
  EXPECT_EQ(s.Stem(long_word), std::string(100, 'a'));  // not cached
  EXPECT_EQ(s.cache_size(), 1u);
}

TEST(StemmerTest, MovesKeepWorking) {
  Stemmer a;
  a.Stem("kebijakan");
  Stemmer b = std::move(a);
  EXPECT_EQ(b.Stem("kebijakan"), "bijak");
}

}  // namespace
}  // namespace warta::text
