// Internal to the clean stage: finding a publication date-time inside a line
// of news metadata ("Senin, 27 Maret 2017 10:15 WIB", "19 Nov 2024, 19:09",
// "28/03/2017 08:00", "2017-03-27T10:15:00+07:00", "January 21, 2024 2:32 PM").
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

namespace warta::clean::internal {

class RuleFiles;

// The words dates are written with: months and weekdays from the lexicon
// (text/lexicon.h), zones from timezones.tsv.
struct DateVocabulary {
  std::unordered_map<std::string, int> months;  // lower-case name -> 1..12
  std::unordered_set<std::string> weekdays;     // lower-case
  // Zone names as written, longest first (so "WITA" is tried before "WIT").
  std::vector<std::pair<std::string, int>> zones;

  static StatusOr<DateVocabulary> FromRules(const RuleFiles& rules, const text::Lexicon& lexicon);
};

// The vocabulary of the built-in rules (ParsePublicationDate uses it).
const DateVocabulary& BuiltinDateVocabulary();

struct DateMatch {
  DateTime value;
  size_t begin = 0;  // byte offsets of the whole expression in the text,
  size_t end = 0;    // weekday and time zone included
};

// The first date with a year in `text`, with the weekday before it and the
// time and zone after it when present. A zone is set only when written.
std::optional<DateMatch> FindDate(std::string_view text, const DateVocabulary& vocab);

}  // namespace warta::clean::internal
