#include "html/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "html/internal.h"
#include "text/lexicon.h"
#include "test_support.h"

namespace warta::html {
namespace {

using ::warta::testing::ReadFile;
using ::warta::testing::SourceDir;

std::string Fixture(const char* name) { return ReadFile(SourceDir() / "src/html/testdata" / name); }

std::string Joined(const ExtractedPage& p) {
  std::string s;
  for (const Block& b : p.blocks) s += b.text + "\n";
  return s;
}

bool Has(const ExtractedPage& p, std::string_view needle) { return Joined(p).find(needle) != std::string::npos; }

TEST(ExtractTest, KeepsArticleDropsFurniture) {
  PageContext ctx;
  ctx.url = "https://warta.example/2021/04/05/warga-kampung-hijau";
  auto page = Extract(Fixture("article_furniture.html"), ctx, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  // Paragraphs, the subheading, list items and the quote, in order.
  EXPECT_TRUE(Has(*page, "Sebanyak seribu pohon ditanam"));
  EXPECT_TRUE(Has(*page, "Kegiatan serupa direncanakan"));
  std::vector<BlockKind> kinds;
  for (const Block& b : page->blocks) kinds.push_back(b.kind);
  auto pos = [&](std::string_view s) {
    for (size_t i = 0; i < page->blocks.size(); ++i)
      if (page->blocks[i].text.find(s) != std::string::npos) return static_cast<int>(i);
    return -1;
  };
  ASSERT_GE(pos("Bibit dari Dinas Lingkungan"), 0);
  EXPECT_EQ(page->blocks[static_cast<size_t>(pos("Bibit dari Dinas Lingkungan"))].kind, BlockKind::kHeading);
  ASSERT_GE(pos("Trembesi ditanam"), 0);
  EXPECT_EQ(page->blocks[static_cast<size_t>(pos("Trembesi ditanam"))].kind, BlockKind::kListItem);
  ASSERT_GE(pos("anak cucu kami"), 0);
  EXPECT_EQ(page->blocks[static_cast<size_t>(pos("anak cucu kami"))].kind, BlockKind::kQuote);
  EXPECT_LT(pos("Sebanyak seribu"), pos("Bibit dari Dinas"));
  EXPECT_LT(pos("Bibit dari Dinas"), pos("Kegiatan serupa"));
  // Furniture.
  for (const char* junk : {"cookie", "Nasional", "Bagikan", "Foto: Dokumentasi", "Berita Terkait",
                           "Banjir Rendam", "lingkungan pohon", "semoga ditiru", "Harga Cabai", "Iklan",
                           "Hak cipta", "Tentang kami"}) {
    EXPECT_FALSE(Has(*page, junk)) << junk << " leaked into:\n" << Joined(*page);
  }
  // The title is metadata, not repeated as a block.
  EXPECT_FALSE(Has(*page, "Warga Kampung Hijau Menanam Seribu Pohon"));
}

TEST(ExtractTest, MetadataFromJsonLdAndOpenGraph) {
  PageContext ctx;
  ctx.url = "https://warta.example/2021/04/05/warga-kampung-hijau";
  auto page = Extract(Fixture("article_furniture.html"), ctx, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Warga Kampung Hijau Menanam Seribu Pohon");  // " - Warta Contoh" trimmed
  EXPECT_EQ(page->published, "2021-04-05T08:30:00+07:00");
  EXPECT_EQ(page->modified, "2021-04-05T12:00:00+07:00");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Sari Lestari", "Budi Santoso"}));
  EXPECT_EQ(page->outlet, "Warta Contoh");
  EXPECT_EQ(page->canonical_url, "https://warta.example/2021/04/05/warga-kampung-hijau");
  EXPECT_EQ(page->language, "id");
  RawDocument doc = page->ToRawDocument("a.html");
  EXPECT_EQ(doc.source, "a.html");
  EXPECT_EQ(doc.title, page->title);
  EXPECT_EQ(doc.date, page->published);
  EXPECT_EQ(doc.paragraphs.size(), page->blocks.size());
  EXPECT_EQ(doc.canonical_url, page->canonical_url);
}

TEST(ExtractTest, VisibleDatelineAndBylineWithoutMetadata) {
  auto page = Extract(Fixture("dateline_byline.html"), {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->title, "Harga Beras di Pasar Induk Turun");
  // The dateline beside the headline, not the sidebar's.
  EXPECT_EQ(page->published, "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Andi Saputra"}));
  EXPECT_TRUE(Has(*page, "Harga beras medium"));
  EXPECT_FALSE(Has(*page, "Harga Gula Stabil"));
  EXPECT_EQ(page->language, "id");  // no lang attribute: cld2
}

// A lexicon given with --lexicon reaches the page's dates and bylines: a
// month spelling only that lexicon knows dates the page, and is cut from a
// byline like any month (issue 13: the html stage read the built-in table
// whatever the lexicon).
TEST(ExtractTest, ALexiconsMonthNamesDateThePageAndEndTheByline) {
  const std::string html =
      "<html><head><title>Harga Beras Turun</title>"
      "<meta name=\"date\" content=\"12 Pebruarie 2024 10:15 WIB\"></head><body><article>"
      "<h1>Harga Beras Turun</h1><div class=\"byline\">Andi Saputra 12 Pebruarie 2024</div>"
      "<p>Harga beras medium di Pasar Induk Cipinang turun pekan ini setelah pasokan dari sentra produksi "
      "di Jawa Tengah dan Jawa Timur kembali lancar, kata para pedagang kepada wartawan.</p>"
      "<p>Pedagang berharap harga tetap stabil menjelang bulan puasa tahun ini.</p></article></body></html>";
  auto builtin = Extract(html, {}, {});
  ASSERT_TRUE(builtin.ok()) << builtin.status().ToString();
  EXPECT_EQ(builtin->published, "");

  warta::testing::TempDir dir;
  warta::testing::WriteFile(dir / "months.tsv",
                            ReadFile(SourceDir() / "src/text/data/lexicon/months.tsv") + "pebruarie\t2\n");
  auto lexicon = text::Lexicon::Load(dir.path().string());
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  ExtractOptions options;
  options.dates = std::make_shared<const text::DateVocabulary>(text::DateVocabulary::FromLexicon(**lexicon));
  auto page = Extract(html, {}, options);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->published, "2024-02-12T10:15:00+07:00");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Andi Saputra"}));
}

TEST(ExtractTest, EditorCreditsAndVisibleBylines) {
  auto page = Extract(Fixture("editor_credit.html"), {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  // "Editor" in one cell, ": name" in the next; the staff list's bare
  // "Editor" job title is no credit.
  EXPECT_EQ(page->editors, (std::vector<std::string>{"Dewi Anggraini"}));
  // The JSON-LD author is the credited editor; the "Penulis" credit names
  // the writer. The comment's byline and the profile URL name no one.
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Rahmat Hidayat"}));
  // JSON-LD wrapped in //<![CDATA[ ... //]]> is read.
  EXPECT_EQ(page->modified, "2024-06-03T09:00:00+07:00");
  // The headline as shown, with its rubric.
  EXPECT_EQ(page->title, "FOTO: Jembatan Gantung Desa Sukamaju Selesai Dibangun");
  // The dateline beside the article's headline, not the one beside its copy
  // in the most-read list.
  EXPECT_EQ(page->published, "2024-06-03T07:25:00+07:00");
  RawDocument doc = page->ToRawDocument("a.html");
  EXPECT_EQ(doc.editors, page->editors);
  EXPECT_EQ(doc.authors, page->authors);
}

TEST(ExtractTest, CompanyAsAuthorYieldsToTheCreditAndCreditsLeaveTheText) {
  const std::string html =
      "<html><head><title>Harga Cabai Turun di Pasar Kota</title>"
      "<meta name=\"author\" content=\"Warta Contoh Media\"></head><body><article>"
      "<p>Harga cabai rawit di pasar kota turun hampir separuh dalam sepekan, karena panen di sejumlah sentra "
      "produksi datang bersamaan dan pasokan melimpah sejak awal bulan.</p>"
      "<p>Pedagang berharap harga kembali stabil menjelang hari raya, ketika permintaan biasanya naik.</p>"
      "<table><tr><td>Penulis</td><td>: Kontributor Sukamaju, Rahmat Hidayat</td></tr>"
      "<tr><td>Editor</td><td>: Dewi Anggraini</td></tr></table></article></body></html>";
  PageContext ctx;
  ctx.url = "https://www.wartacontoh.co.id/ekonomi/harga-cabai";
  auto page = Extract(html, ctx, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  // The <meta> author names the site: the "Penulis" credit replaces it, less
  // the role and place before the name.
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Rahmat Hidayat"}));
  EXPECT_EQ(page->editors, (std::vector<std::string>{"Dewi Anggraini"}));
  for (const char* credit : {"Penulis", "Rahmat Hidayat", "Editor", "Dewi Anggraini"})
    EXPECT_FALSE(Has(*page, credit)) << credit << " left in:\n" << Joined(*page);
  EXPECT_TRUE(Has(*page, "Pedagang berharap"));
}

TEST(ExtractTest, BylineElementLosesItsDateAndLaterBylines) {
  const std::string html =
      "<html><head><title>Harga Cabai Turun di Pasar Kota</title>"
      "<meta name=\"author\" content=\"https://www.facebook.com/pasarkota\"></head><body>"
      "<h1>Harga Cabai Turun di Pasar Kota</h1>"
      "<div class=\"byline\">By Sari Lestari - Jun 3, 2024 7:25 am</div>"
      "<article><p>Harga cabai rawit di pasar kota turun hampir separuh dalam sepekan, karena panen di "
      "sejumlah sentra produksi datang bersamaan dan pasokan melimpah sejak awal bulan.</p>"
      "<p>Pedagang berharap harga kembali stabil menjelang hari raya, ketika permintaan biasanya naik.</p>"
      "</article><div class=\"comments\"><span class=\"comment-author\">Budi Santoso</span>"
      "<p>Semoga harga tetap murah.</p></div></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Sari Lestari"}));
  EXPECT_TRUE(page->editors.empty());
}

TEST(ExtractTest, LooseTextBesideBlocksAndInlineLinks) {
  // The story is text loose in a column, beside a title paragraph and a
  // share row; the other column is a long archive menu.
  std::string menu = "<ul>";
  for (int i = 0; i < 60; ++i) menu += "<li><a href=\"/arsip?m=" + std::to_string(i) + "\">Arsip bulan " +
                                       std::to_string(i) + "</a></li>";
  menu += "</ul>";
  const std::string html =
      "<html><body><div class=\"row\"><div class=\"col-3\">" + menu +
      "</div><div class=\"col-9\"><p class=\"titulo\">Mobil Dinas Dibobol di Garasi Puskesmas</p>"
      "<small>05/10/2018</small><br>Petugas puskesmas menemukan dua mobil dinas dibobol pada pagi hari, "
      "dengan aki hilang, kaca pecah, dan jok robek. <span><a href=\"/lapor\">Laporan polisi</a></span> sudah "
      "dibuat, polisi sudah datang, dan pasien yang dijadwalkan pagi ini dipindah ke sore hari, kata kepala "
      "dinas kesehatan, yang berharap layanan pulih besok, paling lambat lusa.<br><br>"
      "<div class=\"row\"><a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a></div></div></div>"
      "<div class=\"kontak\"><p>Pemerintah Kota Contoh, Jalan Merdeka 1, Kota Contoh, Kode Pos 12345.</p>"
      "<p>Telepon 021-555-0100, faksimile 021-555-0101, surel humas di kantor wali kota.</p></div>"
      "</body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(Has(*page, "menemukan dua mobil dinas dibobol")) << Joined(*page);
  // A link inside a sentence is part of it.
  EXPECT_TRUE(Has(*page, "Laporan polisi sudah dibuat")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "Arsip bulan")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "Kode Pos")) << Joined(*page);
}

