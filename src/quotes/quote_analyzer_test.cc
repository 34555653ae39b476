#include "quotes/quote_analyzer.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "hand_annotations.h"

#include <algorithm>
#include <string>
#include <vector>

namespace warta::quotes {
namespace {


// An article of `paragraphs` whose entity mentions are given by hand, so
// these tests do not depend on the NER model.
class Doc {
 public:
  explicit Doc(std::vector<std::string> paragraphs) { article_.paragraphs = std::move(paragraphs); }
  // Marks the `nth` occurrence of `name` in the text as a mention.
  Doc& Mention(const std::string& name, const std::string& type, const std::string& canonical, int nth = 0) {
    std::vector<Span> spans = testing::SpansOf(article_.Text(), name);
    EXPECT_GT(spans.size(), static_cast<size_t>(nth)) << name;
    if (spans.size() > static_cast<size_t>(nth)) testing::AddMention(&article_, spans[nth], name, type, canonical);
    return *this;
  }
  // Gives the mentions written `name` the title the entity stage found.
  Doc& Role(const std::string& name, const std::string& role, const std::string& role_of) {
    for (EntityMention& m : article_.entities)
      if (m.text == name) m.role = role, m.role_of = role_of;
    return *this;
  }
  const std::vector<Quote>& Run(QuoteAnalyzerOptions options = {}) {
    analyse::AnalysisContext ctx(article_);
    QuoteAnalyzer analyzer(options);
    EXPECT_TRUE(analyzer.Analyse(&article_, &ctx).ok());
    for (const Quote& q : article_.quotes) EXPECT_EQ(SpanText(ctx.text(), q.span), q.text);
    return article_.quotes;
  }

 private:
  Article article_;
};

TEST(QuoteAnalyzerTest, StraightQuoteWithKataResolvesSpeakerEntity) {
  Doc d({"Presiden Joko Santoso tiba di Medan pagi ini.",
         "\"Kami akan membangun jalan baru di sini,\" kata Joko Santoso."});
  d.Mention("Joko Santoso", "PERSON", "Joko Santoso").Mention("Joko Santoso", "PERSON", "Joko Santoso", 1);
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Kami akan membangun jalan baru di sini");
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Joko Santoso");
  EXPECT_EQ(q[0].speaker_entity_id, "P:Joko Santoso");
}

TEST(QuoteAnalyzerTest, CurlyQuoteWithUjarAndShortName) {
  Doc d({"Menteri Perdagangan Rina Kusuma membuka pameran itu.",
         "“Produk lokal harus bisa bersaing di pasar dunia,” ujar Rina."});
  d.Mention("Rina Kusuma", "PERSON", "Rina Kusuma");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Rina Kusuma");  // "Rina" has no mention: a preceding PERSON's name holds it
  EXPECT_EQ(q[0].speaker_entity_id, "P:Rina Kusuma");
}

TEST(QuoteAnalyzerTest, SingleQuotesWithTutur) {
  Doc d({"'Kami sudah siap menghadapi musim hujan tahun ini,' tutur Andi Wijaya."});
  d.Mention("Andi Wijaya", "PERSON", "Andi Wijaya");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Kami sudah siap menghadapi musim hujan tahun ini");
  EXPECT_EQ(q[0].speaker, "Andi Wijaya");
}

TEST(QuoteAnalyzerTest, QuoteBrokenAcrossSentencesIsOneQuote) {
  Doc d({"“Kami datang dengan damai. Kami pulang dengan kepala tegak,” tegas Budi Hartono."});
  d.Mention("Budi Hartono", "PERSON", "Budi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Kami datang dengan damai. Kami pulang dengan kepala tegak");
  EXPECT_EQ(q[0].speaker, "Budi Hartono");
}

TEST(QuoteAnalyzerTest, NyaVerbPointsToPrecedingPerson) {
  Doc d({"Gubernur Sari Dewi meninjau banjir di Bekasi.",
         "“Warga yang rumahnya terendam akan kami bantu,” katanya."});
  d.Mention("Sari Dewi", "PERSON", "Sari Dewi").Mention("Bekasi", "LOCATION", "Bekasi");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Sari Dewi");
  EXPECT_EQ(q[0].speaker_entity_id, "P:Sari Dewi");
}

TEST(QuoteAnalyzerTest, PronounSpeakerPointsToPrecedingPerson) {
  Doc d({"Dokter Hana Putri menangani pasien sejak subuh.",
         "\"Kami kekurangan tenaga perawat di rumah sakit ini,\" ucap dia."});
  d.Mention("Hana Putri", "PERSON", "Hana Putri");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Hana Putri");
}

TEST(QuoteAnalyzerTest, PronounWithNobodyBeforeLeavesNoSpeaker) {
  Doc d({"\"Semua pihak harus menahan diri sekarang juga,\" kata beliau."});
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "");
}

TEST(QuoteAnalyzerTest, KataXKepadaAllCapsOutletIsRelay) {
  Doc d({"“Kami tidak akan mundur dari perundingan ini,” kata Rudi Salim kepada ANTARA di Jakarta."});
  d.Mention("Rudi Salim", "PERSON", "Rudi Salim");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Rudi Salim");
  EXPECT_EQ(q[0].relay, "ANTARA");
}

TEST(QuoteAnalyzerTest, KepadaWartawanOrAPersonIsNoRelay) {
  Doc d({"“Kami tidak akan mundur dari perundingan ini,” kata Rudi Salim kepada wartawan.",
         "“Kami juga meminta dukungan penuh dari pusat,” kata Rudi Salim kepada Bupati Tono."});
  d.Mention("Rudi Salim", "PERSON", "Rudi Salim").Mention("Rudi Salim", "PERSON", "Rudi Salim", 1);
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].relay, "");
  EXPECT_EQ(q[1].relay, "");
}

