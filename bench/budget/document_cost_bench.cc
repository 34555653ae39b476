// Cost of one large document, stage by stage (issue 14, finding 4): does the
// work grow linearly with the input? Generated inputs:
//   text-N:      N MB of realistic Indonesian news text (IndoSum dev articles
//                repeated, one paragraph per line) as one plain-text document;
//   para-N:      N MB as ONE paragraph with no sentence end, full of digits,
//                dates and quote marks;
//   page-30:     a 30 MB HTML page (many <p>);
//   attrs-100k:  a ~1 MB page with 100,000 attributes on <body>.
// For each, the time of clean, tokens + sentences, and each analyser. The
// hardware-independent figure is the ratio time(8 MB)/time(1 MB): ~8 when
// the cost is linear.
//
//   build/bench/budget/document_cost_bench [--shared DIR] [--sizes 1,2,4,8] [--no-pages]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "html/extractor.h"
#include "ingest/reader.h"

namespace {
using Clock = std::chrono::steady_clock;
double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct StageTimes {
  std::vector<std::pair<std::string, double>> steps;
  double total = 0;
  size_t annotations = 0;
  std::string note;
};

StageTimes Run(const warta::RawDocument& raw, const warta::clean::Cleaner& cleaner,
               const std::vector<std::unique_ptr<warta::analyse::Analyzer>>& analyzers) {
  StageTimes t;
  auto c0 = Clock::now();
  auto a = cleaner.Clean(raw);
  t.steps.emplace_back("clean", Seconds(Clock::now() - c0));
  if (!a.ok()) {
    t.note = a.status().ToString();
  } else {
    auto x0 = Clock::now();
    warta::analyse::AnalysisContext ctx(*a);
    t.steps.emplace_back("tokens+sentences", Seconds(Clock::now() - x0));
    for (const auto& an : analyzers) {
      auto s0 = Clock::now();
      warta::Status st = an->Analyse(&*a, &ctx);
      t.steps.emplace_back(std::string(an->name()), Seconds(Clock::now() - s0));
      if (!st.ok()) t.note += std::string(an->name()) + ": " + st.ToString() + "; ";
    }
    t.annotations = a->entities.size() + a->timexes.size() + a->quotes.size() + a->claims.size() + a->events.size();
  }
  for (auto& s : t.steps) t.total += s.second;
  return t;
}

// What the default per-document budget does with the document.
std::string BudgetVerdict(const warta::RawDocument& raw, const warta::clean::Cleaner& budgeted) {
  auto a = budgeted.Clean(raw);
  return a.ok() ? "within the budget" : a.status().message();
}

void Print(const std::string& name, const StageTimes& t) {
  std::printf("| %s | %.2f |", name.c_str(), t.total);
  for (auto& s : t.steps) std::printf(" %s %.2f", s.first.c_str(), s.second);
  std::printf(" | %zu | %s |\n", t.annotations, t.note.c_str());
  std::fflush(stdout);
}

// One paragraph of `bytes` bytes: clauses with numbers, dates and quote marks
// joined by commas, never a sentence end.
std::string HugeParagraph(size_t bytes) {
  static const char* kParts[] = {
      "kata Menteri Keuangan Sri Mulyani pada 12 Maret 2017",
      "\"kami akan menaikkan anggaran sebesar 3,5 persen",
      "sekitar Rp 1.250 miliar untuk 34 provinsi",
      "ujar Joko Widodo di Jakarta pada Senin (27/3/2017)",
      "'bukan 20 tetapi 25 ribu orang'",
      "antara 10 hingga 15 kilometer",
      "tanggal 1 Januari 2018 pukul 10.30 WIB",
      "menurut Badan Pusat Statistik 5,01 persen"};
  std::string s;
  s.reserve(bytes + 100);
  for (size_t i = 0; s.size() < bytes; ++i) {
    s += kParts[i % 8];
    s += i % 5 == 4 ? " dan " : ", ";
  }
  return s;
}
}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path shared = "../shared";
  std::vector<double> sizes = {1, 2, 4, 8};
  bool pages = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) {
      shared = argv[++i];
    } else if (!std::strcmp(argv[i], "--sizes") && i + 1 < argc) {
      sizes.clear();
      for (const char* p = argv[++i]; *p;) {
        char* end = nullptr;
        sizes.push_back(std::strtod(p, &end));
        p = *end == ',' ? end + 1 : end;
        if (end == p && *p) break;
      }
    } else if (!std::strcmp(argv[i], "--no-pages")) {
      pages = false;
    } else {
      std::fprintf(stderr, "usage: document_cost_bench [--shared DIR] [--sizes 1,2,4,8] [--no-pages]\n");
      return 2;
    }
  }
  // The analysers' own cost is what is measured: without the per-document
  // budget (CleanOptions::max_text_bytes), which would reject texts over
  // 1 MiB. Its verdict on each input is printed apart.
  warta::clean::CleanOptions unlimited;
  unlimited.max_text_bytes = 0;
  auto cleaner = warta::clean::Cleaner::Create(unlimited);
  auto budgeted = warta::clean::Cleaner::Create({});
  auto analyzers = warta::analyse::MakeAnalyzers({});
  if (!cleaner.ok() || !budgeted.ok() || !analyzers.ok()) {
    std::fprintf(stderr, "document_cost_bench: %s\n",
                 (!cleaner.ok() ? cleaner.status() : !budgeted.ok() ? budgeted.status() : analyzers.status()).ToString().c_str());
    return 1;
  }
  // Realistic text: the cleaned IndoSum dev articles; without ../shared, a
  // generated paragraph with sentence ends stands in.
  std::string sample;
  const auto corpus = shared / "data/corpus/indosum-dev/dev.01.jsonl";
  if (std::filesystem::exists(corpus)) {
    warta::ingest::DocumentReader reader({corpus.string()}, {}, {});
    warta::RawDocument raw;
    while (reader.Next(&raw) && sample.size() < (2u << 20)) {
      auto a = (*cleaner)->Clean(raw);
      if (a.ok()) sample += a->Text() + "\n";
    }
  } else {
    std::fprintf(stderr, "document_cost_bench: %s absent: generated sentences instead\n", corpus.c_str());
    for (int i = 0; i < 2000; ++i) sample += HugeParagraph(400) + ".\n";
  }
  std::printf("| input | total s | stages (s) | annotations | note |\n|---|---|---|---|---|\n");
  std::vector<double> text_totals, para_totals;
  for (double mb : sizes) {
    const size_t bytes = static_cast<size_t>(mb * 1e6);
    warta::RawDocument doc;
    doc.source = "text.txt";
    // Each copy of the sample marks its lines with its number: the cleaner
    // drops a line repeated verbatim.
    for (int copy = 0; doc.text.size() < bytes; ++copy) {
      for (size_t b = 0, e; b < sample.size(); b = e + 1) {
        e = sample.find('\n', b);
        if (e == std::string::npos) e = sample.size();
        doc.text.append(sample, b, e - b);
        doc.text += copy ? " (" + std::to_string(copy) + ")\n" : "\n";
      }
    }
    doc.text.resize(doc.text.rfind('\n', bytes));
    auto t = Run(doc, **cleaner, *analyzers);
    t.note += BudgetVerdict(doc, **budgeted);
    Print("text-" + std::to_string(mb).substr(0, 4) + "MB", t);
    text_totals.push_back(t.total);
  }
  for (double mb : sizes) {
    warta::RawDocument doc;
    doc.source = "paragraph.txt";
    doc.text = HugeParagraph(static_cast<size_t>(mb * 1e6));
    auto t = Run(doc, **cleaner, *analyzers);
    t.note += BudgetVerdict(doc, **budgeted);
    Print("para-" + std::to_string(mb).substr(0, 4) + "MB", t);
    para_totals.push_back(t.total);
  }
  if (sizes.size() > 1) {
    const double r = sizes.back() / sizes.front();
    std::printf("\ncost ratio %.0fx input: text %.1f, paragraph %.1f (linear = %.0f)\n", r,
                text_totals.back() / text_totals.front(), para_totals.back() / para_totals.front(), r);
  }
  if (pages) {
    for (int which = 0; which < 2; ++which) {
      std::string html = "<!doctype html><html><head><title>Uji halaman besar</title></head><body";
      if (which == 0) {
        html += "><article>";
        size_t i = 0;
        // Distinct paragraphs (numbered), as a page of many articles has.
        for (; html.size() < 30u * 1000 * 1000; ++i)
          html += "<p>" + std::to_string(i) + ". " + HugeParagraph(300 + (i % 7) * 50) + ".</p>\n";
        html += "</article>";
      } else {
        for (int i = 0; i < 100000; ++i) html += " data-a" + std::to_string(i) + "=\"x\"";
        html += "><article><p>" + HugeParagraph(2000) + ".</p></article>";
      }
      html += "</body></html>";
      auto e0 = Clock::now();
      auto page = warta::html::Extract(html, {}, {});
      const double extract = Seconds(Clock::now() - e0);
      StageTimes t;
      if (page.ok()) {
        t = Run(page->ToRawDocument("page.html"), **cleaner, *analyzers);
        t.note += BudgetVerdict(page->ToRawDocument("page.html"), **budgeted);
      } else {
        t.note = page.status().ToString();
      }
      t.steps.insert(t.steps.begin(), {"extract", extract});
      t.total += extract;
      Print(which == 0 ? "page-30MB (" + std::to_string(html.size() / 1000000) + " MB)"
                       : "attrs-100k (" + std::to_string(html.size() / 1000) + " KB)",
            t);
    }
  }
  return 0;
}
