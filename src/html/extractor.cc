#include "html/extractor.h"

#include <libxml/HTMLparser.h>

#include <memory>
#include <string>

#include "charset/charset.h"
#include "html/internal.h"

namespace warta::html {

std::vector<std::string> ExtractedPage::Paragraphs() const {
  std::vector<std::string> out;
  out.reserve(blocks.size());
  for (const Block& b : blocks) out.push_back(b.text);
  return out;
}

RawDocument ExtractedPage::ToRawDocument(std::string source) const {
  RawDocument doc;
  doc.source = std::move(source);
  doc.paragraphs = Paragraphs();
  doc.title = title;
  doc.url = url.empty() ? canonical_url : url;
  doc.date = published;
  doc.outlet = outlet;
  doc.language = language;
  doc.authors = authors;
  doc.editors = editors;
  doc.charset_note = charset_note;
  doc.modified = modified;
  doc.canonical_url = canonical_url;
  return doc;
}

StatusOr<ExtractedPage> Extract(std::string_view bytes, const PageContext& ctx,
                                const ExtractOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status::TooLarge("page too large: " + std::to_string(bytes.size()) + " bytes (limit " +
                            std::to_string(options.max_input_bytes) + ")");
  }
  if (bytes.size() >= 0x7fff0000u) return Status::TooLarge("page too large for the HTML parser");
  const bool utf16_bom = bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
  if (!utf16_bom) {
    if (auto why = charset::BinaryReason(bytes.substr(0, 16 * 1024))) {
      return Status::Corrupt("not an HTML page: " + *why);
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::Corrupt("empty page");
  }

  internal::Decoded decoded = internal::DecodeToUtf8(bytes, ctx.content_type);
  if (decoded.view.empty()) decoded.view = decoded.utf8;
  if (options.max_attributes_per_tag > 0 &&
      internal::MostAttributesOnOneTag(decoded.view, options.max_attributes_per_tag) > options.max_attributes_per_tag) {
    return Status::TooLarge("a tag with over " + std::to_string(options.max_attributes_per_tag) +
                            " attributes (limit " + std::to_string(options.max_attributes_per_tag) +
                            "): refused unparsed");
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(internal::ParseHtml(decoded.view, ctx.url), &xmlFreeDoc);
  if (!doc) return Status::Corrupt("the HTML parser found no document");

  const text::DateVocabulary& dates = options.dates ? *options.dates : text::BuiltinDateVocabulary();
  ExtractedPage page;
  page.charset = decoded.charset;
  page.charset_note = decoded.note;
  if (options.metadata) {
    internal::ExtractMetadata(doc.get(), ctx, dates, &page);
  } else {
    page.url = ctx.url;
  }
  page.blocks = internal::ExtractContent(doc.get(), page.title, dates);
  if (options.metadata) {
    // Credits the metadata now holds are not text.
    std::erase_if(page.blocks, [&](const Block& b) { return internal::IsCreditLine(b.text, page, dates); });
  }
  if (page.blocks.empty()) return Status::Corrupt("no article text found");
  if (options.metadata) {
    std::string text;
    for (const Block& b : page.blocks) {
      if (text.size() > internal::kLanguageSampleBytes) break;
      text += b.text;
      text.push_back('\n');
    }
    page.language = internal::DecideLanguage(page.language, text, options.detect_language);
  }
  return page;
}

}  // namespace warta::html
