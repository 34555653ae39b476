// A program the browser tests start and own: `warta serve`, chromedriver.
//
//   ChildProcess serve({warta, "--db", dir, "serve", "--port", "0"}, log_path);
//   auto port = serve.WaitForPort(R"(http://127\.0\.0\.1:(\d+)/)");
//
// Its standard output and error go to `log_path` (kept for a failing test's
// message); stdin is /dev/null. The destructor ends exactly this process:
// SIGTERM, then SIGKILL when it has not gone after five seconds.
//
// Not thread-safe; one owner.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace warta::testing {

class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  // True while the process has not exited.
  bool Running();
  // Polls the log until `pattern` (ECMAScript, one capture group: the port)
  // matches, the process exits, or `seconds` pass. nullopt on the last two.
  std::optional<int> WaitForPort(const std::string& pattern, int seconds = 30);
  // The log so far, for failure messages.
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  std::filesystem::path log_;
};

// True when `path` names an executable file.
bool IsExecutable(const std::filesystem::path& path);

}  // namespace warta::testing
