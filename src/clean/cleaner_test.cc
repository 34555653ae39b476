// Unit tests of the debris rules and the Cleaner's contract, on made-up
// Indonesian lines.
#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include <thread>

#include "clean/clean_test_util.h"
#include "text/case.h"
#include "text/truecase.h"

namespace warta::clean {
namespace {

using testing::BuiltinCleaner;
using testing::HasParagraph;
using testing::kBodyA;
using testing::kBodyB;
using testing::kBodyC;
using testing::MustClean;
using testing::MustCleanText;
using testing::ReasonFor;
using testing::Surround;
using testing::TextDoc;

// Each (line, reason) is removed when it stands between body paragraphs,
// and the body around it stays.
struct DebrisCase {
  const char* line;
  const char* reason;
};

class DebrisLineTest : public ::testing::TestWithParam<DebrisCase> {};

TEST_P(DebrisLineTest, RemovesLineAndKeepsBody) {
  const DebrisCase& c = GetParam();
  Article a = MustCleanText(Surround(c.line));
  EXPECT_EQ(ReasonFor(a, c.line), c.reason) << c.line;
  for (const std::string& p : a.paragraphs) EXPECT_NE(p, c.line);
  EXPECT_TRUE(HasParagraph(a, kBodyA));
  EXPECT_TRUE(HasParagraph(a, kBodyB));
  EXPECT_TRUE(HasParagraph(a, kBodyC));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, DebrisLineTest,
    ::testing::Values(
        // menus and navigation
        DebrisCase{"Menu", "menu"}, DebrisCase{"BERANDA", "menu"}, DebrisCase{"Navigasi", "menu"},
        DebrisCase{"Bagikan:", "menu"}, DebrisCase{"Tweet", "menu"}, DebrisCase{"Komentar", "menu"},
        DebrisCase{"12 Komentar", "menu"}, DebrisCase{"Lanjutkan membaca", "menu"},
        DebrisCase{"Beranda > Nasional > Politik", "menu"}, DebrisCase{"Berikutnya »", "menu"},
        // related links, with quotes, brackets and odd spacing
        DebrisCase{"Baca juga: Harga Cabai di Pasar Beringharjo Naik Dua Kali Lipat", "related-link"},
        DebrisCase{"Baca Juga : Warga Gotong Royong Bersihkan Sungai Code", "related-link"},
        DebrisCase{"\u201cBaca Juga: Festival Layang-layang Digelar di Pantai Parangkusumo\u201d", "related-link"},
        DebrisCase{"Simak Juga: Jadwal Kereta Bandara Berubah Mulai Bulan Depan", "related-link"},
        DebrisCase{"Lihat juga: Video Banjir Rob di Pesisir Semarang", "related-link"},
        DebrisCase{"Baca: Polisi Tangkap Pencuri Kotak Amal Masjid", "related-link"},
        DebrisCase{"[Baca juga: Jalan Tol Baru Dibuka untuk Mudik]", "related-link"},
        DebrisCase{"BACA JUGA Petani Garam Madura Panen Raya", "related-link"},
        // cookie banners
        DebrisCase{"This website uses cookies.", "cookie-banner"},
        DebrisCase{"We use cookies to improve your experience on our site.", "cookie-banner"},
        DebrisCase{"Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.", "cookie-banner"},
        DebrisCase{"Accept cookies", "cookie-banner"},
        // image credits
        DebrisCase{"Foto: Dokumentasi Humas Pemkab", "image-credit"},
        DebrisCase{"Gambar Ilustrasi : pixabay.com", "image-credit"},
        DebrisCase{"(Foto: ANTARA/Budi Santoso)", "image-credit"},
        DebrisCase{"Ilustrasi: sawah di lereng Merapi", "image-credit"},
        DebrisCase{"Sumber foto: Instagram @pemkotsolo", "image-credit"},
        DebrisCase{"Dok. Pribadi", "image-credit"}, DebrisCase{"Istimewa", "image-credit"},
        DebrisCase{"Suasana pasar pada pagi hari (Foto: Tim Redaksi)", "image-credit"},
        // sign-offs
        DebrisCase{"(***)", "sign-off"}, DebrisCase{"(*)", "sign-off"}, DebrisCase{"***", "sign-off"},
        DebrisCase{"(ant)", "sign-off"}, DebrisCase{"(red)", "sign-off"}, DebrisCase{"(dtc/abc)", "sign-off"},
        DebrisCase{"[ rhm ]", "sign-off"}, DebrisCase{"(Bersambung)", "sign-off"},
        // share bars and ads
        DebrisCase{"Bagikan artikel ini", "share-bar"}, DebrisCase{"Facebook Twitter WhatsApp", "share-bar"},
        DebrisCase{"ADVERTISEMENT", "advertisement"}, DebrisCase{"Iklan", "advertisement"},
        DebrisCase{"Scroll to continue with content", "advertisement"},
        DebrisCase{"- Advertisement -", "advertisement"},
        // promotion, tags, copyright
        DebrisCase{"Dapatkan update berita pilihan setiap hari dengan bergabung di saluran WhatsApp kami.",
                   "promo"},
        DebrisCase{"Artikel ini telah tayang di Kabarkota.com dengan judul Pasar Baru Diresmikan.", "promo"},
        DebrisCase{"Tags: pasar, sleman, pedagang", "tags"},
        DebrisCase{"Kabarkota.id adalah portal berita daerah. Kamu bisa mengikuti kabar terbaru lewat aplikasi kami.",
                   "promo"},
        DebrisCase{"© 2024 Kabar Sleman. Hak cipta dilindungi.", "copyright"}));

// Lines that look a little like debris but are article text.
class KeptLineTest : public ::testing::TestWithParam<const char*> {};

TEST_P(KeptLineTest, KeepsLine) {
  Article a = MustCleanText(Surround(GetParam()));
  EXPECT_TRUE(HasParagraph(a, GetParam())) << GetParam();
  EXPECT_EQ(a.removed.size(), 0u) << GetParam() << ": " << a.removed[0].reason;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, KeptLineTest,
    ::testing::Values(
        "Foto-foto yang diunggah warga memperlihatkan air setinggi pinggang di Jalan Kaliurang.",
        "Baca tulis menjadi fokus program literasi desa yang dimulai tahun ini.",
        "Menurut sumber di kepolisian, pelaku sudah diintai selama sepekan.",
        "Komentar warganet beragam, sebagian mendukung dan sebagian menolak kebijakan itu.",
        "Gambar yang beredar di media sosial ternyata diambil tiga tahun lalu di Klaten.",
        "Dokter menyarankan warga minum air putih minimal delapan gelas sehari.",
        "Iklan rokok di jalan protokol akan dilarang mulai tahun depan, kata wali kota.",
        "Hak cipta atas lagu itu kini dipegang oleh ahli waris sang pencipta.",
        "Rapat dijadwalkan pada 12 Maret 2024 pukul 10.00 WIB di balai desa.",
        "(Kejadian serupa pernah terjadi di Bantul dua tahun lalu, ketika jembatan gantung putus.)",
        "Pasar Seni Gabusan - tempat perajin menjual karya - kembali ramai dikunjungi wisatawan."));

TEST(RelatedListTest, RemovesHeaderAndItsHeadlines) {
  Article a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\n" + kBodyC +
                            "\nBerita Terkait\n- Harga Beras Naik Jelang Lebaran\n"
                            "- Petani Tembakau Temanggung Mulai Panen\n"
                            "• Wisata Kaliurang Ramai Dikunjungi\n");
  EXPECT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(ReasonFor(a, "Berita Terkait"), "related-list");
  EXPECT_EQ(ReasonFor(a, "- Harga Beras Naik Jelang Lebaran"), "related-list");
  EXPECT_EQ(ReasonFor(a, "\u2022 Wisata Kaliurang Ramai Dikunjungi"), "related-list");
}

TEST(RelatedListTest, HeadlineItemsWithoutBulletsEndAtBodyText) {
  Article a = MustCleanText(std::string(kBodyA) + "\nBaca juga:\nPenjual Bakso Keliling Jadi Juara Lomba Masak\n"
                            "Kisah Guru Honorer Mengajar di Lereng Gunung\n" + kBodyB + "\n" + kBodyC + "\n");
  EXPECT_EQ(ReasonFor(a, "Penjual Bakso Keliling Jadi Juara Lomba Masak"), "related-list");
  EXPECT_EQ(ReasonFor(a, "Kisah Guru Honorer Mengajar di Lereng Gunung"), "related-list");
  EXPECT_TRUE(HasParagraph(a, kBodyB));
  EXPECT_TRUE(HasParagraph(a, kBodyC));
}

TEST(RelatedListTest, QuoteAfterHeaderIsNotAnItem) {
  Article a = MustCleanText(std::string(kBodyA) + "\nBaca juga :\n\"Kami akan terus mengawasi,\" kata Kapolsek.\n" +
                            kBodyB + "\n");
  EXPECT_TRUE(HasParagraph(a, "\"Kami akan terus mengawasi,\" kata Kapolsek."));
}

TEST(RepeatTest, RemovesEveryCopyOfABackToBackRepeat) {
  const std::string caption =
      "Warga menunggu bus di halte Malioboro pada Senin sore, sementara petugas mengatur lalu lintas.";
  Article a = MustCleanText(std::string(kBodyA) + "\n" + caption + "\n" + caption + "\n" + kBodyB + "\n");
  EXPECT_FALSE(HasParagraph(a, caption));
  int copies = 0;
  for (const RemovedLine& r : a.removed) copies += r.text == caption && r.reason == "repeated-caption";
  EXPECT_EQ(copies, 2);
}

TEST(RepeatTest, RemovesLaterCopiesOfALongLine) {
  const std::string line =
      "Pedagang mengeluhkan sepinya pembeli sejak jalan utama ditutup untuk perbaikan saluran air.";
  Article a = MustCleanText(line + "\n" + kBodyA + "\n" + kBodyB + "\n" + line + "\n" + kBodyC + "\n");
  EXPECT_EQ(std::count(a.paragraphs.begin(), a.paragraphs.end(), line), 1);
  EXPECT_EQ(a.paragraphs.front(), line);
  EXPECT_EQ(ReasonFor(a, line), "repeated-line");
}

TEST(SignOffTest, CutsCodeEndingTheLastParagraph) {
  Article a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\nPasar akan dibuka setiap hari. (ant/rdk)\n");
  EXPECT_EQ(a.paragraphs.back(), "Pasar akan dibuka setiap hari.");
  EXPECT_EQ(ReasonFor(a, "(ant/rdk)"), "sign-off");

  a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\nPasar akan dibuka setiap hari. [Antara]\n");
  EXPECT_EQ(a.paragraphs.back(), "Pasar akan dibuka setiap hari.");

  // A parenthesis inside the story is not a sign-off.
  a = MustCleanText(std::string(kBodyA) + "\n" + kBodyB + "\nPasar itu dikelola Perusahaan Daerah (PD)\n");
  EXPECT_EQ(a.paragraphs.back(), "Pasar itu dikelola Perusahaan Daerah (PD)");
}

TEST(RelatedLinkTest, CutsLinkGluedAfterASentence) {
  Article a = MustCleanText(std::string(kBodyA) + "\nHarga tiket naik sepuluh persen. Baca juga: Kereta Tambahan "
                            "Disiapkan untuk Libur Panjang\n" + kBodyB + "\n");
  EXPECT_TRUE(HasParagraph(a, "Harga tiket naik sepuluh persen."));
  EXPECT_EQ(ReasonFor(a, "Baca juga: Kereta Tambahan Disiapkan untuk Libur Panjang"), "related-link");
}

TEST(RelatedLinkTest, CutsPlaceholderMarkerGluedToTheStory) {
  Article a = MustCleanText(std::string(kBodyA) + "\nBaca_Juga Namun, warga tetap diminta waspada terhadap "
                            "banjir susulan.\n" + kBodyB + "\n");
  EXPECT_TRUE(HasParagraph(a, "Namun, warga tetap diminta waspada terhadap banjir susulan."));
  EXPECT_EQ(ReasonFor(a, "Baca_Juga"), "related-link");
}

TEST(CleanerTest, NormalisesEveryParagraph) {
  Article a = MustCleanText(std::string("Kafe\xcc\x81 di  Kotagede\xc2\xa0ramai   dikunjungi wisatawan pada akhir pekan.\n") +
                            kBodyB + "\n");
  EXPECT_EQ(a.paragraphs.front(), "Kaf\xc3\xa9 di Kotagede ramai dikunjungi wisatawan pada akhir pekan.");
}

TEST(CleanerTest, TextWithoutDebrisComesBackUnchanged) {
  std::string text = std::string(kBodyA) + "\n\n" + kBodyB + "\r\n" + kBodyC + "\n";
  Article a = MustCleanText(text);
  EXPECT_TRUE(a.removed.empty());
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{kBodyA, kBodyB, kBodyC}));
  EXPECT_TRUE(a.title.empty());
  EXPECT_FALSE(a.published.has_value());
}

