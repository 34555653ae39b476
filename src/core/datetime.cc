#include "core/datetime.h"

#include <date/date.h>

#include <charconv>
#include <cstdio>

namespace warta {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool DateTime::IsValid() const {
  if (year < 1 || year > 9999 || day < 1 || day > DaysInMonth(year, month)) return false;
  if (has_time && (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60))
    return false;
  if (has_offset && (offset_minutes < -14 * 60 || offset_minutes > 14 * 60)) return false;
  return true;
}

std::string DateTime::ToIso() const {
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out(buf, static_cast<size_t>(n));
  if (has_time) {
    n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
    out.append(buf, static_cast<size_t>(n));
    if (has_offset) {
      if (offset_minutes == 0) {
        out += 'Z';
      } else {
        int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
        out.append(buf, static_cast<size_t>(n));
      }
    }
  }
  return out;
}

int64_t DateTime::DaysSinceEpoch() const {
  using namespace date;
  auto ymd = date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
  return sys_days{ymd}.time_since_epoch().count();
}

std::string DateTime::SortKey() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

namespace {

bool ReadInt(std::string_view s, size_t pos, size_t len, int* out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, *out);
  return true;
}

}  // namespace

std::optional<DateTime> DateTime::ParseIso(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  DateTime dt;
  if (!ReadInt(s, 0, 4, &dt.year) || s.size() < 10 || s[4] != '-' || s[7] != '-' ||
      !ReadInt(s, 5, 2, &dt.month) || !ReadInt(s, 8, 2, &dt.day))
    return std::nullopt;
  size_t p = 10;
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != ' ') return std::nullopt;
    ++p;
    if (!ReadInt(s, p, 2, &dt.hour) || p + 2 >= s.size() || s[p + 2] != ':' || !ReadInt(s, p + 3, 2, &dt.minute))
      return std::nullopt;
    dt.has_time = true;
    p += 5;
    if (p < s.size() && s[p] == ':') {
      if (!ReadInt(s, p + 1, 2, &dt.second)) return std::nullopt;
      p += 3;
      if (p < s.size() && (s[p] == '.' || s[p] == ',')) {  // fractional seconds: dropped
        ++p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      }
    }
    if (p < s.size()) {
      if (s[p] == 'Z' && p + 1 == s.size()) {
        dt.has_offset = true;
      } else if (s[p] == '+' || s[p] == '-') {
        int oh = 0, om = 0;
        if (!ReadInt(s, p + 1, 2, &oh)) return std::nullopt;
        size_t q = p + 3;
        if (q < s.size() && s[q] == ':') ++q;
        if (q < s.size() && !ReadInt(s, q, 2, &om)) return std::nullopt;
        if (q < s.size()) q += 2;
        if (q != s.size()) return std::nullopt;
        dt.has_offset = true;
        dt.offset_minutes = (oh * 60 + om) * (s[p] == '-' ? -1 : 1);
      } else {
        return std::nullopt;
      }
    }
  }
  if (!dt.IsValid()) return std::nullopt;
  return dt;
}

DateTime DateTime::FromUnixSeconds(int64_t seconds) {
  using namespace std::chrono;
  sys_seconds tp{std::chrono::seconds{seconds}};
  auto day_point = date::floor<date::days>(tp);
  date::year_month_day ymd{day_point};
  date::hh_mm_ss<std::chrono::seconds> hms{tp - day_point};
  DateTime dt;
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  dt.hour = static_cast<int>(hms.hours().count());
  dt.minute = static_cast<int>(hms.minutes().count());
  dt.second = static_cast<int>(hms.seconds().count());
  dt.has_time = dt.has_offset = true;
  return dt;
}

}  // namespace warta
