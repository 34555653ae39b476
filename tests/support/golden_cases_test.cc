// The golden-case runner must fail on a wrong expectation, name the file and
// line, and rewrite only the "=>" lines when updating.
#include "golden_cases.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "test_support.h"

namespace warta::testing {
namespace {

// A stand-in analyser: each mention as "text | entity id", in order.
std::vector<std::string> Mentions(const GoldenCase& c) {
  std::vector<std::string> out;
  for (const EntityMention& m : ArticleOf(c).entities) out.push_back(m.text + " | " + m.entity_id);
  return out;
}

constexpr std::string_view kCases =
    "# two cases\n"
    "case Right\n"
    "text Joko Santoso tiba di Medan.\n"
    "mention Joko Santoso | PERSON\n"
    "=> Joko Santoso | P:Joko Santoso\n"
    "\n"
    "case Wrong\n"
    "text Rina bertemu Rina.\n"
    "mention Rina | PERSON | Rina Kusuma | 2\n"
    "=> Rina | P:Rina\n";

TEST(GoldenCasesTest, ARightExpectationPasses) {
  TempDir dir;
  WriteFile(dir / "ok.golden", std::string(kCases.substr(0, kCases.find("\ncase Wrong"))));
  EXPECT_EQ(RunGoldenFile(dir / "ok.golden", Mentions, GoldenMode::kCompare), 1);
}

TEST(GoldenCasesTest, AWrongExpectationFailsNamingTheFileAndLine) {
  TempDir dir;
  WriteFile(dir / "cases.golden", kCases);
  const std::filesystem::path file = dir / "cases.golden";
  // The failure names the file and the case's first line, and shows both sides.
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(file, Mentions, GoldenMode::kCompare), "cases.golden:7 (case Wrong)");
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(file, Mentions, GoldenMode::kCompare), "=> Rina | P:Rina Kusuma");
}

TEST(GoldenCasesTest, ACaseWithoutExpectationFails) {
  TempDir dir;
  WriteFile(dir / "bare.golden", "text Rina datang.\nmention Rina | PERSON\n");
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(dir / "bare.golden", Mentions, GoldenMode::kCompare), "no \"=>\" line");
}

TEST(GoldenCasesTest, AMissingFileOrNameOrUnknownDirectiveFails) {
  TempDir dir;
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(dir / "absent.golden", Mentions, GoldenMode::kCompare), "cannot read");
  WriteFile(dir / "absent-name.golden", "text Rina datang.\nmention Budi | PERSON\n=> (none)\n");
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(dir / "absent-name.golden", Mentions, GoldenMode::kCompare),
                          "\"Budi\" is not in the text");
  WriteFile(dir / "unknown.golden", "text Rina datang.\nspeaker Rina\n=> (none)\n");
  EXPECT_NONFATAL_FAILURE(RunGoldenFile(dir / "unknown.golden", Mentions, GoldenMode::kCompare),
                          "unknown or malformed directive: speaker Rina");
}

TEST(GoldenCasesTest, UpdateRewritesOnlyTheExpectations) {
  TempDir dir;
  const std::filesystem::path file = dir / "cases.golden";
  WriteFile(file, std::string(kCases) + "\n# a closing comment\n\ntext Tanpa nama.\n");
  EXPECT_EQ(RunGoldenFile(file, Mentions, GoldenMode::kUpdate), 3);
  EXPECT_EQ(ReadFile(file),
            "# two cases\n"
            "case Right\n"
            "text Joko Santoso tiba di Medan.\n"
            "mention Joko Santoso | PERSON\n"
            "=> Joko Santoso | P:Joko Santoso\n"
            "\n"
            "case Wrong\n"
            "text Rina bertemu Rina.\n"
            "mention Rina | PERSON | Rina Kusuma | 2\n"
            "=> Rina | P:Rina Kusuma\n"
            "\n"
            "# a closing comment\n"
            "\n"
            "text Tanpa nama.\n"
            "=> (none)\n");
  EXPECT_EQ(RunGoldenFile(file, Mentions, GoldenMode::kCompare), 3);
}

TEST(GoldenCasesTest, ArticleOfPlacesTheHandAnnotations) {
  GoldenCase c;
  c.inputs = {{"text", "“Ya,” kata Rina di Medan, Senin.", 1},
              {"text", "Rina pulang.", 2},
              {"published", "2024-11-19", 3},
              {"mention", "Rina | PERSON | Rina Kusuma", 4},
              {"role", "Rina | Menteri | Medan", 5},
              {"timex", "Senin | DATE | 2024-11-18", 6},
              {"quote", "Ya", 7}};
  Article a = ArticleOf(c);
  ASSERT_EQ(a.paragraphs.size(), 2u);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2024-11-19");
  ASSERT_EQ(a.entities.size(), 2u);  // every occurrence
  EXPECT_EQ(a.entities[0].span, (Span{11, 15}));  // code points: the curly marks are one each
  EXPECT_EQ(a.entities[1].entity_id, "P:Rina Kusuma");
  EXPECT_EQ(a.entities[1].role_of, "Medan");
  ASSERT_EQ(a.timexes.size(), 1u);
  EXPECT_EQ(SpanText(a.Text(), a.timexes[0].span), "Senin");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].span, (Span{1, 3}));
}

}  // namespace
}  // namespace warta::testing
