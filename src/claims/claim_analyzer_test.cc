#include "claims/claim_analyzer.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "hand_annotations.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "quotes/quote_analyzer.h"
#include "timex/timex_analyzer.h"

namespace warta::claims {
namespace {


// An article of `paragraphs` with hand-made entity mentions (no NER model),
// run through the real timex and quote analysers and then the claims one.
class Doc {
 public:
  explicit Doc(std::vector<std::string> paragraphs) { article_.paragraphs = std::move(paragraphs); }
  Doc& Published(const std::string& iso) {
    article_.published = DateTime::ParseIso(iso);
    return *this;
  }
  // Marks the `nth` occurrence of `name` as a mention.
  Doc& Mention(const std::string& name, const std::string& type, const std::string& canonical, int nth = 0) {
    std::vector<Span> spans = testing::SpansOf(article_.Text(), name);
    EXPECT_GT(spans.size(), static_cast<size_t>(nth)) << name;
    if (spans.size() > static_cast<size_t>(nth)) testing::AddMention(&article_, spans[nth], name, type, canonical);
    return *this;
  }
  const std::vector<Claim>& Run(ClaimAnalyzerOptions options = {}) {
    analyse::AnalysisContext ctx(article_);
    EXPECT_TRUE(timex::TimexAnalyzer().Analyse(&article_, &ctx).ok());
    EXPECT_TRUE(quotes::QuoteAnalyzer().Analyse(&article_, &ctx).ok());
    EXPECT_TRUE(ClaimAnalyzer(options).Analyse(&article_, &ctx).ok());
    // Byte offset of every code point, so checking thousands of spans stays cheap.
    std::vector<size_t> at;
    for (size_t i = 0; i < ctx.text().size(); ++i)
      if ((static_cast<unsigned char>(ctx.text()[i]) & 0xC0) != 0x80) at.push_back(i);
    at.push_back(ctx.text().size());
    for (const Claim& c : article_.claims) {
      const bool inside =
          0 <= c.span.begin && c.span.begin <= c.span.end && static_cast<size_t>(c.span.end) < at.size();
      EXPECT_TRUE(inside) << c.text;
      if (inside) {
        EXPECT_EQ(ctx.text().substr(at[c.span.begin], at[c.span.end] - at[c.span.begin]), c.text);
      }
    }
    if (article_.claims.size() < 50) {
      for (const Claim& c : article_.claims) EXPECT_EQ(SpanText(ctx.text(), c.span), c.text);
    }
    return article_.claims;
  }

