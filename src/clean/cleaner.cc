#include "clean/cleaner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "clean/metadata.h"
#include "clean/rules.h"
#include "clean/strings.h"
#include "core/utf8.h"
#include "text/case.h"
#include "text/date_parse.h"
#include "text/normalise.h"

namespace warta::clean {

using internal::FirstCp;
using internal::LastCp;
using internal::LineRuleMatcher;
using internal::LineRuleSet;
using internal::MetaLine;
using internal::RegexAlternation;
using internal::Utf8Matcher;
using internal::Words;

namespace {

// A line rule without a `max` column applies to lines up to this long.
constexpr size_t kDefaultRuleMaxBytes = 200;
// Where scope "head"/"tail" rules apply, in lines from either end.
constexpr size_t kEdgeLines = 8;
// Metadata lines are lifted only among this many remaining lines at the
// start (date, byline and credit lines) or at the end (credits) of the text.
constexpr int kHeadMetaLines = 6;
constexpr int kTailMetaLines = 5;
// A headline has at most this many words.
constexpr size_t kMaxTitleWords = 20;
// At most this many section labels stand above a headline.
constexpr size_t kMaxSectionLines = 3;
// The dateline opens one of the first few remaining paragraphs.
constexpr int kDatelineLines = 3;
// Only lines this short are looked up in debris_phrases.tsv.
constexpr size_t kMaxPhraseBytes = 80;
// A related-list header is short.
constexpr size_t kMaxListHeaderBytes = 80;
// A related-headline list after its header has at most this many items.
constexpr int kMaxListItems = 40;
// A repeated line at least this long is a duplicate even when not adjacent.
constexpr size_t kLongRepeatBytes = 60;
// How far into a line each kind of rule looks.
constexpr size_t kLineEndWindowBytes = 120;
constexpr size_t kCutStartWindowBytes = 120;
constexpr size_t kCutEndWindowBytes = 300;
constexpr size_t kCutLastWindowBytes = 120;

bool IsQuote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == U'\u201c' || cp == U'\u201d' || cp == U'\u2018' || cp == U'\u2019' ||
         cp == U'\u00ab' || cp == U'\u00bb';
}

bool EndsSentence(std::string_view s) {
  char32_t last = LastCp(s);
  return last == '.' || last == '!' || last == '?' || IsQuote(last) || last == ')';
}

// Share of words of four or more letters that start with a capital:
// Indonesian headlines capitalise content words, body sentences do not.
double CapitalisedShare(std::string_view s) {
  int long_words = 0, capitalised = 0;
  for (std::string_view w : Words(s)) {
    char32_t first = FirstCp(w);
    if (!u_isalpha(static_cast<UChar32>(first)) || Utf8Length(w) < 4) continue;
    ++long_words;
    if (u_isupper(static_cast<UChar32>(first))) ++capitalised;
  }
  return long_words ? static_cast<double>(capitalised) / long_words : 0.0;
}

// Two sentences ("... . Namun ...") are body text, never a headline; an
// initial ("M. Rizky") is not a sentence end.
bool HasSentenceBreak(std::string_view s) {
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if ((s[i] != '.' && s[i] != '?' && s[i] != '!') || s[i + 1] != ' ' || s[i - 1] == ' ') continue;
    if (!u_isupper(static_cast<UChar32>(FirstCp(s.substr(i + 2))))) continue;
    bool initial = s[i] == '.' && s[i - 1] >= 'A' && s[i - 1] <= 'Z' && (i < 2 || s[i - 2] == ' ');
    if (!initial) return true;
  }
  return false;
}

