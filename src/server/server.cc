#include "server/server.h"

#include <arpa/inet.h>
#include <httplib.h>

#include <cstring>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "query/export.h"
#include "query/knowledge_reader.h"
#include "query/series_views.h"
#include "query/views.h"
#include "server/http_front.h"

namespace warta::server {

namespace internal {
// Embedded at build time (src/server/CMakeLists.txt).
extern const std::string_view kOpenApiJson;
extern const std::string_view kIndexHtml;
extern const std::string_view kAppJs;
extern const std::string_view kAppCss;
extern const std::string_view kVendorJs;   // web/vendor/: built from web/ (see docs/DEPENDENCIES.md)
extern const std::string_view kVendorCss;
}  // namespace internal

using nlohmann::json;

bool IsLoopback(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr addr{};
  if (inet_pton(AF_INET, host.c_str(), &addr) == 1) return (ntohl(addr.s_addr) >> 24) == 127;
  return false;
}

namespace {

const char* CodeName(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "request_timeout";
    case 413: return "payload_too_large";
    case 431: return "header_too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "error";
  }
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", {{"status", status}, {"code", CodeName(status)}, {"message", message}}}});
}

int HttpStatusOf(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kTooLarge: return 413;
    case StatusCode::kIoError: return 503;
    default: return 500;
  }
}

// A query parameter as a bounded non-negative integer, or an error message.
std::optional<std::string> ReadSize(const httplib::Request& req, const char* name, size_t max, size_t* out) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string v = req.get_param_value(name);
  size_t n = 0;
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::string(name) + " must be a whole number";
  n = std::stoul(v);
  if (n > max) return std::string(name) + " must be at most " + std::to_string(max);
  *out = n;
  return std::nullopt;
}

// The parameter `name` as a vocabulary value (core/vocabulary.h), left
// nullopt when absent or empty; an error message listing the names when it
// names none.
template <typename E>
std::optional<std::string> ReadWord(const httplib::Request& req, const char* name, std::optional<E>* out) {
  const std::string v = req.get_param_value(name);
  if (v.empty()) return std::nullopt;
  auto value = ParseVocabulary<E>(v);
  if (!value.ok()) return std::string(name) + ": " + value.status().message();
  *out = *value;
  return std::nullopt;
}

std::optional<DateTime> ParseDay(const std::string& s, bool end) {
  DateTime d;
  auto all_digits = [](std::string_view v) { return !v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos; };
  if (s.size() == 4 && all_digits(s)) {
    d = {std::stoi(s), end ? 12 : 1, end ? 31 : 1};
  } else if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5))) {
    d.year = std::stoi(s.substr(0, 4));
    d.month = std::stoi(s.substr(5));
    d.day = end ? DaysInMonth(d.year, d.month) : 1;
  } else {
    auto iso = DateTime::ParseIso(s);
    if (!iso || iso->has_time) return std::nullopt;
    return iso;
  }
  if (!d.IsValid()) return std::nullopt;
  return d;
}

const char* Reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    default: return "Error";
  }
}

// A request held in memory, as httplib's request step reads it; what it
// writes (the answer) collects in `out`.
class MemoryStream : public httplib::Stream {
 public:
  MemoryStream(std::string_view in, const std::string& peer) : in_(in), peer_(peer) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peer_, port = 0; }
  void get_local_ip_and_port(std::string& ip, int& port) const override { ip.clear(), port = 0; }
  socket_t socket() const override { return INVALID_SOCKET; }

  std::string out;

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string peer_;
};

// httplib's request parsing, routing and response writing, fed one complete
// request from memory: the front (http_front.h) owns the sockets and bounds
// what a request may cost before any of this runs. process_request is
// httplib's own per-request step (protected, hence the subclass), so every
// route, header and error handler is the one httplib would run.
class Engine : public httplib::Server {
 public:
  std::string Answer(std::string_view request, const std::string& peer, bool* close) {
    MemoryStream stream(request, peer);
    bool closed = false;
    const bool ok = process_request(stream, false, closed, [](httplib::Request&) {});
    *close = closed || !ok;
    return std::move(stream.out);
  }
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Engine http;
  std::unique_ptr<HttpFront> front;
  int port = 0;

