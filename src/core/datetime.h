// DateTime: a calendar date with an optional time of day and UTC offset.
//
// News metadata is often partial ("19 Nov 2024" with no time, "14:32" with no
// zone). Warta keeps exactly what the source said and never invents the rest:
// has_time and has_offset say which parts are known. ToIso() writes the
// ISO 8601 form of what is known ("2024-01-21T14:32:00+07:00", "2024-11-19").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta {

struct DateTime {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC; WIB is +420

  // ISO 8601 of the known parts.
  std::string ToIso() const;
  // Days since 1970-01-01 of the local date (for range filters and sorting).
  int64_t DaysSinceEpoch() const;
  // "YYYYMMDD", the sortable key the search index stores.
  std::string SortKey() const;
  bool IsValid() const;

  // Parses ISO 8601 forms: "2024-01-21", "2024-01-21T14:32", "2024-01-21 14:32:05",
  // "2024-01-21T14:32:00Z", "...+07:00", "...+0700". Returns nullopt on
  // anything else or on an impossible date.
  static std::optional<DateTime> ParseIso(std::string_view text);
  // A Unix timestamp in seconds, as UTC.
  static DateTime FromUnixSeconds(int64_t seconds);

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// Days in `month` of `year` (Gregorian), 0 for an invalid month.
int DaysInMonth(int year, int month);

}  // namespace warta
