// ParseListing: size and charset decisions, then the XML, JSON Feed or HTML
// reader (see listing.h).
#include "fetch/listing.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "charset/charset.h"
#include "core/ascii.h"
#include "core/gzip.h"
#include "core/tsv.h"
#include "core/url.h"
#include "core/utf8.h"
#include "fetch/listing_internal.h"
#include "fetch/url.h"
#include "text/date_parse.h"
#include "text/lexicon.h"

namespace warta::fetch {
namespace internal {
// Defined in the source CMake generates from data/rfc822_zones.tsv.
extern const std::string_view kRfc822ZonesData;
}  // namespace internal

namespace {

using internal::Collector;

// ---- charsets -----------------------------------------------------------------

// The charset a `charset=` parameter names in `text` ("text/xml;
// charset=ISO-8859-1", a <meta> tag), "" when none.
std::string CharsetParameter(std::string_view text) {
  std::string lower = AsciiLower(text);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '=')) ++i;
  while (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t end = i;
  while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == '-' ||
                                lower[end] == '_' || lower[end] == ':' || lower[end] == '.'))
    ++end;
  return lower.substr(i, end - i);
}

// The encoding an XML declaration names, "" when none.
std::string XmlDeclaredEncoding(std::string_view head) {
  if (!head.starts_with("<?xml")) return "";
  size_t end = head.find("?>");
  std::string_view decl = head.substr(0, end);
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t q = decl.find_first_of("\"'", at);
  if (q == std::string_view::npos) return "";
  size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string_view::npos) return "";
  return AsciiLower(TrimAsciiBlanks(decl.substr(q + 1, q2 - q - 1)));
}

// A declared label as the converter is asked for it: the web reads the
// Latin-1 and ASCII labels as windows-1252 (every browser does), UTF-8's
// aliases as "UTF-8", others upper-cased as written.
std::string CanonicalCharset(std::string label) {
  label = AsciiLower(label);
  if (label.empty()) return "";
  if (label == "utf-8" || label == "utf8") return "UTF-8";
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" || label == "iso8859-1" ||
      label == "cp1252")
    return "WINDOWS-1252";
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return label;
}

