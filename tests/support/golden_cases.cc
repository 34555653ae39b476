#include "golden_cases.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/vocabulary.h"
#include "hand_annotations.h"
#include "test_support.h"

namespace warta::testing {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExpect = "=>";
constexpr std::string_view kNone = "(none)";

// The file as messages name it: relative to the repository when inside it.
std::string Shown(const fs::path& file) {
  std::error_code ec;
  fs::path rel = fs::relative(file, SourceDir(), ec);
  if (ec || rel.empty() || *rel.begin() == "..") return file.string();
  return rel.string();
}

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }
bool IsComment(std::string_view line) { return !line.empty() && line[0] == '#'; }
bool IsExpectation(std::string_view line) {
  return line.substr(0, kExpect.size()) == kExpect && (line.size() == kExpect.size() || line[kExpect.size()] == ' ');
}

// A case as parsed, with where its lines sit so an update can rewrite them.
struct ParsedCase {
  GoldenCase c;
  size_t last_input = 0;  // index of the last line that is not "=>"
};

std::vector<ParsedCase> Parse(const fs::path& file, const std::vector<std::string>& lines) {
  std::vector<ParsedCase> cases;
  bool open = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const int number = static_cast<int>(i) + 1;
    if (IsBlank(line)) {
      open = false;
      continue;
    }
    if (!open) {
      cases.emplace_back();
      cases.back().c.file = file;
      cases.back().c.line = number;
      cases.back().last_input = i;
      open = true;
    }
    ParsedCase& p = cases.back();
    if (IsComment(line)) {
      if (!p.c.has_expectation) p.last_input = i;
      continue;
    }
    if (IsExpectation(line)) {
      std::string value = line.size() > kExpect.size() ? line.substr(kExpect.size() + 1) : "";
      p.c.has_expectation = true;
      if (value != kNone) p.c.expected.push_back(std::move(value));
      continue;
    }
    if (p.c.has_expectation)
      ADD_FAILURE_AT(Shown(file).c_str(), number) << "a directive after the \"=>\" lines of its case: " << line;
    p.last_input = i;
    const size_t space = line.find(' ');
    GoldenInput in{line.substr(0, space), space == std::string::npos ? "" : line.substr(space + 1), number};
    if (in.key == "case") p.c.name = in.value;
    p.c.inputs.push_back(std::move(in));
  }
  // A block of comments alone is no case.
  std::erase_if(cases, [](const ParsedCase& p) { return p.c.inputs.empty() && !p.c.has_expectation; });
  return cases;
}

std::string Listed(const std::vector<std::string>& lines) {
  if (lines.empty()) return "    => (none)\n";
  std::string out;
  for (const std::string& l : lines) out += "    => " + l + "\n";
  return out;
}

}  // namespace

std::string GoldenCase::Where() const {
  std::string out = Shown(file) + ":" + std::to_string(line);
  if (!name.empty()) out += " (case " + name + ")";
  return out;
}

std::string GoldenCase::Value(std::string_view key) const {
  for (const GoldenInput& in : inputs)
    if (in.key == key) return in.value;
  return "";
}

std::vector<std::string> SplitFields(std::string_view value) {
  std::vector<std::string> out;
  constexpr std::string_view kSep = " | ";
  for (size_t at = 0;;) {
    const size_t next = value.find(kSep, at);
    out.emplace_back(value.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) break;
    at = next + kSep.size();
  }
  return out;
}

