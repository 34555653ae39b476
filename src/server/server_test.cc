// API tests against a real server on a loopback port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/knowledge_base.h"
#include "server/server.h"
#include "test_support.h"

namespace warta::server {
namespace {

using nlohmann::json;
using warta::testing::TempDir;

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
  ExpectError(Get("/api/search?q=x&entity=Nobody"), 404);
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
