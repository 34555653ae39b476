#include "dedupe/words.h"

#include <xxhash.h>

#include "text/normalise.h"

namespace warta::dedupe {

void NormaliseWords(std::string_view utf8, std::string* out) { *out = text::NormaliseForId(utf8); }

void HashWords(std::string_view normalised, std::vector<uint64_t>* out) {
  size_t start = 0;
  while (start < normalised.size()) {
    size_t end = normalised.find(' ', start);
    if (end == std::string_view::npos) end = normalised.size();
    if (end > start) out->push_back(XXH3_64bits(normalised.data() + start, end - start));
    start = end + 1;
  }
}

void SplitWords(std::string_view normalised, std::vector<std::string_view>* out) {
  size_t start = 0;
  while (start < normalised.size()) {
    size_t end = normalised.find(' ', start);
    if (end == std::string_view::npos) end = normalised.size();
    if (end > start) out->push_back(normalised.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace warta::dedupe
