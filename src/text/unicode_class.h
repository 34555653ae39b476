// Character classes for the tokenizer and sentence splitter (internal to
// the text stage; other stages use Token kinds instead).
//
// ASCII is classified by a 128-entry table so that the common case never
// calls ICU; other code points go through ICU's general category. Decode()
// never reads past the end and accepts any bytes: see kStrayByte and
// kBadSequence. Everything here is stateless and thread-safe.
#pragma once

#include <unicode/uchar.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace warta::text::internal {

enum class CharClass : uint8_t {
  kSpace,      // separates tokens
  kIgnorable,  // format and control characters: dropped (ZWSP, soft hyphen, BOM)
  kLetter,     // Unicode L* and M*, and N* other than decimal digits
  kDigit,      // decimal digits (Nd)
  kQuote,      // quotation marks
  kPunct,      // other punctuation
  kSymbol,     // symbols and everything else, incl. malformed bytes
};

// Bit flags of the ASCII table.
inline constexpr uint8_t kAsciiSpace = 1;
inline constexpr uint8_t kAsciiLower = 2;
inline constexpr uint8_t kAsciiUpper = 4;
inline constexpr uint8_t kAsciiDigit = 8;
inline constexpr uint8_t kAsciiQuote = 16;
inline constexpr uint8_t kAsciiPunct = 32;
inline constexpr uint8_t kAsciiSymbol = 64;
inline constexpr uint8_t kAsciiLetter = kAsciiLower | kAsciiUpper;
inline constexpr uint8_t kAsciiWord = kAsciiLetter | kAsciiDigit;

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};  // 0 = control character (ignorable)
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[static_cast<unsigned char>(c)] = kAsciiSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  t['"'] = t['\''] = kAsciiQuote;
  for (char c : {'.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '-', '/', '\\', '_'})
    t[static_cast<unsigned char>(c)] = kAsciiPunct;
  for (char c : {'#', '$', '%', '&', '*', '+', '<', '=', '>', '@', '^', '`', '|', '~'})
    t[static_cast<unsigned char>(c)] = kAsciiSymbol;
  return t;
}

inline constexpr std::array<uint8_t, 128> kAsciiTable = MakeAsciiTable();

inline uint8_t Ascii(unsigned char c) { return c < 0x80 ? kAsciiTable[c] : 0; }

inline CharClass AsciiClass(unsigned char c) {
  uint8_t a = kAsciiTable[c & 0x7F];
  if (a & kAsciiLetter) return CharClass::kLetter;
  if (a & kAsciiDigit) return CharClass::kDigit;
  if (a & kAsciiSpace) return CharClass::kSpace;
  if (a & kAsciiQuote) return CharClass::kQuote;
  if (a & kAsciiPunct) return CharClass::kPunct;
  if (a & kAsciiSymbol) return CharClass::kSymbol;
  return CharClass::kIgnorable;
}

// Pseudo code points Decode() returns for bytes that are not valid UTF-8.
// A continuation byte with no lead byte is skipped (it adds no code point to
// Utf8Length either); any other malformed sequence is one symbol.
inline constexpr char32_t kStrayByte = 0xFFFFFFFF;
inline constexpr char32_t kBadSequence = 0xFFFFFFFE;

struct Decoded {
  char32_t cp;
  uint32_t len;  // bytes, >= 1
};

// Decodes the code point at p[i] (i < n). A sequence that has its lead byte
// and all its continuation bytes is consumed whole even when it is overlong,
// a surrogate or past U+10FFFF (then kBadSequence), so that every decoded
// unit holds exactly one non-continuation byte: code point offsets stay
// those of Utf8Length() for any input.
inline Decoded Decode(const unsigned char* p, size_t i, size_t n) {
  unsigned char c = p[i];
  if (c < 0x80) return {c, 1};
  if ((c & 0xC0) == 0x80) return {kStrayByte, 1};
  uint32_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > n) return {kBadSequence, 1};
  char32_t cp = c & (0x7F >> len);
  for (uint32_t k = 1; k < len; ++k) {
    unsigned char b = p[i + k];
    if ((b & 0xC0) != 0x80) return {kBadSequence, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return {kBadSequence, len};
  return {cp, len};
}

// Class of a decoded code point (ASCII included).
inline CharClass ClassOf(char32_t cp) {
  if (cp < 0x80) return AsciiClass(static_cast<unsigned char>(cp));
  if (cp == kStrayByte) return CharClass::kIgnorable;
  if (cp == kBadSequence) return CharClass::kSymbol;
  UChar32 u = static_cast<UChar32>(cp);
  uint32_t mask = U_GET_GC_MASK(u);
  if (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_NL_MASK | U_GC_NO_MASK)) return CharClass::kLetter;
  if (mask & U_GC_ND_MASK) return CharClass::kDigit;
  if (mask & U_GC_Z_MASK) return CharClass::kSpace;
  if (mask & (U_GC_CC_MASK | U_GC_CF_MASK)) {
    return u_isUWhiteSpace(u) ? CharClass::kSpace : CharClass::kIgnorable;  // NEL is a Cc space
  }
  // Pi/Pf are the typographic quotes; „ ‚ are Ps, and U+FF02 is Po.
  if ((mask & (U_GC_PI_MASK | U_GC_PF_MASK)) || cp == 0x201E || cp == 0x201A || cp == 0xFF02)
    return CharClass::kQuote;
  if (mask & U_GC_P_MASK) return CharClass::kPunct;
  return CharClass::kSymbol;
}

}  // namespace warta::text::internal
