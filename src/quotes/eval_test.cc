// The quote evaluator on a gold set written in the test: matching, the
// counts behind each score, and the errors it reports for bad gold files.
#include "quotes/eval.h"

#include <set>

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

TEST(QuoteEvalTest, HeldOutBatchesAreItsOwnRowsAndListErrorsOnlyWhenAsked) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.txt", "\"Kami akan membangun jalan baru di sini,\" kata Joko.\n");
  testing::WriteFile(dir / "b.txt", "Budi mengatakan bahwa proyek itu sudah lama tertunda karena anggaran.\n");
  testing::WriteFile(dir / "quotes_gold.tsv",
                     "tune\ta.txt\ta\t0\tKami akan membangun\tdirect\tJoko Widodo\t-\n"
                     "heldout2\tb.txt\tb\t0\t-\t-\t-\t-\n");
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  auto report = Evaluate(QuotesOnly(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->later.size(), 1u);
  EXPECT_EQ(report->later.at(2).articles, 1);
  EXPECT_EQ(report->later.at(2).system, 1);  // Budi's reported speech, not in the gold
  EXPECT_EQ(report->tune.system, 1);
  const std::string table = FormatReport(*report);
  EXPECT_NE(table.find("| held-out 2 | 1 | 0 | 1 | 0 |"), std::string::npos) << table;
  EXPECT_NE(table.find("| all | 2 | 1 | 2 | 1 |"), std::string::npos) << table;
  // Default: the tuning part's errors only (Joko's speaker is not the full name).
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_NE(report->errors[0].find("speaker of"), std::string::npos);
  options.error_splits = {"heldout2"};
  report = Evaluate(QuotesOnly(), options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_NE(report->errors[0].find("heldout2 b.txt"), std::string::npos) << report->errors[0];
  EXPECT_NE(report->errors[0].find("spurious"), std::string::npos);
  // A third batch needs no code change: its own row, inside "all", after
  // the second; an IndoSum batch whose text is absent still gets its row.
  testing::WriteFile(dir / "c.txt", "Sari menegaskan bahwa sekolah itu akan dibuka kembali pekan depan.\n");
  testing::WriteFile(dir / "quotes_gold.tsv",
                     "heldout3\tc.txt\tc\t0\tsekolah itu akan dibuka\tindirect\tSari\t-\n"
                     "heldout2\tb.txt\tb\t0\t-\t-\t-\t-\n"
                     "heldout4\tdev.01.jsonl\t1500000001-judul\t0.0\t-\t-\t-\t-\n");
  options.error_splits = {"tune"};
  report = Evaluate(QuotesOnly(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->later.at(3).gold, 1);
  EXPECT_EQ(report->later.at(3).matched, 1);
  EXPECT_EQ(report->later.at(4).articles, 0);
  EXPECT_EQ(report->skipped_articles, 1);
  EXPECT_TRUE(report->errors.empty());
  const std::string table3 = FormatReport(*report);
  const size_t two = table3.find("| held-out 2 | 1 | 0 | 1 | 0 |");
  const size_t three = table3.find("| held-out 3 | 1 | 1 | 1 | 1 |");
  EXPECT_NE(two, std::string::npos) << table3;
  EXPECT_NE(three, std::string::npos) << table3;
  EXPECT_LT(two, three) << table3;
  EXPECT_NE(table3.find("| held-out 4 | 0 | 0 | 0 | 0 |"), std::string::npos) << table3;
  EXPECT_NE(table3.find("| all | 2 | 1 | 2 | 1 |"), std::string::npos) << table3;
  // Names that are not a batch are refused, not counted as tuning.
  for (const char* bad : {"heldout1", "heldout02", "heldout3b", "held-out3", "test"}) {
    testing::WriteFile(dir / "quotes_gold.tsv", std::string(bad) + "\tb.txt\tb\t0\t-\t-\t-\t-\n");
    auto r = Evaluate(QuotesOnly(), options);
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << bad;
    EXPECT_NE(r.status().message().find("split must be"), std::string::npos) << r.status().message();
  }
}

TEST(QuoteEvalTest, SplitBatchNumbersTheSplits) {
  EXPECT_EQ(SplitBatch("tune"), 0);
  EXPECT_EQ(SplitBatch("heldout"), 1);
  EXPECT_EQ(SplitBatch("heldout2"), 2);
  EXPECT_EQ(SplitBatch("heldout3"), 3);
  EXPECT_EQ(SplitBatch("heldout12"), 12);
  for (const char* bad : {"", "tuning", "heldout0", "heldout1", "heldout02", "heldout-3", "heldout3 ", "Heldout3",
                          "heldout9999999"})
    EXPECT_EQ(SplitBatch(bad), -1) << bad;
}

TEST(QuoteEvalTest, WithoutAnalysersOnlyTheGoldIsChecked) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.txt", "\"Kami akan membangun jalan baru di sini,\" kata Joko.\n");
  testing::WriteFile(dir / "quotes_gold.tsv", "heldout3\ta.txt\ta\t0\tKami akan membangun\tdirect\tJoko\t-\n");
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  options.error_splits = {"heldout3"};
  auto report = Evaluate({}, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->later.at(3).gold, 1);
  EXPECT_EQ(report->later.at(3).system, 0);
  // No system output to compare with, so the only "errors" are the misses.
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_NE(report->errors[0].find("missed"), std::string::npos);
  // A quote that is not in its sentence is still caught.
  testing::WriteFile(dir / "quotes_gold.tsv", "heldout3\ta.txt\ta\t0\tKami tidak membangun\tdirect\tJoko\t-\n");
  EXPECT_EQ(Evaluate({}, options).status().code(), StatusCode::kCorrupt);
}

