#include "ingest/reader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <map>
#include <set>
#include <utility>

#include "charset/charset.h"
#include "core/utf8.h"
#include "html/extractor.h"
#include "ingest/jsonl.h"
#include "ingest/stream.h"
#include "warc/warc_reader.h"

namespace warta::ingest {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 64 * 1024;

std::string Lowercase(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}


bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The format a file name declares; nullopt for an unknown extension.
std::optional<Format> FormatFromName(std::string_view path) {
  std::string name = Lowercase(std::string(path));
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".txt")) return Format::kText;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return Format::kJsonl;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm")) return Format::kHtml;
  if (EndsWith(name, ".warc")) return Format::kWarc;
  return std::nullopt;
}

// A warc::Input over an ingest Source (not owned).
class SourceInput : public warc::Input {
 public:
  explicit SourceInput(Source* source) : source_(source) {}
  size_t Read(char* buf, size_t n) override { return source_->Read(buf, n); }
  std::string error() const override { return source_->failed() ? source_->error() : ""; }

 private:
  Source* source_;
};

// A warc::Input over the buffered, already decoded stream (sniffed stdin).
class BufferedInput : public warc::Input {
 public:
  explicit BufferedInput(BufferedReader* reader) : reader_(reader) {}
  size_t Read(char* buf, size_t n) override { return reader_->Read(buf, n); }
  std::string error() const override {
    return reader_->source().failed() ? reader_->source().error() : "";
  }

 private:
  BufferedReader* reader_;
};

bool LooksLikeHtml(std::string_view content_type, std::string_view body) {
  std::string ct = Lowercase(std::string(content_type.substr(0, 200)));
  if (ct.find("html") != std::string::npos) return true;
  if (!ct.empty() && ct.find("text/plain") == std::string::npos &&
      ct.find("octet-stream") == std::string::npos && ct.find("unknown") == std::string::npos)
    return false;
  std::string head = Lowercase(std::string(body.substr(0, 1024)));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// What to say of a path that is not a regular file. Opening a FIFO blocks
// until a writer comes (forever, in a batch: issue 14 finding 6), a device
// may never end, a socket cannot be opened; a stream belongs on stdin ("-"),
// where the caller chose to wait.
constexpr const char* kStreamHint = "; skipped (pipe a stream to stdin with \"-\")";

std::optional<std::string> NotRegularReason(FileInfo::Type type) {
  if (type == FileInfo::Type::kRegular) return std::nullopt;
  return std::string("not a regular file (") + FileTypeName(type) + ")" + kStreamHint;
}

// JSONL's first non-blank byte is the '{' of its first object.
bool StartsLikeJsonl(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n\f\v");
  return i != std::string_view::npos && head[i] == '{';
}

// Letters in the document's text: ASCII letters, and every code point past
// U+00BF (Latin letters with marks and other scripts; punctuation, digits
// and symbols of Latin-1 do not count).
size_t CountLetters(const RawDocument& doc) {
  size_t letters = 0;
  auto count = [&letters](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
        ++i;
        continue;
      }
      const char32_t cp = Utf8Next(s, &i);
      if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) ++letters;
    }
  };
  count(doc.text);
  for (const std::string& p : doc.paragraphs) count(p);
  return letters;
}

}  // namespace

Format SniffFormat(std::string_view head) {
  if (head.substr(0, 7) == "WARC/1.") return Format::kWarc;
  size_t i = head.find_first_not_of(" \t\r\n\f\v");
  if (i == std::string_view::npos) return Format::kText;
  if (head[i] == '{') return Format::kJsonl;
  if (head[i] == '<') {
    std::string l = Lowercase(std::string(head.substr(i, 4096)));
    for (const char* tag : {"<html", "<head", "<body", "<!doctype html"}) {
      if (l.find(tag) != std::string::npos) return Format::kHtml;
    }
  }
  return Format::kText;
}

// ---- DocumentReader ---------------------------------------------------------

struct DocumentReader::Impl {
  struct Entry {
    std::string path;            // as given or walked; "-" for stdin
    bool is_stdin = false;
    std::optional<Format> declared;  // from the extension; nullopt: sniff
    uint64_t size = 0;           // on-disk size of a regular file, else 0
    std::string error;           // non-empty: report this instead of reading
  };

