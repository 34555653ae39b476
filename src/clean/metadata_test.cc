// Metadata lifted from the text: headline, dateline, date, author, editor
// and source lines.
#include <gtest/gtest.h>

#include "clean/clean_test_util.h"
#include "clean/metadata.h"

namespace warta::clean {
namespace {

using testing::HasParagraph;
using testing::kBodyA;
using testing::kBodyB;
using testing::kBodyC;
using testing::MustCleanText;
using testing::ReasonFor;

const std::string kBody = std::string(kBodyB) + "\n" + kBodyC + "\n";

struct DatelineCase {
  const char* prefix;  // as written before the story
  const char* outlet;  // expected outlet ("" for none)
};

class DatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, StripsPrefixAndLiftsOutlet) {
  const DatelineCase& c = GetParam();
  Article a = MustCleanText(std::string(c.prefix) + " " + kBodyA + "\n" + kBody);
  EXPECT_EQ(a.paragraphs.front(), kBodyA) << c.prefix;
  EXPECT_EQ(a.outlet, c.outlet) << c.prefix;
  ASSERT_FALSE(a.removed.empty());
  EXPECT_EQ(a.removed.front().reason, "dateline");
  EXPECT_EQ(a.removed.front().text, c.prefix);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, DatelineTest,
    ::testing::Values(DatelineCase{"SLEMAN, KABARKOTA.COM -", "KABARKOTA.COM"},
                      DatelineCase{"KABARDESA.ID -", "KABARDESA.ID"},
                      DatelineCase{"BANTUL, KABAR.TV -", "KABAR.TV"},
                      DatelineCase{"MAGELANG, -", ""},
                      DatelineCase{"7Warta \u2013", "7Warta"},
                      DatelineCase{"Klaten, Suara Merapi --", "Suara Merapi"},
                      DatelineCase{"Kabarjogja.com, Yogyakarta -", "Kabarjogja.com"},
                      DatelineCase{"Jakarta -", ""},
                      DatelineCase{"Bandung (Warta Priangan) -", "Warta Priangan"},
                      DatelineCase{"SEMARANG \u2014", ""},
                      DatelineCase{"Surabaya, CNN Indonesia --", "CNN Indonesia"}));

// A case-less source drops the capitals a dateline is known by; its
// datelines are lifted all the same, and its prose openings still are not.
TEST(DatelineTest, CaseLessArticles) {
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return s;
  };
  const std::string body = lower(std::string(kBodyA) + "\n" + kBody);
  for (const DatelineCase& c : {DatelineCase{"suara.com -", "suara.com"}, DatelineCase{"jakarta, antaranews.com -",
                                                                                        "antaranews.com"},
                                DatelineCase{"klaten, suara merapi --", "suara merapi"},
                                DatelineCase{"jakarta -", ""}}) {
    Article a = MustCleanText(std::string(c.prefix) + " " + body);
    EXPECT_EQ(a.outlet, c.outlet) << c.prefix;
    ASSERT_FALSE(a.removed.empty()) << c.prefix;
    EXPECT_EQ(a.removed.front().reason, "dateline") << c.prefix;
    EXPECT_EQ(a.removed.front().text, c.prefix);
  }
  Article a = MustCleanText("pasar seni - tempat perajin berkumpul - ramai dikunjungi. " + body);
  EXPECT_TRUE(a.removed.empty());
  EXPECT_TRUE(a.outlet.empty());
  // In cased text a lower-case story after the dash is no dateline's.
  a = MustCleanText("Jakarta - sebuah kalimat yang tidak dimulai dengan huruf besar. " + std::string(kBodyA) + "\n" +
                    kBody);
  EXPECT_TRUE(a.removed.empty());
}

