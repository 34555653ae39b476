// Series of recurring reports (dedupe/series.h) as the JSON shapes that
// `warta series` (--json, and the text it prints) and the HTTP API share.
//
// Shapes (docs/API.md is the reference):
//   series       {id, name, outlet, network, article_count, first_published, last_published}
//   series ref   {id, name}: what every article record carries as "series" (or null)
//   series view  series + articles: [article ref, by date],
//                figures: [{date, low, high, bound, unit, subject, text, article}] (its items' claims, by date),
//                figures_total, figures_truncated
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

#include "core/status.h"
#include "store/store.h"

namespace warta::query {

nlohmann::json SeriesRecordJson(const store::SeriesRecord& series);

// {offset, limit, total, items: [series]}, newest last item first.
StatusOr<nlohmann::json> SeriesListJson(store::ArticleStore& store, const store::ListFilter& filter);

// One series with its items and its figures over time. NotFound for an
// unknown id.
StatusOr<nlohmann::json> SeriesJson(store::ArticleStore& store, int64_t id);

// {id, name} of the article's series, or null.
StatusOr<nlohmann::json> SeriesRefJson(store::ArticleStore& store, int64_t series_id);

}  // namespace warta::query
