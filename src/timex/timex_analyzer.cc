#include "timex/timex_analyzer.h"

namespace warta::timex {

Status TimexAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  std::optional<DateTime> dct = article->published;
  article->inferred_published.reset();
  if (!dct) {
    // Absolute dates need no DCT, so one pass without it finds the candidates.
    article->inferred_published = InferPublicationDate(tagger_.Tag(ctx->text(), ctx->tokens(), std::nullopt));
    dct = article->inferred_published;
  }
  article->timexes.clear();
  for (auto& t : tagger_.Tag(ctx->text(), ctx->tokens(), dct)) article->timexes.push_back(std::move(t.timex));
  return Status::Ok();
}

}  // namespace warta::timex
