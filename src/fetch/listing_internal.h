// Internals of the listing parser shared by its files (listing.cc: entry
// point, charsets, JSON Feed; listing_xml.cc: feeds and sitemaps;
// listing_html.cc: feed discovery). Not part of the stage's contract.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "fetch/listing.h"

namespace warta::fetch::internal {

// Adds entries to a Listing, resolving and de-duplicating their URLs,
// bounding them, and recording why any was dropped.
class Collector {
 public:
  Collector(Listing* listing, const ListingOptions& options, std::string document_url)
      : listing_(listing), options_(options), document_url_(std::move(document_url)) {}

  // Adds `e` (its url still as written, relative to `base`) to `list` unless
  // it has no usable link, repeats one, or the list is full. `what` names it
  // in a problem ("item 3").
  void Add(std::vector<ListingEntry>* list, ListingEntry e, std::string_view base, std::string_view what);
  // Records a reason (kept up to the limit) without skipping anything.
  void Problem(std::string reason);
  // Records a reason and counts a skipped entry.
  void Skip(std::string reason);

  // Whitespace collapsed, trimmed and cut to the title limit.
  std::string Title(std::string_view text) const;
  // ISO (RFC 3339, W3C date-time) `text` as a date; nullopt and a problem
  // naming `what` when it is not one; nullopt alone when it is empty.
  std::optional<DateTime> IsoDate(std::string_view text, std::string_view what);

  const std::string& document_url() const { return document_url_; }
  const ListingOptions& options() const { return options_; }

 private:
  Listing* listing_;
  const ListingOptions& options_;
  std::string document_url_;
  // ArticleUrlKey (or the URL) of every entry kept, per list.
  std::set<std::pair<const std::vector<ListingEntry>*, std::string>> seen_;
};

// Text with markup written as escaped text ("<b>A</b> &amp;amp; B", an RSS
// or Atom type="html" title): tags removed, character references decoded.
std::string StripMarkup(std::string_view html);

// Decodes the five XML entities and numeric character references.
std::string DecodeEntities(std::string_view s);

// Parses an XML feed or sitemap (already UTF-8) into `listing`. kUnsupported
// for an XML document that is no listing; sets listing->kind to kHtml and
// returns OK without entries when the root element is <html> (XHTML: the
// caller scans it as a page).
Status ParseXmlListing(std::string_view utf8, Collector* collector, Listing* listing);

// Scans an HTML page (UTF-8) for <base href> and feed links.
void ParseHtmlListing(std::string_view utf8, Collector* collector, Listing* listing);

}  // namespace warta::fetch::internal
