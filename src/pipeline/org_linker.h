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
// Two more rules join an organisation written in a longer form:
//   * spelling: an organisation whose key, without its spaces and hyphens,
//     is a stored organisation's ("Channel NewsAsia", "Channel News Asia")
//     is that organisation (the first stored under it);
//   * home place: an organisation of two words, one a place the store
//     knows (a LOCATION key, umlauts spelled out, named in some article
//     without the organisation too) and the other an organisation stored alone,
//     is that organisation when the place is its home: named in at least
//     `home_articles` of its articles and `home_lift` times as often there
//     as across the store ("Persib Bandung" = "Persib", "Bayern Muenchen"
//     = "Bayern", "Inggris Chelsea" = "Chelsea"). An outlet's or a
//     company's country edition is named where the country is no more
//     often than elsewhere, so it stays apart ("CNN Filipina", "Honda
//     Indonesia"); a regional institution's head is never such a name
//     ("Polda Jabar"). Backwards too: a two-word form stored before its
//     organisation's home became clear joins it then (TakeRelinks).
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
// Cost: memory ~100 bytes per stored organisation and short form, plus one
// count per (one-word organisation, place) named together; Link is
// O(mentions), Learn O(organisations x places) of the article. Not
// thread-safe: one writer.
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
  int64_t home_articles = 3;   // articles naming an organisation with its home place, at least
  double home_lift = 5.0;      // how much more often than across the store
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
  // clear since the last call (or the organisation a two-word form with its
  // home place names): from_id (the joining organisation's own id), to_id,
  // to_canonical, form and reason. The writer re-labels
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
  // True when the stored one-word organisation `id` has `place` (a location
  // key) for its home (see above); `why` says by how much.
  bool HomeOf(const std::string& id, const std::string& place, std::string* why) const;
  // The stored organisation a two-word key of an organisation and its home
  // place names ("" = none), with the reason.
  std::string WithoutHome(const std::string& key, std::string* why) const;
  // The relinks of stored two-word forms whose home became clear for `id`.
  void JoinHomeForms(const std::string& id, const std::string& key);
  // The organisation stored under `from` joins `to`:
  // a link with `reason` for the writer, its articles counted with `to`'s.
  void Relink(const std::string& from, const std::string& to, const std::string& reason);

  OrgLinkOptions options_;
  std::unordered_map<std::string, Org> orgs_;  // entity id -> organisation
  // Short form key ("antam") -> long form's entity id -> articles stating the pair.
  std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> short_forms_;
  std::unordered_map<std::string, int64_t> one_word_people_;  // one-word person key -> articles
  int64_t articles_ = 0;                                       // articles learned
  std::unordered_map<std::string, int64_t> place_articles_;   // location key -> articles naming it
  // One-word organisation id -> location key -> articles naming both.
  std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> places_of_;
  std::unordered_map<std::string, std::string> by_spelling_;  // key without spaces and hyphens -> first org id
  // One word of a stored two-word organisation key -> (that organisation's id, the other word).
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> two_word_;
  std::shared_ptr<const text::Lexicon> lexicon_;
  std::set<std::string> relinked_;  // short form keys whose stored organisation was joined (or checked)
  std::vector<store::EntityLink> relinks_;
};

}  // namespace warta::pipeline
