#include "fetch/url.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::fetch {
namespace {

std::string R(std::string_view base, std::string_view ref) {
  std::optional<std::string> r = ResolveUrl(base, ref);
  return r ? *r : "(none)";
}

TEST(UrlTest, Rfc3986NormalExamples) {
  // RFC 3986 section 5.4.1 (fragments dropped: a fetcher never sends them).
  const std::string base = "http://a/b/c/d;p?q";
  EXPECT_EQ(R(base, "g:h"), "g:h");
  EXPECT_EQ(R(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(R(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(R(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(R(base, "/g"), "http://a/g");
  EXPECT_EQ(R(base, "//g"), "http://g/");
  EXPECT_EQ(R(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(R(base, "g?y"), "http://a/b/c/g?y");
  EXPECT_EQ(R(base, "#s"), "http://a/b/c/d;p?q");
  EXPECT_EQ(R(base, "g#s"), "http://a/b/c/g");
  EXPECT_EQ(R(base, ";x"), "http://a/b/c/;x");
  EXPECT_EQ(R(base, "."), "http://a/b/c/");
  EXPECT_EQ(R(base, "./"), "http://a/b/c/");
  EXPECT_EQ(R(base, ".."), "http://a/b/");
  EXPECT_EQ(R(base, "../g"), "http://a/b/g");
  EXPECT_EQ(R(base, "../.."), "http://a/");
  EXPECT_EQ(R(base, "../../g"), "http://a/g");
}

TEST(UrlTest, Rfc3986AbnormalExamples) {
  // RFC 3986 section 5.4.2.
  const std::string base = "http://a/b/c/d;p?q";
  EXPECT_EQ(R(base, "../../../g"), "http://a/g");
  EXPECT_EQ(R(base, "../../../../g"), "http://a/g");
  EXPECT_EQ(R(base, "/./g"), "http://a/g");
  EXPECT_EQ(R(base, "/../g"), "http://a/g");
  EXPECT_EQ(R(base, "g."), "http://a/b/c/g.");
  EXPECT_EQ(R(base, ".g"), "http://a/b/c/.g");
  EXPECT_EQ(R(base, "g.."), "http://a/b/c/g..");
  EXPECT_EQ(R(base, "..g"), "http://a/b/c/..g");
  EXPECT_EQ(R(base, "./../g"), "http://a/b/g");
  EXPECT_EQ(R(base, "./g/."), "http://a/b/c/g/");
  EXPECT_EQ(R(base, "g/./h"), "http://a/b/c/g/h");
  EXPECT_EQ(R(base, "g/../h"), "http://a/b/c/h");
  EXPECT_EQ(R(base, "g;x=1/./y"), "http://a/b/c/g;x=1/y");
  EXPECT_EQ(R(base, "g;x=1/../y"), "http://a/b/c/y");
  EXPECT_EQ(R(base, "g?y/./x"), "http://a/b/c/g?y/./x");
  EXPECT_EQ(R(base, "http:g"), "http:g");  // strict parsers keep the scheme
}

TEST(UrlTest, NormalisationForFetching) {
  EXPECT_EQ(R("https://A.Example:443/x", "y z"), "https://a.example/y%20z");
  EXPECT_EQ(R("HTTP://a.example:80", ""), "(none)");
  EXPECT_EQ(R("HTTP://a.example:80", "/"), "http://a.example/");
  EXPECT_EQ(R("http://a.example:8080/p", "q"), "http://a.example:8080/q");
  EXPECT_EQ(R("https://a.example/", " \t/a\n/b\\c "), "https://a.example/a/b/c");
  EXPECT_EQ(R("https://a.example/", "/berita/caf\xC3\xA9"), "https://a.example/berita/caf%C3%A9");
  EXPECT_EQ(R("https://a.example/", "/a%20b"), "https://a.example/a%20b");
  EXPECT_EQ(R("", "/relative"), "(none)");
  EXPECT_EQ(R("https://[::1]:8443/a", "b"), "https://[::1]:8443/b");
}

TEST(UrlTest, HttpUrlsAndRobotsPaths) {
  EXPECT_TRUE(IsHttpUrl("https://a.example/x"));
  EXPECT_TRUE(IsHttpUrl("http://127.0.0.1:8080/"));
  EXPECT_FALSE(IsHttpUrl("ftp://a.example/x"));
  EXPECT_FALSE(IsHttpUrl("https:///x"));
  EXPECT_FALSE(IsHttpUrl("javascript:void(0)"));
  EXPECT_EQ(RobotsPath("https://a.example"), "/");
  EXPECT_EQ(RobotsPath("https://a.example/a/b?c=d"), "/a/b?c=d");
  EXPECT_EQ(RobotsPath("https://a.example/a?"), "/a?");
}

}  // namespace
}  // namespace warta::fetch