TEST(QuoteEvalDrawTest, FilterCountsQuoteMarksSpeechVerbsAndSentences) {
  using Para = std::vector<std::vector<std::string>>;
  // Two marks (one straight, one curly, one glued to a bracket) and two verbs.
  const Para quoted = {{"\xE2\x80\x9C", "Kami", "siap", "\")", ",", "kata", "Joko", "."},
                       {"Ia", "Menegaskan", "itu", "."}};
  EXPECT_TRUE(PassesDrawFilter({quoted}));
  // A single quote mark is not enough; nor are apostrophes.
  EXPECT_FALSE(PassesDrawFilter({{{"\"", "Kami", "'", "siap", "'", "kata", "Joko", "."}, {"Ia", "menegaskan", "."}}}));
  // One speech verb is not enough; "katakan" is not one of the counted forms.
  EXPECT_FALSE(PassesDrawFilter({{{"\"", "Kami", "siap", "\"", "katakan", "Joko", "."}, {"Ia", "menegaskan", "."}}}));
  // Sentences are counted over all paragraphs.
  std::vector<Para> long_article(11, Para(2, std::vector<std::string>{"Kalimat", "."}));
  long_article[0] = quoted;
  EXPECT_TRUE(PassesDrawFilter(long_article));  // 22 sentences
  long_article.push_back(Para(1, std::vector<std::string>{"Lagi", "."}));
  EXPECT_FALSE(PassesDrawFilter(long_article));  // 23
  EXPECT_TRUE(PassesDrawFilter(long_article, {.max_sentences = 23}));
}

TEST(QuoteEvalDrawTest, OrderIsAStableHashOfSaltAndIdMinusExcluded) {
  // FNV-1a 64 of "s\ta", computed by hand from the published constants.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : std::string("s\ta")) h = (h ^ c) * 1099511628211ull;
  EXPECT_EQ(DrawKey("s", "a"), h);
  EXPECT_NE(DrawKey("s", "a"), DrawKey("t", "a"));
  std::vector<DrawnArticle> pool;
  for (int i = 0; i < 40; ++i) pool.push_back({"dev.01.jsonl", "15000000" + std::to_string(i) + "-judul"});
  auto first = OrderDraw(pool, "salt-1", {}, 10);
  ASSERT_EQ(first.size(), 10u);
  for (size_t i = 1; i < first.size(); ++i) EXPECT_LE(DrawKey("salt-1", first[i - 1].id), DrawKey("salt-1", first[i].id));
  // Input order does not matter.
  std::vector<DrawnArticle> reversed(pool.rbegin(), pool.rend());
  auto again = OrderDraw(reversed, "salt-1", {}, 10);
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(again[i].id, first[i].id);
  // Excluded ids (or id prefixes, as the gold may shorten them) are skipped
  // and the next article moves up.
  auto without = OrderDraw(pool, "salt-1", {first[0].id.substr(0, 10)}, 10);
  EXPECT_EQ(without[0].id, first[1].id);
  // Another salt gives another order.
  auto other = OrderDraw(pool, "salt-2", {}, 10);
  bool differs = false;
  for (size_t i = 0; i < first.size(); ++i) differs |= other[i].id != first[i].id;
  EXPECT_TRUE(differs);
  EXPECT_EQ(OrderDraw(pool, "salt-1", {}, 100).size(), 40u);
}

