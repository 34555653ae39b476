#include "text/case.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>

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

std::string Lowercase(std::string_view utf8) {
  std::string out;
  LowercaseTo(utf8, &out);
  return out;
}

}  // namespace warta::text
