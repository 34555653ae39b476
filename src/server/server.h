// The HTTP server: Warta's read-only JSON API over one data directory.
//
//   auto server = Server::Create({.db = "warta-data", .port = 8080});
//   if (!server.ok()) die(server.status());
//   auto port = (*server)->Bind();        // 0 in options = any free port
//   (*server)->Run();                      // blocks until Stop()
//
// Security: it binds to loopback by default; bound to any other address it
// requires a token (ServerOptions::token) and Create() refuses to make a
// server without one; the page opened as /?token=T gets it back as an
// HttpOnly cookie, so its own requests carry it. Every route is GET (or
// HEAD): the API never changes the store, and other methods get 405. Request
// bodies over max_request_bytes get 413 (with or without Content-Length),
// heads over max_head_bytes 431, and a request not whole within
// request_timeout 408. Responses are JSON with one error shape:
//   {"error": {"status": 404, "code": "not_found", "message": "..."}}
//
// Thread-safety: Run() reads every connection on one thread (http_front.h)
// and answers complete requests on a pool of `threads`, each with its own
// read-only view of the store and index, moved to the latest commit on every
// search; Stop() may be called from any thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace warta::server {

struct ServerOptions {
  std::string db = "warta-data";
  std::string bind = "127.0.0.1";
  int port = 8080;                        // 0: any free port (tests)
  std::string token;                      // required unless bound to loopback
  size_t max_request_bytes = 64 * 1024;   // larger bodies: 413
  size_t max_page = 100;                  // the largest `limit` a request may ask for
  size_t max_head_bytes = 64 * 1024;      // request line and headers; larger: 431
  std::chrono::milliseconds request_timeout{10000};  // a request's first byte to its last; then 408
  int threads = 8;                        // workers answering complete requests
  size_t max_connections = 512;           // open at once; more wait to be accepted
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& host);

class Server {
 public:
  // Errors: InvalidArgument for a non-loopback bind without a token;
  // NotFound when `db` holds no store.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  // Binds the listening socket. Returns the port. IoError when the address
  // is taken or not ours.
  StatusOr<int> Bind();
  // Serves until Stop(). Call after Bind().
  Status Run();
  void Stop();

  // The answers to `bytes` read as one connection's requests, without a
  // socket: the same framing, limits and routes as Run() (the fuzz target).
  std::string Answer(std::string_view bytes);

 private:
  Server();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::server
