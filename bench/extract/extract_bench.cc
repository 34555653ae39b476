// Extraction speed on one core, with two references timed in the same run
// over the same pages (docs/quality/extraction-speed.md):
//   - the ceiling: libxml2's bare HTML parse plus a walk over every text node;
//   - readability-lxml (Debian's python3-readability) in a python3
//     subprocess, timing only its extraction loop (pages already in memory).
//
//   extract_bench [SHARED_DIR] [--rounds N] [--python /usr/bin/python3]
//                 [--only warta|ceiling]   (one system alone, for a profiler)
//                 [--phases]               (where warta's time goes, stage by stage)
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "html/extractor.h"
#include "html/internal.h"
#include "html/quality.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Corpus {
  std::vector<std::string> pages;
  std::vector<std::string> files;  // for the python reference (gzipped ones too)
  double bytes = 0;
};

Corpus Load(const fs::path& ex) {
  Corpus c;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(ex / "zyte" / "html")) paths.push_back(e.path());
  for (const auto& e : fs::directory_iterator(ex / "readability-pages")) {
    if (fs::exists(e.path() / "source.html")) paths.push_back(e.path() / "source.html");
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    auto bytes = warta::html::quality::ReadMaybeGzip(p);
    if (!bytes.ok()) continue;
    c.bytes += static_cast<double>(bytes->size());
    c.pages.push_back(std::move(*bytes));
    c.files.push_back(p.string());
  }
  return c;
}

size_t WalkText(xmlNodePtr root) {
  size_t n = 0;
  xmlNodePtr node = root;
  while (node) {
    if (node->type == XML_TEXT_NODE && node->content) n += xmlStrlen(node->content);
    if (node->children && node->type == XML_ELEMENT_NODE) {
      node = node->children;
      continue;
    }
    while (node && node != root && !node->next) node = node->parent;
    if (!node || node == root) break;
    node = node->next;
  }
  return n;
}

template <typename F>
double Best(int rounds, F f) {
  double best = 1e99;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

const char* kPython = R"PY(
import gzip, sys, time
from readability import Document
paths = [l.rstrip('\n') for l in open(sys.argv[1])]
pages = []
for p in paths:
    b = open(p, 'rb').read()
    if b[:2] == b'\x1f\x8b':
        b = gzip.decompress(b)
    pages.append(b)
rounds = int(sys.argv[2])
best = 1e99
for _ in range(rounds):
    t0 = time.perf_counter()
    for b in pages:
        try:
            d = Document(b)
            d.summary()
            d.short_title()
        except Exception:
            pass
    best = min(best, time.perf_counter() - t0)
print(best)
)PY";

