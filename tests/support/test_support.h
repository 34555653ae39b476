// Helpers shared by Warta's tests: temporary directories, file writing and
// the location of ../shared (tests that need it skip visibly without it).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace warta::testing {

// The repository root (tests run with it as the working directory).
std::filesystem::path SourceDir();
// The build directory, for artefacts such as screenshots.
std::filesystem::path BinaryDir();

// ../shared beside the repository, or empty when it is absent.
std::filesystem::path SharedDir();

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::filesystem::path& path, std::string_view bytes);
std::string ReadFile(const std::filesystem::path& path);

// zlib's window bits for Deflate's three formats.
inline constexpr int kGzipWindow = 16 + 15;
inline constexpr int kZlibWindow = 15;
inline constexpr int kRawDeflateWindow = -15;

// `bytes` compressed by zlib (level 6) as one gzip member, a zlib stream or
// raw deflate: the inputs of the tests of every reader that inflates.
std::string Deflate(std::string_view bytes, int window_bits = kGzipWindow);
inline std::string Gzip(std::string_view bytes) { return Deflate(bytes, kGzipWindow); }

}  // namespace warta::testing

// Skips the current test, saying why, when ../shared is missing.
#define WARTA_REQUIRE_SHARED()                                                   \
  do {                                                                           \
    if (::warta::testing::SharedDir().empty())                                   \
      GTEST_SKIP() << "needs ../shared beside the repository (absent): skipped"; \
  } while (0)
