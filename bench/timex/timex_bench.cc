// Tagging speed of the timex stage on one core: every IndoSum dev article
// (detokenised, its id's Unix time as the DCT), tagged `--rounds` times.
// Tokenising is included, as when the tagger runs on its own (the analyser
// reuses the pipeline's tokens and is faster).
//
//   build/bench/timex/timex_bench [--shared DIR] [--rounds N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/gold_set.h"
#include "ingest/reader.h"
#include "timex/timex.h"

int main(int argc, char** argv) {
  std::filesystem::path shared = "../shared";
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "usage: timex_bench [--shared DIR] [--rounds N]\n");
      return 2;
    }
  }
  struct Doc {
    std::string text;
    warta::DateTime dct;
  };
  std::vector<Doc> docs;
  size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(shared / "data/corpus/indosum-dev")) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      Doc d;
      for (const auto& p : j["paragraphs"]) {
        std::vector<std::string> tokens;
        for (const auto& s : p)
          for (const auto& t : s) tokens.push_back(t.get<std::string>());
        if (!d.text.empty()) d.text += '\n';
        d.text += warta::ingest::Detokenise(tokens);
      }
      // Unix time of the id, shifted to WIB for the local date.
      d.dct = warta::ingest::IndoSumPublished(j.value("id", "")).value_or(warta::DateTime{});
      bytes += d.text.size();
      docs.push_back(std::move(d));
    }
  }
  if (docs.empty()) {
    std::fprintf(stderr, "timex_bench: no IndoSum articles under %s: skipped\n", shared.c_str());
    return 0;
  }
  warta::timex::TimexTagger tagger;
  size_t found = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& d : docs) found += tagger.Tag(d.text, d.dct).size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("articles %zu  text %.1f MB  rounds %d  expressions/round %zu\n", docs.size(), bytes / 1e6, rounds,
              found / rounds);
  std::printf("time %.2f s  speed %.1f MB/s (one core)\n", secs, bytes * rounds / 1e6 / secs);
  return 0;
}
