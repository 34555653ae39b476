// The NER commands: `warta tag` (plain text -> mentions with offsets, or
// CoNLL tokens -> BIO tags), `warta train-ner` and `warta eval-ner`
// (entity-level micro P/R/F1 with conlleval rules).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

// Registers tag, train-ner and eval-ner on `app`; their callbacks set
// ctx.ran and ctx.exit_code.
void AddNerCommands(CLI::App& app, CommandContext& ctx);

}  // namespace warta::cli
