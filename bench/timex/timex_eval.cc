// Scores the timex tagger on the gold set (tests/data/timex/) the TempEval-3
// way and prints a Markdown table (docs/quality/timex.md).
//
//   build/bench/timex/timex_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors]
//   build/bench/timex/timex_eval --show FILE ID   (an IndoSum article's sentences, "p.s<TAB>text",
//                                                  detokenised exactly as scored: for annotating)
//   build/bench/timex/timex_eval --tag FILE ID    (the same article tagged, for reading errors
//                                                  after scoring; never before annotating)
//
// Run from the repository root (defaults: tests/data/timex and ../shared).
// --errors lists the tuning part's mistakes; --heldout-errors also the
// held-out part's (look at those only after tuning is over).
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "ingest/gold_set.h"
#include "timex/eval.h"

int main(int argc, char** argv) {
  warta::timex::EvalOptions options;
  options.shared_dir = "../shared";
  bool errors = false;
  const char* show_file = nullptr;
  const char* show_id = nullptr;
  bool tag = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--gold") && i + 1 < argc) options.gold_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) options.shared_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--show") && i + 2 < argc) show_file = argv[++i], show_id = argv[++i];
    else if (!std::strcmp(argv[i], "--tag") && i + 2 < argc) show_file = argv[++i], show_id = argv[++i], tag = true;
    else if (!std::strcmp(argv[i], "--errors")) errors = true;
    else if (!std::strcmp(argv[i], "--heldout-errors")) errors = options.heldout_errors = true;
    else {
      std::fprintf(stderr, "usage: timex_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors]\n");
      return 2;
    }
  }
  if (!std::filesystem::exists(options.shared_dir)) {
    std::fprintf(stderr, "timex_eval: %s absent: IndoSum rows skipped\n", options.shared_dir.c_str());
    options.shared_dir.clear();
  }
  if (show_file) {
    // Annotating reads the text before the tagger runs: this prints no tags.
    auto articles = warta::ingest::LoadIndoSumArticles(options.shared_dir, {{show_file, {show_id}}});
    auto it = articles.find(std::string(show_file) + "\t" + show_id);
    if (it == articles.end()) {
      std::fprintf(stderr, "timex_eval: %s %s: article not found\n", show_file, show_id);
      return 1;
    }
    auto sentences = warta::ingest::DetokeniseSentences(it->second);
    std::string joined;
    for (size_t p = 0; p < sentences.paragraphs.size(); ++p) joined += (p ? "\n" : "") + sentences.paragraphs[p];
    if (tag) {
      const warta::timex::TimexTagger tagger;
      for (const auto& t : tagger.Tag(joined, warta::ingest::IndoSumPublished(show_id)))
        std::printf("%d-%d\t%s\t%s\t%s\n", t.timex.span.begin, t.timex.span.end, std::string(Name(t.timex.type)).c_str(),
                    t.timex.value.empty() ? "-" : t.timex.value.c_str(), t.timex.text.c_str());
      return 0;
    }
    for (const auto& [locator, range] : sentences.ranges)
      std::printf("%s\t%s\n", locator.c_str(), joined.substr(range.first, range.second - range.first).c_str());
    return 0;
  }
  warta::timex::TimexTagger tagger;
  auto report = warta::timex::Evaluate(tagger, options);
  if (!report.ok()) {
    std::fprintf(stderr, "timex_eval: %s\n", report.status().ToString().c_str());
    return 1;
  }
  if (errors)
    for (const auto& e : report->errors) std::printf("%s\n", e.c_str());
  std::printf("%s", warta::timex::FormatReport(*report).c_str());
  return 0;
}
