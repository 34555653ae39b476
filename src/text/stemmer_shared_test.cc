// Agreement of the Snowball stemmer with Sastrawi's published test cases
// (../shared/data/lexicon). Sastrawi is a dictionary stemmer: Snowball cannot
// match it everywhere, so this measures and guards the rate rather than
// demanding every case.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "test_support.h"
#include "text/case.h"
#include "text/stemmer.h"

namespace warta::text {
namespace {

struct Agreement {
  int cases = 0, agree = 0;
  double Rate() const { return cases ? static_cast<double>(agree) / cases : 0; }
};

Agreement Measure(const std::filesystem::path& path, Stemmer* stemmer) {
  Agreement a;
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    std::string word = Lowercase(line.substr(0, tab));
    std::string expected = Lowercase(line.substr(tab + 1));
    ++a.cases;
    if (stemmer->Stem(word) == expected) ++a.agree;
  }
  return a;
}

TEST(StemmerSharedTest, AgreementWithSastrawiCases) {
  WARTA_REQUIRE_SHARED();
  auto dir = testing::SharedDir() / "data/lexicon";
  Stemmer stemmer;
  Agreement functional = Measure(dir / "stemmer_functional_cases.tsv", &stemmer);
  Agreement integration = Measure(dir / "stemmer_integration_cases.tsv", &stemmer);
  std::printf("stemmer agreement with Sastrawi: functional %d/%d (%.1f%%), integration %d/%d (%.1f%%)\n",
              functional.agree, functional.cases, 100 * functional.Rate(), integration.agree, integration.cases,
              100 * integration.Rate());
  RecordProperty("functional_agreement", std::to_string(functional.Rate()));
  RecordProperty("integration_agreement", std::to_string(integration.Rate()));
  EXPECT_GE(functional.cases, 150);
  EXPECT_GE(integration.cases, 30);
  // Floors just under the measured rates (libstemmer 2.2, Debian 12:
  // 116/166 = 69.9% and 20/35 = 57.1%). Snowball misses mostly where
  // Sastrawi's dictionary restores a prefix-initial consonant
  // ("mengandung" -> "andung", not "kandung"). A drop means a regression in
  // the hyphen handling or a different libstemmer.
  EXPECT_GE(functional.Rate(), 0.68);
  EXPECT_GE(integration.Rate(), 0.55);
}

}  // namespace
}  // namespace warta::text
