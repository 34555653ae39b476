// Damaged input never crashes the fetch stage's parsers: every fixture cut
// short at many points, with bytes flipped, and pure garbage. Each result is
// a Status or a Listing whose entries are absolute http(s) URLs (what the
// fetcher may request). The sanitizer pass runs this test too.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "fetch/listing.h"
#include "fetch/robots.h"
#include "fetch/url.h"
#include "test_support.h"

namespace warta::fetch {
namespace {

std::vector<std::string> Fixtures() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / "src/fetch/testdata/listings"))
    out.push_back(testing::ReadFile(e.path()));
  return out;
}

void Check(std::string_view bytes, std::string_view content_type) {
  StatusOr<Listing> l = ParseListing(bytes, "https://a.example/dir/feed", content_type);
  if (!l.ok()) {
    EXPECT_FALSE(l.status().message().empty());
    return;
  }
  for (const auto* list : {&l->entries, &l->sitemaps, &l->feeds}) {
    for (const ListingEntry& e : *list) EXPECT_TRUE(IsHttpUrl(e.url)) << e.url;
  }
}

TEST(RobustnessTest, TruncatedListings) {
  std::vector<std::string> fixtures = Fixtures();
  ASSERT_GE(fixtures.size(), 8u);
  for (const std::string& f : fixtures) {
    for (size_t n = 0; n < f.size(); n += 5) {
      Check(std::string_view(f).substr(0, n), "");
      Check(std::string_view(f).substr(n), "text/html");
    }
  }
}

TEST(RobustnessTest, MutatedListings) {
  std::mt19937 rng(19);  // fixed: the same inputs on every run
  const std::string specials = "<>&;\"'/=![]{}:,\xff\xc3#%?";
  for (const std::string& f : Fixtures()) {
    // Deeper searches are the libFuzzer target's (fuzz/listing_fuzz.cc); this
    // keeps the unit run short, also under the sanitizers.
    for (int round = 0; round < 150; ++round) {
      std::string m = f;
      int edits = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < edits && !m.empty(); ++k) {
        size_t at = rng() % m.size();
        switch (rng() % 4) {
          case 0:
            m[at] = static_cast<char>(rng() & 0xff);
            break;
          case 1:
            m[at] = specials[rng() % specials.size()];
            break;
          case 2:
            m.erase(at, 1 + rng() % 16);
            break;
          default:
            m.insert(at, m.substr(rng() % m.size(), rng() % 64));
            break;
        }
      }
      Check(m, round % 2 ? "application/json" : "");
    }
  }
}

TEST(RobustnessTest, Garbage) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string g(rng() % 512, '\0');
    for (char& c : g) c = static_cast<char>(rng() & 0xff);
    if (round % 3 == 0 && !g.empty()) g[0] = '<';
    if (round % 3 == 1 && !g.empty()) g[0] = '{';
    Check(g, "");
  }
  // Deep nesting: neither parser may recurse once per level.
  Check(std::string(200000, '['), "");
  Check("<rss>" + std::string(100000, '<'), "");
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "<a>";
  Check("<rss><channel><item>" + deep, "");
}

TEST(RobustnessTest, RobotsGarbage) {
  std::mt19937 rng(9309);
  const std::vector<std::string> pieces = {"User-agent:", "Allow:", "Disallow:", "Sitemap:", "Crawl-delay:", "*",
                                           "$",           "/",      "%",         "%4",       "%zz",          "\n",
                                           "\r",          " ",      "#",         ":",        "\xe3\x83",     "a"};
  for (int round = 0; round < 500; ++round) {
    std::string file;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) file += pieces[rng() % pieces.size()];
    Robots r = Robots::Parse(file, round % 2 ? "https://a.example/robots.txt" : "");
    std::string path;
    for (int i = static_cast<int>(rng() % 12); i > 0; --i) path += pieces[rng() % pieces.size()];
    (void)r.ForAgent(round % 3 ? "Warta/0.1" : "").Decide(path);
  }
}

}  // namespace
}  // namespace warta::fetch
