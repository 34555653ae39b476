// The charset stage: character set decisions for ingest and the html stage.
//
// Text must reach clean as valid UTF-8 and must never be garbled silently:
// valid UTF-8 passes untouched; UTF-8 with damage is rejected (converting it
// as a legacy charset would turn every correct accent into mojibake); text
// with high bytes but no valid multi-byte UTF-8 sequence is taken to be a
// legacy single-byte charset, detected with uchardet and converted with ICU,
// and the caller is told which charset was assumed.
//
// Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta::charset {

struct CharsetResult {
  bool ok = false;
  std::string reason;          // why not ok: "invalid UTF-8 at byte 17"
  int64_t offset = -1;         // byte in the input where the problem is, when known
  std::string converted_from;  // "WINDOWS-1252" when converted, empty when it was UTF-8
};

// Makes *text valid UTF-8 in place (see above). On failure *text is unchanged.
CharsetResult EnsureUtf8(std::string* text);

// uchardet's guess for `text`, upper-cased ("WINDOWS-1252", "UTF-8",
// "ASCII"); empty when it has none.
std::string DetectCharset(std::string_view text);

// Converts `text` from `charset` (an ICU converter name or alias) to UTF-8,
// refusing bytes the charset does not map (no silent U+FFFD). nullopt with
// *why set on failure.
std::optional<std::string> ConvertToUtf8(std::string_view text, const std::string& charset,
                                         std::string* why);

// "binary data (NUL byte at byte 12)" when `head` (the first 64 KiB of a
// stream) looks binary: any NUL byte, or more than 10% C0 control bytes other
// than tab, line feed, vertical tab, form feed, carriage return and escape.
std::optional<std::string> BinaryReason(std::string_view head);

}  // namespace warta::charset
