#include "timex/calendar.h"

#include <cstdio>

#include "core/datetime.h"

namespace warta::timex {

bool IsValidDay(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Howard Hinnant's civil-from-days algorithms: exact for the whole
// proleptic Gregorian calendar, no tables.
int64_t ToDays(Day day) {
  int64_t y = day.y - (day.m <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (day.m + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day.d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Day FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

Day AddDays(Day day, int64_t n) { return FromDays(ToDays(day) + n); }

int IsoWeekday(Day day) {
  const int64_t z = ToDays(day);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

void IsoWeek(Day day, int* week_year, int* week) {
  // The week belongs to the year of its Thursday.
  const Day thursday = AddDays(day, 4 - IsoWeekday(day));
  *week_year = thursday.y;
  *week = static_cast<int>((ToDays(thursday) - ToDays({thursday.y, 1, 1})) / 7) + 1;
}

Day IsoWeekMonday(int week_year, int week) {
  const Day jan4{week_year, 1, 4};
  const Day monday1 = AddDays(jan4, 1 - IsoWeekday(jan4));
  return AddDays(monday1, static_cast<int64_t>(week - 1) * 7);
}

std::string FormatDay(Day day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day.y, day.m, day.d);
  return buf;
}

std::string FormatMonth(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string FormatYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

std::string FormatWeek(Day any_day_in_week) {
  int wy = 0, w = 0;
  IsoWeek(any_day_in_week, &wy, &w);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", wy, w);
  return buf;
}

std::string FormatTime(const std::string& date, int hour, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  return date + buf;
}

}  // namespace warta::timex
