// events_eval: the events stage scored on the events gold (issue 18, item 4;
// the schema and the guidelines: docs/quality/events-guidelines.md).
//
//   build/.../bench/events/events_eval [--shared ../shared] [--gold FILE|DIR]...
//       [--errors] [--case lower|upper [--truecase]]
//
// Reads every gold file (tests/data/events/gold*.tsv by default; a
// directory means its gold*.tsv files), loads the IndoSum dev articles they
// name from ../shared (the text never enters the repository), analyses each
// as ingest does (entities, time expressions, quotes, then events; the id's
// Unix time is the publication date) and matches, per article, each gold
// event to one system event of the same type whose trigger shares a word
// with the gold trigger. Precision = matched / system events of the gold's
// articles; recall = matched / gold events. Over the matched pairs: actor
// (the gold actor is the event's participant with the role actor, by
// normalised name or as a part of one; "in participants": one of its
// participants in any role), target and co-actors (each gold name that is
// one of the event's targets / co-actors), roles (all three together: gold
// role names found in the right role / gold role names), place (same
// normalised name, or both none), date (same TIMEX value, or both none; a
// gold date with an unknown year, "XXXX-08-24", matches any year's
// 08-24, since IndoSum gives no publication date and the scorer resolves
// the year from the id's Unix time) and modality. An article read with no
// event is a gold line of type `none`. Gold lines of type `statement` are
// outside the schema (core has no statement type: a statement is a quote,
// Article::quotes) and are skipped, counted in the output.
// --errors lists the missed and the spurious events with their sentences;
// --case lower|upper lower- or upper-cases the text first (a case-less
// outlet), --truecase then restores it as the cleaner does. --dump ID lists
// the entity mentions, time expressions and events of the articles whose
// id holds ID (for reading an error). --undated analyses the articles with
// no publication date, as the annotators read them (IndoSum has none: a
// weekday or "hari ini" then gets no date, as in the gold; by default the
// id's Unix time is the publication date and resolves them).
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tsv.h"
#include "analyse/analyzer.h"
#include "entities/entity_analyzer.h"
#include "events/event_analyzer.h"
#include "ingest/gold_set.h"
#include "text/case.h"
#include "text/truecase.h"

namespace fs = std::filesystem;
using warta::Article;

namespace {

// The types of docs/quality/events-guidelines.md.
const std::set<std::string> kTypes = {"meeting",  "hearing",   "visit",      "agreement", "decision",
                                      "regulation", "price_change", "appointment", "dismissal", "arrest",
                                      "charge",   "verdict",   "protest",    "attack",    "disaster",
                                      "deployment", "accusation", "launch",     "election",  "statement"};
const std::set<std::string> kModalities = {"happened", "planned", "hoped", "negated"};

struct GoldEvent {
  std::string where;  // file:line
  std::string file, id, type, trigger, actor, coactors, target, place, date, modality, sentence;
};

std::vector<std::string> Words(const std::string& s) {
  return warta::entities::EntityKeyWords(warta::entities::NormaliseEntityKey(s));
}

bool ShareAWord(const std::string& a, const std::string& b) {
  const std::vector<std::string> wa = Words(a), wb = Words(b);
  for (const std::string& w : wa)
    if (w.size() >= 3 && std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  return false;
}

// The gold name is the participant's, or a part of it ("Jokowi" is not, but
// "Widodo" in "Joko Widodo" is).
bool NamesOneOf(const std::string& gold, const std::vector<std::string>& names) {
  const std::string key = warta::entities::NormaliseEntityKey(gold);
  if (key.empty()) return false;
  for (const std::string& n : names) {
    const std::string k = warta::entities::NormaliseEntityKey(n);
    if (k == key || (" " + k + " ").find(" " + key + " ") != std::string::npos ||
        (" " + key + " ").find(" " + k + " ") != std::string::npos)
      return true;
  }
  return false;
}

std::string SpanText(const Article& a, warta::Span span) {
  const std::string text = a.Text();
  std::string out;
  int32_t cp = -1;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++cp;
    if (cp >= span.begin && cp < span.end) out.push_back(static_cast<char>(c));
  }
  if (out.size() > 160) out = out.substr(0, 157) + "...";
  return out;
}

double Share(int n, int d) { return d ? static_cast<double>(n) / d : 0.0; }

// "A; B;C" -> {"A", "B", "C"}: the gold's several targets or co-actors.
std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(';', b);
    if (e == std::string::npos) e = s.size();
    std::string item = s.substr(b, e - b);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    b = e + 1;
  }
  return out;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const std::string& s : v) out += (out.size() > 1 ? "; " : "") + s;
  return out + "]";
}

