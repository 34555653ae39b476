#include "charset/charset.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/utf8.h"

namespace warta::charset {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string DetectCharset(std::string_view text) {
  uchardet_t ud = uchardet_new();
  if (!ud) return {};
  std::string out;
  if (uchardet_handle_data(ud, text.data(), text.size()) == 0) {
    uchardet_data_end(ud);
    const char* cs = uchardet_get_charset(ud);
    if (cs) out = cs;
  }
  uchardet_delete(ud);
  return Upper(out);
}

std::optional<std::string> ConvertToUtf8(std::string_view text, const std::string& charset,
                                         std::string* why) {
  if (text.size() >= static_cast<size_t>(INT32_MAX / 2)) {
    *why = "text too large to convert";
    return std::nullopt;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset.c_str(), &err),
                                                          &ucnv_close);
  if (U_FAILURE(err)) {
    *why = "no converter for " + charset + " (" + u_errorName(err) + ")";
    return std::nullopt;
  }
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> u(text.size() * 2 + 1);
  int32_t ulen = ucnv_toUChars(cnv.get(), u.data(), static_cast<int32_t>(u.size()), text.data(),
                               static_cast<int32_t>(text.size()), &err);
  if (U_FAILURE(err)) {
    *why = "bytes not valid in " + charset + " (" + u_errorName(err) + ")";
    return std::nullopt;
  }
  int32_t need = 0;
  UErrorCode err2 = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &need, u.data(), ulen, &err2);
  std::string out(static_cast<size_t>(need), '\0');
  err2 = U_ZERO_ERROR;
  u_strToUTF8(out.data(), need, &need, u.data(), ulen, &err2);
  if (U_FAILURE(err2) && err2 != U_STRING_NOT_TERMINATED_WARNING) {
    *why = std::string("UTF-8 conversion failed (") + u_errorName(err2) + ")";
    return std::nullopt;
  }
  return out;
}

CharsetResult EnsureUtf8(std::string* text) {
  CharsetResult r;
  size_t bad = Utf8Validate(*text);
  if (bad == std::string_view::npos) {
    r.ok = true;
    return r;
  }
  // Valid multi-byte sequences next to invalid bytes: damaged UTF-8.
  const std::string_view s = *text;
  size_t multibyte = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceAt(s, i);
    if (len) {
      ++multibyte;
      i += len;
    } else {
      ++i;
    }
  }
  r.offset = static_cast<int64_t>(bad);
  if (multibyte > 0) {
    r.reason = "invalid UTF-8 at byte " + std::to_string(bad);
    return r;
  }
  std::string charset = DetectCharset(s);
  if (charset.empty() || charset == "ASCII" || charset == "UTF-8") {
    r.reason = "invalid UTF-8 at byte " + std::to_string(bad) +
               " and the legacy character set could not be detected";
    return r;
  }
  std::string why;
  std::optional<std::string> converted = ConvertToUtf8(s, charset, &why);
  if (!converted) {
    r.reason = "invalid UTF-8 at byte " + std::to_string(bad) + "; detected " + charset +
               " but " + why;
    return r;
  }
  // uchardet has no Indonesian model and often names a Central European
  // cousin (WINDOWS-1250, ISO-8859-2) for Latin text. When WINDOWS-1252, the
  // usual legacy charset of Indonesian and English web text, reads these very
  // bytes the same way, name it instead: the text is identical, the note is
  // more useful.
  if (charset != "WINDOWS-1252") {
    std::string ignored;
    std::optional<std::string> cp1252 = ConvertToUtf8(s, "WINDOWS-1252", &ignored);
    if (cp1252 && *cp1252 == *converted) charset = "WINDOWS-1252";
  }
  *text = std::move(*converted);
  r.ok = true;
  r.offset = -1;
  r.converted_from = charset;
  return r;
}

std::optional<std::string> BinaryReason(std::string_view head) {
  size_t control = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == 0) return "binary data (NUL byte at byte " + std::to_string(i) + ")";
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0D) && c != 0x1B) || c == 0x7F) ++control;
  }
  if (!head.empty() && control * 10 > head.size()) {
    return "binary data (" + std::to_string(control * 100 / head.size()) + "% control bytes)";
  }
  return std::nullopt;
}

}  // namespace warta::charset