  FrontOptions Front() const {
    FrontOptions f;
    f.max_head_bytes = options.max_head_bytes;
    f.max_body_bytes = options.max_request_bytes;
    f.request_timeout = options.request_timeout;
    f.workers = options.threads;
    f.max_connections = options.max_connections;
    return f;
  }

  // The whole answer to a request the front refuses before routing.
  static std::string Refusal(int status, const std::string& message) {
    httplib::Response res;
    SendError(res, status, message);
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + Reason(status) + "\r\n";
    if (status == 405) out += "Allow: GET, HEAD\r\n";
    for (const auto& [name, value] : res.headers) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(res.body.size()) +
           "\r\nConnection: close\r\n\r\n" + res.body;
    return out;
  }

  // Each worker thread opens its own read-only view: SQLite connections and
  // Xapian databases are not shared between threads.
  query::KnowledgeReader* ThreadKb(Status* error) {
    thread_local std::map<std::string, std::unique_ptr<query::KnowledgeReader>> views;
    auto& kb = views[options.db];
    if (!kb) {
      auto opened = query::KnowledgeReader::Open(options.db);
      if (!opened.ok()) {
        *error = opened.status();
        return nullptr;
      }
      kb = std::move(*opened);
    }
    return kb.get();
  }

  // Runs `fn` with this thread's view, turning a failed open into an error.
  template <typename Fn>
  void WithKb(httplib::Response& res, Fn&& fn) {
    Status error;
    query::KnowledgeReader* kb = ThreadKb(&error);
    if (!kb) return SendError(res, HttpStatusOf(error), error.message());
    fn(*kb);
  }

  bool Authorised(const httplib::Request& req) const {
    if (options.token.empty()) return true;
    if (SameSecret(req.get_header_value("Authorization"), "Bearer " + options.token)) return true;
    if (SameSecret(TokenCookie(req), options.token)) return true;
    return req.has_param("token") && SameSecret(req.get_param_value("token"), options.token);
  }
  // The page's token, as the server set it on the page's load (see "/").
  static std::string TokenCookie(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    for (size_t pos = 0; pos < cookies.size();) {
      size_t end = cookies.find(';', pos);
      if (end == std::string::npos) end = cookies.size();
      std::string_view pair(cookies.data() + pos, end - pos);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      if (pair.substr(0, sizeof kTokenCookie) == std::string(kTokenCookie) + "=")
        return std::string(pair.substr(sizeof kTokenCookie));
      pos = end + 1;
    }
    return {};
  }
  // Compared in time that does not depend on where they differ.
  static bool SameSecret(const std::string& given, const std::string& secret) {
    if (given.size() != secret.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ secret[i]);
    return diff == 0;
  }
  static constexpr char kTokenCookie[] = "warta_token";

  void Routes();
  void Search(const httplib::Request& req, httplib::Response& res);
  // limit, offset, from, to of a listing; false after sending a 400.
  bool ReadListFilter(const httplib::Request& req, httplib::Response& res, size_t default_limit,
                      store::ListFilter* f) const;
  // The entity ids a `entity` parameter names; false after sending the error.
  bool ReadEntity(query::KnowledgeReader& kb, const httplib::Request& req, httplib::Response& res,
                  std::vector<std::string>* ids) const;
  // Sends a view's JSON, or its error.
  static void SendView(httplib::Response& res, const StatusOr<json>& view) {
    if (!view.ok()) return SendError(res, HttpStatusOf(view.status()), view.status().message());
    SendJson(res, 200, *view);
  }
};

bool Server::Impl::ReadListFilter(const httplib::Request& req, httplib::Response& res, size_t default_limit,
                                  store::ListFilter* f) const {
  f->limit = default_limit;
  if (auto e = ReadSize(req, "limit", options.max_page, &f->limit)) return SendError(res, 400, *e), false;
  if (auto e = ReadSize(req, "offset", 1000000, &f->offset)) return SendError(res, 400, *e), false;
  if (f->limit == 0) return SendError(res, 400, "limit must be at least 1"), false;
  for (const char* bound : {"from", "to"}) {
    if (!req.has_param(bound)) continue;
    auto d = ParseDay(req.get_param_value(bound), std::string(bound) == "to");
    if (!d) return SendError(res, 400, std::string(bound) + " must be YYYY, YYYY-MM or YYYY-MM-DD"), false;
    (std::string(bound) == "from" ? f->from : f->to) = d;
  }
  return true;
}

