#include "text/sentences.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"
#include "text/tokenizer.h"

namespace warta::text {
namespace {

struct Split {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

Split SplitText(std::string_view text, SentenceSplitterOptions options = {}) {
  Split s;
  Tokenizer().Tokenize(text, &s.tokens);
  SentenceSplitter(options).Split(text, s.tokens, &s.sentences);
  return s;
}

// The sentences as text: each from its first token's start to its last's end.
std::vector<std::string> Sentences(std::string_view text, SentenceSplitterOptions options = {}) {
  Split s = SplitText(text, options);
  std::vector<std::string> out;
  for (const Sentence& x : s.sentences) {
    uint32_t b = s.tokens[x.first_token].begin, e = s.tokens[x.end_token - 1].end;
    out.emplace_back(text.substr(b, e - b));
  }
  return out;
}

void ExpectCoverage(const Split& s) {
  uint32_t next = 0;
  for (const Sentence& x : s.sentences) {
    EXPECT_EQ(x.first_token, next);
    EXPECT_LT(x.first_token, x.end_token);
    next = x.end_token;
  }
  EXPECT_EQ(next, s.tokens.size());
}

TEST(SentenceSplitterTest, EmptyInput) {
  EXPECT_TRUE(SplitText("").sentences.empty());
  EXPECT_TRUE(SplitText(" \n\n ").sentences.empty());
}

TEST(SentenceSplitterTest, AppendsAndCovers) {
  std::string text = "Satu. Dua.\nTiga";
  Split s = SplitText(text);
  ASSERT_EQ(s.sentences.size(), 3u);
  ExpectCoverage(s);
  EXPECT_EQ(SentenceSpan(s.tokens, s.sentences[1]), (Span{6, 10}));
  SentenceSplitter().Split(text, s.tokens, &s.sentences);
  EXPECT_EQ(s.sentences.size(), 6u);
}

TEST(SentenceSplitterTest, BalancedQuotationIsOneSentence) {
  EXPECT_EQ(Sentences("\"Merupakan hak membela diri. Kami siap,\" kata Kim."),
            (std::vector<std::string>{"\"Merupakan hak membela diri. Kami siap,\" kata Kim."}));
}

TEST(SentenceSplitterTest, UnbalancedQuoteDoesNotSwallowTheParagraph) {
  EXPECT_EQ(Sentences("\"Tanpa penutup. Kalimat dua. Kalimat tiga."),
            (std::vector<std::string>{"\"Tanpa penutup.", "Kalimat dua.", "Kalimat tiga."}));
}

TEST(SentenceSplitterTest, LongQuotationIsCapped) {
  std::string inner;
  for (int i = 0; i < 40; ++i) inner += "Kalimat nomor satu. ";
  std::string text = "\"" + inner + "Akhir,\" kata Kim.";
  EXPECT_EQ(Sentences(text).size(), 1u);  // 161 tokens inside: protected
  SentenceSplitterOptions tight;
  tight.max_quote_tokens = 100;
  EXPECT_EQ(Sentences(text, tight).size(), 41u);
}

TEST(SentenceSplitterTest, AbbreviationsAndNumbersDoNotEndSentences) {
  EXPECT_EQ(Sentences("Dia bertemu Prof. Dr. Budi, S.H. di Jl. Sudirman No. 5 pukul 10.00 WIB. Lalu pulang."),
            (std::vector<std::string>{"Dia bertemu Prof. Dr. Budi, S.H. di Jl. Sudirman No. 5 pukul 10.00 WIB.",
                                      "Lalu pulang."}));
}

TEST(SentenceSplitterTest, HugeTokenAndNoLetters) {
  std::string text(10000, 'x');
  text += ". Lalu.";
  Split s = SplitText(text);
  ExpectCoverage(s);
  EXPECT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(Sentences("12 + 3 = 15. 4 * 5 = 20."), (std::vector<std::string>{"12 + 3 = 15.", "4 * 5 = 20."}));
}

std::string Unescape(std::string s) {
  for (size_t p; (p = s.find("\\n")) != std::string::npos;) s.replace(p, 2, "\n");
  return s;
}

// Golden cases from testdata/sentences.tsv.
TEST(SentenceSplitterTest, GoldenSentences) {
  std::ifstream in(testing::SourceDir() / "src/text/testdata/sentences.tsv");
  ASSERT_TRUE(in) << "cannot read src/text/testdata/sentences.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "no tab in: " << line;
    std::string input = Unescape(line.substr(0, tab));
    std::string got;
    for (const std::string& s : Sentences(input)) got += (got.empty() ? "" : " || ") + s;
    EXPECT_EQ(got, line.substr(tab + 1)) << "input: " << line.substr(0, tab);
    ExpectCoverage(SplitText(input));
    ++cases;
  }
  EXPECT_GE(cases, 25);
}

}  // namespace
}  // namespace warta::text
