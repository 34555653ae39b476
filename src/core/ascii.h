// ASCII helpers for the places where case and blanks are ASCII by contract:
// data-file fields, HTTP and WARC header names, HTML attribute values, word
// lists that are compared ASCII-lowercased. Text of the articles themselves
// is lower-cased with ICU (text/case.h), never with these.
#pragma once

#include <string>
#include <string_view>

namespace warta {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// True when `s`, ASCII-lowercased, is `lower` (which must be lower case).
inline bool EqualsAsciiLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLower(s[i]) != lower[i]) return false;
  }
  return true;
}

// Strips spaces, tabs and a stray CR (a data file or header saved with CRLF)
// from both ends.
inline std::string_view TrimAsciiBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace warta
