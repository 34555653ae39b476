#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/knowledge_base.h"
#include "query/export.h"
#include "test_support.h"

namespace warta::pipeline {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;

// Enough articles for several batches on each thread; more only slows the
// sanitizer passes of the test run.
constexpr int kCorpusArticles = 320;

void WriteCorpus(const std::filesystem::path& dir, int n) {
  std::string feed;
  for (int i = 0; i < n; ++i) {
    feed += "{\"title\":\"Berita kota " + std::to_string(i) + "\",\"date\":\"2024-0" + std::to_string(1 + i % 9) +
            "-15\",\"outlet\":\"" + (i % 2 ? "KOMPAS.com" : "detikNews") +
            "\",\"text\":\"Wali kota meresmikan taman nomor " + std::to_string(i) +
            " pada pagi hari.\\nWarga menyambut taman itu dengan gembira.\"}\n";
  }
  WriteFile(dir / "feed.jsonl", feed);
}

std::string Dump(KnowledgeBase& kb) {
  std::ostringstream out;
  EXPECT_TRUE(query::ExportJsonl(kb.store(), out).ok());
  return out.str();
}

TEST(KnowledgeBaseTest, OneThreadAndManyThreadsStoreTheSameThing) {
  TempDir tmp;
  WriteCorpus(tmp / "in", kCorpusArticles);
  std::string dumps[2];
  for (int threads : {1, 2}) {
    auto kb = KnowledgeBase::Open({.dir = (tmp / ("db" + std::to_string(threads))).string(), .shards = 2});
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    IngestOptions opt;
    opt.threads = threads;
    opt.batch_size = 64;
    auto s = (*kb)->Ingest({(tmp / "in").string()}, opt, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->stored, size_t{kCorpusArticles});
    EXPECT_EQ(s->rejected, 0u);
    dumps[threads - 1] = Dump(**kb);
    // These short notices differ in a number only (the park they open): each
    // is its own report, not a copy of the others, so a search collapsing
    // copies still lists every one.
    EXPECT_EQ(s->near_copies, 0u);
    auto page = (*kb)->Search({.query = "taman", .outlet = "kompas.com", .limit = 1000});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->hits.size(), size_t{kCorpusArticles / 2});
    EXPECT_EQ(*(*kb)->IndexLag(), 0);
  }
  // Ingest time stamps differ; everything exported must not.
  EXPECT_EQ(dumps[0], dumps[1]);
}

// Progress comes from the reading thread while the store filter stores on
// another: its counts must still only grow, and never show more stored than
// read. (The ThreadSanitizer pass of scripts/test runs this with two threads.)
TEST(KnowledgeBaseTest, ProgressFromManyThreadsOnlyGrowsAndEndsWithTheSummary) {
  TempDir tmp;
  WriteCorpus(tmp / "in", kCorpusArticles);
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string(), .shards = 2});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  IngestOptions opt;
  opt.threads = 2;
  opt.batch_size = 32;
  opt.progress_every = 8;
  std::vector<IngestProgress> seen;
  opt.on_progress = [&](const IngestProgress& p) { seen.push_back(p); };
  auto s = (*kb)->Ingest({(tmp / "in").string()}, opt, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_GE(seen.size(), size_t{kCorpusArticles / 8});
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_LE(seen[i].stored + seen[i].duplicates, seen[i].documents) << "report " << i;
    if (i == 0) continue;
    EXPECT_GE(seen[i].documents, seen[i - 1].documents) << "report " << i;
    EXPECT_GE(seen[i].stored, seen[i - 1].stored) << "report " << i;
    EXPECT_GE(seen[i].bytes_done, seen[i - 1].bytes_done) << "report " << i;
  }
  EXPECT_EQ(seen.back().documents, size_t{kCorpusArticles});
  EXPECT_EQ(seen.back().stored, s->stored);
  EXPECT_EQ(seen.back().duplicates, s->duplicates);
  EXPECT_EQ(seen.back().bytes_done, seen.back().bytes_total);
}

TEST(KnowledgeBaseTest, AWritableOpenIndexesWhatTheIndexLacks) {
  TempDir tmp;
  WriteCorpus(tmp / "in", 50);
  std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir, .shards = 3});
    ASSERT_TRUE(kb.ok());
    ASSERT_TRUE((*kb)->Ingest({(tmp / "in").string()}, {}, {}).ok());
  }
  std::filesystem::remove_all(std::filesystem::path(dir) / "index" / "shard-1");
  {
    auto ro = KnowledgeBase::Open({.dir = dir, .read_only = true});
    ASSERT_TRUE(ro.ok());
    EXPECT_EQ((*ro)->shards(), 3);  // the store remembers its shard count
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(*(*kb)->IndexLag(), 0);
  auto page = (*kb)->Search({.query = "taman", .collapse_copies = false, .limit = 100});
  EXPECT_EQ(page->hits.size(), 50u);
}

TEST(KnowledgeBaseTest, ReadOnlyOpenOfAMissingDirectoryIsNotFound) {
  TempDir tmp;
  auto kb = KnowledgeBase::Open({.dir = (tmp / "nothing").string(), .read_only = true});
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(tmp / "nothing"));
}

