#include "analyse/analyzer.h"

namespace warta::analyse {

AnalysisContext::AnalysisContext(const Article& article) : text_(article.Text()) {
  static const text::Tokenizer tokenizer;
  static const text::SentenceSplitter splitter;
  tokenizer.Tokenize(text_, &tokens_);
  splitter.Split(text_, tokens_, &sentences_);
}

Status RunAnalyzers(const std::vector<std::unique_ptr<Analyzer>>& analyzers, Article* article) {
  if (analyzers.empty()) return Status::Ok();
  AnalysisContext ctx(*article);
  Status first;
  for (const auto& a : analyzers) {
    Status st = a->Analyse(article, &ctx);
    if (!st.ok() && first.ok()) first = Status(st.code(), std::string(a->name()) + ": " + st.message());
  }
  return first;
}

}  // namespace warta::analyse
