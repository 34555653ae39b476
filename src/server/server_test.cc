// API tests against a real server on a loopback port.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "pipeline/knowledge_base.h"
#include "query/series_views.h"
#include "server/http_front.h"
#include "server/server.h"
#include "test_support.h"

namespace warta::server {
namespace {

using nlohmann::json;
using warta::testing::TempDir;
using namespace std::chrono_literals;

std::string fmt_id(int i);

// A store with 30 articles (two outlets, dates across 2024) and two entities.
void MakeStore(const std::string& dir) {
  auto kb = pipeline::KnowledgeBase::Open({.dir = dir, .shards = 2});
  ASSERT_TRUE(kb.ok());
  std::vector<Article> batch;
  for (int i = 0; i < 30; ++i) {
    Article a;
    a.id = fmt_id(i);
    a.source = "gen.jsonl:" + std::to_string(i + 1);
    a.outlet = i % 2 ? "KOMPAS.com" : "detikNews";
    a.title = "Banjir melanda desa " + std::to_string(i);
    a.published = DateTime::ParseIso("2024-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-10");
    a.paragraphs = {"Banjir melanda desa nomor " + std::to_string(i) + ".", "Warga <script>alert(1)</script> mengungsi."};
    if (i < 3) a.entities = {{{0, 6}, "Banjir", EntityType::kOrganisation, "o-bnpb", "BNPB"}};
    if (i == 0) a.entities.push_back({{7, 14}, "Agus", EntityType::kPerson, "p-agus", "Agus Wicaksono"});
    batch.push_back(a);
  }
  std::vector<store::PutResult> put;
  ASSERT_TRUE((*kb)->store().PutBatch(batch, &put).ok());
  ASSERT_TRUE((*kb)->Reindex().ok());
}

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    options.port = 0;
    auto s = Server::Create(options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path, headers);
  }
  static json Body(const httplib::Result& r) { return json::parse(r->body); }
  static void ExpectError(const httplib::Result& r, int status) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    json b = json::parse(r->body);
    EXPECT_EQ(b["error"]["status"], status);
    EXPECT_TRUE(b["error"]["code"].is_string());
    EXPECT_FALSE(b["error"]["message"].get<std::string>().empty());
  }

  TempDir tmp_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// A raw client socket: the tests that need bytes httplib's client would
// never send (a half head, a trickle, an unknown method).
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawClient() { ::close(fd_); }
  bool connected() const { return connected_; }
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  // Whether an answer (or the end) is waiting, after up to `wait`.
  bool Readable(std::chrono::milliseconds wait) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) > 0;
  }
  // Everything the server sends until it closes, or until `limit`.
  std::string ReadToEnd(std::chrono::seconds limit = 30s) {
    std::string out;
    const auto end = std::chrono::steady_clock::now() + limit;
    char buf[4096];
    while (std::chrono::steady_clock::now() < end) {
      if (!Readable(100ms)) continue;
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
  // True while the server keeps the connection open and silent.
  bool OpenAndUnanswered() {
    char c;
    ssize_t n = ::recv(fd_, &c, 1, MSG_DONTWAIT | MSG_PEEK);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

std::string fmt_id(int i) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016x", 0xabc000 + i);
  return buf;
}

TEST_F(ServerTest, SearchPaginatesAndFilters) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  auto r = Get("/api/search?q=banjir&limit=10");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  json page1 = Body(r);
  EXPECT_EQ(page1["hits"].size(), 10u);
  EXPECT_EQ(page1["estimated_total"], 30);
  json page3 = Body(Get("/api/search?q=banjir&limit=10&offset=20"));
  EXPECT_EQ(page3["hits"].size(), 10u);
  EXPECT_NE(page1["hits"][0]["id"], page3["hits"][0]["id"]);
  EXPECT_EQ(Body(Get("/api/search?q=banjir&limit=10&offset=30"))["hits"].size(), 0u);

  json kompas = Body(Get("/api/search?q=banjir&outlet=KOMPAS.com&limit=100"));
  EXPECT_EQ(kompas["hits"].size(), 15u);
  for (const auto& h : kompas["hits"]) EXPECT_EQ(h["outlet"], "KOMPAS.com");
  json march = Body(Get("/api/search?q=banjir&from=2024-03&to=2024-03&limit=100"));
  ASSERT_FALSE(march["hits"].empty());
  for (const auto& h : march["hits"]) EXPECT_EQ(h["published"].get<std::string>().substr(0, 7), "2024-03");
  json agus = Body(Get("/api/search?q=&entity=Agus&limit=100"));
  ASSERT_EQ(agus["hits"].size(), 1u);
  EXPECT_EQ(agus["hits"][0]["id"], fmt_id(0));
  // Snippets are HTML-escaped: stored text never becomes markup.
  json xss = Body(Get("/api/search?q=mengungsi&limit=1"));
  EXPECT_EQ(xss["hits"][0]["snippet"].get<std::string>().find("<script>"), std::string::npos);
}

TEST_F(ServerTest, BadParametersAreFourHundreds) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  ExpectError(Get("/api/search?q=x&limit=abc"), 400);
  ExpectError(Get("/api/search?q=x&limit=1000"), 400);
  ExpectError(Get("/api/search?q=x&limit=0"), 400);
  ExpectError(Get("/api/search?q=x&from=kemarin"), 400);
  ExpectError(Get("/api/entities?type=ANIMAL"), 400);
  ExpectError(Get("/api/graph?type=person"), 400);
  ExpectError(Get("/api/events?type=statement"), 400);  // never produced: quotes are what people say
  ExpectError(Get("/api/events?entity=p-agus&modality=maybe"), 400);
  ExpectError(Get("/api/search?q=x&entity=Nobody"), 404);
}

