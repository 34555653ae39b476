// The events stage on real text: its speed inside the whole analysis, and
// the events it finds, for reading.
//
//   build/bench/events/events_bench [--shared DIR] [--rounds N]   speed on IndoSum dev
//   build/bench/events/events_bench --seeds                        events of the five seeds
//   build/bench/events/events_bench --show FILE [--skip K] [--count N]
//                                   events of N IndoSum articles of FILE (dev.01.jsonl...)
//   --mentions                      also list each article's entity mentions
//
// Speed: every unique IndoSum dev article (detokenised, its id's Unix time
// as the publication date) goes through entities, timex, quotes and events
// `--rounds` times on one core; the table gives articles/s for the whole
// analysis and the events analyser's own share (µs per article), then the
// events analyser alone re-run over the analysed articles.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "events/event_analyzer.h"
#include "ingest/gold_set.h"
#include "ingest/reader.h"

namespace fs = std::filesystem;
using warta::Article;

namespace {

Article FromIndoSum(const nlohmann::json& j) {
  Article a;
  a.source = j.value("id", "");
  a.paragraphs = warta::ingest::DetokeniseSentences(j).paragraphs;
  a.published = warta::ingest::IndoSumPublished(a.source);
  return a;
}

std::vector<Article> ReadIndoSum(const fs::path& path, size_t skip, size_t count, std::set<std::string>* seen) {
  std::vector<Article> out;
  std::ifstream in(path);
  std::string line;
  size_t index = 0;
  while (out.size() < count && std::getline(in, line)) {
    if (index++ < skip) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("paragraphs")) continue;
    if (seen != nullptr && !seen->insert(j.value("id", "")).second) continue;
    out.push_back(FromIndoSum(j));
  }
  return out;
}

bool show_mentions = false;

void Show(const Article& a) {
  std::map<std::string, std::string> names;
  for (const auto& m : a.entities) names[m.entity_id] = m.canonical;
  std::string text = a.Text();
  std::printf("== %s (%s)\n", a.source.c_str(), a.published ? a.published->ToIso().c_str() : "no date");
  if (show_mentions)
    for (const auto& m : a.entities)
      std::printf("  mention %-12s %-30s -> %s\n", std::string(Name(m.type)).c_str(), m.text.c_str(), m.canonical.c_str());
  for (const auto& e : a.events) {
    std::string who;
    for (const auto& id : e.participants) who += (who.empty() ? "" : " + ") + names[id];
    // The span in code points, printed as bytes of the sentence.
    std::string sentence;
    int32_t cp = -1;
    for (unsigned char c : text) {
      if ((c & 0xC0) != 0x80) ++cp;
      if (cp >= e.span.begin && cp < e.span.end) sentence.push_back(static_cast<char>(c));
    }
    if (sentence.size() > 220) sentence = sentence.substr(0, 220) + "...";
    std::printf("  %-10s %-16s [%s] @%s %s\n      %s\n", std::string(Name(e.type)).c_str(), e.trigger.c_str(), who.c_str(),
                e.place.c_str(), e.date.c_str(), sentence.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  int rounds = 3;
  bool seeds = false;
  std::string show;
  size_t skip = 0, count = 20;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--seeds")) seeds = true;
    else if (!std::strcmp(argv[i], "--mentions")) show_mentions = true;
    else if (!std::strcmp(argv[i], "--show") && i + 1 < argc) show = argv[++i];
    else if (!std::strcmp(argv[i], "--skip") && i + 1 < argc) skip = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--count") && i + 1 < argc) count = std::strtoul(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr,
                   "usage: events_bench [--shared DIR] [--rounds N] | --seeds | --show FILE [--skip K] [--count N]\n");
      return 2;
    }
  }
  auto analyzers = warta::analyse::MakeAnalyzers({});
  if (!analyzers.ok()) {
    std::fprintf(stderr, "events_bench: %s\n", analyzers.status().ToString().c_str());
    return 1;
  }
  warta::events::EventAnalyzer events;
  auto analyse = [&](Article* a) {
    warta::analyse::AnalysisContext ctx(*a);
    for (auto& an : *analyzers) (void)an->Analyse(a, &ctx);
    (void)events.Analyse(a, &ctx);
  };
  if (seeds) {
    auto cleaner = warta::clean::Cleaner::Create({});
    if (!cleaner.ok()) return 1;
    warta::ingest::DocumentReader reader({(shared / "seeds").string()}, {}, [](const warta::Diagnostic&) {});
    warta::RawDocument doc;
    while (reader.Next(&doc)) {
      auto a = (*cleaner)->Clean(doc);
      if (!a.ok()) continue;
      analyse(&*a);
      Show(*a);
    }
    return 0;
  }
  if (!show.empty()) {
    for (Article& a : ReadIndoSum(shared / "data/corpus/indosum-dev" / show, skip, count, nullptr)) {
      analyse(&a);
      Show(a);
    }
    return 0;
  }
  std::vector<Article> docs;
  std::set<std::string> seen;
  if (fs::is_directory(shared / "data/corpus/indosum-dev"))
    for (const auto& e : fs::directory_iterator(shared / "data/corpus/indosum-dev"))
      if (e.path().extension() == ".jsonl") {
        auto more = ReadIndoSum(e.path(), 0, SIZE_MAX, &seen);
        for (auto& a : more) docs.push_back(std::move(a));
      }
  if (docs.empty()) {
    std::fprintf(stderr, "events_bench: no IndoSum articles under %s: skipped\n", shared.c_str());
    return 0;
  }
  using Clock = std::chrono::steady_clock;
  double total = 0, in_events = 0;
  size_t found = 0, with_events = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const Article& d : docs) {
      Article a = d;
      auto t0 = Clock::now();
      warta::analyse::AnalysisContext ctx(a);
      for (auto& an : *analyzers) (void)an->Analyse(&a, &ctx);
      auto t1 = Clock::now();
      (void)events.Analyse(&a, &ctx);
      auto t2 = Clock::now();
      total += std::chrono::duration<double>(t2 - t0).count();
      in_events += std::chrono::duration<double>(t2 - t1).count();
      if (r == 0) found += a.events.size(), with_events += !a.events.empty();
    }
  }
  // The event analyser alone, over articles already analysed (each with its
  // context): its own cost without the others' cache traffic in between.
  std::vector<Article> analysed;
  std::vector<std::unique_ptr<warta::analyse::AnalysisContext>> contexts;
  for (const Article& d : docs) {
    analysed.push_back(d);
    contexts.push_back(std::make_unique<warta::analyse::AnalysisContext>(analysed.back()));
    for (auto& an : *analyzers) (void)an->Analyse(&analysed.back(), contexts.back().get());
  }
  auto t0 = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (size_t k = 0; k < analysed.size(); ++k) (void)events.Analyse(&analysed[k], contexts[k].get());
  const double alone = std::chrono::duration<double>(Clock::now() - t0).count();
  const double n = static_cast<double>(docs.size()) * rounds;
  std::printf("| articles | rounds | events (articles with one) | analysis articles/s | events µs/article | events share | events alone µs/article |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  std::printf("| %zu | %d | %zu (%zu) | %.0f | %.1f | %.1f%% | %.1f |\n", docs.size(), rounds, found, with_events,
              n / total, 1e6 * in_events / n, 100 * in_events / total, 1e6 * alone / n);
  return 0;
}