TEST(KnowledgeBaseTest, ReportsRejectsThroughTheSinkAndKeepsGoing) {
  TempDir tmp;
  WriteCorpus(tmp / "in", 5);
  WriteFile(tmp / "in" / "bad.jsonl", "{\"text\": 5}\nnot json\n{\"text\": \"Baca juga: Berita lain tentang banjir di Jakarta\"}\n");
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string()});
  ASSERT_TRUE(kb.ok());
  std::vector<std::string> seen;
  auto s = (*kb)->Ingest({(tmp / "in").string()}, {}, [&](const Diagnostic& d) { seen.push_back(d.ToString()); });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->stored, 5u);
  EXPECT_EQ(s->rejected, 3u);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_NE(seen[0].find("bad.jsonl:1"), std::string::npos) << seen[0];
  EXPECT_NE(seen[1].find("bad.jsonl:2"), std::string::npos) << seen[1];
  // A line that is nothing but debris: named once, with the cleaner's reason.
  EXPECT_EQ(seen[2], "" + (tmp / "in" / "bad.jsonl").string() + ":3: rejected: no article text after cleaning (1 lines removed)");
}

// A name seen cased anywhere is a name everywhere: a case-less article
// names a person the truecaser's corpora never saw; the store's cased
// articles wrote the name, so the case-less one gets it back (issue 16).
// Learned at open from the stored mentions, and by the store filter as
// articles are stored (the second ingest on the same object reads that).
TEST(KnowledgeBaseTest, CaseLessArticlesTakeTheCaseOfNamesStoredCased) {
  TempDir tmp;
  WriteFile(tmp / "cased" / "a.jsonl",
            "{\"title\":\"Rusia menolak usul\",\"outlet\":\"KOMPAS.com\",\"text\":\"Menteri Luar Negeri Rusia Sergei "
            "Kuzhugetovich menolak usul itu di Moskwa pada Senin. Kuzhugetovich mengatakan Rusia akan menjawab "
            "pekan depan.\"}\n");
  WriteFile(tmp / "lower" / "b.jsonl",
            "{\"title\":\"rusia menjawab usul\",\"outlet\":\"lowerpost\",\"text\":\"menteri luar negeri rusia "
            "sergei kuzhugetovich menjawab usul itu di moskwa pada selasa. kata kuzhugetovich, rusia siap "
            "berunding.\\npara diplomat menyambut jawaban itu. mereka berharap perundingan dimulai bulan depan "
            "setelah pertemuan para pejabat di jenewa, dan semua pihak menahan diri sampai saat itu.\"}\n");
  const auto lower_text_of = [&](KnowledgeBase& kb) {
    std::string dump = Dump(kb);
    size_t at = dump.find("menjawab usul itu");
    EXPECT_NE(at, std::string::npos);
    return dump.substr(at > 40 ? at - 40 : 0, 40);
  };
  for (int run = 0; run < 3; ++run) {
    // 0: the model alone; 1: names learned at open; 2: learned while storing.
    const std::string db = (tmp / ("db" + std::to_string(run))).string();
    {
      auto kb = KnowledgeBase::Open({.dir = db});
      ASSERT_TRUE(kb.ok()) << kb.status().ToString();
      ASSERT_TRUE((*kb)->Ingest({(tmp / "cased").string()}, {}, {}).ok());
      if (run == 2) {
        IngestOptions opt;
        ASSERT_TRUE((*kb)->Ingest({(tmp / "lower").string()}, opt, {}).ok());
        EXPECT_NE(lower_text_of(**kb).find("Sergei Kuzhugetovich"), std::string::npos) << lower_text_of(**kb);
        continue;
      }
    }
    auto kb = KnowledgeBase::Open({.dir = db});
    ASSERT_TRUE(kb.ok());
    IngestOptions opt;
    opt.learn_case = run == 1;
    auto s = (*kb)->Ingest({(tmp / "lower").string()}, opt, {});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->lower_case_by_outlet["lowerpost"], 1u);
    const std::string text = lower_text_of(**kb);
    // The model alone does not restore the whole name (its spelling rule
    // may guess a rare surname, not every word of it); the stored names do.
    if (run == 0) {
      EXPECT_EQ(text.find("Sergei Kuzhugetovich"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find("Sergei Kuzhugetovich"), std::string::npos) << text;
    }
  }
}

}  // namespace
}  // namespace warta::pipeline

namespace warta::pipeline {
namespace {

// Issue 14, finding 4: a run stuck on one huge document lost its whole
// uncommitted batch. Over the per-document budget, the document is rejected
// with its name and the reason, and every other document of its batch is
// stored.
TEST(KnowledgeBaseTest, ABudgetRejectedDocumentKeepsItsBatch) {
  TempDir tmp;
  WriteCorpus(tmp / "in", 6);
  std::string big = "{\"title\":\"Laporan panjang\",\"text\":\"";
  for (int i = 0; i < 200; ++i) big += "Warga kota " + std::to_string(i) + " menanam pohon di taman.\\n";
  big += "\"}\n";
  WriteFile(tmp / "in" / "big.jsonl", big);
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string()});
  ASSERT_TRUE(kb.ok());
  IngestOptions opt;
  opt.batch_size = 256;  // all seven documents in one batch
  opt.clean.max_text_bytes = 4000;  // the 200 lines are ~8 KB; the others under 200 bytes
  std::vector<std::string> seen;
  auto s = (*kb)->Ingest({(tmp / "in").string()}, opt, [&](const Diagnostic& d) { seen.push_back(d.ToString()); });
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->stored, 6u);
  EXPECT_EQ(s->rejected, 1u);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].rfind((tmp / "in" / "big.jsonl").string() + ":1: rejected: article text too long to analyse: ", 0),
            0u)
      << seen[0];
  EXPECT_NE(seen[0].find("(limit 4000)"), std::string::npos) << seen[0];
  EXPECT_EQ(Dump(**kb).find("Laporan panjang"), std::string::npos);
}

}  // namespace
}  // namespace warta::pipeline
