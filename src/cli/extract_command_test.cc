#include "cli/extract_command.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "test_support.h"

namespace warta::cli {
namespace {

using warta::testing::SourceDir;
using warta::testing::TempDir;
using warta::testing::WriteFile;

TEST(ExtractCommandTest, TextOutput) {
  ExtractArgs args;
  args.path = (SourceDir() / "src/html/testdata/article_furniture.html").string();
  args.url = "https://warta.example/2021/04/05/warga-kampung-hijau";
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(args, out, err), kExitOk) << err.str();
  const std::string s = out.str();
  EXPECT_NE(s.find("title: Warga Kampung Hijau Menanam Seribu Pohon\n"), std::string::npos) << s;
  EXPECT_NE(s.find("published: 2021-04-05T08:30:00+07:00\n"), std::string::npos);
  EXPECT_NE(s.find("authors: Sari Lestari, Budi Santoso\n"), std::string::npos);
  EXPECT_NE(s.find("## Bibit dari Dinas Lingkungan\n"), std::string::npos);
  EXPECT_NE(s.find("- Trembesi ditanam di dekat jembatan.\n"), std::string::npos);
  EXPECT_EQ(s.find("Berita Terkait"), std::string::npos);
  EXPECT_TRUE(err.str().empty());
}

TEST(ExtractCommandTest, JsonOutputOfAGzippedPage) {
  TempDir dir;
  std::string html = warta::testing::ReadFile(SourceDir() / "src/html/testdata/dateline_byline.html");
  // gzip via zlib's gz* API
  std::string path = (dir / "p.html.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, html.data(), static_cast<unsigned>(html.size()));
  gzclose(gz);
  ExtractArgs args;
  args.path = path;
  args.json = true;
  std::ostringstream out, err;
  ASSERT_EQ(RunExtract(args, out, err), kExitOk) << err.str();
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["title"], "Harga Beras di Pasar Induk Turun");
  EXPECT_EQ(j["published"], "2017-03-27T10:15:00+07:00");
  EXPECT_EQ(j["authors"][0], "Andi Saputra");
  EXPECT_EQ(j["language"], "id");
  ASSERT_TRUE(j["blocks"].is_array());
  EXPECT_NE(j["text"].get<std::string>().find("Harga beras medium"), std::string::npos);
}

TEST(ExtractCommandTest, BadInputNamesTheFile) {
  TempDir dir;
  std::string path = (dir / "x.html").string();
  WriteFile(path, std::string("\0\1\2\3binary", 10));
  ExtractArgs args;
  args.path = path;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(args, out, err), kExitFailed);
  EXPECT_NE(err.str().find(path + ": not an HTML page: binary data"), std::string::npos) << err.str();
  args.path = (dir / "missing.html").string();
  err.str("");
  EXPECT_EQ(RunExtract(args, out, err), kExitFailed);
  EXPECT_NE(err.str().find("missing.html: "), std::string::npos);
}

}  // namespace
}  // namespace warta::cli
