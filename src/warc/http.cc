// HTTP responses as WARC response records store them (see warc_reader.h).

#include <algorithm>
#include <optional>
#include <string>

#include "core/gzip.h"
#include "core/ascii.h"
#include "warc/warc_reader.h"

namespace warta::warc {
namespace {


// Undoes chunked transfer coding; nullopt when `body` is not chunked.
std::optional<std::string> Dechunk(std::string_view body, size_t max) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view size_line = TrimAsciiBlanks(body.substr(pos, eol - pos));
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = TrimAsciiBlanks(size_line.substr(0, semi));
    if (size_line.empty() || size_line.size() > 15) return std::nullopt;
    uint64_t n = 0;
    for (char c : size_line) {
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return std::nullopt;
      n = n * 16 + static_cast<uint64_t>(v);
    }
    pos = eol + 1;
    if (n == 0) return out;
    if (out.size() + n > max) return std::nullopt;
    // A truncated last chunk keeps what arrived.
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, body.size() - pos));
    out.append(body.substr(pos, take));
    pos += take;
    if (take < n) return out;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
    if (pos >= body.size()) return out;
  }
}

bool LooksDecoded(std::string_view body) {
  size_t i = body.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return true;
  unsigned char c = static_cast<unsigned char>(body[i]);
  return c == '<' || c == 0xEF;
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  std::string n = AsciiLower(name);
  for (const auto& [k, v] : headers) {
    if (AsciiLower(k) == n) return v;
  }
  return "";
}

StatusOr<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  HttpResponse r;
  size_t eol = block.find('\n');
  std::string_view status_line = TrimAsciiBlanks(block.substr(0, eol));
  if (status_line.substr(0, 5) != "HTTP/") return Status::Corrupt("not an HTTP response (no status line)");
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Status::Corrupt("malformed HTTP status line");
  std::string_view code = TrimAsciiBlanks(status_line.substr(sp + 1)).substr(0, 3);
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return Status::Corrupt("malformed HTTP status line");
  r.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  size_t pos = eol == std::string_view::npos ? block.size() : eol + 1;
  bool ended = false;
  while (pos < block.size()) {
    size_t e = block.find('\n', pos);
    std::string_view line = block.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
    pos = e == std::string_view::npos ? block.size() : e + 1;
    if (TrimAsciiBlanks(line).empty()) {
      ended = true;
      break;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !r.headers.empty()) {
      r.headers.back().second += " " + std::string(TrimAsciiBlanks(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerate junk lines
    r.headers.emplace_back(std::string(TrimAsciiBlanks(line.substr(0, colon))), std::string(TrimAsciiBlanks(line.substr(colon + 1))));
  }
  if (!ended) return Status::Corrupt("HTTP headers without an end");
  std::string_view body = block.substr(pos);
  if (body.size() > max_body_bytes) return Status::TooLarge("HTTP body over " + std::to_string(max_body_bytes) + " bytes");
  std::string decoded(body);
  if (AsciiLower(r.Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    // Some crawlers store the body already de-chunked but keep the header.
    if (auto d = Dechunk(body, max_body_bytes)) decoded = std::move(*d);
  }
  std::string coding = AsciiLower(TrimAsciiBlanks(r.Header("Content-Encoding")));
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    if (!LooksDecoded(decoded) || decoded.substr(0, 2) == "\x1f\x8b") {
      // Bodies cut short by the crawler keep what decoded.
      auto inflate = [&](Compression format) {
        return Inflate(decoded, {.format = format, .max_bytes = max_body_bytes, .keep_truncated = true});
      };
      // "deflate" is zlib-wrapped by the standard, raw by some servers.
      StatusOr<std::string> out = inflate(coding == "deflate" ? Compression::kZlib : Compression::kGzip);
      if (!out.ok() && coding == "deflate") out = inflate(Compression::kDeflate);
      if (!out.ok()) return out.status();
      decoded = std::move(*out);
    }
  } else if (!coding.empty() && coding != "identity" && coding != "none") {
    if (!LooksDecoded(decoded)) return Status::Unsupported("content encoding \"" + coding + "\" not supported");
  }
  r.body = std::move(decoded);
  return r;
}

}  // namespace warta::warc
