// TimexAnalyzer: the "timex" step of the analysis pipeline (analyse/analyzer.h).
//
// Fills Article::timexes with every time expression in Article::Text(),
// normalised against the publication date. The DCT is Article::published
// when cleaning or the container gave one. Otherwise it is inferred from the
// absolute dates in the text (InferPublicationDate) and stored in
// Article::inferred_published, so a reader can tell a stated date from a
// guessed one; with neither, relative expressions keep an empty value.
#pragma once

#include <string_view>

#include "analyse/analyzer.h"
#include "timex/timex.h"

namespace warta::timex {

class TimexAnalyzer : public analyse::Analyzer {
 public:
  explicit TimexAnalyzer(TimexOptions options = {}) : tagger_(options) {}
  std::string_view name() const override { return "timex"; }
  // Replaces article->timexes (and article->inferred_published, which is
  // reset when published is set). Never fails. Thread-safe.
  Status Analyse(Article* article, analyse::AnalysisContext* ctx) const override;

 private:
  TimexTagger tagger_;
};

}  // namespace warta::timex
