// The analyser with the built-in model: resolution rules on short texts
// whose names the shipped model tags reliably, and odd input.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analyse/analyzer.h"
#include "entities/entity_analyzer.h"

namespace warta::entities {
namespace {

TEST(EntityKeyTest, NormalisesSpellingVariants) {
  EXPECT_EQ(NormaliseEntityKey("Kim Jong-Un"), "kim jong un");
  EXPECT_EQ(NormaliseEntityKey("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(NormaliseEntityKey("  Kim   Jong Un "), "kim jong un");
  EXPECT_EQ(NormaliseEntityKey("Choe Son\xE2\x80\x90hui"), "choe son hui");  // U+2010 hyphen
  EXPECT_EQ(NormaliseEntityKey("A.S."), "as");
  EXPECT_EQ(EntityIdOf(EntityType::kPerson, "Kim Jong Un"), EntityIdOf(EntityType::kPerson, "kim jong-un"));
  EXPECT_NE(EntityIdOf(EntityType::kPerson, "Kim Jong Un"), EntityIdOf(EntityType::kOrganisation, "Kim Jong Un"));
  EXPECT_EQ(EntityIdOf(EntityType::kPerson, "Kim Jong Un").size(), 17u);
  EXPECT_EQ(EntityIdOf(EntityType::kLocation, "Rusia")[0], 'L');
}

TEST(EntityKeyTest, AnOrganisationsKeyHasNoLegalForm) {
  EXPECT_EQ(OrganisationKey("PT Aneka Tambang Tbk"), "aneka tambang");
  EXPECT_EQ(OrganisationKey("Aneka Tambang (Persero) Tbk."), "aneka tambang");
  EXPECT_EQ(OrganisationKey("PT. ANEKA TAMBANG"), "aneka tambang");
  EXPECT_EQ(OrganisationKey("Persero) Tbk"), "");  // legal forms only: no organisation
  // Only at the ends: a ministry of cooperatives keeps its word.
  EXPECT_EQ(OrganisationKey("Kementerian Koperasi dan UKM"), "kementerian koperasi dan ukm");
  EXPECT_EQ(EntityIdOf(EntityType::kOrganisation, "PT Antam (Persero) Tbk"),
            EntityIdOf(EntityType::kOrganisation, "antam"));
  // Kind words at an end go too, when a name is left.
  EXPECT_EQ(OrganisationKey("Partai Gerindra"), "gerindra");
  EXPECT_EQ(OrganisationKey("FC Barcelona"), "barcelona");
  EXPECT_EQ(OrganisationKey("Arema FC"), "arema");
  EXPECT_EQ(OrganisationKey("Partai"), "partai");
  EXPECT_EQ(OrganisationKey("Partai Keadilan Sejahtera"), "keadilan sejahtera");
  EXPECT_EQ(OrganisationKey("ACF Fiorentina"), "fiorentina");
  // Media words likewise ("ANTARA News" is Antara), not a station's word.
  EXPECT_EQ(OrganisationKey("ANTARA News"), "antara");
  EXPECT_EQ(OrganisationKey("Daily Mirror"), "mirror");
  EXPECT_EQ(OrganisationKey("News"), "news");
  EXPECT_EQ(OrganisationKey("Reuters TV"), "reuters tv");
  // One word twice is one organisation the tagger ran together.
  EXPECT_EQ(OrganisationKey("Microsoft Microsoft"), "microsoft");
  // People keep every word of their name.
  EXPECT_EQ(EntityKeyOf(EntityType::kPerson, "Pt Ahmad"), "pt ahmad");
}

TEST(EntityKeyTest, ContractionsAreTakenFromTheStartsOfTheWords) {
  EXPECT_TRUE(IsContractionOf("antam", {"aneka", "tambang"}));
  EXPECT_TRUE(IsContractionOf("bi", {"bank", "indonesia"}));
  EXPECT_TRUE(IsContractionOf("bappenas", {"badan", "perencanaan", "pembangunan", "nasional"}));
  EXPECT_TRUE(IsContractionOf("inalum", {"indonesia", "asahan", "aluminium"}, 2));  // one word left out
  EXPECT_TRUE(IsContractionOf("pln", {"perusahaan", "listrik", "negara"}, 2));      // initials always
  EXPECT_FALSE(IsContractionOf("bapanas", {"badan", "perencanaan", "pembangunan", "nasional"}));
  EXPECT_FALSE(IsContractionOf("mandiri", {"bank", "mandiri"}));        // a word of it, not a contraction
  EXPECT_FALSE(IsContractionOf("bali", {"bank", "lampung", "indonesia"}, 2));
  EXPECT_FALSE(IsContractionOf("kemenkeu", {"kementerian", "keuangan", "republik", "indonesia"}));  // two left out
  EXPECT_FALSE(IsContractionOf("koko", {"komisi", "pemberantasan", "korupsi"}));  // too short to leave one out
  EXPECT_FALSE(IsContractionOf("pertamina", {"pertamina", "arden"}));              // most of a word is no piece
  EXPECT_FALSE(IsContractionOf("institut", {"institut", "teknologi", "bandung"}));
  EXPECT_FALSE(IsContractionOf("persija", {"persipura", "jayapura"}));  // two clubs
  EXPECT_TRUE(IsContractionOf("kemenag", {"kementerian", "agama"}));
}

class EntityAnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = EntityAnalyzer::Create({});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyzer_ = std::move(a).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  static Article Run(const std::vector<std::string>& paragraphs) {
    Article a;
    a.paragraphs = paragraphs;
    analyse::AnalysisContext ctx(a);
    EXPECT_TRUE(analyzer_->Analyse(&a, &ctx).ok());
    // Every span is inside the text and says what `text` says.
    int32_t code_points = 0;  // a malformed byte counts as one, as the tokenizer counts it
    for (char c : a.Text()) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    for (const EntityMention& m : a.entities) {
      EXPECT_GE(m.span.begin, 0);
      EXPECT_LT(m.span.begin, m.span.end);
      EXPECT_LE(m.span.end, code_points);
      EXPECT_FALSE(m.entity_id.empty());
    }
    return a;
  }
  static const EntityMention* Find(const Article& a, const std::string& text) {
    for (const auto& m : a.entities)
      if (m.text == text) return &m;
    return nullptr;
  }
  static EntityAnalyzer* analyzer_;
};
EntityAnalyzer* EntityAnalyzerTest::analyzer_ = nullptr;

TEST_F(EntityAnalyzerTest, NameIsAnalyserName) { EXPECT_EQ(analyzer_->name(), "entities"); }

TEST_F(EntityAnalyzerTest, StripsTitlesAndLinksShortNames) {
  Article a = Run({"Menteri Pertahanan (Menhan) Rusia Andrei Belousov tiba di Pyongyang pada Jumat.",
                   "Belousov bertemu pemimpin Korea Utara Kim Jong Un di sana.",
                   "Kim menyambut Belousov dengan hangat, kata Kim Jong-un."});
  const EntityMention* full = Find(a, "Andrei Belousov");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->type, EntityType::kPerson);
  EXPECT_EQ(full->span.begin, 34);  // after "Menteri Pertahanan (Menhan) Rusia "
  EXPECT_EQ(full->entity_id, EntityIdOf(EntityType::kPerson, "Andrei Belousov"));
  std::set<std::string> belousov, kim;
  for (const auto& m : a.entities) {
    if (m.text == "Belousov" || m.text == "Andrei Belousov") belousov.insert(m.entity_id);
    if (m.text.rfind("Kim", 0) == 0) kim.insert(m.entity_id);
  }
  EXPECT_EQ(belousov.size(), 1u);
  EXPECT_EQ(kim, (std::set<std::string>{EntityIdOf(EntityType::kPerson, "Kim Jong Un")}));
}

TEST_F(EntityAnalyzerTest, KeepsTheRoleWrittenBeforeAName) {
  Article a = Run({"Menteri Pertahanan (Menhan) Rusia Andrei Belousov tiba di Pyongyang pada Jumat.",
                   "Presiden Rusia Vladimir Putin tidak hadir, sedangkan Belousov bertemu pemimpin Korea Utara Kim "
                   "Jong Un."});
  const EntityMention* belousov = Find(a, "Andrei Belousov");
  ASSERT_NE(belousov, nullptr);
  EXPECT_EQ(belousov->role, "Menteri Pertahanan");
  EXPECT_EQ(belousov->role_of, "Rusia");
  const EntityMention* putin = Find(a, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->role, "Presiden");
  EXPECT_EQ(putin->role_of, "Rusia");
  const EntityMention* kim = Find(a, "Kim Jong Un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->role, "Pemimpin");  // written in lower case, shown capitalised
  EXPECT_EQ(kim->role_of, "Korea Utara");
  const EntityMention* short_name = Find(a, "Belousov");
  ASSERT_NE(short_name, nullptr);
  EXPECT_EQ(short_name->role, "");  // "sedangkan" is no title
}

TEST_F(EntityAnalyzerTest, OnlyRealTitlesBecomeRoles) {
  Article a = Run({"Menteri Keuangan Sri Mulyani Indrawati bertemu Prabowo Subianto dan Gibran Rakabuming Raka.",
                   "Sementara itu Menteri Bahlil Lahadalia tidak hadir, dan Ketua KPK Setyo Budiyanto juga absen."});
  const EntityMention* sri = Find(a, "Sri Mulyani Indrawati");
  ASSERT_NE(sri, nullptr);
  EXPECT_EQ(sri->role, "Menteri Keuangan");
  const EntityMention* gibran = Find(a, "Gibran Rakabuming Raka");
  ASSERT_NE(gibran, nullptr);
  EXPECT_EQ(gibran->role, "");  // "dan" is no title
  const EntityMention* bahlil = Find(a, "Bahlil Lahadalia");
  ASSERT_NE(bahlil, nullptr);
  EXPECT_EQ(bahlil->role, "");  // a bare "Menteri" is too generic alone
  const EntityMention* setyo = Find(a, "Setyo Budiyanto");
  ASSERT_NE(setyo, nullptr);
  EXPECT_EQ(setyo->role, "Ketua");  // generic, but of an organisation
  EXPECT_EQ(setyo->role_of, "KPK");
}

TEST_F(EntityAnalyzerTest, LegalFormsAndShortFormsMakeOneOrganisation) {
  Article a = Run({"PT Aneka Tambang Tbk (Antam) membukukan laba bersih Rp 2,1 triliun pada kuartal ketiga.",
                   "Direktur Utama Antam Nicolas Kanter mengatakan penjualan emas naik.",
                   "Harga emas PT Antam (Persero) Tbk turun pada perdagangan Selasa."});
  const std::string antam = EntityIdOf(EntityType::kOrganisation, "Aneka Tambang");
  std::set<std::string> ids;
  for (const auto& m : a.entities)
    if (m.text.find("Antam") != std::string::npos || m.text.find("Tambang") != std::string::npos) {
      ids.insert(m.entity_id);
      EXPECT_EQ(m.canonical, "PT Aneka Tambang Tbk") << m.text;
      EXPECT_EQ(m.type, EntityType::kOrganisation) << m.text;
    }
  EXPECT_EQ(ids, std::set<std::string>{antam});
  const EntityMention* nicolas = Find(a, "Nicolas Kanter");
  ASSERT_NE(nicolas, nullptr);
  EXPECT_EQ(nicolas->role, "Direktur Utama");
  EXPECT_EQ(nicolas->role_of, "Antam");
  for (const auto& m : a.entities)
    EXPECT_EQ(std::count(m.text.begin(), m.text.end(), '('), std::count(m.text.begin(), m.text.end(), ')')) << m.text;
}

TEST_F(EntityAnalyzerTest, AShortFormWithItsOrganisationInBracketsIsIt) {
  // Either way round, and in caseless text.
  Article a = Run({"Antam (PT Aneka Tambang) mencatat kenaikan penjualan emas. Saham Antam naik."});
  const std::string antam = EntityIdOf(EntityType::kOrganisation, "Aneka Tambang");
  int found = 0;
  for (const auto& m : a.entities) found += m.entity_id == antam;
  EXPECT_EQ(found, 3);
  Article b = Run({"bank indonesia (bi) menahan suku bunga. menurut bi, inflasi terkendali."});
  const EntityMention* bi = Find(b, "bi");
  ASSERT_NE(bi, nullptr);
  EXPECT_EQ(bi->entity_id, EntityIdOf(EntityType::kOrganisation, "Bank Indonesia"));
}

TEST_F(EntityAnalyzerTest, APersonsInitialsInBracketsAreThatPerson) {
  // Crime reports name a suspect once in full, then by initials: those are
  // the person, not an organisation (another article's "MA" is a court).
  Article a = Run({"Polisi menangkap Muhammad Al Azhar (MA) di Pasar Muara Bakti . Menurut polisi , MA sudah "
                   "lama diincar ."});
  const EntityMention* full = Find(a, "Muhammad Al Azhar");
  ASSERT_NE(full, nullptr);
  int initials = 0;
  for (const auto& m : a.entities)
    if (m.text == "MA") {
      ++initials;
      EXPECT_EQ(m.type, EntityType::kPerson);
      EXPECT_EQ(m.entity_id, full->entity_id);
    }
  EXPECT_EQ(initials, 2);
  // Letters that are not the name's initials stay what they were.
  Article b = Run({"Muhammad Al Azhar (KPK) diperiksa penyidik ."});
  for (const auto& m : b.entities)
    if (m.text == "KPK") { EXPECT_NE(m.entity_id, Find(b, "Muhammad Al Azhar")->entity_id); }
}

TEST_F(EntityAnalyzerTest, ARegionalHeadAloneIsTheArticlesOwn) {
  auto polda = [](const Article& a) {
    for (const auto& m : a.entities)
      if (m.text == "Polda") return m.entity_id;
    return std::string();
  };
  Article a;
  a.id = "a1";
  a.paragraphs = {"Polda menangkap dua tersangka pembakaran di Bekasi kemarin ."};
  Article b;
  b.id = "b2";
  b.paragraphs = {"Polda mencatat 12 korban meninggal akibat banjir di Garut ."};
  for (Article* x : {&a, &b}) {
    analyse::AnalysisContext ctx(*x);
    ASSERT_TRUE(analyzer_->Analyse(x, &ctx).ok());
  }
  ASSERT_FALSE(polda(a).empty());
  ASSERT_FALSE(polda(b).empty());
  EXPECT_NE(polda(a), polda(b));  // two regions' police, not one organisation
  // Beside the one the article names in full, it is that one.
  Article c = Run({"Kepala Polda Jawa Barat meninjau lokasi . Polda Jawa Barat mengerahkan 300 personel . Polda "
                   "juga membuka posko ."});
  // The tagger ends the organisation before its region: the region is part of it.
  const EntityMention* full = Find(c, "Polda Jawa Barat");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->type, EntityType::kOrganisation);
  EXPECT_EQ(polda(c), full->entity_id);
}

TEST_F(EntityAnalyzerTest, AnOfficeWrittenBeforeANameIsNoPartOfIt) {
  // The office's last word (a ministry's portfolio, a directorate's or a
  // ministry's contraction, a form of address) is not the name.
  Article a = Run({"Menteri Komunikasi dan Informatika Rudiantara meresmikan layanan itu .",
                   "Dirjen Dukcapil Kemendagri Irman hadir di Jakarta .",
                   "Saudara Basuki Tjahaja Purnama dipanggil jaksa .",
                   "Menkominfo Rudiantara juga hadir ."});
  EXPECT_NE(Find(a, "Rudiantara"), nullptr);
  EXPECT_EQ(Find(a, "Informatika Rudiantara"), nullptr);
  EXPECT_EQ(Find(a, "Menkominfo Rudiantara"), nullptr);
  ASSERT_NE(Find(a, "Irman"), nullptr);
  EXPECT_EQ(Find(a, "Irman")->canonical, "Irman");
  ASSERT_NE(Find(a, "Basuki Tjahaja Purnama"), nullptr);
  EXPECT_EQ(Find(a, "Basuki Tjahaja Purnama")->canonical, "Basuki Tjahaja Purnama");
  // A title that is a role alone leaves the name whole.
  Article b = Run({"Pelatih Aji Santoso memimpin latihan pagi ini ."});
  EXPECT_NE(Find(b, "Aji Santoso"), nullptr);
}

TEST_F(EntityAnalyzerTest, AnOrganisationRunIntoAPersonsSurnameEndsBeforeIt) {
  Article a = Run({"Olympique Lyon menang 3-0 atas Everton. Penyerang Lyon, Memphis Depay, mencetak dua gol dalam "
                   "laga itu.",
                   "Gol ketiga dicetak mantan pemain Manchester United Depay yang memanfaatkan umpan silang."});
  const EntityMention* full = Find(a, "Memphis Depay");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Find(a, "Manchester United Depay"), nullptr);
  int depay = 0;
  for (const auto& m : a.entities) depay += m.text == "Depay" && m.entity_id == full->entity_id;
  EXPECT_EQ(depay, 1);
  ASSERT_NE(Find(a, "Manchester United"), nullptr);
  EXPECT_EQ(Find(a, "Manchester United")->type, EntityType::kOrganisation);
  // Named after a person, whole name in it: no split.
  Article b = Run({"Pahlawan Gadjah Mada dikenang warga. Mahasiswa Universitas Gadjah Mada menggelar diskusi."});
  EXPECT_EQ(Find(b, "Universitas Gadjah"), nullptr);
}

TEST_F(EntityAnalyzerTest, AContractionBesideItsOrganisationIsIt) {
  Article a = Run({"PT Indonesia Asahan Aluminium (Persero) mengekspor 50.000 ton aluminium ke Jepang.",
                   "Direktur Utama Inalum Danny Praditya mengatakan ekspor itu menandai pulihnya permintaan."});
  const EntityMention* inalum = Find(a, "Inalum");
  ASSERT_NE(inalum, nullptr);
  EXPECT_EQ(inalum->entity_id, EntityIdOf(EntityType::kOrganisation, "Indonesia Asahan Aluminium"));
  EXPECT_NE(Find(a, "Danny Praditya"), nullptr);
}

TEST_F(EntityAnalyzerTest, SplitsAPersonCitedAsSpeakerOutOfAnOrganisation) {
  Article a = Run({"Mantan Ketua Umum Partai Golkar Aburizal Bakrie dan pendiri grup Barito Pacific Prayogo Pangestu "
                   "meminta pengampunan dari pemerintah.",
                   "\"Pokoknya saya dukung pemerintah,\" ujar Prayogo kepada wartawan."});
  const EntityMention* person = Find(a, "Prayogo Pangestu");
  ASSERT_NE(person, nullptr) << "mentions: " << a.entities.size();
  EXPECT_EQ(person->type, EntityType::kPerson);
  EXPECT_EQ(Find(a, "Barito Pacific Prayogo Pangestu"), nullptr);
}

TEST_F(EntityAnalyzerTest, AWordTheArticleWritesInLowerCaseIsNotPartOfAName) {
  // "Pusat" is written in lower case earlier, so it belongs to the
  // cooperative's name, not to the person's; the title is of that
  // organisation.
  Article a = Run({"Warga desa itu jarang pergi ke kantor pusat di kota .",
                   "Ketua Koperasi Tani Pusat Gilang Pradipta Wirasena mengatakan , panen tahun ini naik . "
                   "\" Panen kami bagus , \" kata Wirasena ."});
  const EntityMention* person = Find(a, "Gilang Pradipta Wirasena");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, EntityType::kPerson);
  EXPECT_EQ(person->role, "Ketua");
  for (const auto& m : a.entities) {
    if (m.type == EntityType::kPerson) {
      EXPECT_EQ(m.text.find("Pusat"), std::string::npos) << m.text;
    }
  }
  // Personal names are never written in lower case: "Siti" stays.
  Article b = Run({"\" Kami siap , \" kata Menteri LHK Siti Nurbaya Bakar . \" Hutan harus dijaga , \" ujar Siti ."});
  ASSERT_NE(Find(b, "Siti Nurbaya Bakar"), nullptr);
  ASSERT_NE(Find(b, "Siti"), nullptr);
  EXPECT_EQ(Find(b, "Siti")->entity_id, Find(b, "Siti Nurbaya Bakar")->entity_id);
}

