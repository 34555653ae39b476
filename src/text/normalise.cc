#include "text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace warta::text {

namespace {

bool IsAsciiOnly(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Drops invisible characters and turns every space-like one into ' ',
// collapsing runs and trimming the ends.
std::string CleanSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    char32_t cp;
    size_t start = pos;
    if (c < 0x80) {
      cp = c;
      ++pos;
    } else {
      cp = Utf8Next(s, &pos);
    }
    bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
                 (cp >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(cp)));
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    // Zero-width and format characters (ZWSP, ZWJ, soft hyphen, BOM...) and C0/C1 controls.
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD || cp == 0x200B ||
        cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF)
      continue;
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(s.data() + start, pos - start);
  }
  return out;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  return nfc;
}

}  // namespace

std::string Normalise(std::string_view utf8) {
  if (IsAsciiOnly(utf8)) return CleanSpaces(utf8);
  const icu::Normalizer2* nfc = Nfc();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  if (nfc && !nfc->isNormalized(u, err)) {
    err = U_ZERO_ERROR;
    icu::UnicodeString n = nfc->normalize(u, err);
    if (U_SUCCESS(err)) {
      std::string out;
      n.toUTF8String(out);
      return CleanSpaces(out);
    }
  }
  return CleanSpaces(utf8);
}

std::string NormaliseForId(std::string_view utf8) {
  std::string n = Normalise(utf8);
  std::string out;
  out.reserve(n.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < n.size()) {
    unsigned char c = static_cast<unsigned char>(n[pos]);
    if (c < 0x80) {  // most of an Indonesian article: no ICU call needed
      ++pos;
      bool digit = c >= '0' && c <= '9';
      bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (!digit && !letter) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) {
        out += ' ';
        pending_space = false;
      }
      out += static_cast<char>(letter ? (c | 0x20) : c);
      continue;
    }
    char32_t cp = Utf8Next(n, &pos);
    if (!u_isalnum(static_cast<UChar32>(cp))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    Utf8Append(&out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
  }
  return out;
}

}  // namespace warta::text
