#include "query/export.h"

#include <nlohmann/json.hpp>

#include "query/views.h"

namespace warta::query {

using nlohmann::json;

namespace {

json SpanJson(const Span& s) { return json{{"begin", s.begin}, {"end", s.end}}; }

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

void CsvField(std::ostream& out, std::string_view s) {
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

// roles[i] is participants[i]'s, always as long as participants (an
// analyser that did not tell: every one a participant).
json RolesJson(const Event& e) {
  json out = json::array();
  for (size_t i = 0; i < e.participants.size(); ++i)
    out.push_back(Name(i < e.roles.size() ? e.roles[i] : EventRole::kParticipant));
  return out;
}

}  // namespace

json ArticleJson(const store::StoredArticle& s) {
  const Article& a = s.article;
  json j;
  j["id"] = a.id;
  j["seq"] = s.seq;
  j["source"] = a.source;
  j["outlet"] = a.outlet;
  j["url"] = a.url;
  j["title"] = a.title;
  j["published"] = a.published ? json(a.published->ToIso()) : json(nullptr);
  j["story_id"] = s.story_id ? json(s.story_id) : json(nullptr);
  // When the source gave no date: the latest date its text states, marked as inferred.
  j["inferred_published"] = a.inferred_published ? json(a.inferred_published->ToIso()) : json(nullptr);
  j["authors"] = a.authors;
  j["editors"] = a.editors;
  j["language"] = a.language;
  // How the source wrote the text when clean restored its case ("lower",
  // "upper"), else null.
  j["case_restored_from"] = a.letter_case == LetterCase::kLower   ? json("lower")
                            : a.letter_case == LetterCase::kUpper ? json("upper")
                                                                  : json(nullptr);
  j["text"] = a.Text();
  j["paragraphs"] = a.paragraphs;
  json removed = json::array();
  for (const auto& r : a.removed) removed.push_back({{"line", r.line}, {"reason", r.reason}, {"text", r.text}});
  j["removed"] = std::move(removed);
  json entities = json::array();
  for (const auto& e : a.entities)
    entities.push_back({{"span", SpanJson(e.span)}, {"text", e.text}, {"type", Name(e.type)}, {"entity_id", e.entity_id},
                        {"canonical", e.canonical}, {"role", e.role}, {"role_of", e.role_of}});
  j["entities"] = std::move(entities);
  json timexes = json::array();
  for (const auto& t : a.timexes) {
    json e = {{"span", SpanJson(t.span)}, {"text", t.text}, {"type", Name(t.type)}, {"value", t.value}};
    if (t.utc_offset_minutes) e["utc_offset_minutes"] = *t.utc_offset_minutes;  // TIMEX3 values carry none
    timexes.push_back(std::move(e));
  }
  j["timexes"] = std::move(timexes);
  json quotes = json::array();
  for (const auto& q : a.quotes)
    quotes.push_back({{"span", SpanJson(q.span)}, {"text", q.text}, {"direct", q.direct}, {"speaker", q.speaker},
                      {"speaker_entity_id", q.speaker_entity_id}, {"relay", q.relay}});
  j["quotes"] = std::move(quotes);
  json claims = json::array();
  for (const auto& c : a.claims)
    claims.push_back({{"span", SpanJson(c.span)}, {"text", c.text}, {"low", c.low}, {"high", c.high},
                      {"bound", Name(c.bound)}, {"unit", c.unit}, {"subject", c.subject}, {"claimant", c.claimant},
                      {"claimant_entity_id", c.claimant_entity_id}, {"hedge", c.hedge}, {"date", c.date},
                      {"canonical_unit", c.canonical_unit}, {"qualifier", c.qualifier}});
  j["claims"] = std::move(claims);
  json events = json::array();
  for (const auto& e : a.events)
    events.push_back({{"span", SpanJson(e.span)}, {"type", Name(e.type)}, {"trigger", e.trigger},
                      {"participants", e.participants}, {"roles", RolesJson(e)}, {"place", e.place},
                      {"date", e.date}, {"modality", Name(e.modality)}});
  j["events"] = std::move(events);
  return j;
}

// The other members of a hit's copy group, the original marked.
json CopiesJson(const SearchHitView& h) {
  json out = json::array();
  for (const auto& c : h.copies) {
    json j = ArticleRefJson(c);
    j["original"] = c.seq == h.article.copy_of;
    out.push_back(std::move(j));
  }
  return out;
}

json SearchPageJson(const SearchPage& page, const index::SearchRequest& req) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : page.hits) {
    const Article& a = h.article.article;
    hits.push_back({{"id", a.id},
                    {"title", a.title},
                    {"outlet", a.outlet},
                    {"published", a.published ? nlohmann::json(a.published->ToIso()) : nlohmann::json(nullptr)},
                    {"url", a.url},
                    {"source", a.source},
                    {"score", h.score},
                    {"snippet", h.snippet},
                    {"story_id", h.article.story_id ? nlohmann::json(h.article.story_id) : nlohmann::json(nullptr)},
                    {"copies", CopiesJson(h)}});
  }
  return {{"query", req.query},
          {"offset", req.offset},
          {"limit", req.limit},
          {"estimated_total", page.estimated_total},
          {"hits", std::move(hits)}};
}