TEST_F(EntityAnalyzerTest, AClippedFirstNameIsThePersonWhenOnlyOneFits) {
  Article a = Run({"Wakil Wali Kota Hendrawan Saputra meninjau pasar . "
                   "\" Pasar ini harus bersih , \" kata Hendra di lokasi ."});
  ASSERT_NE(Find(a, "Hendra"), nullptr);
  EXPECT_EQ(Find(a, "Hendra")->canonical, "Hendrawan Saputra");
  // Two people it could be: left alone.
  Article b = Run({"Camat Hendrawan Saputra dan Lurah Hendrawati Lubis meninjau pasar . "
                   "\" Pasar ini harus bersih , \" kata Hendra di lokasi ."});
  ASSERT_NE(Find(b, "Hendra"), nullptr);
  EXPECT_EQ(Find(b, "Hendra")->canonical, "Hendra");
  ASSERT_NE(Find(b, "Hendrawati Lubis"), nullptr);  // "Lurah" is a title
}

TEST_F(EntityAnalyzerTest, AnAcronymSpelledOutOnceIsThatOrganisation) {
  Article a = Run({"Partai Keadilan Rakyat mengirim tiga nama ke panitia . Namun , PKR menilai panitia harus segera "
                   "bekerja ."});
  ASSERT_NE(Find(a, "PKR"), nullptr);
  EXPECT_EQ(Find(a, "PKR")->canonical, "Partai Keadilan Rakyat");
}

