#include "server/http_front.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace warta::server {

namespace {

using Clock = std::chrono::steady_clock;

bool IsTokenChar(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A line without its line end ("\n" or "\r\n").
std::string_view LineAt(std::string_view b, size_t begin, size_t newline) {
  std::string_view line = b.substr(begin, newline - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

RequestFrame Refused(int status, std::string message) {
  return {RequestFrame::kRefused, 0, status, std::move(message)};
}

RequestFrame Complete(size_t length) { return {RequestFrame::kComplete, length, 0, {}}; }

// Chunk-size lines and trailers beyond this are not a client we want.
constexpr size_t kMaxChunkLine = 1024;

// Frames a chunked body that starts at `p`.
RequestFrame FrameChunked(std::string_view b, size_t p, const FrontOptions& o) {
  const size_t body_begin = p;
  // The framing (size lines, line ends, trailers) is bounded as well as the
  // data, so a body of one-byte chunks cannot grow without end.
  const size_t max_raw = o.max_body_bytes + kMaxChunkLine;
  uint64_t data = 0;
  for (;;) {
    size_t nl = b.find('\n', p);
    if (nl == std::string_view::npos) {
      if (b.size() - p > kMaxChunkLine) return Refused(400, "malformed chunked body: a chunk-size line too long");
      if (b.size() - body_begin > max_raw) return Refused(413, "chunked request body too large");
      return {};
    }
    std::string_view size_field = Trim(LineAt(b, p, nl).substr(0, LineAt(b, p, nl).find(';')));
    if (size_field.empty() || size_field.size() > 15 ||
        size_field.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
      return Refused(400, "malformed chunked body: a chunk size is not hexadecimal");
    const uint64_t size = std::stoull(std::string(size_field), nullptr, 16);
    data += size;
    if (data > o.max_body_bytes)
      return Refused(413, "request body over " + std::to_string(o.max_body_bytes) + " bytes (chunked)");
    p = nl + 1;
    if (size == 0) {
      // Trailer lines up to an empty line.
      for (;;) {
        nl = b.find('\n', p);
        if (nl == std::string_view::npos) {
          if (b.size() - body_begin > max_raw) return Refused(413, "chunked request body too large");
          return {};
        }
        if (LineAt(b, p, nl).empty()) return Complete(nl + 1);
        p = nl + 1;
      }
    }
    if (b.size() < p + size + 1) return {RequestFrame::kNeedMore, p + size + 1, 0, {}};
    p += size;
    if (b[p] == '\n') {
      p += 1;
    } else if (b[p] == '\r') {
      if (b.size() < p + 2) return {};
      if (b[p + 1] != '\n') return Refused(400, "malformed chunked body: a chunk not followed by a line end");
      p += 2;
    } else {
      return Refused(400, "malformed chunked body: a chunk longer than its size");
    }
  }
}

}  // namespace

RequestFrame FrameRequest(std::string_view b, const FrontOptions& o, size_t* head_scan) {
  // The head ends at the first empty line after the request line.
  size_t head_end = std::string_view::npos;
  for (size_t pos = head_scan && *head_scan <= b.size() ? *head_scan : 0;;) {
    size_t nl = b.find('\n', pos);
    if (nl == std::string_view::npos || nl > o.max_head_bytes) {
      if (head_scan) *head_scan = pos;  // a line start: the next call resumes there
      break;
    }
    if (pos > 0 && LineAt(b, pos, nl).empty()) {
      head_end = nl + 1;
      break;
    }
    pos = nl + 1;
  }
  if (head_end == std::string_view::npos) {
    if (b.size() > o.max_head_bytes)
      return Refused(431, "request head over " + std::to_string(o.max_head_bytes) + " bytes");
    return {};
  }
  if (head_end > o.max_head_bytes)
    return Refused(431, "request head over " + std::to_string(o.max_head_bytes) + " bytes");

  const size_t first_nl = b.find('\n');
  const std::string_view request_line = LineAt(b, 0, first_nl);
  const size_t space = request_line.find(' ');
  const std::string_view method = request_line.substr(0, space);
  if (space == std::string_view::npos || method.empty())
    return Refused(400, "malformed request line");
  for (char c : method)
    if (!IsTokenChar(c)) return Refused(400, "malformed request line");
  // Refused before any body is read: the API never takes one.
  if (method != "GET" && method != "HEAD")
    return Refused(405, "the API is read-only: " + std::string(method) + " is not allowed");

  std::optional<uint64_t> content_length;
  bool chunked = false;
  for (size_t pos = first_nl + 1; pos < head_end;) {
    const size_t nl = b.find('\n', pos);
    const std::string_view line = LineAt(b, pos, nl);
    pos = nl + 1;
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Refused(400, "malformed header line");
    const std::string_view name = line.substr(0, colon), value = Trim(line.substr(colon + 1));
    if (SameWord(name, "Content-Length")) {
      if (content_length || value.empty() || value.size() > 18 ||
          value.find_first_not_of("0123456789") != std::string_view::npos)
        return Refused(400, "malformed or repeated Content-Length");
      content_length = std::stoull(std::string(value));
    } else if (SameWord(name, "Transfer-Encoding")) {
      if (chunked || !SameWord(value, "chunked"))
        return Refused(400, "the only Transfer-Encoding accepted is one 'chunked'");
      chunked = true;
    }
  }
  // Both at once is how requests are smuggled past a proxy: refused.
  if (chunked && content_length) return Refused(400, "both Content-Length and Transfer-Encoding");
  if (chunked) return FrameChunked(b, head_end, o);
  if (content_length) {
    if (*content_length > o.max_body_bytes)
      return Refused(413, "request body over " + std::to_string(o.max_body_bytes) + " bytes");
    if (b.size() < head_end + *content_length) return {RequestFrame::kNeedMore, head_end + *content_length, 0, {}};
    return Complete(head_end + *content_length);
  }
  return Complete(head_end);
}

struct HttpFront::Impl {
  FrontOptions options;
  Answer answer;
  Refuse refuse;
  int listen_fd = -1;
  int wake[2] = {-1, -1};  // a pipe: workers and Stop() wake the loop
  std::atomic<bool> stopping{false};

  struct Connection {
    int fd = -1;
    std::string peer;
    std::string in;             // bytes read and not yet answered
    std::string out;            // the answer being written
    size_t written = 0;
    bool working = false;       // a worker has its request
    bool close_after = false;   // close once `out` is written
    bool draining = false;      // answered and shut for writing: reading to the peer's end
    size_t head_scan = 0;       // FrameRequest's resume point in `in`
    size_t need = 0;            // `in` cannot be framed before it has this many bytes
    Clock::time_point deadline; // of whatever the connection waits for now
  };
  // std::list: a worker's job names its connection by a stable pointer.
  std::list<Connection> connections;

  struct Job {
    Connection* connection;
    std::string request;
  };
  struct Done {
    Connection* connection;
    std::string response;
    bool close;
  };
  std::mutex mu;
  std::condition_variable jobs_cv;
  std::deque<Job> jobs;
  std::deque<Done> done;
  std::vector<std::thread> workers;

  void Wake() {
    char c = 1;
    // A full pipe already wakes the loop: the result does not matter.
    [[maybe_unused]] ssize_t n = ::write(wake[1], &c, 1);
  }

  void Work() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu);
        jobs_cv.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (jobs.empty()) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      bool close = false;
      std::string response = answer(job.request, job.connection->peer, &close);
      {
        std::lock_guard lock(mu);
        done.push_back({job.connection, std::move(response), close});
      }
      Wake();
    }
  }

  // Frames what `c` has buffered: hands a complete request to a worker, or
  // queues a refusal, or leaves it reading.
  void Frame(Connection& c, Clock::time_point now) {
    if (c.in.empty() || c.in.size() < c.need) return;
    RequestFrame f = FrameRequest(c.in, options, &c.head_scan);
    if (f.kind == RequestFrame::kNeedMore) {
      c.need = f.length;
      return;
    }
    c.head_scan = c.need = 0;
    if (f.kind == RequestFrame::kRefused) {
      Respond(c, refuse(f.status, f.message), true, now);
      return;
    }
    std::string request = c.in.substr(0, f.length);
    c.in.erase(0, f.length);
    c.working = true;
    {
      std::lock_guard lock(mu);
      jobs.push_back({&c, std::move(request)});
    }
    jobs_cv.notify_one();
  }

  void Respond(Connection& c, std::string response, bool close, Clock::time_point now) {
    c.out = std::move(response);
    c.written = 0;
    c.close_after = close;
    c.deadline = now + options.write_timeout;
    if (close) c.in.clear();
  }

  // Writes what it can; false when the connection is finished with.
  bool Flush(Connection& c, Clock::time_point now) {
    while (c.written < c.out.size()) {
      ssize_t n = ::send(c.fd, c.out.data() + c.written, c.out.size() - c.written, MSG_NOSIGNAL);
      if (n > 0) {
        c.written += static_cast<size_t>(n);
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      if (n < 0 && errno == EINTR) continue;
      return false;
    }
    c.out.clear();
    c.written = 0;
    if (c.close_after) {
      // Closing with unread request bytes would send a reset that can
      // destroy the answer before the client reads it: shut our side, then
      // read (and drop) what the client still sends, briefly.
      ::shutdown(c.fd, SHUT_WR);
      c.draining = true;
      c.in.clear();
      c.deadline = now + std::min<std::chrono::milliseconds>(options.keep_alive_timeout, std::chrono::seconds(2));
      return true;
    }
    // The next request: pipelined bytes may already hold it.
    c.deadline = now + (c.in.empty() ? options.keep_alive_timeout : options.request_timeout);
    Frame(c, now);
    return true;
  }

  // Reads what is there; false when the peer closed or failed.
  bool Read(Connection& c, Clock::time_point now) {
    char buf[16384];
    if (c.draining) {
      // One buffer per wake-up: a client that floods us cannot hold the loop.
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      return n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR));
    }
    for (;;) {
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        // The request's deadline starts with its first byte.
        if (c.in.empty()) c.deadline = now + options.request_timeout;
        c.in.append(buf, static_cast<size_t>(n));
        // Never more than one request's bound: the rest waits in the kernel.
        if (c.in.size() > options.max_head_bytes + options.max_body_bytes + kMaxChunkLine) break;
        if (static_cast<size_t>(n) < sizeof buf) break;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      return false;
    }
    Frame(c, now);
    if (c.out.empty() && !c.working && c.in.size() > 2 * options.max_head_bytes + 2 * options.max_body_bytes)
      return false;  // FrameRequest refuses long before this; a guard on memory all the same
    return true;
  }

