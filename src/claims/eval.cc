#include "claims/eval.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/tsv.h"
#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "entities/entity_analyzer.h"
#include "core/utf8.h"
#include "ingest/gold_set.h"
#include "ingest/reader.h"
#include "quotes/quote_analyzer.h"
#include "text/case.h"
#include "text/normalise.h"
#include "timex/timex_analyzer.h"

namespace warta::claims {
namespace {

struct GoldRow {
  std::string split, file, article_id, locator, text, unit, claimant;
  std::string subject_core, subject_full;  // from subjects.tsv; core empty: not annotated
  ClaimBound bound = ClaimBound::kExact;
  double low = 0, high = 0;
  int line = 0;
};

struct Unit {
  std::string split, file, article_id, locator;
  std::vector<GoldRow> rows;  // "-" rows (no claim) are dropped after grouping
};

StatusOr<std::vector<GoldRow>> ReadGold(const std::filesystem::path& path) {
  WARTA_ASSIGN_OR_RETURN(auto lines, ingest::ReadGoldLines(path));
  std::vector<GoldRow> rows;
  for (const auto& g : lines) {
    const auto& f = g.fields;
    GoldRow r;
    r.line = g.line;
    if (f.size() == 5 && f[4] == "-") {
      r.text = "-";
    } else if (f.size() == 10) {
      r.text = f[4], r.unit = f[8], r.claimant = f[9];
      auto bound = ParseVocabulary<ClaimBound>(f[7]);
      if (!bound.ok()) return Status::Corrupt(g.where + bound.status().message());
      r.bound = *bound;
      char* end = nullptr;
      r.low = std::strtod(f[5].c_str(), &end);
      if (f[5].empty() || *end) return Status::Corrupt(g.where + "low is not a number");
      r.high = std::strtod(f[6].c_str(), &end);
      if (f[6].empty() || *end) return Status::Corrupt(g.where + "high is not a number");
    } else {
      return Status::Corrupt(g.where + "expected 10 tab-separated fields (or 5 with '-')");
    }
    r.split = f[0], r.file = f[1], r.article_id = f[2], r.locator = f[3];
    rows.push_back(std::move(r));
  }
  return rows;
}

// subjects.tsv: file, article id, locator, claim -> (core, full).
StatusOr<std::map<std::string, std::pair<std::string, std::string>>> ReadSubjects(const std::filesystem::path& path) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  if (!std::filesystem::exists(path)) return out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() != 6)
      return Status::Corrupt(path.string() + ":" + std::to_string(n) +
                             ": expected 6 tab-separated fields (file, id, locator, claim, core, full)");
    out[f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3]] = {f[4], f[5]};
  }
  return out;
}

