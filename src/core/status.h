// Status and StatusOr: how every Warta stage reports an expected failure.
//
// A malformed feed line, an unreadable file or a store that will not open is
// not exceptional in a news pipeline; it is returned as a Status carrying a
// code and a message that names the file (and line or byte offset) and the
// reason. Exceptions are kept for programmer errors and for third-party
// libraries that throw; stage boundaries catch those and turn them into a
// Status.
//
//   warta::StatusOr<Article> a = cleaner.Clean(doc);
//   if (!a.ok()) { report(a.status()); continue; }
//   Use(*a);
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace warta {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // bad usage or a bad value from the caller
  kNotFound,          // a path, article or entity that does not exist
  kCorrupt,           // input or stored data that cannot be decoded
  kUnsupported,       // a format or encoding Warta does not handle
  kTooLarge,          // input over a configured limit
  kIoError,           // the operating system refused a read or write
  kInternal,          // a third-party library failed unexpectedly
};

// [[nodiscard]]: a Status dropped on the floor is an error nobody sees. A
// caller that means to ignore one says so with a (void) cast and a comment.
class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: a.jsonl:12: expected '}'", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

const char* StatusCodeName(StatusCode code);

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  StatusOr(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace warta

#define WARTA_STATUS_CONCAT_INNER(a, b) a##b
#define WARTA_STATUS_CONCAT(a, b) WARTA_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define WARTA_RETURN_IF_ERROR(expr)                 \
  do {                                              \
    ::warta::Status warta_status_ = (expr);         \
    if (!warta_status_.ok()) return warta_status_;  \
  } while (0)

// Declares `lhs` from a StatusOr expression or returns its error.
#define WARTA_ASSIGN_OR_RETURN(lhs, expr)                                        \
  auto WARTA_STATUS_CONCAT(warta_or_, __LINE__) = (expr);                        \
  if (!WARTA_STATUS_CONCAT(warta_or_, __LINE__).ok())                            \
    return WARTA_STATUS_CONCAT(warta_or_, __LINE__).status();                    \
  lhs = std::move(WARTA_STATUS_CONCAT(warta_or_, __LINE__)).value()
