// libFuzzer target: the JSONL reader (ingest/reader.h) on arbitrary bytes
// read as a .jsonl file: line splitting, per-line charset decisions, the
// line-length limit, JSON parsing and metadata, gzip when the bytes start with
// its magic.
// Invariants: every delivered document is valid UTF-8 throughout and has a
// text or a paragraph; documents come in line order; and, for a plain (not
// gzip, not UTF-16) file the reader did not refuse whole, every non-blank line
// is accounted for exactly once: delivered or rejected with its line number.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/diagnostics.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "ingest/reader.h"

namespace {

// The reader opens files by name; each process writes its input to its own
// file (in /dev/shm when there is one, so no disk is touched).
const std::string& InputPath() {
  static const std::string path = [] {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    std::string p = std::string(dir) + "/warta-jsonl-fuzz-" + std::to_string(getpid()) + ".jsonl";
    atexit([] { unlink(InputPath().c_str()); });
    return p;
  }();
  return path;
}

bool ValidUtf8(std::string_view s) { return warta::Utf8Validate(s) == std::string_view::npos; }

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    int fd = open(InputPath().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FUZZ_CHECK(fd >= 0, "the input file opens");
    size_t done = 0;
    while (done < size) {
      ssize_t n = write(fd, data + done, size - done);
      FUZZ_CHECK(n > 0, "the input file is written");
      done += static_cast<size_t>(n);
    }
    close(fd);
  }

  // A small line limit, so long lines and huge fields reach the limit's path.
  warta::ingest::IngestOptions options;
  options.max_line_bytes = 4096;
  std::map<int64_t, int> accounted;  // line -> documents + rejections naming it
  bool whole_file_refused = false;
  warta::ingest::DocumentReader reader({InputPath()}, options, [&](const warta::Diagnostic& d) {
    FUZZ_CHECK(!d.reason.empty(), "a diagnostic says why");
    if (d.severity != warta::Diagnostic::Severity::kRejected) return;
    if (d.line > 0) {
      ++accounted[d.line];
    } else {
      whole_file_refused = true;  // binary, damaged stream, whitespace only
    }
  });

  warta::RawDocument doc;
  int64_t last_line = 0;
  while (reader.Next(&doc)) {
    FUZZ_CHECK(doc.line > last_line, "documents in line order");
    last_line = doc.line;
    ++accounted[doc.line];
    FUZZ_CHECK(!doc.text.empty() || !doc.paragraphs.empty(), "a document has text or paragraphs");
    FUZZ_CHECK(ValidUtf8(doc.text), "text is valid UTF-8");
    for (const std::string& p : doc.paragraphs) {
      FUZZ_CHECK(!Blank(p), "blank paragraphs are dropped");
      FUZZ_CHECK(ValidUtf8(p), "paragraphs are valid UTF-8");
    }
    for (const std::string* field : {&doc.title, &doc.url, &doc.date, &doc.outlet, &doc.language})
      FUZZ_CHECK(ValidUtf8(*field), "metadata is valid UTF-8");
    for (const std::string& a : doc.authors) FUZZ_CHECK(ValidUtf8(a), "authors are valid UTF-8");
  }
  const warta::ingest::IngestStats& stats = reader.stats();
  FUZZ_CHECK(stats.files == 1, "one file read");

  const bool plain = !(size >= 2 && ((data[0] == 0x1f && data[1] == 0x8b) || (data[0] == 0xFF && data[1] == 0xFE) ||
                                     (data[0] == 0xFE && data[1] == 0xFF)));
  if (plain && !whole_file_refused) {
    // The lines as the reader splits them: at '\n'; a UTF-8 byte order mark
    // in front is not part of the first line.
    std::string_view rest = bytes;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    int64_t number = 0;
    size_t start = 0;
    while (start < rest.size()) {
      size_t nl = rest.find('\n', start);
      std::string_view line = rest.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      ++number;
      const auto it = accounted.find(number);
      const int times = it == accounted.end() ? 0 : it->second;
      // A line over the limit is refused even when blank (its length is all
      // the reader looks at).
      const bool counts = line.size() > options.max_line_bytes || !Blank(line);
      FUZZ_CHECK(times == (counts ? 1 : 0), "each non-blank line delivered or rejected exactly once");
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    FUZZ_CHECK(accounted.empty() || accounted.rbegin()->first <= number, "no line past the end");
  }
  return 0;
}
