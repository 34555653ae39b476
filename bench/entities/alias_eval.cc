// alias_eval: store-wide entity resolution scored on the alias gold (issue
// 16, item 5): pairs of mentions in two different articles, labelled same
// entity or not (bench/entities/alias_pairs.tsv, its header says how).
//
//   build/.../bench/entities/alias_eval [--shared ../shared] [--pairs bench/entities/alias_pairs.tsv]
//       [--errors] [--no-link] [--keep DIR]
//
// Ingests the five IndoSum dev folds (3,464 articles: the pairs' articles
// among all the others, as a real store holds them) into a temporary data
// directory with `warta ingest`'s defaults, then looks up each pair's two
// forms among the stored mentions of their articles (canonical name or
// mention text, case-insensitively; else the mention the analyser named so,
// followed through the store's merges; else one written as a part of the
// form, which the draw's store had linked to it). A pair is predicted "same" when both
// mentions carry one entity id. Merge precision = pairs predicted same that
// are the same / pairs predicted same; recall = of the gold-same pairs, those
// predicted same. A form the tagger did not find (or found under another
// name) is counted as not merged and reported. --errors lists the wrong
// pairs; --no-link ingests without the person linker (the analyser alone);
// --keep DIR ingests into DIR and keeps it, to read an error with
// `warta --data DIR entity NAME --json`.
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/tsv.h"
#include "entities/entity_analyzer.h"
#include "ingest/gold_set.h"
#include "pipeline/knowledge_base.h"

namespace fs = std::filesystem;
using namespace warta;

