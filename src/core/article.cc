#include "core/article.h"

#include <algorithm>

#include <xxhash.h>

#include <cstdio>

namespace warta {

std::string Article::Text() const {
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.size() + 1;
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) out += '\n';
    out += paragraphs[i];
  }
  return out;
}

std::string RawDocument::Locator() const {
  if (line > 0) return source + ":" + std::to_string(line);
  return source;
}

std::string ArticleIdOf(std::string_view normalised_text) {
  XXH64_hash_t h = XXH3_64bits(normalised_text.data(), normalised_text.size());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<const EntityMention*> MentionsOverlapping(const std::vector<EntityMention>& mentions, int32_t b, int32_t e) {
  std::vector<const EntityMention*> out;
  auto it = std::lower_bound(mentions.begin(), mentions.end(), e,
                             [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
  for (auto j = it; j != mentions.begin();) {
    --j;
    if (j->span.end <= b) {
      if (it - j > 8) break;
      continue;
    }
    out.push_back(&*j);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string SpanText(std::string_view text, Span span) {
  std::string out;
  int32_t cp = -1;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++cp;
    if (cp >= span.end) break;
    if (cp >= span.begin) out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace warta