 private:
  Article article_;
};

std::vector<Claim> ClaimsOf(const std::string& sentence) { return Doc({sentence}).Run(); }

// The only claim of `sentence`; fails the test if there is not exactly one.
Claim Only(const std::string& sentence) {
  auto claims = ClaimsOf(sentence);
  EXPECT_EQ(claims.size(), 1u) << sentence;
  return claims.empty() ? Claim{} : claims[0];
}

TEST(ParseDigitsTest, IndonesianSeparators) {
  EXPECT_EQ(ParseDigits("10.000"), 10000);
  EXPECT_EQ(ParseDigits("1.000.000"), 1000000);
  EXPECT_EQ(ParseDigits("1,5"), 1.5);
  EXPECT_EQ(ParseDigits("1.5"), 1.5);
  EXPECT_EQ(ParseDigits("14,650"), 14.65);  // a decimal comma, even before three digits
  EXPECT_DOUBLE_EQ(*ParseDigits("5.999,25"), 5999.25);
  EXPECT_EQ(ParseDigits("1,000,000"), 1000000);
  EXPECT_EQ(ParseDigits("0"), 0);
  EXPECT_EQ(ParseDigits("0,48"), 0.48);
}

TEST(ParseDigitsTest, RejectsIdentifiersAndJunk) {
  EXPECT_FALSE(ParseDigits("021"));
  EXPECT_FALSE(ParseDigits("0812"));
  EXPECT_FALSE(ParseDigits("1.2.3"));
  EXPECT_FALSE(ParseDigits("10."));
  EXPECT_FALSE(ParseDigits(""));
  EXPECT_FALSE(ParseDigits("12a"));
  EXPECT_FALSE(ParseDigits(",5"));
}

TEST(ParseDigitsTest, FortyDigitsIsFiniteNotUndefined) {
  auto v = ParseDigits("1234567890123456789012345678901234567890");
  ASSERT_TRUE(v);
  EXPECT_TRUE(std::isfinite(*v));
  EXPECT_NEAR(*v / 1.2345678901234568e39, 1.0, 1e-12);
  // Longer than a double can hold: refused, not inf.
  EXPECT_FALSE(ParseDigits(std::string(400, '9')));
}

struct BoundCase {
  const char* sentence;
  const char* bound;
  double low, high;
};

class BoundTest : public ::testing::TestWithParam<BoundCase> {};

TEST_P(BoundTest, BoundAndValues) {
  const BoundCase& c = GetParam();
  Claim claim = Only(c.sentence);
  EXPECT_EQ(Name(claim.bound), c.bound) << c.sentence;
  EXPECT_DOUBLE_EQ(claim.low, c.low) << c.sentence;
  EXPECT_DOUBLE_EQ(claim.high, c.high) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Indonesian, BoundTest,
    ::testing::Values(BoundCase{"Mereka mengirim 10.000 tentara ke sana.", "", 10000, 10000},
                      BoundCase{"Mereka mengirim lebih dari 10.000 tentara ke sana.", "more-than", 10000, 10000},
                      BoundCase{"Mereka mengirim di atas 500 kendaraan.", "more-than", 500, 500},
                      BoundCase{"Mereka mengirim 10.000 lebih tentara.", "more-than", 10000, 10000},
                      BoundCase{"Banjir menewaskan sedikitnya 27 orang.", "at-least", 27, 27},
                      BoundCase{"Banjir menewaskan setidaknya 27 orang.", "at-least", 27, 27},
                      BoundCase{"Dana itu minimal Rp 5 juta.", "at-least", 5e6, 5e6},
                      BoundCase{"Banjir menewaskan paling sedikit 27 orang.", "at-least", 27, 27},
                      BoundCase{"Ia mencetak lima gol atau lebih musim ini.", "at-least", 5, 5},
                      BoundCase{"Sekitar 3.500 warga mengungsi.", "about", 3500, 3500},
                      BoundCase{"Tim mengevakuasi kira-kira 800 jiwa.", "about", 800, 800},
                      BoundCase{"Tim mengevakuasi sekira 800 jiwa.", "about", 800, 800},
                      BoundCase{"Stok kurang lebih 50 ribu ton.", "about", 50000, 50000},
                      BoundCase{"Air naik hingga dua meter.", "up-to", 2, 2},
                      BoundCase{"Antrean mencapai sampai 300 kendaraan.", "up-to", 300, 300},
                      BoundCase{"Denda maksimal Rp 20 miliar.", "up-to", 2e10, 2e10},
                      BoundCase{"Denda paling banyak Rp 1 miliar.", "up-to", 1e9, 1e9},
                      BoundCase{"Minyak yang tumpah tidak lebih dari 200 barel.", "up-to", 200, 200},
                      BoundCase{"Mereka punya kurang dari 2.000 personel.", "less-than", 2000, 2000},
                      BoundCase{"Kebakaran menewaskan hampir 50 orang.", "almost", 50, 50},
                      BoundCase{"Mereka mengirim 10.000–12.000 tentara.", "range", 10000, 12000},
                      BoundCase{"Mereka mengirim 10.000-12.000 tentara.", "range", 10000, 12000},
                      BoundCase{"Mereka mengirim 10.000 hingga 12.000 tentara.", "range", 10000, 12000},
                      BoundCase{"Mereka mengirim sekitar 10.000 sampai 12.000 tentara.", "range", 10000, 12000},
                      BoundCase{"Jumlahnya antara 1.000 dan 3.000 orang.", "range", 1000, 3000},
                      BoundCase{"Jumlahnya berkisar antara 1.000 hingga 3.000 orang.", "range", 1000, 3000},
                      BoundCase{"Genangan setinggi satu sampai dua meter.", "range", 1, 2},
                      BoundCase{"Biayanya Rp 75 miliar hingga Rp 100 miliar.", "range", 75e9, 100e9},
                      BoundCase{"Produksinya 1-2 juta ton.", "range", 1e6, 2e6},
                      BoundCase{"Lemaknya 70% - 75% dari menu.", "range", 70, 75},
                      BoundCase{"Bunganya 20 persen hingga 30 persen.", "range", 20, 30},
                      BoundCase{"Sampah 0,48 sampai 1,29 juta ton masuk ke laut.", "range", 480000, 1290000}));

struct ValueCase {
  const char* sentence;
  double low, high;
  const char* unit;
};

class ValueTest : public ::testing::TestWithParam<ValueCase> {};

TEST_P(ValueTest, ValueAndUnit) {
  const ValueCase& c = GetParam();
  Claim claim = Only(c.sentence);
  EXPECT_DOUBLE_EQ(claim.low, c.low) << c.sentence;
  EXPECT_DOUBLE_EQ(claim.high, c.high) << c.sentence;
  EXPECT_EQ(claim.unit, c.unit) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Indonesian, ValueTest,
    ::testing::Values(ValueCase{"Kota itu dihuni 1,5 juta orang.", 1.5e6, 1.5e6, "orang"},
                      ValueCase{"Kota itu dihuni satu juta orang.", 1e6, 1e6, "orang"},
                      ValueCase{"Kota itu dihuni tiga ratus keluarga.", 300, 300, "keluarga"},
                      ValueCase{"Kota itu dihuni tiga ratus ribu warga.", 300000, 300000, "warga"},
                      ValueCase{"Ada dua belas korban.", 12, 12, "korban"},
                      ValueCase{"Ada dua puluh lima korban.", 25, 25, "korban"},
                      ValueCase{"Ada seratus dua puluh korban.", 120, 120, "korban"},
                      ValueCase{"Ada satu setengah juta pemilih.", 1.5e6, 1.5e6, "pemilih"},
                      ValueCase{"Mereka membawa ratusan ribu butir amunisi.", 200000, 999999, "butir amunisi"},
                      ValueCase{"Puluhan kapal pesiar singgah.", 20, 99, "kapal pesiar"},
                      ValueCase{"Belasan hotel dibuka.", 11, 19, "hotel"},
                      ValueCase{"Ribuan penonton datang.", 2000, 9999, "penonton"},
                      ValueCase{"Harga naik 30 persen.", 30, 30, "persen"},
                      ValueCase{"Harga naik 30%.", 30, 30, "persen"},
                      ValueCase{"Kerugian Rp 1,5 triliun.", 1.5e12, 1.5e12, "rupiah"},
                      ValueCase{"Tiketnya Rp10.000 saja.", 10000, 10000, "rupiah"},
                      ValueCase{"Nilainya US$ 2 miliar.", 2e9, 2e9, "dolar AS"},
                      ValueCase{"Nilainya US$ 2,201 saja.", 2201, 2201, "dolar AS"},
                      ValueCase{"Bantuan 2 juta dolar AS dikirim.", 2e6, 2e6, "dolar AS"},
                      ValueCase{"Uang 1,2 juta dolar Amerika Serikat diberikan.", 1.2e6, 1.2e6, "dolar AS"},
                      ValueCase{"Tawarannya 51 juta pounds.", 51e6, 51e6, "pound sterling"},
                      ValueCase{"Harganya $ 35.000 saja.", 35000, 35000, "dolar"},
                      ValueCase{"Mereka membawa 5.000 peluru artileri.", 5000, 5000, "peluru artileri"},
                      ValueCase{"Pyongyang mengirim 10.000 tentara Korea Utara.", 10000, 10000, "tentara"},
                      ValueCase{"Peternak kehilangan 40 ekor sapi.", 40, 40, "ekor sapi"},
                      ValueCase{"Gardu dibangun sebanyak tujuh unit.", 7, 7, "unit"},
                      ValueCase{"Pelaku menembak dua warganya.", 2, 2, "warga"},
                      ValueCase{"Produksi minyak 1.182 barel per hari.", 1182, 1182, "barel per hari"},
                      ValueCase{"Mobil itu melaju 100 km / jam.", 100, 100, "km per jam"},
                      ValueCase{"Sumur itu menghasilkan 2,84 MMSCFD.", 2.84, 2.84, "mmscfd"},
                      ValueCase{"Harganya Rp 16.000 per kilogram.", 16000, 16000, "rupiah per kilogram"}));

// Each of these sentences holds numbers but no claim.
class NotClaimTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NotClaimTest, NothingFound) {
  auto claims = ClaimsOf(GetParam());
  for (const Claim& c : claims) ADD_FAILURE() << GetParam() << " -> " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Indonesian, NotClaimTest,
    ::testing::Values("Perang pecah pada 2022 dan berlanjut hingga 2024.",
                      "Ia tiba pada 12 Desember 2024 pukul 10.00 WIB.",
                      "Rapat berlangsung dari pukul 11.00 hingga 13.30 WIB.",
                      "Ia dipenjara selama 3 tahun dan 6 bulan.", "Tokoh itu meninggal dunia dalam usia 61 tahun.",
                      "Perempuan berusia 31 tahun itu pulang.", "Saksi Daniella Maina (16) melihatnya.",
                      "Ini pertemuan ke-3 mereka.", "Ia dijerat Pasal 28 ayat 2 UU Nomor 11 Tahun 2020.",
                      "Ia disangkakan pasal 55 ayat 1 ke - 1 KUHP.", "KTT G20 membahas COVID-19 dan jet Su-57.",
                      "Tesla Model 3 mulai diproduksi.", "Hubungi 0812-3456-7890 atau (021) 555-0199.",
                      "Tim itu menang 3-1 atas tamunya.", "Gol 1 - 0 tetap bertahan.", "Laporannya ada di halaman 45.",
                      "Risikonya tiga kali lipat.", "Ia salah satu pemain terbaik.", "Satu orang datang terlambat.",
                      "Pemain nomor 10 itu mencetak gol.", "Ia tinggal di lantai dua.", "Tawaran itu datang dari Lima.",
                      "Rumahnya di km 4,75 jalan tol.", "Idul Fitri 1438 Hijriah jatuh pada Minggu.",
                      "Ia juara estafet 4 x 100 meter."));

TEST(ClaimantTest, SpeakerOfTheQuoteHoldingTheFigure) {
  Doc d({"“Kami sudah mengevakuasi 800 jiwa,” kata Rudi Hartono."});
  d.Mention("Rudi Hartono", "PERSON", "Rudi Hartono");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Rudi Hartono");
  EXPECT_EQ(c[0].claimant_entity_id, "P:Rudi Hartono");
}

TEST(ClaimantTest, MenurutWithARoleIsKeptAsWritten) {
  Doc d(
      {"Menurut pejabat intelijen AS, Korea Selatan, dan Ukraina, Korea Utara telah mengirim sekitar 10.000 "
       "hingga 12.000 tentara ke Rusia."});
  d.Mention("AS", "LOCATION", "Amerika Serikat").Mention("Korea Selatan", "LOCATION", "Korea Selatan");
  d.Mention("Ukraina", "LOCATION", "Ukraina").Mention("Korea Utara", "LOCATION", "Korea Utara");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].bound, ClaimBound::kRange);
  EXPECT_EQ(c[0].claimant, "pejabat intelijen AS, Korea Selatan, dan Ukraina");
  EXPECT_EQ(c[0].claimant_entity_id, "");
}

