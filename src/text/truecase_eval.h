// Scoring a truecaser: how many words of a cased text it gives back exactly
// as written after the text was lower-cased or upper-cased
// (`warta train-truecase` on its held-out articles, tests).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "text/truecase.h"

namespace warta::text {

struct TruecaseScores {
  int64_t words = 0;          // ASCII words scored
  int64_t right = 0;          // restored exactly as written
  int64_t capitalised = 0;    // written with a capital
  int64_t capitals_right = 0; // ...and restored exactly
  int64_t restored_capitalised = 0;        // restored with a capital
  int64_t restored_capitalised_right = 0;  // ...and exactly as written

  double Accuracy() const { return words ? static_cast<double>(right) / static_cast<double>(words) : 0; }
  // Of the words written with a capital, the share given back exactly.
  double CapitalRecall() const {
    return capitalised ? static_cast<double>(capitals_right) / static_cast<double>(capitalised) : 0;
  }
  // Of the words given a capital, the share written so.
  double CapitalPrecision() const {
    return restored_capitalised ? static_cast<double>(restored_capitalised_right) /
                                      static_cast<double>(restored_capitalised)
                                : 0;
  }
  std::string Report() const;  // one line: accuracy, capital precision / recall, counts
};

// Lower-cases (`as` kLower) or upper-cases (kUpper) `cased`, restores it with
// `truecaser` and adds each ASCII word's outcome to `*scores`. Text that is
// not itself cased (DetectLetterCase with 20 letters) is not scored.
void ScoreTruecase(const Truecaser& truecaser, std::string_view cased, LetterCase as, TruecaseScores* scores);

}  // namespace warta::text
