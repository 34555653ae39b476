#include "core/env.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace warta {
namespace {

std::string ErrnoText(int err) {
  std::string s = std::strerror(err);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

Status ErrnoStatus(int err) {
  return err == ENOENT ? Status::NotFound(ErrnoText(err)) : Status::IoError(ErrnoText(err));
}

FileInfo::Type TypeOf(mode_t mode) {
  if (S_ISREG(mode)) return FileInfo::Type::kRegular;
  if (S_ISDIR(mode)) return FileInfo::Type::kDirectory;
  if (S_ISFIFO(mode)) return FileInfo::Type::kFifo;
  if (S_ISSOCK(mode)) return FileInfo::Type::kSocket;
  if (S_ISCHR(mode)) return FileInfo::Type::kCharDevice;
  if (S_ISBLK(mode)) return FileInfo::Type::kBlockDevice;
  return FileInfo::Type::kOther;
}

FileInfo InfoOf(const struct stat& st) {
  FileInfo info;
  info.type = TypeOf(st.st_mode);
  info.size = info.type == FileInfo::Type::kRegular ? static_cast<uint64_t>(st.st_size) : 0;
  info.device = st.st_dev;
  info.inode = st.st_ino;
  return info;
}

class PosixFile : public SequentialFile {
 public:
  PosixFile(int fd, bool owns) : fd_(fd), owns_(owns) {}
  ~PosixFile() override {
    if (owns_ && fd_ >= 0) ::close(fd_);
  }
  PosixFile(const PosixFile&) = delete;
  PosixFile& operator=(const PosixFile&) = delete;

  StatusOr<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      return Status::IoError(ErrnoText(errno));
    }
  }

 private:
  int fd_;
  bool owns_;
};

class PosixEnv : public Env {
 public:
  StatusOr<FileInfo> Stat(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(errno);
    return InfoOf(st);
  }

  StatusOr<std::unique_ptr<SequentialFile>> OpenSequential(const std::string& path) override {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. The type is
    // checked on the descriptor itself, so a swap after a Stat cannot slip by.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return ErrnoStatus(errno);
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      const int err = errno;
      ::close(fd);
      return ErrnoStatus(err);
    }
    const FileInfo::Type type = TypeOf(st.st_mode);
    if (type != FileInfo::Type::kRegular) {
      ::close(fd);
      if (type == FileInfo::Type::kDirectory) return Status::Unsupported("is a directory");
      return Status::Unsupported(std::string("not a regular file (") + FileTypeName(type) + ")");
    }
    // Regular files ignore O_NONBLOCK; cleared all the same so reads block.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return std::unique_ptr<SequentialFile>(std::make_unique<PosixFile>(fd, true));
  }

  StatusOr<std::vector<std::string>> ListDirectory(const std::string& dir) override {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return ErrnoStatus(errno);
    std::vector<std::string> names;
    for (;;) {
      errno = 0;
      struct dirent* e = ::readdir(d);
      if (!e) break;
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0) return ErrnoStatus(err);
    return names;
  }

  int64_t NowMicros() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

const char* FileTypeName(FileInfo::Type type) {
  switch (type) {
    case FileInfo::Type::kRegular: return "a regular file";
    case FileInfo::Type::kDirectory: return "a directory";
    case FileInfo::Type::kFifo: return "a FIFO";
    case FileInfo::Type::kSocket: return "a socket";
    case FileInfo::Type::kCharDevice: return "a character device";
    case FileInfo::Type::kBlockDevice: return "a block device";
    case FileInfo::Type::kOther: break;
  }
  return "not a regular file";
}

std::unique_ptr<SequentialFile> DescriptorFile(int fd, bool owns) { return std::make_unique<PosixFile>(fd, owns); }

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv;  // never freed: usable during static destruction
  return env;
}

}  // namespace warta
