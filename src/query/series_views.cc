#include "query/series_views.h"

#include <nlohmann/json.hpp>

#include "query/views.h"

namespace warta::query {

using nlohmann::json;

namespace {

// A series' figures are the claims of its items, at most this many (a
// daily report over years stays a few thousand; more is said in the reply).
constexpr size_t kMaxSeriesFigures = 5000;

json SeriesDayJson(const std::optional<DateTime>& d) { return d ? json(d->ToIso()) : json(nullptr); }

}  // namespace

json SeriesRecordJson(const store::SeriesRecord& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"outlet", s.outlet},
          {"network", s.network},
          {"article_count", s.article_count},
          {"first_published", SeriesDayJson(s.first_published)},
          {"last_published", SeriesDayJson(s.last_published)}};
}

StatusOr<json> SeriesListJson(store::ArticleStore& store, const store::ListFilter& filter) {
  WARTA_ASSIGN_OR_RETURN(auto listing, store.ListSeries(filter));
  json items = json::array();
  for (const auto& s : listing.rows) items.push_back(SeriesRecordJson(s));
  return json{{"offset", filter.offset}, {"limit", filter.limit}, {"total", listing.total}, {"items", std::move(items)}};
}

StatusOr<json> SeriesJson(store::ArticleStore& store, int64_t id) {
  WARTA_ASSIGN_OR_RETURN(store::SeriesRecord series, store.GetSeries(id));
  json out = SeriesRecordJson(series);
  WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> seqs, store.SeriesArticles(id));
  std::vector<store::ArticleRef> refs;
  WARTA_RETURN_IF_ERROR(store.GetRefs(seqs, &refs));
  json articles = json::array();
  for (const auto& r : refs) articles.push_back(ArticleRefJson(r));
  out["articles"] = std::move(articles);
  // Its figures over time: the claims of its items, by the day each refers
  // to (else its article's day), as the claim tracker lists them.
  store::ClaimQuery claims;
  claims.series_id = id;
  claims.page.limit = kMaxSeriesFigures;
  WARTA_ASSIGN_OR_RETURN(json tracked, ClaimsJson(store, claims));
  json figures = json::array();
  for (auto& c : tracked["items"])
    figures.push_back({{"date", c["date"]},  // the day it refers to, else its article's
                       {"low", c["low"]},
                       {"high", c["high"]},
                       {"bound", c["bound"]},
                       {"unit", c["unit"]},
                       {"subject", c["subject"]},
                       {"text", c["text"]},
                       {"article", c["article"]}});
  out["figures"] = std::move(figures);
  out["figures_total"] = tracked["total"];
  out["figures_truncated"] = tracked["total"].get<int64_t>() > static_cast<int64_t>(kMaxSeriesFigures);
  return out;
}

StatusOr<json> SeriesRefJson(store::ArticleStore& store, int64_t series_id) {
  if (series_id == 0) return json(nullptr);
  auto s = store.GetSeries(series_id);
  if (!s.ok()) {
    // An article written before its series record (a crash between the two)
    // still names its series.
    if (s.status().code() == StatusCode::kNotFound) return json{{"id", series_id}, {"name", ""}};
    return s.status();
  }
  return json{{"id", s->id}, {"name", s->name}};
}

}  // namespace warta::query
