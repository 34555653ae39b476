// `warta entities` and `warta entity NAME`: the people, organisations and
// places the store knows, across every article that mentions them.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

void AddEntityCommands(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
