#include "query/knowledge_reader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace warta::query {

namespace fs = std::filesystem;

std::string StorePath(const std::string& dir) { return (fs::path(dir) / "warta.sqlite").string(); }
std::string IndexPath(const std::string& dir) { return (fs::path(dir) / "index").string(); }

int DefaultShards() {
  unsigned n = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(n, 1u, 8u));
}

StatusOr<SearchPage> Search(store::ArticleStore& store, index::Searcher& searcher,
                            const index::SearchRequest& request) {
  WARTA_ASSIGN_OR_RETURN(index::SearchResults results, searcher.Search(request));
  SearchPage page;
  page.estimated_total = results.estimated_total;
  std::vector<int64_t> seqs;
  for (const auto& h : results.hits) seqs.push_back(h.seq);
  std::vector<store::StoredArticle> articles;
  WARTA_RETURN_IF_ERROR(store.GetBySeq(seqs, &articles));
  size_t j = 0;
  for (const auto& h : results.hits) {
    // The index may briefly hold an article the store lacks only if the store
    // was replaced under it; such hits are skipped rather than invented.
    if (j >= articles.size() || articles[j].seq != h.seq) continue;
    SearchHitView v;
    v.score = h.score;
    v.snippet = results.Snippet(articles[j].article.Text());
    v.article = std::move(articles[j++]);
    if (request.collapse_copies && v.article.copy_group) {
      const int64_t original = v.article.copy_of ? v.article.copy_of : v.article.seq;
      WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> members, store.CopiesOf(original));
      members.insert(members.begin(), original);
      std::erase(members, v.article.seq);
      WARTA_RETURN_IF_ERROR(store.GetRefs(members, &v.copies));
    }
    page.hits.push_back(std::move(v));
  }
  return page;
}

KnowledgeReader::~KnowledgeReader() = default;

StatusOr<std::unique_ptr<KnowledgeReader>> KnowledgeReader::Open(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound(dir + ": no Warta data directory here (run 'warta ingest' first, or pass --db)");
  std::unique_ptr<KnowledgeReader> kb(new KnowledgeReader());
  kb->dir_ = dir;
  WARTA_ASSIGN_OR_RETURN(kb->store_, store::OpenSqliteStore({.path = StorePath(dir), .read_only = true}));
  WARTA_ASSIGN_OR_RETURN(auto shards_meta, kb->store_->GetMeta(kShardsMeta));
  kb->shards_ = shards_meta ? std::max(1, std::atoi(shards_meta->c_str())) : DefaultShards();
  return kb;
}

Status KnowledgeReader::OpenSearcher() {
  // An open searcher is moved to the latest commit first: a writer in
  // another process (`warta ingest`, `fetch --every`) may have committed
  // since, and a reader that stays open (the server's) must see it. When the
  // shards were replaced underneath (reindex), it is opened afresh.
  if (searcher_ && searcher_->Reopen().ok()) return Status::Ok();
  searcher_.reset();
  WARTA_ASSIGN_OR_RETURN(searcher_, index::Searcher::Open(IndexPath(dir_), shards_));
  return Status::Ok();
}

StatusOr<SearchPage> KnowledgeReader::Search(const index::SearchRequest& request) {
  WARTA_RETURN_IF_ERROR(OpenSearcher());
  return query::Search(*store_, *searcher_, request);
}

StatusOr<int64_t> KnowledgeReader::IndexLag() {
  WARTA_ASSIGN_OR_RETURN(int64_t max_seq, store_->MaxSeq());
  Status opened = OpenSearcher();
  // No index yet: every stored article is missing from it.
  if (opened.code() == StatusCode::kNotFound) return max_seq;
  WARTA_RETURN_IF_ERROR(opened);
  return max_seq - static_cast<int64_t>(searcher_->DocumentCount());
}

}  // namespace warta::query