bool Server::Impl::ReadEntity(query::KnowledgeReader& kb, const httplib::Request& req, httplib::Response& res,
                              std::vector<std::string>* ids) const {
  if (!req.has_param("entity") || req.get_param_value("entity").empty()) return true;
  auto found = query::ResolveEntity(kb.store(), req.get_param_value("entity"));
  if (!found.ok()) return SendError(res, HttpStatusOf(found.status()), found.status().message()), false;
  *ids = std::move(*found);
  return true;
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  index::SearchRequest r;
  r.query = req.get_param_value("q");
  r.outlet = req.get_param_value("outlet");
  if (req.has_param("collapse")) {
    const std::string c = req.get_param_value("collapse");
    if (c != "0" && c != "1") return SendError(res, 400, "collapse must be 0 or 1");
    r.collapse_copies = c == "1";
  }
  store::ListFilter page;
  if (!ReadListFilter(req, res, 10, &page)) return;
  r.limit = page.limit, r.offset = page.offset, r.from = page.from, r.to = page.to;
  WithKb(res, [&](query::KnowledgeReader& kb) {
    if (!ReadEntity(kb, req, res, &r.entity_ids)) return;
    auto found = kb.Search(r);
    if (!found.ok()) return SendError(res, HttpStatusOf(found.status()), found.status().message());
    SendJson(res, 200, query::SearchPageJson(*found, r));
  });
}

