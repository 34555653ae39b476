#include "events/event_analyzer.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "golden_cases.h"
#include "hand_annotations.h"
#include "test_support.h"

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
  Doc& Published(const std::string& iso) {
    article_.published = DateTime::ParseIso(iso).value();
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

// One line per event: type, trigger, the participants' entity ids with
// their roles, the modality when not "happened", then place= and date= when
// not empty, and the span in code points.
std::vector<std::string> Events(const testing::GoldenCase& c) {
  Article a = testing::ArticleOf(c);
  analyse::AnalysisContext ctx(a);
  EXPECT_TRUE(EventAnalyzer().Analyse(&a, &ctx).ok());
  std::vector<std::string> out;
  for (const Event& e : a.events) {
    EXPECT_EQ(e.roles.size(), e.participants.size()) << "roles[i] is participants[i]'s role";
    std::string participants;
    for (size_t k = 0; k < e.participants.size(); ++k) {
      participants += (participants.empty() ? "" : ", ") + e.participants[k];
      if (k < e.roles.size()) participants += " (" + std::string(Name(e.roles[k])) + ")";
    }
    std::string line = std::string(Name(e.type)) + " | " + e.trigger + " | " + (participants.empty() ? "-" : participants);
    if (e.modality != EventModality::kHappened) line += " | " + std::string(Name(e.modality));
    if (!e.place.empty()) line += " | place=" + e.place;
    if (!e.date.empty()) line += " | date=" + e.date;
    line += " | span=" + std::to_string(e.span.begin) + ".." + std::to_string(e.span.end);
    out.push_back(std::move(line));
  }
  return out;
}

// Meetings, visits, agreements, deployments, accusations and attacks with
// their participants, place and date, and the look-alikes that are none
// (aid received, messages sent, sports, negations, plans, quotes): one case
// per article.
TEST(EventAnalyzerTest, GoldenCases) {
  testing::RunGoldenFile(testing::SourceDir() / "src/events/testdata/events.golden", Events);
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

// Honest dates (issue 18): an event whose sentence gives no date has none,
// unless the caller opts in to the publication day.
TEST(EventAnalyzerTest, PublicationDayIsOptIn) {
  const std::vector<std::string> text = {"Joko Widodo bertemu Shinzo Abe di Tokyo."};
  Doc plain(text);
  plain.Entity("Joko Widodo", "PERSON").Entity("Shinzo Abe", "PERSON").Entity("Tokyo", "LOCATION");
  plain.Published("2017-06-01T10:00:00+07:00");
  const auto& undated = plain.Run();
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].date, "");
  Doc opted(text);
  opted.Entity("Joko Widodo", "PERSON").Entity("Shinzo Abe", "PERSON").Entity("Tokyo", "LOCATION");
  opted.Published("2017-06-01T10:00:00+07:00");
  EventAnalyzerOptions options;
  options.date_from_publication = true;
  const auto& dated = opted.Run(options);
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].date, "2017-06-01");
}

// Modality words mark an event instead of dropping it; the clause ends them.
TEST(EventAnalyzerTest, ModalityStaysInItsClause) {
  Doc d({"Ketua KPK berharap polisi segera bertindak, namun Polda Metro Jaya menangkap Budi Santoso kemarin."});
  d.Entity("KPK", "ORGANISATION").Entity("Polda Metro Jaya", "ORGANISATION").Entity("Budi Santoso", "PERSON");
  const auto& e = d.Run();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, EventType::kArrest);
  EXPECT_EQ(e[0].modality, EventModality::kHappened);
  ASSERT_EQ(e[0].roles.size(), 2u);
  EXPECT_EQ(e[0].roles[0], EventRole::kActor);
  EXPECT_EQ(e[0].roles[1], EventRole::kTarget);
}

TEST(EventAnalyzerTest, StrayMarksAndEmptyArticle) {
  Doc empty({});
  EXPECT_TRUE(empty.Run().empty());
  Doc marks({"\"\"\" “ ” bertemu ' ' di ke oleh antara , , ."});
  EXPECT_TRUE(marks.Run().empty());
}

}  // namespace
}  // namespace warta::events
