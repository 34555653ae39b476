#include "timex/timex_analyzer.h"

#include <gtest/gtest.h>

#include "analyse/analyzer.h"

namespace warta::timex {
namespace {

TEST(TimexAnalyzer, UsesPublishedElseInferredDate) {
  TimexAnalyzer analyzer;
  Article a;
  a.paragraphs = {"Pertemuan berlangsung pada Jumat lalu.", "Dilaporkan Sabtu (22/3/2025)."};
  {
    analyse::AnalysisContext ctx(a);
    ASSERT_TRUE(analyzer.Analyse(&a, &ctx).ok());
  }
  ASSERT_TRUE(a.inferred_published);
  EXPECT_EQ(a.inferred_published->ToIso(), "2025-03-22");
  ASSERT_EQ(a.timexes.size(), 2u);
  EXPECT_EQ(a.timexes[0].value, "2025-03-21");
  EXPECT_EQ(a.timexes[1].span.begin, 50);  // second paragraph starts at 39 ('\n' joined)

  a.published = DateTime::ParseIso("2025-03-29");
  analyse::AnalysisContext ctx(a);
  ASSERT_TRUE(analyzer.Analyse(&a, &ctx).ok());
  EXPECT_FALSE(a.inferred_published);
  EXPECT_EQ(a.timexes[0].value, "2025-03-28");
}

}  // namespace
}  // namespace warta::timex
