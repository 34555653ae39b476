#include "warc/warc_reader.h"

#include <gtest/gtest.h>

#include "warc/warc_test_util.h"

namespace warta::warc {
namespace {

using namespace testutil;

std::vector<WarcRecord> ReadAll(const std::string& bytes, std::vector<WarcProblem>* problems = nullptr,
                                WarcOptions o = {}) {
  WarcReader r(MemoryInput(bytes), o);
  std::vector<WarcRecord> out;
  WarcRecord rec;
  while (r.Next(&rec)) out.push_back(rec);
  if (problems) *problems = r.TakeProblems();
  return out;
}

TEST(WarcReaderTest, PlainRecordsAndHeaders) {
  std::string w = Record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
                  Record("request", "http://a.example/x", "GET /x HTTP/1.1\r\n\r\n") +
                  Record("response", "<http://a.example/x>", HttpOk("<p>hai</p>"));
  std::vector<WarcProblem> problems;
  auto recs = ReadAll(w, &problems);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(recs[0].type, "warcinfo");
  EXPECT_FALSE(recs[0].has_block);  // not a wanted type: skipped, not held
  EXPECT_EQ(recs[2].type, "response");
  EXPECT_EQ(recs[2].target_uri, "http://a.example/x");
  EXPECT_EQ(recs[2].date, "2017-03-27T03:15:00Z");
  EXPECT_EQ(recs[2].version, "WARC/1.1");
  EXPECT_TRUE(recs[2].has_block);
  EXPECT_EQ(recs[2].block, HttpOk("<p>hai</p>"));
  EXPECT_EQ(recs[1].offset, static_cast<int64_t>(Record("warcinfo", "", "software: test\r\n",
                                                         "application/warc-fields").size()));
}

TEST(WarcReaderTest, CorruptRecordInTheMiddleIsSkippedWithItsOffset) {
  std::string a = Record("response", "http://a.example/1", HttpOk("<p>satu</p>"));
  std::string bad = Record("response", "http://a.example/2", HttpOk("<p>dua</p>"));
  bad.replace(bad.find("Content-Length: "), 16, "Content-Length: x");  // unparseable length
  std::string c = Record("response", "http://a.example/3", HttpOk("<p>tiga</p>"));
  std::vector<WarcProblem> problems;
  auto recs = ReadAll(a + bad + c, &problems);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].target_uri, "http://a.example/1");
  EXPECT_EQ(recs[1].target_uri, "http://a.example/3");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].offset, static_cast<int64_t>(a.size()));
  EXPECT_NE(problems[0].reason.find("Content-Length"), std::string::npos) << problems[0].reason;
}

TEST(WarcReaderTest, GarbageBetweenRecordsAndWrongLength) {
  std::string a = Record("response", "http://a.example/1", HttpOk("<p>satu</p>"));
  std::string garbage = "this is not a record\r\nnor this\r\n";
  std::string lying = Record("response", "http://a.example/2", HttpOk("<p>dua</p>"));
  lying.replace(lying.find("Content-Length: ") + 16, 2, "10");  // shorter than the block
  std::string c = Record("response", "http://a.example/3", HttpOk("<p>tiga</p>"));
  std::vector<WarcProblem> problems;
  auto recs = ReadAll(a + garbage + lying + c, &problems);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].target_uri, "http://a.example/3");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].offset, static_cast<int64_t>(a.size()));
  EXPECT_NE(problems[0].reason.find("not a WARC record header"), std::string::npos);
  EXPECT_EQ(problems[1].offset, static_cast<int64_t>(a.size() + garbage.size()));
}

TEST(WarcReaderTest, TruncatedLastRecord) {
  std::string a = Record("response", "http://a.example/1", HttpOk("<p>satu</p>"));
  std::string b = Record("response", "http://a.example/2", HttpOk("<p>dua dua dua</p>"));
  std::vector<WarcProblem> problems;
  auto recs = ReadAll(a + b.substr(0, b.size() - 12), &problems);
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].offset, static_cast<int64_t>(a.size()));
  EXPECT_NE(problems[0].reason.find("truncated"), std::string::npos);
}

