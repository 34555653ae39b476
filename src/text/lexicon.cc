#include "text/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/ascii.h"
#include "core/utf8.h"
#include "core/vocabulary.h"

namespace warta::text {
namespace {

constexpr std::string_view kWordClassNames[] = {
    "quote.predicate",
    "quote.clause_stop",
    "quote.not_verb",
    "quote.speaker_stop",
    "quote.adverb",
    "quote.time_phrase",
    "quote.relay_head",
    "quote.date_word",
    "quote.strong_relay",
    "quote.negation",
    "quote.belief_verb",
    "quote.forecast_verb",
    "quote.pronoun_clitic",
    "timex.vague",
    "timex.future",
    "timex.not_year_after",
    "timex.not_year_before",
    "timex.starter",
    "timex.clock_word",
    "timex.number_sign",
    "timex.every",
    "timex.date_word",
    "timex.year_direction",
    "timex.quarter",
    "timex.era_word",
    "claim.after_postposed_lebih",
    "claim.neutral_marker",
    "claim.identifier_word",
    "claim.not_unit",
    "claim.noun_exception",
    "claim.classifier",
    "claim.compound_unit",
    "claim.not_unit_acronym",
    "claim.range_link",
    "claim.hedge",
    "claim.source_noun",
    "claim.leading_connective",
    "claim.adverb",
    "claim.phrase_stop",
    "claim.generic_unit",
    "claim.source_link",
    "claim.currency_piece",
    "claim.opaque_pronoun",
    "claim.total_word",
    "claim.subject_head",
    "claim.measure_verb",
    "claim.subject_link",
    "claim.measure_unit",
    "claim.bare_verb",
    "event.clitic",
    "event.skip_before",
    "event.blocker",
    "event.role",
    "event.function_word",
    "event.light_verb",
    "event.weapon",
    "event.message",
    "event.report_word",
    "event.past_or_plan",
    "event.document",
    "event.sport",
    "event.preposition",
    "event.date_word",
    "event.count_word",
    "event.object_preposition",
    "event.toward",
    "event.place_noun",
    "event.partner_link",
    "event.determiner",
    "event.fronted_preposition",
    "grammar.person_pronoun",
    "grammar.demonstrative",
    "title",
    "title.part",
    "title.modifier",
    "title.generic",
    "title.link",
    "org.legal_form",
    "person.nickname_link",
    "series.value_word",
    "org.kind_word",
    "org.local_head",
    "claim.clitic",
    "claim.figure_noun",
    "claim.figure_link",
    "timex.past",
    "timex.present_ref",
    "timex.past_ref",
    "timex.future_ref",
    "timex.anaphor",
    "timex.day_anaphor",
    "timex.anaphoric_direction",
    "timex.range_link",
    "timex.list_link",
    "timex.moment",
    "timex.future_ref_initial",
    "timex.possessable",
    "timex.day_after",
    "claim.action_noun",
    "claim.value_marker",
    "claim.comparative",
    "claim.place_link",
    "org.media_word",
    "person.nickname_anaphor",
    "event.planned",
    "event.hoped",
    "event.negated_after",
    "event.planned_after",
    "event.coactor_link",
    "event.that_clause",
    "event.clause_break",
    "event.cue.decision",
    "event.cue.price_change",
    "event.cue.regulation",
    "event.cue.charge",
    "event.cue.verdict",
    "event.cue.agreement",
    "event.cue.launch",
    "event.cue.appointment",
    "event.cue.hearing",
    "grammar.shared_subject",
    "event.passive_light_verb",
    "event.party_noun",
    "quote.referring_noun",
    "event.cue.arrest",
    "event.cue.deployment",
    "event.cue.dismissal",
    "event.cue.protest",
    "event.not_after",
    "event.continuation",
    "event.perfective",
};
static_assert(std::size(kWordClassNames) == static_cast<size_t>(WordClass::kCount),
              "one name per WordClass");

constexpr std::string_view kSpeechRoleNames[] = {"after",   "before", "bare",      "claim", "evidence",
                                              "passive", "relay",  "according", "draw"};
static_assert(std::size(kSpeechRoleNames) == static_cast<size_t>(SpeechRole::kCount), "one name per SpeechRole");

constexpr std::string_view kNumberKindNames[] = {"unit",  "ten",  "teen",       "tens", "hundreds",
                                                "scale", "half", "multiplier", "vague"};
static_assert(std::size(kNumberKindNames) == static_cast<size_t>(NumberKind::kCount), "one name per NumberKind");

constexpr std::string_view kTimeUnitNames[] = {"second", "minute", "hour",   "day",    "week",
                                              "month",  "year",   "decade", "century"};
static_assert(std::size(kTimeUnitNames) == static_cast<size_t>(TimeUnit::kCount), "one name per TimeUnit");

constexpr std::string_view kEventFrameNames[] = {"transitive", "passive", "reciprocal", "intransitive", "noun"};
static_assert(std::size(kEventFrameNames) == static_cast<size_t>(EventFrame::kCount), "one name per EventFrame");

constexpr std::string_view kEventTriggerFlagNames[] = {"visit", "actor_object", "weapon_next", "needs_document",
                                                       "cue", "not_that_clause", "patient_possessor"};
static_assert(std::size(kEventTriggerFlagNames) == static_cast<size_t>(EventTriggerFlag::kCount),
              "one name per EventTriggerFlag");

constexpr std::string_view kTimexPartKindNames[] = {"part_of_day", "zone", "season", "modifier", "direction", "day",
                                                       "holiday"};
static_assert(std::size(kTimexPartKindNames) == static_cast<size_t>(TimexPartKind::kCount),
              "one name per TimexPartKind");

constexpr std::string_view kBoundNames[] = {"more-than", "less-than", "at-least", "up-to", "about", "almost", "range"};


// One meaningful line: its 1-based number and its tab-separated fields.
// Several tabs in a row are one separator (columns are aligned by hand).
struct Line {
  int number = 0;
  std::vector<std::string_view> fields;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> out;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (TrimAsciiBlanks(line).empty() || TrimAsciiBlanks(line).front() == '#') continue;
    Line l;
    l.number = number;
    size_t start = 0;
    while (start <= line.size()) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      std::string_view field = TrimAsciiBlanks(line.substr(start, tab - start));
      if (!field.empty()) l.fields.push_back(field);
      start = tab + 1;
    }
    out.push_back(std::move(l));
  }
  return out;
}

