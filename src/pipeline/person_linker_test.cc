// PersonLinker: a person named by one word joins the one stored person it
// fits, in memory and through a whole ingest.
#include "pipeline/person_linker.h"

#include <gtest/gtest.h>

#include "entities/entity_analyzer.h"
#include "pipeline/knowledge_base.h"
#include "test_support.h"

namespace warta::pipeline {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;

EntityMention Person(const std::string& text, const std::string& canonical) {
  EntityMention m;
  m.text = text;
  m.type = EntityType::kPerson;
  m.canonical = canonical;
  m.entity_id = entities::EntityIdOf(EntityType::kPerson, canonical);
  return m;
}

Article Naming(std::vector<EntityMention> mentions) {
  Article a;
  a.entities = std::move(mentions);
  return a;
}

TEST(PersonLinkerTest, OneWordNameJoinsTheOnlyPersonWithThatSurnameOrGivenName) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Andrei Belousov", "Andrei Belousov")}));
  Article brief = Naming({Person("Belousov", "Belousov"), Person("Belousov", "Belousov"), Person("Andrei", "Andrei")});
  std::vector<std::string> linked = linker.Link(&brief);
  ASSERT_EQ(linked, std::vector<std::string>{entities::EntityIdOf(EntityType::kPerson, "Andrei Belousov")});
  for (const EntityMention& m : brief.entities) {
    EXPECT_EQ(m.canonical, "Andrei Belousov") << m.text;
    EXPECT_EQ(m.entity_id, linked[0]);
  }
  // A name nobody stored in full, or a word inside a name, stays as it is.
  Article other = Naming({Person("Shoigu", "Shoigu"), Person("Li", "Li")});
  EXPECT_TRUE(linker.Link(&other).empty());
  EXPECT_EQ(other.entities[0].canonical, "Shoigu");
}

TEST(PersonLinkerTest, AmongSeveralPeopleOnlyAClearFavouriteIsChosen) {
  PersonLinker linker;
  for (int i = 0; i < 12; ++i) linker.Learn(Naming({Person("Kim Jong Un", "Kim Jong Un")}));
  linker.Learn(Naming({Person("Kim Yo Jong", "Kim Yo Jong")}));
  Article a = Naming({Person("Kim", "Kim")});
  linker.Link(&a);
  EXPECT_EQ(a.entities[0].canonical, "Kim Jong Un");  // 12 articles against 1

  for (int i = 0; i < 5; ++i) linker.Learn(Naming({Person("Kim Yo Jong", "Kim Yo Jong")}));
  Article b = Naming({Person("Kim", "Kim")});
  EXPECT_TRUE(linker.Link(&b).empty());  // 12 against 6: no clear favourite
  EXPECT_EQ(b.entities[0].canonical, "Kim");

  // A full name the article gives itself is never rewritten; a person
  // counts once per article.
  Article c = Naming({Person("Kim Yo Jong", "Kim Yo Jong"), Person("Kim Yo Jong", "Kim Yo Jong")});
  EXPECT_TRUE(linker.Link(&c).empty());
  EXPECT_EQ(c.entities[0].canonical, "Kim Yo Jong");
}

TEST(PersonLinkerTest, ABriefIngestedLaterIsFoundUnderTheFullName) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang\n\n"
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang pada Jumat untuk membahas kerja sama "
            "militer. Belousov disambut oleh pejabat setempat di bandara.\n");
  WriteFile(tmp / "b.txt",
            "Kunjungan singkat ke Pyongyang\n\n"
            "Dalam pertemuan itu, Belousov mengatakan kerja sama kedua negara akan diperluas tahun depan.\n");
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE(kb.ok());
    ASSERT_TRUE((*kb)->Ingest({(tmp / "a.txt").string()}, {}, {}).ok());
  }
  // Reopened: the linker learns what is stored.
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.txt").string()}, {}, {}).ok());
  auto found = (*kb)->store().FindEntities("Belousov", 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, entities::EntityIdOf(EntityType::kPerson, "Andrei Belousov"));
  EXPECT_EQ((*found)[0].articles, 2);
  // And the search index finds the brief under that entity.
  auto hits = (*kb)->Search({.query = "diperluas", .entity_ids = {(*found)[0].id}});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->estimated_total, 1u);
}

}  // namespace
}  // namespace warta::pipeline