  // The file being read as JSONL (a .txt is read whole in one step).
  struct Open {
    const Entry* entry = nullptr;
    FdSource* fd = nullptr;       // owned by the chain below
    GzipSource* gzip = nullptr;   // owned by the chain, when compressed
    std::unique_ptr<Source> chain;
    std::unique_ptr<BufferedReader> reader;
    std::string charset_note;     // "converted from UTF-16LE"
    int64_t line = 0;
    bool saw_content = false;
    std::string bom_charset;      // "utf-8" when a byte order mark decided it
    // A WARC file: records come from NextRecord(). Declared after the chain
    // it reads from, so it is destroyed first.
    std::unique_ptr<warc::Input> warc_input;
    std::unique_ptr<warc::WarcReader> warc;
    uint64_t warc_records = 0, warc_pages = 0;
    std::map<std::string, uint64_t> warc_skipped;  // reason -> count
  };

  IngestOptions options;
  DiagnosticSink sink;
  std::vector<Entry> entries;
  size_t next_entry = 0;
  std::unique_ptr<Open> current;
  IngestStats stats;
  uint64_t total_bytes = 0;
  uint64_t finished_bytes = 0;
  Env* env = nullptr;
  std::set<std::pair<dev_t, ino_t>> visited_dirs;
  simdjson::dom::parser parser;
  std::string line;

  void AddPath(const std::string& path);
  void Walk(const std::string& dir);
  void AddFile(std::string path, std::optional<Format> declared, uint64_t size) {
    Entry e;
    e.path = std::move(path);
    e.declared = declared;
    e.size = size;
    total_bytes += size;
    entries.push_back(std::move(e));
  }
  void AddError(std::string path, std::string error) {
    Entry e;
    e.path = std::move(path);
    e.error = std::move(error);
    entries.push_back(std::move(e));
  }

  void Report(Diagnostic::Severity severity, const std::string& source, int64_t line_no,
              int64_t offset, std::string reason) {
    if (severity == Diagnostic::Severity::kRejected) ++stats.rejected;
    if (!sink) return;
    Diagnostic d;
    d.severity = severity;
    d.source = source;
    d.line = line_no;
    d.byte_offset = offset;
    d.reason = std::move(reason);
    sink(d);
  }
  void Reject(const std::string& source, int64_t line_no, int64_t offset, std::string reason) {
    Report(Diagnostic::Severity::kRejected, source, line_no, offset, std::move(reason));
  }
  void Warn(const std::string& source, int64_t line_no, std::string reason) {
    Report(Diagnostic::Severity::kWarning, source, line_no, -1, std::move(reason));
  }

  // Opens entries[next_entry - 1] and, for text, reads it: true with *doc
  // filled when a text document is ready; otherwise `current` is set for
  // JSONL or the entry was rejected.
  bool Start(const Entry& entry, RawDocument* doc);
  bool ReadText(Open& f, RawDocument* doc);
  bool ReadHtml(Open& f, RawDocument* doc);
  bool NextLine(RawDocument* doc);
  bool NextRecord(RawDocument* doc);
  void StartWarc(std::unique_ptr<warc::Input> input);
  void Finish();
};

void DocumentReader::Impl::AddPath(const std::string& path) {
  if (path == "-") {
    Entry e;
    e.path = "-";
    e.is_stdin = true;
    entries.push_back(std::move(e));
    return;
  }
  StatusOr<FileInfo> st = env->Stat(path);
  if (!st.ok()) {
    AddError(path, st.status().message());
    return;
  }
  if (st->type == FileInfo::Type::kDirectory) {
    visited_dirs.insert({st->device, st->inode});
    Walk(path);
    return;
  }
  if (std::optional<std::string> why = NotRegularReason(st->type)) {
    AddError(path, *why);
    return;
  }
  AddFile(path, FormatFromName(path), st->size);
}

