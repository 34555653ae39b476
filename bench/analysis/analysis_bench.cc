// Speed of the whole analysis on one core, over every IndoSum dev article
// after cleaning: the shared tokens and sentences (AnalysisContext), then
// each analyser that MakeAnalyzers() creates, in pipeline order. Reading and
// cleaning are done first and not timed. Prints articles/s for the whole
// analysis (the issue-6 target is >= 1,000) and each step's share.
//
//   build/bench/analysis/analysis_bench [--shared DIR] [--rounds N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "ingest/reader.h"

namespace {
using Clock = std::chrono::steady_clock;
double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path shared = "../shared";
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: analysis_bench [--shared DIR] [--rounds N]\n");
      return 2;
    }
  }
  const auto corpus = shared / "data/corpus/indosum-dev";
  if (!std::filesystem::is_directory(corpus)) {
    std::fprintf(stderr, "analysis_bench: needs %s (absent): skipped\n", corpus.c_str());
    return 0;
  }
  auto cleaner = warta::clean::Cleaner::Create({});
  auto analyzers = warta::analyse::MakeAnalyzers({});
  if (!cleaner.ok() || !analyzers.ok()) {
    std::fprintf(stderr, "analysis_bench: %s\n",
                 (!cleaner.ok() ? cleaner.status() : analyzers.status()).ToString().c_str());
    return 1;
  }
  std::vector<warta::Article> articles;
  size_t bytes = 0;
  warta::ingest::DocumentReader reader({corpus.string()}, {}, {});
  warta::RawDocument raw;
  while (reader.Next(&raw)) {
    auto a = (*cleaner)->Clean(raw);
    if (!a.ok()) continue;
    bytes += a->Text().size();
    articles.push_back(std::move(*a));
  }
  std::printf("%zu IndoSum dev articles, %.1f MB of clean text, %d rounds, one core\n", articles.size(),
              static_cast<double>(bytes) / 1e6, rounds);

  std::vector<double> secs(analyzers->size() + 1, 0.0);  // [0] = tokens and sentences
  size_t annotations = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& original : articles) {
      warta::Article a = original;  // fresh annotations each round, copy not timed
      auto t0 = Clock::now();
      warta::analyse::AnalysisContext ctx(a);
      auto t1 = Clock::now();
      secs[0] += Seconds(t1 - t0);
      for (size_t i = 0; i < analyzers->size(); ++i) {
        auto s0 = Clock::now();
        (void)(*analyzers)[i]->Analyse(&a, &ctx);
        secs[i + 1] += Seconds(Clock::now() - s0);
      }
      annotations += a.entities.size() + a.timexes.size() + a.quotes.size() + a.claims.size() + a.events.size();
    }
  }
  double total = 0;
  for (double s : secs) total += s;
  const double n = static_cast<double>(articles.size()) * rounds;
  std::printf("\n| step | us/article | share |\n|---|---|---|\n");
  std::printf("| tokens + sentences | %.1f | %.0f %% |\n", secs[0] / n * 1e6, 100 * secs[0] / total);
  for (size_t i = 0; i < analyzers->size(); ++i)
    std::printf("| %s | %.1f | %.0f %% |\n", std::string((*analyzers)[i]->name()).c_str(), secs[i + 1] / n * 1e6,
                100 * secs[i + 1] / total);
  std::printf("\nwhole analysis: %.0f articles/s, %.2f MB/s (%zu annotations a round); target >= 1,000 articles/s\n",
              n / total, static_cast<double>(bytes) * rounds / 1e6 / total, annotations / static_cast<size_t>(rounds));
  return 0;
}
