// libFuzzer target: the gzip reader (core/gzip.h), whole-buffer Inflate() in
// its three formats and the streaming Inflater fed in small pieces.
// Invariants: the byte limit holds; the streaming reader and Inflate() agree
// on the bytes of the first member; a valid stream round-trips through zlib's
// own compressor.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/gzip.h"
#include "fuzz_check.h"

namespace {

// Compresses `plain` as one gzip member with zlib (the reference writer), in
// its smallest window and memory, so each run stays cheap.
std::string GzipOf(std::string_view plain) {
  z_stream z{};
  FUZZ_CHECK(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 9 + 16, 1, Z_DEFAULT_STRATEGY) == Z_OK,
             "deflateInit2");
  std::string out(deflateBound(&z, plain.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  z.avail_in = static_cast<uInt>(plain.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The first member (or stream) through Inflater, fed `piece` bytes at a time
// into an output buffer of `room` bytes. Returns true when it ended cleanly.
// *used is how many input bytes the member took.
bool StreamFirstMember(std::string_view in, warta::Compression format, size_t piece, size_t room, std::string* out,
                       size_t* used) {
  warta::Inflater inflater(format);
  FUZZ_CHECK(inflater.ok(), "Inflater starts");
  std::string buf(room, '\0');
  size_t pos = 0;
  int stalls = 0;
  while (out->size() <= (1u << 20)) {
    const size_t avail = std::min(piece, in.size() - pos);
    warta::Inflater::Step step = inflater.Inflate(in.data() + pos, avail, buf.data(), buf.size());
    FUZZ_CHECK(step.consumed <= avail, "consumed within the input given");
    FUZZ_CHECK(step.produced <= buf.size(), "produced within the room given");
    pos += step.consumed;
    *used = pos;
    out->append(buf.data(), step.produced);
    if (!step.error.empty()) return false;
    if (step.end) return true;
    if (step.consumed == 0 && step.produced == 0) {
      // Needs more input: when there is none, the stream was truncated.
      if (pos == in.size() || ++stalls > 4) return false;
    } else {
      stalls = 0;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the format and the pieces' sizes.
  const uint8_t knob = data[0];
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const warta::Compression format = (knob % 3 == 0)   ? warta::Compression::kGzip
                                    : (knob % 3 == 1) ? warta::Compression::kZlib
                                                      : warta::Compression::kDeflate;
  const size_t max_bytes = 1 << 20;

  warta::InflateOptions options;
  options.format = format;
  options.max_bytes = max_bytes;
  options.keep_truncated = (knob & 0x80) != 0;
  warta::StatusOr<std::string> whole = warta::Inflate(in, options);
  if (whole.ok()) FUZZ_CHECK(whole->size() <= max_bytes, "Inflate keeps max_bytes");

  // The streaming reader, in pieces of 1..16 bytes and an output room of
  // 1..64, sees the same first member: what it produced is a prefix of the
  // whole result (Inflate() reads every member), or all of it.
  std::string streamed;
  size_t used = 0;
  const bool ended = StreamFirstMember(in, format, 1 + (knob >> 3 & 15), 1 + (knob & 63), &streamed, &used);
  if (whole.ok() && ended) {
    FUZZ_CHECK(std::string_view(*whole).substr(0, streamed.size()) == streamed,
               "Inflater's first member is a prefix of Inflate()'s output");
  }
  // One whole stream and nothing after it: both readers give the same bytes.
  if (ended && used == in.size() && streamed.size() <= max_bytes) {
    FUZZ_CHECK(whole.ok(), "a stream the streaming reader accepts is accepted whole");
    FUZZ_CHECK(*whole == streamed, "both readers give the same bytes");
  }

  // Round trip: zlib's compressor on the input; Inflate() gives it back.
  if (in.size() <= 1024) {
    warta::StatusOr<std::string> back = warta::Inflate(GzipOf(in));
    FUZZ_CHECK(back.ok(), "a gzip member made by zlib inflates");
    FUZZ_CHECK(*back == in, "round trip gives the bytes back");
  }
  return 0;
}
