#include "text/case.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>

#include "core/utf8.h"

namespace warta::text {

void LowercaseTo(std::string_view utf8, std::string* out) {
  out->clear();
  size_t i = 0;
  for (; i < utf8.size(); ++i)
    if (static_cast<unsigned char>(utf8[i]) >= 0x80) break;
  if (i == utf8.size()) {
    out->resize(utf8.size());
    for (size_t k = 0; k < utf8.size(); ++k) {
      char c = utf8[k];
      (*out)[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return;
  }
  // icu::CaseMap's static functions keep no state, unlike a UCaseMap object,
  // so this needs no per-thread instance. The root locale ("") gives the
  // language-independent mapping.
  out->reserve(utf8.size());
  icu::StringByteSink<std::string> sink(out);
  UErrorCode err = U_ZERO_ERROR;
  icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                            nullptr, err);
  if (U_FAILURE(err)) out->assign(utf8);  // only on allocation failure
}

std::string Uppercase(std::string_view utf8) {
  std::string out;
  size_t i = 0;
  for (; i < utf8.size(); ++i)
    if (static_cast<unsigned char>(utf8[i]) >= 0x80) break;
  if (i == utf8.size()) {
    out.resize(utf8.size());
    for (size_t k = 0; k < utf8.size(); ++k) {
      char c = utf8[k];
      out[k] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c;
    }
    return out;
  }
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode err = U_ZERO_ERROR;
  icu::CaseMap::utf8ToUpper("", 0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                            nullptr, err);
  if (U_FAILURE(err)) out.assign(utf8);  // only on allocation failure
  return out;
}

LetterCase DetectLetterCase(std::string_view utf8, size_t min_letters) {
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      upper += c >= 'A' && c <= 'Z';
      lower += c >= 'a' && c <= 'z';
      ++i;
      continue;
    }
    const char32_t cp = Utf8Next(utf8, &i);
    upper += u_isupper(static_cast<UChar32>(cp)) != 0;
    lower += u_islower(static_cast<UChar32>(cp)) != 0;
  }
  const size_t letters = upper + lower;
  if (letters < min_letters || letters == 0) return LetterCase::kMixed;
  if (upper * 1000 <= letters * 3) return LetterCase::kLower;
  if (lower * 100 <= letters * 3) return LetterCase::kUpper;
  return LetterCase::kMixed;
}

std::string Lowercase(std::string_view utf8) {
  std::string out;
  LowercaseTo(utf8, &out);
  return out;
}

}  // namespace warta::text
