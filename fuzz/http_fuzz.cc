// libFuzzer target: the HTTP request path of `warta serve` on arbitrary
// bytes read as one connection's requests: the front's framing and limits
// (head and body bounds, chunked bodies, methods), httplib's parsing, the
// token check (header, query, cookie) and every route over a small data
// directory, without a socket (Server::Answer). Built by scripts/fuzz.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "pipeline/knowledge_base.h"
#include "server/server.h"

namespace {

std::filesystem::path g_dir;
std::unique_ptr<warta::server::Server> g_server;

void RemoveDir() {
  g_server.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

// Twelve articles, two outlets, a story's worth of entities: enough for every
// route to reach its store and index code.
bool MakeStore(const std::string& dir) {
  auto kb = warta::pipeline::KnowledgeBase::Open({.dir = dir, .shards = 2});
  if (!kb.ok()) return false;
  std::vector<warta::Article> batch;
  for (int i = 0; i < 12; ++i) {
    warta::Article a;
    char id[17];
    std::snprintf(id, sizeof id, "%016x", 0xabc000 + i);
    a.id = id;
    a.source = "fuzz.jsonl:" + std::to_string(i + 1);
    a.outlet = i % 2 ? "KOMPAS.com" : "detikNews";
    a.title = "Banjir melanda desa " + std::to_string(i);
    a.published = warta::DateTime::ParseIso("2024-0" + std::to_string(i % 9 + 1) + "-10");
    a.paragraphs = {"Banjir melanda desa nomor " + std::to_string(i) + ".", "Agus Wicaksono meninjau lokasi."};
    a.entities = {{{0, 6}, "Banjir", warta::EntityType::kOrganisation, "o-bnpb", "BNPB"}};
    if (i < 4) a.entities.push_back({{7, 14}, "Agus", warta::EntityType::kPerson, "p-agus", "Agus Wicaksono"});
    batch.push_back(a);
  }
  std::vector<warta::store::PutResult> put;
  return (*kb)->store().PutBatch(batch, &put).ok() && (*kb)->Reindex().ok();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char pattern[] = "/tmp/warta-http-fuzz-XXXXXX";
  if (!mkdtemp(pattern)) std::abort();
  g_dir = pattern;
  std::atexit(RemoveDir);
  const std::string db = (g_dir / "db").string();
  if (!MakeStore(db)) std::abort();
  // Small limits, so the 431 and 413 paths are within a fuzzer's reach; a
  // token, so the checks of header, query and cookie run on every request.
  auto server = warta::server::Server::Create(
      {.db = db, .port = 0, .token = "t", .max_request_bytes = 1024, .max_head_bytes = 4096});
  if (!server.ok()) std::abort();
  g_server = std::move(*server);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string answer = g_server->Answer(bytes);
  // Whatever came in, what goes out is HTTP responses or nothing.
  if (!answer.empty() && answer.rfind("HTTP/1.1 ", 0) != 0) std::abort();
  return 0;
}
