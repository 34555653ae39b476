#include "pipeline/knowledge_base.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "core/article.h"
#include "core/cased_names.h"
#include "pipeline/org_linker.h"
#include "pipeline/person_linker.h"
#include "pipeline/relations.h"
#include "text/normalise.h"
#include "text/truecase.h"

namespace warta::pipeline {

namespace fs = std::filesystem;

namespace {

using query::kShardsMeta;

// Hands index documents from the store stage to one shard's writer thread.
// Bounded, so a slow shard slows the store stage instead of filling memory.
class ShardQueue {
 public:
  explicit ShardQueue(size_t capacity) : capacity_(capacity) {}
  void Push(int64_t seq, index::PreparedDocument doc) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.emplace_back(seq, std::move(doc));
    not_empty_.notify_one();
  }
  // False when closed and drained.
  bool Pop(int64_t* seq, index::PreparedDocument* doc) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *seq = items_.front().first;
    *doc = std::move(items_.front().second);
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::pair<int64_t, index::PreparedDocument>> items_;
  size_t capacity_;
  bool closed_ = false;
};

// One document on its way through the pipeline.
struct Item {
  RawDocument raw;
  std::optional<Article> article;
  index::PreparedDocument doc;
  dedupe::Signature signature;
  dedupe::SeriesSignature series;
};

struct Batch {
  std::vector<Item> items;
};

// Test-only fault injection: kill the process (as kill -9 would) right after
// the Nth batch is committed to the store and before the index sees it.
int TEST_KillAfterBatches() {
  const char* v = std::getenv("WARTA_TEST_KILL_AFTER_BATCHES");
  return v ? std::atoi(v) : 0;
}

// ThreadSanitizer and oneTBB. Debian's libtbb is not built with the
// sanitizer, so the orderings oneTBB guarantees (made with atomics inside
// libtbb) are invisible to it, and every hand-over of a batch would be
// reported as a race. The pipeline states those orderings, and only those:
// the pipeline's start comes before every filter call and every call before
// its end; a batch goes from one filter to the next; the calls of one serial
// filter follow each other. What two filters share besides (the reader and
// store filters run at the same time) stays checked. No-ops in other builds.
#if defined(__SANITIZE_THREAD__)
#define WARTA_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define WARTA_TSAN 1
#endif
#endif
#ifdef WARTA_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
void HappensAfter(const void* sync) { __tsan_acquire(const_cast<void*>(sync)); }
void HappensBefore(const void* sync) { __tsan_release(const_cast<void*>(sync)); }
#else
void HappensAfter(const void*) {}
void HappensBefore(const void*) {}
#endif

// The addresses the orderings above are stated on, and one filter call's
// part in them. Addresses of globals: a filter call must state its ordering
// before it reads anything, even its own captures. (Pipelines running at the
// same time share them, which orders them more than needed; oneTBB's own
// filter code, which runs before ours, is left to scripts/tsan.supp.)
char g_pipeline_start, g_pipeline_end, g_reader_turn, g_store_turn;
class FilterCall {
 public:
  explicit FilterCall(const char* turn) : turn_(turn) {
    HappensAfter(&g_pipeline_start);
    if (turn_) HappensAfter(turn_);
  }
  ~FilterCall() {
    if (turn_) HappensBefore(turn_);
    HappensBefore(&g_pipeline_end);
  }
  FilterCall(const FilterCall&) = delete;
  FilterCall& operator=(const FilterCall&) = delete;

 private:
  const char* turn_;
};

}  // namespace

struct KnowledgeBase::Impl {
  OpenOptions options;
  std::unique_ptr<store::ArticleStore> store;
  std::unique_ptr<index::IndexWriter> writer;      // writable opens only
  std::unique_ptr<index::Searcher> searcher;       // opened lazily
  std::unique_ptr<clean::Cleaner> cleaner;         // opened lazily, per options
  std::unique_ptr<Relations> relations;            // loaded by the first ingest
  std::unique_ptr<PersonLinker> people;            // likewise
  std::unique_ptr<OrgLinker> orgs;                 // likewise
  // The case of names in the store's cased articles (IngestOptions::learn_case):
  // the table the store filter grows, and where the cleaners read it.
  std::unique_ptr<CasedNamesTable> cased_names;    // loaded by the first ingest that learns case
  std::shared_ptr<CasedNamesBoard> cased_board = std::make_shared<CasedNamesBoard>();
  size_t cased_pending = 0;  // changes to cased_names not yet published
  int shards = 1;

