// PersonLinker: one person across the store when an article names them in
// part or by a nickname (issue 16).
//
// The entity analyser resolves names inside one article: "Belousov" after
// "Andrei Belousov" is the same person. An article that only ever writes
// "Belousov", "Sri Mulyani" or "Prasetyo Adi" (a short follow-up, a
// caption, a brief) would otherwise start an entity of its own, and
// "everything about Sri Mulyani Indrawati" would miss it. The linker keeps,
// for the store, each person named in full (two words or more) somewhere,
// with the number of articles that do so and what those articles say
// around the name (the organisations, places and people named with it, the
// roles given to it, the outlets, the dates), indexed by every proper
// prefix and suffix of the name ("sri", "sri mulyani", "mulyani
// indrawati", "indrawati").
//
// A person an article names by such a part becomes the stored full name
// when the evidence is clear, in this order:
//   * an analyst's correction (store::EntityLink, source "analyst"): a
//     merge sends the merged entity to its target; a split keeps the form
//     away from the entity it was split from;
//   * a given name written as an initial ("M Hargianto") is the one stored
//     person whose name spells it out ("Muhammad Hargianto"), with the
//     same agreement as a part of two words;
//   * a name of three words or more spelled one letter apart from the
//     stored person's in one word ("Djarot Syaiful Hidayat" / "Djarot
//     Saiful Hidayat"), when it is the only or the clear one so spelled;
//   * a nickname the text states ("Basuki Tjahaja Purnama atau Ahok",
//     "Ahok (Basuki Tjahaja Purnama)": the link words are lexicon data,
//     grammar.tsv person.nickname_link), in this article or a stored one;
//   * the part names one stored person only, or one named in at least
//     `min_articles` articles and `dominance` times more often than the
//     next ("Kim" -> Kim Jong Un, not Kim Yo Jong), AND the article agrees
//     with what the stored articles say about that person: an entity few
//     people are named with, or a role; for the only candidate named by
//     two words or more also a common entity, the same outlet, or a date
//     within `window_days` of its articles. Short names nobody in
//     particular owns ("Andi", shared by many full names), and one-word
//     names with nothing specific in common ("Sutrisno"), stay apart.
// Each link is reported with its reason (TakeLinks), which the writer
// stores as a store::EntityLink so `warta entity NAME --json` says why.
//
// Two names joined by a spaced hyphen ("Anies - Sandi", a ticket) are no
// one person's full name: their words index no one.
// Backwards too: when a full name is first learned (and again each time its
// articles double, as it may have become the clear favourite), a person the store
// already holds under a prefix or suffix of it ("Rudiantara", stored before
// any article wrote "Menteri Komunikasi dan Informatika Rudiantara") joins
// it by the same rules, comparing what the stored articles say about each
// (TakeRelinks: the writer re-labels their mentions and re-indexes them).
// Runs in the single store writer, before the article is stored, so the
// store, the index and story clustering all see the linked id.
//
// Cost: memory ~300 bytes per stored person plus its evidence keys; Link
// and Learn are O(mentions x name parts). Not thread-safe: one writer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/store.h"
#include "text/lexicon.h"

namespace warta::pipeline {

struct PersonLinkOptions {
  size_t min_word_length = 3;  // a part shorter than this ("Li") is never linked
  int64_t min_articles = 3;    // for a choice among several people
  double dominance = 4.0;
  int window_days = 30;        // "named at about the same time"
  // The link words of stated nicknames. Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

class PersonLinker {
 public:
  explicit PersonLinker(PersonLinkOptions options = {});

  // The people stored so far, learned in store order
  // (store::ArticleStore::ScanLinkMentions), and the analysts' corrections:
  // the same state as a writer that learned every stored article, and only
  // those, in one run.
  Status Load(store::ArticleStore& store);

  // Rewrites the entity id and canonical name of every mention of a person
  // `article` names in part or by a nickname, when the rules above pick a
  // stored person, and applies the analysts' corrections. Returns the
  // entity ids it linked to (for the search index).
  std::vector<std::string> Link(Article* article);

