// The warc stage: reads WARC 1.0/1.1 files (ISO 28500), plain or gzipped one
// record per member (.warc.gz), record by record, in bounded memory.
//
// Web archives are large (gigabytes) and long-lived, and damage happens: a
// truncated transfer, a flipped bit in one gzip member, a record whose
// Content-Length lies. The reader streams (only the current record's headers,
// and its block when it is of a wanted type, are held), reports each damaged
// stretch once with its byte offset and goes on with the next record it can
// find: the start of the next gzip member, or the next "WARC/1." line.
// Damage costs only the damaged member: the record being read when it is
// found is abandoned and reading starts afresh at the next member header,
// looked for in the damaged member's own bytes too (a member cut short has
// the next one's header inside what it consumed). A Content-Length too large
// is caught (the block is not followed by CRLF CRLF and then the end, a
// blank line or a record; or a record start lies inside it): the lying
// record is reported and skipped and reading goes on at the record start
// found inside its block, so the record it swallowed is still read. To make
// that possible every block within max_block_bytes is read into memory,
// wanted or not (WarcRecord::block stays empty for unwanted types).
//
//   warc::WarcReader reader(std::move(input), {});  // any warc::Input
//   warc::WarcRecord rec;
//   while (reader.Next(&rec)) { ... }
//   for (const warc::WarcProblem& p : reader.TakeProblems()) report(p);
//
// Offsets: for a plain WARC, the byte offset in the file; for a gzipped WARC,
// the offset of the gzip member where the record (or the damage) starts,
// which is what CDX indexes point at.
//
// Thread-safety: a WarcReader is not thread-safe; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace warta::warc {

// A byte stream the reader pulls from.
class Input {
 public:
  virtual ~Input() = default;
  // Up to n bytes into buf; 0 at the end of the stream or on failure.
  virtual size_t Read(char* buf, size_t n) = 0;
  // Why the last Read returned 0 early, "" for a clean end.
  virtual std::string error() const { return ""; }
};

// Bytes held in memory (tests, fuzzing). The bytes must outlive the Input.
std::unique_ptr<Input> MemoryInput(std::string_view bytes);

struct WarcOptions {
  // Record types whose content block is kept in WarcRecord::block; other
  // blocks are skipped without being held.
  std::vector<std::string> block_types = {"response", "resource"};
  // A wanted block larger than this is skipped and reported.
  size_t max_block_bytes = 64u << 20;
};

struct WarcRecord {
  int64_t offset = 0;        // see the file comment
  std::string version;       // "WARC/1.0", "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> headers;  // as written
  std::string type;          // WARC-Type, lower case
  std::string target_uri;    // WARC-Target-URI (angle brackets removed)
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block
  int64_t content_length = 0;
  bool has_block = false;    // block holds the content (a wanted type, within the limit)
  std::string block;

  // The first header named `name` (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

struct WarcProblem {
  int64_t offset = 0;
  std::string reason;
};

struct WarcStats {
  uint64_t records = 0;      // good records delivered
  uint64_t problems = 0;     // damaged stretches skipped
};

class WarcReader {
 public:
  WarcReader(std::unique_ptr<Input> input, WarcOptions options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next good record (its fields replaced); false at the end. Damage met
  // on the way is added to the problems (see TakeProblems).
  bool Next(WarcRecord* record);

  // Problems found since the last call, in file order.
  std::vector<WarcProblem> TakeProblems();
  const WarcStats& stats() const;
  // True when the input is gzip-compressed (known after the first Next()).
  bool compressed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- HTTP payloads (http.cc) -------------------------------------------------

struct HttpResponse {
  int status = 0;  // 200
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // de-chunked and decoded (gzip, deflate)

  std::string Header(std::string_view name) const;
};

// Parses an HTTP/1.x response as a WARC response record stores it: status
// line, headers, body. Chunked transfer coding and gzip/deflate content
// codings are undone (a body a crawler already decoded, despite the header,
// is taken as is). Errors: kCorrupt for a block that is no HTTP response or
// a body that cannot be decoded, kUnsupported for other codings (br),
// kTooLarge when the decoded body would exceed max_body_bytes.
StatusOr<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

}  // namespace warta::warc
