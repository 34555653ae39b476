// Truecaser: gives case-less text (all lower case) and all-caps text back
// the capitals a cased writer would have used ("presiden joko widodo di
// jakarta" -> "Presiden Joko Widodo di Jakarta"), so that the NER tagger
// and everything downstream of it, trained on and tuned for cased text, can
// read sources that deliver their text without case (issue 16).
//
// Contract:
//   * In place and byte-for-byte the same length: only ASCII letters change
//     case, every other byte is left alone, so every byte and code point
//     offset into the text stays valid. A word with a non-ASCII byte is
//     left as it is.
//   * Each word takes the form most often written for it inside sentences
//     in the cased training text (not sentence-initial, where a capital says
//     nothing), unless the word before or after it was seen with it often
//     enough to say otherwise: "kata presiden" -> "presiden" but "presiden
//     joko" -> "Presiden Joko". The first word of a sentence (of the text,
//     after . ! ? or a line break, or opening a quotation after a comma or
//     colon) is capitalised, unless it follows a quote mark after . ! ?
//     and the model says the word goes on the sentence there ('"... sekali."
//     kata dia').
//     A line "a <TAB> .\" <TAB> kata" (context: the two tokens joined) says so.
//   * A word the model never saw takes the shape that the words seen once
//     in training had, by length (the model records it: in Indonesian news
//     most short rare words are names or acronyms, "Ahok", "KPK"), see
//     Truecaser::unseen_short(). A longer one (6 letters or more, letters
//     only) is read by its spelling when the model has spelling lines: a
//     naive Bayes over its letter 2-, 3- and 4-grams, learnt from the words
//     seen once, says Title Case or lower case ("hadihardaja" and
//     "sumaatmaja" look like names, "dipersoalkan" and "kebersamaan" like
//     the affixed common words they are). On IndoSum's held-out articles it
//     writes 81 % of such words right, against 43 % for "all lower case".
//
// The model is a text file (models/truecase/, format below) built by
// `warta train-truecase` from cased corpora with TruecaseTrainer; the
// shipped one is built into the library (Truecaser::Builtin()).
//
//   std::shared_ptr<const Truecaser> tc = Truecaser::Builtin();
//   if (tc && DetectLetterCase(text) != LetterCase::kMixed) tc->Restore(&text, DetectLetterCase(text));
//
// Model file: UTF-8 lines, '#' comments; fields separated by TAB:
//   unseen <TAB> short|long <TAB> lower|title|upper
//   unseen <TAB> long <TAB> spelling <TAB> prior     long unseen words by their
//                                         spelling: Title Case when prior plus
//                                         the weights of their n-grams is > 0
//   g <TAB> ngram <TAB> weight            an n-gram's weight (log-ratio, Title
//                                         Case over lower case); '^' and '$'
//                                         mark a word's ends; unlisted: 0
//   w <TAB> Form                          the form of word lowercase(Form)
//   a <TAB> prev <TAB> Form               after the token `prev` (lower case)
//   b <TAB> next <TAB> Form               before the token `next` (lower case)
//   s <TAB> word word ...                 words seen in training that the unseen
//                                         rule writes right (so no "w" line):
//                                         known words, not unseen ones
// A bigram line may carry two more fields, the count of its form and of its
// context in training: where both an "a" and a "b" line apply, the one with
// the larger smoothed share (best+1)/(total+2) wins.
//
// Thread-safe: immutable after loading.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/article.h"
#include "core/cased_names.h"
#include "core/status.h"
#include "text/tokenizer.h"

namespace warta::text {

// The shape a word is written in.
enum class WordShape : uint8_t { kLower, kTitle, kUpper, kMixed };

class Truecaser {
 public:
  // Parses a model file's bytes; errors (kCorrupt) name `origin` and the line.
  static StatusOr<std::shared_ptr<const Truecaser>> Parse(std::string_view bytes, const std::string& origin);
  // Reads and parses a model file (kNotFound when it cannot be read).
  static StatusOr<std::shared_ptr<const Truecaser>> Load(const std::string& path);
  // The model built into the library (models/truecase/), shared; null when
  // the build had none.
  static std::shared_ptr<const Truecaser> Builtin();

  // Restores the case of `*text`, written in `source` case (kLower or
  // kUpper; kMixed changes nothing). A line break starts a sentence, so a
  // text may be a paragraph, an article or a title. Returns how many words
  // changed.
  //
  // With `names` (the names cased articles of the store wrote, see
  // core/cased_names.h), a run of tokens that is one of those names of two
  // or more tokens takes the name's form, over the model ("kementerian
  // energi dan sumber daya mineral" -> "Kementerian Energi dan Sumber Daya
  // Mineral"), except words at either edge of it that the model knows as
  // common lower-case words (the tagger's names often carry a sentence's
  // first word or a title: "Menurut Jimly", "Tata Negara Jimly
  // Asshiddiqie"); a word the model never saw (no "w" or "s" line) takes
  // the form it had in names ("lavrov" -> "Lavrov"). Everywhere else the
  // model decides the words it knows, so a word that is also a common word
  // ("negara", "bank") keeps its common case in running text.
  size_t Restore(std::string* text, LetterCase source, const CasedNames* names = nullptr) const;