TEST_F(EntityAnalyzerTest, TitlesOfAPlaceOrOrganisationBeforeAName) {
  Article a = Run({"Gubernur Sumatera Barat Mahyudin Kasim meninjau sawah . \" Panen tahun ini bagus , \" kata "
                   "Mahyudin di Padang ."});
  const EntityMention* p = Find(a, "Mahyudin Kasim");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "Gubernur");
  EXPECT_EQ(p->role_of, "Sumatera Barat");
  ASSERT_NE(Find(a, "Mahyudin"), nullptr);
  EXPECT_EQ(Find(a, "Mahyudin")->entity_id, p->entity_id);
  // "Bank Sentosa" is written alone first, so it is no part of the name.
  Article b = Run({"Bank Sentosa meluncurkan layanan baru . \" Layanan ini aman , \" ujar Direktur Utama Bank "
                   "Sentosa Hendri Gunawan Putra di Jakarta ."});
  ASSERT_NE(Find(b, "Hendri Gunawan Putra"), nullptr);
  EXPECT_EQ(Find(b, "Hendri Gunawan Putra")->role_of, "Bank Sentosa");
}

TEST_F(EntityAnalyzerTest, AnOrganisationKeepsTheCountryEndingItsName) {
  Article a = Run({"Badan Intelijen Nasional Korea Selatan pada 27 Februari mengungkapkan temuan itu.",
                   "Pasukan itu tiba di Korea Selatan pada Maret."});
  const EntityMention* nis = Find(a, "Badan Intelijen Nasional Korea Selatan");
  ASSERT_NE(nis, nullptr) << "mentions: " << a.entities.size();
  EXPECT_EQ(nis->type, EntityType::kOrganisation);
  const EntityMention* country = Find(a, "Korea Selatan");  // on its own it stays a place
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(country->type, EntityType::kLocation);
}

