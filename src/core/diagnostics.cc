#include "core/diagnostics.h"

#include "core/utf8.h"

namespace warta {

std::string EscapeForDisplay(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex = [](std::string* out, unsigned value) {
    out->append("\\x");
    out->push_back(kHex[(value >> 4) & 0xF]);
    out->push_back(kHex[value & 0xF]);
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7F) {
        hex(&out, c);
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    const size_t n = Utf8SequenceAt(text, i);
    if (n == 0) {  // not UTF-8: shown as the byte it is
      hex(&out, c);
      ++i;
      continue;
    }
    // C1 controls (U+0080..U+009F, encoded C2 80..C2 9F) act on terminals
    // too (CSI is U+009B).
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      hex(&out, static_cast<unsigned char>(text[i + 1]));
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string Diagnostic::ToString() const {
  std::string out = source.empty() ? std::string("<input>") : EscapeForDisplay(source);
  if (line > 0) out += ":" + std::to_string(line);
  if (byte_offset >= 0) out += " (byte " + std::to_string(byte_offset) + ")";
  out += severity == Severity::kRejected ? ": rejected: " : ": warning: ";
  out += EscapeForDisplay(reason);
  return out;
}

}  // namespace warta
