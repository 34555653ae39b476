// Copies and stories through the whole pipeline: found at ingest, collapsed
// in search, rebuilt from the store when the directory is opened again.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "dedupe/duplicates.h"
#include "pipeline/knowledge_base.h"
#include "query/export.h"
#include "query/views.h"
#include "test_support.h"

namespace warta::pipeline {
namespace {

using nlohmann::json;
using warta::testing::TempDir;
using warta::testing::WriteFile;

// Six paragraphs of pseudo-words, distinct per `topic`, plus a shared
// search word so every article matches one query.
std::vector<std::string> Paragraphs(int topic) {
  std::mt19937 rng(static_cast<unsigned>(topic * 7919 + 1));
  static const char* const kSyllables[] = {"ba", "ka", "ri", "mu", "lo", "sen", "tan", "pur", "wi", "da", "ge", "nyo"};
  std::vector<std::string> out;
  for (int p = 0; p < 6; ++p) {
    std::string para = "Laporan";
    for (int w = 0; w < 30; ++w) {
      std::string word;
      for (int k = 0; k < 3; ++k) word += kSyllables[rng() % 12];
      para += " " + word;
    }
    out.push_back(para + ".");
  }
  return out;
}

std::string JsonLine(const std::string& title, const std::string& date, const std::string& outlet,
                     const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const auto& p : paragraphs) text += (text.empty() ? "" : "\n") + p;
  return json{{"title", title}, {"date", date}, {"outlet", outlet}, {"text", text}}.dump() + "\n";
}

// The wire story (1) first, then an unrelated one (2) and an edited copy of
// 1 published a day later by another outlet: a dropped last paragraph, a
// "Baca juga" line and a new headline.
std::string Feed() {
  auto wire = Paragraphs(1);
  auto copy = wire;
  copy.pop_back();
  copy.insert(copy.begin() + 2, "Baca juga: Berita lain yang tidak terkait");
  return JsonLine("Kabar pertama dari kantor berita", "2024-11-18", "Antara", wire) +
         JsonLine("Kabar lain sama sekali", "2024-11-18", "Tempo", Paragraphs(2)) +
         JsonLine("Judul baru untuk salinan", "2024-11-19", "Riau24", copy);
}

TEST(RelationsTest, AnEditedCopyPointsToItsOriginalJoinsItsStoryAndCollapsesInSearch) {
  TempDir tmp;
  WriteFile(tmp / "feed.jsonl", Feed());
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string(), .shards = 2});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  auto s = (*kb)->Ingest({(tmp / "feed.jsonl").string()}, {}, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->stored, 3u);
  EXPECT_EQ(s->near_copies, 1u);
  EXPECT_EQ(s->new_stories, 2u);

  std::vector<store::StoredArticle> got;
  ASSERT_TRUE((*kb)->store().GetBySeq({1, 2, 3}, &got).ok());
  EXPECT_EQ(got[2].copy_of, 1);
  EXPECT_GT(got[2].similarity, 0.5);
  EXPECT_FALSE(got[2].copy_reason.empty());
  EXPECT_EQ(got[2].copy_group, got[0].copy_group);
  EXPECT_EQ(got[2].story_id, got[0].story_id);
  EXPECT_NE(got[1].story_id, got[0].story_id);

  auto collapsed = (*kb)->Search({.query = "laporan", .limit = 10});
  ASSERT_TRUE(collapsed.ok()) << collapsed.status().ToString();
  ASSERT_EQ(collapsed->hits.size(), 2u);
  for (const auto& h : collapsed->hits) {
    if (h.article.story_id == got[1].story_id) continue;
    ASSERT_EQ(h.copies.size(), 1u);  // the other member of the group, listed under the hit
  }
  auto all = (*kb)->Search({.query = "laporan", .collapse_copies = false, .limit = 10});
  EXPECT_EQ(all->hits.size(), 3u);

  auto story = query::StoryJson((*kb)->store(), got[0].story_id);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_EQ((*story)["article_count"], 2);
  EXPECT_EQ((*story)["headline"], "Kabar pertama dari kantor berita");
  ASSERT_EQ((*story)["articles"].size(), 1u);  // the copy is listed under its original
  EXPECT_EQ((*story)["articles"][0]["copies"].size(), 1u);

  std::ostringstream out;
  auto n = query::ExportJsonl((*kb)->store(), out);
  ASSERT_TRUE(n.ok());
  EXPECT_NE(out.str().find("\"copy_of\":{"), std::string::npos);
  EXPECT_NE(out.str().find("\"reason\":\"" + got[2].copy_reason + "\""), std::string::npos);
  EXPECT_NE(out.str().find("\"story_id\":" + std::to_string(got[0].story_id)), std::string::npos);
}

