// Internal to the clean stage: loading the rule files, and matching ICU
// regexes against UTF-8 lines (positions in and out are byte offsets).
#pragma once

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clean/strings.h"
#include "core/status.h"

namespace warta::clean::internal {

// (file name, bytes) of every rule file compiled into the binary
// (generated from src/clean/rules/ by cmake/EmbedFiles.cmake).
const std::vector<std::pair<std::string_view, std::string_view>>& BuiltinRuleFiles();

// One meaningful line of a rule file: its 1-based line number and its
// tab-separated fields (trailing '\r' and surrounding spaces removed).
struct RuleLine {
  int line = 0;
  std::vector<std::string> fields;
};

struct RuleFile {
  std::string origin;  // "/dir/debris.tsv" or "<built-in>/debris.tsv", for messages
  std::vector<RuleLine> lines;
};

// The rule files: the built-in ones, each replaced by the file of the same
// name in `rules_dir` when that directory has one.
class RuleFiles {
 public:
  static StatusOr<RuleFiles> Load(const std::string& rules_dir);
  // The named file; an empty one when the name is unknown.
  const RuleFile& Get(std::string_view name) const;

 private:
  std::unordered_map<std::string, RuleFile> files_;
  RuleFile empty_;
};

// Parses rule text: skips blank lines and lines starting with '#'.
RuleFile ParseRuleText(std::string origin, std::string_view text);

// Several regexes compiled into one case-insensitive alternation, so a line
// costs one match attempt; which alternative matched is recovered from its
// capture group. Immutable after Compile, so shareable across threads.
class RegexAlternation {
 public:
  enum class Anchor { kWhole, kLineEnd };
  struct Source {
    std::string regex;
    std::string origin;  // "file:line", named in errors
  };
  // kLineEnd appends '$' (the match must end the searched range); kWhole
  // adds nothing. Fails naming the origin of the first bad regex.
  static StatusOr<std::unique_ptr<RegexAlternation>> Compile(const std::vector<Source>& sources,
                                                            Anchor anchor);
  bool empty() const { return group_of_.empty(); }
  size_t size() const { return group_of_.size(); }
  const icu::RegexPattern* pattern() const { return pattern_.get(); }
  // Capture group of alternative i in the combined pattern.
  int GroupOf(size_t i) const { return group_of_[i]; }
  Anchor anchor() const { return anchor_; }

 private:
  Anchor anchor_ = Anchor::kWhole;
  std::unique_ptr<icu::RegexPattern> pattern_;
  std::vector<int> group_of_;
};

// A matcher over one RegexAlternation and UTF-8 input; positions are byte
// offsets. Not thread-safe: make one per call (they are cheap) and reuse it
// for every line of that call.
class Utf8Matcher {
 public:
  explicit Utf8Matcher(const RegexAlternation* alternation) : alt_(alternation) {}
  Utf8Matcher(const Utf8Matcher&) = delete;
  Utf8Matcher& operator=(const Utf8Matcher&) = delete;

  // Sets the text the calls below search.
  bool SetText(std::string_view text);
  // The alternative matching all of text[begin, end) (kWhole; for kLineEnd
  // the match must end at `end`), or -1. Look-around sees past the bounds.
  int Matches(size_t begin = 0, size_t end = std::string_view::npos);
  // The alternative of the leftmost match inside text[begin, end), or -1.
  int Find(size_t begin = 0, size_t end = std::string_view::npos);
  // Bounds of the last match.
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }

 private:
  bool Region(size_t begin, size_t end);
  int Matched();
  int32_t ToUtf16(size_t byte) const;
  size_t ToByte(int32_t unit) const;

  const RegexAlternation* alt_;
  std::unique_ptr<icu::RegexMatcher> matcher_;
  // ICU's regex engine works on UTF-16: the line is converted once per
  // SetText and offsets mapped back (ASCII lines, the most, need no mapping).
  icu::UnicodeString text16_;
  std::string_view text_;
  bool ascii_ = true;
  size_t begin_ = 0;
  size_t end_ = 0;
};

// Whole-line rules tried in order, the first match winning. Page furniture
// is rare and ICU tries alternatives slowly, so a rule is tried only on lines
// no longer than its max_bytes whose first two characters it can start with.
// Compile finds those by probing each rule with every likely first character
// and then, for letters, every following letter (ICU's hitEnd() tells
// whether more text could still match). A body paragraph then meets few or
// no rules.
// Immutable after Compile, so shareable across threads.
class LineRuleSet {
 public:
  struct Rule {
    std::string regex;
    std::string origin;  // "file:line", named in errors
    std::string reason;
    size_t max_bytes = 0;
  };
  static StatusOr<std::unique_ptr<LineRuleSet>> Compile(std::vector<Rule> rules);

  size_t size() const { return rules_.size(); }
  const Rule& rule(size_t i) const { return rules_[i]; }
  const icu::RegexPattern& pattern(size_t i) const { return *patterns_[i]; }
  // Indices, in order, of the rules `line` may match by its start.
  const std::vector<uint16_t>& CandidatesFor(std::string_view line) const;

 private:
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns_;
  std::unordered_map<char32_t, std::vector<uint16_t>> by_first_;
  // (first character, following ASCII letter lower-cased) -> rules
  std::unordered_map<uint64_t, std::vector<uint16_t>> by_pair_;
  std::vector<uint16_t> all_;  // lines starting outside the probed characters
};

// Per-call matcher over a LineRuleSet; not thread-safe (see Utf8Matcher).
class LineRuleMatcher {
 public:
  explicit LineRuleMatcher(const LineRuleSet* set) : set_(set) {}
  // The first rule matching all of `line`, or nullptr.
  const LineRuleSet::Rule* Match(std::string_view line);

 private:
  const LineRuleSet* set_;
  icu::UnicodeString prefix16_;
  icu::UnicodeString text16_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
};

}  // namespace warta::clean::internal
