#include "timex/eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/gold_set.h"
#include "ingest/reader.h"

namespace warta::timex {
namespace {

struct GoldRow {
  std::string split, file, article_id, locator, dct, text, value;
  TimexType type = TimexType::kDate;
  int line = 0;
};

// One scored unit: an IndoSum sentence or a written article.
struct Unit {
  std::string split, file, article_id, locator, dct;
  std::vector<GoldRow> rows;  // "-" rows (no expression) are dropped after grouping
};

StatusOr<std::vector<GoldRow>> ReadGold(const std::filesystem::path& path) {
  // The original gold's two parts, and the blind batch of issue 17.
  static const std::vector<std::string> kOriginalSplits = {"tune", "heldout"};
  auto valid_split = [](std::string_view split) {
    return split.starts_with("blind") || std::find(kOriginalSplits.begin(), kOriginalSplits.end(), split) != kOriginalSplits.end();
  };
  WARTA_ASSIGN_OR_RETURN(auto lines, ingest::ReadGoldLines(path, valid_split, "tune, heldout, blind, blind2 or blind3"));
  std::vector<GoldRow> rows;
  for (const auto& g : lines) {
    const auto& f = g.fields;
    GoldRow r;
    r.line = g.line;
    if (f.size() == 6 && f[5] == "-") {
      r.text = "-";
    } else if (f.size() == 8) {
      r.text = f[5], r.value = f[7];
      auto type = ParseVocabulary<TimexType>(f[6]);
      if (!type.ok()) return Status::Corrupt(g.where + type.status().message());
      r.type = *type;
    } else {
      return Status::Corrupt(g.where + "expected 8 tab-separated fields (or 6 with '-')");
    }
    r.split = f[0], r.file = f[1], r.article_id = f[2], r.locator = f[3], r.dct = f[4];
    rows.push_back(std::move(r));
  }
  return rows;
}

int32_t CodePoints(std::string_view s) { return static_cast<int32_t>(Utf8Length(s)); }

// An IndoSum article as the analyser sees it (see ingest::DetokeniseSentences).
struct ArticleText {
  std::string text;
  std::map<std::string, std::pair<size_t, size_t>> ranges;
};
ArticleText IndoSumText(const nlohmann::json& article) {
  ingest::IndoSumSentences sentences = ingest::DetokeniseSentences(article);
  ArticleText out;
  for (size_t p = 0; p < sentences.paragraphs.size(); ++p) out.text += (p ? "\n" : "") + sentences.paragraphs[p];
  out.ranges = std::move(sentences.ranges);
  return out;
}

// Scores the system expressions inside text[range) against `rows`.
void Score(const std::string& text, std::pair<size_t, size_t> range, const std::vector<GoldRow>& rows,
           const std::vector<TaggedTimex>& all_sys, const std::string& where, EvalCounts* c,
           std::vector<std::string>* errors) {
  const int32_t cp_begin = CodePoints(std::string_view(text).substr(0, range.first));
  const int32_t cp_end = cp_begin + CodePoints(std::string_view(text).substr(range.first, range.second - range.first));
  std::vector<TaggedTimex> sys;
  for (const auto& t : all_sys)
    if (t.timex.span.begin < cp_end && cp_begin < t.timex.span.end) sys.push_back(t);
  struct G {
    Span span;
    const GoldRow* row;
  };
  std::vector<G> gold;
  size_t cursor = range.first;
  for (const auto& r : rows) {
    size_t at = text.find(r.text, cursor);
    if (at == std::string::npos || at + r.text.size() > range.second) {
      errors->push_back(where + ": gold expression not in text: " + r.text);
      continue;
    }
    Span s{CodePoints(std::string_view(text).substr(0, at)), 0};
    s.end = s.begin + CodePoints(r.text);
    gold.push_back({s, &r});
    cursor = at + r.text.size();
  }
  c->units += 1;
  c->gold += static_cast<int>(gold.size());
  c->system += static_cast<int>(sys.size());
  std::vector<bool> used(sys.size(), false);
  for (const auto& g : gold) {
    int pick = -1;
    for (size_t k = 0; k < sys.size(); ++k) {
      if (used[k]) continue;
      const Span& s = sys[k].timex.span;
      if (s == g.span) {
        pick = static_cast<int>(k);
        break;
      }
      if (pick < 0 && s.begin < g.span.end && g.span.begin < s.end) pick = static_cast<int>(k);
    }
    if (pick < 0) {
      errors->push_back(where + ": missed \"" + g.row->text + "\" " + std::string(Name(g.row->type)) + " " + g.row->value);
      continue;
    }
    used[pick] = true;
    const auto& t = sys[pick].timex;
    c->relaxed++;
    if (t.span == g.span) c->strict++;
    else errors->push_back(where + ": extent \"" + t.text + "\" vs gold \"" + g.row->text + "\"");
    if (t.type == g.row->type) c->type_correct++;
    if (t.value == g.row->value) c->value_correct++;
    else
      errors->push_back(where + ": value of \"" + g.row->text + "\" " + std::string(Name(t.type)) + " " + (t.value.empty() ? "(empty)" : t.value) +
                        " vs gold " + std::string(Name(g.row->type)) + " " + (g.row->value.empty() ? "(empty)" : g.row->value));
  }
  for (size_t k = 0; k < sys.size(); ++k)
    if (!used[k])
      errors->push_back(where + ": spurious \"" + sys[k].timex.text + "\" " + std::string(Name(sys[k].timex.type)) + " " + sys[k].timex.value);
}

}  // namespace

void EvalCounts::Add(const EvalCounts& o) {
  units += o.units, gold += o.gold, system += o.system, strict += o.strict, relaxed += o.relaxed;
  type_correct += o.type_correct, value_correct += o.value_correct;
}

StatusOr<EvalReport> Evaluate(const TimexTagger& tagger, const EvalOptions& options) {
  std::vector<GoldRow> rows;
  for (const char* name : {"indosum_gold.tsv", "written_gold.tsv", "blind_gold.tsv", "blind2_gold.tsv", "blind3_gold.tsv"}) {
    // The blind batches came later (issue 17): an older gold directory without them is still scored.
    if (std::string_view(name).starts_with("blind") && !std::filesystem::exists(options.gold_dir / name)) continue;
    auto r = ReadGold(options.gold_dir / name);
    if (!r.ok()) return r.status();
    for (auto& row : *r) rows.push_back(std::move(row));
  }
  // Group rows into units, keeping file order.
  std::vector<Unit> units;
  std::map<std::string, size_t> index;
  for (auto& r : rows) {
    std::string key = r.file + "\t" + r.article_id + "\t" + r.locator;
    auto [it, fresh] = index.emplace(key, units.size());
    if (fresh) units.push_back({r.split, r.file, r.article_id, r.locator, r.dct, {}});
    if (r.text != "-") units[it->second].rows.push_back(r);
  }
  // Load the IndoSum articles the gold names, one pass per file.
  std::map<std::string, nlohmann::json> articles;  // "file\tid" -> article
  if (!options.shared_dir.empty()) {
    std::map<std::string, std::vector<std::string>> wanted;
    for (const auto& u : units)
      if (u.file.starts_with("dev.")) wanted[u.file].push_back(u.article_id);
    articles = ingest::LoadIndoSumArticles(options.shared_dir, wanted);
  }
  EvalReport report;
  struct Tagged {
    ArticleText article;
    std::vector<TaggedTimex> sys;
  };
  std::map<std::string, Tagged> cache;  // one tagging per article, as the analyser does
  for (const auto& u : units) {
    const std::string key = u.file + "\t" + u.article_id;
    auto cached = cache.find(key);
    if (cached == cache.end()) {
      Tagged t;
      if (u.file.starts_with("dev.")) {
        auto it = articles.find(key);
        if (it == articles.end()) {
          report.skipped_units++;
          continue;
        }
        t.article = IndoSumText(it->second);
      } else {
        std::ifstream in(options.gold_dir / u.file, std::ios::binary);
        if (!in) return Status::NotFound((options.gold_dir / u.file).string() + ": cannot open");
        std::stringstream ss;
        ss << in.rdbuf();
        t.article.text = ss.str();
        while (!t.article.text.empty() && t.article.text.back() == '\n') t.article.text.pop_back();
        t.article.ranges["-"] = {0, t.article.text.size()};
      }
      std::optional<DateTime> dct;
      if (u.dct != "-") {
        dct = DateTime::ParseIso(u.dct);
        if (!dct) return Status::Corrupt(u.file + " " + u.article_id + ": bad dct " + u.dct);
      } else {
        dct = InferPublicationDate(tagger.Tag(t.article.text, std::nullopt));
      }
      t.sys = tagger.Tag(t.article.text, dct);
      cached = cache.emplace(key, std::move(t)).first;
    }
    const Tagged& t = cached->second;
    auto range = t.article.ranges.find(u.locator);
    if (range == t.article.ranges.end())
      return Status::Corrupt(u.file + " " + u.article_id + ": no sentence " + u.locator);
    const bool heldout = u.split == "heldout";
    EvalCounts* part = heldout                ? &report.heldout
                       : u.split == "blind"   ? &report.blind
                       : u.split == "blind2"  ? &report.blind2
                       : u.split == "blind3"  ? &report.blind3
                                              : &report.tune;
    std::vector<std::string> errors;
    Score(t.article.text, range->second, u.rows, t.sys,
          u.split + " " + u.file + " " + u.article_id.substr(0, 24) + " " + u.locator, part, &errors);
    if (!heldout || options.heldout_errors)
      report.errors.insert(report.errors.end(), errors.begin(), errors.end());
  }
  return report;
}

std::string FormatReport(const EvalReport& r) {
  EvalCounts all = r.tune;
  all.Add(r.heldout);
  std::string out =
      "| part | units | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc | value acc | value F1 |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  auto row = [&](const char* name, const EvalCounts& c) {
    char buf[512];
    const double sf = EvalCounts::F1(c.StrictP(), c.StrictR()), rf = EvalCounts::F1(c.RelaxedP(), c.RelaxedR());
    const double vf = EvalCounts::F1(c.ValueP(), c.ValueR());
    std::snprintf(buf, sizeof buf,
                  "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", name,
                  c.units, c.gold, c.system, 100 * c.StrictP(), 100 * c.StrictR(), 100 * sf, 100 * c.RelaxedP(),
                  100 * c.RelaxedR(), 100 * rf, c.relaxed ? 100.0 * c.type_correct / c.relaxed : 0.0,
                  c.relaxed ? 100.0 * c.value_correct / c.relaxed : 0.0, 100 * vf);
    out += buf;
  };
  row("tuning", r.tune);
  row("held-out", r.heldout);
  row("all", all);
  if (r.blind.units) row("blind batch (issue 17)", r.blind);
  if (r.blind2.units) row("blind batch 2 (issue 17)", r.blind2);
  if (r.blind3.units) row("blind batch 3 (issue 17, session 9)", r.blind3);
  if (r.skipped_units)
    out += "\n(" + std::to_string(r.skipped_units) + " IndoSum units skipped: ../shared absent or article not found)\n";
  return out;
}

}  // namespace warta::timex
