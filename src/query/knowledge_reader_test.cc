// The read side over a directory the write side filled.
#include "query/knowledge_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/knowledge_base.h"
#include "test_support.h"

namespace warta::query {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;

// Two outlets' reports of two parks.
std::string Ingest(const std::filesystem::path& tmp, int shards) {
  WriteFile(tmp / "in" / "feed.jsonl",
            "{\"title\":\"Taman kota dibuka\",\"date\":\"2024-03-15\",\"outlet\":\"detikNews\","
            "\"text\":\"Wali kota meresmikan taman baru di pusat kota pada pagi hari.\\n"
            "Warga menyambut taman itu dengan gembira dan memenuhi jalan setapaknya.\"}\n"
            "{\"title\":\"Taman hutan kota ditutup\",\"date\":\"2024-03-16\",\"outlet\":\"KOMPAS.com\","
            "\"text\":\"Dinas lingkungan menutup taman hutan kota selama dua pekan untuk perbaikan.\\n"
            "Pengunjung diminta datang ke taman lain di selatan kota.\"}\n");
  std::string dir = (tmp / "db").string();
  auto kb = pipeline::KnowledgeBase::Open({.dir = dir, .shards = shards});
  EXPECT_TRUE(kb.ok()) << kb.status().ToString();
  auto s = (*kb)->Ingest({(tmp / "in").string()}, {}, {});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return dir;
}

TEST(KnowledgeReaderTest, SearchesWhatTheWriterStored) {
  TempDir tmp;
  std::string dir = Ingest(tmp.path(), 3);
  auto kb = KnowledgeReader::Open(dir);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ((*kb)->shards(), 3);  // read from the store, not guessed
  EXPECT_EQ(*(*kb)->IndexLag(), 0);
  auto page = (*kb)->Search({.query = "taman"});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->hits.size(), 2u);
  for (const SearchHitView& hit : page->hits) {
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.snippet;
  }
  auto one = (*kb)->Search({.query = "hutan"});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->hits.size(), 1u);
  EXPECT_EQ(one->hits[0].article.article.title, "Taman hutan kota ditutup");
}

TEST(KnowledgeReaderTest, AMissingDirectoryIsNotFoundAndNotCreated) {
  TempDir tmp;
  auto kb = KnowledgeReader::Open((tmp / "nothing").string());
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().code(), StatusCode::kNotFound);
  EXPECT_NE(kb.status().message().find("nothing"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(tmp / "nothing"));
}

TEST(KnowledgeReaderTest, WithoutAnIndexSearchFailsAndEveryArticleLags) {
  TempDir tmp;
  std::string dir = Ingest(tmp.path(), 2);
  std::filesystem::remove_all(std::filesystem::path(dir) / "index");
  auto kb = KnowledgeReader::Open(dir);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(*(*kb)->IndexLag(), 2);
  EXPECT_FALSE((*kb)->Search({.query = "taman"}).ok());
}

}  // namespace
}  // namespace warta::query