void Server::Impl::Routes() {
  http.set_payload_max_length(options.max_request_bytes);
  // Read-only and token-checked before any route runs.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // httplib only enforces the payload limit on methods it expects a body
    // for; a GET that carries one is measured here.
    const std::string length = req.get_header_value("Content-Length");
    if (req.body.size() > options.max_request_bytes ||
        (!length.empty() && length.find_first_not_of("0123456789") == std::string::npos && length.size() < 19 &&
         std::stoull(length) > options.max_request_bytes)) {
      SendError(res, 413, "request body over " + std::to_string(options.max_request_bytes) + " bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendError(res, 405, "the API is read-only: " + req.method + " is not allowed");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!Authorised(req)) {
      res.set_header("WWW-Authenticate", "Bearer realm=\"warta\"");
      SendError(res, 401, "a token is required (Authorization: Bearer TOKEN, or open the page as /?token=TOKEN)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a route already wrote its error
    if (res.status == 404) return SendError(res, 404, "no such endpoint: " + req.path);
    if (res.status == 413) return SendError(res, 413, "request too large");
    SendError(res, res.status, "request failed");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, 500, what);
  });

  // The page and its assets: fixed routes to embedded bytes, so no request
  // path ever reaches the file system.
  auto asset = [this](std::string_view bytes, const char* type) {
    return [this, bytes, type](const httplib::Request& req, httplib::Response& res) {
      // The page opened as /?token=T hands the token to the browser as a
      // cookie it cannot read from script (HttpOnly) nor send from another
      // site (SameSite=Strict): app.js, the assets and every API call the
      // page makes then carry it without the page knowing it.
      if (!options.token.empty() && req.has_param("token") && SameSecret(req.get_param_value("token"), options.token))
        res.set_header("Set-Cookie", std::string(kTokenCookie) + "=" + options.token +
                                         "; Path=/; HttpOnly; SameSite=Strict");
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                     "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_content(std::string(bytes), type);
    };
  };
  http.Get("/", asset(internal::kIndexHtml, "text/html; charset=utf-8"));
  http.Get("/app.js", asset(internal::kAppJs, "text/javascript; charset=utf-8"));
  http.Get("/app.css", asset(internal::kAppCss, "text/css; charset=utf-8"));
  // The bundled libraries (timeline, graph, chart): fixed names too, never a path lookup.
  http.Get("/vendor/vendor.js", asset(internal::kVendorJs, "text/javascript; charset=utf-8"));
  http.Get("/vendor/vendor.css", asset(internal::kVendorCss, "text/css; charset=utf-8"));
  http.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::string(internal::kOpenApiJson), "application/json; charset=utf-8");
  });

  http.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });

  http.Get(R"(/api/articles/([0-9a-fA-F]{4,16}))", [this](const httplib::Request& req, httplib::Response& res) {
    WithKb(res, [&](query::KnowledgeReader& kb) {
      auto a = kb.store().Get(req.matches[1].str());
      if (!a.ok()) return SendError(res, HttpStatusOf(a.status()), a.status().message());
      SendView(res, query::FullArticleJson(kb.store(), *a));
    });
  });

  http.Get("/api/entities", [this](const httplib::Request& req, httplib::Response& res) {
    size_t limit = 20;
    if (auto e = ReadSize(req, "limit", options.max_page, &limit)) return SendError(res, 400, *e);
    std::optional<EntityType> type;
    if (auto e = ReadWord(req, "type", &type)) return SendError(res, 400, *e);
    WithKb(res, [&](query::KnowledgeReader& kb) {
      auto found = req.has_param("name") ? kb.store().FindEntities(req.get_param_value("name"), limit)
                                         : kb.store().TopEntities(type, limit);
      if (!found.ok()) return SendError(res, HttpStatusOf(found.status()), found.status().message());
      json items = json::array();
      for (const auto& e : *found) items.push_back(query::EntitySummaryJson(e));
      SendJson(res, 200, {{"limit", limit}, {"items", items}});
    });
  });

  http.Get(R"(/api/entities/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
    WithKb(res, [&](query::KnowledgeReader& kb) {
      auto d = kb.store().GetEntity(req.matches[1].str());
      if (!d.ok()) return SendError(res, HttpStatusOf(d.status()), d.status().message());
      std::vector<store::StoredArticle> articles;
      if (auto st = kb.store().GetBySeq(d->article_seqs, &articles); !st.ok())
        return SendError(res, HttpStatusOf(st), st.message());
      json out = query::EntityDetailJson(*d, articles);
      // Why names were joined to it or taken from it (issue 16).
      auto links = kb.store().EntityLinks(d->summary.id);
      if (!links.ok()) return SendError(res, HttpStatusOf(links.status()), links.status().message());
      json why = query::EntityLinksJson(*links, d->summary.id);
      out["merged"] = std::move(why["merged"]);
      out["split"] = std::move(why["split"]);
      store::EventQuery events;
      events.participant_ids = {d->summary.id};
      events.page.limit = 200;
      auto timeline = query::TimelineJson(kb.store(), events);
      if (!timeline.ok()) return SendError(res, HttpStatusOf(timeline.status()), timeline.status().message());
      out["timeline"] = std::move((*timeline)["items"]);
      store::QuoteQuery quotes;
      quotes.speaker_ids = {d->summary.id};
      quotes.page.limit = 20;
      auto said = query::QuotesJson(kb.store(), quotes);
      if (!said.ok()) return SendError(res, HttpStatusOf(said.status()), said.status().message());
      out["quotes"] = std::move((*said)["items"]);
      SendJson(res, 200, out);
    });
  });

  http.Get("/api/stories", [this](const httplib::Request& req, httplib::Response& res) {
    store::ListFilter f;
    if (!ReadListFilter(req, res, 20, &f)) return;
    WithKb(res, [&](query::KnowledgeReader& kb) { SendView(res, query::StoriesJson(kb.store(), f)); });
  });

  http.Get(R"(/api/stories/([0-9]{1,18}))", [this](const httplib::Request& req, httplib::Response& res) {
    const int64_t id = std::stoll(req.matches[1].str());
    WithKb(res, [&](query::KnowledgeReader& kb) { SendView(res, query::StoryJson(kb.store(), id)); });
  });

  http.Get("/api/series", [this](const httplib::Request& req, httplib::Response& res) {
    store::ListFilter f;
    if (!ReadListFilter(req, res, 20, &f)) return;
    WithKb(res, [&](query::KnowledgeReader& kb) { SendView(res, query::SeriesListJson(kb.store(), f)); });
  });

  http.Get(R"(/api/series/([0-9]{1,18}))", [this](const httplib::Request& req, httplib::Response& res) {
    const int64_t id = std::stoll(req.matches[1].str());
    WithKb(res, [&](query::KnowledgeReader& kb) { SendView(res, query::SeriesJson(kb.store(), id)); });
  });

  http.Get("/api/quotes", [this](const httplib::Request& req, httplib::Response& res) {
    store::QuoteQuery q;
    if (!ReadListFilter(req, res, 20, &q.page)) return;
    q.word = req.get_param_value("q");
    WithKb(res, [&](query::KnowledgeReader& kb) {
      if (!ReadEntity(kb, req, res, &q.speaker_ids)) return;
      SendView(res, query::QuotesJson(kb.store(), q));
    });
  });

  http.Get("/api/claims", [this](const httplib::Request& req, httplib::Response& res) {
    store::ClaimQuery q;
    if (!ReadListFilter(req, res, 50, &q.page)) return;
    q.about = req.get_param_value("about");
    q.canonical_unit = req.get_param_value("unit");
    WithKb(res, [&](query::KnowledgeReader& kb) {
      if (!ReadEntity(kb, req, res, &q.claimant_ids)) return;
      SendView(res, query::ClaimsJson(kb.store(), q));
    });
  });

  http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    store::EventQuery q;
    if (!ReadListFilter(req, res, 50, &q.page)) return;
    if (auto e = ReadWord(req, "type", &q.type)) return SendError(res, 400, *e);
    // What happened unless asked: modality=planned,hoped or modality=all.
    auto modalities = query::ParseModalities(req.get_param_value("modality"));
    if (!modalities.ok()) return SendError(res, 400, "modality: " + modalities.status().message());
    q.modalities = *modalities;
    if (req.has_param("story")) {
      const std::string v = req.get_param_value("story");
      if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        return SendError(res, 400, "story must be a story id (a whole number)");
      q.story_id = std::stoll(v);
    }
    WithKb(res, [&](query::KnowledgeReader& kb) {
      if (!ReadEntity(kb, req, res, &q.participant_ids)) return;
      // The best-known entity of that name, as `warta timeline --entity`.
      if (q.participant_ids.size() > 1) q.participant_ids.resize(1);
      SendView(res, query::TimelineJson(kb.store(), q));
    });
  });

  http.Get("/api/graph", [this](const httplib::Request& req, httplib::Response& res) {
    size_t top = 40;
    if (auto e = ReadSize(req, "top", 200, &top)) return SendError(res, 400, *e);
    std::optional<EntityType> type;
    if (auto e = ReadWord(req, "type", &type)) return SendError(res, 400, *e);
    WithKb(res, [&](query::KnowledgeReader& kb) { SendView(res, query::GraphJson(kb.store(), type, top)); });
  });

  http.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) {
    WithKb(res, [&](query::KnowledgeReader& kb) {
      auto s = kb.store().Stats();
      if (!s.ok()) return SendError(res, HttpStatusOf(s.status()), s.status().message());
      auto lag = kb.IndexLag();
      SendJson(res, 200, query::StatsJson(*s, kb.shards(), lag.ok() ? *lag : -1));
    });
  });
}

