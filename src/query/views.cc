#include "query/views.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "query/series_views.h"

namespace warta::query {

using nlohmann::json;

namespace {

// Timeline items are merged from at most this many event rows; an entity
// with more events than this gets its oldest ones only (said in the reply).
constexpr size_t kMaxTimelineRows = 20000;

json DateJson(const std::optional<DateTime>& d) { return d ? json(d->ToIso()) : json(nullptr); }

// Looks up article refs and entity refs once per reply.
class RefCache {
 public:
  explicit RefCache(store::ArticleStore& store) : store_(store) {}

  StatusOr<json> Article(int64_t seq) {
    auto it = articles_.find(seq);
    if (it != articles_.end()) return it->second;
    std::vector<store::ArticleRef> refs;
    WARTA_RETURN_IF_ERROR(store_.GetRefs({seq}, &refs));
    json j = refs.empty() ? json(nullptr) : ArticleRefJson(refs[0]);
    articles_.emplace(seq, j);
    return j;
  }

  StatusOr<json> Entity(const std::string& id) {
    auto it = entities_.find(id);
    if (it != entities_.end()) return it->second;
    WARTA_ASSIGN_OR_RETURN(auto found, store_.GetEntitySummaries({id}));
    json j = found.empty() ? json{{"id", id}, {"canonical", id}, {"type", ""}}
                           : json{{"id", id}, {"canonical", found[0].canonical}, {"type", Name(found[0].type)}};
    entities_.emplace(id, j);
    return j;
  }

  // {id, headline, first_published, last_published}, or null for an unknown id.
  StatusOr<json> Story(int64_t id) {
    auto it = stories_.find(id);
    if (it != stories_.end()) return it->second;
    auto found = store_.GetStory(id);
    if (!found.ok() && found.status().code() != StatusCode::kNotFound) return found.status();
    json j = found.ok() ? json{{"id", id},
                               {"headline", found->headline},
                               {"first_published", DateJson(found->first_published)},
                               {"last_published", DateJson(found->last_published)}}
                        : json(nullptr);
    stories_.emplace(id, j);
    return j;
  }

