#include "html/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "html/internal.h"
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
  if (page.ok()) EXPECT_FALSE(page->blocks.empty());
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

}  // namespace
}  // namespace warta::html