// A headline: short, one phrase, no closing period, and either written in
// title case (as Indonesian outlets do) or short enough to be a
// sentence-case headline rather than a sentence.
bool HeadlineLike(std::string_view s, size_t max_chars) {
  if (s.empty() || Utf8Length(s) > max_chars) return false;
  size_t words = Words(s).size();
  if (words < 2 || words > kMaxTitleWords) return false;
  char32_t last = LastCp(s);
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == '|' ||
      last == U'\u2013' || last == U'\u2014')
    return false;
  char32_t first = FirstCp(s);
  if (!(u_isalnum(static_cast<UChar32>(first)) || IsQuote(first))) return false;
  if (HasSentenceBreak(s)) return false;
  if (CapitalisedShare(s) >= 0.5) return true;
  return words <= 16 && last != '?' && last != '!' && !IsQuote(last) && u_isupper(static_cast<UChar32>(first));
}

// One to three words, no sentence punctuation: "Regional", "Ekonomi Bisnis".
bool SectionLabel(std::string_view s) {
  size_t words = Words(s).size();
  return words >= 1 && words <= 3 && Utf8Length(s) <= 30 &&
         s.find_first_of(".,;:!?\"") == std::string_view::npos && u_isupper(static_cast<UChar32>(FirstCp(s)));
}

bool BodyLike(std::string_view s) {
  size_t words = Words(s).size();
  return words >= 8 || (EndsSentence(s) && words >= 3);
}

// An item of a related-headline list: bulleted, numbered, or a short line
// written like a headline.
bool ListItem(std::string_view s) {
  static constexpr std::string_view kBullets[] = {"- ",     "\u2022", "\u00b7", "* ",     "\u00bb", "\u203a",
                                                  "\u2013 ", "\u2014 ", "\u25aa", "\u25ba", "\u25a0", "\u25cf",
                                                  "\u25cb", "\u25e6", "\u25b8", "> "};
  for (std::string_view b : kBullets)
    if (s.size() > b.size() && s.substr(0, b.size()) == b) return s.size() <= 300;
  if (s.size() > 160 || Words(s).size() < 2) return false;
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 2 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      s[digits + 1] == ' ')
    return true;
  char32_t last = LastCp(s);
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (IsQuote(FirstCp(s))) return false;
  return CapitalisedShare(s) >= 0.6;
}

// Positions in the last `window` bytes of `s` that start a sentence (after
// . ! ? or a closing quote, and a space) or, when `any_word`, any word.
std::vector<size_t> TailStarts(std::string_view s, size_t window, bool any_word) {
  std::vector<size_t> out;
  for (size_t p = std::max<size_t>(s.size() > window ? s.size() - window : 1, 1); p < s.size(); ++p) {
    if (s[p] == ' ' || s[p - 1] != ' ') continue;
    if (any_word) {
      out.push_back(p);
      continue;
    }
    size_t q = p - 1;
    while (q > 0 && s[q] == ' ') --q;
    unsigned char c = static_cast<unsigned char>(s[q]);
    // '”' and '’' are E2 80 9D and E2 80 99.
    bool closing_quote = q >= 2 && static_cast<unsigned char>(s[q - 2]) == 0xE2 &&
                         static_cast<unsigned char>(s[q - 1]) == 0x80 && (c == 0x9D || c == 0x99);
    if (c == '.' || c == '!' || c == '?' || c == '"' || closing_quote) out.push_back(p);
  }
  return out;
}

std::optional<DateTime> ParseContainerDate(std::string_view raw, const internal::DateVocabulary& vocab) {
  std::string_view s = TrimSpace(raw);
  if (s.empty()) return std::nullopt;
  if (auto iso = DateTime::ParseIso(s)) return iso;
  // Feeds sometimes give Unix time, in seconds or milliseconds.
  if (s.size() >= 9 && s.size() <= 13 &&
      std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.size() >= 12) v /= 1000;
    return DateTime::FromUnixSeconds(v);
  }
  if (auto m = internal::FindDate(s, vocab)) return m->value;
  return std::nullopt;
}

void AddUnique(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const std::string& s : from)
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
}

