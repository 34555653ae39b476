#include "cli/truecase_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/ner_data.h"
#include "text/truecase.h"
#include "text/truecase_eval.h"

namespace warta::cli {
namespace {

struct TrainTruecaseArgs {
  std::vector<std::string> corpus;  // IndoSum-style JSONL files or directories
  std::vector<std::string> ner;     // token-per-line NER training files
  std::string output;
  int hold_out_every = 10;          // every Nth article (by id) is held out; 0 = none
  int min_count = 1;
  int min_bigram_count = 2;
  int min_ngram_count = 5;
  std::string description;
  std::vector<std::string> exclude_ids;  // files whose first column lists corpus ids to leave out
};

// FNV-1a: a stable choice of held-out articles across runs and machines.
uint64_t HeldOutHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

StatusOr<std::vector<std::string>> JsonlFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> inside;
      for (const auto& e : std::filesystem::directory_iterator(p, ec))
        if (e.path().extension() == ".jsonl") inside.push_back(e.path().string());
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);
    } else {
      return Status::NotFound(p + ": no such file or directory");
    }
  }
  return files;
}

// Each article's paragraphs, tokens joined by spaces (running text the
// truecaser tokenises again), in training or held out by article id; an
// article in several folds counts once.
Status ReadArticles(const std::vector<std::string>& paths, int hold_out_every,
                    std::unordered_set<std::string> seen, std::vector<std::string>* train,
                    std::vector<std::string>* held_out, size_t* skipped_lines) {
  WARTA_ASSIGN_OR_RETURN(std::vector<std::string> files, JsonlFiles(paths));
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::NotFound(f + ": cannot open");
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object() || !j.contains("paragraphs") || !j["paragraphs"].is_array()) {
        std::fprintf(stderr, "warta: %s:%zu: skipped: not a JSON object with \"paragraphs\"\n", f.c_str(), line_no);
        ++*skipped_lines;
        continue;
      }
      std::string id = j.value("id", f + ":" + std::to_string(line_no));
      if (!seen.insert(id).second) continue;
      const bool hold = hold_out_every > 0 && HeldOutHash(id) % static_cast<uint64_t>(hold_out_every) == 0;
      // A paragraph at a time: a word's context crosses the corpus's
      // sentence breaks ('"... sekali ." | " kata dia'), as in running text.
      for (const auto& para : j["paragraphs"]) {
        if (!para.is_array()) continue;
        std::string text;
        for (const auto& sent : para) {
          if (!sent.is_array()) continue;
          for (const auto& tok : sent) {
            if (!tok.is_string()) continue;
            if (!text.empty()) text.push_back(' ');
            text += tok.get<std::string>();
          }
        }
        if (!text.empty()) (hold ? held_out : train)->push_back(std::move(text));
      }
    }
  }
  return Status::Ok();
}

// Ids to leave out (the first column of each line; '#' comments), e.g. the
// IndoSum articles of an evaluation set scored with the model.
StatusOr<std::unordered_set<std::string>> ReadExcludedIds(const std::vector<std::string>& paths) {
  std::unordered_set<std::string> ids;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::NotFound(p + ": cannot open");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      ids.insert(line.substr(0, line.find('\t')));
    }
  }
  return ids;
}

