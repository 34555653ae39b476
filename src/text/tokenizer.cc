#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cassert>

#include "text/abbreviations.h"
#include "text/unicode_class.h"

namespace warta::text {

namespace {

using internal::Ascii;
using internal::CharClass;
using internal::ClassOf;
using internal::Decode;
using internal::Decoded;

// Top-level domains recognised after a dot even when written in capitals
// ("RIAU24.COM"); a lowercase segment after a dot is joined anyway.
bool IsTld(std::string_view s) {
  static constexpr std::string_view kTlds[] = {"com", "net", "org", "id", "co", "go",
                                               "ac",  "tv",  "info", "news", "my", "sg"};
  if (s.size() < 2 || s.size() > 4) return false;
  char buf[4];
  for (size_t i = 0; i < s.size(); ++i) buf[i] = static_cast<char>(s[i] | 0x20);
  std::string_view lower(buf, s.size());
  return std::find(std::begin(kTlds), std::end(kTlds), lower) != std::end(kTlds);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != prefix[i]) return false;
  }
  return true;
}

// One pass over one text. Word(), Url() and Punct() each emit exactly one
// token and return where it ends; the main loop dispatches on the first
// character of what comes next.
class Scanner {
 public:
  Scanner(std::string_view text, uint32_t max_token_bytes, std::vector<Token>* out)
      : text_(text),
        p_(reinterpret_cast<const unsigned char*>(text.data())),
        n_(text.size()),
        max_(max_token_bytes),
        out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < n_) {
      unsigned char c = p_[i];
      if (c < 0x80) {
        uint8_t a = Ascii(c);
        if (a & internal::kAsciiWord) {
          i = Word(i);
        } else if (a & internal::kAsciiSpace) {
          space_ = true;
          ++i;
        } else if (a & internal::kAsciiQuote) {
          Emit(i, i + 1, TokenKind::kQuote);
          ++i;
        } else if (a & internal::kAsciiPunct) {
          i = Punct(i, c);
        } else if (a & internal::kAsciiSymbol) {
          Emit(i, i + 1, TokenKind::kSymbol);
          ++i;
        } else {
          ++i;  // control character: ignored like a format character
        }
        continue;
      }
      Decoded d = Decode(p_, i, n_);
      switch (ClassOf(d.cp)) {
        case CharClass::kLetter:
        case CharClass::kDigit:
          i = Word(i);
          continue;
        case CharClass::kSpace:
          space_ = true;
          break;
        case CharClass::kIgnorable:
          break;
        case CharClass::kQuote:
          Emit(i, i + d.len, TokenKind::kQuote);
          break;
        case CharClass::kPunct:
          Emit(i, i + d.len, TokenKind::kPunct);
          break;
        case CharClass::kSymbol:
          Emit(i, i + d.len, TokenKind::kSymbol);
          break;
      }
      i += d.len;
    }
  }

 private:
  // Code point offset of byte `pos`: the number of non-continuation bytes
  // before it, which is what Utf8Length() counts. Tokens are emitted in
  // order, so a cursor makes this one extra pass over the bytes in total.
  int32_t CpAt(size_t pos) {
    for (; cp_pos_ < pos; ++cp_pos_) cp_count_ += (p_[cp_pos_] & 0xC0) != 0x80;
    return cp_count_;
  }

  void Emit(size_t begin, size_t end, TokenKind kind) {
    assert(begin < end && end <= n_);
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.cp_begin = CpAt(begin);
    t.cp_end = CpAt(end);
    t.kind = kind;
    t.space_before = space_;
    space_ = false;
    out_->push_back(t);
  }

  CharClass ClassAt(size_t pos) const {
    if (pos >= n_) return CharClass::kSpace;
    if (p_[pos] < 0x80) return internal::AsciiClass(p_[pos]);
    return ClassOf(Decode(p_, pos, n_).cp);
  }
  bool WordAt(size_t pos) const {
    CharClass c = ClassAt(pos);
    return c == CharClass::kLetter || c == CharClass::kDigit;
  }
  bool LetterAt(size_t pos) const { return ClassAt(pos) == CharClass::kLetter; }
  bool AsciiDigitAt(size_t pos) const { return pos < n_ && p_[pos] >= '0' && p_[pos] <= '9'; }
  bool LowerAt(size_t pos) const {
    if (pos >= n_) return false;
    if (p_[pos] < 0x80) return p_[pos] >= 'a' && p_[pos] <= 'z';
    return u_islower(static_cast<UChar32>(Decode(p_, pos, n_).cp));
  }
  // Fits `bytes` more into a token that began at `start`.
  bool Fits(size_t start, size_t end) const { return end - start <= max_; }

  // A period after the word [start, dot): returns where the token ends if
  // the period belongs to it (a listed abbreviation, an initial "B." or a
  // dotted acronym "A.S."), else 0.
  size_t AbbreviationEnd(size_t start, size_t dot, bool single_letter, bool upper) const {
    // Candidate ends: after this period and after each following short
    // letter segment that also ends in a period ("S." "S.Pd." ...).
    size_t ends[5];
    int m = 0;
    ends[m++] = dot + 1;
    size_t j = dot + 1;
    while (m < 5) {
      size_t k = 0;
      while (k < 4 && j + k < n_ && (Ascii(p_[j + k]) & internal::kAsciiLetter)) ++k;
      if (k == 0 || j + k >= n_ || p_[j + k] != '.') break;
      j += k + 1;
      ends[m++] = j;
    }
    const size_t max_abbrev = MaxAbbreviationBytes();
    for (int q = m - 1; q >= 0; --q) {
      size_t e = ends[q];
      if (e - start > max_abbrev || !Fits(start, e)) continue;
      // "dr.com" is a domain, not the title "dr.": a lowercase letter right
      // after the period means the period joins two parts of one word.
      if (LookupAbbreviation(text_.substr(start, e - start)) != AbbreviationKind::kNone &&
          !LowerAt(e))
        return e;
    }
    if (single_letter) {
      if (m >= 2 && !WordAt(ends[m - 1]) && Fits(start, ends[m - 1])) return ends[m - 1];
      if (m == 1 && upper && !WordAt(dot + 1)) return dot + 1;
    }
    return 0;
  }

  // True when the segment after the period at `dot` continues a domain name.
  bool DomainContinues(size_t dot) const {
    if (LowerAt(dot + 1)) return true;
    size_t j = dot + 1;
    while (j < n_ && (Ascii(p_[j]) & internal::kAsciiLetter)) ++j;
    return j > dot + 1 && !WordAt(j) && IsTld(text_.substr(dot + 1, j - dot - 1));
  }

  size_t Word(size_t start) {
    if ((p_[start] | 0x20) == 'h' || (p_[start] | 0x20) == 'f') {
      std::string_view rest = text_.substr(start);
      if (StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") ||
          StartsWithNoCase(rest, "ftp://"))
        return Url(start);
    }
    size_t i = start;
    int cps = 0;               // code points consumed
    bool has_letter = false;   // any letter or mark (else a number)
    bool first_digit = false;  // first code point is a decimal digit
    bool upper_first = false;  // first code point is an upper or title case letter
    bool last_letter = false, last_digit = false;  // class of the last code point
    bool seen_at = false;
    while (i < n_) {
      unsigned char c = p_[i];
      size_t len = 1;
      CharClass cls;
      if (c < 0x80) {
        uint8_t a = Ascii(c);
        if (!(a & internal::kAsciiWord)) {
          // Joiners: punctuation that stays inside the word when a word
          // character follows it.
          bool join = false;
          if (c == '.') {
            if (last_digit && AsciiDigitAt(i + 1)) {
              join = true;  // 10.000, 10.00, 1.000.000
            } else if (size_t e = AbbreviationEnd(start, i, cps == 1 && has_letter, upper_first)) {
              i = e;
              has_letter = true;
              break;
            } else {
              join = (last_letter || last_digit) && DomainContinues(i);  // KOMPAS.com
            }
          } else if (c == ',' || c == ':' || c == '/') {
            join = last_digit && AsciiDigitAt(i + 1);  // 1,5  14:32  29/11/2024
          } else if (c == '-') {
            join = WordAt(i + 1);  // Jong-un, COVID-19, ke-2
          } else if (c == '\'') {
            join = last_letter && LetterAt(i + 1);  // Jum'at
          } else if (c == '@') {
            join = !seen_at && WordAt(i + 1);  // redaksi@kompas.com
            seen_at = true;
          }
          // The joiner and the character after it must both fit, so a cut
          // never leaves a token ending in a joiner.
          if (!join || i + 2 > n_ || !Fits(start, i + 1 + NextLen(i + 1))) break;
          ++i;
          last_letter = last_digit = false;
          continue;
        }
        cls = (a & internal::kAsciiDigit) ? CharClass::kDigit : CharClass::kLetter;
      } else {
        Decoded d = Decode(p_, i, n_);
        len = d.len;
        cls = ClassOf(d.cp);
        if (cls != CharClass::kLetter && cls != CharClass::kDigit) {
          bool join = false;
          if (d.cp == 0x2019) {
            join = last_letter && LetterAt(i + len);  // Jum’at
          } else if (d.cp == 0x2010 || d.cp == 0x2011) {
            join = WordAt(i + len);  // Unicode hyphen, non-breaking hyphen
          } else if (cls == CharClass::kIgnorable && d.cp != internal::kStrayByte) {
            join = WordAt(i + len);  // a soft hyphen or ZWJ inside a word
          }
          if (!join || !Fits(start, i + len + NextLen(i + len))) break;
          i += len;
          if (cls != CharClass::kIgnorable) last_letter = last_digit = false;
          continue;
        }
        if (cps == 0 && cls == CharClass::kLetter) {
          UChar32 u = static_cast<UChar32>(d.cp);
          upper_first = u_isupper(u) || u_istitle(u);
        }
      }
      if (!Fits(start, i + len)) break;  // the rest becomes the next token
      if (cps == 0) {
        first_digit = cls == CharClass::kDigit;
        if (c < 0x80) upper_first = c >= 'A' && c <= 'Z';
      }
      last_letter = cls == CharClass::kLetter;
      last_digit = cls == CharClass::kDigit;
      has_letter |= last_letter;
      ++cps;
      i += len;
    }
    Emit(start, i, first_digit && !has_letter ? TokenKind::kNumber : TokenKind::kWord);
    return i;
  }

  // Byte length of the code point at `pos` (1 past the end).
  size_t NextLen(size_t pos) const {
    if (pos >= n_ || p_[pos] < 0x80) return 1;
    return Decode(p_, pos, n_).len;
  }

  // A URL runs to the next white space, quote or angle bracket; trailing
  // sentence punctuation is left out, and so is a ")" the URL did not open
  // ("(lihat https://x.id/a)" but "https://id.wikipedia.org/wiki/A_(B)").
  size_t Url(size_t start) {
    size_t i = start;
    while (i < n_) {
      unsigned char c = p_[i];
      size_t len = 1;
      if (c < 0x80) {
        uint8_t a = Ascii(c);
        if ((a & (internal::kAsciiSpace | internal::kAsciiQuote)) || c == '<' || c == '>' || c < 0x20 ||
            c == 0x7F)
          break;
      } else {
        Decoded d = Decode(p_, i, n_);
        len = d.len;
        CharClass cls = ClassOf(d.cp);
        if (cls == CharClass::kSpace || cls == CharClass::kQuote || d.cp == internal::kStrayByte ||
            d.cp == internal::kBadSequence)
          break;
      }
      if (!Fits(start, i + len)) break;
      i += len;
    }
    std::string_view url = text_.substr(start, i - start);
    auto unbalanced = std::count(url.begin(), url.end(), ')') - std::count(url.begin(), url.end(), '(');
    while (i > start + 1) {
      char c = static_cast<char>(p_[i - 1]);
      if (c == ')' && unbalanced > 0) {
        --unbalanced;
        --i;
      } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ']' || c == '}') {
        --i;
      } else {
        break;
      }
    }
    Emit(start, i, TokenKind::kWord);
    return i;
  }

  // ASCII punctuation: runs of "." ("..."), of "!" and "?" ("?!") and of
  // "-" ("--") make one token; every other mark is a token of its own.
  size_t Punct(size_t start, unsigned char c) {
    size_t i = start + 1;
    auto same_run = [c](unsigned char d) {
      if (c == '.' || c == '-') return d == c;
      if (c == '!' || c == '?') return d == '!' || d == '?';
      return false;
    };
    while (i < n_ && same_run(p_[i]) && Fits(start, i + 1)) ++i;
    Emit(start, i, TokenKind::kPunct);
    return i;
  }

  std::string_view text_;
  const unsigned char* p_;
  size_t n_;
  uint32_t max_;
  std::vector<Token>* out_;
  size_t cp_pos_ = 0;
  int32_t cp_count_ = 0;
  bool space_ = false;
};

}  // namespace

Tokenizer::Tokenizer(TokenizerOptions options) : options_(options) {
  if (options_.max_token_bytes < 4) options_.max_token_bytes = 4;
}

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>* out) const {
  assert(text.size() < (size_t{1} << 31));
  // News text averages about six bytes a token; reserving avoids repeated
  // growth when the caller passes an empty vector.
  if (out->capacity() - out->size() < text.size() / 6) out->reserve(out->size() + text.size() / 6 + 16);
  Scanner(text, options_.max_token_bytes, out).Run();
}

}  // namespace warta::text
