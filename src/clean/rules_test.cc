// The rule files: embedded copies, overriding with rules_dir, and errors
// that name the file and line.
#include <gtest/gtest.h>

#include "clean/clean_test_util.h"
#include "clean/rules.h"
#include "test_support.h"

namespace warta::clean {
namespace {

using testing::kBodyA;
using testing::kBodyB;
using testing::MustClean;
using testing::ReasonFor;
using testing::TextDoc;
namespace wt = warta::testing;

TEST(RulesTest, EmbeddedRulesMatchTheSourceFiles) {
  const auto& files = internal::BuiltinRuleFiles();
  EXPECT_GE(files.size(), 7u);
  for (const auto& [name, bytes] : files) {
    // The date words are the text stage's data (its date parser's).
    const bool date_words = name == "months.tsv" || name == "weekdays.txt" || name == "timezones.tsv";
    std::filesystem::path p = wt::SourceDir() / (date_words ? "src/text/data" : "src/clean/rules") / std::string(name);
    ASSERT_TRUE(std::filesystem::exists(p)) << p;
    EXPECT_EQ(wt::ReadFile(p), bytes) << name << " is stale: the build did not re-embed it";
  }
}

TEST(RulesTest, ParsesTabsCommentsAndBlankLines) {
  internal::RuleFile f = internal::ParseRuleText("x.tsv", "# comment\n\nmenu\tline\t\tfoo  \r\n  # indented\nbar\n");
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].line, 3);
  EXPECT_EQ(f.lines[0].fields, (std::vector<std::string>{"menu", "line", "foo"}));
  EXPECT_EQ(f.lines[1].line, 5);
  EXPECT_EQ(f.lines[1].fields, (std::vector<std::string>{"bar"}));
}

TEST(RulesTest, RulesDirOverridesOneFileAndKeepsTheOthers) {
  wt::TempDir dir;
  wt::WriteFile(dir / "debris.tsv", "# test rules\npengumuman\tline\tpengumuman redaksi\n");
  auto c = Cleaner::Create({.rules_dir = dir.path().string()});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Article a = MustClean(TextDoc(std::string(kBodyA) + "\nPengumuman Redaksi\nBaca juga: Sesuatu\nMenu\n" + kBodyB +
                                "\nRabu, 6 Maret 2024 09:15 WIB\n"),
                        **c);
  EXPECT_EQ(ReasonFor(a, "Pengumuman Redaksi"), "pengumuman");
  EXPECT_EQ(ReasonFor(a, "Baca juga: Sesuatu"), "");  // the built-in debris.tsv is replaced
  EXPECT_EQ(ReasonFor(a, "Menu"), "menu");            // debris_phrases.tsv is still built in
  EXPECT_TRUE(a.published.has_value());               // and so are the date files
}

TEST(RulesTest, BadRegexNamesFileAndLine) {
  wt::TempDir dir;
  wt::WriteFile(dir / "debris.tsv", "menu\tline\tmenu\n\nrusak\tline\t(baca juga\n");
  auto c = Cleaner::Create({.rules_dir = dir.path().string()});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(c.status().message().find((dir / "debris.tsv").string() + ":3: bad regex"), std::string::npos)
      << c.status().message();
}

TEST(RulesTest, MalformedLinesAreErrors) {
  struct Case {
    const char* file;
    const char* text;
    const char* expect;
  };
  for (const Case& k : {Case{"debris.tsv", "menu\tline\n", "debris.tsv:1: expected reason<TAB>scope<TAB>regex"},
                        Case{"debris.tsv", "menu\teverywhere\tmenu\n", "debris.tsv:1: unknown scope"},
                        Case{"debris.tsv", "menu\tline\tmenu\tbanyak\n", "debris.tsv:1: max 'banyak'"},
                        Case{"timezones.tsv", "WIB\tabc\n", "timezones.tsv:1: 'abc' is not a number"},
                        Case{"metadata.tsv", "penulis\tpenulis\n", "metadata.tsv:1: unknown field 'penulis'"},
                        Case{"list_headers.txt", "berita (terkait\n", "list_headers.txt:1: bad regex"},
                        Case{"debris_phrases.tsv", "menu\n", "debris_phrases.tsv:1: expected reason<TAB>phrase"}}) {
    wt::TempDir dir;
    wt::WriteFile(dir / k.file, k.text);
    auto c = Cleaner::Create({.rules_dir = dir.path().string()});
    ASSERT_FALSE(c.ok()) << k.file;
    EXPECT_NE(c.status().message().find(k.expect), std::string::npos) << c.status().message();
  }
}

TEST(RulesTest, MonthsAndWeekdaysComeFromTheLexicon) {
  // A lexicon whose "maret" is month 4 shows the date parser reads the
  // month table it is given, not a copy of its own.
  auto lexicon = text::Lexicon::FromFiles({{"months.tsv", "maret\t4\n"}});
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  auto c = Cleaner::Create({.lexicon = *lexicon});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Article a = MustClean(TextDoc(std::string(kBodyA) + "\n" + kBodyB + "\nRabu, 6 Maret 2024 09:15 WIB\n"), **c);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->month, 4);
  auto builtin = Cleaner::Create({});
  ASSERT_TRUE(builtin.ok());
  Article b = MustClean(TextDoc(std::string(kBodyA) + "\n" + kBodyB + "\nRabu, 6 Maret 2024 09:15 WIB\n"), **builtin);
  ASSERT_TRUE(b.published.has_value());
  EXPECT_EQ(b.published->month, 3);
}

TEST(RulesTest, MissingRulesDir) {
  auto c = Cleaner::Create({.rules_dir = "/nonexistent/warta-rules"});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
}

TEST(LineRuleSetTest, FirstMatchingRuleInOrderWins) {
  auto set = internal::LineRuleSet::Compile({{"baca juga:.*", "a:1", "first", 200},
                                             {"baca.*", "a:2", "second", 200},
                                             {".*penting.*", "a:3", "third", 30},
                                             {"(?-i:BESAR)", "a:4", "fourth", 200}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  internal::LineRuleMatcher m(set->get());
  auto reason = [&](std::string_view line) {
    const internal::LineRuleSet::Rule* r = m.Match(line);
    return r ? r->reason : std::string("-");
  };
  EXPECT_EQ(reason("Baca juga: x"), "first");
  EXPECT_EQ(reason("BACA buku"), "second");
  EXPECT_EQ(reason("ini penting"), "third");
  EXPECT_EQ(reason("ini penting sekali dan panjang sekali sampai lewat batas"), "-");  // over max
  EXPECT_EQ(reason("BESAR"), "fourth");
  EXPECT_EQ(reason("besar"), "-");
  EXPECT_EQ(reason("\u00c9tude baca"), "-");  // a first letter outside the probed set: every rule tried
  EXPECT_EQ(reason("\u00c9tude penting"), "third");
  std::string long_line = "baca " + std::string(300, 'x');
  EXPECT_EQ(reason(long_line), "-");
}

}  // namespace
}  // namespace warta::clean