// A rule removing a line that ends with its match (scope line-end).
struct LineEndRule {
  std::unique_ptr<RegexAlternation> regex;
  std::string reason;
  size_t max_bytes = 0;
};

struct CutRules {
  std::unique_ptr<RegexAlternation> regex;
  std::vector<std::string> reasons;  // per alternative
};

StatusOr<size_t> ParseMax(const std::string& origin, const std::string& field) {
  size_t v = 0;
  auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (ec != std::errc() || p != field.data() + field.size() || v == 0)
    return Status::InvalidArgument(origin + ": max '" + field + "' is not a positive number");
  return v;
}

}  // namespace

struct Cleaner::Rules {
  std::unique_ptr<LineRuleSet> line, head, tail, list_headers, cut_end;
  std::vector<LineEndRule> line_end;
  CutRules cut_start, cut_last;
  std::unordered_map<std::string, std::string> phrases;  // NormaliseForId(line) -> reason
  internal::MetadataVocabulary meta;
};

namespace {

// One line of the input as it goes through cleaning.
struct Unit {
  int line = 0;
  std::string_view orig;  // as written (without '\r')
  std::string text;       // Normalise()d, possibly cut
  bool removed = false;
};

// The state of one Clean() call. The passes run in order; each skips the
// lines earlier passes removed.
class CleanRun {
 public:
  CleanRun(const Cleaner::Rules& rules, const CleanOptions& options, const RawDocument& doc)
      : r_(rules), options_(options), doc_(doc) {}

  StatusOr<Article> Run() {
    SplitLines();
    RemoveDebris();
    RemoveRepeats();
    if (options_.lift_metadata) {
      LiftMetaLines(/*at_start=*/true);
      if (doc_.title.empty()) RemoveSectionLabels();
    }
    HandleTitle();
    if (options_.lift_metadata) {
      LiftDateline();
      LiftMetaLines(/*at_start=*/false);
    }
    CutSignOff();
    return Finish();
  }

 private:
  void SplitLines() {
    auto add_block = [&](std::string_view block, int line, bool count_lines) {
      size_t start = 0;
      while (start <= block.size()) {
        size_t nl = block.find('\n', start);
        if (nl == std::string_view::npos) nl = block.size();
        std::string_view piece = block.substr(start, nl - start);
        if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
        std::string text = text::Normalise(piece);
        if (!text.empty()) units_.push_back({line, piece, std::move(text), false});
        if (count_lines) ++line;
        start = nl + 1;
      }
    };
    if (!doc_.paragraphs.empty()) {
      // A paragraph with line breaks inside holds several lines; they keep
      // the paragraph's number.
      for (size_t i = 0; i < doc_.paragraphs.size(); ++i)
        add_block(doc_.paragraphs[i], static_cast<int>(i + 1), false);
    } else {
      add_block(doc_.text, 1, true);
    }
    n_ = units_.size();
  }

  void Remove(Unit& u, std::string_view reason) {
    u.removed = true;
    removed_.push_back({u.line, std::string(u.orig), std::string(reason)});
  }

  // Removes text[0, end) (a prefix) or text[begin, size) (a suffix) of the
  // line, keeping the rest; a line left empty is removed.
  void CutPrefix(Unit& u, size_t end, std::string_view reason) {
    std::string_view t = u.text;
    removed_.push_back({u.line, std::string(TrimSpace(t.substr(0, end))), std::string(reason)});
    u.text = std::string(TrimSpace(t.substr(end)));
    u.removed = u.text.empty();
  }
  void CutSuffix(Unit& u, size_t begin, std::string_view reason) {
    std::string_view t = u.text;
    removed_.push_back({u.line, std::string(TrimSpace(t.substr(begin))), std::string(reason)});
    u.text = std::string(TrimSpace(t.substr(0, begin)));
    u.removed = u.text.empty();
  }

  size_t NextKept(size_t from) const {
    while (from < n_ && units_[from].removed) ++from;
    return from;
  }