void DocumentReader::Impl::Walk(const std::string& dir) {
  StatusOr<std::vector<std::string>> listed = env->ListDirectory(dir);
  if (!listed.ok()) {
    AddError(dir, "cannot read directory: " + listed.status().message());
    return;
  }
  std::vector<std::string> names;
  for (std::string& name : *listed) {
    if (name.empty() || name[0] == '.') continue;  // hidden
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string child = (fs::path(dir) / name).string();
    std::optional<Format> declared = FormatFromName(name);
    StatusOr<FileInfo> st = env->Stat(child);
    if (!st.ok()) {
      // A dangling link (or a file gone since the listing) that would have
      // been read deserves a word.
      if (declared) AddError(child, st.status().message());
      continue;
    }
    if (st->type == FileInfo::Type::kDirectory) {
      if (!options.recursive) continue;
      // A symlink cycle would walk forever.
      if (!visited_dirs.insert({st->device, st->inode}).second) continue;
      Walk(child);
    } else if (declared) {
      // A FIFO or device named like an article file is said, not waited on.
      if (std::optional<std::string> why = NotRegularReason(st->type)) {
        AddError(child, *why);
      } else {
        AddFile(child, declared, st->size);
      }
    }
  }
}

bool DocumentReader::Impl::Start(const Entry& entry, RawDocument* doc) {
  std::unique_ptr<SequentialFile> file;
  if (entry.is_stdin) {
    file = DescriptorFile(0, false);
  } else {
    // The Env never waits on the open: a path listed as a regular file but
    // replaced by a FIFO since is refused, not blocked on.
    StatusOr<std::unique_ptr<SequentialFile>> opened = env->OpenSequential(entry.path);
    if (!opened.ok()) {
      std::string why = opened.status().message();
      if (opened.status().code() == StatusCode::kUnsupported && why != "is a directory") why += kStreamHint;
      Reject(entry.path, 0, -1, std::move(why));
      finished_bytes += entry.size;
      return false;
    }
    file = std::move(*opened);
  }
  ++stats.files;
  auto f = std::make_unique<Open>();
  f->entry = &entry;
  auto raw = std::make_unique<FdSource>(std::move(file));
  f->fd = raw.get();

  if (entry.declared == Format::kWarc) {
    // The WARC reader does its own member-by-member gzip so that a damaged
    // member costs only its records.
    f->chain = std::move(raw);
    current = std::move(f);
    StartWarc(std::make_unique<SourceInput>(current->chain.get()));
    return false;  // records come from NextRecord()
  }
  // Gzip by its magic bytes, whatever the name says.
  std::string magic = ReadUpTo(raw.get(), 2);
  std::unique_ptr<Source> chain;
  if (magic == "\x1f\x8b") {
    auto gz = std::make_unique<GzipSource>(std::make_unique<PrefixSource>(magic, std::move(raw)));
    f->gzip = gz.get();
    chain = std::move(gz);
  } else {
    chain = std::make_unique<PrefixSource>(magic, std::move(raw));
  }
  // Byte order marks: UTF-8 dropped, UTF-16 converted.
  std::string bom = ReadUpTo(chain.get(), 3);
  if (chain->failed()) {
    Reject(entry.path, 0, chain->error_offset(), chain->error());
    Finish();
    return false;
  }
  std::string rest = bom;
  if (bom.size() >= 3 && bom.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    rest.clear();
    f->bom_charset = "utf-8";
  } else if (bom.size() >= 2 && (bom.compare(0, 2, "\xFF\xFE") == 0 || bom.compare(0, 2, "\xFE\xFF") == 0)) {
    const bool big_endian = bom[0] == '\xFE';
    chain = std::make_unique<Utf16Source>(std::make_unique<PrefixSource>(bom.substr(2), std::move(chain)),
                                          big_endian);
    f->charset_note = big_endian ? "converted from UTF-16BE" : "converted from UTF-16LE";
    f->bom_charset = "utf-8";  // converted to UTF-8 by the chain
    rest.clear();
  }
  f->chain = std::make_unique<PrefixSource>(std::move(rest), std::move(chain));
  f->reader = std::make_unique<BufferedReader>(f->chain.get());
  current = std::move(f);
  Open& o = *current;

  std::string_view head = o.reader->Peek(kSniffBytes);
  if (head.empty()) {
    if (o.chain->failed()) {
      Reject(entry.path, 0, o.chain->error_offset(), o.chain->error());
    } else {
      Reject(entry.path, 0, -1, "empty file");
    }
    Finish();
    return false;
  }
  Format format = entry.declared ? *entry.declared : SniffFormat(head);
  // A line format is checked line by line (NextLine): one NUL byte in line 7
  // costs line 7, not the file. A file that does not even start like JSONL
  // (a zip named .jsonl) is still one binary file, one diagnostic.
  const bool checked_per_line = format == Format::kJsonl && StartsLikeJsonl(head);
  if (!checked_per_line) {
    if (std::optional<std::string> binary = charset::BinaryReason(head)) {
      Reject(entry.path, 0, -1, *binary);
      Finish();
      return false;
    }
  }
  if (format == Format::kJsonl) return false;  // lines come from NextLine()
  if (format == Format::kWarc) {
    StartWarc(std::make_unique<BufferedInput>(o.reader.get()));
    return false;
  }
  bool ok = format == Format::kHtml ? ReadHtml(o, doc) : ReadText(o, doc);
  Finish();
  return ok;
}