// The same TIMEX value; a gold date with an unknown year ("XXXX-08-24")
// matches the same month and day of any year.
bool SameDate(const std::string& gold, const std::string& system) {
  if (gold == system) return true;
  if (gold.starts_with("XXXX") && system.size() == gold.size() && system.size() > 4)
    return system.substr(4) == gold.substr(4);
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  std::vector<fs::path> gold_paths;
  bool errors = false, truecase = false;
  bool undated = false;  // --undated: no publication date, as the annotators read the articles
  std::string letter_case = "as-written";
  std::string dump;  // --dump ID: the entity mentions and events of the articles whose id holds ID
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--gold" && i + 1 < argc) gold_paths.emplace_back(argv[++i]);
    else if (a == "--errors") errors = true;
    else if (a == "--case" && i + 1 < argc) letter_case = argv[++i];
    else if (a == "--truecase") truecase = true;
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
    else if (a == "--undated") undated = true;
    else {
      std::fprintf(stderr, "usage: events_eval [--shared DIR] [--gold FILE|DIR]... [--errors] "
                           "[--case lower|upper [--truecase]] [--undated] [--dump ID]\n");
      return 2;
    }
  }
  if (letter_case != "as-written" && letter_case != "lower" && letter_case != "upper") {
    std::fprintf(stderr, "events_eval: --case takes lower or upper, not '%s'\n", letter_case.c_str());
    return 2;
  }
  if (gold_paths.empty()) gold_paths.emplace_back("tests/data/events");
  std::vector<fs::path> files;
  for (const fs::path& p : gold_paths) {
    if (fs::is_directory(p)) {
      for (const auto& e : fs::directory_iterator(p))
        if (e.path().extension() == ".tsv" && e.path().filename().string().rfind("gold", 0) == 0)
          files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "events_eval: no gold file (tests/data/events/gold*.tsv, or give --gold)\n");
    return 1;
  }
  const fs::path corpus = shared / "data/corpus/indosum-dev";
  if (!fs::is_directory(corpus)) {
    std::fprintf(stderr, "events_eval: SKIPPED: %s not found (IndoSum dev folds)\n", corpus.c_str());
    return 0;
  }

  // The gold, checked line by line: a bad line is named and skipped.
  std::vector<GoldEvent> gold;
  std::map<std::string, std::vector<std::string>> wanted;
  std::set<std::string> articles;  // "file\tid", in order
  size_t bad_lines = 0, statements = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "events_eval: %s: cannot open\n", path.c_str());
      return 1;
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> f = warta::SplitTabs(line);
      const std::string where = path.filename().string() + ":" + std::to_string(number);
      std::string reason;
      if (f.size() != 11) reason = "want 11 tab-separated fields, found " + std::to_string(f.size());
      else if (f[2] != "none" && !kTypes.count(f[2])) reason = "unknown type '" + f[2] + "'";
      else if (f[2] != "none" && !kModalities.count(f[9])) reason = "unknown modality '" + f[9] + "'";
      if (!reason.empty()) {
        std::fprintf(stderr, "events_eval: %s: %s: line skipped\n", where.c_str(), reason.c_str());
        ++bad_lines;
        continue;
      }
      wanted[f[0]].push_back(f[1]);
      articles.insert(f[0] + "\t" + f[1]);
      if (f[2] == "none") continue;
      if (f[2] == "statement") {  // not an event type: quotes cover statements
        ++statements;
        continue;
      }
      gold.push_back({where, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]});
    }
  }
  auto docs = warta::ingest::LoadIndoSumArticles(shared, wanted);

  auto analyzers = warta::analyse::MakeAnalyzers({});
  if (!analyzers.ok()) {
    std::fprintf(stderr, "events_eval: %s\n", analyzers.status().ToString().c_str());
    return 1;
  }
  warta::events::EventAnalyzer events;
  std::shared_ptr<const warta::text::Truecaser> truecaser = truecase ? warta::text::Truecaser::Builtin() : nullptr;
  if (truecase && !truecaser) {
    std::fprintf(stderr, "events_eval: no truecase model built in\n");
    return 1;
  }

  // Per type: gold, system, matched.
  std::map<std::string, std::array<int, 3>> by_type;
  int matched = 0, system_total = 0, missing_articles = 0;
  int actor_right = 0, actor_any = 0, actor_gold = 0, place_right = 0, date_right = 0, modality_right = 0;
  int target_right = 0, target_gold = 0, coactor_right = 0, coactor_gold = 0;
  std::map<std::string, int> modality_gold;
  std::map<std::string, std::map<std::string, int>> modality_confusion;  // gold -> system -> events
  std::vector<std::string> error_lines;
  for (const std::string& key : articles) {
    auto doc = docs.find(key);
    if (doc == docs.end()) {
      ++missing_articles;
      std::fprintf(stderr, "events_eval: %s: article not found in %s: its events are skipped\n", key.c_str(),
                   corpus.c_str());
      continue;
    }
    Article a;
    a.source = doc->second.value("id", "");
    a.paragraphs = warta::ingest::DetokeniseSentences(doc->second).paragraphs;
    if (!undated) a.published = warta::ingest::IndoSumPublished(a.source);
    if (letter_case != "as-written") {
      for (std::string& p : a.paragraphs) {
        p = letter_case == "lower" ? warta::text::Lowercase(p) : warta::text::Uppercase(p);
        if (truecaser)
          truecaser->Restore(&p, letter_case == "lower" ? warta::LetterCase::kLower : warta::LetterCase::kUpper);
      }
    }
    warta::analyse::AnalysisContext ctx(a);
    for (auto& an : *analyzers) (void)an->Analyse(&a, &ctx);
    (void)events.Analyse(&a, &ctx);
    std::map<std::string, std::string> names;
    for (const auto& m : a.entities) names[m.entity_id] = m.canonical;
    if (!dump.empty() && key.find(dump) != std::string::npos) {
      std::printf("DUMP %s\n", key.c_str());
      for (const auto& m : a.entities)
        std::printf("  mention %s [%s] -> %s\n", m.text.c_str(), std::string(Name(m.type)).c_str(), m.canonical.c_str());
      for (const auto& t : a.timexes) std::printf("  timex %s -> %s\n", t.text.c_str(), t.value.c_str());
      for (const auto& q : a.quotes) std::printf("  quote%s %s\n", q.direct ? " (direct)" : "", SpanText(a, q.span).c_str());
      for (const auto& e : a.events) {
        std::printf("  event %s '%s' %s @%s %s:", std::string(Name(e.type)).c_str(), e.trigger.c_str(),
                    std::string(Name(e.modality)).c_str(), e.place.c_str(), e.date.c_str());
        for (size_t k = 0; k < e.participants.size(); ++k)
          std::printf(" %s=%s", k < e.roles.size() ? std::string(Name(e.roles[k])).c_str() : "?",
                      names[e.participants[k]].c_str());
        std::printf("\n");
      }
    }

    std::vector<bool> used(a.events.size(), false);
    system_total += static_cast<int>(a.events.size());
    for (const auto& e : a.events) by_type[std::string(Name(e.type))][1]++;
    for (const GoldEvent& g : gold) {
      if (g.file + "\t" + g.id != key) continue;
      by_type[g.type][0]++;
      modality_gold[g.modality]++;
      size_t hit = a.events.size();
      for (size_t k = 0; k < a.events.size() && hit == a.events.size(); ++k)
        if (!used[k] && std::string(Name(a.events[k].type)) == g.type && ShareAWord(a.events[k].trigger, g.trigger))
          hit = k;
      if (hit == a.events.size()) {
        if (errors)
          error_lines.push_back("MISSED " + g.type + " '" + g.trigger + "' (" + g.actor + ") " + g.where + ": " +
                                g.sentence);
        continue;
      }
      used[hit] = true;
      ++matched;
      by_type[g.type][2]++;
      const warta::Event& e = a.events[hit];
      std::vector<std::string> participants;
      std::map<warta::EventRole, std::vector<std::string>> by_role;
      for (size_t k = 0; k < e.participants.size(); ++k) {
        participants.push_back(names[e.participants[k]]);
        by_role[k < e.roles.size() ? e.roles[k] : warta::EventRole::kParticipant].push_back(names[e.participants[k]]);
      }
      bool actor_ok = true;
      if (!g.actor.empty()) {
        ++actor_gold;
        actor_ok = NamesOneOf(g.actor, by_role[warta::EventRole::kActor]);
        actor_right += actor_ok;
        actor_any += NamesOneOf(g.actor, participants);
      }
      for (const std::string& t : SplitList(g.target)) {
        ++target_gold;
        target_right += NamesOneOf(t, by_role[warta::EventRole::kTarget]);
      }
      for (const std::string& t : SplitList(g.coactors)) {
        ++coactor_gold;
        coactor_right += NamesOneOf(t, by_role[warta::EventRole::kCoActor]);
      }
      place_right += warta::entities::NormaliseEntityKey(g.place) == warta::entities::NormaliseEntityKey(e.place);
      const bool date_ok = SameDate(g.date, e.date);
      date_right += date_ok;
      const std::string modality(Name(e.modality));
      modality_right += g.modality == modality;
      modality_confusion[g.modality][modality]++;
      if (errors && (!date_ok || !actor_ok || g.modality != modality))
        error_lines.push_back("ROLES  " + g.type + " '" + g.trigger + "' " + g.where + ": actor gold '" + g.actor +
                              "' system " + Joined(by_role[warta::EventRole::kActor]) + "; date gold '" + g.date +
                              "' system '" + e.date + "'; modality gold " + g.modality + " system " + modality);
    }
    if (errors)
      for (size_t k = 0; k < a.events.size(); ++k)
        if (!used[k])
          error_lines.push_back("SPURIOUS " + std::string(Name(a.events[k].type)) + " '" + a.events[k].trigger +
                                "' " + key.substr(key.find('\t') + 1, 40) + ": " + SpanText(a, a.events[k].span));
  }

  const int gold_total = static_cast<int>(gold.size());
  const double p = Share(matched, system_total), r = Share(matched, gold_total);
  std::printf("| events gold | files | articles | gold events | bad lines | articles not found |\n|---|---|---|---|---|---|\n");
  std::printf("| %s%s | %zu | %zu | %d | %zu | %d |\n\n", letter_case.c_str(), undated ? ", undated" : "", files.size(), articles.size(), gold_total,
              bad_lines, missing_articles);
  std::printf("Skipped %zu gold lines of type `statement`: not an event type (quotes cover statements).\n\n", statements);
  std::printf("| system events | matched | precision | recall | F1 |\n|---|---|---|---|---|\n");
  std::printf("| %d | %d | %.3f | %.3f | %.3f |\n\n", system_total, matched, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  std::printf("| over matched events | actor (role) | actor in participants | target | co-actors | roles | place | date | modality |\n"
              "|---|---|---|---|---|---|---|---|---|\n");
  const int role_right = actor_right + target_right + coactor_right, role_gold = actor_gold + target_gold + coactor_gold;
  std::printf("| accuracy | %.3f (%d/%d) | %.3f | %.3f (%d/%d) | %.3f (%d/%d) | %.3f (%d/%d) | %.3f | %.3f | %.3f |\n\n",
              Share(actor_right, actor_gold), actor_right, actor_gold, Share(actor_any, actor_gold),
              Share(target_right, target_gold), target_right, target_gold, Share(coactor_right, coactor_gold),
              coactor_right, coactor_gold, Share(role_right, role_gold), role_right, role_gold,
              Share(place_right, matched), Share(date_right, matched), Share(modality_right, matched));
  std::printf("| type | gold | system | matched | precision | recall |\n|---|---|---|---|---|---|\n");
  for (const auto& [type, n] : by_type)
    std::printf("| %s | %d | %d | %d | %.2f | %.2f |\n", type.c_str(), n[0], n[1], n[2], Share(n[2], n[1]),
                Share(n[2], n[0]));
  std::printf("\n| gold modality | events | matched | as happened | planned | hoped | negated |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [m, n] : modality_gold) {
    auto& row = modality_confusion[m];
    std::printf("| %s | %d | %d | %d | %d | %d | %d |\n", m.c_str(), n,
                row["happened"] + row["planned"] + row["hoped"] + row["negated"], row["happened"], row["planned"],
                row["hoped"], row["negated"]);
  }
  if (errors) {
    std::printf("\n");
    for (const std::string& l : error_lines) std::printf("%s\n", l.c_str());
  }
  return 0;
}