TEST(QuoteAnalyzerTest, DikutipDariAndDilaporkanGiveRelay) {
  Doc d({"\"Pasukan kami siap menghadapi segala ancaman,\" kata Lee Min Ho seperti dikutip dari Reuters.",
         "\"Latihan gabungan akan terus digelar tahun depan,\" ujar Lee Min Ho, dilaporkan KCNA."});
  d.Mention("Lee Min Ho", "PERSON", "Lee Min Ho").Mention("Lee Min Ho", "PERSON", "Lee Min Ho", 1);
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].relay, "Reuters");
  EXPECT_EQ(q[1].relay, "KCNA");
  EXPECT_EQ(q[1].speaker, "Lee Min Ho");
}

TEST(QuoteAnalyzerTest, MenurutBeforeQuote) {
  Doc d({"Menurut Wati Lestari, “harga beras akan turun pada bulan depan.”"});
  d.Mention("Wati Lestari", "PERSON", "Wati Lestari");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Wati Lestari");
}

TEST(QuoteAnalyzerTest, SubjectAndVerbBeforeQuote) {
  Doc d({"Kementerian Kesehatan mengatakan, “Vaksin tersedia di semua puskesmas mulai Senin.”"});
  d.Mention("Kementerian Kesehatan", "ORGANISATION", "Kementerian Kesehatan");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Kementerian Kesehatan");
  EXPECT_EQ(q[0].speaker_entity_id, "O:Kementerian Kesehatan");
}

TEST(QuoteAnalyzerTest, IndirectSpeechWithBahwa) {
  Doc d({"Gubernur Sari Dewi juga menyatakan bahwa jembatan itu akan selesai tahun depan.",
         "Ia mengatakan bahwa dana sudah disiapkan."});
  d.Mention("Sari Dewi", "PERSON", "Sari Dewi");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "jembatan itu akan selesai tahun depan");
  EXPECT_EQ(q[0].speaker, "Sari Dewi");
  EXPECT_FALSE(q[1].direct);
  EXPECT_EQ(q[1].text, "dana sudah disiapkan");
  EXPECT_EQ(q[1].speaker, "Sari Dewi");
}

TEST(QuoteAnalyzerTest, BahwaWithoutSpeechVerbIsNotAQuote) {
  Doc d({"Data menunjukkan bahwa harga cabai naik."});
  EXPECT_TRUE(d.Run().empty());
}

TEST(QuoteAnalyzerTest, IndirectWithMenurut) {
  Doc d({"Menurut Andi Wijaya, panen tahun ini lebih baik dari tahun lalu."});
  d.Mention("Andi Wijaya", "PERSON", "Andi Wijaya");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "panen tahun ini lebih baik dari tahun lalu");
  EXPECT_EQ(q[0].speaker, "Andi Wijaya");
}

