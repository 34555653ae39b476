// PersonLinker: a person named in part or by a stated nickname joins the
// one stored person it fits when the article agrees with what is known of
// them, in memory and through a whole ingest; an analyst's merge and split
// (entity_corrections.h) change the store and later ingests.
#include "pipeline/person_linker.h"

#include <gtest/gtest.h>

#include "entities/entity_analyzer.h"
#include "pipeline/entity_corrections.h"
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

EntityMention Org(const std::string& name) {
  EntityMention m = Person(name, name);
  m.type = EntityType::kOrganisation;
  m.entity_id = entities::EntityIdOf(EntityType::kOrganisation, name);
  return m;
}

Article Naming(std::vector<EntityMention> mentions) {
  Article a;
  a.entities = std::move(mentions);
  return a;
}

TEST(PersonLinkerTest, OneWordNameJoinsTheOnlyPersonWithThatSurnameOrGivenName) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Andrei Belousov", "Andrei Belousov"), Org("Kementerian Pertahanan Rusia")}));
  Article brief = Naming({Person("Belousov", "Belousov"), Person("Belousov", "Belousov"), Person("Andrei", "Andrei"),
                          Org("Kementerian Pertahanan Rusia")});
  std::vector<std::string> linked = linker.Link(&brief);
  ASSERT_EQ(linked, std::vector<std::string>{entities::EntityIdOf(EntityType::kPerson, "Andrei Belousov")});
  for (const EntityMention& m : brief.entities) {
    if (m.type != EntityType::kPerson) continue;
    EXPECT_EQ(m.canonical, "Andrei Belousov") << m.text;
    EXPECT_EQ(m.entity_id, linked[0]);
  }
  // A name nobody stored in full, or a word inside a name, stays as it is.
  Article other = Naming({Person("Shoigu", "Shoigu"), Person("Li", "Li")});
  EXPECT_TRUE(linker.Link(&other).empty());
  EXPECT_EQ(other.entities[0].canonical, "Shoigu");
}

TEST(PersonLinkerTest, TwoUncommonSharedEntitiesAreEvidenceForASurname) {
  // A league: 30 players named with each of two clubs (too many for either
  // club alone to say which player), 800 people in all.
  PersonLinker linker;
  for (int i = 0; i < 30; ++i) {
    const std::string n = "Pemain Nomor" + std::to_string(i);
    linker.Learn(Naming({Person(n, n), Org("Crystal Palace"), Org("Arsenal")}));
  }
  for (int i = 0; i < 770; ++i) {
    const std::string n = "Warga Kota" + std::to_string(i);
    linker.Learn(Naming({Person(n, n), Org("Pemerintah Kota"), Org("Dinas Sosial")}));
  }
  linker.Learn(Naming({Person("Wilfred Zaha", "Wilfred Zaha"), Org("Crystal Palace"), Org("Arsenal")}));
  // Both clubs: the only stored Zaha.
  Article match = Naming({Person("Zaha", "Zaha"), Org("Crystal Palace"), Org("Arsenal")});
  EXPECT_EQ(linker.Link(&match), std::vector<std::string>{entities::EntityIdOf(EntityType::kPerson, "Wilfred Zaha")});
  // One club only says too little.
  Article one = Naming({Person("Zaha", "Zaha"), Org("Arsenal")});
  EXPECT_TRUE(linker.Link(&one).empty());
  // Two common entities (each named with 770 people) say nothing either.
  linker.Learn(Naming({Person("Budi Sutrisno", "Budi Sutrisno"), Org("Pemerintah Kota"), Org("Dinas Sosial")}));
  Article common = Naming({Person("Sutrisno", "Sutrisno"), Org("Pemerintah Kota"), Org("Dinas Sosial")});
  EXPECT_TRUE(linker.Link(&common).empty());
}

