// PersonLinker: one person across the store when an article names them by
// one word only.
//
// The entity analyser resolves names inside one article: "Belousov" after
// "Andrei Belousov" is the same person. An article that only ever writes
// "Belousov" (a short follow-up, a caption, a headline-style brief) would
// otherwise start an entity "Belousov" of its own, and "everything about
// Belousov" would miss it. The linker keeps, for the store, each person
// named in full somewhere with the number of articles that do so, indexed
// by given name and surname (the first and last word). A person an article
// names by one word is linked to the full name when that is the only
// person stored with that first or last word, or when one such person is
// named in at least `min_articles` articles and `dominance` times more
// often than the next ("Kim" -> Kim Jong Un, not Kim Yo Jong).
//
// Linking is forward only: an article stored before the full name was
// first seen keeps its one-word entity (stored ids never change under a
// reader). Runs in the single store writer, before the article is stored,
// so the store, the index and story clustering all see the linked id.
//
// Cost: memory ~100 bytes per stored person; Link and Learn are O(mentions).
// Not thread-safe: one writer.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/store.h"

namespace warta::pipeline {

struct PersonLinkOptions {
  size_t min_word_length = 3;  // shorter one-word names ("Li") are never linked
  int64_t min_articles = 3;    // for a choice among several people
  double dominance = 4.0;
};

class PersonLinker {
 public:
  explicit PersonLinker(PersonLinkOptions options = {});

  // The people stored so far, learned in store order
  // (store::ArticleStore::ScanPersonMentions): the same state as a writer
  // that learned every stored article, and only those, in one run.
  Status Load(store::ArticleStore& store);

  // Rewrites the entity id and canonical name of every mention of a person
  // `article` names by one word only, when the rule above picks a stored
  // person. Returns the entity ids it linked to (for the search index).
  std::vector<std::string> Link(Article* article) const;

  // Counts the people `article` names in full (once per article). The
  // writer calls it right after Link, before the batch is stored, so later
  // articles of the same batch see these names, and only for an article
  // about to be stored for the first time: one the store already holds (a
  // re-read input, the rerun after a crash) must not count again, or the
  // links would depend on how often the input was read.
  void Learn(const Article& article);

  size_t people() const { return people_.size(); }

 private:
  struct Person {
    std::string canonical;
    int64_t articles = 0;
  };
  void Add(const std::string& entity_id, const std::string& canonical, int64_t articles);

  PersonLinkOptions options_;
  std::unordered_map<std::string, Person> people_;                      // entity id -> person
  std::unordered_map<std::string, std::vector<std::string>> by_word_;  // first or last word -> entity ids
};

}  // namespace warta::pipeline