TEST(CleanerTest, RecordsOneBasedLineNumbersAndOriginalText) {
  Article a = MustCleanText(std::string("\n") + kBodyA + "\n\n  Menu  \n" + kBodyB + "\n");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].line, 4);
  EXPECT_EQ(a.removed[0].text, "  Menu  ");
  EXPECT_EQ(a.removed[0].reason, "menu");
}

TEST(CleanerTest, ParagraphInputNumbersParagraphs) {
  RawDocument doc;
  doc.source = "feed.jsonl";
  doc.line = 7;
  doc.paragraphs = {kBodyA, "Baca juga: Polisi Amankan Dua Pemuda Pembawa Senjata Tajam", kBodyB};
  Article a = MustClean(doc);
  EXPECT_EQ(a.source, "feed.jsonl:7");
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{kBodyA, kBodyB}));
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].line, 2);
}

TEST(CleanerTest, ContainerMetadataWinsAndFillsArticle) {
  RawDocument doc = TextDoc("Pasar Baru Sleman Diresmikan\nSLEMAN, KABARKOTA.COM - " + std::string(kBodyA) +
                            "\n" + kBodyB + "\nPenulis: Rina Wulandari\n");
  doc.title = "Pasar Baru Sleman Diresmikan";
  doc.url = "https://kabarkota.example/pasar";
  doc.outlet = "Kabar Kota";
  doc.date = "2024-03-06T09:15:00+07:00";
  doc.authors = {"Tim Redaksi"};
  doc.language = "jv";
  Article a = MustClean(doc);
  EXPECT_EQ(a.title, "Pasar Baru Sleman Diresmikan");
  EXPECT_EQ(ReasonFor(a, "Pasar Baru Sleman Diresmikan"), "metadata:title");
  EXPECT_EQ(a.outlet, "Kabar Kota");
  EXPECT_EQ(a.url, "https://kabarkota.example/pasar");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2024-03-06T09:15:00+07:00");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Tim Redaksi"}));
  EXPECT_EQ(a.language, "jv");
  EXPECT_EQ(a.paragraphs.front(), kBodyA);
  EXPECT_TRUE(a.id.empty());
}

