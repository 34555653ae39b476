#include "events/event_analyzer.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "hand_annotations.h"

#include <algorithm>
#include <string>
#include <vector>

namespace warta::events {
namespace {

// An article whose entity mentions and time expressions are given by hand,
// so these tests do not depend on the NER model or the timex tagger.
class Doc {
 public:
  explicit Doc(std::vector<std::string> paragraphs) { article_.paragraphs = std::move(paragraphs); }

  // Marks every occurrence of `name` as a mention of `canonical`.
  Doc& Entity(const std::string& name, const std::string& type, std::string canonical = "") {
    if (canonical.empty()) canonical = name;
    for (const Span& span : testing::SpansOf(article_.Text(), name)) testing::AddMention(&article_, span, name, type, canonical);
    return *this;
  }
  // Marks the first occurrence of `expression` as a DATE with `value`.
  Doc& Date(const std::string& expression, const std::string& value) {
    std::vector<Span> spans = testing::SpansOf(article_.Text(), expression);
    EXPECT_FALSE(spans.empty()) << expression;
    if (spans.empty()) return *this;
    TimeExpression t;
    t.span = spans[0];
    t.text = expression;
    t.type = TimexType::kDate;
    t.value = value;
    article_.timexes.push_back(t);
    std::sort(article_.timexes.begin(), article_.timexes.end(),
              [](const TimeExpression& a, const TimeExpression& b) { return a.span.begin < b.span.begin; });
    return *this;
  }
  Doc& Published(const std::string& iso) {
    article_.published = DateTime::ParseIso(iso);
    return *this;
  }
  Doc& DirectQuote(const std::string& words) {
    std::vector<Span> spans = testing::SpansOf(article_.Text(), words);
    EXPECT_FALSE(spans.empty()) << words;
    if (spans.empty()) return *this;
    Quote q;
    q.span = spans[0];
    q.text = words;
    article_.quotes.push_back(q);
    return *this;
  }
  const std::vector<Event>& Run(EventAnalyzerOptions options = {}) {
    analyse::AnalysisContext ctx(article_);
    EventAnalyzer analyzer(options);
    EXPECT_TRUE(analyzer.Analyse(&article_, &ctx).ok());
    return article_.events;
  }

 private:
  Article article_;
};

std::vector<std::string> Ids(std::initializer_list<const char*> ids) { return {ids.begin(), ids.end()}; }

bool Has(const Event& e, const std::string& id) {
  return std::find(e.participants.begin(), e.participants.end(), id) != e.participants.end();
}

TEST(EventAnalyzerTest, ReceivingAPersonIsAMeetingWithPlace) {
  Doc d({"Kim Jong Un menerima Menteri Pertahanan Rusia Andrei Belousov di Pyongyang, Jumat (29/11/2024)."});
  d.Entity("Kim Jong Un", "PERSON").Entity("Rusia", "LOCATION").Entity("Andrei Belousov", "PERSON");
  d.Entity("Pyongyang", "LOCATION").Date("Jumat (29/11/2024)", "2024-11-29");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kMeeting);
  EXPECT_EQ(e[0].trigger, "menerima");
  // Rusia only qualifies Belousov's role: it is no participant.
  EXPECT_EQ(e[0].participants, Ids({"P:Kim Jong Un", "P:Andrei Belousov"}));
  EXPECT_EQ(e[0].place, "Pyongyang");
  EXPECT_EQ(e[0].date, "2024-11-29");
  EXPECT_EQ(e[0].span.begin, 0);
}

TEST(EventAnalyzerTest, ReceivingAidIsNoMeeting) {
  Doc d({"Korea Utara menerima bantuan dari Rusia."});
  d.Entity("Korea Utara", "LOCATION").Entity("Rusia", "LOCATION");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, CoordinatedSubjectWithAppositionMeets) {
  Doc d({"Pemimpin Korea Utara Kim Jong-un dan Menteri Sumber Daya Alam dan Ekologi Rusia, Alexander Kozlov, "
         "bertemu di Pyongyang pada Senin (18 November), ketika kedua negara terus memperdalam hubungan."});
  d.Entity("Korea Utara", "LOCATION").Entity("Kim Jong-un", "PERSON").Entity("Rusia", "LOCATION");
  d.Entity("Alexander Kozlov", "PERSON").Entity("Pyongyang", "LOCATION").Date("Senin (18 November)", "2024-11-18");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kMeeting);
  EXPECT_EQ(e[0].participants, Ids({"P:Kim Jong-un", "P:Alexander Kozlov"}));
  EXPECT_EQ(e[0].place, "Pyongyang");
  EXPECT_EQ(e[0].date, "2024-11-18");
}

