#include "timex/timex.h"

#include <gtest/gtest.h>


namespace warta::timex {
namespace {

// "text|TYPE|value" of every expression, joined by "; ".
std::string TagStr(std::string_view text, std::optional<DateTime> dct) {
  static const TimexTagger tagger;
  std::string out;
  for (const auto& t : tagger.Tag(text, dct)) {
    if (!out.empty()) out += "; ";
    out += t.timex.text + "|" + std::string(Name(t.timex.type)) + "|" + t.timex.value;
  }
  return out;
}
std::optional<DateTime> D(const char* iso) { return DateTime::ParseIso(iso); }

TEST(Timex, AbsoluteDates) {
  auto dct = D("2024-11-19");
  EXPECT_EQ(TagStr("pada 29/11/2024 pagi", dct), "29/11/2024|DATE|2024-11-29");
  EXPECT_EQ(TagStr("Pada 29 November 2024 mereka", dct), "29 November 2024|DATE|2024-11-29");
  EXPECT_EQ(TagStr("terbit Nov 2024 lalu", dct), "Nov 2024|DATE|2024-11");
  EXPECT_EQ(TagStr("anggaran 2024 disusun", dct), "2024|DATE|2024");
  EXPECT_EQ(TagStr("batasnya tanggal 27 Februari", dct), "tanggal 27 Februari|DATE|2024-02-27");
  EXPECT_EQ(TagStr("sejak tahun 1998", dct), "tahun 1998|DATE|1998");
}

TEST(Timex, WeekdayWithDate) {
  EXPECT_EQ(TagStr("Jumat (29/11/2024)", D("2024-11-30")), "Jumat (29/11/2024)|DATE|2024-11-29");
  // The weekday picks the year: 18 November is a Monday in 2024, not 2023.
  EXPECT_EQ(TagStr("bertemu pada Senin (18 November), ketika", D("2024-11-19")), "Senin (18 November)|DATE|2024-11-18");
  EXPECT_EQ(TagStr("di Senayan, Senin (27/3).", D("2017-03-28")), "Senin (27/3)|DATE|2017-03-27");
  EXPECT_EQ(TagStr("Selasa sore (28/3)", D("2017-03-30")), "Selasa sore (28/3)|TIME|2017-03-28TAF");
}

TEST(Timex, Times) {
  auto dct = D("2024-11-19");
  EXPECT_EQ(TagStr("dimulai pukul 10.00 WIB di", dct), "pukul 10.00 WIB|TIME|2024-11-19T10:00+07:00");
  EXPECT_EQ(TagStr("tiba 14:32 WITA", dct), "14:32 WITA|TIME|2024-11-19T14:32+08:00");
  EXPECT_EQ(TagStr("jam 7 malam", dct), "jam 7 malam|TIME|2024-11-19T19:00");
  // A time takes the latest day mentioned before it.
  EXPECT_EQ(TagStr("bertemu besok. Rapat pukul 09.00 WIB", dct),
            "besok|DATE|2024-11-20; pukul 09.00 WIB|TIME|2024-11-20T09:00+07:00");
  EXPECT_EQ(TagStr("Kamis (1/12/2016) pukul 14:32 WIB", D("2016-12-02")),
            "Kamis (1/12/2016) pukul 14:32 WIB|TIME|2016-12-01T14:32+07:00");
}

TEST(Timex, RelativeToDct) {
  auto dct = D("2024-11-19");  // a Tuesday, ISO week 47
  EXPECT_EQ(TagStr("kemarin", dct), "kemarin|DATE|2024-11-18");
  EXPECT_EQ(TagStr("besok", dct), "besok|DATE|2024-11-20");
  EXPECT_EQ(TagStr("hari ini", dct), "hari ini|DATE|2024-11-19");
  EXPECT_EQ(TagStr("Jumat lalu", dct), "Jumat lalu|DATE|2024-11-15");
  EXPECT_EQ(TagStr("pekan lalu", dct), "pekan lalu|DATE|2024-W46");
  EXPECT_EQ(TagStr("akhir pekan lalu", dct), "akhir pekan lalu|DATE|2024-W46-WE");
  EXPECT_EQ(TagStr("bulan lalu", dct), "bulan lalu|DATE|2024-10");
  EXPECT_EQ(TagStr("bulan ini", dct), "bulan ini|DATE|2024-11");
  EXPECT_EQ(TagStr("sejak Juni lalu", dct), "Juni lalu|DATE|2024-06");
  EXPECT_EQ(TagStr("sejak September lalu", dct), "September lalu|DATE|2024-09");
  EXPECT_EQ(TagStr("tahun lalu", dct), "tahun lalu|DATE|2023");
  EXPECT_EQ(TagStr("tahun depan", dct), "tahun depan|DATE|2025");
  EXPECT_EQ(TagStr("dua hari lalu", dct), "dua hari lalu|DATE|2024-11-17");
  EXPECT_EQ(TagStr("awal tahun ini", dct), "awal tahun ini|DATE|2024-H1");
  EXPECT_EQ(TagStr("pertengahan tahun ini", dct), "pertengahan tahun ini|DATE|2024");
  EXPECT_EQ(TagStr("akhir tahun ini", dct), "akhir tahun ini|DATE|2024-H2");
  EXPECT_EQ(TagStr("musim gugur tahun lalu", dct), "musim gugur tahun lalu|DATE|2023-FA");
  EXPECT_EQ(TagStr("tiga bulan lalu", dct), "tiga bulan lalu|DATE|2024-08");
  EXPECT_EQ(TagStr("satu dekade lalu", dct), "satu dekade lalu|DATE|201");
}

TEST(Timex, BareWeekdayAndMonthRule) {
  auto dct = D("2024-11-19");  // Tuesday
  EXPECT_EQ(TagStr("kata dia, Senin.", dct), "Senin|DATE|2024-11-18");
  EXPECT_EQ(TagStr("kata dia, Selasa.", dct), "Selasa|DATE|2024-11-19");
  // In a clause about the future the weekday is the next one.
  EXPECT_EQ(TagStr("Rapat akan digelar Kamis.", dct), "Kamis|DATE|2024-11-21");
  // Juni without a year: the nearest past June; a future clause looks ahead.
  EXPECT_EQ(TagStr("Pada Juni, harga naik.", dct), "Juni|DATE|2024-06");
  EXPECT_EQ(TagStr("Pabrik akan dibuka Maret.", dct), "Maret|DATE|2025-03");
  // An earlier mention of the month with its year decides.
  EXPECT_EQ(TagStr("selesai Oktober 2025. Jadi Oktober nanti", dct),
            "Oktober 2025|DATE|2025-10; Oktober nanti|DATE|2025-10");
}

TEST(Timex, DurationsAndSets) {
  auto dct = D("2024-11-19");
  EXPECT_EQ(TagStr("selama tiga hari", dct), "tiga hari|DURATION|P3D");
  EXPECT_EQ(TagStr("selama dua pekan", dct), "dua pekan|DURATION|P2W");
  EXPECT_EQ(TagStr("48 jam", dct), "48 jam|DURATION|PT48H");
  EXPECT_EQ(TagStr("tiga puluh satu tahun", dct), "tiga puluh satu tahun|DURATION|P31Y");
  EXPECT_EQ(TagStr("dua belas bulan", dct), "dua belas bulan|DURATION|P12M");
  EXPECT_EQ(TagStr("sepuluh tahun", dct), "sepuluh tahun|DURATION|P10Y");
  EXPECT_EQ(TagStr("belasan tahun", dct), "belasan tahun|DURATION|PXY");
  EXPECT_EQ(TagStr("satu setengah tahun", dct), "satu setengah tahun|DURATION|P18M");
  EXPECT_EQ(TagStr("setiap tahun", dct), "setiap tahun|SET|P1Y");
  EXPECT_EQ(TagStr("setiap Minggu pagi", dct), "setiap Minggu pagi|SET|XXXX-WXX-7TMO");
  EXPECT_EQ(TagStr("120 km per jam", dct), "");
}

TEST(Timex, NoDctLeavesRelativeUnresolved) {
  EXPECT_EQ(TagStr("kemarin dan Jumat lalu", std::nullopt), "kemarin|DATE|; Jumat lalu|DATE|");
  EXPECT_EQ(TagStr("pada Senin (27/3)", std::nullopt), "Senin (27/3)|DATE|XXXX-03-27");
  EXPECT_EQ(TagStr("pada 29 November 2024", std::nullopt), "29 November 2024|DATE|2024-11-29");
}

TEST(Timex, BadInputIsRecognisedButNeverNormalised) {
  static const TimexTagger tagger;
  auto dct = D("2024-11-19");
  auto t = tagger.Tag("bertanggal 31/02/2024 dan pukul 25.00 serta tahun 3024", dct);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].timex.text, "31/02/2024");
  EXPECT_TRUE(t[0].invalid);
  EXPECT_EQ(t[0].timex.value, "");
  EXPECT_EQ(t[1].timex.text, "pukul 25.00");
  EXPECT_TRUE(t[1].invalid);
  EXPECT_EQ(t[1].timex.value, "");
  EXPECT_EQ(t[2].timex.text, "tahun 3024");
  EXPECT_TRUE(t[2].implausible);
  EXPECT_EQ(t[2].timex.value, "");
  EXPECT_EQ(TagStr("30 Februari 2023", dct), "30 Februari 2023|DATE|");
}