TEST(PersonLinkerTest, AnInitialIsTheOnlyStoredPersonItSpellsOut) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Muhammad Hargianto", "Muhammad Hargianto"), Org("Timnas U-19")}));
  Article a = Naming({Person("M. Hargianto", "M. Hargianto"), Org("Timnas U-19")});
  EXPECT_EQ(linker.Link(&a), std::vector<std::string>{entities::EntityIdOf(EntityType::kPerson, "Muhammad Hargianto")});
  EXPECT_EQ(a.entities[0].canonical, "Muhammad Hargianto");
  // Two people it could spell out: apart.
  linker.Learn(Naming({Person("Mochamad Hargianto", "Mochamad Hargianto"), Org("Timnas U-19")}));
  Article b = Naming({Person("M Hargianto", "M Hargianto"), Org("Timnas U-19")});
  EXPECT_TRUE(linker.Link(&b).empty());
  // Nothing in common with the stored articles: apart.
  Article c = Naming({Person("A Sutrisno", "A Sutrisno")});
  linker.Learn(Naming({Person("Agus Sutrisno", "Agus Sutrisno"), Org("Pemerintah Kota")}));
  EXPECT_TRUE(linker.Link(&c).empty());
}

TEST(PersonLinkerTest, AmongSeveralPeopleOnlyAClearFavouriteIsChosen) {
  PersonLinker linker;
  for (int i = 0; i < 12; ++i) linker.Learn(Naming({Person("Kim Jong Un", "Kim Jong Un"), Org("Partai Buruh Korea")}));
  linker.Learn(Naming({Person("Kim Yo Jong", "Kim Yo Jong")}));
  Article a = Naming({Person("Kim", "Kim"), Org("Partai Buruh Korea")});
  linker.Link(&a);
  EXPECT_EQ(a.entities[0].canonical, "Kim Jong Un");  // 12 articles against 1, and the party agrees
  // A favourite needs the article to agree: nothing here is known of him.
  Article lone = Naming({Person("Kim", "Kim")});
  EXPECT_TRUE(linker.Link(&lone).empty());

  for (int i = 0; i < 5; ++i) linker.Learn(Naming({Person("Kim Yo Jong", "Kim Yo Jong")}));
  Article b = Naming({Person("Kim", "Kim"), Org("Partai Buruh Korea")});
  EXPECT_TRUE(linker.Link(&b).empty());  // 12 against 6: no clear favourite
  EXPECT_EQ(b.entities[0].canonical, "Kim");

  // A full name the article gives itself is never rewritten; a person
  // counts once per article.
  Article c = Naming({Person("Kim Yo Jong", "Kim Yo Jong"), Person("Kim Yo Jong", "Kim Yo Jong")});
  EXPECT_TRUE(linker.Link(&c).empty());
  EXPECT_EQ(c.entities[0].canonical, "Kim Yo Jong");
}

TEST(PersonLinkerTest, APrefixOrSuffixOfAFullNameJoinsItWithTheReason) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Sri Mulyani Indrawati", "Sri Mulyani Indrawati"), Org("Kementerian Keuangan")}));
  linker.Learn(Naming({Person("Arief Prasetyo Adi", "Arief Prasetyo Adi"), Org("Badan Pangan Nasional")}));
  Article a = Naming({Person("Sri Mulyani", "Sri Mulyani"), Org("Kementerian Keuangan"),
                      Person("Prasetyo Adi", "Prasetyo Adi"), Org("Badan Pangan Nasional")});
  const std::string smi = entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani Indrawati");
  const std::string apa = entities::EntityIdOf(EntityType::kPerson, "Arief Prasetyo Adi");
  EXPECT_EQ(linker.Link(&a), (std::vector<std::string>{smi, apa}));
  EXPECT_EQ(a.entities[0].canonical, "Sri Mulyani Indrawati");
  EXPECT_EQ(a.entities[2].canonical, "Arief Prasetyo Adi");
  std::vector<store::EntityLink> links = linker.TakeLinks();
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].from_id, entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani"));
  EXPECT_EQ(links[0].to_id, smi);
  EXPECT_EQ(links[0].source, "linker");
  EXPECT_NE(links[0].reason.find("first names of 'Sri Mulyani Indrawati'"), std::string::npos) << links[0].reason;
  EXPECT_NE(links[0].reason.find("kementerian keuangan"), std::string::npos) << links[0].reason;
  EXPECT_NE(links[1].reason.find("last names of 'Arief Prasetyo Adi'"), std::string::npos) << links[1].reason;
  EXPECT_TRUE(linker.TakeLinks().empty());  // reported once
}

