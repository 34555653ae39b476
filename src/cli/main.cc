// warta: the command line.
//
// Exit codes: 0 all good; 1 some inputs were rejected, or the command failed
// (the message says which); 2 usage error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/command.h"
#include "cli/entity_commands.h"
#include "cli/extract_command.h"
#include "cli/serve_command.h"
#include "cli/series_command.h"
#include "cli/story_commands.h"
#include "cli/ner_commands.h"
#include "cli/timex_command.h"
#include "cli/format.h"
#include "core/diagnostics.h"
#include "pipeline/knowledge_base.h"
#include "query/export.h"
#include "query/knowledge_reader.h"
#include "query/views.h"
#include "text/date_parse.h"

namespace {

using namespace warta;

using cli::Fail;
using cli::kExitFailed;
using cli::kExitOk;
using cli::kExitUsage;

StatusOr<std::unique_ptr<pipeline::KnowledgeBase>> OpenKb(const std::string& dir, bool read_only, int shards = 0) {
  return pipeline::KnowledgeBase::Open({.dir = dir, .read_only = read_only, .shards = shards});
}

// search, show, stats and export only read: the read side, not the ingest stack.
StatusOr<std::unique_ptr<query::KnowledgeReader>> OpenReader(const std::string& dir) {
  return query::KnowledgeReader::Open(dir);
}

// Redraws one progress line on stderr, at most ten times a second.
class ProgressBar {
 public:
  void Update(const pipeline::IngestProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double frac = p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 0;
    int filled = static_cast<int>(frac * 30);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(30 - filled), '.');
    std::fprintf(stderr, "\r[%s] %3.0f%%  %llu documents  %.1f MB/s  %llu rejected ", bar.c_str(), frac * 100,
                 static_cast<unsigned long long>(p.documents),
                 secs > 0 ? static_cast<double>(p.bytes_done) / 1e6 / secs : 0.0,
                 static_cast<unsigned long long>(p.rejected));
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fprintf(stderr, "\r%80s\r", "");
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

// The built-in subcommands, each as its arguments, a function that
// registers them and one that runs the command (commands with their own files
// register through cli::Add*Command instead).

struct IngestArgs {
  std::vector<std::string> paths;
  int threads = 0;
  int shards = 0;
  size_t batch = 256;
  bool quiet = false;
  std::string lexicon;  // "" = the built-in lexicon
};

CLI::App* AddIngest(CLI::App& app, IngestArgs* args) {
  auto* ingest = app.add_subcommand("ingest",
                                    "Read articles (.txt, .jsonl, .ndjson, .html, .htm, .warc, each may be gzipped; "
                                    "directories; - for stdin) into the store");
  ingest->add_option("paths", args->paths, "Files, directories or - (stdin)")->required();
  ingest->add_option("--threads", args->threads, "Worker threads (0 = all cores)")->check(CLI::Range(0, 256));
  ingest->add_option("--shards", args->shards, "Index shards when the data directory is created (0 = one per core)")
      ->check(CLI::Range(0, 64));
  ingest->add_option("--batch", args->batch, "Articles per store transaction")->check(CLI::Range(1, 100000));
  ingest->add_flag("-q,--quiet", args->quiet, "No progress bar and no per-file warnings");
  ingest->add_option("--lexicon", args->lexicon, cli::kLexiconHelp)->type_name("DIR");
  return ingest;
}

int RunIngest(const std::string& db, const IngestArgs& args) {
  pipeline::IngestOptions opt;
  if (!args.lexicon.empty()) {
    // Loaded before the store is opened, so a bad file (named with its line)
    // changes nothing. Cleaning (dates) and every analyser read this one.
    auto lexicon = text::Lexicon::Load(args.lexicon);
    if (!lexicon.ok()) return Fail(lexicon.status());
    opt.clean.lexicon = *lexicon;
    opt.analysis.lexicon = *lexicon;
    opt.stories.lexicon = *lexicon;
    opt.series.lexicon = *lexicon;
    opt.reader.html.dates = std::make_shared<const text::DateVocabulary>(text::DateVocabulary::FromLexicon(**lexicon));
  }
  auto kb = OpenKb(db, false, args.shards);
  if (!kb.ok()) return Fail(kb.status());
  opt.threads = args.threads;
  opt.batch_size = args.batch;
  ProgressBar bar;
  bool tty = ::isatty(STDERR_FILENO) && !args.quiet;
  if (tty) opt.on_progress = [&](const pipeline::IngestProgress& p) { bar.Update(p); };
  uint64_t warnings = 0;
  auto sink = [&](const Diagnostic& d) {
    if (d.severity == Diagnostic::Severity::kWarning) {
      ++warnings;
      if (args.quiet) return;
    }
    if (tty) bar.Finish();
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  };
  auto summary = (*kb)->Ingest(args.paths, opt, sink);
  if (tty) bar.Finish();
  if (!summary.ok()) return Fail(summary.status());
  const auto& s = *summary;
  std::fprintf(stderr,
               "read %llu documents from %llu files (%.1f MB) in %.2f s: %llu stored, %llu duplicates%s, %llu rejected%s; "
               "%llu edited copies, %llu new stories, %llu series items\n",
               static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.files),
               static_cast<double>(s.bytes) / 1e6, s.seconds, static_cast<unsigned long long>(s.stored),
               static_cast<unsigned long long>(s.duplicates),
               s.replaced ? fmt::format(" ({} longer versions replaced the stored text)", s.replaced).c_str() : "",
               static_cast<unsigned long long>(s.rejected),
               warnings ? fmt::format(", {} warnings", warnings).c_str() : "",
               static_cast<unsigned long long>(s.near_copies), static_cast<unsigned long long>(s.new_stories),
               static_cast<unsigned long long>(s.series_items));
  // Sources that write without capitals (or only in capitals): clean gave
  // their text its capitals back (text/truecase.h), but names, quote
  // speakers and events are still harder to find there, and the user should
  // know.
  for (const auto& [by_outlet, form] : {std::pair{&s.lower_case_by_outlet, "lower case"},
                                         std::pair{&s.upper_case_by_outlet, "capitals"}}) {
    if (by_outlet->empty()) continue;
    uint64_t total = 0;
    std::string outlets;
    for (const auto& [outlet, n] : *by_outlet) {
      total += n;
      outlets += fmt::format("{}{} {}", outlets.empty() ? "" : ", ", outlet.empty() ? "(no outlet)" : outlet, n);
    }
    std::fprintf(stderr, "note: %llu of the stored articles are written all in %s (%s): their case was restored, but names, quote speakers and events are found there less surely than in cased text\n",
                 static_cast<unsigned long long>(total), form, EscapeForDisplay(outlets).c_str());
  }
  return s.rejected ? kExitFailed : kExitOk;
}

struct SearchArgs {
  std::string query, from, to, outlet, entity_name;
  size_t limit = 10, offset = 0;
  bool json_out = false;
  bool all_copies = false;
};

CLI::App* AddSearch(CLI::App& app, SearchArgs* args) {
  auto* search = app.add_subcommand("search", "Full-text search (BM25) with filters and highlighted snippets");
  search->add_option("query", args->query, "Words, \"phrases\", AND/OR/NOT, title:word, outlet:name")->required();
  search->add_option("--from", args->from, "Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
  search->add_option("--to", args->to, "Published on or before (YYYY, YYYY-MM or YYYY-MM-DD)");
  search->add_option("--outlet", args->outlet, "Only this outlet");
  search->add_option("--entity", args->entity_name, "Only articles mentioning this entity (any of its names)");
  search->add_option("--limit", args->limit, "Results to show")->check(CLI::Range(1, 10000));
  search->add_option("--offset", args->offset, "Results to skip");
  search->add_flag("--json", args->json_out, "One JSON object with the hits");
  search->add_flag("--all-copies", args->all_copies,
                   "List every copy as its own hit (default: one hit per copy group)");
  return search;
}

int RunSearch(const std::string& db, const SearchArgs& args) {
  index::SearchRequest req;
  req.query = args.query;
  req.outlet = args.outlet;
  req.limit = args.limit;
  req.offset = args.offset;
  req.collapse_copies = !args.all_copies;
  if (!args.from.empty()) {
    auto d = cli::ParseDateBound(args.from, /*end=*/false);
    if (!d) return Fail(Status::InvalidArgument("--from: '" + args.from + "' is not YYYY, YYYY-MM or YYYY-MM-DD"));
    req.from = d;
  }
  if (!args.to.empty()) {
    auto d = cli::ParseDateBound(args.to, /*end=*/true);
    if (!d) return Fail(Status::InvalidArgument("--to: '" + args.to + "' is not YYYY, YYYY-MM or YYYY-MM-DD"));
    req.to = d;
  }
  auto kb = OpenReader(db);
  if (!kb.ok()) return Fail(kb.status());
  if (!args.entity_name.empty()) {
    auto ids = query::ResolveEntity((*kb)->store(), args.entity_name);
    if (!ids.ok()) return Fail(ids.status());
    req.entity_ids = std::move(*ids);
  }
  auto page = (*kb)->Search(req);
  if (!page.ok()) return Fail(page.status());
  if (auto lag = (*kb)->IndexLag(); lag.ok() && *lag > 0)
    std::fprintf(stderr, "warta: note: the index lacks %lld stored articles; run 'warta reindex'\n",
                 static_cast<long long>(*lag));
  if (args.json_out) {
    std::cout << query::SearchPageJson(*page, req).dump(2) << "\n";
  } else {
    std::cout << cli::SearchText(*page, req, ::isatty(STDOUT_FILENO));
  }
  return kExitOk;
}

struct ShowArgs {
  std::string id;
  bool json_out = false;
};

CLI::App* AddShow(CLI::App& app, ShowArgs* args) {
  auto* show = app.add_subcommand("show", "One article: metadata, clean text and what cleaning removed");
  show->add_option("id", args->id, "Article id (or a unique prefix of at least 4 hex digits)")->required();
  show->add_flag("--json", args->json_out, "The full record as JSON");
  return show;
}

int RunShow(const std::string& db, const ShowArgs& args) {
  auto kb = OpenReader(db);
  if (!kb.ok()) return Fail(kb.status());
  auto a = (*kb)->store().Get(args.id);
  if (!a.ok()) return Fail(a.status());
  if (args.json_out) {
    auto j = query::FullArticleJson((*kb)->store(), *a);
    if (!j.ok()) return Fail(j.status());
    std::cout << j->dump(2) << "\n";
  } else {
    std::vector<store::ArticleRef> original;
    if (a->copy_of)
      if (auto st = (*kb)->store().GetRefs({a->copy_of}, &original); !st.ok()) return Fail(st);
    std::cout << cli::ArticleText(*a, ::isatty(STDOUT_FILENO), original.empty() ? nullptr : &original[0]);
  }
  return kExitOk;
}

CLI::App* AddStats(CLI::App& app, bool* json_out) {
  auto* stats = app.add_subcommand("stats", "Counts of what the store holds");
  stats->add_flag("--json", *json_out, "As JSON");
  return stats;
}

int RunStats(const std::string& db, bool json_out) {
  auto kb = OpenReader(db);
  if (!kb.ok()) return Fail(kb.status());
  auto s = (*kb)->store().Stats();
  if (!s.ok()) return Fail(s.status());
  auto lag = (*kb)->IndexLag();
  if (json_out) {
    std::cout << query::StatsJson(*s, (*kb)->shards(), lag.ok() ? *lag : -1).dump(2) << "\n";
  } else {
    std::cout << cli::StatsText(*s, (*kb)->dir(), (*kb)->shards(), lag.ok() ? *lag : -1);
  }
  return kExitOk;
}

struct ExportArgs {
  std::string format = "jsonl", output = "-", what = "articles";
};

CLI::App* AddExport(CLI::App& app, ExportArgs* args) {
  auto* exp =
      app.add_subcommand("export", "Write every article (or every quote, claim, event or story) as JSONL or CSV");
  exp->add_option("--format", args->format, "jsonl or csv (csv: articles only)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  exp->add_option("--what", args->what, "articles, quotes, claims, events or stories")
      ->check(CLI::IsMember({"articles", "quotes", "claims", "events", "stories"}));
  exp->add_option("-o,--output", args->output, "File to write (default - : stdout)");
  return exp;
}

int RunExport(const std::string& db, const ExportArgs& args) {
  auto kb = OpenReader(db);
  if (!kb.ok()) return Fail(kb.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) return Fail(Status::IoError(args.output + ": cannot write"));
    out = &file;
  }
  auto kind = query::ParseExportKind(args.what);
  if (args.format == "csv" && kind != query::ExportKind::kArticles)
    return Fail(Status::InvalidArgument("export: --format csv writes articles only; use jsonl for " + args.what));
  auto n = args.format == "csv" ? query::ExportCsv((*kb)->store(), *out)
                                : query::ExportRecordsJsonl((*kb)->store(), *kind, *out);
  if (!n.ok()) return Fail(n.status());
  out->flush();
  std::fprintf(stderr, "exported %lld %s\n", static_cast<long long>(*n), args.what.c_str());
  return kExitOk;
}

int RunReindex(const std::string& db) {
  // The store only: the index is what may be broken.
  auto kb = pipeline::KnowledgeBase::Open({.dir = db, .open_index = false});
  if (!kb.ok()) return Fail(kb.status());
  bool tty = ::isatty(STDERR_FILENO);
  auto n = (*kb)->Reindex([&](int64_t done, int64_t total) {
    if (tty) std::fprintf(stderr, "\rreindexing %lld/%lld", static_cast<long long>(done), static_cast<long long>(total));
  });
  if (tty) std::fprintf(stderr, "\n");
  if (!n.ok()) return Fail(n.status());
  for (const std::string& shard : n->repaired)
    std::fprintf(stderr, "warta: %s: removed and rebuilt from the store\n", shard.c_str());
  std::fprintf(stderr, "reindexed %lld articles into %d shards\n", static_cast<long long>(n->indexed), (*kb)->shards());
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Warta: Indonesian news into a searchable knowledge base of stories, people, places, dates, quotes and claims."};
  app.require_subcommand(1);
  cli::CommandContext ctx;
  if (const char* env = std::getenv("WARTA_DB")) ctx.db = env;
  app.add_option("--db", ctx.db, "Data directory (default ./warta-data, or $WARTA_DB)");
  app.set_version_flag("--version", "warta 0.1.0");

  IngestArgs ingest_args;
  SearchArgs search_args;
  ShowArgs show_args;
  bool stats_json = false;
  ExportArgs export_args;
  CLI::App* ingest = AddIngest(app, &ingest_args);
  CLI::App* search = AddSearch(app, &search_args);
  CLI::App* show = AddShow(app, &show_args);
  CLI::App* stats = AddStats(app, &stats_json);
  CLI::App* exp = AddExport(app, &export_args);
  CLI::App* reindex = app.add_subcommand("reindex", "Rebuild the search index from the store");

  // Commands in their own files (src/cli/*_command*.h) register here.
  cli::AddEntityCommands(app, ctx);
  cli::AddServeCommand(app, ctx);
  cli::AddTimexCommand(app, ctx);
  cli::AddNerCommands(app, ctx);
  cli::AddExtractCommand(app, ctx);
  cli::AddStoryCommands(app, ctx);
  cli::AddSeriesCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (ctx.ran) return ctx.exit_code;
  if (*ingest) return RunIngest(ctx.db, ingest_args);
  if (*search) return RunSearch(ctx.db, search_args);
  if (*show) return RunShow(ctx.db, show_args);
  if (*stats) return RunStats(ctx.db, stats_json);
  if (*exp) return RunExport(ctx.db, export_args);
  if (*reindex) return RunReindex(ctx.db);
  return kExitUsage;
}
