// Reads the real IndoSum dev folds from ../shared (skips visibly without it).

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/reader.h"
#include "test_support.h"

namespace warta::ingest {
namespace {

namespace fs = std::filesystem;

// " ." that is a sentence period pushed off its word; " .JPG" (a file
// extension the article mentions) is a real token and allowed.
bool DetachedPeriod(std::string_view p) {
  for (size_t i = p.find(" ."); i != std::string_view::npos; i = p.find(" .", i + 1)) {
    if (i + 2 == p.size() || !std::isalnum(static_cast<unsigned char>(p[i + 2]))) return true;
  }
  return false;
}

// Two folds (1,499 articles) in the test run, where the sanitizers make
// reading all five take half a minute; WARTA_INDOSUM_ALL_FOLDS=1 reads all
// five (3,743).
TEST(IndoSumSharedTest, AllDevFoldsReadCleanly) {
  WARTA_REQUIRE_SHARED();
  const fs::path dir = warta::testing::SharedDir() / "data" / "corpus" / "indosum-dev";
  const char* all_folds = std::getenv("WARTA_INDOSUM_ALL_FOLDS");
  const int folds = all_folds != nullptr && std::string_view(all_folds) == "1" ? 5 : 2;
  std::vector<std::string> paths;
  for (int fold = 1; fold <= folds; ++fold) {
    fs::path p = dir / ("dev.0" + std::to_string(fold) + ".jsonl");
    ASSERT_TRUE(fs::exists(p)) << p;
    paths.push_back(p.string());
  }
  std::vector<Diagnostic> diags;
  DocumentReader reader(paths, {}, [&diags](const Diagnostic& d) { diags.push_back(d); });

  RawDocument doc;
  uint64_t n = 0, sampled = 0;
  std::set<std::string> outlets;
  while (reader.Next(&doc)) {
    ++n;
    ASSERT_TRUE(doc.text.empty());
    ASSERT_FALSE(doc.paragraphs.empty()) << doc.Locator();
    ASSERT_GT(doc.line, 0);
    ASSERT_FALSE(doc.outlet.empty()) << doc.Locator();
    ASSERT_EQ(doc.url.rfind("http", 0), 0u) << doc.Locator();
    outlets.insert(doc.outlet);
    if (n % 10 != 1) continue;  // a sample of every tenth article
    ++sampled;
    for (const std::string& p : doc.paragraphs) {
      ASSERT_EQ(Utf8Validate(p), std::string_view::npos) << doc.Locator();
      EXPECT_EQ(p.find(" ,"), std::string::npos) << doc.Locator() << ": " << p;
      EXPECT_FALSE(DetachedPeriod(p)) << doc.Locator() << ": " << p;
      EXPECT_EQ(p.find("( "), std::string::npos) << doc.Locator() << ": " << p;
      EXPECT_EQ(p.find('\n'), std::string::npos) << doc.Locator() << ": " << p;
    }
  }
  for (const auto& d : diags) ADD_FAILURE() << d.ToString();
  const uint64_t articles = folds == 5 ? 3743u : 1499u;  // the folds' lines
  EXPECT_EQ(n, articles);
  EXPECT_EQ(reader.stats().documents, articles);
  EXPECT_EQ(reader.stats().rejected, 0u);
  EXPECT_EQ(reader.stats().files, static_cast<uint64_t>(folds));
  EXPECT_GT(sampled, articles / 10 - 10);
  EXPECT_TRUE(outlets.count("kumparan"));
  EXPECT_EQ(reader.bytes_done(), reader.total_bytes());
}

TEST(IndoSumSharedTest, FirstArticleDetokenisedAsExpected) {
  WARTA_REQUIRE_SHARED();
  const fs::path p =
      warta::testing::SharedDir() / "data" / "corpus" / "indosum-dev" / "dev.01.jsonl";
  DocumentReader reader({p.string()}, {}, nullptr);
  RawDocument doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.outlet, "kumparan");
  ASSERT_GE(doc.paragraphs.size(), 4u);
  EXPECT_EQ(doc.paragraphs[0],
            "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi antara pelaku sarana "
            "transportasi online dan tradisional. Zulkifli menyarankan adanya pertemuan bersama "
            "antara pemerintah, pelaku transportasi online dan transportasi tradisional demi "
            "meredam kisruh yang masih belum terselesaikan.");
  EXPECT_EQ(doc.paragraphs[2].rfind("\"Tidak hanya tarif tapi apa saja harus diatur. ", 0), 0u)
      << doc.paragraphs[2];
  EXPECT_NE(doc.paragraphs[2].find("enggak bisa,\" ucap Zulkifli di Gedung DPR, Senayan, "
                                   "Jakarta Pusat, Senin (27/3)."),
            std::string::npos)
      << doc.paragraphs[2];
  EXPECT_EQ(doc.paragraphs[3], "Baca juga: Setya Novanto: Jangan Sampai Kisruh Taksi dan Ojek "
                               "Online Jadi Besar");
}

}  // namespace
}  // namespace warta::ingest