TEST(ClaimantTest, CoordinatedSubjectOfAClaimVerb) {
  Doc d({"Sebelumnya, Amerika Serikat (AS) dan Korea Selatan menuduh Korea Utara mengirim lebih dari 10.000 tentara."});
  d.Mention("Amerika Serikat", "LOCATION", "Amerika Serikat").Mention("AS", "LOCATION", "Amerika Serikat");
  d.Mention("Korea Selatan", "LOCATION", "Korea Selatan").Mention("Korea Utara", "LOCATION", "Korea Utara");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Amerika Serikat dan Korea Selatan");
  EXPECT_EQ(c[0].claimant_entity_id, "L:Amerika Serikat");
}

TEST(ClaimantTest, KlaimOlehNamesTheAgent) {
  Doc d({"Klaim oleh AS dan Korea Selatan menuduh bahwa Korea Utara telah mengirim lebih dari 10.000 tentara."});
  d.Mention("AS", "LOCATION", "Amerika Serikat").Mention("Korea Selatan", "LOCATION", "Korea Selatan");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Amerika Serikat dan Korea Selatan");
}

TEST(ClaimantTest, KataAfterTheFigureWithApposition) {
  Doc d({"Sedikitnya 150 nelayan terdampak, kata Koordinator Forum Nelayan, Hendra Gunawan."});
  d.Mention("Hendra Gunawan", "PERSON", "Hendra Gunawan");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Hendra Gunawan");
  EXPECT_EQ(c[0].bound, ClaimBound::kAtLeast);
}

