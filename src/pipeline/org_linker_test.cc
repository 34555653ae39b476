// OrgLinker: a short form stated beside its organisation in one article
// links later articles that write only the short form, in memory and
// through a whole ingest.
#include "pipeline/org_linker.h"

#include <gtest/gtest.h>

#include "entities/entity_analyzer.h"
#include "pipeline/knowledge_base.h"
#include "test_support.h"

namespace warta::pipeline {
namespace {

using warta::testing::TempDir;
using warta::testing::WriteFile;

// A mention as the analyser leaves it: `canonical` names its entity.
EntityMention Said(EntityType type, const std::string& text, const std::string& canonical) {
  EntityMention m;
  m.text = text;
  m.type = type;
  m.canonical = canonical;
  m.entity_id = entities::EntityIdOf(type, canonical);
  return m;
}

Article Stating(std::vector<EntityMention> mentions) {
  Article a;
  a.entities = std::move(mentions);
  return a;
}

constexpr EntityType kOrg = EntityType::kOrganisation;

TEST(OrgLinkerTest, AShortFormStatedOnceLinksAnArticleWritingOnlyIt) {
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "PT Aneka Tambang Tbk", "PT Aneka Tambang Tbk"),
                        Said(kOrg, "Antam", "PT Aneka Tambang Tbk")}));
  EXPECT_EQ(linker.short_forms(), 1u);
  const std::string antam = entities::EntityIdOf(kOrg, "Aneka Tambang");
  // Another legal form, lower case, and the tagger's person: one organisation.
  Article later = Stating({Said(kOrg, "pt antam tbk", "pt antam tbk"), Said(EntityType::kPerson, "Antam", "Antam"),
                           Said(kOrg, "Bank Indonesia", "Bank Indonesia")});
  EXPECT_EQ(linker.Link(&later), std::vector<std::string>{antam});
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(later.entities[i].entity_id, antam) << later.entities[i].text;
    EXPECT_EQ(later.entities[i].type, kOrg);
    EXPECT_EQ(later.entities[i].canonical, "PT Aneka Tambang Tbk");
  }
  EXPECT_EQ(later.entities[2].canonical, "Bank Indonesia");
}

TEST(OrgLinkerTest, AnAcronymWithTwoLongFormsStaysApartUnlessOneDominates) {
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "Badan Pertanahan Nasional", "Badan Pertanahan Nasional"),
                        Said(kOrg, "BPN", "Badan Pertanahan Nasional")}));
  linker.Learn(Stating({Said(kOrg, "Badan Pemenangan Nasional", "Badan Pemenangan Nasional"),
                        Said(kOrg, "BPN", "Badan Pemenangan Nasional")}));
  Article a = Stating({Said(kOrg, "BPN", "BPN")});
  EXPECT_TRUE(linker.Link(&a).empty());
  EXPECT_EQ(a.entities[0].canonical, "BPN");
  for (int i = 0; i < 7; ++i)
    linker.Learn(Stating({Said(kOrg, "Badan Pertanahan Nasional", "Badan Pertanahan Nasional"),
                          Said(kOrg, "BPN", "Badan Pertanahan Nasional")}));
  Article b = Stating({Said(kOrg, "BPN", "BPN")});
  linker.Link(&b);
  EXPECT_EQ(b.entities[0].canonical, "Badan Pertanahan Nasional");  // 8 articles against 1
}

TEST(OrgLinkerTest, ALinkedArticleStatesNothing) {
  // An article that writes only the short form, linked, does not count as
  // stating the pair: counts never feed on the linker's own guesses.
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "Antam", "PT Aneka Tambang Tbk")}));
  EXPECT_EQ(linker.short_forms(), 0u);
  Article a = Stating({Said(kOrg, "Antam", "Antam")});
  EXPECT_TRUE(linker.Link(&a).empty());
}

TEST(OrgLinkerTest, AOneWordPersonTheStoreKnowsAsAnOrganisationBecomesIt) {
  OrgLinker linker;
  for (int i = 0; i < 3; ++i) linker.Learn(Stating({Said(kOrg, "PT Pertamina (Persero)", "PT Pertamina (Persero)")}));
  linker.Learn(Stating({Said(EntityType::kPerson, "Pertamina", "Pertamina")}));
  linker.Learn(Stating({Said(kOrg, "Andi", "Andi")}));
  // The tagger's majority alone, with no legal form ever written, is no proof.
  for (int i = 0; i < 3; ++i) linker.Learn(Stating({Said(kOrg, "Setnov", "Setnov")}));
  Article a = Stating({Said(EntityType::kPerson, "Pertamina", "Pertamina"), Said(EntityType::kPerson, "Andi", "Andi"),
                       Said(EntityType::kPerson, "Setnov", "Setnov")});
  EXPECT_EQ(linker.Link(&a), std::vector<std::string>{entities::EntityIdOf(kOrg, "Pertamina")});
  EXPECT_EQ(a.entities[0].type, kOrg);  // 3 articles as an organisation, 1 as a person
  EXPECT_EQ(a.entities[0].canonical, "PT Pertamina (Persero)");
  EXPECT_EQ(a.entities[1].type, EntityType::kPerson);  // one article is no majority
  EXPECT_EQ(a.entities[2].type, EntityType::kPerson);
}

