// Scores the quote analyser (after the entity analyser, as in the pipeline)
// on the gold set (tests/data/quotes/) and prints a Markdown table
// (docs/quality/quotes.md).
//
//   build/bench/quotes/quotes_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors]
//   build/bench/quotes/quotes_eval --print dev.01.jsonl ARTICLE_ID   (for annotators)
//
// Run from the repository root (defaults: tests/data/quotes and ../shared).
// --errors lists the tuning part's mistakes; --heldout-errors also the
// held-out part's (look at those only after tuning is over).
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "analyse/analyzer.h"
#include "ingest/reader.h"
#include "quotes/eval.h"

namespace {

// Prints an IndoSum article one detokenised sentence a line, each with the
// paragraph.sentence locator the gold file uses.
int Print(const std::filesystem::path& shared, const std::string& file, const std::string& id) {
  std::ifstream in(shared / "data/corpus/indosum-dev" / file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("\"" + id + "\"") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || j.value("id", "") != id) continue;
    const auto& paras = j["paragraphs"];
    for (size_t p = 0; p < paras.size(); ++p)
      for (size_t s = 0; s < paras[p].size(); ++s)
        std::printf("%zu.%zu\t%s\n", p, s,
                    warta::ingest::Detokenise(paras[p][s].get<std::vector<std::string>>()).c_str());
    return 0;
  }
  std::fprintf(stderr, "quotes_eval: %s not in %s\n", id.c_str(), file.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  warta::quotes::QuoteEvalOptions options;
  options.shared_dir = "../shared";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--gold") && i + 1 < argc) options.gold_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) options.shared_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--errors")) errors = true;
    else if (!std::strcmp(argv[i], "--heldout-errors")) errors = options.heldout_errors = true;
    else if (!std::strcmp(argv[i], "--print") && i + 2 < argc) return Print(options.shared_dir, argv[i + 1], argv[i + 2]);
    else {
      std::fprintf(stderr, "usage: quotes_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors]\n");
      return 2;
    }
  }
  if (!std::filesystem::exists(options.shared_dir)) {
    std::fprintf(stderr, "quotes_eval: %s absent: IndoSum articles skipped\n", options.shared_dir.c_str());
    options.shared_dir.clear();
  }
  // Entities and quotes only: the timex analyser does not change quotes.
  auto analyzers = warta::analyse::MakeAnalyzers({.timex = false});
  if (!analyzers.ok()) {
    std::fprintf(stderr, "quotes_eval: %s\n", analyzers.status().ToString().c_str());
    return 1;
  }
  auto report = warta::quotes::Evaluate(*analyzers, options);
  if (!report.ok()) {
    std::fprintf(stderr, "quotes_eval: %s\n", report.status().ToString().c_str());
    return 1;
  }
  if (errors)
    for (const auto& e : report->errors) std::printf("%s\n", e.c_str());
  std::printf("%s", warta::quotes::FormatReport(*report).c_str());
  return 0;
}
