// Indonesian stop words (data/stopwords.txt, embedded at build time).
//
// The index keeps stop words as positional words but gives them no stem
// terms (Xapian's STOP_STEMMED practice), and the query parser drops them
// from queries outside phrases. Thread-safe: built once on first use.
#pragma once

#include <string_view>
#include <vector>

namespace warta::text {

// True when `lowercase_word` is on the list.
bool IsStopword(std::string_view lowercase_word);

// The whole list, for handing to Xapian's query parser.
const std::vector<std::string_view>& Stopwords();

}  // namespace warta::text
