// Scoring the quote analyser against the gold set under tests/data/quotes/
// (README.md there has the annotation guidelines).
//
// Every article the gold names is annotated exhaustively: each of its gold
// rows is one quote, so any system quote in the article that matches no gold
// quote is a false positive. A gold quote matches the first unused system
// quote whose span overlaps it (one to one, in text order). Reported:
//   * quote precision / recall / F1 over those matches;
//   * speaker accuracy over matched quotes whose gold speaker is named: the
//     system speaker equals the gold canonical name (case, hyphens and
//     spacing ignored); and the share of matched quotes whose speaker was
//     resolved to an entity (speaker_entity_id set);
//   * relay accuracy over matched quotes (gold "-" = no relay) and
//     direct/indirect accuracy.
// The analysers run as in the pipeline (entities first, quotes last) on each
// article: IndoSum articles are read from ../shared at run time (never
// stored in the repository) with the publication date of their id; the
// articles written for Warta are read from the gold directory.
//
// Thread-safety: Evaluate() only reads its arguments.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "core/status.h"

namespace warta::quotes {

struct QuoteEvalCounts {
  int articles = 0;
  int gold = 0, system = 0, matched = 0;
  int speaker_named = 0;     // matched quotes whose gold speaker is a name (not "-")
  int speaker_correct = 0;   // ... whose system speaker equals it
  int speaker_resolved = 0;  // matched quotes with a speaker_entity_id
  int relay_correct = 0;     // matched quotes whose relay equals the gold relay
  int direct_correct = 0;    // matched quotes with the gold direct/indirect

  double P() const { return system ? double(matched) / system : 0; }
  double R() const { return gold ? double(matched) / gold : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  double SpeakerAccuracy() const { return speaker_named ? double(speaker_correct) / speaker_named : 0; }
  double ResolvedRate() const { return matched ? double(speaker_resolved) / matched : 0; }
  double RelayAccuracy() const { return matched ? double(relay_correct) / matched : 0; }
  double DirectAccuracy() const { return matched ? double(direct_correct) / matched : 0; }
  void Add(const QuoteEvalCounts& o);
};

struct QuoteEvalReport {
  QuoteEvalCounts tune, heldout;
  int skipped_articles = 0;         // IndoSum articles whose text was not available
  std::vector<std::string> errors;  // tuning-part mistakes, one line each (held-out ones only if asked)
};

struct QuoteEvalOptions {
  std::filesystem::path gold_dir = "tests/data/quotes";
  std::filesystem::path shared_dir;  // ../shared; empty skips the IndoSum articles
  bool heldout_errors = false;       // also list held-out mistakes (keep off while tuning)
};

// Runs `analyzers` (which must end with the quote analyser) over every gold
// article and scores Article::quotes. Errors: kNotFound for a missing gold
// file or written article, kCorrupt for a malformed row (file and line
// named) or a gold quote not found in its article.
StatusOr<QuoteEvalReport> Evaluate(const std::vector<std::unique_ptr<analyse::Analyzer>>& analyzers,
                                   const QuoteEvalOptions& options);

// A Markdown table of both parts and their union.
std::string FormatReport(const QuoteEvalReport& report);

}  // namespace warta::quotes