TEST(QuoteAnalyzerTest, PartialQuoteInsideSentence) {
  Doc d({"Budi Hartono menyebut rencana itu \"langkah yang sangat berbahaya\" bagi kawasan."});
  d.Mention("Budi Hartono", "PERSON", "Budi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "langkah yang sangat berbahaya");
  EXPECT_EQ(q[0].speaker, "Budi Hartono");
}

TEST(QuoteAnalyzerTest, ShortUnattributedScareQuoteIsDropped) {
  Doc d({"Pemerintah meluncurkan program \"Desa Emas\" di tiga provinsi."});
  EXPECT_TRUE(d.Run().empty());
}

TEST(QuoteAnalyzerTest, LaterQuoteInParagraphContinuesSpeaker) {
  Doc d({"“Kami siap bekerja sama,” kata Rina Kusuma. “Tetapi syaratnya harus jelas bagi semua pihak.”"});
  d.Mention("Rina Kusuma", "PERSON", "Rina Kusuma");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Rina Kusuma");
  EXPECT_EQ(q[1].text, "Tetapi syaratnya harus jelas bagi semua pihak.");
}

TEST(QuoteAnalyzerTest, NestedQuotesStayInsideTheOuterQuote) {
  Doc d({"“Dia hanya bilang ‘tidak mungkin’ lalu pergi begitu saja,” ujar Tono Hadi.",
         "\"Mereka menyebutnya 'operasi biasa' padahal bukan,\" kata Tono Hadi."});
  d.Mention("Tono Hadi", "PERSON", "Tono Hadi").Mention("Tono Hadi", "PERSON", "Tono Hadi", 1);
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "Dia hanya bilang ‘tidak mungkin’ lalu pergi begitu saja");
  EXPECT_EQ(q[1].text, "Mereka menyebutnya 'operasi biasa' padahal bukan");
  EXPECT_EQ(q[1].speaker, "Tono Hadi");
}

TEST(QuoteAnalyzerTest, UnbalancedMarkInOneParagraphDoesNotSwallowTheNext) {
  Doc d({"“Kami tidak akan menyerah, kata Joko Santoso di depan massa.",
         "Massa lalu bubar. \" ",
         "“Besok kami datang lagi ke kantor ini,” ujar Joko Santoso."});
  d.Mention("Joko Santoso", "PERSON", "Joko Santoso").Mention("Joko Santoso", "PERSON", "Joko Santoso", 1);
  const auto& q = d.Run();
  // The mark left open gives no direct quote; its words, followed by
  // ", kata X", still read as reported speech.
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "Kami tidak akan menyerah");
  EXPECT_TRUE(q[1].direct);
  EXPECT_EQ(q[1].text, "Besok kami datang lagi ke kantor ini");
  EXPECT_EQ(q[1].speaker, "Joko Santoso");
}

TEST(QuoteAnalyzerTest, HundredKilobyteQuoteIsOneQuote) {
  std::string body;
  while (body.size() < 100 * 1024) body += "Kami akan terus berjuang demi rakyat. ";
  body.pop_back();
  Doc d({"“" + body + "” kata Budi Hartono."});
  d.Mention("Budi Hartono", "PERSON", "Budi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, body);
  EXPECT_EQ(q[0].speaker, "Budi Hartono");
}

TEST(QuoteAnalyzerTest, ManyStrayMarksAreHandledInOnePass) {
  std::string para;
  for (int i = 0; i < 20000; ++i) para += "“ kata ";
  std::string singles;
  for (int i = 0; i < 20000; ++i) singles += "' x ’ ";
  Doc d({para, singles, "\"\"\"\"\""});
  const auto& q = d.Run();
  // Every curly opener restarts the open quotation; none is ever closed.
  EXPECT_TRUE(q.empty());
}

TEST(QuoteAnalyzerTest, EmptyArticleGivesNothing) {
  Doc d({});
  EXPECT_TRUE(d.Run().empty());
  Doc e({"", "\"", "”"});
  EXPECT_TRUE(e.Run().empty());
}

TEST(QuoteAnalyzerTest, DateBetweenSubjectAndVerbIsSkipped) {
  Doc d({"Dinas Pertanian Kabupaten Garut pada 3 Maret mengatakan bahwa stok pupuk cukup.",
         "Pusat Data Cuaca pada Senin mengumumkan bahwa hujan akan turun."});
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Dinas Pertanian Kabupaten Garut");
  EXPECT_EQ(q[1].speaker, "Pusat Data Cuaca");
}

TEST(QuoteAnalyzerTest, NameAfterQuoteWithVerbLater) {
  Doc d({"\"Harga minyak akan naik lagi pekan depan,\" Dewi Anggraini, ekonom di sebuah bank swasta, mengatakan kepada AFP."});
  d.Mention("Dewi Anggraini", "PERSON", "Dewi Anggraini");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Dewi Anggraini");
  EXPECT_EQ(q[0].relay, "AFP");
}

TEST(QuoteAnalyzerTest, PartialQuoteFarFromItsVerb) {
  Doc d({"Tono Hadi menegaskan bahwa pihaknya akan selalu mendukung petani dalam “perjuangan melawan tengkulak dan rentenir.”"});
  d.Mention("Tono Hadi", "PERSON", "Tono Hadi");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Tono Hadi");
}

TEST(QuoteAnalyzerTest, RoleOfAPlaceIsKeptAsWritten) {
  Doc d({"Kemudian pemimpin Kota Baru mengatakan bahwa pasar akan dibuka kembali."});
  d.Mention("Kota Baru", "LOCATION", "Kota Baru");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "pemimpin Kota Baru");
  EXPECT_EQ(q[0].speaker_entity_id, "");
}