TEST(RelationsTest, ALaterIngestFindsCopiesOfWhatAnEarlierRunStored) {
  TempDir tmp;
  auto wire = Paragraphs(5);
  WriteFile(tmp / "a.jsonl", JsonLine("Asli", "2024-11-18", "Antara", wire));
  wire[3] = "Paragraf ini ditulis ulang oleh redaksi lain dengan kata kata yang berbeda sama sekali.";
  WriteFile(tmp / "b.jsonl", JsonLine("Salinan", "2024-11-18", "Kompas", wire));
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE((*kb)->Ingest({(tmp / "a.jsonl").string()}, {}, {}).ok());
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  auto s = (*kb)->Ingest({(tmp / "b.jsonl").string()}, {}, {});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->near_copies, 1u);
  EXPECT_EQ(s->new_stories, 0u);
}

// The first publication arrives last: it becomes the original of the group,
// the store re-points the former original to it with the similarity measured
// against it, and a former copy that does not match it is an original again.
// No copy link anywhere has similarity 0.
TEST(RelationsTest, ALateFirstPublicationRelinksTheGroupInTheStore) {
  TempDir tmp;
  auto extended = Paragraphs(7);
  std::vector<std::string> first(extended.begin(), extended.begin() + 3);
  std::vector<std::string> far(extended.begin() + 2, extended.end());
  WriteFile(tmp / "a.jsonl", JsonLine("Diperluas", "2024-11-18", "Antara", extended) +
                                 JsonLine("Bagian akhir", "2024-11-19", "Riau24", far));
  WriteFile(tmp / "b.jsonl", JsonLine("Kabar kilat", "2024-11-17", "Antara", first));
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE((*kb)->Ingest({(tmp / "a.jsonl").string()}, {}, {}).ok());
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.jsonl").string()}, {}, {}).ok());
  std::vector<store::StoredArticle> got;
  ASSERT_TRUE((*kb)->store().GetBySeq({1, 2, 3}, &got).ok());
  EXPECT_EQ(got[0].copy_of, 3);
  EXPECT_EQ(got[0].copy_reason, "extended");
  EXPECT_EQ(got[1].copy_of, 0) << "copies the extended version only, not the first publication";
  EXPECT_EQ(got[1].copy_reason, "");
  EXPECT_EQ(got[2].copy_of, 0);
  EXPECT_EQ(got[2].copy_group, got[0].copy_group);
  for (const auto& a : got)
    if (a.copy_of) EXPECT_GT(a.similarity, 0) << a.seq;
  EXPECT_EQ(*(*kb)->store().CopiesOf(3), (std::vector<int64_t>{1}));
}

