#include "fetch/listing.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "golden_cases.h"
#include "test_support.h"

namespace warta::fetch {
namespace {

std::string Or(const std::optional<DateTime>& d) { return d ? d->ToIso() : "-"; }
std::string Or(const std::string& s) { return s.empty() ? "-" : s; }

// A listing as golden lines: its kind and properties, then every entry,
// child sitemap, feed and problem in order.
std::vector<std::string> Describe(const StatusOr<Listing>& l) {
  if (!l.ok()) return {"error " + l.status().ToString()};
  std::vector<std::string> out;
  out.push_back(std::string("kind ") + ListingKindName(l->kind) + " | title " + Or(l->title) + " | base " +
                l->base_url + " | charset " + l->charset + " | skipped " + std::to_string(l->skipped));
  if (!l->charset_note.empty()) out.push_back("note " + l->charset_note);
  for (const ListingEntry& e : l->entries)
    out.push_back("entry " + e.url + " | " + Or(e.title) + " | published " + Or(e.published) + " | updated " +
                  Or(e.updated));
  for (const ListingEntry& e : l->sitemaps) out.push_back("sitemap " + e.url + " | updated " + Or(e.updated));
  for (const ListingEntry& e : l->feeds) out.push_back("feed " + e.url + " | " + e.type + " | " + Or(e.title));
  for (const std::string& p : l->problems) out.push_back("problem " + p);
  return out;
}

// A case names a fixture (file, under testdata/listings/), the URL it was
// fetched from (url) and the response's Content-Type (content-type).
std::vector<std::string> RunListingCase(const testing::GoldenCase& c) {
  std::string bytes = testing::ReadFile(testing::SourceDir() / "src/fetch/testdata/listings" / c.Value("file"));
  if (bytes.empty()) ADD_FAILURE() << c.Where() << ": no fixture " << c.Value("file");
  return Describe(ParseListing(bytes, c.Value("url"), c.Value("content-type")));
}

TEST(ListingTest, GoldenFixtures) {
  EXPECT_GT(testing::RunGoldenFile(testing::SourceDir() / "src/fetch/testdata/listings.golden", RunListingCase), 0);
}

TEST(ListingTest, BadInputIsAStatusNamingTheReason) {
  EXPECT_EQ(ParseListing("<rss/>", "/relative/feed.xml", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseListing("<rss/>", "ftp://a.example/feed.xml", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseListing("  \n", "https://a.example/feed", "").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseListing("<<<>>>", "https://a.example/feed", "").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(ParseListing("{\"items\": [", "https://a.example/feed", "").status().code(), StatusCode::kCorrupt);
  StatusOr<Listing> other = ParseListing("<opml version=\"2.0\"/>", "https://a.example/feed", "");
  EXPECT_EQ(other.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(other.status().message().find("<opml>"), std::string::npos) << other.status().message();
  StatusOr<Listing> json = ParseListing("{\"version\": \"1\"}", "https://a.example/feed", "");
  EXPECT_EQ(json.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(ParseListing(std::string("\x1f\x8b\x08\0\0\0", 6), "https://a.example/feed", "").status().code(),
            StatusCode::kCorrupt);
  StatusOr<Listing> png = ParseListing(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "https://a.example/feed", "");
  EXPECT_EQ(png.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(png.status().message().find("NUL byte"), std::string::npos) << png.status().message();
}

TEST(ListingTest, LimitsBoundTheDocumentAndItsEntries) {
  std::string feed = "<rss><channel>";
  for (int i = 0; i < 10; ++i)
    feed += "<item><link>https://a.example/" + std::to_string(i) + "</link><title>" + std::string(40, 'x') +
            "</title></item>";
  feed += "</channel></rss>";
  ListingOptions o;
  o.max_entries = 4;
  o.max_title_bytes = 10;
  o.max_problems = 2;
  StatusOr<Listing> l = ParseListing(feed, "https://a.example/rss", "", o);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->entries.size(), 4u);
  EXPECT_EQ(l->skipped, 6u);
  EXPECT_EQ(l->problems.size(), 2u);
  EXPECT_EQ(l->entries[0].title, std::string(10, 'x'));
  o.max_document_bytes = feed.size() - 1;
  EXPECT_EQ(ParseListing(feed, "https://a.example/rss", "", o).status().code(), StatusCode::kTooLarge);
}

TEST(ListingTest, GzippedSitemapsAreInflatedWithinTheLimit) {
  std::string sitemap = testing::ReadFile(testing::SourceDir() / "src/fetch/testdata/listings/sitemap_index.xml");
  StatusOr<Listing> l = ParseListing(testing::Gzip(sitemap), "https://portal.example/sitemap.xml.gz", "");
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->kind, ListingKind::kSitemapIndex);
  EXPECT_EQ(l->sitemaps.size(), 2u);
  // A small file that inflates past the limit is refused, not inflated.
  ListingOptions o;
  o.max_document_bytes = 1 << 20;
  std::string bomb = testing::Gzip("<urlset>" + std::string(4 << 20, ' ') + "</urlset>");
  ASSERT_LT(bomb.size(), o.max_document_bytes);
  EXPECT_EQ(ParseListing(bomb, "https://a.example/s.xml.gz", "", o).status().code(), StatusCode::kTooLarge);
  // Cut short: what inflated is read.
  std::string gz = testing::Gzip(sitemap);
  StatusOr<Listing> cut = ParseListing(gz.substr(0, gz.size() - 30), "https://portal.example/s.xml.gz", "");
  EXPECT_TRUE(cut.ok() || cut.status().code() == StatusCode::kCorrupt) << cut.status().ToString();
}

TEST(ListingTest, TitlesAreCutAtACharacterBoundary) {
  ListingOptions o;
  o.max_title_bytes = 4;
  // "aé" is 3 bytes, "é" 2 more: a cut at 4 would split the second é.
  StatusOr<Listing> l = ParseListing(
      "<rss><channel><item><link>https://a.example/1</link><title>a\xC3\xA9\xC3\xA9</title></item></channel></rss>",
      "https://a.example/rss", "", o);
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->entries.size(), 1u);
  EXPECT_EQ(l->entries[0].title, "a\xC3\xA9");
}

TEST(ListingTest, EntitiesTheDocumentDefinesAreNotExpanded) {
  // A "billion laughs" document: the entities are never expanded.
  std::string doc =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
      "<rss><channel><item><link>https://a.example/1</link><title>&d;&d;&d;&d;</title></item></channel></rss>";
  StatusOr<Listing> l = ParseListing(doc, "https://a.example/rss", "");
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ASSERT_EQ(l->entries.size(), 1u);
  EXPECT_LT(l->entries[0].title.size(), 100u);
}

TEST(ListingTest, Rfc822Dates) {
  auto iso = [](std::string_view s) {
    std::optional<DateTime> d = ParseRfc822Date(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(iso("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
  EXPECT_EQ(iso("Mon, 27 Mar 2017 10:15:00 +0700"), "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(iso("27 Mar 2017 10:15 WIB"), "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(iso("Sat, 20 Jan 2024 23:59:59 EST"), "2024-01-20T23:59:59-05:00");
  EXPECT_EQ(iso("Sat, 20 Jan 2024 23:59:59 PDT"), "2024-01-20T23:59:59-07:00");
  EXPECT_EQ(iso("Sun, 21 Jan 24 14:32:00 +0700"), "2024-01-21T14:32:00+07:00");  // RFC 822's two-digit year
  EXPECT_EQ(iso("21 Jan 99 14:32 GMT"), "1999-01-21T14:32:00Z");
  EXPECT_EQ(iso("kemarin"), "none");
  EXPECT_EQ(iso(""), "none");
}

}  // namespace
}  // namespace warta::fetch
