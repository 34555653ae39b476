// SentenceSplitter: groups the tokens of a text into sentences.
//
//   std::vector<Token> tokens;
//   tokenizer.Tokenize(text, &tokens);
//   std::vector<Sentence> sentences;
//   splitter.Split(text, tokens, &sentences);
//   for (const Sentence& s : sentences) Use(SentenceSpan(tokens, s));
//
// A sentence ends:
//   * at a line break ('\n', '\r', U+2028, U+2029): a paragraph always ends one;
//   * after . ! ? … or a run of them ("...", "?!"), together with any closing
//     quotes and brackets written right after them ('siap." Kata'), when the
//     next token starts a sentence: an upper or title case letter, a decimal
//     digit, or a quote mark.
// It does not end:
//   * inside a balanced quotation within the paragraph, so '"Merupakan hak
//     membela diri. Kami siap," kata Kim.' is one sentence. A quotation left
//     open at the paragraph end, or longer than max_quote_tokens, protects
//     nothing, so a stray quote mark cannot swallow a paragraph;
//   * after an abbreviation, initial or acronym the tokenizer kept with its
//     period ("Dr.", "B.", "A.S."), except that those the list flags `end`
//     ("dll.", "dsb.", "Tbk.") end one when a capitalised word follows;
//   * after a period following a lone number at the start of a sentence (a
//     list enumerator "1. Pertama"). Numbers such as "10.00" are one token,
//     so their period never ends anything.
//
// Thread-safe: immutable after construction.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "text/tokenizer.h"

namespace warta::text {

// Tokens [first_token, end_token) of the token vector Split() was given.
struct Sentence {
  uint32_t first_token = 0, end_token = 0;
  friend bool operator==(const Sentence&, const Sentence&) = default;
};

struct SentenceSplitterOptions {
  // A quotation whose closing mark comes more than this many tokens after
  // its opening one is treated as unbalanced: it does not stop splitting.
  uint32_t max_quote_tokens = 600;
};

class SentenceSplitter {
 public:
  explicit SentenceSplitter(SentenceSplitterOptions options = {}) : options_(options) {}

  // Appends the sentences of `tokens`, which Tokenizer::Tokenize made from
  // `text` (offsets must index `text`), to `*out`. The appended sentences
  // are non-empty, in order and contiguous, and cover every token exactly
  // once; no tokens give no sentences.
  void Split(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>* out) const;

 private:
  SentenceSplitterOptions options_;
};

// Code point span of `sentence`, from its first token's start to its last
// token's end.
inline Span SentenceSpan(const std::vector<Token>& tokens, const Sentence& sentence) {
  return Span{tokens[sentence.first_token].cp_begin, tokens[sentence.end_token - 1].cp_end};
}

}  // namespace warta::text