TEST_F(EntityAnalyzerTest, ATitleCaseLineFindsTheNamesOfTheRunningText) {
  Article a = Run({"Jelang Pelantikan Donald Trump, Putin Sambut Kim Jong Un di Moskwa",
                   "Presiden Rusia Vladimir Putin menerima pemimpin Korea Utara Kim Jong Un di Moskwa menjelang "
                   "pelantikan Presiden AS Donald Trump. Putin mengatakan kedua negara akan memperluas kerja sama."});
  const EntityMention* first = nullptr;
  for (const auto& m : a.entities) {
    if (m.text == "Putin") {
      first = &m;
      break;
    }
  }
  ASSERT_NE(first, nullptr);
  EXPECT_LT(first->span.begin, 40);  // the headline's, not only the body's
  EXPECT_EQ(first->canonical, "Vladimir Putin");
  ASSERT_NE(Find(a, "Donald Trump"), nullptr);
  EXPECT_LT(Find(a, "Donald Trump")->span.begin, 40);
}

// One name, one reading per article: where the tagger misses a person's
// name that it finds elsewhere in the article, the name is still found,
// and a full name is not cut to the short form the article repeats.
TEST_F(EntityAnalyzerTest, ANameTheArticleTagsElsewhereIsFoundWhereTheTaggerMissedIt) {
  Article a = Run({"Ketua DPR RI Setya Novanto kembali tidak memenuhi panggilan penyidik sebagai saksi pada Senin.",
                   "Sebelumnya Novanto juga tidak datang. Dalam suratnya, Novanto mengaku ada kegiatan di daerah.",
                   "Pengacara Novanto menyebut kliennya sakit."});
  const EntityMention* full = Find(a, "Setya Novanto");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->type, EntityType::kPerson);
  for (const auto& m : a.entities)
    if (m.text == "Novanto") { EXPECT_EQ(m.entity_id, full->entity_id); }
}

