// ClaimAnalyzer: finds the numeric figures an article puts forward ("lebih
// dari 10.000 tentara", "Rp 1,5 triliun", "ratusan ribu butir amunisi"), with
// their value, bound, unit, claimant, hedge and date.
//
//   ClaimAnalyzer claims;                       // once; immutable
//   analyse::AnalysisContext ctx(article);      // after entities, timex, quotes
//   claims.Analyse(&article, &ctx);             // fills article.claims
//
// What is a claim: a number (digits or words) together with what it counts or
// measures, the unit, written right after it ("27 orang", "5 ton beras") or as
// a currency ("Rp 20 juta", "US$ 2 miliar") or percentage ("30%"). A number
// with no unit is not a claim ("menang 3-1", "halaman 45", "(45)").
//
// Numbers:
//   digits     "10.000" (dot groups of three = thousands), "1,5" and "1.5"
//              (decimal), "5.999,25", "1,000,000"; after a foreign currency
//              "US$ 2,201" is 2201 (English grouping); a leading zero ("021",
//              "0812") or a third hyphenated part (a phone number) is not a
//              figure. Values are doubles: a 40-digit number is kept as an
//              approximate double (the text keeps every digit), never UB;
//   words      "tiga ratus ribu", "dua belas", "seratus", "satu juta",
//              "satu setengah juta"; "satu" alone is the article "one", not a
//              figure; a capitalised number word inside a sentence is a name
//              ("di Lima");
//   multipliers "ribu/rb", "juta/jt", "miliar/milyar", "triliun", "ratus"
//              after digits ("1,5 juta"); "M"/"T" only after a currency
//              ("Rp 85 M");
//   vague      ranges, low = 2 × base and high = 10 × base − 1 (belasan: 11
//              to 19): "puluhan" 20..99, "ratusan" 200..999, "ribuan"
//              2.000..9.999, "jutaan" 2..9,999999 juta, also "berpuluh-puluh"
//              etc.; a following multiplier scales both ("ratusan ribu" =
//              200.000..999.999). bound "range".
// Bound (Claim::bound), from the words before the figure (or after it):
//   ""           exact as written ("sebanyak", "sebesar", "mencapai" are neutral)
//   "more-than"  lebih dari, di atas, "N lebih", "lebih N"
//   "at-least"   sedikitnya, setidaknya, minimal, paling sedikit, paling
//                tidak, sekurang-kurangnya, tidak kurang dari, "N atau lebih"
//   "about"      sekitar, kira-kira, sekira, kurang lebih, lebih kurang, berkisar
//   "up-to"      hingga, sampai, maksimal, paling banyak, tidak lebih dari
//   "less-than"  kurang dari, di bawah
//   "almost"     hampir, nyaris, mendekati
//   "range"      "10.000–12.000", "10.000 hingga/sampai 12.000", "antara 1.000
//                dan/hingga 3.000", "Rp 75 miliar hingga Rp 100 miliar",
//                "70% - 75%" and the vague words; low < high (a multiplier
//                written only on the high end applies to both: "1-2 juta").
//                A first number not below the second is no range ("3-1" is
//                a score, and its second number is no figure either).
//   For a single figure low == high.
// Unit (Claim::unit): the head noun after the number, lower-cased, with "-nya"
// dropped ("warganya" -> "warga"); a classifier (ekor, buah, unit, butir,
// batang, lembar...) takes its noun ("ekor ikan"); a lexicalised two-word
// compound from a small list is kept whole ("peluru artileri", "kaki kubik",
// "kapal pesiar"); modifiers are not ("tentara Korea Utara" -> "tentara");
// a rate is kept ("barel per hari", "km/jam" -> "km per jam"); acronyms that
// name no entity are units ("MMSCFD" -> "mmscfd"). Currencies are named
// ("Rp" -> "rupiah", "US$"/"USD"/"dolar Amerika (Serikat)" -> "dolar AS",
// "$" -> "dolar", "€" -> "euro", "pounds" -> "pound sterling"); "%" and
// "persen" are "persen". Time units (tahun, hari, jam...), "kali", function
// words and verb-shaped words (me-, ber-, di-, ter- forms, with a list of
// nouns excepted) are not units, so ages, durations and "tiga kali lipat"
// give nothing.
// Not claims either: anything inside a time expression (article->timexes),
// a number right after an identifier word (pasal, ayat, nomor, no., UU,
// halaman, lantai, km as a road marker, pukul, usia/berusia, skor, level...)
// or after a capitalised word inside the sentence ("Model 3", "Asset 3"),
// ordinals ("ke-3", "ke - 1"), products ("4 x 100 meter"), words
// holding digits ("G20", "COVID-19", "Su-57"), an identifier word in
// brackets ("Pajak Penghasilan (PPh) 22") and number plates ("B 1234 KJH").
// An amount with a currency is a figure whatever precedes it.
// Subject (Claim::subject, lower case): what the figure measures, as
// docs/quality/claims.md lists the rules: "jumlah X" for a generic unit, the
// noun after a measure unit, light counting noun or share ("5 ton beras",
// "14 titik pengungsian", "30% penduduk"), none for a count whose unit
// names what it counts ("10.000 tentara") unless a measure noun right
// before calls it otherwise ("kuota 5.000 tiket"), the previous sentence's
// for "Angka tersebut …", an earlier figure's when linked to it with only
// function words, markers, time expressions or qualifiers between ("naik 5
// persen (yoy) menjadi Rp 14.000"; listed items "yang kedua …"), else the
// noun phrase the figure's clause is about (past a name after a
// preposition, a place after a measure noun, an action noun; the clause's
// subject for a figure noun after a measure verb, "mencatatkan outstanding
// Rp …"), the nearest measure head, or a heading line over the paragraph.
// Claimant, first that applies:
//   1. the speaker of a quote (article->quotes) whose span holds the figure;
//      for reported speech (Quote::direct false) rules 2-5 read the same
//      words first (so "Menurut pejabat intelijen AS, …" stays a role, not
//      the place), and after a direct quote a PERSON found by rule 3 wins
//      ("…,” ucap pelatih Torino, Sinisa Mihajlovic"); a quote speaker that
//      is an opaque pronoun (mereka, kami…) counts as none;
//   2. "menurut X" in the sentence ("menurutnya": the last PERSON named);
//   3. "…, kata/ujar/ungkap/jelas… X" after the figure, or "Kata X, …"
//      before it (-nya forms: the last PERSON named before; a PERSON in
//      apposition after a role wins);
//   4. the subject of the nearest claim verb before the figure ("X menuduh/
//      mengklaim/memperkirakan/mencatat/menyebut/menargetkan… … N"), with
//      "Klaim oleh X", apposition ("Juru bicara Y, X, mengatakan") and
//      pronouns (ia, dia, beliau -> the last PERSON named); evidence verbs
//      (menunjukkan, menemukan) count only with a source subject ("data X
//      menunjukkan"). A relative clause with its own report verb between
//      them ("proyek yang diduga merugikan negara Rp 2,3 triliun") detaches
//      the figure: no claimant from that verb, nor from an indirect quote;
//   5. "berdasarkan/sesuai (data/hasil…) X", and an agent after a fronted
//      passive report verb ("Disebutkan X, …", "dilaporkan oleh X");
//   6. when the sentence names none but is hedged (outside a "yang" clause)
//      or opens anaphorically ("Jumlah tersebut diperkirakan …"), the
//      claimant of the previous sentence of the same paragraph (found by
//      1-5).
//   The words found are resolved to entities: a PERSON mention among them
//   wins; a leading ORGANISATION/LOCATION mention gives it and any mentions
//   coordinated with it ("AS dan Korea Selatan" -> "Amerika Serikat dan Korea
//   Selatan", claimant_entity_id = the first one's id); a source noun
//   ("data", "laporan", "hasil"…) gives its owner. Otherwise the words as
//   written ("pejabat intelijen AS, Korea Selatan, dan Ukraina"), id empty.
// Hedge: the nearest report/uncertainty word in the sentence near the figure
// (diperkirakan, diduga, dipercaya, disebut(kan), dikabarkan, kabarnya,
// dilaporkan, konon, ditaksir, diyakini, disinyalir, ditengarai, diklaim…),
// as written.
// Date: the value of the DATE (or TIME, cut to its date) expression nearest
// the figure in its sentence, else the publication date (or the inferred
// one) as YYYY-MM-DD, else "". Implausible years are skipped (Options:
// an inferred publication date before 1990, a sentence date before 1800
// or over 50 years after the publication).
// Canonical unit (Claim::canonical_unit): the unit named as units.tsv of
// the lexicon says ("rupiah" -> IDR, "dolar AS" -> USD, "persen" ->
// percent, "basis poin" -> bp, "troy ounce" -> ozt), a rate part by part
// ("rupiah per gram" -> IDR/g); else the unit itself. Qualifier
// (Claim::qualifier): a rate qualifier of units.tsv written right after the
// figure or before it in its clause ("(yoy)", "secara bulanan" -> yoy, mtm).
//
// Spans are code points into ctx.text() and cover the bound words, the
// figure and its unit; Claim::text is exactly that text.
//
// Cost: one pass over the tokens; each figure looks at most
// Options::window tokens either side and binary-searches mentions, quotes
// and time expressions, so a 100 KB paragraph or a run of digits stays
// linear. No regex and no allocation per token: one copy of the text
// (lower-cased token by token on first use) and a bit filter that spares
// most words their hash lookup. About 20 µs per IndoSum article on one
// core (docs/quality/claims.md).
//
// Thread-safety: immutable after construction; Analyse() may run on many
// threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "analyse/analyzer.h"
#include "core/status.h"
#include "text/lexicon.h"