  // --- Debris ----------------------------------------------------------------------

  const std::string* DebrisReason(size_t i, LineRuleMatcher& line_m, LineRuleMatcher& head_m,
                                  LineRuleMatcher& tail_m, std::vector<std::unique_ptr<Utf8Matcher>>& line_end_m) {
    const std::string& t = units_[i].text;
    if (t.size() <= kMaxPhraseBytes) {
      auto it = r_.phrases.find(text::NormaliseForId(t));
      if (it != r_.phrases.end()) return &it->second;
    }
    const LineRuleSet::Rule* rule = line_m.Match(t);
    if (!rule && i < kEdgeLines) rule = head_m.Match(t);
    if (!rule && i + kEdgeLines >= n_) rule = tail_m.Match(t);
    if (rule) return &rule->reason;
    size_t from = t.size() > kLineEndWindowBytes ? t.size() - kLineEndWindowBytes : 0;
    while (from > 0 && internal::IsContinuationByte(t[from])) --from;
    std::string_view window = std::string_view(t).substr(from);
    for (size_t k = 0; k < r_.line_end.size(); ++k) {
      if (t.size() > r_.line_end[k].max_bytes || !line_end_m[k]->SetText(window)) continue;
      if (line_end_m[k]->Find() >= 0) return &r_.line_end[k].reason;
    }
    return nullptr;
  }

  void RemoveDebris() {
    LineRuleMatcher line_m(r_.line.get()), head_m(r_.head.get()), tail_m(r_.tail.get()),
        list_m(r_.list_headers.get()), cut_end_m(r_.cut_end.get());
    std::vector<std::unique_ptr<Utf8Matcher>> line_end_m;
    for (const LineEndRule& rule : r_.line_end) line_end_m.push_back(std::make_unique<Utf8Matcher>(rule.regex.get()));
    Utf8Matcher cut_start_m(r_.cut_start.regex.get());
    for (size_t i = 0; i < n_; ++i) {
      Unit& u = units_[i];
      if (u.removed) continue;
      if (list_m.Match(u.text)) {
        // The header and the headlines listed under it.
        Remove(u, "related-list");
        size_t j = i + 1;
        for (int items = 0; j < n_ && items < kMaxListItems && ListItem(units_[j].text); ++j, ++items)
          Remove(units_[j], "related-list");
        i = j - 1;
        continue;
      }
      if (const std::string* reason = DebrisReason(i, line_m, head_m, tail_m, line_end_m)) {
        Remove(u, *reason);
        continue;
      }
      size_t head_len = std::min(u.text.size(), kCutStartWindowBytes);
      while (head_len < u.text.size() && internal::IsContinuationByte(u.text[head_len])) ++head_len;
      if (cut_start_m.SetText(std::string_view(u.text).substr(0, head_len))) {
        int a = cut_start_m.Find();
        if (a >= 0 && cut_start_m.end() > 0) {
          CutPrefix(u, cut_start_m.end(), r_.cut_start.reasons[static_cast<size_t>(a)]);
          if (u.removed) continue;
        }
      }
      for (size_t start : TailStarts(u.text, kCutEndWindowBytes, false)) {
        if (const LineRuleSet::Rule* cut = cut_end_m.Match(std::string_view(u.text).substr(start))) {
          CutSuffix(u, start, cut->reason);
          break;
        }
      }
    }
  }

