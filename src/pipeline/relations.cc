#include "pipeline/relations.h"

#include <algorithm>

namespace warta::pipeline {

namespace {

store::StoryRecord RecordOf(const dedupe::Story& s) {
  store::StoryRecord r{s.id, s.headline, s.first_published, s.last_published, s.article_count, s.key_entities};
  r.follow_up_of = s.follow_up_of;
  return r;
}

store::SeriesRecord SeriesRecordOf(const dedupe::Series& s) {
  auto day = [](int32_t d) {
    DateTime t = DateTime::FromUnixSeconds(static_cast<int64_t>(d) * 86400);
    t.has_time = t.has_offset = false;
    return t;
  };
  return {s.id, s.name, s.outlet, s.network, day(s.first_day), day(s.last_day), s.article_count};
}

}  // namespace

Relations::Relations(const dedupe::DedupeOptions& dedupe, const dedupe::StoryOptions& stories,
                     const dedupe::SeriesOptions& series)
    : detector_(dedupe), series_(series), stories_(stories) {}

int64_t Relations::KeyOf(int64_t seq) const {
  auto it = group_of_.find(seq);
  return it != group_of_.end() ? it->second : seq;
}

store::ArticleRelations Relations::Match(int64_t seq, const dedupe::Signature& signature,
                                         const std::optional<DateTime>& published,
                                         std::vector<store::CopyLink>* relinked) {
  store::ArticleRelations r;
  r.seq = seq;
  r.copy_group = seq;
  dedupe::MatchResult m = detector_.AddAndMatch(seq, signature, published);
  // Items of one series are never copies of one another: another day's
  // figures in the same sentences.
  if (m.copy) {
    const auto mine = series_.SeriesOf(seq);
    if (mine && (series_.SeriesOf(m.copy->nearest_seq) == mine || series_.SeriesOf(m.copy->original_seq) == mine))
      m.copy.reset();
  }
  if (!m.copy) return r;
  // The group is the star around the article it was verified against (the
  // original, or the former original when this one predates it).
  const int64_t key = KeyOf(m.copy->nearest_seq);
  group_of_[m.copy->nearest_seq] = key;
  group_of_[seq] = key;
  r.copy_group = key;
  if (m.copy->original_seq != seq) {
    r.copy_of = m.copy->original_seq;
    r.similarity = m.copy->jaccard;
    r.copy_reason = m.copy->reason;
  }
  for (const dedupe::CopyRelink& l : m.copy->relinked) {
    store::CopyLink link{l.seq, l.copy_of, l.jaccard, l.reason, key};
    if (l.copy_of == 0) {
      // Left the group: an original on its own again.
      group_of_.erase(l.seq);
      link.copy_group = l.seq;
    }
    if (relinked) relinked->push_back(std::move(link));
  }
  return r;
}

store::ArticleRelations Relations::Add(int64_t seq, const Article& article, const dedupe::Signature& signature,
                                       Batch* batch, const std::optional<DateTime>& ingested,
                                       const dedupe::SeriesSignature* series) {
  // Series first: the copy and story decisions below ask for them.
  dedupe::SeriesAssignment in_series =
      series ? series_.Add(seq, *series) : series_.Add(seq, series_.Sign(article));
  if (in_series.series_id) {
    if (in_series.founder_seq) {
      batch->series_members.emplace_back(in_series.founder_seq, in_series.series_id);
      // The founder was clustered before its series existed.
      stories_.NoteSeries(in_series.founder_seq, in_series.series_id);
    }
    batch->series_members.emplace_back(seq, in_series.series_id);
    batch->touched_series.insert(in_series.series_id);
  }
  store::ArticleRelations r = Match(seq, signature, article.published, &batch->relinked);
  r.signature = signature.Serialise();
  dedupe::StoryInput input;
  if (r.copy_of) input.copy_of = r.copy_of;
  // nullopt: stored just now (the clock), as ingested_at says within seconds.
  input.ingested = ingested;
  // Two items of one series never share a story (dedupe/stories.h).
  if (in_series.series_id) input.series = in_series.series_id;
  r.story_id = stories_.Add(seq, article, input).story_id;
  batch->touched_stories.insert(r.story_id);
  batch->watermark = std::max(batch->watermark, seq);
  watermark_ = std::max(watermark_, seq);
  batch->relations.push_back(r);
  return r;
}

Status Relations::Commit(store::ArticleStore& store, const Batch& batch) {
  if (batch.relations.empty()) return Status::Ok();
  // Before the relations and their watermark: a crash in between leaves the
  // batch above the watermark, and its replay writes the same series again.
  if (!batch.series_members.empty()) {
    std::vector<store::SeriesRecord> series;
    for (int64_t id : batch.touched_series)
      if (const dedupe::Series* s = series_.series(id)) series.push_back(SeriesRecordOf(*s));
    WARTA_RETURN_IF_ERROR(store.PutSeries(batch.series_members, series));
  }
  std::vector<store::StoryRecord> records;
  for (int64_t id : batch.touched_stories)
    if (const dedupe::Story* s = stories_.story(id)) records.push_back(RecordOf(*s));
  return store.PutRelations(batch.relations, batch.relinked, records, batch.watermark);
}

Status Relations::Resign(store::ArticleStore& store, int64_t watermark) {
  Batch batch;
  Status st;
  auto flush = [&] {
    if (batch.relations.empty() && batch.relinked.empty()) return Status::Ok();
    Status s = store.PutRelations(batch.relations, batch.relinked, {}, watermark);
    batch = Batch{};
    return s;
  };
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& a) {
    if (a.seq > watermark) return false;
    dedupe::Signature sig = detector_.Sign(a.article);
    store::ArticleRelations r = Match(a.seq, sig, a.article.published, &batch.relinked);
    r.signature = sig.Serialise();
    r.story_id = a.story_id;  // stories are not re-decided here
    batch.relations.push_back(std::move(r));
    if (batch.relations.size() >= 512) st = flush();
    return st.ok();
  }));
  WARTA_RETURN_IF_ERROR(st);
  return flush();
}

