#include "clean/cleaner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "clean/date_parse.h"
#include "clean/metadata.h"
#include "clean/rules.h"
#include "core/utf8.h"
#include "text/normalise.h"

namespace warta::clean {

using internal::AnalyseMetaLine;
using internal::FindDateline;
using internal::MetaLine;
using internal::MetaMatchers;
using internal::RegexAlternation;
using internal::RuleFiles;
using internal::Utf8Matcher;

namespace {

// A line rule without a `max` column applies to lines up to this long.
constexpr size_t kDefaultRuleMaxBytes = 200;
// Where scope "head"/"tail" rules apply, in lines from either end.
constexpr size_t kEdgeLines = 8;
// Metadata lines are lifted only among this many remaining lines at the
// start (title and date lines) or at the end (credits) of the text.
constexpr int kHeadMetaLines = 6;
constexpr int kTailMetaLines = 5;
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
// line-end rules look only at the end of a line.
constexpr size_t kLineEndWindowBytes = 120;
// cut-start rules look only at the start of a line.
constexpr size_t kCutStartWindowBytes = 120;
// Cut rules look only at the end of a line.
constexpr size_t kCutEndWindowBytes = 300;
constexpr size_t kCutLastWindowBytes = 120;

struct Unit {
  int line = 0;
  std::string_view orig;  // as written (without '\r')
  std::string text;       // Normalise()d, possibly cut
  bool removed = false;
};

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

char32_t FirstCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t p = 0;
  return Utf8Next(s, &p);
}

char32_t LastCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t p = s.size() - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return Utf8Next(s, &p);
}

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
    if (!u_isalpha(static_cast<UChar32>(first))) continue;
    if (Utf8Length(w) < 4) continue;
    ++long_words;
    if (u_isupper(static_cast<UChar32>(first))) ++capitalised;
  }
  return long_words ? static_cast<double>(capitalised) / long_words : 0.0;
}

// Two sentences ("... . Namun ...") are body text, never a headline.
bool HasSentenceBreak(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
        u_isupper(static_cast<UChar32>(FirstCp(s.substr(i + 2)))) && i > 0 && s[i - 1] != ' ' &&
        !(i >= 1 && u_isupper(static_cast<UChar32>(static_cast<unsigned char>(s[i - 1]))) &&
          (i < 2 || s[i - 2] == ' ')))  // an initial such as "M. Rizky"
      return true;
  }
  return false;
}

// A headline: short, one phrase, no closing period, and either written in
// title case (as Indonesian outlets do) or short enough to be a
// sentence-case headline rather than a sentence.
bool HeadlineLike(std::string_view s, size_t max_chars) {
  if (s.empty() || Utf8Length(s) > max_chars) return false;
  size_t words = Words(s).size();
  if (words < 2 || words > 30) return false;
  char32_t last = LastCp(s);
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  char32_t first = FirstCp(s);
  if (!(u_isalnum(static_cast<UChar32>(first)) || IsQuote(first))) return false;
  if (HasSentenceBreak(s)) return false;
  if (CapitalisedShare(s) >= 0.5) return true;
  return words <= 16 && last != '?' && last != '!' && !IsQuote(last) && u_isupper(static_cast<UChar32>(first));
}

bool BodyLike(std::string_view s) { return Words(s).size() >= 8 || (EndsSentence(s) && Words(s).size() >= 3); }