// A store written before signatures held values: version-1 signatures and a
// copy link decided the old way (here: the unrelated article 2 "copies" 1,
// with similarity 0). The next writable open re-signs every article and
// decides its link again; stories are kept.
TEST(RelationsTest, AStoreWithVersionOneSignaturesIsResignedOnOpen) {
  TempDir tmp;
  WriteFile(tmp / "feed.jsonl", Feed());
  const std::string dir = (tmp / "db").string();
  std::vector<store::StoredArticle> before;
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE((*kb)->Ingest({(tmp / "feed.jsonl").string()}, {}, {}).ok());
    ASSERT_TRUE((*kb)->store().GetBySeq({1, 2, 3}, &before).ok());
    dedupe::DuplicateDetector d;
    std::vector<store::ArticleRelations> old;
    for (const auto& a : before) {
      dedupe::Signature sig = d.Sign(a.article);
      std::string v1 = sig.Serialise();
      v1.resize(v1.size() - 6 - 4 * sig.values.size());
      v1[0] = 1;
      old.push_back({a.seq, v1, a.seq == 1 ? 0 : 1, 0.0, 1, a.story_id, ""});
    }
    ASSERT_TRUE((*kb)->store().PutRelations(old, {}, {}, 3).ok());
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  WriteFile(tmp / "empty.jsonl", "");
  ASSERT_TRUE((*kb)->Ingest({(tmp / "empty.jsonl").string()}, {}, {}).ok());
  std::vector<store::StoredArticle> got;
  ASSERT_TRUE((*kb)->store().GetBySeq({1, 2, 3}, &got).ok());
  EXPECT_EQ(got[1].copy_of, 0);
  EXPECT_EQ(got[1].copy_group, 2);
  EXPECT_EQ(got[2].copy_of, 1);
  EXPECT_GT(got[2].similarity, 0.5);
  EXPECT_FALSE(got[2].copy_reason.empty());
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(got[i].story_id, before[i].story_id);
  int version_two = 0;
  ASSERT_TRUE((*kb)->store().ScanSignatures(3, [&](int64_t, std::string_view bytes, const std::optional<DateTime>&) {
    auto sig = dedupe::ParseSignature(bytes);
    version_two += sig.ok() && sig->values_known;
  }).ok());
  EXPECT_EQ(version_two, 3);
}

TEST(RelationsTest, ArticlesStoredWithoutRelationsAreDeduplicatedOnTheNextOpen) {
  TempDir tmp;
  WriteFile(tmp / "feed.jsonl", Feed());
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    IngestOptions no_relations;
    no_relations.relations = false;
    ASSERT_TRUE((*kb)->Ingest({(tmp / "feed.jsonl").string()}, no_relations, {}).ok());
    EXPECT_EQ(*(*kb)->store().RelationsWatermark(), 0);
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  WriteFile(tmp / "empty.jsonl", "");
  ASSERT_TRUE((*kb)->Ingest({(tmp / "empty.jsonl").string()}, {}, {}).ok());
  EXPECT_EQ(*(*kb)->store().RelationsWatermark(), 3);
  std::vector<store::StoredArticle> got;
  ASSERT_TRUE((*kb)->store().GetBySeq({3}, &got).ok());
  EXPECT_EQ(got[0].copy_of, 1);
  EXPECT_NE(got[0].story_id, 0);
}