  // Every copy of a line repeated back to back (a photo caption shown
  // twice), and later copies of a long line repeated further on.
  void RemoveRepeats() {
    std::vector<size_t> kept;
    for (size_t i = 0; i < n_; ++i)
      if (!units_[i].removed) kept.push_back(i);
    std::vector<bool> repeated(kept.size(), false);
    for (size_t k = 1; k < kept.size(); ++k)
      if (units_[kept[k]].text == units_[kept[k - 1]].text) repeated[k] = repeated[k - 1] = true;
    // A headline shown twice at the top stays once: it is the title.
    if (!repeated.empty() && repeated[0] && doc_.title.empty() &&
        HeadlineLike(units_[kept[0]].text, options_.max_title_chars))
      repeated[0] = false;
    std::unordered_set<std::string_view> seen;
    for (size_t k = 0; k < kept.size(); ++k) {
      Unit& u = units_[kept[k]];
      if (repeated[k]) {
        Remove(u, "repeated-caption");
      } else if (u.text.size() >= kLongRepeatBytes && !seen.insert(u.text).second) {
        Remove(u, "repeated-line");
      }
    }
  }

  // --- Metadata --------------------------------------------------------------------

  void Merge(const MetaLine& m) {
    if (m.published && !published_) published_ = m.published;
    if (m.updated && !updated_) updated_ = m.updated;
    AddUnique(&authors_, m.authors);
    AddUnique(&editors_, m.editors);
    if (!m.outlet.empty() && meta_outlet_.empty()) meta_outlet_ = m.outlet;
  }

  // Date, byline and credit lines among the first or last few lines.
  void LiftMetaLines(bool at_start) {
    std::vector<size_t> window;
    if (at_start) {
      for (size_t i = NextKept(0); i < n_ && static_cast<int>(window.size()) < kHeadMetaLines; i = NextKept(i + 1))
        window.push_back(i);
    } else {
      for (size_t i = n_; i-- > 0 && static_cast<int>(window.size()) < kTailMetaLines;)
        if (!units_[i].removed) window.push_back(i);
      std::reverse(window.begin(), window.end());
    }
    internal::MetaMatchers mm(r_.meta);
    for (size_t i : window) {
      Unit& u = units_[i];
      std::optional<MetaLine> m = AnalyseMetaLine(u.text, r_.meta, &mm);
      // Metadata glued to the story is only split off at the start.
      if (!m || (!at_start && m->end != std::string_view::npos)) continue;
      Merge(*m);
      if (m->end == std::string_view::npos) Remove(u, m->reason);
      else CutPrefix(u, m->end, m->reason);
    }
  }

  // Section labels and breadcrumbs above the headline ("Regional",
  // "Ekonomi Bisnis") are navigation.
  void RemoveSectionLabels() {
    std::vector<size_t> top;
    for (size_t i = NextKept(0); i < n_ && top.size() < kMaxSectionLines + 2; i = NextKept(i + 1)) top.push_back(i);
    for (size_t k = 1; k <= kMaxSectionLines && k + 1 < top.size(); ++k) {
      if (!SectionLabel(units_[top[k - 1]].text)) return;
      if (HeadlineLike(units_[top[k]].text, options_.max_title_chars) && BodyLike(units_[top[k + 1]].text)) {
        for (size_t j = 0; j < k; ++j) Remove(units_[top[j]], "menu");
        return;
      }
    }
  }

  // The container's title repeated as the first line goes; without a
  // container title, a first line that reads as a headline is lifted.
  void HandleTitle() {
    size_t first = NextKept(0);
    if (first >= n_) return;
    Unit& u = units_[first];
    if (!doc_.title.empty()) {
      std::string line_key = text::NormaliseForId(u.text);
      std::string title_key = text::NormaliseForId(doc_.title);
      // Also "Title - Outlet" and similar suffixed forms.
      bool same = line_key == title_key ||
                  (HeadlineLike(u.text, options_.max_title_chars) && !title_key.empty() &&
                   line_key.size() <= title_key.size() + 40 && line_key.compare(0, title_key.size(), title_key) == 0);
      if (same) Remove(u, "metadata:title");
      return;
    }
    if (!options_.lift_metadata) return;
    // A headline may carry the outlet's dateline ("Kabarkota.com - Pasar
    // Baru Diresmikan"); a dateline followed by a story is not one.
    std::string_view candidate = u.text;
    std::optional<internal::Dateline> d = FindDateline(candidate, r_.meta);
    if (d) candidate = candidate.substr(d->body_begin);
    size_t next = NextKept(first + 1);
    if (!HeadlineLike(candidate, options_.max_title_chars) || next >= n_ || !BodyLike(units_[next].text)) return;
    if (d && (Utf8Length(candidate) > 120 || CapitalisedShare(candidate) < 0.5)) return;
    title_ = std::string(candidate);
    if (d) title_outlet_ = d->outlet;
    Remove(u, "metadata:title");
  }

