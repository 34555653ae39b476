// `warta serve`: the JSON API and the web page over one data directory, from
// the same binary; `warta-serve` (serve_main.cc) is the same server in a
// binary that links only the read side.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "server/server.h"

namespace warta::cli {

void AddServeCommand(CLI::App& app, CommandContext& ctx);

// The options of `warta serve` (--bind, --port, --token) on `cmd`, so the
// lean `warta-serve` binary offers the same ones.
void AddServeOptions(CLI::App* cmd, server::ServerOptions* options);

// Serves ctx.db until SIGINT or SIGTERM; returns the exit code.
int RunServe(const CommandContext& ctx, server::ServerOptions options);

}  // namespace warta::cli
