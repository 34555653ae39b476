// `warta timex [--dct DATE] [--lexicon DIR] [FILE|-] [--json]`: tags the time expressions of
// one text and prints each with its code point offsets, type and TIMEX3
// value, resolved against the publication date given by --dct (or, without
// it, the date inferred from the text's own absolute dates, as the timex
// analyser does; with neither, relative expressions print no value).
#pragma once

#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace warta::cli {

void AddTimexCommand(CLI::App& app, CommandContext& ctx);

struct TimexCommandOptions {
  std::string input = "-";  // a file, or "-" for standard input
  std::string dct;          // "" = infer from the text
  bool json = false;
  std::string lexicon;  // "" = the built-in lexicon; else a directory (text::Lexicon::Load)
};

// The command's work, separated from argument parsing so tests can call it.
// Returns kExitOk, kExitUsage for a bad --dct or a bad lexicon file
// (message on `err`, naming file:line), or kExitFailed for an unreadable
// input or a missing lexicon directory.
int RunTimex(const TimexCommandOptions& options, std::istream& stdin_stream, std::ostream& out, std::ostream& err);

}  // namespace warta::cli
