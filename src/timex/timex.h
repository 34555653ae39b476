// The timex stage: finds Indonesian time expressions in text and normalises
// them TIMEX3-style against the document creation time (DCT, the
// publication date).
//
//   warta::timex::TimexTagger tagger;                     // build once, share freely
//   auto dct = warta::DateTime::ParseIso("2024-11-19");
//   for (const auto& t : tagger.Tag("bertemu pada Senin (18 November)", dct))
//     Use(t.timex.span, t.timex.type, t.timex.value);    // DATE 2024-11-18
//
// What it recognises (see docs/quality/timex.md for the full guidelines):
//   DATE      absolute dates "29/11/2024", "29 November 2024", "Nov 2024",
//             "2024", "tanggal 27 Februari"; weekday with date "Jumat
//             (29/11/2024)", "Senin (18 November)", "Senin (27/3)"; relative
//             ones "kemarin", "besok", "hari ini", "Jumat lalu", "pekan lalu",
//             "akhir pekan lalu", "bulan ini", "Juni lalu", "tahun depan", "dua
//             hari lalu", "awal/pertengahan/akhir tahun ini", "musim gugur
//             tahun lalu", "kuartal III 2024", "1990-an"; PRESENT_REF/PAST_REF/
//             FUTURE_REF ("saat ini", "masa lalu", "Ke depan, ..."); anaphora to
//             the narrative's date ("saat itu", "hari itu"); dates counted from
//             it ("sebulan kemudian", "tahun sebelumnya"); holidays ("Natal",
//             "Tahun Baru", "Lebaran 2025")
//   TIME      "pukul 10.00 WIB", "14:32 WITA", "Selasa sore (28/3)", "malam ini"
//   DURATION  "tiga hari" P3D, "dua pekan" P2W, "48 jam" PT48H, "beberapa hari" PXD,
//             "bertahun-tahun" PXY, "beberapa saat" PTXM
//   SET       "setiap tahun" P1Y, "setiap Minggu pagi" XXXX-WXX-7TMO
//
// Values carry their granularity: 2024-11-18, 2024-11, 2024-W47, 2024-W46-WE,
// 2024-FA, 2024-H1, 2024-Q3, 2023, 199 (a decade), 2024-11-18T10:00,
// 2024-11-18TAF (an afternoon). A TIMEX3 value carries no UTC offset: the zone
// written with a clock time ("WIB") is in TimeExpression::utc_offset_minutes.
// Choices where Indonesian news is ambiguous:
//   * A bare weekday ("kata dia, Senin") is the latest such day on or before
//     the DCT; when the clause before it speaks of the future ("akan",
//     "dijadwalkan", "mendatang", ...) it is the first one on or after it.
//     "Senin lalu" is strictly before, "Senin depan" strictly after.
//   * A month or day-month without a year ("Juni", "13 Desember", lower-case
//     too) takes the year of the latest earlier mention of that month with a
//     year in the same text; failing that, the nearest such month on or before
//     the DCT, or on or after it when the clause speaks of the future (the
//     nearest timex.future / timex.past marker before it, else a few words
//     after: "Desember akan naik"). A weekday written with it ("Senin (18
//     November)") takes the year that puts the date nearest the DCT; a weekday
//     that does not fall on it never changes the year (the clash is noted).
//   * The narrative's date is the latest date the text writes (not one
//     counted from it). "saat itu" is that date at its granularity, "hari itu"
//     its day, when written in the same paragraph or the sentence before, else
//     PAST_REF. "N unit kemudian/sebelumnya" is a date counted from it (three
//     sentences back at most; without one, a duration as written); "tahun/
//     bulan sebelumnya/berikutnya" from the year or month this sentence or the
//     one before names, else from the DCT.
//   * Holidays (timex_parts.tsv): fixed ones by month-day, moving ones only in
//     the years their table lists (else no value).
//   * Deictic words in a quotation that runs over sentences count from the
//     attribution's weekday after it, in the same paragraph.
//   * A clock time takes the latest day-level date mentioned before it in
//     the text, else the DCT.
//   * awal/akhir tahun -> YYYY-H1/H2; pertengahan tahun -> YYYY; awal/akhir
//     bulan -> the month; akhir pekan -> the week's WE.
//   * A year after "Nomor/No. N Tahun" or in "N Tahun YYYY" names a regulation,
//     not a date, and is not tagged.
// Without a DCT, relative expressions are recognised with an empty value
// (never guessed) and yearless dates keep X placeholders (XXXX-03-27).
// An impossible date or time ("31/02/2024", "pukul 25.00") is recognised,
// marked invalid and given an empty value; a year implausibly far from the
// DCT ("tahun 3024") is marked implausible and given an empty value too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/datetime.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace warta::timex {

struct TimexOptions {
  // Behaviour: a year more than this many years after the DCT (or after 2100
  // without one) is implausible: flagged and left without a value.
  int max_years_ahead = 100;
  // Behaviour: a bare four-digit number is taken as a year only within
  // [min_bare_year, DCT year + max_bare_years_ahead] (2100 without a DCT);
  // others ("1500 orang") are quantities. "tahun 1500" is a year regardless.
  int min_bare_year = 1900;
  int max_bare_years_ahead = 30;
  // The words read: months, weekdays, time units, number words, ordinals,
  // speech verbs (after, before, passive, relay, according), the parts of
  // day, zones, seasons, modifiers and directions of timex_parts.tsv and the
  // timex.* word classes. Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

// One recognised expression. `timex.span` counts code points from the start
// of the text given to Tag(); `timex.value` is "" when the expression could
// not be normalised (no DCT for a relative one, invalid, implausible).
struct TaggedTimex {
  TimeExpression timex;
  bool relative = false;      // needed the DCT (or a reference date) to resolve
  bool invalid = false;       // an impossible calendar date or clock time
  bool implausible = false;   // a year too far from the DCT to be meant literally
  bool weekday = false;       // a date written with its weekday ("Sabtu (22/3/2025)")
  std::string note;           // why the value is empty, e.g. "invalid date 31/02/2024"
};

// Immutable after construction; Tag() may be called from many threads at once.
class TimexTagger {
 public:
  explicit TimexTagger(TimexOptions options = {});

  // Every time expression in `text`, in text order, non-overlapping.
  // `dct` is the publication date (only its date part is used); nullopt
  // leaves relative expressions unresolved.
  std::vector<TaggedTimex> Tag(std::string_view text, const std::optional<DateTime>& dct) const;
  // The same, reusing tokens of `text` that warta::text::Tokenizer made (the
  // analysers share one tokenisation). Spans come from the tokens' cp offsets.
  std::vector<TaggedTimex> Tag(std::string_view text, const std::vector<text::Token>& tokens,
                               const std::optional<DateTime>& dct) const;

  const TimexOptions& options() const { return options_; }

  struct Tables;  // internal: every word's roles, built once from the lexicon

 private:
  TimexOptions options_;
  std::shared_ptr<const Tables> tables_;
  text::Tokenizer tokenizer_;
};

// The publication date inferred from the absolute dates in a text (tagged
// without a DCT): the latest fully specified day written with its weekday
// ("Sabtu (22/3/2025)", the way Indonesian news dates the report), else the
// latest fully specified day at all. nullopt when the text has none. Invalid
// and implausible dates are ignored.
std::optional<DateTime> InferPublicationDate(const std::vector<TaggedTimex>& tagged_without_dct);

}  // namespace warta::timex
