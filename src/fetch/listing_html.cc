// Feed discovery on an HTML page: <link rel="alternate" type="..."> and
// <base href>, found by a scanner of tags rather than a full HTML parse. Only
// two elements matter, and a scanner that reads each byte once keeps the cost
// of a hostile page linear (libxml2's HTML parser compares each attribute of
// a tag with every earlier one; see html::ExtractOptions::max_attributes_per_tag).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "fetch/listing_internal.h"
#include "fetch/url.h"

namespace warta::fetch::internal {
namespace {

// Media types of feeds a page may link (RSS, Atom, JSON Feed; JSON Feed 1.0
// pages often say application/json).
bool IsFeedType(std::string_view t) {
  return t == "application/rss+xml" || t == "application/atom+xml" || t == "application/feed+json" ||
         t == "application/json" || t == "application/rdf+xml";
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Case-insensitive search for `lower` (lower case) in `s` from `from`.
size_t FindLower(std::string_view s, std::string_view lower, size_t from) {
  if (lower.empty() || s.size() < lower.size()) return std::string_view::npos;
  for (size_t i = from; i + lower.size() <= s.size(); ++i) {
    if (AsciiLower(s[i]) != lower[0]) continue;
    if (EqualsAsciiLower(s.substr(i, lower.size()), lower)) return i;
  }
  return std::string_view::npos;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

// Reads the attributes of a start tag from `i` (just past its name) to its
// '>'; returns the position after the tag. Values are kept only when `keep`.
size_t ReadAttributes(std::string_view s, size_t i, bool keep, Attributes* out) {
  while (i < s.size()) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
    if (i >= s.size()) break;
    if (s[i] == '>') return i + 1;
    size_t name_begin = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    // A lone '=' (or a stray character) still advances.
    if (i == name_begin) ++i;
    std::string_view name = s.substr(name_begin, i - name_begin);
    size_t j = i;
    while (j < s.size() && IsSpace(s[j])) ++j;
    std::string_view value;
    if (j < s.size() && s[j] == '=') {
      ++j;
      while (j < s.size() && IsSpace(s[j])) ++j;
      if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
        size_t close = s.find(s[j], j + 1);
        if (close == std::string_view::npos) close = s.size();
        value = s.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        size_t b = j;
        while (j < s.size() && !IsSpace(s[j]) && s[j] != '>') ++j;
        value = s.substr(b, j - b);
        i = j;
      }
    }
    if (keep) out->emplace_back(AsciiLower(name), DecodeEntities(value));
  }
  return s.size();
}

std::string Get(const Attributes& a, std::string_view name) {
  for (const auto& [k, v] : a) {
    if (k == name) return v;
  }
  return "";
}

bool HasToken(std::string_view list, std::string_view lower_token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsSpace(list[i])) ++i;
    size_t b = i;
    while (i < list.size() && !IsSpace(list[i])) ++i;
    if (i > b && EqualsAsciiLower(list.substr(b, i - b), lower_token)) return true;
  }
  return false;
}

}  // namespace

void ParseHtmlListing(std::string_view s, Collector* collector, Listing* listing) {
  struct Found {
    ListingEntry entry;
    std::string what;
  };
  std::vector<Found> found;
  bool base_set = false;
  size_t links = 0;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i).starts_with("<!--")) {
      size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '!' || s[j] == '?' || s[j] == '/')) {
      size_t e = s.find('>', j);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i + 1) {
      ++i;
      continue;
    }
    std::string name = AsciiLower(s.substr(i + 1, j - i - 1));
    Attributes attrs;
    bool keep = name == "link" || name == "base";
    i = ReadAttributes(s, j, keep, &attrs);
    if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "noscript") {
      // Raw text: a '<' inside is no tag.
      size_t close = FindLower(s, "</" + name, i);
      if (close == std::string_view::npos) break;
      // The page's own title names the source it is the home page of.
      if (name == "title" && listing->title.empty())
        listing->title = collector->Title(StripMarkup(s.substr(i, std::min(close - i, size_t{64} << 10))));
      i = close;
    } else if (name == "base" && !base_set) {
      std::string href = Get(attrs, "href");
      if (!href.empty()) {
        // The first <base href> is the page's base (HTML: the frozen base URL).
        if (std::optional<std::string> b = ResolveUrl(collector->document_url(), href)) listing->base_url = *b;
        base_set = true;
      }
    } else if (name == "link" && HasToken(Get(attrs, "rel"), "alternate")) {
      std::string type = AsciiLower(Get(attrs, "type"));
      if (size_t semi = type.find(';'); semi != std::string::npos) type.resize(semi);
      type = std::string(TrimAsciiBlanks(type));
      if (!IsFeedType(type)) continue;
      Found f;
      f.entry.url = Get(attrs, "href");
      f.entry.title = collector->Title(Get(attrs, "title"));
      f.entry.type = type;
      f.what = "feed link " + std::to_string(++links);
      found.push_back(std::move(f));
    }
  }
  // A <base> applies to the links before it too.
  for (Found& f : found) collector->Add(&listing->feeds, std::move(f.entry), listing->base_url, f.what);
}

}  // namespace warta::fetch::internal
