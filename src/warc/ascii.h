// Small ASCII helpers shared by the WARC record reader and the HTTP parser.
#pragma once

#include <string>
#include <string_view>

namespace warta::warc::internal {

// Header names and values compare case-insensitively in both formats.
inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Strips the blanks (and a stray CR) around a header field.
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace warta::warc::internal
