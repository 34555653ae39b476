#include "quotes/eval.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/gold_set.h"
#include "ingest/reader.h"

namespace warta::quotes {
namespace {

struct GoldRow {
  std::string split, file, article_id, locator, text, kind, speaker, relay;
  int line = 0;
};

StatusOr<std::vector<GoldRow>> ReadGold(const std::filesystem::path& path) {
  WARTA_ASSIGN_OR_RETURN(auto lines, ingest::ReadGoldLines(path));
  std::vector<GoldRow> rows;
  for (const auto& g : lines) {
    const auto& f = g.fields;
    if (f.size() != 8) return Status::Corrupt(g.where + "expected 8 tab-separated fields");
    GoldRow r{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], g.line};
    if (r.text != "-" && r.kind != "direct" && r.kind != "indirect")
      return Status::Corrupt(g.where + "kind must be direct or indirect");
    rows.push_back(std::move(r));
  }
  return rows;
}

int32_t CodePoints(std::string_view s) { return static_cast<int32_t>(Utf8Length(s)); }

// Case, hyphens and runs of spaces do not distinguish two names.
std::string NameKey(std::string_view s) {
  std::string out;
  for (char c : s) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (l == '-' || l == ' ' || l == '.') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(l);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// An article to analyse, with the byte range of each locator in Text().
struct Loaded {
  Article article;
  std::string text;
  std::map<std::string, std::pair<size_t, size_t>> ranges;
};

Loaded FromIndoSum(const nlohmann::json& j) {
  Loaded out;
  out.article.source = j.value("id", "");
  ingest::IndoSumSentences sentences = ingest::DetokeniseSentences(j);
  out.article.paragraphs = std::move(sentences.paragraphs);
  out.ranges = std::move(sentences.ranges);
  out.article.published = ingest::IndoSumPublished(out.article.source);
  out.text = out.article.Text();
  return out;
}

StatusOr<Loaded> FromWritten(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  Loaded out;
  out.article.source = path.string();
  std::string line;
  size_t offset = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    out.ranges[std::to_string(out.article.paragraphs.size())] = {offset, offset + line.size()};
    offset += line.size() + 1;
    out.article.paragraphs.push_back(line);
  }
  out.text = out.article.Text();
  return out;
}

void Score(const Loaded& a, const std::vector<const GoldRow*>& rows, const std::string& where, QuoteEvalCounts* c,
           std::vector<std::string>* errors, Status* status) {
  struct G {
    Span span;
    const GoldRow* row;
  };
  std::vector<G> gold;
  for (const GoldRow* r : rows) {
    if (r->text == "-") continue;
    auto range = a.ranges.find(r->locator);
    if (range == a.ranges.end()) {
      *status = Status::Corrupt(where + ": no sentence " + r->locator + " (gold line " + std::to_string(r->line) + ")");
      return;
    }
    // "prefix … suffix" names a long quote by its two ends.
    std::string head = r->text, tail;
    if (size_t cut = r->text.find(" … "); cut != std::string::npos) {
      head = r->text.substr(0, cut);
      tail = r->text.substr(cut + 5);
    }
    size_t at = a.text.find(head, range->second.first);
    if (at == std::string::npos || at >= range->second.second) {
      *status = Status::Corrupt(where + ": gold quote not in sentence " + r->locator + " (gold line " +
                                std::to_string(r->line) + "): " + head);
      return;
    }
    size_t end = at + head.size();
    if (!tail.empty()) {
      size_t t = a.text.find(tail, end);
      if (t == std::string::npos) {
        *status = Status::Corrupt(where + ": gold quote end not found (gold line " + std::to_string(r->line) + "): " + tail);
        return;
      }
      end = t + tail.size();
    }
    Span s{CodePoints(std::string_view(a.text).substr(0, at)), 0};
    s.end = s.begin + CodePoints(std::string_view(a.text).substr(at, end - at));
    gold.push_back({s, r});
  }
  const auto& sys = a.article.quotes;
  c->articles += 1;
  c->gold += static_cast<int>(gold.size());
  c->system += static_cast<int>(sys.size());
  std::vector<bool> used(sys.size(), false);
  for (const auto& g : gold) {
    int pick = -1;
    for (size_t k = 0; k < sys.size() && pick < 0; ++k)
      if (!used[k] && sys[k].span.begin < g.span.end && g.span.begin < sys[k].span.end) pick = static_cast<int>(k);
    const std::string head = "\"" + g.row->text.substr(0, 50) + "\"";
    if (pick < 0) {
      errors->push_back(where + ": missed " + g.row->kind + " " + head + " [" + g.row->speaker + "]");
      continue;
    }
    used[pick] = true;
    const Quote& q = sys[pick];
    c->matched++;
    c->speaker_resolved += !q.speaker_entity_id.empty();
    if (g.row->speaker != "-") {
      c->speaker_named++;
      if (NameKey(q.speaker) == NameKey(g.row->speaker)) c->speaker_correct++;
      else errors->push_back(where + ": speaker of " + head + " \"" + q.speaker + "\" vs gold \"" + g.row->speaker + "\"");
    }
    const std::string gold_relay = g.row->relay == "-" ? "" : g.row->relay;
    if (NameKey(q.relay) == NameKey(gold_relay)) c->relay_correct++;
    else errors->push_back(where + ": relay of " + head + " \"" + q.relay + "\" vs gold \"" + gold_relay + "\"");
    if (q.direct == (g.row->kind == "direct")) c->direct_correct++;
    else errors->push_back(where + ": " + head + " is " + (q.direct ? "direct" : "indirect") + " vs gold " + g.row->kind);
  }
  for (size_t k = 0; k < sys.size(); ++k)
    if (!used[k])
      errors->push_back(where + ": spurious " + (sys[k].direct ? "direct" : "indirect") + " \"" + sys[k].text.substr(0, 60) +
                        "\" [" + sys[k].speaker + "]");
}

}  // namespace