  size_t words() const { return words_.size(); }
  // Words known without a line of their own ("s" lines).
  size_t seen_words() const { return seen_.size(); }
  size_t bigrams() const { return after_.size() + before_.size(); }
  // What a word the model never saw becomes in all-caps text: a short one
  // (2-5 letters, letters only) and any other.
  WordShape unseen_short() const { return unseen_short_; }
  WordShape unseen_long() const { return unseen_long_; }
  // What an unseen word (lower case) becomes: unseen_short(), the spelling
  // rule's shape for a long word when the model has one, else unseen_long().
  WordShape UnseenShape(std::string_view key) const;
  size_t spelling_ngrams() const { return spelling_.size(); }

  // The shape the model gives a word it knows (a "w" or an "s" line), out
  // of context; nullopt for a word it never saw. `key`: the word in lower
  // case. Other stages read it as a dictionary: a word the model knows in
  // lower case is a common word.
  std::optional<WordShape> KnownForm(const std::string& key) const;

  struct Bigram {
    std::string form;
    float score = 1.0f;  // smoothed share of the form in its context
  };

 private:
  Truecaser() = default;
  Tokenizer tokenizer_;
  std::unordered_map<std::string, std::string> words_;  // lower case -> form
  std::unordered_map<std::string, Bigram> after_;       // "prev\tword" -> form
  std::unordered_map<std::string, Bigram> before_;      // "word\tnext" -> form
  WordShape unseen_short_ = WordShape::kLower, unseen_long_ = WordShape::kLower;
  // The spelling rule ("g" lines and its prior); empty: unseen_long_ alone.
  // Keyed by the n-gram's bytes packed into 32 bits (NgramKey in
  // truecase.cc): a word's look-ups allocate nothing.
  std::unordered_map<uint32_t, float> spelling_;
  float spelling_prior_ = 0.0f;
  bool has_spelling_ = false;
  // Words seen in training whose form is what the unseen rule gives ("s" lines).
  std::unordered_set<std::string> seen_;
};

struct TruecaseTrainOptions {
  // A word enters the model when seen this often inside sentences. 1 keeps
  // the words seen once too: on IndoSum's held-out articles that restores
  // 95.0 % of words rather than 94.6 % (2), for a model of 321 KB rather
  // than 227 KB (docs/quality/ner.md).
  int min_count = 1;
  // A bigram line when its context was seen this often and its form, the
  // majority there, differs from the word's own.
  int min_bigram_count = 2;
  // The spelling rule for long unseen words: an n-gram gets a line when
  // the words seen once held it this often (5: 8,700 lines, the same
  // held-out accuracy as keeping every n-gram's 34,000). 0: no spelling
  // rule (long unseen words all take the rare words' majority shape).
  int min_ngram_count = 5;
  // Free text written into the model's header.
  std::string description;
};

// Counts written forms in cased text and writes a model file.
//
//   TruecaseTrainer t;
//   for (const std::string& s : sentences) t.Add(s);
//   std::string model = t.Write({});
class TruecaseTrainer {
 public:
  // One sentence or paragraph of cased running text. Text that is itself
  // case-less or all caps, or a headline in Title Case (most of its longer
  // words capitalised), teaches nothing about case and is skipped.
  void Add(std::string_view cased);
  // The model file's bytes: deterministic for the same input.
  std::string Write(const TruecaseTrainOptions& options) const;

  size_t added() const { return added_; }
  size_t skipped() const { return skipped_; }

 private:
  struct Counts {
    int32_t shape[4] = {0, 0, 0, 0};
    int32_t total() const { return shape[0] + shape[1] + shape[2] + shape[3]; }
  };
  struct WordCounts {
    Counts c;
    std::unordered_map<std::string, int32_t> mixed;  // kMixed forms as written
  };
  Tokenizer tokenizer_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string, WordCounts> words_;
  std::unordered_map<std::string, Counts> after_, before_;
  // After a quote mark that follows . ! ?: "<punct><quote>\tword".
  std::unordered_map<std::string, Counts> after_quoted_end_;
  size_t added_ = 0, skipped_ = 0;
};

// Learns one name as a cased article wrote it (the text of a PERSON,
// ORGANISATION or LOCATION mention) into `table`, cut into tokens as
// Restore() cuts text. A name that teaches nothing is skipped: one with a
// word that is not ASCII (Restore leaves such words alone), one with no
// capital, or one shouted in capitals (all caps, and a word longer than an
// acronym's 5 letters: "PRESIDEN JOKOWI" in a headline). Returns whether
// the table's snapshot changes.
bool LearnCasedName(std::string_view name, CasedNamesTable* table);

// The shape of an ASCII word ("dan", "Joko", "KPK", "iPhone"); a word with
// no letter is kLower.
WordShape ShapeOf(std::string_view word);

}  // namespace warta::text
