// warta_ner: the NER subcommands of `warta` on their own (same code,
// src/cli/ner_commands.cc), e.g. for rebuilding the model.
#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/ner_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Warta NER: tag, train-ner, eval-ner"};
  app.require_subcommand(1);
  warta::cli::CommandContext ctx;
  warta::cli::AddNerCommands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? warta::cli::kExitOk : warta::cli::kExitUsage;
  }
  return ctx.exit_code;
}