TEST(PersonLinkerTest, AStoredPartJoinsAFullNameLearnedLater) {
  PersonLinker linker;
  for (int i = 0; i < 2; ++i) linker.Learn(Naming({Person("Sri Mulyani", "Sri Mulyani"), Org("Kementerian Keuangan")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());
  linker.Learn(Naming({Person("Sri Mulyani Indrawati", "Sri Mulyani Indrawati"), Org("Kementerian Keuangan")}));
  const std::string smi = entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani Indrawati");
  std::vector<store::EntityLink> relinks = linker.TakeRelinks();
  ASSERT_EQ(relinks.size(), 1u);
  EXPECT_EQ(relinks[0].from_id, entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani"));
  EXPECT_EQ(relinks[0].form, "Sri Mulyani");
  EXPECT_EQ(relinks[0].to_id, smi);
  EXPECT_NE(relinks[0].reason.find("stored before the full name"), std::string::npos) << relinks[0].reason;
  // Later articles follow, and the joined person counts all three articles.
  Article later = Naming({Person("Sri Mulyani", "Sri Mulyani"), Org("Kementerian Keuangan")});
  EXPECT_EQ(linker.Link(&later), std::vector<std::string>{smi});
  // A stored part that shares nothing with the full name stays apart.
  linker.Learn(Naming({Person("Prasetyo Adi", "Prasetyo Adi"), Org("Persib Bandung")}));
  linker.Learn(Naming({Person("Arief Prasetyo Adi", "Arief Prasetyo Adi"), Org("Badan Pangan Nasional")}));
  EXPECT_TRUE(linker.TakeRelinks().empty());
}

TEST(PersonLinkerTest, AmbiguousOrUnsupportedShortNamesStayApart) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Andi Amran Sulaiman", "Andi Amran Sulaiman"), Org("Kementerian Pertanian")}));
  linker.Learn(Naming({Person("Andi Agustinus", "Andi Agustinus"), Org("KPK")}));
  // Two people named Andi, neither a favourite: the short name stays its own.
  Article a = Naming({Person("Andi", "Andi"), Org("Kementerian Pertanian")});
  EXPECT_TRUE(linker.Link(&a).empty());
  // The only stored "Sulaiman", but the article shares nothing with his:
  // no entity, no role, another outlet, a year away.
  linker.Learn([] {
    Article b = Naming({Person("Andi Amran Sulaiman", "Andi Amran Sulaiman")});
    b.outlet = "antaranews";
    b.published = DateTime::ParseIso("2024-01-10");
    return b;
  }());
  Article c = Naming({Person("Amran Sulaiman", "Amran Sulaiman"), Org("Persib Bandung")});
  c.outlet = "goal";
  c.published = DateTime::ParseIso("2025-03-01");
  EXPECT_TRUE(linker.Link(&c).empty());
  c.published = DateTime::ParseIso("2024-01-20");  // the same month: enough for the only candidate
  EXPECT_EQ(linker.Link(&c).size(), 1u);
  // But not for one word: many people are called "Sulaiman".
  Article d = Naming({Person("Sulaiman", "Sulaiman"), Org("Persib Bandung")});
  d.outlet = "antaranews";
  d.published = DateTime::ParseIso("2024-01-20");
  EXPECT_TRUE(linker.Link(&d).empty());
}

TEST(PersonLinkerTest, ANicknameTheTextStatesIsThatPersonEverywhere) {
  PersonLinker linker;
  Article stated;
  stated.paragraphs = {"Basuki Tjahaja Purnama atau Ahok hadir di Balai Kota."};
  EntityMention full = Person("Basuki Tjahaja Purnama", "Basuki Tjahaja Purnama");
  full.span = {0, 22};
  EntityMention nick = Person("Ahok", "Ahok");
  nick.span = {28, 32};
  stated.entities = {full, nick};
  const std::string btp = entities::EntityIdOf(EntityType::kPerson, "Basuki Tjahaja Purnama");
  EXPECT_EQ(linker.Link(&stated), std::vector<std::string>{btp});  // in the article that says so
  linker.Learn(stated);
  std::vector<store::EntityLink> links = linker.TakeLinks();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_NE(links[0].reason.find("Basuki Tjahaja Purnama atau Ahok"), std::string::npos) << links[0].reason;
  // ... and in a later article that only writes "Ahok", with nothing else in common.
  Article later = Naming({Person("Ahok", "Ahok")});
  EXPECT_EQ(linker.Link(&later), std::vector<std::string>{btp});
  EXPECT_EQ(later.entities[0].canonical, "Basuki Tjahaja Purnama");
  // "atau" between two people who are not one is "or": "Joko Widodo atau Prabowo".
  Article other;
  other.paragraphs = {"Joko Widodo atau Prabowo?"};
  EntityMention jw = Person("Joko Widodo", "Joko Widodo");
  jw.span = {0, 11};
  EntityMention pr = Person("Prabowo", "Prabowo");
  pr.span = {17, 24};
  linker.Learn(Naming({Person("Prabowo Subianto", "Prabowo Subianto")}));
  other.entities = {jw, pr};
  linker.Link(&other);
  EXPECT_EQ(other.entities[1].canonical, "Prabowo") << "a stored person's own name is no nickname";
}

TEST(PersonLinkerTest, ANicknameOtherPeopleShareIsThatPersonInItsArticleOnly) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Budi Karya Sumadi", "Budi Karya Sumadi"), Org("Kementerian Perhubungan")}));
  Article stated;
  stated.paragraphs = {"Kata Sekjen PBSI Achmad Budiharto.\nPria yang akrab disapa Budi ini optimistis."};
  EntityMention full = Person("Achmad Budiharto", "Achmad Budiharto");
  full.span = {17, 33};
  EntityMention nick = Person("Budi", "Budi");
  nick.span = {58, 62};
  ASSERT_EQ(stated.Text().substr(58, 4), "Budi");
  stated.entities = {full, nick, Org("PBSI")};
  const std::string achmad = entities::EntityIdOf(EntityType::kPerson, "Achmad Budiharto");
  EXPECT_EQ(linker.Link(&stated), std::vector<std::string>{achmad});  // the next sentence names him so
  EXPECT_EQ(stated.entities[1].canonical, "Achmad Budiharto");
  linker.Learn(stated);
  std::vector<store::EntityLink> links = linker.TakeLinks();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].reason.rfind("nickname", 0), std::string::npos) << "not to be learned again by Load";
  // Another article's "Budi" is not his: other stored people are Budi too.
  Article later = Naming({Person("Budi", "Budi")});
  EXPECT_TRUE(linker.Link(&later).empty());
}