int RunTrainTruecase(const TrainTruecaseArgs& a) {
  std::vector<std::string> train, held_out;
  size_t bad_lines = 0;
  auto excluded = ReadExcludedIds(a.exclude_ids);
  if (!excluded.ok()) return Fail(excluded.status());
  const size_t n_excluded = excluded->size();
  if (Status st = ReadArticles(a.corpus, a.hold_out_every, *std::move(excluded), &train, &held_out, &bad_lines);
      !st.ok())
    return Fail(st);
  if (n_excluded) std::fprintf(stderr, "left out: %zu ids listed by --exclude-ids\n", n_excluded);
  size_t ner_sentences = 0;
  for (const std::string& p : a.ner) {
    auto sents = entities::ReadNerFile(p);
    if (!sents.ok()) return Fail(sents.status());
    for (const entities::NerSentence& s : *sents) {
      std::string text;
      for (const std::string& t : s.tokens) {
        if (!text.empty()) text.push_back(' ');
        text += t;
      }
      train.push_back(std::move(text));
      ++ner_sentences;
    }
  }
  text::TruecaseTrainer trainer;
  for (const std::string& s : train) trainer.Add(s);
  text::TruecaseTrainOptions opt;
  opt.min_count = a.min_count;
  opt.min_bigram_count = a.min_bigram_count;
  opt.min_ngram_count = a.min_ngram_count;
  opt.description = a.description;
  const std::string model_bytes = trainer.Write(opt);
  auto model = text::Truecaser::Parse(model_bytes, a.output);
  if (!model.ok()) return Fail(model.status());
  std::ofstream out(a.output, std::ios::binary);
  out << model_bytes;
  out.close();
  if (!out) return Fail(Status::IoError(a.output + ": write failed"));
  std::fprintf(stderr,
               "train: %zu texts (paragraphs, and %zu NER training sentences), %zu used, %zu skipped (case-less, all caps "
               "or Title Case); %zu bad corpus lines\n",
               train.size(), ner_sentences, trainer.added(), trainer.skipped(), bad_lines);
  std::fprintf(stderr, "wrote %s: %zu bytes, %zu words, %zu context lines; unseen in all caps: short %s, long %s\n",
               a.output.c_str(), model_bytes.size(), (*model)->words(), (*model)->bigrams(),
               (*model)->unseen_short() == text::WordShape::kUpper   ? "upper"
               : (*model)->unseen_short() == text::WordShape::kTitle ? "title"
                                                                     : "lower",
               (*model)->unseen_long() == text::WordShape::kUpper   ? "upper"
               : (*model)->unseen_long() == text::WordShape::kTitle ? "title"
                                                                    : "lower");
  if (held_out.empty()) return kExitOk;
  // The floor: no model at all (every word lower case, sentences capitalised).
  auto none = text::Truecaser::Parse("", "(no model)");
  for (const auto& [name, tc] : {std::pair{"model", model->get()}, std::pair{"no model", none->get()}})
    for (LetterCase as : {LetterCase::kLower, LetterCase::kUpper}) {
      text::TruecaseScores scores;
      for (const std::string& s : held_out) text::ScoreTruecase(*tc, s, as, &scores);
      std::printf("held out (%zu paragraphs), %s, from %s: %s\n", held_out.size(), name,
                  as == LetterCase::kLower ? "lower case" : "all caps", scores.Report().c_str());
    }
  return kExitOk;
}

}  // namespace

void AddTruecaseCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<TrainTruecaseArgs>();
  auto* cmd = app.add_subcommand("train-truecase",
                                 "Learn the truecaser (case for case-less and all-caps text) from cased corpora");
  cmd->add_option("--corpus", args->corpus, "IndoSum-style JSONL (files or directories): cased running text");
  cmd->add_option("--ner", args->ner, "NER training files (token ... tag per line): cased sentences");
  cmd->add_option("-o,--output", args->output, "Model file to write")->required();
  cmd->add_option("--hold-out-every", args->hold_out_every,
                  "Hold every Nth corpus article (by id hash) out of training and score on it (0 = none)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--min-count", args->min_count, "Words seen fewer times inside sentences are pruned")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--min-bigram-count", args->min_bigram_count, "Contexts seen fewer times are pruned")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--min-ngram-count", args->min_ngram_count,
                  "Spelling rule for long unseen words: n-grams the words seen once held fewer times are pruned (0: no "
                  "spelling rule)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--description", args->description, "Free text written into the model's header");
  cmd->add_option("--exclude-ids", args->exclude_ids,
                  "Files listing corpus article ids (first column) to leave out of training and held-out scoring");
  cmd->callback([&ctx, args] {
    ctx.ran = true;
    ctx.exit_code = RunTrainTruecase(*args);
  });
}

}  // namespace warta::cli
