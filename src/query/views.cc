#include "query/views.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/datetime.h"
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
  std::string date;                       // the event's own date ("": the text gives none)
  std::string reported;                   // the earliest source's day ("" when unknown)
  EventType type = EventType::kMeeting;
  EventModality modality = EventModality::kHappened;
  std::string trigger, text, place;
  std::vector<std::string> participants;  // sorted, unique
  std::vector<EventRole> roles;           // roles[i] is participants[i]'s
  std::vector<int64_t> sources;
  bool merged = false;                    // merged into another item: not listed
};

size_t Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a) n += std::binary_search(b.begin(), b.end(), x);
  return n;
}

// How specific a role is: a report that tells who the actor was says more
// than one that lists participants.
int RoleRank(EventRole r) {
  switch (r) {
    case EventRole::kActor: return 0;
    case EventRole::kCoActor: return 1;
    case EventRole::kTarget: return 2;
    case EventRole::kParticipant: return 3;
  }
  return 3;
}

TimelineItem ItemOf(const store::EventRow& row) {
  TimelineItem t;
  t.date = row.event.date;
  t.reported = row.reported;
  t.type = row.event.type;
  t.modality = row.event.modality;
  t.trigger = row.event.trigger;
  t.text = row.text;
  t.place = row.event.place;
  std::vector<std::pair<std::string, EventRole>> parts;
  for (size_t i = 0; i < row.event.participants.size(); ++i)
    parts.emplace_back(row.event.participants[i],
                       i < row.event.roles.size() ? row.event.roles[i] : EventRole::kParticipant);
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : RoleRank(a.second) < RoleRank(b.second);
  });
  for (const auto& [id, role] : parts) {
    if (!t.participants.empty() && t.participants.back() == id) continue;  // the most specific role kept
    t.participants.push_back(id);
    t.roles.push_back(role);
  }
  t.sources = {row.article_seq};
  return t;
}

// The same parties as far as both reports name them: two outlets seldom
// name exactly the same set ("Kim menerima Kozlov" vs "Korea Utara dan
// Rusia ... Kim ... Kozlov"), so two shared participants (one when either
// names only one) are enough.
bool SameParties(const TimelineItem& a, const TimelineItem& b) {
  if (a.type != b.type || a.modality != b.modality) return false;
  size_t need = std::min<size_t>(2, std::min(a.participants.size(), b.participants.size()));
  return need > 0 && Overlap(a.participants, b.participants) >= need;
}

// `coarse` names the same time as `fine` at a coarser grain: "2024-06" of
// "2024-06-19", "2024-11-18" of "2024-11-18T10:00" (TIMEX values, cut at
// a component boundary).
bool Within(const std::string& coarse, const std::string& fine) {
  return !coarse.empty() && fine.size() > coarse.size() && fine.compare(0, coarse.size(), coarse) == 0 &&
         (fine[coarse.size()] == '-' || fine[coarse.size()] == 'T');
}

// Whether a report of `modality` published on `reported` can be about a
// happening dated `date`: what happened (or was denied) was before its
// report, what is planned after it. Dates that are not calendar dates
// ("2024-W47") and unknown report days do not rule anything out.
bool FitsReportDay(const std::string& date, EventModality modality, const std::string& reported) {
  const std::string day = date.substr(0, std::min<size_t>(10, date.find('T')));
  if (reported.empty() || day.size() < 4 || day.find_first_not_of("0123456789-") != std::string::npos) return true;
  const int order = day.compare(reported.substr(0, day.size()));
  switch (modality) {
    case EventModality::kHappened:
    case EventModality::kNegated: return order <= 0;
    case EventModality::kPlanned: return order >= 0;
    case EventModality::kHoped: return true;
  }
  return true;
}

// The first and last day (days since 1970-01-01) of a calendar TIMEX value
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a time's day); nullopt for others
// ("2024-W47", "PAST_REF").
std::optional<std::pair<int64_t, int64_t>> PeriodDays(const std::string& value) {
  const std::string day = value.substr(0, std::min<size_t>(10, value.find('T')));
  if (day.size() != 4 && day.size() != 7 && day.size() != 10) return std::nullopt;
  if (day.find_first_not_of("0123456789-") != std::string::npos) return std::nullopt;
  DateTime first, last;
  first.year = last.year = std::atoi(day.c_str());
  first.month = day.size() >= 7 ? std::atoi(day.c_str() + 5) : 1;
  last.month = day.size() >= 7 ? first.month : 12;
  first.day = day.size() == 10 ? std::atoi(day.c_str() + 8) : 1;
  last.day = day.size() == 10 ? first.day : DaysInMonth(last.year, last.month);
  if (!first.IsValid() || !last.IsValid()) return std::nullopt;
  return std::make_pair(first.DaysSinceEpoch(), last.DaysSinceEpoch());
}