TEST(ClaimantTest, PronounSubjectIsTheLastPersonNamed) {
  Doc d({"Manajer lapangan Armand Hukom ditemui di lokasi. Ia mencatat, sumur itu menghasilkan 486 barel."});
  d.Mention("Armand Hukom", "PERSON", "Armand Hukom");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Armand Hukom");
}

TEST(ClaimantTest, HedgedAnaphoricSentenceInheritsThePreviousSource) {
  Doc d(
      {"Badan Intelijen Nasional pada 27 Februari mengungkapkan bahwa mereka menyelidiki jumlah tentara yang "
       "dikerahkan. Jumlah tersebut diperkirakan berkisar antara 1.000 hingga 3.000 orang.",
       "Jumlah tersebut diperkirakan naik menjadi 5.000 orang."});
  d.Mention("Badan Intelijen Nasional", "ORGANISATION", "Badan Intelijen Nasional");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].claimant, "Badan Intelijen Nasional");
  EXPECT_EQ(c[0].hedge, "diperkirakan");
  // A new paragraph does not inherit.
  EXPECT_EQ(c[1].claimant, "");
  EXPECT_EQ(c[1].hedge, "diperkirakan");
}

TEST(ClaimantTest, SourceNounGivesItsOwner) {
  Doc d({"Berdasarkan data BPS, jumlah penduduk miskin mencapai 26 juta orang."});
  d.Mention("BPS", "ORGANISATION", "Badan Pusat Statistik");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "Badan Pusat Statistik");
}