  void LiftDateline() {
    // A case-less source drops the capitals a dateline is known by: there
    // its words and the story after it may start lower case.
    std::string kept_text;
    for (size_t i = NextKept(0); i < n_; i = NextKept(i + 1)) kept_text.append(units_[i].text).push_back('\n');
    const bool caseless = text::DetectLetterCase(kept_text) == LetterCase::kLower;
    int seen = 0;
    for (size_t i = NextKept(0); i < n_ && seen < kDatelineLines; i = NextKept(i + 1), ++seen) {
      Unit& u = units_[i];
      if (std::optional<internal::Dateline> d = FindDateline(u.text, r_.meta, /*alone=*/false, caseless)) {
        CutPrefix(u, d->body_begin, "dateline");
        dateline_outlet_ = d->outlet;
        return;
      }
      // A dateline on a line of its own ("Kabarkota.com -"), the story below.
      size_t next = NextKept(i + 1);
      std::optional<internal::Dateline> alone = FindDateline(u.text, r_.meta, /*alone=*/true, caseless);
      if (alone && next < n_ && BodyLike(units_[next].text)) {
        Remove(u, "dateline");
        dateline_outlet_ = alone->outlet;
        return;
      }
    }
  }

  // A sign-off code ending the last paragraph: "... kata dia. (ant)".
  void CutSignOff() {
    size_t i = n_;
    while (i > 0 && units_[i - 1].removed) --i;
    if (i == 0) return;
    Unit& u = units_[i - 1];
    Utf8Matcher m(r_.cut_last.regex.get());
    for (int round = 0; round < 2 && !u.removed; ++round) {
      std::vector<size_t> starts = TailStarts(u.text, kCutLastWindowBytes, true);
      if (starts.empty()) return;
      // ICU sees the tail only, from a little before the first candidate so
      // that look-behind works.
      constexpr size_t kLookBehindBytes = 16;
      size_t base = starts.front() > kLookBehindBytes ? starts.front() - kLookBehindBytes : 0;
      while (base > 0 && internal::IsContinuationByte(u.text[base])) --base;
      std::string_view tail = std::string_view(u.text).substr(base);
      if (!m.SetText(tail)) return;
      // The leftmost start matching wins: it takes the longest tail.
      int a = -1;
      size_t start = 0;
      for (size_t p : starts)
        if ((a = m.Matches(p - base)) >= 0) {
          start = p;
          break;
        }
      if (a < 0) return;
      CutSuffix(u, start, r_.cut_last.reasons[static_cast<size_t>(a)]);
    }
  }

