// The one place that knows every analyser: adding one is a file pair in its
// stage folder and a line here.
#include "analyse/analyzer.h"
#include "claims/claim_analyzer.h"
#include "entities/entity_analyzer.h"
#include "events/event_analyzer.h"
#include "quotes/quote_analyzer.h"
#include "timex/timex_analyzer.h"

namespace warta::analyse {

StatusOr<std::vector<std::unique_ptr<Analyzer>>> MakeAnalyzers(const AnalysisOptions& options) {
  std::vector<std::unique_ptr<Analyzer>> out;
  const std::shared_ptr<const text::Lexicon> lexicon =
      options.lexicon ? options.lexicon : text::Lexicon::Builtin();
  if (options.entities) {
    auto a = entities::EntityAnalyzer::Create({.model_path = options.entity_model, .lexicon = lexicon});
    if (!a.ok()) return Status(a.status().code(), "entities: " + a.status().message());
    out.push_back(std::move(a).value());
  }
  if (options.timex) out.push_back(std::make_unique<timex::TimexAnalyzer>(timex::TimexOptions{.lexicon = lexicon}));
  if (options.quotes)
    out.push_back(std::make_unique<quotes::QuoteAnalyzer>(quotes::QuoteAnalyzerOptions{.lexicon = lexicon}));
  if (options.claims)
    out.push_back(std::make_unique<claims::ClaimAnalyzer>(claims::ClaimAnalyzerOptions{.lexicon = lexicon}));
  if (options.events)
    out.push_back(std::make_unique<events::EventAnalyzer>(events::EventAnalyzerOptions{.lexicon = lexicon}));
  return out;
}

}  // namespace warta::analyse
