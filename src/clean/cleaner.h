// The clean stage: turns one scraped RawDocument into an Article whose
// paragraphs are article text only.
//
// Scraped news pages carry page furniture into the text: menus, "Baca juga:"
// links, lists of related headlines, cookie banners, image credits, repeated
// captions, sign-off codes such as "(ant)", share bars and ads. The Cleaner
// removes them and records every removal (line number, original text, rule
// name) in Article::removed so a reader can audit what was taken out. It also
// lifts metadata written into the text: a headline line, the dateline
// ("JAKARTA, KOMPAS.com - ..."), the publication date-time, and author,
// editor and source credits; those lines are removed from the text too.
//
// The rules are data (src/clean/rules/*, compiled into the binary; see
// rules_dir), not code, so a new outlet's debris is a rule edit, and are
// general: no rule names a particular page.
//
//   auto cleaner = warta::clean::Cleaner::Create({});
//   if (!cleaner.ok()) return cleaner.status();
//   warta::StatusOr<warta::Article> a = (*cleaner)->Clean(doc);
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/cased_names.h"
#include "core/datetime.h"
#include "core/status.h"
#include "text/lexicon.h"
#include "text/truecase.h"

namespace warta::clean {

// The default of CleanOptions::max_text_bytes (1 MiB).
inline constexpr size_t kMaxArticleTextBytes = 1u << 20;

struct CleanOptions {
  // Lift title, outlet, dateline, date, author, editor and source lines out
  // of the text into Article fields. When false those lines stay as text
  // (only debris is removed) and only the container's metadata is used.
  bool lift_metadata = true;
  // A first line longer than this (in code points) is never taken as the title.
  size_t max_title_chars = 250;
  // The per-document budget: a document whose text after cleaning is longer
  // than this (bytes of Article::Text()) is rejected (kTooLarge) rather than
  // analysed, so that one huge input cannot hold up the batch it came in
  // with (issue 14, finding 4). The analysers' cost is linear in the text,
  // about 1-2 s per MB on one core (docs/PERFORMANCE.md); a news article is
  // a few KB, so 1 MiB is a book, not an article. 0 = no limit.
  size_t max_text_bytes = kMaxArticleTextBytes;
  // "" uses the rules compiled into the binary. Otherwise a directory whose
  // files (same names as src/clean/rules/: debris.tsv, debris_phrases.tsv,
  // list_headers.txt, metadata.tsv, places.txt, outlet_words.txt; and the
  // time zones of src/text/data/timezones.tsv, besides Indonesia's, which
  // are the lexicon's) replace the built-in file of
  // that name; files it lacks
  // keep the built-in version.
  std::string rules_dir;
  // Month and weekday names of dates and Indonesia's zones (text/lexicon.h:
  // months.tsv, weekdays.tsv, timex_parts.tsv). Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
  // Give case-less (all lower case) and all-caps articles their capitals
  // back (text/truecase.h) before any analyser reads them: the tagger and
  // everything after it (story names, series, quote speakers) read capitals.
  // Article::letter_case keeps what the source wrote. Byte offsets do not
  // move: only ASCII letters change case.
  bool restore_case = true;
  // The model that restores it. Null: text::Truecaser::Builtin() (and no
  // restoring when the build has none). The seam for a truecaser that also
  // learns from the store's cased articles (issue 16: a name seen cased
  // anywhere is a name everywhere).
  std::shared_ptr<const text::Truecaser> truecaser;
  // The names the store's cased articles wrote (core/cased_names.h), read
  // afresh for each case-less article: a name seen cased anywhere is a name
  // everywhere ("sergei lavrov" -> "Sergei Lavrov" though the model never
  // saw "Lavrov"). The pipeline fills and grows it; null: the model alone.
  std::shared_ptr<const CasedNamesBoard> cased_names;
};

class Cleaner {
 public:
  // Loads and compiles the rules once. Errors: kNotFound for a missing
  // rules_dir, kInvalidArgument for a rule that does not parse (the message
  // names the file and line, e.g. "dir/debris.tsv:12: bad regex (...)").
  static StatusOr<std::unique_ptr<Cleaner>> Create(const CleanOptions& options);
  ~Cleaner();
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  // Cleans one document: `doc.text` split at '\n', or `doc.paragraphs` (each
  // also split at any '\n' inside it). Each line is Normalise()d; empty lines
  // are skipped. RemovedLine::line is the 1-based line of `text`, or the
  // 1-based paragraph index; RemovedLine::text is the removed text as written
  // (the whole line, or the cut-off part for a dateline or trailing code).
  //
  // Sets paragraphs, removed, title, outlet, url, source (= doc.Locator()),
  // published, authors, editors, language (doc.language, else "id") and
  // letter_case (of the text as the source wrote it). When that is lower
  // case or all caps and options.restore_case, the paragraphs (and a title
  // written the same way) are truecased.
  // The container's metadata (doc.title, doc.date, doc.outlet, doc.url,
  // doc.authors, doc.editors) wins over metadata lifted from the text; lifted values fill
  // the gaps. A container title repeated as the first line is removed.
  // Does not set Article::id (the pipeline does).
  //
  // Fails with kCorrupt, "<locator>: no article text after cleaning (N lines
  // removed)", when nothing of the text remains; with kTooLarge,
  // "<locator>: article text too long to analyse: N bytes after cleaning
  // (limit M)", over options.max_text_bytes.
  //
  // Thread-safe: const, and keeps no mutable state between calls.
  StatusOr<Article> Clean(const RawDocument& doc) const;

  struct Rules;  // compiled rules (internal)

 private:
  explicit Cleaner(CleanOptions options, std::unique_ptr<const Rules> rules);
  CleanOptions options_;
  std::unique_ptr<const Rules> rules_;
};

}  // namespace warta::clean