json StatsJson(const store::StoreStats& s, int shards, int64_t lag) {
  nlohmann::json removed = nlohmann::json::object();
  for (const auto& [reason, n] : s.removed_by_reason) removed[reason] = n;
  nlohmann::json outlets = nlohmann::json::array();
  for (const auto& [o, n] : s.top_outlets) outlets.push_back({{"outlet", o}, {"articles", n}});
  nlohmann::json case_by_outlet = nlohmann::json::array();
  for (const auto& c : s.case_by_outlet)
    case_by_outlet.push_back({{"outlet", c.outlet}, {"articles", c.articles}, {"lower", c.lower}, {"upper", c.upper}});
  return {{"articles", s.articles},
          {"outlets", s.outlets},
          {"text_bytes", s.text_bytes},
          {"first_published", s.first_published ? nlohmann::json(s.first_published->ToIso()) : nlohmann::json(nullptr)},
          {"last_published", s.last_published ? nlohmann::json(s.last_published->ToIso()) : nlohmann::json(nullptr)},
          {"removed_lines", s.removed_lines},
          {"removed_by_reason", removed},
          {"top_outlets", outlets},
          {"case_by_outlet", case_by_outlet},
          {"index_shards", shards},
          {"index_lag", lag}};
}

json EntitySummaryJson(const store::EntitySummary& e) {
  return {{"id", e.id}, {"canonical", e.canonical}, {"type", Name(e.type)}, {"mentions", e.mentions}, {"articles", e.articles}};
}

json EntityDetailJson(const store::EntityDetail& d, const std::vector<store::StoredArticle>& articles) {
  json out = EntitySummaryJson(d.summary);
  out["aliases"] = json::array();
  for (const auto& [text, n] : d.aliases) out["aliases"].push_back({{"text", text}, {"mentions", n}});
  out["roles"] = json::array();
  for (const auto& r : d.roles)
    out["roles"].push_back({{"role", r.role},
                            {"of", r.of},
                            {"first_seen", r.first_seen ? json(r.first_seen->ToIso()) : json(nullptr)},
                            {"last_seen", r.last_seen ? json(r.last_seen->ToIso()) : json(nullptr)},
                            {"articles", r.articles}});
  out["articles"] = json::array();
  for (const auto& a : articles)
    out["articles"].push_back({{"id", a.article.id},
                               {"title", a.article.title},
                               {"outlet", a.article.outlet},
                               {"published", a.article.published ? json(a.article.published->ToIso()) : json()}});
  out["cooccurring"] = json::array();
  for (const auto& [e, shared] : d.cooccurring) {
    json j = EntitySummaryJson(e);
    j["shared_articles"] = shared;
    out["cooccurring"].push_back(std::move(j));
  }
  return out;
}

json EntityLinksJson(const std::vector<store::EntityLink>& links, const std::string& id) {
  json merged = json::array(), split = json::array();
  for (const auto& l : links) {
    if (l.kind == "merge" && l.to_id == id)
      merged.push_back({{"form", l.form}, {"from_id", l.from_id}, {"by", l.source}, {"reason", l.reason}});
    if (l.kind == "split" && l.from_id == id)
      split.push_back({{"form", l.form}, {"to_id", l.to_id}, {"by", l.source}, {"reason", l.reason}});
  }
  return {{"merged", std::move(merged)}, {"split", std::move(split)}};
}

StatusOr<json> FullArticleJson(store::ArticleStore& store, const store::StoredArticle& article) {
  json j = ArticleJson(article);
  WARTA_ASSIGN_OR_RETURN(json relations, ArticleRelationsJson(store, article));
  for (auto& [key, value] : relations.items()) j[key] = std::move(value);
  return j;
}

StatusOr<int64_t> ExportJsonl(store::ArticleStore& store, std::ostream& out) {
  int64_t n = 0;
  Status st;
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& a) {
    auto j = FullArticleJson(store, a);
    if (!j.ok()) {
      st = j.status();
      return false;
    }
    out << j->dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    ++n;
    return static_cast<bool>(out);
  }));
  WARTA_RETURN_IF_ERROR(st);
  if (!out) return Status::IoError("export: write failed");
  return n;
}