TEST(EventAnalyzerTest, ShortNameSubjectAndListObject) {
  Doc d({"Menteri Luar Negeri Korea Utara Choe Son Hui tiba pekan lalu.",
         "Choe sendiri bertemu Putin, dan Menlu Rusia Sergei Lavrov di Moskow pada akhir pekan lalu."});
  d.Entity("Korea Utara", "LOCATION").Entity("Choe Son Hui", "PERSON").Entity("Putin", "PERSON", "Vladimir Putin");
  d.Entity("Rusia", "LOCATION").Entity("Sergei Lavrov", "PERSON").Entity("Moskow", "LOCATION", "Moskwa");
  d.Date("akhir pekan lalu", "2024-W02-WE");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].participants, Ids({"P:Choe Son Hui", "P:Vladimir Putin", "P:Sergei Lavrov"}));
  EXPECT_EQ(e[0].place, "Moskwa");
  EXPECT_EQ(e[0].date, "2024-W02-WE");
}

TEST(EventAnalyzerTest, PassiveAgreementWithAntara) {
  Doc d({"Perjanjian kerja sama itu ditandatangani antara Kim Jong Un dan Presiden Rusia, Vladimir Putin, "
         "pada Juni lalu."});
  d.Entity("Kim Jong Un", "PERSON").Entity("Rusia", "LOCATION").Entity("Vladimir Putin", "PERSON");
  d.Date("Juni lalu", "2024-06");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kAgreement);
  EXPECT_EQ(e[0].participants, Ids({"P:Kim Jong Un", "P:Vladimir Putin"}));
  EXPECT_EQ(e[0].date, "2024-06");
}

TEST(EventAnalyzerTest, NounMeetingBetweenTwoPeople) {
  Doc d({"Pertemuan tersebut berlangsung antara Kim Jong Un dan Sekretaris Dewan Keamanan Rusia, Sergei Shoigu, "
         "pada Jumat lalu."});
  d.Entity("Kim Jong Un", "PERSON").Entity("Dewan Keamanan Rusia", "ORGANISATION").Entity("Sergei Shoigu", "PERSON");
  d.Date("Jumat lalu", "2025-03-21");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kMeeting);
  EXPECT_EQ(e[0].participants, Ids({"P:Kim Jong Un", "P:Sergei Shoigu"}));
  EXPECT_EQ(e[0].date, "2025-03-21");
}

TEST(EventAnalyzerTest, FrontedNounPhraseTakesTheMainSubject) {
  Doc d({"Selama pertemuannya dengan Kozlov, Kim menyatakan bahwa hubungan kedua negara makin erat."});
  d.Entity("Kozlov", "PERSON", "Alexander Kozlov").Entity("Kim", "PERSON", "Kim Jong Un");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(Has(e[0], "P:Alexander Kozlov"));
  EXPECT_TRUE(Has(e[0], "P:Kim Jong Un"));
}

TEST(EventAnalyzerTest, VisitWithOneParticipantAndAPlace) {
  Doc d({"Kunjungan Shoigu ke Pyongyang dipandang sebagai persiapan untuk kunjungan Kim Jong Un ke Rusia."});
  d.Entity("Shoigu", "PERSON", "Sergei Shoigu").Entity("Pyongyang", "LOCATION").Entity("Kim Jong Un", "PERSON");
  d.Entity("Rusia", "LOCATION");
  const auto& e = d.Run();
  // Two complete visits in one sentence stay two events.
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].participants, Ids({"P:Sergei Shoigu"}));
  EXPECT_EQ(e[0].place, "Pyongyang");
  EXPECT_EQ(e[1].participants, Ids({"P:Kim Jong Un"}));
  EXPECT_EQ(e[1].place, "Rusia");
}

TEST(EventAnalyzerTest, VisitThenMeetingInOneSentenceIsOneEvent) {
  Doc d({"Pada September lalu, Kim Jong-un melakukan kunjungan ke Moskow untuk bertemu Putin."});
  d.Entity("Kim Jong-un", "PERSON").Entity("Moskow", "LOCATION").Entity("Putin", "PERSON");
  d.Date("September lalu", "2023-09");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].participants, Ids({"P:Kim Jong-un", "P:Putin"}));
  EXPECT_EQ(e[0].place, "Moskow");
  EXPECT_EQ(e[0].date, "2023-09");
}

