#include <gtest/gtest.h>
#include <zlib.h>

#include "core/article.h"
#include "core/datetime.h"
#include "core/diagnostics.h"
#include "core/gzip.h"
#include "core/status.h"
#include "core/utf8.h"
#include "test_support.h"

namespace warta {
namespace {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::Corrupt("a.jsonl:3: bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.ToString(), "corrupt: a.jsonl:3: bad");
}

StatusOr<int> Half(int x) {
  if (x % 2) return Status::InvalidArgument("odd");
  return x / 2;
}
Status UseHalf(int x, int* out) {
  WARTA_ASSIGN_OR_RETURN(int h, Half(x));
  *out = h;
  return Status::Ok();
}

TEST(StatusTest, AssignOrReturnPropagates) {
  int v = 0;
  EXPECT_TRUE(UseHalf(8, &v).ok());
  EXPECT_EQ(v, 4);
  EXPECT_EQ(UseHalf(3, &v).code(), StatusCode::kInvalidArgument);
}

TEST(DateTimeTest, ParsesIsoForms) {
  auto d = DateTime::ParseIso("2024-01-21T14:32:00+07:00");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToIso(), "2024-01-21T14:32:00+07:00");
  EXPECT_EQ(d->offset_minutes, 420);
  EXPECT_EQ(DateTime::ParseIso("2024-11-19")->ToIso(), "2024-11-19");
  EXPECT_EQ(DateTime::ParseIso("2024-11-19 19:09")->ToIso(), "2024-11-19T19:09:00");
  EXPECT_EQ(DateTime::ParseIso("2017-03-27T10:15:00.123Z")->ToIso(), "2017-03-27T10:15:00Z");
  EXPECT_FALSE(DateTime::ParseIso("2024-02-30"));
  EXPECT_FALSE(DateTime::ParseIso("2024-13-01"));
  EXPECT_FALSE(DateTime::ParseIso("21 Januari 2024"));
  EXPECT_FALSE(DateTime::ParseIso("2024-01-21T25:00"));
}

TEST(DateTimeTest, EpochAndSortKey) {
  DateTime d = DateTime::FromUnixSeconds(1490674536);  // 2017-03-28T04:15:36Z
  EXPECT_EQ(d.ToIso(), "2017-03-28T04:15:36Z");
  EXPECT_EQ(d.SortKey(), "20170328");
  EXPECT_EQ(DateTime::ParseIso("1970-01-02")->DaysSinceEpoch(), 1);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
}

TEST(Utf8Test, ValidateFindsFirstBadByte) {
  EXPECT_EQ(Utf8Validate("Kim Jong-un “kata”"), std::string_view::npos);
  EXPECT_EQ(Utf8Validate("abc\xff" "def"), 3u);
  EXPECT_EQ(Utf8Validate("ab\xc0\xaf"), 2u);         // overlong
  EXPECT_EQ(Utf8Validate("\xed\xa0\x80"), 0u);       // surrogate
  EXPECT_EQ(Utf8Validate("x\xe2\x80"), 1u);          // truncated
}

TEST(Utf8Test, LengthNextAppendTrim) {
  std::string s = "é“a”";
  EXPECT_EQ(Utf8Length(s), 4u);
  size_t pos = 0;
  EXPECT_EQ(Utf8Next(s, &pos), U'é');
  EXPECT_EQ(Utf8Next(s, &pos), U'“');
  std::string out;
  Utf8Append(&out, U'”');
  Utf8Append(&out, U'😀');
  EXPECT_EQ(out, "”😀");
  EXPECT_EQ(TrimSpace("\xc2\xa0  Menu \t"), "Menu");
}

TEST(ArticleTest, TextJoinsParagraphsAndIdIsStable) {
  Article a;
  a.paragraphs = {"Satu.", "Dua."};
  EXPECT_EQ(a.Text(), "Satu.\nDua.");
  EXPECT_EQ(ArticleIdOf("satu dua"), ArticleIdOf("satu dua"));
  EXPECT_NE(ArticleIdOf("satu dua"), ArticleIdOf("satu tiga"));
  EXPECT_EQ(ArticleIdOf("x").size(), 16u);
}

TEST(DiagnosticTest, NamesFileLineAndOffset) {
  Diagnostic d{Diagnostic::Severity::kRejected, "a.jsonl", 12, -1, "malformed JSON"};
  EXPECT_EQ(d.ToString(), "a.jsonl:12: rejected: malformed JSON");
  Diagnostic g{Diagnostic::Severity::kRejected, "b.txt.gz", 0, 8192, "truncated gzip stream"};
  EXPECT_EQ(g.ToString(), "b.txt.gz (byte 8192): rejected: truncated gzip stream");
}

// Issue 14 finding 7: a file name holding a newline and an ANSI escape split
// a diagnostic into two lines (the second forged by the name) and reached
// the terminal raw.
TEST(DiagnosticTest, Finding7EscapedNames) {
  Diagnostic d{Diagnostic::Severity::kRejected, "in/a\nfake.txt: rejected: x\x1b[31mred.jsonl", 3, -1,
               "malformed JSON"};
  const std::string shown = d.ToString();
  EXPECT_EQ(shown, "in/a\\nfake.txt: rejected: x\\x1b[31mred.jsonl:3: rejected: malformed JSON");
  EXPECT_EQ(shown.find('\n'), std::string::npos);
  EXPECT_EQ(shown.find('\x1b'), std::string::npos);
  // Other C0 and C1 controls, DEL and invalid UTF-8 are escaped; valid UTF-8 is kept.
  EXPECT_EQ(EscapeForDisplay(std::string("a\tb\rc\x01\x7f") + "\xC2\x9B" + "\xFF" + "berita\xE2\x80\x94ok"),
            "a\\tb\\rc\\x01\\x7f\\x9b\\xffberita\xE2\x80\x94ok");
  EXPECT_EQ(EscapeForDisplay("Jakarta/berita.jsonl"), "Jakarta/berita.jsonl");
}

}  // namespace
}  // namespace warta

