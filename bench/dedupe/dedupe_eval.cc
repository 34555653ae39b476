// dedupe_eval: quality of near-duplicate detection, series and story
// clustering on labelled sets.
//
//   build/.../bench/dedupe/dedupe_eval [--set indosum|stream|all] [--corpus DIR] [--files N]
//       [--seeds DIR] [--labels bench/dedupe/story_labels.txt] [--copy-rate R] [--seed S]
//       [--stream-labels bench/dedupe/labels] [--fixtures bench/dedupe/fixtures]
//       [--story-threshold T] [--lead N] [--body-weight W] [--window-days D] [--undated-threshold T]
//       [--name-share S] [--name-paragraphs N] [--dump-merges]
//
// --set stream (issue 15): the fixtures written by hand (bench/dedupe/fixtures/
// *.jsonl: templated series, an agency report and its edited copies,
// look-alikes that are not copies, several outlets on one event, follow-ups,
// undated articles) plus an IndoSum batch read by id from all five dev files,
// labelled in bench/dedupe/labels/*.tsv (rules in stream.tsv's header). Ingest
// order: publication order with up to 12 hours of jitter from a hash of the
// id; an undated article arrives right after the article before it in its
// file. --set indosum (the default): the set below, with its tables as
// before. --set all: both in one run. Every set ends with the issue-15 table
// (ScoreDedupe: story pairwise and BCubed, copy pairwise P/R, series pairwise
// F1, longest story, largest copy group).
//
// --case lower|upper: every title and paragraph lower- or upper-cased
// before the run (the gold unchanged), for case-less outlets (issue 16).
// --truecase [MODEL]: then restored as the cleaner does (text/truecase.h;
// the built-in model, or MODEL).
// --set indosum: the first N IndoSum dev files (cleaned as `warta ingest` would,
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
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "clean/cleaner.h"
#include "dedupe/duplicates.h"
#include "dedupe/evaluation.h"
#include "dedupe/series.h"
#include "dedupe/stories.h"
#include "ingest/reader.h"
#include "text/case.h"
#include "text/truecase.h"

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

std::vector<std::string> JsonlFiles(const std::string& dir) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Reads and cleans `files` as `warta ingest` would; each item's label is the
// line's "id". `only`: keep those ids only (null: all). `date_from_id`: date
// by the Unix time the id starts with (IndoSum), else the article's own date.
std::vector<Item> LoadArticles(const std::vector<std::string>& files, const std::unordered_set<std::string>* only,
                               bool date_from_id) {
  // file:line -> id, read separately because RawDocument has no id.
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
    std::string label = ids[{doc.source, doc.line}];
    // The folds' dev sets share some articles; the store keeps one of each
    // (same text, same id), so the labelled set does too.
    if (seen[label]) continue;
    if (only != nullptr && !only->count(label)) continue;
    auto a = (*cleaner)->Clean(doc);
    if (!a.ok()) {
      std::fprintf(stderr, "dedupe_eval: %s: not cleaned (%s); skipped\n", doc.Locator().c_str(),
                   a.status().message().c_str());
      continue;
    }
    Item it;
    it.article = std::move(*a);
    it.label = std::move(label);
    seen[it.label] = true;
    long long t = date_from_id ? std::atoll(it.label.c_str()) : 0;
    if (t > 0) it.article.published = DateTime::FromUnixSeconds(t);
    items.push_back(std::move(it));
  }
  return items;
}

std::vector<Item> LoadIndoSum(const std::string& corpus, int nfiles) {
  std::vector<std::string> files = JsonlFiles(corpus);
  if (static_cast<int>(files.size()) > nfiles) files.resize(static_cast<size_t>(nfiles));
  return LoadArticles(files, nullptr, true);
}

// FNV-1a: a hash that is the same on every platform and run.
uint64_t StableHash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The issue-15 stream set: fixtures and the IndoSum batch with their labels.
struct StreamSet {
  std::vector<Item> items;
  std::vector<DedupeLabel> gold;   // gold[i] labels items[i]
  size_t fixtures = 0;             // items[0, fixtures) are fixtures, the rest IndoSum
  int skipped = 0;                 // labels or articles left out, each reported on stderr
};