// Issue 18: the timeline lists what happened unless modality= asks for
// more, each item with its modality and its participants' roles; the
// article record carries both too.
TEST_F(ServerTest, EventsByModalityWithRoles) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  {
    auto kb = pipeline::KnowledgeBase::Open({.dir = db});
    ASSERT_TRUE(kb.ok());
    Article a;
    a.id = "e0e0e0e0e0e0e0e0";
    a.source = "events.txt";
    a.published = DateTime::ParseIso("2024-11-19");
    a.paragraphs = {"Agus menerima BNPB. Agus akan berkunjung ke Bekasi."};
    a.entities = {{{0, 4}, "Agus", EntityType::kPerson, "p-agus", "Agus Wicaksono"}};
    Event met{{0, 18}, EventType::kMeeting, "menerima", {"p-agus", "o-bnpb"}, "", "2024-11-18"};
    met.roles = {EventRole::kActor, EventRole::kTarget};
    Event visit{{20, 51}, EventType::kVisit, "berkunjung", {"p-agus"}, "Bekasi", ""};
    visit.modality = EventModality::kPlanned;
    a.events = {met, visit};
    std::vector<store::PutResult> put;
    ASSERT_TRUE((*kb)->store().PutBatch({a}, &put).ok());
  }
  Start({.db = db});
  json happened = Body(Get("/api/events?entity=p-agus"));
  ASSERT_EQ(happened["items"].size(), 1u) << happened.dump(2);
  EXPECT_EQ(happened["items"][0]["modality"], "happened");
  EXPECT_EQ(happened["items"][0]["participants"][0]["role"], "actor");
  EXPECT_EQ(happened["items"][0]["participants"][0]["canonical"], "Agus Wicaksono");
  EXPECT_EQ(happened["items"][0]["participants"][1]["role"], "target");
  json every = Body(Get("/api/events?entity=p-agus&modality=all"));
  ASSERT_EQ(every["items"].size(), 2u) << every.dump(2);
  EXPECT_EQ(every["items"][1]["modality"], "planned");
  EXPECT_EQ(every["items"][1]["date"], "");
  EXPECT_EQ(every["items"][1]["reported"], "2024-11-19");
  EXPECT_EQ(Body(Get("/api/events?entity=p-agus&modality=planned,negated"))["items"].size(), 1u);
  json article = Body(Get("/api/articles/e0e0e0e0"));
  ASSERT_EQ(article["events"].size(), 2u) << article.dump(2);
  EXPECT_EQ(article["events"][0]["roles"], json({"actor", "target"}));
  EXPECT_EQ(article["events"][1]["modality"], "planned");
  EXPECT_EQ(article["events"][1]["roles"], json({"participant"}));
}

