#include "text/abbreviations.h"

#include <string>
#include <unordered_map>

#include "core/ascii.h"

namespace warta::text {

namespace internal {
// Defined in the source CMake generates from data/abbreviations.txt.
extern const std::string_view kAbbreviationsData;
}  // namespace internal

namespace {



struct Table {
  // Keys are ASCII-lowercased; lookups lowercase into a small stack buffer.
  std::unordered_map<std::string, AbbreviationKind> kinds;
  size_t max_bytes = 0;
};



Table Parse(std::string_view data) {
  Table t;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = TrimAsciiBlanks(line);
    if (line.empty()) continue;
    AbbreviationKind kind = AbbreviationKind::kInner;
    if (size_t tab = line.find('\t'); tab != std::string_view::npos) {
      if (TrimAsciiBlanks(line.substr(tab + 1)) == "end") kind = AbbreviationKind::kMayEndSentence;
      line = TrimAsciiBlanks(line.substr(0, tab));
    }
    t.kinds[AsciiLower(line)] = kind;
    if (line.size() > t.max_bytes) t.max_bytes = line.size();
  }
  return t;
}

const Table& GetTable() {
  static const Table table = Parse(internal::kAbbreviationsData);
  return table;
}

}  // namespace

AbbreviationKind LookupAbbreviation(std::string_view with_period) {
  const Table& t = GetTable();
  if (with_period.empty() || with_period.size() > t.max_bytes) return AbbreviationKind::kNone;
  char buf[64];
  if (with_period.size() > sizeof(buf)) return AbbreviationKind::kNone;
  for (size_t i = 0; i < with_period.size(); ++i) {
    char c = with_period[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  // A std::string key costs one small (SSO) copy; the list is looked up only
  // at a period that ends a short word, so this is off the hot path.
  auto it = t.kinds.find(std::string(buf, with_period.size()));
  return it == t.kinds.end() ? AbbreviationKind::kNone : it->second;
}

size_t MaxAbbreviationBytes() { return GetTable().max_bytes; }

}  // namespace warta::text
