// dedupe_eval: quality of near-duplicate detection and story clustering on a
// labelled set built at run time.
//
//   build/.../bench/dedupe/dedupe_eval [--corpus DIR] [--files N] [--seeds DIR]
//       [--labels bench/dedupe/story_labels.txt] [--copy-rate R] [--seed S]
//       [--story-threshold T] [--lead N] [--body-weight W] [--window-days D] [--undated-threshold T]
//       [--name-share S] [--name-paragraphs N] [--dump-merges]
//
// The set: the first N IndoSum dev files (cleaned as `warta ingest` would,
// dated by the Unix time their ids start with), the seed articles, and
// edited copies that CopyGenerator makes deterministically from the IndoSum
// articles (dated 1 to 48 hours after their original). Ingest order is
// publication order with up to three days of jitter, so a copy sometimes
// arrives before its original; the seeds follow in file order. Nothing from the corpus is stored in the
// repository: story_labels.txt holds IndoSum ids only.
//
// Gold duplicates: an original and its copies. Gold stories: a copy is in its
// original's story; the seeds 000+002 are one story and 001, 003, 004 their
// own; IndoSum articles are their own story unless story_labels.txt pairs
// them. Prints markdown tables (docs/quality/dedupe.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "clean/cleaner.h"
#include "dedupe/duplicates.h"
#include "dedupe/evaluation.h"
#include "dedupe/stories.h"
#include "ingest/reader.h"

namespace fs = std::filesystem;
using namespace warta;
using namespace warta::dedupe;

namespace {

struct Item {
  Article article;
  std::string label;          // IndoSum id, seed file stem, or "copy:<id>:<n>"
  int64_t gold_dup = 0;       // item index of the original
  int64_t gold_story = 0;
  bool is_copy = false;
  bool is_seed = false;
  double shared = 1;
  std::vector<std::string> edits;
  int64_t seq = 0;
  int64_t order_key = 0;
};

int Find(std::vector<int>& parent, int i) {
  while (parent[static_cast<size_t>(i)] != i) i = parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
  return i;
}

std::vector<Item> LoadIndoSum(const std::string& corpus, int nfiles) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (static_cast<int>(files.size()) > nfiles) files.resize(static_cast<size_t>(nfiles));
  // file:line -> IndoSum id, read separately because RawDocument has no id.
  std::map<std::pair<std::string, int64_t>, std::string> ids;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int64_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_discarded() && j.contains("id")) ids[{f, n}] = j["id"].get<std::string>();
    }
  }
  auto cleaner = clean::Cleaner::Create({});
  if (!cleaner.ok()) {
    std::fprintf(stderr, "dedupe_eval: %s\n", cleaner.status().ToString().c_str());
    std::exit(1);
  }
  ingest::DocumentReader reader(files, {}, {});
  RawDocument doc;
  std::vector<Item> items;
  std::unordered_map<std::string, bool> seen;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    if (!a.ok()) continue;
    Item it;
    it.article = std::move(*a);
    it.label = ids[{doc.source, doc.line}];
    // The folds' dev sets share some articles; the store keeps one of each
    // (same text, same id), so the labelled set does too.
    if (seen[it.label]) continue;
    seen[it.label] = true;
    long long t = std::atoll(it.label.c_str());
    if (t > 0) it.article.published = DateTime::FromUnixSeconds(t);
    items.push_back(std::move(it));
  }
  return items;
}

std::vector<Item> LoadSeeds(const std::string& dir) {
  std::vector<Item> items;
  if (dir.empty() || !fs::exists(dir)) return items;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  auto cleaner = clean::Cleaner::Create({});
  ingest::DocumentReader reader(files, {}, {});
  RawDocument doc;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    if (!a.ok()) continue;
    Item it;
    it.article = std::move(*a);
    it.label = "seed:" + fs::path(doc.source).stem().string().substr(0, 3);
    it.is_seed = true;
    items.push_back(std::move(it));
  }
  return items;
}

void PrintScores(const char* name, int64_t items, const ClusterScores& s) {
  std::printf("| %s | %lld | %lld | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", name, static_cast<long long>(items),
              static_cast<long long>(s.gold_pairs), s.pair_precision, s.pair_recall, s.pair_f1, s.bcubed_precision,
              s.bcubed_recall, s.bcubed_f1);
}

