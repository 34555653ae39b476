// Scores the quote analyser (after the entity analyser, as in the pipeline)
// on the gold set (tests/data/quotes/) and prints a Markdown table
// (docs/quality/quotes.md).
//
//   build/bench/quotes/quotes_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors] [--errors-split S]...
//   build/bench/quotes/quotes_eval --print dev.01.jsonl ARTICLE_ID   (for annotators)
//   build/bench/quotes/quotes_eval --draw N --salt S --split SPLIT [--source O]... [--category C]...
//       (a new batch: "file<TAB>id" lines; --source/--category keep only those IndoSum outlets/categories)
//   build/bench/quotes/quotes_eval --check   (the gold parses and every quote is in its article)
//
// Run from the repository root (defaults: tests/data/quotes and ../shared).
// --errors lists the tuning part's mistakes; --heldout-errors also the
// held-out part's; --errors-split S (repeatable) lists split S's instead
// (tune, heldout, heldout2, heldout3, ...). Look at held-out errors only
// after tuning is over. --draw lists the first N articles of the draw for
// salt S among the articles not in the gold under another split than SPLIT
// (heldout<N>, N >= 2; see DrawArticles in src/quotes/eval.h), without
// running any analyser. --check runs no analyser either: it checks a freshly
// annotated batch without scoring it, and prints only gold counts.
// --case lower|upper scores the articles lower- or upper-cased (the gold
// unchanged; issue 16), --truecase with their case restored first, as
// `warta ingest` does (text/truecase.h, the built-in model or MODEL).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyse/analyzer.h"
#include "entities/entity_analyzer.h"
#include "ingest/reader.h"
#include "quotes/eval.h"
#include "text/case.h"
#include "store/store.h"
#include "text/truecase.h"