TEST(QuoteAnalyzerTest, MenurutWithAListOfSources) {
  Doc d({"Menurut pejabat Jepang, Filipina, dan Vietnam, kapal itu sudah meninggalkan perairan mereka."});
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "pejabat Jepang, Filipina, dan Vietnam");
  EXPECT_EQ(q[0].text, "kapal itu sudah meninggalkan perairan mereka");
}

TEST(QuoteAnalyzerTest, ScareQuoteDoesNotHideReportedSpeech) {
  Doc d({"Andi Wijaya mengatakan bahwa program \"Desa Emas\" berjalan lambat."});
  d.Mention("Andi Wijaya", "PERSON", "Andi Wijaya");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "program \"Desa Emas\" berjalan lambat");
  EXPECT_EQ(q[0].speaker, "Andi Wijaya");
}

}  // namespace
}  // namespace warta::quotes

namespace warta::quotes {
namespace {

TEST(QuoteAnalyzerTest, SpeechVerbWithCommaGivesReportedSpeech) {
  Doc d({"Direktur Utama PT Angkasa Pura II Budi Santoso mengatakan, pengelola menyiapkan 40 gerai baru."});
  d.Mention("PT Angkasa Pura II", "ORGANISATION", "PT Angkasa Pura II").Mention("Budi Santoso", "PERSON", "Budi Santoso");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "pengelola menyiapkan 40 gerai baru");
  EXPECT_EQ(q[0].speaker, "Budi Santoso");
}

TEST(QuoteAnalyzerTest, BareClauseAfterSpeechVerb) {
  Doc d({"Pengamat penerbangan Gerry Hartono menilai proyek tersebut terlambat dua tahun dari jadwal.",
         "Taeyeon mengungkapkan rasa bersalahnya lewat sebuah pernyataan."});
  d.Mention("Gerry Hartono", "PERSON", "Gerry Hartono").Mention("Taeyeon", "PERSON", "Taeyeon");
  const auto& q = d.Run();
  // A noun phrase after the verb ("rasa bersalahnya lewat ...") is no clause.
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "proyek tersebut terlambat dua tahun dari jadwal");
  EXPECT_EQ(q[0].speaker, "Gerry Hartono");
}

TEST(QuoteAnalyzerTest, ParentheticalAndFrontedKataGiveReportedSpeech) {
  Doc d({"TNI, kata Gatot Nurmantyo, juga akan menambah armada baru di Sorong.",
         "Kata Sandi, pemerintah DKI akan membina pedagang di Tanah Abang.",
         "Bahkan berpotensi melewati sekutu tradisional, kata mereka."});
  d.Mention("Gatot Nurmantyo", "PERSON", "Gatot Nurmantyo").Mention("Sandi", "PERSON", "Sandi");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].text, "TNI, kata Gatot Nurmantyo, juga akan menambah armada baru di Sorong");
  EXPECT_EQ(q[0].speaker, "Gatot Nurmantyo");
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[1].text, "pemerintah DKI akan membina pedagang di Tanah Abang");
  EXPECT_EQ(q[1].speaker, "Sandi");
  EXPECT_EQ(q[2].text, "Bahkan berpotensi melewati sekutu tradisional");
  EXPECT_EQ(q[2].speaker, "mereka");
}

