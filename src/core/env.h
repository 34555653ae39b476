// Env: the file system and the clock as the readers see them, behind one
// interface, after LevelDB's Env.
//
// Production code uses Env::Default() (POSIX calls and the system clock).
// Tests pass an Env of their own to put faults where a real disk rarely does
// on demand: a read error in the middle of a file, a file that vanishes
// between the directory listing and the open, a read that returns fewer bytes
// than asked. The ingest reader takes one through IngestOptions::env.
//
// Thread-safety: Env::Default() is thread-safe; a SequentialFile is used by
// one thread at a time.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace warta {

struct FileInfo {
  enum class Type { kRegular, kDirectory, kFifo, kSocket, kCharDevice, kBlockDevice, kOther };
  Type type = Type::kOther;
  uint64_t size = 0;  // bytes, for a regular file
  dev_t device = 0;   // device and inode identify a directory (symlink cycles)
  ino_t inode = 0;
};

// "a FIFO", "a directory"...: for messages.
const char* FileTypeName(FileInfo::Type type);

class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Up to `n` (> 0) bytes into `buf`; 0 at the end of the file. A read the
  // system refused is a kIoError Status ("input/output error"); a short
  // read is not an error.
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
};

// A descriptor already open (stdin); closed on destruction when `owns`.
std::unique_ptr<SequentialFile> DescriptorFile(int fd, bool owns);

class Env {
 public:
  virtual ~Env() = default;

  // The file `path` names, links followed. kNotFound when it does not
  // exist; other failures kIoError. Messages are the system's reason in
  // lower case ("no such file or directory"), without the path.
  virtual StatusOr<FileInfo> Stat(const std::string& path) = 0;

  // Opens a regular file for reading. Never waits: a path that turned into
  // a FIFO or device since it was listed is refused (kUnsupported, "not a
  // regular file (a FIFO)"), as is a directory ("is a directory").
  virtual StatusOr<std::unique_ptr<SequentialFile>> OpenSequential(const std::string& path) = 0;

  // The names in directory `dir` ("." and ".." left out), in no order.
  virtual StatusOr<std::vector<std::string>> ListDirectory(const std::string& dir) = 0;

  // Microseconds since the Unix epoch.
  virtual int64_t NowMicros() = 0;

  // The process's Env: POSIX and the system clock. Never null, never freed.
  static Env* Default();
};

}  // namespace warta
