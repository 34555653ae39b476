// Scoring the claim analyser against the gold set under tests/data/claims/.
//
// Each gold unit (an IndoSum sentence, or a whole written article) is run
// through the pipeline as an article would be: cleaned (clean/cleaner.h),
// then the entity, timex, quote and claim analysers. A system claim matches
// a gold claim when their spans overlap (one-to-one, in text order). Over the
// matches: value accuracy (low, high and bound all equal), unit accuracy and
// claimant accuracy (the gold lists the accepted names, "a|b"; "-" wants no
// claimant). Precision = matched / system claims in the annotated units,
// recall = matched / gold claims; an annotated sentence with no claim ("-")
// still counts its system claims as false positives. Subject accuracy
// (issue 17) over the matches that subjects.tsv annotates: right when the
// gold says none ("-") and the system gives none, or when the system's
// subject holds the gold's core phrase and lies within its full phrase
// (case folded, spaces around hyphens ignored).
//
// Gold rows name IndoSum sentences by file, article id and paragraph.sentence
// index; the text is detokenised from ../shared at run time (as the JSONL
// reader does, paragraph by paragraph) and never stored in the repository.
// A sentence the cleaner removed scores its gold claims as missed. Rows whose
// article is absent are skipped and counted.
//
// Thread-safety: Evaluate() builds its own analysers; it may run on several
// threads with separate options.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "claims/claim_analyzer.h"
#include "core/status.h"

namespace warta::claims {

struct EvalCounts {
  int units = 0;  // sentences or written articles scored
  int gold = 0, system = 0, matched = 0;
  int value_correct = 0, unit_correct = 0, claimant_correct = 0;  // among matches
  int subject_scored = 0, subject_correct = 0;                     // matches with a gold subject

  double P() const { return system ? double(matched) / system : 0; }
  double R() const { return gold ? double(matched) / gold : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  double ValueAcc() const { return matched ? double(value_correct) / matched : 0; }
  double UnitAcc() const { return matched ? double(unit_correct) / matched : 0; }
  double ClaimantAcc() const { return matched ? double(claimant_correct) / matched : 0; }
  double SubjectAcc() const { return subject_scored ? double(subject_correct) / subject_scored : 0; }
  void Add(const EvalCounts& o);
};

struct EvalReport {
  EvalCounts tune, heldout;
  int skipped_units = 0;            // IndoSum rows whose article was not available
  std::vector<std::string> errors;  // tuning mistakes, one line each (held-out ones only if asked)
};

struct EvalOptions {
  std::filesystem::path gold_dir = "tests/data/claims";
  std::filesystem::path shared_dir;  // ../shared; empty skips the IndoSum rows
  bool heldout_errors = false;       // also list held-out mistakes (keep off while tuning)
  // Case-less outlets (issue 16): "lower" or "upper" recases every article
  // before cleaning (the gold unchanged, matched case-blind); "" as written.
  // truecase: the cleaner then restores case (CleanOptions::restore_case,
  // the built-in truecaser), as the pipeline does; off, the analysers read
  // the case-less text itself.
  std::string letter_case;
  bool truecase = false;
  ClaimAnalyzerOptions claims;
};

// Errors: kInvalidArgument for a letter_case other than "", "lower",
// "upper"; kNotFound for a missing gold or written file, kCorrupt for a
// malformed row (message names file and line) or a locator naming no
// sentence, and the analysers' own load errors. A gold claim whose text is
// not in its sentence counts as missed and is listed in `errors`.
StatusOr<EvalReport> Evaluate(const EvalOptions& options);

// A Markdown table of both parts and their union.
std::string FormatReport(const EvalReport& report);

}  // namespace warta::claims
