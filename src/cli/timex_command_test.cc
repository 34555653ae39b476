#include "cli/timex_command.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace warta::cli {
namespace {

TEST(TimexCommand, TagsAFileAgainstTheGivenDate) {
  testing::TempDir dir;
  testing::WriteFile(dir / "a.txt", "Mereka bertemu pada Senin (18 November) pukul 10.00 WIB.\n");
  CLI::App app;
  CommandContext ctx;
  AddTimexCommand(app, ctx);
  std::string path = (dir / "a.txt").string();
  ::testing::internal::CaptureStdout();
  app.parse("timex " + path + " --dct 2024-11-19 --json", false);
  std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_TRUE(ctx.ran);
  EXPECT_EQ(ctx.exit_code, kExitOk);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["dct"], "2024-11-19");
  ASSERT_EQ(j["timexes"].size(), 1u);
  EXPECT_EQ(j["timexes"][0]["text"], "Senin (18 November) pukul 10.00 WIB");
  EXPECT_EQ(j["timexes"][0]["type"], "TIME");
  EXPECT_EQ(j["timexes"][0]["value"], "2024-11-18T10:00");  // TIMEX3: no offset in the value
  EXPECT_EQ(j["timexes"][0]["utc_offset_minutes"], 420);
  EXPECT_EQ(j["timexes"][0]["begin"], 20);
}

TEST(TimexCommand, InfersTheDateWithoutDctAndFlagsInvalidDates) {
  std::istringstream in("Kim bertemu Shoigu, Sabtu (22/3/2025). Jumat lalu ia berbicara. Dokumen 31/02/2024.");
  std::ostringstream out, err;
  EXPECT_EQ(RunTimex({.input = "-"}, in, out, err), kExitOk);
  EXPECT_EQ(out.str(),
            "# dct 2025-03-22 (inferred from the text)\n"
            "20-37\tDATE\t2025-03-22\tSabtu (22/3/2025)\n"
            "39-49\tDATE\t2025-03-21\tJumat lalu\n"
            "72-82\tDATE\t-\t31/02/2024\t(invalid date 31/02/2024)\n");
}

TEST(TimexCommand, RejectsABadDateAndAMissingFile) {
  std::istringstream in("");
  std::ostringstream out, err;
  EXPECT_EQ(RunTimex({.input = "-", .dct = "19/11/2024"}, in, out, err), kExitUsage);
  EXPECT_NE(err.str().find("--dct"), std::string::npos);
  EXPECT_EQ(RunTimex({.input = "/nonexistent/x.txt"}, in, out, err), kExitFailed);
}

TEST(TimexCommand, ALexiconDirectoryReplacesTheBuiltInWords) {
  testing::TempDir dir;
  // "subuh" (dawn) is no part of day of the built-in lexicon.
  const std::string parts = testing::ReadFile(testing::SourceDir() / "src/text/data/lexicon/timex_parts.tsv");
  testing::WriteFile(dir / "lexicon" / "timex_parts.tsv", parts + "subuh\tpart_of_day\tMO\n");
  const std::string text = "Mereka berangkat Senin subuh.";
  std::istringstream in1(text), in2(text);
  std::ostringstream builtin, mine, err;
  EXPECT_EQ(RunTimex({.input = "-", .dct = "2024-11-19"}, in1, builtin, err), kExitOk);
  EXPECT_EQ(builtin.str(), "# dct 2024-11-19\n17-22\tDATE\t2024-11-18\tSenin\n");
  EXPECT_EQ(RunTimex({.input = "-", .dct = "2024-11-19", .lexicon = (dir / "lexicon").string()}, in2, mine, err),
            kExitOk)
      << err.str();
  EXPECT_EQ(mine.str(), "# dct 2024-11-19\n17-28\tTIME\t2024-11-18TMO\tSenin subuh\n");

  testing::WriteFile(dir / "bad" / "timex_parts.tsv", "subuh\tpart_of_day\tDAWN\n");
  std::istringstream in3(text);
  std::ostringstream out, bad;
  EXPECT_EQ(RunTimex({.input = "-", .lexicon = (dir / "bad").string()}, in3, out, bad), kExitUsage);
  EXPECT_NE(bad.str().find("timex_parts.tsv:1: a part_of_day is one of MO, MI, AF, EV, NI, not 'DAWN'"),
            std::string::npos)
      << bad.str();
}

}  // namespace
}  // namespace warta::cli
