// RFC 3986 reference resolution (section 5.2) with the normalisation a
// fetcher needs to tell two spellings of one URL apart.
#include "fetch/url.h"

#include <string>
#include <string_view>

#include "core/ascii.h"

namespace warta::fetch {
namespace {

struct Parts {
  std::string scheme;  // lower case, without ':'
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
};

bool IsSchemeChar(char c, bool first) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return !first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
}

// Splits a URI reference into its components (RFC 3986 appendix B); the
// fragment is dropped, a fetcher never sends it.
Parts Split(std::string_view s) {
  Parts p;
  size_t i = 0;
  while (i < s.size() && IsSchemeChar(s[i], i == 0)) ++i;
  if (i > 0 && i < s.size() && s[i] == ':') {
    p.scheme = AsciiLower(s.substr(0, i));
    s.remove_prefix(i + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s.remove_prefix(2);
    size_t end = s.find_first_of("/?");
    p.has_authority = true;
    p.authority = std::string(s.substr(0, end));
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  size_t q = s.find('?');
  p.path = std::string(s.substr(0, q));
  if (q != std::string_view::npos) {
    p.has_query = true;
    p.query = std::string(s.substr(q + 1));
  }
  return p;
}

// RFC 3986 section 5.2.4.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in.front() == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

// RFC 3986 section 5.2.3.
std::string Merge(const Parts& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

// Blanks around, tabs and line breaks inside, backslashes for http(s), and
// the bytes a URL may not hold literally percent-encoded ('%' itself is kept:
// an escape already written stays one).
std::string Clean(std::string_view s, bool backslash_is_slash) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '\\' && backslash_is_slash) {
      out.push_back('/');
    } else if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' ||
               c == '|' || c == '^') {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// Lower-cases the host and drops the scheme's default port.
std::string NormaliseAuthority(std::string_view authority, std::string_view scheme) {
  size_t at = authority.rfind('@');
  std::string userinfo = at == std::string_view::npos ? "" : std::string(authority.substr(0, at + 1));
  std::string_view hostport = at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view host = hostport, port;
  // An IPv6 literal holds colons; the port's colon comes after its ']'.
  size_t colon = hostport.rfind(':');
  size_t bracket = hostport.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  std::string out = userinfo + AsciiLower(host);
  bool default_port = (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  if (!port.empty() && !default_port) out += ":" + std::string(port);
  return out;
}

std::string Recompose(const Parts& p) {
  std::string out = p.scheme + ":";
  if (p.has_authority) out += "//" + NormaliseAuthority(p.authority, p.scheme);
  out += (p.has_authority && p.path.empty()) ? "/" : p.path;
  if (p.has_query) out += "?" + p.query;
  return out;
}

bool IsHttpScheme(std::string_view s) { return s == "http" || s == "https"; }

}  // namespace

std::optional<std::string> ResolveUrl(std::string_view base_in, std::string_view reference) {
  Parts base = Split(Clean(base_in, true));
  std::string ref_text = Clean(reference, true);
  Parts ref = Split(ref_text);
  if (!ref.scheme.empty() && !IsHttpScheme(ref.scheme)) {
    // Backslashes are slashes only in http(s) URLs; re-read without that.
    ref = Split(Clean(reference, false));
  }
  if (ref_text.empty()) return std::nullopt;
  Parts t;
  if (!ref.scheme.empty()) {
    t = ref;
    t.path = RemoveDotSegments(ref.path);
  } else {
    if (base.scheme.empty()) return std::nullopt;
    t.scheme = base.scheme;
    if (ref.has_authority) {
      t.has_authority = true;
      t.authority = ref.authority;
      t.path = RemoveDotSegments(ref.path);
      t.has_query = ref.has_query;
      t.query = ref.query;
    } else {
      t.has_authority = base.has_authority;
      t.authority = base.authority;
      if (ref.path.empty()) {
        t.path = base.path;
        t.has_query = ref.has_query || base.has_query;
        t.query = ref.has_query ? ref.query : base.query;
      } else {
        t.path = RemoveDotSegments(ref.path.front() == '/' ? ref.path : Merge(base, ref.path));
        t.has_query = ref.has_query;
        t.query = ref.query;
      }
    }
  }
  return Recompose(t);
}

bool IsHttpUrl(std::string_view url) {
  Parts p = Split(url);
  if (!IsHttpScheme(p.scheme) || !p.has_authority) return false;
  std::string host = NormaliseAuthority(p.authority, p.scheme);
  if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  return !host.empty() && host.front() != ':';
}

std::string RobotsPath(std::string_view url) {
  Parts p = Split(url);
  std::string out = p.path.empty() ? "/" : p.path;
  if (p.has_query) out += "?" + p.query;
  return out;
}

}  // namespace warta::fetch
