// The fetch stage's listings: a fetched feed, sitemap or home page read into
// the article URLs it names (issue 19). Pure parsing, no network.
//
// A listing is what a site publishes so that readers find its articles: an
// RSS 2.0, Atom 1.0 or JSON Feed (1.0, 1.1) feed, a sitemap (urlset), a
// sitemap index naming child sitemaps, a Google News sitemap (a urlset whose
// <url>s carry news:news with the title and publication date), or an HTML
// home page that names its feeds in <link rel="alternate">. ParseListing
// classifies the document by its content (the Content-Type only settles
// charsets and JSON) and returns the entries, each with its URL made
// absolute against the document's base (the document URL, an xml:base, a
// <base href>), its title and dates when the listing gives them.
//
//   StatusOr<fetch::Listing> l = fetch::ParseListing(body, url, content_type, {});
//   if (!l.ok()) { report(l.status()); return; }
//   for (const fetch::ListingEntry& e : l->entries) Queue(e.url);
//   for (const fetch::ListingEntry& s : l->sitemaps) QueueListing(s.url);  // sitemap index
//   for (const fetch::ListingEntry& f : l->feeds) QueueListing(f.url);     // HTML page
//
// Damage is expected: XML is parsed by libxml2 in recovery mode, so a feed
// cut short or with a broken tag still yields the items before and around
// the damage; what could not be read is counted in Listing::skipped and
// described (the first few reasons) in Listing::problems. An entry without a
// usable link (none, not http(s), or a duplicate of an earlier one) is
// skipped and counted; a date that cannot be read leaves the date empty and
// is described. Duplicates are the same article URL (core/url.h's
// ArticleUrlKey: scheme, "www.", utm_* parameters and a trailing slash do not
// matter; for a site root the whole URL); the first keeps its place.
//
// Charsets: a BOM, then the Content-Type charset, then the XML declaration
// (or an HTML <meta charset>), checked against the bytes as the html stage
// does: a document that declares a single-byte charset but is valid UTF-8
// with multi-byte sequences is UTF-8; one that is not valid UTF-8 is
// converted from its declared charset, else from the detected one, else its
// invalid bytes become U+FFFD. Listing::charset_note says when the
// declaration was overruled or bytes replaced.
//
// Dates: RSS pubDate as RFC 822/2822 (the month names from the lexicon, the
// zone names from fetch/data/rfc822_zones.tsv, numeric offsets), Atom,
// sitemaps and JSON Feed as RFC 3339 / W3C date-time (core/datetime.h
// ParseIso); only what the listing wrote is kept (no invented time or zone).
//
// Thread-safe: ParseListing keeps no state between calls.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/datetime.h"
#include "core/status.h"

namespace warta::fetch {

enum class ListingKind {
  kRss,                // RSS 2.0 (and 0.9x): <rss><channel><item>
  kAtom,               // Atom 1.0: <feed><entry>
  kJsonFeed,           // JSON Feed 1.0 / 1.1
  kSitemap,            // <urlset><url><loc>
  kSitemapIndex,       // <sitemapindex><sitemap><loc>: child sitemaps
  kGoogleNewsSitemap,  // a urlset whose urls carry <news:news>
  kHtml,               // a web page: feeds from <link rel="alternate">
};

// "rss", "atom", "json-feed", "sitemap", "sitemap-index",
// "google-news-sitemap", "html".
const char* ListingKindName(ListingKind kind);

struct ListingEntry {
  std::string url;                    // absolute http(s), fragment dropped (fetch/url.h ResolveUrl)
  std::string title;                  // whitespace collapsed; "" when none
  std::optional<DateTime> published;  // RSS pubDate, Atom published, news:publication_date, date_published
  std::optional<DateTime> updated;    // Atom updated, sitemap lastmod, date_modified
  // HTML feed discovery: the link's media type ("application/rss+xml");
  // "" for every other kind.
  std::string type;
};

struct Listing {
  ListingKind kind = ListingKind::kRss;
  std::string title;                   // the feed's title or the page's <title>; "" for none (sitemaps)
  std::string base_url;                // the document's base: its URL, or an HTML <base href>
  std::vector<ListingEntry> entries;   // articles (feeds, sitemaps, Google News sitemaps)
  std::vector<ListingEntry> sitemaps;  // child sitemaps of a sitemap index (url, updated)
  std::vector<ListingEntry> feeds;     // feeds an HTML page links (url, title, type)
  // Items or links not kept: no usable link, a duplicate, over the entry limit.
  size_t skipped = 0;
  // Why, first few reasons ("item 4: no link", "XML not well-formed, line
  // 12: ..., read what was recoverable"), at most ListingOptions::max_problems.
  std::vector<std::string> problems;
  std::string charset;       // what the bytes were read as: "UTF-8", "WINDOWS-1252"
  std::string charset_note;  // non-empty when a declaration was overruled or bytes replaced
};

struct ListingOptions {
  // Larger documents are refused (kTooLarge). sitemaps.org caps a sitemap
  // at 50 MB uncompressed.
  size_t max_document_bytes = 50u << 20;
  // Entries kept per document (sitemaps.org: 50,000 URLs per sitemap); the
  // rest are counted in skipped.
  size_t max_entries = 50000;
  // A longer URL is skipped (sitemaps.org: under 2,048 characters; a
  // generous margin over it).
  size_t max_url_bytes = 8192;
  // Titles are cut (at a UTF-8 boundary) to this length.
  size_t max_title_bytes = 2048;
  // Reasons kept in Listing::problems.
  size_t max_problems = 20;
};

// Reads `bytes` (gzip-compressed or not: a sitemap.xml.gz is inflated, up
// to max_document_bytes), fetched from `document_url` (absolute http(s): the base of
// relative links) with `content_type` (the response header, "" when
// unknown). Errors: kInvalidArgument when document_url is not an absolute
// http(s) URL; kTooLarge over max_document_bytes (before or after
// inflating); kCorrupt for an empty document, gzip that does not inflate,
// JSON that does not parse, or XML with no readable root element;
// kUnsupported for binary data or a document that is none of the kinds
// above (its root element or JSON version named).
StatusOr<Listing> ParseListing(std::string_view bytes, std::string_view document_url, std::string_view content_type,
                               const ListingOptions& options = {});

// An RSS date (RFC 822 / RFC 2822: "Tue, 10 Jun 2003 04:00:00 GMT",
// "Mon, 27 Mar 2017 10:15:00 +0700", RFC 822's two-digit years widened as
// RFC 2822 says); nullopt when it is none.
std::optional<DateTime> ParseRfc822Date(std::string_view text);

}  // namespace warta::fetch
