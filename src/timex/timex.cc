// Rule-based recognition over the shared tokenisation: every token gets its
// lexical roles once (month, weekday, unit, number word, part of day, ...),
// then at each token a set of small matchers proposes an expression and the
// longest proposal wins. Matchers read roles, never re-scan the text, so the
// cost is linear in the tokens.
#include "timex/timex.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>

#include "timex/calendar.h"

namespace warta::timex {
namespace {

using text::TokenKind;

enum Unit : uint8_t { kNoUnit, kSecond, kMinute, kHour, kDayU, kWeek, kMonthU, kYearU, kDecade, kCentury, kWaktu };

// Lexical roles of one lower-cased word.
struct Lex {
  int8_t month = 0;           // 1..12
  bool month_abbrev = false;  // "nov", "agt": only with a day or year beside it
  int8_t weekday = 0;         // ISO 1..7
  Unit unit = kNoUnit;        // "hari", "pekan", ...
  int unit_count = 0;         // 1 for "sehari", "setahun", 8 for "windu" (in years)
  int num = -1;               // number word value (1..9, 10, 11, 100)
  bool vague = false;         // "beberapa", "belasan"
  const char* pod = nullptr;  // part of day: "MO", "MI", "AF", "EV", "NI"
  int zone = -1;              // minutes east of UTC for WIB/WITA/WIT
  const char* season = nullptr;
  bool future = false;        // marks a clause about the future
  bool not_year_after = false;   // a number before this word is a quantity ("2000 orang")
  bool not_year_before = false;  // a number after this word is a quantity or an identifier
  bool speech = false;           // attributes reported speech: "kata", "ujarnya", "dikutip"
  bool past = false;             // marks a clause about the past ("telah", "lalu")
  bool anaphoric_dir = false;    // "kemudian", "sebelumnya": counted from the narrative's date
  bool starter = false;          // can begin an expression (the matchers run only at these)
};

// A phrase with a fixed meaning (timex.tsv's *_ref and anaphor classes, the
// holidays of timex_parts.tsv), looked up whole at its first word.
enum class PhraseKind : uint8_t { kPresentRef, kPastRef, kFutureRef, kAnaphor, kDayAnaphor, kHoliday };
struct Phrase {
  PhraseKind kind = PhraseKind::kPresentRef;
  bool clause_initial = false;        // only opening a clause
  bool possessable = false;           // a noun: not a time when a name follows ("masa depan Tevez")
  int day_offset = 0;                 // a day anaphor's distance from the narrative's day ("keesokan harinya" +1)
  int tokens = 1;                     // words in the phrase
  int month = 0, day = 0;             // a fixed holiday's day of the year
  std::vector<std::array<int, 3>> dated;  // a moving holiday's dates, year by year
};

// What the matchers look words up in, built once from the lexicon.
struct Words {
  std::unordered_map<std::string, Lex> roles;      // every word's lexical roles
  std::unordered_map<std::string, int> direction;  // after an expression: "lalu" -1, "ini" 0, "depan" 1
  std::unordered_map<std::string, int> modifier;   // before a month or year: "awal" 1, "pertengahan" 2, "akhir" 3
  std::unordered_map<std::string, int> day;        // a day from today: "kemarin" -1, "besok" 1, "lusa" 2
  // The words that join number words ("tiga puluh", "dua belas", "satu
  // setengah"), with their kind and value (number_words.tsv).
  std::unordered_map<std::string, const text::NumberWord*> number_joint;
  std::unordered_map<std::string, Phrase> phrases;  // "saat ini", "hari itu", "tahun baru", ...
  int max_phrase_tokens = 0;
};

}  // namespace

struct TimexTagger::Tables {
  Words words;
};

namespace {

Words BuildWords(const text::Lexicon& lexicon) {
  Words words;
  {
    auto* m = &words.roles;
    // An abbreviation or an English name ("agt", "may") is a month only
    // beside a day or a year.
    for (const text::MonthName& n : lexicon.months()) {
      (*m)[n.word].month = static_cast<int8_t>(n.number);
      (*m)[n.word].month_abbrev = n.abbreviation || n.english;
    }
    // Short weekday names ("sen", "min") are ordinary words in running text.
    for (const text::WeekdayName& d : lexicon.weekdays())
      if (!d.abbreviation && !d.english) (*m)[d.word].weekday = static_cast<int8_t>(d.number);
    // Units of time; "sehari", "windu" hold their count.
    for (const text::TimeUnitWord& u : lexicon.time_units()) {
      static constexpr Unit kUnits[] = {kSecond, kMinute, kHour, kDayU, kWeek, kMonthU, kYearU, kDecade, kCentury};
      static_assert(std::size(kUnits) == static_cast<size_t>(text::TimeUnit::kCount));
      (*m)[u.word].unit = kUnits[static_cast<size_t>(u.unit)];
      (*m)[u.word].unit_count = u.count;
    }
    // Number words 1-9 and the whole tens and hundred ("sepuluh", "sebelas", "seratus").
    for (const text::NumberWord& n : lexicon.number_words()) {
      if (n.kind == text::NumberKind::kUnit || n.kind == text::NumberKind::kTen) (*m)[n.word].num = static_cast<int>(n.value);
      // Looked up apart from the roles, like the modifiers below.
      if (n.kind == text::NumberKind::kTeen || n.kind == text::NumberKind::kTens ||
          n.kind == text::NumberKind::kHundreds || n.kind == text::NumberKind::kHalf)
        words.number_joint.emplace(n.word, &n);
    }
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexVague)) (*m)[w].vague = true;
    // Parts of day, zones and seasons are roles of the word; modifiers and
    // directions are looked up apart, so that they do not make a word
    // "known" (a capitalised unknown word after a month is a name: "Agustus Sani").
    // The codes point into the lexicon, which outlives the tagger's tables.
    for (const text::TimexPart& p : lexicon.timex_parts()) {
      switch (p.kind) {
        case text::TimexPartKind::kPartOfDay:
          (*m)[p.word].pod = p.code.c_str();
          break;
        case text::TimexPartKind::kZone:
          (*m)[p.word].zone = p.value;
          break;
        case text::TimexPartKind::kSeason:
          (*m)[p.word].season = p.code.c_str();
          break;
        case text::TimexPartKind::kModifier:
          words.modifier[p.word] = p.value;
          break;
        case text::TimexPartKind::kDirection:
          words.direction[p.word] = p.value;
          break;
        case text::TimexPartKind::kDay:
          words.day[p.word] = p.value;
          break;
        case text::TimexPartKind::kHoliday:  // phrases of their own (below)
        case text::TimexPartKind::kCount:
          break;
      }
    }
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexFuture)) (*m)[w].future = true;
    // Reported speech and its attribution: "kata", "ujarnya", "mengatakan",
    // "dikatakan", "dikutip", "menurut".
    for (const text::SpeechVerb& v : lexicon.speech_verbs()) {
      using text::SpeechRole;
      if (v.Has(SpeechRole::kAfter) || v.Has(SpeechRole::kBefore) || v.Has(SpeechRole::kPassive) ||
          v.Has(SpeechRole::kRelay) || v.Has(SpeechRole::kAccording))
        (*m)[v.word].speech = true;
    }
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexNotYearAfter)) (*m)[w].not_year_after = true;
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexNotYearBefore)) (*m)[w].not_year_before = true;
    for (auto& [word, l] : *m)
      l.starter = l.month || l.weekday || l.unit != kNoUnit || l.num > 0 || l.vague || l.pod || l.zone >= 0;
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexStarter)) (*m)[w].starter = true;
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexPast)) (*m)[w].past = true;
    for (const std::string& w : lexicon.Words(text::WordClass::kTimexAnaphoricDirection)) (*m)[w].anaphoric_dir = true;
  }
  auto add_phrase = [&](const std::string& phrase, PhraseKind kind) -> Phrase& {
    Phrase& p = words.phrases[phrase];
    p.kind = kind;
    p.tokens = 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
    words.max_phrase_tokens = std::max(words.max_phrase_tokens, p.tokens);
    words.roles[phrase.substr(0, phrase.find(' '))].starter = true;
    return p;
  };
  const std::pair<text::WordClass, PhraseKind> phrase_classes[] = {
      {text::WordClass::kTimexPresentRef, PhraseKind::kPresentRef},
      {text::WordClass::kTimexPastRef, PhraseKind::kPastRef},
      {text::WordClass::kTimexFutureRef, PhraseKind::kFutureRef},
      {text::WordClass::kTimexAnaphor, PhraseKind::kAnaphor},
      {text::WordClass::kTimexDayAnaphor, PhraseKind::kDayAnaphor}};
  for (const auto& [cls, kind] : phrase_classes)
    for (const std::string& w : lexicon.Words(cls)) add_phrase(w, kind);
  for (const std::string& w : lexicon.Words(text::WordClass::kTimexFutureRefInitial))
    add_phrase(w, PhraseKind::kFutureRef).clause_initial = true;
  for (const std::string& w : lexicon.Words(text::WordClass::kTimexDayAfter))
    add_phrase(w, PhraseKind::kDayAnaphor).day_offset = 1;
  for (const std::string& w : lexicon.Words(text::WordClass::kTimexPossessable))
    if (auto it = words.phrases.find(w); it != words.phrases.end()) it->second.possessable = true;
  for (const text::TimexPart& p : lexicon.timex_parts()) {
    if (p.kind != text::TimexPartKind::kHoliday) continue;
    Phrase& h = add_phrase(p.word, PhraseKind::kHoliday);
    const std::string& c = p.code;  // MM-DD or YYYY-MM-DD, checked by the lexicon
    if (c.size() == 5) h.month = std::atoi(c.substr(0, 2).c_str()), h.day = std::atoi(c.substr(3).c_str());
    else h.dated.push_back({std::atoi(c.substr(0, 4).c_str()), std::atoi(c.substr(5, 2).c_str()), std::atoi(c.substr(8).c_str())});
  }
  return words;
}

struct Tok {
  std::string_view raw;
  std::string lower;
  const Lex* lex = nullptr;
  TokenKind kind = TokenKind::kWord;
  int32_t cp_begin = 0, cp_end = 0;
  uint32_t begin = 0, end = 0;
  bool cap = false;         // starts with an upper-case ASCII letter
  bool line_start = false;  // first token of a line (paragraph)
  Unit redup = kNoUnit;     // "bertahun-tahun", "berbulan-bulan": a vague span of this unit
  bool quoted = false;      // inside a quotation opened earlier in its paragraph
};

