#include <gtest/gtest.h>

#include "entities/ner_data.h"
#include "entities/ner_eval.h"
#include "entities/resources.h"
#include "test_support.h"

namespace warta::entities {
namespace {

TEST(NerDataTest, MapsTheThreeLabelSetsOntoOne) {
  int t = -1;
  for (const char* s : {"B-PER", "B-PERSON"}) EXPECT_TRUE(ParseTag(s, &t) && t == kBPer) << s;
  for (const char* s : {"I-ORG", "I-ORGANIZATION", "I-ORGANISATION"}) EXPECT_TRUE(ParseTag(s, &t) && t == kIOrg) << s;
  for (const char* s : {"B-LOC", "B-LOCATION", "B-PLACE"}) EXPECT_TRUE(ParseTag(s, &t) && t == kBLoc) << s;
  EXPECT_TRUE(ParseTag("B-MISC", &t));
  EXPECT_EQ(t, kO);
  EXPECT_FALSE(ParseTag("PERSON", &t));
  EXPECT_FALSE(ParseTag("X-PER", &t));
  EXPECT_EQ(TagName(kBOrg), "B-ORGANISATION");
  EXPECT_EQ(TagType(kILoc), EntityType::kLocation);
}

TEST(NerDataTest, ReadsTabSpaceAndCrlfColumns) {
  auto a = ParseNer("Joko\tB-PERSON\nWidodo\tI-PERSON\n\nke\tO\nJakarta\tB-PLACE\n", "a", true);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[0].tokens, (std::vector<std::string>{"Joko", "Widodo"}));
  EXPECT_EQ((*a)[0].tags, (std::vector<int>{kBPer, kIPer}));
  EXPECT_EQ((*a)[1].tags, (std::vector<int>{kO, kBLoc}));
  auto b = ParseNer("Meski SCONJ O\r\nAnies PROPN B-PER\r\n\r\nKPK PROPN B-ORG\r\n", "b", true);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(b->size(), 2u);
  EXPECT_EQ((*b)[0].tokens[1], "Anies");
  EXPECT_EQ((*b)[1].tags, (std::vector<int>{kBOrg}));
}

TEST(NerDataTest, MalformedLinesNameFileAndLine) {
  auto a = ParseNer("Joko\tB-PERSON\nWidodo\n", "corpus.tsv", true);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(a.status().message().find("corpus.tsv:2:"), std::string::npos) << a.status().message();
  auto b = ParseNer("a O\n\nb O\nc Q-PER\n", "x.txt", true);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("x.txt:4:"), std::string::npos) << b.status().message();
  EXPECT_NE(b.status().message().find("Q-PER"), std::string::npos);
  // Without tags (warta tag --format conll) one column is enough.
  auto c = ParseNer("Widodo\n\nke\tX\tY\n", "c", false);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->size(), 2u);
  auto missing = ReadNerFile("/nonexistent/ner.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/ner.tsv"), std::string::npos);
}

TEST(NerEvalTest, ChunksFollowConlleval) {
  // I- after O starts a chunk; a type change inside a run starts another.
  std::vector<int> tags = {kO, kIPer, kIPer, kBLoc, kILoc, kIOrg, kBOrg, kBOrg};
  EXPECT_EQ(ChunksOf(tags), (std::vector<Chunk>{{1, 3, 0}, {3, 5, 2}, {5, 6, 1}, {6, 7, 1}, {7, 8, 1}}));
  EXPECT_TRUE(ChunksOf({kO, kO}).empty());
}