bool DocumentReader::Impl::ReadText(Open& f, RawDocument* doc) {
  const std::string& path = f.entry->path;
  std::string text;
  if (!f.reader->ReadAll(&text, options.max_document_bytes)) {
    if (f.chain->failed()) {
      Reject(path, 0, f.chain->error_offset(), f.chain->error());
    } else if (!f.gzip && f.charset_note.empty() && f.entry->size > 0) {
      Reject(path, 0, -1,
             "document too large: " + std::to_string(f.entry->size) + " bytes (limit " +
                 std::to_string(options.max_document_bytes) + ")");
    } else {
      Reject(path, 0, -1,
             "document too large: over " + std::to_string(options.max_document_bytes) +
                 " bytes after decoding (limit " + std::to_string(options.max_document_bytes) +
                 ")");
    }
    return false;
  }
  charset::CharsetResult cs = charset::EnsureUtf8(&text);
  if (!cs.ok) {
    Reject(path, 0, cs.offset, cs.reason);
    return false;
  }
  std::string note = f.charset_note;
  if (!cs.converted_from.empty()) {
    note = "converted from " + cs.converted_from;
    Warn(path, 0, note + " (detected; the file is not UTF-8)");
  }
  NormaliseLineEnds(&text);
  if (TrimSpace(text).empty()) {
    Reject(path, 0, -1, "whitespace only");
    return false;
  }
  *doc = RawDocument{};
  doc->source = path;
  doc->text = std::move(text);
  doc->charset_note = std::move(note);
  ++stats.documents;
  return true;
}

void DocumentReader::Impl::StartWarc(std::unique_ptr<warc::Input> input) {
  warc::WarcOptions wo;
  wo.max_block_bytes = options.max_html_bytes + (1u << 20);  // the body plus its HTTP headers
  current->warc_input = std::move(input);
  // WarcReader reads through warc_input, which it does not own; wrap it.
  class Borrowed : public warc::Input {
   public:
    explicit Borrowed(warc::Input* in) : in_(in) {}
    size_t Read(char* buf, size_t n) override { return in_->Read(buf, n); }
    std::string error() const override { return in_->error(); }

   private:
    warc::Input* in_;
  };
  current->warc = std::make_unique<warc::WarcReader>(std::make_unique<Borrowed>(current->warc_input.get()), wo);
}

bool DocumentReader::Impl::ReadHtml(Open& f, RawDocument* doc) {
  const std::string& path = f.entry->path;
  std::string bytes;
  if (!f.reader->ReadAll(&bytes, options.max_html_bytes)) {
    if (f.chain->failed()) {
      Reject(path, 0, f.chain->error_offset(), f.chain->error());
    } else {
      Reject(path, 0, -1, "page too large: over " + std::to_string(options.max_html_bytes) + " bytes (limit " +
                              std::to_string(options.max_html_bytes) + ")");
    }
    return false;
  }
  html::PageContext ctx;
  if (!f.bom_charset.empty()) ctx.content_type = "text/html; charset=" + f.bom_charset;
  html::ExtractOptions eo = options.html;
  eo.max_input_bytes = options.max_html_bytes;
  StatusOr<html::ExtractedPage> page = html::Extract(bytes, ctx, eo);
  if (!page.ok()) {
    Reject(path, 0, -1, page.status().message());
    return false;
  }
  if (!page->charset_note.empty()) Warn(path, 0, "charset: " + page->charset_note);
  *doc = page->ToRawDocument(path);
  if (doc->charset_note.empty()) doc->charset_note = f.charset_note;
  ++stats.documents;
  return true;
}

