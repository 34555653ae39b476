#include "cli/ner_commands.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "analyse/analyzer.h"
#include "cli/truecase_command.h"
#include "core/cased_names.h"
#include "core/diagnostics.h"
#include "entities/entity_analyzer.h"
#include "entities/ner_data.h"
#include "entities/ner_eval.h"
#include "entities/ner_model.h"
#include "entities/ner_trainer.h"
#include "store/store.h"
#include "text/case.h"
#include "text/truecase.h"

namespace warta::cli {
namespace {

using entities::NerSentence;

StatusOr<std::string> ReadInput(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return ss.str();
}

StatusOr<std::vector<NerSentence>> ReadAll(const std::vector<std::string>& paths) {
  std::vector<NerSentence> out;
  for (const std::string& p : paths) {
    WARTA_ASSIGN_OR_RETURN(auto part, entities::ReadNerFile(p));
    for (auto& s : part) out.push_back(std::move(s));
  }
  return out;
}

struct TagArgs {
  std::string input = "-";
  std::string format = "text";
  std::string model;
  std::string lexicon;  // "" = the built-in lexicon
};

int RunTag(const TagArgs& a) {
  auto bytes = ReadInput(a.input);
  if (!bytes.ok()) return Fail(bytes.status());
  if (a.format == "conll") {
    auto model = entities::LoadNerModel(a.model);
    if (!model.ok()) return Fail(model.status());
    auto sents = entities::ParseNer(*bytes, a.input == "-" ? "<stdin>" : a.input, /*with_tags=*/false);
    if (!sents.ok()) return Fail(sents.status());
    std::vector<int> tags;
    entities::NerScratch scratch;
    std::string out;
    for (const NerSentence& s : *sents) {
      std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
      model->Tag(words, &tags, &scratch);
      for (size_t i = 0; i < words.size(); ++i) {
        out.append(words[i]);
        out.push_back('\t');
        out.append(entities::TagName(tags[i]));
        out.push_back('\n');
      }
      out.push_back('\n');
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::shared_ptr<const text::Lexicon> lexicon;
  if (!a.lexicon.empty()) {
    auto loaded = text::Lexicon::Load(a.lexicon);
    if (!loaded.ok()) return Fail(loaded.status());
    lexicon = *std::move(loaded);
  }
  auto analyzer = entities::EntityAnalyzer::Create({.model_path = a.model, .lexicon = lexicon});
  if (!analyzer.ok()) return Fail(analyzer.status());
  Article article;
  std::string_view text = *bytes;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    article.paragraphs.emplace_back(line);
    b = e + 1;
  }
  analyse::AnalysisContext ctx(article);
  Status st = (*analyzer)->Analyse(&article, &ctx);
  if (!st.ok()) return Fail(st);
  std::printf("begin\tend\ttype\ttext\tcanonical\tentity_id\n");
  for (const EntityMention& m : article.entities)
    std::printf("%d\t%d\t%s\t%s\t%s\t%s\n", m.span.begin, m.span.end, std::string(Name(m.type)).c_str(), m.text.c_str(),
                m.canonical.c_str(), m.entity_id.c_str());
  return kExitOk;
}

struct TrainArgs {
  std::vector<std::string> train, dev;
  std::string clusters;
  std::vector<std::string> corpus;
  std::string gazetteer_json = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::string gazetteer_mo = "/usr/share/locale/id/LC_MESSAGES/iso_3166-1.mo";
  std::string output;
  int epochs = 25;
  uint64_t seed = 1;
  int runs = 5;
  double case_augment = 0.15;
  double lower_augment = 0.0;
  std::string description;
};

int RunTrain(const TrainArgs& a) {
  auto t0 = std::chrono::steady_clock::now();
  auto log = [&](const std::string& line) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "[%6.1f s] %s\n", s, line.c_str());
  };
  auto train = ReadAll(a.train);
  if (!train.ok()) return Fail(train.status());
  auto dev = ReadAll(a.dev);
  if (!dev.ok()) return Fail(dev.status());
  entities::WordClusters clusters;
  if (!a.corpus.empty()) {
    auto sents = entities::ReadCorpusSentences(a.corpus, /*lowercase=*/false);
    if (!sents.ok()) return Fail(sents.status());
    log("corpus: " + std::to_string(sents->size()) + " sentences; clustering");
    clusters = entities::LearnClusters(*sents, {});
    if (!a.clusters.empty()) {
      Status st = entities::WriteClusters(clusters, a.clusters);
      if (!st.ok()) return Fail(st);
      log("wrote " + a.clusters);
    }
  } else if (!a.clusters.empty()) {
    auto c = entities::ReadClusters(a.clusters);
    if (!c.ok()) return Fail(c.status());
    clusters = std::move(c).value();
  }
  std::vector<std::string> gaz;
  if (!a.gazetteer_json.empty()) {
    auto g = entities::LoadCountryGazetteer(a.gazetteer_json, a.gazetteer_mo);
    if (!g.ok()) return Fail(g.status());
    gaz = std::move(g).value();
  }
  log("train " + std::to_string(train->size()) + " sentences, dev " + std::to_string(dev->size()) + ", clusters " +
      std::to_string(clusters.words.size()) + " words, gazetteer " + std::to_string(gaz.size()) + " names");
  entities::NerTrainOptions opt;
  opt.max_epochs = a.epochs;
  opt.seed = a.seed;
  opt.runs = a.runs;
  opt.case_augment = a.case_augment;
  opt.lower_augment = a.lower_augment;
  opt.description = a.description;
  auto model = entities::TrainNer(*train, *dev, clusters, gaz, opt, log);
  if (!model.ok()) return Fail(model.status());
  Status st = model->Save(a.output);
  if (!st.ok()) return Fail(st);
  log("wrote " + a.output);
  return kExitOk;
}

struct EvalArgs {
  std::vector<std::string> test;
  std::string model;
  std::string case_form = "as-written";  // or "lower", "upper": the text a case-less outlet delivers
  bool truecase = false;
  std::string truecase_model;  // "" = the built-in one
  std::string names_from;      // a data directory whose cased articles' names restore case too
};

int RunEval(const EvalArgs& a) {
  auto model = entities::LoadNerModel(a.model);
  if (!model.ok()) return Fail(model.status());
  auto test = ReadAll(a.test);
  if (!test.ok()) return Fail(test.status());
  std::shared_ptr<const text::Truecaser> truecaser;
  if (a.truecase) {
    if (a.truecase_model.empty()) {
      truecaser = text::Truecaser::Builtin();
      if (!truecaser) return Fail(Status::NotFound("no truecase model built in: give --truecase-model"));
    } else {
      auto loaded = text::Truecaser::Load(a.truecase_model);
      if (!loaded.ok()) return Fail(loaded.status());
      truecaser = *std::move(loaded);
    }
  }
  // As `warta ingest` into that data directory would restore case: with the
  // names its cased articles wrote (core/cased_names.h).
  std::shared_ptr<const CasedNames> names;
  if (!a.names_from.empty()) {
    auto store = store::OpenSqliteStore({.path = a.names_from + "/warta.sqlite", .read_only = true});
    if (!store.ok()) return Fail(store.status());
    CasedNamesTable table;
    Status st = (*store)->ScanCasedNames([&](std::string_view name) { text::LearnCasedName(name, &table); });
    if (!st.ok()) return Fail(st);
    names = table.Snapshot();
    std::fprintf(stderr, "%zu names and %zu words of names learned from %s\n", names->names(), names->words(),
                 a.names_from.c_str());
  }
  std::vector<std::vector<std::string>> recased;
  for (const NerSentence& s : *test) {
    recased.emplace_back();
    for (const std::string& t : s.tokens)
      recased.back().push_back(a.case_form == "lower"   ? text::Lowercase(t)
                               : a.case_form == "upper" ? text::Uppercase(t)
                                                        : t);
  }
  if (truecaser) {
    // As the cleaner does: the case of the whole text decides (a cased test
    // set is left alone), then each sentence, its tokens joined by spaces,
    // is restored and cut back into the same tokens (the truecaser keeps
    // every byte offset).
    std::string all;
    for (const auto& toks : recased)
      for (const std::string& t : toks) all.append(t).push_back(' ');
    const LetterCase source = text::DetectLetterCase(all);
    std::string line;
    for (auto& toks : recased) {
      line.clear();
      for (const std::string& t : toks) {
        if (!line.empty()) line.push_back(' ');
        line += t;
      }
      truecaser->Restore(&line, source, names.get());
      size_t at = 0;
      for (std::string& t : toks) {
        t = line.substr(at, t.size());
        at += t.size() + 1;
      }
    }
  }
  entities::NerScores scores;
  std::vector<int> tags;
  entities::NerScratch scratch;
  for (size_t si = 0; si < test->size(); ++si) {
    const NerSentence& s = (*test)[si];
    std::vector<std::string_view> words(recased[si].begin(), recased[si].end());
    model->Tag(words, &tags, &scratch);
    scores.Add(s.tags, tags);
  }
  std::printf("%s", scores.Report().c_str());
  return kExitOk;
}

}  // namespace

