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
  return store.ScanPersonNames([&](std::string_view id, std::string_view name, int64_t articles) {
    Add(std::string(id), std::string(name), articles);
  });
}

std::vector<std::string> PersonLinker::Link(Article* article) const {
  std::vector<std::string> linked;
  // The people this article names by one word only (in its own resolution:
  // the canonical name is the one word).
  std::unordered_map<std::string, const Person*> choice;  // entity id in the article -> stored person
  std::unordered_map<std::string, std::string> choice_id;
  for (const EntityMention& m : article->entities) {
    if (m.type != "PERSON" || choice.count(m.entity_id)) continue;
    std::vector<std::string> words = entities::EntityKeyWords(entities::NormaliseEntityKey(m.canonical));
    const Person* best = nullptr;
    std::string best_id;
    if (words.size() == 1 && words[0].size() >= options_.min_word_length) {
      if (auto it = by_word_.find(words[0]); it != by_word_.end()) {
        int64_t second = 0;
        for (const std::string& id : it->second) {
          const Person& p = people_.at(id);
          if (best == nullptr || p.articles > best->articles) {
            if (best != nullptr) second = std::max(second, best->articles);
            best = &p;
            best_id = id;
          } else {
            second = std::max(second, p.articles);
          }
        }
        const bool only = it->second.size() == 1;
        if (!only && (best->articles < options_.min_articles ||
                      static_cast<double>(best->articles) < options_.dominance * static_cast<double>(second)))
          best = nullptr;
      }
    }
    choice[m.entity_id] = best;
    if (best != nullptr) choice_id[m.entity_id] = best_id;
  }
  for (EntityMention& m : article->entities) {
    if (m.type != "PERSON") continue;
    auto it = choice.find(m.entity_id);
    if (it == choice.end() || it->second == nullptr) continue;
    const std::string& id = choice_id[m.entity_id];
    if (std::find(linked.begin(), linked.end(), id) == linked.end()) linked.push_back(id);
    m.canonical = it->second->canonical;
    m.entity_id = id;
  }
  return linked;
}

void PersonLinker::Learn(const Article& article) {
  std::unordered_set<std::string> seen;
  for (const EntityMention& m : article.entities) {
    if (m.type != "PERSON" || m.entity_id.empty() || !seen.insert(m.entity_id).second) continue;
    if (m.canonical.find(' ') == std::string::npos) continue;
    Add(m.entity_id, m.canonical, 1);
  }
}

}  // namespace warta::pipeline