TEST(EventAnalyzerTest, AccusationAndDeploymentWithRecipient) {
  Doc d({"Amerika Serikat (AS) dan Korea Selatan menuduh Korea Utara telah mengirimkan rudal balistik ke Rusia."});
  d.Entity("Amerika Serikat", "LOCATION").Entity("AS", "LOCATION", "Amerika Serikat");
  d.Entity("Korea Selatan", "LOCATION").Entity("Korea Utara", "LOCATION").Entity("Rusia", "LOCATION");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].type, EventType::kAccusation);
  EXPECT_EQ(e[0].participants, Ids({"L:Amerika Serikat", "L:Korea Selatan", "L:Korea Utara"}));
  EXPECT_EQ(e[1].type, EventType::kDeployment);
  EXPECT_EQ(e[1].trigger, "mengirimkan");
  EXPECT_EQ(e[1].participants, Ids({"L:Korea Utara", "L:Rusia"}));
}

TEST(EventAnalyzerTest, SendingAMessageIsNoDeployment) {
  Doc d({"Presiden Rusia Vladimir Putin mengirim salamnya kepada Kim Jong Un."});
  d.Entity("Rusia", "LOCATION").Entity("Vladimir Putin", "PERSON").Entity("Kim Jong Un", "PERSON");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, AttackNounWithPossessorAndTarget) {
  Doc d({"Serangan Rusia ke Ukraina berlanjut sejak Februari 2022."});
  d.Entity("Rusia", "LOCATION").Entity("Ukraina", "LOCATION").Date("Februari 2022", "2022-02");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kAttack);
  EXPECT_EQ(e[0].participants, Ids({"L:Rusia", "L:Ukraina"}));
  EXPECT_EQ(e[0].date, "2022-02");
}

TEST(EventAnalyzerTest, LaunchingNeedsAWeapon) {
  Doc d({"Samsung meluncurkan ponsel baru di Jakarta bersama Telkomsel.",
         "Korea Utara meluncurkan rudal ke arah Jepang."});
  d.Entity("Samsung", "ORGANISATION").Entity("Jakarta", "LOCATION").Entity("Telkomsel", "ORGANISATION");
  d.Entity("Korea Utara", "LOCATION").Entity("Jepang", "LOCATION");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kAttack);
  EXPECT_EQ(e[0].trigger, "meluncurkan");
}

TEST(EventAnalyzerTest, BackgroundMentionWithoutParticipantsIsNoEvent) {
  Doc d({"Perjanjian ini mencakup berbagai aspek, termasuk pertahanan bersama.",
         "Kesepakatan itu dinilai penting oleh banyak pengamat."});
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, OneParticipantMeetingIsNoEvent) {
  Doc d({"Kim Jong Un bertemu pejabat tinggi kemarin."});
  d.Entity("Kim Jong Un", "PERSON");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, NegationAndPlansAreNoEvents) {
  Doc d({"Joko Widodo tidak bertemu Prabowo Subianto di Bogor.",
         "Menteri Retno Marsudi siap menyambut Wang Yi di Jakarta."});
  d.Entity("Joko Widodo", "PERSON").Entity("Prabowo Subianto", "PERSON").Entity("Bogor", "LOCATION");
  d.Entity("Retno Marsudi", "PERSON").Entity("Wang Yi", "PERSON").Entity("Jakarta", "LOCATION");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, PronounSubjectIsTheLastPerson) {
  Doc d({"Presiden Joko Widodo berkunjung ke Tokyo.", "Ia kemudian bertemu Perdana Menteri Shinzo Abe di Istana Akasaka."});
  d.Entity("Joko Widodo", "PERSON").Entity("Tokyo", "LOCATION").Entity("Shinzo Abe", "PERSON");
  d.Entity("Istana Akasaka", "LOCATION");
  d.Published("2017-06-01T10:00:00+07:00");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].participants, Ids({"P:Joko Widodo", "P:Shinzo Abe"}));
  EXPECT_EQ(e[1].place, "Istana Akasaka");
  // No date in the text: the publication day.
  EXPECT_EQ(e[1].date, "2017-06-01");
}

TEST(EventAnalyzerTest, EarlierEventsGetNoGuessedDate) {
  Doc d({"Sebelumnya, Presiden Rusia Vladimir Putin dan Kim menandatangani perjanjian kemitraan strategis."});
  d.Entity("Rusia", "LOCATION").Entity("Vladimir Putin", "PERSON").Entity("Kim", "PERSON", "Kim Jong Un");
  d.Published("2024-11-30T10:00:00+07:00");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].participants, Ids({"P:Vladimir Putin", "P:Kim Jong Un"}));
  EXPECT_EQ(e[0].date, "");
}