TEST_F(ServerTest, ArticlesEntitiesAndStats) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  auto r = Get("/api/articles/" + fmt_id(0));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json a = Body(r);
  EXPECT_EQ(a["title"], "Banjir melanda desa 0");
  EXPECT_EQ(a["entities"].size(), 2u);
  ExpectError(Get("/api/articles/ffffffffffffffff"), 404);
  ExpectError(Get("/api/articles/../../etc/passwd"), 404);

  json ents = Body(Get("/api/entities"));
  ASSERT_EQ(ents["items"].size(), 2u);
  EXPECT_EQ(ents["items"][0]["id"], "o-bnpb");
  EXPECT_EQ(ents["items"][0]["articles"], 3);
  EXPECT_EQ(Body(Get("/api/entities?type=PERSON"))["items"].size(), 1u);
  json agus = Body(Get("/api/entities/p-agus"));
  EXPECT_EQ(agus["canonical"], "Agus Wicaksono");
  EXPECT_EQ(agus["articles"].size(), 1u);
  EXPECT_EQ(agus["cooccurring"][0]["id"], "o-bnpb");
  ExpectError(Get("/api/entities/nobody"), 404);

  json stats = Body(Get("/api/stats"));
  EXPECT_EQ(stats["articles"], 30);
  EXPECT_EQ(stats["index_lag"], 0);
  ExpectError(Get("/api/nothing-here"), 404);
  json spec = Body(Get("/api/openapi.json"));
  EXPECT_EQ(spec["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* path : {"/api/search", "/api/articles/{id}", "/api/entities", "/api/entities/{id}", "/api/stats"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
}

TEST_F(ServerTest, ReadOnlyAndSizeLimited) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .max_request_bytes = 1024});
  httplib::Client c("127.0.0.1", port_);
  auto post = c.Post("/api/search", "{}", "application/json");
  ExpectError(post, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  ExpectError(c.Delete("/api/articles/" + fmt_id(0)), 405);
  // A body over the limit is refused with 413.
  std::string body(4096, 'x');
  httplib::Request req;
  req.method = "GET";
  req.path = "/api/stats";
  req.body = body;
  req.set_header("Content-Type", "text/plain");
  auto too_big = c.send(req);
  ExpectError(too_big, 413);
}

TEST_F(ServerTest, ServesThePageFromTheBinaryOnly) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(page->body.find("/app.js"), std::string::npos);
  EXPECT_EQ(Get("/app.js")->status, 200);
  EXPECT_EQ(Get("/app.css")->status, 200);
  // Nothing else is served, however the path is dressed up.
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/web/app.js", "/src/server/server.cc"})
    ExpectError(Get(path), 404);
}

TEST_F(ServerTest, TokenGuardsEveryRoute) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .token = "s3cret"});
  ExpectError(Get("/api/stats"), 401);
  ExpectError(Get("/api/stats", {{"Authorization", "Bearer wrong"}}), 401);
  auto ok = Get("/api/stats", {{"Authorization", "Bearer s3cret"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

// Finding 1: a server thread that had searched kept reading the index
// revision it first opened, so articles ingested later never appeared.
TEST_F(ServerTest, SearchSeesArticlesIngestedAfterTheFirstSearch) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  // One worker: every request below runs on the thread that searched first.
  Start({.db = db, .threads = 1});
  auto before = Get("/api/search?q=gempa");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200) << before->body;
  EXPECT_EQ(Body(before)["hits"].size(), 0u);
  EXPECT_EQ(Body(Get("/api/stats"))["index_lag"], 0);

  // Another writer ingests, as `warta ingest` does while the server runs.
  warta::testing::WriteFile(tmp_ / "in" / "gempa.jsonl",
                            R"({"title":"Gempa mengguncang Cianjur","outlet":"detikNews",)"
                            R"("published":"2024-11-21","url":"https://example.id/gempa",)"
                            R"("text":"Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat, pada Senin siang. )"
                            R"(Ribuan rumah rusak dan warga mengungsi ke tenda darurat di lapangan desa. )"
                            R"(Badan penanggulangan bencana mengirim bantuan makanan dan selimut."})"
                            "\n");
  {
    auto kb = pipeline::KnowledgeBase::Open({.dir = db});
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    pipeline::IngestOptions opt;
    opt.threads = 1;
    auto s = (*kb)->Ingest({(tmp_ / "in").string()}, opt, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_EQ(s->stored, 1u);
  }
  json after = Body(Get("/api/search?q=gempa"));
  ASSERT_EQ(after["hits"].size(), 1u) << after.dump();
  EXPECT_EQ(after["hits"][0]["title"], "Gempa mengguncang Cianjur");
  json stats = Body(Get("/api/stats"));
  EXPECT_EQ(stats["articles"], 31);
  EXPECT_EQ(stats["index_lag"], 0);
}

