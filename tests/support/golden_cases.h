// Golden cases for the analysers, kept as data: one runner reads a file of
// cases (an article in, the expected annotations out), runs each through a
// stage's function and fails, naming the file and line, when the output
// differs. WARTA_GOLDEN_UPDATE=1 rewrites the expected lines from the
// current output instead, for review in the diff (as src/clean/golden_test.cc
// does for the cleaner).
//
// File format (src/<stage>/testdata/*.golden), UTF-8, one directive a line:
//
//   # a comment; kept as it is when the file is rewritten
//   case NAME                          optional; names the case in messages
//   published 2024-11-19               the publication date (ISO 8601)
//   text PARAGRAPH                     one per paragraph, verbatim to the line end
//   mention NAME | TYPE [| CANONICAL [| N]]
//                                      NAME as an entity mention (id "<first
//                                      letter of TYPE>:<CANONICAL>", CANONICAL
//                                      defaults to NAME) at its Nth occurrence
//                                      (1-based), or at every one without N
//   role NAME | ROLE | ROLE_OF         the title the entity stage found for the
//                                      mentions written NAME
//   timex EXPRESSION | TYPE | VALUE    a time expression at its first occurrence
//   quote WORDS                        a direct quote at their first occurrence
//   => ANNOTATION                      the expected output, one line each, in
//                                      order; "=> (none)" when there is none
//
// Cases are separated by blank lines; the "=>" lines come last in a case.
// Hand-made mentions, time expressions and quotes keep a case independent
// of the NER model and of the other analysers.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace warta::testing {

// One input directive of a case: "mention" and "Joko | PERSON" at `line`.
struct GoldenInput {
  std::string key;
  std::string value;
  int line = 0;
};

struct GoldenCase {
  std::filesystem::path file;
  int line = 0;                     // 1-based line of the case's first directive
  std::string name;                 // from "case", else ""
  std::vector<GoldenInput> inputs;  // every directive but "=>", in order
  std::vector<std::string> expected;
  bool has_expectation = false;  // any "=>" line, "(none)" included

  // "src/quotes/testdata/quotes.golden:12 (case NAME)", for messages.
  std::string Where() const;
  // The value of the first directive `key`, else "".
  std::string Value(std::string_view key) const;
};

// The article a case describes (text, published, mention, role, timex,
// quote). An unknown directive, a malformed one or a name absent from the
// text is a test failure at the directive's line.
Article ArticleOf(const GoldenCase& c);

// Splits "a | b | c" at " | ".
std::vector<std::string> SplitFields(std::string_view value);

enum class GoldenMode { kCompare, kUpdate };
// kUpdate when WARTA_GOLDEN_UPDATE is set in the environment.
GoldenMode GoldenModeFromEnv();

// The output of a case as lines in the file's "=>" notation (without "=> ").
using GoldenRun = std::function<std::vector<std::string>(const GoldenCase&)>;

// Runs every case of `file` through `run`. kCompare adds a failure, at the
// case's file and line, for every case whose output differs from its "=>"
// lines or that has none; kUpdate rewrites the "=>" lines of every case from
// the output, leaving every other line as it was. An unreadable file or one
// without cases is a failure too. Returns the number of cases.
int RunGoldenFile(const std::filesystem::path& file, const GoldenRun& run, GoldenMode mode = GoldenModeFromEnv());

}  // namespace warta::testing