// Comma-separated names: "after,before".
std::vector<std::string_view> SplitCommas(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string_view part = TrimAsciiBlanks(s.substr(start, comma - start));
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

}  // namespace

std::string_view WordClassName(WordClass c) {
  const size_t i = static_cast<size_t>(c);
  return i < std::size(kWordClassNames) ? kWordClassNames[i] : std::string_view();
}

std::string_view SpeechRoleName(SpeechRole r) {
  const size_t i = static_cast<size_t>(r);
  return i < std::size(kSpeechRoleNames) ? kSpeechRoleNames[i] : std::string_view();
}

std::string_view EventFrameName(EventFrame f) {
  const size_t i = static_cast<size_t>(f);
  return i < std::size(kEventFrameNames) ? kEventFrameNames[i] : std::string_view();
}

std::string_view EventTriggerFlagName(EventTriggerFlag f) {
  const size_t i = static_cast<size_t>(f);
  return i < std::size(kEventTriggerFlagNames) ? kEventTriggerFlagNames[i] : std::string_view();
}

std::string_view TimexPartKindName(TimexPartKind k) {
  const size_t i = static_cast<size_t>(k);
  return i < std::size(kTimexPartKindNames) ? kTimexPartKindNames[i] : std::string_view();
}

// Parses one file into the lexicon being built; every error names
// origin:line and the reason.
class Lexicon::Loader {
 public:
  explicit Loader(Lexicon* lex) : lex_(lex) {}

