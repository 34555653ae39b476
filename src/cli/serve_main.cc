// warta-serve: `warta serve` in a binary of its own that links only the read
// side (query, store, index, server), none of the ingest stack: no reader,
// cleaner, analyser or NER model, no TBB, libxml2 or CLD2. A read-only host
// runs this; tests/read_side_test.sh checks what it links.
#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli/command.h"
#include "cli/serve_command.h"
#include "server/server.h"

int main(int argc, char** argv) {
  CLI::App app{"warta-serve: the read-only JSON API and web page over one Warta data directory "
               "(the same server as 'warta serve')"};
  warta::cli::CommandContext ctx;
  if (const char* env = std::getenv("WARTA_DB")) ctx.db = env;
  app.add_option("--db", ctx.db, "Data directory (default ./warta-data, or $WARTA_DB)");
  app.set_version_flag("--version", "warta-serve 0.1.0");
  warta::server::ServerOptions options;
  warta::cli::AddServeOptions(&app, &options);
  CLI11_PARSE(app, argc, argv);
  return warta::cli::RunServe(ctx, options);
}