TEST(CleanerTest, ContainerEditorsWinOverLiftedOnes) {
  // A web page's "Editor:" credit reaches the article through RawDocument.
  RawDocument doc = TextDoc(std::string(kBodyA) + "\n" + kBodyB + "\n");
  doc.editors = {"Dewi Anggraini"};
  EXPECT_EQ(MustClean(doc).editors, (std::vector<std::string>{"Dewi Anggraini"}));
  // Without one, an "Editor:" line at the end of the text is lifted.
  doc = TextDoc(std::string(kBodyA) + "\n" + kBodyB + "\nEditor: Rina Wulandari\n");
  EXPECT_EQ(MustClean(doc).editors, (std::vector<std::string>{"Rina Wulandari"}));
}

TEST(CleanerTest, ContainerDateInNewsFormatsAndUnixTime) {
  RawDocument doc = TextDoc(std::string(kBodyA) + "\n" + kBodyB + "\n");
  doc.date = "Rabu, 6 Maret 2024 09:15 WIB";
  ASSERT_TRUE(MustClean(doc).published.has_value());
  EXPECT_EQ(MustClean(doc).published->ToIso(), "2024-03-06T09:15:00+07:00");
  doc.date = "1709691300";
  EXPECT_EQ(MustClean(doc).published->ToIso(), "2024-03-06T02:15:00Z");
  doc.date = "bukan tanggal";
  EXPECT_FALSE(MustClean(doc).published.has_value());
}