bool IsSentenceEnd(const Tok& t) {
  return t.kind == TokenKind::kPunct && (t.raw == "." || t.raw == "!" || t.raw == "?" || t.raw == "...");
}

// Digits only (no separators) -> value, else -1.
int PlainInt(const Tok& t, size_t max_digits = 9) {
  if (t.kind != TokenKind::kNumber || t.raw.empty() || t.raw.size() > max_digits) return -1;
  int v = 0;
  for (char c : t.raw) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsYearToken(const Tok& t) { return t.kind == TokenKind::kNumber && t.raw.size() == 4 && PlainInt(t) >= 0; }

// "10.00", "14:32", "10" -> hour and minute; false for anything else.
bool ParseClock(std::string_view s, int* hour, int* minute, bool* has_minute) {
  size_t sep = s.find_first_of(".:");
  auto digits = [](std::string_view p, int* out) {
    if (p.empty() || p.size() > 2) return false;
    int v = 0;
    for (char c : p) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  };
  if (sep == std::string_view::npos) {
    *has_minute = false;
    *minute = 0;
    return digits(s, hour);
  }
  *has_minute = true;
  return s.find_first_of(".:", sep + 1) == std::string_view::npos && s.size() - sep - 1 == 2 &&
         digits(s.substr(0, sep), hour) && digits(s.substr(sep + 1), minute);
}

struct Match {
  size_t end = 0;  // one past the last token
  TimexType type = TimexType::kDate;
  std::string value;
  bool relative = false, invalid = false, implausible = false, weekday = false;
  bool suppress = false;   // consumed but not a time expression (a regulation number)
  bool written = false;    // the day is written out ("Sabtu (8/7)"), not computed
  std::string note;
  std::optional<Day> day;  // the day it denotes, when day-level
  std::optional<int> zone;  // minutes east of UTC written with a clock time
  bool anaphoric = false;   // counted from the narrative's date: does not move the narrative on
};

// A date the narrative is at, at the granularity written: y, y-m or y-m-d.
struct NarrativeDate {
  int y = 0, m = 0, d = 0;
  int sentence = -1;   // the sentence it was written in
  int paragraph = -1;  // and its paragraph (line)
};

// "bertahun-tahun", "berbulan-bulan", "berhari-hari": ber- and a reduplicated
// unit of time, a span of many such units (TIMEX3 PXY, PXM, PXD).
Unit Reduplicated(const std::string& w, const std::unordered_map<std::string, Lex>& roles) {
  const size_t dash = w.find('-');
  if (dash == std::string::npos || dash <= 3 || !w.starts_with("ber")) return kNoUnit;
  const std::string_view a = std::string_view(w).substr(3, dash - 3), b = std::string_view(w).substr(dash + 1);
  if (a != b) return kNoUnit;
  auto it = roles.find(std::string(a));
  if (it == roles.end() || it->second.unit_count || it->second.unit == kNoUnit) return kNoUnit;
  return it->second.unit;
}

class Run {
 public:
  Run(std::string_view text, const std::vector<text::Token>& tokens, const std::optional<DateTime>& dct,
      const TimexOptions& options, const Words& words)
      : text_(text), opt_(options), words_(words) {
    const std::unordered_map<std::string, Lex>& lexicon = words.roles;
    if (dct && IsValidDay(dct->year, dct->month, dct->day)) dct_ = Day{dct->year, dct->month, dct->day};
    toks_.reserve(tokens.size());
    uint32_t prev_end = 0;
    bool quoted = false;
    for (const auto& tk : tokens) {
      Tok t;
      t.raw = text::TokenText(text, tk);
      t.kind = tk.kind;
      t.cp_begin = tk.cp_begin;
      t.cp_end = tk.cp_end;
      t.begin = tk.begin;
      t.end = tk.end;
      t.cap = !t.raw.empty() && t.raw[0] >= 'A' && t.raw[0] <= 'Z';
      t.line_start = toks_.empty() || text.substr(prev_end, tk.begin - prev_end).find('\n') != std::string_view::npos;
      prev_end = tk.end;
      if (t.line_start) quoted = false;
      t.quoted = quoted;
      if (tk.kind == TokenKind::kQuote) quoted = !quoted;
      if (tk.kind == TokenKind::kWord || tk.kind == TokenKind::kSymbol || tk.kind == TokenKind::kPunct) {
        t.lower.assign(t.raw);
        for (char& c : t.lower)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        auto it = lexicon.find(t.lower);
        if (it == lexicon.end() && t.lower.size() > 1 && t.lower.back() == '.') {
          it = lexicon.find(t.lower.substr(0, t.lower.size() - 1));  // "Nov." kept whole by the tokenizer
        }
        if (it != lexicon.end()) t.lex = &it->second;
        else t.redup = Reduplicated(t.lower, lexicon);
      }
      toks_.push_back(std::move(t));
    }
  }

  std::vector<TaggedTimex> Go() {
    std::vector<TaggedTimex> out;
    size_t i = 0;
    while (i < toks_.size()) {
      if (SentenceStart(i)) {
        FindSpeechDay(i);
        ++sentence_;
      }
      if (toks_[i].line_start) ++paragraph_;
      const Tok& first = toks_[i];
      if (!(first.lex && first.lex->starter) && first.kind != TokenKind::kNumber && first.redup == kNoUnit &&
          !(first.kind == TokenKind::kWord && first.raw[0] >= '0' && first.raw[0] <= '9')) {
        ++i;  // most tokens: no matcher can start here
        continue;
      }
      Match best;
      auto consider = [&](std::optional<Match> m) {
        if (m && m->end > i && m->end > best.end) best = std::move(*m);
      };
      consider(Regulation(i));
      consider(PhraseExpr(i));
      consider(SetExpr(i));
      consider(Weekday(i));
      consider(DateExpr(i));
      consider(Year(i));
      consider(RelativeWord(i));
      consider(UnitRelative(i));
      consider(NumUnit(i));
      consider(Season(i));
      consider(Clock(i));
      consider(Quarter(i));
      consider(DecadeCentury(i));
      if (best.end == 0) {
        ++i;
        continue;
      }
      // "10 jam sehari", "30 menit sehari": a one-unit word right after a
      // duration is its frequency (a SET), not a second span.
      if (!best.suppress && best.type == TimexType::kDuration && !out.empty() && apposition_end_ == i &&
          out.back().timex.type == TimexType::kDuration && first.lex && first.lex->unit_count == 1 &&
          best.end == i + 1) {
        best.type = TimexType::kSet;
      }
      if (!best.suppress) {
        TaggedTimex t;
        t.timex.span = {toks_[i].cp_begin, toks_[best.end - 1].cp_end};
        t.timex.text = std::string(text_.substr(toks_[i].begin, toks_[best.end - 1].end - toks_[i].begin));
        t.timex.type = best.type;
        t.timex.value = best.value;
        t.timex.utc_offset_minutes = best.zone;
        t.relative = best.relative;
        t.invalid = best.invalid;
        t.implausible = best.implausible;
        t.weekday = best.weekday;
        t.note = best.note;
        if (best.day && (best.type == TimexType::kDate || best.type == TimexType::kTime)) ref_day_ = best.day;
        if (!best.anaphoric && (best.type == TimexType::kDate || best.type == TimexType::kTime)) NoteNarrative(best.value);
        // "hari ini, Sabtu (8/7)": a deictic day in apposition to a written
        // date is that date.
        if (!out.empty() && t.weekday && best.day && best.written && out.back().relative &&
            out.back().timex.type == TimexType::kDate && out.back().timex.value.size() == 10 &&
            (apposition_end_ == i || (apposition_end_ + 1 == i && Is(apposition_end_, ",")))) {
          out.back().timex.value = t.timex.value;
        }
        apposition_end_ = best.end;
        out.push_back(std::move(t));
      }
      i = best.end;
    }
    return out;
  }

 private:
  // ---- token helpers ----
  size_t n() const { return toks_.size(); }
  bool Is(size_t i, std::string_view w) const { return i < n() && toks_[i].lower == w; }
  bool In(size_t i, text::WordClass c) const { return i < n() && opt_.lexicon->Is(c, toks_[i].lower); }
  const Lex* L(size_t i) const { return i < n() ? toks_[i].lex : nullptr; }
  int MonthAt(size_t i, bool allow_abbrev) const {
    const Lex* l = L(i);
    if (!l || !l->month || (l->month_abbrev && !allow_abbrev)) return 0;
    return l->month;
  }
  const char* PodAt(size_t i, size_t* end) const {
    if (Is(i, "dini") && Is(i + 1, "hari")) {
      *end = i + 2;
      return "MO";
    }
    const Lex* l = L(i);
    if (l && l->pod) {
      *end = i + 1;
      // "malam hari", "pagi hari": the noun belongs to the expression.
      if (Is(i + 1, "hari")) *end = i + 2;
      return l->pod;
    }
    return nullptr;
  }
  // A new sentence starts at i (a quotation inside one does not start one).
  bool SentenceStart(size_t i) const {
    if (i == 0 || toks_[i].line_start || IsSentenceEnd(toks_[i - 1])) return true;
    return toks_[i - 1].kind == TokenKind::kQuote && i >= 2 && IsSentenceEnd(toks_[i - 2]);
  }
  bool SentenceInitial(size_t i) const {
    return i == 0 || toks_[i].line_start || IsSentenceEnd(toks_[i - 1]) || toks_[i - 1].kind == TokenKind::kQuote;
  }
  // Whether the clause before token i talks about the future.
  bool FutureClause(size_t i) const {
    for (size_t k = i, steps = 0; k > 0 && steps < 12; --k, ++steps) {
      const Tok& t = toks_[k - 1];
      if (IsSentenceEnd(t) || toks_[k].line_start) break;
      if (t.lex && t.lex->future) return true;
    }
    return false;
  }
  enum Dir { kBefore = -2, kOnOrBefore = -1, kOnOrAfter = 1, kAfter = 2 };
  // Direction words after an expression: "lalu" -1, "ini" 0, "depan" 1; 9 for any other word.
  int DirWord(const std::string& w) const {
    auto it = words_.direction.find(w);
    return it == words_.direction.end() ? 9 : it->second;
  }
  // "awal" 1, "pertengahan" 2, "akhir" 3 at token i; 0 for any other.
  int Modifier(size_t i) const {
    if (i >= n()) return 0;
    auto it = words_.modifier.find(toks_[i].lower);
    return it == words_.modifier.end() ? 0 : it->second;
  }

  // Reported speech is dated by its attribution ("..., kata Febri di
  // Jakarta, Senin."), and the deictic words inside it ("hari ini",
  // "besok", "pagi ini") count from that day, not from the publication
  // date. So: the last weekday in the sentence that resolves to a day up to
  // a week before the DCT becomes the sentence's anchor.
  // A sentence inside a quotation that runs on ("... hari ini tidak bisa
  // hadir. Ia menyampaikan, besok ...," ungkap Chairul, Rabu (26/7).) is
  // dated by the attribution after the quotation closes, in the same paragraph.
  void FindSpeechDay(size_t start) {
    speech_day_.reset();
    if (!dct_) return;
    bool quoted = start < n() && toks_[start].quoted;
    int sentences = 0;  // crossed inside the quotation: a few at most, so the scan stays linear
    for (size_t k = start; k < n(); ++k) {
      if (k > start && toks_[k].line_start) break;
      if (k > start && SentenceStart(k) && (!quoted || ++sentences > 4)) break;
      if (toks_[k].kind == TokenKind::kQuote) quoted = false;
      if (!toks_[k].lex || !toks_[k].lex->weekday) continue;
      bool attributed = false;
      for (size_t b = k, steps = 0; b > start && steps < 16 && !attributed; --b, ++steps)
        attributed = toks_[b - 1].lex && toks_[b - 1].lex->speech;
      if (!attributed) continue;
      if (k + 1 < n() && DirWord(toks_[k + 1].lower) != 9) continue;  // "Jumat lalu" is no attribution
      auto saved_years = month_year_;
      auto m = Weekday(k);
      month_year_ = std::move(saved_years);
      if (!m || !m->day || m->type != TimexType::kDate) continue;
      const int64_t back = ToDays(*dct_) - ToDays(*m->day);
      if (back > 0 && back <= 6) speech_day_ = m->day;
    }
  }
  // The day deictic words count from.
  std::optional<Day> Anchor() const { return speech_day_ ? speech_day_ : dct_; }

  // The narrative's date moves with every date the text writes (not with the
  // ones counted from it, "sebulan kemudian", nor with "saat itu"): at its
  // granularity, year, month and day apart, so "bulan sebelumnya" finds the
  // latest month even after a bare year.
  void NoteNarrative(const std::string& v) {
    auto digits = [&](size_t at, size_t len) {
      if (v.size() < at + len) return -1;
      int x = 0;
      for (size_t k = at; k < at + len; ++k) {
        if (v[k] < '0' || v[k] > '9') return -1;
        x = x * 10 + (v[k] - '0');
      }
      return x;
    };
    const int y = digits(0, 4);
    if (y < 0 || (v.size() > 4 && v[4] != '-')) return;
    NarrativeDate d{y, 0, 0, sentence_, paragraph_};
    if (v.size() >= 7 && (v.size() == 7 || v[7] == '-') && digits(5, 2) > 0) d.m = digits(5, 2);
    if (d.m && v.size() >= 10 && digits(8, 2) > 0 && (v.size() == 10 || v[10] == 'T')) d.d = digits(8, 2);
    narr_ = d;
    if (d.m) narr_month_ = d;
    if (d.d) narr_day_ = d;
  }
  // The narrative's date written in this sentence or the one before, for
  // "tahun sebelumnya" (counted from the year the sentence names).
  bool Recent(const NarrativeDate& d) const { return d.y && d.sentence >= sentence_ - 1; }
  // Near enough for an anaphor ("saat itu", "sebulan kemudian") to mean it:
  // in the same paragraph or the sentence before. Farther, the story has
  // often moved to a time it does not date ("pernah kehilangan ... Kala itu").
  bool Near(const NarrativeDate& d) const {
    return d.y && (d.paragraph == paragraph_ || d.sentence >= sentence_ - 1);
  }
  // A date counted from the narrative's ("sebulan kemudian", "malam hari
  // sebelumnya") names its distance, so its antecedent may lie a little
  // farther back: the same paragraph or the three sentences before.
  bool NearForCount(const NarrativeDate& d) const {
    return d.y && (d.paragraph == paragraph_ || d.sentence >= sentence_ - 3);
  }

  // +1 when the clause around [begin, end) speaks of the future ("akan",
  // "mendatang"), -1 of the past ("telah", "lalu"), 0 when it says neither.
  // The nearest marker before the expression counts, else the nearest a few
  // words after it ("Desember akan naik").
  int Tense(size_t begin, size_t end) const {
    for (size_t k = begin, steps = 0; k > 0 && steps < 12; --k, ++steps) {
      const Tok& t = toks_[k - 1];
      if (IsSentenceEnd(t) || toks_[k].line_start) break;
      if (t.lex && t.lex->future) return 1;
      if (t.lex && t.lex->past) return -1;
      if (t.lower == "yang") break;  // a relative clause has its own tense ("akan menggelar ... yang meninggal pada Oktober")
    }
    for (size_t k = end; k < n() && k < end + 5; ++k) {
      if (IsSentenceEnd(toks_[k]) || toks_[k].raw == "," || toks_[k].line_start) break;
      if (toks_[k].lex && toks_[k].lex->future) return 1;
      if (toks_[k].lex && toks_[k].lex->past) return -1;
    }
    return 0;
  }

  // ---- resolution ----
  std::optional<Day> ResolveWeekday(int wd, Dir dir) const {
    if (!dct_) return std::nullopt;
    const int today = IsoWeekday(*dct_);
    int delta = 0;
    switch (dir) {
      case kBefore: delta = -(((today - wd) + 7) % 7); if (delta == 0) delta = -7; break;
      case kOnOrBefore: delta = -(((today - wd) + 7) % 7); break;
      case kOnOrAfter: delta = ((wd - today) + 7) % 7; break;
      case kAfter: delta = ((wd - today) + 7) % 7; if (delta == 0) delta = 7; break;
    }
    return AddDays(*dct_, delta);
  }
  // The year for a month (and day) written without one; 0 when unknown.
  int YearFor(int month, int day, Dir dir) const {
    if (auto it = month_year_.find(month); it != month_year_.end()) return it->second;
    if (!dct_) return 0;
    const int64_t dct_days = ToDays(*dct_);
    const int years[] = {dct_->y - 1, dct_->y, dct_->y + 1};
    int best = 0;
    for (int y : years) {
      const int d = day ? day : 1;
      if (!IsValidDay(y, month, d)) continue;
      int64_t first = ToDays({y, month, d});
      int64_t last = day ? first : ToDays({y, month, DaysInMonth(y, month)});
      bool ok = false;
      switch (dir) {
        case kBefore: ok = last < dct_days && !(day == 0 && y == dct_->y && month == dct_->m); break;
        case kOnOrBefore: ok = first <= dct_days; break;
        case kOnOrAfter: ok = last >= dct_days; break;
        case kAfter: ok = first > dct_days && !(day == 0 && y == dct_->y && month == dct_->m); break;
      }
      if (!ok) continue;
      if (dir < 0) best = y;  // latest that qualifies
      else if (!best) best = y;  // earliest that qualifies
    }
    return best;
  }
  void NoteYear(int month, int year) { month_year_[month] = year; }

  // Fills value/invalid for day `d` of `month` in `year` (0 = unknown year).
  void SetDay(Match* m, int year, int month, int d, bool relative) const {
    m->type = TimexType::kDate;
    m->relative = relative;
    if (month < 1 || month > 12 || d < 1 || d > 31 || (year && !IsValidDay(year, month, d)) ||
        (!year && d > DaysInMonth(2000, month))) {
      m->invalid = true;
      m->value.clear();
      m->note = "invalid date";
      return;
    }
    if (!year) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, d);
      m->value = buf;
      return;
    }
    if (Implausible(year)) {
      m->implausible = true;
      m->note = "implausible year";
      return;
    }
    m->day = Day{year, month, d};
    m->value = FormatDay(*m->day);
  }
  bool Implausible(int year) const {
    const int limit = dct_ ? dct_->y + opt_.max_years_ahead : 2100;
    return year > limit || year < 1;
  }

  // "(" D/M[/Y] ")" or "(" D Month [Y] ")" or the same without brackets.
  struct Inner {
    size_t end = 0;
    int d = 0, m = 0, y = 0;
    bool numeric_invalid = false;
  };
  std::optional<Inner> InnerDate(size_t i, bool brackets, bool allow_short_numeric) const {
    size_t k = i;
    if (brackets) {
      if (!Is(k, "(")) return std::nullopt;
      ++k;
    }
    Inner in;
    if (k < n() && toks_[k].kind == TokenKind::kNumber && toks_[k].raw.find('/') != std::string_view::npos) {
      std::string_view s = toks_[k].raw;
      int parts[3] = {0, 0, 0};
      int count = 0;
      size_t digits_in_part = 0, last_len = 0;
      for (char c : s) {
        if (c == '/') {
          if (digits_in_part == 0 || ++count >= 3) return std::nullopt;
          last_len = digits_in_part;
          digits_in_part = 0;
          continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        parts[count] = parts[count] * 10 + (c - '0');
        if (++digits_in_part > 4) return std::nullopt;
      }
      (void)last_len;
      if (digits_in_part == 0) return std::nullopt;
      ++count;
      if (count == 2 && !allow_short_numeric) return std::nullopt;
      if (count == 3) {
        if (digits_in_part == 2) parts[2] += 2000;
        else if (digits_in_part != 4) return std::nullopt;
      }
      in.d = parts[0];
      in.m = parts[1];
      in.y = count == 3 ? parts[2] : 0;
      ++k;
    } else if (int d = PlainInt(toks_[k < n() ? k : 0], 2); k < n() && d >= 1 && d <= 31) {
      int mo = MonthAt(k + 1, true);
      if (!mo) return std::nullopt;
      in.d = d;
      in.m = mo;
      k += 2;
      if (k < n() && IsYearToken(toks_[k])) in.y = PlainInt(toks_[k++]);
    } else {
      return std::nullopt;
    }
    if (brackets) {
      if (!Is(k, ")")) return std::nullopt;
      ++k;
    }
    in.end = k;
    return in;
  }

  // A clock time at i: "pukul 10.00 WIB", "jam 4 pagi", "14:32 WITA", "10.00 WIB".
  struct ClockTime {
    size_t end = 0;
    int hour = 0, minute = 0, zone = 0;
    bool has_zone = false, invalid = false;
  };
  std::optional<ClockTime> ClockAt(size_t i) const {
    ClockTime c;
    size_t k = i;
    const bool prefixed = In(k, text::WordClass::kTimexClockWord);
    if (prefixed) ++k;
    if (k >= n() || toks_[k].kind != TokenKind::kNumber) return std::nullopt;
    bool has_minute = false;
    if (!ParseClock(toks_[k].raw, &c.hour, &c.minute, &has_minute)) return std::nullopt;
    const bool colon = toks_[k].raw.find(':') != std::string_view::npos;
    ++k;
    size_t pod_end = 0;
    const char* pod = PodAt(k, &pod_end);
    if (pod) k = pod_end;
    if (const Lex* l = L(k); l && l->zone >= 0) {
      c.has_zone = true;
      c.zone = l->zone;
      ++k;
    }
    // Without "pukul" only an unmistakable clock: a zone, or HH:MM.
    // Without "pukul" only an unmistakable clock: a zone, HH:MM, or HH.MM
    // with a part of day ("12.45 siang").
    if (!prefixed && !c.has_zone && !(colon && toks_[i].raw.size() == 5) && !(pod && has_minute)) return std::nullopt;
    if (Is(i, "jam") && !has_minute && !pod && !c.has_zone) return std::nullopt;  // "jam 4" alone is not clear
    if (pod && c.hour < 12 && (std::string_view(pod) == "AF" || std::string_view(pod) == "EV" ||
                               (std::string_view(pod) == "NI" && c.hour >= 6)))
      c.hour += 12;
    c.invalid = c.hour > 24 || c.minute > 59 || (c.hour == 24 && c.minute > 0);
    c.end = k;
    return c;
  }
  // Extends a day-level date match with a following clock time.
  void MaybeAttachClock(Match* m) const {
    if (!In(m->end, text::WordClass::kTimexClockWord)) return;
    auto c = ClockAt(m->end);
    if (!c) return;
    m->end = c->end;
    m->type = TimexType::kTime;
    if (c->invalid) {
      m->invalid = true;
      m->value.clear();
      m->note = "invalid time";
      return;
    }
    if (!m->value.empty()) m->value = FormatTime(m->value, c->hour, c->minute);
    if (c->has_zone) m->zone = c->zone;
  }
  void AttachPod(Match* m, const char* pod) const {
    m->type = TimexType::kTime;
    if (!m->value.empty()) m->value += std::string("T") + pod;
  }

  // ---- matchers ----

  // The phrases of the lexicon: PRESENT_REF/PAST_REF/FUTURE_REF ("saat ini",
  // "belum lama ini", "ke depan"), anaphora to the narrative's date ("saat
  // itu", "hari itu"), holidays ("Natal", "Tahun Baru", "Lebaran").
  std::optional<Match> PhraseExpr(size_t i) const {
    if (words_.phrases.empty()) return std::nullopt;
    // "akhir musim ini": a modifier before a PRESENT/PAST/FUTURE_REF phrase is
    // part of it (the value stays the vague one).
    const size_t from = Modifier(i) ? i + 1 : i;
    if (from >= n()) return std::nullopt;
    std::string key = toks_[from].lower;
    const Phrase* p = nullptr;
    size_t end = 0;
    for (size_t k = from; k < n() && k < from + words_.max_phrase_tokens; ++k) {
      if (k > from) key += ' ', key += toks_[k].lower;
      if (auto it = words_.phrases.find(key); it != words_.phrases.end()) p = &it->second, end = k + 1;
    }
    if (!p) return std::nullopt;
    if (from > i && p->kind != PhraseKind::kPresentRef && p->kind != PhraseKind::kPastRef &&
        p->kind != PhraseKind::kFutureRef)
      return std::nullopt;
    // Opening a clause only: closing one it is as often a direction ("Ia melangkah ke depan.").
    if (p->clause_initial && !(SentenceInitial(from) || Is(from - 1, ","))) return std::nullopt;
    // "masa depan Tevez": a noun of time with its possessor is no time.
    if (p->possessable && end < n() && toks_[end].cap && !SentenceInitial(end)) return std::nullopt;
    Match m;
    m.type = TimexType::kDate;
    m.end = end;
    switch (p->kind) {
      case PhraseKind::kPresentRef: m.value = "PRESENT_REF"; return m;
      case PhraseKind::kPastRef: m.value = "PAST_REF"; return m;
      case PhraseKind::kFutureRef: m.value = "FUTURE_REF"; return m;
      case PhraseKind::kAnaphor:
      case PhraseKind::kDayAnaphor: {
        // "saat itu": the date the narrative is at, as precise as it was
        // written (a clock time's day); "hari itu" needs a day. Without one,
        // the vague past.
        m.relative = m.anaphoric = true;
        const NarrativeDate& d = p->kind == PhraseKind::kDayAnaphor ? narr_day_ : narr_;
        if (!Near(d)) {
          m.value = p->day_offset ? "" : "PAST_REF";  // "keesokan harinya" of an undated day: unresolved
        } else if (d.d) {
          m.day = AddDays(Day{d.y, d.m, d.d}, p->day_offset);
          m.value = FormatDay(*m.day);
        } else {
          m.value = d.m ? FormatMonth(d.y, d.m) : FormatYear(d.y);
        }
        return m;
      }
      case PhraseKind::kHoliday:
        return Holiday(i, *p, end);
    }
    return std::nullopt;
  }

  // A holiday: the year written after it ("Natal tahun lalu", "Lebaran
  // 2024"), else the nearest one before the DCT, or after it when the clause
  // speaks of the future. A moving holiday resolves only in a year its table
  // lists.
  std::optional<Match> Holiday(size_t i, const Phrase& p, size_t end) const {
    if (p.tokens > 1 && !toks_[i].cap) return std::nullopt;  // "tahun baru" in running text: a new year
    Match m;
    m.type = TimexType::kDate;
    m.end = end;
    m.relative = true;
    int year = 0, dir = 0;  // dir: "Natal lalu" the latest before the DCT, "Natal mendatang" the next
    size_t k = end;
    const bool tahun = Is(k, "tahun");
    if (tahun) ++k;
    if (k < n() && IsYearToken(toks_[k]) && !Implausible(PlainInt(toks_[k]))) {
      year = PlainInt(toks_[k]);
      m.end = k + 1;
      m.relative = false;
    } else if (k < n() && DirWord(toks_[k].lower) != 9 && !(toks_[k].lex && toks_[k].lex->anaphoric_dir)) {
      m.end = k + 1;
      const int dw = DirWord(toks_[k].lower);
      if (tahun && dct_) year = dct_->y + (dw > 0 ? 1 : dw < 0 ? -1 : 0);  // "Natal tahun lalu"
      else if (!tahun) dir = dw;
      if (!dct_) return m;
    }
    auto date_in = [&](int y) -> std::optional<Day> {
      if (p.month) return IsValidDay(y, p.month, p.day) ? std::optional<Day>(Day{y, p.month, p.day}) : std::nullopt;
      for (const auto& d : p.dated)
        if (d[0] == y) return Day{d[0], d[1], d[2]};
      return std::nullopt;
    };
    std::optional<Day> day;
    if (year) {
      day = date_in(year);
    } else if (dct_) {
      const bool future = dir > 0 || (dir == 0 && Tense(i, end) > 0);
      const int64_t today = ToDays(*dct_);
      for (int y : {dct_->y - 1, dct_->y, dct_->y + 1}) {
        auto d = date_in(y);
        if (!d) continue;
        if (future ? ToDays(*d) >= today && !day : ToDays(*d) <= today) day = d;  // first after / latest before
      }
    } else if (p.month) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", p.month, p.day);
      m.value = buf;
      return m;
    }
    if (day) {
      m.day = day;
      m.value = FormatDay(*day);
    }
    return m;
  }

  // "Nomor 35 Tahun 2009", "No 31 Tahun 1999", "11 Tahun 2012": a regulation's
  // number and year, not a duration and a date.
  std::optional<Match> Regulation(size_t i) const {
    size_t k = i;
    if (In(k, text::WordClass::kTimexNumberSign)) ++k;
    if (k >= n() || toks_[k].kind != TokenKind::kNumber) return std::nullopt;
    if (!(Is(k + 1, "tahun") && k + 2 < n() && IsYearToken(toks_[k + 2]))) return std::nullopt;
    Match m;
    m.end = k + 3;
    m.suppress = true;
    return m;
  }

  std::optional<Match> SetExpr(size_t i) const {
    const bool every = In(i, text::WordClass::kTimexEvery);
    if (!every && !Is(i, "per")) return std::nullopt;
    size_t k = i + 1;
    Match m;
    m.type = TimexType::kSet;
    if (Is(k, "hari") && L(k + 1) && L(k + 1)->weekday) ++k;  // "setiap hari Senin"
    if (const Lex* l = L(k); every && l && l->weekday && !(l->unit == kWeek && !toks_[k].cap)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", l->weekday);
      m.value = buf;
      m.end = k + 1;
      size_t pe = 0;
      if (const char* pod = PodAt(k + 1, &pe)) {
        m.value += std::string("T") + pod;
        m.end = pe;
      }
      return m;
    }
    size_t pe = 0;
    if (const char* pod = every ? PodAt(k, &pe) : nullptr) {
      m.value = std::string("XXXX-XX-XXT") + pod;
      m.end = pe;
      return m;
    }
    if (every && Is(k, "akhir") && Is(k + 1, "pekan")) {
      m.value = "XXXX-WXX-WE";
      m.end = k + 2;
      return m;
    }
    double count = 1;
    bool vague = false;
    size_t after_num = k;
    if (ParseNumber(k, &count, &vague, &after_num)) k = after_num;
    const Lex* l = L(k);
    if (!l && k < n() && toks_[k].lower.size() > 3 && toks_[k].lower.ends_with("nya")) {
      // "per pekannya": the unit with its clitic
      auto it = words_.roles.find(toks_[k].lower.substr(0, toks_[k].lower.size() - 3));
      if (it != words_.roles.end()) l = &it->second;
    }
    if (!l || l->unit == kNoUnit || l->unit_count || l->unit == kWaktu || vague) return std::nullopt;
    if (!every && (l->unit == kHour || l->unit == kMinute || l->unit == kSecond)) return std::nullopt;  // km per jam
    m.value = Duration(count, l->unit, 1, false);  // a word holding its count ("windu") was refused above
    m.end = k + 1;
    return m;
  }

  std::optional<Match> Weekday(size_t i) {
    size_t k = i;
    if (Is(k, "hari") && L(k + 1) && L(k + 1)->weekday) ++k;
    const Lex* l = L(k);
    if (!l || !l->weekday) return std::nullopt;
    const int wd = l->weekday;
    // "minggu" is also "week": lower-case it is Sunday only after "hari", in
    // a list of days, or with a date; "Minggu ini/depan" is this/next week.
    if (l->unit == kWeek) {
      const bool listed = k >= 2 && (Is(k - 1, "dan") || Is(k - 1, "atau") || Is(k - 1, ",")) && L(k - 2) &&
                          L(k - 2)->weekday;
      const bool dated = Is(k + 1, "(") || (k + 1 < n() && PlainInt(toks_[k + 1], 2) > 0);
      if (!toks_[k].cap && k == i && !listed && !dated) return std::nullopt;
      if (toks_[k].cap && (Is(k + 1, "ini") || Is(k + 1, "depan") ||
                           ((Is(k + 1, "lalu") || Is(k + 1, "kemarin")) && SentenceInitial(k))))
        return std::nullopt;
      if (k > 0 && L(k - 1) && (L(k - 1)->num > 0 || L(k - 1)->vague || PlainInt(toks_[k - 1]) > 0))
        return std::nullopt;  // "dua minggu"
    }
    Match m;
    m.weekday = true;
    k++;
    size_t pe = 0;
    const char* pod = PodAt(k, &pe);
    if (pod) k = pe;
    std::optional<Inner> inner = InnerDate(k, true, true);
    if (!inner && !pod) {
      size_t j = Is(k, ",") ? k + 1 : k;
      inner = InnerDate(j, false, false);
      if (inner && !(inner->y || j == k)) inner.reset();  // "Senin, 27 Maret 2017" / "Senin 30 Oktober"
    }
    if (inner) k = inner->end, m.written = true;
    if (!pod) {
      pod = PodAt(k, &pe);
      if (pod) k = pe;
    }
    if (const Lex* z = L(k); pod && z && z->zone >= 0) {  // "Rabu (15/11) malam WIB"
      m.zone = z->zone;
      ++k;
    }
    int dir_word = 9;
    if (k < n()) {
      dir_word = DirWord(toks_[k].lower);
      if (dir_word != 9 && !(dir_word == 0 && inner)) ++k;
      else dir_word = 9;
    }
    m.end = k;
    if (inner) {
      if (inner->y) {
        SetDay(&m, inner->y, inner->m, inner->d, false);
        if (!m.invalid && !m.implausible) NoteYear(inner->m, inner->y);
        if (m.day && IsoWeekday(*m.day) != wd) m.note = "weekday does not match the date";
      } else {
        // The year whose date lies nearest the report (a weekday names a
        // day near it); the weekday only breaks a tie. A weekday that does
        // not match the date never moves it to another year: the written
        // date is kept and the clash noted.
        int year = 0;
        if (dct_ && !month_year_.count(inner->m)) {
          int64_t best_dist = 0;
          bool best_match = false;
          for (int y : {dct_->y - 1, dct_->y, dct_->y + 1}) {
            if (!IsValidDay(y, inner->m, inner->d)) continue;
            const int64_t delta = ToDays({y, inner->m, inner->d}) - ToDays(*dct_);
            if (delta < -300 || delta > 90) continue;
            const int64_t dist = std::llabs(delta);
            const bool match = IsoWeekday({y, inner->m, inner->d}) == wd;
            if (!year || dist < best_dist || (dist == best_dist && match && !best_match))
              year = y, best_dist = dist, best_match = match;
          }
        }
        if (!year)
          year = YearFor(inner->m, inner->d, dir_word > 0 || (dir_word == 9 && FutureClause(i)) ? kOnOrAfter
                                                                                               : kOnOrBefore);
        SetDay(&m, year, inner->m, inner->d, true);
        if (m.day && IsoWeekday(*m.day) != wd) m.note = "weekday does not match the date";
      }
    } else {
      Dir dir = kOnOrBefore;
      if (dir_word == -1) dir = kBefore;
      else if (dir_word == 1) dir = kAfter;
      else if (FutureClause(i)) dir = kOnOrAfter;
      m.type = TimexType::kDate;
      m.relative = true;
      if (dir_word == 0 && dct_) {  // "Senin ini": the one in this week
        int wy = 0, w = 0;
        IsoWeek(*dct_, &wy, &w);
        m.day = AddDays(IsoWeekMonday(wy, w), wd - 1);
      } else {
        m.day = ResolveWeekday(wd, dir);
      }
      if (m.day) m.value = FormatDay(*m.day);
    }
    if (pod) AttachPod(&m, pod);
    else MaybeAttachClock(&m);
    return m;
  }

  std::optional<Match> DateExpr(size_t i) {
    size_t k = i;
    const bool tanggal = In(k, text::WordClass::kTimexDateWord);
    if (tanggal) ++k;
    // Numeric D/M/Y (D/M only after "tanggal"), or D Month [Y].
    if (auto in = InnerDate(k, false, tanggal)) {
      Match m;
      m.end = in->end;
      if (in->y) {
        SetDay(&m, in->y, in->m, in->d, false);
        if (!m.invalid && !m.implausible) NoteYear(in->m, in->y);
      } else {
        int dw = in->end < n() ? DirWord(toks_[in->end].lower) : 9;
        if (dw != 9 && toks_[in->end].lex && toks_[in->end].lex->anaphoric_dir) dw = 9;
        if (dw == -1 || dw == 1) ++m.end;
        Dir dir = dw == -1 ? kOnOrBefore : dw == 1 || Tense(i, m.end) > 0 ? kOnOrAfter : kOnOrBefore;
        SetDay(&m, YearFor(in->m, in->d, dir), in->m, in->d, true);
      }
      if (m.day) last_month_ = {m.day->y, m.day->m, m.day->d, static_cast<int>(m.end)};
      if (m.invalid) m.note = "invalid date " + std::string(text_.substr(toks_[k].begin, toks_[in->end - 1].end -
                                                                                              toks_[k].begin));
      MaybeAttachClock(&m);
      return m;
    }
    if (tanggal) return std::nullopt;
    // The first day of a range, "19 - 23 Juli 2017", "1 hingga 4 Juli":
    // the month and year are written once, after the second.
    if (const int d = PlainInt(toks_[k], 2); d >= 1 && d <= 31 && In(k + 1, text::WordClass::kTimexRangeLink)) {
      if (auto in = InnerDate(k + 2, false, false); in && in->d > d) {
        Match m;
        m.end = k + 1;
        const int y = in->y ? in->y : YearFor(in->m, d, Tense(i, in->end) > 0 ? kOnOrAfter : kOnOrBefore);
        SetDay(&m, y, in->m, d, !in->y);
        return m;
      }
    }
    // English order: "November 29, 2024".
    size_t j = i;
    int mod = 0;  // 1 awal, 2 pertengahan, 3 akhir: a month keeps month granularity
    if (Modifier(j)) mod = 1, ++j;
    const bool bulan = Is(j, "bulan");
    if (bulan) ++j;
    const int mo = MonthAt(j, true);
    if (!mo) return std::nullopt;
    const bool abbrev = L(j)->month_abbrev;
    Match m;
    m.type = TimexType::kDate;
    if (j + 1 < n() && IsYearToken(toks_[j + 1])) {
      const int y = PlainInt(toks_[j + 1]);
      m.end = j + 2;
      if (Implausible(y)) {
        m.implausible = true;
        m.note = "implausible year";
      } else {
        m.value = FormatMonth(y, mo);
        NoteYear(mo, y);
        last_month_ = {y, mo, 0, static_cast<int>(m.end)};
      }
      return m;
    }
    if (!abbrev && j + 3 < n() && PlainInt(toks_[j + 1], 2) > 0 && Is(j + 2, ",") && IsYearToken(toks_[j + 3]) &&
        !bulan) {
      SetDay(&m, PlainInt(toks_[j + 3]), mo, PlainInt(toks_[j + 1], 2), false);
      m.end = j + 4;
      return m;
    }
    if (abbrev) return std::nullopt;
    // A bare month name, lower-case too ("juni mendatang": the full names
    // are no ordinary words), but not the first name of a person ("Agustus Sani").
    if (!bulan && !mod && j + 1 < n() && toks_[j + 1].cap && !L(j + 1)) return std::nullopt;
    if (!bulan && !mod && SentenceInitial(j) && !(j + 1 < n() && DirWord(toks_[j + 1].lower) != 9)) {
      // "Mei" opening a sentence is usually still the month; keep it.
    }
    m.end = j + 1;
    int dw = m.end < n() ? DirWord(toks_[m.end].lower) : 9;
    if (dw != 9 && toks_[m.end].lex && toks_[m.end].lex->anaphoric_dir) dw = 9;  // "Juni berikutnya": not from the DCT
    Dir dir = kOnOrBefore;
    if (dw == -1) dir = kBefore;
    else if (dw == 1) dir = kAfter;
    else if (Tense(i, m.end) > 0) dir = kOnOrAfter;  // "Desember akan naik": the coming December
    if (dw != 9) ++m.end;
    int y = 0;
    if (dw == 0) y = dct_ ? dct_->y : 0;
    else if (dw == 9 && !month_year_.count(mo) && last_month_.y && static_cast<size_t>(last_month_.end) + 1 == j &&
             In(j - 1, text::WordClass::kTimexRangeLink))
      y = last_month_.y + (mo < last_month_.m ? 1 : 0);  // "Juli sampai Agustus": the year of the range's start
    else if (dw == 9) y = YearFor(mo, 0, dir);
    else if (dct_) y = YearForStrict(mo, dir);
    m.relative = true;
    if (y) m.value = FormatMonth(y, mo);
    else if (!dct_ && dw == 9) m.value = FormatMonth(0, mo).replace(0, 4, "XXXX");
    if (y) last_month_ = {y, mo, 0, static_cast<int>(m.end)};
    return m;
  }
  // "Juni lalu"/"Juni depan": relative to the DCT only (an earlier mention's
  // year does not apply when the writer says "last June").
  int YearForStrict(int month, Dir dir) const {
    if (!dct_) return 0;
    if (dir == kBefore) return month < dct_->m ? dct_->y : dct_->y - 1;
    return month > dct_->m ? dct_->y : dct_->y + 1;
  }

  std::optional<Match> Year(size_t i) {
    // "2017/2018": a competition season across two years, recognised with
    // no value (TIMEX3 has none for it).
    if (const std::string_view r = toks_[i].raw; toks_[i].kind == TokenKind::kNumber && r.size() == 9 && r[4] == '/') {
      int a = 0, b = 0;
      for (size_t c = 0; c < 9; ++c) {
        if (c == 4) continue;
        if (r[c] < '0' || r[c] > '9') return std::nullopt;
        (c < 4 ? a : b) = (c < 4 ? a : b) * 10 + (r[c] - '0');
      }
      if (b != a + 1 || a < opt_.min_bare_year || Implausible(b)) return std::nullopt;
      Match m;
      m.type = TimexType::kDate;
      m.end = i + 1;
      m.note = "a season across two years";
      return m;
    }
    size_t k = i;
    const int mod = Modifier(k);  // 1 awal, 2 pertengahan, 3 akhir
    if (mod) ++k;
    const bool tahun = Is(k, "tahun");
    if (tahun) ++k;
    if (mod && !tahun) return std::nullopt;
    if (k >= n() || !IsYearToken(toks_[k])) return std::nullopt;
    const int y = PlainInt(toks_[k]);
    if (!tahun) {
      const int hi = dct_ ? dct_->y + opt_.max_bare_years_ahead : 2100;
      if (y < opt_.min_bare_year || y > hi) return std::nullopt;
      if (k > 0 && L(k - 1) && L(k - 1)->not_year_before) return std::nullopt;
      if (L(k + 1) && L(k + 1)->not_year_after) return std::nullopt;
      // "1500 2000" is no year, but a numbered name before one is: "Liga 1
      // 2017", "U - 22 2018" (a number of one or two digits after a name).
      if (k > 0 && toks_[k - 1].kind == TokenKind::kNumber &&
          !(toks_[k - 1].raw.size() <= 2 && k >= 2 && (toks_[k - 2].cap || toks_[k - 2].raw == "-")))
        return std::nullopt;
      if (k + 1 < n() && toks_[k + 1].kind == TokenKind::kNumber) return std::nullopt;
    }
    Match m;
    m.type = TimexType::kDate;
    m.end = k + 1;
    if (In(m.end, text::WordClass::kTimexYearDirection)) ++m.end;
    if (Implausible(y)) {
      m.implausible = true;
      m.note = "implausible year";
      return m;
    }
    m.value = FormatYear(y);
    if (mod == 1) m.value += "-H1";
    if (mod == 3) m.value += "-H2";
    return m;
  }

  std::optional<Match> RelativeWord(size_t i) const {
    Match m;
    m.type = TimexType::kDate;
    auto day_rel = [&](int offset, size_t end) {
      m.end = end;
      m.relative = true;
      if (auto anchor = Anchor()) {
        m.day = AddDays(*anchor, offset);
        m.value = FormatDay(*m.day);
      }
    };
    const std::string& w = i < n() ? toks_[i].lower : std::string();
    const auto day_word = words_.day.find(w);
    if (w == "kemarin" && Is(i + 1, "lusa"))
      day_rel(-2, i + 2);  // the day before yesterday
    else if (day_word != words_.day.end())
      day_rel(day_word->second, i + 1);
    else if (w == "tengah" && (Is(i + 1, "malam") || Is(i + 1, "hari"))) {
      // Midnight closes the day it belongs to: T24:00 of the reference day.
      m.type = TimexType::kTime;
      m.end = i + 2;
      m.relative = true;
      std::optional<Day> day = ref_day_ ? ref_day_ : Anchor();
      if (day) m.value = FormatTime(FormatDay(*day), Is(i + 1, "malam") ? 24 : 12, 0);
      return m;
    } else if (w == "tadi" || w == "nanti") {
      size_t pe = 0;
      const char* pod = PodAt(i + 1, &pe);
      if (!pod) return std::nullopt;
      day_rel(0, pe);
      AttachPod(&m, pod);
      return m;
    } else {
      size_t pe = 0;
      const char* pod = PodAt(i, &pe);
      // "malam hari sebelumnya", "pagi berikutnya": that part of the day
      // before or after the narrative's day.
      if (pod && L(pe) && L(pe)->anaphoric_dir && NearForCount(narr_day_)) {
        m.type = TimexType::kDate;
        m.end = pe + 1;
        m.relative = m.anaphoric = true;
        CountFrom(narr_day_, kDayU, DirWord(toks_[pe].lower) < 0 ? -1 : 1, &m);
        AttachPod(&m, pod);
        return m;
      }
      if (!pod || !(Is(pe, "ini") || Is(pe, "tadi"))) return std::nullopt;
      day_rel(0, pe + 1);
      AttachPod(&m, pod);
      return m;
    }
    // "Kemarin (12/6)": the written date wins over the arithmetic.
    if (auto in = InnerDate(m.end, true, true)) {
      m.end = in->end;
      int y = in->y ? in->y
                    : YearFor(in->m, in->d,
                              day_word != words_.day.end() && day_word->second < 0 ? kOnOrBefore : kOnOrAfter);
      SetDay(&m, y, in->m, in->d, !in->y);
    }
    size_t pe = 0;
    if (const char* pod = PodAt(m.end, &pe)) {
      m.end = pe;
      AttachPod(&m, pod);
    } else {
      MaybeAttachClock(&m);
    }
    return m;
  }

  // [awal|pertengahan|akhir] (hari|pekan|minggu|bulan|tahun|akhir pekan) (ini|lalu|depan|...)
  std::optional<Match> UnitRelative(size_t i) const {
    size_t k = i;
    const int mod = Modifier(k);
    if (mod) ++k;
    const Lex* l = L(k);
    if (!l || l->unit_count) return std::nullopt;
    Unit u = l->unit;
    if (!(u == kDayU || u == kWeek || u == kMonthU || u == kYearU)) return std::nullopt;
    if (u == kWeek && toks_[k].lower == "minggu" && toks_[k].cap && !SentenceInitial(k) &&
        (Is(k + 1, "lalu") || Is(k + 1, "kemarin")))
      return std::nullopt;  // "Minggu lalu" mid-sentence: last Sunday
    int dw = k + 1 < n() ? DirWord(toks_[k + 1].lower) : 9;
    if (dw == 9 && Is(k + 1, "yang") && Is(k + 2, "lalu")) dw = -1;
    size_t end = k + 1 + (dw == 9 ? 0 : 1) + (Is(k + 1, "yang") ? 1 : 0);
    if (dw == 9) {
      // "akhir tahun", "awal bulan": this year's / month's, when no year follows.
      if (!mod || mod == 2 || u == kDayU || u == kWeek || (k + 1 < n() && toks_[k + 1].kind == TokenKind::kNumber))
        return std::nullopt;
      dw = 0;
    }
    // "tahun sebelumnya", "bulan berikutnya": counted from the year or month
    // the sentence (or the one before) names, else from the DCT; "hari
    // sebelumnya" from the narrative's day.
    const bool anaphoric = !mod && k + 1 < n() && toks_[k + 1].lex && toks_[k + 1].lex->anaphoric_dir;
    if (u == kDayU && (mod || (dw != 0 && !(anaphoric && NearForCount(narr_day_))))) return std::nullopt;  // "hari ini" only
    Match m;
    m.type = TimexType::kDate;
    m.relative = true;
    m.end = end;
    if (anaphoric) {
      const NarrativeDate& d = u == kYearU ? narr_ : u == kMonthU ? narr_month_ : narr_day_;
      if (Recent(d) || (u == kDayU && NearForCount(d))) {
        m.anaphoric = true;
        CountFrom(d, u, dw, &m);
        return m;
      }
    }
    if (!dct_) return m;
    const int off = dw == 0 ? 0 : dw;  // -1 or +1
    switch (u) {
      case kDayU:
        m.day = *Anchor();
        m.value = FormatDay(*m.day);
        break;
      case kWeek: {
        m.value = FormatWeek(AddDays(*dct_, 7 * off));
        if (mod == 3) m.value += "-WE";
        break;
      }
      case kMonthU: {
        int y = dct_->y, mo = dct_->m + off;
        if (mo < 1) mo += 12, --y;
        if (mo > 12) mo -= 12, ++y;
        m.value = FormatMonth(y, mo);
        break;
      }
      default: {
        m.value = FormatYear(dct_->y + off);
        if (mod == 1) m.value += "-H1";
        if (mod == 3) m.value += "-H2";
        break;
      }
    }
    return m;
  }

  // The date `c` units (day, week, month, year) from the narrative's date
  // `d`, at the unit's granularity (a week counted from a day gives a day).
  static void CountFrom(const NarrativeDate& d, Unit u, int c, Match* m) {
    switch (u) {
      case kDayU:
      case kWeek:
        m->day = AddDays({d.y, d.m, d.d}, u == kWeek ? 7 * c : c);
        m->value = FormatDay(*m->day);
        break;
      case kMonthU: {
        const int total = d.y * 12 + (d.m - 1) + c;
        m->value = FormatMonth(total / 12, total % 12 + 1);
        break;
      }
      default:
        m->value = FormatYear(d.y + c);
        break;
    }
  }

  // A number, digits or words: "48", "1,5", "tiga puluh satu", "satu setengah",
  // "beberapa". Returns false when there is none at k.
  bool ParseNumber(size_t k, double* value, bool* vague, size_t* end) const {
    *vague = false;
    if (k >= n()) return false;
    const Tok& t = toks_[k];
    if (t.kind == TokenKind::kNumber) {
      std::string digits;
      bool decimal = false;
      for (char c : t.raw) {
        if (c >= '0' && c <= '9') digits += c;
        else if (c == ',' && !decimal) digits += '.', decimal = true;
        else if (c == '.' && !decimal) continue;  // thousands
        else return false;
      }
      if (digits.empty() || digits.size() > 9) return false;
      *value = std::strtod(digits.c_str(), nullptr);
      *end = k + 1;
      return true;
    }
    if (t.lex && t.lex->vague) {
      *vague = true;
      *value = 0;
      *end = k + 1;
      return true;
    }
    const auto joint = [&](size_t j) -> const text::NumberWord* {
      auto it = words_.number_joint.find(toks_[j].lower);
      return it == words_.number_joint.end() ? nullptr : it->second;
    };
    // "setengah hari"; "separuh" too, which is not in number_words.tsv
    // because the claim analyser does not take it in a figure ("separuh juta").
    if (const text::NumberWord* half = joint(k);
        (half && half->kind == text::NumberKind::kHalf) || t.lower == "separuh") {
      *value = half ? half->value : 0.5;
      *end = k + 1;
      return true;
    }
    double total = 0, cur = 0;
    size_t j = k;
    bool any = false, last_digit = false;
    while (j < n()) {
      const Lex* l = toks_[j].lex;
      const text::NumberWord* w = any ? joint(j) : nullptr;
      if (l && l->num > 0) {
        if (last_digit) break;
        cur += l->num;
        last_digit = l->num < 10;
      } else if (w && w->kind == text::NumberKind::kTeen) {  // "dua belas": 2 + 10
        total += cur + w->value, cur = 0, last_digit = false;
      } else if (w && (w->kind == text::NumberKind::kTens || w->kind == text::NumberKind::kHundreds)) {
        total += cur * w->value, cur = 0, last_digit = false;  // "tiga puluh", "dua ratus"
      } else if (w && w->kind == text::NumberKind::kHalf) {    // "satu setengah"
        cur += w->value, last_digit = false, ++j;
        break;
      } else {
        break;
      }
      any = true;
      ++j;
    }
    if (!any) return false;
    *value = total + cur;
    *end = j;
    return true;
  }

  static std::string Duration(double count, Unit u, int mult, bool vague) {
    count *= mult;
    const char* sym = "";
    bool time = false;
    switch (u) {
      case kSecond: sym = "S", time = true; break;
      case kMinute: sym = "M", time = true; break;
      case kHour: sym = "H", time = true; break;
      case kDayU: sym = "D"; break;
      case kWeek: sym = "W"; break;
      case kMonthU: sym = "M"; break;
      case kYearU: sym = "Y"; break;
      case kDecade: sym = "DE"; break;
      case kCentury: sym = "CE"; break;
      default: return "";
    }
    std::string out = time ? "PT" : "P";
    if (vague) return out + "X" + sym;
    if (count != std::floor(count)) {
      // Half units read better in the next smaller unit: P6M, not P0.5Y.
      struct Down { Unit from; double factor; Unit to; };
      static constexpr Down downs[] = {{kYearU, 12, kMonthU}, {kMonthU, 30, kDayU}, {kWeek, 7, kDayU},
                                       {kDayU, 24, kHour},    {kHour, 60, kMinute}, {kMinute, 60, kSecond}};
      for (const auto& d : downs)
        if (d.from == u && count * d.factor == std::floor(count * d.factor)) return Duration(count * d.factor, d.to, 1, false);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", count);
      return out + buf + sym;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", count);
    return out + buf + sym;
  }

  // About how many years one `u` is (for the plausibility check of "N unit
  // lalu/lagi" before its exact arithmetic).
  static double UnitYears(Unit u) {
    switch (u) {
      case kSecond:
        return 1 / 31557600.0;
      case kMinute:
        return 1 / 525960.0;
      case kHour:
        return 1 / 8766.0;
      case kDayU:
        return 1 / 365.25;
      case kWeek:
        return 7 / 365.25;
      case kMonthU:
        return 1 / 12.0;
      case kYearU:
        return 1;
      case kDecade:
        return 10;
      case kCentury:
        return 100;
      default:
        return 0;
    }
  }

  // N unit [lalu | yang lalu | silam | lagi | terakhir]: a date back or ahead,
  // or a duration.
  std::optional<Match> NumUnit(size_t i) const {
    double count = 0;
    bool vague = false;
    size_t k = i;
    if (toks_[i].redup != kNoUnit) {  // "bertahun-tahun": PXY
      Match m;
      m.type = TimexType::kDuration;
      m.end = i + 1;
      m.value = Duration(0, toks_[i].redup, 1, true);
      return m;
    }
    const Lex* l = L(i);
    if (l && l->unit_count) {  // "sehari", "setahun"
      count = 1;
    } else {
      if (!ParseNumber(i, &count, &vague, &k)) return std::nullopt;
      if (i > 0 && (Is(i - 1, "ke") || In(i - 1, text::WordClass::kTimexNumberSign))) return std::nullopt;
      if (vague && In(k, text::WordClass::kTimexMoment)) {  // "beberapa saat": a few moments
        Match m;
        m.type = TimexType::kDuration;
        m.end = k + 1;
        m.value = "PTXM";
        return m;
      }
      l = L(k);
      // "2017 pekan depan": a year before a relative week or month, not 2017 weeks.
      if (l && IsYearToken(toks_[i]) && count >= opt_.min_bare_year &&
          (l->unit == kDayU || l->unit == kWeek || l->unit == kMonthU) && k + 1 < n() &&
          DirWord(toks_[k + 1].lower) != 9)
        return std::nullopt;
      if (!l || l->unit == kNoUnit || l->unit_count) {
        // "beberapa waktu lalu" is RelativeWord's; "2x10 tahun" is not ours.
        return std::nullopt;
      }
      if (count <= 0 && !vague) return std::nullopt;
    }
    const Unit u = l->unit;
    // "windu", "sewindu": the years the word holds (its count in time_units.tsv).
    const int mult = l->unit_count > 1 ? l->unit_count : 1;
    Match m;
    m.end = k + 1;
    size_t after = k + 1;
    // "sebulan kemudian", "dua tahun sebelumnya": a date counted from the
    // narrative's date (at the unit's granularity), not a span. Without a
    // date before it, a span as written.
    if (!vague && count == std::floor(count) && (u == kDayU || u == kWeek || u == kMonthU || u == kYearU) &&
        L(after) && L(after)->anaphoric_dir) {
      const NarrativeDate& d = u == kYearU ? narr_ : u == kMonthU ? narr_month_ : narr_day_;
      // A count that leaves the plausible years ("999999 tahun kemudian") stays a span.
      const double years = count * mult * UnitYears(u);
      if (NearForCount(d) && years <= opt_.max_years_ahead && !Implausible(d.y + static_cast<int>(years) + 1) &&
          d.y - static_cast<int>(years) - 1 >= 1) {
        m.type = TimexType::kDate;
        m.end = after + 1;
        m.relative = m.anaphoric = true;
        CountFrom(d, u, static_cast<int>(count) * mult * (DirWord(toks_[after].lower) < 0 ? -1 : 1), &m);
        return m;
      }
    }
    if (Is(after, "ke") && Is(after + 1, "depan")) {  // "20 hari ke depan": the span ahead
      m.type = TimexType::kDuration;
      m.value = Duration(count, u, mult, vague);
      return m;
    }
    int dir = 0;
    if (Is(after, "lalu") || Is(after, "silam")) dir = -1, m.end = after + 1;
    else if (Is(after, "yang") && Is(after + 1, "lalu")) dir = -1, m.end = after + 2;
    else if (Is(after, "lagi")) dir = 1, m.end = after + 1;
    if (dir == 0) {
      m.type = TimexType::kDuration;
      if (Is(after, "terakhir") || Is(after, "belakangan")) m.end = after + 1;
      m.value = Duration(count, u, mult, vague);
      return m;
    }
    m.type = TimexType::kDate;
    if (vague) {
      m.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
      return m;
    }
    m.relative = true;
    if (!dct_ || count != std::floor(count)) return m;
    // A count that moves the date out of the plausible years ("2588888
    // tahun lalu": before year 1, or past max_years_ahead) is recognised and
    // flagged as an implausible written year is, with no value. Checked on
    // the rough number of years first, so the int arithmetic below never
    // sees a count too large for it, then on the exact year it gives.
    const double years_moved = count * mult * UnitYears(u) * dir;
    if (std::fabs(years_moved) > 100000 || Implausible(dct_->y + static_cast<int>(years_moved))) {
      m.implausible = true;
      m.note = "implausible year";
      return m;
    }
    const int c = static_cast<int>(count) * mult * dir;
    const int year = u == kDayU      ? AddDays(*dct_, c).y
                     : u == kWeek    ? AddDays(*dct_, 7 * c).y
                     : u == kMonthU  ? (dct_->y * 12 + (dct_->m - 1) + c) / 12
                     : u == kDecade  ? dct_->y + 10 * c
                     : u == kCentury ? dct_->y + 100 * c
                                     : dct_->y + (u == kYearU ? c : 0);
    if (Implausible(year)) {
      m.implausible = true;
      m.note = "implausible year";
      return m;
    }
    switch (u) {
      case kSecond:
      case kMinute:
      case kHour:
        m.day = *dct_;
        m.value = FormatDay(*dct_);
        break;
      case kDayU:
        m.day = AddDays(*dct_, c);
        m.value = FormatDay(*m.day);
        break;
      case kWeek: m.value = FormatWeek(AddDays(*dct_, 7 * c)); break;
      case kMonthU: {
        int total = dct_->y * 12 + (dct_->m - 1) + c;
        m.value = FormatMonth(total / 12, total % 12 + 1);
        break;
      }
      case kYearU: m.value = FormatYear(dct_->y + c); break;
      case kDecade: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%03d", (dct_->y + 10 * c) / 10);
        m.value = buf;
        break;
      }
      case kCentury: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d", (dct_->y + 100 * c) / 100);
        m.value = buf;
        break;
      }
      default: break;
    }
    return m;
  }

  // musim (panas|gugur|dingin|semi) (ini|lalu|kemarin|depan|tahun ini|tahun lalu|YYYY)
  std::optional<Match> Season(size_t i) const {
    if (!Is(i, "musim") || !L(i + 1) || !L(i + 1)->season) return std::nullopt;
    const std::string s = L(i + 1)->season;
    size_t k = i + 2;
    Match m;
    m.type = TimexType::kDate;
    int year = 0;
    bool relative = true;
    if (Is(k, "tahun") && k + 1 < n() && IsYearToken(toks_[k + 1])) {
      year = PlainInt(toks_[k + 1]), m.end = k + 2, relative = false;
    } else if (k < n() && IsYearToken(toks_[k])) {
      year = PlainInt(toks_[k]), m.end = k + 1, relative = false;
    } else if (Is(k, "tahun") && k + 1 < n() && DirWord(toks_[k + 1].lower) != 9) {
      m.end = k + 2;
      if (dct_) year = dct_->y + (DirWord(toks_[k + 1].lower) == 0 ? 0 : DirWord(toks_[k + 1].lower));
    } else if (k < n() && DirWord(toks_[k].lower) != 9) {
      m.end = k + 1;
      const int dw = DirWord(toks_[k].lower);
      if (dct_) {
        // Season instances: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (of the year it starts).
        const int start = s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : 12;
        auto first_day = [&](int y) { return ToDays({y, start, 1}); };
        auto last_day = [&](int y) { return ToDays(AddDays({start == 12 ? y + 1 : y, start == 12 ? 3 : start + 3, 1}, -1)); };
        const int64_t today = ToDays(*dct_);
        for (int y = dct_->y + 1; y >= dct_->y - 2 && !year; --y) {
          if (dw == -1 && last_day(y) < today) year = y;
          if (dw == 0 && first_day(y) <= today + 366 && first_day(y) <= today && last_day(y) >= today - 0) year = y;
        }
        if (dw == 0 && !year) year = dct_->y;
        if (dw == 1)
          for (int y = dct_->y - 1; y <= dct_->y + 1 && !year; ++y)
            if (first_day(y) > today) year = y;
      }
    } else {
      return std::nullopt;  // "musim dingin" in general
    }
    m.relative = relative;
    if (year) m.value = FormatYear(year) + "-" + s;
    return m;
  }

  std::optional<Match> Clock(size_t i) const {
    if (i > 0 && (Is(i - 1, "pukul") || Is(i - 1, "jam"))) return std::nullopt;
    auto c = ClockAt(i);
    if (!c) return std::nullopt;
    Match m;
    m.type = TimexType::kTime;
    m.end = c->end;
    if (c->invalid) {
      m.invalid = true;
      m.note = "invalid time";
      return m;
    }
    m.relative = true;
    std::string date;
    if (ref_day_) date = FormatDay(*ref_day_);
    else if (Anchor()) date = FormatDay(*Anchor());
    else date = "XXXX-XX-XX";
    m.value = FormatTime(date, c->hour, c->minute);
    if (c->has_zone) m.zone = c->zone;
    return m;
  }

  // (kuartal|triwulan|semester) (I..IV|1..4|pertama..keempat) [tahun] [YYYY|ini|lalu|depan]
  std::optional<Match> Quarter(size_t i) const {
    const bool quarter = In(i, text::WordClass::kTimexQuarter);
    const bool half = Is(i, "semester");
    if (!quarter && !half) return std::nullopt;
    size_t k = i + 1;
    if (Is(k, "ke")) ++k;
    int q = 0, glued_year = 0;
    if (k < n()) {
      std::string_view w = toks_[k].lower;
      // "semester ii-2025", "kuartal I-2024": the year glued to the numeral.
      if (const size_t dash = w.find('-'); dash != std::string_view::npos && w.size() == dash + 5 &&
                                           std::all_of(w.begin() + dash + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        glued_year = std::atoi(std::string(w.substr(dash + 1)).c_str());
        w = w.substr(0, dash);
      }
      q = PeriodNumber(w);
    }
    if (!q || (half && q > 2)) return std::nullopt;
    ++k;
    Match m;
    m.type = TimexType::kDate;
    m.end = k;
    if (!glued_year && Is(k, "-") && k + 1 < n() && IsYearToken(toks_[k + 1]))
      glued_year = PlainInt(toks_[k + 1]), m.end = k + 2;
    size_t j = Is(k, "tahun") ? k + 1 : k;
    int year = 0;
    if (glued_year) {
      year = Implausible(glued_year) ? 0 : glued_year;
    } else if (j < n() && IsYearToken(toks_[j])) {
      year = PlainInt(toks_[j]);
      m.end = j + 1;
    } else if (j < n() && j > k && DirWord(toks_[j].lower) != 9) {
      m.relative = true;
      m.end = j + 1;
      if (dct_) year = dct_->y + DirWord(toks_[j].lower);
    } else if (const int listed = ListYear(m.end); listed && !Implausible(listed)) {
      year = listed;  // "kuartal I dan kuartal II (2023)"
    } else {
      m.relative = true;
      if (dct_) year = dct_->y;
    }
    if (year) m.value = FormatYear(year) + (quarter ? "-Q" : "-H") + std::to_string(q);
    return m;
  }
  // A quarter's or half's number: "1".."4", "I".."IV", "pertama".."keempat"; 0 else.
  int PeriodNumber(std::string_view w) const {
    if (w.size() == 1 && w[0] >= '1' && w[0] <= '4') return w[0] - '0';
    for (const text::OrdinalWord& o : opt_.lexicon->ordinals())
      if (o.value <= 4 && w == o.word) return o.value;
    return 0;
  }
  // The year written after a list of periods, "kuartal I dan kuartal II
  // (2023)", "kuartal I dan II tahun 2023": the list's words, then the year.
  int ListYear(size_t from) const {
    for (size_t j = from; j < n() && j < from + 10; ++j) {
      if (Is(j, "(") && j + 2 < n() && IsYearToken(toks_[j + 1]) && Is(j + 2, ")")) return PlainInt(toks_[j + 1]);
      if (IsYearToken(toks_[j])) return PlainInt(toks_[j]);
      if (In(j, text::WordClass::kTimexListLink) || In(j, text::WordClass::kTimexQuarter) || Is(j, "semester") ||
          Is(j, "tahun") || PeriodNumber(toks_[j].lower))
        continue;
      return 0;
    }
    return 0;
  }

  // "1990-an", "tahun 1990-an" -> 199; "abad ke-21" -> 20.
  std::optional<Match> DecadeCentury(size_t i) const {
    size_t k = In(i, text::WordClass::kTimexEraWord) ? i + 1 : i;
    Match m;
    m.type = TimexType::kDate;
    if (k < n() && toks_[k].raw.size() == 7 && toks_[k].lower.ends_with("0-an") &&
        std::all_of(toks_[k].raw.begin(), toks_[k].raw.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      m.value = std::string(toks_[k].raw.substr(0, 3));
      m.end = k + 1;
      return m;
    }
    if (Is(i, "abad")) {
      std::string w = i + 1 < n() ? toks_[i + 1].lower : "";
      size_t end = i + 2;
      if (w == "ke" && i + 2 < n()) w = toks_[i + 2].lower, end = i + 3;
      if (w.starts_with("ke-")) w = w.substr(3);
      int c = 0;
      for (char ch : w) {
        if (ch < '0' || ch > '9' || c > 100) return std::nullopt;
        c = c * 10 + (ch - '0');
      }
      if (c < 1 || c > 30) return std::nullopt;
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d", c - 1);
      m.value = buf;
      m.end = end;
      return m;
    }
    return std::nullopt;
  }

  std::string_view text_;
  const TimexOptions& opt_;
  const Words& words_;
  std::optional<Day> dct_;
  std::vector<Tok> toks_;
  std::optional<Day> ref_day_;
  std::optional<Day> speech_day_;              // the day the current sentence's speaker spoke, if earlier than the DCT
  size_t apposition_end_ = static_cast<size_t>(-1);                 // latest day-level date so far (clock times attach to it)
  std::unordered_map<int, int> month_year_;    // month -> year of its latest explicit mention
  int sentence_ = -1;                          // sentences begun so far
  int paragraph_ = -1;                         // lines begun so far
  NarrativeDate narr_, narr_month_, narr_day_;  // the latest date written, with a month, with a day
  struct {
    int y = 0, m = 0, d = 0;
    int end = -2;  // one past its last token
  } last_month_;  // the latest month resolved (a range's second month takes its year)
};

}  // namespace