  std::string IndexDir() const { return query::IndexPath(options.dir); }

  Status OpenWriter() {
    auto w = index::IndexWriter::Open({.dir = IndexDir(), .shards = shards});
    if (!w.ok()) return w.status();
    writer = std::move(*w);
    return Status::Ok();
  }

  // Indexes every stored article with seq above its shard's watermark.
  Status CatchUp(const std::function<void(int64_t, int64_t)>& progress, int64_t* indexed) {
    int64_t low = INT64_MAX;
    for (int s = 0; s < shards; ++s) low = std::min(low, writer->Watermark(s));
    WARTA_ASSIGN_OR_RETURN(int64_t max_seq, store->MaxSeq());
    if (low >= max_seq) return Status::Ok();
    index::DocumentBuilder builder;
    Status add_status;
    int64_t done = 0, total = max_seq - low;
    WARTA_RETURN_IF_ERROR(store->Scan(low, [&](const store::StoredArticle& a) {
      if (a.seq > writer->Watermark(index::IndexWriter::ShardOf(a.seq, shards))) {
        index::PreparedDocument doc = builder.Build(a.article);
        doc.SetCopyGroup(a.copy_group);
        add_status = writer->Add(a.seq, std::move(doc));
        if (!add_status.ok()) return false;
        ++*indexed;
      }
      if (progress && (++done % 1024 == 0 || done == total)) progress(done, total);
      return true;
    }));
    WARTA_RETURN_IF_ERROR(add_status);
    return writer->CommitAll();
  }
};

KnowledgeBase::KnowledgeBase() : impl_(std::make_unique<Impl>()) {}
KnowledgeBase::~KnowledgeBase() = default;

store::ArticleStore& KnowledgeBase::store() { return *impl_->store; }
const std::string& KnowledgeBase::dir() const { return impl_->options.dir; }
int KnowledgeBase::shards() const { return impl_->shards; }

StatusOr<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Open(const OpenOptions& options) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  Impl& m = *kb->impl_;
  m.options = options;
  std::error_code ec;
  if (options.read_only) {
    if (!fs::is_directory(options.dir, ec))
      return Status::NotFound(options.dir + ": no Warta data directory here (run 'warta ingest' first, or pass --db)");
  } else {
    fs::create_directories(options.dir, ec);
    if (ec) return Status::IoError(options.dir + ": cannot create the data directory: " + ec.message());
  }
  auto st = store::OpenSqliteStore(
      {.path = query::StorePath(options.dir), .read_only = options.read_only});
  if (!st.ok()) return st.status();
  m.store = std::move(*st);

  WARTA_ASSIGN_OR_RETURN(auto shards_meta, m.store->GetMeta(kShardsMeta));
  if (shards_meta) {
    m.shards = std::max(1, std::atoi(shards_meta->c_str()));
  } else {
    m.shards = options.shards > 0 ? options.shards : query::DefaultShards();
    if (!options.read_only) WARTA_RETURN_IF_ERROR(m.store->SetMeta(kShardsMeta, std::to_string(m.shards)));
  }
  if (!options.read_only && options.open_index) {
    WARTA_RETURN_IF_ERROR(m.OpenWriter());
    WARTA_RETURN_IF_ERROR(kb->Heal({}));
  }
  return kb;
}

Status KnowledgeBase::Heal(const std::function<void(int64_t, int64_t)>& progress) {
  int64_t indexed = 0;
  return impl_->CatchUp(progress, &indexed);
}

StatusOr<int64_t> KnowledgeBase::IndexLag() {
  Impl& m = *impl_;
  WARTA_ASSIGN_OR_RETURN(int64_t max_seq, m.store->MaxSeq());
  if (!m.searcher) {
    auto s = index::Searcher::Open(m.IndexDir(), m.shards);
    if (!s.ok()) return s.status().code() == StatusCode::kNotFound ? StatusOr<int64_t>(max_seq) : s.status();
    m.searcher = std::move(*s);
  }
  return max_seq - static_cast<int64_t>(m.searcher->DocumentCount());
}

