// What the stage evaluators (timex, quotes, claims) share about their gold
// sets under tests/data/: one file shape and one way of naming IndoSum text.
//
// A gold file is tab-separated, one annotation a line, '#' comments and
// blank lines ignored; the first field is the split ("tune" or "heldout").
// Rows that point into IndoSum name an article by file and id and a
// sentence by "paragraph.sentence"; the text itself is read from ../shared
// at run time, never copied into the repository.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/datetime.h"
#include "core/status.h"

namespace warta::ingest {

struct GoldLine {
  int line = 0;                     // 1-based
  std::string where;                // "path:line: ", to start an error message
  std::vector<std::string> fields;
};

// The data lines of a gold file. NotFound when it cannot be opened; Corrupt
// (naming file and line) for a split not in `splits` (a gold set that adds a
// later held-out batch names it, so a reader that knows only the first two
// cannot silently count it as tuning). Field counts are the caller's to check.
StatusOr<std::vector<GoldLine>> ReadGoldLines(const std::filesystem::path& path,
                                              const std::vector<std::string>& splits = {"tune", "heldout"});

// The same with the split names given by a rule rather than a list, for a
// gold set whose held-out batches are numbered ("heldout2", "heldout3", ...):
// `valid_split` accepts a name, and `expected` describes the accepted names
// in the Corrupt message ("split must be <expected>").
StatusOr<std::vector<GoldLine>> ReadGoldLines(const std::filesystem::path& path,
                                              const std::function<bool(std::string_view)>& valid_split,
                                              std::string_view expected);

// An IndoSum article's publication time: its id starts with the Unix time,
// taken as WIB (UTC+7) local time. nullopt when the id has no leading digits.
std::optional<DateTime> IndoSumPublished(std::string_view id);

// The IndoSum dev articles that gold rows name, each file read once.
// `wanted` maps a file ("dev.01.jsonl") to article ids or id prefixes (gold
// files may shorten the long ids); the result maps "file\tid", as asked, to
// the article. Articles not found are simply absent (the caller counts them
// as skipped), as is everything when `shared_dir` has no IndoSum.
std::map<std::string, nlohmann::json> LoadIndoSumArticles(const std::filesystem::path& shared_dir,
                                                          const std::map<std::string, std::vector<std::string>>& wanted);

// An IndoSum article as the evaluators analyse it: each paragraph's
// sentences detokenised and joined by one space.
struct IndoSumSentences {
  std::vector<std::string> paragraphs;
  // "p.s" -> byte range of that sentence in the paragraphs joined by '\n'.
  std::map<std::string, std::pair<size_t, size_t>> ranges;
};
IndoSumSentences DetokeniseSentences(const nlohmann::json& article);

}  // namespace warta::ingest