  void Accept(Clock::time_point now) {
    while (connections.size() < options.max_connections) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      // Headers and body go out in one buffer, but keep-alive clients (the
      // page, wrk) must never wait ~40 ms on a delayed ACK either.
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      char host[INET6_ADDRSTRLEN] = "";
      if (addr.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, host, sizeof host);
      else if (addr.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr, host, sizeof host);
      Connection& c = connections.emplace_back();
      c.fd = fd;
      c.peer = host;
      c.deadline = now + options.keep_alive_timeout;
    }
  }

  void Close(std::list<Connection>::iterator it) {
    ::close(it->fd);
    connections.erase(it);
  }

  Status Loop() {
    std::vector<pollfd> fds;
    std::vector<std::list<Connection>::iterator> polled;
    while (!stopping) {
      fds.clear();
      polled.clear();
      fds.push_back({wake[0], POLLIN, 0});
      const bool accepting = connections.size() < options.max_connections;
      fds.push_back({listen_fd, static_cast<short>(accepting ? POLLIN : 0), 0});
      Clock::time_point next = Clock::now() + std::chrono::seconds(1);
      for (auto it = connections.begin(); it != connections.end(); ++it) {
        if (it->working) continue;  // nothing to do until its answer comes back
        short events = it->out.empty() ? POLLIN : POLLOUT;
        fds.push_back({it->fd, events, 0});
        polled.push_back(it);
        next = std::min(next, it->deadline);
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count();
      int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<int64_t>(0, wait) + 1));
      if (ready < 0 && errno != EINTR) return Status::IoError(std::string("poll: ") + std::strerror(errno));
      const auto now = Clock::now();
      if (fds[0].revents & POLLIN) {
        char drain[256];
        while (::read(wake[0], drain, sizeof drain) > 0) {
        }
      }
      // Answers from the workers.
      std::deque<Done> finished;
      {
        std::lock_guard lock(mu);
        finished.swap(done);
      }
      for (Done& d : finished) {
        Connection& c = *d.connection;
        c.working = false;
        Respond(c, std::move(d.response), d.close, now);
      }
      for (size_t i = 0; i < polled.size(); ++i) {
        auto it = polled[i];
        const short revents = fds[i + 2].revents;
        bool keep = true;
        if (revents & (POLLIN | POLLHUP | POLLERR)) {
          if (it->out.empty()) keep = Read(*it, now);
          else keep = Flush(*it, now);
        } else if (revents & POLLOUT) {
          keep = Flush(*it, now);
        }
        if (keep && !it->working && now >= it->deadline) {
          if (!it->draining && it->out.empty() && !it->in.empty()) {
            // A request that did not arrive whole in time: say so, once, and close.
            Respond(*it, refuse(408, "the request did not arrive within " +
                                         std::to_string(options.request_timeout.count()) + " ms"),
                    true, now);
            keep = Flush(*it, now);
          } else {
            keep = false;  // idle past keep-alive, or a reader too slow for its answer
          }
        }
        if (!keep) Close(it);
      }
      // Answers that just arrived go out at once when the socket takes them.
      for (auto it = connections.begin(); it != connections.end();) {
        auto next_it = std::next(it);
        if (!it->working && !it->out.empty() && it->written == 0 && !Flush(*it, now)) Close(it);
        it = next_it;
      }
      if (accepting && (fds[1].revents & POLLIN)) Accept(now);
    }
    return Status::Ok();
  }
};