bool DocumentReader::Impl::NextRecord(RawDocument* doc) {
  Open& f = *current;
  const std::string& path = f.entry->path;
  auto skip = [&](const std::string& why) {
    ++f.warc_skipped[why];
    ++stats.skipped_records;
  };
  warc::WarcRecord rec;
  for (;;) {
    bool got = f.warc->Next(&rec);
    for (const warc::WarcProblem& p : f.warc->TakeProblems()) Reject(path, 0, p.offset, p.reason);
    if (!got) {
      if (f.warc_records == 0 && f.warc->stats().problems == 0) {
        Reject(path, 0, -1, "no WARC records");
      } else {
        std::string summary = std::to_string(f.warc_records) + " WARC records: " +
                              std::to_string(f.warc_pages) + " pages";
        uint64_t skipped = 0;
        std::string detail;
        for (const auto& [why, n] : f.warc_skipped) {
          skipped += n;
          detail += (detail.empty() ? "" : ", ") + std::to_string(n) + " " + why;
        }
        if (skipped) summary += ", " + std::to_string(skipped) + " skipped (" + detail + ")";
        Warn(path, 0, summary);
      }
      return false;
    }
    ++f.warc_records;
    if (rec.type != "response" && rec.type != "resource") {
      skip(rec.type.empty() ? "untyped" : rec.type);
      continue;
    }
    if (!rec.has_block) {
      skip("over the size limit");
      continue;
    }
    std::string where = rec.target_uri.empty() ? "record" : rec.target_uri;
    std::string content_type;
    std::string body;
    if (rec.type == "response") {
      std::string ct = Lowercase(rec.content_type);
      if (ct.find("application/http") == std::string::npos) {
        skip("non-HTTP");
        continue;
      }
      StatusOr<warc::HttpResponse> http = warc::ParseHttpResponse(rec.block, options.max_html_bytes);
      if (!http.ok()) {
        Reject(path, 0, rec.offset, where + ": " + http.status().message());
        continue;
      }
      if (http->status < 200 || http->status > 299) {
        skip("non-2xx");
        continue;
      }
      content_type = http->Header("Content-Type");
      body = std::move(http->body);
    } else {
      content_type = rec.content_type;
      body = std::move(rec.block);
    }
    if (!LooksLikeHtml(content_type, body)) {
      skip("non-HTML");
      continue;
    }
    html::PageContext ctx;
    ctx.url = rec.target_uri;
    ctx.content_type = content_type;
    ctx.fallback_date = rec.date;
    html::ExtractOptions eo = options.html;
    eo.max_input_bytes = options.max_html_bytes;
    StatusOr<html::ExtractedPage> page = html::Extract(body, ctx, eo);
    if (!page.ok()) {
      Reject(path, 0, rec.offset, where + ": " + page.status().message());
      continue;
    }
    std::string source = path + "@" + std::to_string(rec.offset);
    if (!page->charset_note.empty()) Report(Diagnostic::Severity::kWarning, path, 0, rec.offset,
                                            where + ": charset: " + page->charset_note);
    *doc = page->ToRawDocument(source);
    ++f.warc_pages;
    ++stats.documents;
    return true;
  }
}

