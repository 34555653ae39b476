// `warta series` (the series of recurring reports, newest first) and
// `warta series ID` (one series: its items by date and its figures over
// time), as text or --json (the API's shapes, see query/series_views.h).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

void AddSeriesCommand(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
