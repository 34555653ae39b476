// Analysers: the steps that read an Article's clean text and add annotations
// (entity mentions, time expressions, quotes, claims, events).
//
// Every analyser implements one interface and is created from its options
// by MakeAnalyzers(), in a fixed order, because later ones read what earlier
// ones added (quotes need entities; events need entities and dates). The
// text is tokenised and split into sentences once per article, in an
// AnalysisContext that every analyser shares.
//
//   auto analyzers = MakeAnalyzers(options);        // once
//   AnalysisContext ctx(article);                   // per article
//   for (auto& a : *analyzers) a->Analyse(&article, &ctx);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "text/lexicon.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace warta::analyse {

// Per-article state shared by the analysers: Article::Text() with its tokens
// and sentences, computed once. Not thread-safe; one per article.
class AnalysisContext {
 public:
  explicit AnalysisContext(const Article& article);
  const std::string& text() const { return text_; }
  const std::vector<text::Token>& tokens() const { return tokens_; }
  const std::vector<text::Sentence>& sentences() const { return sentences_; }
  std::string_view TokenText(size_t i) const { return text::TokenText(text_, tokens_[i]); }

 private:
  std::string text_;
  std::vector<text::Token> tokens_;
  std::vector<text::Sentence> sentences_;
};

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  // Short name for messages and options ("entities", "timex").
  virtual std::string_view name() const = 0;
  // Adds this analyser's annotations to `article` (spans into ctx.text()).
  // An error means the analyser could not run (say, a corrupt model); it is
  // reported and the article is stored without these annotations.
  // Thread-safe: the pipeline calls it from several threads at once.
  virtual Status Analyse(Article* article, AnalysisContext* ctx) const = 0;
};

struct AnalysisOptions {
  bool entities = true;
  std::string entity_model;   // "" = the model shipped with Warta
  bool timex = true;
  bool quotes = true;         // needs entities for speakers
  bool claims = true;         // reads entities, time expressions and quotes
  bool events = true;         // reads entities and time expressions
  // The Indonesian word lists every analyser reads (text/lexicon.h); null =
  // text::Lexicon::Builtin(). One instance is shared by all of them.
  std::shared_ptr<const text::Lexicon> lexicon;
};

// The analysers enabled in `options`, in dependency order. Errors name the
// analyser and the file that failed to load.
StatusOr<std::vector<std::unique_ptr<Analyzer>>> MakeAnalyzers(const AnalysisOptions& options);

// Runs `analyzers` over `article`. Returns the first error, after running
// the rest.
Status RunAnalyzers(const std::vector<std::unique_ptr<Analyzer>>& analyzers, Article* article);

}  // namespace warta::analyse