  Status Parse(std::string_view name, const std::string& origin, std::string_view text) {
    origin_ = &origin;
    for (const Line& l : SplitLines(text)) {
      line_ = l.number;
      Status s = name == "speech_verbs.tsv"     ? SpeechVerbLine(l)
                 : name == "months.tsv"         ? MonthLine(l)
                 : name == "weekdays.tsv"       ? WeekdayLine(l)
                 : name == "number_words.tsv"   ? NumberWordLine(l)
                 : name == "currencies.tsv"     ? CurrencyLine(l)
                 : name == "bounds.tsv"         ? BoundLine(l)
                 : name == "time_units.tsv"     ? TimeUnitLine(l)
                 : name == "ordinals.tsv"       ? OrdinalLine(l)
                 : name == "event_triggers.tsv" ? EventTriggerLine(l)
                 : name == "timex_parts.tsv"    ? TimexPartLine(l)
                 : name == "units.tsv"          ? CanonicalUnitLine(l)
                                                : WordClassLine(l);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  Status Error(const std::string& reason) const {
    return Status::InvalidArgument(*origin_ + ":" + std::to_string(line_) + ": " + reason);
  }

  Status Columns(const Line& l, size_t min, size_t max, std::string_view shape) const {
    if (l.fields.size() < min || l.fields.size() > max)
      return Error("expected " + std::string(shape) + ", got " + std::to_string(l.fields.size()) + " fields");
    return Status::Ok();
  }

  StatusOr<int> Number(std::string_view field, int lo, int hi, std::string_view what) const {
    int v = 0;
    auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
    if (ec != std::errc() || p != field.data() + field.size())
      return Error("'" + std::string(field) + "' is not a number");
    if (v < lo || v > hi)
      return Error(std::string(what) + " must be " + std::to_string(lo) + "-" + std::to_string(hi));
    return v;
  }

  Status Index(Map<size_t>* index, const std::string& word, size_t at, std::string_view what) const {
    if (!index->emplace(word, at).second) return Error("duplicate " + std::string(what) + " '" + word + "'");
    return Status::Ok();
  }

  Status SpeechVerbLine(const Line& l) {
    if (Status s = Columns(l, 2, 2, "word<TAB>roles"); !s.ok()) return s;
    SpeechVerb v;
    v.word = AsciiLower(l.fields[0]);
    for (std::string_view role : SplitCommas(l.fields[1])) {
      size_t r = 0;
      while (r < std::size(kSpeechRoleNames) && kSpeechRoleNames[r] != role) ++r;
      if (r == std::size(kSpeechRoleNames)) return Error("unknown speech-verb role '" + std::string(role) + "'");
      v.roles |= 1u << r;
    }
    if (v.roles == 0) return Error("a speech verb needs at least one role");
    if (Status s = Index(&lex_->speech_verb_index_, v.word, lex_->speech_verbs_.size(), "speech verb");
        !s.ok())
      return s;
    lex_->speech_verbs_.push_back(std::move(v));
    return Status::Ok();
  }

  // "abbrev", "en": the optional third column of months.tsv and weekdays.tsv.
  Status Tags(const Line& l, bool* abbreviation, bool* english) const {
    if (l.fields.size() < 3) return Status::Ok();
    for (std::string_view tag : SplitCommas(l.fields[2])) {
      if (tag == "abbrev") *abbreviation = true;
      else if (tag == "en") *english = true;
      else return Error("unknown tag '" + std::string(tag) + "' (abbrev, en)");
    }
    return Status::Ok();
  }

  Status MonthLine(const Line& l) {
    if (Status s = Columns(l, 2, 3, "word<TAB>number[<TAB>tags]"); !s.ok()) return s;
    MonthName m;
    m.word = AsciiLower(l.fields[0]);
    StatusOr<int> n = Number(l.fields[1], 1, 12, "month number");
    if (!n.ok()) return n.status();
    m.number = *n;
    if (Status s = Tags(l, &m.abbreviation, &m.english); !s.ok()) return s;
    if (Status s = Index(&lex_->month_index_, m.word, lex_->months_.size(), "month"); !s.ok()) return s;
    lex_->months_.push_back(std::move(m));
    return Status::Ok();
  }

  Status WeekdayLine(const Line& l) {
    if (Status s = Columns(l, 2, 3, "word<TAB>number[<TAB>tags]"); !s.ok()) return s;
    WeekdayName d;
    d.word = AsciiLower(l.fields[0]);
    StatusOr<int> n = Number(l.fields[1], 1, 7, "weekday number");
    if (!n.ok()) return n.status();
    d.number = *n;
    if (Status s = Tags(l, &d.abbreviation, &d.english); !s.ok()) return s;
    if (Status s = Index(&lex_->weekday_index_, d.word, lex_->weekdays_.size(), "weekday"); !s.ok())
      return s;
    lex_->weekdays_.push_back(std::move(d));
    return Status::Ok();
  }

  Status NumberWordLine(const Line& l) {
    if (Status s = Columns(l, 3, 3, "word<TAB>kind<TAB>value"); !s.ok()) return s;
    NumberWord n;
    n.word = AsciiLower(l.fields[0]);
    size_t k = 0;
    while (k < std::size(kNumberKindNames) && kNumberKindNames[k] != l.fields[1]) ++k;
    if (k == std::size(kNumberKindNames)) return Error("unknown number kind '" + std::string(l.fields[1]) + "'");
    n.kind = static_cast<NumberKind>(k);
    // std::from_chars for double is not in every standard library yet.
    const std::string value(l.fields[2]);
    char* end = nullptr;
    n.value = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !(n.value > 0))
      return Error("'" + value + "' is not a positive number");
    for (const NumberWord& o : lex_->number_words_)
      if (o.word == n.word && o.kind == n.kind)
        return Error("duplicate number word '" + n.word + "' (" + std::string(l.fields[1]) + ")");
    lex_->number_words_.push_back(std::move(n));
    return Status::Ok();
  }

  Status CurrencyLine(const Line& l) {
    if (Status s = Columns(l, 3, 3, "word<TAB>position<TAB>canonical"); !s.ok()) return s;
    Currency c;
    c.word = AsciiLower(l.fields[0]);
    if (l.fields[1] != "prefix" && l.fields[1] != "suffix")
      return Error("position must be prefix or suffix, not '" + std::string(l.fields[1]) + "'");
    c.prefix = l.fields[1] == "prefix";
    c.canonical = std::string(l.fields[2]);
    for (const Currency& o : lex_->currencies_)
      if (o.word == c.word && o.prefix == c.prefix) return Error("duplicate currency '" + c.word + "'");
    lex_->currencies_.push_back(std::move(c));
    return Status::Ok();
  }

  Status CanonicalUnitLine(const Line& l) {
    if (Status s = Columns(l, 3, 3, "kind<TAB>written<TAB>canonical"); !s.ok()) return s;
    CanonicalUnit u;
    if (l.fields[0] != "unit" && l.fields[0] != "qualifier")
      return Error("kind must be unit or qualifier, not '" + std::string(l.fields[0]) + "'");
    u.qualifier = l.fields[0] == "qualifier";
    u.written = AsciiLower(l.fields[1]);
    u.canonical = std::string(l.fields[2]);
    if (u.canonical.empty()) return Error("empty canonical name for '" + u.written + "'");
    for (const CanonicalUnit& o : lex_->canonical_units_)
      if (o.written == u.written && o.qualifier == u.qualifier) return Error("duplicate unit '" + u.written + "'");
    lex_->canonical_units_.push_back(std::move(u));
    return Status::Ok();
  }

  Status BoundLine(const Line& l) {
    if (Status s = Columns(l, 2, 2, "phrase<TAB>bound"); !s.ok()) return s;
    BoundPhrase b;
    b.phrase = AsciiLower(l.fields[0]);
    b.bound = std::string(l.fields[1]);
    bool known = false;
    for (std::string_view name : kBoundNames) known |= name == b.bound;
    if (!known) return Error("unknown bound '" + b.bound + "'");
    for (const BoundPhrase& o : lex_->bounds_)
      if (o.phrase == b.phrase) return Error("duplicate bound phrase '" + b.phrase + "'");
    lex_->bounds_.push_back(std::move(b));
    return Status::Ok();
  }

  Status TimeUnitLine(const Line& l) {
    if (Status s = Columns(l, 3, 3, "word<TAB>unit<TAB>count"); !s.ok()) return s;
    TimeUnitWord u;
    u.word = AsciiLower(l.fields[0]);
    size_t k = 0;
    while (k < std::size(kTimeUnitNames) && kTimeUnitNames[k] != l.fields[1]) ++k;
    if (k == std::size(kTimeUnitNames)) return Error("unknown time unit '" + std::string(l.fields[1]) + "'");
    u.unit = static_cast<TimeUnit>(k);
    StatusOr<int> count = Number(l.fields[2], 0, 1000, "count");
    if (!count.ok()) return count.status();
    u.count = *count;
    for (const TimeUnitWord& o : lex_->time_units_)
      if (o.word == u.word) return Error("duplicate time unit '" + u.word + "'");
    lex_->time_units_.push_back(std::move(u));
    return Status::Ok();
  }

  Status OrdinalLine(const Line& l) {
    if (Status s = Columns(l, 2, 2, "word<TAB>value"); !s.ok()) return s;
    OrdinalWord o;
    o.word = AsciiLower(l.fields[0]);
    StatusOr<int> value = Number(l.fields[1], 1, 1000, "ordinal");
    if (!value.ok()) return value.status();
    o.value = *value;
    for (const OrdinalWord& p : lex_->ordinals_)
      if (p.word == o.word) return Error("duplicate ordinal '" + o.word + "'");
    lex_->ordinals_.push_back(std::move(o));
    return Status::Ok();
  }

  Status TimexPartLine(const Line& l) {
    if (Status s = Columns(l, 3, 3, "word<TAB>kind<TAB>value"); !s.ok()) return s;
    TimexPart p;
    p.word = AsciiLower(l.fields[0]);
    size_t k = 0;
    while (k < std::size(kTimexPartKindNames) && kTimexPartKindNames[k] != l.fields[1]) ++k;
    if (k == std::size(kTimexPartKindNames)) return Error("unknown timex part kind '" + std::string(l.fields[1]) + "'");
    p.kind = static_cast<TimexPartKind>(k);
    const std::string_view value = l.fields[2];
    // The codes each kind allows, their position giving `value` where it counts.
    static constexpr std::string_view kPartsOfDay[] = {"MO", "MI", "AF", "EV", "NI"};
    static constexpr std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
    static constexpr std::string_view kModifiers[] = {"START", "MID", "END"};
    static constexpr std::string_view kDirections[] = {"past", "now", "ahead"};
    auto code = [&](const auto& allowed, int first_value) -> Status {
      for (size_t i = 0; i < std::size(allowed); ++i) {
        if (allowed[i] != value) continue;
        p.code = std::string(value);
        p.value = first_value + static_cast<int>(i);
        return Status::Ok();
      }
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      return Error("a " + std::string(l.fields[1]) + " is one of " + names + ", not '" + std::string(value) + "'");
    };
    Status s;
    switch (p.kind) {
      case TimexPartKind::kPartOfDay:
        s = code(kPartsOfDay, 0);
        p.value = 0;
        break;
      case TimexPartKind::kSeason:
        s = code(kSeasons, 0);
        p.value = 0;
        break;
      case TimexPartKind::kModifier:
        s = code(kModifiers, 1);
        break;
      case TimexPartKind::kDirection:
        s = code(kDirections, -1);
        break;
      case TimexPartKind::kDay: {
        StatusOr<int> days =
            Number(value.starts_with('+') ? value.substr(1) : value, -7, 7, "a day's distance from today");
        if (!days.ok()) return days.status();
        p.value = *days;
        break;
      }
      case TimexPartKind::kZone: {
        StatusOr<int> minutes =
            Number(value.starts_with('+') ? value.substr(1) : value, -14 * 60, 14 * 60, "a zone's minutes east of UTC");
        if (!minutes.ok()) return minutes.status();
        p.value = *minutes;
        break;
      }
      case TimexPartKind::kHoliday: {
        // MM-DD (every year) or YYYY-MM-DD (that year's date of a moving holiday).
        auto digits = [](std::string_view d) {
          return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        const bool fixed = value.size() == 5 && value[2] == '-' && digits(value.substr(0, 2)) && digits(value.substr(3));
        const bool dated = value.size() == 10 && value[4] == '-' && value[7] == '-' && digits(value.substr(0, 4)) &&
                           digits(value.substr(5, 2)) && digits(value.substr(8));
        if (!fixed && !dated) return Error("a holiday's value is MM-DD or YYYY-MM-DD, not '" + std::string(value) + "'");
        p.code = std::string(value);
        break;
      }
      case TimexPartKind::kCount:
        break;
    }
    if (!s.ok()) return s;
    for (const TimexPart& o : lex_->timex_parts_)
      if (o.word == p.word && o.kind == p.kind && (p.kind != TimexPartKind::kHoliday || o.code == p.code))
        return Error("duplicate " + std::string(l.fields[1]) + " '" + p.word + "'");
    lex_->timex_parts_.push_back(std::move(p));
    return Status::Ok();
  }

  Status EventTriggerLine(const Line& l) {
    if (Status s = Columns(l, 3, 4, "word<TAB>type<TAB>frame[<TAB>flags]"); !s.ok()) return s;
    EventTrigger t;
    t.word = AsciiLower(l.fields[0]);
    // The event analyser turns the name into an EventType: an unknown name is
    // caught here, where the file and line are known.
    if (!ParseName<EventType>(l.fields[1]))
      return Error("unknown event type '" + std::string(l.fields[1]) + "' (one of " +
                   NameList(Names<EventType>()) + ")");
    t.type = std::string(l.fields[1]);
    size_t f = 0;
    while (f < std::size(kEventFrameNames) && kEventFrameNames[f] != l.fields[2]) ++f;
    if (f == std::size(kEventFrameNames)) return Error("unknown event frame '" + std::string(l.fields[2]) + "'");
    t.frame = static_cast<EventFrame>(f);
    if (l.fields.size() > 3) {
      for (std::string_view flag : SplitCommas(l.fields[3])) {
        size_t k = 0;
        while (k < std::size(kEventTriggerFlagNames) && kEventTriggerFlagNames[k] != flag) ++k;
        if (k == std::size(kEventTriggerFlagNames))
          return Error("unknown event trigger flag '" + std::string(flag) + "'");
        t.flags |= 1u << k;
      }
    }
    // A word may make events of several types, each with its own cue words
    // ("menaikkan" suku bunga: a decision; harga: a price change).
    // A word may make events of several types, each but one with its own
    // condition ("menaikkan" with "suku bunga" near: a decision, with
    // "harga": a price change; "meluncurkan rudal": an attack, else a launch).
    const auto conditional = [](const EventTrigger& e) {
      return e.Has(EventTriggerFlag::kCue) || e.Has(EventTriggerFlag::kWeaponNext) ||
             e.Has(EventTriggerFlag::kNeedsDocument);
    };
    if (auto it = lex_->event_trigger_index_.find(t.word); it != lex_->event_trigger_index_.end()) {
      for (const EventTrigger& o : lex_->event_triggers_) {
        if (o.word != t.word) continue;
        if (o.type == t.type || (!conditional(o) && !conditional(t)))
          return Error("duplicate event trigger '" + t.word + "' (a word listed twice needs another type on "
                       "each line, and a condition -- cue, weapon_next, needs_document -- on all but one)");
      }
    } else if (Status s = Index(&lex_->event_trigger_index_, t.word, lex_->event_triggers_.size(), "event trigger");
               !s.ok()) {
      return s;
    }
    lex_->event_triggers_.push_back(std::move(t));
    return Status::Ok();
  }

  Status WordClassLine(const Line& l) {
    if (l.fields.size() < 2) return Error("expected class<TAB>word[<TAB>word...]");
    size_t c = 0;
    while (c < std::size(kWordClassNames) && kWordClassNames[c] != l.fields[0]) ++c;
    if (c == std::size(kWordClassNames)) return Error("unknown word class '" + std::string(l.fields[0]) + "'");
    for (size_t i = 1; i < l.fields.size(); ++i) {
      std::string w = AsciiLower(l.fields[i]);
      WordClasses& bits = lex_->classes_[w];
      // A repeated word in one class is harmless but a sign of a drifted list.
      if (bits.test(c)) return Error("'" + w + "' is already in " + std::string(kWordClassNames[c]));
      bits.set(c);
      lex_->words_[c].push_back(std::move(w));
    }
    return Status::Ok();
  }

  Lexicon* lex_;
  const std::string* origin_ = nullptr;
  int line_ = 0;
};

std::vector<std::string> Lexicon::FileNames() {
  std::vector<std::string> out;
  for (const auto& [name, bytes] : internal::BuiltinLexiconFiles()) out.emplace_back(name);
  return out;
}

StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Assemble(const Replacement& replacement) {
  auto lex = std::shared_ptr<Lexicon>(new Lexicon());
  Loader loader(lex.get());
  for (const auto& [name, bytes] : internal::BuiltinLexiconFiles()) {
    std::string origin = "<built-in>/" + std::string(name);
    std::string own;
    std::string_view text = bytes;
    StatusOr<bool> replaced = replacement(name, &origin, &own);
    if (!replaced.ok()) return replaced.status();
    if (*replaced) text = own;
    if (Utf8Validate(text) != std::string_view::npos) return Status::Corrupt(origin + ": not valid UTF-8");
    if (Status s = loader.Parse(name, origin, text); !s.ok()) return s;
  }
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

StatusOr<std::shared_ptr<const Lexicon>> Lexicon::FromFiles(
    const std::vector<std::pair<std::string, std::string>>& replacements) {
  for (const auto& [name, text] : replacements) {
    bool known = false;
    for (const auto& [builtin, bytes] : internal::BuiltinLexiconFiles()) known |= builtin == name;
    if (!known) return Status::InvalidArgument(name + ": not a lexicon file name");
  }
  return Assemble([&](std::string_view name, std::string* origin, std::string* text) -> StatusOr<bool> {
    for (const auto& [rname, rtext] : replacements) {
      if (rname != name) continue;
      *origin = rname;
      *text = rtext;
      return true;
    }
    return false;
  });
}

StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return Status::NotFound(dir + ": lexicon directory not found");
  return Assemble([&](std::string_view name, std::string* origin, std::string* text) -> StatusOr<bool> {
    const fs::path p = fs::path(dir) / std::string(name);
    std::error_code err;
    if (!fs::is_regular_file(p, err)) return false;
    std::ifstream f(p, std::ios::binary);
    if (!f) return Status::IoError(p.string() + ": cannot open lexicon file");
    std::stringstream ss;
    ss << f.rdbuf();
    *origin = p.string();
    *text = ss.str();
    return true;
  });
}

std::shared_ptr<const Lexicon> Lexicon::Builtin() {
  static const std::shared_ptr<const Lexicon> builtin = [] {
    StatusOr<std::shared_ptr<const Lexicon>> lex = FromFiles({});
    if (!lex.ok()) {
      // The built-in files are checked by lexicon_test; getting here means
      // a broken build, not bad input.
      std::fprintf(stderr, "warta: built-in lexicon: %s\n", lex.status().ToString().c_str());
      std::abort();
    }
    return *std::move(lex);
  }();
  return builtin;
}

const SpeechVerb* Lexicon::FindSpeechVerb(std::string_view lower) const {
  auto it = speech_verb_index_.find(lower);
  return it == speech_verb_index_.end() ? nullptr : &speech_verbs_[it->second];
}

std::vector<std::string_view> Lexicon::SpeechVerbsWith(SpeechRole role) const {
  std::vector<std::string_view> out;
  for (const SpeechVerb& v : speech_verbs_)
    if (v.Has(role)) out.push_back(v.word);
  return out;
}

const MonthName* Lexicon::FindMonth(std::string_view lower) const {
  auto it = month_index_.find(lower);
  return it == month_index_.end() ? nullptr : &months_[it->second];
}

const WeekdayName* Lexicon::FindWeekday(std::string_view lower) const {
  auto it = weekday_index_.find(lower);
  return it == weekday_index_.end() ? nullptr : &weekdays_[it->second];
}

Lexicon::WordClasses Lexicon::ClassesOf(std::string_view lower) const {
  auto it = classes_.find(lower);
  return it == classes_.end() ? WordClasses() : it->second;
}

}  // namespace warta::text