  StatusOr<Article> Finish() {
    Article a;
    a.source = doc_.Locator();
    a.url = doc_.url;
    a.language = doc_.language.empty() ? "id" : doc_.language;
    for (Unit& u : units_)
      if (!u.removed && !u.text.empty()) a.paragraphs.push_back(std::move(u.text));
    std::stable_sort(removed_.begin(), removed_.end(),
                     [](const RemovedLine& x, const RemovedLine& y) { return x.line < y.line; });
    a.removed = std::move(removed_);
    if (a.paragraphs.empty())
      return Status::Corrupt(a.source + ": no article text after cleaning (" + std::to_string(a.removed.size()) +
                             " lines removed)");
    // The budget counts the text the analysers will read: paragraphs joined
    // by '\n', as Article::Text() builds it.
    size_t text_bytes = a.paragraphs.size() - 1;
    for (const std::string& p : a.paragraphs) text_bytes += p.size();
    if (options_.max_text_bytes > 0 && text_bytes > options_.max_text_bytes)
      return Status::TooLarge(a.source + ": article text too long to analyse: " + std::to_string(text_bytes) +
                              " bytes after cleaning (limit " + std::to_string(options_.max_text_bytes) + ")");
    // The container's metadata wins; what the text said fills the gaps.
    a.title = doc_.title.empty() ? title_ : text::Normalise(doc_.title);
    if (!doc_.outlet.empty()) a.outlet = doc_.outlet;
    else if (!dateline_outlet_.empty()) a.outlet = dateline_outlet_;
    else if (!title_outlet_.empty()) a.outlet = title_outlet_;
    else a.outlet = meta_outlet_;
    a.published = ParseContainerDate(doc_.date, r_.meta.dates);
    if (!a.published) a.published = published_ ? published_ : updated_;
    a.authors = doc_.authors.empty() ? authors_ : doc_.authors;
    a.editors = doc_.editors.empty() ? editors_ : doc_.editors;
    a.letter_case = text::DetectLetterCase(a.Text());
    if (options_.restore_case && a.letter_case != LetterCase::kMixed) {
      // The built-in model is loaded the first time a case-less article
      // comes (a thread-safe static): most runs never need it, and every
      // process start would pay for reading it.
      const std::shared_ptr<const text::Truecaser> truecaser =
          options_.truecaser ? options_.truecaser : text::Truecaser::Builtin();
      if (truecaser) {
        // One snapshot for the whole article, so its paragraphs and title
        // agree even while the pipeline publishes a newer one.
        const std::shared_ptr<const CasedNames> names =
            options_.cased_names ? options_.cased_names->Current() : nullptr;
        for (std::string& p : a.paragraphs) truecaser->Restore(&p, a.letter_case, names.get());
        // A title is short: restored only when it has no letter of the other
        // case at all (a cased headline over case-less text stays).
        if (text::DetectLetterCase(a.title, 1) == a.letter_case)
          truecaser->Restore(&a.title, a.letter_case, names.get());
      }
    }
    return a;
  }

  const Cleaner::Rules& r_;
  const CleanOptions& options_;
  const RawDocument& doc_;
  std::vector<Unit> units_;
  size_t n_ = 0;
  std::vector<RemovedLine> removed_;
  // Lifted from the text.
  std::optional<DateTime> published_, updated_;
  std::vector<std::string> authors_, editors_;
  std::string title_, dateline_outlet_, title_outlet_, meta_outlet_;
};

}  // namespace

Cleaner::Cleaner(CleanOptions options, std::unique_ptr<const Rules> rules)
    : options_(std::move(options)), rules_(std::move(rules)) {}

Cleaner::~Cleaner() = default;

