#include "fetch/robots.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "golden_cases.h"
#include "test_support.h"

namespace warta::fetch {
namespace {

// A case: the file as `robots` lines (an empty `robots` line is a blank line
// of the file), optional `url` (where it was fetched, for Sitemap lines),
// then `agent` and `check PATH` lines, each check asked of the last agent.
std::vector<std::string> RunRobotsCase(const testing::GoldenCase& c) {
  std::string file;
  for (const testing::GoldenInput& in : c.inputs) {
    if (in.key == "robots") file += in.value + "\n";
  }
  Robots robots = Robots::Parse(file, c.Value("url"));
  std::vector<std::string> out;
  std::string agent;
  for (const testing::GoldenInput& in : c.inputs) {
    if (in.key == "agent") {
      agent = in.value;
      RobotsGroup g = robots.ForAgent(agent);
      if (g.crawl_delay_seconds) out.push_back(agent + " crawl-delay " + std::to_string(*g.crawl_delay_seconds));
      if (!g.matched) out.push_back(agent + " no group");
    } else if (in.key == "check") {
      RobotsDecision d = robots.ForAgent(agent).Decide(in.value);
      std::string why = d.rule ? std::string(d.rule->allow ? "allow " : "disallow ") + d.rule->pattern + " (line " +
                                     std::to_string(d.rule->line) + ")"
                               : "no rule";
      out.push_back(agent + " " + (d.allowed ? "allowed " : "disallowed ") + in.value + " by " + why);
    } else if (in.key != "robots" && in.key != "url" && in.key != "case") {
      ADD_FAILURE() << c.Where() << ": unknown directive " << in.key;
    }
  }
  for (const std::string& s : robots.sitemaps()) out.push_back("sitemap " + s);
  if (robots.ignored_lines()) out.push_back("ignored lines " + std::to_string(robots.ignored_lines()));
  return out;
}

TEST(RobotsTest, GoldenCases) {
  EXPECT_GT(testing::RunGoldenFile(testing::SourceDir() / "src/fetch/testdata/robots.golden", RunRobotsCase), 0);
}

TEST(RobotsTest, PatternMatching) {
  EXPECT_TRUE(RobotsPatternMatches("/", "/anything"));
  EXPECT_TRUE(RobotsPatternMatches("/fish", "/fish.html"));
  EXPECT_FALSE(RobotsPatternMatches("/fish", "/Fish.asp"));
  EXPECT_TRUE(RobotsPatternMatches("/*.php$", "/folder/filename.php"));
  EXPECT_FALSE(RobotsPatternMatches("/*.php$", "/filename.php?parameters"));
  EXPECT_FALSE(RobotsPatternMatches("/*.php$", "/filename.php5"));
  EXPECT_TRUE(RobotsPatternMatches("/fish*.php", "/fishheads/catfish.php?parameters"));
  EXPECT_TRUE(RobotsPatternMatches("*", ""));
  EXPECT_TRUE(RobotsPatternMatches("/a$b", "/a$bc"));  // '$' inside the pattern is a plain byte
  EXPECT_TRUE(RobotsPatternMatches("/**/x", "/a/b/x"));
}

TEST(RobotsTest, PercentEncodingNormalisation) {
  // RFC 9309 section 2.2.2's table.
  EXPECT_EQ(NormaliseRobotsPath("/foo/bar?baz=quz"), "/foo/bar?baz=quz");
  EXPECT_EQ(NormaliseRobotsPath("/foo/bar/\xE3\x83\x84"), "/foo/bar/%E3%83%84");
  EXPECT_EQ(NormaliseRobotsPath("/foo/bar/%E3%83%84"), "/foo/bar/%E3%83%84");
  EXPECT_EQ(NormaliseRobotsPath("/foo/bar/%62%61%7A"), "/foo/bar/baz");
  EXPECT_EQ(NormaliseRobotsPath("/a%2fb%e3"), "/a%2Fb%E3");
  EXPECT_EQ(NormaliseRobotsPath("/100%"), "/100%");
}

TEST(RobotsTest, UnavailableAndUnreachable) {
  EXPECT_TRUE(Robots::AllowAll().ForAgent("Warta").Allowed("/a"));
  EXPECT_FALSE(Robots::AllowAll().ForAgent("Warta").matched);
  EXPECT_FALSE(Robots::DisallowAll().ForAgent("Warta").Allowed("/a"));
  EXPECT_TRUE(Robots::DisallowAll().ForAgent("Warta").Allowed("/robots.txt"));
}

TEST(RobotsTest, FromResponseFollowsTheStatus) {
  const std::string body = "User-agent: *\nDisallow: /a\n";
  EXPECT_FALSE(Robots::FromResponse(200, body, "https://a.example/robots.txt").ForAgent("Warta").Allowed("/a"));
  EXPECT_TRUE(Robots::FromResponse(200, body, "").ForAgent("Warta").Allowed("/b"));
  EXPECT_TRUE(Robots::FromResponse(404, body, "").ForAgent("Warta").Allowed("/a"));
  EXPECT_TRUE(Robots::FromResponse(403, "", "").ForAgent("Warta").Allowed("/a"));
  EXPECT_FALSE(Robots::FromResponse(503, body, "").ForAgent("Warta").Allowed("/b"));
  EXPECT_FALSE(Robots::FromResponse(0, "", "").ForAgent("Warta").Allowed("/b"));
  EXPECT_FALSE(Robots::FromResponse(301, "", "").ForAgent("Warta").Allowed("/b"));
}

TEST(RobotsTest, OnlyTheFirst500KiBAreRead) {
  std::string file = "User-agent: *\nDisallow: /a\n";
  while (file.size() < 600 * 1024) file += "# padding padding padding padding padding\n";
  file += "Disallow: /b\n";
  Robots r = Robots::Parse(file);
  EXPECT_TRUE(r.truncated());
  EXPECT_FALSE(r.ForAgent("Warta").Allowed("/a"));
  EXPECT_TRUE(r.ForAgent("Warta").Allowed("/b"));
  // A rule cut in two by the limit is not read at all.
  RobotsOptions o;
  o.max_bytes = std::string("User-agent: *\nDisallow: /abc").size() - 1;
  EXPECT_TRUE(Robots::Parse("User-agent: *\nDisallow: /abc\n", "", o).ForAgent("x").Allowed("/a"));
}

TEST(RobotsTest, LineEndingsAndByteOrderMark) {
  Robots r = Robots::Parse("\xEF\xBB\xBFUser-agent: *\rDisallow: /cr\r\nDisallow: /crlf\nDisallow: /lf");
  RobotsGroup g = r.ForAgent("Warta");
  EXPECT_FALSE(g.Allowed("/cr"));
  EXPECT_FALSE(g.Allowed("/crlf"));
  EXPECT_FALSE(g.Allowed("/lf"));
  EXPECT_EQ(r.ignored_lines(), 0u);
}

}  // namespace
}  // namespace warta::fetch