TEST(PersonLinkerTest, ATicketOfTwoNamesIndexesNoOne) {
  PersonLinker linker;
  for (int i = 0; i < 3; ++i)
    linker.Learn(Naming({Person("Relawan Anies - Sandi", "Relawan Anies - Sandi"), Org("Komisi Pemilihan Umum")}));
  Article a = Naming({Person("Sandi", "Sandi"), Org("Komisi Pemilihan Umum")});
  EXPECT_TRUE(linker.Link(&a).empty());
  // A hyphen beside a particle is part of one name.
  linker.Learn(Naming({Person("Bashar al - Assad", "Bashar al - Assad"), Org("Komisi Pemilihan Umum")}));
  Article b = Naming({Person("Assad", "Assad"), Org("Komisi Pemilihan Umum")});
  EXPECT_EQ(linker.Link(&b).size(), 1u);
}

TEST(PersonLinkerTest, AStoredPartJoinsAFullNameOnceItBecomesTheClearFavourite) {
  PersonLinker linker;
  auto minister = [](const std::string& name) {
    EntityMention m = Person(name, name);
    m.role = "Menlu";
    return Naming({m, Org("ASEAN")});
  };
  linker.Learn(minister("Retno Marsudi"));
  linker.Learn(Naming({Person("Retno Listyarti", "Retno Listyarti"), Org("KPAI")}));
  linker.Learn(minister("Retno"));  // two people named Retno: it stays apart
  EXPECT_TRUE(linker.TakeRelinks().empty());
  for (int i = 0; i < 3; ++i) linker.Learn(minister("Retno Marsudi"));
  std::vector<store::EntityLink> relinks = linker.TakeRelinks();  // at four articles against one
  ASSERT_EQ(relinks.size(), 1u);
  EXPECT_EQ(relinks[0].from_id, entities::EntityIdOf(EntityType::kPerson, "Retno"));
  EXPECT_EQ(relinks[0].to_id, entities::EntityIdOf(EntityType::kPerson, "Retno Marsudi"));
  EXPECT_NE(relinks[0].reason.find("role menlu"), std::string::npos) << relinks[0].reason;
}

