#include "ingest/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/jsonl.h"
#include "ingest/stream.h"

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

std::string ErrnoText(int err) { return Lowercase(std::strerror(err)); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The format a file name declares; nullopt for an unknown extension.
std::optional<Format> FormatFromName(std::string_view path) {
  std::string name = Lowercase(std::string(path));
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".txt")) return Format::kText;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return Format::kJsonl;
  return std::nullopt;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

Format SniffFormat(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n\f\v");
  return i != std::string_view::npos && head[i] == '{' ? Format::kJsonl : Format::kText;
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
  };

  IngestOptions options;
  DiagnosticSink sink;
  std::vector<Entry> entries;
  size_t next_entry = 0;
  std::unique_ptr<Open> current;
  IngestStats stats;
  uint64_t total_bytes = 0;
  uint64_t finished_bytes = 0;
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
  bool NextLine(RawDocument* doc);
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
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    AddError(path, ErrnoText(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    visited_dirs.insert({st.st_dev, st.st_ino});
    Walk(path);
    return;
  }
  // Named explicitly: read it whatever it is (a FIFO works like stdin).
  AddFile(path, FormatFromName(path), S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0);
}

void DocumentReader::Impl::Walk(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    AddError(dir, "cannot read directory: " + Lowercase(ec.message()));
    return;
  }
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden
    names.push_back(std::move(name));
  }
  if (ec) {
    AddError(dir, "cannot read directory: " + Lowercase(ec.message()));
    return;
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string child = (fs::path(dir) / name).string();
    std::optional<Format> declared = FormatFromName(name);
    struct stat st;
    if (::stat(child.c_str(), &st) != 0) {
      // A dangling link that would have been read deserves a word.
      if (declared) AddError(child, ErrnoText(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!options.recursive) continue;
      // A symlink cycle would walk forever.
      if (!visited_dirs.insert({st.st_dev, st.st_ino}).second) continue;
      Walk(child);
    } else if (S_ISREG(st.st_mode) && declared) {
      AddFile(child, declared, static_cast<uint64_t>(st.st_size));
    }
  }
}

bool DocumentReader::Impl::Start(const Entry& entry, RawDocument* doc) {
  int fd = 0;
  if (!entry.is_stdin) {
    fd = ::open(entry.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      Reject(entry.path, 0, -1, ErrnoText(errno));
      finished_bytes += entry.size;
      return false;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      Reject(entry.path, 0, -1, "is a directory");
      finished_bytes += entry.size;
      return false;
    }
  }
  ++stats.files;
  auto f = std::make_unique<Open>();
  f->entry = &entry;
  auto raw = std::make_unique<FdSource>(fd, !entry.is_stdin);
  f->fd = raw.get();

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
  } else if (bom.size() >= 2 && (bom.compare(0, 2, "\xFF\xFE") == 0 || bom.compare(0, 2, "\xFE\xFF") == 0)) {
    const bool big_endian = bom[0] == '\xFE';
    chain = std::make_unique<Utf16Source>(std::make_unique<PrefixSource>(bom.substr(2), std::move(chain)),
                                          big_endian);
    f->charset_note = big_endian ? "converted from UTF-16BE" : "converted from UTF-16LE";
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
  if (std::optional<std::string> binary = BinaryReason(head)) {
    Reject(entry.path, 0, -1, *binary);
    Finish();
    return false;
  }
  Format format = entry.declared ? *entry.declared : SniffFormat(head);
  if (format == Format::kJsonl) return false;  // lines come from NextLine()
  bool ok = ReadText(o, doc);
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
  CharsetResult cs = EnsureUtf8(&text);
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

bool DocumentReader::Impl::NextLine(RawDocument* doc) {
  Open& f = *current;
  const std::string& path = f.entry->path;
  for (;;) {
    uint64_t length = 0;
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
    CharsetResult cs = EnsureUtf8(&line);
    if (!cs.ok) {
      Reject(path, f.line, -1, cs.reason);
      continue;
    }
    RawDocument parsed;
    std::string reason;
    if (!ParseJsonLine(parser, line, &parsed, &reason)) {
      Reject(path, f.line, -1, reason);
      continue;
    }
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
  finished_bytes += current->entry->size;
  current.reset();
}

DocumentReader::DocumentReader(std::vector<std::string> paths, IngestOptions options,
                               DiagnosticSink sink)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->sink = std::move(sink);
  for (const std::string& p : paths) impl_->AddPath(p);
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(RawDocument* doc) {
  Impl& m = *impl_;
  for (;;) {
    if (m.current) {
      if (m.NextLine(doc)) return true;
      m.Finish();
      continue;
    }
    if (m.next_entry == m.entries.size()) return false;
    const Impl::Entry& entry = m.entries[m.next_entry++];
    if (!entry.error.empty()) {
      m.Reject(entry.path, 0, -1, entry.error);
      continue;
    }
    if (m.Start(entry, doc)) return true;
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
