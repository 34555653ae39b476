#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "test_support.h"

namespace warta::testing {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_path)
    : log_(log_path) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    // Its own process group, so a terminal's Ctrl-C on the test run does
    // not reach it before the destructor does.
    ::setpgid(0, 0);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  pid_ = pid;
}

ChildProcess::~ChildProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 50; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

bool ChildProcess::Running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

std::optional<int> ChildProcess::WaitForPort(const std::string& pattern, int seconds) {
  const std::regex re(pattern);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    const std::string log = Log();
    if (std::regex_search(log, m, re)) return std::stoi(m[1].str());
    if (!Running()) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

std::string ChildProcess::Log() const { return ReadFile(log_); }

bool IsExecutable(const std::filesystem::path& path) { return ::access(path.c_str(), X_OK) == 0; }

}  // namespace warta::testing
