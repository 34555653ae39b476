#include "index/search_index.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/utf8.h"
#include "text/case.h"
#include "text/stemmer.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace warta::index {

namespace fs = std::filesystem;

namespace {

constexpr Xapian::valueno kDateSlot = 0;  // "YYYYMMDD" of the publication date
constexpr Xapian::valueno kCopyGroupSlot = 1;  // the copy group's key, decimal; absent when unknown
constexpr const char* kWatermarkKey = "warta:watermark";
// Xapian stops counting once it has the page (the total is then a guess that
// moves with --limit: "sri mulyani" said ~5 at limit 1, 83 match). Asking it
// to check this many matches makes the total exact up to here, whatever the
// page; a query matching more pays for checking them (the cost of a count).
constexpr Xapian::doccount kExactTotalUpTo = 10000;
constexpr const char* kShardsKey = "warta:shards";
// Xapian rejects terms over ~245 bytes; a longer "word" is junk anyway.
constexpr size_t kMaxTermBytes = 120;
// A gap between paragraphs so phrases do not match across them.
constexpr Xapian::termpos kParagraphGap = 10;

std::string ShardPath(const std::string& dir, int shard) {
  return (fs::path(dir) / ("shard-" + std::to_string(shard))).string();
}

Status FromXapian(const Xapian::Error& e, const std::string& where) {
  std::string m = where + ": " + e.get_type() + ": " + e.get_msg();
  // Xapian::Error is not polymorphic: its concrete type is only known by name.
  std::string type = e.get_type();
  if (type == "DatabaseLockError")
    return Status::IoError(where + ": the index is busy (another warta process is writing to it)");
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") return Status::NotFound(m);
  if (type == "DatabaseCorruptError") return Status::Corrupt(m);
  if (type == "QueryParserError") return Status::InvalidArgument(m);
  return Status::Internal(m);
}

// A shard that exists but cannot be read: the files are damaged (or were
// written by another Xapian format). The store holds every article, so the
// remedy is always the same, and the message names the shard and says it.
Status Damaged(const Xapian::Error& e, const std::string& where) {
  return Status::Corrupt(where + ": the search index is damaged (" + e.get_type() + ": " + e.get_msg() +
                         "); run 'warta reindex' to rebuild it from the store");
}

bool IsDamage(const Xapian::Error& e) {
  const std::string type = e.get_type();
  return type == "DatabaseCorruptError" || type == "DatabaseError" || type == "DatabaseVersionError" ||
         type == "DatabaseOpeningError" || type == "DatabaseNotFoundError";
}

bool IsAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Splits a token into the words Xapian's QueryParser would see in it:
// "Jong-un" -> "Jong", "un"; "29/11/2024" -> "29", "11", "2024"; but
// "10.000" and "1,5" stay whole (Xapian keeps . and , between digits).
template <typename Fn>
void ForEachIndexWord(std::string_view tok, Fn&& fn) {
  size_t i = 0, n = tok.size();
  while (i < n) {
    // Skip separators (ASCII non-alnum).
    while (i < n && static_cast<unsigned char>(tok[i]) < 0x80 && !IsAsciiAlnum(static_cast<unsigned char>(tok[i]))) ++i;
    size_t start = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(tok[i]);
      if (c >= 0x80 || IsAsciiAlnum(c)) {
        ++i;
      } else if ((c == '.' || c == ',') && i > start && IsDigit(static_cast<unsigned char>(tok[i - 1])) && i + 1 < n &&
                 IsDigit(static_cast<unsigned char>(tok[i + 1]))) {
        ++i;
      } else {
        break;
      }
    }
    if (i > start) fn(tok.substr(start, i - start));
  }
}

}  // namespace

// ---------------------------------------------------------------- documents

struct PreparedDocument::Impl {
  Xapian::Document doc;
};

PreparedDocument::PreparedDocument() : impl_(std::make_unique<Impl>()) {}
PreparedDocument::~PreparedDocument() = default;
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;

void PreparedDocument::SetCopyGroup(int64_t group) {
  if (group > 0) impl_->doc.add_value(kCopyGroupSlot, std::to_string(group));
}

