#include <gtest/gtest.h>

#include <string>

#include "entities/ner_eval.h"
#include "entities/ner_model.h"
#include "entities/ner_trainer.h"
#include "test_support.h"

namespace warta::entities {
namespace {

// A small synthetic corpus with regularities a perceptron must learn from
// context: names after "Presiden"/"kata", places after "di", organisations
// ending in "Corp".
std::vector<NerSentence> Synthetic() {
  std::vector<NerSentence> out;
  const char* people[][2] = {{"Budi", "Santoso"}, {"Siti", "Aminah"}, {"Agus", "Salim"}, {"Rina", "Wati"}};
  const char* places[] = {"Jakarta", "Medan", "Bogor", "Depok"};
  const char* orgs[] = {"Maju", "Jaya", "Sentosa", "Abadi"};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      out.push_back({{"Presiden", people[i][0], people[i][1], "tiba", "di", places[j], "."},
                     {kO, kBPer, kIPer, kO, kO, kBLoc, kO}});
      out.push_back({{"PT", orgs[j], "Corp", "membuka", "kantor", "di", places[i]},
                     {kBOrg, kIOrg, kIOrg, kO, kO, kO, kBLoc}});
    }
  return out;
}

NerModel TrainSmall() {
  NerTrainOptions opt;
  opt.max_epochs = 10;
  auto m = TrainNer(Synthetic(), {}, WordClusters{}, {"Korea Utara"}, opt, nullptr);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

std::vector<int> TagWords(const NerModel& m, const std::vector<std::string>& words) {
  std::vector<std::string_view> v(words.begin(), words.end());
  std::vector<int> tags;
  m.Tag(v, &tags);
  return tags;
}

TEST(NerModelTest, LearnsAndGeneralisesFromContext) {
  NerModel m = TrainSmall();
  NerScores s;
  for (const NerSentence& sent : Synthetic()) s.Add(sent.tags, TagWords(m, sent.tokens));
  EXPECT_EQ(s.all.correct, s.all.gold);
  // Unseen names in a seen frame.
  EXPECT_EQ(TagWords(m, {"Presiden", "Joko", "Widodo", "tiba", "di", "Solo", "."}),
            (std::vector<int>{kO, kBPer, kIPer, kO, kO, kBLoc, kO}));
}

TEST(NerModelTest, RejectsEmptyTrainingData) {
  auto m = TrainNer({}, {}, WordClusters{}, {}, {}, nullptr);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
}

TEST(NerModelTest, SavesAndLoadsTheSameModel) {
  NerModel m = TrainSmall();
  testing::TempDir dir;
  std::string path = (dir / "m.bin").string();
  ASSERT_TRUE(m.Save(path).ok());
  auto back = NerModel::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_features(), m.num_features());
  // Four people, four places, four "PT X Corp": twelve distinct names.
  EXPECT_EQ(m.num_training_names(), 12u);
  EXPECT_EQ(back->num_training_names(), 12u);
  for (const NerSentence& s : Synthetic()) EXPECT_EQ(TagWords(*back, s.tokens), TagWords(m, s.tokens));
  std::vector<std::string_view> korea = {"di", "korea", "utara"};
  EXPECT_EQ(back->GazetteerMatch(korea, 1), 2u);
  EXPECT_EQ(back->GazetteerMatch(korea, 0), 0u);
}

TEST(NerModelTest, CorruptOrTruncatedModelsNameTheFile) {
  NerModel m = TrainSmall();
  std::string bytes = m.ToBytes();
  testing::TempDir dir;
  auto check = [&](const std::string& content, const char* what) {
    std::string path = (dir / "broken-model.bin").string();
    testing::WriteFile(path, content);
    auto r = NerModel::Load(path);
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << what;
    EXPECT_NE(r.status().message().find("broken-model.bin"), std::string::npos) << r.status().message();
  };
  check(bytes.substr(0, bytes.size() / 2), "truncated");
  check(bytes.substr(0, 10), "header only");
  check("", "empty");
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  check(flipped, "flipped byte");
  check("WNER this is no model", "bad body");
  auto missing = NerModel::Load((dir / "absent.bin").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("absent.bin"), std::string::npos);
}

TEST(NerModelTest, OddInputIsSafe) {
  NerModel m = TrainSmall();
  EXPECT_TRUE(TagWords(m, {}).empty());
  std::string huge(10000, 'a');
  EXPECT_EQ(TagWords(m, {huge, "di", huge}).size(), 3u);
  EXPECT_EQ(TagWords(m, {"PRESIDEN", "BUDI", "SANTOSO", "TIBA", "DI", "JAKARTA"}).size(), 6u);
  EXPECT_EQ(TagWords(m, {"123", "...", "%", "\xff\xfe", "", "—"}).size(), 6u);
  // A tag sequence is always well-formed BIO: no I-X after O or another type.
  for (const auto& words : std::vector<std::vector<std::string>>{{"Corp", "Santoso", "Jakarta"}, {huge, "Corp"}}) {
    std::vector<int> t = TagWords(m, words);
    for (size_t i = 0; i < t.size(); ++i) {
      int begin = t[i] == kIPer ? kBPer : t[i] == kIOrg ? kBOrg : t[i] == kILoc ? kBLoc : -1;
      if (begin < 0) continue;
      ASSERT_GT(i, 0u);
      EXPECT_TRUE(t[i - 1] == begin || t[i - 1] == t[i]) << i;
    }
  }
}

}  // namespace
}  // namespace warta::entities