std::optional<ExportKind> ParseExportKind(std::string_view what) {
  if (what == "articles") return ExportKind::kArticles;
  if (what == "quotes") return ExportKind::kQuotes;
  if (what == "claims") return ExportKind::kClaims;
  if (what == "events") return ExportKind::kEvents;
  if (what == "stories") return ExportKind::kStories;
  return std::nullopt;
}

StatusOr<int64_t> ExportRecordsJsonl(store::ArticleStore& store, ExportKind kind, std::ostream& out) {
  if (kind == ExportKind::kArticles) return ExportJsonl(store, out);
  int64_t n = 0;
  auto write = [&](const json& j) {
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    ++n;
  };
  if (kind == ExportKind::kStories) {
    store::ListFilter page;
    page.limit = 1000;
    for (;;) {
      WARTA_ASSIGN_OR_RETURN(json listing, StoriesJson(store, page));
      for (const auto& s : listing["items"]) write(s);
      if (listing["items"].size() < page.limit) break;
      page.offset += page.limit;
    }
    if (!out) return Status::IoError("export: write failed");
    return n;
  }
  // Per article, in store order: linear in the store, whatever its size.
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& s) {
    const Article& a = s.article;
    json article = {{"id", a.id},
                    {"title", a.title},
                    {"outlet", a.outlet},
                    {"published", a.published ? json(a.published->ToIso()) : json(nullptr)},
                    {"url", a.url}};
    json story = s.story_id ? json(s.story_id) : json(nullptr);
    const std::string text = kind == ExportKind::kEvents ? a.Text() : std::string();
    if (kind == ExportKind::kQuotes) {
      for (const auto& q : a.quotes)
        write({{"article", article}, {"story_id", story}, {"text", q.text}, {"direct", q.direct},
               {"speaker", q.speaker}, {"speaker_entity_id", q.speaker_entity_id}, {"relay", q.relay},
               {"begin", q.span.begin}, {"end", q.span.end}});
    } else if (kind == ExportKind::kClaims) {
      for (const auto& c : a.claims)
        write({{"article", article}, {"story_id", story}, {"text", c.text}, {"low", c.low}, {"high", c.high},
               {"bound", Name(c.bound)}, {"unit", c.unit}, {"subject", c.subject}, {"claimant", c.claimant},
               {"claimant_entity_id", c.claimant_entity_id}, {"hedge", c.hedge}, {"date", c.date},
               {"canonical_unit", c.canonical_unit}, {"qualifier", c.qualifier},
               {"begin", c.span.begin}, {"end", c.span.end}});
    } else {
      for (const auto& e : a.events)
        write({{"article", article}, {"story_id", story}, {"type", Name(e.type)}, {"trigger", e.trigger},
               {"participants", e.participants}, {"roles", RolesJson(e)}, {"place", e.place}, {"date", e.date},
               {"modality", Name(e.modality)},
               {"text", SpanText(text, e.span)}, {"begin", e.span.begin}, {"end", e.span.end}});
    }
    return static_cast<bool>(out);
  }));
  if (!out) return Status::IoError("export: write failed");
  return n;
}

StatusOr<int64_t> ExportCsv(store::ArticleStore& store, std::ostream& out) {
  out << "id,source,outlet,url,title,published,authors,editors,language,removed_lines,story_id,copy_of,text\r\n";
  int64_t n = 0;
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& s) {
    const Article& a = s.article;
    for (std::string_view f : {std::string_view(a.id), std::string_view(a.source), std::string_view(a.outlet),
                               std::string_view(a.url), std::string_view(a.title)}) {
      CsvField(out, f);
      out << ',';
    }
    CsvField(out, a.published ? a.published->ToIso() : "");
    out << ',';
    CsvField(out, Join(a.authors, "; "));
    out << ',';
    CsvField(out, Join(a.editors, "; "));
    out << ',';
    CsvField(out, a.language);
    out << ',' << a.removed.size() << ',';
    if (s.story_id) out << s.story_id;
    out << ',';
    std::string original;
    if (s.copy_of) {
      std::vector<store::ArticleRef> refs;
      if (store.GetRefs({s.copy_of}, &refs).ok() && !refs.empty()) original = refs[0].id;
    }
    CsvField(out, original);
    out << ',';
    CsvField(out, a.Text());
    out << "\r\n";
    ++n;
    return static_cast<bool>(out);
  }));
  if (!out) return Status::IoError("export: write failed");
  return n;
}

}  // namespace warta::query
