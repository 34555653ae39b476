#include "warc/warc_reader.h"


#include <algorithm>
#include <cstring>

#include "core/gzip.h"
#include "core/ascii.h"

namespace warta::warc {
namespace {


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
constexpr size_t kMaxMemberReplay = 16u << 20;

}  // namespace

std::unique_ptr<Input> MemoryInput(std::string_view bytes) { return std::make_unique<MemoryInputImpl>(bytes); }

std::string WarcRecord::Header(std::string_view name) const {
  std::string n = AsciiLower(name);
  for (const auto& [k, v] : headers) {
    if (AsciiLower(k) == n) return v;
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
  // Set when damage made the stream jump to the next gzip member: decoding
  // stops there (FillDecoded returns false) until Next() abandons the record
  // it was reading and starts afresh at that member. Without it the damaged
  // record's reads ran on into the next, intact member and took it down too
  // (issue 14 finding 11).
  bool barrier = false;
  int64_t barrier_member = -1;  // the damaged member's offset
  // The compressed bytes of the member being inflated, so that resync can
  // look for the next member header inside them: a member cut short is
  // followed by the next member, whose header its inflation has already
  // consumed as data. Capped (kMaxMemberReplay); past it, resync only
  // searches forward.
  std::string member_raw;
  bool member_raw_full = false;

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
    if (raw_pos < raw_len) return true;  // replayed bytes may remain after the end
    if (raw_eof) return false;
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

  // Skips raw input to the next gzip member header after damage, never to
  // the damaged member's own header again (its magic may be intact).
  void ResyncGzip() {
    in_member = false;
    ++generation;
    barrier = true;
    barrier_member = member_start;
    const int64_t first_candidate = member_start + 1;
    if (!member_raw_full) {
      // A member header inside the damaged member's own bytes (a member cut
      // short, the next one consumed as its data): read on from there.
      const size_t at = member_raw.find("\x1f\x8b\x08", 1);
      if (at != std::string::npos) {
        std::string replay = member_raw.substr(at);
        replay.append(raw, raw_pos, raw_len - raw_pos);
        if (replay.size() < kChunk) replay.resize(kChunk);  // FillRaw reads into raw.size()
        const size_t len = member_raw.size() - at + (raw_len - raw_pos);
        raw = std::move(replay);
        raw_base = member_start + static_cast<int64_t>(at);
        raw_pos = 0;
        raw_len = len;
        member_raw.clear();
        return;
      }
    }
    member_raw.clear();
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
        if (raw_base + static_cast<int64_t>(i) >= first_candidate &&
            static_cast<unsigned char>(raw[i + 1]) == 0x8b && static_cast<unsigned char>(raw[i + 2]) == 0x08) {
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
    if (dend || barrier) return false;
    dpos = dlen = 0;
    if (dbuf.size() != kChunk) dbuf.assign(kChunk, '\0');  // after Unread() grew it
    if (!sniffed) {
      sniffed = true;
      if (FillRaw()) {
        std::string_view head(raw.data() + raw_pos, raw_len - raw_pos);
        // Gzip by its magic; or a .warc.gz whose first member header is
        // damaged: no "WARC/1." at the start but a member header further on
        // (the damaged stretch is then reported and skipped like any other).
        gzip = (head.size() >= 2 && head.substr(0, 2) == "\x1f\x8b") ||
               (head.substr(0, 7) != "WARC/1." && head.find("\x1f\x8b\x08") != std::string_view::npos &&
                head.substr(0, std::min<size_t>(head.size(), 4096)).find("WARC/1.") == std::string_view::npos);
      }
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
        member_raw.clear();
        member_raw_full = false;
      }
      if (!FillRaw()) {
        Problem(member_start, "truncated gzip member (the file ends inside it)");
        dend = true;
        in_member = false;
        ++generation;
        return false;
      }
      Inflater::Step step = inflater.Inflate(raw.data() + raw_pos, raw_len - raw_pos, dbuf.data(), dbuf.size());
      if (!member_raw_full) {
        if (member_raw.size() + step.consumed > kMaxMemberReplay) {
          member_raw_full = true;
          member_raw.clear();
          member_raw.shrink_to_fit();
        } else {
          member_raw.append(raw, raw_pos, step.consumed);
        }
      }
      raw_pos += step.consumed;
      size_t produced = step.produced;
      if (step.end) {
        in_member = false;
      } else if (!step.error.empty()) {
        Problem(member_start, "corrupt gzip member (" + step.error + "); skipped to the next member");
        ResyncGzip();
        return false;  // bytes decoded from a damaged member are not trusted
      } else if (produced == 0 && step.consumed == 0 && raw_pos < raw_len) {
        Problem(member_start, "corrupt gzip member (no progress); skipped to the next member");
        ResyncGzip();
        return false;
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
        if (barrier) return Line::kEnd;  // a partial line of a damaged member is no line
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

  // Puts `bytes`, the last bytes consumed, back in front of the decoded
  // stream, to be read again (a record start found inside an over-long block).
  void Unread(std::string_view bytes) {
    const int64_t at = gzip ? dbuf_offset : Offset() - static_cast<int64_t>(bytes.size());
    std::string rest = bytes.empty() ? std::string() : std::string(bytes);
    rest.append(dbuf, dpos, dlen - dpos);
    dbuf = std::move(rest);
    dpos = 0;
    dlen = dbuf.size();
    dbuf_offset = at;
  }

  // Where a record start ("WARC/1.0" or "WARC/1.1" at the start of a line)
  // is in `region`, npos when none is.
  static size_t FindRecordStart(std::string_view region) {
    for (size_t at = region.find("WARC/1."); at != std::string_view::npos; at = region.find("WARC/1.", at + 1)) {
      if (at > 0 && region[at - 1] != '\n') continue;
      size_t eol = region.find('\n', at);
      std::string_view line = region.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsVersionLine(line)) return at;
    }
    return std::string_view::npos;
  }

  static bool IsVersionLine(std::string_view line) {
    return line.size() >= 8 && line.substr(0, 7) == "WARC/1." && (line[7] == '0' || line[7] == '1') &&
           TrimAsciiBlanks(line.substr(8)).empty();
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
  // After damage in a gzip member (reported where it was found), the record
  // being read is abandoned and reading starts afresh at the next member.
  auto at_barrier = [this] {
    if (!barrier) return false;
    barrier = false;
    has_pending = false;
    return true;
  };
  for (;;) {
    at_barrier();
    int64_t start = 0;
    Line r = ReadLine(&line, kMaxHeaderLine, &start);
    if (r == Line::kEnd) {
      if (at_barrier()) continue;
      return false;
    }
    if (r == Line::kLine && TrimAsciiBlanks(line).empty()) continue;  // separators
    const uint64_t gen = generation;
    if (r != Line::kLine || !IsVersionLine(line)) {
      std::string shown = r == Line::kLine ? std::string(line.substr(0, 40)) : "an over-long line";
      for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
      }
      Problem(start, "not a WARC record header (expected \"WARC/1.0\" or \"WARC/1.1\", found \"" + shown +
                         "\"); skipped to the next record");
      if (!SkipToNextRecord() && !barrier) return false;
      continue;
    }
    WarcRecord out;
    out.offset = start;
    out.version = std::string(TrimAsciiBlanks(line));
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
        out.headers.back().second += " " + std::string(TrimAsciiBlanks(line));
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
      out.headers.emplace_back(std::string(TrimAsciiBlanks(std::string_view(line).substr(0, colon))),
                               std::string(TrimAsciiBlanks(std::string_view(line).substr(colon + 1))));
    }
    if (barrier) continue;  // the damage is reported; the member's record is lost, the next is not
    std::string length_text;
    if (!bad) {
      length_text = out.Header("Content-Length");
      const std::string_view lt = TrimAsciiBlanks(length_text);
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
      if (!has_pending && !SkipToNextRecord() && !barrier) return false;
      continue;
    }
    out.type = AsciiLower(TrimAsciiBlanks(out.Header("WARC-Type")));
    out.target_uri = std::string(TrimAsciiBlanks(out.Header("WARC-Target-URI")));
    if (out.target_uri.size() >= 2 && out.target_uri.front() == '<' && out.target_uri.back() == '>')
      out.target_uri = out.target_uri.substr(1, out.target_uri.size() - 2);
    out.date = std::string(TrimAsciiBlanks(out.Header("WARC-Date")));
    out.content_type = std::string(TrimAsciiBlanks(out.Header("Content-Type")));
    bool wanted = std::find(options.block_types.begin(), options.block_types.end(), out.type) !=
                  options.block_types.end();
    const bool within_limit = static_cast<uint64_t>(out.content_length) <= options.max_block_bytes;
    bool too_big = wanted && !within_limit;
    out.has_block = wanted && !too_big;
    // Every block within the limit is held, wanted or not, so that a
    // Content-Length that runs past the record's end can be repaired: the
    // next record's start is looked for inside it.
    const bool held = within_limit;
    const int64_t block_start = Offset();
    bool next_member_damaged = false;
    const bool complete = ReadBlock(static_cast<uint64_t>(out.content_length), &out.block, held);
    if (barrier) continue;  // damage inside the block: reported, record lost
    // The block is followed by CRLF CRLF (LF LF from some writers, nothing
    // at the very end of a file); anything else means the Content-Length
    // was wrong.
    std::string trailer;
    if (complete) ReadBlock(4, &trailer, true);
    if (barrier) continue;
    bool aligned = complete;
    if (complete) {
      size_t used = 0;
      if (trailer.compare(0, 4, "\r\n\r\n") == 0) {
        used = 4;
      } else if (trailer.compare(0, 2, "\n\n") == 0) {
        used = 2;
      } else if (trailer == "\r\n" || trailer == "\n" || trailer.empty()) {
        used = trailer.size();
      } else if (trailer.compare(0, 2, "\r\n") == 0 && trailer.compare(2, 2, "WA") == 0) {
        used = 2;  // one CRLF, then the next record
      } else if (trailer.compare(0, 2, "WA") != 0) {
        aligned = false;
      }
      if (aligned) {
        // A length that lies can still land on a CRLF CRLF (the one between
        // a response's HTTP headers and its body): when what follows is not
        // the end, a blank line or the next record, and a record starts
        // inside the block, the length ran past the record. (Garbage after a
        // record whose block holds no record start is reported on its own
        // by the next call.) Reading on also checks a gzip member's checksum
        // before its record is trusted.
        std::string after = trailer.substr(used);
        trailer.resize(used);
        if (after.size() < 7) ReadBlock(7 - after.size(), &after, true);
        if (barrier) {
          // Damage in this record's member loses the record; damage in the
          // next member (found by reading past this one) does not.
          if (!(gzip && barrier_member > out.offset)) continue;
          next_member_damaged = true;
        } else if (after.empty() || after.compare(0, 7, "WARC/1.") == 0 || after[0] == '\r' || after[0] == '\n') {
          Unread(after);
        } else if (held && FindRecordStart(std::string(out.block) + trailer + after) != std::string::npos) {
          aligned = false;
          trailer += after;
        } else {
          Unread(after);
        }
      }
    }
    if (generation != gen && !next_member_damaged) {
      // The stream jumped (a damaged gzip member, already reported) inside
      // this record: its block is not what was written.
      if (!SkipToNextRecord() && !barrier) return false;
      continue;
    }
    if (!aligned) {
      // A Content-Length too large swallows the start of the next record (or
      // runs to the end of the file): find that start inside what was read
      // (and a version line's worth past it, for a length only a little too
      // large) and read on from there, so only the lying record is lost.
      std::string region = held ? std::move(out.block) : std::string();
      region += trailer;
      std::string more;
      if (complete) ReadBlock(16, &more, true);
      if (barrier) continue;
      region += more;
      const size_t next = held ? FindRecordStart(region) : std::string::npos;
      if (next != std::string::npos) {
        const int64_t next_offset = gzip ? -1 : block_start + static_cast<int64_t>(next);
        Problem(start, "Content-Length " + length_text + " runs past the record's end (the next record starts " +
                           (next_offset >= 0 ? "at byte " + std::to_string(next_offset) : "inside its block") +
                           "); record skipped, reading on from the next record");
        Unread(std::string_view(region).substr(next));
        continue;
      }
      Unread(more);
      if (!complete) {
        Problem(start, "truncated record: the file ends inside its " + std::to_string(out.content_length) +
                           "-byte block");
        if (dend) return false;
        if (!SkipToNextRecord() && !barrier) return false;
        continue;
      }
      Problem(start, "record block not followed by CRLF CRLF (wrong Content-Length " + length_text +
                         "?); record skipped");
      if (!SkipToNextRecord() && !barrier) return false;
      continue;
    }
    if (too_big) {
      Problem(start, out.type + " record of " + std::to_string(out.content_length) + " bytes over the limit of " +
                         std::to_string(options.max_block_bytes) + "; skipped");
      continue;
    }
    if (!out.has_block) out.block.clear();
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
