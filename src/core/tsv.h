// Tab-separated lines, as the gold sets and the evaluators write them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta {

// The fields of one line, split at every tab and kept as written (empty
// fields too: "a\t\tb" has three), so a column's position is its meaning.
inline std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace warta
