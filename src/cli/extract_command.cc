#include "cli/extract_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/command.h"
#include "core/diagnostics.h"
#include "core/gzip.h"
#include "html/extractor.h"

namespace warta::cli {
namespace {

// The limit ingest applies, so extract shows what ingest would read.
constexpr size_t kMaxPage = html::kMaxPageBytes;

// The whole file (or stdin), gunzipped when it starts with the gzip magic.
StatusOr<std::string> ReadPage(const std::string& path) {
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IoError(std::strerror(errno));
  }
  std::string raw;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string e = std::strerror(errno);
      if (fd) ::close(fd);
      return Status::IoError(e);
    }
    if (n == 0) break;
    raw.append(buf, static_cast<size_t>(n));
    if (raw.size() > kMaxPage) {
      if (fd) ::close(fd);
      return Status::TooLarge("page over " + std::to_string(kMaxPage) + " bytes");
    }
  }
  if (fd) ::close(fd);
  if (!IsGzip(raw)) return raw;
  StatusOr<std::string> page = Inflate(raw, {.max_bytes = kMaxPage});
  if (page.status().code() == StatusCode::kTooLarge)
    return Status::TooLarge("page over " + std::to_string(kMaxPage) + " bytes after decompression");
  return page;
}

const char* KindName(html::BlockKind k) {
  switch (k) {
    case html::BlockKind::kHeading: return "heading";
    case html::BlockKind::kListItem: return "list-item";
    case html::BlockKind::kQuote: return "quote";
    case html::BlockKind::kPreformatted: return "pre";
    case html::BlockKind::kParagraph: break;
  }
  return "paragraph";
}

}  // namespace

int RunExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err) {
  StatusOr<std::string> bytes = ReadPage(args.path);
  if (!bytes.ok()) {
    err << "warta: " << EscapeForDisplay(args.path) << ": " << bytes.status().message() << "\n";
    return kExitFailed;
  }
  html::PageContext ctx;
  ctx.url = args.url;
  StatusOr<html::ExtractedPage> page = html::Extract(*bytes, ctx, {});
  if (!page.ok()) {
    err << "warta: " << EscapeForDisplay(args.path) << ": " << page.status().message() << "\n";
    return kExitFailed;
  }
  if (args.json) {
    nlohmann::json j;
    j["source"] = args.path;
    j["title"] = page->title;
    j["url"] = page->url;
    j["canonical_url"] = page->canonical_url;
    j["published"] = page->published;
    j["modified"] = page->modified;
    j["authors"] = page->authors;
    j["outlet"] = page->outlet;
    j["language"] = page->language;
    j["charset"] = page->charset;
    if (!page->charset_note.empty()) j["charset_note"] = page->charset_note;
    nlohmann::json blocks = nlohmann::json::array();
    std::string text;
    for (const html::Block& b : page->blocks) {
      blocks.push_back({{"kind", KindName(b.kind)}, {"text", b.text}});
      if (!text.empty()) text.push_back('\n');
      text += b.text;
    }
    j["text"] = text;
    j["blocks"] = blocks;
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  auto line = [&](const char* name, const std::string& v) {
    if (!v.empty()) out << name << ": " << v << "\n";
  };
  line("title", page->title);
  line("url", page->url);
  if (page->canonical_url != page->url) line("canonical", page->canonical_url);
  line("published", page->published);
  line("modified", page->modified);
  std::string authors;
  for (const std::string& a : page->authors) authors += (authors.empty() ? "" : ", ") + a;
  line("authors", authors);
  line("outlet", page->outlet);
  line("language", page->language);
  line("charset", page->charset_note.empty() ? page->charset : page->charset + " (" + page->charset_note + ")");
  out << "\n";
  for (const html::Block& b : page->blocks) {
    if (b.kind == html::BlockKind::kHeading) out << "## ";
    else if (b.kind == html::BlockKind::kListItem) out << "- ";
    else if (b.kind == html::BlockKind::kQuote) out << "> ";
    out << b.text << "\n";
  }
  return kExitOk;
}

void AddExtractCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the article text and metadata of one web page (not stored)");
  cmd->add_option("file", args->path, "HTML file (.html, .htm, gzipped too), or - for stdin")->required();
  cmd->add_option("--url", args->url, "the page's URL, when known");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->callback([args, &ctx] {
    ctx.ran = true;
    ctx.exit_code = RunExtract(*args, std::cout, std::cerr);
  });
}

}  // namespace warta::cli
