#include "core/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace warta {

namespace {

int WindowBits(Compression format) {
  switch (format) {
    case Compression::kGzip: return 16 + MAX_WBITS;
    case Compression::kZlib: return MAX_WBITS;
    case Compression::kDeflate: return -MAX_WBITS;
  }
  return 16 + MAX_WBITS;
}

}  // namespace

struct Inflater::State {
  z_stream zs{};
  bool ready = false;
};

Inflater::Inflater(Compression format) : state_(std::make_unique<State>()) {
  state_->ready = inflateInit2(&state_->zs, WindowBits(format)) == Z_OK;
}

Inflater::~Inflater() {
  if (state_->ready) inflateEnd(&state_->zs);
}

bool Inflater::ok() const { return state_->ready; }

void Inflater::Reset() {
  if (state_->ready) inflateReset(&state_->zs);
}

Inflater::Step Inflater::Inflate(const char* in, size_t in_size, char* out, size_t out_size) {
  Step step;
  if (!state_->ready) {
    step.error = "zlib could not be initialised";
    return step;
  }
  z_stream& zs = state_->zs;
  // zlib counts in uInt; larger pieces are done in several calls.
  const uInt in_avail = static_cast<uInt>(std::min<size_t>(in_size, 1u << 30));
  const uInt out_avail = static_cast<uInt>(std::min<size_t>(out_size, 1u << 30));
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
  zs.avail_in = in_avail;
  zs.next_out = reinterpret_cast<Bytef*>(out);
  zs.avail_out = out_avail;
  int rc = inflate(&zs, Z_NO_FLUSH);
  step.consumed = in_avail - zs.avail_in;
  step.produced = out_avail - zs.avail_out;
  if (rc == Z_STREAM_END) {
    step.end = true;
  } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
    step.error = zs.msg ? zs.msg : "zlib error " + std::to_string(rc);
  }
  return step;
}

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

StatusOr<std::string> Inflate(std::string_view in, const InflateOptions& options) {
  Inflater inflater(options.format);
  if (!inflater.ok()) return Status::Internal("zlib could not be initialised");
  std::string out;
  char buf[65536];
  size_t pos = 0;
  for (;;) {
    Inflater::Step step = inflater.Inflate(in.data() + pos, in.size() - pos, buf, sizeof buf);
    pos += step.consumed;
    out.append(buf, step.produced);
    if (out.size() > options.max_bytes)
      return Status::TooLarge("decompressed data over " + std::to_string(options.max_bytes) + " bytes");
    if (!step.error.empty())
      return Status::Corrupt("bad compressed data at byte " + std::to_string(pos) + " (" + step.error + ")");
    if (step.end) {
      // Another gzip member follows: read it too.
      if (options.format == Compression::kGzip && IsGzip(in.substr(pos))) {
        inflater.Reset();
        continue;
      }
      return out;
    }
    if (step.consumed == 0 && step.produced == 0) {
      // No progress: the input ran out before the stream's end.
      if (options.keep_truncated) return out;
      return Status::Corrupt("truncated compressed data");
    }
  }
}

}  // namespace warta