// The bytes as UTF-8 (see "Charsets" in listing.h).
StatusOr<std::string> DecodeText(std::string_view bytes, const std::string& label, Listing* listing) {
  listing->charset = "UTF-8";
  if (bytes.starts_with("\xEF\xBB\xBF")) return std::string(bytes.substr(3));
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
    std::string why;
    std::string cs = bytes[0] == '\xFE' ? "UTF-16BE" : "UTF-16LE";
    std::optional<std::string> u = charset::ConvertToUtf8(bytes.substr(2), cs, &why);
    if (!u) return Status::Corrupt("not valid " + cs + " after its byte order mark: " + why);
    listing->charset = cs;
    return *u;
  }
  if (std::optional<std::string> binary = charset::BinaryReason(bytes.substr(0, 64 * 1024)))
    return Status::Unsupported("not a text document: " + *binary);
  const std::string declared = CanonicalCharset(label);
  // Messages name the label as the document wrote it.
  const std::string said = label.empty() ? "no charset declared" : "declared " + label;
  const size_t bad = Utf8Validate(bytes);
  if (bad == std::string_view::npos) {
    bool multibyte = false;
    for (char c : bytes) multibyte = multibyte || static_cast<unsigned char>(c) >= 0x80;
    if (multibyte && !declared.empty() && declared != "UTF-8")
      listing->charset_note = said + " but the bytes are valid UTF-8; read as UTF-8";
    return std::string(bytes);
  }
  if (!declared.empty() && declared != "UTF-8") {
    std::string why;
    if (std::optional<std::string> u = charset::ConvertToUtf8(bytes, declared, &why)) {
      listing->charset = declared;
      return *u;
    }
    listing->charset_note = "not valid " + label + " (" + why + ")";
  }
  std::string text(bytes);
  charset::CharsetResult r = charset::EnsureUtf8(&text);
  if (r.ok && !r.converted_from.empty()) {
    listing->charset = r.converted_from;
    listing->charset_note = said + " but the bytes are not; read as " + r.converted_from;
    return text;
  }
  // UTF-8 with damage: the readable rest is worth more than nothing.
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    size_t len = static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : Utf8SequenceAt(bytes, i);
    if (len) {
      out.append(bytes.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  listing->charset_note = said + "; invalid UTF-8 bytes replaced by U+FFFD (first at byte " + std::to_string(bad) + ")";
  return out;
}

// ---- JSON Feed ------------------------------------------------------------------

std::string JsonString(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Status ParseJsonFeed(std::string_view text, Collector* c, Listing* listing) {
  nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::Corrupt("not valid JSON");
  if (!root.is_object()) return Status::Unsupported("a JSON document that is no JSON Feed (not an object)");
  std::string version = JsonString(root, "version");
  if (!version.starts_with("https://jsonfeed.org/version/") && !version.starts_with("http://jsonfeed.org/version/"))
    return Status::Unsupported("a JSON document that is no JSON Feed (version \"" + version.substr(0, 80) + "\")");
  listing->kind = ListingKind::kJsonFeed;
  listing->title = c->Title(JsonString(root, "title"));
  auto items = root.find("items");
  if (items == root.end() || !items->is_array()) {
    c->Problem("no \"items\" array");
    return Status::Ok();
  }
  size_t n = 0;
  for (const nlohmann::json& item : *items) {
    std::string what = "item " + std::to_string(++n);
    if (!item.is_object()) {
      c->Skip(what + ": not an object");
      continue;
    }
    ListingEntry e;
    e.url = JsonString(item, "url");
    // An id is often the permalink; it is taken only when it is an http(s) URL.
    if (e.url.empty() && IsHttpUrl(JsonString(item, "id"))) e.url = JsonString(item, "id");
    e.title = c->Title(JsonString(item, "title"));
    e.published = c->IsoDate(JsonString(item, "date_published"), what + " date_published");
    e.updated = c->IsoDate(JsonString(item, "date_modified"), what + " date_modified");
    c->Add(&listing->entries, std::move(e), c->document_url(), what);
  }
  return Status::Ok();
}

// ---- classification ---------------------------------------------------------------

enum class Shape { kJson, kHtml, kXml };

// Skips blanks, comments and processing instructions; what the document's
// first real content is.
Shape ShapeOf(std::string_view text, std::string_view content_type) {
  std::string_view t = text;
  for (;;) {
    while (!t.empty() && static_cast<unsigned char>(t.front()) <= 0x20) t.remove_prefix(1);
    if (t.starts_with("<!--")) {
      size_t e = t.find("-->");
      t = e == std::string_view::npos ? std::string_view() : t.substr(e + 3);
    } else if (t.starts_with("<?")) {
      size_t e = t.find("?>");
      t = e == std::string_view::npos ? std::string_view() : t.substr(e + 2);
    } else {
      break;
    }
  }
  if (t.starts_with("{") || t.starts_with("[")) return Shape::kJson;
  std::string head = AsciiLower(t.substr(0, 64));
  if (head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
      head.starts_with("<meta") || head.starts_with("<body") || head.starts_with("<title"))
    return Shape::kHtml;
  // A page that opens with neither (a fragment, a <div>) is known by its
  // Content-Type; XHTML is read as XML and handed back (see listing_xml.cc).
  std::string ct = AsciiLower(content_type);
  if (ct.find("text/html") != std::string::npos) return Shape::kHtml;
  if (!t.starts_with("<") && ct.find("json") != std::string::npos) return Shape::kJson;
  return Shape::kXml;
}

const text::DateVocabulary& Rfc822Vocabulary() {
  static const text::DateVocabulary vocab = [] {
    text::DateTable zones{.origin = "<built-in>/rfc822_zones.tsv", .rows = {}};
    std::string_view data = internal::kRfc822ZonesData;
    int line_no = 0;
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      ++line_no;
      line = TrimAsciiBlanks(line);
      if (line.empty() || line.front() == '#') continue;
      zones.rows.push_back({line_no, SplitTabs(line)});
    }
    StatusOr<text::DateVocabulary> v = text::DateVocabulary::FromTables(*text::Lexicon::Builtin(), zones);
    // The table is built in and tested; should it ever be bad, the text
    // stage's own vocabulary (GMT, UTC, Z) still reads most feeds.
    return v.ok() ? *v : text::BuiltinDateVocabulary();
  }();
  return vocab;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool AllLetters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// RFC 822 wrote years with two digits ("21 Jan 24 14:32 +0700"), and RSS 2.0
// still allows them; the date parser wants four. A day, a word and two
// digits become the same with the year widened as RFC 2822 section 4.3 says
// (under 50: 20yy, else 19yy), and are parsed again.
std::optional<DateTime> ParseWithTwoDigitYear(std::string_view text) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > b) words.push_back(text.substr(b, i - b));
  }
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    if (!AllDigits(words[k]) || words[k].size() > 2 || !AllLetters(words[k + 1]) || words[k + 2].size() != 2 ||
        !AllDigits(words[k + 2]))
      continue;
    int yy = (words[k + 2][0] - '0') * 10 + (words[k + 2][1] - '0');
    std::string widened;
    for (size_t j = 0; j < words.size(); ++j) {
      if (j) widened += ' ';
      widened += j == k + 2 ? std::to_string(yy < 50 ? 2000 + yy : 1900 + yy) : std::string(words[j]);
    }
    return text::ParsePublicationDate(widened, Rfc822Vocabulary());
  }
  return std::nullopt;
}

}  // namespace

