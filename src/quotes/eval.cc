#include "quotes/eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/gold_set.h"
#include "text/lexicon.h"
#include "ingest/reader.h"

namespace warta::quotes {
namespace {

struct GoldRow {
  std::string split, file, article_id, locator, text, kind, speaker, relay;
  int line = 0;
};

StatusOr<std::vector<GoldRow>> ReadGold(const std::filesystem::path& path) {
  WARTA_ASSIGN_OR_RETURN(auto lines,
                         ingest::ReadGoldLines(
                             path, [](std::string_view s) { return SplitBatch(s) >= 0; },
                             "tune, heldout or heldout<N> (N >= 2)"));
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

void Score(const Loaded& a, const std::vector<const GoldRow*>& rows, const std::string& where,
           const QuoteEvalOptions& options, QuoteEvalCounts* c, std::vector<std::string>* errors, Status* status) {
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
      auto key = [&](const std::string& name) {
        return NameKey(options.same_entity ? options.same_entity(name) : name);
      };
      if (key(q.speaker) == key(g.row->speaker)) c->speaker_correct++;
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

int SplitBatch(std::string_view split) {
  if (split == "tune") return 0;
  if (!split.starts_with("heldout")) return -1;
  const std::string_view n = split.substr(7);
  if (n.empty()) return 1;
  // Digits without a leading zero, small enough for an int: "heldout02" and
  // "heldout1" would name a batch twice.
  if (n.size() > 6 || n[0] == '0') return -1;
  int batch = 0;
  for (char c : n) {
    if (c < '0' || c > '9') return -1;
    batch = batch * 10 + (c - '0');
  }
  return batch >= 2 ? batch : -1;
}

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
  for (const auto& r : *rows)
    if (int batch = SplitBatch(r.split); batch >= 2) report.later.try_emplace(batch);
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
    if (options.prepare) options.prepare(&a.article);
    analyse::AnalysisContext ctx(a.article);
    for (const auto& an : analyzers) {
      Status st = an->Analyse(&a.article, &ctx);
      if (!st.ok()) return Status(st.code(), std::string(an->name()) + ": " + st.message());
    }
    const int batch = SplitBatch(first.split);
    QuoteEvalCounts* counts = batch == 0 ? &report.tune : batch == 1 ? &report.heldout : &report.later[batch];
    std::vector<std::string> errors;
    Status st;
    Score(a, article_rows, first.split + " " + first.file + " " + first.article_id.substr(0, 30), options, counts, &errors,
          &st);
    if (!st.ok()) return st;
    if (std::find(options.error_splits.begin(), options.error_splits.end(), first.split) != options.error_splits.end())
      report.errors.insert(report.errors.end(), errors.begin(), errors.end());
  }
  return report;
}

std::string FormatReport(const QuoteEvalReport& r) {
  QuoteEvalCounts all = r.tune;
  all.Add(r.heldout);
  for (const auto& [batch, c] : r.later) all.Add(c);
  std::string out =
      "| part | articles | gold | system | matched | P | R | F1 | speaker acc | resolved | relay acc | direct/indirect acc |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  auto row = [&](const std::string& name, const QuoteEvalCounts& c) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f (%d/%d) | %.1f | %.1f | %.1f |\n",
                  name.c_str(), c.articles, c.gold, c.system, c.matched, 100 * c.P(), 100 * c.R(), 100 * c.F1(),
                  100 * c.SpeakerAccuracy(), c.speaker_correct, c.speaker_named, 100 * c.ResolvedRate(),
                  100 * c.RelayAccuracy(), 100 * c.DirectAccuracy());
    out += buf;
  };
  row("tuning", r.tune);
  row("held-out", r.heldout);
  for (const auto& [batch, c] : r.later) row("held-out " + std::to_string(batch), c);
  row("all", all);
  if (r.skipped_articles)
    out += "\n(" + std::to_string(r.skipped_articles) + " IndoSum articles skipped: ../shared absent or article not found)\n";
  return out;
}