TEST(ExtractTest, PhotoPageKeepsCaptionsDropsLinkLists) {
  std::string figures;
  for (const char* c : {"Warga menyeberangi jembatan gantung yang baru selesai dibangun di Desa Sukamaju, "
                        "Senin pagi, sebelum berangkat ke pasar.",
                        "Anak-anak sekolah berjalan di atas jembatan gantung sepanjang delapan puluh meter "
                        "yang menghubungkan dua dusun di tepi sungai.",
                        "Kepala desa memeriksa tali baja jembatan bersama warga yang ikut bergotong royong "
                        "selama empat bulan pembangunan."})
    figures += std::string("<figure><img src=\"a.jpg\"><figcaption>") + c + "</figcaption></figure>";
  const std::string html =
      "<html><body><div class=\"galeri\"><div class=\"foto\">" + figures +
      "</div><ul class=\"label\"><li><a href=\"/t/1\">Jembatan</a></li><li><a href=\"/t/2\">Sukamaju</a>"
      "</li><li><a href=\"/t/3\">Gotong Royong</a></li><li><a href=\"/t/4\">Desa</a></li></ul>"
      "<div class=\"lain\"><a href=\"/b\">Harga Gabah Naik Menjelang Panen Raya di Kabupaten</a></div>"
      "</div></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(Has(*page, "Warga menyeberangi jembatan gantung")) << Joined(*page);
  EXPECT_TRUE(Has(*page, "Kepala desa memeriksa tali baja")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "Gotong Royong")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "Harga Gabah")) << Joined(*page);
}

