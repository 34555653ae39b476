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
// Splits: "tune" (rules were tuned on its errors), "heldout" (drawn with it,
// annotated before tuning) and "heldout2", "heldout3", ... (later batches
// drawn by DrawArticles and annotated blind, each after the previous ones
// were tuned on). Any "heldout<N>" (N >= 2) is a batch of its own, so a new
// batch needs no code change. "all" is their union.
//
// Thread-safety: every function here only reads its arguments.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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

// The batch number of a split name: 0 for "tune", 1 for "heldout", N for
// "heldout<N>" with N >= 2 written without leading zeros; -1 for any other
// name (which a gold file may not use).
int SplitBatch(std::string_view split);

struct QuoteEvalReport {
  QuoteEvalCounts tune, heldout;
  // Batch N >= 2 -> its counts: an entry for every batch the gold names,
  // even when its articles were all skipped.
  std::map<int, QuoteEvalCounts> later;
  int skipped_articles = 0;         // IndoSum articles whose text was not available
  std::vector<std::string> errors;  // mistakes of the splits in QuoteEvalOptions::error_splits, one line each
};

struct QuoteEvalOptions {
  std::filesystem::path gold_dir = "tests/data/quotes";
  std::filesystem::path shared_dir;  // ../shared; empty skips the IndoSum articles
  // Splits whose mistakes are listed. Held-out ones are for error analysis
  // after tuning is frozen; reading them while tuning spends the split.
  std::vector<std::string> error_splits = {"tune"};
  // Maps a speaker name to the one name of its entity (the entity stage's
  // alias table), so a spelling the aliases equate ("Sergey"/"Sergei
  // Lavrov") is not scored as another speaker. Empty: names as written.
  std::function<std::string(std::string_view)> same_entity;
  // Applied to each article before the analysers run, e.g. lower-casing it
  // and restoring its case (issue 16: `quotes_eval --case lower --truecase`).
  // Must keep every byte offset: gold quotes are found in the text as loaded.
  std::function<void(Article*)> prepare;
};

// Runs `analyzers` (which must end with the quote analyser) over every gold
// article and scores Article::quotes. Errors: kNotFound for a missing gold
// file or written article, kCorrupt for a malformed row (file and line
// named) or a gold quote not found in its article. With no analysers it only
// checks the gold (every row parses and every quote is found in its
// article) without producing any system output, so a batch can be checked
// before it may be scored.
StatusOr<QuoteEvalReport> Evaluate(const std::vector<std::unique_ptr<analyse::Analyzer>>& analyzers,
                                   const QuoteEvalOptions& options);

// A Markdown table of each part (tuning, held-out, held-out 2, held-out 3,
// ...) and their union.
std::string FormatReport(const QuoteEvalReport& report);

// --- Drawing articles for a new gold batch --------------------------------
//
// A batch is drawn without choosing: the IndoSum dev articles that pass
// PassesDrawFilter, minus those already in the gold, in the order of
// DrawKey(salt, id). The same salt and corpus give the same list; a fresh salt
// gives a fresh order, so a new batch is not the old draw's next articles.

// The filter the README states: at least `min_quote_marks` double quote
// marks (", U+201C, U+201D, counted per character, so '"' inside a token
// counts), at least `min_speech_verbs` speech-verb tokens (the verbs with
// role "draw" in the lexicon's speech_verbs.tsv, any case) and at most `max_sentences` sentences.
struct DrawFilter {
  int min_quote_marks = 2;
  int min_speech_verbs = 2;
  int max_sentences = 22;
  // When non-empty, only articles whose IndoSum "source" (outlet) or
  // "category" is one of these (exact, as IndoSum writes it): a batch aimed
  // at outlets and topics the gold lacks, still drawn without choosing.
  std::vector<std::string> sources, categories;
};

// `paragraphs` as IndoSum stores them: paragraphs of sentences of tokens.
bool PassesDrawFilter(const std::vector<std::vector<std::vector<std::string>>>& paragraphs,
                      const DrawFilter& filter = {});

// 64-bit FNV-1a of salt, a tab and the article id: stable across platforms
// and releases, unlike std::hash.
uint64_t DrawKey(std::string_view salt, std::string_view id);

struct DrawnArticle {
  std::string file, id;  // the first dev file (in name order) that has the id
};

// Orders `candidates` by (DrawKey(salt, id), id) and returns the first `n`
// whose id does not start with any of `exclude` (gold files may shorten ids).
std::vector<DrawnArticle> OrderDraw(std::vector<DrawnArticle> candidates, std::string_view salt,
                                    const std::vector<std::string>& exclude, size_t n);

// The first `n` articles of the draw over shared_dir's IndoSum dev files
// (each id once; the folds overlap), excluding every article the gold file
// in options.gold_dir names in a split other than `batch_split`: the batch's
// own articles stay in, so its draw can be rerun, and gives the same list,
// after it was annotated. InvalidArgument when `batch_split` is not a
// later batch's name ("heldout<N>", N >= 2, see SplitBatch); NotFound when
// there is no IndoSum dev file; Corrupt for a line that is not an article.
StatusOr<std::vector<DrawnArticle>> DrawArticles(const QuoteEvalOptions& options, std::string_view salt, size_t n,
                                                 std::string_view batch_split, const DrawFilter& filter = {});

}  // namespace warta::quotes
