// Internal to the clean stage: recognising metadata lines (bylines, dates,
// editor and source credits) and the dateline that opens a news story.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "clean/rules.h"
#include "core/datetime.h"
#include "core/status.h"
#include "text/date_parse.h"

namespace warta::clean::internal {

using text::DateMatch;
using text::DateVocabulary;
using text::FindDate;

// The date words of a rule set (months.tsv, weekdays.txt, timezones.tsv).
StatusOr<DateVocabulary> DateVocabularyFromRules(const RuleFiles& rules);

enum class MetaField { kAuthor, kEditor, kSource, kDate, kUpdated };

// Everything metadata.tsv, places.txt, outlet_words.txt and the date files
// define, compiled. Immutable once built.
struct MetadataVocabulary {
  std::unique_ptr<RegexAlternation> labels;   // "<label> :" anywhere
  std::vector<MetaField> label_fields;        // per alternative of `labels`
  std::unique_ptr<RegexAlternation> bylines;  // "Oleh <name>" at the start
  std::unordered_set<std::string> places;     // lower-case
  std::vector<std::string> outlet_words;      // lower-case
  std::unordered_set<std::string> not_names;  // lower-case words never part of a name
  std::unordered_set<std::string> updated_words;  // lower-case words of `updated` labels
  std::unordered_set<std::string> date_words;     // ... of `date` labels
  std::unordered_set<std::string> label_words;    // ... of any label
  std::unordered_set<std::string> byline_words;   // ... of `byline` labels
  DateVocabulary dates;

  static StatusOr<MetadataVocabulary> FromRules(const RuleFiles& rules, const text::Lexicon& lexicon);
};

// Per-call matchers over a vocabulary (see Utf8Matcher).
struct MetaMatchers {
  explicit MetaMatchers(const MetadataVocabulary& v) : labels(v.labels.get()), bylines(v.bylines.get()) {}
  Utf8Matcher labels;
  Utf8Matcher bylines;
};

struct MetaLine {
  std::optional<DateTime> published;
  std::optional<DateTime> updated;
  std::vector<std::string> authors;
  std::vector<std::string> editors;
  std::string outlet;   // from a domain-like segment ("Kompas.com | 21/01/2024")
  std::string reason;   // "metadata:date", "metadata:author", ...
  // Byte offset where the metadata ends and article text glued to it begins
  // ("...14:32 WIBPYONGYANG, KOMPAS.TV - ..."); npos when it fills the line.
  size_t end = std::string_view::npos;
};

// The metadata `line` holds, or nullopt when it is (or may be) article text.
std::optional<MetaLine> AnalyseMetaLine(std::string_view line, const MetadataVocabulary& vocab,
                                        MetaMatchers* matchers);

struct Dateline {
  size_t body_begin = 0;  // byte offset of the story after the separator
  std::string outlet;     // "" when the dateline names only a place
  std::string place;
};

// "JAKARTA, KOMPAS.com - ...", "Bandung (ANTARA) - ...", "RIAU24.COM - ...",
// "Jakarta, CNN Indonesia -- ...": the prefix must be short and made of
// capitalised names, and the story must follow (or, when `alone`, nothing:
// the whole text is the dateline).
// `caseless`: the article is written without capitals (text/case.h), so
// the story after the dash and the dateline's words may start lower case
// ("suara.com - cerita ..."); a place must still be a known one, or the
// component a domain or an outlet's name.
std::optional<Dateline> FindDateline(std::string_view text, const MetadataVocabulary& vocab, bool alone = false,
                                     bool caseless = false);

// "Kompas.com", "RIAU24.COM", "aa.com.tr".
bool LooksLikeDomain(std::string_view s);
// One to five capitalised words, no digits, none a month, weekday or label.
bool LooksLikeName(std::string_view s, const MetadataVocabulary& vocab);

}  // namespace warta::clean::internal