StreamSet LoadStream(const std::string& labels_dir, const std::string& fixtures_dir, const std::string& corpus) {
  StreamSet set;
  std::unordered_map<std::string, DedupeLabel> labels;
  std::vector<std::string> order;   // label order, for the IndoSum batch
  std::vector<std::string> label_files;
  if (fs::is_directory(labels_dir))
    for (const auto& e : fs::directory_iterator(labels_dir))
      if (e.path().extension() == ".tsv") label_files.push_back(e.path().string());
  std::sort(label_files.begin(), label_files.end());
  for (const auto& f : label_files) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto rows = ParseDedupeLabels(text, f);
    if (!rows.ok()) {
      std::fprintf(stderr, "dedupe_eval: %s; file skipped\n", rows.status().message().c_str());
      ++set.skipped;
      continue;
    }
    for (auto& r : *rows) {
      if (labels.count(r.item)) {
        std::fprintf(stderr, "dedupe_eval: %s: item %s already labelled at %s; row skipped\n", r.where.c_str(),
                     r.item.c_str(), labels[r.item].where.c_str());
        ++set.skipped;
        continue;
      }
      order.push_back(r.item);
      labels.emplace(r.item, std::move(r));
    }
  }
  std::unordered_set<std::string> used;
  auto take = [&](std::vector<Item>&& items) {
    for (auto& it : items) {
      auto l = labels.find(it.label);
      if (l == labels.end()) {
        std::fprintf(stderr, "dedupe_eval: %s: article %s has no label in %s; skipped\n",
                     it.article.source.c_str(), it.label.c_str(), labels_dir.c_str());
        ++set.skipped;
        continue;
      }
      used.insert(it.label);
      set.gold.push_back(l->second);
      set.items.push_back(std::move(it));
    }
  };
  take(LoadArticles(JsonlFiles(fixtures_dir), nullptr, false));
  set.fixtures = set.items.size();
  std::unordered_set<std::string> batch;
  for (const auto& id : order)
    if (id.rfind("fx:", 0) != 0) batch.insert(id);
  if (!batch.empty()) take(LoadArticles(JsonlFiles(corpus), &batch, true));
  for (const auto& id : order)
    if (!used.count(id)) {
      std::fprintf(stderr, "dedupe_eval: %s: no article with id %s; label skipped\n", labels[id].where.c_str(),
                   id.c_str());
      ++set.skipped;
    }
  return set;
}

// The series the pipeline puts article `seq` in, called once per article in
// ingest order right after the copy detector saw it (so an online series
// detector is fed here, as pipeline/relations.cc feeds it: before the
// copy and story decisions, which it vetoes for two items of one series.
std::optional<int64_t> PredictedSeries(SeriesDetector& series, int64_t seq, const Article& article,
                                       int64_t* founder) {
  SeriesAssignment a = series.Add(seq, series.Sign(article));
  *founder = a.founder_seq;
  if (!a.series_id) return std::nullopt;
  return a.series_id;
}