namespace {

// Prints an IndoSum article one detokenised sentence a line, each with the
// paragraph.sentence locator the gold file uses.
int Print(const std::filesystem::path& shared, const std::string& file, const std::string& id) {
  std::ifstream in(shared / "data/corpus/indosum-dev" / file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("\"" + id + "\"") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || j.value("id", "") != id) continue;
    const auto& paras = j["paragraphs"];
    for (size_t p = 0; p < paras.size(); ++p)
      for (size_t s = 0; s < paras[p].size(); ++s)
        std::printf("%zu.%zu\t%s\n", p, s,
                    warta::ingest::Detokenise(paras[p][s].get<std::vector<std::string>>()).c_str());
    return 0;
  }
  std::fprintf(stderr, "quotes_eval: %s not in %s\n", id.c_str(), file.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  warta::quotes::QuoteEvalOptions options;
  options.shared_dir = "../shared";
  bool errors = false;
  std::vector<std::string> error_splits;
  long draw = -1;
  std::string salt, split;
  bool check = false;
  std::string letter_case;
  bool truecase = false;
  std::string truecase_model;  // "" = the built-in model
  std::string names_from;      // a data directory whose cased articles' names restore case too
  std::string entity_model;    // "" = the built-in NER model
  warta::quotes::DrawFilter filter;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--gold") && i + 1 < argc) options.gold_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) options.shared_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--errors")) errors = true;
    else if (!std::strcmp(argv[i], "--heldout-errors")) {
      errors = true;
      error_splits.insert(error_splits.end(), {"tune", "heldout"});
    } else if (!std::strcmp(argv[i], "--errors-split") && i + 1 < argc) {
      errors = true;
      error_splits.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--print") && i + 2 < argc) {
      return Print(options.shared_dir, argv[i + 1], argv[i + 2]);
    } else if (!std::strcmp(argv[i], "--draw") && i + 1 < argc) {
      draw = std::strtol(argv[++i], nullptr, 10);
    } else if (!std::strcmp(argv[i], "--salt") && i + 1 < argc) {
      salt = argv[++i];
    } else if (!std::strcmp(argv[i], "--split") && i + 1 < argc) {
      split = argv[++i];
    } else if (!std::strcmp(argv[i], "--case") && i + 1 < argc &&
               (!std::strcmp(argv[i + 1], "lower") || !std::strcmp(argv[i + 1], "upper"))) {
      letter_case = argv[++i];
    } else if (!std::strcmp(argv[i], "--truecase")) {
      truecase = true;
      if (i + 1 < argc && argv[i + 1][0] != '-') truecase_model = argv[++i];
    } else if (!std::strcmp(argv[i], "--entity-model") && i + 1 < argc) {
      entity_model = argv[++i];
    } else if (!std::strcmp(argv[i], "--names-from") && i + 1 < argc) {
      names_from = argv[++i];
    } else if (!std::strcmp(argv[i], "--source") && i + 1 < argc) {
      filter.sources.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--category") && i + 1 < argc) {
      filter.categories.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--check")) {
      check = true;
    } else {
      std::fprintf(stderr,
                   "usage: quotes_eval [--gold DIR] [--shared DIR] [--errors] [--heldout-errors] [--errors-split S]... [--case lower|upper [--truecase [MODEL]] [--names-from DATA_DIR]] [--entity-model FILE]\n"
                   "       quotes_eval [--shared DIR] --print FILE ID\n"
                   "       quotes_eval [--gold DIR] [--shared DIR] --draw N --salt S --split SPLIT [--source OUTLET]... [--category C]...\n"
                   "       quotes_eval [--gold DIR] [--shared DIR] --check\n");
      return 2;
    }
  }
  if (!error_splits.empty()) options.error_splits = error_splits;
  if (draw >= 0) {
    if (salt.empty() || split.empty()) {
      std::fprintf(stderr, "quotes_eval: --draw needs --salt (a fresh one for each new batch) and --split (the batch's)\n");
      return 2;
    }
    auto drawn = warta::quotes::DrawArticles(options, salt, static_cast<size_t>(draw), split, filter);
    if (!drawn.ok()) {
      std::fprintf(stderr, "quotes_eval: %s\n", drawn.status().ToString().c_str());
      return 1;
    }
    for (const auto& a : *drawn) std::printf("%s\t%s\n", a.file.c_str(), a.id.c_str());
    return 0;
  }
  if (!std::filesystem::exists(options.shared_dir)) {
    std::fprintf(stderr, "quotes_eval: %s absent: IndoSum articles skipped\n", options.shared_dir.c_str());
    options.shared_dir.clear();
  }
  if (check) {
    auto report = warta::quotes::Evaluate({}, options);
    if (!report.ok()) {
      std::fprintf(stderr, "quotes_eval: %s\n", report.status().ToString().c_str());
      return 1;
    }
    auto line = [](const std::string& name, const warta::quotes::QuoteEvalCounts& c) {
      std::printf("%s: %d articles, %d gold quotes\n", name.c_str(), c.articles, c.gold);
    };
    line("tune", report->tune);
    line("heldout", report->heldout);
    for (const auto& [batch, c] : report->later) line("heldout" + std::to_string(batch), c);
    if (report->skipped_articles) std::printf("%d IndoSum articles skipped (not checked)\n", report->skipped_articles);
    return report->skipped_articles ? 1 : 0;
  }
  if (!letter_case.empty()) {
    std::shared_ptr<const warta::text::Truecaser> tc = truecase ? warta::text::Truecaser::Builtin() : nullptr;
    if (truecase && !truecase_model.empty()) {
      auto loaded = warta::text::Truecaser::Load(truecase_model);
      if (!loaded.ok()) {
        std::fprintf(stderr, "quotes_eval: %s\n", loaded.status().ToString().c_str());
        return 1;
      }
      tc = *loaded;
    }
    if (truecase && !tc) {
      std::fprintf(stderr, "quotes_eval: --truecase: no truecase model built in\n");
      return 1;
    }
    // As `warta ingest` into that data directory would: the names its cased
    // articles wrote (core/cased_names.h) restore case beside the model.
    std::shared_ptr<const warta::CasedNames> names;
    if (!names_from.empty()) {
      auto store = warta::store::OpenSqliteStore({.path = names_from + "/warta.sqlite", .read_only = true});
      if (!store.ok()) {
        std::fprintf(stderr, "quotes_eval: %s\n", store.status().ToString().c_str());
        return 1;
      }
      warta::CasedNamesTable table;
      warta::Status st = (*store)->ScanCasedNames(
          [&](std::string_view name) { warta::text::LearnCasedName(name, &table); });
      if (!st.ok()) {
        std::fprintf(stderr, "quotes_eval: %s\n", st.ToString().c_str());
        return 1;
      }
      names = table.Snapshot();
      std::fprintf(stderr, "quotes_eval: %zu names, %zu words learned from %s\n", names->names(), names->words(),
                   names_from.c_str());
    }
    options.prepare = [letter_case, tc, names](warta::Article* a) {
      for (std::string& p : a->paragraphs) {
        // Only ASCII letters change case, so every gold offset still holds.
        for (char& c : p)
          if (letter_case == "lower" ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'))
            c = static_cast<char>(letter_case == "lower" ? c + ('a' - 'A') : c - ('a' - 'A'));
      }
      if (!tc) return;
      // As clean::Cleaner does: the case of the whole text decides.
      const warta::LetterCase lc = warta::text::DetectLetterCase(a->Text());
      if (lc == warta::LetterCase::kMixed) return;
      for (std::string& p : a->paragraphs) tc->Restore(&p, lc, names.get());
    };
  }
  // Entities and quotes only: the timex analyser does not change quotes.
  auto analyzers = warta::analyse::MakeAnalyzers({.entity_model = entity_model, .timex = false});
  if (!analyzers.ok()) {
    std::fprintf(stderr, "quotes_eval: %s\n", analyzers.status().ToString().c_str());
    return 1;
  }
  // Speakers are compared as entities: the entity stage's alias table
  // equates spellings ("Sergey"/"Sergei Lavrov").
  auto entities = warta::entities::EntityAnalyzer::Create({});
  if (entities.ok()) {
    const warta::entities::EntityAnalyzer* e = entities->get();
    options.same_entity = [e](std::string_view name) { return e->AliasCanonical(name); };
  }
  auto report = warta::quotes::Evaluate(*analyzers, options);
  if (!report.ok()) {
    std::fprintf(stderr, "quotes_eval: %s\n", report.status().ToString().c_str());
    return 1;
  }
  if (errors)
    for (const auto& e : report->errors) std::printf("%s\n", e.c_str());
  std::printf("%s", warta::quotes::FormatReport(*report).c_str());
  return 0;
}
