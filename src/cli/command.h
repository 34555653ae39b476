// How a subcommand joins the `warta` command line.
//
// Each command lives in its own file pair under src/cli/ and exposes one
// `Add<Name>Command(CLI::App& app, CommandContext& ctx)` that registers the
// subcommand with its options and a callback. The callback runs after
// parsing, does the work and sets ctx.exit_code; main() wires each Add*
// function once and returns that code.
#pragma once

#include <cstdio>
#include <string>

#include "core/diagnostics.h"
#include "core/status.h"

namespace warta::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // some input rejected, or the command failed
inline constexpr int kExitUsage = 2;

// The --lexicon option of the commands that analyse text.
inline constexpr const char* kLexiconHelp =
    "Directory of Indonesian lexicon files (speech_verbs.tsv, months.tsv, ...: see src/text/data/lexicon/); "
    "each replaces the built-in file of the same name, the others stay built in";

// Prints "warta: <message>" (escaped: messages name paths) and returns the
// exit code for it: usage for a bad argument, failed otherwise.
inline int Fail(const Status& st) {
  std::fprintf(stderr, "warta: %s\n", EscapeForDisplay(st.message()).c_str());
  return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
}

struct CommandContext {
  std::string db = "warta-data";  // --db, or $WARTA_DB
  int exit_code = kExitOk;
  bool ran = false;               // set by a command's callback
};

}  // namespace warta::cli