// A subject phrase for comparison: ASCII lower case, single spaces, none
// around a hyphen ("e - ktp" and "e-KTP" are one).
std::string SubjectKey(std::string_view s) {
  std::string out;
  for (char ch : s) {
    char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ' && out.back() != '-') out += ' ';
      continue;
    }
    if (c == '-' && !out.empty() && out.back() == ' ') out.pop_back();
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool SubjectMatches(const GoldRow& g, const std::string& system) {
  if (g.subject_core == "-") return system.empty();
  const std::string sys = SubjectKey(system);
  return !sys.empty() && sys.find(SubjectKey(g.subject_core)) != std::string::npos &&
         SubjectKey(g.subject_full).find(sys) != std::string::npos;
}

int32_t CodePoints(std::string_view s) { return static_cast<int32_t>(Utf8Length(s)); }

// An IndoSum article as the JSONL reader builds it (each paragraph's tokens
// detokenised together), and each sentence's text as it reads in that
// paragraph (so quotes pair up the same way).
struct IndoSumDoc {
  RawDocument doc;
  std::map<std::string, std::string> sentences;  // "p.s" -> text
};
IndoSumDoc BuildIndoSum(const nlohmann::json& article, const std::string& file) {
  IndoSumDoc out;
  out.doc.source = file;
  if (auto published = ingest::IndoSumPublished(article.value("id", "")))
    out.doc.date = published->ToIso().substr(0, 10);
  const auto& paras = article["paragraphs"];
  for (size_t p = 0; p < paras.size(); ++p) {
    std::vector<std::string> tokens;
    std::vector<size_t> ends;
    for (const auto& sentence : paras[p]) {
      for (const auto& t : sentence) tokens.push_back(t.get<std::string>());
      ends.push_back(tokens.size());
    }
    std::string para = ingest::Detokenise(tokens);
    size_t begin_tok = 0;
    for (size_t s = 0; s < ends.size(); ++s) {
      // Detokenising is left to right, so a prefix's text is a prefix of the
      // paragraph's: the sentence is what the next prefix adds.
      std::vector<std::string> before(tokens.begin(), tokens.begin() + static_cast<long>(begin_tok));
      std::vector<std::string> through(tokens.begin(), tokens.begin() + static_cast<long>(ends[s]));
      std::string a = ingest::Detokenise(before), b = ingest::Detokenise(through);
      std::string sentence =
          b.size() >= a.size()
              ? b.substr(a.size())
              : ingest::Detokenise(std::vector<std::string>(tokens.begin() + static_cast<long>(begin_tok),
                                                            tokens.begin() + static_cast<long>(ends[s])));
      out.sentences[std::to_string(p) + "." + std::to_string(s)] = text::Normalise(sentence);
      begin_tok = ends[s];
    }
    out.doc.paragraphs.push_back(std::move(para));
  }
  return out;
}

// Byte range of `sentence` in `text`: the whole sentence, else its longest
// tail (cleaning may cut a dateline off the front). {npos, npos} if absent.
std::string Fold(std::string s);
std::pair<size_t, size_t> Locate(const std::string& cased_text, const std::string& cased_sentence) {
  // Case-blind (claims_eval --case): ASCII folding keeps byte offsets.
  const std::string text = Fold(cased_text), sentence = Fold(cased_sentence);
  size_t at = text.find(sentence);
  if (at != std::string::npos) return {at, at + sentence.size()};
  for (size_t cut = sentence.find(' '); cut != std::string::npos && cut + 1 < sentence.size();
       cut = sentence.find(' ', cut + 1)) {
    std::string tail = sentence.substr(cut + 1);
    if (tail.size() < 12) break;
    at = text.find(tail);
    if (at != std::string::npos) return {at, at + tail.size()};
  }
  return {std::string::npos, std::string::npos};
}

std::string Fold(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// `gold` lists the acceptable names separated by '|'.
bool ClaimantMatches(const std::string& gold, const std::string& system) {
  if (gold == "-") return system.empty();
  const std::string want = Fold(system);
  for (size_t start = 0;;) {
    size_t bar = gold.find('|', start);
    if (Fold(gold.substr(start, bar == std::string::npos ? std::string::npos : bar - start)) == want) return true;
    if (bar == std::string::npos) return false;
    start = bar + 1;
  }
}

bool Same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

std::string Describe(const Claim& c) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.10g..%.10g", c.low, c.high);
  return "\"" + c.text + "\" " + buf + " " + (c.bound == ClaimBound::kExact ? "=" : std::string(Name(c.bound))) + " [" + c.unit + "] by " +
         (c.claimant.empty() ? "-" : c.claimant);
}

void Score(const std::string& text, std::pair<size_t, size_t> range, const std::vector<GoldRow>& rows,
           const std::vector<Claim>& all, const std::string& where, EvalCounts* c, std::vector<std::string>* errors) {
  c->units += 1;
  c->gold += static_cast<int>(rows.size());
  if (range.first == std::string::npos) {
    for (const auto& r : rows) errors->push_back(where + ": sentence removed by cleaning; missed \"" + r.text + "\"");
    return;
  }
  const int32_t cp_begin = CodePoints(std::string_view(text).substr(0, range.first));
  const int32_t cp_end = cp_begin + CodePoints(std::string_view(text).substr(range.first, range.second - range.first));
  std::vector<const Claim*> sys;
  for (const auto& s : all)
    if (s.span.begin < cp_end && cp_begin < s.span.end) sys.push_back(&s);
  c->system += static_cast<int>(sys.size());
  std::vector<bool> used(sys.size(), false);
  // Case-blind: under --case the text is recased (and maybe truecased), the
  // gold is as written; ASCII folding keeps byte offsets.
  const std::string folded = Fold(text);
  size_t cursor = range.first;
  for (const auto& g : rows) {
    size_t at = folded.find(Fold(g.text), cursor);
    if (at == std::string::npos || at + g.text.size() > range.second) {
      errors->push_back(where + ": gold claim not in text: " + g.text);
      continue;
    }
    cursor = at + g.text.size();
    const int32_t gb = CodePoints(std::string_view(text).substr(0, at));
    const int32_t ge = gb + CodePoints(g.text);
    int pick = -1;
    for (size_t k = 0; k < sys.size() && pick < 0; ++k)
      if (!used[k] && sys[k]->span.begin < ge && gb < sys[k]->span.end) pick = static_cast<int>(k);
    if (pick < 0) {
      errors->push_back(where + ": missed \"" + g.text + "\"");
      continue;
    }
    used[pick] = true;
    const Claim& s = *sys[pick];
    c->matched++;
    const bool value = Same(s.low, g.low) && Same(s.high, g.high) && s.bound == g.bound;
    c->value_correct += value;
    c->unit_correct += s.unit == g.unit;
    const bool who = ClaimantMatches(g.claimant, s.claimant);
    c->claimant_correct += who;
    if (!g.subject_core.empty()) {
      c->subject_scored++;
      const bool subject = SubjectMatches(g, s.subject);
      c->subject_correct += subject;
      if (!subject)
        errors->push_back(where + ": subject \"" + s.subject + "\" of \"" + s.text + "\" vs gold \"" + g.subject_core +
                          "\" within \"" + g.subject_full + "\"");
    }
    if (!value || s.unit != g.unit || !who) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "%.10g..%.10g", g.low, g.high);
      errors->push_back(where + ": " + Describe(s) + " vs gold " + buf + " " + (g.bound == ClaimBound::kExact ? "=" : std::string(Name(g.bound))) +
                        " [" + g.unit + "] by " + g.claimant);
    }
  }
  for (size_t k = 0; k < sys.size(); ++k)
    if (!used[k]) errors->push_back(where + ": spurious " + Describe(*sys[k]));
}

}  // namespace

