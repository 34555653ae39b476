// Diagnostics: how stages report bad input without stopping the batch.
//
// Every rejected or skipped input becomes one Diagnostic: where (file, and the
// line or byte offset when known) and why. A DiagnosticSink receives them as
// they happen; the CLI prints each as one line on stderr and counts them for
// the closing summary. Sinks may be called from several threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace warta {

struct Diagnostic {
  enum class Severity { kWarning, kRejected };
  Severity severity = Severity::kRejected;
  std::string source;       // file path, "-" for stdin
  int64_t line = 0;         // 1-based, 0 when not line-oriented
  int64_t byte_offset = -1; // -1 when unknown
  std::string reason;

  // "data/a.jsonl:12: rejected: malformed JSON (...)" or
  // "data/b.txt.gz (byte 8192): rejected: truncated gzip stream".
  std::string ToString() const;
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

}  // namespace warta
