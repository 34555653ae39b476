// Internal to the clean stage: small helpers over UTF-8 strings.
#pragma once

#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::clean::internal {

// Space-separated words (lines are Normalise()d: single ASCII spaces).
inline std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

inline char32_t FirstCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t p = 0;
  return Utf8Next(s, &p);
}

inline char32_t LastCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t p = s.size() - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return Utf8Next(s, &p);
}

inline bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

inline bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

inline bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Rule vocabularies are compared ASCII-lowercased.
using warta::AsciiLower;

}  // namespace warta::clean::internal
