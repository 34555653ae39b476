// EventAnalyzer: the "events" step of the analysis pipeline. Finds things
// that happened between named actors — meetings and visits, agreements,
// deployments and supplies, accusations, attacks — with who took part,
// where and when, and fills Article::events.
//
//   EventAnalyzer events;                       // once; immutable
//   // after the entities, timex and quotes analysers on the same context:
//   events.Analyse(&article, &ctx);
//   for (const Event& e : article.events) Use(e.type, e.participants, e.date);
//
// Triggers (Indonesian, matched on the lowercased token with a clitic -nya,
// -lah, -pun or -kah removed; every affixed form is listed explicitly, so
// "bertemu", "menemui", "ditemui", "pertemuan(nya)" all count). They are
// data: text::Lexicon's event triggers (event_triggers.tsv: word, type,
// frame, flags); the other word lists are its event.* word classes
// (events.tsv). Among them:
//   meeting      bertemu, berjumpa, menemui, pertemuan, menerima / menyambut /
//                menjamu (only with a PERSON as object, or, passive, with
//                people on both sides), mengunjungi, kunjungan, berkunjung,
//                bertandang, lawatan, berbincang, pembicaraan, perundingan...
//   agreement    menandatangani / meneken / penandatanganan (only with an
//                agreement document near: perjanjian, kontrak, MoU...),
//                meratifikasi, perjanjian, kesepakatan, sepakat, pakta, traktat...
//   deployment   mengirim(kan), mengerahkan, memasok, pasokan, pengiriman...
//                (not when what is sent is a message: "mengirim salam")
//   accusation   menuduh, tuduhan, menuding, tudingan, mengecam, kecaman...
//   attack       menyerang, serangan, menggempur, membom, membombardir,
//                invasi, meluncurkan / menembakkan rudal (a weapon word must follow)
// Statements are left to the quote analyser (Article::quotes).
// Not events: a trigger after a negation or a modal ("tidak bertemu", "siap
// menyambut", "melarang ... bertemu"); a count ("91,8 ribu kunjungan");
// meetings, attacks and deployments in a sports report (three or more sport
// terms in the article, or one in the sentence: "berjumpa Spanyol pada laga").
//
// Participants are canonical entity ids of PERSON, ORGANISATION and
// LOCATION mentions (a country acts as an actor), read from the trigger's
// sentence by its frame:
//   * the subject: the noun phrase ending right before the trigger (adverbs,
//     hedges such as "dipercaya", and dates skipped), a coordination "X dan
//     Y", an apposition "Menteri Pertahanan Rusia, Andrei Belousov"; a
//     relative "X, yang mengirim" gives X; a pronoun (ia, dia, beliau) or an
//     unrecognised short name ("Kim") is the nearest preceding PERSON whose
//     name fits, "keduanya" the last two people named;
//   * the object or partner: the noun phrase right after the verb (after
//     "dengan", "kepada", "terhadap"), the agent after "oleh"/"antara" of a
//     di- passive, for a noun trigger its possessor ("kunjungan Shoigu",
//     "serangan Rusia"), "antara X dan Y", "dengan X", the subject of a light
//     verb before it ("X melakukan kunjungan") and, for a fronted adverbial
//     ("Selama pertemuannya dengan Kozlov, Kim ..."), the main clause's
//     subject; a -nya on the trigger is the nearest preceding person;
//   * for deployments and attacks, "ke/kepada/terhadap X" is the recipient
//     or target (a participant); for the other types "di/ke X" is the place.
// A country or organisation that only qualifies a person's role ("Pemimpin
// Korea Utara Kim Jong Un") is not a participant of its own.
// An event needs at least two distinct participants, or, for a visit
// trigger, one participant and a place; a transitive verb needs an actor
// on each side ("pihak Barat menuduh Rusia" names no accuser: no event). Same-type triggers in one sentence
// that share a participant or complete each other ("melakukan kunjungan ke
// Moskow untuk bertemu Putin") are one event, and so are later mentions of
// the same type with the same participants in the article (the first
// mention's span, the most precise date).
//
// Place: the canonical name of a LOCATION after "di"/"ke" in the sentence
// (after the trigger first), else one fronting the sentence ("Di Moskow, ...").
// Date: the value of the DATE or TIME expression in the sentence nearest
// the trigger (a TIME keeps its day: "2024-11-18"), skipping those that date
// a report ("menurut laporan ... pada Sabtu"); else, when the sentence
// continues the previous event of its paragraph (they share a participant),
// that event's date; else the publication (or inferred) day, unless the
// sentence marks the event as earlier or planned ("sebelumnya", "pernah",
// "akan", "rencana"), where a guess would be wrong and the date stays "".
//
// Triggers inside a direct quotation (Article::quotes) are skipped: what a
// speaker says will happen is a claim, not an event.
//
// Span: the sentence holding the (first) trigger. Trigger: that word as
// written.
//
// Cost: one pass over the tokens (a lowercase copy of each, a three-letter
// prefix filter, then a hash look-up for the few that pass); each trigger
// looks at most max_phrase_tokens tokens either side (its sentence for the
// filters) and max_antecedent_mentions preceding mentions, and events are
// merged through a hash map, so an article costs O(tokens + mentions) and a
// 100 KB paragraph or an article with no entities is cheap. No regex.
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