TEST(CleanerTest, LanguageDefaultsToIndonesian) { EXPECT_EQ(MustCleanText(kBodyA).language, "id"); }

TEST(CleanerTest, FailsWhenNothingRemains) {
  StatusOr<Article> a = BuiltinCleaner().Clean(TextDoc("Menu\nBeranda\n(***)\n"));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(a.status().message(), "test.txt: no article text after cleaning (3 lines removed)");

  a = BuiltinCleaner().Clean(TextDoc(" \n\n"));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "test.txt: no article text after cleaning (0 lines removed)");
}

TEST(CleanerTest, WithoutLiftingMetadataLinesStay) {
  auto c = Cleaner::Create({.lift_metadata = false});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Article a = MustClean(TextDoc("Pasar Baru Sleman Diresmikan\nRabu, 6 Maret 2024 09:15 WIB\nSLEMAN - " +
                                std::string(kBodyA) + "\nMenu\n" + kBodyB + "\nPenulis: Rina Wulandari\n"),
                        **c);
  EXPECT_TRUE(a.title.empty());
  EXPECT_FALSE(a.published.has_value());
  EXPECT_TRUE(a.authors.empty());
  EXPECT_EQ(a.paragraphs.size(), 5u);
  EXPECT_EQ(ReasonFor(a, "Menu"), "menu");  // debris still goes
}

