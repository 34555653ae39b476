// The html stage: one web page (raw bytes, any charset, broken markup) to the
// article it carries: the main text as paragraphs and headings in reading
// order, and its metadata.
//
// News pages wrap a few hundred words of article in kilobytes of furniture:
// menus, related-article lists, share bars, comments, ads, cookie notices,
// footers, image credits. Extract() parses the page with libxml2's forgiving
// HTML parser, drops the furniture by general signals (element kind, class
// and id vocabulary, link density, text density; never a rule naming a site)
// and picks the block of the page that holds the article, readability-style.
// The debris-line rules of the clean stage run on the paragraphs afterwards.
//
//   warta::html::PageContext ctx;
//   ctx.url = "https://example.id/2017/03/27/x";
//   auto page = warta::html::Extract(bytes, ctx, {});
//   if (!page.ok()) report(page.status());
//   warta::RawDocument doc = page->ToRawDocument("file.html");
//
// Thread-safety: Extract() is thread-safe (libxml2 is initialised once, every
// call owns its document).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "text/date_parse.h"

namespace warta::html {

// What the container knew about the page before reading it.
struct PageContext {
  std::string url;            // where the page came from ("" when unknown)
  std::string content_type;   // HTTP Content-Type, e.g. "text/html; charset=iso-8859-1"
  std::string fallback_date;  // ISO date used when the page states none (WARC-Date)
};

// The largest web page Warta reads (32 MiB), whichever command reads it:
// `warta ingest` (files and WARC records) and `warta extract` refuse the
// same pages.
inline constexpr size_t kMaxPageBytes = 32u << 20;
// The most attributes one tag of a page may carry (ExtractOptions).
inline constexpr size_t kMaxAttributesPerTag = 1000;

struct ExtractOptions {
  // Pages larger than this are refused (kTooLarge) rather than parsed.
  size_t max_input_bytes = kMaxPageBytes;
  // A page with a start tag carrying more attributes than this is refused
  // (kTooLarge) before libxml2 parses it: its parser checks each attribute
  // against all the earlier ones of the tag, quadratic in their number
  // (issue 14, finding 4). Real pages carry a few dozen at most. 0 = no limit.
  size_t max_attributes_per_tag = kMaxAttributesPerTag;
  // Fill metadata (title, dates, authors, editors, outlet, canonical URL, language).
  bool metadata = true;
  // Detect the language with cld2 when the page does not declare one (and
  // check a declared one against the text).
  bool detect_language = true;
  // The month, weekday and zone names dates and bylines are read with
  // (text::DateVocabulary::FromLexicon of a `--lexicon` directory); null =
  // the built-in lexicon's.
  std::shared_ptr<const text::DateVocabulary> dates;
};

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kPreformatted };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // valid UTF-8, white space collapsed, no '\n'
};

struct ExtractedPage {
  std::vector<Block> blocks;      // the article text in reading order
  std::string title;              // outlet suffix (" - Kompas.com") trimmed
  std::string published;          // ISO 8601 of what is known, "" when unknown
  std::string modified;           // ISO 8601, "" when unknown
  std::vector<std::string> authors;
  std::vector<std::string> editors;  // "Editor:"/"Penyunting:"/"Redaktur:" credits, itemprop/JSON-LD editor
  std::string outlet;             // og:site_name, JSON-LD publisher, else the host
  std::string url;                // ctx.url, else the canonical URL
  std::string canonical_url;      // <link rel=canonical> / og:url, absolute
  std::string language;           // BCP 47 primary tag ("id", "ms", "en"), "" when unknown
  std::string charset;            // the charset the bytes were read as ("UTF-8", "WINDOWS-1252")
  std::string charset_note;       // set when the declared charset was wrong or absent and
                                  // bytes were converted, e.g. "declared UTF-8, read as WINDOWS-1252"

  // The block texts, in order.
  std::vector<std::string> Paragraphs() const;
  // The text for the clean stage: paragraphs, metadata, source = `source`.
  RawDocument ToRawDocument(std::string source) const;
};

// Extracts the article from one page. Errors (the message names no file; the
// caller prefixes it): kTooLarge over max_input_bytes; kCorrupt when the bytes
// are binary or not HTML at all, or when no article text is found ("no
// article text found"). Broken markup is never an error by itself.
StatusOr<ExtractedPage> Extract(std::string_view html_bytes, const PageContext& ctx,
                                const ExtractOptions& options);

}  // namespace warta::html
