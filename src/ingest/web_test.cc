// Web inputs through the DocumentReader: .html/.htm (gzipped too) and WARC.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "test_support.h"
#include "warc/warc_test_util.h"

namespace warta::ingest {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;
using namespace warta::warc::testutil;

struct WebResult {
  std::vector<RawDocument> docs;
  std::vector<Diagnostic> rejected, warnings;
  IngestStats stats;
};

WebResult Read(std::vector<std::string> paths) {
  WebResult r;
  DocumentReader reader(std::move(paths), {}, [&r](const Diagnostic& d) {
    (d.severity == Diagnostic::Severity::kRejected ? r.rejected : r.warnings).push_back(d);
  });
  RawDocument doc;
  while (reader.Next(&doc)) r.docs.push_back(doc);
  r.stats = reader.stats();
  return r;
}

const char* kSentence =
    "Pemerintah kota meresmikan taman baru di tepi sungai, lengkap dengan jalur sepeda, bangku, dan lampu "
    "hemat energi untuk warga yang berolahraga pada malam hari.";

TEST(WebIngestTest, HtmlFilesPlainAndGzipped) {
  TempDir dir;
  WriteFile(dir / "a.html", Page("Taman Baru di Tepi Sungai Diresmikan", kSentence));
  WriteFile(dir / "b.htm.gz", Gzip(Page("Jalur Sepeda Baru Dibuka untuk Warga", kSentence)));
  WriteFile(dir / "c.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto r = Read({dir.path().string()});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].title, "Taman Baru di Tepi Sungai Diresmikan");
  EXPECT_EQ(r.docs[0].source, (dir / "a.html").string());
  ASSERT_EQ(r.docs[0].paragraphs.size(), 3u);
  EXPECT_NE(r.docs[0].paragraphs[0].find("meresmikan taman baru"), std::string::npos);
  EXPECT_EQ(r.docs[1].title, "Jalur Sepeda Baru Dibuka untuk Warga");
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].source, (dir / "c.html").string());
  EXPECT_NE(r.rejected[0].reason.find("binary"), std::string::npos) << r.rejected[0].reason;
}

TEST(WebIngestTest, EditorCreditReachesTheDocument) {
  TempDir dir;
  std::string page = Page("Taman Baru di Tepi Sungai Diresmikan", kSentence);
  page.insert(page.find("</article>"), "<p class=\"kredit\">Editor: <span>Dewi Anggraini</span></p>");
  WriteFile(dir / "a.html", page);
  auto r = Read({(dir / "a.html").string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].editors, (std::vector<std::string>{"Dewi Anggraini"}));
}

TEST(WebIngestTest, PageWithoutArticleIsRejectedByName) {
  TempDir dir;
  WriteFile(dir / "menu.html", "<html><body><nav><a href=/>Beranda</a></nav></body></html>");
  auto r = Read({(dir / "menu.html").string()});
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].reason, "no article text found");
}

TEST(WebIngestTest, WarcGzWithCorruptMemberInTheMiddle) {
  std::string m0 = Gzip(Record("warcinfo", "", "software: test\r\n", "application/warc-fields"));
  std::string m1 = Gzip(Record("request", "http://a.example/1", "GET /1 HTTP/1.1\r\n\r\n"));
  std::string m2 = Gzip(Record("response", "http://a.example/2017/03/27/taman",
                               HttpOk(Chunked(Gzip(Page("Taman Baru di Tepi Sungai Diresmikan", kSentence)), 100),
                                      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")));
  std::string m3 = Gzip(Record("response", "http://a.example/rusak", HttpOk(Page("Rusak Sekali", kSentence))));
  for (size_t i = 12; i < m3.size() - 10; ++i) m3[i] = static_cast<char>(m3[i] ^ 0x33);
  std::string m4 = Gzip(Record("response", "http://a.example/logo.png",
                               HttpOk("\x89PNG....", "", "image/png")));
  std::string m5 = Gzip(Record("response", "http://a.example/hilang", "HTTP/1.1 404 Not Found\r\n\r\n"));
  std::string m6 = Gzip(Record("response", "http://a.example/sepeda",
                               HttpOk(Page("Jalur Sepeda Baru Dibuka untuk Warga", kSentence))));
  TempDir dir;
  std::string path = (dir / "crawl.warc.gz").string();
  WriteFile(path, m0 + m1 + m2 + m3 + m4 + m5 + m6);
  auto r = Read({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].url, "http://a.example/2017/03/27/taman");
  EXPECT_EQ(r.docs[0].title, "Taman Baru di Tepi Sungai Diresmikan");
  EXPECT_EQ(r.docs[0].date, "2017-03-27");  // from the URL path, before WARC-Date
  EXPECT_EQ(r.docs[0].source, path + "@" + std::to_string(m0.size() + m1.size()));
  EXPECT_EQ(r.docs[1].url, "http://a.example/sepeda");
  EXPECT_EQ(r.docs[1].date, "2017-03-27T03:15:00Z");  // WARC-Date as the last resort
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].source, path);
  EXPECT_EQ(r.rejected[0].byte_offset, static_cast<int64_t>(m0.size() + m1.size() + m2.size()));
  EXPECT_NE(r.rejected[0].reason.find("corrupt gzip member"), std::string::npos) << r.rejected[0].reason;
  EXPECT_EQ(r.stats.skipped_records, 4u);  // warcinfo, request, image, 404
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].reason.find("2 pages"), std::string::npos) << r.warnings[0].reason;
}

TEST(WebIngestTest, PlainWarcWithCorruptRecordAndSniffedNames) {
  std::string a = Record("response", "http://a.example/a", HttpOk(Page("Taman Baru di Tepi Sungai Diresmikan", kSentence)));
  std::string bad = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banyak\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
  std::string c = Record("resource", "http://a.example/c", Page("Jalur Sepeda Baru Dibuka untuk Warga", kSentence),
                         "text/html");
  TempDir dir;
  // An unknown extension named explicitly is sniffed.
  std::string path = (dir / "arsip.dat").string();
  WriteFile(path, a + bad + c);
  auto r = Read({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].url, "http://a.example/c");
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].byte_offset, static_cast<int64_t>(a.size()));
  EXPECT_NE(r.rejected[0].reason.find("Content-Length"), std::string::npos);
}

TEST(WebIngestTest, SniffFormat) {
  EXPECT_EQ(SniffFormat("WARC/1.0\r\n"), Format::kWarc);
  EXPECT_EQ(SniffFormat("  <!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(SniffFormat("<p>bukan halaman</p>"), Format::kText);
}

}  // namespace
}  // namespace warta::ingest
