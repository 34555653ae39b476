// ingest_bench: Warta's ingest throughput as a ratio to a bare Xapian
// TermGenerator indexing the same texts in the same run, plus search latency.
//
//   build/release/bench/ingest_bench [--corpus DIR] [--queries N] [--json FILE]
//
// Each measurement runs in its own forked child so its peak RSS is its own;
// the one-core runs are pinned to one CPU. Workloads:
//   termgen-1core   clean texts (pre-loaded) -> TermGenerator -> Xapian, 1 CPU
//   warta-1core     read JSONL -> clean -> tokenise -> store -> index, 1 thread, 1 shard, 1 CPU
//   warta-2core     the same with 2 threads and 2 shards on 2 CPUs
//   analysed-1core  warta-1core plus every analyser (entities, time expressions, quotes)
//   search          N two-word queries drawn by corpus word frequency, top 10 with snippets
//   stages          (--stages) where one core's time goes: read, clean, id, index terms, store, index write
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "clean/cleaner.h"
#include "ingest/reader.h"
#include "index/search_index.h"
#include "pipeline/knowledge_base.h"
#include "store/store.h"
#include "text/normalise.h"
#include "text/case.h"
#include "text/tokenizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
  std::string name;
  double seconds = 0;
  uint64_t articles = 0;   // documents processed
  uint64_t bytes = 0;      // input bytes
  long peak_rss_kb = 0;
};

void PinToCpus(int n) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int i = 0; i < n; ++i) CPU_SET(i, &set);
  sched_setaffinity(0, sizeof set, &set);
}

// Runs `fn` in a child process; the child writes "seconds articles bytes".
Result RunChild(const std::string& name, int cpus, const std::function<Result()>& fn) {
  int fd[2];
  if (pipe(fd) != 0) std::exit(1);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    PinToCpus(cpus);
    Result r = fn();
    char buf[128];
    int n = std::snprintf(buf, sizeof buf, "%.6f %llu %llu", r.seconds, static_cast<unsigned long long>(r.articles),
                          static_cast<unsigned long long>(r.bytes));
    if (write(fd[1], buf, static_cast<size_t>(n)) != n) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  char buf[128] = {0};
  ssize_t got = read(fd[0], buf, sizeof buf - 1);
  close(fd[0]);
  int status = 0;
  struct rusage ru{};
  wait4(pid, &status, 0, &ru);
  Result r;
  r.name = name;
  unsigned long long a = 0, b = 0;
  if (got <= 0 || std::sscanf(buf, "%lf %llu %llu", &r.seconds, &a, &b) != 3) {
    std::fprintf(stderr, "ingest_bench: %s failed (status %d)\n", name.c_str(), status);
    std::exit(1);
  }
  r.articles = a;
  r.bytes = b;
  r.peak_rss_kb = ru.ru_maxrss;
  return r;
}

std::vector<std::string> CorpusFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The clean texts Warta would index (title + paragraphs), loaded up front so
// the baseline pays only for indexing.
std::vector<std::string> LoadCleanTexts(const std::vector<std::string>& files) {
  auto cleaner = warta::clean::Cleaner::Create({});
  warta::ingest::DocumentReader reader(files, {}, {});
  std::vector<std::string> texts;
  warta::RawDocument doc;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    if (a.ok()) texts.push_back(a->title + "\n" + a->Text());
  }
  return texts;
}

Result TermGeneratorBaseline(const std::vector<std::string>& texts, const std::string& dir) {
  Result r;
  auto t0 = Clock::now();
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("indonesian"));
  for (const auto& t : texts) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(t);
    db.add_document(doc);
    r.bytes += t.size();
  }
  db.commit();
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.articles = texts.size();
  return r;
}

Result WartaIngest(const std::vector<std::string>& files, const std::string& dir, int threads, bool analyse,
                   bool relations) {
  fs::remove_all(dir);
  auto kb = warta::pipeline::KnowledgeBase::Open({.dir = dir, .shards = threads});
  if (!kb.ok()) {
    std::fprintf(stderr, "%s\n", kb.status().ToString().c_str());
    std::exit(1);
  }
  warta::pipeline::IngestOptions opt;
  opt.threads = threads;
  // The ratio to TermGenerator is defined on read + clean + tokenise + store
  // + index; dedupe and stories, and the analysers, are measured as their
  // own workloads.
  opt.analysis.entities = opt.analysis.timex = opt.analysis.quotes = opt.analysis.claims = opt.analysis.events =
      analyse;
  opt.relations = relations;
  auto t0 = Clock::now();
  auto s = (*kb)->Ingest(files, opt, {});
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
    std::exit(1);
  }
  std::fprintf(stderr, "  warta-%d: %llu documents, %llu stored, %llu duplicates, %llu rejected\n", threads,
               static_cast<unsigned long long>(s->documents), static_cast<unsigned long long>(s->stored),
               static_cast<unsigned long long>(s->duplicates), static_cast<unsigned long long>(s->rejected));
  return {"", secs, s->documents, s->bytes, 0};
}

