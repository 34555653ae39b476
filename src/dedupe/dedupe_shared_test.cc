// The seed articles (../shared/seeds): 000 and 002 report one event, 001, 003
// and 004 each another. Here with no analysers, so title, text and date
// signals alone decide, and they keep the separate events apart. Whether 002
// (undated, its headline lost) joins 000 depends on the entities it shares
// with it (Kozlov): tests/e2e_shared_test.cc checks that through `warta
// ingest`, where the analysers run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "clean/cleaner.h"
#include "dedupe/duplicates.h"
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

}  // namespace
}  // namespace warta::dedupe
