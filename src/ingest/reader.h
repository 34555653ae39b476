// Ingest: turns files, directory trees and stdin into RawDocuments.
//
// A news batch is messy: feeds arrive gzipped, half-downloaded, in legacy
// charsets, with the odd binary or empty file mixed in. The reader's job is to
// deliver every good article and to account for every bad input exactly once
// (a Diagnostic naming the file, the line or byte offset, and the reason),
// without ever stopping the batch or garbling text silently.
//
// Formats (by extension, ".gz" allowed after each; gzip is also recognised by
// its magic bytes whatever the name):
//   .txt              one article per file, RawDocument::text (line ends '\n')
//   .jsonl / .ndjson  one article per line: "text", or "paragraphs" as strings,
//                     sentences (arrays of strings) or IndoSum token lists;
//                     metadata title, url|source_url, date|published|
//                     datePublished, outlet|source, language|lang,
//                     author|authors, copied unparsed; a value of the wrong
//                     type ("url": 5, "outlet": false) is never converted:
//                     the field is dropped with a kWarning naming the line,
//                     field and expected type, and the article is kept
//                     (jsonl.h)
//   .html / .htm      one web page per file: the html stage extracts the
//                     article (RawDocument::paragraphs) and its metadata; the
//                     page's own charset rules apply (html/extractor.h)
//   .warc             WARC 1.0/1.1 (a .warc.gz is read member by member): one
//                     document per HTML response (or resource) record, with
//                     WARC-Target-URI as url and WARC-Date as the date of last
//                     resort; source is "path@offset". Other records (request,
//                     metadata, non-HTML, non-2xx) are counted in
//                     IngestStats::skipped_records and summed up in one
//                     kWarning per file. Damage is reported with the byte
//                     offset (for .warc.gz, of the gzip member) and skipped;
//                     the records after it are still read.
// Only regular files are read: a FIFO, socket or device (named explicitly or
// met in a walk under a known extension) is rejected with its kind, never
// opened in a way that waits; a stream goes through "-" (stdin).
// A path given explicitly with another extension, and "-" (stdin), is sniffed
// (SniffFormat; a sniffed .warc.gz is decompressed as one stream, so damage
// in it ends the file). Directory walks read only the known extensions and skip
// hidden entries; other files are ignored silently.
//
// Gzip damage is reported with the compressed byte offset. A .txt is held
// whole before delivery, so a damaged one is rejected. JSONL is streamed: the
// complete lines before the damage are delivered, then the Diagnostic. Note
// that deflate cannot always see damage where it happens (a flipped bit may
// only fail the member's CRC at its end), so lines decoded from a corrupt (as
// opposed to truncated) stream can be garbage; they are mostly rejected as
// malformed lines, and the final Diagnostic says the stream was corrupt.
//
// Charset: a UTF-8 BOM is dropped, UTF-16 with a BOM is converted; damaged
// UTF-8 is rejected; a legacy single-byte charset is detected and converted,
// with RawDocument::charset_note set and a kWarning Diagnostic (uchardet has
// no Indonesian model; when WINDOWS-1252 reads the bytes identically to its
// guess, the note says WINDOWS-1252). JSONL decides per line, and binary
// data too: a line holding a NUL byte (or mostly control bytes) is rejected
// with its line and byte offset, the other lines are read; only a file that
// does not start with '{' is rejected whole as binary. In JSONL a
// non-empty "text" wins over "paragraphs"; blank paragraphs are dropped.
//
// Thread-safety: a DocumentReader is not thread-safe (one per thread). The
// free functions are thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/diagnostics.h"
#include "core/env.h"
#include "html/extractor.h"

namespace warta::ingest {

struct IngestOptions {
  // behaviour
  bool recursive = true;                 // walk directories recursively
  // limits (bad input never takes the process down)
  size_t max_document_bytes = 8 << 20;   // a .txt article (after decompression) over this is rejected
  size_t max_line_bytes = 8 << 20;       // a JSONL line over this is rejected (the rest of the file goes on)
  size_t max_html_bytes = html::kMaxPageBytes;  // a web page (file or WARC record body) over this is rejected
  // A document with fewer letters than this (any format) is no article: a
  // broken chunked body decoded to "ZZZZ", an error page's "Not Found". It
  // is rejected with its letter count and counted; 0 turns the check off.
  size_t min_article_letters = 20;
  // How web pages are read (html/extractor.h): its `dates` carries the
  // month names of a `--lexicon`; its page limit is max_html_bytes above.
  html::ExtractOptions html;
  // The file system to read through (not owned; null = Env::Default()).
  // Tests pass one that injects faults.
  Env* env = nullptr;
};

struct IngestStats {
  uint64_t files = 0;      // input files opened (good or not; stdin counts as one)
  uint64_t documents = 0;  // documents delivered by Next()
  uint64_t rejected = 0;   // kRejected diagnostics (warnings are not counted)
  uint64_t bytes = 0;      // decoded bytes read (after decompression), for throughput
  uint64_t skipped_records = 0;  // WARC records that carry no page (request, metadata, non-HTML...)
  uint64_t too_short = 0;  // documents under min_article_letters (also in rejected)
};

// Pull-based reader over files, directories and "-" (stdin).
//
// Order is deterministic: inputs in the order given; inside a directory,
// entries sorted by name (bytewise), depth-first, so "a/b/x.txt" comes before
// "a/c.txt". The constructor walks the directories (so total_bytes() is known
// before the first document) but reports nothing: every Diagnostic, including
// a missing path or an unreadable directory, is sent from Next() at its place
// in that order, on the calling thread.
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> paths, IngestOptions options, DiagnosticSink sink);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills *doc (replacing its contents) with the next good document and
  // returns true; false when every input is exhausted. Bad inputs are
  // reported to the sink, counted in stats().rejected and skipped, so one
  // call may pass over many of them.
  bool Next(RawDocument* doc);

  const IngestStats& stats() const;
  // Sum of on-disk sizes of the regular files to read (for a progress bar;
  // stdin and other streams contribute 0).
  uint64_t total_bytes() const;
  // On-disk bytes consumed so far; reaches total_bytes() when Next() returns false.
  uint64_t bytes_done() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

enum class Format { kText, kJsonl, kHtml, kWarc };

// The format of a stream with no telling extension, from its first bytes
// (after decompression and BOM handling): WARC when it starts "WARC/1.";
// JSONL when the first non-blank byte is '{'; HTML when it is '<' and an
// <html>, <head>, <body> or <!doctype html> tag appears; else plain text.
Format SniffFormat(std::string_view head);

// Joins IndoSum-style tokens into natural text: single spaces, except none
// before closing punctuation (. , ; : ! ? ) ] } % ...) and after opening
// brackets; straight quotes (" and ') alternate opening/closing through the
// list; digits around '/' and ':' are joined ("27 / 3" -> "27/3").
// Whitespace-only tokens are dropped. Pass a whole paragraph (its sentences'
// tokens concatenated) so quotes that span sentences pair up correctly.
std::string Detokenise(const std::vector<std::string>& tokens);
std::string Detokenise(const std::vector<std::string_view>& tokens);

}  // namespace warta::ingest
