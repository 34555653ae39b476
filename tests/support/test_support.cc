#include "test_support.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace warta::testing {

namespace fs = std::filesystem;

fs::path SourceDir() {
  if (const char* d = std::getenv("WARTA_SOURCE_DIR")) return d;
  return WARTA_SOURCE_DIR_DEFAULT;
}

fs::path BinaryDir() {
  if (const char* d = std::getenv("WARTA_BINARY_DIR")) return d;
  return WARTA_BINARY_DIR_DEFAULT;
}

fs::path SharedDir() {
  if (const char* d = std::getenv("WARTA_SHARED_DIR")) return fs::exists(d) ? fs::path(d) : fs::path();
  fs::path p = SourceDir().parent_path() / "shared";
  std::error_code ec;
  return fs::is_directory(p, ec) ? p : fs::path();
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = fs::temp_directory_path() /
          ("warta-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

void WriteFile(const fs::path& path, std::string_view bytes) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadFile(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace warta::testing