namespace {

struct AliasPair {
  std::string label, type, kind, file_a, id_a, form_a, file_b, id_b, form_b;
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The entity id of the mention named `form` in `article` ("" when none):
// by its canonical name or its text, else (the form is the canonical name
// the analyser gave, which linking may have replaced) the id the analyser
// gave that name, followed through the store's merges.
std::string IdOf(const Article& article, const std::string& form,
                 const std::map<std::string, std::string>& merged_into) {
  const std::string want = Lower(form);
  for (const EntityMention& m : article.entities)
    if (!m.entity_id.empty() && Lower(m.canonical) == want) return m.entity_id;
  for (const EntityMention& m : article.entities)
    if (!m.entity_id.empty() && Lower(m.text) == want) return m.entity_id;
  for (EntityType type : {EntityType::kPerson, EntityType::kOrganisation}) {
    std::string id = entities::EntityIdOf(type, form);
    for (int hops = 0; hops < 8; ++hops) {
      auto next = merged_into.find(id);
      if (next == merged_into.end()) break;
      id = next->second;
    }
    for (const EntityMention& m : article.entities)
      if (m.entity_id == id) return id;
  }
  // Else a mention written as a part of the form: the draw saw a canonical
  // name an earlier linker gave "Zaha" ("Wilfred Zaha"); the gold pair is
  // about that mention, whatever this run calls it.
  auto words = [](const std::string& s) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : Lower(s) + " ") {
      if (c == ' ') {
        if (!cur.empty()) w.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    return w;
  };
  const std::vector<std::string> fw = words(form);
  for (const EntityMention& m : article.entities) {
    if (m.entity_id.empty() || m.type == EntityType::kLocation) continue;
    const std::vector<std::string> mw = words(m.text);
    if (mw.empty() || mw.size() >= fw.size()) continue;
    if (std::equal(mw.begin(), mw.end(), fw.begin()) || std::equal(mw.rbegin(), mw.rend(), fw.rbegin()))
      return m.entity_id;
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared", pairs_path = "bench/entities/alias_pairs.tsv", keep;
  bool errors = false, link = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--pairs" && i + 1 < argc) pairs_path = argv[++i];
    else if (a == "--errors") errors = true;
    else if (a == "--no-link") link = false;
    else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    else {
      std::fprintf(stderr, "usage: alias_eval [--shared DIR] [--pairs FILE] [--errors] [--no-link] [--keep DIR]\n");
      return 2;
    }
  }
  const fs::path corpus = shared / "data/corpus/indosum-dev";
  if (!fs::is_directory(corpus)) {
    std::fprintf(stderr, "alias_eval: SKIPPED: %s not found (IndoSum dev folds)\n", corpus.c_str());
    return 0;
  }
  std::ifstream in(pairs_path);
  if (!in) {
    std::fprintf(stderr, "alias_eval: %s: cannot open\n", pairs_path.c_str());
    return 1;
  }
  std::vector<AliasPair> pairs;
  std::map<std::string, std::vector<std::string>> wanted;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() != 9 || (f[0] != "same" && f[0] != "different" && f[0] != "skip")) {
      std::fprintf(stderr, "alias_eval: %s:%d: want 9 tab-separated fields, label same|different|skip\n",
                   pairs_path.c_str(), number);
      return 1;
    }
    pairs.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]});
    wanted[f[3]].push_back(f[4]);
    wanted[f[6]].push_back(f[7]);
  }
  auto docs = ingest::LoadIndoSumArticles(shared, wanted);

  const fs::path dir =
      keep.empty() ? fs::temp_directory_path() / ("warta-alias-eval-" + std::to_string(::getpid())) : keep;
  fs::remove_all(dir);
  auto kb = pipeline::KnowledgeBase::Open({.dir = dir.string(), .shards = 1});
  if (!kb.ok()) {
    std::fprintf(stderr, "alias_eval: %s\n", kb.status().message().c_str());
    return 1;
  }
  pipeline::IngestOptions options;
  options.link_people = link;
  options.threads = 1;
  auto summary = (*kb)->Ingest({corpus.string()}, options, {});
  if (!summary.ok()) {
    std::fprintf(stderr, "alias_eval: %s\n", summary.status().message().c_str());
    return 1;
  }
  std::map<std::string, Article> by_url;
  Status st = (*kb)->store().Scan(0, [&](const store::StoredArticle& a) {
    by_url[a.article.url] = a.article;
    return true;
  });
  if (!st.ok()) {
    std::fprintf(stderr, "alias_eval: %s\n", st.message().c_str());
    return 1;
  }
  auto links = (*kb)->store().EntityLinks("");
  if (!links.ok()) {
    std::fprintf(stderr, "alias_eval: %s\n", links.status().message().c_str());
    return 1;
  }
  std::map<std::string, std::string> merged_into;
  for (const auto& l : *links)
    if (l.kind == "merge") merged_into[l.from_id] = l.to_id;
  int tp = 0, fp = 0, fn = 0, tn = 0, skipped = 0, missing = 0, gold_same = 0;
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> (right, wrong)
  for (const AliasPair& p : pairs) {
    if (p.label == "skip") {
      ++skipped;
      continue;
    }
    auto da = docs.find(p.file_a + "\t" + p.id_a);
    auto db = docs.find(p.file_b + "\t" + p.id_b);
    std::string ida, idb;
    if (da != docs.end() && db != docs.end()) {
      auto aa = by_url.find(da->second.value("source_url", ""));
      auto ab = by_url.find(db->second.value("source_url", ""));
      if (aa != by_url.end()) ida = IdOf(aa->second, p.form_a, merged_into);
      if (ab != by_url.end()) idb = IdOf(ab->second, p.form_b, merged_into);
    }
    if (ida.empty() || idb.empty()) {
      ++missing;
      if (errors) {  // what the article holds instead, to read why
        for (const auto* d : {&da, &db}) {
          if (*d == docs.end()) continue;
          auto art = by_url.find((*d)->second.value("source_url", ""));
          if (art == by_url.end()) continue;
          const std::string& form = d == &da ? p.form_a : p.form_b;
          if (!(d == &da ? ida : idb).empty()) continue;
          std::printf("  '%s' not found in %s; its people and organisations:", form.c_str(), (*d)->first.c_str());
          for (const EntityMention& m : art->second.entities)
            if (m.type != EntityType::kLocation)
              std::printf(" [%s|%s|%s]", m.text.c_str(), m.canonical.c_str(), m.entity_id.c_str());
          std::printf("\n");
        }
      }
    }
    const bool predicted = !ida.empty() && ida == idb;
    const bool same = p.label == "same";
    gold_same += same;
    if (predicted && same) ++tp;
    if (predicted && !same) ++fp;
    if (!predicted && same) ++fn;
    if (!predicted && !same) ++tn;
    auto& k = by_kind[p.kind + "/" + p.label];
    (predicted == same ? k.first : k.second)++;
    if (errors && predicted != same)
      std::printf("%s %s (%s): '%s' [%s] vs '%s' [%s]%s\n", predicted ? "WRONG MERGE" : "MISSED", p.kind.c_str(),
                  p.type.c_str(), p.form_a.c_str(), ida.c_str(), p.form_b.c_str(), idb.c_str(),
                  ida.empty() || idb.empty() ? " (a form not among the stored mentions)" : "");
  }
  std::printf("| alias gold | pairs | same | different | skipped | forms not found |\n|---|---|---|---|---|---|\n");
  std::printf("| %s | %zu | %d | %d | %d | %d |\n\n", pairs_path.filename().c_str(), pairs.size(), gold_same,
              tp + fp + fn + tn - gold_same, skipped, missing);
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  const double recall = gold_same ? static_cast<double>(tp) / gold_same : 1.0;
  std::printf("| linker | merged right | wrong merges | missed | merge precision | merge recall |\n|---|---|---|---|---|---|\n");
  std::printf("| %s | %d | %d | %d | %.3f | %.3f |\n\n", link ? "on" : "off", tp, fp, fn, precision, recall);
  std::printf("| kind/label | right | wrong |\n|---|---|---|\n");
  for (const auto& [k, rw] : by_kind) std::printf("| %s | %d | %d |\n", k.c_str(), rw.first, rw.second);
  if (keep.empty()) fs::remove_all(dir);
  return 0;
}
