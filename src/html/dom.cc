// Small DOM helpers and the parser entry point (see internal.h).
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string>

#include "core/utf8.h"
#include "html/internal.h"

namespace warta::html::internal {
namespace {

// Unicode white space that web pages use between words.
bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // NBSP
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    // U+2000..U+200A spaces, U+200B zero width space, U+2028/9, U+202F, U+205F
    if ((c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) ||
        (c1 == 0x81 && c2 == 0x9F)) {
      *len = 3;
      return true;
    }
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    *len = 3;  // ideographic space
    return true;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    *len = 3;  // a stray BOM / zero width no-break space
    return true;
  }
  return false;
}

bool SkippedTag(std::string_view t) {
  return t == "script" || t == "style" || t == "noscript" || t == "template";
}

}  // namespace

namespace {

struct NamedKind {
  std::string_view name;
  ElementKind kind;
};

// Every element name the rules know, by first letter.
class KindTable {
 public:
  KindTable() {
    constexpr bool F = true, B = true, _ = false;
    const NamedKind all[] = {
        {"a", {kA, _, _}}, {"p", {kP, _, B}}, {"div", {kDiv, _, B}}, {"section", {kSection, _, B}},
        {"article", {kArticle, _, B}}, {"main", {kMain, _, B}}, {"span", {kSpan, _, _}}, {"font", {kFont, _, _}},
        {"blockquote", {kBlockquote, _, B}}, {"pre", {kPre, _, B}}, {"td", {kTd, _, B}}, {"th", {kTh, _, B}},
        {"li", {kLi, _, B}}, {"ul", {kUl, _, B}}, {"ol", {kOl, _, B}}, {"dl", {kDl, _, B}}, {"dd", {kDd, _, B}},
        {"dt", {kDt, _, B}}, {"address", {kAddress, _, B}}, {"form", {kForm, _, B}}, {"input", {kInput, F, _}},
        {"br", {kBr, _, _}}, {"hr", {kHr, _, B}}, {"table", {kTable, _, B}}, {"aside", {kAside, F, _}},
        {"figure", {kFigure, F, _}}, {"figcaption", {kFigcaption, F, _}}, {"h1", {kH1, _, B}},
        {"h2", {kH2, _, B}}, {"h3", {kH3, _, B}}, {"h4", {kH4, _, B}}, {"h5", {kH5, _, B}}, {"h6", {kH6, _, B}},
        {"b", {kB, _, _}}, {"i", {kI, _, _}}, {"em", {kEm, _, _}}, {"strong", {kStrong, _, _}}, {"u", {kU, _, _}},
        {"sup", {kSup, _, _}}, {"sub", {kSub, _, _}}, {"small", {kSmall, _, _}}, {"body", {kBody, _, B}},
        {"meta", {kMeta, F, _}}, {"link", {kLink, F, _}}, {"title", {kTitle, F, _}}, {"script", {kScript, F, _}},
        {"style", {kStyle, F, _}}, {"noscript", {kNoscript, F, _}}, {"template", {kTemplate, F, _}},
        {"time", {kTime, _, _}},
        // Named for their flags only.
        {"svg", {kOther, F, _}}, {"math", {kOther, F, _}}, {"iframe", {kOther, F, _}}, {"object", {kOther, F, _}},
        {"embed", {kOther, F, _}}, {"canvas", {kOther, F, _}}, {"video", {kOther, F, _}},
        {"audio", {kOther, F, _}}, {"map", {kOther, F, _}}, {"nav", {kOther, F, _}}, {"footer", {kOther, F, _}},
        {"button", {kOther, F, _}}, {"select", {kOther, F, _}}, {"textarea", {kOther, F, _}},
        {"label", {kOther, F, _}}, {"dialog", {kOther, F, _}}, {"menu", {kOther, F, _}},
        {"picture", {kOther, F, _}}, {"img", {kOther, F, _}}, {"header", {kOther, F, _}},
        {"head", {kOther, F, _}}, {"source", {kOther, F, _}}, {"track", {kOther, F, _}},
        {"option", {kOther, F, _}}, {"fieldset", {kOther, F, _}}, {"legend", {kOther, F, _}},
        {"tbody", {kOther, _, B}}, {"thead", {kOther, _, B}}, {"tfoot", {kOther, _, B}}, {"tr", {kOther, _, B}},
        {"center", {kOther, _, B}}, {"html", {kOther, _, B}}, {"details", {kOther, _, B}},
        {"summary", {kOther, _, B}}, {"caption", {kOther, _, B}},
    };
    for (const NamedKind& k : all) by_first_[static_cast<unsigned char>(k.name[0]) - 'a'].push_back(k);
  }
  ElementKind Find(const char* name) const {
    const unsigned char c = static_cast<unsigned char>(name[0]);
    if (c < 'a' || c > 'z') return {};
    for (const NamedKind& k : by_first_[c - 'a']) {
      if (std::strcmp(name, k.name.data()) == 0) return k.kind;
    }
    return {};
  }

 private:
  std::vector<NamedKind> by_first_[26];
};

}  // namespace

ElementKind KindOf(xmlNodePtr node) {
  static const KindTable table;
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  // The HTML parser lower-cases element names.
  return table.Find(reinterpret_cast<const char*>(node->name));
}

