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
  const std::vector<Event>& Run(EventAnalyzerOptions options = {}) {
    analyse::AnalysisContext ctx(article_);
    EventAnalyzer analyzer(options);
    EXPECT_TRUE(analyzer.Analyse(&article_, &ctx).ok());
    return article_.events;
  }

 private:
  Article article_;
};

// One line per event: type, trigger, the participants' entity ids, then
// place= and date= when not empty, and the span in code points.
std::vector<std::string> Events(const testing::GoldenCase& c) {
  Article a = testing::ArticleOf(c);
  analyse::AnalysisContext ctx(a);
  EXPECT_TRUE(EventAnalyzer().Analyse(&a, &ctx).ok());
  std::vector<std::string> out;
  for (const Event& e : a.events) {
    std::string participants;
    for (const std::string& id : e.participants) participants += (participants.empty() ? "" : ", ") + id;
    std::string line = std::string(Name(e.type)) + " | " + e.trigger + " | " + (participants.empty() ? "-" : participants);
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

TEST(EventAnalyzerTest, StrayMarksAndEmptyArticle) {
  Doc empty({});
  EXPECT_TRUE(empty.Run().empty());
  Doc marks({"\"\"\" “ ” bertemu ' ' di ke oleh antara , , ."});
  EXPECT_TRUE(marks.Run().empty());
}

}  // namespace
}  // namespace warta::events