// An item of a related-headline list: bulleted, numbered, or a short line
// written like a headline.
bool ListItem(std::string_view s) {
  static constexpr std::string_view kBullets[] = {"- ", "\u2022", "\u00b7", "* ", "\u00bb", "\u203a", "\u2013 ",
                                                  "\u2014 ", "\u25aa", "\u25ba", "\u25a0", "\u25cf", "\u25cb",
                                                  "\u25e6", "\u25b8", "> "};
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

std::optional<DateTime> ParseContainerDate(std::string_view raw, const internal::DateVocabulary& vocab) {
  std::string_view s = TrimSpace(raw);
  if (s.empty()) return std::nullopt;
  if (auto iso = DateTime::ParseIso(s)) return iso;
  // Feeds sometimes give Unix time, in seconds or milliseconds.
  if (s.size() >= 9 && s.size() <= 13 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
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


// Line rules of one scope, grouped by their length limit: alternation k
// holds the rules whose `max` is at least limits[k], so a line of length L
// needs one match attempt, against the first k with limits[k] >= L.
struct LineRules {
  RegexAlternation::Anchor anchor = RegexAlternation::Anchor::kWhole;
  std::vector<size_t> limits;
  std::vector<std::unique_ptr<RegexAlternation>> alternations;
  std::vector<std::vector<std::string>> reasons;

  // The alternation for a line of `length` bytes, or -1 when none applies.
  int For(size_t length) const {
    auto it = std::lower_bound(limits.begin(), limits.end(), length);
    return it == limits.end() ? -1 : static_cast<int>(it - limits.begin());
  }
};

// Per-call matchers over a LineRules (see Utf8Matcher).
class LineMatcher {
 public:
  explicit LineMatcher(const LineRules& rules) : rules_(rules) {
    for (const auto& a : rules.alternations) matchers_.push_back(std::make_unique<Utf8Matcher>(a.get()));
  }
  // The reason of the rule matching the whole line (kWhole rules) or its
  // end (kLineEnd rules), or nullptr.
  const std::string* Match(std::string_view line) {
    int k = rules_.For(line.size());
    if (k < 0) return nullptr;
    Utf8Matcher& m = *matchers_[static_cast<size_t>(k)];
    if (!m.SetText(line)) return nullptr;
    // A line-end match lies within the line's last kLineEndWindowBytes.
    size_t from = line.size() > kLineEndWindowBytes ? line.size() - kLineEndWindowBytes : 0;
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    int a = rules_.anchor == RegexAlternation::Anchor::kWhole ? m.Matches() : m.Find(from);
    return a < 0 ? nullptr : &rules_.reasons[static_cast<size_t>(k)][static_cast<size_t>(a)];
  }

 private:
  const LineRules& rules_;
  std::vector<std::unique_ptr<Utf8Matcher>> matchers_;
};

struct LineRuleSource {
  RegexAlternation::Source source;
  std::string reason;
  size_t max_bytes;
};

StatusOr<LineRules> CompileLineRules(const std::vector<LineRuleSource>& rules,
                                     RegexAlternation::Anchor anchor = RegexAlternation::Anchor::kWhole) {
  LineRules out;
  out.anchor = anchor;
  for (const LineRuleSource& r : rules) out.limits.push_back(r.max_bytes);
  std::sort(out.limits.begin(), out.limits.end());
  out.limits.erase(std::unique(out.limits.begin(), out.limits.end()), out.limits.end());
  for (size_t limit : out.limits) {
    std::vector<RegexAlternation::Source> sources;
    std::vector<std::string> reasons;
    for (const LineRuleSource& r : rules) {
      if (r.max_bytes < limit) continue;
      sources.push_back(r.source);
      reasons.push_back(r.reason);
    }
    WARTA_ASSIGN_OR_RETURN(auto alt, RegexAlternation::Compile(sources, anchor));
    out.alternations.push_back(std::move(alt));
    out.reasons.push_back(std::move(reasons));
  }
  return out;
}

// Tries a cut alternation at each candidate start (ascending) and returns
// the reason of the first match running to the end of `text`, setting
// *start. Only the tail of the text, from a little before the first
// candidate (for look-behind), is handed to ICU.
const std::string* MatchTail(Utf8Matcher* m, const std::vector<std::string>& reasons, std::string_view text,
                             const std::vector<size_t>& starts, size_t* start) {
  if (starts.empty()) return nullptr;
  constexpr size_t kLookBehindBytes = 16;
  size_t base = starts.front() > kLookBehindBytes ? starts.front() - kLookBehindBytes : 0;
  while (base > 0 && (static_cast<unsigned char>(text[base]) & 0xC0) == 0x80) --base;
  std::string_view tail = text.substr(base);
  if (!m->SetText(tail)) return nullptr;
  for (size_t p : starts) {
    int a = m->Matches(p - base, tail.size());
    if (a >= 0) {
      *start = p;
      return &reasons[static_cast<size_t>(a)];
    }
  }
  return nullptr;
}

// Positions in the last `window` bytes of `s` that start a sentence (after
// . ! ? or a closing quote, and a space) or, when `any_word`, any word.
std::vector<size_t> TailStarts(std::string_view s, size_t window, bool any_word) {
  std::vector<size_t> out;
  size_t from = s.size() > window ? s.size() - window : 1;
  for (size_t p = std::max<size_t>(from, 1); p < s.size(); ++p) {
    if (s[p] == ' ' || s[p - 1] != ' ') continue;
    if (any_word) {
      out.push_back(p);
      continue;
    }
    size_t q = p - 1;
    while (q > 0 && s[q] == ' ') --q;
    unsigned char c = static_cast<unsigned char>(s[q]);
    // '”' and '’' end in bytes 0x9D and 0x99 after E2 80.
    bool closing_quote = q >= 2 && static_cast<unsigned char>(s[q - 2]) == 0xE2 &&
                         static_cast<unsigned char>(s[q - 1]) == 0x80 && (c == 0x9D || c == 0x99);
    if (c == '.' || c == '!' || c == '?' || c == '"' || closing_quote) out.push_back(p);
  }
  return out;
}

}  // namespace

struct Cleaner::Rules {
  std::unique_ptr<internal::LineRuleSet> line, head, tail, list_headers, cut_end;
  LineRules line_end;
  std::unique_ptr<RegexAlternation> cut_start, cut_last;
  std::vector<std::string> cut_start_reasons, cut_last_reasons;
  std::unordered_map<std::string, std::string> phrases;  // NormaliseForId(line) -> reason
  internal::MetadataVocabulary meta;
};

Cleaner::Cleaner(CleanOptions options, std::unique_ptr<const Rules> rules)
    : options_(std::move(options)), rules_(std::move(rules)) {}

Cleaner::~Cleaner() = default;

StatusOr<std::unique_ptr<Cleaner>> Cleaner::Create(const CleanOptions& options) {
  WARTA_ASSIGN_OR_RETURN(RuleFiles files, RuleFiles::Load(options.rules_dir));
  auto rules = std::make_unique<Rules>();

  std::vector<internal::LineRuleSet::Rule> line, head, tail, headers, cut_end;
  std::vector<LineRuleSource> line_end;
  std::vector<RegexAlternation::Source> cut_start, cut_last;
  const internal::RuleFile& debris = files.Get("debris.tsv");
  for (const internal::RuleLine& l : debris.lines) {
    std::string origin = debris.origin + ":" + std::to_string(l.line);
    if (l.fields.size() != 3 && l.fields.size() != 4)
      return Status::InvalidArgument(origin + ": expected reason<TAB>scope<TAB>regex[<TAB>max], got " +
                                     std::to_string(l.fields.size()) + " fields");
    const std::string& reason = l.fields[0];
    const std::string& scope = l.fields[1];
    size_t max_bytes = kDefaultRuleMaxBytes;
    if (l.fields.size() == 4) {
      const std::string& f = l.fields[3];
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), max_bytes);
      if (ec != std::errc() || p != f.data() + f.size() || max_bytes == 0)
        return Status::InvalidArgument(origin + ": max '" + f + "' is not a positive number");
    }
    internal::LineRuleSet::Rule rule{l.fields[2], origin, reason, max_bytes};
    RegexAlternation::Source source{l.fields[2], origin};
    if (scope == "line") line.push_back(rule);
    else if (scope == "line-end") line_end.push_back({source, reason, max_bytes});
    else if (scope == "head") head.push_back(rule);
    else if (scope == "tail") tail.push_back(rule);
    else if (scope == "cut-end") cut_end.push_back({l.fields[2], origin, reason, kCutEndWindowBytes});
    else if (scope == "cut-start")
      cut_start.push_back({"^(?:" + l.fields[2] + ")", origin}), rules->cut_start_reasons.push_back(reason);
    else if (scope == "cut-last") cut_last.push_back(source), rules->cut_last_reasons.push_back(reason);
    else
      return Status::InvalidArgument(origin + ": unknown scope '" + scope +
                                     "' (line, line-end, head, tail, cut-start, cut-end, cut-last)");
  }
  WARTA_ASSIGN_OR_RETURN(rules->line, internal::LineRuleSet::Compile(std::move(line)));
  WARTA_ASSIGN_OR_RETURN(rules->head, internal::LineRuleSet::Compile(std::move(head)));
  WARTA_ASSIGN_OR_RETURN(rules->tail, internal::LineRuleSet::Compile(std::move(tail)));
  WARTA_ASSIGN_OR_RETURN(rules->line_end, CompileLineRules(line_end, RegexAlternation::Anchor::kLineEnd));
  WARTA_ASSIGN_OR_RETURN(rules->cut_end, internal::LineRuleSet::Compile(std::move(cut_end)));
  WARTA_ASSIGN_OR_RETURN(rules->cut_start, RegexAlternation::Compile(cut_start, RegexAlternation::Anchor::kWhole));
  WARTA_ASSIGN_OR_RETURN(rules->cut_last, RegexAlternation::Compile(cut_last, RegexAlternation::Anchor::kWhole));

  const internal::RuleFile& phrase_file = files.Get("debris_phrases.tsv");
  for (const internal::RuleLine& l : phrase_file.lines) {
    if (l.fields.size() != 2)
      return Status::InvalidArgument(phrase_file.origin + ":" + std::to_string(l.line) +
                                     ": expected reason<TAB>phrase");
    std::string key = text::NormaliseForId(l.fields[1]);
    if (key.empty())
      return Status::InvalidArgument(phrase_file.origin + ":" + std::to_string(l.line) +
                                     ": phrase has no letters or digits");
    rules->phrases.emplace(std::move(key), l.fields[0]);
  }

  const internal::RuleFile& header_file = files.Get("list_headers.txt");
  for (const internal::RuleLine& l : header_file.lines) {
    // Brackets, quotes and a closing colon around a header are allowed.
    headers.push_back({"[\\[(\u201c\"'\u2018\u00ab]?\\s*(?:" + l.fields[0] +
                           ")\\s*:?\\s*[\\])\u201d\"'\u2019\u00bb]?\\s*:?",
                       header_file.origin + ":" + std::to_string(l.line), "related-list", kMaxListHeaderBytes});
  }
  WARTA_ASSIGN_OR_RETURN(rules->list_headers, internal::LineRuleSet::Compile(std::move(headers)));
  WARTA_ASSIGN_OR_RETURN(rules->meta, internal::MetadataVocabulary::FromRules(files));
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(rules)));
}