// A flood and, a week later, its aftermath: two stories, the later a
// follow-up of the earlier, listed both ways by the store and the views,
// kept when the directory is reopened and the later story grows.
TEST(RelationsTest, AFollowUpStoryIsListedOnBothStoriesAndSurvivesAReopen) {
  TempDir tmp;
  const std::vector<std::string> flood = {
      "Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur pada Senin pagi setelah "
      "hujan deras mengguyur sejak Minggu malam.",
      "Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sedikitnya 420 rumah terdampak dan 130 "
      "warga mengungsi ke masjid serta balai warga terdekat."};
  const std::vector<std::string> aftermath = {
      "Ratusan warga Bekasi Timur yang mengungsi akibat banjir mulai kembali ke rumah setelah air surut pada "
      "Selasa siang.",
      "Badan Penanggulangan Bencana Daerah Kota Bekasi mencatat banjir merendam 420 rumah dan tanggul Kali Bekasi "
      "yang meluap kini diperbaiki."};
  WriteFile(tmp / "a.jsonl", JsonLine("Banjir rendam ratusan rumah di Bekasi", "2024-03-04", "Antara", flood) +
                                 JsonLine("Warga Bekasi mulai kembali ke rumah", "2024-03-11", "Tempo", aftermath));
  auto repairs = aftermath;  // another text (the same text is the same article, stored once)
  repairs.push_back("Dinas Pekerjaan Umum Kota Bekasi menargetkan perbaikan tanggul selesai pekan depan.");
  WriteFile(tmp / "b.jsonl", JsonLine("Tanggul Kali Bekasi diperbaiki", "2024-03-12", "Kompas", repairs));
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    auto s = (*kb)->Ingest({(tmp / "a.jsonl").string()}, {}, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->new_stories, 2u);
  }
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.jsonl").string()}, {}, {}).ok());
  std::vector<store::StoredArticle> got;
  ASSERT_TRUE((*kb)->store().GetBySeq({1, 2, 3}, &got).ok());
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NE(got[1].story_id, got[0].story_id);
  EXPECT_EQ(got[2].story_id, got[1].story_id);  // within the follow-up's window
  ASSERT_TRUE(got[2].ingested_at.has_value());

  auto earlier = query::StoryJson((*kb)->store(), got[0].story_id);
  auto later = query::StoryJson((*kb)->store(), got[1].story_id);
  ASSERT_TRUE(earlier.ok() && later.ok());
  EXPECT_TRUE((*earlier)["follow_up_of"].is_null());
  ASSERT_EQ((*earlier)["follow_ups"].size(), 1u) << earlier->dump(2);
  EXPECT_EQ((*earlier)["follow_ups"][0]["id"], got[1].story_id);
  ASSERT_TRUE((*later)["follow_up_of"].is_object()) << later->dump(2);
  EXPECT_EQ((*later)["follow_up_of"]["id"], got[0].story_id);
  EXPECT_EQ((*later)["follow_up_of"]["headline"], "Banjir rendam ratusan rumah di Bekasi");
  EXPECT_EQ((*later)["article_count"], 2);  // rewritten after the reopen, the link kept

  std::ostringstream out;
  ASSERT_TRUE(query::ExportRecordsJsonl((*kb)->store(), query::ExportKind::kStories, out).ok());
  EXPECT_NE(out.str().find("\"follow_up_of\":{"), std::string::npos) << out.str();
}

TEST(RelationsTest, TimelineMergesOneHappeningReportedTwice) {
  TempDir tmp;
  auto store = store::OpenSqliteStore({.path = (tmp / "w.sqlite").string()});
  ASSERT_TRUE(store.ok());
  auto article = [](std::string id, std::string text, std::vector<std::string> participants, std::string date) {
    Article a;
    a.id = std::move(id);
    a.source = a.id;
    a.paragraphs = {std::move(text)};
    a.entities = {{{0, 3}, "Kim", EntityType::kPerson, "Pkim", "Kim Jong Un"}};
    a.events = {{{0, 10}, EventType::kMeeting, "bertemu", std::move(participants), "Pyongyang", std::move(date)}};
    return a;
  };
  std::vector<store::PutResult> put;
  ASSERT_TRUE((*store)
                  ->PutBatch({article("a1", "Kim bertemu Kozlov.", {"Pkim", "Pkoz"}, "2024-11-18"),
                              article("a2", "Kim menerima Kozlov.", {"Pkim", "Pkoz", "Lru"}, "2024-11-18"),
                              article("a3", "Kim bertemu Shoigu.", {"Pkim", "Psho"}, "2024-11-18"),
                              article("a4", "Kim bertemu Kozlov lagi.", {"Pkim", "Pkoz"}, "2024-11-20")},
                             &put)
                  .ok());
  store::EventQuery q;
  q.participant_ids = {"Pkim"};
  auto timeline = query::TimelineJson(**store, q);
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  const json& items = (*timeline)["items"];
  ASSERT_EQ(items.size(), 3u) << items.dump(2);
  EXPECT_EQ(items[0]["sources"].size(), 2u);     // a1 and a2: one meeting
  EXPECT_EQ(items[0]["participants"].size(), 3u);
  EXPECT_EQ(items[1]["sources"].size(), 1u);     // Shoigu the same day: another
  EXPECT_EQ(items[2]["date"], "2024-11-20");
  EXPECT_EQ((*timeline)["total"], 3);
}

}  // namespace
}  // namespace warta::pipeline
