// QuoteAnalyzer: finds what people said in an article, directly ("…") or
// reported ("X mengatakan bahwa …"), who said it and which outlet relayed it.
//
// What counts as a quote:
//   * direct: text between matching marks “…”, "…", ‘…’, '…' or two glued
//     single marks (’’…’’) inside one
//     paragraph, even across sentence ends (“Satu. Dua,” kata Kim); a
//     straight opener may be closed by a curly ” (sources mix them). Marks
//     nested inside an open quotation are part of its text. A mark left
//     open at the paragraph end runs on into the next paragraph when that
//     paragraph reopens it with the same mark or closes it before opening
//     another (a quote over several paragraphs; its text keeps the line
//     break); otherwise it gives nothing. A short (fewer than
//     Options::min_unattributed_words words) quotation with no speaker is a
//     scare quote or a title, not a quote, and is dropped; one that does
//     not open its sentence never continues an earlier speaker's quote;
//   * indirect (direct = false), in a sentence with no kept quotation:
//     "X mengatakan/menegaskan/menilai/mengaku… bahwa CLAUSE", the same verbs
//     followed by a comma or colon and a clause, or directly by a clause or
//     predicate ("X mengaku sudah siap", "X menyebut Indonesia sudah punya
//     …": a predicate word such as sudah/akan/tidak, or a me-/ber-/di-/ter-
//     verb, before any preposition; after a relative "yang" only the
//     former), unless the verb is denied ("belum bisa memastikan");
//     "Menurut X, CLAUSE", "CLAUSE, menurut X, CLAUSE" (X must then name
//     somebody: "menurut aturan" is no source), "Menurutnya, CLAUSE";
//     "Kata X, CLAUSE", "CLAUSE, kata X, CLAUSE" (the whole sentence) and
//     "CLAUSE, kata X." with the after-quote verbs below, also without the
//     closing comma ("…, kata X akan …", "… lanjutnya justru …": the whole
//     sentence); "Ditambahkan X, CLAUSE" (a passive speech verb naming its
//     speaker); "…, menurut mantan menteri itu adalah …" (a role with a
//     demonstrative points back). The lexicon's quote.forecast_verb class
//     (memprediksi, memperkirakan, menilai…) reads like a speech verb and
//     also takes a noun phrase with a figure ("memperkirakan inflasi 3
//     persen"). Text = the clause.
// Speaker: the words after a speech verb following the quotation ("…,"
// kata / ujar / ungkap / tegas / tandas / imbuh / jawab… X, also their -nya
// forms, which point back to the last person named), or before one
// preceding it ("X mengatakan, “…”", "X menjawab, “…”", "Menurut X, “…”").
// "kata kuasa hukum FPI, Sugito …": the person after the office's comma.
// Those words are resolved to an entity: a PERSON (else ORGANISATION)
// mention overlapping them gives speaker = its canonical name and
// speaker_entity_id = its id; a pronoun (ia, dia, beliau), a -nya verb or a
// role with a demonstrative ("ucap manajer klub itu") gives the nearest
// preceding PERSON mention — or, when a quote was attributed within the two
// sentences before, that quote's speaker (a pronoun right after a quote
// refers to its speaker, not to whoever the quote's sentence named last); an
// unresolved word that is part of a preceding PERSON's canonical name
// ("Kim") gives that person; a one-word person the entity stage left
// unlinked takes the one fuller name before it ("Pudjo" -> "A.S.
// Pudjoharsoyo"). A person named inside a direct quotation, or in a
// sentence whose subject is a pronoun, is never a pronoun's antecedent;
// "Iapun" (a pronoun with a clitic) is a pronoun. Otherwise the speaker is
// a mention the article gives the words' ending elsewhere, else the words
// as written (a single word: the capitalised run its first occurrence
// starts), and the id is empty.
// A quotation with no speaker of its own continues the previous attributed
// quote (direct or reported) of its paragraph, or, when it opens its
// paragraph and is not a short scare quote, of one of the two paragraphs
// before.
// Relay: "dikutip (dari) X", "dilansir (dari) X", "dilaporkan (oleh) X" and
// "kepada X" (X an ORGANISATION or an all-capitals name such as AFP) in the
// quote's sentence give relay = X as written; a weekday or month is never one.
//
// Spans are in code points into ctx.text() and cover exactly Quote::text
// (a trailing comma before the closing mark is left out).
//
// Cost: linear in the number of tokens plus quotes × log(mentions) (each
// look-up scans a bounded window; name look-ups go through hash tables
// built once per article); no regex, so a 100 KB quotation or a paragraph
// of stray marks is cheap.
//
// Thread-safety: immutable after construction; Analyse() may run on many
// threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyse/analyzer.h"
#include "core/status.h"
#include "text/lexicon.h"

namespace warta::quotes {

struct QuoteAnalyzerOptions {
  // A quotation with no speaker and fewer words than this is treated as a
  // scare quote or a name ("disebut 'operasi militer khusus'"), not a quote.
  int min_unattributed_words = 4;
  // How many tokens after a closing mark the speech verb may come; keeps
  // the speaker search local to the quotation's own clause.
  int max_verb_distance = 4;
  // Most words taken as the speaker after a speech verb ("kata Menteri Luar
  // Negeri Rusia Sergei Lavrov" needs several).
  int max_speaker_words = 14;  // a title can be long: "Kepala Bidang Hubungan Masyarakat Polda Jawa Barat Kombes X"
  // The words read: speech verbs by role (after, before, bare) and the
  // quote.* word classes. Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

class QuoteAnalyzer : public analyse::Analyzer {
 public:
  explicit QuoteAnalyzer(QuoteAnalyzerOptions options = {});

  std::string_view name() const override { return "quotes"; }
  // Replaces article->quotes with the quotes in ctx->text(), in text order.
  // Reads article->entities (run the entity analyser first; without it the
  // speakers are left as written). Never fails.
  Status Analyse(Article* article, analyse::AnalysisContext* ctx) const override;

 private:
  QuoteAnalyzerOptions options_;
  // The lexicon's quote.time_phrase entries split into words, once here
  // rather than for every article.
  std::vector<std::vector<std::string>> time_phrases_;
};

}  // namespace warta::quotes
