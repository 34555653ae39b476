#include "ingest/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "test_support.h"

namespace warta::ingest {
namespace {

namespace fs = std::filesystem;
using warta::testing::TempDir;
using warta::testing::WriteFile;

struct Result {
  std::vector<RawDocument> docs;
  std::vector<Diagnostic> diags;  // every diagnostic, in order
  IngestStats stats;
  uint64_t total_bytes = 0;
  uint64_t bytes_done = 0;

  std::vector<Diagnostic> Rejections() const {
    std::vector<Diagnostic> out;
    for (const auto& d : diags) {
      if (d.severity == Diagnostic::Severity::kRejected) out.push_back(d);
    }
    return out;
  }
};

// These tests read toy articles ("satu", "dua"): the minimum article length
// is off here and tested on its own (issue14_test.cc).
IngestOptions ToyOptions() {
  IngestOptions o;
  o.min_article_letters = 0;
  return o;
}

Result ReadAll(std::vector<std::string> paths, IngestOptions options = ToyOptions()) {
  Result r;
  DocumentReader reader(std::move(paths), options,
                        [&r](const Diagnostic& d) { r.diags.push_back(d); });
  r.total_bytes = reader.total_bytes();
  RawDocument doc;
  uint64_t last_done = 0;
  while (reader.Next(&doc)) {
    EXPECT_GE(reader.bytes_done(), last_done);
    last_done = reader.bytes_done();
    r.docs.push_back(doc);
  }
  EXPECT_FALSE(reader.Next(&doc));  // stays exhausted
  r.stats = reader.stats();
  r.bytes_done = reader.bytes_done();
  return r;
}

using warta::testing::Gzip;

// Everything zlib can recover from a damaged gzip stream.
std::string GunzipPrefix(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[4096];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int ret = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (ret != Z_OK) break;
  }
  inflateEnd(&zs);
  return out;
}

std::string JsonLine(int i) {
  return "{\"title\":\"Berita " + std::to_string(i) + "\",\"text\":\"Isi berita nomor " +
         std::to_string(i) + " dengan angka " + std::to_string(i * 7919 % 104729) + ".\"}\n";
}

std::string ManyJsonLines(int n) {
  std::string s;
  for (int i = 1; i <= n; ++i) s += JsonLine(i);
  return s;
}

// Writes `size` bytes of one long line without holding them in memory.
void WriteLongLine(const fs::path& path, std::string_view prefix, size_t size,
                   std::string_view suffix) {
  std::ofstream f(path, std::ios::binary | std::ios::app);
  f << prefix;
  std::string chunk(1 << 20, 'a');
  size_t left = size;
  while (left > 0) {
    size_t k = std::min(left, chunk.size());
    f.write(chunk.data(), static_cast<std::streamsize>(k));
    left -= k;
  }
  f << suffix;
}

// ---- plain text ---------------------------------------------------------------

TEST(ReaderTextTest, ReadsWholeFileAndNormalisesLineEnds) {
  TempDir tmp;
  WriteFile(tmp / "a.txt", "Judul\r\n\r\nParagraf satu.\rParagraf dua.\n");
  Result r = ReadAll({(tmp / "a.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Judul\n\nParagraf satu.\nParagraf dua.\n");
  EXPECT_EQ(r.docs[0].source, (tmp / "a.txt").string());
  EXPECT_EQ(r.docs[0].line, 0);
  EXPECT_TRUE(r.docs[0].charset_note.empty());
  EXPECT_TRUE(r.diags.empty());
  EXPECT_EQ(r.stats.files, 1u);
  EXPECT_EQ(r.stats.documents, 1u);
  EXPECT_EQ(r.stats.rejected, 0u);
  EXPECT_EQ(r.total_bytes, fs::file_size(tmp / "a.txt"));
  EXPECT_EQ(r.bytes_done, r.total_bytes);
}

TEST(ReaderTextTest, Utf8BomIsDropped) {
  TempDir tmp;
  WriteFile(tmp / "bom.txt", "\xEF\xBB\xBFKaf\xC3\xA9");
  Result r = ReadAll({(tmp / "bom.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Kaf\xC3\xA9");
  EXPECT_TRUE(r.docs[0].charset_note.empty());
}

TEST(ReaderTextTest, EmptyFileRejected) {
  TempDir tmp;
  WriteFile(tmp / "empty.txt", "");
  WriteFile(tmp / "good.txt", "isi");
  Result r = ReadAll({(tmp / "empty.txt").string(), (tmp / "good.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "isi");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].source, (tmp / "empty.txt").string());
  EXPECT_EQ(r.diags[0].reason, "empty file");
  EXPECT_EQ(r.stats.rejected, 1u);
}

TEST(ReaderTextTest, WhitespaceOnlyRejected) {
  TempDir tmp;
  WriteFile(tmp / "ws.txt", "  \r\n\t\n  \xC2\xA0\n");
  Result r = ReadAll({(tmp / "ws.txt").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "whitespace only");
  EXPECT_EQ(r.stats.rejected, 1u);
}

TEST(ReaderTextTest, BinaryFileRejectedWithNulOffset) {
  TempDir tmp;
  std::string bin = "PK\x03\x04";
  bin += std::string("abc\0def", 7);
  WriteFile(tmp / "x.txt", bin);
  Result r = ReadAll({(tmp / "x.txt").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "binary data (NUL byte at byte 7)");
}

TEST(ReaderTextTest, ControlBytesMakeItBinary) {
  TempDir tmp;
  std::string s;
  for (int i = 0; i < 100; ++i) s += (i % 5 == 0) ? '\x01' : 'a';  // 20% control bytes
  WriteFile(tmp / "ctl.txt", s);
  Result r = ReadAll({(tmp / "ctl.txt").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "binary data (20% control bytes)");
}

TEST(ReaderTextTest, BinaryJsonlIsOneDiagnosticNotOnePerLine) {
  TempDir tmp;
  std::string bin;
  for (int i = 0; i < 50; ++i) bin += std::string("\x00\x01\n\x02", 4);
  WriteFile(tmp / "x.jsonl", bin);
  Result r = ReadAll({(tmp / "x.jsonl").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "binary data (NUL byte at byte 0)");
}

TEST(ReaderTextTest, BrokenUtf8RejectedWithOffset) {
  TempDir tmp;
  // Valid "é" (C3 A9) earlier, then a lone 0xFF: damaged UTF-8, not a legacy charset.
  WriteFile(tmp / "bad.txt", "Kaf\xC3\xA9 enak \xFF sekali");
  Result r = ReadAll({(tmp / "bad.txt").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "invalid UTF-8 at byte 11");
  EXPECT_EQ(r.diags[0].byte_offset, 11);
  EXPECT_EQ(r.diags[0].severity, Diagnostic::Severity::kRejected);
}

TEST(ReaderTextTest, Windows1252ConvertedAndNoted) {
  TempDir tmp;
  WriteFile(tmp / "legacy.txt",
            "Pemilik kaf\xE9 di Jakarta berkata \x93kopi ini enak sekali\x94 kepada "
            "wartawan pada hari Senin. Harga secangkir kopi di kaf\xE9 itu Rp 25.000.\r\n");
  Result r = ReadAll({(tmp / "legacy.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  const RawDocument& d = r.docs[0];
  EXPECT_EQ(d.charset_note, "converted from WINDOWS-1252");
  EXPECT_NE(d.text.find("kaf\xC3\xA9 di Jakarta"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("\xE2\x80\x9Ckopi ini enak sekali\xE2\x80\x9D"), std::string::npos);
  EXPECT_EQ(Utf8Validate(d.text), std::string_view::npos);
  EXPECT_EQ(d.text.back(), '\n');
  EXPECT_EQ(r.stats.rejected, 0u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_NE(r.diags[0].reason.find("WINDOWS-1252"), std::string::npos);
}

TEST(ReaderTextTest, Utf16LittleEndianWithBom) {
  TempDir tmp;
  std::string le = "\xFF\xFE";
  std::u16string text = u"Kafé \u201Cenak\u201D\r\nbaris 2";
  for (char16_t c : text) {
    le += static_cast<char>(c & 0xFF);
    le += static_cast<char>(c >> 8);
  }
  WriteFile(tmp / "u16.txt", le);
  Result r = ReadAll({(tmp / "u16.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u) << (r.diags.empty() ? "" : r.diags[0].ToString());
  EXPECT_EQ(r.docs[0].text, "Kaf\xC3\xA9 \xE2\x80\x9C" "enak\xE2\x80\x9D\nbaris 2");
  EXPECT_EQ(r.docs[0].charset_note, "converted from UTF-16LE");
  EXPECT_EQ(r.stats.rejected, 0u);
}

TEST(ReaderTextTest, Utf16BigEndianJsonlWithBom) {
  TempDir tmp;
  std::string be = "\xFE\xFF";
  std::u16string text = u"{\"text\":\"satu é\"}\n{\"text\":\"dua\"}\n";
  for (char16_t c : text) {
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xFF);
  }
  WriteFile(tmp / "u16.jsonl", be);
  Result r = ReadAll({(tmp / "u16.jsonl").string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "satu \xC3\xA9");
  EXPECT_EQ(r.docs[1].line, 2);
  EXPECT_EQ(r.docs[1].charset_note, "converted from UTF-16BE");
}

TEST(ReaderTextTest, DamagedUtf16Rejected) {
  TempDir tmp;
  // "a", a lone high surrogate, "b".
  WriteFile(tmp / "bad16.txt", std::string("\xFF\xFE" "a\0" "\x00\xD8" "b\0", 8));
  Result r = ReadAll({(tmp / "bad16.txt").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason.rfind("invalid UTF-16", 0), 0u) << r.diags[0].reason;
  EXPECT_EQ(r.stats.rejected, 1u);
}

TEST(ReaderTextTest, OverLimitTxtRejectedWithSizeAndBatchGoesOn) {
  TempDir tmp;
  const size_t kSize = 50u << 20;
  WriteLongLine(tmp / "big.txt", "", kSize, "");
  WriteFile(tmp / "next.txt", "berikutnya");
  Result r = ReadAll({(tmp / "big.txt").string(), (tmp / "next.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "berikutnya");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].source, (tmp / "big.txt").string());
  EXPECT_EQ(r.diags[0].reason, "document too large: 52428800 bytes (limit 8388608)");
  EXPECT_EQ(r.bytes_done, r.total_bytes);
}

TEST(ReaderTextTest, OverLimitGzippedTxtRejected) {
  TempDir tmp;
  WriteFile(tmp / "big.txt.gz", Gzip(std::string(3000, 'x')));
  IngestOptions opt = ToyOptions();
  opt.max_document_bytes = 1000;
  Result r = ReadAll({(tmp / "big.txt.gz").string()}, opt);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_NE(r.diags[0].reason.find("document too large"), std::string::npos);
}

// ---- JSONL ----------------------------------------------------------------------

TEST(ReaderJsonlTest, MalformedLinesNamedGoodOnesDelivered) {
  TempDir tmp;
  WriteFile(tmp / "a.jsonl",
            "{\"text\":\"satu\"}\n"                // 1
            "{\"text\":\"dua\"}\r\n"               // 2 (CRLF)
            "{\"text\":\"tiga\"\n"                 // 3 malformed
            "[1,2]\n"                              // 4 not an object
            "{\"title\":\"tanpa isi\"}\n"          // 5 no text
            "\n"                                   // 6 blank: silent
            "   \t\n"                              // 7 blank: silent
            "{\"text\":42}\n"                      // 8 text not a string
            "{\"text\":\"   \"}\n"                 // 9 empty text
            "{\"text\":\"delapan\"}");             // 10, no final newline
  Result r = ReadAll({(tmp / "a.jsonl").string()});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].text, "satu");
  EXPECT_EQ(r.docs[0].line, 1);
  EXPECT_EQ(r.docs[1].text, "dua");
  EXPECT_EQ(r.docs[1].line, 2);
  EXPECT_EQ(r.docs[2].text, "delapan");
  EXPECT_EQ(r.docs[2].line, 10);
  EXPECT_EQ(r.docs[2].Locator(), (tmp / "a.jsonl").string() + ":10");
  ASSERT_EQ(r.diags.size(), 5u);
  std::vector<int64_t> lines;
  for (const auto& d : r.diags) {
    lines.push_back(d.line);
    EXPECT_EQ(d.source, (tmp / "a.jsonl").string());
  }
  EXPECT_EQ(lines, (std::vector<int64_t>{3, 4, 5, 8, 9}));
  EXPECT_NE(r.diags[0].reason.find("malformed JSON"), std::string::npos) << r.diags[0].reason;
  EXPECT_EQ(r.diags[1].reason, "not a JSON object (found array)");
  EXPECT_EQ(r.diags[2].reason, "no \"text\" or \"paragraphs\" field");
  EXPECT_EQ(r.diags[3].reason, "\"text\" is a number, not a string");
  EXPECT_EQ(r.stats.rejected, 5u);
  EXPECT_EQ(r.stats.documents, 3u);
}

TEST(ReaderJsonlTest, InvalidUtf8LineRejectedByLineNumber) {
  TempDir tmp;
  WriteFile(tmp / "a.jsonl",
            "{\"text\":\"kaf\xC3\xA9\"}\n"
            "{\"text\":\"kaf\xC3\xA9 \xC3\"}\n"
            "{\"text\":\"tiga\"}\n");
  Result r = ReadAll({(tmp / "a.jsonl").string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].line, 3);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].line, 2);
  EXPECT_EQ(r.diags[0].reason, "invalid UTF-8 at byte 15");
}

TEST(ReaderJsonlTest, LegacyCharsetLineConverted) {
  TempDir tmp;
  WriteFile(tmp / "a.jsonl",
            "{\"text\":\"Pemilik kaf\xE9 di Jakarta berkata \x93kopi ini enak sekali\x94 kepada "
            "wartawan pada hari Senin.\"}\n{\"text\":\"biasa\"}\n");
  Result r = ReadAll({(tmp / "a.jsonl").string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].charset_note, "converted from WINDOWS-1252");
  EXPECT_NE(r.docs[0].text.find("kaf\xC3\xA9"), std::string::npos);
  EXPECT_TRUE(r.docs[1].charset_note.empty());
  EXPECT_EQ(r.stats.rejected, 0u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(r.diags[0].line, 1);
}

TEST(ReaderJsonlTest, MetadataAndAliases) {
  TempDir tmp;
  WriteFile(tmp / "a.ndjson",
            "{\"text\":\"a\\r\\nb\",\"title\":\"Judul\",\"url\":\"https://x/1\",\"date\":\"2024-11-19\","
            "\"outlet\":\"Antara\",\"language\":\"id\",\"author\":\"Amastya\"}\n"
            "{\"text\":\"c\",\"source_url\":\"https://y/2\",\"published\":1490674536,"
            "\"source\":\"kumparan\",\"lang\":\"en\",\"authors\":[\"A\",{\"name\":\"B\"},7]}\n"
            "{\"text\":\"d\",\"url\":\"\",\"source_url\":\"https://z\",\"datePublished\":\"2017\"}\n");
  Result r = ReadAll({(tmp / "a.ndjson").string()});
  ASSERT_EQ(r.docs.size(), 3u);
  const RawDocument& a = r.docs[0];
  EXPECT_EQ(a.text, "a\nb");
  EXPECT_EQ(a.title, "Judul");
  EXPECT_EQ(a.url, "https://x/1");
  EXPECT_EQ(a.date, "2024-11-19");
  EXPECT_EQ(a.outlet, "Antara");
  EXPECT_EQ(a.language, "id");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Amastya"}));
  const RawDocument& b = r.docs[1];
  EXPECT_EQ(b.url, "https://y/2");
  EXPECT_EQ(b.date, "1490674536");
  EXPECT_EQ(b.outlet, "kumparan");
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(r.docs[2].url, "https://z");
  EXPECT_EQ(r.docs[2].date, "2017");
  // The author 7 is no name: dropped, and said (issue 14 finding 12).
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(r.diags[0].line, 2);
  EXPECT_EQ(r.diags[0].reason, "\"authors\" holds a number, expected a name string or {\"name\": string}; dropped");
}

TEST(ReaderJsonlTest, ParagraphShapes) {
  TempDir tmp;
  WriteFile(tmp / "p.jsonl",
            // strings
            "{\"paragraphs\":[\"Satu.\",\"  \",\"Dua.\"]}\n"
            // sentences
            "{\"paragraphs\":[[\"Kalimat satu.\",\"Kalimat dua.\"],[\"Tiga.\"]]}\n"
            // IndoSum token lists; the quote spans two sentences
            "{\"paragraphs\":[[[\"\\\"\",\"Tidak\",\"hanya\",\"tarif\",\".\"],"
            "[\"Kan\",\"bisa\",\",\",\"\\\"\",\"ucap\",\"Zulkifli\",\"(\",\"27\",\"/\",\"3\",\")\","
            "\".\"]],[[\"Baca\",\"juga\",\":\",\"Setya\"]]]}\n"
            // a number where a paragraph should be
            "{\"paragraphs\":[\"ok\",5]}\n"
            // text wins over paragraphs
            "{\"text\":\"teks\",\"paragraphs\":[\"p\"]}\n");
  Result r = ReadAll({(tmp / "p.jsonl").string()});
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].paragraphs, (std::vector<std::string>{"Satu.", "Dua."}));
  EXPECT_TRUE(r.docs[0].text.empty());
  EXPECT_EQ(r.docs[1].paragraphs,
            (std::vector<std::string>{"Kalimat satu. Kalimat dua.", "Tiga."}));
  EXPECT_EQ(r.docs[2].paragraphs,
            (std::vector<std::string>{"\"Tidak hanya tarif. Kan bisa,\" ucap Zulkifli (27/3).",
                                      "Baca juga: Setya"}));
  EXPECT_EQ(r.docs[3].text, "teks");
  EXPECT_TRUE(r.docs[3].paragraphs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].line, 4);
  EXPECT_EQ(r.diags[0].reason, "paragraphs[1] is a number, not a string or array");
}

TEST(ReaderJsonlTest, OverLongLineSkippedFollowingLinesRead) {
  TempDir tmp;
  fs::path p = tmp / "big.jsonl";
  WriteFile(p, "{\"text\":\"sebelum\"}\n");
  const size_t kSize = 50u << 20;
  WriteLongLine(p, "{\"text\":\"", kSize, "\"}\n");
  {
    std::ofstream f(p, std::ios::binary | std::ios::app);
    f << "{\"text\":\"sesudah\"}\n";
  }
  Result r = ReadAll({p.string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "sebelum");
  EXPECT_EQ(r.docs[1].text, "sesudah");
  EXPECT_EQ(r.docs[1].line, 3);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].line, 2);
  EXPECT_EQ(r.diags[0].reason,
            "line too long: " + std::to_string(kSize + 11) + " bytes (limit 8388608)");
}

TEST(ReaderJsonlTest, WhitespaceOnlyJsonlRejectedOnce) {
  TempDir tmp;
  WriteFile(tmp / "ws.jsonl", "\n\n   \n");
  Result r = ReadAll({(tmp / "ws.jsonl").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "whitespace only");
}

// ---- gzip -----------------------------------------------------------------------

TEST(ReaderGzipTest, JsonlGzAndTxtGz) {
  TempDir tmp;
  WriteFile(tmp / "a.jsonl.gz", Gzip(ManyJsonLines(3)));
  WriteFile(tmp / "b.txt.gz", Gzip("teks terkompresi\n"));
  Result r = ReadAll({(tmp / "a.jsonl.gz").string(), (tmp / "b.txt.gz").string()});
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].title, "Berita 1");
  EXPECT_EQ(r.docs[2].line, 3);
  EXPECT_EQ(r.docs[3].text, "teks terkompresi\n");
  EXPECT_TRUE(r.diags.empty());
  EXPECT_EQ(r.bytes_done, r.total_bytes);
  EXPECT_EQ(r.total_bytes, fs::file_size(tmp / "a.jsonl.gz") + fs::file_size(tmp / "b.txt.gz"));
}

TEST(ReaderGzipTest, MultiMemberStream) {
  TempDir tmp;
  WriteFile(tmp / "m.jsonl.gz", Gzip(JsonLine(1) + JsonLine(2)) + Gzip(JsonLine(3)));
  WriteFile(tmp / "m.txt.gz", Gzip("bagian satu, ") + Gzip("") + Gzip("bagian dua"));
  Result r = ReadAll({(tmp / "m.jsonl.gz").string(), (tmp / "m.txt.gz").string()});
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[2].title, "Berita 3");
  EXPECT_EQ(r.docs[2].line, 3);
  EXPECT_EQ(r.docs[3].text, "bagian satu, bagian dua");
  EXPECT_TRUE(r.diags.empty());
}

TEST(ReaderGzipTest, TruncatedJsonlKeepsCompleteLinesBeforeDamage) {
  TempDir tmp;
  const int kLines = 5000;
  std::string gz = Gzip(ManyJsonLines(kLines));
  std::string cut = gz.substr(0, gz.size() / 2);
  WriteFile(tmp / "t.jsonl.gz", cut);
  WriteFile(tmp / "after.txt", "file berikutnya");

  std::string recoverable = GunzipPrefix(cut);
  const size_t complete = static_cast<size_t>(std::count(recoverable.begin(), recoverable.end(), '\n'));
  ASSERT_GT(complete, 0u);
  ASSERT_LT(complete, static_cast<size_t>(kLines));

  Result r = ReadAll({(tmp / "t.jsonl.gz").string(), (tmp / "after.txt").string()});
  ASSERT_EQ(r.docs.size(), complete + 1);
  for (size_t i = 0; i < complete; ++i) {
    ASSERT_EQ(r.docs[i].line, static_cast<int64_t>(i + 1));
    ASSERT_EQ(r.docs[i].title, "Berita " + std::to_string(i + 1));
  }
  EXPECT_EQ(r.docs.back().text, "file berikutnya");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].source, (tmp / "t.jsonl.gz").string());
  EXPECT_EQ(r.diags[0].reason, "truncated gzip stream");
  EXPECT_EQ(r.diags[0].byte_offset, static_cast<int64_t>(cut.size()));
  EXPECT_EQ(r.stats.rejected, 1u);
}

TEST(ReaderGzipTest, CorruptMemberHeaderReportsOffset) {
  TempDir tmp;
  std::string first = Gzip(ManyJsonLines(3));
  std::string second = Gzip(JsonLine(4));
  second[2] = '\x07';  // compression method: not deflate
  WriteFile(tmp / "c.jsonl.gz", first + second);
  Result r = ReadAll({(tmp / "c.jsonl.gz").string()});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[2].title, "Berita 3");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "corrupt gzip stream (unknown compression method)");
  EXPECT_GE(r.diags[0].byte_offset, static_cast<int64_t>(first.size()));
  EXPECT_LE(r.diags[0].byte_offset, static_cast<int64_t>(first.size() + 10));  // in its header
}

TEST(ReaderGzipTest, ChecksumMismatch) {
  TempDir tmp;
  std::string gz = Gzip("teks yang rusak di jalan\n");
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0x55);  // CRC-32 in the trailer
  WriteFile(tmp / "crc.txt.gz", gz);
  std::string lines = Gzip(ManyJsonLines(2));
  lines[lines.size() - 8] = static_cast<char>(lines[lines.size() - 8] ^ 0x55);
  WriteFile(tmp / "crc.jsonl.gz", lines);
  Result r = ReadAll({(tmp / "crc.txt.gz").string(), (tmp / "crc.jsonl.gz").string()});
  // The .txt is held until its end, so it is rejected whole; JSONL lines are
  // streamed, so the damage is reported after them.
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].line, 1);
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].source, (tmp / "crc.txt.gz").string());
  EXPECT_EQ(r.diags[0].reason, "corrupt gzip stream (incorrect data check)");
  EXPECT_EQ(r.diags[1].source, (tmp / "crc.jsonl.gz").string());
  EXPECT_EQ(r.diags[1].reason, "corrupt gzip stream (incorrect data check)");
  EXPECT_GT(r.diags[1].byte_offset, 0);
}

TEST(ReaderGzipTest, TruncatedTxtRejected) {
  TempDir tmp;
  std::string gz = Gzip(ManyJsonLines(2000));  // any text
  WriteFile(tmp / "t.txt.gz", gz.substr(0, gz.size() - 10));
  Result r = ReadAll({(tmp / "t.txt.gz").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].reason, "truncated gzip stream");
  EXPECT_EQ(r.diags[0].byte_offset, static_cast<int64_t>(gz.size() - 10));
}

TEST(ReaderGzipTest, DetectedByMagicWhateverTheName) {
  TempDir tmp;
  WriteFile(tmp / "plain.txt", Gzip("sebenarnya gzip"));
  WriteFile(tmp / "feed.dat", Gzip(JsonLine(1)));
  Result r = ReadAll({(tmp / "plain.txt").string(), (tmp / "feed.dat").string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "sebenarnya gzip");
  EXPECT_EQ(r.docs[1].title, "Berita 1");  // sniffed as JSONL after decompression
  EXPECT_EQ(r.docs[1].line, 1);
}

TEST(ReaderGzipTest, TrailingGarbageWarnedNotLost) {
  TempDir tmp;
  WriteFile(tmp / "g.jsonl.gz", Gzip(JsonLine(1)) + std::string(16, '\0'));
  Result r = ReadAll({(tmp / "g.jsonl.gz").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.stats.rejected, 0u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Diagnostic::Severity::kWarning);
}

// ---- paths, walks, sniffing -----------------------------------------------------------

TEST(ReaderPathTest, MissingPathReportedOthersRead) {
  TempDir tmp;
  WriteFile(tmp / "ok.txt", "ada");
  std::string missing = (tmp / "tidak-ada.jsonl").string();
  std::vector<Diagnostic> seen;
  DocumentReader reader({missing, (tmp / "ok.txt").string()}, ToyOptions(),
                        [&seen](const Diagnostic& d) { seen.push_back(d); });
  EXPECT_TRUE(seen.empty());  // nothing is reported from the constructor
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.text, "ada");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].source, missing);
  EXPECT_EQ(seen[0].reason, "no such file or directory");
  EXPECT_EQ(seen[0].ToString(), missing + ": rejected: no such file or directory");
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_EQ(reader.stats().rejected, 1u);
}

TEST(ReaderPathTest, UnreadableDirectoryAndFile) {
  TempDir tmp;
  WriteFile(tmp / "locked" / "a.txt", "rahasia");
  WriteFile(tmp / "open" / "b.txt", "terbuka");
  WriteFile(tmp / "nope.txt", "x");
  fs::permissions(tmp / "locked", fs::perms::none);
  fs::permissions(tmp / "nope.txt", fs::perms::none);
  const bool can_still_read = ::access((tmp / "locked").c_str(), R_OK) == 0;
  if (geteuid() == 0 && can_still_read) {
    fs::permissions(tmp / "locked", fs::perms::owner_all);
    GTEST_SKIP() << "running as root: chmod 000 does not block reads, so permission errors "
                    "cannot be provoked";
  }
  Result r = ReadAll({tmp.path().string()});
  fs::permissions(tmp / "locked", fs::perms::owner_all);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "terbuka");
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].source, (tmp / "locked").string());
  EXPECT_NE(r.diags[0].reason.find("permission denied"), std::string::npos) << r.diags[0].reason;
  EXPECT_EQ(r.diags[1].source, (tmp / "nope.txt").string());
  EXPECT_EQ(r.diags[1].reason, "permission denied");
}

TEST(ReaderPathTest, WalkIsSortedRecursiveAndFiltered) {
  TempDir tmp;
  WriteFile(tmp / "b.txt", "b");
  WriteFile(tmp / "a.jsonl", "{\"text\":\"a1\"}\n{\"text\":\"a2\"}\n");
  WriteFile(tmp / "Z.TXT", "Z");
  WriteFile(tmp / "sub" / "c.txt.gz", Gzip("c"));
  WriteFile(tmp / "sub" / "deeper" / "d.ndjson", "{\"text\":\"d\"}\n");
  WriteFile(tmp / "sub" / "e.jsonl.gz", Gzip("{\"text\":\"e\"}\n"));
  WriteFile(tmp / "subz.txt", "subz");
  // Ignored silently: hidden, unknown extensions.
  WriteFile(tmp / ".hidden.txt", "h");
  WriteFile(tmp / ".git" / "x.txt", "h");
  WriteFile(tmp / "notes.md", "m");
  WriteFile(tmp / "data.json", "{\"text\":\"j\"}");
  WriteFile(tmp / "README", "r");

  Result r = ReadAll({tmp.path().string()});
  std::vector<std::string> texts;
  for (const auto& d : r.docs) texts.push_back(d.text.empty() ? "?" : d.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Z", "a1", "a2", "b", "c", "d", "e", "subz"}));
  EXPECT_EQ(r.docs[4].source, (tmp / "sub" / "c.txt.gz").string());
  EXPECT_TRUE(r.diags.empty());
  EXPECT_EQ(r.stats.files, 7u);
  EXPECT_EQ(r.stats.rejected, 0u);
  EXPECT_EQ(r.bytes_done, r.total_bytes);

  IngestOptions flat = ToyOptions();
  flat.recursive = false;
  Result f = ReadAll({tmp.path().string()}, flat);
  texts.clear();
  for (const auto& d : f.docs) texts.push_back(d.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Z", "a1", "a2", "b", "subz"}));
}

TEST(ReaderPathTest, SymlinkLoopDoesNotHang) {
  TempDir tmp;
  WriteFile(tmp / "d" / "a.txt", "a");
  fs::create_directory_symlink(tmp / "d", tmp / "d" / "loop");
  Result r = ReadAll({(tmp / "d").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.diags.empty());
}

TEST(ReaderPathTest, ExplicitUnknownExtensionIsSniffed) {
  TempDir tmp;
  WriteFile(tmp / "feed.out", "\n  {\"text\":\"json\"}\n{\"text\":\"lagi\"}\n");
  WriteFile(tmp / "article", "Teks biasa {bukan json}");
  Result r = ReadAll({(tmp / "feed.out").string(), (tmp / "article").string()});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].text, "json");
  EXPECT_EQ(r.docs[0].line, 2);
  EXPECT_EQ(r.docs[2].text, "Teks biasa {bukan json}");
  EXPECT_EQ(r.docs[2].line, 0);
}

TEST(ReaderPathTest, ExtensionWinsOverContent) {
  TempDir tmp;
  WriteFile(tmp / "looks.txt", "{\"text\":\"tapi ini .txt\"}\n");
  Result r = ReadAll({(tmp / "looks.txt").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "{\"text\":\"tapi ini .txt\"}\n");
}

// "-" reads file descriptor 0; point it at a file for the duration.
TEST(ReaderPathTest, DashReadsStdinGunzippedAndSniffed) {
  TempDir tmp;
  WriteFile(tmp / "stdin.bin", Gzip(ManyJsonLines(2)));
  int saved = ::dup(0);
  ASSERT_GE(saved, 0);
  int fd = ::open((tmp / "stdin.bin").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::dup2(fd, 0), 0);
  ::close(fd);
  Result r = ReadAll({"-"});
  ::dup2(saved, 0);
  ::close(saved);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].source, "-");
  EXPECT_EQ(r.docs[1].line, 2);
  EXPECT_EQ(r.docs[1].Locator(), "-:2");
  EXPECT_EQ(r.stats.files, 1u);
  EXPECT_EQ(r.total_bytes, 0u);  // a stream has no size to show progress against
  EXPECT_EQ(r.bytes_done, 0u);
  EXPECT_TRUE(r.diags.empty());
}

TEST(SniffFormatTest, FirstNonBlankByteDecides) {
  EXPECT_EQ(SniffFormat("{\"text\":1}"), Format::kJsonl);
  EXPECT_EQ(SniffFormat(" \r\n\t{"), Format::kJsonl);
  EXPECT_EQ(SniffFormat("Judul berita"), Format::kText);
  EXPECT_EQ(SniffFormat("[1,2]"), Format::kText);
  EXPECT_EQ(SniffFormat(""), Format::kText);
  EXPECT_EQ(SniffFormat("   "), Format::kText);
}

}  // namespace
}  // namespace warta::ingest
