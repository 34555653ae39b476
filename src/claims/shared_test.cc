// Tests on ../shared: the seed articles end to end (ingest, clean, the whole
// analysis stack) and the gold set through the evaluator. Skipped, saying
// why, when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "claims/claim_analyzer.h"
#include "claims/eval.h"
#include "clean/cleaner.h"
#include "entities/entity_analyzer.h"
#include "ingest/reader.h"
#include "quotes/quote_analyzer.h"
#include "test_support.h"
#include "timex/timex_analyzer.h"

namespace warta::claims {
namespace {

namespace fs = std::filesystem;

struct SeedClaim {
  std::string source;
  Claim claim;
};

TEST(ClaimSeedsTest, TroopFiguresHaveClaimantsAndDebrisGivesNothing) {
  WARTA_REQUIRE_SHARED();
  fs::path dir = testing::SharedDir() / "seeds";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "needs " << dir << " (absent): skipped";
  auto cleaner = clean::Cleaner::Create({});
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  auto entities = entities::EntityAnalyzer::Create({});
  ASSERT_TRUE(entities.ok()) << entities.status().ToString();
  timex::TimexAnalyzer timex;
  quotes::QuoteAnalyzer quotes;
  ClaimAnalyzer claims;
  ingest::DocumentReader reader({dir.string()}, {}, [](const Diagnostic& d) { ADD_FAILURE() << d.ToString(); });
  RawDocument doc;
  std::vector<SeedClaim> all;
  std::string listing;
  int removed_with_digits = 0;
  while (reader.Next(&doc)) {
    auto a = (*cleaner)->Clean(doc);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyse::AnalysisContext ctx(*a);
    for (analyse::Analyzer* an : std::vector<analyse::Analyzer*>{entities->get(), &timex, &quotes, &claims})
      ASSERT_TRUE(an->Analyse(&*a, &ctx).ok());
    for (const Claim& c : a->claims) {
      listing += doc.source + ": [" + c.text + "] " + std::string(Name(c.bound)) + " " + c.unit + " by " + c.claimant + "\n";
      all.push_back({doc.source, c});
      // A claim's text is in the clean text, so never in a removed line
      // unless that line's words also survive elsewhere.
      for (const RemovedLine& r : a->removed)
        EXPECT_EQ(r.text.find(c.text), std::string::npos) << c.text << " found in removed line: " << r.text;
    }
    for (const RemovedLine& r : a->removed)
      removed_with_digits += r.text.find_first_of("0123456789") != std::string::npos;
  }
  std::cout << listing;
  // The debris the seeds carry ("Baca juga: … 502 Jenazah …") was removed,
  // and nothing from it became a claim.
  EXPECT_GE(removed_with_digits, 3);
  for (const auto& sc : all) {
    EXPECT_EQ(sc.claim.text.find("502"), std::string::npos) << listing;
    EXPECT_EQ(sc.claim.text.find("523.000"), std::string::npos) << listing;
  }
  auto find = [&](auto pred) -> std::vector<const SeedClaim*> {
    std::vector<const SeedClaim*> out;
    for (const auto& sc : all)
      if (pred(sc.claim)) out.push_back(&sc);
    return out;
  };
  // "lebih dari 10.000 tentara", claimed by the US and South Korea (two seeds).
  auto more = find([](const Claim& c) {
    return c.bound == ClaimBound::kMoreThan && c.low == 10000 && c.high == 10000 && c.unit == "tentara";
  });
  ASSERT_GE(more.size(), 2u) << listing;
  for (const auto* sc : more) {
    EXPECT_NE(sc->claim.claimant.find("Korea Selatan"), std::string::npos) << listing;
    EXPECT_TRUE(sc->claim.claimant.starts_with("AS") || sc->claim.claimant.starts_with("Amerika Serikat")) << listing;
  }
  // At least one resolves to the entity (the other seed's NER may miss "AS").
  bool resolved = false;
  for (const auto* sc : more)
    resolved |= sc->claim.claimant_entity_id == entities::EntityIdOf(EntityType::kLocation, "Amerika Serikat");
  EXPECT_TRUE(resolved) << listing;
  // "sekitar 10.000 hingga 12.000 tentara", according to US, South Korean
  // and Ukrainian intelligence officials.
  auto range = find([](const Claim& c) { return c.bound == ClaimBound::kRange && c.low == 10000 && c.high == 12000; });
  ASSERT_EQ(range.size(), 1u) << listing;
  EXPECT_EQ(range[0]->claim.unit, "tentara");
  EXPECT_EQ(range[0]->claim.claimant, "pejabat intelijen AS, Korea Selatan, dan Ukraina");
  // "Jumlah tersebut diperkirakan berkisar antara 1.000 hingga 3.000 orang":
  // the estimate of the South Korean intelligence service named just before.
  auto fresh = find([](const Claim& c) { return c.bound == ClaimBound::kRange && c.low == 1000 && c.high == 3000; });
  ASSERT_EQ(fresh.size(), 1u) << listing;
  EXPECT_EQ(fresh[0]->claim.unit, "orang");
  EXPECT_EQ(fresh[0]->claim.hedge, "diperkirakan");
  EXPECT_NE(fresh[0]->claim.claimant.find("Badan Intelijen Nasional Korea Selatan"), std::string::npos) << listing;
  for (const auto& sc : all) EXPECT_FALSE(sc.claim.date.empty()) << sc.claim.text;
}

// The floors sit just under the measured scores (docs/quality/claims.md):
// the test catches a regression, the document reports the numbers.
TEST(ClaimGoldTest, ScoresStayAboveTheFloor) {
  WARTA_REQUIRE_SHARED();
  EvalOptions options;
  options.gold_dir = testing::SourceDir() / "tests/data/claims";
  options.shared_dir = testing::SharedDir();
  auto report = Evaluate(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->skipped_units, 0);
  const EvalCounts& h = report->heldout;
  EvalCounts all = report->tune;
  all.Add(h);
  EXPECT_GE(all.gold, 160);
  EXPECT_GE(h.P(), 0.96);
  EXPECT_GE(h.R(), 0.96);
  EXPECT_GE(h.ValueAcc(), 0.96);
  EXPECT_GE(h.UnitAcc(), 0.95);
  EXPECT_GE(h.ClaimantAcc(), 0.88);
  EXPECT_GE(all.F1(), 0.97);
  EXPECT_GE(all.ClaimantAcc(), 0.91);
  // Issue 17: 70.6 (session 8); 86.7 over 233 claims with the session-9
  // blind batch (held-out 82.1).
  EXPECT_GE(all.SubjectAcc(), 0.85);
  EXPECT_GE(h.SubjectAcc(), 0.80);
}

// Case-less sources (issue 16/17): the gold lower-cased before cleaning,
// its case restored by the cleaner as the pipeline does, and left
// case-less (claims_eval --case lower [--truecase]).
TEST(ClaimGoldTest, LowerCaseTextScoresNearTheCasedOne) {
  WARTA_REQUIRE_SHARED();
  EvalOptions options;
  options.gold_dir = testing::SourceDir() / "tests/data/claims";
  options.shared_dir = testing::SharedDir();
  options.letter_case = "lower";
  // Case restored, as the cleaner does: what ingest stores. (Left
  // case-less, F1 0.989 and claimant 0.838: `claims_eval --case lower`;
  // not repeated here, where the sanitizers make each evaluation 18 s.)
  options.truecase = true;
  auto report = Evaluate(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EvalCounts all = report->tune;
  all.Add(report->heldout);
  EXPECT_GE(all.F1(), 0.97);
  EXPECT_GE(all.ValueAcc(), 0.97);
  EXPECT_GE(all.ClaimantAcc(), 0.92);
  EXPECT_GE(all.SubjectAcc(), 0.84);  // 86.6: subjects are lower case, so truecasing keeps them
  options.letter_case = "title";
  EXPECT_EQ(Evaluate(options).status().code(), StatusCode::kInvalidArgument);
}

// The written articles alone, as the evaluation runs without ../shared.
TEST(ClaimGoldTest, WrittenArticlesScoreWithoutShared) {
  EvalOptions options;
  options.gold_dir = testing::SourceDir() / "tests/data/claims";
  auto report = Evaluate(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EvalCounts all = report->tune;
  all.Add(report->heldout);
  EXPECT_EQ(all.units, 4);
  EXPECT_GE(all.gold, 45);
  EXPECT_GE(all.F1(), 0.95);
}

}  // namespace
}  // namespace warta::claims