TEST(CleanerTest, CleanIsThreadSafe) {
  std::vector<std::string> texts;
  for (int i = 0; i < 8; ++i)
    texts.push_back("Judul Berita Nomor " + std::to_string(i) + " Tentang Pasar\nSenin, " + std::to_string(i + 1) +
                    " Juli 2024 10:0" + std::to_string(i) + " WIB\nJAKARTA, KABAR.COM - " + kBodyA +
                    "\nBaca juga: Sesuatu yang Lain Sekali\n" + kBodyB + "\n(ant)\n");
  std::vector<Article> expected;
  for (const std::string& t : texts) expected.push_back(MustCleanText(t));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          StatusOr<Article> a = BuiltinCleaner().Clean(TextDoc(texts[i]));
          if (!a.ok() || a->paragraphs != expected[i].paragraphs || a->title != expected[i].title ||
              a->published != expected[i].published || a->removed.size() != expected[i].removed.size())
            ++mismatches[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
  EXPECT_EQ(expected[3].published->ToIso(), "2024-07-04T10:03:00+07:00");
}

}  // namespace
}  // namespace warta::clean

namespace warta::clean {
namespace {

// Issue 14, finding 4: one 8 MB article held up its whole batch for minutes.
// The per-document budget turns it away before the analysers see it, with a
// message naming the document and the reason.
TEST(CleanerTest, EightMegabyteArticleIsRejectedByTheTextBudget) {
  std::string text = "Pemerintah Umumkan Anggaran Baru\n";
  for (int i = 0; text.size() < (8u << 20); ++i)
    text += "Menteri Keuangan mengatakan anggaran tahun " + std::to_string(1900 + i % 100) + " naik " +
            std::to_string(i) + " persen dibandingkan tahun sebelumnya menurut laporan resmi.\n";
  StatusOr<Article> a = BuiltinCleaner().Clean(TextDoc(text));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kTooLarge);
  const std::string& m = a.status().message();
  EXPECT_EQ(m.rfind("test.txt: article text too long to analyse: ", 0), 0u) << m;
  EXPECT_NE(m.find("bytes after cleaning (limit 1048576)"), std::string::npos) << m;
}

TEST(CleanerTest, TheTextBudgetCountsTheCleanText) {
  CleanOptions options;
  options.lift_metadata = false;
  options.max_text_bytes = 100;
  auto cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok());
  // Two paragraphs of 49 and 50 bytes: 100 with the '\n' between them.
  const std::string a(49, 'a'), b(50, 'b');
  auto at_limit = (*cleaner)->Clean(TextDoc(a + "\n\n  \n" + b));
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  EXPECT_EQ(at_limit->Text().size(), 100u);
  auto over = (*cleaner)->Clean(TextDoc(a + "\n" + b + "b"));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kTooLarge);
  EXPECT_NE(over.status().message().find("101 bytes after cleaning (limit 100)"), std::string::npos);
  options.max_text_bytes = 0;  // no limit
  auto unlimited = Cleaner::Create(options);
  ASSERT_TRUE(unlimited.ok());
  EXPECT_TRUE((*unlimited)->Clean(TextDoc(a + "\n" + b + "b")).ok());
}

}  // namespace
}  // namespace warta::clean

