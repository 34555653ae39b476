// The names the store has seen written with capitals (issue 16: "a name
// seen cased anywhere is a name everywhere").
//
// Case-less sources write "kata menlu rusia sergei lavrov"; the truecaser
// (text/truecase.h) restores what its training corpora taught it, but a
// surname those corpora never saw stays lower case and is lost to the
// tagger and the quote speakers. The store has often seen the same name
// written by a cased outlet. CasedNames is that knowledge as an immutable
// snapshot: the names PERSON / ORGANISATION / LOCATION mentions of cased
// articles wrote, by their lower-case tokens, with the form written most.
//
// The seam between two stages: the pipeline fills it from the stored
// mentions (at open, then after each stored batch) and publishes each new
// snapshot on a CasedNamesBoard; the cleaner reads the board's current
// snapshot for each case-less article it restores. Readers never see a
// snapshot change under them: a new one replaces the pointer.
//
//   auto board = std::make_shared<CasedNamesBoard>();
//   board->Publish(learner.Snapshot());                    // the writer
//   std::shared_ptr<const CasedNames> n = board->Current();  // any thread
//   if (n) if (const CasedNames::Entry* e = n->FindName("sergei\tlavrov")) ...
//
// Keys are lower-case ASCII tokens (as text::Tokenizer cuts them) joined by
// a TAB; a form is the same tokens as written ("Sergei\tLavrov").
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace warta {

class CasedNames {
 public:
  struct Entry {
    std::string form;     // the form written most often (ties: the smaller string)
    int32_t count = 0;    // times written with that form
  };
  // A whole name of two or more tokens ("sergei\tlavrov").
  const Entry* FindName(const std::string& key) const;
  // One word of a name, wherever it stood in it ("lavrov").
  const Entry* FindWord(const std::string& key) const;
  // Whether some name of two or more tokens starts with this token: lets a
  // reader skip the longer look-ups at most words.
  bool StartsName(const std::string& first) const { return first_.count(first) > 0; }
  // The longest name, in tokens.
  size_t max_tokens() const { return max_tokens_; }
  size_t names() const { return names_.size(); }
  size_t words() const { return words_.size(); }

 private:
  friend class CasedNamesTable;
  std::unordered_map<std::string, Entry> names_, words_;
  std::unordered_set<std::string> first_;
  size_t max_tokens_ = 0;
};

// The writer's side: counts of every form seen, from which snapshots are cut.
// Not thread-safe (one writer); its snapshots are.
class CasedNamesTable {
 public:
  // One name as a cased article wrote it, as tokens (only ASCII tokens with
  // a letter or punctuation inside a name: "Jong", "-", "un"), each
  // `written` as in the text. Returns whether a snapshot would differ (a new
  // key, or another form now the most written).
  bool Add(const std::vector<std::string_view>& written);
  // An immutable copy of the current best forms.
  std::shared_ptr<const CasedNames> Snapshot() const;
  size_t names() const { return names_.size(); }
  size_t words() const { return words_.size(); }

 private:
  struct Counts {
    std::unordered_map<std::string, int32_t> forms;
    std::string best;
    int32_t best_count = 0;
  };
  bool Count(std::string key, std::string form, std::unordered_map<std::string, Counts>* table);
  std::unordered_map<std::string, Counts> names_, words_;
};

// Where the current snapshot is published: one writer swaps it, any number
// of readers take it. Thread-safe.
class CasedNamesBoard {
 public:
  // Null until the first Publish.
  std::shared_ptr<const CasedNames> Current() const {
    std::lock_guard lock(mu_);
    return current_;
  }
  void Publish(std::shared_ptr<const CasedNames> names) {
    std::lock_guard lock(mu_);
    current_ = std::move(names);
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const CasedNames> current_;
};

}  // namespace warta