const char* ListingKindName(ListingKind kind) {
  switch (kind) {
    case ListingKind::kRss:
      return "rss";
    case ListingKind::kAtom:
      return "atom";
    case ListingKind::kJsonFeed:
      return "json-feed";
    case ListingKind::kSitemap:
      return "sitemap";
    case ListingKind::kSitemapIndex:
      return "sitemap-index";
    case ListingKind::kGoogleNewsSitemap:
      return "google-news-sitemap";
    case ListingKind::kHtml:
      return "html";
  }
  return "?";
}

std::optional<DateTime> ParseRfc822Date(std::string_view text) {
  text = TrimAsciiBlanks(text);
  if (text.empty()) return std::nullopt;
  if (std::optional<DateTime> d = text::ParsePublicationDate(text, Rfc822Vocabulary())) return d;
  return ParseWithTwoDigitYear(text);
}

StatusOr<Listing> ParseListing(std::string_view bytes, std::string_view document_url, std::string_view content_type,
                               const ListingOptions& options) {
  std::optional<std::string> doc_url = ResolveUrl("", document_url);
  if (!doc_url || !IsHttpUrl(*doc_url))
    return Status::InvalidArgument("the listing's URL is no absolute http(s) URL: " +
                                   std::string(document_url.substr(0, 200)));
  if (bytes.size() > options.max_document_bytes)
    return Status::TooLarge("listing of " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                            std::to_string(options.max_document_bytes));
  // Sitemaps are often served gzipped as files (sitemap.xml.gz), not as a
  // content coding the HTTP client undoes; the limit holds for what inflates.
  std::string inflated;
  if (IsGzip(bytes)) {
    StatusOr<std::string> in = Inflate(bytes, {.max_bytes = options.max_document_bytes, .keep_truncated = true});
    if (!in.ok()) {
      if (in.status().code() == StatusCode::kTooLarge)
        return Status::TooLarge("gzipped listing inflating to over the limit of " +
                                std::to_string(options.max_document_bytes) + " bytes");
      return Status::Corrupt("gzipped listing that does not inflate: " + in.status().message());
    }
    inflated = std::move(*in);
    bytes = inflated;
  }
  if (TrimAsciiBlanks(bytes).empty()) return Status::Corrupt("empty document");
  Listing listing;
  listing.base_url = *doc_url;
  // The declared charset: the transport's, else the document's own.
  std::string declared = CharsetParameter(content_type);
  std::string_view head = bytes.substr(0, 1024);
  if (declared.empty()) declared = XmlDeclaredEncoding(head);
  Shape shape = ShapeOf(bytes, content_type);
  if (declared.empty() && shape == Shape::kHtml) {
    std::string lower = AsciiLower(bytes.substr(0, 8 * 1024));
    if (size_t meta = lower.find("<meta");
        meta != std::string::npos && lower.find("charset", meta) != std::string::npos)
      declared = CharsetParameter(std::string_view(lower).substr(lower.find("charset", meta)));
  }
  WARTA_ASSIGN_OR_RETURN(std::string text, DecodeText(bytes, declared, &listing));
  Collector collector(&listing, options, *doc_url);
  if (shape == Shape::kJson) {
    WARTA_RETURN_IF_ERROR(ParseJsonFeed(text, &collector, &listing));
    return listing;
  }
  if (shape == Shape::kXml) {
    WARTA_RETURN_IF_ERROR(internal::ParseXmlListing(text, &collector, &listing));
    if (listing.kind != ListingKind::kHtml) return listing;
  }
  listing.kind = ListingKind::kHtml;
  internal::ParseHtmlListing(text, &collector, &listing);
  return listing;
}

