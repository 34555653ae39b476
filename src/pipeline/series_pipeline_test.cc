// Series through the whole pipeline: found at ingest from the fixtures of
// src/dedupe/testdata/series.jsonl, stored, carried by every article
// record, never copies of one another, and the same after a reopen.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pipeline/knowledge_base.h"
#include "query/export.h"
#include "query/series_views.h"
#include "test_support.h"

namespace warta::pipeline {
namespace {

using nlohmann::json;
using warta::testing::SourceDir;
using warta::testing::TempDir;
using warta::testing::WriteFile;

std::vector<std::string> SeriesFixtureLines() {
  std::istringstream in(testing::ReadFile(SourceDir() / "src/dedupe/testdata/series.jsonl"));
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  return lines;
}

// title -> the record `warta export` writes.
std::map<std::string, json> ExportedByTitle(store::ArticleStore& store) {
  std::ostringstream out;
  auto n = query::ExportJsonl(store, out);
  EXPECT_TRUE(n.ok());
  std::map<std::string, json> by_title;
  std::istringstream in(out.str());
  for (std::string l; std::getline(in, l);) {
    json j = json::parse(l);
    by_title[j["title"].get<std::string>()] = j;
  }
  return by_title;
}

TEST(SeriesPipelineTest, EveryRecordCarriesItsSeriesAndNoItemCopiesAnother) {
  TempDir tmp;
  const auto lines = SeriesFixtureLines();
  std::string feed;
  for (const auto& l : lines) feed += l + "\n";
  WriteFile(tmp / "feed.jsonl", feed);
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string(), .shards = 1});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  auto s = (*kb)->Ingest({(tmp / "feed.jsonl").string()}, {.threads = 1}, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->stored, lines.size());
  EXPECT_EQ(s->series_items, 24u);

  auto exported = ExportedByTitle((*kb)->store());
  std::map<std::string, std::set<int64_t>> series_of_label;
  for (const auto& l : lines) {
    json fixture = json::parse(l);
    const json& record = exported.at(fixture["title"].get<std::string>());
    ASSERT_TRUE(record.contains("series"));
    if (fixture["series"].is_null()) {
      EXPECT_TRUE(record["series"].is_null()) << record["title"] << " in " << record["series"];
      continue;
    }
    ASSERT_TRUE(record["series"].is_object()) << record["title"];
    series_of_label[fixture["series"].get<std::string>()].insert(record["series"]["id"].get<int64_t>());
    EXPECT_FALSE(record["series"]["name"].get<std::string>().empty());
    // Never a copy of another item of its series.
    if (!record["copy_of"].is_null()) {
      const json& original = exported.at(record["copy_of"]["title"].get<std::string>());
      EXPECT_NE(original["series"], record["series"]) << record["title"] << " copies " << original["title"];
    }
  }
  ASSERT_EQ(series_of_label.size(), 3u);
  for (const auto& [label, ids] : series_of_label) EXPECT_EQ(ids.size(), 1u) << label;
  // The gold report syndicated to another network copies that day's item,
  // not the series' first one, and search collapses it with that item only.
  const json& syndicated = exported.at("Harga Emas Antam Naik Rp 5.000 Hari Ini");
  ASSERT_TRUE(syndicated["copy_of"].is_object()) << syndicated.dump();
  EXPECT_EQ(syndicated["copy_of"]["published"].get<std::string>().substr(0, 10), "2025-01-13");
  EXPECT_TRUE(syndicated["series"].is_null());

  // show --json and /api/articles give the same record.
  auto one = (*kb)->store().Get(exported.begin()->second["id"].get<std::string>());
  ASSERT_TRUE(one.ok());
  auto full = query::FullArticleJson((*kb)->store(), *one);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ((*full)["series"], exported.begin()->second["series"]);

  auto listing = query::SeriesListJson((*kb)->store(), {});
  ASSERT_TRUE(listing.ok()) << listing.status().ToString();
  EXPECT_EQ((*listing)["total"], 3);
  const int64_t gold = *series_of_label["gold"].begin();
  auto view = query::SeriesJson((*kb)->store(), gold);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ((*view)["name"], "Harga Emas Antam Hari Ini");
  EXPECT_EQ((*view)["network"], "detik.com");
  EXPECT_EQ((*view)["article_count"], 10);
  ASSERT_EQ((*view)["articles"].size(), 10u);
  std::string previous;
  for (const auto& a : (*view)["articles"]) {
    EXPECT_GT(a["published"].get<std::string>(), previous);  // by date
    previous = a["published"].get<std::string>();
  }
  // Its figures over time: the claims of its items, by date.
  previous.clear();
  for (const auto& f : (*view)["figures"]) {
    EXPECT_GE(f["date"].get<std::string>(), previous);
    previous = f["date"].get<std::string>();
  }
  EXPECT_EQ(query::SeriesJson((*kb)->store(), 999999).status().code(), StatusCode::kNotFound);
}

TEST(SeriesPipelineTest, IngestingInTwoRunsGivesTheSeriesOfOneRun) {
  TempDir tmp;
  const auto lines = SeriesFixtureLines();
  std::string first, second, all;
  for (size_t i = 0; i < lines.size(); ++i) {
    (i < lines.size() / 2 ? first : second) += lines[i] + "\n";
    all += lines[i] + "\n";
  }
  WriteFile(tmp / "first.jsonl", first);
  WriteFile(tmp / "second.jsonl", second);
  WriteFile(tmp / "all.jsonl", all);
  auto series_by_title = [](store::ArticleStore& store) {
    std::map<std::string, std::string> out;
    for (const auto& [title, record] : ExportedByTitle(store)) out[title] = record["series"].dump();
    return out;
  };
  std::map<std::string, std::string> one_run;
  {
    auto kb = KnowledgeBase::Open({.dir = (tmp / "one").string(), .shards = 1});
    ASSERT_TRUE((*kb)->Ingest({(tmp / "all.jsonl").string()}, {.threads = 1}, {}).ok());
    one_run = series_by_title((*kb)->store());
  }
  const std::string dir = (tmp / "two").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir, .shards = 1});
    ASSERT_TRUE((*kb)->Ingest({(tmp / "first.jsonl").string()}, {.threads = 1}, {}).ok());
  }
  auto kb = KnowledgeBase::Open({.dir = dir, .shards = 1});
  ASSERT_TRUE((*kb)->Ingest({(tmp / "second.jsonl").string()}, {.threads = 1}, {}).ok());
  EXPECT_EQ(series_by_title((*kb)->store()), one_run);
}

}  // namespace
}  // namespace warta::pipeline
