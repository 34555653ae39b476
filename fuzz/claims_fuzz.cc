// libFuzzer target: the claims analyser (claims/claim_analyzer.h) on
// arbitrary UTF-8 text and a publication date, after the analysers it reads
// (entities with the shipped model, timex, quotes), as the pipeline runs them.
// Invariants: every claim, mention, time expression and quote span lies
// inside the text and its text is what it covers; claims are in text order
// with low <= high, finite values, a known bound, and a date that is a
// well-formed TIMEX3 value (analyser_input.h); a claimant id names one of the article's entities.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/analyzer.h"
#include "analyser_input.h"
#include "core/article.h"
#include "fuzz_check.h"

namespace {

const std::vector<std::unique_ptr<warta::analyse::Analyzer>>& Stack() {
  static const auto* stack = [] {
    warta::analyse::AnalysisOptions options;
    options.events = false;  // claims do not read events
    auto made = warta::analyse::MakeAnalyzers(options);
    FUZZ_CHECK(made.ok(), "the analysers load");
    return new std::vector<std::unique_ptr<warta::analyse::Analyzer>>(std::move(*made));
  }();
  return *stack;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  warta::Article article;
  std::string_view text;
  if (!warta::fuzz::ArticleFromInput(data, size, &article, &text)) return -1;
  warta::analyse::AnalysisContext ctx(article);
  for (const auto& analyser : Stack()) {
    FUZZ_CHECK(analyser->Analyse(&article, &ctx).ok(), "an analyser failed on text");
  }

  const warta::fuzz::CodePoints cps(ctx.text());
  std::set<std::string> entity_ids;
  for (const warta::EntityMention& m : article.entities) {
    cps.CheckSpan(m.span, m.text, "entity mention span");
    if (!m.entity_id.empty()) entity_ids.insert(m.entity_id);
  }
  for (const warta::TimeExpression& t : article.timexes) cps.CheckSpan(t.span, t.text, "timex span");
  for (const warta::Quote& q : article.quotes) cps.CheckSpan(q.span, q.text, "quote span");
  int32_t last_begin = 0;
  for (const warta::Claim& c : article.claims) {
    cps.CheckSpan(c.span, c.text, "claim span");
    FUZZ_CHECK(c.span.begin < c.span.end, "a claim covers text");
    FUZZ_CHECK(c.span.begin >= last_begin, "claims in text order");
    last_begin = c.span.begin;
    FUZZ_CHECK(c.bound >= warta::ClaimBound::kExact && c.bound <= warta::ClaimBound::kRange, "a known bound");
    FUZZ_CHECK(std::isfinite(c.low) && std::isfinite(c.high), "finite values");
    FUZZ_CHECK(c.low <= c.high, "low <= high");
    if (c.bound == warta::ClaimBound::kExact) FUZZ_CHECK(c.low == c.high, "an exact figure has low == high");
    FUZZ_CHECK(!c.unit.empty(), "a claim has a unit");
    if (!c.claimant_entity_id.empty())
      FUZZ_CHECK(entity_ids.count(c.claimant_entity_id) == 1, "the claimant id is one of the article's entities");
    if (!c.date.empty()) {
      FUZZ_CHECK(warta::fuzz::WellFormedTimexValue(c.date), ("claim date: " + c.date).c_str());
    }
  }
  return 0;
}
