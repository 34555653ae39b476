#include "timex/timex.h"

#include <gtest/gtest.h>

#include "golden_cases.h"
#include "test_support.h"

namespace warta::timex {
namespace {

// One line per expression: "text | TYPE | value" ("-" for an empty value),
// then "invalid" or "implausible" when flagged.
std::vector<std::string> Tagged(const testing::GoldenCase& c) {
  static const TimexTagger tagger;
  const Article a = testing::ArticleOf(c);
  std::vector<std::string> out;
  for (const TaggedTimex& t : tagger.Tag(a.Text(), a.published)) {
    std::string line = t.timex.text + " | " + std::string(Name(t.timex.type)) + " | " + (t.timex.value.empty() ? "-" : t.timex.value);
    if (t.invalid) line += " | invalid";
    if (t.implausible) line += " | implausible";
    out.push_back(std::move(line));
  }
  return out;
}
std::optional<DateTime> D(const char* iso) { return DateTime::ParseIso(iso); }

// Absolute and relative dates, times, durations, sets, unresolved and
// invalid expressions, and look-alikes that are none: one case per text.
TEST(Timex, GoldenCases) {
  testing::RunGoldenFile(testing::SourceDir() / "src/timex/testdata/tagger.golden", Tagged);
}

TEST(Timex, SpansAreCodePointsIntoTheText) {
  static const TimexTagger tagger;
  auto t = tagger.Tag("“Ya” — kemarin", D("2024-11-19"));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].timex.span.begin, 7);
  EXPECT_EQ(t[0].timex.span.end, 14);
}

// TIMEX3 values carry no UTC offset: the zone written with a clock time is
// kept in its own field, and a time written without one has none.
TEST(Timex, KeepsTheZoneOutOfTheValue) {
  static const TimexTagger tagger;
  auto t = tagger.Tag("Rapat pukul 10.00 WIB, lalu 14:32 WITA dan pukul 16.00.", D("2024-11-19"));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].timex.value, "2024-11-19T10:00");
  ASSERT_TRUE(t[0].timex.utc_offset_minutes);
  EXPECT_EQ(*t[0].timex.utc_offset_minutes, 420);
  EXPECT_EQ(t[1].timex.value, "2024-11-19T14:32");
  ASSERT_TRUE(t[1].timex.utc_offset_minutes);
  EXPECT_EQ(*t[1].timex.utc_offset_minutes, 480);
  EXPECT_EQ(t[2].timex.value, "2024-11-19T16:00");
  EXPECT_FALSE(t[2].timex.utc_offset_minutes);
}

// A weekday that does not fall on the written date never moves the date to
// another year; the clash is noted.
TEST(Timex, AWeekdayClashKeepsTheWrittenDate) {
  static const TimexTagger tagger;
  auto t = tagger.Tag("Sidang digelar Selasa (11/8).", D("2025-08-12"));  // 2025-08-11 is a Monday
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].timex.value, "2025-08-11");
  EXPECT_EQ(t[0].note, "weekday does not match the date");
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

// Found by fuzz/timex_fuzz.cc: "pukul 2588888 tahun lalu" against a 2000
// publication date gave the value "-2586888" (a negative year, no TIMEX3
// value). A count
// that moves the date before year 1 or past max_years_ahead is flagged
// implausible with no value, as "tahun 3024" is; one that stays within them
// still resolves.
TEST(Timex, FuzzRelativeCountBeyondPlausibleYearsIsImplausible) {
  static const TimexTagger tagger;
  const auto dct = D("2000-01-29");
  for (const char* text :
       {"2588888 tahun lalu", "3000 tahun lalu", "99999999 hari lalu", "800000 hari lalu", "30000 bulan lalu",
        "500 abad lalu", "300 dekade lagi", "200 tahun lagi", "9999999 minggu lalu"}) {
    auto t = tagger.Tag(text, dct);
    ASSERT_EQ(t.size(), 1u) << text;
    EXPECT_EQ(t[0].timex.text, text);
    EXPECT_TRUE(t[0].implausible) << text;
    EXPECT_EQ(t[0].timex.value, "") << text;
  }
  auto near = tagger.Tag("1999 tahun lalu", dct);
  ASSERT_EQ(near.size(), 1u);
  EXPECT_FALSE(near[0].implausible);
  EXPECT_EQ(near[0].timex.value, "0001");
  auto months = tagger.Tag("23988 bulan lalu", dct);  // back to January of year 1
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].timex.value, "0001-01");
}

}  // namespace
}  // namespace warta::timex