namespace warta::clean {
namespace {

// Case-less text: a hand-written truecase model (text/truecase.h) so the
// expectations follow from the test, not from the shipped model.
std::shared_ptr<const text::Truecaser> CleanTestTruecaser() {
  auto tc = text::Truecaser::Parse(
      "unseen\tshort\tlower\nunseen\tlong\tlower\nw\tJoko\nw\tWidodo\nw\tJakarta\nw\tPresiden\na\tkata\tpresiden\n",
      "clean-test-model");
  EXPECT_TRUE(tc.ok()) << tc.status().message();
  return tc.ok() ? *tc : nullptr;
}

std::string RepeatCaseLessText(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s);
  return out;
}

TEST(CleanerTruecaseTest, RestoresCaseOfCaseLessTextKeepingItsLength) {
  CleanOptions opt;
  opt.truecaser = CleanTestTruecaser();
  auto cleaner = Cleaner::Create(opt);
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().message();
  const std::string first = RepeatCaseLessText("presiden joko widodo tiba di jakarta pada pagi hari. ", 5) + "ia disambut warga.";
  const std::string second = RepeatCaseLessText("kata presiden, warga jakarta menyambut joko. ", 5) + "acara selesai siang.";
  RawDocument doc = TextDoc(first + "\n" + second);
  doc.title = "presiden joko tiba di jakarta";
  Article a = MustClean(doc, **cleaner);
  EXPECT_EQ(a.letter_case, LetterCase::kLower);  // what the source wrote
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0],
            RepeatCaseLessText("Presiden Joko Widodo tiba di Jakarta pada pagi hari. ", 5) + "Ia disambut warga.");
  EXPECT_EQ(a.paragraphs[1].substr(0, 46), "Kata presiden, warga Jakarta menyambut Joko. K");
  EXPECT_EQ(a.paragraphs[1].size(), second.size());
  EXPECT_EQ(a.title, "Presiden Joko tiba di Jakarta");

  // The same text, all caps.
  RawDocument upper = TextDoc(text::Uppercase(doc.text));
  upper.title = "PRESIDEN JOKO TIBA DI JAKARTA";
  Article u = MustClean(upper, **cleaner);
  EXPECT_EQ(u.letter_case, LetterCase::kUpper);
  EXPECT_EQ(u.paragraphs, a.paragraphs);
  EXPECT_EQ(u.title, a.title);
}

TEST(CleanerTruecaseTest, LeavesCasedTextAndCasedTitlesAlone) {
  CleanOptions opt;
  opt.truecaser = CleanTestTruecaser();
  auto cleaner = Cleaner::Create(opt);
  ASSERT_TRUE(cleaner.ok());
  const std::string para = RepeatCaseLessText("Kata presiden, PT antam tbk dan warga jakarta tiba pagi ini. ", 4);
  Article a = MustClean(TextDoc(para), **cleaner);
  EXPECT_EQ(a.letter_case, LetterCase::kMixed);
  EXPECT_EQ(a.paragraphs[0], para.substr(0, para.size() - 1));

  RawDocument doc = TextDoc(RepeatCaseLessText("presiden joko tiba di jakarta pagi ini. ", 8));
  doc.title = "Presiden Joko di Jakarta";  // cased by the container: kept
  Article b = MustClean(doc, **cleaner);
  EXPECT_EQ(b.letter_case, LetterCase::kLower);
  EXPECT_EQ(b.title, "Presiden Joko di Jakarta");
  EXPECT_EQ(b.paragraphs[0].substr(0, 14), "Presiden Joko ");
}

TEST(CleanerTruecaseTest, RestoreCaseOffKeepsTheSourcesCase) {
  CleanOptions opt;
  opt.truecaser = CleanTestTruecaser();
  opt.restore_case = false;
  auto cleaner = Cleaner::Create(opt);
  ASSERT_TRUE(cleaner.ok());
  const std::string para = RepeatCaseLessText("presiden joko widodo tiba di jakarta pagi ini. ", 8);
  Article a = MustClean(TextDoc(para), **cleaner);
  EXPECT_EQ(a.letter_case, LetterCase::kLower);
  EXPECT_EQ(a.paragraphs[0], para.substr(0, para.size() - 1));
}

// With no model given, the built-in one (when the build has it) is used.
TEST(CleanerTruecaseTest, BuiltinModelByDefault) {
  if (!text::Truecaser::Builtin()) GTEST_SKIP() << "no truecase model built in";
  const std::string para = RepeatCaseLessText("presiden joko widodo tiba di jakarta pagi ini. ", 8);
  Article a = MustCleanText(para);
  EXPECT_EQ(a.letter_case, LetterCase::kLower);
  EXPECT_EQ(a.paragraphs[0].substr(0, 36), "Presiden Joko Widodo tiba di Jakarta");
}

}  // namespace
}  // namespace warta::clean
