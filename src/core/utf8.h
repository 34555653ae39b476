// Small UTF-8 helpers shared by every stage. All assume valid UTF-8 (ingest
// guarantees it) except Utf8Validate, which checks it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace warta {

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t Utf8Validate(std::string_view s);

// Length (2 to 4) of the valid multi-byte sequence starting at s[i]; 0 when
// s[i] is ASCII or starts no valid sequence (same rules as Utf8Validate).
// The one validator: charset detection and the html stage count and repair
// with it.
size_t Utf8SequenceAt(std::string_view s, size_t i);

// Number of code points in `s`.
size_t Utf8Length(std::string_view s);

// Decodes the code point at `*pos` and advances `*pos` past it.
char32_t Utf8Next(std::string_view s, size_t* pos);

// Appends `cp` encoded as UTF-8.
void Utf8Append(std::string* out, char32_t cp);

// Trims ASCII and Unicode white space (incl. NBSP) from both ends.
std::string_view TrimSpace(std::string_view s);

}  // namespace warta
