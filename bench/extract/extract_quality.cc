// Extraction quality on the shared benchmarks (see src/html/quality.h):
//   extract_quality [SHARED_DIR] [--pages]
// SHARED_DIR defaults to ../shared. Prints the Zyte row beside the published
// table, the id-news word F1 with title and date accuracy, and the
// readability-pages metadata accuracy per field.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "html/quality.h"

namespace fs = std::filesystem;
using namespace warta::html::quality;

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  bool pages = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pages") pages = true;
    else shared = a;
  }
  fs::path ex = shared / "data" / "extraction";
  if (!fs::exists(ex)) {
    std::fprintf(stderr, "%s: not found (pass the shared directory)\n", ex.c_str());
    return 2;
  }
  int rc = 0;
  auto zyte = ScoreZyte(ex / "zyte");
  if (!zyte.ok()) {
    std::fprintf(stderr, "zyte: %s\n", zyte.status().ToString().c_str());
    rc = 1;
  } else {
    std::printf("Zyte article-extraction benchmark (%d pages, %d refused)\n", zyte->documents, zyte->failures);
    std::ifstream table(ex / "zyte" / "published-results.txt");
    std::string line;
    bool header = true;
    while (std::getline(table, line)) {
      std::printf("%s\n", line.c_str());
      if (header) {
        std::printf("%-34s %.3f          %.3f          %.3f          (this run)\n", "warta", zyte->f1,
                    zyte->precision, zyte->recall);
        header = false;
      }
    }
  }
  if (zyte.ok() && pages) {
    auto worst = zyte->pages;
    std::sort(worst.begin(), worst.end(), [](const ZytePage& a, const ZytePage& b) {
      return a.precision + a.recall < b.precision + b.recall;
    });
    for (size_t i = 0; i < worst.size() && i < 40; ++i)
      std::printf("  P %.3f R %.3f %s %s\n", worst[i].precision, worst[i].recall, worst[i].id.substr(0, 12).c_str(),
                  worst[i].url.c_str());
  }
  auto id = ScoreIdNews(ex / "id-news");
  if (!id.ok()) {
    std::fprintf(stderr, "id-news: %s\n", id.status().ToString().c_str());
    rc = 1;
  } else {
    std::printf("\nid-news (%d article pages): word F1 %.3f, title %d/%d, date %d/%d\n", id->documents,
                id->word_f1, id->titles_ok, id->documents, id->dates_ok, id->documents);
    if (pages) {
      for (const auto& p : id->pages) {
        std::printf("  %-28s F1 %.3f title %s date %s\n", p.id.c_str(), p.word_f1, p.title_ok ? "ok" : "WRONG",
                    p.date_ok ? "ok" : "WRONG");
        if (!p.title_ok) std::printf("      title %s | gold %s\n", p.title.c_str(), p.gold_title.c_str());
        if (!p.date_ok) std::printf("      date %s | gold %s\n", p.date.c_str(), p.gold_date.c_str());
      }
    }
  }
  auto rp = ScoreReadabilityPages(ex / "readability-pages");
  if (!rp.ok()) {
    std::fprintf(stderr, "readability-pages: %s\n", rp.status().ToString().c_str());
    rc = 1;
  } else {
    std::printf("\nreadability-pages (%d pages): field accuracy where the field is set (and spurious values "
                "where it is null)\n", rp->documents);
    auto row = [](const char* name, const FieldScore& f) {
      std::printf("  %-14s %3d/%-3d = %.3f   spurious %d\n", name, f.correct, f.expected,
                  f.expected ? static_cast<double>(f.correct) / f.expected : 0.0, f.spurious);
    };
    row("title", rp->title);
    row("byline", rp->byline);
    row("publishedTime", rp->published);
    row("siteName", rp->site_name);
  }
  return rc;
}