TEST(ExtractTest, OtherNewsBlockNamedWithTheArticleWordIsFurniture) {
  // "berita-lainnya" (other news) holds the word "berita" (news), which
  // alone would say article; the list of other stories still goes, even
  // when its summaries are plain text rather than links.
  std::string others;
  for (int i = 0; i < 4; ++i)
    others += "<li><a href=\"/b" + std::to_string(i) + "\"><span>Judul berita lain nomor " + std::to_string(i) +
              "</span></a><p>Ringkasan berita lain yang cukup panjang, berisi satu kalimat tentang peristiwa "
              "yang berbeda, tanpa tautan di dalamnya.</p></li>";
  const std::string html =
      "<html><body><div class=\"konten\"><p>Harga cabai rawit di pasar kota turun hampir separuh dalam "
      "sepekan, karena panen di sejumlah sentra produksi datang bersamaan.</p><p>Pedagang berharap harga "
      "kembali stabil menjelang hari raya, ketika permintaan biasanya naik, kata mereka.</p><p>Dinas "
      "perdagangan memantau harga setiap hari, dan operasi pasar disiapkan bila harga melonjak lagi.</p>"
      "<div class=\"berita-lainnya\"><span>BERITA LAINNYA</span><ul>" + others + "</ul></div></div></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(Has(*page, "Harga cabai rawit")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "BERITA LAINNYA")) << Joined(*page);
  EXPECT_FALSE(Has(*page, "Ringkasan berita lain")) << Joined(*page);
}

