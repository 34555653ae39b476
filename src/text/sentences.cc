#include "text/sentences.h"

#include <unicode/uchar.h>

#include "text/abbreviations.h"
#include "text/unicode_class.h"

namespace warta::text {

namespace {

using internal::Decode;

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  return Decode(reinterpret_cast<const unsigned char*>(s.data()), 0, s.size()).cp;
}

// How a quote mark takes part in pairing. Only double quotes and guillemets
// pair up: single quotes double as apostrophes and mark short terms
// ('perang suci'), so pairing them would go wrong more often than right.
enum class QuoteRole { kNone, kOpen, kClose, kEither };

QuoteRole RoleOf(std::string_view q) {
  if (q == "\"" || q == "\xEF\xBC\x82") return QuoteRole::kEither;           // " and fullwidth "
  if (q == "\xE2\x80\x9C" || q == "\xC2\xAB" || q == "\xE2\x80\x9E") return QuoteRole::kOpen;  // “ « „
  if (q == "\xE2\x80\x9D" || q == "\xC2\xBB") return QuoteRole::kClose;      // ” »
  return QuoteRole::kNone;
}

// . ! ? … and runs of them.
bool IsTerminator(std::string_view s) {
  if (s.empty()) return false;
  if (s == "\xE2\x80\xA6") return true;  // …
  for (char c : s)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool IsUpperStart(std::string_view s) {
  char32_t cp = FirstCodePoint(s);
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp > 0x10FFFF) return false;
  UChar32 u = static_cast<UChar32>(cp);
  return u_isupper(u) || u_istitle(u);
}

bool IsDigitStart(std::string_view s) {
  char32_t cp = FirstCodePoint(s);
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return cp <= 0x10FFFF && u_isdigit(static_cast<UChar32>(cp));
}

bool IsCloseBracket(std::string_view s) { return s == ")" || s == "]" || s == "}"; }

// A line break in the white space between two tokens ends the paragraph.
bool HasLineBreak(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    if (c == '\n' || c == '\r') return true;
    // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    if (c == '\xE2' && i + 2 < gap.size() && gap[i + 1] == '\x80' && (gap[i + 2] == '\xA8' || gap[i + 2] == '\xA9'))
      return true;
  }
  return false;
}

struct QuoteRange {
  uint32_t open, close;  // token indices of the two quote marks
};

}  // namespace

void SentenceSplitter::Split(std::string_view text, const std::vector<Token>& tokens,
                             std::vector<Sentence>* out) const {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  auto token_text = [&](uint32_t i) { return TokenText(text, tokens[i]); };
  std::vector<QuoteRange> quotes;
  uint32_t para_begin = 0;
  while (para_begin < n) {
    // The paragraph: up to the next token with a line break before it.
    uint32_t para_end = para_begin + 1;
    while (para_end < n &&
           !(tokens[para_end].space_before &&
             HasLineBreak(text.substr(tokens[para_end - 1].end, tokens[para_end].begin - tokens[para_end - 1].end))))
      ++para_end;

    // Balanced quotations in this paragraph, in order and disjoint.
    quotes.clear();
    int64_t open = -1;
    for (uint32_t i = para_begin; i < para_end; ++i) {
      if (tokens[i].kind != TokenKind::kQuote) continue;
      QuoteRole role = RoleOf(token_text(i));
      if (role == QuoteRole::kNone) continue;
      bool closes = open >= 0 && (role == QuoteRole::kClose || role == QuoteRole::kEither);
      if (closes) {
        if (i - static_cast<uint32_t>(open) <= options_.max_quote_tokens)
          quotes.push_back({static_cast<uint32_t>(open), i});
        open = -1;
      } else if (role != QuoteRole::kClose) {
        open = i;  // a second opening mark: the first one was never closed
      }
    }

    // True when a boundary before token `b` would fall inside a quotation.
    size_t q = 0;
    auto inside_quote = [&](uint32_t b) {
      while (q < quotes.size() && quotes[q].close < b) ++q;
      return q < quotes.size() && quotes[q].open < b && b <= quotes[q].close;
    };

    uint32_t start = para_begin;
    for (uint32_t i = para_begin; i < para_end; ++i) {
      const Token& t = tokens[i];
      std::string_view s = token_text(i);
      bool capital_only = false;  // only a capitalised word may follow
      if (t.kind == TokenKind::kPunct && IsTerminator(s)) {
        // "1." opening a sentence is a list enumerator, not a sentence.
        if (s == "." && i == start + 1 && tokens[start].kind == TokenKind::kNumber) continue;
      } else if (t.kind == TokenKind::kWord && s.size() > 1 && s.back() == '.' &&
                 LookupAbbreviation(s) == AbbreviationKind::kMayEndSentence) {
        capital_only = true;
      } else {
        continue;
      }
      // Take closing quotes and brackets written right after the terminator.
      uint32_t j = i + 1;
      while (j < para_end && !tokens[j].space_before &&
             ((tokens[j].kind == TokenKind::kQuote && RoleOf(token_text(j)) != QuoteRole::kOpen) ||
              (tokens[j].kind == TokenKind::kPunct && IsCloseBracket(token_text(j)))))
        ++j;
      if (j >= para_end) break;  // the paragraph end closes the sentence anyway
      std::string_view next = token_text(j);
      bool starts = IsUpperStart(next) ||
                    (!capital_only && (IsDigitStart(next) || tokens[j].kind == TokenKind::kQuote));
      if (!starts || inside_quote(j)) continue;
      out->push_back({start, j});
      start = j;
      i = j - 1;
    }
    out->push_back({start, para_end});
    para_begin = para_end;
  }
}

}  // namespace warta::text
