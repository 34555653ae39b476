// Cost of the claim analyser on one core over every IndoSum dev article,
// cleaned and analysed as the pipeline does (entities, timex and quotes
// first, once); the claim analyser alone is then timed over `--rounds`
// passes, next to one pass of the whole analysis stack for scale.
// `--sample N` also prints N claims picked evenly through the corpus with
// their sentence, for reading by hand (docs/quality/claims.md).
//
//   build/bench/claims/claims_bench [--shared DIR] [--rounds N] [--sample N]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "claims/claim_analyzer.h"
#include "clean/cleaner.h"
#include "entities/entity_analyzer.h"
#include "ingest/reader.h"
#include "quotes/quote_analyzer.h"
#include "timex/timex_analyzer.h"

namespace {

// CPU time of this thread: the machine may be shared, and waiting for a
// core is not the analyser's cost.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
  }
};
double Since(Clock::time_point t) { return Clock::now() - t; }

// The sentence of ctx holding code point `cp`.
std::string SentenceAt(const warta::analyse::AnalysisContext& ctx, int32_t cp) {
  for (const auto& s : ctx.sentences()) {
    const auto& first = ctx.tokens()[s.first_token];
    const auto& last = ctx.tokens()[s.end_token - 1];
    if (first.cp_begin <= cp && cp < last.cp_end) return ctx.text().substr(first.begin, last.end - first.begin);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path shared = "../shared";
  int rounds = 5, sample = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc)
      shared = argv[++i];
    else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
      rounds = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--sample") && i + 1 < argc)
      sample = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "usage: claims_bench [--shared DIR] [--rounds N] [--sample N]\n");
      return 2;
    }
  }
  const auto dir = shared / "data/corpus/indosum-dev";
  if (!std::filesystem::is_directory(dir)) {
    std::fprintf(stderr, "claims_bench: no IndoSum articles under %s: skipped\n", shared.c_str());
    return 0;
  }
  auto cleaner = warta::clean::Cleaner::Create({});
  auto entities = warta::entities::EntityAnalyzer::Create({});
  if (!cleaner.ok() || !entities.ok()) {
    std::fprintf(stderr, "claims_bench: %s\n",
                 (cleaner.ok() ? entities.status() : cleaner.status()).ToString().c_str());
    return 1;
  }
  warta::timex::TimexAnalyzer timex;
  warta::quotes::QuoteAnalyzer quotes;
  warta::claims::ClaimAnalyzer claims;
  std::vector<warta::Article> articles;
  std::vector<std::unique_ptr<warta::analyse::AnalysisContext>> contexts;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  warta::ingest::DocumentReader reader(files, {}, [](const warta::Diagnostic&) {});
  warta::RawDocument doc;
  double stack_secs = 0;
  size_t bytes = 0;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    if (!a.ok()) continue;
    auto t = Clock::now();
    auto ctx = std::make_unique<warta::analyse::AnalysisContext>(*a);
    (void)(*entities)->Analyse(&*a, ctx.get());
    (void)timex.Analyse(&*a, ctx.get());
    (void)quotes.Analyse(&*a, ctx.get());
    (void)claims.Analyse(&*a, ctx.get());
    stack_secs += Since(t);
    bytes += ctx->text().size();
    articles.push_back(std::move(*a));
    contexts.push_back(std::move(ctx));
  }
  size_t found = 0;
  auto start = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < articles.size(); ++i) {
      (void)claims.Analyse(&articles[i], contexts[i].get());
      found += articles[i].claims.size();
    }
  const double secs = Since(start);
  const double n = static_cast<double>(articles.size());
  std::printf("articles %zu (%.1f MB clean text, folds overlap)  claims/article %.2f\n", articles.size(), bytes / 1e6,
              found / rounds / n);
  std::printf("claim analyser: %.1f us/article  (%.0f articles/s, one core CPU time, %d rounds)\n",
              1e6 * secs / rounds / n, rounds * n / secs, rounds);
  std::printf("analysis stack (context, entities, timex, quotes, claims; cleaning excluded): %.0f articles/s CPU\n",
              n / stack_secs);
  if (sample > 0 && found > 0) {
    const size_t total = found / rounds, step = std::max<size_t>(1, total / sample);
    size_t k = 0;
    for (size_t i = 0; i < articles.size(); ++i)
      for (const auto& c : articles[i].claims) {
        if (k++ % step != 0) continue;
        std::printf("\n%s\n  [%s] %.10g..%.10g %s unit=%s subject=%s by=%s hedge=%s date=%s\n  | %s\n", articles[i].source.c_str(),
                    c.text.c_str(), c.low, c.high, c.bound == warta::ClaimBound::kExact ? "=" : std::string(warta::Name(c.bound)).c_str(), c.unit.c_str(),
                    c.subject.empty() ? "-" : c.subject.c_str(),
                    c.claimant.empty() ? "-" : c.claimant.c_str(), c.hedge.c_str(), c.date.c_str(),
                    SentenceAt(*contexts[i], c.span.begin).c_str());
      }
  }
  return 0;
}
