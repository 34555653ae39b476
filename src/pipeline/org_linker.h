// OrgLinker: one organisation across the store when an article writes it
// only by a short form another article defined.
//
// The entity analyser links a short form to its organisation inside one
// article: "PT Aneka Tambang Tbk (Antam)", "Antam (PT Aneka Tambang)",
// "Bank Indonesia (BI)", or "Antam" beside "Aneka Tambang" (a contraction).
// An article that writes only "Antam", "pt antam tbk" or "BI" would
// otherwise start an organisation of its own, or a person: the tagger often
// calls a one-word company a person. The linker learns, for the store, each
// short form an article states beside its long form (an organisation
// mention whose own key is one word and differs from its entity's key, in an
// article that also writes the long form), counted once per article, and
// the organisations and one-word people by the number of articles naming
// them. Then:
//   * an organisation or person an article names by one word that is a
//     learned short form becomes that organisation, when it is the only
//     long form stated for it, or one stated in at least `min_articles`
//     articles and `dominance` times more often than the next (an acronym
//     with two competing long forms stays apart: "BPN");
//   * else a one-word person the store knows as an organisation in at least
//     `min_articles` articles and `type_majority` times more articles than
//     as a person becomes that organisation (the entity's majority type),
//     when some article wrote that organisation with a legal form ("PT
//     Antam Tbk"): the tagger's majority alone is no proof ("Setnov", a
//     politician's nickname, is tagged an organisation more often than not).
// Places are left alone: a city's name is also its football club's
// ("Milan", "Dortmund"), and the tagger tells those apart by context.
// No word list: what it knows comes from the stored articles.
//
// Backwards too, as pipeline/person_linker.h does for people: when a short
// form's long form first becomes clear, the organisation the store holds
// under the short form alone ("Bareskrim", stored before any article wrote
// "Badan Reserse Kriminal (Bareskrim)") joins it (TakeRelinks: the writer
// re-labels its mentions, re-indexes them and stores the link with its
// reason). A regional institution's head alone ("Polda", lexicon class
// org.local_head) is never linked: each article's is its own.
// Runs in the single store writer before the person
// linker (a word it makes an organisation is no person to link), before the
// article is stored, so the store, the index and story clustering all see
// the linked id. Load() rebuilds the state from the stored mentions
// (store::ArticleStore::ScanOrganisationMentions); no table of its own.
//
// Cost: memory ~100 bytes per stored organisation and short form; Link and
// Learn are O(mentions). Not thread-safe: one writer.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/store.h"
#include "text/lexicon.h"

namespace warta::pipeline {

struct OrgLinkOptions {
  // The regional heads never linked (org.local_head). Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
  int64_t min_articles = 2;    // for a choice among several long forms, and for a change of type
  double dominance = 4.0;      // a long form over the next one of the same short form
  double type_majority = 2.0;  // organisation articles over person articles of one word
};

class OrgLinker {
 public:
  explicit OrgLinker(OrgLinkOptions options = {});

  // The organisations and short forms stored so far, learned in store order:
  // the same state as a writer that learned every stored article, and only
  // those, in one run.
  Status Load(store::ArticleStore& store);

  // Rewrites the entity id, canonical name and type of every mention of an
  // entity `article` names by one word, when a rule above picks a stored
  // organisation. Returns the entity ids it linked to (for the search index).
  std::vector<std::string> Link(Article* article) const;

  // Counts what `article` states (once per article). The writer calls it
  // right after Link, for an article about to be stored for the first time
  // only (see PersonLinker::Learn).
  void Learn(const Article& article);

  // Stored organisations to join the long form of a short form that became
  // clear since the last call: from_id (the short form's own id), to_id,
  // to_canonical, form (the short form) and reason. The writer re-labels
  // their mentions (store::ArticleStore::RelabelMentions) and stores them.
  std::vector<store::EntityLink> TakeRelinks();

  size_t organisations() const { return orgs_.size(); }
  size_t short_forms() const { return short_forms_.size(); }

 private:
  struct Org {
    std::string canonical;  // as first learned
    int64_t articles = 0;
    bool legal_form = false;  // written with one somewhere ("PT Antam Tbk")
  };
  // The organisation a learned short form `key` stands for ("" = none clear).
  std::string LongFormOf(const std::string& key) const;

  OrgLinkOptions options_;
  std::unordered_map<std::string, Org> orgs_;  // entity id -> organisation
  // Short form key ("antam") -> long form's entity id -> articles stating the pair.
  std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> short_forms_;
  std::unordered_map<std::string, int64_t> one_word_people_;  // one-word person key -> articles
  std::shared_ptr<const text::Lexicon> lexicon_;
  std::set<std::string> relinked_;  // short form keys whose stored organisation was joined (or checked)
  std::vector<store::EntityLink> relinks_;
};

}  // namespace warta::pipeline