TEST(ExtractTest, DateFromUrlThenFallback) {
  std::string html = "<html><body><article><p>" + std::string(30, 'x') +
                     " Pemerintah daerah meresmikan jembatan baru yang menghubungkan dua desa di tepi sungai, "
                     "sehingga warga tidak perlu lagi memutar sejauh sepuluh kilometer.</p></article></body></html>";
  PageContext ctx;
  ctx.url = "https://x.example/berita/2017/03/27/jembatan-baru";
  auto page = Extract(html, ctx, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->published, "2017-03-27");
  ctx.url = "https://x.example/berita/jembatan-baru";
  ctx.fallback_date = "2019-06-01T10:00:00Z";
  page = Extract(html, ctx, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->published, "2019-06-01T10:00:00Z");
  EXPECT_EQ(page->outlet, "x.example");  // no declared site name: the host
}

TEST(ExtractTest, TruncatedAndBodylessPagesRecover) {
  auto t = Extract(Fixture("truncated.html"), {}, {});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(Has(*t, "Air yang merendam kawasan Kota Lama"));
  EXPECT_TRUE(Has(*t, "mengganggu pernapasan war"));
  auto n = Extract(Fixture("no_body.html"), {}, {});
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->title, "Petani Garam Panen Lebih Awal");
  EXPECT_TRUE(Has(*n, "Petani garam di pesisir utara"));
  EXPECT_TRUE(Has(*n, "agar usaha mereka tetap berjalan"));
}

