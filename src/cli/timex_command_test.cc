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
  EXPECT_EQ(j["timexes"][0]["value"], "2024-11-18T10:00+07:00");
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

}  // namespace
}  // namespace warta::cli