TEST_F(EntityAnalyzerTest, AFullNameIsNotCutToTheShortFormTheArticleRepeats) {
  Article a = Run({"Promotor laga itu, Oscar De La Hoya menyatakan duel miliknya akan lebih laku dijual.",
                   "\"Ini tipe laga yang publik inginkan,\" tutur De La Hoya seperti dikutip dari media setempat.",
                   "De La Hoya menyatakan bahwa animo publik tinggi."});
  const EntityMention* full = Find(a, "Oscar De La Hoya");
  ASSERT_NE(full, nullptr);
  for (const auto& m : a.entities)
    if (m.text == "De La Hoya") { EXPECT_EQ(m.entity_id, full->entity_id); }
}

TEST_F(EntityAnalyzerTest, AClubsFirstWordBeforeAPlayersNameIsTheClubs) {
  Article a = Run({"Manajer Newcastle United Rafa Benitez mendesak para pemainnya mengamankan enam poin.",
                   "Bek Newcastle DeAndre Yedlin mengatakan mereka harus bersatu sebagai satu klub."});
  const EntityMention* player = Find(a, "DeAndre Yedlin");
  ASSERT_NE(player, nullptr);
  EXPECT_EQ(player->type, EntityType::kPerson);
  EXPECT_EQ(Find(a, "Newcastle DeAndre Yedlin"), nullptr);
}