TEST(PersonLinkerTest, ANameSpelledOneLetterApartIsTheStoredPerson) {
  PersonLinker linker;
  for (int i = 0; i < 2; ++i)
    linker.Learn(Naming({Person("Djarot Saiful Hidayat", "Djarot Saiful Hidayat"), Org("Pemprov DKI Jakarta")}));
  linker.Learn(Naming({Person("Djarot Kusumayakti", "Djarot Kusumayakti"), Org("Bank Rakyat Indonesia")}));
  const std::string djarot = entities::EntityIdOf(EntityType::kPerson, "Djarot Saiful Hidayat");
  Article a = Naming({Person("Djarot Syaiful Hidayat", "Djarot Syaiful Hidayat"), Org("Pemprov DKI Jakarta")});
  EXPECT_EQ(linker.Link(&a), std::vector<std::string>{djarot});
  EXPECT_EQ(a.entities[0].canonical, "Djarot Saiful Hidayat");
  // Two words apart, or a short word, is another person.
  Article b = Naming({Person("Djarot Syaiful Hidayah", "Djarot Syaiful Hidayah"), Org("Pemprov DKI Jakarta")});
  EXPECT_TRUE(linker.Link(&b).empty());
  linker.Learn(Naming({Person("Ahmad Ali Hidayat", "Ahmad Ali Hidayat"), Org("Pemprov DKI Jakarta")}));
  Article c = Naming({Person("Ahmad Alu Hidayat", "Ahmad Alu Hidayat"), Org("Pemprov DKI Jakarta")});
  EXPECT_TRUE(linker.Link(&c).empty());
}

TEST(PersonLinkerTest, AnAnalystsCorrectionsComeFirst) {
  PersonLinker linker;
  linker.Learn(Naming({Person("Sri Mulyani Indrawati", "Sri Mulyani Indrawati"), Org("Kementerian Keuangan")}));
  const std::string smi = entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani Indrawati");
  linker.AddCorrection({"split", smi, "Sri Mulyani", entities::EntityIdOf(EntityType::kPerson, "Sri Mulyani"),
                        "Sri Mulyani", "analyst", "", std::nullopt});
  Article a = Naming({Person("Sri Mulyani", "Sri Mulyani"), Org("Kementerian Keuangan")});
  EXPECT_TRUE(linker.Link(&a).empty());
  const std::string ahok = entities::EntityIdOf(EntityType::kPerson, "Ahok");
  linker.AddCorrection({"merge", ahok, "Ahok", "P-btp", "Basuki Tjahaja Purnama", "analyst", "", std::nullopt});
  Article b = Naming({Person("Ahok", "Ahok")});
  EXPECT_EQ(linker.Link(&b), std::vector<std::string>{"P-btp"});
  EXPECT_TRUE(linker.TakeLinks().empty());  // the analyst's links are stored already
}

TEST(PersonLinkerTest, ABriefIngestedLaterIsFoundUnderTheFullName) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang\n\n"
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang pada Jumat untuk membahas kerja sama "
            "militer. Belousov disambut oleh pejabat setempat di bandara.\n");
  WriteFile(tmp / "b.txt",
            "Kunjungan singkat ke Pyongyang\n\n"
            "Dalam pertemuan di Pyongyang itu, Belousov mengatakan kerja sama kedua negara akan diperluas tahun "
            "depan.\n");  // the place both articles name: the evidence the brief is about him
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

