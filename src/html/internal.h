// Internals of the html stage, exposed for its tests and benchmarks only.
#pragma once

#include <libxml/HTMLparser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "html/extractor.h"
#include "text/date_parse.h"

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
// The largest number of attributes on one start tag of `html`, counted
// without parsing, in one pass; stops and returns as soon as a tag has more
// than `stop_above`. libxml2's HTML parser compares each attribute with
// every earlier one of its tag: 100,000 attributes on <body> took 54 s.
size_t MostAttributesOnOneTag(std::string_view html, size_t stop_above);

// ---- main content (content.cc) ------------------------------------------------

// The article blocks of `doc`. `title` (when known) is not repeated as a block.
std::vector<Block> ExtractContent(htmlDocPtr doc, std::string_view title, const text::DateVocabulary& dates);

// ---- metadata (metadata.cc) ---------------------------------------------------

// Fills title, published, modified, authors, editors, outlet, canonical_url, url and
// the declared language (page->language from <html lang>) from `doc`.
void ExtractMetadata(htmlDocPtr doc, const PageContext& ctx, const text::DateVocabulary& dates, ExtractedPage* page);

// A block that is a credit, not text: a credit label alone ("Penulis",
// "Editor :", the name being in the next cell), or "Label: Name" / ": Name"
// naming someone page.authors or page.editors already holds.
bool IsCreditLine(std::string_view text, const ExtractedPage& page, const text::DateVocabulary& dates);

// "Judul berita - Kompas.com" -> "Judul berita", given the site name or host.
std::string TrimTitleSuffix(std::string_view title, std::string_view site_name,
                            std::string_view host);

// A date from the path of `url` ("/2017/03/27/" or "/20170327/"), ISO, or "".
std::string DateFromUrl(std::string_view url);

// ---- language (language.cc) ---------------------------------------------------

// How much of the article text cld2 reads: a few paragraphs settle a
// language, and cld2's cost grows with the sample.
inline constexpr size_t kLanguageSampleBytes = 4 * 1024;

// The primary language subtag of `declared` ("id-ID" -> "id", "in" -> "id"),
// checked against `text` with cld2: a reliable detection that disagrees with
// the declaration wins (templates often keep a wrong default), Malay is told
// from Indonesian. "" when neither says.
std::string DecideLanguage(std::string_view declared, std::string_view text, bool detect);

// ---- small helpers (dom.cc) ---------------------------------------------------

// The element names the walks act on, as small codes so that the walks
// compare bytes, not strings. (libxml2's HTML parser copies every element
// and attribute name, so names cannot be compared by pointer.)
enum TagCode : uint8_t {
  kOther, kA, kP, kDiv, kSection, kArticle, kMain, kSpan, kFont, kBlockquote, kPre, kTd, kTh, kLi, kUl,
  kOl, kDl, kDd, kDt, kAddress, kForm, kInput, kBr, kHr, kTable, kAside, kFigure, kFigcaption, kH1, kH2,
  kH3, kH4, kH5, kH6, kB, kI, kEm, kStrong, kU, kSup, kSub, kSmall, kBody, kMeta, kLink, kTitle, kScript,
  kStyle, kNoscript, kTemplate, kTime,
};
struct ElementKind {
  uint8_t code = kOther;   // TagCode
  bool furniture = false;  // never carries article text (script, nav, figure, header...)
  bool block = false;      // block-level: ends a line of text
};
// What an element's name says (kOther, no flags, for a non-element).
ElementKind KindOf(xmlNodePtr node);

// The attribute names the walks read.
enum class AttrName : uint8_t {
  kOther, kClass, kId, kHidden, kAriaHidden, kStyle, kRole, kItemprop, kRel, kDatetime, kContent, kPubdate,
};
AttrName AttrNameOf(const xmlChar* name);

// Finds which of a fixed set of words occur in a text, in one pass over the
// text (words indexed by their first two bytes) rather than one search per
// word: the walks ask this of every class attribute of a page.
class WordScanner {
 public:
  struct Word {
    std::string_view text;  // lower case, at least two bytes, static storage
    uint32_t bit;
  };
  explicit WordScanner(const std::vector<Word>& words);
  // The OR of the bits of every word that occurs in `lower` (lower-cased).
  uint32_t Scan(std::string_view lower) const;

 private:
  std::vector<Word> by_first_[256];
  uint64_t pairs_[1024] = {};  // bit set of the first two bytes of every word
};

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