bool PassesDrawFilter(const std::vector<std::vector<std::vector<std::string>>>& paragraphs, const DrawFilter& filter) {
  // The verbs the gold-set draw has always counted (speech_verbs.tsv, role
  // "draw"): the built-in lexicon, so a draw repeats whatever lexicon the
  // analysers are given.
  static const std::shared_ptr<const text::Lexicon> lexicon = text::Lexicon::Builtin();
  int sentences = 0, marks = 0, speech = 0;
  for (const auto& p : paragraphs) {
    sentences += static_cast<int>(p.size());
    for (const auto& s : p)
      for (const auto& token : s) {
        for (size_t at = 0; at < token.size(); ++at) {
          if (token[at] == '"') ++marks;
          else if (token.compare(at, 3, "\xE2\x80\x9C") == 0 || token.compare(at, 3, "\xE2\x80\x9D") == 0) ++marks;
        }
        std::string lower = token;
        for (char& c : lower)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        speech += lexicon->IsSpeechVerb(lower, text::SpeechRole::kDraw);
      }
  }
  return marks >= filter.min_quote_marks && speech >= filter.min_speech_verbs && sentences <= filter.max_sentences;
}

uint64_t DrawKey(std::string_view salt, std::string_view id) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(salt);
  mix("\t");
  mix(id);
  return h;
}

std::vector<DrawnArticle> OrderDraw(std::vector<DrawnArticle> candidates, std::string_view salt,
                                    const std::vector<std::string>& exclude, size_t n) {
  std::erase_if(candidates, [&](const DrawnArticle& a) {
    return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& e) { return a.id.starts_with(e); });
  });
  std::vector<std::pair<uint64_t, size_t>> keyed;
  for (size_t i = 0; i < candidates.size(); ++i) keyed.push_back({DrawKey(salt, candidates[i].id), i});
  std::sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : candidates[x.second].id < candidates[y.second].id;
  });
  std::vector<DrawnArticle> out;
  for (size_t i = 0; i < keyed.size() && out.size() < n; ++i) out.push_back(candidates[keyed[i].second]);
  return out;
}

StatusOr<std::vector<DrawnArticle>> DrawArticles(const QuoteEvalOptions& options, std::string_view salt, size_t n,
                                                 std::string_view batch_split, const DrawFilter& filter) {
  if (SplitBatch(batch_split) < 2)
    return Status::InvalidArgument("a drawn batch's split is heldout<N> with N >= 2, not \"" +
                                   std::string(batch_split) + "\"");
  auto rows = ReadGold(options.gold_dir / "quotes_gold.tsv");
  if (!rows.ok()) return rows.status();
  std::vector<std::string> exclude;
  for (const auto& r : *rows)
    if (r.file.starts_with("dev.") && r.split != batch_split) exclude.push_back(r.article_id);
  const std::filesystem::path dir = options.shared_dir / "data/corpus/indosum-dev";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("dev.") && name.ends_with(".jsonl")) files.push_back(name);
  }
  if (files.empty()) return Status::NotFound(dir.string() + ": no IndoSum dev file");
  std::sort(files.begin(), files.end());
  std::set<std::string> seen;
  std::vector<DrawnArticle> candidates;
  for (const auto& file : files) {
    std::ifstream in(dir / file);
    std::string line;
    int n_line = 0;
    while (std::getline(in, line)) {
      ++n_line;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("paragraphs"))
        return Status::Corrupt((dir / file).string() + ":" + std::to_string(n_line) + ": not an IndoSum article");
      std::string id = j.value("id", "");
      if (!seen.insert(id).second) continue;
      auto listed = [&j](const std::vector<std::string>& allowed, const char* key) {
        return allowed.empty() || std::find(allowed.begin(), allowed.end(), j.value(key, "")) != allowed.end();
      };
      if (!listed(filter.sources, "source") || !listed(filter.categories, "category")) continue;
      if (PassesDrawFilter(j["paragraphs"].get<std::vector<std::vector<std::vector<std::string>>>>(), filter))
        candidates.push_back({file, std::move(id)});
    }
  }
  return OrderDraw(std::move(candidates), salt, exclude, n);
}

}  // namespace warta::quotes
