#include "cli/story_commands.h"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <vector>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/format.h"
#include "core/diagnostics.h"
#include "core/vocabulary.h"
#include "query/knowledge_reader.h"
#include "query/views.h"

namespace warta::cli {

namespace {

using nlohmann::json;

// The filters every listing shares.
struct ListArgs {
  std::string from, to;
  size_t limit = 20, offset = 0;
  bool json = false;

  void Register(CLI::App* cmd, size_t default_limit) {
    limit = default_limit;
    cmd->add_option("--from", from, "On or after (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--to", to, "On or before (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--limit", limit, "How many to show")->check(CLI::Range(1, 100000));
    cmd->add_option("--offset", offset, "How many to skip");
    cmd->add_flag("--json", json, "As JSON");
  }
  StatusOr<store::ListFilter> Filter() const {
    store::ListFilter f;
    f.limit = limit;
    f.offset = offset;
    if (!from.empty()) {
      f.from = ParseDateBound(from, false);
      if (!f.from) return Status::InvalidArgument("--from: '" + from + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (!to.empty()) {
      f.to = ParseDateBound(to, true);
      if (!f.to) return Status::InvalidArgument("--to: '" + to + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return f;
  }
};

std::string Day(const json& iso) {
  return iso.is_string() ? iso.get<std::string>().substr(0, 10) : std::string("undated");
}

std::string ArticleLine(const json& a) {
  if (a.is_null()) return "(article gone)";
  std::string outlet = a.value("outlet", "");
  return fmt::format("{} {} — {} [{}]", Day(a["published"]), outlet.empty() ? "-" : outlet, a.value("title", ""),
                     a.value("id", "").substr(0, 12));
}

std::string Names(const json& entities) {
  std::string out;
  for (const auto& e : entities) {
    if (!out.empty()) out += ", ";
    out += e.value("canonical", "");
  }
  return out;
}

// "lebih dari 10.000", "10.000–12.000", "sekitar 1,5 juta": the figure as a
// reader says it, from the stored bounds.
std::string Figure(const json& c) {
  auto num = [](double v) {
    std::string s = v == static_cast<double>(static_cast<int64_t>(v)) ? fmt::format("{}", static_cast<int64_t>(v))
                                                                      : fmt::format("{:.2f}", v);
    // Indonesian digit grouping.
    size_t dot = s.find('.');
    std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : "," + s.substr(dot + 1);
    std::string grouped;
    int n = 0;
    for (auto it = whole.rbegin(); it != whole.rend(); ++it) {
      if (n && n % 3 == 0 && *it != '-') grouped.insert(grouped.begin(), '.');
      grouped.insert(grouped.begin(), *it);
      ++n;
    }
    return grouped + frac;
  };
  double low = c.value("low", 0.0), high = c.value("high", 0.0);
  const std::string bound = c.value("bound", "");
  std::string fig = low == high ? num(low) : num(low) + "–" + num(high);
  // A range shows as low–high already.
  if (auto b = ParseClaimBound(bound); b && *b != ClaimBound::kExact && *b != ClaimBound::kRange) fig = bound + " " + fig;
  return fig;
}

StatusOr<std::unique_ptr<query::KnowledgeReader>> OpenReadOnly(const CommandContext& ctx) {
  return query::KnowledgeReader::Open(ctx.db);
}

int RunStories(const CommandContext& ctx, const ListArgs& args) {
  auto filter = args.Filter();
  if (!filter.ok()) return Fail(filter.status());
  auto kb = OpenReadOnly(ctx);
  if (!kb.ok()) return Fail(kb.status());
  auto stories = query::StoriesJson((*kb)->store(), *filter);
  if (!stories.ok()) return Fail(stories.status());
  if (args.json) {
    std::cout << stories->dump(2) << "\n";
    return kExitOk;
  }
  const json& items = (*stories)["items"];
  if (items.empty()) {
    std::cout << "no stories" << (args.from.empty() && args.to.empty() ? " stored yet" : " in that range") << "\n";
    return kExitOk;
  }
  std::cout << fmt::format("{:>8}  {:<23} {:>8}  {}\n", "story", "dates", "articles", "headline / key entities");
  for (const auto& s : items) {
    std::string first = Day(s["first_published"]), last = Day(s["last_published"]);
    std::string dates = first == last ? first : first + ".." + last;
    std::cout << fmt::format("{:>8}  {:<23} {:>8}  {}\n", s["id"].get<int64_t>(), dates,
                             s["article_count"].get<int64_t>(), s.value("headline", ""));
    if (!s["key_entities"].empty()) std::cout << fmt::format("{:>43}{}\n", "", Names(s["key_entities"]));
    if (s.contains("follow_up_of") && !s["follow_up_of"].is_null())
      std::cout << fmt::format("{:>43}follows up story {}\n", "", s["follow_up_of"]["id"].get<int64_t>());
  }
  std::cout << fmt::format("{} of {} stories\n", items.size(), (*stories)["total"].get<int64_t>());
  return kExitOk;
}

// Participants with their part when the analyser told it: "Kim Jong Un
// (actor), Alexander Kozlov (target)".
std::string Parties(const json& participants) {
  std::string out;
  for (const auto& p : participants) {
    if (!out.empty()) out += ", ";
    out += p.value("canonical", p.value("id", ""));
    const std::string role = p.value("role", "participant");
    if (role != "participant") out += " (" + role + ")";
  }
  return out;
}

void PrintTimeline(const json& items) {
  for (const auto& e : items) {
    std::string place = e.value("place", "");
    // What did not (yet) happen is marked: "[planned]", "[hoped]", "[negated]".
    const std::string modality = e.value("modality", "happened");
    const std::string marker = modality == "happened" ? "" : "[" + modality + "] ";
    const std::string reported = e.contains("reported") && e["reported"].is_string() ? e["reported"].get<std::string>() : "";
    std::cout << fmt::format("{:<10}  {:<11} {}{}{}{}\n", e.value("date", "").empty() ? "undated" : e.value("date", ""),
                             e.value("type", ""), marker, Parties(e["participants"]), place.empty() ? "" : " @ " + place,
                             e.value("date", "").empty() && !reported.empty() ? " — reported " + reported : "");
    std::cout << fmt::format("            “{}”\n", e.value("text", ""));
    for (const auto& a : e["sources"]) std::cout << "            source: " << ArticleLine(a) << "\n";
  }
}

int RunStory(const CommandContext& ctx, int64_t id, bool as_json) {
  auto kb = OpenReadOnly(ctx);
  if (!kb.ok()) return Fail(kb.status());
  auto story = query::StoryJson((*kb)->store(), id);
  if (!story.ok()) return Fail(story.status());
  if (as_json) {
    std::cout << story->dump(2) << "\n";
    return kExitOk;
  }
  const json& s = *story;
  std::cout << fmt::format("story {}: {}\n{} .. {}, {} articles\n", id, s.value("headline", ""),
                           Day(s["first_published"]), Day(s["last_published"]), s["article_count"].get<int64_t>());
  if (!s["key_entities"].empty()) std::cout << "key entities: " << Names(s["key_entities"]) << "\n";
  // The follow-up links, both ways: the earlier event this develops, and the later developments.
  if (s.contains("follow_up_of") && !s["follow_up_of"].is_null())
    std::cout << fmt::format("follows up story {} ({}): {}\n", s["follow_up_of"]["id"].get<int64_t>(),
                             Day(s["follow_up_of"]["first_published"]), s["follow_up_of"].value("headline", ""));
  if (s.contains("follow_ups"))
    for (const auto& f : s["follow_ups"])
      std::cout << fmt::format("followed up by story {} ({}): {}\n", f["id"].get<int64_t>(), Day(f["first_published"]),
                               f.value("headline", ""));
  std::cout << "\narticles:\n";
  for (const auto& a : s["articles"]) {
    std::cout << "  " << ArticleLine(a) << "\n";
    if (!a["copy_of"].is_null()) std::cout << "      copy of " << ArticleLine(a["copy_of"]) << "\n";
    for (const auto& c : a["copies"])
      std::cout << fmt::format("      copy ({:.0f}% shared{}{}): {}\n", c.value("similarity", 0.0) * 100,
                               c.value("reason", "").empty() ? "" : ", ", c.value("reason", ""), ArticleLine(c));
  }
  if (!s["events"].empty()) {
    std::cout << "\ntimeline:\n";
    PrintTimeline(s["events"]);
  }
  if (!s["claims"].empty()) {
    std::cout << "\nclaims:\n";
    for (const auto& c : s["claims"])
      std::cout << fmt::format("  {:<10} {} {} — {}\n", c.value("date", ""), Figure(c), c.value("unit", ""),
                               c.value("claimant", "").empty() ? "(no claimant)" : c.value("claimant", ""));
  }
  return kExitOk;
}

struct QuotesArgs {
  ListArgs list;
  std::string entity, word;
};

int RunQuotes(const CommandContext& ctx, const QuotesArgs& args) {
  auto filter = args.list.Filter();
  if (!filter.ok()) return Fail(filter.status());
  auto kb = OpenReadOnly(ctx);
  if (!kb.ok()) return Fail(kb.status());
  store::QuoteQuery q;
  q.page = *filter;
  q.word = args.word;
  if (!args.entity.empty()) {
    auto ids = query::ResolveEntity((*kb)->store(), args.entity);
    if (!ids.ok()) return Fail(ids.status());
    q.speaker_ids = *ids;
  }
  auto quotes = query::QuotesJson((*kb)->store(), q);
  if (!quotes.ok()) return Fail(quotes.status());
  if (args.list.json) {
    std::cout << quotes->dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& item : (*quotes)["items"]) {
    std::string speaker = item.value("speaker", "");
    std::string relay = item.value("relay", "");
    std::cout << fmt::format("{}{}: {}{}{}\n", speaker.empty() ? "(unknown speaker)" : speaker,
                             relay.empty() ? "" : " (via " + relay + ")", item.value("direct", true) ? "“" : "",
                             item.value("text", ""), item.value("direct", true) ? "”" : "");
    std::cout << "    " << ArticleLine(item["article"]) << "\n";
  }
  std::cout << fmt::format("{} of {} quotes\n", (*quotes)["items"].size(), (*quotes)["total"].get<int64_t>());
  return kExitOk;
}

struct ClaimsArgs {
  ListArgs list;
  std::string about, entity, unit;
};

// A claim's canonical unit with its qualifier ("percent yoy"); the unit as
// written for claims stored before schema 8.
std::string CanonicalLabel(const json& c) {
  std::string unit = c.value("canonical_unit", "");
  if (unit.empty()) unit = c.value("unit", "");
  const std::string qualifier = c.value("qualifier", "");
  return qualifier.empty() ? unit : unit + " " + qualifier;
}

int RunClaims(const CommandContext& ctx, const ClaimsArgs& args) {
  auto filter = args.list.Filter();
  if (!filter.ok()) return Fail(filter.status());
  auto kb = OpenReadOnly(ctx);
  if (!kb.ok()) return Fail(kb.status());
  store::ClaimQuery q;
  q.page = *filter;
  q.about = args.about;
  q.canonical_unit = args.unit;
  if (!args.entity.empty()) {
    auto ids = query::ResolveEntity((*kb)->store(), args.entity);
    if (!ids.ok()) return Fail(ids.status());
    q.claimant_ids = *ids;
  }
  auto claims = query::ClaimsJson((*kb)->store(), q);
  if (!claims.ok()) return Fail(claims.status());
  if (args.list.json) {
    std::cout << claims->dump(2) << "\n";
    return kExitOk;
  }
  const json& items = (*claims)["items"];
  if (items.empty()) {
    std::cout << "no claims" << (args.about.empty() ? "" : " about '" + args.about + "'") << "\n";
    return kExitOk;
  }
  // Like with like: the canonical units among the listed claims, most
  // frequent first, so a reader sees at once what can be compared
  // ("IDR/g" figures with "IDR/g", "percent yoy" with "percent yoy").
  std::map<std::string, int> units;
  for (const auto& c : items) units[CanonicalLabel(c)]++;
  if (units.size() > 1) {
    std::vector<std::pair<std::string, int>> by_count(units.begin(), units.end());
    std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [u, n] : by_count) line += (line.empty() ? "" : ", ") + u + " " + std::to_string(n);
    std::cout << "units: " << line << " (--unit U lists one)\n";
  }
  std::cout << fmt::format("{:<10}  {:<28} {:<30} {}\n", "date", "figure", "claimant", "source");
  for (const auto& c : items) {
    std::string claimant = c.value("claimant", "");
    std::string hedge = c.value("hedge", "");
    std::cout << fmt::format("{:<10}  {:<28} {:<30} {}\n", c.value("date", "").empty() ? "undated" : c.value("date", ""),
                             Figure(c) + " " + c.value("unit", "") +
                                 (CanonicalLabel(c) == c.value("unit", "") ? "" : " [" + CanonicalLabel(c) + "]") +
                                 (c.value("subject", "").empty() ? "" : " (" + c.value("subject", "") + ")"),
                             (claimant.empty() ? "-" : claimant) + (hedge.empty() ? "" : " (" + hedge + ")"),
                             ArticleLine(c["article"]));
    std::cout << fmt::format("            “{}”\n", c.value("text", ""));
  }
  std::cout << fmt::format("{} of {} claims\n", items.size(), (*claims)["total"].get<int64_t>());
  return kExitOk;
}

struct TimelineArgs {
  ListArgs list;
  std::string entity, type, modality;
  int64_t story = 0;
};

int RunTimeline(const CommandContext& ctx, const TimelineArgs& args) {
  if (args.entity.empty() && args.story == 0)
    return Fail(Status::InvalidArgument("timeline: give --entity NAME or --story ID"));
  auto filter = args.list.Filter();
  if (!filter.ok()) return Fail(filter.status());
  auto kb = OpenReadOnly(ctx);
  if (!kb.ok()) return Fail(kb.status());
  store::EventQuery q;
  q.page = *filter;
  q.story_id = args.story;
  if (!args.type.empty()) {
    auto type = ParseVocabulary<EventType>(args.type);
    if (!type.ok()) return Fail(type.status());
    q.type = *type;
  }
  auto modalities = query::ParseModalities(args.modality);
  if (!modalities.ok()) return Fail(Status::InvalidArgument("--modality: " + modalities.status().message()));
  q.modalities = *modalities;
  if (!args.entity.empty()) {
    auto ids = query::ResolveEntity((*kb)->store(), args.entity);
    if (!ids.ok()) return Fail(ids.status());
    // The best-known entity of that name: "Putin" should not also pull in
    // every other entity whose name contains it.
    q.participant_ids = {ids->front()};
  }
  auto timeline = query::TimelineJson((*kb)->store(), q);
  if (!timeline.ok()) return Fail(timeline.status());
  if (args.list.json) {
    std::cout << timeline->dump(2) << "\n";
    return kExitOk;
  }
  if ((*timeline)["items"].empty()) {
    std::cout << "no events\n";
    return kExitOk;
  }
  PrintTimeline((*timeline)["items"]);
  std::cout << fmt::format("{} of {} events\n", (*timeline)["items"].size(), (*timeline)["total"].get<int64_t>());
  return kExitOk;
}

}  // namespace

void AddStoryCommands(CLI::App& app, CommandContext& ctx) {
  auto stories_args = std::make_shared<ListArgs>();
  auto* stories = app.add_subcommand("stories", "Stories (articles about one event), newest first");
  stories_args->Register(stories, 20);
  stories->callback([&ctx, stories_args] {
    ctx.ran = true;
    ctx.exit_code = RunStories(ctx, *stories_args);
  });

  auto story_id = std::make_shared<int64_t>(0);
  auto story_json = std::make_shared<bool>(false);
  auto* story = app.add_subcommand("story", "One story: its articles with their copies, timeline and claims");
  story->add_option("id", *story_id, "Story id (from 'warta stories')")->required()->check(CLI::PositiveNumber);
  story->add_flag("--json", *story_json, "As JSON");
  story->callback([&ctx, story_id, story_json] {
    ctx.ran = true;
    ctx.exit_code = RunStory(ctx, *story_id, *story_json);
  });

  auto quotes_args = std::make_shared<QuotesArgs>();
  auto* quotes = app.add_subcommand("quotes", "Who said what: quotes, newest first");
  quotes->add_option("--entity", quotes_args->entity, "Said by this entity (any of its names)");
  quotes->add_option("--word", quotes_args->word, "Quotes containing this word");
  quotes_args->list.Register(quotes, 20);
  quotes->callback([&ctx, quotes_args] {
    ctx.ran = true;
    ctx.exit_code = RunQuotes(ctx, *quotes_args);
  });

  auto claims_args = std::make_shared<ClaimsArgs>();
  auto* claims = app.add_subcommand("claims", "The claim tracker: figures about one thing across articles, in date order");
  claims->add_option("--about", claims_args->about,
                     "What is counted (a word of the unit or subject, or the canonical unit: tentara, inflasi, IDR/g)");
  claims->add_option("--unit", claims_args->unit, "Only figures in this canonical unit (IDR, USD/ozt, percent, bp)");
  claims->add_option("--entity", claims_args->entity, "Claimed by this entity (any of its names)");
  claims_args->list.Register(claims, 50);
  claims->callback([&ctx, claims_args] {
    ctx.ran = true;
    ctx.exit_code = RunClaims(ctx, *claims_args);
  });

  auto timeline_args = std::make_shared<TimelineArgs>();
  auto* timeline = app.add_subcommand("timeline", "What happened, in date order, with the articles that report it");
  timeline->add_option("--entity", timeline_args->entity, "Events this entity took part in (any of its names)");
  timeline->add_option("--story", timeline_args->story, "Events of this story")->check(CLI::PositiveNumber);
  timeline->add_option("--type", timeline_args->type, "Only this type")
      ->check(CLI::IsMember(warta::Names<EventType>()));  // not this file's Names(json)
  timeline->add_option("--modality", timeline_args->modality,
                       "Which modalities: happened (the default), planned, hoped, negated, comma-separated, or all; "
                       "what did not happen is marked [planned], [hoped], [negated]");
  timeline_args->list.Register(timeline, 100);
  timeline->callback([&ctx, timeline_args] {
    ctx.ran = true;
    ctx.exit_code = RunTimeline(ctx, *timeline_args);
  });
}

}  // namespace warta::cli
