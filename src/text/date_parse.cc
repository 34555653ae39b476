#include "text/date_parse.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::text {

namespace internal {
// Defined in the source CMake generates from data/timezones.tsv (months and
// weekdays come from the lexicon).
extern const std::string_view kTimezonesData;
}  // namespace internal

namespace {



// Blank lines and lines starting with '#' are skipped.
DateTable ParseTable(std::string origin, std::string_view text) {
  DateTable t;
  t.origin = std::move(origin);
  int number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    line = TrimAsciiBlanks(line);
    if (line.empty() || line.front() == '#') continue;
    DateTable::Row row;
    row.line = number;
    while (true) {
      size_t tab = line.find('\t');
      row.fields.emplace_back(TrimAsciiBlanks(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

StatusOr<int> ParseIntField(const DateTable& file, const DateTable::Row& line, size_t index) {
  if (line.fields.size() <= index)
    return Status::InvalidArgument(file.origin + ":" + std::to_string(line.line) + ": expected " +
                                   std::to_string(index + 1) + " tab-separated fields");
  const std::string& f = line.fields[index];
  int v = 0;
  const char* b = f.data();
  const char* e = f.data() + f.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || b == e)
    return Status::InvalidArgument(file.origin + ":" + std::to_string(line.line) + ": '" + f +
                                   "' is not a number");
  return v;
}

}  // namespace

StatusOr<DateVocabulary> DateVocabulary::FromTables(const Lexicon& lexicon, const DateTable& zones) {
  DateVocabulary v;
  for (const MonthName& m : lexicon.months()) v.months[m.word] = m.number;
  for (const WeekdayName& d : lexicon.weekdays()) v.weekdays.insert(d.word);
  // Indonesia's zones are words of the lexicon (timex_parts.tsv), which the
  // time-expression tagger reads too; news write them upper-case ("WIB").
  for (const TimexPart& p : lexicon.timex_parts()) {
    if (p.kind != TimexPartKind::kZone) continue;
    std::string name = p.word;
    for (char& c : name)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    v.zones.emplace_back(std::move(name), p.value);
  }
  for (const DateTable::Row& l : zones.rows) {
    WARTA_ASSIGN_OR_RETURN(int minutes, ParseIntField(zones, l, 1));
    if (minutes < -14 * 60 || minutes > 14 * 60)
      return Status::InvalidArgument(zones.origin + ":" + std::to_string(l.line) +
                                     ": offset must be within +-840 minutes");
    v.zones.emplace_back(l.fields[0], minutes);
  }
  std::stable_sort(v.zones.begin(), v.zones.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return v;
}

DateVocabulary DateVocabulary::FromLexicon(const Lexicon& lexicon) {
  StatusOr<DateVocabulary> v =
      FromTables(lexicon, ParseTable("<built-in>/timezones.tsv", internal::kTimezonesData));
  // Only the zone table can fail, and the built-in one is tested; a failure
  // here is a build defect.
  if (!v.ok()) {
    std::fprintf(stderr, "warta: built-in date words: %s\n", v.status().ToString().c_str());
    std::abort();
  }
  return *std::move(v);
}

const DateVocabulary& BuiltinDateVocabulary() {
  static const DateVocabulary vocab = DateVocabulary::FromLexicon(*Lexicon::Builtin());
  return vocab;
}

namespace {

struct Tok {
  enum Kind { kNum, kWord, kPunct } kind = kPunct;
  size_t b = 0;
  size_t e = 0;
  bool space_before = false;
  int value = 0;           // kNum
  int digits = 0;          // kNum
  std::string_view lower;  // kWord: ASCII-lower-cased text (a view of DateParser::lower_)
  char32_t cp = 0;         // kPunct
};

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

std::vector<Tok> Tokenise(std::string_view s, std::string_view lower) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 4 + 4);
  size_t pos = 0;
  bool space = false;
  while (pos < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++pos;
      continue;
    }
    Tok t;
    t.b = pos;
    t.space_before = space;
    space = false;
    if (c >= '0' && c <= '9') {
      t.kind = Tok::kNum;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (t.digits < 9) t.value = t.value * 10 + (s[pos] - '0');
        ++t.digits;
        ++pos;
      }
    } else {
      size_t p = pos;
      char32_t cp = Utf8Next(s, &p);
      if (IsLetter(cp)) {
        t.kind = Tok::kWord;
        pos = p;
        while (pos < s.size()) {
          size_t q = pos;
          char32_t next = Utf8Next(s, &q);
          if (IsLetter(next)) {
            pos = q;
            continue;
          }
          // An apostrophe between letters stays in the word ("Jum'at").
          if (next == '\'' || next == U'\u2019') {
            size_t r = q;
            if (r < s.size() && IsLetter(Utf8Next(s, &r))) {
              pos = q;
              continue;
            }
          }
          break;
        }
        t.lower = lower.substr(t.b, pos - t.b);
      } else {
        t.kind = Tok::kPunct;
        t.cp = cp;
        pos = p;
      }
    }
    t.e = pos;
    toks.push_back(std::move(t));
  }
  return toks;
}

class DateParser {
 public:
  DateParser(std::string_view text, const DateVocabulary& vocab)
      : s_(text), lower_(AsciiLower(text)), v_(vocab), t_(Tokenise(text, lower_)) {}

