// Runs the warta binary as a user would, capturing exit code and output.
#pragma once

#include <string>
#include <vector>

namespace warta::testing {

struct CliResult {
  int exit_code = -1;      // 128 + signal when the process was killed
  std::string out, err;
};

// Runs `warta ARGS...` (each argument shell-quoted), with `env` prefixed
// ("NAME=value ..."), optionally feeding `stdin_path` as standard input.
CliResult RunWarta(const std::vector<std::string>& args, const std::string& env = "",
                   const std::string& stdin_path = "");

// Path of the built binary.
std::string WartaBinary();

}  // namespace warta::testing