// Whether a report that gives no date, published on `reported`, can be
// about a happening dated `date` at all: a text leaves a happening undated
// when it is news of the days around the report ("Kim menyambut Kozlov"
// two days on); a happening weeks before would be dated or called earlier.
// So what happened must have ended at most kUndatedReach days before the
// report, and what is planned must start at most that long after it. A
// central bank's decisions a month apart stay apart.
constexpr int64_t kUndatedReach = 7;
bool NearReportDay(const std::string& date, EventModality modality, const std::string& reported) {
  const auto period = PeriodDays(date);
  const auto report = PeriodDays(reported);
  if (!period || !report) return true;
  switch (modality) {
    case EventModality::kHappened:
    case EventModality::kNegated: return report->first - period->second <= kUndatedReach;
    case EventModality::kPlanned: return period->first - report->first <= kUndatedReach;
    case EventModality::kHoped: return true;
  }
  return true;
}

// Folds `from` into `into`: its sources, participants (a more specific
// role wins), place if `into` has none, and the earlier report day.
void MergeInto(TimelineItem& into, TimelineItem& from) {
  for (int64_t seq : from.sources)
    if (std::find(into.sources.begin(), into.sources.end(), seq) == into.sources.end()) into.sources.push_back(seq);
  std::vector<std::string> parts;
  std::vector<EventRole> roles;
  size_t i = 0, j = 0;
  while (i < into.participants.size() || j < from.participants.size()) {
    if (j == from.participants.size() || (i < into.participants.size() && into.participants[i] < from.participants[j])) {
      parts.push_back(into.participants[i]);
      roles.push_back(into.roles[i++]);
    } else if (i == into.participants.size() || from.participants[j] < into.participants[i]) {
      parts.push_back(from.participants[j]);
      roles.push_back(from.roles[j++]);
    } else {
      parts.push_back(into.participants[i]);
      roles.push_back(RoleRank(from.roles[j]) < RoleRank(into.roles[i]) ? from.roles[j] : into.roles[i]);
      ++i, ++j;
    }
  }
  into.participants = std::move(parts);
  into.roles = std::move(roles);
  if (into.place.empty()) into.place = from.place;
  if (!from.reported.empty() && (into.reported.empty() || from.reported < into.reported)) into.reported = from.reported;
  from.merged = true;
}