void QuoteEvalCounts::Add(const QuoteEvalCounts& o) {
  articles += o.articles, gold += o.gold, system += o.system, matched += o.matched;
  speaker_named += o.speaker_named, speaker_correct += o.speaker_correct, speaker_resolved += o.speaker_resolved;
  relay_correct += o.relay_correct, direct_correct += o.direct_correct;
}

StatusOr<QuoteEvalReport> Evaluate(const std::vector<std::unique_ptr<analyse::Analyzer>>& analyzers,
                                   const QuoteEvalOptions& options) {
  auto rows = ReadGold(options.gold_dir / "quotes_gold.tsv");
  if (!rows.ok()) return rows.status();
  // Articles in file order, each with its rows.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const GoldRow*>> by_article;
  for (const auto& r : *rows) {
    std::string key = r.file + "\t" + r.article_id;
    auto [it, fresh] = by_article.try_emplace(key);
    if (fresh) order.push_back(key);
    if (!it->second.empty() && it->second.front()->split != r.split)
      return Status::Corrupt("gold line " + std::to_string(r.line) + ": an article is in one split only");
    it->second.push_back(&r);
  }
  // IndoSum articles, one pass per file.
  std::map<std::string, nlohmann::json> indosum;  // "file\tid" -> article
  if (!options.shared_dir.empty()) {
    std::map<std::string, std::vector<std::string>> wanted;
    for (const auto& key : order) {
      const GoldRow* r = by_article[key].front();
      if (r->file.starts_with("dev.")) wanted[r->file].push_back(r->article_id);
    }
    indosum = ingest::LoadIndoSumArticles(options.shared_dir, wanted);
  }
  QuoteEvalReport report;
  for (const auto& key : order) {
    const auto& article_rows = by_article[key];
    const GoldRow& first = *article_rows.front();
    Loaded a;
    if (first.file.starts_with("dev.")) {
      auto it = indosum.find(key);
      if (it == indosum.end()) {
        report.skipped_articles++;
        continue;
      }
      a = FromIndoSum(it->second);
    } else {
      auto w = FromWritten(options.gold_dir / first.file);
      if (!w.ok()) return w.status();
      a = std::move(w).value();
    }
    analyse::AnalysisContext ctx(a.article);
    for (const auto& an : analyzers) {
      Status st = an->Analyse(&a.article, &ctx);
      if (!st.ok()) return Status(st.code(), std::string(an->name()) + ": " + st.message());
    }
    const bool heldout = first.split == "heldout";
    std::vector<std::string> errors;
    Status st;
    Score(a, article_rows, first.split + " " + first.file + " " + first.article_id.substr(0, 30),
          heldout ? &report.heldout : &report.tune, &errors, &st);
    if (!st.ok()) return st;
    if (!heldout || options.heldout_errors) report.errors.insert(report.errors.end(), errors.begin(), errors.end());
  }
  return report;
}

std::string FormatReport(const QuoteEvalReport& r) {
  QuoteEvalCounts all = r.tune;
  all.Add(r.heldout);
  std::string out =
      "| part | articles | gold | system | matched | P | R | F1 | speaker acc | resolved | relay acc | direct/indirect acc |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  auto row = [&](const char* name, const QuoteEvalCounts& c) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f (%d/%d) | %.1f | %.1f | %.1f |\n",
                  name, c.articles, c.gold, c.system, c.matched, 100 * c.P(), 100 * c.R(), 100 * c.F1(),
                  100 * c.SpeakerAccuracy(), c.speaker_correct, c.speaker_named, 100 * c.ResolvedRate(),
                  100 * c.RelayAccuracy(), 100 * c.DirectAccuracy());
    out += buf;
  };
  row("tuning", r.tune);
  row("held-out", r.heldout);
  row("all", all);
  if (r.skipped_articles)
    out += "\n(" + std::to_string(r.skipped_articles) + " IndoSum articles skipped: ../shared absent or article not found)\n";
  return out;
}

}  // namespace warta::quotes