TEST(Timex, NotTimeExpressions) {
  auto dct = D("2017-05-10");
  EXPECT_EQ(TagStr("mengalihkan arus lalu lintas", dct), "");
  EXPECT_EQ(TagStr("Lalu, bagaimana ini bisa terjadi?", dct), "");
  EXPECT_EQ(TagStr("UU No 31 Tahun 1999 tentang korupsi", dct), "");
  EXPECT_EQ(TagStr("sebanyak 2000 orang dan Rp 1500", dct), "");
  EXPECT_EQ(TagStr("melangkah ke depan", dct), "");
  EXPECT_EQ(TagStr("pekan ke-33", dct), "");
}

TEST(Timex, SpansAreCodePointsIntoTheText) {
  static const TimexTagger tagger;
  auto t = tagger.Tag("“Ya” — kemarin", D("2024-11-19"));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].timex.span.begin, 7);
  EXPECT_EQ(t[0].timex.span.end, 14);
}

TEST(Timex, InfersThePublicationDateFromWeekdayDates) {
  static const TimexTagger tagger;
  auto tagged = tagger.Tag("Sidang dijadwalkan 12/12/2025. Kim bertemu Shoigu, Sabtu (22/3/2025). Jumat lalu.", std::nullopt);
  auto dct = InferPublicationDate(tagged);
  ASSERT_TRUE(dct);
  EXPECT_EQ(dct->ToIso(), "2025-03-22");
}

TEST(Timex, EveryPrefixOfADenseTextIsSafe) {
  // Each prefix ends a matcher's look-ahead at a different token.
  static const TimexTagger tagger;
  const std::string text =
      "Senin (18 November) pukul 10.00 WIB, tanggal 27/3 dan setiap Minggu pagi; kemarin (12/6) sore, "
      "tiga puluh satu tahun, akhir pekan lalu, musim gugur tahun lalu, kuartal III 2024, abad ke-21, "
      "1990-an, No 31 Tahun 1999, Sabtu dan minggu, jam 4 pagi, 31/02/2024, tahun 3024, 12:61 WITA";
  size_t total = 0;
  for (size_t len = 0; len <= text.size(); ++len) {
    auto tagged = tagger.Tag(std::string_view(text).substr(0, len), DateTime::ParseIso("2024-11-19"));
    for (const auto& t : tagged) EXPECT_LE(t.timex.span.end, static_cast<int32_t>(len));
    total += tagged.size();
  }
  EXPECT_GT(total, 0u);
}

}  // namespace
}  // namespace warta::timex
