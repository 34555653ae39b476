// Charset decisions for web pages (see internal.h).
//
// The order is the HTML standard's (BOM, transport header, <meta>, then a
// guess), with one addition the web needs: a declaration is a claim, and the
// bytes are checked against it. A page saying ISO-8859-1 whose bytes are
// valid multi-byte UTF-8 is UTF-8 (CMS templates keep stale declarations);
// a page saying UTF-8 whose bytes are not is detected and converted.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "charset/charset.h"
#include "core/utf8.h"
#include "html/internal.h"

namespace warta::html::internal {
namespace {

struct Utf8Census {
  size_t multibyte = 0;  // valid multi-byte sequences
  size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Census Census(std::string_view s) {
  Utf8Census c;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceAt(s, i);
    if (len) {
      ++c.multibyte;
      i += len;
    } else {
      ++c.invalid;
      ++i;
    }
  }
  return c;
}

// Invalid bytes become U+FFFD: a page is mostly right even when a template
// fragment is not, and libxml2 would otherwise switch the whole page to Latin-1.
std::string ReplaceInvalid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    size_t len = Utf8SequenceAt(s, i);
    if (len) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

// WHATWG label -> the name we convert with, upper case; "" for unusable.
std::string Canonical(std::string_view label) {
  std::string l = Lower(CollapseSpace(label));
  while (!l.empty() && (l.back() == '"' || l.back() == '\'' || l.back() == ';')) l.pop_back();
  while (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "UTF-8";
  // The standard reads these as windows-1252 (browsers always have).
  if (l == "iso-8859-1" || l == "latin1" || l == "l1" || l == "iso8859-1" || l == "us-ascii" ||
      l == "ascii" || l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso_8859-1")
    return "WINDOWS-1252";
  // A <meta> cannot declare UTF-16 (the page would not have been readable to
  // find it); the standard says UTF-8.
  if (l.rfind("utf-16", 0) == 0 || l.rfind("utf16", 0) == 0) return "UTF-8";
  std::string up;
  for (char c : l) up.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  return up;
}

std::string ValueAfterCharset(std::string_view s, size_t pos) {
  // pos points just past "charset"
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '"' || s[pos] == '\''))
    ++pos;
  size_t end = pos;
  while (end < s.size() && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != ' ' &&
         s[end] != '>' && s[end] != '/' && s[end] != '\t' && s[end] != '\r' && s[end] != '\n')
    ++end;
  return std::string(s.substr(pos, end - pos));
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  std::string l = Lower(content_type);
  size_t p = l.find("charset");
  if (p == std::string::npos) return "";
  return ValueAfterCharset(content_type, p + 7);
}

std::string CharsetFromMeta(std::string_view head) {
  head = head.substr(0, 8192);
  // Case-insensitive "<meta" and "charset" without copying the head.
  auto find_ci = [](std::string_view hay, std::string_view lower, size_t from) {
    for (size_t i = from; i + lower.size() <= hay.size(); ++i) {
      size_t k = 0;
      while (k < lower.size()) {
        char c = hay[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[k]) break;
        ++k;
      }
      if (k == lower.size()) return i;
    }
    return std::string_view::npos;
  };
  size_t from = 0;
  for (;;) {
    size_t p = find_ci(head, "<meta", from);
    if (p == std::string_view::npos) return "";
    size_t end = head.find('>', p);
    if (end == std::string_view::npos) end = head.size();
    std::string_view tag = head.substr(p, end - p);
    size_t c = find_ci(tag, "charset", 0);
    if (c != std::string_view::npos) {
      std::string v = ValueAfterCharset(tag, c + 7);
      if (!v.empty()) return v;
    }
    from = end;
  }
}

Decoded DecodeToUtf8(std::string_view bytes, std::string_view content_type) {
  Decoded d;
  // Byte order marks win over every declaration.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    d.charset = "UTF-8";
  } else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const bool be = bytes[0] == '\xFE';
    std::string why;
    auto u = charset::ConvertToUtf8(bytes.substr(2), be ? "UTF-16BE" : "UTF-16LE", &why);
    if (u) {
      d.utf8 = std::move(*u);
      d.charset = be ? "UTF-16BE" : "UTF-16LE";
      return d;
    }
    d.note = "UTF-16 byte order mark but " + why;
  }
  std::string declared;
  std::string where;
  if (d.charset.empty()) {
    declared = Canonical(CharsetFromContentType(content_type));
    where = "the HTTP header";
    if (declared.empty()) {
      declared = Canonical(CharsetFromMeta(bytes));
      where = "a <meta> tag";
    }
  } else {
    declared = d.charset;
  }
  const bool valid = Utf8Validate(bytes) == std::string_view::npos;
  if (valid) {
    d.view = bytes;  // no copy: the page is parsed from the caller's bytes
    if (!declared.empty() && declared != "UTF-8") {
      if (Census(bytes).multibyte > 0) {
        d.note = "declared " + declared + " in " + where + ", but the bytes are UTF-8";
      } else {
        d.charset = declared;  // pure ASCII reads the same either way
        return d;
      }
    }
    d.charset = "UTF-8";
    return d;
  }
  if (!declared.empty() && declared != "UTF-8") {
    std::string why;
    auto u = charset::ConvertToUtf8(bytes, declared, &why);
    if (u) {
      d.utf8 = std::move(*u);
      d.charset = declared;
      return d;
    }
    d.note = "declared " + declared + " in " + where + " but " + why;
  }
  Utf8Census c = Census(bytes);
  // Mostly UTF-8 with a few stray bytes: damaged UTF-8, not a legacy charset.
  if (c.multibyte > 0 && c.invalid * 20 <= c.multibyte) {
    d.utf8 = ReplaceInvalid(bytes);
    d.charset = "UTF-8";
    if (!d.note.empty()) d.note += "; ";
    d.note += std::to_string(c.invalid) + " invalid UTF-8 byte(s) replaced with U+FFFD";
    return d;
  }
  std::string guess = charset::DetectCharset(bytes);
  if (guess.empty() || guess == "ASCII" || guess == "UTF-8") guess = "WINDOWS-1252";
  std::string why;
  auto u = charset::ConvertToUtf8(bytes, guess, &why);
  if (!u && guess != "WINDOWS-1252") {
    guess = "WINDOWS-1252";
    u = charset::ConvertToUtf8(bytes, guess, &why);
  }
  if (!u) {
    guess = "ISO-8859-1";  // maps every byte
    u = charset::ConvertToUtf8(bytes, guess, &why);
  }
  // uchardet names Central European cousins for Latin text; when
  // WINDOWS-1252 reads the bytes identically, say that.
  if (u && guess != "WINDOWS-1252") {
    std::string ignored;
    auto w = charset::ConvertToUtf8(bytes, "WINDOWS-1252", &ignored);
    if (w && *w == *u) guess = "WINDOWS-1252";
  }
  d.utf8 = u ? std::move(*u) : ReplaceInvalid(bytes);
  d.charset = u ? guess : "UTF-8";
  std::string what = declared.empty() ? "no charset declared" : "declared " + declared;
  if (d.note.empty()) d.note = what;
  d.note += ", read as " + d.charset + " (detected)";
  return d;
}

}  // namespace warta::html::internal