HttpFront::HttpFront(const FrontOptions& options, Answer answer, Refuse refuse) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->answer = std::move(answer);
  impl_->refuse = std::move(refuse);
  // Made here, not in Run(): Stop() may come from another thread at any time.
  if (::pipe2(impl_->wake, O_NONBLOCK | O_CLOEXEC) != 0) impl_->wake[0] = impl_->wake[1] = -1;
}

HttpFront::~HttpFront() {
  Stop();
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
  for (int fd : impl_->wake)
    if (fd >= 0) ::close(fd);
}

StatusOr<int> HttpFront::Bind(const std::string& host_in, int port) {
  std::string host = host_in;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  const auto fail = [&](const std::string& why) {
    return Status::IoError("cannot listen on " + host_in + ":" + service + " (" + why + ")");
  };
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) return fail(gai_strerror(rc));
  int fd = -1;
  std::string why = "no address";
  for (addrinfo* a = found; a; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 511) == 0) break;
    why = std::strerror(errno);
    ::close(fd);
    fd = -1;
  }
  ::freeaddrinfo(found);
  if (fd < 0) return fail(why + ": in use, or not an address of this machine");
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
  const int actual = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                                 : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
  impl_->listen_fd = fd;
  return actual;
}

Status HttpFront::Run() {
  Impl& m = *impl_;
  if (m.listen_fd < 0) return Status::InvalidArgument("Run() before Bind()");
  if (m.wake[0] < 0) return Status::IoError("the front has no wake-up pipe");
  if (m.stopping) return Status::Ok();
  for (int i = 0; i < std::max(1, m.options.workers); ++i) m.workers.emplace_back([&m] { m.Work(); });
  Status st = m.Loop();
  {
    std::lock_guard lock(m.mu);
    m.stopping = true;
  }
  m.jobs_cv.notify_all();
  for (auto& t : m.workers) t.join();
  m.workers.clear();
  while (!m.connections.empty()) m.Close(m.connections.begin());
  m.done.clear();
  m.jobs.clear();
  return st;
}

void HttpFront::Stop() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->jobs_cv.notify_all();
  if (impl_->wake[1] >= 0) impl_->Wake();
}

}  // namespace warta::server