AttrName AttrNameOf(const xmlChar* name_in) {
  if (!name_in) return AttrName::kOther;
  // The HTML parser lower-cases attribute names.
  const char* name = reinterpret_cast<const char*>(name_in);
  auto is = [name](const char* s) { return std::strcmp(name, s) == 0; };
  switch (name[0]) {
    case 'a': return is("aria-hidden") ? AttrName::kAriaHidden : AttrName::kOther;
    case 'c':
      if (is("class")) return AttrName::kClass;
      return is("content") ? AttrName::kContent : AttrName::kOther;
    case 'd': return is("datetime") ? AttrName::kDatetime : AttrName::kOther;
    case 'h': return is("hidden") ? AttrName::kHidden : AttrName::kOther;
    case 'i':
      if (is("id")) return AttrName::kId;
      return is("itemprop") ? AttrName::kItemprop : AttrName::kOther;
    case 'p': return is("pubdate") ? AttrName::kPubdate : AttrName::kOther;
    case 'r':
      if (is("role")) return AttrName::kRole;
      return is("rel") ? AttrName::kRel : AttrName::kOther;
    case 's': return is("style") ? AttrName::kStyle : AttrName::kOther;
    default: return AttrName::kOther;
  }
}

WordScanner::WordScanner(const std::vector<Word>& words) {
  for (const Word& w : words) {
    by_first_[static_cast<unsigned char>(w.text[0])].push_back(w);
    const unsigned pair = static_cast<unsigned char>(w.text[0]) << 8 | static_cast<unsigned char>(w.text[1]);
    pairs_[pair >> 6] |= uint64_t{1} << (pair & 63);
  }
}

uint32_t WordScanner::Scan(std::string_view s) const {
  uint32_t found = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned pair = static_cast<unsigned char>(s[i]) << 8 | static_cast<unsigned char>(s[i + 1]);
    if (!(pairs_[pair >> 6] >> (pair & 63) & 1)) continue;
    for (const Word& w : by_first_[static_cast<unsigned char>(s[i])]) {
      if (s[i + 1] != w.text[1] || (found & w.bit) || w.text.size() > s.size() - i) continue;
      if (std::memcmp(s.data() + i + 2, w.text.data() + 2, w.text.size() - 2) == 0) found |= w.bit;
    }
  }
  return found;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (IsSpaceAt(s, i, &len)) {
      pending = true;
      i += len;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(s[i++]);
  }
  return out;
}

std::string Attr(xmlNodePtr node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return "";
  for (xmlAttrPtr a = node->properties; a; a = a->next) {
    if (a->name && xmlStrcasecmp(a->name, BAD_CAST name) == 0) {
      if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
        return reinterpret_cast<const char*>(a->children->content);
      xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
      std::string out = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      return out;
    }
  }
  return "";
}

std::string_view Tag(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  // The HTML parser lower-cases element names.
  return reinterpret_cast<const char*>(node->name);
}

std::string TextOf(xmlNodePtr root) { return TextOfBounded(root, std::string::npos); }

std::string TextOfBounded(xmlNodePtr root, size_t max_bytes) {
  std::string raw;
  if (!root) return raw;
  if (root->type == XML_TEXT_NODE || root->type == XML_CDATA_SECTION_NODE) {
    if (root->content) raw = reinterpret_cast<const char*>(root->content);
    return CollapseSpace(raw);
  }
  xmlNodePtr n = root->children;
  while (n) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) {
        raw += reinterpret_cast<const char*>(n->content);
        if (raw.size() > max_bytes) break;
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      std::string_view t = Tag(n);
      if (t == "br") raw.push_back(' ');
      descend = !SkippedTag(t) && n->children;
      if (!descend) raw.push_back(' ');
    }
    if (descend) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) {
      n = n->parent;
      if (n && n->type == XML_ELEMENT_NODE) raw.push_back(' ');
    }
    if (!n || n == root) break;
    n = n->next;
  }
  return CollapseSpace(raw);
}

size_t MostAttributesOnOneTag(std::string_view html, size_t stop_above) {
  // A tokenizer of start tags only, linear in the page: text, comments and
  // end tags are skipped; in a start tag each name (with or without a
  // value, quoted or not) counts once, as libxml2 would read it.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const size_t n = html.size();
  size_t most = 0;
  for (size_t i = 0; i < n; ++i) {
    if (html[i] != '<' || i + 1 >= n) continue;
    if (html.compare(i + 1, 3, "!--") == 0) {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    if (!letter(html[i + 1])) continue;
    size_t j = i + 1;
    while (j < n && !space(html[j]) && html[j] != '>' && html[j] != '/') ++j;  // the tag name
    size_t count = 0;
    while (j < n) {
      while (j < n && (space(html[j]) || html[j] == '/')) ++j;
      if (j >= n || html[j] == '>') break;
      if (++count > stop_above) return count;
      while (j < n && !space(html[j]) && html[j] != '=' && html[j] != '>') ++j;  // its name
      while (j < n && space(html[j])) ++j;
      if (j >= n || html[j] != '=') continue;
      ++j;
      while (j < n && space(html[j])) ++j;
      if (j < n && (html[j] == '"' || html[j] == '\'')) {
        size_t close = html.find(html[j], j + 1);
        j = close == std::string_view::npos ? n : close + 1;
      } else {
        while (j < n && !space(html[j]) && html[j] != '>') ++j;
      }
    }
    most = std::max(most, count);
    i = j;  // at the '>' (or the end): the loop steps past it
  }
  return most;
}

htmlDocPtr ParseHtml(std::string_view utf8, const std::string& url) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // The text is UTF-8 already (DecodeToUtf8 decided the charset): naming
  // no encoding and ignoring the page's own declaration lets libxml2 read
  // the bytes as they are, without passing them through its UTF-8 to UTF-8
  // converter, and keeps a stale <meta charset> from re-decoding them.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC;
  // libxml2 takes an int length; the caller keeps inputs far below 2 GiB.
  return htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), url.empty() ? nullptr : url.c_str(),
                        nullptr, options);
}

}  // namespace warta::html::internal
