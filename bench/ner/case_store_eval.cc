// case_store_eval: how much of the tagger's reading of cased articles comes
// back when the same articles arrive in lower case, with the truecaser's
// model alone and with the names a store's cased articles wrote (issue 16:
// "a name seen cased anywhere is a name everywhere", core/cased_names.h).
//
// There is no hand-labelled NER gold on IndoSum, so the reference is the
// shipped tagger's own mentions on the cased text (silver): the score says
// how close lower case + restoring comes to reading the cased original, not
// how right either is. Spans must match exactly, with the type.
//
//   case_store_eval --names-from DATA_DIR [--truecase MODEL] FILES...
//
// DATA_DIR is a `warta ingest` data directory that must not hold the
// scored articles (e.g. the other IndoSum folds, the scored fold's ids left
// out); MODEL a truecase model not trained on them (train-truecase
// --exclude-ids). docs/quality/ner.md has the set-up and the figures.
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "core/cased_names.h"
#include "ingest/reader.h"
#include "store/store.h"
#include "text/truecase.h"

namespace {

using MentionKey = std::tuple<int32_t, int32_t, int>;

struct CaseStoreCounts {
  long gold = 0, predicted = 0, correct = 0;
  void Add(const std::set<MentionKey>& g, const std::set<MentionKey>& p) {
    gold += static_cast<long>(g.size());
    predicted += static_cast<long>(p.size());
    for (const MentionKey& k : p) correct += g.count(k);
  }
  void Print(const char* name) const {
    double pr = predicted ? 100.0 * correct / predicted : 0, re = gold ? 100.0 * correct / gold : 0;
    std::printf("%-28s P %6.2f  R %6.2f  F1 %6.2f  (silver %ld, predicted %ld, same %ld)\n", name, pr, re,
                pr + re > 0 ? 2 * pr * re / (pr + re) : 0.0, gold, predicted, correct);
  }
};

// Mentions from code point `shift` on, shifted to start there.
std::set<MentionKey> MentionsOf(const warta::Article& a, int32_t shift = 0) {
  std::set<MentionKey> out;
  for (const warta::EntityMention& m : a.entities)
    if (m.span.begin >= shift) out.insert({m.span.begin - shift, m.span.end - shift, static_cast<int>(m.type)});
  return out;
}

void LowerAscii(std::string* s) {
  for (char& c : *s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
}

}  // namespace

int main(int argc, char** argv) {
  std::string names_from, truecase_model;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--names-from") && i + 1 < argc) names_from = argv[++i];
    else if (!std::strcmp(argv[i], "--truecase") && i + 1 < argc) truecase_model = argv[++i];
    else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: case_store_eval --names-from DATA_DIR [--truecase MODEL] FILES...\n");
      return 2;
    } else files.push_back(argv[i]);
  }
  if (names_from.empty() || files.empty()) {
    std::fprintf(stderr, "usage: case_store_eval --names-from DATA_DIR [--truecase MODEL] FILES...\n");
    return 2;
  }
  std::shared_ptr<const warta::text::Truecaser> tc = warta::text::Truecaser::Builtin();
  if (!truecase_model.empty()) {
    auto loaded = warta::text::Truecaser::Load(truecase_model);
    if (!loaded.ok()) {
      std::fprintf(stderr, "case_store_eval: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    tc = *loaded;
  }
  auto store = warta::store::OpenSqliteStore({.path = names_from + "/warta.sqlite", .read_only = true});
  if (!store.ok()) {
    std::fprintf(stderr, "case_store_eval: %s\n", store.status().ToString().c_str());
    return 1;
  }
  warta::CasedNamesTable table;
  if (warta::Status st =
          (*store)->ScanCasedNames([&](std::string_view name) { warta::text::LearnCasedName(name, &table); });
      !st.ok()) {
    std::fprintf(stderr, "case_store_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  auto board = std::make_shared<warta::CasedNamesBoard>();
  board->Publish(table.Snapshot());
  std::printf("names learned from %s: %zu names, %zu words\n", names_from.c_str(), table.names(), table.words());

  warta::clean::CleanOptions as_written, model_only, with_names;
  model_only.truecaser = with_names.truecaser = tc;
  with_names.cased_names = board;
  auto c0 = warta::clean::Cleaner::Create(as_written);
  auto c1 = warta::clean::Cleaner::Create(model_only);
  auto c2 = warta::clean::Cleaner::Create(with_names);
  auto analyzers = warta::analyse::MakeAnalyzers({.timex = false, .quotes = false, .claims = false, .events = false});
  if (!c0.ok() || !c1.ok() || !c2.ok() || !analyzers.ok()) {
    std::fprintf(stderr, "case_store_eval: cannot set up the cleaner or the tagger\n");
    return 1;
  }
  warta::ingest::DocumentReader reader(files, {}, [](const warta::Diagnostic& d) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  });
  CaseStoreCounts lower_model, lower_names;
  long articles = 0, skipped = 0;
  warta::RawDocument doc;
  while (reader.Next(&doc)) {
    auto cased = (*c0)->Clean(doc);
    if (!cased.ok() || cased->letter_case != warta::LetterCase::kMixed) {
      ++skipped;
      continue;
    }
    warta::RawDocument lower = doc;
    LowerAscii(&lower.text);
    LowerAscii(&lower.title);
    for (std::string& p : lower.paragraphs) LowerAscii(&p);
    auto a1 = (*c1)->Clean(lower);
    auto a2 = (*c2)->Clean(lower);
    // Case-less text can keep a line the cased text lost (a dateline like
    // "suara.com - " is only lifted when cased): the rest must be the same
    // text; mentions are compared after that prefix, shifted.
    if (!a1.ok() || !a2.ok()) {
      ++skipped;
      continue;
    }
    std::string t0 = cased->Text(), t1 = a1->Text();
    LowerAscii(&t0);
    LowerAscii(&t1);
    if (t1.size() < t0.size() || t1.compare(t1.size() - t0.size(), t0.size(), t0) != 0 || a2->Text().size() != t1.size()) {
      ++skipped;
      continue;
    }
    int32_t shift = 0;
    for (size_t i = 0; i < t1.size() - t0.size(); ++i) shift += (static_cast<unsigned char>(t1[i]) & 0xC0) != 0x80;
    if (!warta::analyse::RunAnalyzers(*analyzers, &*cased).ok() ||
        !warta::analyse::RunAnalyzers(*analyzers, &*a1).ok() || !warta::analyse::RunAnalyzers(*analyzers, &*a2).ok()) {
      ++skipped;
      continue;
    }
    const std::set<MentionKey> silver = MentionsOf(*cased);
    lower_model.Add(silver, MentionsOf(*a1, shift));
    lower_names.Add(silver, MentionsOf(*a2, shift));
    ++articles;
  }
  std::printf("%ld articles scored, %ld skipped\n", articles, skipped);
  lower_model.Print("lower + truecase");
  lower_names.Print("lower + truecase + names");
  return 0;
}