void EvalCounts::Add(const EvalCounts& o) {
  units += o.units, gold += o.gold, system += o.system, matched += o.matched;
  value_correct += o.value_correct, unit_correct += o.unit_correct, claimant_correct += o.claimant_correct;
  subject_scored += o.subject_scored, subject_correct += o.subject_correct;
}

StatusOr<EvalReport> Evaluate(const EvalOptions& options) {
  std::vector<GoldRow> rows;
  for (const char* name : {"indosum_gold.tsv", "written_gold.tsv"}) {
    auto r = ReadGold(options.gold_dir / name);
    if (!r.ok()) return r.status();
    for (auto& row : *r) rows.push_back(std::move(row));
  }
  auto subjects = ReadSubjects(options.gold_dir / "subjects.tsv");
  if (!subjects.ok()) return subjects.status();
  for (auto& r : rows) {
    auto it = subjects->find(r.file + "\t" + r.article_id + "\t" + r.locator + "\t" + r.text);
    if (it != subjects->end()) r.subject_core = it->second.first, r.subject_full = it->second.second;
  }
  std::vector<Unit> units;
  std::map<std::string, size_t> index;
  for (auto& r : rows) {
    std::string key = r.file + "\t" + r.article_id + "\t" + r.locator;
    auto [it, fresh] = index.emplace(key, units.size());
    if (fresh) units.push_back({r.split, r.file, r.article_id, r.locator, {}});
    if (r.text != "-") units[it->second].rows.push_back(r);
  }
  // The IndoSum articles the gold names, one pass per file.
  std::map<std::string, nlohmann::json> articles;  // "file\tid" -> article
  if (!options.shared_dir.empty()) {
    std::map<std::string, std::vector<std::string>> wanted;
    for (const auto& u : units)
      if (u.file.starts_with("dev.")) wanted[u.file].push_back(u.article_id);
    articles = ingest::LoadIndoSumArticles(options.shared_dir, wanted);
  }
  if (!options.letter_case.empty() && options.letter_case != "lower" && options.letter_case != "upper")
    return Status::InvalidArgument("letter case is lower or upper, not '" + options.letter_case + "'");
  clean::CleanOptions clean_options;
  clean_options.restore_case = options.letter_case.empty() || options.truecase;
  auto cleaner = clean::Cleaner::Create(clean_options);
  if (!cleaner.ok()) return cleaner.status();
  auto entities = entities::EntityAnalyzer::Create({});
  if (!entities.ok()) return entities.status();
  std::vector<std::unique_ptr<analyse::Analyzer>> stack;
  stack.push_back(std::move(entities).value());
  stack.push_back(std::make_unique<timex::TimexAnalyzer>());
  stack.push_back(std::make_unique<quotes::QuoteAnalyzer>());
  stack.push_back(std::make_unique<ClaimAnalyzer>(options.claims));

  EvalReport report;
  struct Analysed {
    std::string text;  // Article::Text()
    std::vector<Claim> claims;
    std::map<std::string, std::string> sentences;
  };
  std::map<std::string, Analysed> cache;  // one analysis per article
  for (const auto& u : units) {
    const std::string key = u.file + "\t" + u.article_id;
    auto cached = cache.find(key);
    if (cached == cache.end()) {
      RawDocument doc;
      Analysed a;
      if (u.file.starts_with("dev.")) {
        auto it = articles.find(key);
        if (it == articles.end()) {
          report.skipped_units++;
          continue;
        }
        IndoSumDoc d = BuildIndoSum(it->second, u.file);
        doc = std::move(d.doc);
        a.sentences = std::move(d.sentences);
      } else {
        std::ifstream in(options.gold_dir / u.file, std::ios::binary);
        if (!in) return Status::NotFound((options.gold_dir / u.file).string() + ": cannot open");
        std::stringstream ss;
        ss << in.rdbuf();
        doc.source = u.file;
        doc.text = ss.str();
      }
      if (!options.letter_case.empty()) {
        auto recase = [&](const std::string& t) {
          return options.letter_case == "lower" ? text::Lowercase(t) : text::Uppercase(t);
        };
        doc.text = recase(doc.text);
        for (std::string& p : doc.paragraphs) p = recase(p);
      }
      auto article = (*cleaner)->Clean(doc);
      if (!article.ok()) return article.status();
      analyse::AnalysisContext ctx(*article);
      for (const auto& an : stack) {
        Status st = an->Analyse(&*article, &ctx);
        if (!st.ok()) return st;
      }
      a.text = ctx.text();
      a.claims = std::move(article->claims);
      cached = cache.emplace(key, std::move(a)).first;
    }
    const Analysed& a = cached->second;
    std::pair<size_t, size_t> range{0, a.text.size()};
    if (u.locator != "-") {
      auto s = a.sentences.find(u.locator);
      if (s == a.sentences.end()) return Status::Corrupt(u.file + " " + u.article_id + ": no sentence " + u.locator);
      range = Locate(a.text, s->second);
    }
    const bool heldout = u.split == "heldout";
    std::vector<std::string> errors;
    Score(a.text, range, u.rows, a.claims, u.split + " " + u.file + " " + u.article_id.substr(0, 24) + " " + u.locator,
          heldout ? &report.heldout : &report.tune, &errors);
    if (!heldout || options.heldout_errors) report.errors.insert(report.errors.end(), errors.begin(), errors.end());
  }
  return report;
}

std::string FormatReport(const EvalReport& r) {
  EvalCounts all = r.tune;
  all.Add(r.heldout);
  std::string out =
      "| part | units | gold | system | matched | P | R | F1 | value acc | unit acc | claimant acc | subject acc (scored) |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  auto row = [&](const char* name, const EvalCounts& c) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%d) |\n",
                  name, c.units, c.gold, c.system, c.matched, 100 * c.P(), 100 * c.R(), 100 * c.F1(),
                  100 * c.ValueAcc(), 100 * c.UnitAcc(), 100 * c.ClaimantAcc(), 100 * c.SubjectAcc(), c.subject_scored);
    out += buf;
  };
  row("tuning", r.tune);
  row("held-out", r.heldout);
  row("all", all);
  if (r.skipped_units)
    out += "\n(" + std::to_string(r.skipped_units) + " IndoSum units skipped: ../shared absent or article not found)\n";
  return out;
}

}  // namespace warta::claims
