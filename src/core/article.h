// The document model every stage reads and writes.
//
// One direction: ingest produces RawDocuments, clean turns each into an
// Article (clean paragraphs, lifted metadata, the lines it removed and why),
// the analysers add annotations, and the store keeps all of it. Stages talk
// only through these plain types.
//
// Offsets: every annotation's Span counts Unicode code points into
// Article::Text(), the paragraphs joined by a single '\n'. Code points (not
// bytes) because the web page and other tools index strings that way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/datetime.h"
#include "core/vocabulary.h"

namespace warta {

// Half-open [begin, end) in code points into Article::Text().
struct Span {
  int32_t begin = 0;
  int32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// A line that cleaning took out of the text, kept so a user can audit it.
struct RemovedLine {
  int32_t line = 0;         // 1-based line (or paragraph) number in the input
  std::string text;         // the line as it was
  std::string reason;       // rule name, e.g. "related-link", "metadata:author"
};

// A name in the text that refers to a person, organisation or place.
struct EntityMention {
  Span span;
  std::string text;
  EntityType type = EntityType::kPerson;  // names: core/vocabulary.h
  std::string entity_id;    // canonical entity across the store ("" if unresolved)
  std::string canonical;    // the entity's canonical name
  std::string role;         // PERSON: the title written before the name ("Menteri Pertahanan"), else ""
  std::string role_of;      // what the role is of ("Rusia"), else ""
};

// A time expression normalised TIMEX3-style against the publication date.
struct TimeExpression {
  Span span;
  std::string text;
  TimexType type = TimexType::kDate;
  std::string value;        // "2024-11-18", "2024-W47", "P3D", "2024-11-18T10:00"; "" if unresolved
  // The zone written with a clock time ("pukul 10.00 WIB": 420 minutes east
  // of UTC). TIMEX3 values carry no offset, so it is kept here (not stored
  // by the store yet: schema 8 has no column for it).
  std::optional<int> utc_offset_minutes;
};

// Something a speaker said, directly or reported.
struct Quote {
  Span span;
  std::string text;
  bool direct = true;
  std::string speaker;            // the resolved entity's canonical name, else as written
  std::string speaker_entity_id;  // resolved canonical entity
  std::string relay;              // "AFP" in "seperti dikutip dari AFP"
};

// A numeric figure somebody put forward.
struct Claim {
  Span span;
  std::string text;
  double low = 0;
  double high = 0;
  ClaimBound bound = ClaimBound::kExact;  // how the figure relates to the quantity
  std::string unit;         // the noun counted ("tentara")
  std::string subject;      // what the figure measures, lower case: "harga emas antam", "tentara" for "jumlah tentara … 3.000 orang"
  std::string claimant;
  std::string claimant_entity_id;
  std::string hedge;        // "diperkirakan", ...
  std::string date;         // TIMEX value the figure refers to
  // The unit in canonical form (issue 17), what the claims tracker groups
  // and plots by: ISO currency codes, "percent", "bp", SI-like measures and
  // rates "IDR/g", "USD/ozt", "bbl/day" (text/data/lexicon/units.tsv); a
  // unit with no canonical name keeps its own ("tentara"). low/high are
  // already in it (scales such as juta/miliar folded in).
  std::string canonical_unit;
  std::string qualifier;    // how a rate is measured, written after it: "yoy", "mtm", "qtq", "ytd"
};

// Something that happened: a meeting, an agreement, a deployment...
struct Event {
  Span span;
  EventType type = EventType::kMeeting;
  std::string trigger;      // the word that signalled it
  std::vector<std::string> participants;  // canonical entity ids
  std::string place;
  std::string date;         // TIMEX value; "" when the text gives none
  EventModality modality = EventModality::kHappened;
  // roles[i] is participants[i]'s part; empty (events of stores before
  // schema 9, or analysers that do not tell): every one a kParticipant.
  std::vector<EventRole> roles;
};

// How a source writes its letters. Case-less text (many exports and some
// outlets deliver everything lower case) and shouted text hide the
// capitals that mark names; the analysers read them differently and
// ingest reports such sources.
enum class LetterCase { kMixed, kLower, kUpper };

struct Article {
  std::string id;           // stable: hash of the normalised clean text (ArticleIdOf)
  std::string source;       // path, "path:line" for JSONL, or URL it was read from
  std::string outlet;
  std::string url;
  std::string title;
  std::optional<DateTime> published;
  std::vector<std::string> authors;
  std::vector<std::string> editors;
  std::string language;     // BCP 47, "id" by default
  std::vector<std::string> paragraphs;  // clean text
  std::vector<RemovedLine> removed;
  LetterCase letter_case = LetterCase::kMixed;  // of the clean text (set by clean)

  std::vector<EntityMention> entities;
  std::vector<TimeExpression> timexes;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
  std::vector<Event> events;
  // Latest absolute date in the text when published is unknown (set by the
  // timex analyser, which resolves relative dates against it); never set
  // together with published.
  std::optional<DateTime> inferred_published;

  // The clean text: paragraphs joined by '\n'. Spans index into this.
  std::string Text() const;
};

// What ingest hands to clean: one article's text as it was read, before any
// cleaning, plus the metadata its container declared (JSONL fields).
struct RawDocument {
  std::string source;        // file path or "-" for stdin
  int64_t line = 0;          // 1-based line in the source for JSONL, else 0
  // Either `text` (plain text, lines separated by '\n') or `paragraphs`
  // (a container that already split them) is filled; both are valid UTF-8.
  std::string text;
  std::vector<std::string> paragraphs;
  std::string title;
  std::string url;
  std::string date;          // as declared, unparsed
  std::string outlet;
  std::string language;
  std::vector<std::string> authors;
  std::string charset_note;  // "converted from WINDOWS-1252" when ingest converted
  // Appended for web pages (html stage); empty for other containers.
  std::string modified;       // ISO 8601 last-modified date-time as the page declares it
  std::string canonical_url;  // <link rel=canonical>, absolute
  std::vector<std::string> editors;  // credited editors ("Editor: X"), as the page names them

  // "a.jsonl:12" or "a.txt": how messages name this document.
  std::string Locator() const;
};

// The text a span covers: code points [span.begin, span.end) of `text`
// (Article::Text()); clamped to the text.
std::string SpanText(std::string_view text, Span span);

// The mentions overlapping code points [b, e), in text order. `mentions`
// must be sorted by span.begin (Article::entities is). Mentions are short,
// so this scans back from the first one starting at or after `e` and stops
// a few past the last overlap: O(log n + overlaps).
std::vector<const EntityMention*> MentionsOverlapping(const std::vector<EntityMention>& mentions, int32_t b, int32_t e);

// Stable article id: 16 hex digits of XXH3-64 over `normalised_text`
// (the text stage's NormaliseForId output).
std::string ArticleIdOf(std::string_view normalised_text);

}  // namespace warta