#include "core/url.h"

namespace warta {
namespace {

TEST(ArticleUrlKeyTest, SameArticleSameKey) {
  EXPECT_EQ(ArticleUrlKey("https://www.Kompas.com/a/b/?utm_source=x&id=3#top"), "kompas.com/a/b?id=3");
  EXPECT_EQ(ArticleUrlKey("http://kompas.com/a/b"), ArticleUrlKey("https://www.kompas.com/a/b/"));
  EXPECT_NE(ArticleUrlKey("https://kompas.com/a/b"), ArticleUrlKey("https://kompas.com/a/c"));
}

TEST(ArticleUrlKeyTest, RootsAndJunkIdentifyNothing) {
  EXPECT_EQ(ArticleUrlKey("https://www.kompas.com/"), "");
  EXPECT_EQ(ArticleUrlKey("https://kompas.com"), "");
  EXPECT_EQ(ArticleUrlKey("not a url"), "");
  EXPECT_EQ(ArticleUrlKey(""), "");
  EXPECT_EQ(ArticleUrlKey("/relative/path"), "");
}

TEST(MentionsOverlappingTest, FindsEveryOverlapInTextOrder) {
  std::vector<EntityMention> mentions;
  for (int32_t b : {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}) {
    EntityMention m;
    m.span = {b, b + 5};
    mentions.push_back(m);
  }
  auto begins = [](const std::vector<const EntityMention*>& found) {
    std::vector<int32_t> out;
    for (const EntityMention* m : found) out.push_back(m->span.begin);
    return out;
  };
  EXPECT_EQ(begins(MentionsOverlapping(mentions, 12, 33)), (std::vector<int32_t>{10, 20, 30}));
  EXPECT_EQ(begins(MentionsOverlapping(mentions, 15, 20)), std::vector<int32_t>{});  // touching is no overlap
  // A long range: every mention inside, however many.
  EXPECT_EQ(MentionsOverlapping(mentions, 0, 200).size(), 12u);
  EXPECT_TRUE(MentionsOverlapping({}, 0, 10).empty());
}

TEST(SpanTextTest, CountsCodePointsAndClampsToTheText) {
  const std::string text = "Kim – “Bagus”";
  EXPECT_EQ(SpanText(text, {0, 3}), "Kim");
  EXPECT_EQ(SpanText(text, {4, 5}), "–");
  EXPECT_EQ(SpanText(text, {6, 13}), "“Bagus”");
  EXPECT_EQ(SpanText(text, {10, 99}), "us”");
  EXPECT_EQ(SpanText(text, {5, 5}), "");
}

// ---- UTF-8 validation (the one validator) ------------------------------------

TEST(Utf8ValidateTest, FindsTheFirstBadByteAfterLongAsciiRuns) {
  EXPECT_EQ(Utf8Validate(std::string(100, 'a') + "Kaf\xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(Utf8Validate(std::string(21, 'a') + "\xFF"), 21u);
  EXPECT_EQ(Utf8Validate("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(Utf8Validate("ab\xED\xA0\x80"), 2u);    // a surrogate
  EXPECT_EQ(Utf8Validate("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(Utf8Validate("\xE2\x80"), 0u);          // cut short
}

TEST(Utf8SequenceAtTest, LengthOfAValidSequenceElseZero) {
  std::string_view s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80\xFF";
  EXPECT_EQ(Utf8SequenceAt(s, 0), 0u);  // ASCII
  EXPECT_EQ(Utf8SequenceAt(s, 1), 2u);
  EXPECT_EQ(Utf8SequenceAt(s, 3), 3u);
  EXPECT_EQ(Utf8SequenceAt(s, 6), 4u);
  EXPECT_EQ(Utf8SequenceAt(s, 10), 0u);
  EXPECT_EQ(Utf8SequenceAt(s, 2), 0u);  // a continuation byte
}

// ---- Inflate (the one buffer decompressor) -------------------------------------

using warta::testing::Deflate;

std::string OrError(const StatusOr<std::string>& s) { return s.ok() ? *s : "error: " + s.status().ToString(); }

TEST(InflateTest, EachFormat) {
  const std::string text = "Berita hari ini: banjir di Jakarta. " + std::string(500, 'x');
  std::string gz = Deflate(text, 16 + MAX_WBITS);
  EXPECT_TRUE(IsGzip(gz));
  EXPECT_FALSE(IsGzip(text));
  EXPECT_EQ(OrError(Inflate(gz)), text);
  EXPECT_EQ(OrError(Inflate(Deflate(text, MAX_WBITS), {.format = Compression::kZlib})), text);
  EXPECT_EQ(OrError(Inflate(Deflate(text, -MAX_WBITS), {.format = Compression::kDeflate})), text);
}

TEST(InflateTest, ReadsEveryGzipMemberAndIgnoresTrailingBytes) {
  std::string two = Deflate("satu ", 16 + MAX_WBITS) + Deflate("dua", 16 + MAX_WBITS) + "\n\n";
  EXPECT_EQ(OrError(Inflate(two)), "satu dua");
}

TEST(InflateTest, TruncatedDamagedAndTooLarge) {
  const std::string text(10000, 'a');
  std::string gz = Deflate(text, 16 + MAX_WBITS);
  std::string cut = gz.substr(0, gz.size() / 2);
  EXPECT_EQ(Inflate(cut).status().code(), StatusCode::kCorrupt);
  StatusOr<std::string> kept = Inflate(cut, {.keep_truncated = true});
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, text.substr(0, kept->size()));
  std::string bad = gz;
  bad[12] = static_cast<char>(bad[12] ^ 0xFF);
  bad[13] = static_cast<char>(bad[13] ^ 0xFF);
  StatusOr<std::string> damaged = Inflate(bad);
  EXPECT_EQ(damaged.status().code(), StatusCode::kCorrupt);
  StatusOr<std::string> large = Inflate(gz, {.max_bytes = 100});
  EXPECT_EQ(large.status().code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace warta