// Finding 2: eight clients trickling a head (and more stalled half-way)
// held all of httplib's eight workers; now reading is the front's, and a
// worker only sees a whole request.
TEST_F(ServerTest, EightTricklingClientsDoNotDenyService) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  // A deadline far beyond the test: the slow clients stay connected throughout.
  Start({.db = db, .request_timeout = 600s});
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 50; ++i) {
    slow.push_back(std::make_unique<RawClient>(port_));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->Send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  }
  std::atomic<bool> trickling = true;
  std::thread trickle([&] {
    while (trickling) {
      for (int i = 0; i < 8; ++i) slow[i]->Send("a");
      std::this_thread::sleep_for(100ms);
    }
  });
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(60, 0);  // generous: the answer is expected at once
  for (int i = 0; i < 20; ++i) {
    auto r = c.Get("/api/search?q=banjir&limit=1");
    ASSERT_TRUE(r) << "request " << i << " got no answer while the slow clients were connected";
    EXPECT_EQ(r->status, 200);
  }
  // The slow clients were still there, unanswered, all along.
  for (auto& s : slow) EXPECT_TRUE(s->OpenAndUnanswered());
  trickling = false;
  trickle.join();
}

// Finding 3, in bytes: a 38.7 MB head was read whole; now the head stops at
// max_head_bytes with a 431 and the server goes on.
TEST_F(ServerTest, OversizedRequestHeadGets431) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  RawClient client(port_);
  ASSERT_TRUE(client.connected());
  client.Send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  for (int i = 0; i < 100; ++i) client.Send("X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'y') + "\r\n");
  std::string answer = client.ReadToEnd();
  EXPECT_EQ(answer.substr(0, 13), "HTTP/1.1 431 ") << answer.substr(0, 200);
  EXPECT_NE(answer.find("header_too_large"), std::string::npos);
  auto ok = Get("/api/stats");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

// Finding 3, in time: a head trickled one byte at a time never tripped
// httplib's per-recv timeout; now the whole request has one deadline.
TEST_F(ServerTest, TrickledRequestHeadIsCutAtItsDeadline) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .request_timeout = 300ms});
  RawClient client(port_);
  ASSERT_TRUE(client.connected());
  const std::string head = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100000, 'a');
  // A byte every 50 ms: each recv gets data well inside any per-recv
  // timeout. The answer must come long before the head is done (~80 min).
  bool answered = false;
  for (size_t i = 0; i < head.size() && !answered; ++i) {
    if (!client.Send(head.substr(i, 1))) break;  // closed: the answer is waiting
    answered = client.Readable(50ms);
  }
  std::string answer = client.ReadToEnd();
  EXPECT_EQ(answer.substr(0, 13), "HTTP/1.1 408 ") << answer.substr(0, 200);
  EXPECT_NE(answer.find("request_timeout"), std::string::npos);
}

