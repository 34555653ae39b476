// Listings across the store, as the JSON shapes that `warta` (--json, and
// the text it prints) and the HTTP API share: stories, quotes, the claim
// tracker, the event timeline and the entity co-occurrence graph.
//
// Shapes (docs/API.md is the reference):
//   article ref  {id, title, outlet, published, url}
//   entity ref   {id, canonical, type}
//   story        {id, headline, first_published, last_published, article_count, key_entities: [entity ref],
//                 follow_up_of: story ref | null, follow_ups: [story ref]}
//   story ref    {id, headline, first_published, last_published}
//   quote item   {article, text, direct, speaker, speaker_entity_id, relay, begin, end}
//   claim item   {article, text, low, high, bound, unit, subject, claimant, claimant_entity_id, hedge, date,
//                 canonical_unit, qualifier, begin, end}
//   event item   {date, reported, type, modality, trigger, text, place,
//                 participants: [entity ref + role], sources: [article ref]}
//   listing      {offset, limit, total, items: [...]}
//
// Events: the same happening reported by several articles is one timeline
// item with several sources, so the timeline tells what happened rather
// than who wrote about it (the rule: MergeTimeline in views.cc). An
// item's date is the event's own ("" when no report gives one: never the
// publication day); `reported` is the day of its earliest report. Only
// what happened is listed unless the query asks for other modalities.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/vocabulary.h"
#include "store/store.h"

namespace warta::query {

// Entity ids named by `name_or_id`: an entity id as stored, or any of an
// entity's names (see ArticleStore::FindEntities). NotFound, naming it, when
// nothing matches.
StatusOr<std::vector<std::string>> ResolveEntity(store::ArticleStore& store, const std::string& name_or_id);

nlohmann::json ArticleRefJson(const store::ArticleRef& ref);

StatusOr<nlohmann::json> StoriesJson(store::ArticleStore& store, const store::ListFilter& filter);
// The story with its articles (originals by date, each with its copies),
// its timeline and its claims. NotFound for an unknown id.
StatusOr<nlohmann::json> StoryJson(store::ArticleStore& store, int64_t id);

StatusOr<nlohmann::json> QuotesJson(store::ArticleStore& store, const store::QuoteQuery& query);
StatusOr<nlohmann::json> ClaimsJson(store::ArticleStore& store, const store::ClaimQuery& query);
// Event modalities from a list as `--modality` and `modality=` take it:
// names separated by commas ("planned,hoped"), "all" for every modality
// (an empty vector, as EventQuery reads it), "" for what happened.
// InvalidArgument naming the unknown name.
StatusOr<std::vector<EventModality>> ParseModalities(std::string_view list);

// Events merged across articles, oldest first (undated ones at their
// report's day); `limit`/`offset` page the merged items.
StatusOr<nlohmann::json> TimelineJson(store::ArticleStore& store, const store::EventQuery& query);

// {nodes: [{id, canonical, type, articles}], edges: [{source, target, weight}]}
// among the `top` most mentioned entities (of `type`, nullopt for all).
StatusOr<nlohmann::json> GraphJson(store::ArticleStore& store, std::optional<EntityType> type, size_t top);

// The copy group, story and series of one article, for its record:
// {story_id, series: {id, name} | null, copy_of: {id, ..., similarity, reason} | null, copies: [article ref]}
// (similarity: measured against the original; reason: see
// store::StoredArticle::copy_reason).
StatusOr<nlohmann::json> ArticleRelationsJson(store::ArticleStore& store, const store::StoredArticle& article);

}  // namespace warta::query
