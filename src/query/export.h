// Article records as JSON and CSV: the one shape used by `warta export`,
// `warta show --json`, `warta search --json` and (later) the HTTP API.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <ostream>
#include <string_view>

#include "core/status.h"
#include "query/knowledge_reader.h"
#include "store/store.h"

namespace warta::query {

// {id, seq, source, outlet, url, title, published (ISO 8601 or null), authors,
//  editors, language, text, paragraphs, removed: [{line, reason, text}],
//  entities, timexes, quotes, claims, events}. Spans are code points into text.
//  An event: {span, type, trigger, participants (entity ids), roles (names
//  parallel to participants), place, date, modality}; a time expression
//  has utc_offset_minutes when a zone was written.
nlohmann::json ArticleJson(const store::StoredArticle& article);

// A page of search hits: {query, offset, limit, estimated_total, hits: [{id,
// title, outlet, published, url, source, score, snippet (HTML, <mark>)}]}.
nlohmann::json SearchPageJson(const SearchPage& page, const index::SearchRequest& request);

// The store's counts: {articles, outlets, text_bytes, first_published,
// last_published, removed_lines, removed_by_reason, top_outlets,
// index_shards, index_lag}.
nlohmann::json StatsJson(const store::StoreStats& stats, int shards, int64_t index_lag);

// An entity's summary: {id, canonical, type, mentions, articles}.
nlohmann::json EntitySummaryJson(const store::EntitySummary& entity);

// An entity with its aliases, its `articles` (the records given, in order:
// {id, title, outlet, published}) and the entities seen with it.
nlohmann::json EntityDetailJson(const store::EntityDetail& entity, const std::vector<store::StoredArticle>& articles);

// The merges and splits that concern entity `id` (store::EntityLink), for
// `warta entity --json` and GET /api/entities/{id}: {merged: [{form,
// from_id, by ("linker" | "analyst"), reason}], split: [{form, to_id, by, reason}]}.
nlohmann::json EntityLinksJson(const std::vector<store::EntityLink>& links, const std::string& id);

// ArticleJson plus the article's story, series and copy group (a store
// lookup): story_id, series ({id, name} of its series of recurring
// reports, or null: query/series_views.h), copy_of ({id, title, outlet, published, url, similarity, reason} or
// null) and copies ([article ref]).
StatusOr<nlohmann::json> FullArticleJson(store::ArticleStore& store, const store::StoredArticle& article);

// Writes every stored article (FullArticleJson), one JSON object a line, in
// store order. Returns the number written, or the store's error.
StatusOr<int64_t> ExportJsonl(store::ArticleStore& store, std::ostream& out);

// What `warta export --what` writes besides articles.
enum class ExportKind { kArticles, kQuotes, kClaims, kEvents, kStories };
// Parses "articles", "quotes", "claims", "events", "stories".
std::optional<ExportKind> ParseExportKind(std::string_view what);

// One JSON object a line: each quote, claim or event of every article (in
// store order, each with its `article` ref and the article's story_id), or
// each story. Returns the number of records written.
StatusOr<int64_t> ExportRecordsJsonl(store::ArticleStore& store, ExportKind kind, std::ostream& out);

// One CSV row an article (RFC 4180 quoting): id, source, outlet, url, title,
// published, authors, editors, language, removed_lines, story_id, copy_of
// (the original's id), text.
StatusOr<int64_t> ExportCsv(store::ArticleStore& store, std::ostream& out);

}  // namespace warta::query
