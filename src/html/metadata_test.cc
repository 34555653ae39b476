#include <gtest/gtest.h>

#include "html/internal.h"

namespace warta::html::internal {
namespace {

TEST(TitleTest, OutletSuffixAndPrefixTrimmed) {
  EXPECT_EQ(TrimTitleSuffix("Harga Beras Turun - Kompas.com", "", "regional.kompas.com"), "Harga Beras Turun");
  EXPECT_EQ(TrimTitleSuffix("Harga Beras Turun | Warta Contoh", "Warta Contoh", ""), "Harga Beras Turun");
  EXPECT_EQ(TrimTitleSuffix("Harga Beras Turun - Ekonomi :: Okezone Economy", "", "economy.okezone.com"),
            "Harga Beras Turun - Ekonomi");
  EXPECT_EQ(TrimTitleSuffix("KapanLagi.com: Artis Baru Rilis Lagu", "", "www.kapanlagi.com"), "Artis Baru Rilis Lagu");
  // A dash that belongs to the headline stays.
  EXPECT_EQ(TrimTitleSuffix("Jokowi - Prabowo Bertemu di Istana", "Warta", "warta.example"),
            "Jokowi - Prabowo Bertemu di Istana");
  EXPECT_EQ(TrimTitleSuffix("  Judul   dengan  spasi ", "", ""), "Judul dengan spasi");
}

TEST(UrlDateTest, PathForms) {
  EXPECT_EQ(DateFromUrl("https://a.example/read/2017/03/27/10150031/judul"), "2017-03-27");
  EXPECT_EQ(DateFromUrl("https://a.example/news/20170327/judul"), "2017-03-27");
  EXPECT_EQ(DateFromUrl("https://a.example/2017/02/30/x"), "");  // no such day
  EXPECT_EQ(DateFromUrl("https://a.example/id/12345/judul"), "");
  EXPECT_EQ(DateFromUrl("not a url"), "");
}

TEST(TextTest, CollapseSpace) {
  EXPECT_EQ(CollapseSpace("  a \t\n b\xC2\xA0\xC2\xA0" "c "), "a b c");
  EXPECT_EQ(CollapseSpace("x\xE2\x80\x8By"), "x y");
  EXPECT_EQ(CollapseSpace(""), "");
}

}  // namespace
}  // namespace warta::html::internal

namespace warta::html::internal {
namespace {

TEST(TitleTest, UnknownOutletTrimmedOnlyWhenItLooksLikeOne) {
  EXPECT_EQ(TrimTitleSuffix("Rapat Paripurna Bahas Anggaran Daerah - Kabar Pagi", "", ""),
            "Rapat Paripurna Bahas Anggaran Daerah");
  EXPECT_EQ(TrimTitleSuffix("Rapat Paripurna Bahas Anggaran - dan lain-lain", "", ""),
            "Rapat Paripurna Bahas Anggaran - dan lain-lain");
  EXPECT_EQ(TrimTitleSuffix("Anggaran Daerah - Kabar", "", ""), "Anggaran Daerah - Kabar");
}

}  // namespace
}  // namespace warta::html::internal