// Finding 10: the page opened with /?token=T could not load app.js nor call
// the API; the server now hands the token back as an HttpOnly cookie that
// the browser sends with every request of the page.
TEST_F(ServerTest, PageOpenedWithTheTokenCarriesItToItsAssetsAndApiCalls) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .token = "s3cret"});
  ExpectError(Get("/?token=wrong"), 401);
  auto page = Get("/?token=s3cret");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string cookie = page->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const std::string pair = cookie.substr(0, cookie.find(';'));
  EXPECT_EQ(pair, "warta_token=s3cret");
  // What the browser then sends on the page's own requests.
  httplib::Headers jar = {{"Cookie", "theme=dark; " + pair}};
  for (const char* path : {"/app.js", "/app.css", "/vendor/vendor.js", "/api/stats", "/api/search?q=banjir"}) {
    auto r = Get(path, jar);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
  ExpectError(Get("/api/stats", {{"Cookie", "warta_token=wrong"}}), 401);
  ExpectError(Get("/app.js"), 401);
}

// Finding 12: an unknown method got httplib's 400.
TEST_F(ServerTest, UnknownMethodGets405WithAllow) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  RawClient client(port_);
  ASSERT_TRUE(client.connected());
  client.Send("BREW /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  std::string answer = client.ReadToEnd();
  EXPECT_EQ(answer.substr(0, 13), "HTTP/1.1 405 ") << answer.substr(0, 200);
  EXPECT_NE(answer.find("Allow: GET, HEAD\r\n"), std::string::npos);
  EXPECT_NE(answer.find("method_not_allowed"), std::string::npos);
}

// Finding 12: a body over the limit without Content-Length was read whole.
TEST_F(ServerTest, ChunkedBodyOverTheLimitGets413) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .max_request_bytes = 1024});
  RawClient big(port_);
  ASSERT_TRUE(big.connected());
  big.Send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
  for (int i = 0; i < 8; ++i) big.Send("200\r\n" + std::string(512, 'x') + "\r\n");
  std::string answer = big.ReadToEnd();
  EXPECT_EQ(answer.substr(0, 13), "HTTP/1.1 413 ") << answer.substr(0, 200);
  EXPECT_NE(answer.find("payload_too_large"), std::string::npos);
  // Within the limit, a chunked body is read and the request answered.
  RawClient small(port_);
  ASSERT_TRUE(small.connected());
  small.Send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
             "5\r\nhallo\r\n0\r\n\r\n");
  EXPECT_EQ(small.ReadToEnd().substr(0, 13), "HTTP/1.1 200 ");
}

// Issue 15: the series of recurring reports, as `warta series --json` gives them.
TEST_F(ServerTest, SeriesAreListedAndShownAsTheCommandShowsThem) {
  std::string db = (tmp_ / "db").string();
  {
    auto kb = pipeline::KnowledgeBase::Open({.dir = db, .shards = 1});
    ASSERT_TRUE(kb.ok());
    auto s = (*kb)->Ingest({(testing::SourceDir() / "src/dedupe/testdata/series.jsonl").string()}, {}, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
  }
  Start({.db = db});
  auto list = Get("/api/series?limit=2");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  json page = Body(list);
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["items"].size(), 2u);
  auto reader = query::KnowledgeReader::Open(db);
  ASSERT_TRUE(reader.ok());
  store::ListFilter f;
  f.limit = 2;
  EXPECT_EQ(page, *query::SeriesListJson((*reader)->store(), f));
  const int64_t id = page["items"][0]["id"];
  auto one = Get("/api/series/" + std::to_string(id));
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  EXPECT_EQ(Body(one), *query::SeriesJson((*reader)->store(), id));
  EXPECT_EQ(Body(one)["articles"].size(), Body(one)["article_count"].get<size_t>());
  // Each item's record names its series.
  const std::string item = Body(one)["articles"][0]["id"];
  auto article = Get("/api/articles/" + item);
  ASSERT_TRUE(article);
  EXPECT_EQ(Body(article)["series"]["id"], id);
  ExpectError(Get("/api/series/424242"), 404);
  ExpectError(Get("/api/series?limit=0"), 400);
}

// Finding 12: the spec is JSON served without nosniff.
TEST_F(ServerTest, OpenApiSpecIsServedWithNosniff) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  auto spec = Get("/api/openapi.json");
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->status, 200);
  EXPECT_EQ(spec->get_header_value("X-Content-Type-Options"), "nosniff");
}