TEST(ExtractTest, BinaryAndEmptyAreRefused) {
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto b = Extract(binary, {}, {});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(b.status().message().find("binary"), std::string::npos);
  auto e = Extract("  \n ", {}, {});
  ASSERT_FALSE(e.ok());
  auto nothing = Extract("<html><body><nav><a href=/>Beranda</a></nav></body></html>", {}, {});
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.status().message(), "no article text found");
}

TEST(ExtractTest, TooLargeIsRefusedByOption) {
  ExtractOptions o;
  o.max_input_bytes = 100;
  auto r = Extract(std::string(200, 'a'), {}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

TEST(ExtractTest, HundredThousandNestedTagsDoNotOverflow) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Teks yang sangat dalam, berada di bawah seratus ribu elemen, tetap aman dibaca oleh pengurai.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>Paragraf penutup yang berada di luar tumpukan elemen, cukup panjang untuk dianggap isi berita.</p>";
  html += "</body></html>";
  auto page = Extract(html, {}, {});
  // libxml2 caps the depth; whatever it keeps, nothing crashes and the
  // answer is a page or a clear error.
  if (page.ok()) { EXPECT_FALSE(page->blocks.empty()); }
  else EXPECT_EQ(page.status().code(), StatusCode::kCorrupt);
}

TEST(ExtractTest, TwentyMegabytePage) {
  std::string para =
      "<p>Rapat paripurna membahas rancangan anggaran daerah, dengan catatan dari setiap fraksi tentang belanja "
      "pegawai, pembangunan jalan, dan bantuan sosial bagi warga miskin.</p>\n";
  std::string html = "<html><head><title>Rapat Paripurna Bahas Anggaran Daerah - Kabar</title></head><body><article>";
  while (html.size() < (20u << 20)) html += para;
  html += "</article></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_GT(page->blocks.size(), 50000u);
  EXPECT_EQ(page->title, "Rapat Paripurna Bahas Anggaran Daerah");
}

TEST(CharsetTest, WrongDeclaredLegacyCharsetIsCorrected) {
  // Declares ISO-8859-1 but the bytes are UTF-8: "Café" would otherwise turn to "CafÃ©".
  std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                     "</head><body><p>Kafe baru bernama Caf\xC3\xA9 Senja dibuka di pusat kota, menyajikan kopi "
                     "dari petani lokal dan roti buatan sendiri setiap pagi.</p></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(Has(*page, "Caf\xC3\xA9 Senja"));
  EXPECT_EQ(page->charset, "UTF-8");
  EXPECT_NE(page->charset_note.find("declared WINDOWS-1252"), std::string::npos) << page->charset_note;
}

TEST(CharsetTest, WrongDeclaredUtf8IsDetected) {
  // Declares UTF-8 but is Windows-1252 (0xE9 = é, 0x93/0x94 curly quotes).
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><p>Kafe baru bernama Caf\xE9 Senja "
                     "dibuka di pusat kota. \x93Kopinya enak sekali,\x94 kata seorang pengunjung yang datang "
                     "bersama keluarganya pada akhir pekan.</p></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(Has(*page, "Caf\xC3\xA9 Senja")) << Joined(*page);
  EXPECT_TRUE(Has(*page, "\xE2\x80\x9CKopinya")) << Joined(*page);
  EXPECT_NE(page->charset_note.find("declared UTF-8"), std::string::npos) << page->charset_note;
}

TEST(CharsetTest, HttpHeaderBeatsMetaAndBomBeatsBoth) {
  std::string body = "<p>Kafe baru bernama Caf\xE9 Senja dibuka di pusat kota dengan menu sarapan yang murah, "
                     "sehingga ramai dikunjungi mahasiswa dari kampus terdekat.</p>";
  std::string html = "<html><head><meta charset=\"koi8-r\"></head><body>" + body + "</body></html>";
  PageContext ctx;
  ctx.content_type = "text/html; charset=windows-1252";
  auto page = Extract(html, ctx, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->charset, "WINDOWS-1252");
  EXPECT_TRUE(Has(*page, "Caf\xC3\xA9"));
  std::string bom = "\xEF\xBB\xBF<html><body><p>Kafe baru bernama Caf\xC3\xA9 Senja dibuka di pusat kota, "
                    "menyajikan kopi dari petani lokal dan roti buatan sendiri.</p></body></html>";
  page = Extract(bom, ctx, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->charset, "UTF-8");
  EXPECT_TRUE(Has(*page, "Caf\xC3\xA9"));
}

TEST(CharsetTest, UndeclaredUtf8StaysUtf8) {
  // No declaration anywhere: the parser must not fall back to Latin-1.
  std::string html = "<html><body><p>Kafe baru bernama Caf\xC3\xA9 Senja dibuka di pusat kota, menyajikan kopi "
                     "dari petani lokal dan roti buatan sendiri setiap pagi.</p></body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(Has(*page, "Caf\xC3\xA9 Senja")) << Joined(*page);
  EXPECT_EQ(page->charset, "UTF-8");
  EXPECT_TRUE(page->charset_note.empty()) << page->charset_note;
}

TEST(CharsetTest, MetaPrescan) {
  EXPECT_EQ(internal::CharsetFromMeta("<head><meta charset='Shift_JIS'>"), "Shift_JIS");
  EXPECT_EQ(internal::CharsetFromMeta("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=GBK\">"), "GBK");
  EXPECT_EQ(internal::CharsetFromMeta("<p>charset=utf-8</p>"), "");
  EXPECT_EQ(internal::CharsetFromContentType("text/html;charset=\"UTF-8\""), "UTF-8");
}

TEST(LanguageTest, DeclaredCheckedAgainstText) {
  const std::string id =
      "Pemerintah mengatakan bahwa harga bahan bakar tidak akan naik tahun ini karena subsidi sudah "
      "disiapkan, tetapi masyarakat diminta tetap berhemat.";
  const std::string en =
      "The government said fuel prices will not rise this year because subsidies have already been "
      "budgeted, but people were asked to keep saving energy.";
  EXPECT_EQ(internal::DecideLanguage("id-ID", id, true), "id");
  EXPECT_EQ(internal::DecideLanguage("in", "", true), "id");
  EXPECT_EQ(internal::DecideLanguage("", id, true), "id");
  EXPECT_EQ(internal::DecideLanguage("", en, true), "en");
  // A template's lang="en" over Indonesian text.
  EXPECT_EQ(internal::DecideLanguage("en", id, true), "id");
  EXPECT_EQ(internal::DecideLanguage("en", id, false), "en");
  const std::string ms =
      "Kerajaan berkata bahawa harga minyak tidak akan naik tahun ini kerana subsidi telah disediakan, "
      "bagaimanapun rakyat diminta berjimat dan beliau berharap semua pihak boleh memberi kerjasama sahaja.";
  EXPECT_EQ(internal::DecideLanguage("", ms, true), "ms");
}

TEST(LanguageTest, LongTextConfirmsOrOverrulesTheDeclaration) {
  const std::string id =
      "Pemerintah kota mengatakan bahwa jembatan yang rusak akibat banjir akan diperbaiki dalam dua bulan, "
      "karena dana darurat sudah disiapkan oleh dinas pekerjaan umum. Menurut kepala dinas, perbaikan itu "
      "dilakukan bersama warga yang tinggal di sekitar sungai, dan jalur sementara dibuka untuk pejalan kaki "
      "serta sepeda motor. Warga berharap pekerjaan selesai sebelum musim hujan, sebab jembatan itu menjadi "
      "satu-satunya akses ke pasar dan sekolah di seberang sungai.";
  const std::string en =
      "The city government said that the bridge damaged by the flood will be repaired within two months, "
      "because emergency funds have already been prepared by the public works office. According to the head "
      "of the office, the repair is being done with residents who live near the river, and a temporary path "
      "has been opened for pedestrians and motorcycles. Residents hope the work is finished before the rainy "
      "season, as the bridge is the only way to the market and the school across the river.";
  EXPECT_EQ(internal::DecideLanguage("id", id, true), "id");
  EXPECT_EQ(internal::DecideLanguage("en", en, true), "en");
  // A declaration the function words do not confirm goes to cld2.
  EXPECT_EQ(internal::DecideLanguage("en", id, true), "id");
  EXPECT_EQ(internal::DecideLanguage("id", en, true), "en");
  EXPECT_EQ(internal::DecideLanguage("de", en, true), "en");
}

}  // namespace
}  // namespace warta::html

