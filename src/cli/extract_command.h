// `warta extract FILE|- [--json] [--url URL]`: the text and metadata of one
// web page, extracted as ingest would, printed and not stored (like
// trafilatura's command line). Gzipped pages are read too.
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace warta::cli {

struct CommandContext;

struct ExtractArgs {
  std::string path;  // "-" for stdin
  std::string url;   // the page's URL when known (dates in the path, outlet)
  bool json = false;
};

// Registers the subcommand; its callback runs RunExtract on std::cout/cerr
// and sets ctx.ran and ctx.exit_code.
void AddExtractCommand(CLI::App& app, CommandContext& ctx);

// Does the work: exit code kExitOk, kExitFailed (unreadable file, no article
// found; one line on `err` naming the file and the reason).
int RunExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err);

}  // namespace warta::cli