namespace internal {

void Collector::Problem(std::string reason) {
  if (listing_->problems.size() < options_.max_problems) listing_->problems.push_back(std::move(reason));
}

void Collector::Skip(std::string reason) {
  ++listing_->skipped;
  Problem(std::move(reason));
}

void Collector::Add(std::vector<ListingEntry>* list, ListingEntry e, std::string_view base, std::string_view what) {
  std::string written(TrimAsciiBlanks(e.url));
  if (written.empty()) {
    Skip(std::string(what) + ": no link");
    return;
  }
  if (written.size() > options_.max_url_bytes) {
    Skip(std::string(what) + ": link of " + std::to_string(written.size()) + " bytes, over the limit");
    return;
  }
  std::optional<std::string> url = ResolveUrl(base, written);
  if (!url || !IsHttpUrl(*url)) {
    Skip(std::string(what) + ": link is no http(s) URL: " + written.substr(0, 100));
    return;
  }
  std::string key = ArticleUrlKey(*url);
  if (key.empty()) key = *url;
  if (!seen_.emplace(list, key).second) {
    Skip(std::string(what) + ": duplicate of an earlier link: " + *url);
    return;
  }
  if (list->size() >= options_.max_entries) {
    Skip(std::string(what) + ": over the limit of " + std::to_string(options_.max_entries) + " entries");
    return;
  }
  e.url = std::move(*url);
  list->push_back(std::move(e));
}

std::string Collector::Title(std::string_view text) const {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() > options_.max_title_bytes) {
    size_t cut = options_.max_title_bytes;
    // Back to the start of a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::optional<DateTime> Collector::IsoDate(std::string_view text, std::string_view what) {
  text = TrimAsciiBlanks(text);
  if (text.empty()) return std::nullopt;
  if (std::optional<DateTime> d = DateTime::ParseIso(text)) return d;
  // W3C date-time allows a year or a year and month alone; DateTime holds
  // days, and a day is never invented.
  bool partial = (text.size() == 4 || (text.size() == 7 && text[4] == '-'));
  for (size_t i = 0; partial && i < text.size(); ++i)
    partial = i == 4 || std::isdigit(static_cast<unsigned char>(text[i]));
  if (partial) {
    Problem(std::string(what) + ": a date without a day, not kept \"" + std::string(text) + "\"");
    return std::nullopt;
  }
  Problem(std::string(what) + ": unreadable date \"" + std::string(text.substr(0, 60)) + "\"");
  return std::nullopt;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    std::string rep;
    if (name == "amp")
      rep = "&";
    else if (name == "lt")
      rep = "<";
    else if (name == "gt")
      rep = ">";
    else if (name == "quot")
      rep = "\"";
    else if (name == "apos")
      rep = "'";
    else if (name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty();
      for (char d : digits) {
        int v = std::isdigit(static_cast<unsigned char>(d))           ? d - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(d)) ? (std::tolower(d) - 'a' + 10)
                                                                      : -1;
        if (v < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) Utf8Append(&rep, cp);
    }
    if (rep.empty()) {
      out.push_back('&');
      continue;
    }
    out += rep;
    i = semi;
  }
  return out;
}

std::string StripMarkup(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    char next = i + 1 < html.size() ? html[i + 1] : '\0';
    if (html[i] == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')) {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end;
      out.push_back(' ');
      continue;
    }
    out.push_back(html[i]);
  }
  return DecodeEntities(out);
}

}  // namespace internal
}  // namespace warta::fetch
