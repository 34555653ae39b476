#include "cli/entity_commands.h"

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/vocabulary.h"
#include "pipeline/entity_corrections.h"
#include "pipeline/knowledge_base.h"
#include "query/export.h"
#include "query/knowledge_reader.h"

namespace warta::cli {

namespace {

using nlohmann::json;

json SummaryJson(const store::EntitySummary& e) { return query::EntitySummaryJson(e); }

struct EntitiesArgs {
  std::string type;
  size_t top = 20;
  bool json = false;
};

int RunEntities(const CommandContext& ctx, const EntitiesArgs& args) {
  auto kb = query::KnowledgeReader::Open(ctx.db);
  if (!kb.ok()) return Fail(kb.status());
  std::optional<EntityType> type;
  if (!args.type.empty()) {
    auto parsed = ParseVocabulary<EntityType>(args.type);
    if (!parsed.ok()) return Fail(parsed.status());
    type = *parsed;
  }
  auto top = (*kb)->store().TopEntities(type, args.top);
  if (!top.ok()) return Fail(top.status());
  if (args.json) {
    json out = json::array();
    for (const auto& e : *top) out.push_back(SummaryJson(e));
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (top->empty()) {
    std::cout << "no entities stored yet\n";
    return kExitOk;
  }
  std::cout << fmt::format("{:<36} {:<13} {:>8} {:>9}\n", "entity", "type", "articles", "mentions");
  for (const auto& e : *top)
    std::cout << fmt::format("{:<36} {:<13} {:>8} {:>9}\n", e.canonical, Name(e.type), e.articles, e.mentions);
  return kExitOk;
}

struct EntityArgs {
  std::string name;
  bool json = false;
};


int RunEntity(const CommandContext& ctx, const EntityArgs& args) {
  auto kb = query::KnowledgeReader::Open(ctx.db);
  if (!kb.ok()) return Fail(kb.status());
  auto found = (*kb)->store().FindEntities(args.name, 10);
  if (!found.ok()) return Fail(found.status());
  if (found->empty()) return Fail(Status::NotFound("no entity named '" + args.name + "' (see 'warta entities')"));
  auto detail = (*kb)->store().GetEntity(found->front().id);
  if (!detail.ok()) return Fail(detail.status());
  std::vector<store::StoredArticle> articles;
  if (auto st = (*kb)->store().GetBySeq(detail->article_seqs, &articles); !st.ok()) return Fail(st);

  auto links = (*kb)->store().EntityLinks(detail->summary.id);
  if (!links.ok()) return Fail(links.status());
  if (args.json) {
    json out = query::EntityDetailJson(*detail, articles);
    json why = query::EntityLinksJson(*links, detail->summary.id);
    out["merged"] = std::move(why["merged"]);
    out["split"] = std::move(why["split"]);
    out["other_matches"] = json::array();
    for (size_t i = 1; i < found->size(); ++i) out["other_matches"].push_back(SummaryJson((*found)[i]));
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  const auto& s = detail->summary;
  std::cout << fmt::format("{} ({}) — {} mentions in {} articles, id {}\n", s.canonical, Name(s.type), s.mentions, s.articles,
                           s.id);
  if (found->size() > 1) {
    // The most-reported match is shown; say which others the name fits.
    std::cout << "also:";
    for (size_t i = 1; i < found->size(); ++i)
      std::cout << fmt::format(" {} ({}, {} articles)", (*found)[i].canonical, Name((*found)[i].type), (*found)[i].articles);
    std::cout << "\n";
  }
  std::cout << "aliases:";
  for (const auto& [alias, n] : detail->aliases) std::cout << fmt::format(" {} ({})", alias, n);
  for (const auto& l : *links) {
    if (l.kind == "merge" && l.to_id == s.id)
      std::cout << fmt::format("\nmerged: {} — {}", l.form, l.reason);
    if (l.kind == "split" && l.from_id == s.id) std::cout << fmt::format("\nsplit off: {} — {}", l.form, l.reason);
  }
  if (!detail->roles.empty()) {
    std::cout << "\nroles:";
    for (const auto& r : detail->roles) {
      std::string first = r.first_seen ? r.first_seen->ToIso().substr(0, 10) : "undated";
      std::string last = r.last_seen ? r.last_seen->ToIso().substr(0, 10) : "undated";
      std::cout << fmt::format("\n  {}{} — {} ({} articles)", r.role, r.of.empty() ? "" : " " + r.of,
                               first == last ? first : first + " .. " + last, r.articles);
    }
  }
  std::cout << "\n\narticles:\n";
  for (const auto& a : articles)
    std::cout << fmt::format("  {}  {:<20} {}  [{}]\n",
                             a.article.published ? a.article.published->ToIso().substr(0, 10) : "undated  ",
                             a.article.outlet.empty() ? "-" : a.article.outlet, a.article.title,
                             a.article.id.substr(0, 12));
  if (!detail->cooccurring.empty()) {
    std::cout << "\nseen with:\n";
    for (const auto& [e, shared] : detail->cooccurring)
      std::cout << fmt::format("  {:<36} {:<13} in {} shared articles\n", e.canonical, Name(e.type), shared);
  }
  return kExitOk;
}

struct CorrectArgs {
  std::string a, b;  // merge: into, merged; split: entity, form
};

int RunCorrection(const CommandContext& ctx, const CorrectArgs& args, bool merge) {
  auto kb = pipeline::KnowledgeBase::Open({.dir = ctx.db});
  if (!kb.ok()) return Fail(kb.status());
  auto done = merge ? pipeline::MergeEntities(**kb, args.a, args.b) : pipeline::SplitEntity(**kb, args.a, args.b);
  if (!done.ok()) return Fail(done.status());
  if (merge)
    std::cout << fmt::format("merged '{}' into {} ({}): {} articles re-labelled; later ingests follow\n", args.b,
                             done->canonical, done->entity_id, done->articles.size());
  else
    std::cout << fmt::format("split '{}' off '{}': now {} ({}) in {} articles; later ingests follow\n", args.b, args.a,
                             done->canonical, done->entity_id, done->articles.size());
  return kExitOk;
}

}  // namespace

void AddEntityCommands(CLI::App& app, CommandContext& ctx) {
  auto entities_args = std::make_shared<EntitiesArgs>();
  auto* entities = app.add_subcommand("entities", "People, organisations and places, most-reported first");
  entities->add_option("--type", entities_args->type, "Only this entity type")
      ->check(CLI::IsMember(Names<EntityType>(), CLI::ignore_case));
  entities->add_option("--top", entities_args->top, "How many")->check(CLI::Range(1, 100000));
  entities->add_flag("--json", entities_args->json, "As JSON");
  entities->callback([&ctx, entities_args] {
    for (auto& c : entities_args->type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ctx.ran = true;
    ctx.exit_code = RunEntities(ctx, *entities_args);
  });

  auto entity_args = std::make_shared<EntityArgs>();
  auto* entity = app.add_subcommand("entity", "One entity: aliases, articles and who it is seen with");
  entity->add_option("name", entity_args->name, "Any of its names (\"Kim Jong-un\", \"Kim\")");
  entity->add_flag("--json", entity_args->json, "As JSON");
  // An analyst's corrections (pipeline/entity_corrections.h).
  auto merge_args = std::make_shared<CorrectArgs>();
  auto* merge = entity->add_subcommand("merge", "B becomes A: its mentions are A's, now and in later ingests");
  merge->add_option("A", merge_args->a, "The entity kept (a name or id)")->required();
  merge->add_option("B", merge_args->b, "The entity merged into it")->required();
  merge->callback([&ctx, merge_args] {
    ctx.ran = true;
    ctx.exit_code = RunCorrection(ctx, *merge_args, true);
  });
  auto split_args = std::make_shared<CorrectArgs>();
  auto* split = entity->add_subcommand("split", "The mentions written FORM leave A, now and in later ingests");
  split->add_option("A", split_args->a, "The entity (a name or id)")->required();
  split->add_option("FORM", split_args->b, "The name its wrong mentions are written with")->required();
  split->callback([&ctx, split_args] {
    ctx.ran = true;
    ctx.exit_code = RunCorrection(ctx, *split_args, false);
  });
  entity->callback([&ctx, entity, entity_args] {
    if (!entity->get_subcommands().empty()) return;  // merge or split ran
    ctx.ran = true;
    if (entity_args->name.empty()) {
      ctx.exit_code = Fail(Status::InvalidArgument("entity: give a NAME (or merge A B, split A FORM)"));
      return;
    }
    ctx.exit_code = RunEntity(ctx, *entity_args);
  });
}

}  // namespace warta::cli
