// `warta stories`, `story ID`, `quotes`, `claims` (the claim tracker) and
// `timeline`: listings across the store, as text or --json (the API's shapes,
// see query/views.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

void AddStoryCommands(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