// Two-word queries, each word drawn with probability proportional to its
// corpus frequency (words of 3+ letters), from a fixed seed.
std::vector<std::string> DrawQueries(const std::vector<std::string>& texts, size_t n) {
  std::unordered_map<std::string, uint64_t> freq;
  warta::text::Tokenizer tok;
  std::vector<warta::text::Token> tokens;
  for (const auto& t : texts) {
    tokens.clear();
    tok.Tokenize(t, &tokens);
    for (const auto& k : tokens) {
      if (k.kind != warta::text::TokenKind::kWord || k.end - k.begin < 3) continue;
      ++freq[warta::text::Lowercase(std::string_view(t).substr(k.begin, k.end - k.begin))];
    }
  }
  std::vector<std::pair<std::string, uint64_t>> words(freq.begin(), freq.end());
  std::sort(words.begin(), words.end());
  std::vector<double> weights;
  for (const auto& w : words) weights.push_back(static_cast<double>(w.second));
  std::mt19937_64 rng(20241119);
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  std::vector<std::string> queries;
  while (queries.size() < n) {
    size_t a = pick(rng), b = pick(rng);
    if (a != b) queries.push_back(words[a].first + " " + words[b].first);
  }
  return queries;
}

// Runs each stage over the whole corpus in turn on one core and prints its
// share, so a regression in one stage shows up by name.
void StageBreakdown(const std::vector<std::string>& files, const std::string& dir, double termgen_seconds) {
  using warta::Article;
  std::vector<std::pair<std::string, double>> stages;
  auto timed = [&](const std::string& name, auto&& fn) {
    auto t0 = Clock::now();
    fn();
    stages.emplace_back(name, std::chrono::duration<double>(Clock::now() - t0).count());
  };
  std::vector<warta::RawDocument> raws;
  timed("read (files, gzip, JSON, detokenise)", [&] {
    warta::ingest::DocumentReader reader(files, {}, {});
    warta::RawDocument d;
    while (reader.Next(&d)) raws.push_back(std::move(d));
  });
  auto cleaner = warta::clean::Cleaner::Create({});
  std::vector<Article> articles;
  timed("clean (normalise, debris, metadata)", [&] {
    for (const auto& r : raws) {
      auto a = (*cleaner)->Clean(r);
      if (a.ok()) articles.push_back(std::move(*a));
    }
  });
  timed("id (normalise for id, hash)", [&] {
    for (auto& a : articles) a.id = warta::ArticleIdOf(warta::text::NormaliseForId(a.Text()));
  });
  std::vector<warta::index::PreparedDocument> docs;
  timed("index terms (tokenise, stem)", [&] {
    warta::index::DocumentBuilder b;
    for (const auto& a : articles) docs.push_back(b.Build(a));
  });
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<warta::store::PutResult> put_all;
  timed("store (SQLite, batches of 256)", [&] {
    auto st = warta::store::OpenSqliteStore({.path = dir + "/s.sqlite"});
    std::vector<Article> batch;
    std::vector<warta::store::PutResult> put;
    for (size_t i = 0; i < articles.size(); ++i) {
      batch.push_back(articles[i]);
      if (batch.size() == 256 || i + 1 == articles.size()) {
        (void)(*st)->PutBatch(batch, &put);
        put_all.insert(put_all.end(), put.begin(), put.end());
        batch.clear();
      }
    }
  });
  timed("index write (Xapian, 1 shard)", [&] {
    auto w = warta::index::IndexWriter::Open({.dir = dir + "/index", .shards = 1});
    for (size_t i = 0; i < docs.size(); ++i)
      if (put_all[i].inserted) (void)(*w)->Add(put_all[i].seq, std::move(docs[i]));
    (void)(*w)->CommitAll();
  });
  double total = 0;
  for (const auto& s : stages) total += s.second;
  std::printf("\nstage breakdown, one core (%% of a bare TermGenerator's time on the same texts):\n");
  for (const auto& [name, secs] : stages)
    std::printf("  %-40s %8.1f ms  %5.1f%%\n", name.c_str(), secs * 1000, 100 * secs / termgen_seconds);
  std::printf("  %-40s %8.1f ms  %5.1f%%\n", "total", total * 1000, 100 * total / termgen_seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "../shared/data/corpus/indosum-dev";
  std::string json_path;
  size_t n_queries = 1000;
  bool stages = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--queries" && i + 1 < argc) n_queries = std::stoul(argv[++i]);
    else if (a == "--json" && i + 1 < argc) json_path = argv[++i];
    else if (a == "--stages") stages = true;
    else {
      std::fprintf(stderr, "usage: ingest_bench [--corpus DIR] [--queries N] [--json FILE] [--stages]\n");
      return 2;
    }
  }
  if (!fs::is_directory(corpus)) {
    std::fprintf(stderr, "ingest_bench: corpus %s is absent (needs ../shared): skipped\n", corpus.c_str());
    return 0;
  }
  auto files = CorpusFiles(corpus);
  fs::path work = fs::temp_directory_path() / ("warta-bench-" + std::to_string(getpid()));
  fs::create_directories(work);

  std::fprintf(stderr, "loading clean texts for the baseline...\n");
  auto texts = LoadCleanTexts(files);
  std::vector<Result> results;
  results.push_back(RunChild("termgen-1core", 1, [&] { return TermGeneratorBaseline(texts, (work / "tg").string()); }));
  results.push_back(
      RunChild("warta-1core", 1, [&] { return WartaIngest(files, (work / "w1").string(), 1, false, false); }));
  results.push_back(
      RunChild("warta-2core", 2, [&] { return WartaIngest(files, (work / "w2").string(), 2, false, false); }));
  results.push_back(
      RunChild("deduped-1core", 1, [&] { return WartaIngest(files, (work / "wd").string(), 1, false, true); }));
  results.push_back(
      RunChild("analysed-1core", 1, [&] { return WartaIngest(files, (work / "wa").string(), 1, true, true); }));

  // Search latency on the two-shard store.
  auto queries = DrawQueries(texts, n_queries);
  std::vector<double> lat_ms;
  uint64_t total_hits = 0;
  {
    auto kb = warta::pipeline::KnowledgeBase::Open({.dir = (work / "w2").string(), .read_only = true});
    for (size_t i = 0; i < std::min<size_t>(20, queries.size()); ++i) (void)(*kb)->Search({.query = queries[i]});
    for (const auto& q : queries) {
      auto t0 = Clock::now();
      auto page = (*kb)->Search({.query = q, .limit = 10});
      lat_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (page.ok()) total_hits += page->hits.size();
    }
  }
  std::sort(lat_ms.begin(), lat_ms.end());
  auto pct = [&](double p) { return lat_ms[std::min(lat_ms.size() - 1, static_cast<size_t>(p * lat_ms.size()))]; };

  const Result& tg = results[0];
  const Result& w1 = results[1];
  const Result& w2 = results[2];
  auto rate = [](const Result& r) { return static_cast<double>(r.articles) / r.seconds; };
  std::printf("%-14s %10s %10s %10s %12s\n", "workload", "articles", "art/s", "MB/s", "peak RSS MB");
  for (const auto& r : results)
    std::printf("%-14s %10llu %10.0f %10.2f %12.1f\n", r.name.c_str(), static_cast<unsigned long long>(r.articles),
                rate(r), static_cast<double>(r.bytes) / 1e6 / r.seconds, static_cast<double>(r.peak_rss_kb) / 1024);
  double ratio1 = rate(w1) / rate(tg), ratio2 = rate(w2) / rate(w1);
  std::printf("\nwarta-1core / termgen-1core = %.2f  (target >= 0.8)\n", ratio1);
  std::printf("warta-2core / warta-1core   = %.2f  (target >= 1.6)\n", ratio2);
  std::printf("search: %zu two-word queries, p50 %.3f ms, p99 %.3f ms (target p99 < 5 ms), %.1f hits/query\n",
              lat_ms.size(), pct(0.50), pct(0.99), static_cast<double>(total_hits) / static_cast<double>(lat_ms.size()));
  if (!json_path.empty()) {
    std::ofstream out(json_path);
    out << "{\"ratio_1core\":" << ratio1 << ",\"ratio_2core\":" << ratio2 << ",\"search_p50_ms\":" << pct(0.5)
        << ",\"search_p99_ms\":" << pct(0.99) << ",\"workloads\":[";
    for (size_t i = 0; i < results.size(); ++i)
      out << (i ? "," : "") << "{\"name\":\"" << results[i].name << "\",\"articles_per_s\":" << rate(results[i])
          << ",\"mb_per_s\":" << static_cast<double>(results[i].bytes) / 1e6 / results[i].seconds
          << ",\"peak_rss_mb\":" << static_cast<double>(results[i].peak_rss_kb) / 1024 << "}";
    out << "]}\n";
  }
  if (stages) {
    RunChild("stages", 1, [&] {
      StageBreakdown(files, (work / "stages").string(), tg.seconds);
      std::fflush(stdout);
      return Result{"", 1, 0, 0, 0};
    });
  }
  fs::remove_all(work);
  return 0;
}
