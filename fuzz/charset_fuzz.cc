// libFuzzer target: the charset stage (charset/charset.h) on arbitrary
// bytes: EnsureUtf8's decision, detection, conversion from a few named
// charsets, and the binary check.
// Invariants: whatever EnsureUtf8 accepts is valid UTF-8, and valid UTF-8
// passes untouched; a refusal leaves the text as it was and says where;
// every conversion that succeeds gives valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "charset/charset.h"
#include "core/utf8.h"
#include "fuzz_check.h"

namespace {

// Names as pages and headers declare them; the first byte picks one.
constexpr const char* kCharsets[] = {"UTF-8",        "WINDOWS-1252", "ISO-8859-1", "ISO-8859-15",
                                     "WINDOWS-1251", "KOI8-R",       "SHIFT_JIS",  "GB18030",
                                     "UTF-16LE",     "UTF-16BE",     "macintosh",  "no-such-charset"};

bool ValidUtf8(std::string_view s) { return warta::Utf8Validate(s) == std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t knob = data[0];
  const std::string original(reinterpret_cast<const char*>(data + 1), size - 1);

  std::string text = original;
  warta::charset::CharsetResult result = warta::charset::EnsureUtf8(&text);
  if (result.ok) {
    FUZZ_CHECK(ValidUtf8(text), "EnsureUtf8's output is valid UTF-8");
    if (ValidUtf8(original)) {
      FUZZ_CHECK(text == original, "valid UTF-8 passes untouched");
      FUZZ_CHECK(result.converted_from.empty(), "valid UTF-8 is not said converted");
    } else {
      FUZZ_CHECK(!result.converted_from.empty(), "a conversion names its charset");
    }
  } else {
    FUZZ_CHECK(text == original, "a refusal leaves the text unchanged");
    FUZZ_CHECK(!result.reason.empty(), "a refusal says why");
    FUZZ_CHECK(result.offset < static_cast<int64_t>(original.size()), "the refusal's offset is inside the input");
  }

  const std::string detected = warta::charset::DetectCharset(original);
  for (char c : detected) FUZZ_CHECK(!(c >= 'a' && c <= 'z'), "the detected name is upper-cased");

  std::string why;
  const std::string charset = kCharsets[knob % std::size(kCharsets)];
  std::optional<std::string> converted = warta::charset::ConvertToUtf8(original, charset, &why);
  if (converted) {
    FUZZ_CHECK(ValidUtf8(*converted), "ConvertToUtf8's output is valid UTF-8");
  } else {
    FUZZ_CHECK(!why.empty(), "a failed conversion says why");
  }
  if (!detected.empty()) {
    std::optional<std::string> as_detected = warta::charset::ConvertToUtf8(original, detected, &why);
    if (as_detected) FUZZ_CHECK(ValidUtf8(*as_detected), "conversion from the detected charset is valid UTF-8");
  }

  std::optional<std::string> binary = warta::charset::BinaryReason(original);
  if (original.find('\0') != std::string::npos) FUZZ_CHECK(binary.has_value(), "a NUL byte makes it binary");
  return 0;
}