// Extract()'s stages timed one by one over the corpus (the same calls
// Extract makes, in its order), best of `rounds` for each stage.
void PrintPhases(const Corpus& c, int rounds) {
  namespace in = warta::html::internal;
  enum { kDecode, kParse, kMetadata, kContent, kLanguage, kFree, kStages };
  const char* names[kStages] = {"charset + decode", "libxml2 parse", "metadata", "main content",
                                "language (cld2)", "free the tree"};
  double best[kStages];
  std::fill(best, best + kStages, 1e99);
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    double t[kStages] = {0};
    for (const std::string& p : c.pages) {
      auto t0 = Clock::now();
      in::Decoded d = in::DecodeToUtf8(p, "");
      if (d.view.empty()) d.view = d.utf8;
      auto t1 = Clock::now();
      htmlDocPtr doc = in::ParseHtml(d.view, "");
      auto t2 = Clock::now();
      warta::html::ExtractedPage page;
      in::ExtractMetadata(doc, {}, warta::text::BuiltinDateVocabulary(), &page);
      auto t3 = Clock::now();
      page.blocks = in::ExtractContent(doc, page.title, warta::text::BuiltinDateVocabulary());
      auto t4 = Clock::now();
      std::string text;
      for (const auto& b : page.blocks) {
        if (text.size() > in::kLanguageSampleBytes) break;
        text += b.text;
        text.push_back('\n');
      }
      sink += in::DecideLanguage(page.language, text, true).size();
      auto t5 = Clock::now();
      xmlFreeDoc(doc);
      auto t6 = Clock::now();
      auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
      t[kDecode] += secs(t0, t1);
      t[kParse] += secs(t1, t2);
      t[kMetadata] += secs(t2, t3);
      t[kContent] += secs(t3, t4);
      t[kLanguage] += secs(t4, t5);
      t[kFree] += secs(t5, t6);
    }
    for (int k = 0; k < kStages; ++k) best[k] = std::min(best[k], t[k]);
  }
  double total = 0;
  for (double b : best) total += b;
  std::printf("stage                 ms   share\n");
  for (int k = 0; k < kStages; ++k)
    std::printf("  %-18s %7.1f  %5.1f%%\n", names[k], best[k] * 1e3, 100 * best[k] / total);
  std::printf("  %-18s %7.1f  (sink %zu)\n", "total", total * 1e3, sink);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  int rounds = 3;
  std::string python = "/usr/bin/python3";
  std::string only;
  bool phases = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--python" && i + 1 < argc) python = argv[++i];
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--phases") phases = true;
    else shared = a;
  }
  fs::path ex = shared / "data" / "extraction";
  if (!fs::exists(ex)) {
    std::fprintf(stderr, "%s: not found (pass the shared directory)\n", ex.c_str());
    return 2;
  }
  Corpus c = Load(ex);
  const double n = static_cast<double>(c.pages.size());
  const double mb = c.bytes / 1e6;
  std::printf("corpus: %zu pages (Zyte + readability-pages), %.1f MB decoded; best of %d rounds, one core\n",
              c.pages.size(), mb, rounds);

  xmlInitParser();
  size_t sink = 0;
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                   HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD;
  auto ceiling_run = [&] {
    for (const std::string& p : c.pages) {
      htmlDocPtr d = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, nullptr, opts);
      if (d) sink += WalkText(xmlDocGetRootElement(d));
      xmlFreeDoc(d);
    }
  };
  int failures = 0;
  auto warta_run = [&] {
    failures = 0;
    for (const std::string& p : c.pages) {
      auto page = warta::html::Extract(p, {}, {});
      if (page.ok()) sink += page->blocks.size();
      else ++failures;
    }
  };
  if (phases) {
    PrintPhases(c, rounds);
    return 0;
  }
  if (!only.empty()) {
    if (only != "warta" && only != "ceiling") {
      std::fprintf(stderr, "--only takes warta or ceiling\n");
      return 2;
    }
    double secs = Best(rounds, only == "warta" ? std::function<void()>(warta_run) : std::function<void()>(ceiling_run));
    std::printf("  %-34s %8.1f pages/s %7.1f MB/s\n", only.c_str(), n / secs, mb / secs);
    return sink == 0 ? 1 : 0;
  }
  // Rounds alternate between the two, so that load from other processes
  // falls on both alike.
  double ceiling = 1e99, warta = 1e99;
  for (int r = 0; r < rounds; ++r) {
    ceiling = std::min(ceiling, Best(1, ceiling_run));
    warta = std::min(warta, Best(1, warta_run));
  }
  auto row = [&](const char* name, double secs) {
    std::printf("  %-34s %8.1f pages/s %7.1f MB/s\n", name, n / secs, mb / secs);
  };
  row("warta Extract (text + metadata)", warta);
  row("libxml2 parse + text walk (ceiling)", ceiling);

  // readability-lxml over the same files.
  fs::path list = fs::temp_directory_path() / "warta_extract_bench_files.txt";
  fs::path script = fs::temp_directory_path() / "warta_extract_bench.py";
  {
    std::ofstream l(list);
    for (const std::string& f : c.files) l << f << "\n";
    std::ofstream s(script);
    s << kPython;
  }
  std::string cmd = python + " " + script.string() + " " + list.string() + " " + std::to_string(rounds);
  double py = -1;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[128] = {0};
    if (fgets(buf, sizeof buf, p)) py = std::atof(buf);
    if (pclose(p) != 0) py = -1;
  }
  if (py > 0) row("readability-lxml (python3)", py);
  else std::printf("  readability-lxml: not available (%s; apt-get install python3-readability)\n", cmd.c_str());
  std::printf("\nwarta / ceiling = %.2fx   warta / readability-lxml = %.1fx   (%d pages refused)\n",
              ceiling / warta, py > 0 ? py / warta : 0.0, failures);
  fs::remove(list);
  fs::remove(script);
  return sink == 0 ? 1 : 0;
}