TEST(DatelineTest, OnlyNearTheStartAndOnlyNamedPrefixes) {
  // A hyphenated phrase opening the story is not a dateline.
  Article a = MustCleanText(std::string("Pasar Seni - tempat perajin berkumpul - ramai dikunjungi. ") + kBodyA +
                            "\n" + kBody);
  EXPECT_TRUE(a.removed.empty());
  EXPECT_TRUE(a.outlet.empty());
  // A dateline-looking line deep in the story stays.
  std::string late = "JAKARTA, KABAR.COM - Pernyataan itu disampaikan kembali dalam rapat kedua.";
  a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\n" + kBodyC + "\n" + kBodyA + " Dua.\n" + late +
                    "\n" + kBodyB + " Tiga.\n");
  EXPECT_TRUE(HasParagraph(a, late));
}

TEST(TitleTest, LiftsHeadlineFollowedByBody) {
  Article a = MustCleanText("Pasar Tradisional Baru Diresmikan di Sleman\n" + std::string(kBodyA) + "\n" + kBody);
  EXPECT_EQ(a.title, "Pasar Tradisional Baru Diresmikan di Sleman");
  EXPECT_EQ(ReasonFor(a, "Pasar Tradisional Baru Diresmikan di Sleman"), "metadata:title");
  EXPECT_EQ(a.paragraphs.front(), kBodyA);
}

TEST(TitleTest, DoesNotLiftSentencesOrLongLines) {
  Article a = MustCleanText(std::string(kBodyA) + "\n" + kBody);
  EXPECT_TRUE(a.title.empty());
  a = MustCleanText("Apa makanan favoritmu saat berbuka puasa?\n" + std::string(kBodyA) + "\n" + kBody);
  EXPECT_TRUE(a.title.empty());
  a = MustCleanText("Warga datang sejak pagi. Mereka membawa bekal sendiri dan menunggu giliran\n" +
                    std::string(kBodyA) + "\n" + kBody);
  EXPECT_TRUE(a.title.empty());
  auto c = Cleaner::Create({.max_title_chars = 20});
  ASSERT_TRUE(c.ok());
  a = testing::MustClean(testing::TextDoc("Pasar Tradisional Baru Diresmikan di Sleman\n" + std::string(kBodyA) +
                                          "\n" + kBody),
                         **c);
  EXPECT_TRUE(a.title.empty());
}

TEST(TitleTest, LongExclamationIsALeadNotAHeadline) {
  std::string lead =
      "Tendangan voli Budi Santoso saat menghadapi Persis Solo dinobatkan sebagai gol terbaik pekan ini versi "
      "Liga Nusantara persembahan Sponsor Utama !";
  Article a = MustCleanText(lead + "\n" + kBodyA + "\n" + kBody);
  EXPECT_TRUE(a.title.empty());
  EXPECT_TRUE(HasParagraph(a, lead));
}

TEST(DatelineTest, DatelineOnALineOfItsOwn) {
  Article a = MustCleanText("Kabarkota.com -\n" + std::string(kBodyA) + "\n" + kBody);
  EXPECT_TRUE(a.title.empty());
  EXPECT_EQ(a.outlet, "Kabarkota.com");
  EXPECT_EQ(ReasonFor(a, "Kabarkota.com -"), "dateline");
  EXPECT_EQ(a.paragraphs.front(), kBodyA);
}

TEST(TitleTest, SectionLabelsAboveTheHeadlineAreNavigation) {
  Article a = MustCleanText("Regional\nJawa Tengah\nPasar Tradisional Baru Diresmikan di Sleman\n" +
                            std::string(kBodyA) + "\n" + kBody);
  EXPECT_EQ(a.title, "Pasar Tradisional Baru Diresmikan di Sleman");
  EXPECT_EQ(ReasonFor(a, "Regional"), "menu");
  EXPECT_EQ(ReasonFor(a, "Jawa Tengah"), "menu");
}