// Finding 12: a 401 did not say how to authenticate.
TEST_F(ServerTest, UnauthorisedAnswerNamesTheBearerScheme) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db, .token = "s3cret"});
  auto r = Get("/api/stats");
  ExpectError(r, 401);
  EXPECT_EQ(r->get_header_value("WWW-Authenticate").substr(0, 7), "Bearer ");
}

// Pipelined requests on one connection are answered in order, each framed
// by the front before it is routed.
TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  std::string db = (tmp_ / "db").string();
  MakeStore(db);
  Start({.db = db});
  RawClient client(port_);
  ASSERT_TRUE(client.connected());
  client.Send("GET /api/articles/" + fmt_id(1) + " HTTP/1.1\r\nHost: a\r\n\r\n" +
              "HEAD /api/stats HTTP/1.1\r\nHost: a\r\n\r\n" + "GET /api/articles/" + fmt_id(2) +
              " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  std::string answer = client.ReadToEnd();
  const size_t first = answer.find("Banjir melanda desa 1\""), second = answer.find("Banjir melanda desa 2\"");
  ASSERT_NE(first, std::string::npos) << answer;
  ASSERT_NE(second, std::string::npos) << answer;
  EXPECT_LT(first, second);
  size_t statuses = 0;
  for (size_t p = 0; (p = answer.find("HTTP/1.1 200 ", p)) != std::string::npos; ++p) ++statuses;
  EXPECT_EQ(statuses, 3u);
}

// The front's framing, fed as a slow client feeds it: a byte at a time, the
// head search resuming where it stopped. It must end exactly where the
// one-shot framing ends, for Content-Length, chunked and bodiless requests.
TEST(HttpFrontTest, FramesARequestFedOneByteAtATimeAsItFramesItWhole) {
  const FrontOptions options;
  const std::string requests[] = {
      "GET /api/stats HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\r\n",
      "GET /api/stats HTTP/1.1\nHost: a\nContent-Length: 5\n\nhallo",
      "GET /api/stats HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n",
  };
  for (const std::string& request : requests) {
    const std::string next = "GET / HTTP/1.1\r\n\r\n";
    const std::string whole = request + next;
    RequestFrame once = FrameRequest(whole, options);
    ASSERT_EQ(once.kind, RequestFrame::kComplete) << request;
    EXPECT_EQ(once.length, request.size()) << request;
    size_t scan = 0, need = 0;
    std::optional<size_t> done;
    for (size_t n = 1; n <= whole.size() && !done; ++n) {
      if (n < need) continue;
      RequestFrame f = FrameRequest(std::string_view(whole).substr(0, n), options, &scan);
      ASSERT_NE(f.kind, RequestFrame::kRefused) << request << " at " << n << ": " << f.message;
      if (f.kind == RequestFrame::kComplete) done = f.length;
      else need = f.length;
    }
    ASSERT_TRUE(done) << request;
    EXPECT_EQ(*done, request.size()) << request;
  }
  // Bounds: a head past max_head_bytes, a body past max_body_bytes.
  FrontOptions small;
  small.max_head_bytes = 128;
  small.max_body_bytes = 8;
  EXPECT_EQ(FrameRequest("GET / HTTP/1.1\r\nX: " + std::string(200, 'a'), small).status, 431);
  EXPECT_EQ(FrameRequest("GET / HTTP/1.1\r\nContent-Length: 9\r\n\r\n", small).status, 413);
  EXPECT_EQ(FrameRequest("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n", small).status, 413);
  EXPECT_EQ(FrameRequest("GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", small).status,
            400);
  EXPECT_EQ(FrameRequest("PUT / HTTP/1.1\r\n\r\n", small).status, 405);
}

TEST(ServerCreateTest, RefusesToExposeWithoutATokenOrAStore) {
  TempDir tmp;
  std::string db = (tmp / "db").string();
  MakeStore(db);
  auto open = Server::Create({.db = db, .bind = "0.0.0.0"});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(open.status().message().find("token"), std::string::npos);
  EXPECT_TRUE(Server::Create({.db = db, .bind = "0.0.0.0", .token = "t"}).ok());
  EXPECT_EQ(Server::Create({.db = (tmp / "none").string()}).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.1.2.3"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.10"));
}

}  // namespace
}  // namespace warta::server