  StatusOr<json> Entities(const std::vector<std::string>& ids) {
    json out = json::array();
    for (const auto& id : ids) {
      WARTA_ASSIGN_OR_RETURN(json e, Entity(id));
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  store::ArticleStore& store_;
  std::unordered_map<int64_t, json> articles_;
  std::unordered_map<std::string, json> entities_;
  std::unordered_map<int64_t, json> stories_;
};

json Listing(const store::ListFilter& f, int64_t total, json items) {
  return {{"offset", f.offset}, {"limit", f.limit}, {"total", total}, {"items", std::move(items)}};
}

StatusOr<json> StoryRecordJson(const store::StoryRecord& s, RefCache& refs) {
  WARTA_ASSIGN_OR_RETURN(json entities, refs.Entities(s.key_entities));
  // The follow-up links, both ways, as story refs.
  json follow_up_of = nullptr;
  if (s.follow_up_of) {
    WARTA_ASSIGN_OR_RETURN(follow_up_of, refs.Story(s.follow_up_of));
  }
  json follow_ups = json::array();
  for (int64_t id : s.follow_ups) {
    WARTA_ASSIGN_OR_RETURN(json ref, refs.Story(id));
    if (!ref.is_null()) follow_ups.push_back(std::move(ref));
  }
  return json{{"id", s.id},
              {"headline", s.headline},
              {"first_published", DateJson(s.first_published)},
              {"last_published", DateJson(s.last_published)},
              {"article_count", s.article_count},
              {"key_entities", std::move(entities)},
              {"follow_up_of", std::move(follow_up_of)},
              {"follow_ups", std::move(follow_ups)}};
}

struct TimelineItem {
  std::string date;
  EventType type = EventType::kMeeting;
  std::string trigger, text, place;
  std::vector<std::string> participants;  // sorted
  std::vector<int64_t> sources;
};

size_t Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a) n += std::binary_search(b.begin(), b.end(), x);
  return n;
}

// Same type and date, and the same participants as far as both name them:
// two outlets seldom name exactly the same set ("Kim menerima Kozlov" vs
// "Korea Utara dan Rusia ... Kim ... Kozlov").
bool SameHappening(const TimelineItem& item, const store::EventRow& row, const std::vector<std::string>& parts) {
  if (item.type != row.event.type || item.date != row.event.date) return false;
  size_t need = std::min<size_t>(2, std::min(item.participants.size(), parts.size()));
  return need > 0 && Overlap(item.participants, parts) >= need;
}

}  // namespace

json ArticleRefJson(const store::ArticleRef& r) {
  return {{"id", r.id}, {"title", r.title}, {"outlet", r.outlet}, {"published", DateJson(r.published)}, {"url", r.url}};
}

StatusOr<std::vector<std::string>> ResolveEntity(store::ArticleStore& store, const std::string& name_or_id) {
  WARTA_ASSIGN_OR_RETURN(auto by_id, store.GetEntitySummaries({name_or_id}));
  if (!by_id.empty()) return std::vector<std::string>{by_id[0].id};
  WARTA_ASSIGN_OR_RETURN(auto found, store.FindEntities(name_or_id, 20));
  if (found.empty()) return Status::NotFound("no entity named '" + name_or_id + "' (see 'warta entities')");
  std::vector<std::string> ids;
  for (const auto& e : found) ids.push_back(e.id);
  return ids;
}

StatusOr<json> StoriesJson(store::ArticleStore& store, const store::ListFilter& filter) {
  WARTA_ASSIGN_OR_RETURN(auto listing, store.ListStories(filter));
  RefCache refs(store);
  json items = json::array();
  for (const auto& s : listing.rows) {
    WARTA_ASSIGN_OR_RETURN(json j, StoryRecordJson(s, refs));
    items.push_back(std::move(j));
  }
  return Listing(filter, listing.total, std::move(items));
}

StatusOr<json> StoryJson(store::ArticleStore& store, int64_t id) {
  WARTA_ASSIGN_OR_RETURN(store::StoryRecord story, store.GetStory(id));
  RefCache refs(store);
  WARTA_ASSIGN_OR_RETURN(json out, StoryRecordJson(story, refs));
  WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> seqs, store.StoryArticles(id));
  std::vector<store::ArticleRef> members;
  WARTA_RETURN_IF_ERROR(store.GetRefs(seqs, &members));
  // Originals in date order, each with the copies of it in this story.
  std::map<int64_t, std::vector<const store::ArticleRef*>> copies;
  for (const auto& m : members)
    if (m.copy_of) copies[m.copy_of].push_back(&m);
  json articles = json::array();
  std::set<int64_t> in_story;
  for (const auto& m : members) in_story.insert(m.seq);
  for (const auto& m : members) {
    if (m.copy_of && in_story.count(m.copy_of)) continue;  // listed under its original
    json a = ArticleRefJson(m);
    a["copy_of"] = nullptr;
    a["similarity"] = m.similarity;
    a["copies"] = json::array();
    for (const auto* c : copies[m.seq]) {
      json cj = ArticleRefJson(*c);
      cj["similarity"] = c->similarity;
      cj["reason"] = c->copy_reason;
      a["copies"].push_back(std::move(cj));
    }
    if (m.copy_of) {  // a copy whose original is in another story
      WARTA_ASSIGN_OR_RETURN(json original, refs.Article(m.copy_of));
      a["copy_of"] = original;
    }
    articles.push_back(std::move(a));
  }
  out["articles"] = std::move(articles);
  store::EventQuery events;
  events.story_id = id;
  events.page.limit = 200;
  WARTA_ASSIGN_OR_RETURN(json timeline, TimelineJson(store, events));
  out["events"] = std::move(timeline["items"]);
  store::ClaimQuery claims;
  claims.story_id = id;
  claims.page.limit = 200;
  WARTA_ASSIGN_OR_RETURN(json tracked, ClaimsJson(store, claims));
  out["claims"] = std::move(tracked["items"]);
  return out;
}

StatusOr<json> QuotesJson(store::ArticleStore& store, const store::QuoteQuery& query) {
  WARTA_ASSIGN_OR_RETURN(auto listing, store.FindQuotes(query));
  RefCache refs(store);
  json items = json::array();
  for (const auto& r : listing.rows) {
    WARTA_ASSIGN_OR_RETURN(json article, refs.Article(r.article_seq));
    const Quote& q = r.quote;
    items.push_back({{"article", std::move(article)},
                     {"text", q.text},
                     {"direct", q.direct},
                     {"speaker", q.speaker},
                     {"speaker_entity_id", q.speaker_entity_id},
                     {"relay", q.relay},
                     {"begin", q.span.begin},
                     {"end", q.span.end}});
  }
  return Listing(query.page, listing.total, std::move(items));
}