void PreparedDocument::AddEntity(const std::string& entity_id) {
  if (!entity_id.empty()) impl_->doc.add_boolean_term("XE" + entity_id);
}

struct DocumentBuilder::Impl {
  text::Tokenizer tokenizer;
  text::Stemmer stemmer;
  std::vector<text::Token> tokens;
  std::string lower;
  std::string term;

  // Adds the words of `s` as positional terms (with `prefix`) and their stems.
  void IndexText(std::string_view s, const std::string& prefix, Xapian::Document* doc, Xapian::termpos* pos,
                 Xapian::termcount wdf_boost) {
    tokens.clear();
    tokenizer.Tokenize(s, &tokens);
    for (const auto& t : tokens) {
      if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
      ForEachIndexWord(s.substr(t.begin, t.end - t.begin), [&](std::string_view w) {
        if (w.size() > kMaxTermBytes) return;
        text::LowercaseTo(w, &lower);
        term.assign(prefix).append(lower);
        doc->add_posting(term, ++*pos, wdf_boost);
        // Stop words keep their positions (phrases) but get no stem term.
        if (!IsDigit(static_cast<unsigned char>(lower[0])) && !text::IsStopword(lower)) {
          term.assign("Z").append(prefix).append(stemmer.Stem(lower));
          doc->add_term(term, wdf_boost);
        }
      });
    }
  }
};

DocumentBuilder::DocumentBuilder() : impl_(std::make_unique<Impl>()) {}
DocumentBuilder::~DocumentBuilder() = default;

PreparedDocument DocumentBuilder::Build(const Article& a) {
  PreparedDocument p;
  Xapian::Document& doc = p.impl_->doc;
  Xapian::termpos pos = 0;
  static const std::string kNone, kTitle = "S";
  if (!a.title.empty()) {
    Xapian::termpos title_pos = 0;
    impl_->IndexText(a.title, kTitle, &doc, &title_pos, 1);
    impl_->IndexText(a.title, kNone, &doc, &pos, 2);  // title words weigh more in the body too
    pos += kParagraphGap;
  }
  for (const auto& para : a.paragraphs) {
    impl_->IndexText(para, kNone, &doc, &pos, 1);
    pos += kParagraphGap;
  }
  if (!a.outlet.empty()) doc.add_boolean_term("XO" + text::Lowercase(a.outlet));
  for (const auto& m : a.entities)
    if (!m.entity_id.empty()) doc.add_boolean_term("XE" + m.entity_id);
  doc.add_boolean_term("Q" + a.id);
  if (a.published) {
    doc.add_value(kDateSlot, a.published->SortKey());
    doc.add_boolean_term("XY" + std::to_string(a.published->year));
  }
  doc.set_data(a.id);
  return p;
}

// ---------------------------------------------------------------- writer

struct IndexWriter::Impl {
  std::vector<Xapian::WritableDatabase> dbs;
  std::vector<int64_t> added;      // highest seq added per shard (maybe uncommitted)
  std::vector<int64_t> watermark;  // highest seq committed per shard
  std::string dir;
};

IndexWriter::IndexWriter() : impl_(std::make_unique<Impl>()) {}
IndexWriter::~IndexWriter() {
  // Uncommitted additions are dropped on purpose: the watermark says what is
  // durable and the next open re-indexes the rest.
  for (auto& db : impl_->dbs) {
    try {
      db.close();
    } catch (const Xapian::Error&) {
    }
  }
}