int64_t Count(const std::vector<int64_t>& gold) {
  return std::count_if(gold.begin(), gold.end(), [](int64_t g) { return g >= 0; });
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "../shared/data/corpus/indosum-dev", seeds = "../shared/seeds",
              labels = "bench/dedupe/story_labels.txt";
  int nfiles = 2;
  double copy_rate = 0.4;
  uint64_t seed = 7;
  bool dump = false;
  StoryOptions story_options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "dedupe_eval: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--corpus") corpus = next();
    else if (a == "--files") nfiles = std::stoi(next());
    else if (a == "--seeds") seeds = next();
    else if (a == "--labels") labels = next();
    else if (a == "--copy-rate") copy_rate = std::stod(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--dump-merges") dump = true;
    else if (a == "--story-threshold") story_options.min_similarity = std::stod(next());
    else if (a == "--lead") story_options.lead_paragraphs = std::stoi(next());
    else if (a == "--body-weight") story_options.body_weight = std::stod(next());
    else if (a == "--window-days") story_options.window_days = std::stoi(next());
    else if (a == "--undated-threshold") story_options.undated_min_similarity = std::stod(next());
    else if (a == "--name-share") story_options.max_name_share = std::stod(next());
    else if (a == "--name-paragraphs") story_options.name_paragraphs = std::stoi(next());
    else {
      std::fprintf(stderr, "usage: dedupe_eval [--corpus DIR] [--files N] [--seeds DIR] [--labels FILE] "
                           "[--copy-rate R] [--seed S] [--story-threshold T] [--lead N] [--body-weight W] [--window-days D] "
                           "[--undated-threshold T] [--name-share S] [--name-paragraphs N] [--dump-merges]\n");
      return 2;
    }
  }
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "dedupe_eval: no corpus at %s\n", corpus.c_str());
    return 1;
  }

  std::vector<Item> items = LoadIndoSum(corpus, nfiles);
  const size_t indosum = items.size();
  for (auto& s : LoadSeeds(seeds)) items.push_back(std::move(s));
  const size_t originals = items.size();
  for (size_t i = 0; i < originals; ++i) items[i].gold_dup = items[i].gold_story = static_cast<int64_t>(i);

  // Gold stories among originals: hand-labelled IndoSum pairs and the seeds.
  std::unordered_map<std::string, int> index_of_label;
  for (size_t i = 0; i < originals; ++i) index_of_label[items[i].label] = static_cast<int>(i);
  std::vector<int> parent(originals);
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](const std::string& a, const std::string& b) {
    auto ia = index_of_label.find(a), ib = index_of_label.find(b);
    if (ia == index_of_label.end() || ib == index_of_label.end()) return false;
    parent[static_cast<size_t>(Find(parent, ia->second))] = Find(parent, ib->second);
    return true;
  };
  join("seed:000", "seed:002");
  int label_pairs = 0, label_pairs_used = 0;
  if (std::ifstream in(labels); in) {
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      char a[256], b[256];
      if (std::sscanf(line.c_str(), "%255s %255s", a, b) != 2) continue;
      ++label_pairs;
      label_pairs_used += join(a, b);
    }
  }
  for (size_t i = 0; i < originals; ++i) items[i].gold_story = Find(parent, static_cast<int>(i));

  // Copies of IndoSum articles, and their gold.
  CopyGenerator gen(seed);
  std::vector<std::string> titles;
  for (size_t i = 0; i < indosum; ++i) titles.push_back(items[i].article.title);
  for (size_t i = 0; i < indosum; ++i) {
    if (gen.Uniform() >= copy_rate) continue;
    int n = gen.Below(3) == 0 ? 2 : 1;
    for (int k = 0; k < n; ++k) {
      GeneratedCopy c = gen.MakeCopy(items[i].article, gen.Uniform(), titles);
      Item it;
      it.article = std::move(c.article);
      it.shared = c.shared;
      it.edits = std::move(c.edits);
      it.is_copy = true;
      it.label = "copy:" + items[i].label + ":" + std::to_string(k);
      it.gold_dup = items[i].gold_dup;
      it.gold_story = items[i].gold_story;
      if (items[i].article.published) {
        int64_t t = PublicationKey(items[i].article.published) + 3600 + static_cast<int64_t>(gen.Below(47 * 3600));
        it.article.published = DateTime::FromUnixSeconds(t);
      }
      items.push_back(std::move(it));
    }
  }

  // Ingest order: publication order with up to three days of jitter; seeds
  // (2024) and undated items keep their place among their own dates.
  // The seeds come last, in file order, as `warta ingest seeds/` reads them.
  for (size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    if (it.is_seed) {
      it.order_key = INT64_MAX - 100 + static_cast<int64_t>(i - indosum);
    } else {
      it.order_key = PublicationKey(it.article.published) + static_cast<int64_t>(gen.Below(3 * 86400));
    }
  }
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[a].order_key < items[b].order_key; });
  for (size_t k = 0; k < order.size(); ++k) items[order[k]].seq = static_cast<int64_t>(k + 1);

  // Run both stages as the pipeline would.
  DuplicateDetector detector;
  StoryClusterer text_only(story_options), hinted(story_options);
  std::unordered_map<int64_t, size_t> item_of_seq;
  std::vector<int64_t> story_text(items.size()), story_hinted(items.size());
  std::vector<double> story_score(items.size());
  size_t paragraph_reports = 0;
  for (size_t k : order) {
    Item& it = items[k];
    item_of_seq[it.seq] = k;
    MatchResult m = detector.AddAndMatch(it.seq, detector.Sign(it.article), it.article.published);
    paragraph_reports += m.paragraphs.size();
    std::optional<int64_t> copy_of;
    if (m.copy) copy_of = m.copy->original_seq == it.seq ? m.copy->nearest_seq : m.copy->original_seq;
    StoryAssignment sa = text_only.Add(it.seq, it.article);
    story_text[k] = sa.story_id;
    story_score[k] = sa.similarity;
    story_hinted[k] = hinted.Add(it.seq, it.article, copy_of).story_id;
  }

  std::vector<int64_t> pred_dup(items.size()), gold_dup(items.size()), gold_dup70(items.size()),
      gold_story(items.size()), gold_story_orig(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    pred_dup[i] = detector.OriginalOf(items[i].seq);
    gold_dup[i] = items[i].gold_dup;
    gold_dup70[i] = items[i].is_copy && items[i].shared < 0.7 ? -1 : items[i].gold_dup;
    gold_story[i] = items[i].gold_story;
    gold_story_orig[i] = items[i].is_copy ? -1 : items[i].gold_story;
  }

  size_t copies = items.size() - originals;
  std::printf("Labelled set: %zu IndoSum articles (%d files), %zu seeds, %zu generated copies (seed %llu, rate %.2f); "
              "%d/%d story label pairs found\n\n",
              indosum, nfiles, originals - indosum, copies, static_cast<unsigned long long>(seed), copy_rate,
              label_pairs_used, label_pairs);

  std::printf("### Near-duplicates (copy groups)\n\n");
  std::printf("| set | items | gold pairs | pair P | pair R | pair F1 | BCubed P | BCubed R | BCubed F1 |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  PrintScores("all copies", Count(gold_dup), ScoreClustering(gold_dup, pred_dup));
  PrintScores("copies sharing >= 70 %", Count(gold_dup70), ScoreClustering(gold_dup70, pred_dup));

  // Recall by how much text a copy shares, and whether the right original won.
  std::printf("\n| copy shares | copies | found | recall | original = earliest |\n|---|---|---|---|---|\n");
  const double bands[][2] = {{0.0, 0.5}, {0.5, 0.6}, {0.6, 0.7}, {0.7, 0.8}, {0.8, 0.9}, {0.9, 1.01}};
  for (const auto& b : bands) {
    int n = 0, found = 0, right_original = 0;
    for (size_t i = originals; i < items.size(); ++i) {
      if (items[i].shared < b[0] || items[i].shared >= b[1]) continue;
      ++n;
      size_t orig = static_cast<size_t>(items[i].gold_dup);
      if (pred_dup[i] == pred_dup[orig]) {
        ++found;
        right_original += pred_dup[i] == items[orig].seq;
      }
    }
    std::printf("| %.0f-%.0f %% | %d | %d | %.4f | %d |\n", b[0] * 100, std::min(b[1], 1.0) * 100, n, found,
                n ? static_cast<double>(found) / n : 1.0, right_original);
  }
  // False merges among distinct originals (what precision is made of).
  int false_merges = 0;
  for (size_t i = 0; i < originals; ++i)
    for (size_t j = i + 1; j < originals; ++j)
      if (pred_dup[i] == pred_dup[j]) {
        ++false_merges;
        if (dump) std::printf("  dup-merge %s | %s\n", items[i].label.c_str(), items[j].label.c_str());
      }
  std::printf("\nDistinct originals merged as copies of each other: %d pairs; paragraph-level reports: %zu\n\n",
              false_merges, paragraph_reports);

  std::printf("### Stories\n\n");
  std::printf("| run | items | gold pairs | pair P | pair R | pair F1 | BCubed P | BCubed R | BCubed F1 |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  PrintScores("text only, all", Count(gold_story), ScoreClustering(gold_story, story_text));
  PrintScores("with copy hint, all", Count(gold_story), ScoreClustering(gold_story, story_hinted));
  PrintScores("text only, originals", Count(gold_story_orig), ScoreClustering(gold_story_orig, story_text));
  std::printf("\nStories: %zu (text only), %zu (with copy hint)\n", text_only.story_count(), hinted.story_count());
  // How long stories run (issue 15: none longer than 14 days) and how many
  // are follow-ups of an earlier one.
  for (const auto* run : {&text_only, &hinted}) {
    std::set<int64_t> ids(run == &text_only ? story_text.begin() : story_hinted.begin(),
                          run == &text_only ? story_text.end() : story_hinted.end());
    int64_t longest = 0, over14 = 0, follow_ups = 0;
    for (int64_t id : ids) {
      const Story* st = run->story(id);
      if (st == nullptr) continue;
      follow_ups += st->follow_up_of != 0;
      if (!st->first_published || !st->last_published) continue;
      int64_t span = st->last_published->DaysSinceEpoch() - st->first_published->DaysSinceEpoch();
      longest = std::max(longest, span);
      over14 += span > 14;
    }
    std::printf("%s: longest story %lld days, %lld longer than 14 days, %lld follow-ups\n",
                run == &text_only ? "Text only" : "With copy hint", static_cast<long long>(longest),
                static_cast<long long>(over14), static_cast<long long>(follow_ups));
  }

  std::printf("\nSeeds (story ids, text only):");
  for (size_t i = indosum; i < originals; ++i)
    std::printf(" %s(%s, seq %lld)=%lld@%.2f", items[i].label.c_str(),
                items[i].article.published ? items[i].article.published->ToIso().c_str() : "undated",
                static_cast<long long>(items[i].seq), static_cast<long long>(story_text[i]), story_score[i]);
  std::printf("\n");

  if (dump) {
    // Story merges of distinct originals, for labelling by hand.
    for (size_t i = 0; i < originals; ++i)
      for (size_t j = i + 1; j < originals; ++j)
        if (story_text[i] == story_text[j] && gold_story[i] != gold_story[j])
          std::printf("  story-merge %s %s | %s | %s\n", items[i].label.c_str(), items[j].label.c_str(),
                      items[i].article.title.c_str(), items[j].article.title.c_str());
    // Gold story pairs split apart, with their distance in days and whether
    // one story follows the other up (what window_days costs).
    for (size_t i = 0; i < originals; ++i)
      for (size_t j = i + 1; j < originals; ++j)
        if (gold_story[i] == gold_story[j] && story_text[i] != story_text[j]) {
          const Story* a = text_only.story(story_text[i]);
          const Story* b = text_only.story(story_text[j]);
          bool linked = (a && a->follow_up_of == story_text[j]) || (b && b->follow_up_of == story_text[i]);
          long long days = items[i].article.published && items[j].article.published
                               ? std::llabs(items[i].article.published->DaysSinceEpoch() -
                                            items[j].article.published->DaysSinceEpoch())
                               : -1;
          std::printf("  story-split %s %s | %lld days%s\n", items[i].label.c_str(), items[j].label.c_str(), days,
                      linked ? " | follow-up" : "");
        }
  }
  return 0;
}