StatusOr<json> ClaimsJson(store::ArticleStore& store, const store::ClaimQuery& query) {
  WARTA_ASSIGN_OR_RETURN(auto listing, store.FindClaims(query));
  RefCache refs(store);
  json items = json::array();
  for (const auto& r : listing.rows) {
    WARTA_ASSIGN_OR_RETURN(json article, refs.Article(r.article_seq));
    const Claim& c = r.claim;
    items.push_back({{"article", std::move(article)},
                     {"text", c.text},
                     {"low", c.low},
                     {"high", c.high},
                     {"bound", Name(c.bound)},
                     {"unit", c.unit},
                     {"subject", c.subject},
                     {"claimant", c.claimant},
                     {"claimant_entity_id", c.claimant_entity_id},
                     {"hedge", c.hedge},
                     {"date", c.date},
                     {"canonical_unit", c.canonical_unit},
                     {"qualifier", c.qualifier},
                     {"begin", c.span.begin},
                     {"end", c.span.end}});
  }
  return Listing(query.page, listing.total, std::move(items));
}

StatusOr<json> TimelineJson(store::ArticleStore& store, const store::EventQuery& query) {
  store::EventQuery all = query;
  all.page.offset = 0;
  all.page.limit = kMaxTimelineRows;
  WARTA_ASSIGN_OR_RETURN(auto listing, store.FindEvents(all));
  std::vector<TimelineItem> items;
  for (const auto& row : listing.rows) {
    std::vector<std::string> parts = row.event.participants;
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    // Rows come in date order, so a match is among the items of that date.
    TimelineItem* same = nullptr;
    for (auto it = items.rbegin(); it != items.rend() && it->date == row.event.date; ++it)
      if (SameHappening(*it, row, parts)) {
        same = &*it;
        break;
      }
    if (same) {
      if (std::find(same->sources.begin(), same->sources.end(), row.article_seq) == same->sources.end())
        same->sources.push_back(row.article_seq);
      std::vector<std::string> merged;
      std::set_union(same->participants.begin(), same->participants.end(), parts.begin(), parts.end(),
                     std::back_inserter(merged));
      same->participants = std::move(merged);
      continue;
    }
    items.push_back({row.event.date, row.event.type, row.event.trigger, row.text, row.event.place, std::move(parts),
                     {row.article_seq}});
  }
  RefCache refs(store);
  json out = json::array();
  const size_t end = std::min(items.size(), query.page.offset + query.page.limit);
  for (size_t i = query.page.offset; i < end; ++i) {
    const TimelineItem& t = items[i];
    WARTA_ASSIGN_OR_RETURN(json participants, refs.Entities(t.participants));
    json sources = json::array();
    for (int64_t seq : t.sources) {
      WARTA_ASSIGN_OR_RETURN(json a, refs.Article(seq));
      sources.push_back(std::move(a));
    }
    out.push_back({{"date", t.date},
                   {"type", Name(t.type)},
                   {"trigger", t.trigger},
                   {"text", t.text},
                   {"place", t.place},
                   {"participants", std::move(participants)},
                   {"sources", std::move(sources)}});
  }
  json reply = Listing(query.page, static_cast<int64_t>(items.size()), std::move(out));
  reply["truncated"] = listing.total > static_cast<int64_t>(kMaxTimelineRows);
  return reply;
}

StatusOr<json> GraphJson(store::ArticleStore& store, std::optional<EntityType> type, size_t top) {
  WARTA_ASSIGN_OR_RETURN(auto entities, store.TopEntities(type, top));
  std::vector<std::string> ids;
  json nodes = json::array();
  for (const auto& e : entities) {
    ids.push_back(e.id);
    nodes.push_back({{"id", e.id}, {"canonical", e.canonical}, {"type", Name(e.type)}, {"articles", e.articles}});
  }
  WARTA_ASSIGN_OR_RETURN(auto pairs, store.Cooccurrence(ids));
  json edges = json::array();
  for (const auto& p : pairs) edges.push_back({{"source", p.a}, {"target", p.b}, {"weight", p.articles}});
  return json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

StatusOr<json> ArticleRelationsJson(store::ArticleStore& store, const store::StoredArticle& article) {
  RefCache refs(store);
  json out;
  out["story_id"] = article.story_id ? json(article.story_id) : json(nullptr);
  WARTA_ASSIGN_OR_RETURN(out["series"], SeriesRefJson(store, article.series_id));
  out["copy_of"] = nullptr;
  if (article.copy_of) {
    WARTA_ASSIGN_OR_RETURN(json original, refs.Article(article.copy_of));
    original["similarity"] = article.similarity;
    original["reason"] = article.copy_reason;
    out["copy_of"] = std::move(original);
  }
  WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> copies, store.CopiesOf(article.seq));
  out["copies"] = json::array();
  for (int64_t seq : copies) {
    WARTA_ASSIGN_OR_RETURN(json c, refs.Article(seq));
    out["copies"].push_back(std::move(c));
  }
  return out;
}

}  // namespace warta::query