  std::optional<DateMatch> Find() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].kind == Tok::kPunct) continue;
      if (auto m = ParseAt(i)) return m;
    }
    return std::nullopt;
  }

 private:
  bool Num(size_t i, int max_digits = 9, int min_digits = 1) const {
    return i < t_.size() && t_[i].kind == Tok::kNum && t_[i].digits >= min_digits &&
           t_[i].digits <= max_digits;
  }
  bool Punct(size_t i, char32_t cp) const {
    return i < t_.size() && t_[i].kind == Tok::kPunct && t_[i].cp == cp;
  }
  bool Glued(size_t i) const { return i < t_.size() && !t_[i].space_before; }
  int Month(size_t i) const {
    if (i >= t_.size() || t_[i].kind != Tok::kWord) return 0;
    if (t_[i].lower.size() > 12) return 0;
    auto it = v_.months.find(std::string(t_[i].lower));
    return it == v_.months.end() ? 0 : it->second;
  }
  bool Word(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= t_.size() || t_[i].kind != Tok::kWord) return false;
    for (std::string_view w : words)
      if (t_[i].lower == w) return true;
    return false;
  }

  // Numeric D/M/Y or Y-M-D written without spaces, e.g. "28/03/2017".
  bool Compact(size_t j, char32_t* sep) const {
    if (j + 4 >= t_.size()) return false;
    for (char32_t c : {U'/', U'-', U'.'}) {
      if (Punct(j + 1, c) && Punct(j + 3, c)) {
        *sep = c;
        return Glued(j + 1) && Glued(j + 2) && Glued(j + 3) && Glued(j + 4) && Num(j) && Num(j + 2) &&
               Num(j + 4);
      }
    }
    return false;
  }

  std::optional<DateMatch> ParseAt(size_t i) const {
    size_t j = i;
    if (t_[j].kind == Tok::kWord && t_[j].lower.size() <= 12 && v_.weekdays.count(std::string(t_[j].lower))) {
      ++j;
      if (Punct(j, ',') || Punct(j, '.')) ++j;
    }
    DateTime dt;
    size_t k = 0;
    char32_t sep = 0;
    if (Compact(j, &sep)) {
      int a = t_[j].value, b = t_[j + 2].value, c = t_[j + 4].value;
      if (t_[j].digits == 4 && t_[j + 2].digits <= 2 && t_[j + 4].digits <= 2) {
        dt.year = a, dt.month = b, dt.day = c;
      } else if (t_[j].digits <= 2 && t_[j + 2].digits <= 2 && t_[j + 4].digits == 4) {
        dt.day = a, dt.month = b, dt.year = c;
        if (dt.month > 12 && dt.day <= 12) std::swap(dt.day, dt.month);  // US order
      } else {
        return std::nullopt;
      }
      k = j + 5;
    } else if (Num(j, 2)) {  // 21 Januari 2024, 21-Jan-2024, 21st January 2024
      dt.day = t_[j].value;
      k = j + 1;
      if (Word(k, {"st", "nd", "rd", "th"}) && Glued(k)) ++k;
      if (Punct(k, '-') || Punct(k, '/') || Punct(k, '.')) ++k;
      dt.month = Month(k);
      if (!dt.month) return std::nullopt;
      ++k;
      if (Punct(k, '.') && Glued(k)) ++k;
      if (Punct(k, ',') || Punct(k, '-') || Punct(k, '/')) ++k;
      if (!Num(k, 4, 4)) return std::nullopt;
      dt.year = t_[k].value;
      ++k;
    } else if (int m = Month(j)) {  // January 21, 2024
      dt.month = m;
      k = j + 1;
      if (Punct(k, '.') && Glued(k)) ++k;
      if (!Num(k, 2)) return std::nullopt;
      dt.day = t_[k].value;
      ++k;
      if (Word(k, {"st", "nd", "rd", "th"}) && Glued(k)) ++k;
      if (Punct(k, ',')) ++k;
      if (!Num(k, 4, 4)) return std::nullopt;
      dt.year = t_[k].value;
      ++k;
    } else {
      return std::nullopt;
    }
    if (dt.year < 1900 || dt.year > 2100 || !dt.IsValid()) return std::nullopt;
    DateMatch m;
    m.begin = t_[i].b;
    m.end = t_[k - 1].e;
    ParseTime(k, &dt, &m.end);
    m.value = dt;
    return m;
  }

  void ParseTime(size_t k, DateTime* dt, size_t* end) const {
    size_t t = k;
    for (int skipped = 0; skipped < 2 && t < t_.size(); ++skipped) {
      const Tok& tok = t_[t];
      bool sep = tok.kind == Tok::kPunct &&
                 (tok.cp == ',' || tok.cp == '|' || tok.cp == '-' || tok.cp == U'\u2013' || tok.cp == U'\u2014' ||
                  tok.cp == U'\u2022' || tok.cp == U'\u00b7' || tok.cp == '/' || tok.cp == '@' || tok.cp == '(');
      if (!sep && !Word(t, {"pukul", "pkl", "jam", "at", "t"})) break;
      ++t;
    }
    if (!Num(t, 2) || t_[t].value > 23) return;
    char32_t sep = 0;
    if (Punct(t + 1, ':')) sep = ':';
    else if (Punct(t + 1, '.')) sep = '.';
    if (!sep || !Glued(t + 1) || !Glued(t + 2) || !Num(t + 2, 2, 2) || t_[t + 2].value > 59) return;
    int hour = t_[t].value, minute = t_[t + 2].value, second = 0;
    size_t u = t + 3;
    if (Punct(u, sep) && Glued(u) && Glued(u + 1) && Num(u + 1, 2, 2) && t_[u + 1].value <= 60) {
      second = t_[u + 1].value;
      u += 2;
      // ISO fractional seconds are dropped.
      if (sep == ':' && (Punct(u, '.') || Punct(u, ',')) && Glued(u) && Glued(u + 1) && Num(u + 1)) u += 2;
    }
    // "10.15" followed by more digits is a number ("10.150"), not a time.
    if (u < t_.size() && t_[u].kind == Tok::kNum && Glued(u)) return;
    if (Word(u, {"am", "pm"})) {
      if (hour < 1 || hour > 12) return;
      if (t_[u].lower == "pm" && hour != 12) hour += 12;
      if (t_[u].lower == "am" && hour == 12) hour = 0;
      ++u;
    }
    dt->hour = hour;
    dt->minute = minute;
    dt->second = second;
    dt->has_time = true;
    *end = t_[u - 1].e;
    ParseZone(u, dt, end);
  }

  // Reads "+0700", "+07:00", "-05:00" at u; `short_hours` also allows "+7".
  bool ParseOffset(size_t u, bool short_hours, int* minutes, size_t* last) const {
    if (!(Punct(u, '+') || Punct(u, '-')) || !Glued(u + 1)) return false;
    int sign = t_[u].cp == '-' ? -1 : 1;
    if (Num(u + 1, 4, 4)) {
      *minutes = sign * (t_[u + 1].value / 100 * 60 + t_[u + 1].value % 100);
      *last = u + 1;
    } else if (Num(u + 1, 2) && (short_hours || t_[u + 1].digits == 2)) {
      int h = t_[u + 1].value, m = 0;
      *last = u + 1;
      if (Punct(u + 2, ':') && Glued(u + 2) && Num(u + 3, 2, 2) && Glued(u + 3)) {
        m = t_[u + 3].value;
        *last = u + 3;
      } else if (!short_hours) {
        return false;
      }
      *minutes = sign * (h * 60 + m);
    } else {
      return false;
    }
    return *minutes >= -14 * 60 && *minutes <= 14 * 60;
  }

  void ParseZone(size_t u, DateTime* dt, size_t* end) const {
    int minutes = 0;
    size_t last = 0;
    if (ParseOffset(u, false, &minutes, &last)) {
      dt->has_offset = true;
      dt->offset_minutes = minutes;
      *end = t_[last].e;
      return;
    }
    if (u >= t_.size() || t_[u].kind != Tok::kWord) return;
    std::string_view word = s_.substr(t_[u].b, t_[u].e - t_[u].b);
    for (const auto& [name, offset] : v_.zones) {
      bool whole = t_[u].lower.size() == name.size() && t_[u].lower == AsciiLower(name);
      // A one-letter zone ("Z") only counts glued to the time.
      if (whole && name.size() == 1 && !Glued(u)) continue;
      // Scraped pages glue the zone to the next line: "14:32 WIBPYONGYANG".
      bool glued_prefix = !whole && name.size() >= 3 && word.size() > name.size() &&
                          word.substr(0, name.size()) == name &&
                          word[name.size()] >= 'A' && word[name.size()] <= 'Z';
      if (!whole && !glued_prefix) continue;
      dt->has_offset = true;
      dt->offset_minutes = offset;
      *end = glued_prefix ? t_[u].b + name.size() : t_[u].e;
      if (whole && (name == "GMT" || name == "UTC") && ParseOffset(u + 1, true, &minutes, &last)) {
        dt->offset_minutes = minutes;
        *end = t_[last].e;
      }
      return;
    }
  }

  std::string_view s_;
  std::string lower_;
  const DateVocabulary& v_;
  std::vector<Tok> t_;
};

}  // namespace

std::optional<DateMatch> FindDate(std::string_view text, const DateVocabulary& vocab) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return DateParser(text, vocab).Find();
}

std::optional<DateTime> ParsePublicationDate(std::string_view text) {
  return ParsePublicationDate(text, BuiltinDateVocabulary());
}

std::optional<DateTime> ParsePublicationDate(std::string_view text, const DateVocabulary& vocab) {
  if (auto iso = DateTime::ParseIso(TrimSpace(text))) return iso;
  auto m = FindDate(text, vocab);
  if (!m) return std::nullopt;
  return m->value;
}

}  // namespace warta::text