TEST(ClaimantTest, NarratorFigureHasNone) {
  const auto c = ClaimsOf("Kebakaran itu menghanguskan 40 rumah.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "");
  EXPECT_EQ(c[0].claimant_entity_id, "");
}

TEST(ClaimantTest, RelativeClauseWithItsOwnHedgeIsDetached) {
  Doc d({"Markus Nari menegaskan tak pernah menerima uang dari proyek yang diduga merugikan negara Rp 2,3 triliun."});
  d.Mention("Markus Nari", "PERSON", "Markus Nari");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].claimant, "");
  EXPECT_EQ(c[0].hedge, "diduga");
}

TEST(HedgeTest, WordAsWritten) {
  EXPECT_EQ(Only("Arkadia dikabarkan membeli 24 jet tempur.").hedge, "dikabarkan");
  EXPECT_EQ(Only("Kerugian kabarnya mencapai Rp 450 miliar.").hedge, "kabarnya");
  EXPECT_EQ(Only("Konon 300 orang hadir.").hedge, "Konon");
  EXPECT_EQ(Only("Sebanyak 300 orang hadir.").hedge, "");
}

TEST(DateTest, DateOfTheSentenceElseThePublicationDate) {
  Doc d({"Banjir pada Minggu (17/11/2024) menewaskan 27 orang.", "Sebanyak 40 rumah rusak."});
  d.Published("2024-11-19T10:00:00+07:00");
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].date, "2024-11-17");
  EXPECT_EQ(c[1].date, "2024-11-19");
}

