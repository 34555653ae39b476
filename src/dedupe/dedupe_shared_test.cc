// The seed articles (../shared/seeds): 000 and 002 report one event, 001, 003
// and 004 each another. Here with no analysers, so title, text and date
// signals alone decide, and they keep the separate events apart. Whether 002
// (undated, its headline lost) joins 000 depends on the entities it shares
// with it (Kozlov): tests/e2e_shared_test.cc checks that through `warta
// ingest`, where the analysers run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "clean/cleaner.h"
#include "dedupe/duplicates.h"
#include "dedupe/series.h"
#include "dedupe/stories.h"
#include "ingest/reader.h"
#include "test_support.h"

namespace warta::dedupe {
namespace {

TEST(DedupeSharedTest, SeedsAreNotCopiesAndSeparateEventsStaySeparate) {
  WARTA_REQUIRE_SHARED();
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(::warta::testing::SharedDir() / "seeds"))
    files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);
  auto cleaner = clean::Cleaner::Create({});
  ASSERT_TRUE(cleaner.ok());
  ingest::DocumentReader reader(files, {}, {});
  RawDocument doc;
  DuplicateDetector detector;
  StoryClusterer stories;
  std::vector<int64_t> story_of;
  int64_t seq = 0;
  while (reader.Next(&doc)) {
    auto article = (*cleaner)->Clean(doc);
    ASSERT_TRUE(article.ok()) << article.status().ToString();
    ++seq;
    auto m = detector.AddAndMatch(seq, detector.Sign(*article), article->published);
    EXPECT_FALSE(m.copy) << doc.source;
    story_of.push_back(stories.Add(seq, *article).story_id);
  }
  ASSERT_EQ(story_of.size(), 5u);
  for (size_t i : {1, 3, 4}) {
    for (size_t j = 0; j < 5; ++j) {
      if (j != i) {
        EXPECT_NE(story_of[i], story_of[j]) << i << " vs " << j;
      }
    }
  }
}

// Real news from many outlets (IndoSum dev, 2016-2018): the series found
// are printed with their items' titles, to be read. The test run reads
// fold 1 (all five took 53 s of its time under the sanitizers, two 41 s);
// WARTA_SERIES_ALL_FOLDS=1 reads all five (3,463), as measured
// on 2026-12-07: see docs/quality/dedupe.md, "Series".
TEST(DedupeSharedTest, SeriesAmongIndoSumArticles) {
  WARTA_REQUIRE_SHARED();
  const auto dir = ::warta::testing::SharedDir() / "data" / "corpus" / "indosum-dev";
  const char* all_folds = std::getenv("WARTA_SERIES_ALL_FOLDS");
  const int folds = all_folds && std::string(all_folds) == "1" ? 5 : 1;
  const size_t expected_articles = folds == 5 ? 3000 : 700;
  std::vector<std::string> paths;
  for (int fold = 1; fold <= folds; ++fold) paths.push_back((dir / ("dev.0" + std::to_string(fold) + ".jsonl")).string());
  auto cleaner = clean::Cleaner::Create({});
  ASSERT_TRUE(cleaner.ok());
  // Dated by the Unix time each id starts with, as bench/dedupe/dedupe_eval does.
  std::map<std::pair<std::string, int64_t>, std::string> ids;
  for (const auto& path : paths) {
    std::ifstream in(path);
    int64_t line = 0;
    for (std::string l; std::getline(in, l);) {
      ++line;
      auto j = nlohmann::json::parse(l, nullptr, false);
      if (j.is_object() && j.contains("id") && j["id"].is_string()) ids[{path, line}] = j["id"].get<std::string>();
    }
  }
  ingest::DocumentReader reader(paths, {}, {});
  RawDocument doc;
  SeriesDetector series;
  std::set<std::string> seen;
  std::vector<Article> articles;
  while (reader.Next(&doc)) {
    auto article = (*cleaner)->Clean(doc);
    const std::string id = ids[{doc.source, doc.line}];
    if (!article.ok() || id.empty() || !seen.insert(id).second) continue;
    if (long long t = std::atoll(id.c_str()); t > 0) article->published = DateTime::FromUnixSeconds(t);
    articles.push_back(std::move(*article));
  }
  // Store order is arrival order: by publication date.
  std::stable_sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
    return PublicationKey(a.published) < PublicationKey(b.published);
  });
  std::map<int64_t, std::vector<const Article*>> members;
  // Looser thresholds, to show what the defaults keep apart.
  SeriesOptions loose_options;
  loose_options.min_shared = 2;
  loose_options.min_dice = 0.25;
  loose_options.min_varying = 1;
  SeriesDetector loose(loose_options);
  size_t dated = 0, signed_lines = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    SeriesSignature sig = series.Sign(articles[i]);
    dated += sig.dated && !sig.network.empty();
    signed_lines += sig.lines.size();
    series.Add(static_cast<int64_t>(i + 1), sig);
    loose.Add(static_cast<int64_t>(i + 1), sig);
  }
  // Dated, with an outlet, and with skeletons: else nothing could be found.
  EXPECT_GT(dated, expected_articles);
  EXPECT_GT(signed_lines, 10 * articles.size());
  std::map<int64_t, std::vector<const Article*>> loose_members;
  for (size_t i = 0; i < articles.size(); ++i)
    if (auto id = loose.SeriesOf(static_cast<int64_t>(i + 1))) loose_members[*id].push_back(&articles[i]);
  for (const auto& [id, list] : loose_members) {
    std::cout << "loose series " << id << " \"" << loose.series(id)->name << "\" " << loose.series(id)->network << "\n";
    for (const Article* a : list)
      std::cout << "    " << (a->published ? a->published->ToIso().substr(0, 10) : "undated") << " " << a->title << "\n";
  }
  std::cout << "looser thresholds (2 shared, Dice 0.25, 1 varying): " << loose_members.size() << " series\n";
  std::cout << dated << " dated with an outlet, " << signed_lines << " skeletons\n";
  for (size_t i = 0; i < articles.size(); ++i)
    if (auto id = series.SeriesOf(static_cast<int64_t>(i + 1))) members[*id].push_back(&articles[i]);
  size_t items = 0;
  for (const auto& [id, list] : members) {
    const Series* s = series.series(id);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(static_cast<size_t>(s->article_count), list.size());
    items += list.size();
    std::cout << "series " << id << " \"" << s->name << "\" " << s->network << ", " << list.size() << " items\n";
    for (const Article* a : list)
      std::cout << "    " << (a->published ? a->published->ToIso().substr(0, 10) : "undated") << " " << a->title << "\n";
  }
  std::cout << articles.size() << " articles, " << members.size() << " series, " << items << " items\n";
  EXPECT_GT(articles.size(), expected_articles);
}

}  // namespace
}  // namespace warta::dedupe
