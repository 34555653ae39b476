// The closed vocabularies of the document model: entity types, time
// expression types, event types and claim bounds.
//
// Each is an enum class with one name table below. The names are what the
// store's text columns, the JSON export, the API, the CLI's options and the
// OpenAPI document carry; nothing else spells them. A test compares
// src/server/openapi.json and the web page's labels with these tables, so
// adding a value means: a row here, then the OpenAPI enum and the page's
// label (the test names what is missing).
//
//   std::string_view n = Name(EntityType::kPerson);           // "PERSON"
//   std::optional<EntityType> t = ParseEntityType("PERSON");  // kPerson
//   StatusOr<EventType> e = ParseVocabulary<EventType>(flag); // InvalidArgument naming every event type
//
// Names are stable: stores written by earlier versions hold them, so a name
// is never changed, only added (and a removed value needs a migration).
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace warta {

// What an entity mention names.
enum class EntityType {
  kPerson,
  kOrganisation,
  kLocation,
};

// TIMEX3 type of a time expression.
enum class TimexType {
  kDate,      // a day, week, month, year...: "18 November 2024", "pekan lalu"
  kTime,      // a time of day: "pukul 10.00 WIB", "malam ini"
  kDuration,  // a length of time: "tiga hari" (P3D)
  kSet,       // a recurrence: "setiap tahun" (P1Y)
};

// What kind of happening an event is: ACE 2005 / Rich ERE's event types,
// with the kinds Indonesian economy and regional news need added in its
// style (docs/quality/events-guidelines.md has the table and what each
// covers). There is no "statement": what people say is a Quote. Values are
// only ever appended (stores hold the names, not the numbers, but listings
// show them in this order).
enum class EventType {
  kMeeting,      // Contact.Meet: talks, audiences, calls
  kAgreement,    // an agreement, MoU, contract or treaty signed or reached
  kDeployment,   // troops, police or equipment sent somewhere
  kAccusation,   // one party publicly accuses another
  kAttack,       // Conflict.Attack: attack, clash, shooting, missile launch
  kVisit,        // a person travels to a place or party, inspections included
  kHearing,      // a parliamentary hearing or working meeting
  kDecision,     // an institution decides a policy or rate
  kRegulation,   // a law, regulation or decree issued or passed
  kPriceChange,  // a price, tariff or fee changed by whoever sets it
  kAppointment,  // appointed, sworn in, elected to a post
  kDismissal,    // dismissed, resigned, retired
  kArrest,       // arrested or detained
  kCharge,       // named a suspect, charged, indicted, sued
  kVerdict,      // a court's verdict or sentence
  kProtest,      // demonstration, strike, rally
  kDisaster,     // a natural disaster or an accident
  kLaunch,       // a product, programme or facility launched or inaugurated
  kElection,     // a vote or election held, or its result
};

// Whether the text reports an event as having taken place (ERE's realis,
// refined): analysts' timelines show what happened by default and the
// rest marked.
enum class EventModality {
  kHappened,  // reported as having taken place, ongoing included
  kPlanned,   // scheduled, will happen, announced for a date
  kHoped,     // hoped, proposed, possible, conditional, demanded
  kNegated,   // did not happen, denied, cancelled
};

// What part a participant plays in an event.
enum class EventRole {
  kParticipant,  // a party whose part the text does not single out
  kActor,        // who does it
  kCoActor,      // who does it with the actor: "bersama X", "didampingi X"
  kTarget,       // who or what it is done to or with: the met, the arrested, the appointee
};

// How a claim's figure relates to the quantity (see claims/claim_analyzer.h
// for the words behind each).
enum class ClaimBound {
  kExact,     // as written; its name is "" (no bound)
  kMoreThan,  // lebih dari
  kAtLeast,   // sedikitnya
  kAbout,     // sekitar
  kUpTo,      // hingga
  kLessThan,  // kurang dari
  kAlmost,    // hampir
  kRange,     // low..high: "10.000–12.000", "ratusan"
};

template <typename E>
struct VocabularyEntry {
  E value;
  std::string_view name;
};

// The name tables: NameTable<E>::kWhat says what the values are (for
// messages), kEntries lists every value once, in the order listings show
// them.
template <typename E>
struct NameTable;

template <>
struct NameTable<EntityType> {
  static constexpr std::string_view kWhat = "entity type";
  static constexpr std::array<VocabularyEntry<EntityType>, 3> kEntries{{
      {EntityType::kPerson, "PERSON"},
      {EntityType::kOrganisation, "ORGANISATION"},
      {EntityType::kLocation, "LOCATION"},
  }};
};

template <>
struct NameTable<TimexType> {
  static constexpr std::string_view kWhat = "time expression type";
  static constexpr std::array<VocabularyEntry<TimexType>, 4> kEntries{{
      {TimexType::kDate, "DATE"},
      {TimexType::kTime, "TIME"},
      {TimexType::kDuration, "DURATION"},
      {TimexType::kSet, "SET"},
  }};
};

template <>
struct NameTable<EventType> {
  static constexpr std::string_view kWhat = "event type";
  static constexpr std::array<VocabularyEntry<EventType>, 19> kEntries{{
      {EventType::kMeeting, "meeting"},
      {EventType::kAgreement, "agreement"},
      {EventType::kDeployment, "deployment"},
      {EventType::kAccusation, "accusation"},
      {EventType::kAttack, "attack"},
      {EventType::kVisit, "visit"},
      {EventType::kHearing, "hearing"},
      {EventType::kDecision, "decision"},
      {EventType::kRegulation, "regulation"},
      {EventType::kPriceChange, "price_change"},
      {EventType::kAppointment, "appointment"},
      {EventType::kDismissal, "dismissal"},
      {EventType::kArrest, "arrest"},
      {EventType::kCharge, "charge"},
      {EventType::kVerdict, "verdict"},
      {EventType::kProtest, "protest"},
      {EventType::kDisaster, "disaster"},
      {EventType::kLaunch, "launch"},
      {EventType::kElection, "election"},
  }};
};

template <>
struct NameTable<EventModality> {
  static constexpr std::string_view kWhat = "event modality";
  static constexpr std::array<VocabularyEntry<EventModality>, 4> kEntries{{
      {EventModality::kHappened, "happened"},
      {EventModality::kPlanned, "planned"},
      {EventModality::kHoped, "hoped"},
      {EventModality::kNegated, "negated"},
  }};
};

template <>
struct NameTable<EventRole> {
  static constexpr std::string_view kWhat = "event role";
  static constexpr std::array<VocabularyEntry<EventRole>, 4> kEntries{{
      {EventRole::kParticipant, "participant"},
      {EventRole::kActor, "actor"},
      {EventRole::kCoActor, "co-actor"},
      {EventRole::kTarget, "target"},
  }};
};

template <>
struct NameTable<ClaimBound> {
  static constexpr std::string_view kWhat = "claim bound";
  static constexpr std::array<VocabularyEntry<ClaimBound>, 8> kEntries{{
      {ClaimBound::kExact, ""},
      {ClaimBound::kMoreThan, "more-than"},
      {ClaimBound::kAtLeast, "at-least"},
      {ClaimBound::kAbout, "about"},
      {ClaimBound::kUpTo, "up-to"},
      {ClaimBound::kLessThan, "less-than"},
      {ClaimBound::kAlmost, "almost"},
      {ClaimBound::kRange, "range"},
  }};
};

template <typename E>
concept VocabularyEnum = requires { NameTable<E>::kEntries; };

// The value's name. Every enumerator has one; a value outside the enum (a
// programmer error) gives "".
template <VocabularyEnum E>
constexpr std::string_view Name(E value) {
  for (const auto& entry : NameTable<E>::kEntries)
    if (entry.value == value) return entry.name;
  return {};
}

// Prints the name (tests, diagnostics).
template <VocabularyEnum E>
std::ostream& operator<<(std::ostream& os, E value) {
  return os << Name(value);
}

// The value named exactly `name` (case matters), or nullopt.
template <VocabularyEnum E>
constexpr std::optional<E> ParseName(std::string_view name) {
  for (const auto& entry : NameTable<E>::kEntries)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// Every name in table order, e.g. for a command-line option's choices.
template <VocabularyEnum E>
std::vector<std::string> Names() {
  std::vector<std::string> out;
  for (const auto& entry : NameTable<E>::kEntries) out.emplace_back(entry.name);
  return out;
}

// "\"PERSON\", \"ORGANISATION\" or \"LOCATION\"": the names for a message.
std::string NameList(const std::vector<std::string>& names);

// The value named `name`, or InvalidArgument saying which names exist:
// `unknown event type "statement" (one of "meeting", ... or "attack")`.
template <VocabularyEnum E>
StatusOr<E> ParseVocabulary(std::string_view name) {
  if (auto value = ParseName<E>(name)) return *value;
  return Status::InvalidArgument("unknown " + std::string(NameTable<E>::kWhat) + " \"" + std::string(name) +
                                 "\" (one of " + NameList(Names<E>()) + ")");
}

// Shorthands for the common parses.
constexpr std::optional<EntityType> ParseEntityType(std::string_view name) { return ParseName<EntityType>(name); }
constexpr std::optional<TimexType> ParseTimexType(std::string_view name) { return ParseName<TimexType>(name); }
constexpr std::optional<EventType> ParseEventType(std::string_view name) { return ParseName<EventType>(name); }
constexpr std::optional<ClaimBound> ParseClaimBound(std::string_view name) { return ParseName<ClaimBound>(name); }

}  // namespace warta