bool DocumentReader::Impl::NextLine(RawDocument* doc) {
  Open& f = *current;
  const std::string& path = f.entry->path;
  for (;;) {
    uint64_t length = 0;
    // Decoded offset of the line's first byte (the file offset for a plain
    // UTF-8 file), so a diagnostic can name the byte as well as the line.
    const uint64_t line_start = f.reader->consumed();
    BufferedReader::LineStatus status = f.reader->ReadLine(&line, options.max_line_bytes, &length);
    switch (status) {
      case BufferedReader::LineStatus::kEnd:
        if (!f.saw_content) Reject(path, 0, -1, "whitespace only");
        if (f.gzip && f.gzip->trailing_garbage_offset() >= 0) {
          Report(Diagnostic::Severity::kWarning, path, 0, f.gzip->trailing_garbage_offset(),
                 "trailing data after the gzip stream ignored");
        }
        return false;
      case BufferedReader::LineStatus::kFailed:
        Reject(path, 0, f.chain->error_offset(), f.chain->error());
        return false;
      case BufferedReader::LineStatus::kTooLong:
        ++f.line;
        f.saw_content = true;
        Reject(path, f.line, -1,
               "line too long: " + std::to_string(length) + " bytes (limit " +
                   std::to_string(options.max_line_bytes) + ")");
        continue;
      case BufferedReader::LineStatus::kLine:
        break;
    }
    ++f.line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (IsBlank(line)) continue;
    f.saw_content = true;
    if (size_t nul = line.find('\0'); nul != std::string::npos) {
      Reject(path, f.line, static_cast<int64_t>(line_start + nul),
             "binary data in the line (NUL byte at column " + std::to_string(nul + 1) + ")");
      continue;
    }
    if (std::optional<std::string> binary = charset::BinaryReason(line)) {
      Reject(path, f.line, static_cast<int64_t>(line_start), *binary + " in the line");
      continue;
    }
    charset::CharsetResult cs = charset::EnsureUtf8(&line);
    if (!cs.ok) {
      Reject(path, f.line, -1, cs.reason);
      continue;
    }
    RawDocument parsed;
    std::string reason;
    std::vector<std::string> field_warnings;
    if (!ParseJsonLine(parser, line, &parsed, &reason, &field_warnings)) {
      Reject(path, f.line, -1, reason);
      continue;
    }
    for (std::string& w : field_warnings) Warn(path, f.line, std::move(w));
    parsed.source = path;
    parsed.line = f.line;
    parsed.charset_note = f.charset_note;
    if (!cs.converted_from.empty()) {
      parsed.charset_note = "converted from " + cs.converted_from;
      Warn(path, f.line, parsed.charset_note + " (detected; the line is not UTF-8)");
    }
    *doc = std::move(parsed);
    ++stats.documents;
    return true;
  }
}

void DocumentReader::Impl::Finish() {
  if (!current) return;
  stats.bytes += current->reader ? current->reader->consumed() : 0;
  if (current->warc && !current->reader) stats.bytes += current->fd->offset();
  finished_bytes += current->entry->size;
  current.reset();
}

DocumentReader::DocumentReader(std::vector<std::string> paths, IngestOptions options,
                               DiagnosticSink sink)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->env = options.env ? options.env : Env::Default();
  impl_->sink = std::move(sink);
  for (const std::string& p : paths) impl_->AddPath(p);
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(RawDocument* doc) {
  Impl& m = *impl_;
  for (;;) {
    bool got = false;
    if (m.current) {
      got = m.current->warc ? m.NextRecord(doc) : m.NextLine(doc);
      if (!got) {
        m.Finish();
        continue;
      }
    } else {
      if (m.next_entry == m.entries.size()) return false;
      const Impl::Entry& entry = m.entries[m.next_entry++];
      if (!entry.error.empty()) {
        m.Reject(entry.path, 0, -1, entry.error);
        continue;
      }
      got = m.Start(entry, doc);
    }
    if (!got) continue;
    // Every format ends here, so one minimum holds for all of them (issue 14
    // finding 12: a broken chunked WARC body was stored as "ZZZZ").
    if (m.options.min_article_letters > 0) {
      const size_t letters = CountLetters(*doc);
      if (letters < m.options.min_article_letters) {
        --m.stats.documents;
        ++m.stats.too_short;
        m.Reject(doc->source, doc->line, -1,
                 "too short for an article: " + std::to_string(letters) + " letters (minimum " +
                     std::to_string(m.options.min_article_letters) + ")");
        continue;
      }
    }
    return true;
  }
}

const IngestStats& DocumentReader::stats() const { return impl_->stats; }

uint64_t DocumentReader::total_bytes() const { return impl_->total_bytes; }

uint64_t DocumentReader::bytes_done() const {
  const Impl& m = *impl_;
  uint64_t done = m.finished_bytes;
  if (m.current) done += std::min<uint64_t>(m.current->fd->offset(), m.current->entry->size);
  return done;
}

}  // namespace warta::ingest