TEST(QuoteEvalDrawTest, DrawArticlesReadsEachIdOnceAndSkipsTheGold) {
  testing::TempDir dir;
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  options.shared_dir = dir / "shared";
  testing::WriteFile(dir / "quotes_gold.tsv", "tune\tdev.01.jsonl\t1500000001-in-gold\t0.0\t-\t-\t-\t-\n");
  EXPECT_EQ(DrawArticles(options, "s", 3, "heldout2").status().code(), StatusCode::kNotFound);
  auto line = [](const std::string& id, bool quoted) {
    const std::string mark = quoted ? R"("\"", )" : "";
    return "{\"id\": \"" + id + "\", \"paragraphs\": [[[" + mark +
           "\"Kami\", \"siap\", \"\\\"\", \",\", \"kata\", \"Joko\", \".\"], [\"Ia\", \"menegaskan\"]]]}\n";
  };
  const auto corpus = dir / "shared/data/corpus/indosum-dev";
  testing::WriteFile(corpus / "dev.01.jsonl", line("1500000001-in-gold", true) + line("1500000002-a", true) +
                                                  line("1500000003-one-mark", false));
  // The folds overlap: an id already read in dev.01 is not drawn again from dev.02.
  testing::WriteFile(corpus / "dev.02.jsonl", line("1500000002-a", true) + line("1500000004-b", true));
  auto drawn = DrawArticles(options, "s", 10, "heldout2");
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  ASSERT_EQ(drawn->size(), 2u);
  std::set<std::string> got;
  for (const auto& a : *drawn) got.insert(a.file + " " + a.id);
  EXPECT_EQ(got, (std::set<std::string>{"dev.01.jsonl 1500000002-a", "dev.02.jsonl 1500000004-b"}));
  // Once the batch is annotated its own articles stay in its draw.
  testing::WriteFile(dir / "quotes_gold.tsv", "heldout2\tdev.01.jsonl\t1500000001-in-gold\t0.0\t-\t-\t-\t-\n");
  drawn = DrawArticles(options, "s", 10, "heldout2");
  ASSERT_TRUE(drawn.ok());
  EXPECT_EQ(drawn->size(), 3u);
  EXPECT_EQ(DrawArticles(options, "s", 10, "heldout3")->size(), 2u);
  // A batch is drawn under a later batch's name only.
  for (const char* bad : {"tune", "heldout", "heldout1", "held-out 3"})
    EXPECT_EQ(DrawArticles(options, "s", 10, bad).status().code(), StatusCode::kInvalidArgument) << bad;
  testing::WriteFile(corpus / "dev.03.jsonl", "not json\n");
  EXPECT_EQ(DrawArticles(options, "s", 10, "heldout2").status().code(), StatusCode::kCorrupt);
}

// A batch aimed at outlets and topics: only articles whose IndoSum
// "source" and "category" are listed are drawn (either list empty: any).
TEST(QuoteEvalDrawTest, DrawArticlesKeepsOnlyTheListedOutletsAndCategories) {
  testing::TempDir dir;
  QuoteEvalOptions options;
  options.gold_dir = dir.path();
  options.shared_dir = dir / "shared";
  testing::WriteFile(dir / "quotes_gold.tsv", "");
  auto line = [](const std::string& id, const std::string& source, const std::string& category) {
    return "{\"id\": \"" + id + "\", \"source\": \"" + source + "\", \"category\": \"" + category +
           "\", \"paragraphs\": [[[\"\\\"\", \"Kami\", \"siap\", \"\\\"\", \",\", \"kata\", \"Joko\", \".\"], "
           "[\"Ia\", \"menegaskan\"]]]}\n";
  };
  testing::WriteFile(dir / "shared/data/corpus/indosum-dev/dev.01.jsonl",
                     line("1-police", "poskotanews", "tajuk utama") + line("2-celebrity", "poskotanews", "showbiz") +
                         line("3-cnn", "cnn indonesia", "tajuk utama") + line("4-football", "goal indonesia", "olahraga"));
  auto ids = [&](const DrawFilter& filter) {
    auto drawn = DrawArticles(options, "s", 10, "heldout4", filter);
    EXPECT_TRUE(drawn.ok()) << drawn.status().ToString();
    std::set<std::string> got;
    if (drawn.ok())
      for (const auto& a : *drawn) got.insert(a.id);
    return got;
  };
  EXPECT_EQ(ids({}).size(), 4u);
  DrawFilter outlets;
  outlets.sources = {"poskotanews", "goal indonesia"};
  EXPECT_EQ(ids(outlets), (std::set<std::string>{"1-police", "2-celebrity", "4-football"}));
  DrawFilter both = outlets;
  both.categories = {"tajuk utama", "olahraga"};
  EXPECT_EQ(ids(both), (std::set<std::string>{"1-police", "4-football"}));
}

}  // namespace
}  // namespace warta::quotes
