// Builders for WARC test inputs (tests of warc and ingest).
#pragma once

#include <cstdio>
#include <string>

#include "test_support.h"

namespace warta::warc::testutil {

using warta::testing::Gzip;

inline std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                          const std::string& content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:0000>\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2017-03-27T03:15:00Z\r\nContent-Type: " + content_type +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

inline std::string HttpOk(const std::string& body, const std::string& extra_headers = "",
                          const std::string& content_type = "text/html; charset=utf-8") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\n" + extra_headers + "\r\n" + body;
}

inline std::string Chunked(const std::string& body, size_t chunk) {
  std::string out;
  char hex[32];
  for (size_t i = 0; i < body.size(); i += chunk) {
    std::string part = body.substr(i, chunk);
    std::snprintf(hex, sizeof hex, "%zx", part.size());
    out += std::string(hex) + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

inline std::string Page(const std::string& title, const std::string& sentence) {
  std::string p;
  for (int i = 0; i < 3; ++i) p += "<p>" + sentence + " Kalimat ke-" + std::to_string(i) + ".</p>";
  return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>" + p +
         "</article></body></html>";
}

}  // namespace warta::warc::testutil
