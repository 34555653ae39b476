// The unlabelled resources the NER model's features use: word clusters
// learned from raw news text and a country-name gazetteer in Indonesian.
//
// Word clusters: each frequent word is described by the words seen right
// before and after it in running text (square-rooted counts, L2-normalised),
// and spherical k-means groups the descriptions at two granularities. Words
// that share a cluster fill the same slots ("Jakarta", "Surabaya"; "Menteri",
// "Gubernur"), which lets the tagger generalise beyond its small labelled
// corpora. Deterministic: same input, same clusters.
//
// Gazetteer: country names from Debian's iso-codes (ISO 3166-1 JSON) with
// their Indonesian translations read from the package's gettext catalogue
// (a small .mo parser, no libintl locale needed).
//
// Thread-safe: free functions without shared state.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "entities/ner_model.h"

namespace warta::entities {

struct ClusterOptions {
  size_t vocabulary = 20000;   // most frequent words clustered
  size_t contexts = 1000;      // most frequent words used as context
  int min_count = 5;
  int coarse = 32, fine = 256, finest = 1024;  // cluster counts
  int iterations = 12;
  // Words outside the clustered vocabulary still get a capitalisation
  // profile and a frequency when seen this often (up to `profiled` words).
  int profile_min_count = 2;
  size_t profiled = 60000;
};

// Sentences of tokens from IndoSum-style JSONL files (`paragraphs`: lists of
// sentences of tokens; `text` strings are tokenised by Warta's tokenizer),
// lowercased unless `lowercase` is false. `paths` are files or directories
// (every *.jsonl inside). Errors name the file and line.
StatusOr<std::vector<std::vector<std::string>>> ReadCorpusSentences(const std::vector<std::string>& paths,
                                                                    bool lowercase = true);

// Clusters and word profiles from running text as written (cased: the
// capitalisation profile counts, inside sentences, how often each word is
// written with a capital; lowercased input gives every word the profile of
// a common noun). Cost: a few seconds per million tokens.
WordClusters LearnClusters(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& options);

// "word<TAB>coarse<TAB>fine<TAB>finest<TAB>caps<TAB>freq" lines (65535 =
// not clustered). Read errors name the file and line.
Status WriteClusters(const WordClusters& clusters, const std::string& path);
StatusOr<WordClusters> ReadClusters(const std::string& path);

// Indonesian (and English) country names from iso-codes, one name a string
// with tokens separated by single spaces. Errors name the file.
StatusOr<std::vector<std::string>> LoadCountryGazetteer(
    const std::string& json_path = "/usr/share/iso-codes/json/iso_3166-1.json",
    const std::string& mo_path = "/usr/share/locale/id/LC_MESSAGES/iso_3166-1.mo");

// Parses a GNU gettext .mo catalogue into msgid -> msgstr pairs (the first
// plural form). Errors: kCorrupt naming `name`.
StatusOr<std::vector<std::pair<std::string, std::string>>> ParseMo(std::string_view bytes, const std::string& name);

}  // namespace warta::entities