TEST(DateTest, NoDateAnywhereLeavesItEmpty) { EXPECT_EQ(Only("Sebanyak 40 rumah rusak.").date, ""); }

TEST(SpanTest, SpanCoversBoundFigureAndUnitInCodePoints) {
  Doc d({"“Élan” — kata Rudi — menewaskan lebih dari 1.200 orang dan 10.000–12.000 tentara."});
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].text, "lebih dari 1.200 orang");
  EXPECT_EQ(c[1].text, "10.000–12.000 tentara");
}

TEST(RobustnessTest, UnbalancedAndNestedQuotes) {
  auto c1 = ClaimsOf("“Kami punya 500 tentara, kata dia. \"Dan 200 tank “lagi” ‘katanya’ 300 truk");
  EXPECT_EQ(c1.size(), 3u);
  auto c2 = ClaimsOf("\"\"\"“““ 40 orang ”””'''");
  EXPECT_EQ(c2.size(), 1u);
}

TEST(RobustnessTest, FortyDigitNumberKeepsItsText) {
  Claim c = Only("Mereka mengklaim 1234567890123456789012345678901234567890 orang hadir.");
  EXPECT_EQ(c.text, "1234567890123456789012345678901234567890 orang");
  EXPECT_TRUE(std::isfinite(c.low));
  EXPECT_GT(c.low, 1e39);
}

TEST(RobustnessTest, HundredKilobyteParagraphIsReadInOnePass) {
  // One paragraph, one sentence (no full stops), 6,000 figures: every one
  // is found, and each claimant search stays inside its window.
  std::string para = "Menurut Rudi ";
  for (int i = 0; i < 6000; ++i) para += "lalu " + std::to_string(i + 1) + " orang dan ";
  para += "selesai";
  ASSERT_GT(para.size(), 100000u);
  Doc d({para});
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 6000u);
  EXPECT_EQ(c.front().claimant, "Rudi");
  EXPECT_EQ(c.back().claimant, "");  // far outside the window of "Menurut"
  EXPECT_EQ(c.back().low, 6000);
}

TEST(RobustnessTest, LongSentenceOfDatesAndFiguresDatesEachFromItsNeighbour) {
  std::string para;
  for (int i = 0; i < 2000; ++i) para += "pada " + std::to_string(i % 28 + 1) + " Januari 2024 sebanyak 5 orang tiba, ";
  Doc d({para});
  const auto& c = d.Run();
  ASSERT_EQ(c.size(), 2000u);
  EXPECT_EQ(c[0].date, "2024-01-01");
  EXPECT_EQ(c[1999].date, "2024-01-12");  // 1999 % 28 + 1
}

TEST(RobustnessTest, EmptyAndJunkInput) {
  EXPECT_TRUE(ClaimsOf("").empty());
  EXPECT_TRUE(ClaimsOf("...,,,;;; ---").empty());
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += "Rp $ % - – 1 - 2 - 3 antara dan hingga ";
  Doc d({junk});
  (void)d.Run();  // no crash; spans checked in Run()
}

TEST(CleanedTextTest, RemovedDebrisGivesNoClaim) {
  auto cleaner = clean::Cleaner::Create({});
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  RawDocument doc;
  doc.source = "t.txt";
  doc.text =
      "Pemerintah Borealia menuduh Arkadia mengirim lebih dari 10.000 tentara ke perbatasan.\n"
      "Baca juga: Rusia Kembalikan 502 Jenazah Tentara Ukraina yang Tewas di Medan Perang\n"
      "Pasukan itu membawa 5.000 peluru artileri, kata seorang pejabat.\n";
  auto a = (*cleaner)->Clean(doc);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  analyse::AnalysisContext ctx(*a);
  ASSERT_TRUE(ClaimAnalyzer().Analyse(&*a, &ctx).ok());
  ASSERT_EQ(a->claims.size(), 2u);
  for (const Claim& c : a->claims) EXPECT_EQ(c.text.find("502"), std::string::npos);
  EXPECT_EQ(a->claims[1].claimant, "seorang pejabat");
}

}  // namespace
}  // namespace warta::claims
