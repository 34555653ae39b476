// ner_bench: tagging speed of the NER model and of the whole entity
// analyser, on one core.
//
//   ner_bench [--model PATH] [CORPUS_DIR_OR_JSONL...]
//     (default corpus: ../shared/data/corpus/indosum-dev)
//
// Prints tokens/s for (1) NerModel::Tag over the corpus's sentences (its own
// tokenisation) and (2) EntityAnalyzer::Analyse over whole articles
// (Warta's tokenizer + sentence splitter + tagging + resolution). Each is
// repeated until at least 2 s have passed; the best pass is reported.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "entities/entity_analyzer.h"
#include "entities/resources.h"

using namespace warta;

int main(int argc, char** argv) {
  std::string model_path;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) inputs.push_back("../shared/data/corpus/indosum-dev");
  auto model = entities::LoadNerModel(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "ner_bench: %s\n", model.status().message().c_str());
    return 1;
  }
  auto sents = entities::ReadCorpusSentences(inputs);
  if (!sents.ok()) {
    std::fprintf(stderr, "ner_bench: %s\n", sents.status().message().c_str());
    return 1;
  }
  // Sentences as string_views (the tagger's input), and articles of ~20
  // sentences each as paragraphs of detokenised-enough text for the analyser.
  std::vector<std::vector<std::string_view>> views;
  size_t tokens = 0;
  for (const auto& s : *sents) {
    views.emplace_back(s.begin(), s.end());
    tokens += s.size();
  }
  using Clock = std::chrono::steady_clock;
  auto best_rate = [](auto&& pass, size_t units) {
    double best = 0, total = 0;
    while (total < 2.0) {
      auto t0 = Clock::now();
      pass();
      double s = std::chrono::duration<double>(Clock::now() - t0).count();
      total += s;
      best = std::max(best, static_cast<double>(units) / s);
    }
    return best;
  };
  entities::NerScratch scratch;
  std::vector<int> tags;
  size_t entity_tokens = 0;
  double tag_rate = best_rate(
      [&] {
        entity_tokens = 0;
        for (const auto& v : views) {
          model->Tag(v, &tags, &scratch);
          for (int t : tags) entity_tokens += t != 0;
        }
      },
      tokens);
  std::printf("NerModel::Tag       %9zu sentences %10zu tokens  %12.0f tokens/s  (%zu tokens in entities)\n",
              views.size(), tokens, tag_rate, entity_tokens);

  std::vector<Article> articles;
  for (size_t i = 0; i < sents->size(); i += 20) {
    Article a;
    for (size_t j = i; j < std::min(i + 20, sents->size()); ++j) {
      std::string p;
      for (const auto& w : (*sents)[j]) {
        if (!p.empty()) p += ' ';
        p += w;
      }
      a.paragraphs.push_back(std::move(p));
    }
    articles.push_back(std::move(a));
  }
  entities::EntityAnalyzer analyzer(std::move(model).value());
  size_t article_tokens = 0, mentions = 0;
  for (const Article& a : articles) article_tokens += analyse::AnalysisContext(a).tokens().size();
  double analyse_rate = best_rate(
      [&] {
        mentions = 0;
        for (Article& a : articles) {
          analyse::AnalysisContext ctx(a);
          (void)analyzer.Analyse(&a, &ctx);
          mentions += a.entities.size();
        }
      },
      article_tokens);
  std::printf("EntityAnalyzer      %9zu articles  %10zu tokens  %12.0f tokens/s  (%zu mentions; incl. tokenising)\n",
              articles.size(), article_tokens, analyse_rate, mentions);
  return 0;
}