TEST(QuoteAnalyzerTest, MenurutInsideASentenceAndMenurutnya) {
  Doc d({"Alasan lain, menurut Jimly Asshiddiqie, partai politik tidak akan asal mencalonkan.",
         "Menurutnya, ambang batas parlemen tetap diperlukan.",
         "Harga itu naik menurut aturan baru pemerintah."});
  d.Mention("Jimly Asshiddiqie", "PERSON", "Jimly Asshiddiqie");
  const auto& q = d.Run();
  // "menurut aturan" (according to the rules) names nobody: no quote.
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "partai politik tidak akan asal mencalonkan");
  EXPECT_EQ(q[0].speaker, "Jimly Asshiddiqie");
  EXPECT_EQ(q[1].text, "ambang batas parlemen tetap diperlukan");
  EXPECT_EQ(q[1].speaker, "Jimly Asshiddiqie");
}

TEST(QuoteAnalyzerTest, DeniedSpeechVerbIsNoQuote) {
  Doc d({"Sandiaga Uno belum bisa memastikan waktu penataan kawasan itu karena masih menunggu persetujuan."});
  d.Mention("Sandiaga Uno", "PERSON", "Sandiaga Uno");
  EXPECT_TRUE(d.Run().empty());
}

TEST(QuoteAnalyzerTest, RelativeClauseVerbIsNoPredicate) {
  Doc d({"Ade Supandi telah memaparkan wacana yang diutarakan Gatot Nurmantyo.",
         "Prayogo Pangestu mengaku perusahaan yang dimilikinya juga sudah ikut amnesti pajak."});
  d.Mention("Ade Supandi", "PERSON", "Ade Supandi").Mention("Gatot Nurmantyo", "PERSON", "Gatot Nurmantyo");
  d.Mention("Prayogo Pangestu", "PERSON", "Prayogo Pangestu");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Prayogo Pangestu");
  EXPECT_EQ(q[0].text, "perusahaan yang dimilikinya juga sudah ikut amnesti pajak");
}

TEST(QuoteAnalyzerTest, PronounAfterAQuoteKeepsItsSpeaker) {
  Doc d({"\"Saya minta semua aparat mengikuti aturan,\" ujar Nazaruddin seusai bersaksi untuk terdakwa Setya Novanto. "
         "Ia menyebut dirinya dipenjara karena mengikuti aturan."});
  d.Mention("Nazaruddin", "PERSON", "Muhammad Nazaruddin").Mention("Setya Novanto", "PERSON", "Setya Novanto");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].text, "dirinya dipenjara karena mengikuti aturan");
  EXPECT_EQ(q[1].speaker, "Muhammad Nazaruddin");
}

TEST(QuoteAnalyzerTest, PronounKeepsTheSpeakerWhileNobodyElseIsNamed) {
  // Three sentences without a quote lie between, and an event name the
  // tagger took for a person comes before the first quote: "katanya" is
  // still Wulan's. Once another person is named, it is theirs.
  Doc d({"Hal itu disampaikan dalam acara Festival Pangan di Bandung. \"Petani kita butuh pasar yang adil,\" ujar "
         "Wulan Sari. Harga gabah turun sejak Maret. Banyak petani merugi. Pemerintah belum bertindak. "
         "\"Kami akan terus mendampingi mereka,\" katanya.",
         "Bupati Anton Lubis hadir di sana. \"Kami siap membantu,\" katanya."});
  d.Mention("Festival Pangan", "PERSON", "Festival Pangan").Mention("Wulan Sari", "PERSON", "Wulan Sari");
  d.Mention("Anton Lubis", "PERSON", "Anton Lubis");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Wulan Sari");
  EXPECT_EQ(q[1].speaker, "Wulan Sari");
  EXPECT_EQ(q[2].speaker, "Anton Lubis");
}

TEST(QuoteAnalyzerTest, ATitleWithoutANameIsThePersonGivenThatTitle) {
  Doc d({"Wali Kota Tegal Budi Santoso meresmikan pasar baru.",
         "Wali Kota Tegal mengatakan, pasar itu akan buka setiap hari mulai pekan depan."});
  d.Mention("Budi Santoso", "PERSON", "Budi Santoso").Role("Budi Santoso", "Wali Kota", "Tegal");
  d.Mention("Tegal", "LOCATION", "Tegal", 1);
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Budi Santoso");
  EXPECT_EQ(q[0].speaker_entity_id, "P:Budi Santoso");
}

TEST(QuoteAnalyzerTest, SangBeforeACommonNounPointsBack) {
  Doc d({"\"Kami siap bertanding,\" kata Rudi Hartono seusai latihan.",
         "\"Lawan kami kuat, tapi kami lebih siap,\" ucap sang pelatih."});
  d.Mention("Rudi Hartono", "PERSON", "Rudi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Rudi Hartono");
}