TEST(OrgLinkerTest, AShortFormStoredBeforeItsLongFormJoinsItOnce) {
  OrgLinker linker;
  // Stored first: an article writing "Bareskrim" alone.
  linker.Learn(Stating({Said(kOrg, "Bareskrim", "Bareskrim")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());
  // Then one stating the pair.
  linker.Learn(Stating({Said(kOrg, "Badan Reserse Kriminal", "Badan Reserse Kriminal"),
                        Said(kOrg, "Bareskrim", "Badan Reserse Kriminal")}));
  auto relinks = linker.TakeRelinks();
  ASSERT_EQ(relinks.size(), 1u);
  EXPECT_EQ(relinks[0].from_id, entities::EntityIdOf(kOrg, "Bareskrim"));
  EXPECT_EQ(relinks[0].to_id, entities::EntityIdOf(kOrg, "Badan Reserse Kriminal"));
  EXPECT_EQ(relinks[0].to_canonical, "Badan Reserse Kriminal");
  EXPECT_NE(relinks[0].reason.find("stated beside it in 1 article"), std::string::npos) << relinks[0].reason;
  // Once: the next article stating it again relinks nothing.
  linker.Learn(Stating({Said(kOrg, "Badan Reserse Kriminal", "Badan Reserse Kriminal"),
                        Said(kOrg, "Bareskrim", "Badan Reserse Kriminal")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());
}

TEST(OrgLinkerTest, ARegionalHeadIsNeverLinked) {
  // "Kepolisian Daerah (Polda) Sumatera Utara" states a pair, but "Polda"
  // alone in another article is that article's own regional police.
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "Kepolisian Daerah", "Kepolisian Daerah"),
                        Said(kOrg, "Polda", "Kepolisian Daerah")}));
  EXPECT_EQ(linker.short_forms(), 0u);
  Article a = Stating({Said(kOrg, "Polda", "Polda")});
  EXPECT_TRUE(linker.Link(&a).empty());
}

constexpr EntityType kPlace = EntityType::kLocation;

// A store where "Persib" is written with Bandung in four articles of five
// and CNN with the Philippines in one of four, among fifty-five articles,
// seven of them naming Bandung and four the Philippines.
void LearnClubsAndOutlets(OrgLinker* linker) {
  for (int i = 0; i < 4; ++i)
    linker->Learn(Stating({Said(kOrg, "Persib", "Persib"), Said(kPlace, "Bandung", "Bandung")}));
  linker->Learn(Stating({Said(kOrg, "Persib", "Persib")}));
  linker->Learn(Stating({Said(kOrg, "CNN", "CNN"), Said(kPlace, "Filipina", "Filipina")}));
  for (int i = 0; i < 3; ++i) linker->Learn(Stating({Said(kOrg, "CNN", "CNN")}));
  for (int i = 0; i < 3; ++i) linker->Learn(Stating({Said(kPlace, "Bandung", "Bandung")}));
  for (int i = 0; i < 3; ++i) linker->Learn(Stating({Said(kPlace, "Filipina", "Filipina")}));
  for (int i = 0; i < 40; ++i) linker->Learn(Stating({Said(kOrg, "Bank Indonesia", "Bank Indonesia")}));
}

TEST(OrgLinkerTest, AClubWithItsHomeCityIsTheClubAnOutletsCountryEditionIsNot) {
  OrgLinker linker;
  LearnClubsAndOutlets(&linker);
  Article a = Stating({Said(kOrg, "Persib Bandung", "Persib Bandung"), Said(kOrg, "CNN Filipina", "CNN Filipina"),
                       Said(kOrg, "Bandung Persib", "Bandung Persib")});
  const std::string persib = entities::EntityIdOf(kOrg, "Persib");
  EXPECT_EQ(linker.Link(&a), std::vector<std::string>{persib});
  EXPECT_EQ(a.entities[0].entity_id, persib);  // Bandung in 4 of its 5 articles, 7 of 55 overall
  EXPECT_EQ(a.entities[0].canonical, "Persib");
  EXPECT_EQ(a.entities[1].canonical, "CNN Filipina");  // the Philippines in 1 of its 4 articles
  EXPECT_EQ(a.entities[2].entity_id, persib);          // the place first ("Inggris Chelsea")
}

