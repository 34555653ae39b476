// Extraction quality on the shared benchmarks (see src/html/quality.h):
//   extract_quality [SHARED_DIR] [--pages] [--dump FILE]
// SHARED_DIR defaults to ../shared. Prints the Zyte row beside the published
// table, the id-news word F1 with title and date accuracy, and the
// readability-pages metadata accuracy per field. --dump writes what Extract()
// returned for every page (metadata and blocks) to FILE, so that two builds
// can be diffed page by page; keep FILE outside the repository (it holds the
// corpora's text).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "html/quality.h"

namespace fs = std::filesystem;
using namespace warta::html::quality;

namespace {

void DumpPage(std::ostream& out, const std::string& name, const std::string& url, const std::string& html) {
  warta::html::PageContext ctx;
  ctx.url = url;
  auto page = warta::html::Extract(html, ctx, {});
  out << "=== " << name << "\n";
  if (!page.ok()) {
    out << "error: " << page.status().ToString() << "\n";
    return;
  }
  out << "title: " << page->title << "\npublished: " << page->published << "\nmodified: " << page->modified
      << "\noutlet: " << page->outlet << "\nlanguage: " << page->language << "\nauthors:";
  for (const auto& a : page->authors) out << " [" << a << "]";
  out << "\neditors:";
  for (const auto& a : page->editors) out << " [" << a << "]";
  out << "\n";
  for (const auto& b : page->blocks) out << static_cast<int>(b.kind) << " " << b.text << "\n";
}

std::string StrOf(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Every page of the three corpora, in a fixed order.
int Dump(const fs::path& ex, const fs::path& file) {
  std::ofstream out(file);
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n", file.c_str());
    return 1;
  }
  auto truth_text = ReadMaybeGzip(ex / "zyte" / "ground-truth.json");
  if (truth_text.ok()) {
    nlohmann::json truth = nlohmann::json::parse(*truth_text, nullptr, false);
    std::map<std::string, std::string> urls;
    if (truth.is_object())
      for (auto it = truth.begin(); it != truth.end(); ++it) urls[it.key()] = StrOf(it.value(), "url");
    for (const auto& [id, url] : urls) {
      auto html = ReadMaybeGzip(ex / "zyte" / "html" / (id + ".html.gz"));
      if (html.ok()) DumpPage(out, "zyte/" + id, url, *html);
    }
  }
  std::vector<fs::path> paths;
  for (const char* sub : {"id-news/anpandu", "id-news/fundus"}) {
    std::error_code ec;
    for (fs::directory_iterator it(ex / sub, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".html") paths.push_back(it->path());
  }
  std::error_code ec;
  for (fs::directory_iterator it(ex / "readability-pages", ec), end; !ec && it != end; it.increment(ec))
    if (fs::exists(it->path() / "source.html")) paths.push_back(it->path() / "source.html");
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::string url;
    fs::path gold = p.parent_path() / (p.stem().string() + ".gold.json");
    if (auto g = ReadMaybeGzip(gold); g.ok()) url = StrOf(nlohmann::json::parse(*g, nullptr, false), "url");
    auto html = ReadMaybeGzip(p);
    if (html.ok()) DumpPage(out, fs::relative(p, ex).string(), url, *html);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  bool pages = false;
  fs::path dump;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pages") pages = true;
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
    else shared = a;
  }
  fs::path ex = shared / "data" / "extraction";
  if (!fs::exists(ex)) {
    std::fprintf(stderr, "%s: not found (pass the shared directory)\n", ex.c_str());
    return 2;
  }
  if (!dump.empty()) return Dump(ex, dump);
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