Status Relations::Load(store::ArticleStore& store) {
  WARTA_ASSIGN_OR_RETURN(int64_t watermark, store.RelationsWatermark());

  // The series and the stories: every article with relations, in seq order,
  // under the series and story the store recorded, before the copies (the
  // copy replay asks which series its candidates are in). Not only the
  // active window: an article's vector is weighted by the document
  // frequencies of every article before it, and a story's centroid is the
  // sum of its members' vectors as they were weighted then, so only a full
  // replay in store order rebuilds the state a one-shot ingest would have
  // and makes the next article's story the same whether or not the ingest
  // was interrupted (or split in runs). Only the articles the next one can
  // still be matched with need their sentences masked for the series; the
  // older ones give their title and membership.
  const int64_t oldest_matchable = series_.OldestMatchable(watermark + 1);
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& a) {
    if (a.seq > watermark) return false;
    series_.Restore(a.seq, series_.Sign(a.article, a.seq >= oldest_matchable), a.series_id);
    // With the ingest time it was clustered at, which bounds its dates.
    dedupe::StoryInput input{.ingested = a.ingested_at};
    if (a.series_id) input.series = a.series_id;
    if (a.story_id) stories_.Restore(a.seq, a.article, a.story_id, input);
    return true;
  }));

  // The copies. A store written before signatures held values (version 1)
  // has copy links decided without the value and time tests (chained
  // through templates): re-sign its articles and decide their links again,
  // once.
  bool old_signatures = false;
  WARTA_RETURN_IF_ERROR(store.ScanSignatures(
      watermark, [&](int64_t, std::string_view bytes, const std::optional<DateTime>&) {
        if (!bytes.empty() && bytes[0] == 1) old_signatures = true;
      }));
  if (old_signatures) {
    WARTA_RETURN_IF_ERROR(Resign(store, watermark));
  } else {
    Status parse_status;
    WARTA_RETURN_IF_ERROR(store.ScanSignatures(
        watermark, [&](int64_t seq, std::string_view bytes, const std::optional<DateTime>& published) {
          auto sig = dedupe::ParseSignature(bytes);
          if (!sig.ok()) {
            if (parse_status.ok()) parse_status = Status::Corrupt("signature of article " + std::to_string(seq) +
                                                                  ": " + sig.status().message());
            return;
          }
          Match(seq, *sig, published, nullptr);
        }));
    WARTA_RETURN_IF_ERROR(parse_status);
  }
  watermark_ = watermark;

  // Articles stored after the last committed relations (a crash between the
  // two transactions of a batch).
  Batch batch;
  Status st;
  WARTA_RETURN_IF_ERROR(store.Scan(watermark, [&](const store::StoredArticle& a) {
    Add(a.seq, a.article, detector_.Sign(a.article), &batch, a.ingested_at);
    if (batch.relations.size() >= 512) {
      st = Commit(store, batch);
      batch = Batch{};
    }
    return st.ok();
  }));
  WARTA_RETURN_IF_ERROR(st);
  return Commit(store, batch);
}

}  // namespace warta::pipeline