void AddNerCommands(CLI::App& app, CommandContext& ctx) {
  auto tag_args = std::make_shared<TagArgs>();
  auto* tag = app.add_subcommand("tag", "Named entities in text (mentions with offsets), or BIO tags for CoNLL tokens");
  tag->add_option("input", tag_args->input, "File to tag (default - : stdin)");
  tag->add_option("--format", tag_args->format, "text (mentions) or conll (token per line in, token<TAB>tag out)")
      ->check(CLI::IsMember({"text", "conll"}));
  tag->add_option("--model", tag_args->model, "NER model file (default: the built-in model)");
  tag->add_option("--lexicon", tag_args->lexicon, std::string(kLexiconHelp) + " (text format only)")->type_name("DIR");
  tag->callback([&ctx, tag_args] {
    ctx.ran = true;
    ctx.exit_code = RunTag(*tag_args);
  });

  auto train_args = std::make_shared<TrainArgs>();
  auto* train = app.add_subcommand("train-ner", "Train a NER model (structured averaged perceptron) from CoNLL files");
  train->add_option("--train", train_args->train, "Training files (token ... BIO-tag per line)")->required();
  train->add_option("--dev", train_args->dev, "Development files: choose the epoch by their F1");
  train->add_option("--clusters", train_args->clusters,
                    "Word-cluster file to read, or to write when --corpus is given");
  train->add_option("--corpus", train_args->corpus, "Unlabelled JSONL news (files or directories) to learn clusters from");
  train->add_option("--gazetteer-json", train_args->gazetteer_json, "iso-codes ISO 3166-1 JSON ('' for none)");
  train->add_option("--gazetteer-mo", train_args->gazetteer_mo, "Its Indonesian gettext catalogue (.mo)");
  train->add_option("-o,--output", train_args->output, "Model file to write")->required();
  train->add_option("--epochs", train_args->epochs, "Most training epochs")->check(CLI::Range(1, 1000));
  train->add_option("--seed", train_args->seed, "Shuffling and augmentation seed");
  train->add_option("--runs", train_args->runs, "Training runs (different shuffles) averaged into the model")
      ->check(CLI::Range(1, 100));
  train->add_option("--lower-augment", train_args->lower_augment,
                    "Share of training sentences added again in lower case (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  train->add_option("--case-augment", train_args->case_augment,
                    "Share of sentences added again in Title Case and in ALL CAPS (each)")
      ->check(CLI::Range(0.0, 1.0));
  train->add_option("--description", train_args->description, "Free text stored in the model");
  train->callback([&ctx, train_args] {
    ctx.ran = true;
    ctx.exit_code = RunTrain(*train_args);
  });

  auto eval_args = std::make_shared<EvalArgs>();
  auto* eval = app.add_subcommand("eval-ner", "Entity-level micro P/R/F1 (conlleval rules) of a NER model on CoNLL files");
  eval->add_option("test", eval_args->test, "Gold files (token ... BIO-tag per line)")->required();
  eval->add_option("--model", eval_args->model, "NER model file (default: the built-in model)");
  eval->add_option("--case", eval_args->case_form,
                   "Score the test text as written, or lower-cased or upper-cased first (the gold tags stay)")
      ->check(CLI::IsMember({"as-written", "lower", "upper"}));
  eval->add_flag("--truecase", eval_args->truecase,
                 "Restore the case of case-less or all-caps test text first, as `warta ingest` does (text left "
                 "as written when it is cased)");
  eval->add_option("--truecase-model", eval_args->truecase_model, "Truecase model file (default: the built-in one)");
  eval->add_option("--names-from", eval_args->names_from,
                   "With --truecase: a data directory whose cased articles' names restore case too, as an ingest "
                   "into it would");
  eval->callback([&ctx, eval_args] {
    ctx.ran = true;
    ctx.exit_code = RunEval(*eval_args);
  });

  AddTruecaseCommand(app, ctx);
}

}  // namespace warta::cli
