#include "text/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>
#include <vector>

namespace warta::text {

namespace {

// Longer words are rare (URLs, cut runs) and would only crowd the cache.
constexpr size_t kMaxCachedWordBytes = 64;

// Clitics Indonesian writes after a hyphen: "kuasa-Mu", "malaikat-malaikat-Nya".
bool IsClitic(std::string_view s) {
  return s == "nya" || s == "ku" || s == "mu" || s == "lah" || s == "kah" || s == "pun" || s == "tah";
}

bool HasAsciiLetterOrHighByte(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

}  // namespace

void Stemmer::StemmerDeleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(size_t max_cache_entries)
    : stemmer_(sb_stemmer_new("indonesian", "UTF_8")), max_cache_entries_(max_cache_entries) {
  if (!stemmer_) throw std::runtime_error("libstemmer has no Indonesian UTF-8 stemmer");
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::Snowball(std::string_view word) {
  const sb_symbol* r = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  if (r == nullptr) return std::string(word);  // out of memory inside Snowball
  return std::string(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

std::string Stemmer::Compute(std::string_view word) {
  if (!HasAsciiLetterOrHighByte(word)) return std::string(word);  // numbers, punctuation
  if (word.find('-') == std::string_view::npos) return Snowball(word);

  std::vector<std::string_view> parts;
  for (size_t pos = 0;;) {
    size_t dash = word.find('-', pos);
    parts.push_back(word.substr(pos, dash == std::string_view::npos ? std::string_view::npos : dash - pos));
    if (dash == std::string_view::npos) break;
    pos = dash + 1;
  }
  for (std::string_view p : parts)
    if (p.empty()) return Snowball(word);  // "a--b", "-a": not a compound we understand
  while (parts.size() > 1 && IsClitic(parts.back())) parts.pop_back();
  if (parts.size() == 1) return Snowball(parts[0]);

  std::vector<std::string> stems;
  stems.reserve(parts.size());
  bool all_same = true;
  for (std::string_view p : parts) {
    stems.push_back(Snowball(p));
    all_same = all_same && stems.back() == stems.front();
  }
  // Reduplication: "negara-negara", "tarik-menarik" (same stems), or a
  // prefixed base repeated bare, "meniru-niru", "memanggil-manggil",
  // "meniru-nirukan" (the second part, or its stem, ends the first part).
  if (all_same) return stems.front();
  auto ends_with = [](std::string_view s, std::string_view tail) {
    return tail.size() >= 2 && s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
  };
  if (parts.size() == 2 && (ends_with(parts[0], parts[1]) || ends_with(parts[0], stems[1]))) return stems.front();
  std::string joined = stems.front();
  for (size_t i = 1; i < stems.size(); ++i) {
    joined += '-';
    joined += stems[i];
  }
  return joined;
}

std::string_view Stemmer::Stem(std::string_view lowercase_word) {
  if (lowercase_word.empty()) return {};
  if (lowercase_word.size() > kMaxCachedWordBytes) {
    scratch_ = Compute(lowercase_word);
    return scratch_;
  }
  if (auto it = cache_.find(lowercase_word); it != cache_.end()) return it->second;
  // Clearing only here keeps every returned view valid until the next call.
  if (cache_.size() >= max_cache_entries_) cache_.clear();
  return cache_.emplace(std::string(lowercase_word), Compute(lowercase_word)).first->second;
}

}  // namespace warta::text
