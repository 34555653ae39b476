// A fixture for scripts/check-lexicon: the three word lists written as code
// below must be found (check_lexicon_finds_chains expects the script to fail
// on this root naming exactly three), and nothing else.
// l == "tidak" || l == "tak" || l == "belum" in a comment is no chain.
#include <string_view>
#include <unordered_map>

namespace {
struct Part {
  const char* code = nullptr;
};
bool Is(int k, std::string_view w);

bool Negated(std::string_view l) {
  return l == "tidak" || l == "tak" || l == "belum";  // found: one list as comparisons
}
bool Clock(int k) {
  return Is(k, "pukul") || Is(k, "jam") || Is(k, "pkl");  // found: one list as calls
}
void Parts(std::unordered_map<std::string_view, Part>* m) {
  (*m)["pagi"].code = "MO";  // found: one list as keyed statements
  (*m)["siang"].code = "MI";
  (*m)["malam"].code = "NI";
}
bool NotLists(std::string_view l, std::string_view r, int k) {
  return (l == "dan" || l == "serta") &&                           // two words: a rule about them
         (l == "yang" || r == "oleh" || l == "kepada") &&          // not one expression
         (Is(k, "di") || Is(k + 1, "ke") || Is(k + 2, "dari")) &&  // not one call
         (l == "." || l == "!" || l == "?") &&                     // punctuation, no words
         (l == "ini" || l != "itu" || l == "tersebut");            // not one operator
}
}  // namespace
