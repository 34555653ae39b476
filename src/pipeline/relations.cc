#include "pipeline/relations.h"

#include <algorithm>

namespace warta::pipeline {

namespace {

store::StoryRecord RecordOf(const dedupe::Story& s) {
  return {s.id, s.headline, s.first_published, s.last_published, s.article_count, s.key_entities};
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

store::ArticleRelations Relations::Match(int64_t seq, const dedupe::Signature& signature,
                                         const std::optional<DateTime>& published,
                                         std::vector<std::pair<int64_t, int64_t>>* regrouped) {
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
  // A copy of one item (a syndicated gold report) is that item's copy, not
  // of the series' first item that the detector's group chained it to; and
  // no item of a series is re-pointed to another item of it.
  if (m.copy && m.copy->original_seq != seq) {
    const auto nearest = series_.SeriesOf(m.copy->nearest_seq);
    if (nearest && m.copy->original_seq != m.copy->nearest_seq && series_.SeriesOf(m.copy->original_seq) == nearest)
      m.copy->original_seq = m.copy->nearest_seq;
  }
  if (m.copy) {
    const auto original = series_.SeriesOf(m.copy->original_seq == seq ? m.copy->nearest_seq : m.copy->original_seq);
    auto& d = m.copy->displaced;
    if (original)
      d.erase(std::remove_if(d.begin(), d.end(), [&](int64_t x) { return series_.SeriesOf(x) == original; }), d.end());
  }
  if (m.copy) {
    const int64_t original = m.copy->original_seq;
    // The group this article joined is the one of the article it matched.
    const int64_t anchor = original == seq ? m.copy->nearest_seq : original;
    auto it = group_of_.find(anchor);
    const int64_t key = it != group_of_.end() ? it->second : anchor;
    group_of_[anchor] = key;
    group_of_[seq] = key;
    r.copy_group = key;
    r.copy_of = original == seq ? 0 : original;
    r.similarity = m.copy->jaccard;
    for (int64_t d : m.copy->displaced) {
      group_of_[d] = key;
      if (regrouped) regrouped->emplace_back(d, original);
    }
  }
  return r;
}

store::ArticleRelations Relations::Add(int64_t seq, const Article& article, const dedupe::Signature& signature,
                                       Batch* batch, const dedupe::SeriesSignature* series) {
  dedupe::SeriesAssignment in_series =
      series ? series_.Add(seq, *series) : series_.Add(seq, series_.Sign(article));
  if (in_series.series_id) {
    if (in_series.founder_seq) batch->series_members.emplace_back(in_series.founder_seq, in_series.series_id);
    batch->series_members.emplace_back(seq, in_series.series_id);
    batch->touched_series.insert(in_series.series_id);
  }
  store::ArticleRelations r = Match(seq, signature, article.published, &batch->regrouped);
  r.signature = signature.Serialise();
  std::optional<int64_t> copy_of;
  if (r.copy_of) copy_of = r.copy_of;
  r.story_id = stories_.Add(seq, article, copy_of).story_id;
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
  return store.PutRelations(batch.relations, batch.regrouped, records, batch.watermark);
}

Status Relations::Load(store::ArticleStore& store) {
  WARTA_ASSIGN_OR_RETURN(int64_t watermark, store.RelationsWatermark());
  // The stories: every article with relations, in seq order, under the
  // story the store recorded. Not only the active window: an article's
  // vector is weighted by the document frequencies of every article before
  // it, and a story's centroid is the sum of its members' vectors as they
  // were weighted then, so only a full replay in store order rebuilds the
  // state a one-shot ingest would have and makes the next article's story
  // the same whether or not the ingest was interrupted (or split in runs).
  //
  // The series likewise, each article with its stored series id, before
  // the copies: the copy replay asks which series its candidates are in.
  // Only the articles the next one can still be matched with need their
  // sentences masked; the older ones give their title and membership.
  const int64_t oldest_matchable = series_.OldestMatchable(watermark + 1);
  WARTA_RETURN_IF_ERROR(store.Scan(0, [&](const store::StoredArticle& a) {
    if (a.seq > watermark) return false;
    series_.Restore(a.seq, series_.Sign(a.article, a.seq >= oldest_matchable), a.series_id);
    if (a.story_id) stories_.Restore(a.seq, a.article, a.story_id);
    return true;
  }));

  // The copies: the detector's state, from the stored signatures.
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
  watermark_ = watermark;

  // Articles stored after the last committed relations (a crash between the
  // two transactions of a batch).
  Batch batch;
  Status st;
  WARTA_RETURN_IF_ERROR(store.Scan(watermark, [&](const store::StoredArticle& a) {
    Add(a.seq, a.article, detector_.Sign(a.article), &batch);
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
