// Golden cases: each src/clean/testdata/NAME.txt is cleaned and compared
// with NAME.expected.json (title, outlet, published, authors, editors,
// paragraphs, and the reasons of the removed lines in order; "published" is
// ISO 8601 or null). WARTA_GOLDEN_UPDATE=1 rewrites the expectations from the
// current output, for review in the diff.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "clean/clean_test_util.h"
#include "test_support.h"

namespace warta::clean {
namespace {

namespace fs = std::filesystem;

nlohmann::ordered_json ToJson(const Article& a) {
  nlohmann::ordered_json j;
  j["title"] = a.title;
  j["outlet"] = a.outlet;
  j["published"] = a.published ? nlohmann::ordered_json(a.published->ToIso()) : nlohmann::ordered_json(nullptr);
  j["authors"] = a.authors;
  j["editors"] = a.editors;
  j["paragraphs"] = a.paragraphs;
  std::vector<std::string> reasons;
  for (const RemovedLine& r : a.removed) reasons.push_back(r.reason);
  j["removed"] = reasons;
  return j;
}

TEST(GoldenTest, EveryCaseMatchesItsExpectation) {
  fs::path dir = warta::testing::SourceDir() / "src/clean/testdata";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  const bool update = std::getenv("WARTA_GOLDEN_UPDATE") != nullptr;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  ASSERT_GE(inputs.size(), 5u);
  for (const fs::path& in : inputs) {
    SCOPED_TRACE(in.filename().string());
    RawDocument doc;
    doc.source = in.filename().string();
    doc.text = warta::testing::ReadFile(in);
    StatusOr<Article> a = testing::BuiltinCleaner().Clean(doc);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    nlohmann::ordered_json got = ToJson(*a);
    fs::path expected_path = in;
    expected_path.replace_extension(".expected.json");
    if (update) {
      std::ofstream(expected_path) << got.dump(2) << "\n";
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
    nlohmann::ordered_json want = nlohmann::ordered_json::parse(warta::testing::ReadFile(expected_path));
    for (const char* key : {"title", "outlet", "published", "authors", "editors", "paragraphs", "removed"})
      EXPECT_EQ(got[key], want[key]) << key << ":\n got " << got[key].dump(1) << "\nwant " << want[key].dump(1);
  }
}

}  // namespace
}  // namespace warta::clean