TEST(TitleTest, HeadlineWithOutletPrefix) {
  Article a = MustCleanText("Kabarkota.com - Pasar Tradisional Baru Diresmikan\n" + std::string(kBodyA) + "\n" +
                            kBody);
  EXPECT_EQ(a.title, "Pasar Tradisional Baru Diresmikan");
  EXPECT_EQ(a.outlet, "Kabarkota.com");
}

TEST(DateLineTest, AuthorAndDateOnOneLine) {
  Article a = MustCleanText("Pasar Tradisional Baru Diresmikan\nRina 6 Mar 2024, 09:15\n" + std::string(kBodyA) +
                            "\n" + kBody);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2024-03-06T09:15:00");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Rina"}));
  EXPECT_EQ(ReasonFor(a, "Rina 6 Mar 2024, 09:15"), "metadata:date");
}

TEST(DateLineTest, SectionAndDateGluedToTheDateline) {
  Article a = MustCleanText("Pasar Tradisional Baru Diresmikan\nKabar daerah | 6 Maret 2024, 09:15 WIBSLEMAN, "
                            "KABAR.TV - " + std::string(kBodyA) + "\n" + kBody);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2024-03-06T09:15:00+07:00");
  EXPECT_EQ(a.outlet, "KABAR.TV");
  EXPECT_EQ(a.paragraphs.front(), kBodyA);
  EXPECT_EQ(ReasonFor(a, "Kabar daerah | 6 Maret 2024, 09:15 WIB"), "metadata:date");
  EXPECT_EQ(ReasonFor(a, "SLEMAN, KABAR.TV -"), "dateline");
}

TEST(DateLineTest, DateLinesAtTheStartOrEnd) {
  for (const char* line : {"Rabu, 6 Maret 2024 09:15 WIB", "Rabu, 06/03/2024 09:15", "06 Mar 2024 | 09:15",
                           "2024-03-06T09:15:00+07:00", "Diterbitkan: 6 Maret 2024 09:15 WIB",
                           "Kabarkota.com - 06/03/2024, 09:15 WIB"}) {
    Article a = MustCleanText(std::string(line) + "\n" + kBodyA + "\n" + kBody);
    ASSERT_TRUE(a.published.has_value()) << line;
    EXPECT_EQ(a.published->SortKey(), "20240306") << line;
    EXPECT_EQ(ReasonFor(a, line), "metadata:date") << line;
    a = MustCleanText(std::string(kBodyA) + "\n" + kBody + line + "\n");
    ASSERT_TRUE(a.published.has_value()) << line;
  }
}

TEST(DateLineTest, UpdatedDateOnlyWithoutPublishedDate) {
  Article a = MustCleanText("Diperbarui: 7 Maret 2024 10:00 WIB\n" + std::string(kBodyA) + "\n" + kBody);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->SortKey(), "20240307");
  a = MustCleanText("Rabu, 6 Maret 2024 09:15 WIB\nDiperbarui: 7 Maret 2024 10:00 WIB\n" + std::string(kBodyA) +
                    "\n" + kBody);
  EXPECT_EQ(a.published->SortKey(), "20240306");
}

TEST(DateLineTest, DatesInsideTheStoryStay) {
  std::string sentence = "Rapat akan digelar pada Rabu, 6 Maret 2024.";
  Article a = MustCleanText(sentence + "\n" + kBodyA + "\n" + kBody);
  EXPECT_TRUE(HasParagraph(a, sentence));
  EXPECT_FALSE(a.published.has_value());
  std::string mid = "Rabu, 6 Maret 2024 09:15 WIB";
  a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\n" + kBodyC + "\n" + kBodyA + " A.\n" + kBodyB +
                    " B.\n" + kBodyC + " C.\n" + mid + "\n" + kBodyA + " D.\n" + kBodyB + " E.\n" + kBodyC +
                    " F.\n" + kBodyA + " G.\n" + kBodyB + " H.\n" + kBodyC + " I.\n");
  EXPECT_TRUE(HasParagraph(a, mid));
  EXPECT_FALSE(a.published.has_value());
}

