// Calendar arithmetic and TIMEX3 value formatting for the timex stage
// (internal to src/timex; the public contract is timex.h).
#pragma once

#include <cstdint>
#include <string>

namespace warta::timex {

// A proleptic Gregorian day.
struct Day {
  int y = 0, m = 0, d = 0;
  friend bool operator==(const Day&, const Day&) = default;
};

bool IsValidDay(int y, int m, int d);
int64_t ToDays(Day day);       // days since 1970-01-01
Day FromDays(int64_t days);
Day AddDays(Day day, int64_t n);
int IsoWeekday(Day day);       // 1 = Monday .. 7 = Sunday
// ISO 8601 week of `day`; the week-based year can differ from day.y near New Year.
void IsoWeek(Day day, int* week_year, int* week);
// The Monday of ISO week `week` of `week_year`.
Day IsoWeekMonday(int week_year, int week);

// TIMEX3 values.
std::string FormatDay(Day day);                    // 2024-11-18
std::string FormatMonth(int y, int m);             // 2024-11
std::string FormatYear(int y);                     // 2024 (years 0..9999)
std::string FormatWeek(Day any_day_in_week);       // 2024-W47
// 2024-11-18T10:00: TIMEX3 values carry no UTC offset (the zone goes in
// TimeExpression::utc_offset_minutes).
std::string FormatTime(const std::string& date, int hour, int minute);

}  // namespace warta::timex
