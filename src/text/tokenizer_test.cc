#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "test_support.h"
#include "text/abbreviations.h"

namespace warta::text {
namespace {

std::vector<Token> Tokens(std::string_view text, TokenizerOptions options = {}) {
  std::vector<Token> out;
  Tokenizer(options).Tokenize(text, &out);
  return out;
}

std::vector<std::string> Texts(std::string_view text, TokenizerOptions options = {}) {
  std::vector<std::string> out;
  for (const Token& t : Tokens(text, options)) out.emplace_back(TokenText(text, t));
  return out;
}

std::string Joined(std::string_view text) {
  std::string out;
  for (const std::string& t : Texts(text)) {
    if (!out.empty()) out += " | ";
    out += t;
  }
  return out;
}

// Every structural promise of the header, checked on one input.
void ExpectWellFormed(std::string_view text, const std::vector<Token>& tokens, uint32_t max_bytes = 256) {
  uint32_t prev_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_LE(prev_end, t.begin);
    ASSERT_LE(t.end - t.begin, max_bytes);
    EXPECT_EQ(t.cp_begin, static_cast<int32_t>(Utf8Length(text.substr(0, t.begin))));
    EXPECT_EQ(t.cp_end, static_cast<int32_t>(Utf8Length(text.substr(0, t.end))));
    prev_end = t.end;
  }
}

TEST(TokenizerTest, EmptyAndBlankText) {
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens("   \n\t \xC2\xA0 ").empty());
  EXPECT_TRUE(Tokens("\xE2\x80\x8B\xC2\xAD\xEF\xBB\xBF").empty());  // ZWSP, soft hyphen, BOM
}

TEST(TokenizerTest, AppendsToExistingTokens) {
  std::vector<Token> out;
  Tokenizer tokenizer;
  tokenizer.Tokenize("satu dua", &out);
  tokenizer.Tokenize("tiga", &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[2].begin, 0u);  // offsets are relative to each call's text
}

TEST(TokenizerTest, NumbersStayWhole) {
  EXPECT_EQ(Texts("10.000 1,5 1.000.000 29/11/2024 14:32 10.00"),
            (std::vector<std::string>{"10.000", "1,5", "1.000.000", "29/11/2024", "14:32", "10.00"}));
  for (const Token& t : Tokens("10.000 1,5 1.000.000 29/11/2024 14:32 10.00"))
    EXPECT_EQ(t.kind, TokenKind::kNumber);
}

TEST(TokenizerTest, HyphenatedWordsStayWhole) {
  EXPECT_EQ(Texts("Kim Jong-un, negara-negara pasca-perang COVID-19"),
            (std::vector<std::string>{"Kim", "Jong-un", ",", "negara-negara", "pasca-perang", "COVID-19"}));
  EXPECT_EQ(Tokens("COVID-19")[0].kind, TokenKind::kWord);
  // Unicode hyphen (U+2010) joins too; an en dash does not.
  EXPECT_EQ(Texts("pasca\xE2\x80\x90perang 2022\xE2\x80\x93" "2023"),
            (std::vector<std::string>{"pasca\xE2\x80\x90perang", "2022", "\xE2\x80\x93", "2023"}));
}

TEST(TokenizerTest, AbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(Texts("dll. dsb. No. Dr. Jl. Prof. Ir. H. St. Tn. Ny. Sdr. a.n. u.p. S.H. M.Si."),
            (std::vector<std::string>{"dll.", "dsb.", "No.", "Dr.", "Jl.", "Prof.", "Ir.", "H.", "St.", "Tn.",
                                      "Ny.", "Sdr.", "a.n.", "u.p.", "S.H.", "M.Si."}));
  EXPECT_EQ(Texts("B. J. Habibie"), (std::vector<std::string>{"B.", "J.", "Habibie"}));
  EXPECT_EQ(Texts("A.S. Menhan"), (std::vector<std::string>{"A.S.", "Menhan"}));
  EXPECT_EQ(Texts("Menhan."), (std::vector<std::string>{"Menhan", "."}));
  EXPECT_EQ(Texts("kata Kim."), (std::vector<std::string>{"kata", "Kim", "."}));
  EXPECT_EQ(Texts("huruf a."), (std::vector<std::string>{"huruf", "a", "."}));
}