TEST(NerEvalTest, CountsOnlyExactSpanAndType) {
  NerScores s;
  s.Add({kBPer, kIPer, kO, kBLoc}, {kBPer, kO, kO, kBLoc});  // one boundary error
  s.Add({kBOrg, kO}, {kBLoc, kBPer});                          // a type error, a spurious one
  EXPECT_EQ(s.all.gold, 3);
  EXPECT_EQ(s.all.predicted, 4);
  EXPECT_EQ(s.all.correct, 1);
  EXPECT_NEAR(s.all.Precision(), 25.0, 1e-9);
  EXPECT_NEAR(s.all.Recall(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(s.all.F1(), 2 * 25.0 * (100.0 / 3) / (25.0 + 100.0 / 3), 1e-9);
  EXPECT_EQ(s.by_type[2].correct, 1);
}

std::string MoFile(const std::vector<std::pair<std::string, std::string>>& pairs) {
  // Little-endian GNU .mo: header, two string tables, then the strings.
  auto u32 = [](std::string* s, uint32_t v) { s->append(reinterpret_cast<const char*>(&v), 4); };
  uint32_t n = static_cast<uint32_t>(pairs.size());
  uint32_t orig = 28, trans = orig + 8 * n, data = trans + 8 * n;
  std::string head, tables, strings;
  u32(&head, 0x950412de);
  u32(&head, 0);
  u32(&head, n);
  u32(&head, orig);
  u32(&head, trans);
  u32(&head, 0);
  u32(&head, 0);
  std::string ot, tt;
  for (const auto& [id, tr] : pairs) {
    u32(&ot, static_cast<uint32_t>(id.size()));
    u32(&ot, data + static_cast<uint32_t>(strings.size()));
    strings += id + '\0';
  }
  for (const auto& [id, tr] : pairs) {
    u32(&tt, static_cast<uint32_t>(tr.size()));
    u32(&tt, data + static_cast<uint32_t>(strings.size()));
    strings += tr + '\0';
  }
  return head + ot + tt + strings;
}

TEST(ResourcesTest, ParsesMoCatalogues) {
  auto mo = ParseMo(MoFile({{"North Korea", "Korea Utara"}, {"Russian Federation", "Federasi Rusia"}}), "t.mo");
  ASSERT_TRUE(mo.ok()) << mo.status().ToString();
  ASSERT_EQ(mo->size(), 2u);
  EXPECT_EQ((*mo)[0].second, "Korea Utara");
  EXPECT_EQ((*mo)[1].first, "Russian Federation");
  auto bad = ParseMo("not a catalogue at all, really not", "bad.mo");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.mo"), std::string::npos);
  std::string truncated = MoFile({{"a", "b"}});
  truncated.resize(40);
  EXPECT_FALSE(ParseMo(truncated, "t.mo").ok());
}

TEST(ResourcesTest, ClustersGroupWordsSharingContextsAndRoundTrip) {
  std::vector<std::vector<std::string>> corpus;
  for (int i = 0; i < 20; ++i) {
    for (const char* city : {"jakarta", "bandung", "surabaya"}) corpus.push_back({"tinggal", "di", city, "sejak", "lama"});
    for (const char* verb : {"makan", "minum"}) corpus.push_back({"saya", "suka", verb, "nasi", "goreng"});
  }
  ClusterOptions opt;
  opt.coarse = 2;
  opt.fine = 8;  // six context words, the places, the verbs
  WordClusters c = LearnClusters(corpus, opt);
  auto fine = [&](const std::string& w) {
    for (size_t i = 0; i < c.words.size(); ++i)
      if (c.words[i] == w) return static_cast<int>(c.fine[i]);
    return -1;
  };
  EXPECT_GE(fine("jakarta"), 0);
  EXPECT_EQ(fine("jakarta"), fine("bandung"));
  EXPECT_EQ(fine("jakarta"), fine("surabaya"));
  EXPECT_EQ(fine("makan"), fine("minum"));
  EXPECT_NE(fine("jakarta"), fine("makan"));
  testing::TempDir dir;
  ASSERT_TRUE(WriteClusters(c, (dir / "c.tsv").string()).ok());
  auto back = ReadClusters((dir / "c.tsv").string());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->words, c.words);
  EXPECT_EQ(back->fine, c.fine);
  EXPECT_EQ(back->finest, c.finest);
  EXPECT_EQ(back->caps, c.caps);
  EXPECT_EQ(back->freq, c.freq);
  testing::WriteFile(dir / "bad.tsv", "jakarta\t1\t2\t3\t4\t5\nbandung\t1\t2\t3\t4\n");
  auto bad = ReadClusters((dir / "bad.tsv").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.tsv:2:"), std::string::npos) << bad.status().message();
}

TEST(ResourcesTest, ProfilesTellNamesFromWordsWrittenLowercase) {
  // "Pusat" opens sentences but is lowercase inside them; "Budi" is
  // capitalised everywhere; "kopi" appears once (too rare to cluster).
  std::vector<std::vector<std::string>> corpus;
  for (int i = 0; i < 10; ++i) {
    corpus.push_back({"Pusat", "kota", "ramai", "."});
    corpus.push_back({"Kemarin", "Budi", "ke", "pusat", "kota", "."});
    corpus.push_back({"Dia", "bertemu", "Budi", "di", "pusat", "."});
  }
  corpus.push_back({"Budi", "minum", "kopi", "lagi", "."});
  corpus.push_back({"Ada", "kopi", "."});
  ClusterOptions opt;
  opt.coarse = 2;
  opt.fine = 4;
  opt.finest = 8;
  WordClusters c = LearnClusters(corpus, opt);
  auto row = [&](const std::string& w) -> long {
    for (size_t i = 0; i < c.words.size(); ++i)
      if (c.words[i] == w) return static_cast<long>(i);
    return -1;
  };
  long budi = row("budi"), pusat = row("pusat"), kopi = row("kopi");
  ASSERT_GE(budi, 0);
  ASSERT_GE(pusat, 0);
  ASSERT_GE(kopi, 0);
  EXPECT_EQ(c.caps[static_cast<size_t>(budi)], 1 + 5 + 4);   // often seen, always capitalised inside
  EXPECT_EQ(c.caps[static_cast<size_t>(pusat)], 1 + 5 + 0);  // the sentence-initial capital does not count
  EXPECT_EQ(c.caps[static_cast<size_t>(kopi)], 1 + 0);       // seen twice: the rare-word buckets
  EXPECT_EQ(c.finest[static_cast<size_t>(kopi)], WordClusters::kNoCluster);
  EXPECT_NE(c.finest[static_cast<size_t>(budi)], WordClusters::kNoCluster);
  EXPECT_EQ(c.freq[static_cast<size_t>(budi)], 4);  // 21 occurrences: floor(log2 21)
}

}  // namespace
}  // namespace warta::entities