TEST(WarcReaderTest, GzipMembersAndACorruptMember) {
  std::string m1 = Gzip(Record("response", "http://a.example/1", HttpOk("<p>satu</p>")));
  std::string m2 = Gzip(Record("response", "http://a.example/2", HttpOk("<p>dua</p>")));
  std::string m3 = Gzip(Record("response", "http://a.example/3", HttpOk("<p>tiga</p>")));
  {
    const std::string whole = m1 + m2 + m3;  // MemoryInput does not copy
    WarcReader r(MemoryInput(whole), {});
    WarcRecord rec;
    std::vector<int64_t> offsets;
    while (r.Next(&rec)) offsets.push_back(rec.offset);
    EXPECT_TRUE(r.compressed());
    EXPECT_EQ(offsets, (std::vector<int64_t>{0, static_cast<int64_t>(m1.size()),
                                             static_cast<int64_t>(m1.size() + m2.size())}));
  }
  std::string broken = m2;
  for (size_t i = 12; i < broken.size() - 10; ++i) broken[i] = static_cast<char>(broken[i] ^ 0x5A);
  std::vector<WarcProblem> problems;
  std::string all = m1 + broken + m3;
  auto recs = ReadAll(all, &problems);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].target_uri, "http://a.example/1");
  EXPECT_EQ(recs[1].target_uri, "http://a.example/3");
  ASSERT_GE(problems.size(), 1u);
  EXPECT_EQ(problems[0].offset, static_cast<int64_t>(m1.size()));
  EXPECT_NE(problems[0].reason.find("gzip"), std::string::npos);
}

TEST(WarcReaderTest, OversizedWantedBlockIsSkipped) {
  WarcOptions o;
  o.max_block_bytes = 10;
  std::vector<WarcProblem> problems;
  auto recs = ReadAll(Record("response", "http://a.example/1", HttpOk(std::string(100, 'x'))) +
                          Record("request", "http://a.example/1", "GET / HTTP/1.1\r\n\r\n"),
                      &problems, o);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].type, "request");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("over the limit"), std::string::npos);
}

TEST(HttpTest, ChunkedAndGzipBodies) {
  std::string html = "<html><body><p>Halo dunia, ini badan halaman yang cukup panjang.</p></body></html>";
  auto r = ParseHttpResponse(HttpOk(Chunked(html, 7), "Transfer-Encoding: chunked\r\n"), 1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, html);
  r = ParseHttpResponse(HttpOk(Chunked(Gzip(html), 5), "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
                        1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body, html);
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=utf-8");
  // Already decoded by the crawler despite the header.
  r = ParseHttpResponse(HttpOk(html, "Content-Encoding: gzip\r\n"), 1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, html);
  // Raw deflate.
  {
    const std::string out = warta::testing::Deflate(html, warta::testing::kRawDeflateWindow);
    r = ParseHttpResponse(HttpOk(out, "Content-Encoding: deflate\r\n"), 1 << 20);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->body, html);
  }
}

TEST(HttpTest, Errors) {
  EXPECT_EQ(ParseHttpResponse("garbage", 100).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nX: y", 100).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseHttpResponse(HttpOk("\x01\x02\x03 binary", "Content-Encoding: br\r\n"), 100).status().code(),
            StatusCode::kUnsupported);
  EXPECT_EQ(ParseHttpResponse(HttpOk(Gzip(std::string(100000, 'a')), "Content-Encoding: gzip\r\n"), 1000)
                .status().code(),
            StatusCode::kTooLarge);
  auto r = ParseHttpResponse("HTTP/1.0 404 Not Found\r\n\r\n", 100);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
}

}  // namespace
}  // namespace warta::warc
