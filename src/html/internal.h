// Internals of the html stage, exposed for its tests and benchmarks only.
#pragma once

#include <libxml/HTMLparser.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "html/extractor.h"

namespace warta::html::internal {

// ---- charset (decode.cc) ----------------------------------------------------

struct Decoded {
  std::string utf8;     // valid UTF-8, BOM removed (empty when `view` is the input itself)
  std::string_view view;  // the UTF-8 text: into `utf8`, or into the input when it needed no change
  std::string charset;  // what the bytes were read as
  std::string note;     // non-empty when the declared charset was overruled or bytes replaced
};

// The charset a Content-Type value names ("text/html; charset=ISO-8859-1" ->
// "ISO-8859-1"), "" when none.
std::string CharsetFromContentType(std::string_view content_type);
// The charset a <meta> in the first 8 KiB declares, "" when none.
std::string CharsetFromMeta(std::string_view head);

// Decides the charset (BOM, then HTTP header, then <meta>, then detection;
// a declared charset the bytes contradict is overruled) and converts to
// UTF-8. Never fails for text; the caller has already refused binary data.
Decoded DecodeToUtf8(std::string_view bytes, std::string_view content_type);

// ---- parsing ------------------------------------------------------------------

// Bounded TextOf: stops collecting after about `max_bytes` (then the result
// is longer than max_bytes, so callers can tell it was cut).
std::string TextOfBounded(xmlNodePtr node, size_t max_bytes);

// Parses UTF-8 HTML with libxml2 (recovering, no network, quiet). Never null
// for non-empty input; the caller frees it with xmlFreeDoc.
htmlDocPtr ParseHtml(std::string_view utf8, const std::string& url);

// ---- main content (content.cc) ------------------------------------------------

// The article blocks of `doc`. `title` (when known) is not repeated as a block.
std::vector<Block> ExtractContent(htmlDocPtr doc, std::string_view title);

// ---- metadata (metadata.cc) ---------------------------------------------------

// Fills title, published, modified, authors, outlet, canonical_url, url and
// the declared language (page->language from <html lang>) from `doc`.
void ExtractMetadata(htmlDocPtr doc, const PageContext& ctx, ExtractedPage* page);

// "Judul berita - Kompas.com" -> "Judul berita", given the site name or host.
std::string TrimTitleSuffix(std::string_view title, std::string_view site_name,
                            std::string_view host);

// A date from the path of `url` ("/2017/03/27/" or "/20170327/"), ISO, or "".
std::string DateFromUrl(std::string_view url);

// ---- language (language.cc) ---------------------------------------------------

// The primary language subtag of `declared` ("id-ID" -> "id", "in" -> "id"),
// checked against `text` with cld2: a reliable detection that disagrees with
// the declaration wins (templates often keep a wrong default), Malay is told
// from Indonesian. "" when neither says.
std::string DecideLanguage(std::string_view declared, std::string_view text, bool detect);

// ---- small helpers (dom.cc) ---------------------------------------------------

// Lower-cased ASCII.
std::string Lower(std::string_view s);
// White space runs (incl. NBSP and other Unicode spaces) collapsed to one
// ASCII space, trimmed.
std::string CollapseSpace(std::string_view s);
// Attribute value or "".
std::string Attr(xmlNodePtr node, const char* name);
// Element name, lower case ("" for non-elements).
std::string_view Tag(xmlNodePtr node);
// All text below `node` (scripts and styles excluded), collapsed. Iterative.
std::string TextOf(xmlNodePtr node);

}  // namespace warta::html::internal