struct CreditCase {
  const char* line;
  std::vector<std::string> authors;
  std::vector<std::string> editors;
  const char* reason;
};

class CreditLineTest : public ::testing::TestWithParam<CreditCase> {};

TEST_P(CreditLineTest, LiftsAndRemovesAtTheEnd) {
  const CreditCase& c = GetParam();
  Article a = MustCleanText(std::string(kBodyA) + "\n" + kBody + c.line + "\n");
  EXPECT_EQ(a.authors, c.authors) << c.line;
  EXPECT_EQ(a.editors, c.editors) << c.line;
  EXPECT_EQ(ReasonFor(a, c.line), c.reason) << c.line;
  EXPECT_EQ(a.paragraphs.size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, CreditLineTest,
    ::testing::Values(
        CreditCase{"Penulis : Rina Wulandari Editor : Bagus-Santoso", {"Rina Wulandari"}, {"Bagus-Santoso"},
                   "metadata:author"},
        CreditCase{"Penulis: Rina Wulandari | Editor: Agus", {"Rina Wulandari"}, {"Agus"}, "metadata:author"},
        CreditCase{"Reporter: Dimas Prasetyo", {"Dimas Prasetyo"}, {}, "metadata:author"},
        CreditCase{"Pewarta: Siti Aminah", {"Siti Aminah"}, {}, "metadata:author"},
        CreditCase{"Editor: Yusuf Hakim", {}, {"Yusuf Hakim"}, "metadata:editor"},
        CreditCase{"Redaktur: Yusuf Hakim", {}, {"Yusuf Hakim"}, "metadata:editor"},
        CreditCase{"Oleh: Rina Wulandari dan Dimas Prasetyo", {"Rina Wulandari", "Dimas Prasetyo"}, {},
                   "metadata:author"},
        CreditCase{"Oleh Rina Wulandari", {"Rina Wulandari"}, {}, "metadata:author"},
        CreditCase{"Sumber : Kantor Berita Nusantara", {}, {}, "metadata:source"},
        CreditCase{"Reporter: Dimas | Editor: Agus | Senin, 4 Maret 2024 08:00 WIB", {"Dimas"}, {"Agus"},
                   "metadata:author"},
        CreditCase{"Penulis: Rina Wulandari, peneliti di lembaga kajian pangan", {"Rina Wulandari"}, {},
                   "metadata:author"},
        CreditCase{"Editor: abc/def", {}, {}, "metadata:editor"}));

TEST(CreditLineTest, AtTheStartToo) {
  Article a = MustCleanText("Oleh: Rina Wulandari\n" + std::string(kBodyA) + "\n" + kBody);
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Rina Wulandari"}));
  EXPECT_EQ(a.paragraphs.front(), kBodyA);
}

TEST(CreditLineTest, SentencesWithLabelWordsStay) {
  for (const char* line : {"Menurut sumber: pasar itu akan dibuka pekan depan oleh bupati.",
                           "Oleh karena itu, warga diminta bersabar menunggu perbaikan selesai."}) {
    Article a = MustCleanText(std::string(kBodyA) + "\n" + kBody + line + "\n");
    EXPECT_TRUE(HasParagraph(a, line)) << line;
    EXPECT_TRUE(a.authors.empty()) << line;
  }
}

TEST(MetadataInternalsTest, DomainsAndNames) {
  using internal::LooksLikeDomain;
  EXPECT_TRUE(LooksLikeDomain("Kabarkota.com"));
  EXPECT_TRUE(LooksLikeDomain("KABAR24.CO.ID"));
  EXPECT_FALSE(LooksLikeDomain("M."));
  EXPECT_FALSE(LooksLikeDomain("Kabar Kota"));
  EXPECT_FALSE(LooksLikeDomain("10.000"));
}

}  // namespace
}  // namespace warta::clean
