// Extraction speed on one core, with two references timed in the same run
// over the same pages (docs/quality/extraction-speed.md):
//   - the ceiling: libxml2's bare HTML parse plus a walk over every text node;
//   - readability-lxml (Debian's python3-readability) in a python3
//     subprocess, timing only its extraction loop (pages already in memory).
//
//   extract_bench [SHARED_DIR] [--rounds N] [--python /usr/bin/python3]
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "html/extractor.h"
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

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  int rounds = 3;
  std::string python = "/usr/bin/python3";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--python" && i + 1 < argc) python = argv[++i];
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
  double ceiling = Best(rounds, [&] {
    for (const std::string& p : c.pages) {
      htmlDocPtr d = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, nullptr, opts);
      if (d) sink += WalkText(xmlDocGetRootElement(d));
      xmlFreeDoc(d);
    }
  });
  int failures = 0;
  double warta = Best(rounds, [&] {
    failures = 0;
    for (const std::string& p : c.pages) {
      auto page = warta::html::Extract(p, {}, {});
      if (page.ok()) sink += page->blocks.size();
      else ++failures;
    }
  });
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
