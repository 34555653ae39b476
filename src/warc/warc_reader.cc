#include "warc/warc_reader.h"


#include <algorithm>
#include <cstring>

#include "core/gzip.h"
#include "warc/ascii.h"

namespace warta::warc {
namespace {

using internal::LowerAscii;
using internal::Trim;

class MemoryInputImpl : public Input {
 public:
  explicit MemoryInputImpl(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override {
    size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kMaxHeaderBytes = 1 << 20;

}  // namespace

std::unique_ptr<Input> MemoryInput(std::string_view bytes) { return std::make_unique<MemoryInputImpl>(bytes); }

std::string WarcRecord::Header(std::string_view name) const {
  std::string n = LowerAscii(name);
  for (const auto& [k, v] : headers) {
    if (LowerAscii(k) == n) return v;
  }
  return "";
}

struct WarcReader::Impl {
  std::unique_ptr<Input> input;
  WarcOptions options;
  WarcStats stats;
  std::vector<WarcProblem> problems;

  // Raw (possibly compressed) input.
  std::string raw = std::string(kChunk, '\0');
  size_t raw_pos = 0, raw_len = 0;
  int64_t raw_base = 0;  // file offset of raw[0]
  bool raw_eof = false;

  // Decompression.
  bool sniffed = false;
  bool gzip = false;
  Inflater inflater;
  bool in_member = false;
  int64_t member_start = 0;  // file offset of the member being inflated
  uint64_t generation = 0;   // bumps when damage forced a jump in the stream

  // Decoded bytes.
  std::string dbuf = std::string(kChunk, '\0');
  size_t dpos = 0, dlen = 0;
  int64_t dbuf_offset = 0;   // plain: file offset of dbuf[0]; gzip: its member's offset
  bool dend = false;

  std::string pending_line;  // a line read too far (the next record's version line)
  bool has_pending = false;
  int64_t pending_offset = 0;

  void Problem(int64_t offset, std::string reason) {
    ++stats.problems;
    problems.push_back({offset, std::move(reason)});
  }

  bool FillRaw() {
    if (raw_eof) return false;
    if (raw_pos < raw_len) return true;
    raw_base += static_cast<int64_t>(raw_len);
    raw_pos = 0;
    raw_len = input->Read(raw.data(), raw.size());
    if (raw_len == 0) {
      raw_eof = true;
      std::string e = input->error();
      if (!e.empty()) Problem(raw_base, "read error: " + e);
      return false;
    }
    return true;
  }

  int64_t RawOffset() const { return raw_base + static_cast<int64_t>(raw_pos); }

  // Skips raw input to the next gzip member header after damage.
  void ResyncGzip() {
    in_member = false;
    ++generation;
    for (;;) {
      if (!FillRaw()) return;
      // Look for 1f 8b 08 from raw_pos; a header split across chunks is
      // found by keeping the last two bytes.
      for (size_t i = raw_pos; i < raw_len; ++i) {
        if (static_cast<unsigned char>(raw[i]) != 0x1f) continue;
        if (i + 2 >= raw_len) {
          // Move the tail to the front and read more.
          size_t keep = raw_len - i;
          std::memmove(raw.data(), raw.data() + i, keep);
          raw_base += static_cast<int64_t>(i);
          size_t got = raw_eof ? 0 : input->Read(raw.data() + keep, raw.size() - keep);
          raw_pos = 0;
          raw_len = keep + got;
          if (got == 0) {
            raw_eof = true;
            raw_pos = raw_len;
            return;
          }
          i = static_cast<size_t>(-1);  // rescan from 0
          continue;
        }
        if (static_cast<unsigned char>(raw[i + 1]) == 0x8b && static_cast<unsigned char>(raw[i + 2]) == 0x08) {
          raw_pos = i;
          return;
        }
      }
      raw_pos = raw_len;
    }
  }

  // Refills dbuf (only when it is empty) with decoded bytes of one member.
  bool FillDecoded() {
    if (dpos < dlen) return true;
    if (dend) return false;
    dpos = dlen = 0;
    if (!sniffed) {
      sniffed = true;
      if (FillRaw() && raw_len - raw_pos >= 2 && static_cast<unsigned char>(raw[raw_pos]) == 0x1f &&
          static_cast<unsigned char>(raw[raw_pos + 1]) == 0x8b)
        gzip = true;
    }
    if (!gzip) {
      if (!FillRaw()) {
        dend = true;
        return false;
      }
      dbuf_offset = RawOffset();
      size_t k = std::min(dbuf.size(), raw_len - raw_pos);
      std::memcpy(dbuf.data(), raw.data() + raw_pos, k);
      raw_pos += k;
      dlen = k;
      return true;
    }
    for (;;) {
      if (!in_member) {
        if (!FillRaw()) {
          dend = true;
          return false;
        }
        member_start = RawOffset();
        if (!inflater.ok()) {
          Problem(member_start, "zlib could not be initialised");
          dend = true;
          return false;
        }
        inflater.Reset();
        in_member = true;
      }
      if (!FillRaw()) {
        Problem(member_start, "truncated gzip member (the file ends inside it)");
        dend = true;
        in_member = false;
        ++generation;
        return false;
      }
      Inflater::Step step = inflater.Inflate(raw.data() + raw_pos, raw_len - raw_pos, dbuf.data(), dbuf.size());
      raw_pos += step.consumed;
      size_t produced = step.produced;
      if (step.end) {
        in_member = false;
      } else if (!step.error.empty()) {
        Problem(member_start, "corrupt gzip member (" + step.error + "); skipped to the next member");
        produced = 0;  // bytes decoded from a damaged member are not trusted
        ResyncGzip();
      } else if (produced == 0 && step.consumed == 0 && raw_pos < raw_len) {
        Problem(member_start, "corrupt gzip member (no progress); skipped to the next member");
        ResyncGzip();
      }
      if (produced > 0) {
        dbuf_offset = member_start;
        dlen = produced;
        return true;
      }
    }
  }

  int64_t Offset() {
    if (dpos >= dlen) FillDecoded();
    return gzip ? dbuf_offset : dbuf_offset + static_cast<int64_t>(dpos);
  }

  enum class Line { kLine, kTooLong, kEnd };
  // A line without its "\n" (and "\r"); over `max` bytes the rest is skipped.
  Line ReadLine(std::string* line, size_t max, int64_t* offset) {
    line->clear();
    if (has_pending) {
      has_pending = false;
      *line = std::move(pending_line);
      *offset = pending_offset;
      return Line::kLine;
    }
    if (!FillDecoded()) return Line::kEnd;
    *offset = Offset();
    bool too_long = false;
    for (;;) {
      if (!FillDecoded()) {
        if (line->empty() && !too_long) return Line::kEnd;
        break;
      }
      const char* start = dbuf.data() + dpos;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', dlen - dpos));
      size_t k = nl ? static_cast<size_t>(nl - start) : dlen - dpos;
      if (!too_long) {
        if (line->size() + k > max) {
          too_long = true;
          line->clear();
        } else {
          line->append(start, k);
        }
      }
      dpos += k;
      if (nl) {
        ++dpos;
        break;
      }
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return too_long ? Line::kTooLong : Line::kLine;
  }

  // Reads n bytes into *out (when keep) or discards them; false when the
  // stream ends first.
  bool ReadBlock(uint64_t n, std::string* out, bool keep) {
    if (keep) out->reserve(static_cast<size_t>(n));
    while (n > 0) {
      if (!FillDecoded()) return false;
      size_t k = static_cast<size_t>(std::min<uint64_t>(n, dlen - dpos));
      if (keep) out->append(dbuf.data() + dpos, k);
      dpos += k;
      n -= k;
    }
    return true;
  }

  static bool IsVersionLine(std::string_view line) {
    return line.size() >= 8 && line.substr(0, 7) == "WARC/1." && (line[7] == '0' || line[7] == '1') &&
           Trim(line.substr(8)).empty();
  }

  // Skips to the next "WARC/1.x" line, leaving it pending. False at the end.
  bool SkipToNextRecord() {
    std::string line;
    int64_t off = 0;
    for (;;) {
      Line r = ReadLine(&line, kMaxHeaderLine, &off);
      if (r == Line::kEnd) return false;
      if (r == Line::kLine && IsVersionLine(line)) {
        pending_line = std::move(line);
        pending_offset = off;
        has_pending = true;
        return true;
      }
    }
  }

  bool Next(WarcRecord* rec);
};

bool WarcReader::Impl::Next(WarcRecord* rec) {
  std::string line;
  for (;;) {
    int64_t start = 0;
    Line r = ReadLine(&line, kMaxHeaderLine, &start);
    if (r == Line::kEnd) return false;
    if (r == Line::kLine && Trim(line).empty()) continue;  // separators
    const uint64_t gen = generation;
    if (r != Line::kLine || !IsVersionLine(line)) {
      std::string shown = r == Line::kLine ? std::string(line.substr(0, 40)) : "an over-long line";
      for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
      }
      Problem(start, "not a WARC record header (expected \"WARC/1.0\" or \"WARC/1.1\", found \"" + shown +
                         "\"); skipped to the next record");
      if (!SkipToNextRecord()) return false;
      continue;
    }
    WarcRecord out;
    out.offset = start;
    out.version = std::string(Trim(line));
    size_t header_bytes = 0;
    bool bad = false;
    std::string why;
    for (;;) {
      int64_t off = 0;
      Line h = ReadLine(&line, kMaxHeaderLine, &off);
      if (h == Line::kEnd) {
        bad = true;
        why = "truncated record headers (the file ends)";
        break;
      }
      if (h == Line::kTooLong) {
        bad = true;
        why = "header line over " + std::to_string(kMaxHeaderLine) + " bytes";
        break;
      }
      if (line.empty()) break;
      header_bytes += line.size();
      if (header_bytes > kMaxHeaderBytes) {
        bad = true;
        why = "record headers over " + std::to_string(kMaxHeaderBytes) + " bytes";
        break;
      }
      if ((line[0] == ' ' || line[0] == '\t') && !out.headers.empty()) {
        out.headers.back().second += " " + std::string(Trim(line));
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string::npos || colon == 0) {
        if (IsVersionLine(line)) {
          // A record cut short: its headers run into the next record.
          pending_line = line;
          pending_offset = off;
          has_pending = true;
          bad = true;
          why = "record headers end without a blank line";
          break;
        }
        bad = true;
        why = "malformed header line \"" + line.substr(0, 40) + "\"";
        break;
      }
      out.headers.emplace_back(std::string(Trim(std::string_view(line).substr(0, colon))),
                               std::string(Trim(std::string_view(line).substr(colon + 1))));
    }
    std::string length_text;
    if (!bad) {
      length_text = out.Header("Content-Length");
      const std::string_view lt = Trim(length_text);
      bool digits = !lt.empty() && lt.size() <= 18 &&
                    std::all_of(lt.begin(), lt.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) {
        bad = true;
        why = lt.empty() ? "no Content-Length" : "bad Content-Length \"" + std::string(lt.substr(0, 20)) + "\"";
      } else {
        out.content_length = std::stoll(std::string(lt));
      }
    }
    if (bad) {
      if (generation == gen) Problem(start, why + "; skipped to the next record");
      if (!has_pending && !SkipToNextRecord()) return false;
      continue;
    }
    out.type = LowerAscii(Trim(out.Header("WARC-Type")));
    out.target_uri = std::string(Trim(out.Header("WARC-Target-URI")));
    if (out.target_uri.size() >= 2 && out.target_uri.front() == '<' && out.target_uri.back() == '>')
      out.target_uri = out.target_uri.substr(1, out.target_uri.size() - 2);
    out.date = std::string(Trim(out.Header("WARC-Date")));
    out.content_type = std::string(Trim(out.Header("Content-Type")));
    bool wanted = std::find(options.block_types.begin(), options.block_types.end(), out.type) !=
                  options.block_types.end();
    bool too_big = wanted && static_cast<uint64_t>(out.content_length) > options.max_block_bytes;
    out.has_block = wanted && !too_big;
    if (!ReadBlock(static_cast<uint64_t>(out.content_length), &out.block, out.has_block)) {
      if (generation == gen) {
        Problem(start, "truncated record: the file ends inside its " + std::to_string(out.content_length) +
                           "-byte block");
      }
      if (dend) return false;
      if (!SkipToNextRecord()) return false;
      continue;
    }
    if (generation != gen) {
      // The stream jumped (a damaged gzip member, already reported) inside
      // this record: its block is not what was written.
      if (!SkipToNextRecord()) return false;
      continue;
    }
    // The block is followed by CRLF CRLF; anything else means the
    // Content-Length was wrong.
    bool misaligned = false;
    for (int i = 0; i < 2; ++i) {
      int64_t off = 0;
      Line t = ReadLine(&line, kMaxHeaderLine, &off);
      if (t == Line::kEnd) break;
      if (t == Line::kLine && Trim(line).empty()) continue;
      if (t == Line::kLine && IsVersionLine(line)) {
        pending_line = line;
        pending_offset = off;
        has_pending = true;
        break;
      }
      misaligned = true;
      break;
    }
    if (misaligned) {
      Problem(start, "record block not followed by CRLF CRLF (wrong Content-Length " + length_text +
                         "?); record skipped");
      if (!SkipToNextRecord()) return false;
      continue;
    }
    if (too_big) {
      Problem(start, out.type + " record of " + std::to_string(out.content_length) + " bytes over the limit of " +
                         std::to_string(options.max_block_bytes) + "; skipped");
      continue;
    }
    ++stats.records;
    *rec = std::move(out);
    return true;
  }
}

WarcReader::WarcReader(std::unique_ptr<Input> input, WarcOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->input = std::move(input);
  impl_->options = std::move(options);
}
WarcReader::~WarcReader() = default;

bool WarcReader::Next(WarcRecord* record) { return impl_->Next(record); }

std::vector<WarcProblem> WarcReader::TakeProblems() {
  std::vector<WarcProblem> out;
  out.swap(impl_->problems);
  return out;
}

const WarcStats& WarcReader::stats() const { return impl_->stats; }
bool WarcReader::compressed() const { return impl_->gzip; }

}  // namespace warta::warc
