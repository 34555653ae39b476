#include "text/truecase.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "test_support.h"
#include "text/case.h"
#include "text/truecase_eval.h"

namespace warta::text {
namespace {

std::string TruecaseTestdata(const std::string& name) {
  std::ifstream in(testing::SourceDir() / "src/text/testdata/truecase" / name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<const Truecaser> TruecaseTestModel() {
  auto tc = Truecaser::Load((testing::SourceDir() / "src/text/testdata/truecase/model.tsv").string());
  EXPECT_TRUE(tc.ok()) << tc.status().message();
  return tc.ok() ? *tc : nullptr;
}

std::string UnescapeBreaks(std::string s) {
  for (size_t p; (p = s.find("\\n")) != std::string::npos;) s.replace(p, 2, "\n");
  return s;
}

// Golden cases from testdata/truecase/golden.tsv.
TEST(TruecaserTest, GoldenCases) {
  auto tc = TruecaseTestModel();
  ASSERT_TRUE(tc);
  std::istringstream in(TruecaseTestdata("golden.tsv"));
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    ASSERT_NE(t2, std::string::npos) << "expected source<TAB>input<TAB>expected: " << line;
    const std::string source = line.substr(0, t1);
    ASSERT_TRUE(source == "lower" || source == "upper") << line;
    std::string text = UnescapeBreaks(line.substr(t1 + 1, t2 - t1 - 1));
    const std::string expected = UnescapeBreaks(line.substr(t2 + 1));
    const size_t bytes = text.size();
    tc->Restore(&text, source == "lower" ? LetterCase::kLower : LetterCase::kUpper);
    EXPECT_EQ(text, expected) << "input: " << line.substr(t1 + 1, t2 - t1 - 1);
    EXPECT_EQ(text.size(), bytes);
    ++cases;
  }
  EXPECT_GE(cases, 15);
}

// Only ASCII letters change: every other byte, and so every offset, stays.
TEST(TruecaserTest, KeepsEveryOffsetAndNonLetterByte) {
  auto tc = TruecaseTestModel();
  ASSERT_TRUE(tc);
  const std::string input =
      "kata presiden \xE2\x80\x9C" "joko\xE2\x80\x9D di jakarta\xC2\xA0(10/3): caf\xC3\xA9 kpk\xFF jakarta.\n\nkami";
  std::string text = input;
  EXPECT_GT(tc->Restore(&text, LetterCase::kLower), 0u);
  ASSERT_EQ(text.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == text[i]) continue;
    EXPECT_TRUE(input[i] >= 'a' && input[i] <= 'z' && text[i] == input[i] - ('a' - 'A')) << "byte " << i;
  }
  EXPECT_NE(text.find("Joko"), std::string::npos) << text;
  EXPECT_NE(text.find("Kami"), std::string::npos) << text;  // a paragraph starts a sentence
}

// An unseen word takes the shape the model records for rare words of its
// length, in case-less and all-caps text alike.
TEST(TruecaserTest, UnseenWordsTakeTheRareWordsShape) {
  auto tc = Truecaser::Parse("unseen\tshort\tupper\nunseen\tlong\ttitle\nw\tkata\n", "m.tsv");
  ASSERT_TRUE(tc.ok()) << tc.status().message();
  EXPECT_EQ((*tc)->unseen_short(), WordShape::kUpper);
  EXPECT_EQ((*tc)->unseen_long(), WordShape::kTitle);
  for (std::string text : {std::string("kata bpk kemarin"), std::string("KATA BPK KEMARIN")}) {
    (*tc)->Restore(&text, DetectLetterCase(text, 1));
    EXPECT_EQ(text, "Kata BPK Kemarin");
  }
}

// A long word the model never saw, read by its spelling: the weights of
// its letter n-grams ('^' and '$' mark its ends) and the prior say Title
// Case or lower case; a short one, or one with a non-letter, keeps the
// rare words' shape.
TEST(TruecaserTest, LongUnseenWordsAreReadByTheirSpelling) {
  auto tc = Truecaser::Parse(
      "unseen\tshort\ttitle\nunseen\tlong\tlower\nunseen\tlong\tspelling\t-0.5\n"
      "g\tkan$\t-2.0\ng\t^di\t-1.0\ng\tja$\t1.5\ng\tatma\t1.0\nw\tkata\n",
      "m.tsv");
  ASSERT_TRUE(tc.ok()) << tc.status().message();
  EXPECT_EQ((*tc)->spelling_ngrams(), 4u);
  EXPECT_EQ((*tc)->UnseenShape("sumaatmaja"), WordShape::kTitle);    // -0.5 + 1.5 + 1.0
  EXPECT_EQ((*tc)->UnseenShape("dipersoalkan"), WordShape::kLower);  // -0.5 - 2.0 - 1.0
  EXPECT_EQ((*tc)->UnseenShape("wartawan"), WordShape::kLower);      // the prior alone
  EXPECT_EQ((*tc)->UnseenShape("ahok"), WordShape::kTitle);          // short: unseen short
  std::string text = "kata sumaatmaja tidak dipersoalkan";
  (*tc)->Restore(&text, LetterCase::kLower);
  EXPECT_EQ(text, "Kata Sumaatmaja Tidak dipersoalkan");  // "tidak": short and unseen here
  EXPECT_FALSE(Truecaser::Parse("g\tabcde\t1.0\n", "m.tsv").ok());  // n-grams are 2-4 letters
  EXPECT_FALSE(Truecaser::Parse("unseen\tlong\tspelling\tmany\n", "m.tsv").ok());
}

// The trainer learns the spelling rule from the long words seen once.
TEST(TruecaseTrainerTest, LearnsTheSpellingOfLongRareWords) {
  TruecaseTrainer trainer;
  for (const char* s : {"Ia bertemu Hadihardaja kemarin .", "Ia bertemu Sumaatmaja kemarin .",
                        "Ia bertemu Wiradinata kemarin .", "Hal itu dipersoalkan warga kemarin .",
                        "Hal itu dibicarakan warga kemarin .", "Hal itu diperdebatkan warga kemarin ."})
    trainer.Add(s);
  const std::string model = trainer.Write({.min_count = 1, .min_bigram_count = 2, .min_ngram_count = 2});
  EXPECT_NE(model.find("\nunseen\tlong\tspelling\t"), std::string::npos) << model;
  EXPECT_NE(model.find("\ng\tkan$\t-"), std::string::npos) << model;  // lower-case words end so
  EXPECT_NE(model.find("\ng\t^di\t-"), std::string::npos) << model;
  auto tc = Truecaser::Parse(model, "trained");
  ASSERT_TRUE(tc.ok()) << tc.status().message();
  EXPECT_EQ((*tc)->UnseenShape("dirumuskan"), WordShape::kLower);
  EXPECT_EQ((*tc)->UnseenShape("kartadinata"), WordShape::kTitle);
  // No spelling rule asked for: none written.
  EXPECT_EQ(trainer.Write({.min_count = 1, .min_ngram_count = 0}).find("spelling"), std::string::npos);
}

TEST(TruecaserTest, MixedTextIsLeftAlone) {
  auto tc = TruecaseTestModel();
  ASSERT_TRUE(tc);
  std::string text = "presiden joko di jakarta";
  EXPECT_EQ(tc->Restore(&text, LetterCase::kMixed), 0u);
  EXPECT_EQ(text, "presiden joko di jakarta");
}

TEST(TruecaserTest, ParseErrorsNameTheFileAndLine) {
  auto bad = Truecaser::Parse("# ok\nw\tJakarta\nx\tfoo\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "m.tsv:3: unknown line kind 'x'");
  bad = Truecaser::Parse("w\tJa karta\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("m.tsv:1:"), std::string::npos);
  bad = Truecaser::Parse("a\tkata\tPresiden\t5\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  bad = Truecaser::Parse("unseen\tshort\tloud\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("loud"), std::string::npos);
  EXPECT_FALSE(Truecaser::Load("/nonexistent/model.tsv").ok());
}

TEST(TruecaserTest, ShapeOfWords) {
  EXPECT_EQ(ShapeOf("dan"), WordShape::kLower);
  EXPECT_EQ(ShapeOf("Joko"), WordShape::kTitle);
  EXPECT_EQ(ShapeOf("Jong-un"), WordShape::kTitle);
  EXPECT_EQ(ShapeOf("B."), WordShape::kTitle);
  EXPECT_EQ(ShapeOf("KPK"), WordShape::kUpper);
  EXPECT_EQ(ShapeOf("COVID-19"), WordShape::kUpper);
  EXPECT_EQ(ShapeOf("iPhone"), WordShape::kMixed);
  EXPECT_EQ(ShapeOf("Al-Qaeda"), WordShape::kMixed);
  EXPECT_EQ(ShapeOf("2024"), WordShape::kLower);
}

// The trainer learns each word's form inside sentences, the contexts that
// change it, and what rare words look like; its output parses and is the
// same for the same input.
TEST(TruecaseTrainerTest, LearnsFormsContextsAndRareShapes) {
  TruecaseTrainer trainer;
  const char* sentences[] = {
      "Kemarin Presiden Joko Widodo tiba di Jakarta .",
      "Menurut Presiden Joko Widodo , harga beras naik .",
      "Hari ini Presiden Joko meninjau pasar di Jakarta .",
      "Hal itu kata presiden kepada wartawan di Jakarta .",
      "Begitu kata presiden dalam pidatonya .",
      "Ia bertemu pejabat KPK dan BPK di kantor iPhone .",
      "Ia bertemu pejabat KPK dan warga di kantor iPhone .",
      "Ini Judul Yang Ditulis Dengan Huruf Besar Semua Kata",  // Title Case: skipped
      "ini teks tanpa huruf besar sama sekali dan cukup panjang",  // case-less: skipped
  };
  for (const char* s : sentences) trainer.Add(s);
  EXPECT_EQ(trainer.skipped(), 2u);
  const std::string model = trainer.Write({.min_count = 2, .min_bigram_count = 2, .description = "test"});
  EXPECT_EQ(model, [&] {
    TruecaseTrainer again;
    for (const char* s : sentences) again.Add(s);
    return again.Write({.min_count = 2, .min_bigram_count = 2, .description = "test"});
  }());
  EXPECT_NE(model.find("\nw\tPresiden\n"), std::string::npos) << model;  // 3 of 5 inside
  EXPECT_NE(model.find("\nw\tJoko\n"), std::string::npos);
  EXPECT_NE(model.find("\nw\tKPK\n"), std::string::npos);
  EXPECT_NE(model.find("\nw\tiPhone\n"), std::string::npos);
  EXPECT_EQ(model.find("\nw\tdi\n"), std::string::npos);  // lower case, as an unseen short word: implied
  // ... but known: on an "s" line, so names learned from a store do not recase it.
  EXPECT_NE(model.find("\ns\t"), std::string::npos) << model;
  EXPECT_NE(model.find(" di "), std::string::npos) << model;
  EXPECT_NE(model.find("\na\tkata\tpresiden\t2\t2\n"), std::string::npos) << model;
  EXPECT_EQ(model.find("w\tJudul"), std::string::npos);   // from the skipped headline
  EXPECT_EQ(model.find("w\tBPK"), std::string::npos);     // seen once: pruned
  // Of the short words seen once, one (BPK) is an acronym and nine are not.
  EXPECT_NE(model.find("2-5 letters: lower 9, title 0, upper 1\nunseen\tshort\tlower\n"), std::string::npos) << model;
  auto tc = Truecaser::Parse(model, "trained");
  ASSERT_TRUE(tc.ok()) << tc.status().message();
  EXPECT_GT((*tc)->seen_words(), 0u);
  std::string text = "kata presiden joko di jakarta. hari ini presiden joko widodo";
  (*tc)->Restore(&text, LetterCase::kLower);
  EXPECT_EQ(text, "Kata presiden Joko di Jakarta. Hari ini Presiden Joko Widodo");
  // A store's name does not recase "di", which the model knows; an unseen word it does.
  CasedNamesTable names;
  LearnCasedName("Di Bawah", &names);
  text = "ia di bawah";
  (*tc)->Restore(&text, LetterCase::kLower, names.Snapshot().get());
  EXPECT_EQ(text, "Ia di Bawah");
}

TEST(TruecaseScoresTest, CountsWordsAndCapitals) {
  auto tc = TruecaseTestModel();
  ASSERT_TRUE(tc);
  TruecaseScores scores;
  // kata(R) presiden(R: lower after kata) Joko(R) menemui(R) Bambang(wrong: unseen) di(R) Jakarta(R) hari(R) ini(R)
  ScoreTruecase(*tc, "Kata presiden Joko menemui Bambang di Jakarta hari ini", LetterCase::kLower, &scores);
  EXPECT_EQ(scores.words, 9);
  EXPECT_EQ(scores.right, 8);
  EXPECT_EQ(scores.capitalised, 4);
  EXPECT_EQ(scores.capitals_right, 3);
  EXPECT_EQ(scores.restored_capitalised, 3);
  EXPECT_EQ(scores.restored_capitalised_right, 3);
  ScoreTruecase(*tc, "semua huruf kecil di sini, tidak dinilai sama sekali", LetterCase::kLower, &scores);
  EXPECT_EQ(scores.words, 9);  // case-less gold teaches nothing
}

// Golden cases from testdata/truecase/names_golden.tsv: names learned from
// cased articles (the store's, in the pipeline) over the model.
TEST(TruecaserTest, NamesFromCasedArticles) {
  auto tc = TruecaseTestModel();
  ASSERT_TRUE(tc);
  std::istringstream in(TruecaseTestdata("names_golden.tsv"));
  std::string line;
  CasedNamesTable table;
  std::shared_ptr<const CasedNames> names;
  int cases = 0, learned = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    ASSERT_NE(t1, std::string::npos) << line;
    const std::string kind = line.substr(0, t1);
    if (kind == "name") {
      ASSERT_FALSE(names) << "names come before the cases: " << line;
      LearnCasedName(line.substr(t1 + 1), &table);
      ++learned;
      continue;
    }
    ASSERT_NE(t2, std::string::npos) << "expected source<TAB>input<TAB>expected: " << line;
    ASSERT_TRUE(kind == "lower" || kind == "upper") << line;
    if (!names) names = table.Snapshot();
    std::string text = UnescapeBreaks(line.substr(t1 + 1, t2 - t1 - 1));
    const std::string expected = UnescapeBreaks(line.substr(t2 + 1));
    const size_t bytes = text.size();
    tc->Restore(&text, kind == "lower" ? LetterCase::kLower : LetterCase::kUpper, names.get());
    EXPECT_EQ(text, expected) << "input: " << line.substr(t1 + 1, t2 - t1 - 1);
    EXPECT_EQ(text.size(), bytes);
    ++cases;
  }
  EXPECT_GE(learned, 10);
  EXPECT_GE(cases, 8);
}

// What a name teaches, and what it does not.
TEST(TruecaserTest, LearnCasedNameSkipsNamesThatTeachNothing) {
  CasedNamesTable table;
  EXPECT_TRUE(LearnCasedName("Sergei Lavrov", &table));
  EXPECT_FALSE(LearnCasedName("Sergei Lavrov", &table));  // counted, but the snapshot is the same
  EXPECT_FALSE(LearnCasedName("sergei lavrov", &table));  // no capital
  EXPECT_FALSE(LearnCasedName("MENTERI LAVROV", &table));  // shouted
  EXPECT_FALSE(LearnCasedName("Sergej \xC5\x81" "awrow", &table));  // not ASCII
  EXPECT_TRUE(LearnCasedName("KPK", &table));  // an acronym is a capital form
  auto names = table.Snapshot();
  ASSERT_TRUE(names->FindName("sergei\tlavrov"));
  EXPECT_EQ(names->FindName("sergei\tlavrov")->form, "Sergei\tLavrov");
  EXPECT_EQ(names->FindName("sergei\tlavrov")->count, 2);
  EXPECT_EQ(names->FindWord("kpk")->form, "KPK");
  EXPECT_FALSE(names->FindWord("menteri"));
  EXPECT_TRUE(names->StartsName("sergei"));
  EXPECT_FALSE(names->StartsName("lavrov"));
  EXPECT_EQ(names->max_tokens(), 2u);
}

// The shipped model, when the build has one: a sentence of common words and
// well-known names comes back as written.
TEST(TruecaserTest, BuiltinModelRestoresNewsText) {
  auto tc = Truecaser::Builtin();
  if (!tc) GTEST_SKIP() << "no truecase model built in (models/truecase/ missing at configure time)";
  EXPECT_GT(tc->words(), 10000u);
  std::string text = "presiden joko widodo mengunjungi jakarta pada hari senin, kata dia kepada wartawan kpk.";
  tc->Restore(&text, LetterCase::kLower);
  EXPECT_EQ(text, "Presiden Joko Widodo mengunjungi Jakarta pada hari Senin, kata dia kepada wartawan KPK.");
}

}  // namespace
}  // namespace warta::text
