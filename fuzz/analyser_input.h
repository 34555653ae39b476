// Shared by the analyser fuzz targets (timex, claims): an Article built from
// the fuzzer's bytes, the span checks, and the TIMEX3 value grammar.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/datetime.h"
#include "core/utf8.h"
#include "fuzz_check.h"

namespace warta::fuzz {

// The first four bytes pick the publication date: byte 0 its kind (none, a
// date, or a date and time in WIB), then year (1900 + byte 1), month and
// day, so relative expressions resolve against varied dates, leap days and
// month ends included; the rest is the text, its lines the paragraphs. False
// when the text is not valid UTF-8.
inline bool ArticleFromInput(const uint8_t* data, size_t size, Article* article, std::string_view* text) {
  constexpr size_t kHeader = 4;
  if (size < kHeader) return false;
  const uint8_t kind = data[0] % 4;
  if (kind != 0) {
    DateTime dct;
    dct.year = 1900 + data[1];
    dct.month = 1 + data[2] % 12;
    dct.day = 1 + data[3] % DaysInMonth(dct.year, dct.month);
    if (kind == 3) {
      dct.has_time = true;
      dct.hour = data[1] % 24;
      dct.minute = data[3] % 60;
      dct.has_offset = true;
      dct.offset_minutes = 420;
    }
    article->published = dct;
  }
  *text = std::string_view(reinterpret_cast<const char*>(data + kHeader), size - kHeader);
  if (Utf8Validate(*text) != std::string_view::npos) return false;
  size_t start = 0;
  for (;;) {
    const size_t nl = text->find('\n', start);
    article->paragraphs.emplace_back(text->substr(start, nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return true;
}

// Code point offsets of a text, to check spans against it.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) at_.push_back(i);
    at_.push_back(text.size());
  }
  // The span lies inside the text (so on code point boundaries, as spans
  // count code points) and `covered` is exactly the text it covers.
  void CheckSpan(Span span, std::string_view covered, const char* what) const {
    FUZZ_CHECK(0 <= span.begin && span.begin <= span.end, what);
    FUZZ_CHECK(static_cast<size_t>(span.end) < at_.size(), what);
    const size_t b = at_[span.begin], e = at_[span.end];
    FUZZ_CHECK(text_.substr(b, e - b) == covered, what);
  }

 private:
  std::string_view text_;
  std::vector<size_t> at_;
};

namespace detail {

inline bool Digits(std::string_view s, size_t n) {
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
inline int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
// "NN" within [lo, hi], or "XX" when unknown is allowed.
inline bool Field(std::string_view s, int lo, int hi, bool unknown_ok) {
  if (s.size() != 2) return false;
  if (s == "XX") return unknown_ok;
  return Digits(s, 2) && Number(s) >= lo && Number(s) <= hi;
}

// "PT48H", "P3D", "PXD", "P1Y6M", "P2DE": a duration.
inline bool Duration(std::string_view v) {
  if (v.empty() || v[0] != 'P') return false;
  v.remove_prefix(1);
  bool in_time = false, any = false;
  while (!v.empty()) {
    if (v[0] == 'T' && !in_time) {
      in_time = true;
      v.remove_prefix(1);
      continue;
    }
    size_t n = 0;
    if (v[0] == 'X') {
      n = 1;
    } else {
      while (n < v.size() && ((v[n] >= '0' && v[n] <= '9') || (n > 0 && v[n] == '.'))) ++n;
    }
    if (n == 0 || v[n - 1] == '.') return false;
    v.remove_prefix(n);
    std::string_view units = in_time ? "HMS" : "YMWD";
    if (!in_time && (v.substr(0, 2) == "DE" || v.substr(0, 2) == "CE")) {
      v.remove_prefix(2);
    } else if (!v.empty() && units.find(v[0]) != std::string_view::npos) {
      v.remove_prefix(1);
    } else {
      return false;
    }
    any = true;
  }
  return any;
}

// "10:00", "10:00:05", "10:00+07:00", "MO": the part after 'T'.
inline bool Time(std::string_view v) {
  if (v == "MO" || v == "MI" || v == "AF" || v == "EV" || v == "NI" || v == "DT") return true;
  if (v.size() < 5 || !Field(v.substr(0, 2), 0, 24, false) || v[2] != ':' || !Field(v.substr(3, 2), 0, 59, false))
    return false;
  v.remove_prefix(5);
  if (v.size() >= 3 && v[0] == ':') {
    if (!Field(v.substr(1, 2), 0, 59, false)) return false;
    v.remove_prefix(3);
  }
  if (v.empty() || v == "Z") return true;
  return v.size() == 6 && (v[0] == '+' || v[0] == '-') && Field(v.substr(1, 2), 0, 14, false) && v[3] == ':' &&
         Field(v.substr(4, 2), 0, 59, false);
}

}  // namespace detail

// A TIMEX3 value as the timex stage writes them (timex/timex.h): "" (no
// value), PRESENT_REF/PAST_REF/FUTURE_REF, a duration, or a date of some
// granularity (2024, 199, 2024-11, 2024-11-18, 2024-W47, 2024-W46-WE,
// XXXX-WXX-7, 2024-H1, 2024-Q3, 2024-FA, XXXX-03-27) optionally followed by
// a time (T10:00+07:00, TAF). Month, day, week, hour and minute must exist:
// 2024-02-30 or T25:00 are not well-formed.
inline bool WellFormedTimexValue(std::string_view v) {
  using namespace detail;
  if (v.empty() || v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF") return true;
  if (v[0] == 'P') return Duration(v);
  std::string_view date = v, time;
  if (size_t t = v.find('T'); t != std::string_view::npos) {
    date = v.substr(0, t);
    time = v.substr(t + 1);
    if (!Time(time)) return false;
  }
  // The year: four digits, XXXX, or a decade (3) or century (2) as digits.
  size_t year_len = 0;
  if (date.substr(0, 4) == "XXXX") {
    year_len = 4;
  } else {
    while (year_len < date.size() && date[year_len] >= '0' && date[year_len] <= '9') ++year_len;
    if (year_len < 2 || year_len > 4) return false;
    if (year_len < 4 && (date.size() != year_len || !time.empty())) return false;
  }
  const bool year_known = date[0] != 'X';
  const int year = year_known && year_len == 4 ? Number(date.substr(0, 4)) : 2000;  // 2000: leap, so 29 Feb fits
  std::string_view rest = date.substr(year_len);
  if (rest.empty()) return time.empty();  // a time needs a day
  if (rest[0] != '-') return false;
  rest.remove_prefix(1);
  if (rest == "H1" || rest == "H2" || rest == "Q1" || rest == "Q2" || rest == "Q3" || rest == "Q4" || rest == "SP" ||
      rest == "SU" || rest == "FA" || rest == "WI")
    return time.empty();
  if (rest[0] == 'W') {
    // Week: W01..W53 or WXX, then nothing, -WE or -1..-7 (the weekday).
    if (!Field(rest.substr(1, 2), 1, 53, true)) return false;
    rest.remove_prefix(3);
    if (rest.empty()) return time.empty();
    if (rest == "-WE") return time.empty();
    return rest.size() == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7';
  }
  if (!Field(rest.substr(0, 2), 1, 12, true)) return false;
  const std::string_view month = rest.substr(0, 2);
  rest.remove_prefix(2);
  if (rest.empty()) return time.empty();
  if (rest.size() != 3 || rest[0] != '-') return false;
  const int days = month == "XX" ? 31 : DaysInMonth(year, Number(month));
  return Field(rest.substr(1, 2), 1, days, true);
}

}  // namespace warta::fuzz