// Every entry of the data file, wherever it sits in a sentence, is one token.
TEST(TokenizerTest, EveryListedAbbreviationIsOneToken) {
  std::ifstream in(testing::SourceDir() / "src/text/data/abbreviations.txt");
  ASSERT_TRUE(in) << "cannot read src/text/data/abbreviations.txt";
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    line = line.substr(0, line.find('\t'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    ++count;
    EXPECT_NE(LookupAbbreviation(line), AbbreviationKind::kNone) << line;
    std::string text = "oleh " + line + " Budi";
    EXPECT_EQ(Texts(text), (std::vector<std::string>{"oleh", line, "Budi"})) << text;
  }
  EXPECT_GT(count, 50);
}

TEST(TokenizerTest, DomainsAndUrls) {
  EXPECT_EQ(Texts("KOMPAS.com aa.com.tr"), (std::vector<std::string>{"KOMPAS.com", "aa.com.tr"}));
  EXPECT_EQ(Texts("lihat https://a.id/x?y=1, lalu"),
            (std::vector<std::string>{"lihat", "https://a.id/x?y=1", ",", "lalu"}));
}

TEST(TokenizerTest, PercentagesAndCurrency) {
  auto tokens = Tokens("50%");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSymbol);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_EQ(Texts("Rp10.000 Rp 10.000"), (std::vector<std::string>{"Rp10.000", "Rp", "10.000"}));
}

TEST(TokenizerTest, ApostrophesInsideWords) {
  EXPECT_EQ(Texts("Jum'at Qur'an Jum\xE2\x80\x99" "at"),
            (std::vector<std::string>{"Jum'at", "Qur'an", "Jum\xE2\x80\x99" "at"}));
}

TEST(TokenizerTest, QuotesAreSeparateTokens) {
  std::string text = "\"a\" \xE2\x80\x9C" "b\xE2\x80\x9D '\xE2\x80\x98" "c\xE2\x80\x99' \xC2\xAB" "d\xC2\xBB";
  auto tokens = Tokens(text);
  std::vector<std::string> quotes;
  for (const Token& t : tokens)
    if (t.kind == TokenKind::kQuote) quotes.emplace_back(TokenText(text, t));
  EXPECT_EQ(quotes, (std::vector<std::string>{"\"", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "\xE2\x80\x98",
                                              "\xE2\x80\x99", "'", "\xC2\xAB", "\xC2\xBB"}));
  EXPECT_EQ(tokens.size(), quotes.size() + 4);
}

TEST(TokenizerTest, KindsAndSpaceBefore) {
  std::string text = "Kim, 10 \xE2\x80\x9Cya\xE2\x80\x9D + \xE2\x82\xAC";  // €
  auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 8u);
  TokenKind expected[] = {TokenKind::kWord,  TokenKind::kPunct, TokenKind::kNumber, TokenKind::kQuote,
                          TokenKind::kWord,  TokenKind::kQuote, TokenKind::kSymbol, TokenKind::kSymbol};
  bool space[] = {false, false, true, true, false, false, true, true};
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
    EXPECT_EQ(tokens[i].space_before, space[i]) << i;
  }
}

TEST(TokenizerTest, CodePointOffsetsWithMultibyteText) {
  std::string text = "\xE2\x80\x9C" "Caf\xC3\xA9 na\xC3\xAFve\xE2\x80\x9D ujar \xF0\x9F\x98\x80 Kim";  // “Café naïve” ujar 😀 Kim
  auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].cp_begin, 0);
  EXPECT_EQ(tokens[0].cp_end, 1);
  EXPECT_EQ(tokens[1].cp_begin, 1);
  EXPECT_EQ(tokens[1].cp_end, 5);  // Café
  EXPECT_EQ(tokens[1].end - tokens[1].begin, 5u);
  EXPECT_EQ(tokens[2].cp_begin, 6);
  EXPECT_EQ(tokens[2].cp_end, 11);  // naïve
  EXPECT_EQ(tokens[3].cp_begin, 11);
  EXPECT_EQ(tokens[5].cp_end - tokens[5].cp_begin, 1);  // the emoji is one code point, four bytes
  EXPECT_EQ(tokens[5].kind, TokenKind::kSymbol);
  EXPECT_EQ(tokens[6].cp_begin, 20);
  ExpectWellFormed(text, tokens);
}

