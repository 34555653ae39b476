#include "cli/timex_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "timex/timex.h"

namespace warta::cli {

int RunTimex(const TimexCommandOptions& options, std::istream& stdin_stream, std::ostream& out, std::ostream& err) {
  std::optional<DateTime> dct;
  if (!options.dct.empty()) {
    dct = DateTime::ParseIso(options.dct);
    if (!dct) {
      err << "warta timex: --dct " << options.dct << ": expected a date such as 2024-11-19\n";
      return kExitUsage;
    }
  }
  std::shared_ptr<const text::Lexicon> lexicon;
  if (!options.lexicon.empty()) {
    auto loaded = text::Lexicon::Load(options.lexicon);
    if (!loaded.ok()) {
      err << "warta timex: --lexicon: " << loaded.status().message() << "\n";
      return loaded.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
    }
    lexicon = *std::move(loaded);
  }
  std::stringstream buf;
  if (options.input == "-") {
    buf << stdin_stream.rdbuf();
  } else {
    std::ifstream in(options.input, std::ios::binary);
    if (!in) {
      err << "warta timex: " << options.input << ": cannot open\n";
      return kExitFailed;
    }
    buf << in.rdbuf();
  }
  const std::string text = buf.str();
  const timex::TimexTagger tagger(timex::TimexOptions{.lexicon = lexicon});
  bool inferred = false;
  if (!dct) {
    dct = timex::InferPublicationDate(tagger.Tag(text, std::nullopt));
    inferred = dct.has_value();
  }
  const auto tagged = tagger.Tag(text, dct);
  if (options.json) {
    nlohmann::json j;
    j["dct"] = dct ? dct->ToIso() : "";
    j["dct_inferred"] = inferred;
    j["timexes"] = nlohmann::json::array();
    for (const auto& t : tagged) {
      nlohmann::json e = {{"begin", t.timex.span.begin}, {"end", t.timex.span.end}, {"text", t.timex.text},
                          {"type", Name(t.timex.type)},  {"value", t.timex.value}};
      if (t.timex.utc_offset_minutes) e["utc_offset_minutes"] = *t.timex.utc_offset_minutes;  // TIMEX3 values carry none
      if (t.invalid) e["invalid"] = true;
      if (t.implausible) e["implausible"] = true;
      if (!t.note.empty()) e["note"] = t.note;
      j["timexes"].push_back(std::move(e));
    }
    out << j.dump(2) << "\n";
    return kExitOk;
  }
  out << "# dct " << (dct ? dct->ToIso() : std::string("unknown")) << (inferred ? " (inferred from the text)" : "")
      << "\n";
  for (const auto& t : tagged) {
    out << t.timex.span.begin << "-" << t.timex.span.end << "\t" << Name(t.timex.type) << "\t"
        << (t.timex.value.empty() ? "-" : t.timex.value) << "\t" << t.timex.text;
    if (!t.note.empty()) out << "\t(" << t.note << ")";
    out << "\n";
  }
  return kExitOk;
}

void AddTimexCommand(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<TimexCommandOptions>();
  auto* cmd = app.add_subcommand("timex", "Tag the time expressions of a text, normalised against a publication date");
  cmd->add_option("input", options->input, "Text file, or - for standard input (default)");
  cmd->add_option("--dct", options->dct,
                  "Publication date (YYYY-MM-DD) relative expressions count from; default: inferred from the text");
  cmd->add_flag("--json", options->json, "Print JSON");
  cmd->add_option("--lexicon", options->lexicon, kLexiconHelp)->type_name("DIR");
  cmd->callback([options, &ctx] {
    ctx.exit_code = RunTimex(*options, std::cin, std::cout, std::cerr);
    ctx.ran = true;
  });
}

}  // namespace warta::cli
