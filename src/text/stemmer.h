// Stemmer: Indonesian stems for index terms, via Snowball (libstemmer).
//
//   warta::text::Stemmer stemmer;                   // one per thread
//   std::string_view stem = stemmer.Stem("kebijakan");  // "bijak"
//
// Snowball's Indonesian algorithm strips particles (-lah -kah -pun), possessive
// pronouns (-ku -mu -nya), derivational suffixes (-i -an -kan) and prefixes
// (meN- beR- di- ke- peN- teR- se-) by rule, with no dictionary. It therefore
// over- and under-stems some words a dictionary stemmer (Sastrawi) gets right:
// "meniru" gives "iru", "perusakan" gives "usak". On Sastrawi's own test cases
// it agrees about 70% of the time (see stemmer_test.cc); what matters for
// search is that a word and its derived forms meet on one stem, which it does
// for the common affixes.
//
// Hyphenated words (the tokenizer keeps them whole) are stemmed part by part:
// trailing clitic parts are dropped ("kuasa-mu" -> "kuasa"), a reduplication
// gives the stem of its base ("negara-negara", "meniru-nirukan",
// "tarik-menarik" -> "negara", "iru", "tarik"), and any other compound keeps
// its hyphens with each part stemmed ("pasca-perang" -> "pasca-perang",
// "antar-pemerintah" -> "antar-perintah"). Words without letters ("10.000")
// come back unchanged.
//
// Stemming every token is on the indexing hot path, so results are cached
// (word -> stem); the cache is emptied whenever it exceeds max_cache_entries
// and words longer than 64 bytes are not cached.
//
// NOT thread-safe: Snowball keeps per-call state in its stemmer object and
// the cache is unsynchronised. Give each thread its own Stemmer (it is cheap:
// one small allocation, plus the cache as it fills).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;  // libstemmer's handle

namespace warta::text {

class Stemmer {
 public:
  // Throws std::runtime_error when libstemmer lacks the Indonesian algorithm
  // (a broken install, not a data problem: Debian's libstemmer0d has it).
  explicit Stemmer(size_t max_cache_entries = 200'000);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `lowercase_word` (lowercase it first, e.g. with Lowercase()
  // from text/case.h: the algorithm only knows lowercase affixes). The view
  // points into this object and stays valid until the next call to Stem()
  // or the Stemmer's destruction; copy it to keep it longer. The empty word
  // stems to "".
  std::string_view Stem(std::string_view lowercase_word);

  // Entries now in the cache (for tests and statistics).
  size_t cache_size() const { return cache_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct StemmerDeleter {
    void operator()(sb_stemmer* s) const;
  };

  // Snowball on one word, with no cache and no hyphen handling.
  std::string Snowball(std::string_view word);
  // The full rule (hyphenated words included), uncached.
  std::string Compute(std::string_view word);

  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
  size_t max_cache_entries_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
  std::string scratch_;  // the result for a word too long to cache
};

}  // namespace warta::text
