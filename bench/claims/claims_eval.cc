// Scores the claim analyser on the gold set (tests/data/claims/) after the
// full cleaning and analysis stack, and prints a Markdown table
// (docs/quality/claims.md).
//
//   build/bench/claims/claims_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors]
//                                  [--case lower|upper [--truecase]]
//
// Run from the repository root (defaults: tests/data/claims and ../shared).
// --errors lists the tuning part's mistakes; --heldout-errors also the
// held-out part's (look at those only after tuning is over).
// --case lower|upper: every article lower- or upper-cased before cleaning,
// as case-less outlets deliver it (the gold unchanged, matched case-blind);
// --truecase: the cleaner then restores case as the pipeline does
// (clean::CleanOptions::restore_case with the built-in truecaser).
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "claims/eval.h"

int main(int argc, char** argv) {
  warta::claims::EvalOptions options;
  options.shared_dir = "../shared";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--gold") && i + 1 < argc)
      options.gold_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc)
      options.shared_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--errors"))
      errors = true;
    else if (!std::strcmp(argv[i], "--heldout-errors"))
      errors = options.heldout_errors = true;
    else if (!std::strcmp(argv[i], "--case") && i + 1 < argc)
      options.letter_case = argv[++i];
    else if (!std::strcmp(argv[i], "--truecase"))
      options.truecase = true;
    else {
      std::fprintf(stderr, "usage: claims_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors] [--case lower|upper [--truecase]]\n");
      return 2;
    }
  }
  if (!std::filesystem::exists(options.shared_dir)) {
    std::fprintf(stderr, "claims_eval: %s absent: IndoSum rows skipped\n", options.shared_dir.c_str());
    options.shared_dir.clear();
  }
  if (options.truecase && options.letter_case.empty()) {
    std::fprintf(stderr, "claims_eval: --truecase needs --case lower|upper\n");
    return 2;
  }
  auto report = warta::claims::Evaluate(options);
  if (!report.ok()) {
    std::fprintf(stderr, "claims_eval: %s\n", report.status().ToString().c_str());
    return 1;
  }
  if (errors)
    for (const auto& e : report->errors) std::printf("%s\n", e.c_str());
  if (!options.letter_case.empty())
    std::printf("Letter case: every article %s-cased (--case %s)%s\n\n", options.letter_case.c_str(),
                options.letter_case.c_str(), options.truecase ? ", case restored by the cleaner (--truecase)" : "");
  std::printf("%s", warta::claims::FormatReport(*report).c_str());
  return 0;
}