TEST_F(EntityAnalyzerTest, AcronymsDefinedInTextAndAliases) {
  Article a = Run({"Foto itu dirilis Kantor Berita Pusat Korea (KCNA) pada Selasa.",
                   "Menurut KCNA, pejabat Amerika Serikat dan PBB belum berkomentar.",
                   "Dia pernah tinggal di Moskow dan di Kiev."});
  const EntityMention* kcna = Find(a, "KCNA");
  ASSERT_NE(kcna, nullptr);
  EXPECT_EQ(kcna->canonical, "Kantor Berita Pusat Korea");
  const EntityMention* pbb = Find(a, "PBB");
  ASSERT_NE(pbb, nullptr);
  EXPECT_EQ(pbb->entity_id, EntityIdOf(EntityType::kOrganisation, "Perserikatan Bangsa-Bangsa"));
  const EntityMention* moskow = Find(a, "Moskow");
  ASSERT_NE(moskow, nullptr);
  EXPECT_EQ(moskow->entity_id, EntityIdOf(EntityType::kLocation, "Moskwa"));
  const EntityMention* kiev = Find(a, "Kiev");
  ASSERT_NE(kiev, nullptr);
  EXPECT_EQ(kiev->canonical, "Kyiv");
}

TEST_F(EntityAnalyzerTest, OddInputIsSafe) {
  Run({});
  Run({""});
  Run({std::string(10000, 'x')});
  Run({"Presiden " + std::string(10000, 'A') + " tiba di Jakarta."});
  Article caps = Run({"PRESIDEN JOKO WIDODO TIBA DI JAKARTA BERSAMA MENTERI LUAR NEGERI RETNO MARSUDI."});
  (void)caps;
  Article none = Run({"123 456 ... !!! ??? 10.000 -- %%% 29/11/2024 14:32"});
  EXPECT_TRUE(none.entities.empty());
  Run({"\xff\xfe broken \xc3 bytes Jakarta"});
}

TEST_F(EntityAnalyzerTest, BadModelPathIsAClearError) {
  auto a = EntityAnalyzer::Create({.model_path = "/nonexistent/warta-ner.bin"});
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("/nonexistent/warta-ner.bin"), std::string::npos);
  analyse::AnalysisOptions opt;
  opt.entity_model = "/nonexistent/warta-ner.bin";
  auto all = analyse::MakeAnalyzers(opt);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("entities"), std::string::npos);
}

}  // namespace
}  // namespace warta::entities
