#include "text/stopwords.h"

#include <algorithm>

namespace warta::text {

namespace internal {
extern const std::string_view kStopwordsData;
}  // namespace internal

const std::vector<std::string_view>& Stopwords() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    std::string_view data = internal::kStopwordsData;
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return words;
}

bool IsStopword(std::string_view lowercase_word) {
  const auto& words = Stopwords();
  return std::binary_search(words.begin(), words.end(), lowercase_word);
}

}  // namespace warta::text
