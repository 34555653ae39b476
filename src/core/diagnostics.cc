#include "core/diagnostics.h"

namespace warta {

std::string Diagnostic::ToString() const {
  std::string out = source.empty() ? std::string("<input>") : source;
  if (line > 0) out += ":" + std::to_string(line);
  if (byte_offset >= 0) out += " (byte " + std::to_string(byte_offset) + ")";
  out += severity == Severity::kRejected ? ": rejected: " : ": warning: ";
  out += reason;
  return out;
}

}  // namespace warta
