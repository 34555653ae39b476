#include "text/truecase_eval.h"

#include <cstdio>
#include <vector>

#include "text/case.h"
#include "text/tokenizer.h"

namespace warta::text {

namespace {

bool TcEvalIsAsciiWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
  return letter;
}

bool TcEvalHasCapital(std::string_view w) {
  for (char c : w)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

}  // namespace

std::string TruecaseScores::Report() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "words %lld  accuracy %.2f%%  capitals: precision %.2f%% recall %.2f%% (%lld written, %lld restored)",
                static_cast<long long>(words), 100 * Accuracy(), 100 * CapitalPrecision(), 100 * CapitalRecall(),
                static_cast<long long>(capitalised), static_cast<long long>(restored_capitalised));
  return buf;
}

void ScoreTruecase(const Truecaser& truecaser, std::string_view cased, LetterCase as, TruecaseScores* scores) {
  if (DetectLetterCase(cased, 20) != LetterCase::kMixed) return;
  std::string restored = as == LetterCase::kUpper ? Uppercase(cased) : Lowercase(cased);
  // Only ASCII words are scored: their byte offsets are the same in both.
  if (restored.size() != cased.size()) return;
  truecaser.Restore(&restored, as);
  static const Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize(cased, &tokens);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    std::string_view gold = TokenText(cased, t), got = TokenText(restored, t);
    if (!TcEvalIsAsciiWord(gold)) continue;
    ++scores->words;
    const bool right = gold == got;
    scores->right += right;
    if (TcEvalHasCapital(gold)) {
      ++scores->capitalised;
      scores->capitals_right += right;
    }
    if (TcEvalHasCapital(got)) {
      ++scores->restored_capitalised;
      scores->restored_capitalised_right += right;
    }
  }
}

}  // namespace warta::text
