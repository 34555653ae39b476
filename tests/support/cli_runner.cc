#include "cli_runner.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace warta::testing {

std::string WartaBinary() { return (BinaryDir() / "src" / "cli" / "warta").string(); }

namespace {
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}
}  // namespace

CliResult RunWarta(const std::vector<std::string>& args, const std::string& env, const std::string& stdin_path) {
  TempDir tmp;
  std::string cmd = env.empty() ? "" : env + " ";
  cmd += ShellQuote(WartaBinary());
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  cmd += stdin_path.empty() ? " </dev/null" : " <" + ShellQuote(stdin_path);
  cmd += " >" + ShellQuote((tmp / "out").string()) + " 2>" + ShellQuote((tmp / "err").string());
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(tmp / "out");
  r.err = ReadFile(tmp / "err");
  return r;
}

}  // namespace warta::testing
