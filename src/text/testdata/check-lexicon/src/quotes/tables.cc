// A fixture for scripts/check-lexicon: every table below must be found
// (check_lexicon_finds_tables expects the script to fail on this root).
// "kata", "ujar", "ucap" in a comment is no table.
#include <string_view>
#include <unordered_set>

namespace {
const std::unordered_set<std::string_view> kSpeechVerbs = {"kata", "ujar", "ucap"};
bool Loop(std::string_view w) {
  for (const char* v : {"akan", "bakal", "besok"})
    if (w == v) return true;
  return w == "pada" || w == "saat" || w == "ketika";  // comparisons: no table
}
int Case(int frame, std::string_view w) {
  switch (frame) {
    case 1: {  // a case block holding comparisons: no table
      return w == "dengan" || w == "kepada" || w == "terhadap";
    }
    default:
      return 0;
  }
}
}  // namespace