TEST(TokenizerTest, DecomposedAccentStaysInTheWord) {
  std::string text = "Cafe\xCC\x81 ini";  // e + combining acute
  EXPECT_EQ(Texts(text), (std::vector<std::string>{"Cafe\xCC\x81", "ini"}));
}

TEST(TokenizerTest, HugeTokenIsCutAtCodePointBoundaries) {
  std::string ascii(10000, 'a');
  auto tokens = Tokens(ascii);
  EXPECT_EQ(tokens.size(), (10000 + 255) / 256);
  ExpectWellFormed(ascii, tokens);
  EXPECT_EQ(tokens.back().end, 10000u);
  for (size_t i = 1; i < tokens.size(); ++i) EXPECT_FALSE(tokens[i].space_before);

  std::string accented;
  for (int i = 0; i < 10000; ++i) accented += "\xC3\xA9";  // é
  tokens = Tokens(accented);
  ExpectWellFormed(accented, tokens);
  for (const Token& t : tokens) EXPECT_EQ((t.end - t.begin) % 2, 0u);
  EXPECT_EQ(tokens.back().end, accented.size());

  std::string digits = "1";
  for (int i = 0; i < 3000; ++i) digits += ".000";
  tokens = Tokens(digits);
  ExpectWellFormed(digits, tokens);
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kNumber) {
      EXPECT_NE(digits[t.end - 1], '.') << "a cut left a joiner at the end";
    }
  }

  TokenizerOptions small;
  small.max_token_bytes = 8;
  EXPECT_EQ(Texts("abcdefghijkl Prof. Budi", small),
            (std::vector<std::string>{"abcdefgh", "ijkl", "Prof.", "Budi"}));
  small.max_token_bytes = 1;  // raised to 4 so one code point always fits
  EXPECT_EQ(Texts("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", small).size(), 2u);
}

TEST(TokenizerTest, AllCapsText) {
  EXPECT_EQ(Joined("KIM JONG-UN DAN MENHAN RUSIA SEPAKAT, DR. BUDI HADIR."),
            "KIM | JONG-UN | DAN | MENHAN | RUSIA | SEPAKAT | , | DR. | BUDI | HADIR | .");
}

TEST(TokenizerTest, TextWithoutLetters) {
  EXPECT_EQ(Joined("12.000 + 3,5 = ?! (*) --- 100%"), "12.000 | + | 3,5 | = | ?! | ( | * | ) | --- | 100 | %");
}

TEST(TokenizerTest, MalformedUtf8IsSafe) {
  std::string text = "ab\xC3" "c \x80\x80 d\xE2\x80 \xFF\xED\xA0\x80 e";
  auto tokens = Tokens(text);
  ExpectWellFormed(text, tokens);
  EXPECT_EQ(Joined(text), "ab | \xC3 | c | d | \xE2 | \xFF | \xED\xA0\x80 | e");
}

// Golden cases from testdata/tokens.tsv.
TEST(TokenizerTest, GoldenTokens) {
  std::ifstream in(testing::SourceDir() / "src/text/testdata/tokens.tsv");
  ASSERT_TRUE(in) << "cannot read src/text/testdata/tokens.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "no tab in: " << line;
    std::string input = line.substr(0, tab);
    EXPECT_EQ(Joined(input), line.substr(tab + 1)) << "input: " << input;
    ExpectWellFormed(input, Tokens(input));
    ++cases;
  }
  EXPECT_GE(cases, 40);
}

}  // namespace
}  // namespace warta::text
