// Extraction quality scoring, shared by bench/extract/extract_quality and the
// shared-labelled regression test.
//
// Zyte's article-extraction benchmark method (see ../shared/README.md):
// tokens are the \w+ matches (Python's Unicode \w: letters, digits, other
// numbers, underscore), a text is the multiset of its 4-token shingles (one
// shingle when it has fewer than 4 tokens), per-document precision and recall
// are averaged over the documents, and F1 is the harmonic mean of the two
// averages.
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "html/extractor.h"

namespace warta::html::quality {

// The \w+ tokens of `text` (case kept unless `lower`).
std::vector<std::string> WordTokens(std::string_view text, bool lower = false);

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
};
ShingleCounts Shingles(std::string_view extracted, std::string_view gold);

// Bag-of-words (lower-cased \w+ tokens, with multiplicity) F1 of one text.
double WordF1(std::string_view extracted, std::string_view gold);

// The page's text as the benchmark compares it: blocks joined by '\n'.
std::string PageText(const ExtractedPage& page);

struct ZytePage {
  std::string id, url;
  double precision = 0, recall = 0;
};
struct ZyteScore {
  std::vector<ZytePage> pages;
  int documents = 0;
  int failures = 0;          // pages Extract() refused (scored as empty)
  double precision = 0, recall = 0, f1 = 0;
};
// Scores Extract() on zyte/html/<id>.html.gz against zyte/ground-truth.json.
StatusOr<ZyteScore> ScoreZyte(const std::filesystem::path& zyte_dir);

struct IdNewsPage {
  std::string id;
  double word_f1 = 0;
  bool title_ok = false, date_ok = false;
  std::string title, gold_title, date, gold_date;
};
struct IdNewsScore {
  int documents = 0;
  double word_f1 = 0;  // mean
  int titles_ok = 0, dates_ok = 0;
  std::vector<IdNewsPage> pages;
};
// Scores the article pages of id-news (anpandu/*.html, fundus/*.html; the
// listing pages are not articles).
StatusOr<IdNewsScore> ScoreIdNews(const std::filesystem::path& id_news_dir);

struct FieldScore {
  int expected = 0;      // pages where the field is set
  int correct = 0;       // of those, extracted right
  int spurious = 0;      // pages where it is null but something was extracted
};
struct ReadabilityScore {
  int documents = 0;
  FieldScore title, byline, published, site_name;
};
// Metadata accuracy on readability-pages/<name>/{source.html,expected-metadata.json}.
StatusOr<ReadabilityScore> ScoreReadabilityPages(const std::filesystem::path& dir);

// Reads a file, gunzipping when it starts with the gzip magic.
StatusOr<std::string> ReadMaybeGzip(const std::filesystem::path& path);

}  // namespace warta::html::quality