// The brief first, the full name later: the brief's mentions are
// re-labelled in the store and its article re-indexed under the full name.
TEST(PersonLinkerTest, ABriefStoredFirstJoinsTheFullNameWhenItArrives) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang\n\n"
            "Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang pada Jumat untuk membahas kerja sama "
            "militer. Belousov disambut oleh pejabat setempat di bandara.\n");
  WriteFile(tmp / "b.txt",
            "Kunjungan singkat ke Pyongyang\n\n"
            "Dalam pertemuan di Pyongyang itu, Belousov mengatakan kerja sama kedua negara akan diperluas tahun "
            "depan.\n");
  auto kb = KnowledgeBase::Open({.dir = (tmp / "db").string()});
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "b.txt").string()}, {}, {}).ok());
  ASSERT_TRUE((*kb)->Ingest({(tmp / "a.txt").string()}, {}, {}).ok());
  const std::string full = entities::EntityIdOf(EntityType::kPerson, "Andrei Belousov");
  auto found = (*kb)->store().FindEntities("Belousov", 10);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, full);
  EXPECT_EQ((*found)[0].articles, 2);
  EXPECT_EQ((*found)[0].canonical, "Andrei Belousov");
  auto hits = (*kb)->Search({.query = "diperluas", .entity_ids = {full}});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->estimated_total, 1u);
  auto links = (*kb)->store().EntityLinks(full);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].form, "Belousov");
  EXPECT_EQ((*links)[0].source, "linker");
}

// warta entity merge / split: the store, the index and later ingests.
TEST(EntityCorrectionsTest, MergeAndSplitRewriteTheStoreAndHoldForLaterIngests) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "Menteri Pertanian Andi Amran Sulaiman meninjau sawah\n\n"
            "Menteri Pertanian Andi Amran Sulaiman meninjau sawah di Karawang pada Senin. Andi Amran Sulaiman "
            "mengatakan panen tahun ini naik.\n");
  WriteFile(tmp / "b.txt",
            "Panen raya di Subang\n\n"
            "Dalam kunjungan ke Subang, Amran Sulaiman mengatakan harga gabah akan dijaga.\n");
  WriteFile(tmp / "c.txt",
            "Harga gabah di Indramayu\n\n"
            "Di Indramayu, Amran Sulaiman meminta Bulog menyerap gabah petani.\n");
  const std::string dir = (tmp / "db").string();
  auto kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok());
  IngestOptions no_link;
  no_link.link_people = false;  // the analyser alone: two entities
  ASSERT_TRUE((*kb)->Ingest({(tmp / "a.txt").string(), (tmp / "b.txt").string()}, no_link, {}).ok());
  const std::string full = entities::EntityIdOf(EntityType::kPerson, "Andi Amran Sulaiman");
  const std::string part = entities::EntityIdOf(EntityType::kPerson, "Amran Sulaiman");
  ASSERT_EQ((*kb)->store().GetEntitySummaries({full, part})->size(), 2u);

  EXPECT_EQ(MergeEntities(**kb, "Andi Amran Sulaiman", "Nobody Here").status().code(), StatusCode::kNotFound);
  auto merged = MergeEntities(**kb, full, "Amran Sulaiman");
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->entity_id, full);
  EXPECT_EQ(merged->articles.size(), 1u);
  EXPECT_EQ((*kb)->store().GetEntity(full)->summary.articles, 2);
  EXPECT_EQ(MergeEntities(**kb, full, "Amran Sulaiman").status().code(), StatusCode::kInvalidArgument);
  // The index finds the merged article under the entity kept.
  auto hits = (*kb)->Search({.query = "gabah", .entity_ids = {full}});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->estimated_total, 1u);
  auto links = (*kb)->store().EntityLinks(full);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].source, "analyst");

  // A later ingest (a new writer, which loads the corrections) follows the
  // merge: c.txt shares nothing with a.txt, so only the merge joins it.
  kb->reset();  // one writer at a time
  kb = KnowledgeBase::Open({.dir = dir});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  ASSERT_TRUE((*kb)->Ingest({(tmp / "c.txt").string()}, {}, {}).ok());
  EXPECT_EQ((*kb)->store().GetEntity(full)->summary.articles, 3);

  // Split: the mentions written "Amran Sulaiman" leave him again.
  EXPECT_EQ(SplitEntity(**kb, full, "Sulaiman Siapa").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(SplitEntity(**kb, full, "Andi Amran Sulaiman").status().code(), StatusCode::kInvalidArgument);
  auto split = SplitEntity(**kb, full, "Amran Sulaiman");
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  EXPECT_EQ(split->entity_id, part);
  EXPECT_EQ(split->articles.size(), 2u);
  EXPECT_EQ((*kb)->store().GetEntity(full)->summary.articles, 1);
  EXPECT_EQ((*kb)->store().GetEntity(part)->summary.articles, 2);
}

}  // namespace
}  // namespace warta::pipeline
