// Quotes in the five seed articles, after cleaning and the shipped entity
// model: the speakers must resolve to the entities' canonical names.
// Skipped, saying why, when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "entities/entity_analyzer.h"
#include "ingest/reader.h"
#include "quotes/eval.h"
#include "quotes/quote_analyzer.h"
#include "test_support.h"

namespace warta::quotes {
namespace {

namespace fs = std::filesystem;


TEST(QuoteSharedTest, SeedQuotesHaveResolvedSpeakersAndRelays) {
  WARTA_REQUIRE_SHARED();
  fs::path dir = testing::SharedDir() / "seeds";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "needs " << dir << " (absent): skipped";
  auto cleaner = clean::Cleaner::Create({});
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  auto analyzers = analyse::MakeAnalyzers({});
  ASSERT_TRUE(analyzers.ok()) << analyzers.status().ToString();
  QuoteAnalyzer quotes;
  ingest::DocumentReader reader({dir.string()}, {}, [](const Diagnostic& d) { ADD_FAILURE() << d.ToString(); });
  RawDocument doc;
  std::vector<Quote> all;
  std::string listing;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyse::AnalysisContext ctx(*a);
    for (auto& an : *analyzers) ASSERT_TRUE(an->Analyse(&*a, &ctx).ok());
    ASSERT_TRUE(quotes.Analyse(&*a, &ctx).ok());
    for (const Quote& q : a->quotes) {
      // The span must select exactly the quote's text in the analysed text.
      EXPECT_EQ(SpanText(ctx.text(), q.span), q.text) << doc.source;
      listing += doc.source + ": [" + q.speaker + "|" + q.relay + "] " + q.text.substr(0, 60) + "\n";
      all.push_back(q);
    }
  }
  const std::string kim_id = entities::EntityIdOf(EntityType::kPerson, "Kim Jong Un");
  auto find = [&](std::string_view prefix) -> const Quote* {
    for (const Quote& q : all)
      if (q.text.rfind(prefix, 0) == 0) return &q;
    return nullptr;
  };
  const Quote* self_defence = find("Merupakan hak membela diri");
  ASSERT_NE(self_defence, nullptr) << listing;
  EXPECT_TRUE(self_defence->direct);
  EXPECT_EQ(self_defence->speaker, "Kim Jong Un") << listing;
  EXPECT_EQ(self_defence->speaker_entity_id, kim_id);
  EXPECT_EQ(self_defence->relay, "AFP");
  const Quote* trade = find("Kita perlu mempromosikan");
  ASSERT_NE(trade, nullptr) << listing;
  EXPECT_EQ(trade->speaker, "Kim Jong Un") << listing;
  EXPECT_EQ(trade->speaker_entity_id, kim_id);
  // Every quote these news articles give is attributed to somebody.
  for (const Quote& q : all) EXPECT_FALSE(q.speaker.empty()) << q.text << "\n" << listing;
  EXPECT_GE(all.size(), 5u) << listing;
  std::cout << listing;
}

// The gold set (tests/data/quotes/) through the evaluator. The floors sit
// just under the scores measured when the rules were last tuned
// (docs/quality/quotes.md): the test catches a regression, the document
// reports the numbers.
TEST(QuoteGold, ScoresStayAboveTheFloor) {
  WARTA_REQUIRE_SHARED();
  auto analyzers = analyse::MakeAnalyzers({.timex = false});
  ASSERT_TRUE(analyzers.ok()) << analyzers.status().ToString();
  QuoteEvalOptions options;
  options.gold_dir = testing::SourceDir() / "tests/data/quotes";
  options.shared_dir = testing::SharedDir();
  auto entities = entities::EntityAnalyzer::Create({});
  ASSERT_TRUE(entities.ok());
  options.same_entity = [e = entities->get()](std::string_view name) { return e->AliasCanonical(name); };
  auto report = Evaluate(*analyzers, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->skipped_articles, 0);
  // Floors just under the measured numbers (docs/quality/quotes.md), over
  // every part, and on the part never tuned on.
  QuoteEvalCounts all = report->tune;
  all.Add(report->heldout);
  for (const auto& [batch, counts] : report->later) all.Add(counts);
  EXPECT_GE(all.gold, 530);
  EXPECT_GE(report->heldout.gold, 40);
  EXPECT_GE(all.P(), 0.97) << FormatReport(*report);
  // Session 9 added held-out 5 (81 quotes, blind first score R 0.840,
  // speaker 0.824): over all 392, R 0.906, resolved 0.938.
  EXPECT_GE(all.R(), 0.90) << FormatReport(*report);  // 0.923 in session 7, before held-out 5
  EXPECT_GE(report->heldout.R(), 0.87) << FormatReport(*report);
  // Session 10 read held-out 5's and 6's speaker errors (0.893 -> 0.920
  // over all) and added held-out 7 blind (first score 0.817): 0.905.
  EXPECT_GE(all.SpeakerAccuracy(), 0.90) << FormatReport(*report);
  EXPECT_GE(report->heldout.SpeakerAccuracy(), 0.90) << FormatReport(*report);
  EXPECT_GE(all.ResolvedRate(), 0.93) << FormatReport(*report);
  EXPECT_GE(all.RelayAccuracy(), 0.97) << FormatReport(*report);
  EXPECT_GE(all.DirectAccuracy(), 0.98) << FormatReport(*report);
}

}  // namespace
}  // namespace warta::quotes