TEST(EventAnalyzerTest, ContinuingSentenceTakesThePreviousDate) {
  Doc d({"Andrei Belousov bertemu dengan Kim Jong Un, Jumat (29/11/2024). Keduanya sepakat untuk meningkatkan "
         "kerja sama militer."});
  d.Entity("Andrei Belousov", "PERSON").Entity("Kim Jong Un", "PERSON").Date("Jumat (29/11/2024)", "2024-11-29");
  d.Published("2024-11-30T10:00:00+07:00");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].type, EventType::kAgreement);
  EXPECT_EQ(e[1].participants, Ids({"P:Andrei Belousov", "P:Kim Jong Un"}));
  EXPECT_EQ(e[1].date, "2024-11-29");
}

TEST(EventAnalyzerTest, RepeatedMentionsAreOneEvent) {
  Doc d({"Kim Jong Un bertemu Alexander Kozlov di Pyongyang pada Senin.",
         "Pertemuan antara Kim Jong Un dan Alexander Kozlov menunjukkan komitmen kuat kedua negara."});
  d.Entity("Kim Jong Un", "PERSON").Entity("Alexander Kozlov", "PERSON").Entity("Pyongyang", "LOCATION");
  d.Date("Senin", "2024-11-18");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2024-11-18");
}

TEST(EventAnalyzerTest, TriggersInsideDirectQuotesAreSkipped) {
  Doc d({"\"Kami akan bertemu Presiden Joko Widodo di Jakarta,\" kata Mahathir Mohamad."});
  d.Entity("Joko Widodo", "PERSON").Entity("Jakarta", "LOCATION").Entity("Mahathir Mohamad", "PERSON");
  d.DirectQuote("Kami akan bertemu Presiden Joko Widodo di Jakarta");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, SportsReportsHaveNoMeetingsOrAttacks) {
  Doc d({"Juventus menjamu Barcelona pada laga perempat final Liga Champions.",
         "Tersengat dengan serangan Juventus, Barcelona kembali berupaya membalas.",
         "Pelatih Barcelona menyebut klubnya sepakat memperpanjang kontrak Lionel Messi."});
  d.Entity("Juventus", "ORGANISATION").Entity("Barcelona", "ORGANISATION").Entity("Lionel Messi", "PERSON");
  const auto& e = d.Run();
  // Only the contract, an agreement, could count; it lacks two actors here.
  for (const Event& ev : e) EXPECT_EQ(ev.type, EventType::kAgreement);
}

TEST(EventAnalyzerTest, CountsOfVisitsAndBandWelcomesAreNoEvents) {
  Doc d({"Malaysia mencatat 91,8 ribu kunjungan ke Bali dari India.",
         "Kedatangan Joko Widodo dan Jusuf Kalla disambut dentuman marching band."});
  d.Entity("Malaysia", "LOCATION").Entity("Bali", "LOCATION").Entity("India", "LOCATION");
  d.Entity("Joko Widodo", "PERSON").Entity("Jusuf Kalla", "PERSON");
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, NoEntitiesNoEvents) {
  Doc d({"Mereka bertemu dan sepakat menandatangani perjanjian serta mengirim pasukan untuk menyerang."});
  EXPECT_TRUE(d.Run().empty());
}

TEST(EventAnalyzerTest, HundredKilobyteParagraphIsCheap) {
  std::string big;
  while (big.size() < 100'000) big += "Andi bertemu Budi dan menandatangani perjanjian di Jakarta, lalu ";
  big += "selesai.";
  Doc d({big});
  d.Entity("Andi", "PERSON").Entity("Budi", "PERSON").Entity("Jakarta", "LOCATION");
  const auto& e = d.Run();
  // One sentence: the same meeting and agreement, merged.
  EXPECT_LE(e.size(), 2u);
  for (const Event& ev : e) EXPECT_LE(ev.participants.size(), 8u);
}

TEST(EventAnalyzerTest, StrayMarksAndEmptyArticle) {
  Doc empty({});
  EXPECT_TRUE(empty.Run().empty());
  Doc marks({"\"\"\" “ ” bertemu ' ' di ke oleh antara , , ."});
  EXPECT_TRUE(marks.Run().empty());
}

}  // namespace
}  // namespace warta::events