StatusOr<std::unique_ptr<IndexWriter>> IndexWriter::Open(const IndexOptions& options) {
  if (options.shards < 1 || options.shards > 64)
    return Status::InvalidArgument("index shards must be 1..64, not " + std::to_string(options.shards));
  std::error_code ec;
  fs::create_directories(options.dir, ec);
  if (ec) return Status::IoError(options.dir + ": cannot create the index directory: " + ec.message());
  if (fs::exists(ShardPath(options.dir, options.shards)))
    return Status::Corrupt(options.dir + ": holds more shards than the store's " + std::to_string(options.shards) +
                           "; run 'warta reindex'");
  std::unique_ptr<IndexWriter> w(new IndexWriter());
  w->impl_->dir = options.dir;
  for (int i = 0; i < options.shards; ++i) {
    std::string path = ShardPath(options.dir, i);
    try {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
      std::string mark = db.get_metadata(kWatermarkKey);
      std::string shards = db.get_metadata(kShardsKey);
      if (!shards.empty() && shards != std::to_string(options.shards))
        return Status::Corrupt(path + ": built for " + shards + " shards, the store says " +
                               std::to_string(options.shards) + "; run 'warta reindex'");
      if (shards.empty()) db.set_metadata(kShardsKey, std::to_string(options.shards));
      int64_t m = mark.empty() ? 0 : std::stoll(mark);
      w->impl_->watermark.push_back(m);
      w->impl_->added.push_back(m);
      w->impl_->dbs.push_back(std::move(db));
    } catch (const Xapian::Error& e) {
      return IsDamage(e) ? Damaged(e, path) : FromXapian(e, path);
    }
  }
  return w;
}

int IndexWriter::shards() const { return static_cast<int>(impl_->dbs.size()); }

Status IndexWriter::Add(int64_t seq, PreparedDocument document) {
  int n = shards();
  int shard = ShardOf(seq, n);
  auto docid = static_cast<Xapian::docid>((seq - 1) / n + 1);
  try {
    impl_->dbs[static_cast<size_t>(shard)].replace_document(docid, document.impl_->doc);
  } catch (const Xapian::Error& e) {
    return FromXapian(e, ShardPath(impl_->dir, shard));
  }
  auto& added = impl_->added[static_cast<size_t>(shard)];
  if (seq > added) added = seq;
  return Status::Ok();
}

Status IndexWriter::Commit(int shard) {
  auto s = static_cast<size_t>(shard);
  try {
    auto& db = impl_->dbs[s];
    if (impl_->added[s] != impl_->watermark[s]) db.set_metadata(kWatermarkKey, std::to_string(impl_->added[s]));
    db.commit();
    impl_->watermark[s] = impl_->added[s];
  } catch (const Xapian::Error& e) {
    return FromXapian(e, ShardPath(impl_->dir, shard));
  }
  return Status::Ok();
}

Status IndexWriter::CommitAll() {
  for (int i = 0; i < shards(); ++i) WARTA_RETURN_IF_ERROR(Commit(i));
  return Status::Ok();
}

int64_t IndexWriter::Watermark(int shard) const { return impl_->watermark[static_cast<size_t>(shard)]; }

// ---------------------------------------------------------------- search

struct SearchResults::Impl {
  Xapian::MSet mset;
  Xapian::Stem stem{"indonesian"};
};

SearchResults::SearchResults() : impl_(std::make_unique<Impl>()) {}
SearchResults::~SearchResults() = default;
SearchResults::SearchResults(SearchResults&&) noexcept = default;
SearchResults& SearchResults::operator=(SearchResults&&) noexcept = default;

std::string SearchResults::Snippet(std::string_view text, size_t length) const {
  try {
    return impl_->mset.snippet(std::string(text), length, impl_->stem,
                               0,
                               "<mark>", "</mark>", "…");
  } catch (const Xapian::Error&) {
    return {};
  }
}

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
  Xapian::QueryParser parser;
  Xapian::Stem stem{"indonesian"};
  Xapian::SimpleStopper stopper;
};

Searcher::Searcher() : impl_(std::make_unique<Impl>()) {}
Searcher::~Searcher() = default;

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const std::string& dir, int shards) {
  std::unique_ptr<Searcher> s(new Searcher());
  for (int i = 0; i < shards; ++i) {
    std::string path = ShardPath(dir, i);
    if (!fs::exists(path)) return Status::NotFound(path + ": no search index (run 'warta reindex')");
    try {
      s->impl_->db.add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
      return IsDamage(e) ? Damaged(e, path) : FromXapian(e, path);
    }
  }
  s->impl_->dir = dir;
  auto& qp = s->impl_->parser;
  qp.set_database(s->impl_->db);
  qp.set_stemmer(s->impl_->stem);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  for (std::string_view w : text::Stopwords()) s->impl_->stopper.add(std::string(w));
  qp.set_stopper(&s->impl_->stopper);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", "S");
  qp.add_boolean_prefix("outlet", "XO");
  qp.add_boolean_prefix("year", "XY");
  qp.add_boolean_prefix("id", "Q");
  qp.add_boolean_prefix("entity", "XE");
  return s;
}

