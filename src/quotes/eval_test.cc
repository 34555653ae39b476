// The quote evaluator on a gold set written in the test: matching, the
// counts behind each score, and the errors it reports for bad gold files.
#include "quotes/eval.h"

#include <gtest/gtest.h>

#include "quotes/quote_analyzer.h"
#include "test_support.h"

namespace warta::quotes {
namespace {

std::vector<std::unique_ptr<analyse::Analyzer>> QuotesOnly() {
  std::vector<std::unique_ptr<analyse::Analyzer>> out;
  out.push_back(std::make_unique<QuoteAnalyzer>());
  return out;
}

TEST(QuoteEvalTest, CountsMatchesSpeakersAndFalsePositives) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.txt",
                     "\"Kami akan membangun jalan baru di sini,\" kata Joko.\n"
                     "\n"
                     "Warga menyebut jalan itu \"jalan tikus\" sejak lama.\n"
                     "Budi mengatakan bahwa proyek itu sudah lama tertunda karena anggaran.\n");
  testing::WriteFile(dir / "quotes_gold.tsv",
                     "# comment\n"
                     "tune\ta.txt\ta\t0\tKami akan membangun … di sini\tdirect\tJoko\t-\n"
                     "heldout\tb.txt\tb\t0\t-\t-\t-\t-\n");
  testing::WriteFile(dir / "b.txt", "Tidak ada kutipan di sini.\n");
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  auto report = Evaluate(QuotesOnly(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  // The reported speech of Budi is not in the gold: a false positive.
  EXPECT_EQ(report->tune.gold, 1);
  EXPECT_EQ(report->tune.system, 2);
  EXPECT_EQ(report->tune.matched, 1);
  EXPECT_EQ(report->tune.speaker_named, 1);
  EXPECT_EQ(report->tune.speaker_correct, 1);
  EXPECT_EQ(report->tune.relay_correct, 1);
  EXPECT_DOUBLE_EQ(report->tune.P(), 0.5);
  EXPECT_DOUBLE_EQ(report->tune.R(), 1.0);
  EXPECT_EQ(report->heldout.articles, 1);
  EXPECT_EQ(report->heldout.system, 0);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_NE(report->errors[0].find("spurious"), std::string::npos);
  EXPECT_NE(FormatReport(*report).find("| tuning | 1 | 1 | 2 | 1 |"), std::string::npos) << FormatReport(*report);
}

TEST(QuoteEvalTest, BadGoldFilesAreReported) {
  testing::TempDir dir;
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  EXPECT_EQ(Evaluate(QuotesOnly(), options).status().code(), StatusCode::kNotFound);
  testing::WriteFile(dir / "quotes_gold.tsv", "tune\ta.txt\ta\t0\ttoo few\n");
  EXPECT_EQ(Evaluate(QuotesOnly(), options).status().code(), StatusCode::kCorrupt);
  testing::WriteFile(dir / "a.txt", "\"Satu dua tiga empat,\" kata Joko.\n");
  testing::WriteFile(dir / "quotes_gold.tsv", "tune\ta.txt\ta\t0\tTidak ada di teks\tdirect\tJoko\t-\n");
  auto r = Evaluate(QuotesOnly(), options);
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status().message().find("not in sentence"), std::string::npos);
}

}  // namespace
}  // namespace warta::quotes