namespace warta::claims {

struct ClaimAnalyzerOptions {
  // How many tokens either side of a figure (inside its sentence) the
  // claimant, claim verb and hedge are looked for; bounds the work per figure.
  int window = 40;
  // Longest claimant kept as written, in tokens; a longer phrase is more
  // likely a clause than a name, and gives no claimant.
  int max_claimant_tokens = 12;
  // Rule 6 above: a hedged or anaphoric sentence inherits the previous
  // sentence's claimant.
  bool carry_claimant = true;
  // Plausible dates (issue 17). An inferred publication date (the article
  // has no published one) dates figures only from earliest_inferred_year
  // to latest_inferred_year (0: no upper bound); a time expression in the
  // figure's sentence only from earliest_year to max_years_ahead after the
  // publication date. Outside these, the next source of a date applies.
  int earliest_inferred_year = 1990;
  int latest_inferred_year = 0;
  int earliest_year = 1800;
  int max_years_ahead = 50;
  // The words read: speech verbs by role (claim, after, evidence, passive)
  // and the claims' number words, units, bounds and word classes. Null:
  // text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

class ClaimAnalyzer : public analyse::Analyzer {
 public:
  explicit ClaimAnalyzer(ClaimAnalyzerOptions options = {});
  ~ClaimAnalyzer() override;

  std::string_view name() const override { return "claims"; }
  // Replaces article->claims with the claims in ctx->text(), in text order.
  // Reads article->entities, timexes, quotes, published and
  // inferred_published (run those analysers first; without them claimants
  // stay as written, dates fall back to the publication date, and numbers
  // in time expressions are screened by the unit rules only). Never fails.
  Status Analyse(Article* article, analyse::AnalysisContext* ctx) const override;

  struct Tables;  // internal: the lexicon indexed for the scans, built once

 private:
  ClaimAnalyzerOptions options_;
  std::shared_ptr<const Tables> tables_;
};

// The value of a digit string as Indonesian news writes it: "10.000" ->
// 10000, "1,5" -> 1.5, "1.5" -> 1.5, "5.999,25" -> 5999.25, "1,000,000" ->
// 1e6. nullopt for anything else: letters, a leading zero ("021"), dot
// groups that are neither thousands nor one decimal point ("1.2.3"), or a
// value that is not finite.
std::optional<double> ParseDigits(std::string_view digits);

}  // namespace warta::claims
