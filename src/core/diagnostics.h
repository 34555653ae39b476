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
#include <string_view>

namespace warta {

// `text` made safe to print on one terminal line: a file name (or a reason
// quoting input) is chosen by whoever wrote the input, and a raw newline would
// forge a second diagnostic line, an ANSI escape would drive the terminal.
// Newline, CR and tab become \n, \r, \t; every other C0 control, DEL, and
// C1 control (U+0080..U+009F) becomes \xHH (its code point); a byte that
// starts no valid UTF-8 sequence becomes \xHH too. Valid UTF-8 otherwise
// (Indonesian, CJK...) is kept as it is. Every diagnostic that prints a file
// name goes through it (Diagnostic::ToString, the CLI's own messages).
std::string EscapeForDisplay(std::string_view text);

struct Diagnostic {
  enum class Severity { kWarning, kRejected };
  Severity severity = Severity::kRejected;
  std::string source;       // file path, "-" for stdin
  int64_t line = 0;         // 1-based, 0 when not line-oriented
  int64_t byte_offset = -1; // -1 when unknown
  std::string reason;

  // "data/a.jsonl:12: rejected: malformed JSON (...)" or
  // "data/b.txt.gz (byte 8192): rejected: truncated gzip stream".
  // Source and reason are escaped (EscapeForDisplay): always one line.
  std::string ToString() const;
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

}  // namespace warta