StatusOr<ReindexSummary> KnowledgeBase::Reindex(const std::function<void(int64_t, int64_t)>& progress) {
  Impl& m = *impl_;
  if (m.options.read_only) return Status::InvalidArgument(m.options.dir + ": opened read-only");
  m.searcher.reset();
  m.writer.reset();
  ReindexSummary summary;
  // Checked only to report it: the whole index is rebuilt either way, since
  // a shard that passes the check still may not match the store.
  std::error_code ec;
  if (fs::exists(m.IndexDir(), ec))
    for (int s = 0; s < m.shards; ++s)
      if (Status st = index::CheckShard(m.IndexDir(), s); !st.ok()) summary.repaired.push_back(st.message());
  WARTA_RETURN_IF_ERROR(index::RemoveIndex(m.IndexDir()));
  WARTA_RETURN_IF_ERROR(m.OpenWriter());
  WARTA_RETURN_IF_ERROR(m.CatchUp(progress, &summary.indexed));
  return summary;
}

Status KnowledgeBase::ReindexArticles(const std::vector<int64_t>& seqs) {
  Impl& m = *impl_;
  if (m.options.read_only || !m.writer) return Status::InvalidArgument(m.options.dir + ": opened read-only");
  std::vector<store::StoredArticle> articles;
  WARTA_RETURN_IF_ERROR(m.store->GetBySeq(seqs, &articles));
  index::DocumentBuilder builder;
  for (const auto& a : articles) {
    index::PreparedDocument doc = builder.Build(a.article);
    doc.SetCopyGroup(a.copy_group);
    WARTA_RETURN_IF_ERROR(m.writer->Add(a.seq, std::move(doc)));
  }
  WARTA_RETURN_IF_ERROR(m.writer->CommitAll());
  m.searcher.reset();
  return Status::Ok();
}

void KnowledgeBase::NoteCorrection(const store::EntityLink& link) {
  if (impl_->people) impl_->people->AddCorrection(link);
}

StatusOr<SearchPage> KnowledgeBase::Search(const index::SearchRequest& request) {
  Impl& m = *impl_;
  if (!m.searcher) {
    auto s = index::Searcher::Open(m.IndexDir(), m.shards);
    if (!s.ok()) return s.status();
    m.searcher = std::move(*s);
  }
  return query::Search(*m.store, *m.searcher, request);
}