// One happening reported by several articles becomes one item (issue 18):
//  1. Reports with the same type, modality and date and the same parties
//     (SameParties) are one. Undated reports of one day are one when
//     they are alike too (the day they were published stands for the date).
//  2. A report dated coarser ("2024-06") joins the finer-dated item it
//     falls within ("2024-06-19") when that item is the only one alike.
//  3. An undated report joins the dated item alike when that is the only
//     one, and its date fits the report's day (FitsReportDay) within a week
//     (NearReportDay): the undated "Kim menyambut Kozlov" joins the meeting
//     of 18 November; an undated rate decision reported in August does not
//     join July's. With two candidates it stays apart, for it cannot say
//     which it means.
// Different dates at the same grain stay apart. Candidates are the items
// the query listed (one entity's or story's events), so the rule reads one
// timeline, never the whole store.
std::vector<TimelineItem> MergeTimeline(const std::vector<store::EventRow>& rows) {
  std::vector<TimelineItem> items;
  items.reserve(rows.size());
  // Step 1.
  std::map<std::tuple<EventType, EventModality, std::string>, std::vector<size_t>> by_date;
  for (const auto& row : rows) {
    TimelineItem t = ItemOf(row);
    const std::string key = t.date.empty() ? "@" + t.reported : t.date;  // '@' never starts a TIMEX value
    auto& same_date = by_date[{t.type, t.modality, key}];
    auto same = std::find_if(same_date.begin(), same_date.end(), [&](size_t i) { return SameParties(items[i], t); });
    if (same != same_date.end()) {
      MergeInto(items[*same], t);
      continue;
    }
    same_date.push_back(items.size());
    items.push_back(std::move(t));
  }
  // The dated items by kind and participant, so a candidate search reads
  // the lists of the parties that can make two reports alike, not the
  // whole timeline (one entity's timeline has it in every item): with
  // `alone` those of a single participant.
  using PartyKey = std::tuple<EventType, EventModality, std::string>;
  std::map<PartyKey, std::vector<size_t>> with_party, alone;
  auto index = [&](size_t i) {
    const TimelineItem& t = items[i];
    for (const auto& p : t.participants) with_party[{t.type, t.modality, p}].push_back(i);
    if (t.participants.size() == 1) alone[{t.type, t.modality, t.participants[0]}].push_back(i);
  };
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].date.empty()) index(i);
  std::vector<size_t> seen(items.size(), 0);
  size_t stamp = 0;
  // The only live dated item alike items[at] whose date `fits`, else none.
  // One alike shares two of its participants (SameParties), so it is in
  // the list of one of them other than the most common one, or it has that
  // one alone; one report of a single party shares it.
  auto only_candidate = [&](size_t at, auto&& fits) -> std::optional<size_t> {
    const TimelineItem& t = items[at];
    if (t.participants.empty()) return std::nullopt;
    static const std::vector<size_t> kNone;
    auto list = [&](std::map<PartyKey, std::vector<size_t>>& m, const std::string& p) -> const std::vector<size_t>& {
      auto it = m.find({t.type, t.modality, p});
      return it == m.end() ? kNone : it->second;
    };
    std::vector<const std::vector<size_t>*> lists;
    if (t.participants.size() == 1) {
      lists.push_back(&list(with_party, t.participants[0]));
    } else {
      size_t common = 0;
      for (size_t k = 1; k < t.participants.size(); ++k)
        if (list(with_party, t.participants[k]).size() > list(with_party, t.participants[common]).size()) common = k;
      for (size_t k = 0; k < t.participants.size(); ++k)
        lists.push_back(k == common ? &list(alone, t.participants[k]) : &list(with_party, t.participants[k]));
    }
    ++stamp;
    std::optional<size_t> found;
    for (const auto* l : lists)
      for (size_t i : *l) {
        if (seen[i] == stamp) continue;
        seen[i] = stamp;
        if (i == at || items[i].merged || !fits(items[i]) || !SameParties(items[i], t)) continue;
        if (found) return std::nullopt;
        found = i;
      }
    return found;
  };
  // A merge may give the item new participants: it is listed under them too.
  auto merge = [&](size_t into, size_t from) {
    MergeInto(items[into], items[from]);
    index(into);
  };
  // Step 2, finest dates first: "2024-06" joins "2024-06-19" before "2024"
  // looks for its one candidate.
  std::vector<size_t> dated;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].date.empty()) dated.push_back(i);
  std::stable_sort(dated.begin(), dated.end(),
                   [&](size_t a, size_t b) { return items[a].date.size() > items[b].date.size(); });
  for (size_t i : dated) {
    auto into = only_candidate(i, [&](const TimelineItem& c) { return Within(items[i].date, c.date); });
    if (into) merge(*into, i);
  }
  // Step 3.
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].merged || !items[i].date.empty()) continue;
    auto into = only_candidate(i, [&](const TimelineItem& c) {
      return !c.date.empty() && FitsReportDay(c.date, items[i].modality, items[i].reported) &&
             NearReportDay(c.date, items[i].modality, items[i].reported);
    });
    if (into) merge(*into, i);
  }
  std::erase_if(items, [](const TimelineItem& t) { return t.merged; });
  return items;
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

StatusOr<std::vector<EventModality>> ParseModalities(std::string_view list) {
  if (list.empty()) return std::vector<EventModality>{EventModality::kHappened};
  if (list == "all") return std::vector<EventModality>{};
  std::vector<EventModality> out;
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(',', at);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(at, comma - at);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "all") return std::vector<EventModality>{};
    WARTA_ASSIGN_OR_RETURN(EventModality m, ParseVocabulary<EventModality>(name));
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    at = comma + 1;
  }
  return out;
}

StatusOr<json> TimelineJson(store::ArticleStore& store, const store::EventQuery& query) {
  store::EventQuery all = query;
  all.page.offset = 0;
  all.page.limit = kMaxTimelineRows;
  WARTA_ASSIGN_OR_RETURN(auto listing, store.FindEvents(all));
  std::vector<TimelineItem> items = MergeTimeline(listing.rows);
  RefCache refs(store);
  json out = json::array();
  const size_t end = std::min(items.size(), query.page.offset + query.page.limit);
  for (size_t i = query.page.offset; i < end; ++i) {
    const TimelineItem& t = items[i];
    // Who did it first: actor, co-actors, targets, then the others.
    std::vector<size_t> order(t.participants.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return RoleRank(t.roles[a]) < RoleRank(t.roles[b]); });
    json participants = json::array();
    for (size_t k : order) {
      WARTA_ASSIGN_OR_RETURN(json p, refs.Entity(t.participants[k]));
      p["role"] = Name(t.roles[k]);
      participants.push_back(std::move(p));
    }
    json sources = json::array();
    for (int64_t seq : t.sources) {
      WARTA_ASSIGN_OR_RETURN(json a, refs.Article(seq));
      sources.push_back(std::move(a));
    }
    out.push_back({{"date", t.date},
                   {"reported", t.reported.empty() ? json(nullptr) : json(t.reported)},
                   {"type", Name(t.type)},
                   {"modality", Name(t.modality)},
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