TEST(OrgLinkerTest, AHomeFormStoredBeforeTheHomeWasClearJoinsTheClub) {
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "Persib Bandung", "Persib Bandung")}));
  linker.Learn(Stating({Said(kOrg, "Persib", "Persib"), Said(kPlace, "Bandung", "Bandung")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());  // once is no home
  LearnClubsAndOutlets(&linker);
  // Looked at again when an article names the club.
  linker.Learn(Stating({Said(kOrg, "Persib", "Persib"), Said(kPlace, "Bandung", "Bandung")}));
  auto relinks = linker.TakeRelinks();
  ASSERT_EQ(relinks.size(), 1u);
  EXPECT_EQ(relinks[0].from_id, entities::EntityIdOf(kOrg, "Persib Bandung"));
  EXPECT_EQ(relinks[0].to_id, entities::EntityIdOf(kOrg, "Persib"));
  EXPECT_NE(relinks[0].reason.find("home place"), std::string::npos) << relinks[0].reason;
  linker.Learn(Stating({Said(kOrg, "Persib", "Persib"), Said(kPlace, "Bandung", "Bandung")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());  // once
}

TEST(OrgLinkerTest, AWordTheTaggerCallsAPlaceOnlyBesideTheOrganisationIsNoHome) {
  // "Google Playstore" where "Playstore" is a place only in Google's articles.
  OrgLinker linker;
  for (int i = 0; i < 4; ++i)
    linker.Learn(Stating({Said(kOrg, "Google", "Google"), Said(kPlace, "Playstore", "Playstore")}));
  for (int i = 0; i < 20; ++i) linker.Learn(Stating({Said(kOrg, "Bank Indonesia", "Bank Indonesia")}));
  Article a = Stating({Said(kOrg, "Google Playstore", "Google Playstore")});
  EXPECT_TRUE(linker.Link(&a).empty());
}

TEST(OrgLinkerTest, AnotherSpellingIsTheOrganisationFirstStored) {
  OrgLinker linker;
  linker.Learn(Stating({Said(kOrg, "Channel News Asia", "Channel News Asia")}));
  linker.Learn(Stating({Said(kOrg, "Bayern Muenchen", "Bayern Muenchen")}));
  Article a = Stating({Said(kOrg, "Channel NewsAsia", "Channel NewsAsia"),
                       Said(kOrg, "Bayern München", "Bayern München"), Said(kOrg, "Channel Asia", "Channel Asia")});
  linker.Link(&a);
  EXPECT_EQ(a.entities[0].canonical, "Channel News Asia");
  EXPECT_EQ(a.entities[1].canonical, "Bayern Muenchen");  // an umlaut spelled out
  EXPECT_EQ(a.entities[2].canonical, "Channel Asia");
}

TEST(OrgLinkerTest, ALaterIngestFindsTheShortFormUnderTheOrganisation) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Laba Antam naik\n\n"
            "PT Aneka Tambang Tbk (Antam) membukukan laba bersih Rp 2,1 triliun pada kuartal ketiga. "
            "Antam menjual 32 ton emas sepanjang tahun ini.\n");
  WriteFile(tmp / "b.txt",
            "Saham tambang menguat\n\n"
            "Saham Antam ditutup menguat 2 persen pada perdagangan Rabu.\n");
  const std::string dir = (tmp / "db").string();
  {
    auto kb = KnowledgeBase::Open({.dir = dir});
    ASSERT_TRUE(kb.ok());
    ASSERT_TRUE((*kb)->Ingest({(tmp / "a.txt").string()}, {}, {}).ok());
  }
  // Reopened: the linker learns what is stored. The tagger calls this
  // "Antam" a person.
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.txt").string()}, {}, {}).ok());
  auto found = (*kb)->store().FindEntities("Antam", 10);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  EXPECT_EQ((*found)[0].id, entities::EntityIdOf(kOrg, "PT Aneka Tambang Tbk"));
  EXPECT_EQ((*found)[0].type, kOrg);
  EXPECT_EQ((*found)[0].articles, 2);
  auto hits = (*kb)->Search({.query = "perdagangan", .entity_ids = {(*found)[0].id}});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->estimated_total, 1u);
}

TEST(OrgLinkerTest, AnIngestJoinsAShortFormStoredBeforeItsLongForm) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Bareskrim periksa saksi\n\n"
            "Bareskrim memeriksa tiga saksi kasus penipuan umrah di Jakarta pada Senin.\n");
  WriteFile(tmp / "b.txt",
            "Polri usut penipuan umrah\n\n"
            "Badan Reserse Kriminal (Bareskrim) Polri menetapkan dua tersangka kasus penipuan umrah. "
            "Bareskrim juga menyita aset para tersangka.\n");
  const std::string dir = (tmp / "db").string();
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "a.txt").string()}, {}, {}).ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.txt").string()}, {}, {}).ok());
  const std::string long_form = entities::EntityIdOf(kOrg, "Badan Reserse Kriminal");
  auto links = (*kb)->store().EntityLinks("");
  ASSERT_TRUE(links.ok());
  bool joined = false;
  for (const auto& l : *links) joined |= l.from_id == entities::EntityIdOf(kOrg, "Bareskrim") && l.to_id == long_form;
  EXPECT_TRUE(joined);
  // The first article is found under the organisation, in the store and the index.
  auto hits = (*kb)->Search({.query = "saksi", .entity_ids = {long_form}});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->estimated_total, 1u);
}

}  // namespace
}  // namespace warta::pipeline