TimexTagger::TimexTagger(TimexOptions options) : options_(std::move(options)) {
  if (!options_.lexicon) options_.lexicon = text::Lexicon::Builtin();
  auto tables = std::make_shared<Tables>();
  tables->words = BuildWords(*options_.lexicon);
  tables_ = std::move(tables);
}

std::vector<TaggedTimex> TimexTagger::Tag(std::string_view text, const std::optional<DateTime>& dct) const {
  std::vector<text::Token> tokens;
  tokenizer_.Tokenize(text, &tokens);
  return Tag(text, tokens, dct);
}

std::vector<TaggedTimex> TimexTagger::Tag(std::string_view text, const std::vector<text::Token>& tokens,
                                          const std::optional<DateTime>& dct) const {
  Run run(text, tokens, dct, options_, tables_->words);
  return run.Go();
}

std::optional<DateTime> InferPublicationDate(const std::vector<TaggedTimex>& tagged) {
  std::optional<DateTime> with_weekday, any;
  for (const auto& t : tagged) {
    if (t.invalid || t.implausible || t.relative || t.timex.value.size() < 10) continue;
    auto dt = DateTime::ParseIso(std::string_view(t.timex.value).substr(0, 10));
    if (!dt) continue;
    auto later = [&](const std::optional<DateTime>& cur) { return !cur || dt->DaysSinceEpoch() > cur->DaysSinceEpoch(); };
    if (t.weekday && later(with_weekday)) with_weekday = dt;
    if (later(any)) any = dt;
  }
  return with_weekday ? with_weekday : any;
}

}  // namespace warta::timex