uint64_t Searcher::DocumentCount() const { return impl_->db.get_doccount(); }

Status Searcher::Reopen() {
  try {
    impl_->db.reopen();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IoError("search index: cannot move to its latest commit: " + e.get_description());
  }
}

StatusOr<SearchResults> Searcher::Search(const SearchRequest& r) {
  try {
    Xapian::Query q;
    std::string_view text = TrimSpace(r.query);
    if (text.empty()) {
      q = Xapian::Query::MatchAll;
    } else {
      q = impl_->parser.parse_query(std::string(text), Xapian::QueryParser::FLAG_DEFAULT |
                                                           Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE);
    }
    if (r.from || r.to) {
      Xapian::Query range;
      if (r.from && r.to) {
        range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, r.from->SortKey(), r.to->SortKey());
      } else if (r.from) {
        range = Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, r.from->SortKey());
      } else {
        range = Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, r.to->SortKey());
      }
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, range);
    }
    if (!r.outlet.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query("XO" + text::Lowercase(r.outlet)));
    if (!r.entity_ids.empty()) {
      std::vector<std::string> terms;
      for (const auto& id : r.entity_ids) terms.push_back("XE" + id);
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(q);
    if (text.empty()) enquire.set_sort_by_value_then_relevance(kDateSlot, true);
    if (r.collapse_copies) enquire.set_collapse_key(kCopyGroupSlot);
    SearchResults out;
    const auto first = static_cast<Xapian::doccount>(r.offset);
    const auto items = static_cast<Xapian::doccount>(r.limit);
    const Xapian::doccount check = std::max(kExactTotalUpTo, first + items);
    out.impl_->mset = enquire.get_mset(first, items, check);
    const Xapian::MSet& m = out.impl_->mset;
    // Fewer matches than it was asked to check: it saw every one, so the
    // lower bound is the count. With collapsing, Xapian's estimate still
    // scales from the words' frequencies (200 for 81 groups in the test)
    // while its lower bound counts the groups it saw.
    out.estimated_total = m.get_uncollapsed_matches_lower_bound() < check ? m.get_matches_lower_bound()
                                                                          : m.get_matches_estimated();
    for (auto it = out.impl_->mset.begin(); it != out.impl_->mset.end(); ++it)
      out.hits.push_back({static_cast<int64_t>(*it), it.get_weight(),
                          r.collapse_copies ? static_cast<uint64_t>(it.get_collapse_count()) : 0});
    return out;
  } catch (const Xapian::Error& e) {
    // The combined database does not say which shard failed.
    if (IsDamage(e)) return Damaged(e, impl_->dir);
    return FromXapian(e, "query '" + r.query + "'");
  }
}

Status CheckShard(const std::string& dir, int shard) {
  const std::string path = ShardPath(dir, shard);
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return Status::NotFound(path + ": missing");
  try {
    // Opening reads the version file; check() then reads every block of
    // every table, so a truncated or overwritten table is found too.
    Xapian::Database db(path);
    const size_t errors = Xapian::Database::check(path, 0, nullptr);
    if (errors > 0) return Status::Corrupt(path + ": damaged (Xapian's check found " + std::to_string(errors) + " errors)");
  } catch (const Xapian::Error& e) {
    return Status::Corrupt(path + ": damaged (" + e.get_type() + ": " + e.get_msg() + ")");
  }
  return Status::Ok();
}

Status RemoveIndex(const std::string& dir) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot remove the index: " + ec.message());
  return Status::Ok();
}

}  // namespace warta::index
