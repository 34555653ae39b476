#include "ingest/stream.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/gzip.h"

namespace warta::ingest {
namespace {

constexpr size_t kChunk = 64 * 1024;

}  // namespace

// ---- FdSource ---------------------------------------------------------------

FdSource::FdSource(std::unique_ptr<SequentialFile> file) : file_(std::move(file)) {}

size_t FdSource::Read(char* buf, size_t n) {
  if (failed()) return 0;
  StatusOr<size_t> r = file_->Read(buf, n);
  if (!r.ok()) {
    Fail("read error: " + r.status().message(), static_cast<int64_t>(offset_));
    return 0;
  }
  offset_ += *r;
  return *r;
}

// ---- PrefixSource -----------------------------------------------------------

PrefixSource::PrefixSource(std::string prefix, std::unique_ptr<Source> inner)
    : prefix_(std::move(prefix)), inner_(std::move(inner)) {}

size_t PrefixSource::Read(char* buf, size_t n) {
  if (failed()) return 0;
  if (pos_ < prefix_.size()) {
    size_t k = std::min(n, prefix_.size() - pos_);
    std::memcpy(buf, prefix_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  size_t r = inner_->Read(buf, n);
  if (r == 0 && inner_->failed()) FailFrom(*inner_);
  return r;
}

// ---- GzipSource -------------------------------------------------------------

struct GzipSource::State {
  Inflater inflater;  // 1f 8b was checked by the caller
  std::vector<char> in = std::vector<char>(kChunk);
  size_t in_pos = 0, in_len = 0;  // unread input: in[in_pos, in_len)
  uint64_t fed = 0;       // compressed bytes received from the inner source
  bool in_member = false;
  bool done = false;
  // Damage found in a call that also produced output: reported on the next
  // call, so the good bytes before it are not lost.
  bool pending_failure = false;
  std::string pending_reason;
  int64_t pending_offset = -1;

  size_t Available() const { return in_len - in_pos; }
  uint64_t Offset() const { return fed - Available(); }
};

GzipSource::GzipSource(std::unique_ptr<Source> inner)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {
  if (!state_->inflater.ok()) Fail("zlib initialisation failed", 0);
}

GzipSource::~GzipSource() = default;

bool GzipSource::FillInput() {
  State& s = *state_;
  if (s.Available() > 0 && s.in_pos > 0) std::memmove(s.in.data(), s.in.data() + s.in_pos, s.Available());
  s.in_len = s.Available();
  s.in_pos = 0;
  size_t space = s.in.size() - s.in_len;
  if (space == 0) return true;
  size_t r = inner_->Read(s.in.data() + s.in_len, space);
  if (r == 0) return false;
  s.in_len += r;
  s.fed += r;
  return true;
}

size_t GzipSource::Read(char* buf, size_t n) {
  State& s = *state_;
  if (failed() || s.done) return 0;
  if (s.pending_failure) {
    Fail(s.pending_reason, s.pending_offset);
    return 0;
  }
  for (;;) {
    if (!s.in_member) {
      // At a member boundary: another member must start with the magic.
      while (s.Available() < 2 && FillInput()) {
      }
      if (inner_->failed()) {
        FailFrom(*inner_);
        return 0;
      }
      if (s.Available() == 0) {
        s.done = true;
        return 0;
      }
      if (!IsGzip(std::string_view(s.in.data() + s.in_pos, s.Available()))) {
        trailing_garbage_offset_ = static_cast<int64_t>(s.Offset());
        s.done = true;
        return 0;
      }
      s.inflater.Reset();
      s.in_member = true;
    }
    if (s.Available() == 0 && !FillInput()) {
      if (inner_->failed()) {
        FailFrom(*inner_);
      } else {
        Fail("truncated gzip stream", static_cast<int64_t>(s.fed));
      }
      return 0;
    }
    const size_t before_in = s.Available();
    Inflater::Step step = s.inflater.Inflate(s.in.data() + s.in_pos, s.Available(), buf, n);
    s.in_pos += step.consumed;
    const size_t produced = step.produced;
    if (step.end) {
      s.in_member = false;
      if (produced > 0) return produced;
      continue;
    }
    if (step.error.empty()) {
      if (produced > 0) return produced;
      if (s.Available() == before_in && s.Available() > 0) {
        // No progress with input available: zlib never does this on valid data.
        Fail("corrupt gzip stream", static_cast<int64_t>(s.Offset()));
        return 0;
      }
      continue;
    }
    if (produced > 0) {
      s.pending_failure = true;
      s.pending_reason = "corrupt gzip stream (" + step.error + ")";
      s.pending_offset = static_cast<int64_t>(s.Offset());
      return produced;
    }
    Fail("corrupt gzip stream (" + step.error + ")", static_cast<int64_t>(s.Offset()));
    return 0;
  }
}

// ---- Utf16Source ------------------------------------------------------------

struct Utf16Source::State {
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  std::vector<char> in = std::vector<char>(kChunk);
  size_t in_pos = 0;
  size_t in_end = 0;
  bool in_eof = false;
  bool finished = false;
  bool first = true;
  uint64_t consumed = 0;
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
};

Utf16Source::Utf16Source(std::unique_ptr<Source> inner, bool big_endian)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {
  UErrorCode err = U_ZERO_ERROR;
  state_->from = ucnv_open(big_endian ? "UTF-16BE" : "UTF-16LE", &err);
  if (U_SUCCESS(err)) state_->to = ucnv_open("UTF-8", &err);
  if (U_SUCCESS(err)) {
    // Stop (rather than substitute U+FFFD) so damage is reported, not hidden.
    ucnv_setToUCallBack(state_->from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  if (U_FAILURE(err)) Fail(std::string("ICU converter unavailable: ") + u_errorName(err), 0);
}

Utf16Source::~Utf16Source() {
  if (state_->from) ucnv_close(state_->from);
  if (state_->to) ucnv_close(state_->to);
}

size_t Utf16Source::Read(char* buf, size_t n) {
  State& s = *state_;
  if (failed() || s.finished) return 0;
  for (;;) {
    if (s.in_pos == s.in_end && !s.in_eof) {
      size_t r = inner_->Read(s.in.data(), s.in.size());
      if (r == 0) {
        if (inner_->failed()) {
          FailFrom(*inner_);
          return 0;
        }
        s.in_eof = true;
      }
      s.in_pos = 0;
      s.in_end = r;
    }
    char* target = buf;
    const char* src = s.in.data() + s.in_pos;
    const char* src_start = src;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(s.to, s.from, &target, buf + n, &src, s.in.data() + s.in_end, s.pivot,
                   &s.pivot_source, &s.pivot_target, s.pivot + 1024, s.first, s.in_eof, &err);
    s.first = false;
    s.consumed += static_cast<uint64_t>(src - src_start);
    s.in_pos = static_cast<size_t>(src - s.in.data());
    size_t produced = static_cast<size_t>(target - buf);
    if (err == U_BUFFER_OVERFLOW_ERROR) return produced;
    if (U_FAILURE(err)) {
      // +2: the byte order mark the caller consumed.
      Fail(std::string("invalid UTF-16 (") + u_errorName(err) + ")",
           static_cast<int64_t>(s.consumed + 2));
      return 0;
    }
    if (s.in_eof) {
      s.finished = true;
      return produced;
    }
    if (produced > 0) return produced;
  }
}

// ---- helpers ----------------------------------------------------------------

std::string ReadUpTo(Source* source, size_t n) {
  std::string out(n, '\0');
  size_t got = 0;
  while (got < n) {
    size_t r = source->Read(out.data() + got, n - got);
    if (r == 0) break;
    got += r;
  }
  out.resize(got);
  return out;
}

// ---- BufferedReader ---------------------------------------------------------

BufferedReader::BufferedReader(Source* source) : source_(source), buf_(kChunk, '\0') {}

bool BufferedReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0 && end_ == buf_.size()) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
  size_t r = source_->Read(buf_.data() + end_, buf_.size() - end_);
  if (r == 0) {
    eof_ = true;
    return false;
  }
  end_ += r;
  return true;
}

std::string_view BufferedReader::Peek(size_t n) {
  while (end_ - pos_ < n && !eof_) {
    if (buf_.size() - pos_ < n) {
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
      if (buf_.size() < n) buf_.resize(n);
    }
    if (!Fill()) break;
  }
  return std::string_view(buf_.data() + pos_, std::min(n, end_ - pos_));
}

BufferedReader::LineStatus BufferedReader::ReadLine(std::string* line, size_t max_bytes,
                                                    uint64_t* length) {
  line->clear();
  uint64_t len = 0;
  bool skipping = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (source_->failed()) return LineStatus::kFailed;
      *length = len;
      if (len == 0) return LineStatus::kEnd;
      return skipping ? LineStatus::kTooLong : LineStatus::kLine;
    }
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    len += take;
    if (!skipping) {
      if (len > max_bytes) {
        skipping = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    pos_ += take;
    consumed_ += take;
    if (nl) {
      ++pos_;
      ++consumed_;
      *length = len;
      return skipping ? LineStatus::kTooLong : LineStatus::kLine;
    }
  }
}

size_t BufferedReader::Read(char* buf, size_t n) {
  if (pos_ == end_ && !Fill()) return 0;
  size_t k = std::min(n, end_ - pos_);
  std::memcpy(buf, buf_.data() + pos_, k);
  pos_ += k;
  consumed_ += k;
  return k;
}

bool BufferedReader::ReadAll(std::string* out, size_t max_bytes) {
  for (;;) {
    size_t avail = end_ - pos_;
    if (out->size() + avail > max_bytes) return false;
    out->append(buf_.data() + pos_, avail);
    consumed_ += avail;
    pos_ = end_;
    if (!Fill()) return !source_->failed();
  }
}

}  // namespace warta::ingest