StatusOr<IngestSummary> KnowledgeBase::Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                                              const DiagnosticSink& sink) {
  Impl& m = *impl_;
  if (m.options.read_only) return Status::InvalidArgument(m.options.dir + ": opened read-only");
  clean::CleanOptions clean_options = options.clean;
  const bool learn_case = options.learn_case && clean_options.restore_case && !clean_options.cased_names;
  if (learn_case) {
    if (!m.cased_names) {
      auto table = std::make_unique<CasedNamesTable>();
      WARTA_RETURN_IF_ERROR(
          m.store->ScanCasedNames([&](std::string_view name) { text::LearnCasedName(name, table.get()); }));
      m.cased_board->Publish(table->Snapshot());
      m.cased_names = std::move(table);
    } else if (m.cased_pending > 0) {  // what the last ingest learned after its last snapshot
      m.cased_board->Publish(m.cased_names->Snapshot());
      m.cased_pending = 0;
    }
    clean_options.cased_names = m.cased_board;
  }
  auto cleaner = clean::Cleaner::Create(clean_options);
  if (!cleaner.ok()) return cleaner.status();
  auto analyzers = analyse::MakeAnalyzers(options.analysis);
  if (!analyzers.ok()) return analyzers.status();
  if (options.relations && !m.relations) {
    auto relations = std::make_unique<Relations>(options.duplicates, options.stories, options.series);
    WARTA_RETURN_IF_ERROR(relations->Load(*m.store));
    m.relations = std::move(relations);
  }
  Relations* relations = options.relations ? m.relations.get() : nullptr;
  if (options.link_people && !m.people) {
    auto people = std::make_unique<PersonLinker>();
    WARTA_RETURN_IF_ERROR(people->Load(*m.store));
    m.people = std::move(people);
  }
  PersonLinker* people = options.link_people ? m.people.get() : nullptr;
  if (options.link_organisations && !m.orgs) {
    auto orgs = std::make_unique<OrgLinker>();
    WARTA_RETURN_IF_ERROR(orgs->Load(*m.store));
    m.orgs = std::move(orgs);
  }
  OrgLinker* orgs = options.link_organisations ? m.orgs.get() : nullptr;

  auto started = std::chrono::steady_clock::now();
  std::mutex sink_mu;
  IngestSummary summary;
  std::atomic<uint64_t> clean_rejected{0};
  DiagnosticSink safe_sink = [&](const Diagnostic& d) {
    std::lock_guard lock(sink_mu);
    if (sink) sink(d);
  };
  ingest::DocumentReader reader(paths, options.reader, safe_sink);

  const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  const bool inline_index = threads <= 1;
  const int shards = m.shards;
  index::IndexWriter& writer = *m.writer;

  // Shard writer threads (multi-threaded runs only).
  std::vector<std::unique_ptr<ShardQueue>> queues;
  std::vector<std::thread> shard_threads;
  std::vector<Status> shard_status(static_cast<size_t>(shards));
  if (!inline_index) {
    // Every queue exists before the first thread starts: a thread that
    // indexed `queues` while this loop still grew it would read a freed array.
    for (int s = 0; s < shards; ++s) queues.push_back(std::make_unique<ShardQueue>(4096));
    for (int s = 0; s < shards; ++s) {
      shard_threads.emplace_back([&, s, queue = queues[static_cast<size_t>(s)].get()] {
        int64_t seq;
        index::PreparedDocument doc;
        size_t since_commit = 0;
        Status& st = shard_status[static_cast<size_t>(s)];
        while (queue->Pop(&seq, &doc)) {
          if (!st.ok()) continue;  // drain so the producer never blocks
          st = writer.Add(seq, std::move(doc));
          if (st.ok() && ++since_commit >= options.commit_every) {
            st = writer.Commit(s);
            since_commit = 0;
          }
        }
        if (st.ok()) st = writer.Commit(s);
      });
    }
  }

  tbb::enumerable_thread_specific<index::DocumentBuilder> builders;
  // The reader and store filters are each serial, but they run at the same
  // time as each other on different threads. What the store filter tells the
  // reader (stop; how many stored so far) therefore goes through atomics;
  // the Status itself stays the store filter's until the pipeline has ended.
  Status store_status;
  std::atomic<bool> store_failed{false};
  std::atomic<uint64_t> stored_so_far{0}, duplicates_so_far{0};
  size_t since_commit_inline = 0;
  int batches = 0;
  const int kill_after = TEST_KillAfterBatches();
  IngestProgress progress;  // the reader filter's
  bool input_done = false;

  auto read_batch = [&](tbb::flow_control& fc) -> Batch* {
    FilterCall call(&g_reader_turn);
    if (input_done || store_failed.load()) {
      fc.stop();
      return nullptr;
    }
    auto batch = std::make_unique<Batch>();
    batch->items.reserve(options.batch_size);
    while (batch->items.size() < options.batch_size) {
      Item item;
      if (!reader.Next(&item.raw)) {
        input_done = true;
        break;
      }
      batch->items.push_back(std::move(item));
      if (options.on_progress && reader.stats().documents % options.progress_every == 0) {
        progress.bytes_done = reader.bytes_done();
        progress.bytes_total = reader.total_bytes();
        progress.documents = reader.stats().documents + reader.stats().rejected;
        progress.rejected = reader.stats().rejected + clean_rejected.load();
        progress.stored = stored_so_far.load(std::memory_order_relaxed);
        progress.duplicates = duplicates_so_far.load(std::memory_order_relaxed);
        options.on_progress(progress);
      }
    }
    if (batch->items.empty()) {
      fc.stop();
      return nullptr;
    }
    HappensBefore(batch.get());
    return batch.release();
  };

  auto analyse = [&](Batch* batch) -> Batch* {
    FilterCall call(nullptr);
    HappensAfter(batch);
    index::DocumentBuilder& builder = builders.local();
    for (Item& item : batch->items) {
      auto article = (*cleaner)->Clean(item.raw);
      if (!article.ok()) {
        clean_rejected.fetch_add(1);
        // The diagnostic names the document itself; drop the cleaner's own prefix.
        std::string reason = article.status().message();
        std::string prefix = item.raw.Locator() + ": ";
        if (reason.rfind(prefix, 0) == 0) reason.erase(0, prefix.size());
        safe_sink({Diagnostic::Severity::kRejected, item.raw.source, item.raw.line, -1, reason});
        continue;
      }
      article->id = ArticleIdOf(text::NormaliseForId(article->Text()));
      if (Status st = analyse::RunAnalyzers(*analyzers, &*article); !st.ok())
        safe_sink({Diagnostic::Severity::kWarning, item.raw.source, item.raw.line, -1, st.message()});
      item.doc = builder.Build(*article);
      if (relations) {
        item.signature = relations->detector().Sign(*article);
        item.series = relations->series().Sign(*article);
      }
      item.article = std::move(*article);
      item.raw = RawDocument{};  // free the raw text early
    }
    HappensBefore(batch);
    return batch;
  };

  index::DocumentBuilder relink_builder;  // the store filter's (serial)
  auto store_batch = [&](Batch* batch) -> Status {
    std::vector<Article> articles;
    std::vector<Item*> owners;
    std::unordered_set<std::string> batch_ids, org_batch_ids;
    for (Item& item : batch->items) {
      if (!item.article) continue;
      // Organisations first: a word it makes an organisation is no person
      // for the person linker. Learned once, when first stored.
      if (orgs) {
        for (const std::string& id : orgs->Link(&*item.article)) item.doc.AddEntity(id);
        if (org_batch_ids.insert(item.article->id).second) {
          WARTA_ASSIGN_OR_RETURN(bool stored, m.store->Contains(item.article->id));
          if (!stored) orgs->Learn(*item.article);
        }
      }
      if (people) {
        for (const std::string& id : people->Link(&*item.article)) item.doc.AddEntity(id);
        // Learned once, when first stored (see PersonLinker::Learn).
        if (batch_ids.insert(item.article->id).second) {
          WARTA_ASSIGN_OR_RETURN(bool stored, m.store->Contains(item.article->id));
          if (!stored) people->Learn(*item.article);
        }
      }
      articles.push_back(std::move(*item.article));
      owners.push_back(&item);
    }
    std::vector<store::PutResult> put;
    WARTA_RETURN_IF_ERROR(m.store->PutBatch(articles, &put));
    // The names of the cased articles just stored reach the case-less
    // articles cleaned from now on (one new snapshot a batch, when it differs).
    // A snapshot copies the table, so a large one is cut again only when
    // it has changed by a 64th since the last (a small one at each change).
    if (learn_case) {
      for (size_t i = 0; i < put.size(); ++i) {
        if (!put[i].inserted || articles[i].letter_case != LetterCase::kMixed) continue;
        for (const EntityMention& e : articles[i].entities)
          m.cased_pending += text::LearnCasedName(e.text, m.cased_names.get());
      }
      if (m.cased_pending > 0 && m.cased_pending * 64 >= m.cased_names->names() + m.cased_names->words()) {
        m.cased_board->Publish(m.cased_names->Snapshot());
        m.cased_pending = 0;
      }
    }
    // Why the linker joined names (after the articles, so a link never
    // names mentions the store lacks; a crash in between loses only reasons).
    if (people) WARTA_RETURN_IF_ERROR(m.store->PutEntityLinks(people->TakeLinks()));
    if (kill_after > 0 && ++batches == kill_after) std::raise(SIGKILL);
    if (relations) {
      Relations::Batch decided;
      for (size_t i = 0; i < put.size(); ++i) {
        if (!put[i].inserted) continue;
        store::ArticleRelations r = relations->Add(put[i].seq, articles[i], owners[i]->signature, &decided, std::nullopt,
                                                          &owners[i]->series);
        owners[i]->doc.SetCopyGroup(r.copy_group);
        if (r.copy_of) ++summary.near_copies;
        if (r.story_id == put[i].seq) ++summary.new_stories;
      }
      summary.series_items += decided.series_members.size();
      WARTA_RETURN_IF_ERROR(relations->Commit(*m.store, decided));
    }
    for (size_t i = 0; i < put.size(); ++i) {
      if (!put[i].inserted) {
        ++summary.duplicates;
        if (!put[i].replaced) continue;
        ++summary.replaced;  // re-indexed below under the same seq
      } else {
        ++summary.stored;
        if (articles[i].letter_case == LetterCase::kLower) ++summary.lower_case_by_outlet[articles[i].outlet];
        if (articles[i].letter_case == LetterCase::kUpper) ++summary.upper_case_by_outlet[articles[i].outlet];
      }
      if (inline_index) {
        WARTA_RETURN_IF_ERROR(writer.Add(put[i].seq, std::move(owners[i]->doc)));
        if (++since_commit_inline >= options.commit_every) {
          since_commit_inline = 0;
          WARTA_RETURN_IF_ERROR(writer.CommitAll());
        }
      } else {
        queues[static_cast<size_t>(index::IndexWriter::ShardOf(put[i].seq, shards))]->Push(
            put[i].seq, std::move(owners[i]->doc));
      }
    }
    // Stored people the linker now joins to a full name learned in this
    // batch (person_linker.h): their mentions are re-labelled and their
    // articles indexed again, after this batch's own documents so the
    // index ends with the new ids.
    // Organisations likewise, when a short form's long form is first clear
    // (org_linker.h): their mentions take the long form's id and name.
    auto relabel = [&](const store::EntityLink& r, const std::string& canonical) -> Status {
      WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> seqs, m.store->RelabelMentions(r.from_id, "", r.to_id, canonical));
      WARTA_RETURN_IF_ERROR(m.store->PutEntityLinks({r}));
      std::vector<store::StoredArticle> again;
      WARTA_RETURN_IF_ERROR(m.store->GetBySeq(seqs, &again));
      for (const store::StoredArticle& a : again) {
        index::PreparedDocument doc = relink_builder.Build(a.article);
        doc.SetCopyGroup(a.copy_group);
        if (inline_index) {
          WARTA_RETURN_IF_ERROR(writer.Add(a.seq, std::move(doc)));
        } else {
          queues[static_cast<size_t>(index::IndexWriter::ShardOf(a.seq, shards))]->Push(a.seq, std::move(doc));
        }
      }
      return Status::Ok();
    };
    if (people)
      for (const store::EntityLink& r : people->TakeRelinks()) WARTA_RETURN_IF_ERROR(relabel(r, r.form));
    if (orgs)
      for (const store::EntityLink& r : orgs->TakeRelinks()) WARTA_RETURN_IF_ERROR(relabel(r, r.to_canonical));
    stored_so_far.store(summary.stored, std::memory_order_relaxed);
    duplicates_so_far.store(summary.duplicates, std::memory_order_relaxed);
    return Status::Ok();
  };

  auto store_and_dispatch = [&](Batch* raw_batch) {
    FilterCall call(&g_store_turn);
    HappensAfter(raw_batch);
    std::unique_ptr<Batch> batch(raw_batch);
    if (store_failed.load()) return;  // drain what was read before the stop
    if (Status st = store_batch(batch.get()); !st.ok()) {
      store_status = std::move(st);
      store_failed = true;
    }
  };

  {
    tbb::filter<void, void> filters =
        tbb::make_filter<void, Batch*>(tbb::filter_mode::serial_in_order, read_batch) &
        tbb::make_filter<Batch*, Batch*>(tbb::filter_mode::parallel, analyse) &
        tbb::make_filter<Batch*, void>(tbb::filter_mode::serial_in_order, store_and_dispatch);
    HappensBefore(&g_pipeline_start);
    tbb::task_arena arena(std::max(1, threads));
    arena.execute([&] { tbb::parallel_pipeline(static_cast<size_t>(std::max(2, threads * 2)), filters); });
    HappensAfter(&g_pipeline_end);
  }
  for (auto& q : queues) q->Close();
  for (auto& t : shard_threads) t.join();
  WARTA_RETURN_IF_ERROR(store_status);
  for (const auto& st : shard_status) WARTA_RETURN_IF_ERROR(st);
  if (inline_index) WARTA_RETURN_IF_ERROR(writer.CommitAll());
  m.searcher.reset();  // the next search sees the new documents

  const auto& rs = reader.stats();
  summary.files = rs.files;
  summary.bytes = rs.bytes;
  summary.rejected = rs.rejected + clean_rejected.load();
  summary.documents = rs.documents + rs.rejected;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.on_progress) {
    progress.bytes_done = reader.bytes_done();
    progress.bytes_total = reader.total_bytes();
    progress.documents = summary.documents;
    progress.rejected = summary.rejected;
    progress.stored = summary.stored;
    progress.duplicates = summary.duplicates;
    options.on_progress(progress);
  }
  return summary;
}

}  // namespace warta::pipeline