StatusOr<std::unique_ptr<Cleaner>> Cleaner::Create(const CleanOptions& options) {
  WARTA_ASSIGN_OR_RETURN(internal::RuleFiles files, internal::RuleFiles::Load(options.rules_dir));
  auto rules = std::make_unique<Rules>();

  std::vector<LineRuleSet::Rule> line, head, tail, cut_end, headers;
  std::vector<RegexAlternation::Source> cut_start, cut_last;
  const internal::RuleFile& debris = files.Get("debris.tsv");
  for (const internal::RuleLine& l : debris.lines) {
    std::string origin = debris.origin + ":" + std::to_string(l.line);
    if (l.fields.size() != 3 && l.fields.size() != 4)
      return Status::InvalidArgument(origin + ": expected reason<TAB>scope<TAB>regex[<TAB>max], got " +
                                     std::to_string(l.fields.size()) + " fields");
    const std::string& reason = l.fields[0];
    const std::string& scope = l.fields[1];
    const std::string& regex = l.fields[2];
    size_t max_bytes = kDefaultRuleMaxBytes;
    if (l.fields.size() == 4) {
      WARTA_ASSIGN_OR_RETURN(max_bytes, ParseMax(origin, l.fields[3]));
    }
    if (scope == "line") {
      line.push_back({regex, origin, reason, max_bytes});
    } else if (scope == "head") {
      head.push_back({regex, origin, reason, max_bytes});
    } else if (scope == "tail") {
      tail.push_back({regex, origin, reason, max_bytes});
    } else if (scope == "line-end") {
      WARTA_ASSIGN_OR_RETURN(auto alt, RegexAlternation::Compile({{regex, origin}}, RegexAlternation::Anchor::kLineEnd));
      rules->line_end.push_back({std::move(alt), reason, max_bytes});
    } else if (scope == "cut-start") {
      cut_start.push_back({"^(?:" + regex + ")", origin});
      rules->cut_start.reasons.push_back(reason);
    } else if (scope == "cut-end") {
      cut_end.push_back({regex, origin, reason, kCutEndWindowBytes});
    } else if (scope == "cut-last") {
      cut_last.push_back({regex, origin});
      rules->cut_last.reasons.push_back(reason);
    } else {
      return Status::InvalidArgument(origin + ": unknown scope '" + scope +
                                     "' (line, line-end, head, tail, cut-start, cut-end, cut-last)");
    }
  }
  WARTA_ASSIGN_OR_RETURN(rules->line, LineRuleSet::Compile(std::move(line)));
  WARTA_ASSIGN_OR_RETURN(rules->head, LineRuleSet::Compile(std::move(head)));
  WARTA_ASSIGN_OR_RETURN(rules->tail, LineRuleSet::Compile(std::move(tail)));
  WARTA_ASSIGN_OR_RETURN(rules->cut_end, LineRuleSet::Compile(std::move(cut_end)));
  WARTA_ASSIGN_OR_RETURN(rules->cut_start.regex, RegexAlternation::Compile(cut_start, RegexAlternation::Anchor::kWhole));
  WARTA_ASSIGN_OR_RETURN(rules->cut_last.regex, RegexAlternation::Compile(cut_last, RegexAlternation::Anchor::kWhole));

  const internal::RuleFile& phrase_file = files.Get("debris_phrases.tsv");
  for (const internal::RuleLine& l : phrase_file.lines) {
    std::string origin = phrase_file.origin + ":" + std::to_string(l.line);
    if (l.fields.size() != 2) return Status::InvalidArgument(origin + ": expected reason<TAB>phrase");
    std::string key = text::NormaliseForId(l.fields[1]);
    if (key.empty()) return Status::InvalidArgument(origin + ": phrase has no letters or digits");
    rules->phrases.emplace(std::move(key), l.fields[0]);
  }

  const internal::RuleFile& header_file = files.Get("list_headers.txt");
  for (const internal::RuleLine& l : header_file.lines) {
    // Brackets, quotes and a closing colon around a header are allowed.
    headers.push_back({"[\\[(\u201c\"'\u2018\u00ab]?\\s*(?:" + l.fields[0] +
                           ")\\s*:?\\s*[\\])\u201d\"'\u2019\u00bb]?\\s*:?",
                       header_file.origin + ":" + std::to_string(l.line), "related-list", kMaxListHeaderBytes});
  }
  WARTA_ASSIGN_OR_RETURN(rules->list_headers, LineRuleSet::Compile(std::move(headers)));
  WARTA_ASSIGN_OR_RETURN(rules->meta, internal::MetadataVocabulary::FromRules(
                                          files, options.lexicon ? *options.lexicon : *text::Lexicon::Builtin()));
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(rules)));
}

StatusOr<Article> Cleaner::Clean(const RawDocument& doc) const { return CleanRun(*rules_, options_, doc).Run(); }

}  // namespace warta::clean
