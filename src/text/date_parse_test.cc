// ParsePublicationDate: the date-time forms of Indonesian and English news
// metadata.
#include <gtest/gtest.h>

#include "text/date_parse.h"

namespace warta::text {
namespace {

std::string Iso(std::string_view text) {
  std::optional<DateTime> d = ParsePublicationDate(text);
  return d ? d->ToIso() : "none";
}

TEST(ParsePublicationDateTest, IndonesianLongForms) {
  EXPECT_EQ(Iso("Senin, 27 Maret 2017 10:15 WIB"), "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(Iso("Jumat, 3 November 2023 | 16:40 WITA"), "2023-11-03T16:40:00+08:00");
  EXPECT_EQ(Iso("Jum'at, 12 Mei 2017 pukul 14.30 WIT"), "2017-05-12T14:30:00+09:00");
  EXPECT_EQ(Iso("Ahad, 1 Pebruari 2015"), "2015-02-01");
  EXPECT_EQ(Iso("Kamis 17 Agustus 2023, 08.00 WIB"), "2023-08-17T08:00:00+07:00");
  EXPECT_EQ(Iso("Minggu, 31 Desember 2023 23:59:30 WIB"), "2023-12-31T23:59:30+07:00");
}

TEST(ParsePublicationDateTest, AbbreviatedMonths) {
  EXPECT_EQ(Iso("5 Jan 2022"), "2022-01-05");
  EXPECT_EQ(Iso("12 Agt 2020"), "2020-08-12");
  EXPECT_EQ(Iso("12 Agu 2020"), "2020-08-12");
  EXPECT_EQ(Iso("2 Sept. 2019, 07:05"), "2019-09-02T07:05:00");
  EXPECT_EQ(Iso("30 Nop 2018"), "2018-11-30");
  EXPECT_EQ(Iso("9 Okt 2021"), "2021-10-09");
  EXPECT_EQ(Iso("24 Des 2020"), "2020-12-24");
  EXPECT_EQ(Iso("27 Mar 2017 | 10:15"), "2017-03-27T10:15:00");
  EXPECT_EQ(Iso("Dian 4 Feb 2024, 21:07"), "2024-02-04T21:07:00");
}

TEST(ParsePublicationDateTest, NumericForms) {
  EXPECT_EQ(Iso("Selasa, 28/03/2017 08:00"), "2017-03-28T08:00:00");
  EXPECT_EQ(Iso("06-11-2019 13:45 WIB"), "2019-11-06T13:45:00+07:00");
  EXPECT_EQ(Iso("2017/03/27"), "2017-03-27");
  EXPECT_EQ(Iso("12/31/2020"), "2020-12-31");  // day > 12 in second place: month first
}

TEST(ParsePublicationDateTest, IsoAndFeedForms) {
  EXPECT_EQ(Iso("2017-03-27T10:15:00+07:00"), "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(Iso("2017-03-27"), "2017-03-27");
  EXPECT_EQ(Iso("Diterbitkan 2021-06-01T03:00:00Z"), "2021-06-01T03:00:00Z");
  EXPECT_EQ(Iso("Mon, 27 Mar 2017 10:15:00 +0700"), "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(Iso("21 Agustus 2023 10:00 GMT+7"), "2023-08-21T10:00:00+07:00");
  EXPECT_EQ(Iso("21 Agustus 2023 10:00 UTC"), "2023-08-21T10:00:00Z");
}

TEST(ParsePublicationDateTest, EnglishForms) {
  EXPECT_EQ(Iso("January 21, 2024 2:32 PM"), "2024-01-21T14:32:00");
  EXPECT_EQ(Iso("Updated: Oct 3, 2022 12:05 am"), "2022-10-03T00:05:00");
  EXPECT_EQ(Iso("Tuesday, 5th March 2024"), "2024-03-05");
}

TEST(ParsePublicationDateTest, ZoneGluedToFollowingText) {
  EXPECT_EQ(Iso("Kabar daerah | 2 Februari 2024, 09:41 WIBSURABAYA, KABAR.COM - Wali kota"),
            "2024-02-02T09:41:00+07:00");
  EXPECT_EQ(Iso("2 Februari 2024, 09:41 WITAMAKASSAR - Gubernur"), "2024-02-02T09:41:00+08:00");
}

TEST(ParsePublicationDateTest, NoZoneMeansNoOffset) {
  std::optional<DateTime> d = ParsePublicationDate("19 Nov 2024, 19:09");
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->has_time);
  EXPECT_FALSE(d->has_offset);
  d = ParsePublicationDate("19 Nov 2024");
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(d->has_time);
}

TEST(ParsePublicationDateTest, RejectsWhatIsNotADate) {
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("tidak ada tanggal di sini"), "none");
  EXPECT_EQ(Iso("31 Februari 2024"), "none");
  EXPECT_EQ(Iso("Senin (27/3)"), "none");               // no year
  EXPECT_EQ(Iso("sebanyak 10.000 orang hadir"), "none");
  EXPECT_EQ(Iso("Maret 2017"), "none");                 // no day
  EXPECT_EQ(Iso("12 Bulan 2020"), "none");
  EXPECT_EQ(Iso("1.000.000 rupiah"), "none");
}

TEST(ParsePublicationDateTest, NumberAfterDateIsNotATime) {
  EXPECT_EQ(Iso("27 Maret 2017 10.150 orang"), "2017-03-27");
  EXPECT_EQ(Iso("27 Maret 2017 25:10"), "2017-03-27");
  EXPECT_EQ(Iso("27 Maret 2017 - 12 orang"), "2017-03-27");
}

TEST(FindDateTest, ReportsTheSpanWithWeekdayAndZone) {
  std::string_view text = "Oleh Rina | Selasa, 5 Maret 2024 10:00 WIB | Nasional";
  auto m = FindDate(text, BuiltinDateVocabulary());
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(text.substr(m->begin, m->end - m->begin), "Selasa, 5 Maret 2024 10:00 WIB");
}

// Indonesia's zones are the lexicon's (timex_parts.tsv): a lexicon with
// another zone gives the parser that one, longest first, with the table's.
TEST(FindDateTest, ZonesComeFromTheLexiconAndTheTable) {
  auto lex = Lexicon::FromFiles({{"timex_parts.tsv", "wib\tzone\t420\nwibx\tzone\t+60\n"}});
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  DateTable zones{.origin = "zones.tsv", .rows = {{.line = 1, .fields = {"GMT", "0"}}}};
  auto vocab = DateVocabulary::FromTables(**lex, zones);
  ASSERT_TRUE(vocab.ok()) << vocab.status().ToString();
  EXPECT_EQ(vocab->zones, (std::vector<std::pair<std::string, int>>{{"WIBX", 60}, {"WIB", 420}, {"GMT", 0}}));
  auto m = FindDate("5 Maret 2024 10:00 WIBX", *vocab);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->value.ToIso(), "2024-03-05T10:00:00+01:00");
  EXPECT_FALSE(FindDate("5 Maret 2024 10:00 WITA", *vocab)->value.has_offset);  // replaced: no WITA
}

}  // namespace
}  // namespace warta::text
