// The server's front: the one thread that owns every connection, reads each
// request whole and bounded, and only then hands it to a worker.
//
//   HttpFront front(options, answer, refuse);
//   auto port = front.Bind("127.0.0.1", 0);
//   front.Run();                         // blocks until Stop()
//
// Why it exists (issue 14, findings 2 and 3): cpp-httplib gives each
// connection a worker thread from the moment it is accepted, so eight clients
// trickling a header one byte a second hold all eight workers, and it bounds
// neither the size of a request head nor the time it may take. Here reading
// is event-driven: a connection costs a poll entry and its buffered bytes
// (at most max_head_bytes + max_body_bytes) until its request is complete, a
// request head must arrive whole within request_timeout (a total deadline,
// not one per recv), and workers only ever run complete requests. Answers
// are written back by the same thread, non-blocking, so a client that does
// not read its response holds no worker either.
//
// Thread-safety: Run() on one thread; Stop() from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace warta::server {

struct FrontOptions {
  size_t max_head_bytes = 64 * 1024;            // request line + headers; more: 431
  size_t max_body_bytes = 64 * 1024;            // Content-Length or chunked bytes; more: 413
  std::chrono::milliseconds request_timeout{10000};     // first byte to last byte of a request; then 408
  std::chrono::milliseconds keep_alive_timeout{5000};   // an idle connection between requests
  std::chrono::milliseconds write_timeout{30000};       // to write one answer
  int workers = 8;                              // threads that answer complete requests
  size_t max_connections = 512;                 // more wait in the kernel's backlog
};

// Where a request ends in what a connection has buffered so far.
struct RequestFrame {
  enum Kind { kNeedMore, kComplete, kRefused };
  Kind kind = kNeedMore;
  size_t length = 0;      // kComplete: the request's bytes (head and body);
                          // kNeedMore: the bytes it needs at least (0: any more)
  int status = 0;         // kRefused: 400, 405, 413 or 431
  std::string message;    // kRefused: why
};

// Frames one HTTP/1.1 request at the start of `buffered`: its head ends at
// the first empty line; its body is Content-Length bytes or a chunked body.
// Refuses a head over max_head_bytes (431), a body over max_body_bytes with
// or without Content-Length (413), a method outside the HTTP vocabulary (405:
// the API only has GET and HEAD), both Content-Length and Transfer-Encoding,
// and malformed lengths or chunks (400). Pure: the fuzz target calls it.
// `head_scan`, when given, carries where the search for the head's end
// resumes on the next call with more bytes of the same request (start it at
// 0): a head that arrives a byte at a time is then scanned once, not once
// per byte.
RequestFrame FrameRequest(std::string_view buffered, const FrontOptions& options, size_t* head_scan = nullptr);

class HttpFront {
 public:
  // Answers one complete request (FrameRequest's bytes) from the peer; sets
  // *close when the connection must close after it. Runs on a worker.
  using Answer = std::function<std::string(std::string_view request, const std::string& peer, bool* close)>;
  // The whole response (always with Connection: close) for a request the
  // front refuses itself: 400, 405, 408, 413, 431.
  using Refuse = std::function<std::string(int status, const std::string& message)>;

  HttpFront(const FrontOptions& options, Answer answer, Refuse refuse);
  ~HttpFront();

  // Listens on host:port (0: any free port). Returns the port; IoError when
  // the address is taken or not ours.
  StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop(). Call after Bind().
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::server