  // Counts the people `article` names in full (once per article) and
  // learns what it says about them. The writer calls it right after Link,
  // before the batch is stored, so later articles of the same batch see
  // these names, and only for an article about to be stored for the first
  // time: one the store already holds (a re-read input, the rerun after a
  // crash) must not count again, or the links would depend on how often
  // the input was read.
  void Learn(const Article& article);

  // An analyst's correction, honoured from now on (the writer also loads
  // them with Load).
  void AddCorrection(const store::EntityLink& link);

  // The automatic links made since the last call, one per (from, to) pair,
  // each with its reason (source "linker"), for the store.
  std::vector<store::EntityLink> TakeLinks();

  // Stored people to join a full name learned since the last call (see
  // above): each link's from_id, to_id and reason; `form` is the stored
  // name, which its mentions keep as their canonical name. The writer
  // applies them (store::ArticleStore::RelabelMentions) and stores them.
  std::vector<store::EntityLink> TakeRelinks();

  size_t people() const { return people_.size(); }

 private:
  struct Person {
    std::string canonical;
    int64_t articles = 0;
    std::unordered_set<std::string> context;  // keys of entities named with it, roles ("role:menteri keuangan")
    std::unordered_set<std::string> outlets;
    int64_t first_day = INT64_MAX, last_day = INT64_MIN;
  };
  struct Choice {
    std::string id;      // "" = none
    std::string reason;
  };
  // Returns true when this makes `entity_id` a full name (two words or more) for the first time.
  bool Add(const std::string& entity_id, const std::string& canonical);
  void Remove(const std::string& entity_id);
  // True when the context keys an article shares with a stored person are
  // evidence enough by themselves (rare ones, or two uncommon ones).
  bool Specific(const std::vector<std::string>& shared) const;
  // What an article (its context keys, outlet, day) has in common with a
  // stored person's articles.
  struct Evidence {
    std::vector<std::string> shared;  // context keys, once each, in the article's order
    bool same_outlet = false;
    bool near_in_time = false;  // within window_days of the person's articles
  };
  Evidence EvidenceFor(const Person& p, const std::vector<std::string>& context, const std::string& outlet,
                       int64_t day) const;
  // A full name whose given name is an initial ("M Hargianto") -> the one
  // stored person it spells out.
  Choice DecideInitial(const std::string& key, const std::vector<std::string>& context, const std::string& outlet,
                       int64_t day) const;
  // A name of three words or more spelled one letter apart from a stored
  // person's ("Djarot Syaiful Hidayat", "Djarot Saiful Hidayat") -> that
  // person, with the same agreement as a part of two words.
  Choice DecideVariant(const std::string& key, const std::vector<std::string>& context, const std::string& outlet,
                       int64_t day) const;
  // A stored person named by a part of the full name just learned joins it.
  void Relink(const std::string& full_id);
  Choice Decide(const std::string& key, const std::vector<std::string>& context, const std::string& outlet,
                int64_t day) const;
  // A nickname an article states: the full name's id and canonical name and the words read.
  struct Stated {
    std::string full_id, canonical, quote;
  };
  struct StatedNickname {
    std::string nick_id, nick_text;
    Stated full;
    // Other stored people's names start or end with the nickname ("Budi"):
    // it is this article's word for the person, not the store's.
    bool shared_name = false;
  };
  std::vector<StatedNickname> StatedNicknames(const Article& article) const;

  PersonLinkOptions options_;
  std::shared_ptr<const text::Lexicon> lexicon_;
  std::unordered_map<std::string, Person> people_;                      // entity id -> person
  std::unordered_map<std::string, std::vector<std::string>> by_part_;  // prefix or suffix key -> entity ids
  std::unordered_map<std::string, size_t> context_df_;                  // context key -> people named with it
  std::unordered_map<std::string, Stated> nicknames_;                   // nickname key -> full name stated
  std::unordered_map<std::string, store::EntityLink> merges_;           // analyst: from id -> link
  std::unordered_set<std::string> splits_;                              // analyst: "form key\tentity id" kept apart
  std::vector<store::EntityLink> made_;
  std::unordered_set<std::string> made_keys_;
  std::vector<store::EntityLink> relinks_;
};

}  // namespace warta::pipeline
