// KnowledgeBase: one Warta data directory, and the pipeline that fills it.
// (Reading only, as `warta serve` and the read-only commands do, is
// query::KnowledgeReader, which needs none of the ingest stack.)
//
// A data directory holds the article store (DIR/warta.sqlite, the source of
// truth) and the search index derived from it (DIR/index/shard-N). Ingest
// runs read -> clean -> analyse -> store -> index:
//
//   reader (1 thread) -> clean + analyse + sign + build index terms (all threads)
//     -> store one batch per transaction, then its copies and stories
//        (1 thread, in input order)
//     -> index shard writers (1 thread per shard)
//
// The store commits each batch before its articles reach the index, so a
// crash (even kill -9) can leave the index behind the store, never ahead;
// opening the directory for writing indexes whatever the index is missing,
// and re-running the same ingest adds nothing twice (ids are content hashes).
//
//   auto kb = KnowledgeBase::Open({.dir = "warta-data"});
//   auto summary = (*kb)->Ingest({"examples/"}, {}, print_diagnostic);
//   auto page = (*kb)->Search({.query = "Belousov"});
//
// Thread-safety: a KnowledgeBase is used by one thread at a time; Ingest uses
// its own worker threads inside. Several processes may search one directory
// while one process ingests into it; two ingests into one directory at once
// are refused ("busy").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "core/diagnostics.h"
#include "core/status.h"
#include "dedupe/duplicates.h"
#include "dedupe/series.h"
#include "dedupe/stories.h"
#include "index/search_index.h"
#include "ingest/reader.h"
#include "query/knowledge_reader.h"
#include "store/store.h"

namespace warta::pipeline {

struct OpenOptions {
  std::string dir = "warta-data";
  bool read_only = false;     // search/show/export: never creates or changes anything
  int shards = 0;             // index shards when the directory is created; 0 = one per core (max 8)
  // Writable opens: open the index and bring it up to the store. False for
  // `warta reindex`, which must start from a store whose index may not open.
  bool open_index = true;
};

struct ReindexSummary {
  int64_t indexed = 0;
  // What was wrong with each shard found missing or damaged before the
  // rebuild ("<dir>/index/shard-1: damaged (...)"); empty when all were whole.
  std::vector<std::string> repaired;
};

struct IngestProgress {
  uint64_t bytes_done = 0, bytes_total = 0;
  uint64_t documents = 0, stored = 0, duplicates = 0, rejected = 0;
};

struct IngestOptions {
  // Behaviour
  ingest::IngestOptions reader;
  clean::CleanOptions clean;
  analyse::AnalysisOptions analysis;
  // Near-duplicates and stories (see dedupe/). The options of the first
  // ingest into a KnowledgeBase object apply for its lifetime.
  bool relations = true;
  dedupe::DedupeOptions duplicates;
  dedupe::StoryOptions stories;
  // Recurring reports from one template (see dedupe/series.h).
  dedupe::SeriesOptions series;
  // A person an article names by one word only ("Belousov") becomes the
  // person the store knows by that full name, when only one fits (see
  // person_linker.h).
  bool link_people = true;
  // An organisation, person or place an article names by a short form
  // another article defined ("Antam" after "PT Aneka Tambang Tbk (Antam)")
  // becomes that organisation (see org_linker.h).
  bool link_organisations = true;
  // Case-less and all-caps articles take, besides the truecaser's model, the
  // case the store's cased articles wrote their names in ("a name seen cased
  // anywhere is a name everywhere", core/cased_names.h): learned from the
  // stored mentions at the first ingest, grown after each stored batch.
  // Applies when clean.restore_case is on and clean.cased_names is null.
  bool learn_case = true;
  // Performance
  int threads = 0;            // worker threads; 0 = all cores, 1 = everything on the calling thread
  size_t batch_size = 256;    // articles per store transaction
  size_t commit_every = 10000;  // index documents per shard between index commits
  // Called from the reading thread about every `progress_every` documents.
  std::function<void(const IngestProgress&)> on_progress;
  size_t progress_every = 64;
};

struct IngestSummary {
  uint64_t files = 0;
  uint64_t bytes = 0;
  uint64_t documents = 0;     // documents read, good or bad
  uint64_t stored = 0;        // new articles stored
  uint64_t duplicates = 0;    // already stored (same clean text, or same URL)
  uint64_t replaced = 0;      // of the duplicates: longer versions that replaced the stored text
  uint64_t near_copies = 0;   // of the stored: edited copies of a stored article (copy_of set)
  uint64_t new_stories = 0;   // stories started by this run
  // Articles this run put in a series of recurring reports: the stored ones
  // that joined one, and the earlier first item of each series they founded.
  uint64_t series_items = 0;
  uint64_t rejected = 0;      // bad input, each reported to the sink
  // Of the stored: articles whose text has no capitals, or no small letters
  // (Article::letter_case), by outlet ("" when unknown). Names are harder
  // to find there; the user should know which sources deliver such text.
  std::map<std::string, uint64_t> lower_case_by_outlet, upper_case_by_outlet;
  double seconds = 0;
};

// Search results are the read side's (query/knowledge_reader.h).
using query::SearchHitView;
using query::SearchPage;

class KnowledgeBase {
 public:
  // Opens (creating when writable) the data directory. A writable open also
  // brings the index up to date with the store (after a crash). Errors name
  // the directory: NotFound for a read-only open of a missing store, IoError
  // when busy or unwritable, Corrupt for a store of a newer version.
  static StatusOr<std::unique_ptr<KnowledgeBase>> Open(const OpenOptions& options);
  ~KnowledgeBase();

  // Reads every path ("-" is stdin) and stores what is new. Bad input is
  // reported to `sink` (thread-safe calls, serialised here) and counted, and
  // never stops the run; a non-OK Status means the store or index failed.
  StatusOr<IngestSummary> Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                                 const DiagnosticSink& sink);

  // Rebuilds the whole search index from the store, whatever state the
  // index is in (shards missing, damaged or not openable): checks each shard
  // to say what it repairs, deletes the index and indexes every article.
  StatusOr<ReindexSummary> Reindex(const std::function<void(int64_t done, int64_t total)>& progress = {});

  // Articles the index lacks compared with the store (0 when in step).
  StatusOr<int64_t> IndexLag();

  // Indexes these stored articles again (their entity ids changed: an
  // analyst's merge or split, pipeline/entity_corrections.h).
  Status ReindexArticles(const std::vector<int64_t>& seqs);
  // Tells this object's person linker (once an ingest has loaded it) about
  // a correction just stored, so a later ingest in this process honours it.
  void NoteCorrection(const store::EntityLink& link);

  StatusOr<SearchPage> Search(const index::SearchRequest& request);
  store::ArticleStore& store();
  const std::string& dir() const;
  int shards() const;

 private:
  KnowledgeBase();
  Status Heal(const std::function<void(int64_t, int64_t)>& progress);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::pipeline
