#include "clean/cleaner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
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
// A related-list header is short.
constexpr size_t kMaxListHeaderBytes = 80;
// A related-headline list after its header has at most this many items.
constexpr int kMaxListItems = 40;
// A repeated line at least this long is a duplicate even when not adjacent.
constexpr size_t kLongRepeatBytes = 60;
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

bool HeadlineLike(std::string_view s, size_t max_chars) {
  if (s.empty() || Utf8Length(s) > max_chars) return false;
  if (Words(s).size() < 2) return false;
  char32_t last = LastCp(s);
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  return u_isalnum(static_cast<UChar32>(FirstCp(s))) || IsQuote(FirstCp(s));
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
  // The reason of the rule matching the whole line, or nullptr.
  const std::string* Match(std::string_view line) {
    int k = rules_.For(line.size());
    if (k < 0) return nullptr;
    Utf8Matcher& m = *matchers_[static_cast<size_t>(k)];
    if (!m.SetText(line)) return nullptr;
    int a = m.Matches();
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

StatusOr<LineRules> CompileLineRules(const std::vector<LineRuleSource>& rules) {
  LineRules out;
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
    WARTA_ASSIGN_OR_RETURN(auto alt, RegexAlternation::Compile(sources, RegexAlternation::Anchor::kWhole));
    out.alternations.push_back(std::move(alt));
    out.reasons.push_back(std::move(reasons));
  }
  return out;
}

// Tries a cut alternation at each candidate start from the left; returns the
// reason and sets *start on the first (leftmost) start matching to the end.
const std::string* MatchTail(Utf8Matcher* m, const std::vector<std::string>& reasons, std::string_view text,
                             const std::vector<size_t>& starts, size_t* start) {
  if (starts.empty() || !m->SetText(text)) return nullptr;
  for (size_t p : starts) {
    int a = m->Matches(p, text.size());
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
    std::string_view before = TrimSpace(s.substr(0, p));
    char32_t last = LastCp(before);
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == U'\u201d' || last == U'\u2019')
      out.push_back(p);
  }
  return out;
}

}  // namespace

struct Cleaner::Rules {
  LineRules line, head, tail;
  std::unique_ptr<RegexAlternation> cut_end, cut_last, list_headers;
  std::vector<std::string> cut_end_reasons, cut_last_reasons;
  internal::MetadataVocabulary meta;
};

Cleaner::Cleaner(CleanOptions options, std::unique_ptr<const Rules> rules)
    : options_(std::move(options)), rules_(std::move(rules)) {}

Cleaner::~Cleaner() = default;

StatusOr<std::unique_ptr<Cleaner>> Cleaner::Create(const CleanOptions& options) {
  WARTA_ASSIGN_OR_RETURN(RuleFiles files, RuleFiles::Load(options.rules_dir));
  auto rules = std::make_unique<Rules>();

  std::vector<LineRuleSource> line, head, tail;
  std::vector<RegexAlternation::Source> cut_end, cut_last;
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
    RegexAlternation::Source source{l.fields[2], origin};
    if (scope == "line") line.push_back({source, reason, max_bytes});
    else if (scope == "head") head.push_back({source, reason, max_bytes});
    else if (scope == "tail") tail.push_back({source, reason, max_bytes});
    else if (scope == "cut-end") cut_end.push_back(source), rules->cut_end_reasons.push_back(reason);
    else if (scope == "cut-last") cut_last.push_back(source), rules->cut_last_reasons.push_back(reason);
    else
      return Status::InvalidArgument(origin + ": unknown scope '" + scope +
                                     "' (line, head, tail, cut-end, cut-last)");
  }
  WARTA_ASSIGN_OR_RETURN(rules->line, CompileLineRules(line));
  WARTA_ASSIGN_OR_RETURN(rules->head, CompileLineRules(head));
  WARTA_ASSIGN_OR_RETURN(rules->tail, CompileLineRules(tail));
  WARTA_ASSIGN_OR_RETURN(rules->cut_end, RegexAlternation::Compile(cut_end, RegexAlternation::Anchor::kWhole));
  WARTA_ASSIGN_OR_RETURN(rules->cut_last, RegexAlternation::Compile(cut_last, RegexAlternation::Anchor::kWhole));

  const internal::RuleFile& headers = files.Get("list_headers.txt");
  std::vector<RegexAlternation::Source> header_sources;
  for (const internal::RuleLine& l : headers.lines) {
    // Brackets, quotes and a closing colon around a header are allowed.
    header_sources.push_back({"[\\[(\u201c\"'\u2018\u00ab]?\\s*(?:" + l.fields[0] +
                                  ")\\s*:?\\s*[\\])\u201d\"'\u2019\u00bb]?\\s*:?",
                              headers.origin + ":" + std::to_string(l.line)});
  }
  WARTA_ASSIGN_OR_RETURN(rules->list_headers,
                         RegexAlternation::Compile(header_sources, RegexAlternation::Anchor::kWhole));
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
  LineMatcher line_m(r.line), head_m(r.head), tail_m(r.tail);
  Utf8Matcher list_m(r.list_headers.get()), cut_end_m(r.cut_end.get()), cut_last_m(r.cut_last.get());
  for (size_t i = 0; i < n; ++i) {
    Unit& u = units[i];
    if (u.removed) continue;
    if (u.text.size() <= kMaxListHeaderBytes && list_m.SetText(u.text) && list_m.Matches() >= 0) {
      remove(u, "related-list");
      size_t j = i + 1;
      for (int items = 0; j < n && items < kMaxListItems && ListItem(units[j].text); ++j, ++items)
        remove(units[j], "related-list");
      i = j - 1;
      continue;
    }
    const std::string* reason = line_m.Match(u.text);
    if (!reason && i < kEdgeLines) reason = head_m.Match(u.text);
    if (!reason && i + kEdgeLines >= n) reason = tail_m.Match(u.text);
    if (reason) {
      remove(u, *reason);
      continue;
    }
    size_t start = 0;
    if (const std::string* cut_reason = MatchTail(&cut_end_m, r.cut_end_reasons, u.text,
                                                  TailStarts(u.text, kCutEndWindowBytes, false), &start)) {
      std::string_view t = u.text;
      removed.push_back({u.line, std::string(TrimSpace(t.substr(start))), *cut_reason});
      u.text = std::string(TrimSpace(t.substr(0, start)));
      if (u.text.empty()) u.removed = true;
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
  std::string dateline_outlet, meta_outlet, lifted_title;
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
    } else if (options_.lift_metadata && HeadlineLike(u.text, options_.max_title_chars)) {
      size_t next = next_kept(first + 1);
      if (next < n && BodyLike(units[next].text)) {
        lifted_title = u.text;
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
  else article.outlet = meta_outlet;
  article.published = ParseContainerDate(doc.date, r.meta.dates);
  if (!article.published) article.published = lifted_published ? lifted_published : lifted_updated;
  article.authors = doc.authors.empty() ? lifted_authors : doc.authors;
  article.editors = lifted_editors;
  return article;
}

}  // namespace warta::clean
