// `warta serve`: the JSON API (and, as it lands, the web page) over one data
// directory, from the same binary.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

void AddServeCommand(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
