// EventAnalyzer: the "events" step of the analysis pipeline. Finds the
// events of the schema (docs/quality/events-guidelines.md: ACE 2005 / Rich
// ERE types plus Warta's) -- meetings, visits, hearings, agreements,
// decisions, regulations, price changes, appointments, dismissals, arrests,
// charges, verdicts, protests, attacks, disasters, deployments,
// accusations, launches, elections -- with who took part in which role,
// where, when and whether it happened, and fills Article::events.
// Statements are no event type: the quote analyser covers them
// (Article::quotes).
//
//   EventAnalyzer events;                       // once; immutable
//   // after the entities, timex and quotes analysers on the same context:
//   events.Analyse(&article, &ctx);
//   for (const Event& e : article.events) Use(e.type, e.participants, e.roles, e.modality, e.date);
//
// Triggers are data: text::Lexicon's event triggers (event_triggers.tsv:
// word or phrase, type, frame, flags); the other word lists are its event.*
// word classes (events.tsv). A trigger is matched on the lowercased token
// with a clitic -nya, -lah, -pun or -kah removed (every affixed form is
// listed: "bertemu", "menemui", "ditemui", "pertemuan(nya)"); a phrase
// ("unjuk rasa", "rapat kerja", "meresmikan kerja sama") by its words, the
// longest first. A trigger flagged `cue` counts only with one of its type's
// cue words (event.cue.TYPE) within three words before or six after it, so
// one word can make several types: "menaikkan/mempertahankan/menahan suku
// bunga" is a decision, "menaikkan harga/tarif" a price change, "menahan X"
// otherwise an arrest; "menetapkan X sebagai tersangka" a charge, "rapat"
// with "DPR/Komisi" a hearing, else a meeting. Others: `weapon_next`
// ("meluncurkan rudal" is an attack, "meluncurkan aplikasi" a launch),
// `needs_document` (signing an agreement), `not_that_clause` ("sepakat
// bahwa ..." is an opinion, "sepakat untuk ..." an agreement).
// Not events: a trigger a word right after unmakes (event.not_after: "menahan
// diri", "serangan jantung"); a deployment of a message ("mengirim surat",
// "rekomendasi ... dikirim"); a count ("91,8 ribu kunjungan"); meetings, attacks, visits...
// in a sports report (three or more sport terms in the article, or one in
// the sentence), where only agreements, appointments and dismissals count;
// a capitalised trigger inside a run of capitalised words ("Dinas
// Kebakaran"), a name the entity analyser missed; a trigger inside a name
// unless the name is an organisation the trigger begins ("OTT", "Rapat
// Dengar Pendapat (RDP)").
//
// Participants are canonical entity ids of PERSON, ORGANISATION and
// LOCATION mentions (a country acts as an actor), read from the trigger's
// sentence by its frame, each on a side that gives its role
// (Event::roles[i] is participants[i]'s):
//   * the subject (actor): the noun phrase ending right before the trigger
//     (adverbs, hedges, modal words, negations and dates skipped), a
//     coordination "X dan Y" (the first the actor, the rest co-actors, or
//     for a two-party event with no object the party met), an apposition
//     "Menteri Pertahanan Rusia, Andrei Belousov"; a relative "X, yang
//     mengirim" gives X; a pronoun (ia, dia, beliau) or an unrecognised
//     short name ("Kim", or a one-word name tagged elsewhere: "Israel") is
//     resolved; "keduanya" the last two people named; a verb after
//     "untuk/dan/lalu" with no subject of its own shares the previous
//     verb's ("melakukan kunjungan ke Moskow untuk bertemu Putin");
//   * the object or partner (target): the noun phrase right after the verb
//     (after "dengan", "kepada", "terhadap", a short aside "(via telepon)",
//     or a common noun heading it: "mengkritik surat kabar The New York
//     Times"); the agent after "oleh" of a di- passive is the actor and the
//     patient before it the target; for a noun trigger its possessor
//     ("kunjungan Shoigu", "serangan Rusia") or the agent of "yang
//     dilakukan/diadakan/dipimpin X" is the actor, "antara X dan Y" the two
//     parties, "dengan X" the target, the subject of a light verb before it
//     ("X melakukan kunjungan", "Y mengikuti rapat kerja") the actor, and
//     for a fronted adverbial ("Selama pertemuannya dengan Kozlov, Kim ...")
//     the main clause's subject;
//   * co-actors: a phrase after "bersama"/"didampingi" (event.coactor_link),
//     after the verb ("meninjau pasar bersama X") or before it ("Jokowi
//     bersama Iriana meninjau": Jokowi the actor);
//   * for deployments and attacks "ke/kepada/terhadap X" is the target (a
//     deployment's LOCATION there is its place); for a meeting, an
//     agreement, an accusation or a visit a party (no LOCATION) after "ke"
//     is the party met or joined ("bergabung ke AC Milan", "bertamu ke
//     tempat PM Lee"); else "di/ke X" is the place.
// A country or organisation that only qualifies a person's role ("Pemimpin
// Korea Utara Kim Jong Un") is not a participant of its own.
// Enough to be an event (issue 18, session 10): a trigger that passed the
// filters in a sentence with a content word besides it is an event even
// when no party is a named entity ("polisi menangkap dua pelaku", "warga
// berunjuk rasa", "Mereka bertemu"): it keeps the parties that are
// entities, or none. By type: a visit needs a place or a party visited (a
// co-actor is none: "Kedatangan X dan Y disambut ..."); a decision,
// regulation, price change, launch or hearing whose only named party is
// its object needs a subject that names its doer, at least by a common
// noun ("pemerintah tak menerbitkan Perppu X"); a meeting, an agreement or
// an accusation keeps the one party named when the other is a common noun
// ("Kim Jong Un bertemu pejabat tinggi"). A disaster's place may be the
// first LOCATION after it ("Banjir melanda Kampung Pulo"). A noun pointing
// back with no party of its own ("Perjanjian ini", "Keputusan itu") is
// never an event of its own.
// Separate actors doing separate things are separate events ("The Fed
// menahan, RBA memangkas, BoE mempertahankan suku bunga": three decisions).
// Same-type triggers in one sentence that share a participant or complete
// each other (one names no party) are one event, and so are later mentions
// of the same type with the same participants in the article, or with the
// same trigger word and participants one a subset of the other's, or a
// later mention naming no party within two paragraphs of an event of its
// type ("banjir" again: one line per happening) -- the first mention's
// span, trigger and modality, the most precise date.
//
// Modality (instead of dropping the trigger): a negation or denial right
// before it, across adverbs and modal words (event.blocker: "tidak",
// "belum", "batal", "membantah", "nyaris"), makes it negated; else a hope,
// wish, proposal or condition in its clause before it (event.hoped:
// "berharap", "ingin", "potensi", "jika", "mendesak", "diharapkan") hoped;
// else a plan (event.planned: "akan", "berencana", "dijadwalkan",
// "rencana") planned; for a noun, "batal/ditunda" or "akan digelar" right
// after it too; else happened -- unless the text dates it after the
// publication day, at its own granularity ("Pilpres 2019" in a 2018
// report): then planned. The clause ends at event.clause_break words
// ("namun", "ketika", ";"), a full stop or a quotation's edge.
//
// Place: the canonical name of a LOCATION after "di"/"ke" in the sentence
// (after the trigger first), else one fronting the sentence ("Di Moskow,
// ..."); when capitalised words the entity analyser left out stand between
// "di" and the LOCATION ("di Pasar Dukuh Kupang", the LOCATION "Kupang"),
// the full name as written.
// Date: the value of the DATE or TIME expression in the sentence nearest
// the trigger (a TIME keeps its day: "2024-11-18"), skipping those that date
// a report ("menurut laporan ... pada Sabtu"); else, when the sentence
// continues the previous event of its paragraph (they share a participant),
// that event's date; else, when another event of the sentence is dated,
// that date; else the narrative's date: the last date its paragraph gave
// before the sentence, or, for a sentence opening a paragraph with a
// continuation (event.continuation: "Kemudian", "Saat itu"), the last date
// of the paragraph before; else "" -- never the publication day by default
// (see EventAnalyzerOptions::date_from_publication).
//
// Triggers inside a direct quotation (Article::quotes) are skipped: what a
// speaker says will happen is a claim, not an event (measured again in
// session 10: allowing them all found 6 more gold events for 15 more
// system events on batch 1, below the step's precision) -- unless a
// perfect-aspect word (event.perfective: "sudah", "telah") stands within
// three words before the trigger: the speaker reports it done ("kami sudah
// mengontrak Helder Lobato").
//
// Span: the sentence holding the (first) trigger. Trigger: that word or
// phrase as written.
//
// Cost: one pass over the tokens (a lowercase copy of each, a three-letter
// prefix filter, then a hash look-up for the few that pass); each trigger
// looks at most max_phrase_tokens tokens either side (its sentence for the
// filters, a dozen words for its modality) and max_antecedent_mentions
// preceding mentions, and events are merged through a hash map (a
// same-trigger or partyless merge looks back at most 16 events), so an article costs
// O(tokens + mentions) and a 100 KB paragraph or an article with no
// entities is cheap. No regex.
//
// Thread-safety: immutable after construction; Analyse() may run on many
// threads at once.
#pragma once

