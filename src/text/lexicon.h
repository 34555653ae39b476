// The Indonesian lexicon: every word list the analysers and the date parsers
// use, as data (src/text/data/lexicon/*.tsv, embedded at build time), read
// through one typed API.
//
//   std::shared_ptr<const text::Lexicon> lex = text::Lexicon::Builtin();
//   if (const text::SpeechVerb* v = lex->FindSpeechVerb("ujarnya"); v && v->Has(text::SpeechRole::kAfter)) ...
//   if (lex->Is(text::WordClass::kClaimHedge, "diperkirakan")) ...
//
//   // A directory whose files replace the built-in ones of the same name:
//   auto mine = text::Lexicon::Load("my-lexicon/");  // Status names file:line on a bad line
//
// Structured entries are records with named fields (SpeechVerb, MonthName,
// WeekdayName, ...); plain word lists are word classes (WordClass), each line
// of a word-class file naming its class. Words are stored lower-case (ASCII
// letters are folded at load) and looked up lower-case with string_views, no
// copy. A Lexicon is immutable after loading, so one instance is shared by
// every thread; the analysers take it through their Options (null means
// Builtin()).
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace warta::text {

// What a speech (or reporting) verb does in a sentence; a verb has one or
// more (speech_verbs.tsv, column 2, comma-separated names in brackets).
enum class SpeechRole : uint8_t {
  kAfter,     // "after": written after a quotation, its speaker follows ("…," ujar X / ujarnya)
  kBefore,    // "before": its subject is the speaker, what was said follows ("X mengatakan bahwa …")
  kBare,      // "bare": takes a bare clause as what was said ("X mengaku sudah siap")
  kClaim,     // "claim": its subject puts a figure forward ("X memperkirakan … 3.000")
  kEvidence,  // "evidence": reports evidence, not speech ("data X menunjukkan")
  kPassive,   // "passive": a passive report verb whose agent follows ("disebutkan media X")
  kRelay,     // "relay": names where a report was taken from ("dikutip dari X", "melansir X")
  kAccording, // "according": "menurut X"
  kDraw,      // "draw": counted by the quotes gold-set draw (tests/data/quotes/README.md); kept fixed
  kCount
};

struct SpeechVerb {
  std::string word;      // lower-case
  uint32_t roles = 0;    // bit (1 << SpeechRole)
  bool Has(SpeechRole r) const { return (roles >> static_cast<unsigned>(r)) & 1u; }
};

// A month name as dates are written: "januari", "jan", "pebruari", "may".
struct MonthName {
  std::string word;       // lower-case
  int number = 0;         // 1..12
  bool abbreviation = false;  // "jan", "agt": taken as a month only beside a day or year
  bool english = false;       // "january", "may" (also abbreviation when short)
};

// A weekday name: "senin", "jum'at", "sen", "monday".
struct WeekdayName {
  std::string word;  // lower-case
  int number = 0;    // ISO 8601: 1 = Monday .. 7 = Sunday
  bool abbreviation = false;
  bool english = false;
};

// A number word: part of a spelled-out number, a multiplier after digits
// or a vague quantity (number_words.tsv).
enum class NumberKind : uint8_t {
  kUnit,        // "unit": 1-9 ("tiga")
  kTen,         // "ten": a whole ten or hundred ("sepuluh", "sebelas", "seratus")
  kTeen,        // "teen": "belas"
  kTens,        // "tens": "puluh"
  kHundreds,    // "hundreds": "ratus"
  kScale,       // "scale": "ribu", "juta", "seribu"
  kHalf,        // "half": "setengah"
  kMultiplier,  // "multiplier": written after digits ("1,5 juta", "10 rb")
  kVague,       // "vague": an order of magnitude ("ratusan"); value is its base
  kCount
};

struct NumberWord {
  std::string word;  // lower-case
  NumberKind kind = NumberKind::kUnit;
  double value = 0;
};

// A currency as written beside an amount (currencies.tsv).
struct Currency {
  std::string word;       // lower-case: "rp", "us$", "rupiah"
  bool prefix = false;    // written before the amount ("Rp 5 juta"); else after it ("5 juta rupiah")
  std::string canonical;  // "rupiah", "dolar AS"
};

// Words before a figure that make it a bound (bounds.tsv): "lebih dari" ->
// "more-than". The bound keeps its string name (Claim::bound).
struct BoundPhrase {
  std::string phrase;  // lower-case, words separated by one space
  std::string bound;   // more-than, less-than, at-least, up-to, about, almost, range
};

// The canonical name of a claim's unit or of a rate qualifier (units.tsv,
// issue 17): the claims tracker groups and plots like with like, so
// "Rp", "rupiah" and "IDR" are one currency, "%" and "persen" one unit.
struct CanonicalUnit {
  bool qualifier = false;  // a rate qualifier after a figure ("yoy", "secara bulanan"), else a unit
  std::string written;     // lower-case: a claim unit as ClaimAnalyzer names it ("dolar AS",
                           // "troy ounce") or, for a qualifier, the phrase as written ("year-on-year")
  std::string canonical;   // "USD", "ozt", "percent"; a qualifier's: "yoy", "mtm", "qtq", "ytd"
};

// A unit of time (time_units.tsv).
enum class TimeUnit : uint8_t { kSecond, kMinute, kHour, kDay, kWeek, kMonth, kYear, kDecade, kCentury, kCount };

struct TimeUnitWord {
  std::string word;  // lower-case: "hari", "sehari", "windu"
  TimeUnit unit = TimeUnit::kDay;
  int count = 0;     // units the word is by itself ("sehari" 1, "windu" 8 years); 0: written before it
};

// An ordinal as quarters and halves are numbered (ordinals.tsv): "ketiga" 3, "ii" 2.
struct OrdinalWord {
  std::string word;  // lower-case
  int value = 0;
};

// What a word is in a time expression (timex_parts.tsv, column 2).
enum class TimexPartKind : uint8_t {
  kPartOfDay,  // "part_of_day": "pagi" -> MO (TIMEX3)
  kZone,       // "zone": "wib" -> 420 minutes east of UTC
  kSeason,     // "season": "panas" (musim panas) -> SU (TIMEX3)
  kModifier,   // "modifier": "awal" -> START, "pertengahan" -> MID, "akhir" -> END
  kDirection,  // "direction": "lalu" -> past, "ini" -> now, "depan" -> ahead
  kDay,        // "day": a day named by its distance from today: "kemarin" -> -1, "lusa" -> 2
  kHoliday,    // "holiday": a fixed holiday "natal" -> 12-25, or one year's date of a moving one
               // "lebaran" -> 2025-03-31 (one record per year); the word may be a phrase ("tahun baru")
  kCount
};

// A word the time-expression tagger gives a value (timex_parts.tsv). A word
// may have more than one kind, one record each.
struct TimexPart {
  std::string word;  // lower-case
  TimexPartKind kind = TimexPartKind::kPartOfDay;
  std::string code;  // part_of_day, season: the TIMEX3 code ("MO", "SU"); modifier: START, MID, END;
                     // direction: past, now, ahead; zone: empty; holiday: MM-DD or YYYY-MM-DD
  int value = 0;     // zone: minutes east of UTC; modifier: 1 START, 2 MID, 3 END;
                     // direction: -1 past, 0 now, 1 ahead; day: days from today; else 0
};

// How an event trigger finds its participants (event_triggers.tsv, column 3).
enum class EventFrame : uint8_t {
  kTransitive,    // "transitive":   S V O          "Kim menerima Belousov", "AS menuduh Korea Utara"
  kPassive,       // "passive":      O di-V oleh S  "Kozlov disambut oleh Kim", "... ditandatangani antara X dan Y"
  kReciprocal,    // "reciprocal":   S (dan S') V (dengan O)  "Kim dan Kozlov bertemu", "X bertemu dengan Y"
  kIntransitive,  // "intransitive": S V ke/di P    "Shoigu berkunjung ke Pyongyang"
  kNoun,          // "noun":         N (S) antara/dengan ...  "pertemuan antara X dan Y", "kunjungan Shoigu ke ..."
  kCount
};

// What else a trigger needs (event_triggers.tsv, column 4, comma-separated).
enum class EventTriggerFlag : uint8_t {
  kVisit,          // "visit": one participant and a place is enough; a LOCATION object is the place
  kActorObject,    // "actor_object": only with a person as object, or, passive, people on both sides
                   // ("menerima bantuan" is no meeting)
  kWeaponNext,     // "weapon_next": only with a weapon word right after ("meluncurkan rudal")
  kNeedsDocument,  // "needs_document": signing, only with an agreement document near
  kCue,            // "cue": only with one of its type's cue words near (events.tsv event.cue.TYPE);
                   // a word may be listed once per type when its entries carry this flag
  kNotThatClause,  // "not_that_clause": no event when a that-clause follows ("sepakat bahwa" = an opinion)
  kPatientPossessor,  // "patient_possessor": a noun whose possessor is done to ("penangkapan X": X is arrested)
  kCount
};

// A word that makes an event (event_triggers.tsv): "bertemu" meeting
// reciprocal. Every affixed form is its own entry.
struct EventTrigger {
  std::string word;   // lower-case
  std::string type;   // an EventType's name (core/vocabulary.h), checked at load: "meeting"
  EventFrame frame = EventFrame::kTransitive;
  uint32_t flags = 0;  // bit (1 << EventTriggerFlag)
  bool Has(EventTriggerFlag f) const { return (flags >> static_cast<unsigned>(f)) & 1u; }
};

// Plain word lists, by what the analysers use them for. Each line of a
// word-class file is `class<TAB>entry<TAB>entry...` with the class's name
// below (an unknown name is a load error); an entry may be a phrase.
enum class WordClass : uint8_t {
  // The quote analyser (quotes.tsv).
  kQuotePredicate,    // "quote.predicate": shows a predicate (aspect, modality, copulas)
  kQuoteClauseStop,   // "quote.clause_stop": ends the search for a predicate (prepositions, relatives)
  kQuoteNotVerb,      // "quote.not_verb": me-/ber-/di-/ter- words that are not predicates
  kQuoteSpeakerStop,  // "quote.speaker_stop": ends a speaker phrase
  kQuoteAdverb,       // "quote.adverb": may stand between a subject and its speech verb
  kQuoteTimePhrase,   // "quote.time_phrase": may open a reported clause ("hingga saat ini")
  kQuoteRelayHead,    // "quote.relay_head": opens a relay between commas ("X, seperti dikutip dari Y, ...")
  kQuoteDateWord,     // "quote.date_word": before a date between a speaker and the verb
  kQuoteStrongRelay,  // "quote.strong_relay": names its source right after it ("dikutip dari X")
  kQuoteNegation,     // "quote.negation": denies a speech verb after it
  kQuoteBeliefVerb,   // "quote.belief_verb": "yakin jika ..." reports like "bahwa"
  kQuoteForecastVerb, // "quote.forecast_verb": a forecast or estimate is its speaker's ("memprediksi inflasi 3 persen")
  kQuotePronounClitic, // "quote.pronoun_clitic": glued to a pronoun, still the pronoun ("iapun", "dia-lah")
  // The time-expression tagger (timex.tsv).
  kTimexVague,          // "timex.vague": "beberapa", "puluhan"
  kTimexFuture,         // "timex.future": marks a clause about the future
  kTimexNotYearAfter,   // "timex.not_year_after": a number before it is a quantity
  kTimexNotYearBefore,  // "timex.not_year_before": a number after it is a quantity or identifier
  kTimexStarter,        // "timex.starter": may begin an expression
  kTimexClockWord,      // "timex.clock_word": before a clock time ("pukul")
  kTimexNumberSign,     // "timex.number_sign": before an identifier ("nomor")
  kTimexEvery,          // "timex.every": "setiap", "tiap"
  kTimexDateWord,       // "timex.date_word": before a day of the month ("tanggal")
  kTimexYearDirection,  // "timex.year_direction": after a year, part of it ("2019 lalu")
  kTimexQuarter,        // "timex.quarter": a quarter of a year ("kuartal")
  kTimexEraWord,        // "timex.era_word": before a decade ("tahun 1990-an")
  // The claim analyser (claims.tsv; each class's comment is in the file).
  kClaimAfterPostposedLebih,  // "claim.after_postposed_lebih"
  kClaimNeutralMarker,        // "claim.neutral_marker"
  kClaimIdentifierWord,       // "claim.identifier_word"
  kClaimNotUnit,              // "claim.not_unit"
  kClaimNounException,        // "claim.noun_exception"
  kClaimClassifier,           // "claim.classifier"
  kClaimCompoundUnit,         // "claim.compound_unit"
  kClaimNotUnitAcronym,       // "claim.not_unit_acronym"
  kClaimRangeLink,            // "claim.range_link"
  kClaimHedge,                // "claim.hedge"
  kClaimSourceNoun,           // "claim.source_noun"
  kClaimLeadingConnective,    // "claim.leading_connective"
  kClaimAdverb,               // "claim.adverb"
  kClaimPhraseStop,           // "claim.phrase_stop"
  kClaimGenericUnit,          // "claim.generic_unit"
  kClaimSourceLink,           // "claim.source_link"
  kClaimCurrencyPiece,        // "claim.currency_piece"
  kClaimOpaquePronoun,        // "claim.opaque_pronoun"
  kClaimTotalWord,            // "claim.total_word"
  kClaimSubjectHead,          // "claim.subject_head": a noun naming what a figure measures
  kClaimMeasureVerb,          // "claim.measure_verb": links a subject to its figure ("naik", "mencapai")
  kClaimSubjectLink,          // "claim.subject_link": a preposition inside a subject ("pendapatan dari pariwisata")
  kClaimMeasureUnit,          // "claim.measure_unit": a unit the noun after it is measured in ("5 ton beras")
  kClaimBareVerb,             // "claim.bare_verb": verbs without a verbal prefix ("masuk", "punya")
  // The event analyser (events.tsv; each class's comment is in the file).
  kEventClitic,              // "event.clitic": -nya, -lah, -pun, -kah
  kEventSkipBefore,          // "event.skip_before": adverbs and hedges between a subject and its verb
  kEventBlocker,             // "event.blocker": negation and denial before a trigger: modality negated
  kEventRole,                // "event.role": lower-case words inside an actor's noun phrase
  kEventFunctionWord,        // "event.function_word": end a noun phrase even when capitalised
  kEventLightVerb,           // "event.light_verb": "melakukan kunjungan"
  kEventWeapon,              // "event.weapon"
  kEventMessage,             // "event.message": sent, but no deployment ("mengirim salam")
  kEventReportWord,          // "event.report_word": names a report (besides the speech verbs)
  kEventPastOrPlan,          // "event.past_or_plan": earlier or planned, no date from a neighbour
  kEventDocument,            // "event.document": what signing makes an agreement
  kEventSport,               // "event.sport": a sports report
  kEventPreposition,         // "event.preposition": a mention after one is no participant
  kEventDateWord,            // "event.date_word": skipped with its date before a verb
  kEventCountWord,           // "event.count_word": a count before a noun trigger
  kEventObjectPreposition,   // "event.object_preposition": between a verb and its object
  kEventToward,              // "event.toward": towards a participant or place
  kEventPlaceNoun,           // "event.place_noun": between "di"/"ke" and a place
  kEventPartnerLink,         // "event.partner_link": before a noun trigger's other participants
  kEventDeterminer,          // "event.determiner": between a light verb and its noun
  kEventFrontedPreposition,  // "event.fronted_preposition": opens a fronted adverbial
  // Read by more than one analyser (grammar.tsv): one class for all.
  kPersonPronoun,  // "grammar.person_pronoun": points back to the nearest person ("ia", "beliau")
  kDemonstrative,  // "grammar.demonstrative": "ini", "itu", "tersebut"
  // Titles and roles written before a person's name (titles.tsv): the
  // entity analyser strips them from a PERSON mention.
  kTitle,  // "title"
  // What makes a title a role (titles.tsv): a role needs a head (a title
  // word of none of these classes but generic), loses link words at its
  // ends, and needs what it is of when its heads are all generic and it has
  // no part.
  kTitlePart,      // "title.part": completes a title ("luar", "keuangan", "bicara")
  kTitleModifier,  // "title.modifier": neither heads nor completes ("mantan", "bapak", "dr.")
  kTitleGeneric,   // "title.generic": too vague alone ("menteri", "ketua", "wakil")
  kTitleLink,      // "title.link": joins two portfolios ("dan"); never a role's first or last word
  // Legal forms of an organisation (legal_forms.tsv): part of its
  // displayed name, not of its key ("PT", "Tbk", "(Persero)").
  kOrgLegalForm,   // "org.legal_form"
  // Stated nicknames (grammar.tsv): what an article writes between a full
  // name and the nickname it gives ("Basuki Tjahaja Purnama atau Ahok"); the
  // person linker (pipeline/person_linker.h) reads them.
  kNicknameLink,  // "person.nickname_link"
  // Recurring reports (series.tsv): words whose value changes from one item
  // of a series to the next, masked like figures in its sentence skeletons.
  kSeriesValueWord,  // "series.value_word": "naik", "turun", "cerah", "imbang"
  // Organisations (legal_forms.tsv): a word naming the kind of organisation
  // at an end of its name ("Partai Gerindra", "FC Barcelona", "Arema FC"),
  // part of the displayed name but not of the key, like a legal form.
  kOrgKindWord,  // "org.kind_word"
  // Organisations (legal_forms.tsv): the head of an institution every
  // region has one of ("Polda", "Pemkab", "DPRD", "Kejari"): written alone
  // it is the one the article names in full, or that article's own, never
  // another article's ("Polda" in Medan is not "Polda" in Bandung).
  kOrgLocalHead,  // "org.local_head"
  // The claim analyser again (claims.tsv), added after the others so the
  // classes above keep their numbers.
  kClaimClitic,  // "claim.clitic": dropped from a unit or subject word ("harganya" -> harga)
  kClaimFigureNoun,  // "claim.figure_noun": names a figure itself ("angka tersebut", "jumlah itu")
  kClaimFigureLink,  // "claim.figure_link": joins two figures of one thing ("atau", "dan", "yang")
  // The time-expression tagger, issue 17 (timex.tsv).
  kTimexPast,                 // "timex.past": marks a clause about the past ("telah", "lalu")
  kTimexPresentRef,           // "timex.present_ref": PRESENT_REF phrases ("saat ini", "sekarang")
  kTimexPastRef,              // "timex.past_ref": PAST_REF phrases ("masa lalu", "belum lama ini")
  kTimexFutureRef,            // "timex.future_ref": FUTURE_REF phrases ("ke depan", "masa depan")
  kTimexAnaphor,              // "timex.anaphor": the time the narrative is at ("saat itu", "ketika itu")
  kTimexDayAnaphor,           // "timex.day_anaphor": the day the narrative is at ("hari itu")
  kTimexAnaphoricDirection,   // "timex.anaphoric_direction": counted from the narrative ("kemudian", "sebelumnya")
  kTimexRangeLink,            // "timex.range_link": between the ends of a range ("19 - 23 Juli")
  kTimexListLink,             // "timex.list_link": between listed periods ("kuartal I dan kuartal II")
  kTimexMoment,               // "timex.moment": a moment, counted vaguely ("beberapa saat" PTXM)
  kTimexFutureRefInitial,     // "timex.future_ref_initial": FUTURE_REF only opening a clause ("Ke depan, ...")
  kTimexPossessable,          // "timex.possessable": a REF noun that is no time before its possessor ("masa depan Tevez")
  kTimexDayAfter,             // "timex.day_after": the day after the narrative's ("keesokan harinya")
  // The claim analyser's subjects, issue 17 session 9 (claims.tsv).
  kClaimActionNoun,   // "claim.action_noun": an action on the thing after it ("pembangunan gardu")
  kClaimValueMarker,  // "claim.value_marker": the value of things counted before ("senilai")
  kClaimComparative,  // "claim.comparative": a degree word before an adjective ("lebih tinggi")
  kClaimPlaceLink,    // "claim.place_link": a place after a measure noun ("harga ikan di pasar")
  // Organisations again (legal_forms.tsv), added last so the classes above
  // keep their numbers: a word naming the medium an outlet publishes in,
  // at an end of its name ("ANTARA News", "Daily Mirror"): like a kind word,
  // part of the displayed name but not of the key.
  kOrgMediaWord,  // "org.media_word"
  // Stated nicknames again (grammar.tsv): a noun opening the sentence after
  // a person's name that stands for that person ("Achmad Budiharto. Pria
  // yang akrab disapa Budi ..."), before the link words.
  kNicknameAnaphor,  // "person.nickname_anaphor"
  // The event analyser, issue 18 (events.tsv): modality, roles, cues.
  kEventPlanned,          // "event.planned": before a trigger, the event is planned ("akan", "dijadwalkan")
  kEventHoped,            // "event.hoped": before a trigger, the event is hoped or conditional ("berharap", "jika")
  kEventNegatedAfter,     // "event.negated_after": after a noun trigger, it did not happen ("batal", "ditunda")
  kEventPlannedAfter,     // "event.planned_after": after a noun trigger, it is planned ("akan digelar")
  kEventCoactorLink,      // "event.coactor_link": before a co-actor ("bersama X", "didampingi X")
  kEventThatClause,       // "event.that_clause": an opinion follows ("sepakat bahwa")
  kEventClauseBreak,      // "event.clause_break": ends the clause a modality word is looked for in
  kEventCueDecision,      // "event.cue.decision": what a `cue` decision trigger needs near ("suku bunga")
  kEventCuePriceChange,   // "event.cue.price_change": ... a price change trigger ("harga", "tarif")
  kEventCueRegulation,    // "event.cue.regulation": ... a regulation trigger ("UU", "Perpres")
  kEventCueCharge,        // "event.cue.charge": ... a charge trigger ("tersangka")
  kEventCueVerdict,       // "event.cue.verdict": ... a verdict trigger ("vonis", "penjara")
  kEventCueAgreement,     // "event.cue.agreement": ... an agreement trigger ("kerja sama")
  kEventCueLaunch,        // "event.cue.launch": ... a launch trigger ("produk", "aplikasi")
  kEventCueAppointment,   // "event.cue.appointment": ... an appointment trigger ("sebagai", "menjadi")
  kEventCueHearing,       // "event.cue.hearing": ... a hearing trigger ("DPR", "Komisi")
  kSharedSubject,         // "grammar.shared_subject": a verb after one shares the previous verb's subject (events, quotes)
  kEventPassiveLightVerb, // "event.passive_light_verb": "N yang dilakukan X": X does the noun's event
  kEventPartyNoun,        // "event.party_noun": a common noun naming a party ("polisi", "pelaku", "warga")
  // The quote analyser again (quotes.tsv), issue 17: a bare person noun
  // that, as a speaker, refers back to one person the story named
  // ("Pelaku mengaku …" after "NYD ditangkap").
  kQuoteReferringNoun,  // "quote.referring_noun"
  // Issue 18, session 10: cue words of more types (a `cue` trigger of a
  // type needs one of its type's; every class has words, so a type gets its
  // class with its first `cue` trigger), a word after a trigger that
  // unmakes it, a narrative continuation.
  kEventCueArrest,        // "event.cue.arrest": ... an arrest trigger ("pelaku", "tersangka")
  kEventCueDeployment,    // "event.cue.deployment": ... a deployment trigger ("pasukan", "personel")
  kEventCueDismissal,     // "event.cue.dismissal": ... a dismissal trigger ("jabatan")
  kEventCueProtest,       // "event.cue.protest": ... a protest trigger ("massa", "demo")
  kEventNotAfter,         // "event.not_after": right after a trigger, it is no event ("menahan diri", "serangan jantung")
  kEventContinuation,     // "event.continuation": a sentence opener continuing the narrative's moment ("kemudian", "saat itu")
  kEventPerfective,       // "event.perfective": before a trigger in a direct quote, the speaker reports a happening ("sudah mengontrak")
  kCount
};

// The class's name in the files ("quote.clause_stop"); "" for kCount.
std::string_view WordClassName(WordClass c);
std::string_view SpeechRoleName(SpeechRole r);
std::string_view EventFrameName(EventFrame f);
std::string_view EventTriggerFlagName(EventTriggerFlag f);
std::string_view TimexPartKindName(TimexPartKind k);

class Lexicon {
 public:
  using WordClasses = std::bitset<static_cast<size_t>(WordClass::kCount)>;

  // The lexicon compiled into the binary. Loaded on first use and shared;
  // the built-in files are tested to load (a failure aborts with its Status).
  static std::shared_ptr<const Lexicon> Builtin();

  // The built-in files, each replaced by the file of the same name in `dir`
  // when the directory has one (files of other names are ignored). NotFound
  // when `dir` is not a directory; InvalidArgument naming "file:line: reason"
  // for a bad line; Corrupt for a file that is not UTF-8.
  static StatusOr<std::shared_ptr<const Lexicon>> Load(const std::string& dir);

  // As Load, with the replacing files given as (file name, text) pairs
  // instead of a directory (tests). An unknown file name is an error.
  static StatusOr<std::shared_ptr<const Lexicon>> FromFiles(
      const std::vector<std::pair<std::string, std::string>>& replacements);

  // The names of the lexicon files, in load order.
  static std::vector<std::string> FileNames();

  // --- Speech verbs (speech_verbs.tsv): one list for every analyser.
  const std::vector<SpeechVerb>& speech_verbs() const { return speech_verbs_; }
  const SpeechVerb* FindSpeechVerb(std::string_view lower) const;
  bool IsSpeechVerb(std::string_view lower, SpeechRole role) const {
    const SpeechVerb* v = FindSpeechVerb(lower);
    return v != nullptr && v->Has(role);
  }
  // Every verb with `role`, in file order.
  std::vector<std::string_view> SpeechVerbsWith(SpeechRole role) const;

  // --- Months (months.tsv) and weekdays (weekdays.tsv).
  const std::vector<MonthName>& months() const { return months_; }
  const MonthName* FindMonth(std::string_view lower) const;
  const std::vector<WeekdayName>& weekdays() const { return weekdays_; }
  const WeekdayName* FindWeekday(std::string_view lower) const;

  // --- Numbers (number_words.tsv), currencies (currencies.tsv) and bounds
  // (bounds.tsv), in file order; the analyser indexes what it needs.
  const std::vector<NumberWord>& number_words() const { return number_words_; }
  const std::vector<Currency>& currencies() const { return currencies_; }
  const std::vector<BoundPhrase>& bounds() const { return bounds_; }
  // Canonical units and rate qualifiers (units.tsv), in file order.
  const std::vector<CanonicalUnit>& canonical_units() const { return canonical_units_; }

  // --- Time units (time_units.tsv) and ordinals (ordinals.tsv), in file order.
  const std::vector<TimeUnitWord>& time_units() const { return time_units_; }
  const std::vector<OrdinalWord>& ordinals() const { return ordinals_; }

  // --- The valued parts of time expressions (timex_parts.tsv), in file order.
  const std::vector<TimexPart>& timex_parts() const { return timex_parts_; }

  // --- Event triggers (event_triggers.tsv), in file order; the event
  // analyser indexes them.
  const std::vector<EventTrigger>& event_triggers() const { return event_triggers_; }

  // --- Word classes.
  // Every class `lower` belongs to (one lookup for all of them).
  WordClasses ClassesOf(std::string_view lower) const;
  bool Is(WordClass c, std::string_view lower) const { return ClassesOf(lower).test(static_cast<size_t>(c)); }
  // The entries of a class, in file order.
  const std::vector<std::string>& Words(WordClass c) const { return words_[static_cast<size_t>(c)]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  class Loader;
  // Fills *origin and *text and returns true when the named built-in file is
  // replaced; false keeps it.
  using Replacement =
      std::function<StatusOr<bool>(std::string_view name, std::string* origin, std::string* text)>;
  static StatusOr<std::shared_ptr<const Lexicon>> Assemble(const Replacement& replacement);

  std::vector<SpeechVerb> speech_verbs_;
  Map<size_t> speech_verb_index_;
  std::vector<MonthName> months_;
  Map<size_t> month_index_;
  std::vector<WeekdayName> weekdays_;
  Map<size_t> weekday_index_;
  std::vector<TimeUnitWord> time_units_;
  std::vector<OrdinalWord> ordinals_;
  std::vector<TimexPart> timex_parts_;
  std::vector<EventTrigger> event_triggers_;
  Map<size_t> event_trigger_index_;
  std::vector<NumberWord> number_words_;
  std::vector<Currency> currencies_;
  std::vector<BoundPhrase> bounds_;
  std::vector<CanonicalUnit> canonical_units_;
  std::vector<std::string> words_[static_cast<size_t>(WordClass::kCount)];
  Map<WordClasses> classes_;
};

namespace internal {
// (file name, bytes) of every lexicon file compiled into the binary
// (generated from src/text/data/lexicon/ by cmake/EmbedFiles.cmake).
const std::vector<std::pair<std::string_view, std::string_view>>& BuiltinLexiconFiles();
}  // namespace internal

}  // namespace warta::text