Server::Server() : impl_(std::make_unique<Impl>()) {}
Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (!IsLoopback(options.bind) && options.token.empty())
    return Status::InvalidArgument("binding to " + options.bind +
                                   " exposes the API beyond this machine: give a token (--token or $WARTA_TOKEN)");
  if (options.port < 0 || options.port > 65535) return Status::InvalidArgument("port must be 0..65535");
  // Fail now, not on the first request, when there is nothing to serve.
  auto probe = query::KnowledgeReader::Open(options.db);
  if (!probe.ok()) return probe.status();
  std::unique_ptr<Server> s(new Server());
  Impl& m = *s->impl_;
  m.options = options;
  m.Routes();
  m.front = std::make_unique<HttpFront>(
      m.Front(), [&m](std::string_view request, const std::string& peer, bool* close) {
        return m.http.Answer(request, peer, close);
      },
      &Impl::Refusal);
  return s;
}

StatusOr<int> Server::Bind() {
  WARTA_ASSIGN_OR_RETURN(impl_->port, impl_->front->Bind(impl_->options.bind, impl_->options.port));
  return impl_->port;
}

Status Server::Run() { return impl_->front->Run(); }

void Server::Stop() {
  if (impl_ && impl_->front) impl_->front->Stop();
}

std::string Server::Answer(std::string_view bytes) {
  std::string out;
  const FrontOptions limits = impl_->Front();
  while (!bytes.empty()) {
    RequestFrame f = FrameRequest(bytes, limits);
    if (f.kind == RequestFrame::kNeedMore) break;
    if (f.kind == RequestFrame::kRefused) return out + Impl::Refusal(f.status, f.message);
    bool close = false;
    out += impl_->http.Answer(bytes.substr(0, f.length), "127.0.0.1", &close);
    if (close) break;
    bytes.remove_prefix(f.length);
  }
  return out;
}

}  // namespace warta::server