#include <memory>
#include <string_view>

#include "analyse/analyzer.h"
#include "core/status.h"
#include "text/lexicon.h"

namespace warta::events {

struct EventAnalyzerOptions {
  // How many tokens before and after a trigger its subject, object, place
  // and date are looked for; bounds the work per trigger.
  int max_phrase_tokens = 30;
  // How many preceding mentions a pronoun or short name is resolved
  // against (the nearest fitting one wins).
  int max_antecedent_mentions = 64;
  // Most participants kept per event (a long list of countries signing one
  // declaration is kept only to this many).
  int max_participants = 8;
  // Undated events that read as current get the publication day. Off by
  // default (issue 18): most undated events in news are background ("the
  // MoU of 31 May", "since the invasion") or only dated by a weekday the
  // timex tagger could not place, and the publication day put them on the
  // wrong day of the timeline; an event with no date the text gives keeps
  // "" and a timeline places it by its article.
  bool date_from_publication = false;
  // The words read: event triggers, speech verbs (report words) and the
  // event.* word classes. Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

class EventAnalyzer : public analyse::Analyzer {
 public:
  explicit EventAnalyzer(EventAnalyzerOptions options = {});
  ~EventAnalyzer() override;

  std::string_view name() const override { return "events"; }
  // Replaces article->events with the events in ctx->text(), in text order.
  // Reads article->entities, ->timexes and ->quotes (run those analysers
  // first; without entities there are no participants and so no events).
  // Never fails.
  Status Analyse(Article* article, analyse::AnalysisContext* ctx) const override;

  struct Lexicon;  // the text::Lexicon's trigger words and word classes, indexed for the frames

 private:
  EventAnalyzerOptions options_;
  std::unique_ptr<const Lexicon> lexicon_;
};

}  // namespace warta::events
