// Byte streams under the document reader (internal to ingest).
//
// A file is read through a small chain: the raw descriptor, then gzip
// decompression when the first bytes are the gzip magic, then UTF-16 to UTF-8
// transcoding when the text starts with a UTF-16 byte order mark. Each layer
// reads in bounded chunks, so a multi-gigabyte JSONL file never sits in memory
// whole. A layer that fails remembers why and where (the compressed byte
// offset for gzip damage) and then reports end of stream; the caller asks
// failed() to tell a clean end from damage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/env.h"

namespace warta::ingest {

class Source {
 public:
  virtual ~Source() = default;
  // Reads up to `n` bytes (n > 0) into `buf`; 0 means the end of the stream
  // or a failure (see failed()).
  virtual size_t Read(char* buf, size_t n) = 0;

  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }
  int64_t error_offset() const { return error_offset_; }

 protected:
  void Fail(std::string reason, int64_t offset) {
    if (failed_) return;
    failed_ = true;
    error_ = std::move(reason);
    error_offset_ = offset;
  }
  // Carries a failure of an inner layer up to this one.
  void FailFrom(const Source& inner) { Fail(inner.error(), inner.error_offset()); }

 private:
  bool failed_ = false;
  std::string error_;
  int64_t error_offset_ = -1;
};

// A file opened through the Env (or stdin), the bottom of every chain.
class FdSource : public Source {
 public:
  explicit FdSource(std::unique_ptr<SequentialFile> file);
  size_t Read(char* buf, size_t n) override;
  // Bytes read from the file so far (the on-disk position).
  uint64_t offset() const { return offset_; }

 private:
  std::unique_ptr<SequentialFile> file_;
  uint64_t offset_ = 0;
};

// Replays `prefix` (bytes already read to sniff the stream) before `inner`.
class PrefixSource : public Source {
 public:
  PrefixSource(std::string prefix, std::unique_ptr<Source> inner);
  size_t Read(char* buf, size_t n) override;

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<Source> inner_;
};

// Gzip decompression, multi-member. Damage is reported with the offset into
// the compressed stream where decoding stopped. Bytes after the last member
// that are not another gzip member are ignored (and said so by
// trailing_garbage_offset(), as gzip(1) warns about them).
class GzipSource : public Source {
 public:
  explicit GzipSource(std::unique_ptr<Source> inner);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  size_t Read(char* buf, size_t n) override;
  int64_t trailing_garbage_offset() const { return trailing_garbage_offset_; }

 private:
  bool FillInput();

  std::unique_ptr<Source> inner_;
  struct State;
  std::unique_ptr<State> state_;
  int64_t trailing_garbage_offset_ = -1;
};

// UTF-16 (LE or BE, BOM already consumed) to UTF-8, via ICU.
class Utf16Source : public Source {
 public:
  Utf16Source(std::unique_ptr<Source> inner, bool big_endian);
  ~Utf16Source() override;
  Utf16Source(const Utf16Source&) = delete;
  Utf16Source& operator=(const Utf16Source&) = delete;
  size_t Read(char* buf, size_t n) override;

 private:
  std::unique_ptr<Source> inner_;
  struct State;
  std::unique_ptr<State> state_;
};

// Reads exactly `n` bytes unless the stream ends first.
std::string ReadUpTo(Source* source, size_t n);

// A buffered reader over the decoded stream: peeking for sniffing, whole
// reads for .txt, and bounded line reads for JSONL.
class BufferedReader {
 public:
  explicit BufferedReader(Source* source);

  // Up to `n` bytes from the current position without consuming them.
  std::string_view Peek(size_t n);

  enum class LineStatus { kLine, kTooLong, kEnd, kFailed };
  // Reads the next line (without its '\n') into *line. A line over
  // `max_bytes` is skipped, never buffered whole: kTooLong with its length in
  // *length. A final line without '\n' is still a line unless the stream
  // failed, in which case the partial line is dropped and kFailed returned.
  LineStatus ReadLine(std::string* line, size_t max_bytes, uint64_t* length);

  // Appends everything left to *out; false when more than `max_bytes` would
  // be needed (reading stops there) or the stream failed.
  bool ReadAll(std::string* out, size_t max_bytes);

  // Reads up to `n` bytes (buffered ones first); 0 at the end of the stream.
  size_t Read(char* buf, size_t n);

  // Decoded bytes consumed so far.
  uint64_t consumed() const { return consumed_; }
  const Source& source() const { return *source_; }

 private:
  bool Fill();  // false at end of stream

  Source* source_;
  std::string buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0;
};

}  // namespace warta::ingest
