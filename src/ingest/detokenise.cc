// Detokenise: IndoSum stores articles as token lists; clean and the analysers
// want prose. The rules are the ones Indonesian news typography follows.

#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace warta::ingest {
namespace {

enum class Kind {
  kWord,
  kClose,        // attaches to the previous token: . , ) % ... 's
  kOpen,         // the next token attaches to it: ( [ {
  kOpenQuote,    // “ ‘ ``
  kCloseQuote,   // ” ’ '' ’’
  kDoubleQuote,  // " : opening or closing by position
  kSingleQuote,  // ' or ` used as a quote
};

bool Invisible(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) ||
         u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR;
}

// Drops leading and trailing white space and invisible format characters
// (IndoSum has tokens that are only "\xa0" or U+200E) and turns line breaks
// inside a token into spaces, so a paragraph stays one line.
std::string CleanToken(std::string_view t) {
  size_t begin = 0, end = t.size();
  for (size_t pos = 0; pos < t.size();) {
    size_t here = pos;
    if (!Invisible(Utf8Next(t, &pos))) {
      begin = here;
      break;
    }
    begin = pos;
  }
  if (begin >= t.size()) return {};
  // Find the end of the last visible code point.
  for (size_t pos = begin; pos < t.size();) {
    if (!Invisible(Utf8Next(t, &pos))) end = pos;
  }
  std::string out(t.substr(begin, end - begin));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

bool AllOf(std::string_view t, std::string_view set) {
  return !t.empty() && t.find_first_not_of(set) == std::string_view::npos;
}

bool IsEllipsis(std::string_view t) {
  if (t.empty()) return false;
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '.') {
      ++i;
    } else if (t.substr(i, 3) == "\xE2\x80\xA6") {  // …
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool IsLowerAsciiWord(std::string_view t) {
  return AllOf(t, "abcdefghijklmnopqrstuvwxyz");
}

Kind Classify(std::string_view t) {
  if (t == "\"") return Kind::kDoubleQuote;
  if (t == "'" || t == "`") return Kind::kSingleQuote;
  if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "``" || t == "\xC2\xAB") {
    return Kind::kOpenQuote;  // “ ‘ `` «
  }
  if (t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "''" || t == "\xE2\x80\x99\xE2\x80\x99" ||
      t == "\xE2\x80\x9D\xE2\x80\x9D" || t == "\xC2\xBB") {
    return Kind::kCloseQuote;  // ” ’ '' ’’ ”” »
  }
  if (AllOf(t, "([{")) return Kind::kOpen;
  if (AllOf(t, ".,;:!?)]}%") || IsEllipsis(t)) return Kind::kClose;
  // English contractions and Indonesian clitics split off by the tokeniser.
  if (t == "'s" || t == "'S" || t == "'re" || t == "'ve" || t == "'ll" || t == "'d" ||
      t == "'m" || t == "n't" || t == "\xE2\x80\x99s") {
    return Kind::kClose;
  }
  if (t.size() >= 3 && t[0] == '-' && IsLowerAsciiWord(t.substr(1))) return Kind::kClose;  // -nya
  return Kind::kWord;
}

bool StartsWithDigit(std::string_view t) {
  return !t.empty() && t.front() >= '0' && t.front() <= '9';
}
bool EndsWithDigit(std::string_view t) {
  return !t.empty() && t.back() >= '0' && t.back() <= '9';
}

bool EqualFoldAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsCurrencySymbol(std::string_view t) {
  return t == "$" || t == "\xE2\x82\xAC" || t == "\xC2\xA3" || t == "\xC2\xA5";  // $ € £ ¥
}

std::string DetokeniseClean(const std::vector<std::string>& toks) {
  const size_t n = toks.size();
  std::vector<Kind> kinds(n);
  for (size_t i = 0; i < n; ++i) kinds[i] = Classify(toks[i]);

  // Straight quotes alternate; where position contradicts parity (a quote at
  // the very end or before closing punctuation cannot open; one right after
  // an opening bracket cannot close), position wins.
  bool double_open = false, single_open = false;
  for (size_t i = 0; i < n; ++i) {
    bool* open_state = kinds[i] == Kind::kDoubleQuote   ? &double_open
                       : kinds[i] == Kind::kSingleQuote ? &single_open
                                                        : nullptr;
    if (!open_state) continue;
    bool opening = !*open_state;
    if (opening && (i + 1 == n || kinds[i + 1] == Kind::kClose ||
                    kinds[i + 1] == Kind::kCloseQuote)) {
      opening = false;
    } else if (!opening && i > 0 &&
               (kinds[i - 1] == Kind::kOpen || kinds[i - 1] == Kind::kOpenQuote)) {
      opening = true;
    } else {
      *open_state = opening;
    }
    kinds[i] = opening ? Kind::kOpenQuote : Kind::kCloseQuote;
  }

  std::string out;
  bool glue = false;  // the previous token asked for no space after it
  for (size_t i = 0; i < n; ++i) {
    const std::string& t = toks[i];
    const Kind k = kinds[i];
    bool space = !out.empty() && !glue;
    bool glue_after = false;
    if (k == Kind::kClose || k == Kind::kCloseQuote) space = false;
    const bool has_prev = i > 0, has_next = i + 1 < n;
    // "27 / 3" -> "27/3", "10 : 00" -> "10:00".
    if ((t == "/" || t == ":") && has_prev && has_next && EndsWithDigit(toks[i - 1]) &&
        StartsWithDigit(toks[i + 1])) {
      space = false;
      glue_after = true;
    }
    // Reduplication ("orang - orang") and ordinals ("ke - 32").
    if (t == "-" && has_prev && has_next &&
        (EqualFoldAscii(toks[i - 1], toks[i + 1]) ||
         (EqualFoldAscii(toks[i - 1], "ke") && StartsWithDigit(toks[i + 1])))) {
      space = false;
      glue_after = true;
    }
    if (k == Kind::kOpen || k == Kind::kOpenQuote) glue_after = true;
    if (IsCurrencySymbol(t) && has_next && StartsWithDigit(toks[i + 1])) glue_after = true;
    if (space) out += ' ';
    out += t;
    glue = glue_after;
  }
  return out;
}

template <typename S>
std::string DetokeniseAny(const std::vector<S>& tokens) {
  std::vector<std::string> clean;
  clean.reserve(tokens.size());
  for (const auto& t : tokens) {
    std::string c = CleanToken(t);
    if (!c.empty()) clean.push_back(std::move(c));
  }
  return DetokeniseClean(clean);
}

}  // namespace

std::string Detokenise(const std::vector<std::string>& tokens) { return DetokeniseAny(tokens); }

std::string Detokenise(const std::vector<std::string_view>& tokens) {
  return DetokeniseAny(tokens);
}

}  // namespace warta::ingest