Article ArticleOf(const GoldenCase& c) {
  Article a;
  // Text first: the other directives find their words in it.
  for (const GoldenInput& in : c.inputs)
    if (in.key == "text") a.paragraphs.push_back(in.value);
  const std::string text = a.Text();
  const std::string shown = Shown(c.file);
  for (const GoldenInput& in : c.inputs) {
    const std::vector<std::string> f = SplitFields(in.value);
    if (in.key == "text" || in.key == "case") {
      continue;
    } else if (in.key == "published") {
      a.published = DateTime::ParseIso(in.value);
      if (!a.published) ADD_FAILURE_AT(shown.c_str(), in.line) << "not an ISO 8601 date: " << in.value;
    } else if (in.key == "mention" && f.size() >= 2 && f.size() <= 4) {
      const std::string& canonical = f.size() >= 3 ? f[2] : f[0];
      std::vector<Span> spans = SpansOf(text, f[0]);
      if (f.size() == 4) {
        const int nth = std::atoi(f[3].c_str());
        if (nth < 1 || static_cast<size_t>(nth) > spans.size()) {
          ADD_FAILURE_AT(shown.c_str(), in.line)
              << "\"" << f[0] << "\" occurs " << spans.size() << " times, not " << f[3];
          continue;
        }
        spans = {spans[nth - 1]};
      }
      if (spans.empty()) ADD_FAILURE_AT(shown.c_str(), in.line) << "\"" << f[0] << "\" is not in the text";
      for (const Span& s : spans) AddMention(&a, s, f[0], f[1], canonical);
    } else if (in.key == "role" && f.size() == 3) {
      bool found = false;
      for (EntityMention& m : a.entities)
        if (m.text == f[0]) m.role = f[1], m.role_of = f[2], found = true;
      if (!found) ADD_FAILURE_AT(shown.c_str(), in.line) << "no mention written \"" << f[0] << "\" before this line";
    } else if (in.key == "timex" && f.size() == 3) {
      std::vector<Span> spans = SpansOf(text, f[0]);
      if (spans.empty()) {
        ADD_FAILURE_AT(shown.c_str(), in.line) << "\"" << f[0] << "\" is not in the text";
        continue;
      }
      TimeExpression t;
      t.span = spans[0];
      t.text = f[0];
      if (auto type = ParseName<TimexType>(f[1])) {
        t.type = *type;
      } else {
        ADD_FAILURE_AT(shown.c_str(), in.line) << ParseVocabulary<TimexType>(f[1]).status().message();
        continue;
      }
      t.value = f[2];
      a.timexes.push_back(std::move(t));
      std::stable_sort(a.timexes.begin(), a.timexes.end(),
                       [](const TimeExpression& x, const TimeExpression& y) { return x.span.begin < y.span.begin; });
    } else if (in.key == "quote" && !in.value.empty()) {
      std::vector<Span> spans = SpansOf(text, in.value);
      if (spans.empty()) {
        ADD_FAILURE_AT(shown.c_str(), in.line) << "\"" << in.value << "\" is not in the text";
        continue;
      }
      Quote q;
      q.span = spans[0];
      q.text = in.value;
      a.quotes.push_back(std::move(q));
    } else {
      ADD_FAILURE_AT(shown.c_str(), in.line) << "unknown or malformed directive: " << in.key << " " << in.value;
    }
  }
  return a;
}

GoldenMode GoldenModeFromEnv() {
  const char* v = std::getenv("WARTA_GOLDEN_UPDATE");
  return v != nullptr && *v != '\0' && std::string_view(v) != "0" ? GoldenMode::kUpdate : GoldenMode::kCompare;
}

int RunGoldenFile(const fs::path& file, const GoldenRun& run, GoldenMode mode) {
  const std::string shown = Shown(file);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read the golden file " << shown;
    return 0;
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  std::vector<ParsedCase> cases = Parse(file, lines);
  if (cases.empty()) ADD_FAILURE_AT(shown.c_str(), 1) << "no case in the golden file";

  std::vector<std::vector<std::string>> outputs;
  for (const ParsedCase& p : cases) {
    const GoldenCase& c = p.c;
    ::testing::ScopedTrace trace(shown.c_str(), c.line, c.name.empty() ? "this case" : "case " + c.name);
    outputs.push_back(run(c));
    if (mode == GoldenMode::kUpdate) continue;
    if (!c.has_expectation) {
      ADD_FAILURE_AT(shown.c_str(), c.line) << c.Where() << ": no \"=>\" line; WARTA_GOLDEN_UPDATE=1 writes them.\n"
                                            << "  output:\n"
                                            << Listed(outputs.back());
    } else if (outputs.back() != c.expected) {
      ADD_FAILURE_AT(shown.c_str(), c.line) << c.Where() << ": the output differs from the expectation"
                                            << " (WARTA_GOLDEN_UPDATE=1 rewrites it, for review in the diff)\n"
                                            << "  expected:\n"
                                            << Listed(c.expected) << "  got:\n"
                                            << Listed(outputs.back());
    }
  }
  if (mode == GoldenMode::kUpdate) {
    std::ostringstream out;
    size_t next = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      // Every "=>" line belongs to a case: its new ones replace them.
      if (!IsExpectation(lines[i])) out << lines[i] << "\n";
      if (next < cases.size() && i == cases[next].last_input) {
        for (const std::string& l : outputs[next]) out << kExpect << " " << l << "\n";
        if (outputs[next].empty()) out << kExpect << " " << kNone << "\n";
        ++next;
      }
    }
    WriteFile(file, out.str());
    std::cout << "[golden] rewrote " << shown << " (" << cases.size() << " cases)\n";
  }
  return static_cast<int>(cases.size());
}

}  // namespace warta::testing
