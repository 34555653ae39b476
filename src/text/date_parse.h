// Finding a publication date-time inside a line of news metadata ("Senin, 27
// Maret 2017 10:15 WIB", "19 Nov 2024, 19:09", "28/03/2017 08:00",
// "2017-03-27T10:15:00+07:00", "January 21, 2024 2:32 PM"). Below both the
// html stage (page metadata) and the clean stage (metadata lines), which use
// it without depending on each other. Thread-safe: no mutable shared state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/datetime.h"
#include "core/status.h"
#include "text/lexicon.h"

namespace warta::text {

// One table the date words come from: where it was read (for messages) and
// its meaningful lines, each with its 1-based line number and tab-separated
// fields.
struct DateTable {
  struct Row {
    int line = 0;
    std::vector<std::string> fields;
  };
  std::string origin;  // "<built-in>/months.tsv", "/dir/months.tsv"
  std::vector<Row> rows;
};

// The words dates are written with: months, weekdays and Indonesia's zones
// (WIB, WITA, WIT) from the lexicon (text/lexicon.h), the other zones from
// timezones.tsv (built in from text/data/; the clean stage lets a rules
// directory replace it).
struct DateVocabulary {
  std::unordered_map<std::string, int> months;  // lower-case name -> 1..12
  std::unordered_set<std::string> weekdays;     // lower-case
  // Zone names as written, longest first (so "WITA" is tried before "WIT").
  std::vector<std::pair<std::string, int>> zones;

  // Months and weekdays: every name the lexicon has (abbreviated and English
  // ones too: a publication date is written in any of them); zones: the
  // lexicon's (upper-cased), then `zones`' rows, name<TAB>minutes east of
  // UTC (within +-840). Fails naming "<origin>:<line>" of the first bad zone
  // row.
  static StatusOr<DateVocabulary> FromTables(const Lexicon& lexicon, const DateTable& zones);
  // `lexicon`'s names with the built-in zone table (a lexicon given with
  // --lexicon; the built-in one is BuiltinDateVocabulary()).
  static DateVocabulary FromLexicon(const Lexicon& lexicon);
};

// The vocabulary of the built-in tables (ParsePublicationDate uses it).
const DateVocabulary& BuiltinDateVocabulary();

struct DateMatch {
  DateTime value;
  size_t begin = 0;  // byte offsets of the whole expression in the text,
  size_t end = 0;    // weekday and time zone included
};

// The first date with a year in `text`, with the weekday before it and the
// time and zone after it when present. A zone is set only when written.
std::optional<DateMatch> FindDate(std::string_view text, const DateVocabulary& vocab);

// Parses a publication date-time as written in Indonesian or English news
// metadata: "Senin, 27 Maret 2017 10:15 WIB", "19 Nov 2024, 19:09",
// "Selasa, 28/03/2017 08:00", "27 Mar 2017 | 10:15", "January 21, 2024 2:32
// PM", "2017-03-27T10:15:00+07:00", RFC 2822 "Mon, 27 Mar 2017 10:15:00
// +0700". The first date with a year in `text` is taken. A zone (WIB +07:00,
// WITA +08:00, WIT +09:00, GMT+7, +0700, Z) sets the offset; without one
// has_offset stays false. nullopt when there is no valid date.
std::optional<DateTime> ParsePublicationDate(std::string_view text);
// The same with another vocabulary's month, weekday and zone names.
std::optional<DateTime> ParsePublicationDate(std::string_view text, const DateVocabulary& vocab);

}  // namespace warta::text
