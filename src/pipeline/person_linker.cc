#include "pipeline/person_linker.h"

#include <algorithm>
#include <unordered_set>

#include "entities/entity_analyzer.h"

namespace warta::pipeline {

PersonLinker::PersonLinker(PersonLinkOptions options) : options_(options) {}

void PersonLinker::Add(const std::string& entity_id, const std::string& canonical, int64_t articles) {
  auto [it, fresh] = people_.try_emplace(entity_id);
  Person& p = it->second;
  p.articles += articles;
  if (!fresh) return;
  p.canonical = canonical;
  std::vector<std::string> words = entities::EntityKeyWords(entities::NormaliseEntityKey(canonical));
  if (words.size() < 2) return;
  for (const std::string& w : {words.front(), words.back()}) {
    auto& ids = by_word_[w];
    if (std::find(ids.begin(), ids.end(), entity_id) == ids.end()) ids.push_back(entity_id);
  }
}

Status PersonLinker::Load(store::ArticleStore& store) {
  // Learn() again on every stored article, in store order, from its person
  // mentions: the first article to name a person sets the canonical name it
  // is linked under, so only the writer's own order rebuilds its state.
  Article article;
  int64_t current = 0;
  WARTA_RETURN_IF_ERROR(store.ScanPersonMentions([&](int64_t seq, std::string_view id, std::string_view canonical) {
    if (seq != current) {
      Learn(article);
      article.entities.clear();
      current = seq;
    }
    EntityMention m;
    m.type = EntityType::kPerson;
    m.entity_id = std::string(id);
    m.canonical = std::string(canonical);
    article.entities.push_back(std::move(m));
  }));
  Learn(article);
  return Status::Ok();
}

std::vector<std::string> PersonLinker::Link(Article* article) const {
  // The stored person each one-word person of the article is ("" = none),
  // decided once per entity of the article.
  std::unordered_map<std::string, std::string> choice;
  for (const EntityMention& m : article->entities) {
    if (m.type != EntityType::kPerson || choice.count(m.entity_id)) continue;
    std::string& best_id = choice[m.entity_id];
    std::vector<std::string> words = entities::EntityKeyWords(entities::NormaliseEntityKey(m.canonical));
    if (words.size() != 1 || words[0].size() < options_.min_word_length) continue;
    auto it = by_word_.find(words[0]);
    if (it == by_word_.end()) continue;
    int64_t best = -1, second = 0;
    for (const std::string& id : it->second) {
      const int64_t n = people_.at(id).articles;
      if (n > best) {
        second = std::max<int64_t>(second, best);
        best = n;
        best_id = id;
      } else {
        second = std::max(second, n);
      }
    }
    const bool clear = it->second.size() == 1 ||
                       (best >= options_.min_articles &&
                        static_cast<double>(best) >= options_.dominance * static_cast<double>(second));
    if (!clear) best_id.clear();
  }
  std::vector<std::string> linked;
  for (EntityMention& m : article->entities) {
    if (m.type != EntityType::kPerson) continue;
    auto it = choice.find(m.entity_id);
    if (it == choice.end() || it->second.empty()) continue;
    const std::string& id = it->second;
    if (std::find(linked.begin(), linked.end(), id) == linked.end()) linked.push_back(id);
    m.canonical = people_.at(id).canonical;
    m.entity_id = id;
  }
  return linked;
}

void PersonLinker::Learn(const Article& article) {
  std::unordered_set<std::string> seen;
  for (const EntityMention& m : article.entities) {
    if (m.type != EntityType::kPerson || m.entity_id.empty() || !seen.insert(m.entity_id).second) continue;
    if (m.canonical.find(' ') == std::string::npos) continue;
    Add(m.entity_id, m.canonical, 1);
  }
}

}  // namespace warta::pipeline