TEST(QuoteAnalyzerTest, BeliefAndAccusationVerbsReportSpeech) {
  Doc d({"Menteri Dewi Lestari yakin jika produksi beras akan naik tahun ini.",
         "Ketua Tono Wijaya menuding panitia sudah melanggar aturan.",
         "Sebut saja Andi, Budi, dan Citra, semua sudah pulang."});
  d.Mention("Dewi Lestari", "PERSON", "Dewi Lestari").Mention("Tono Wijaya", "PERSON", "Tono Wijaya");
  d.Mention("Andi", "PERSON", "Andi");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);  // "Sebut saja …" lists names: no speech
  EXPECT_EQ(q[0].text, "produksi beras akan naik tahun ini");
  EXPECT_EQ(q[0].speaker, "Dewi Lestari");
  EXPECT_EQ(q[1].text, "panitia sudah melanggar aturan");
  EXPECT_EQ(q[1].speaker, "Tono Wijaya");
}

TEST(QuoteAnalyzerTest, ATimePhraseMayOpenTheReportedClause) {
  Doc d({"Rina Wulandari mengatakan hingga saat ini belum ada laporan kerusakan.",
         "Agus Salim mengaku dalam waktu dekat akan menemui warga."});
  d.Mention("Rina Wulandari", "PERSON", "Rina Wulandari").Mention("Agus Salim", "PERSON", "Agus Salim");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "hingga saat ini belum ada laporan kerusakan");
  EXPECT_EQ(q[0].speaker, "Rina Wulandari");
  EXPECT_EQ(q[1].speaker, "Agus Salim");
}

TEST(QuoteAnalyzerTest, RoleWithDemonstrativePointsBack) {
  Doc d({"\"Dia pemain yang istimewa,\" kata Pep Guardiola tentang Lionel Messi.",
         "\"Dia pemain terbaik yang pernah saya lihat,\" ucap manajer Manchester City ini."});
  d.Mention("Pep Guardiola", "PERSON", "Pep Guardiola").Mention("Lionel Messi", "PERSON", "Lionel Messi");
  d.Mention("Manchester City", "ORGANISATION", "Manchester City");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  // Not the club the role names, and not Messi, named last: the speaker
  // of the quote just before.
  EXPECT_EQ(q[1].speaker, "Pep Guardiola");
}

TEST(QuoteAnalyzerTest, QuoteParagraphContinuesThePreviousSpeaker) {
  Doc d({"Guardiola menegaskan bahwa Messi selalu bermain dengan tuntutan tinggi.",
         "\"Seluruh dunia berharap dia mencetak tiga gol di tiap pertandingan.\"",
         "Barcelona kalah bersaing musim ini.",
         "Sampai sekarang belum ada yang \"sebaik dia\"."});
  d.Mention("Guardiola", "PERSON", "Pep Guardiola").Mention("Messi", "PERSON", "Lionel Messi");
  const auto& q = d.Run();
  // The short quotation two paragraphs on is a scare quote: it continues
  // nobody.
  ASSERT_EQ(q.size(), 2u);
  EXPECT_TRUE(q[1].direct);
  EXPECT_EQ(q[1].speaker, "Pep Guardiola");
}

TEST(QuoteAnalyzerTest, RoleThenYangJugaThenThePerson) {
  Doc d({"\"Generasi kita bisa menghapus kemiskinan,\" ujar Pendiri FPCI yang juga mantan Menteri Luar Negeri "
         "Dino Patti Djalal dalam sebuah acara."});
  d.Mention("FPCI", "ORGANISATION", "FPCI").Mention("Dino Patti Djalal", "PERSON", "Dino Patti Djalal");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Dino Patti Djalal");
}

TEST(QuoteAnalyzerTest, MoreSpeechVerbsAndMixedMarks) {
  Doc d({"\"Kami harus segera membuat keputusan penting,\" tandas Vincenzo Montella.",
         "\"Pokoknya saya dukung pemerintah menunaikan amnesti pajak,” ujar Prayogo Pangestu."});
  d.Mention("Vincenzo Montella", "PERSON", "Vincenzo Montella").Mention("Prayogo Pangestu", "PERSON", "Prayogo Pangestu");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Vincenzo Montella");
  EXPECT_EQ(q[1].text, "Pokoknya saya dukung pemerintah menunaikan amnesti pajak");
  EXPECT_EQ(q[1].speaker, "Prayogo Pangestu");
}

}  // namespace
}  // namespace warta::quotes
