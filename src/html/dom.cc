// Small DOM helpers and the parser entry point (see internal.h).
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

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

htmlDocPtr ParseHtml(std::string_view utf8, const std::string& url) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD;
  // libxml2 takes an int length; the caller keeps inputs far below 2 GiB.
  return htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), url.empty() ? nullptr : url.c_str(),
                        "UTF-8", options);
}

}  // namespace warta::html::internal
