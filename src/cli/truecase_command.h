// `warta train-truecase`: learns the truecaser (text/truecase.h) from cased
// corpora and reports its token accuracy on held-out articles.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

// Registers train-truecase on `app`; its callback sets ctx.ran and ctx.exit_code.
void AddTruecaseCommand(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