void PrintIssue15Header() {
  std::printf("| part | items | gold story pairs | story P | story R | story F1 | BCubed P | BCubed R | BCubed F1 | "
              "copy pairs (gold) | copy P | copy R | series pairs (gold) | series P | series R | series F1 | "
              "longest story d (gold) | stories > 14 d | largest copy group |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
}

void PrintIssue15Row(const char* part, const std::vector<DedupeLabel>& gold, const std::vector<DedupePrediction>& pred,
                     const std::vector<size_t>& rows) {
  std::vector<DedupeLabel> g;
  std::vector<DedupePrediction> p;
  for (size_t i : rows) {
    g.push_back(gold[i]);
    p.push_back(pred[i]);
  }
  DedupeScores s = ScoreDedupe(g, p);
  std::printf("| %s | %lld | %lld | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %lld | %.4f | %.4f | %lld | %.4f | %.4f | "
              "%.4f | %.1f (%.1f) | %lld | %lld |\n",
              part, static_cast<long long>(s.items), static_cast<long long>(s.stories.gold_pairs),
              s.stories.pair_precision, s.stories.pair_recall, s.stories.pair_f1, s.stories.bcubed_precision,
              s.stories.bcubed_recall, s.stories.bcubed_f1, static_cast<long long>(s.copies.gold_pairs),
              s.copies.pair_precision, s.copies.pair_recall, static_cast<long long>(s.series.gold_pairs),
              s.series.pair_precision, s.series.pair_recall, s.series.pair_f1, s.longest_story_days,
              s.gold_longest_story_days, static_cast<long long>(s.stories_over_14_days),
              static_cast<long long>(s.largest_copy_group));
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
              labels = "bench/dedupe/story_labels.txt", set = "indosum", stream_labels = "bench/dedupe/labels",
              fixtures = "bench/dedupe/fixtures";
  int nfiles = 2;
  double copy_rate = 0.4;
  uint64_t seed = 7;
  bool dump = false;
  std::string letter_case = "as-written";
  bool truecase = false;
  std::string truecase_model;
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
    else if (a == "--case") letter_case = next();
    else if (a == "--truecase") {
      truecase = true;
      if (i + 1 < argc && argv[i + 1][0] != '-') truecase_model = argv[++i];
    }
    else if (a == "--set") set = next();
    else if (a == "--stream-labels") stream_labels = next();
    else if (a == "--fixtures") fixtures = next();
    else if (a == "--story-threshold") story_options.min_similarity = std::stod(next());
    else if (a == "--lead") story_options.lead_paragraphs = std::stoi(next());
    else if (a == "--body-weight") story_options.body_weight = std::stod(next());
    else if (a == "--window-days") story_options.window_days = std::stoi(next());
    else if (a == "--undated-threshold") story_options.undated_min_similarity = std::stod(next());
    else if (a == "--name-share") story_options.max_name_share = std::stod(next());
    else if (a == "--name-paragraphs") story_options.name_paragraphs = std::stoi(next());
    else {
      std::fprintf(stderr, "usage: dedupe_eval [--set indosum|stream|all] [--corpus DIR] [--files N] [--seeds DIR] "
                           "[--labels FILE] [--copy-rate R] [--seed S] [--stream-labels DIR] [--fixtures DIR] "
                           "[--story-threshold T] [--lead N] [--body-weight W] [--window-days D] "
                           "[--undated-threshold T] [--name-share S] [--name-paragraphs N] [--case lower|upper [--truecase [MODEL]]] [--dump-merges]\n");
      return 2;
    }
  }
  if (set != "indosum" && set != "stream" && set != "all") {
    std::fprintf(stderr, "dedupe_eval: --set is indosum, stream or all, not %s\n", set.c_str());
    return 2;
  }
  if (letter_case != "as-written" && letter_case != "lower" && letter_case != "upper") {
    std::fprintf(stderr, "dedupe_eval: --case is lower or upper, not %s\n", letter_case.c_str());
    return 2;
  }
  const bool with_indosum = set != "stream", with_stream = set != "indosum";
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "dedupe_eval: no corpus at %s\n", corpus.c_str());
    return 1;
  }

  std::vector<Item> items;
  if (with_indosum) items = LoadIndoSum(corpus, nfiles);
  const size_t indosum = items.size();
  if (with_indosum)
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
  if (std::ifstream in(labels); in && with_indosum) {
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
  // Gold of the IndoSum set in the labels' terms (story, copy_of).
  const size_t indosum_part = items.size();
  std::vector<DedupeLabel> gold_rows;
  for (size_t i = 0; i < indosum_part; ++i)
    gold_rows.push_back({items[i].label, "g:" + std::to_string(items[i].gold_story),
                         items[i].is_copy ? items[static_cast<size_t>(items[i].gold_dup)].label : "", "", "", ""});

  // The stream set, after it: publication order with up to 12 hours of jitter
  // from the id's hash; an undated article right after the one before it in
  // its file. With --set all, an IndoSum article already loaded keeps its
  // place and gold (its own story, as in the batch labels).
  StreamSet stream;
  size_t stream_fixtures_end = indosum_part;
  if (with_stream) {
    stream = LoadStream(stream_labels, fixtures, corpus);
    std::unordered_set<std::string> loaded;
    for (size_t i = 0; i < indosum_part; ++i) loaded.insert(items[i].label);
    int64_t last_key = 0;
    for (size_t k = 0; k < stream.items.size(); ++k) {
      Item& it = stream.items[k];
      if (loaded.count(it.label)) continue;
      if (it.article.published) {
        it.order_key = PublicationKey(it.article.published) + static_cast<int64_t>(StableHash(it.label) % 43200);
      } else {
        it.order_key = last_key + 1;
      }
      last_key = it.order_key;
      items.push_back(std::move(it));
      gold_rows.push_back(stream.gold[k]);
      if (k < stream.fixtures) stream_fixtures_end = items.size();
    }
  }
  // --case: every title and paragraph lower- or upper-cased, as outlets that
  // deliver case-less text do (issue 16); the gold is unchanged.
  if (letter_case != "as-written") {
    auto recase = [&](const std::string& t) { return letter_case == "lower" ? text::Lowercase(t) : text::Uppercase(t); };
    for (Item& it : items) {
      it.article.title = recase(it.article.title);
      for (std::string& p : it.article.paragraphs) p = recase(p);
    }
    std::printf("Letter case: every title and paragraph %s-cased (--case %s)\n\n", letter_case.c_str(), letter_case.c_str());
    if (truecase) {
      std::shared_ptr<const text::Truecaser> tc = text::Truecaser::Builtin();
      if (!truecase_model.empty()) {
        auto loaded = text::Truecaser::Load(truecase_model);
        if (!loaded.ok()) {
          std::fprintf(stderr, "dedupe_eval: %s\n", loaded.status().ToString().c_str());
          return 1;
        }
        tc = *loaded;
      }
      if (!tc) {
        std::fprintf(stderr, "dedupe_eval: no truecase model built in: give --truecase MODEL\n");
        return 1;
      }
      // As clean::Cleaner does with CleanOptions::restore_case.
      size_t restored = 0;
      for (Item& it : items) {
        const LetterCase lc = text::DetectLetterCase(it.article.Text());
        if (lc == LetterCase::kMixed) continue;
        ++restored;
        for (std::string& p : it.article.paragraphs) tc->Restore(&p, lc);
        if (text::DetectLetterCase(it.article.title, 1) == lc) tc->Restore(&it.article.title, lc);
      }
      std::printf("Case restored (--truecase %s) in %zu of %zu articles\n\n",
                  truecase_model.empty() ? "built-in model" : truecase_model.c_str(), restored, items.size());
    }
  }
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[a].order_key < items[b].order_key; });
  for (size_t k = 0; k < order.size(); ++k) items[order[k]].seq = static_cast<int64_t>(k + 1);

  // Run both stages as the pipeline would.
  DuplicateDetector detector;
  SeriesDetector series_detector;
  StoryClusterer text_only(story_options), hinted(story_options);
  std::vector<int64_t> copy_original(items.size());
  std::unordered_map<int64_t, size_t> item_of_seq;
  std::vector<int64_t> story_text(items.size()), story_hinted(items.size());
  std::vector<double> story_score(items.size());
  std::vector<std::optional<int64_t>> series_of(items.size());
  size_t paragraph_reports = 0;
  for (size_t k : order) {
    Item& it = items[k];
    item_of_seq[it.seq] = k;
    int64_t founder = 0;
    series_of[k] = PredictedSeries(series_detector, it.seq, it.article, &founder);
    if (founder) {
      hinted.NoteSeries(founder, *series_of[k]);
      series_of[item_of_seq.at(founder)] = series_of[k];
    }
    MatchResult m = detector.AddAndMatch(it.seq, detector.Sign(it.article), it.article.published);
    paragraph_reports += m.paragraphs.size();
    // Two items of one series are never copies (pipeline/relations.cc).
    if (m.copy && series_of[k] &&
        (series_detector.SeriesOf(m.copy->nearest_seq) == series_of[k] ||
         series_detector.SeriesOf(m.copy->original_seq) == series_of[k]))
      m.copy.reset();
    std::optional<int64_t> copy_of;
    if (m.copy) copy_of = m.copy->original_seq == it.seq ? m.copy->nearest_seq : m.copy->original_seq;
    copy_original[k] = copy_of ? *copy_of : it.seq;
    StoryAssignment sa = text_only.Add(it.seq, it.article);
    story_text[k] = sa.story_id;
    story_score[k] = sa.similarity;
    StoryInput input;
    input.copy_of = copy_of;
    input.series = series_of[k];
    story_hinted[k] = hinted.Add(it.seq, it.article, input).story_id;
  }

  // The issue-15 predictions: the pipeline's view (copy hint on).
  std::vector<DedupePrediction> predictions(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    int64_t key = PublicationKey(items[i].article.published);
    predictions[i] = {story_hinted[i], copy_original[i], series_of[i],
                      key == INT64_MAX ? std::nullopt : std::optional<int64_t>(key)};
  }

  if (with_indosum) {
  std::vector<int64_t> pred_dup(indosum_part), gold_dup(indosum_part), gold_dup70(indosum_part),
      gold_story(indosum_part), gold_story_orig(indosum_part);
  for (size_t i = 0; i < indosum_part; ++i) {
    pred_dup[i] = detector.OriginalOf(items[i].seq);
    gold_dup[i] = items[i].gold_dup;
    gold_dup70[i] = items[i].is_copy && items[i].shared < 0.7 ? -1 : items[i].gold_dup;
    gold_story[i] = items[i].gold_story;
    gold_story_orig[i] = items[i].is_copy ? -1 : items[i].gold_story;
  }

  size_t copies = indosum_part - originals;
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
    for (size_t i = originals; i < indosum_part; ++i) {
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
  std::vector<int64_t> text_part(story_text.begin(), story_text.begin() + static_cast<std::ptrdiff_t>(indosum_part)),
      hinted_part(story_hinted.begin(), story_hinted.begin() + static_cast<std::ptrdiff_t>(indosum_part));
  PrintScores("text only, all", Count(gold_story), ScoreClustering(gold_story, text_part));
  PrintScores("with copy hint, all", Count(gold_story), ScoreClustering(gold_story, hinted_part));
  PrintScores("text only, originals", Count(gold_story_orig), ScoreClustering(gold_story_orig, text_part));
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
  std::printf("\n");
  }  // with_indosum

  if (with_stream) {
    size_t gold_copies = 0, gold_series = 0, undated = 0;
    std::unordered_set<std::string> stories, series;
    for (size_t i = indosum_part; i < items.size(); ++i) {
      gold_copies += !gold_rows[i].copy_of.empty();
      if (!gold_rows[i].series.empty()) {
        ++gold_series;
        series.insert(gold_rows[i].series);
      }
      stories.insert(gold_rows[i].story);
      undated += !items[i].article.published;
    }
    std::printf("Stream set: %zu fixtures (%s) + %zu IndoSum batch articles, labels in %s; %zu gold stories, %zu copies, "
                "%zu series items in %zu series, %zu undated; %d labels or articles skipped (see stderr)\n\n",
                stream_fixtures_end - indosum_part, fixtures.c_str(), items.size() - stream_fixtures_end,
                stream_labels.c_str(), stories.size(), gold_copies, gold_series, series.size(), undated, stream.skipped);
  }
  std::printf("### Copies, series and stories (issue 15; copy hint on, as the pipeline runs)\n\n");
  PrintIssue15Header();
  std::vector<size_t> all_rows(items.size()), indosum_rows, fixture_rows, batch_rows, stream_rows;
  std::iota(all_rows.begin(), all_rows.end(), 0);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i < indosum_part) {
      indosum_rows.push_back(i);
    } else {
      (i < stream_fixtures_end ? fixture_rows : batch_rows).push_back(i);
      stream_rows.push_back(i);
    }
  }
  if (with_indosum && with_stream) PrintIssue15Row("all", gold_rows, predictions, all_rows);
  if (with_indosum) PrintIssue15Row("IndoSum set", gold_rows, predictions, indosum_rows);
  if (with_stream) {
    PrintIssue15Row("stream", gold_rows, predictions, stream_rows);
    PrintIssue15Row("stream: fixtures", gold_rows, predictions, fixture_rows);
    PrintIssue15Row("stream: IndoSum batch", gold_rows, predictions, batch_rows);
  }
  if (with_stream && !stream_rows.empty()) {
    // The stories' own dates (inferred for undated articles): a story dated
    // after every article is a wrong date.
    int64_t latest_article = INT64_MIN, latest_story = INT64_MIN;
    std::string latest_story_iso = "none";
    for (size_t i : stream_rows) {
      if (items[i].article.published)
        latest_article = std::max(latest_article, PublicationKey(items[i].article.published));
      const Story* st = hinted.story(story_hinted[i]);
      if (st != nullptr && st->last_published && PublicationKey(st->last_published) > latest_story) {
        latest_story = PublicationKey(st->last_published);
        latest_story_iso = st->last_published->ToIso();
      }
    }
    std::printf("\nStream stories' own latest date: %s (%s the latest article's)\n", latest_story_iso.c_str(),
                latest_story > latest_article ? "AFTER" : "not after");
  }
  if (dump && with_stream) {
    // Every stream pair the run got wrong, for reading (not for tuning to).
    for (size_t a = 0; a < stream_rows.size(); ++a)
      for (size_t b = a + 1; b < stream_rows.size(); ++b) {
        size_t i = stream_rows[a], j = stream_rows[b];
        const DedupeLabel &gi = gold_rows[i], &gj = gold_rows[j];
        bool same_story = gi.story == gj.story, pred_story = predictions[i].story == predictions[j].story;
        if (pred_story != same_story)
          std::printf("  story-%s %s | %s\n", pred_story ? "merge" : "miss", gi.item.c_str(), gj.item.c_str());
        if (predictions[i].copy_group == predictions[j].copy_group)
          std::printf("  copy-pair %s | %s\n", gi.item.c_str(), gj.item.c_str());
      }
  }
  return 0;
}
