// Property tests: for arbitrary input the tokenizer and sentence splitter
// keep their structural promises (see tokenizer.h and sentences.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/unicode_class.h"

namespace warta::text {
namespace {

// Code points weighted towards what makes tokenizing interesting: ASCII
// letters and joiners, quotes, accents, spaces and invisible characters.
rc::Gen<std::string> Utf8Text() {
  rc::Gen<uint32_t> interesting = rc::gen::elementOf(std::vector<uint32_t>{
      ' ', '\n', '.', ',', '-', '\'', '"', '/', ':', '@', '%', 'A', 'a', 'B', '1', '0', 0x201C, 0x201D, 0x2018,
      0x2019, 0xAB, 0xBB, 0xE9, 0x301, 0xA0, 0x200B, 0xAD, 0x2026, 0x2010, 0x2029, 0x1F600});
  rc::Gen<uint32_t> cp = rc::gen::weightedOneOf<uint32_t>({
      {6, rc::gen::inRange<uint32_t>(0x20, 0x7F)},
      {4, interesting},
      {1, rc::gen::inRange<uint32_t>(0x80, 0xD800)},
      {1, rc::gen::inRange<uint32_t>(0xE000, 0x110000)},
  });
  return rc::gen::map(rc::gen::container<std::vector<uint32_t>>(cp), [](const std::vector<uint32_t>& cps) {
    std::string s;
    for (uint32_t c : cps) Utf8Append(&s, static_cast<char32_t>(c));
    return s;
  });
}

// Order, bounds, size, offsets, and that only white space and ignorable
// characters fall between tokens (nothing is silently dropped).
void CheckTokens(const std::string& text, const std::vector<Token>& tokens, uint32_t max_bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t prev_end = 0;
  for (const Token& t : tokens) {
    RC_ASSERT(t.begin < t.end);
    RC_ASSERT(t.end <= text.size());
    RC_ASSERT(prev_end <= t.begin);
    RC_ASSERT(t.end - t.begin <= max_bytes);
    RC_ASSERT(t.cp_begin == static_cast<int32_t>(Utf8Length(std::string_view(text).substr(0, t.begin))));
    RC_ASSERT(t.cp_end == static_cast<int32_t>(Utf8Length(std::string_view(text).substr(0, t.end))));
    RC_ASSERT(t.cp_begin < t.cp_end);
    for (size_t i = prev_end; i < t.begin;) {
      internal::Decoded d = internal::Decode(p, i, text.size());
      internal::CharClass c = internal::ClassOf(d.cp);
      RC_ASSERT(c == internal::CharClass::kSpace || c == internal::CharClass::kIgnorable);
      i += d.len;
    }
    prev_end = t.end;
  }
}

void CheckSentences(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences) {
  uint32_t next = 0;
  for (const Sentence& s : sentences) {
    RC_ASSERT(s.first_token == next);
    RC_ASSERT(s.first_token < s.end_token);
    next = s.end_token;
  }
  RC_ASSERT(next == tokens.size());
}

TEST(TokenizerPropertyTest, ValidUtf8) {
  EXPECT_TRUE(rc::check("tokens of valid UTF-8 are ordered, bounded and consistent", [] {
    std::string text = *Utf8Text();
    std::vector<Token> tokens;
    Tokenizer().Tokenize(text, &tokens);
    CheckTokens(text, tokens, 256);
    std::vector<Sentence> sentences;
    SentenceSplitter().Split(text, tokens, &sentences);
    CheckSentences(tokens, sentences);
  }));
}

TEST(TokenizerPropertyTest, ArbitraryBytes) {
  EXPECT_TRUE(rc::check("any bytes tokenise safely", [](const std::string& text) {
    std::vector<Token> tokens;
    Tokenizer().Tokenize(text, &tokens);
    CheckTokens(text, tokens, 256);
    std::vector<Sentence> sentences;
    SentenceSplitter().Split(text, tokens, &sentences);
    CheckSentences(tokens, sentences);
  }));
}

TEST(TokenizerPropertyTest, SmallTokenLimit) {
  EXPECT_TRUE(rc::check("no token exceeds max_token_bytes", [] {
    std::string text = *Utf8Text();
    TokenizerOptions options;
    options.max_token_bytes = *rc::gen::inRange<uint32_t>(4, 24);
    std::vector<Token> tokens;
    Tokenizer(options).Tokenize(text, &tokens);
    CheckTokens(text, tokens, options.max_token_bytes);
  }));
}

// Splitting a text at a white-space boundary between tokens gives the same
// tokens on either side: no token depends on text past the next space
// (this keeps per-paragraph tokenisation equal to whole-text tokenisation).
TEST(TokenizerPropertyTest, SpaceIsAHardBoundary) {
  EXPECT_TRUE(rc::check("tokens never cross a space", [] {
    std::string a = *Utf8Text();
    std::string b = *Utf8Text();
    std::string text = a + " " + b;
    std::vector<Token> whole, left, right;
    Tokenizer().Tokenize(text, &whole);
    Tokenizer().Tokenize(a, &left);
    Tokenizer().Tokenize(b, &right);
    RC_ASSERT(whole.size() == left.size() + right.size());
    for (size_t i = 0; i < left.size(); ++i) {
      RC_ASSERT(whole[i].begin == left[i].begin);
      RC_ASSERT(whole[i].end == left[i].end);
    }
    for (size_t i = 0; i < right.size(); ++i) {
      RC_ASSERT(whole[left.size() + i].begin == right[i].begin + a.size() + 1);
      RC_ASSERT(whole[left.size() + i].end == right[i].end + a.size() + 1);
    }
  }));
}

}  // namespace
}  // namespace warta::text
