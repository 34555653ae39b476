#include "test_support.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace warta::testing {

std::string Deflate(std::string_view bytes, int window_bits) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

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
