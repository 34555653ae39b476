// Decompression: gzip, zlib or raw deflate. The one gzip reader: Inflater
// inflates data fed in pieces (the streaming readers, ingest/stream.h and
// warc/warc_reader.h, which decide what to do between members and after
// damage); Inflate() does a whole buffer with it (HTTP bodies in WARC
// records, `warta extract`'s page, the benchmark files).
//
//   if (IsGzip(bytes)) WARTA_ASSIGN_OR_RETURN(bytes, Inflate(bytes, {.max_bytes = 32 << 20}));
//
// Thread-safety: Inflate() has no shared state; an Inflater is used by one
// thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace warta {

enum class Compression { kGzip, kZlib, kDeflate };

struct InflateOptions {
  Compression format = Compression::kGzip;
  // More decompressed bytes than this: TooLarge.
  size_t max_bytes = SIZE_MAX;
  // A stream that ends early gives what decoded so far instead of Corrupt
  // (HTTP bodies are often cut short by the crawler).
  bool keep_truncated = false;
};

// One compressed stream (for gzip: one member at a time), fed in pieces.
class Inflater {
 public:
  explicit Inflater(Compression format = Compression::kGzip);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // False when zlib could not start (out of memory); nothing else works then.
  bool ok() const;
  // Starts over: the next gzip member, or a new stream after damage.
  void Reset();

  struct Step {
    size_t consumed = 0;      // bytes of `in` used
    size_t produced = 0;      // bytes written to `out`
    bool end = false;         // the stream (gzip: the member) ended, its checksum right
    std::string error;        // damage, in zlib's words; empty when none
  };
  // Inflates from in[0, in_size) into out[0, out_size). Neither used nor
  // produced, without `end` or `error`: it needs more input (or the input is
  // not making progress: the caller decides which).
  Step Inflate(const char* in, size_t in_size, char* out, size_t out_size);

 private:
  struct State;  // keeps zlib.h out of this header
  std::unique_ptr<State> state_;
};

// True when `bytes` starts with the gzip magic (1f 8b).
bool IsGzip(std::string_view bytes);

// The decompressed bytes of `in`. For gzip, every member in turn (as gzip(1)
// reads a concatenation); bytes after the last member that do not start
// another are ignored. Errors: TooLarge ("decompressed data over N bytes");
// Corrupt ("bad compressed data at byte N (zlib's reason)", or "truncated
// compressed data" unless keep_truncated); Internal when zlib cannot start.
StatusOr<std::string> Inflate(std::string_view in, const InflateOptions& options = {});

}  // namespace warta
