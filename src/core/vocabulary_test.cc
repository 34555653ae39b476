#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace warta {
namespace {

// Every value of every table has a distinct name and parses back to itself.
template <typename E>
void ExpectRoundTrip() {
  std::set<std::string_view> seen;
  for (const auto& entry : NameTable<E>::kEntries) {
    EXPECT_EQ(Name(entry.value), entry.name);
    EXPECT_EQ(ParseName<E>(entry.name), entry.value) << entry.name;
    auto parsed = ParseVocabulary<E>(entry.name);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(*parsed, entry.value);
    EXPECT_TRUE(seen.insert(entry.name).second) << "two values named " << entry.name;
  }
  // Enumerators are 0..N-1 and each is in the table once.
  for (size_t i = 0; i < NameTable<E>::kEntries.size(); ++i)
    EXPECT_EQ(static_cast<size_t>(NameTable<E>::kEntries[i].value), i) << NameTable<E>::kEntries[i].name;
  EXPECT_EQ(Names<E>().size(), NameTable<E>::kEntries.size());
}

TEST(VocabularyTest, NamesRoundTrip) {
  ExpectRoundTrip<EntityType>();
  ExpectRoundTrip<TimexType>();
  ExpectRoundTrip<EventType>();
  ExpectRoundTrip<EventModality>();
  ExpectRoundTrip<EventRole>();
  ExpectRoundTrip<ClaimBound>();
}

// The names stores already hold: changing one would orphan stored rows.
TEST(VocabularyTest, StoredNamesAreStable) {
  EXPECT_EQ(Name(EntityType::kPerson), "PERSON");
  EXPECT_EQ(Name(EntityType::kOrganisation), "ORGANISATION");
  EXPECT_EQ(Name(EntityType::kLocation), "LOCATION");
  EXPECT_EQ(Name(TimexType::kDate), "DATE");
  EXPECT_EQ(Name(TimexType::kSet), "SET");
  EXPECT_EQ(Name(EventType::kMeeting), "meeting");
  EXPECT_EQ(Name(EventType::kAttack), "attack");
  EXPECT_EQ(Name(EventType::kPriceChange), "price_change");
  EXPECT_EQ(Name(EventModality::kHappened), "happened");
  EXPECT_EQ(Name(EventRole::kCoActor), "co-actor");
  EXPECT_EQ(Name(ClaimBound::kExact), "");
  EXPECT_EQ(Name(ClaimBound::kMoreThan), "more-than");
  EXPECT_EQ(Name(ClaimBound::kAlmost), "almost");
  EXPECT_EQ(Names<ClaimBound>().size(), 8u);
}

TEST(VocabularyTest, UnknownNamesAreRejectedWithTheChoices) {
  EXPECT_FALSE(ParseEntityType("person"));  // names are case-sensitive
  EXPECT_FALSE(ParseEntityType("ORG"));
  EXPECT_FALSE(ParseEntityType(""));
  EXPECT_FALSE(ParseEventType("statement"));  // quotes cover statements
  EXPECT_FALSE(ParseTimexType("date"));
  EXPECT_FALSE(ParseClaimBound("over"));

  auto e = ParseVocabulary<EventModality>("statement");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(e.status().message(),
            "unknown event modality \"statement\" (one of \"happened\", \"planned\", \"hoped\" or \"negated\")");
  auto t = ParseVocabulary<EntityType>("ORG");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "unknown entity type \"ORG\" (one of \"PERSON\", \"ORGANISATION\" or \"LOCATION\")");
}

TEST(VocabularyTest, NameListReadsAsEnglish) {
  EXPECT_EQ(NameList({}), "");
  EXPECT_EQ(NameList({"a"}), "\"a\"");
  EXPECT_EQ(NameList({"a", "b"}), "\"a\" or \"b\"");
  EXPECT_EQ(NameList({"a", "b", "c"}), "\"a\", \"b\" or \"c\"");
}

}  // namespace
}  // namespace warta