namespace warta::html {
namespace {

// Issue 14, finding 4: libxml2 compares each attribute with every earlier
// one of its tag, so 100,000 attributes on <body> took 54 s to parse. The
// page is refused by a linear pre-scan before the parser sees it.
TEST(ExtractTest, HundredThousandAttributesOnBodyAreRefusedQuickly) {
  std::string html = "<html><head><title>Uji</title></head><body";
  for (int i = 0; i < 100000; ++i) html += " data-a" + std::to_string(i) + "=\"x\"";
  html += "><article><p>Wali kota meresmikan taman baru di pusat kota pada Senin pagi bersama warga.</p></article>"
          "</body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kTooLarge);
  EXPECT_NE(page.status().message().find("over 1000 attributes"), std::string::npos) << page.status().message();
}

TEST(ExtractTest, ATagAtTheAttributeLimitIsParsed) {
  std::string html = "<html><body";
  for (size_t i = 0; i < kMaxAttributesPerTag; ++i) html += " a" + std::to_string(i) + "=x";
  html += "><article><p>Wali kota meresmikan taman baru di pusat kota pada Senin pagi bersama warga kampung."
          "</p><p>Warga menyambut taman itu dengan gembira dan berjanji akan merawatnya bersama.</p></article>"
          "</body></html>";
  auto page = Extract(html, {}, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(Has(*page, "Wali kota meresmikan taman"));
}

TEST(ExtractTest, AttributeCountReadsTagsAsTheParserDoes) {
  using internal::MostAttributesOnOneTag;
  EXPECT_EQ(MostAttributesOnOneTag("<p>a < b and c > d</p>", 100), 0u);  // '<' before a space: text
  EXPECT_EQ(MostAttributesOnOneTag("<a href=\"x > y z\" class='q r' hidden data-x=1>t</a>", 100), 4u);
  EXPECT_EQ(MostAttributesOnOneTag("<!-- <p a b c d e f> --><p a b>", 100), 2u);  // a comment is skipped
  EXPECT_EQ(MostAttributesOnOneTag("<img src=x / alt = 'y'/>", 100), 2u);
  EXPECT_EQ(MostAttributesOnOneTag("<p a b c d e f>", 3), 4u);  // stops past the limit
  EXPECT_EQ(MostAttributesOnOneTag("<p a=\"never closed", 100), 1u);
}

}  // namespace
}  // namespace warta::html
