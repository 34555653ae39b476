#include "hand_annotations.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "core/vocabulary.h"

namespace warta::testing {

std::vector<Span> SpansOf(std::string_view text, std::string_view needle) {
  std::vector<Span> out;
  if (needle.empty()) return out;
  const int32_t length = static_cast<int32_t>(Utf8Length(needle));
  size_t counted = 0;
  int32_t cp = 0;
  for (size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) {
    cp += static_cast<int32_t>(Utf8Length(text.substr(counted, pos - counted)));
    counted = pos;
    out.push_back(Span{cp, cp + length});
  }
  return out;
}

void AddMention(Article* article, Span span, const std::string& name, const std::string& type,
                const std::string& canonical) {
  EntityMention m;
  m.span = span;
  m.text = name;
  if (auto t = ParseEntityType(type)) m.type = *t;
  else ADD_FAILURE() << "AddMention: " << ParseVocabulary<EntityType>(type).status().message();
  m.canonical = canonical;
  m.entity_id = type.substr(0, 1) + ":" + canonical;
  auto at = std::upper_bound(article->entities.begin(), article->entities.end(), m,
                             [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
  article->entities.insert(at, std::move(m));
}

}  // namespace warta::testing