StatusOr<Article> Cleaner::Clean(const RawDocument& doc) const {
  const Rules& r = *rules_;
  Article article;
  article.source = doc.Locator();
  article.url = doc.url;
  article.language = doc.language.empty() ? "id" : doc.language;

  // --- Lines -------------------------------------------------------------------
  std::vector<Unit> units;
  auto add_block = [&](std::string_view block, int line, bool count_lines) {
    size_t start = 0;
    while (start <= block.size()) {
      size_t nl = block.find('\n', start);
      if (nl == std::string_view::npos) nl = block.size();
      std::string_view piece = block.substr(start, nl - start);
      if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
      std::string text = text::Normalise(piece);
      if (!text.empty()) units.push_back({line, piece, std::move(text), false});
      if (count_lines) ++line;
      start = nl + 1;
    }
  };
  if (!doc.paragraphs.empty()) {
    for (size_t i = 0; i < doc.paragraphs.size(); ++i) add_block(doc.paragraphs[i], static_cast<int>(i + 1), false);
  } else {
    add_block(doc.text, 1, true);
  }
  const size_t n = units.size();

  std::vector<RemovedLine> removed;
  auto remove = [&](Unit& u, std::string_view reason) {
    u.removed = true;
    removed.push_back({u.line, std::string(u.orig), std::string(reason)});
  };

  // --- Debris ------------------------------------------------------------------------
  internal::LineRuleMatcher line_m(r.line.get()), head_m(r.head.get()), tail_m(r.tail.get()),
      list_m(r.list_headers.get()), cut_end_m(r.cut_end.get());
  LineMatcher line_end_m(r.line_end);
  Utf8Matcher cut_start_m(r.cut_start.get()), cut_last_m(r.cut_last.get());
  for (size_t i = 0; i < n; ++i) {
    Unit& u = units[i];
    if (u.removed) continue;
    if (list_m.Match(u.text)) {
      remove(u, "related-list");
      size_t j = i + 1;
      for (int items = 0; j < n && items < kMaxListItems && ListItem(units[j].text); ++j, ++items)
        remove(units[j], "related-list");
      i = j - 1;
      continue;
    }
    if (u.text.size() <= kMaxPhraseBytes) {
      auto it = r.phrases.find(text::NormaliseForId(u.text));
      if (it != r.phrases.end()) {
        remove(u, it->second);
        continue;
      }
    }
    const internal::LineRuleSet::Rule* rule = line_m.Match(u.text);
    if (!rule && i < kEdgeLines) rule = head_m.Match(u.text);
    if (!rule && i + kEdgeLines >= n) rule = tail_m.Match(u.text);
    const std::string* reason = rule ? &rule->reason : line_end_m.Match(u.text);
    if (reason) {
      remove(u, *reason);
      continue;
    }
    if (cut_start_m.SetText(u.text)) {
      int a = cut_start_m.Find(0, std::min(u.text.size(), kCutStartWindowBytes));
      if (a >= 0 && cut_start_m.end() > 0) {
        std::string_view t = u.text;
        removed.push_back({u.line, std::string(TrimSpace(t.substr(0, cut_start_m.end()))),
                           r.cut_start_reasons[static_cast<size_t>(a)]});
        u.text = std::string(TrimSpace(t.substr(cut_start_m.end())));
        if (u.text.empty()) {
          u.removed = true;
          continue;
        }
      }
    }
    for (size_t start : TailStarts(u.text, kCutEndWindowBytes, false)) {
      std::string_view t = u.text;
      const internal::LineRuleSet::Rule* cut = cut_end_m.Match(t.substr(start));
      if (!cut) continue;
      removed.push_back({u.line, std::string(TrimSpace(t.substr(start))), cut->reason});
      u.text = std::string(TrimSpace(t.substr(0, start)));
      if (u.text.empty()) u.removed = true;
      break;
    }
  }

  // --- Repeated lines ----------------------------------------------------------------
  {
    std::vector<size_t> kept;
    for (size_t i = 0; i < n; ++i)
      if (!units[i].removed) kept.push_back(i);
    std::vector<bool> repeated(kept.size(), false);
    for (size_t k = 1; k < kept.size(); ++k) {
      if (units[kept[k]].text == units[kept[k - 1]].text) repeated[k] = repeated[k - 1] = true;
    }
    // A headline shown twice at the top stays once: it is the title.
    if (!repeated.empty() && repeated[0] && doc.title.empty() &&
        HeadlineLike(units[kept[0]].text, options_.max_title_chars))
      repeated[0] = false;
    std::unordered_set<std::string_view> seen;
    for (size_t k = 0; k < kept.size(); ++k) {
      Unit& u = units[kept[k]];
      if (repeated[k]) {
        remove(u, "repeated-caption");
      } else if (u.text.size() >= kLongRepeatBytes && !seen.insert(u.text).second) {
        remove(u, "repeated-line");
      }
    }
  }

  // --- Metadata ------------------------------------------------------------------------
  std::optional<DateTime> lifted_published, lifted_updated;
  std::vector<std::string> lifted_authors, lifted_editors;
  std::string dateline_outlet, title_outlet, meta_outlet, lifted_title;
  auto merge = [&](const MetaLine& m) {
    if (m.published && !lifted_published) lifted_published = m.published;
    if (m.updated && !lifted_updated) lifted_updated = m.updated;
    AddUnique(&lifted_authors, m.authors);
    AddUnique(&lifted_editors, m.editors);
    if (!m.outlet.empty() && meta_outlet.empty()) meta_outlet = m.outlet;
  };
  auto next_kept = [&](size_t from) {
    while (from < n && units[from].removed) ++from;
    return from;
  };

  if (options_.lift_metadata) {
    MetaMatchers mm(r.meta);
    // Date, byline and credit lines at the start.
    int seen = 0;
    for (size_t i = next_kept(0); i < n && seen < kHeadMetaLines; i = next_kept(i + 1), ++seen) {
      Unit& u = units[i];
      std::optional<MetaLine> m = AnalyseMetaLine(u.text, r.meta, &mm);
      if (!m) continue;
      merge(*m);
      if (m->end == std::string_view::npos) {
        remove(u, m->reason);
      } else {
        // Metadata glued to the story: keep the story part.
        std::string_view t = u.text;
        removed.push_back({u.line, std::string(TrimSpace(t.substr(0, m->end))), m->reason});
        u.text = std::string(TrimSpace(t.substr(m->end)));
      }
    }
  }

  // The headline.
  if (size_t first = next_kept(0); first < n) {
    Unit& u = units[first];
    if (!doc.title.empty()) {
      std::string line_key = text::NormaliseForId(u.text);
      std::string title_key = text::NormaliseForId(doc.title);
      bool same = line_key == title_key ||
                  (HeadlineLike(u.text, options_.max_title_chars) && !title_key.empty() &&
                   line_key.size() <= title_key.size() + 40 && line_key.compare(0, title_key.size(), title_key) == 0);
      if (same) remove(u, "metadata:title");
    } else if (options_.lift_metadata) {
      // A headline may carry the outlet's dateline ("Merdeka.com - Kado
      // Indah Untuk Totti"); a dateline followed by a long story is not one.
      std::string_view candidate = u.text;
      std::optional<internal::Dateline> d = FindDateline(candidate, r.meta);
      if (d) candidate = candidate.substr(d->body_begin);
      size_t next = next_kept(first + 1);
      if (HeadlineLike(candidate, options_.max_title_chars) &&
          (!d || (Utf8Length(candidate) <= 120 && CapitalisedShare(candidate) >= 0.5)) &&
          next < n && BodyLike(units[next].text)) {
        lifted_title = std::string(candidate);
        if (d && !d->outlet.empty()) title_outlet = d->outlet;
        remove(u, "metadata:title");
      }
    }
  }

  if (options_.lift_metadata) {
    // The dateline.
    int seen = 0;
    for (size_t i = next_kept(0); i < n && seen < kDatelineLines; i = next_kept(i + 1), ++seen) {
      Unit& u = units[i];
      std::optional<internal::Dateline> d = FindDateline(u.text, r.meta);
      if (!d) continue;
      std::string_view t = u.text;
      removed.push_back({u.line, std::string(TrimSpace(t.substr(0, d->body_begin))), "dateline"});
      u.text = std::string(t.substr(d->body_begin));
      dateline_outlet = d->outlet;
      break;
    }

    // Credits and dates at the end.
    MetaMatchers mm(r.meta);
    std::vector<size_t> tail;
    for (size_t i = n; i-- > 0 && static_cast<int>(tail.size()) < kTailMetaLines;)
      if (!units[i].removed) tail.push_back(i);
    std::reverse(tail.begin(), tail.end());
    for (size_t i : tail) {
      std::optional<MetaLine> m = AnalyseMetaLine(units[i].text, r.meta, &mm);
      if (!m || m->end != std::string_view::npos) continue;
      merge(*m);
      remove(units[i], m->reason);
    }
  }

  // A sign-off code ending the last paragraph: "... kata dia. (ant)".
  for (size_t i = n; i-- > 0;) {
    if (units[i].removed) continue;
    for (int round = 0; round < 2 && !units[i].text.empty(); ++round) {
      size_t start = 0;
      const std::string* reason = MatchTail(&cut_last_m, r.cut_last_reasons, units[i].text,
                                            TailStarts(units[i].text, kCutLastWindowBytes, true), &start);
      if (!reason) break;
      std::string_view t = units[i].text;
      removed.push_back({units[i].line, std::string(TrimSpace(t.substr(start))), *reason});
      units[i].text = std::string(TrimSpace(t.substr(0, start)));
    }
    if (units[i].text.empty()) units[i].removed = true;
    break;
  }

  // --- Result --------------------------------------------------------------------------
  for (Unit& u : units)
    if (!u.removed && !u.text.empty()) article.paragraphs.push_back(std::move(u.text));
  std::stable_sort(removed.begin(), removed.end(),
                   [](const RemovedLine& a, const RemovedLine& b) { return a.line < b.line; });
  article.removed = std::move(removed);
  if (article.paragraphs.empty()) {
    return Status::Corrupt(article.source + ": no article text after cleaning (" +
                           std::to_string(article.removed.size()) + " lines removed)");
  }

  article.title = doc.title.empty() ? lifted_title : text::Normalise(doc.title);
  if (!doc.outlet.empty()) article.outlet = doc.outlet;
  else if (!dateline_outlet.empty()) article.outlet = dateline_outlet;
  else if (!title_outlet.empty()) article.outlet = title_outlet;
  else article.outlet = meta_outlet;
  article.published = ParseContainerDate(doc.date, r.meta.dates);
  if (!article.published) article.published = lifted_published ? lifted_published : lifted_updated;
  article.authors = doc.authors.empty() ? lifted_authors : doc.authors;
  article.editors = lifted_editors;
  return article;
}

}  // namespace warta::clean
