#include "text/truecase.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "text/case.h"

namespace warta::text {

namespace internal {
// The shipped model's bytes (empty when the build had none).
extern const std::string_view kTruecaseModelData;
}  // namespace internal

namespace {

bool TcIsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool TcIsLower(char c) { return c >= 'a' && c <= 'z'; }
char TcToUpper(char c) { return TcIsLower(c) ? static_cast<char>(c - ('a' - 'A')) : c; }
char TcToLower(char c) { return TcIsUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

// ASCII only and at least one letter: the words the truecaser may recase.
bool TcIsCaseableWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    letter = letter || TcIsUpper(c) || TcIsLower(c);
  }
  return letter;
}

void TcLowerAscii(std::string_view w, std::string* out) {
  out->assign(w);
  for (char& c : *out) c = TcToLower(c);
}

// A short word (2-5 letters, letters only): the length of most acronyms.
bool TcIsShortWord(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return TcIsUpper(c) || TcIsLower(c); });
}

// `lower` written in `shape` (kMixed is not a shape one can apply: lower).
void TcApplyShape(std::string_view lower, WordShape shape, std::string* out) {
  out->assign(lower);
  if (shape == WordShape::kUpper) {
    for (char& c : *out) c = TcToUpper(c);
  } else if (shape == WordShape::kTitle) {
    for (char& c : *out)
      if (TcIsLower(c)) {
        c = TcToUpper(c);
        break;
      }
  }
}

// A punctuation token after which a new sentence starts (". ! ? …" and runs
// of them) or a clause may start with a capital (":" ";"): a word right
// after one says nothing about its own case.
bool TcEndsSentence(std::string_view p) {
  return p.find_first_of(".!?") != std::string_view::npos || p.find("\xE2\x80\xA6") != std::string_view::npos;
}
bool TcOpensClause(std::string_view p) { return TcEndsSentence(p) || p == ":" || p == ";"; }

// Whether the word at tokens[i] is inside a sentence, where its capital (or
// the lack of one) is the writer's choice for that word.
bool TcInsideSentence(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return false;
  const Token& prev = tokens[i - 1];
  if (prev.kind == TokenKind::kQuote) return false;
  if (prev.kind == TokenKind::kPunct && TcOpensClause(TokenText(text, prev))) return false;
  return std::string_view(text.data() + prev.end, tokens[i].begin - prev.end).find('\n') == std::string_view::npos;
}

// The context of a word right after a quote mark that follows . ! ? , or :
// ('"... sekali." kata dia', '"... Pari Manta, "kata Susi' / 'katanya, "Kami
// ...'): the quote either closes a quotation, and the word goes on the
// sentence ("kata"), or opens one, and the word starts a sentence ("Kami").
// Spacing around the mark is not to be trusted in scraped text; the words
// decide, so such a position has its own context: the two tokens joined
// ('."', ',"'), which no single token equals.
bool TcAfterQuotedEnd(const std::vector<Token>& tokens, const std::vector<std::string>& keys, size_t i) {
  return i >= 2 && tokens[i - 1].kind == TokenKind::kQuote && tokens[i - 2].kind == TokenKind::kPunct &&
         (TcEndsSentence(keys[i - 2]) || keys[i - 2] == "," || keys[i - 2] == ":");
}

// A word the spelling rule reads: 6 letters or more, letters only.
bool TcIsSpelledWord(std::string_view w) {
  if (w.size() < 6) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return TcIsUpper(c) || TcIsLower(c); });
}

// The letter 2-, 3- and 4-grams of lower-case `key`, its ends marked '^'
// and '$', passed to `fn` one by one.
template <typename Fn>
void TcForEachNgram(std::string_view key, Fn&& fn) {
  // Words of any length: a short one on the stack, a long one on the heap.
  char buf[64];
  std::string heap;
  char* marked = buf;
  if (key.size() + 2 > sizeof buf) {
    heap.resize(key.size() + 2);
    marked = heap.data();
  }
  marked[0] = '^';
  std::copy(key.begin(), key.end(), marked + 1);
  marked[key.size() + 1] = '$';
  const std::string_view m(marked, key.size() + 2);
  for (size_t n = 2; n <= 4; ++n)
    for (size_t i = 0; i + n <= m.size(); ++i) fn(m.substr(i, n));
}

// An n-gram of 1-4 bytes packed into 32 bits; no byte of a marked ASCII
// word is 0, so the packing is one-to-one.
uint32_t NgramKey(std::string_view g) {
  uint32_t k = 0;
  for (char c : g) k = (k << 8) | static_cast<unsigned char>(c);
  return k;
}

// The spelling rule's answer for a long word: Title Case when the prior
// plus its n-grams' weights (0 for an unlisted one) is above 0. The model
// and the trainer (writing the words the rule gets right) share it.
WordShape TcSpelledShape(std::string_view key, float prior, const std::unordered_map<uint32_t, float>& weights) {
  float score = prior;
  TcForEachNgram(key, [&](std::string_view g) {
    if (auto it = weights.find(NgramKey(g)); it != weights.end()) score += it->second;
  });
  return score > 0 ? WordShape::kTitle : WordShape::kLower;
}

const char* TcShapeName(WordShape s) {
  switch (s) {
    case WordShape::kTitle: return "title";
    case WordShape::kUpper: return "upper";
    default: return "lower";
  }
}

}  // namespace

bool LearnCasedName(std::string_view name, CasedNamesTable* table) {
  // Immutable after construction, so one for every thread.
  static const Tokenizer* const kNameTokenizer = new Tokenizer();
  std::vector<Token> tokens;
  kNameTokenizer->Tokenize(name, &tokens);
  std::vector<std::string_view> written;
  bool capital = false, shouted = true, long_word = false;
  for (const Token& t : tokens) {
    std::string_view w = TokenText(name, t);
    for (char c : w)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (t.kind == TokenKind::kWord && TcIsCaseableWord(w)) {
      WordShape shape = ShapeOf(w);
      capital = capital || shape != WordShape::kLower;
      shouted = shouted && shape == WordShape::kUpper;
      long_word = long_word || w.size() > 5;
    }
    written.push_back(w);
  }
  if (!capital || (shouted && long_word)) return false;
  return table->Add(written);
}

WordShape ShapeOf(std::string_view word) {
  size_t upper = 0, lower = 0, first = word.size();
  for (size_t i = 0; i < word.size(); ++i) {
    bool u = TcIsUpper(word[i]), l = TcIsLower(word[i]);
    if ((u || l) && first == word.size()) first = i;
    upper += u;
    lower += l;
  }
  if (upper == 0) return WordShape::kLower;
  if (upper == 1 && TcIsUpper(word[first])) return WordShape::kTitle;  // "Joko", and "A" or "B." too
  if (lower == 0) return WordShape::kUpper;
  return WordShape::kMixed;
}

// ---- Truecaser

StatusOr<std::shared_ptr<const Truecaser>> Truecaser::Parse(std::string_view bytes, const std::string& origin) {
  std::shared_ptr<Truecaser> tc(new Truecaser());
  size_t line_no = 0;
  std::string key;
  std::vector<std::string_view> f;
  for (size_t b = 0; b < bytes.size();) {
    size_t e = bytes.find('\n', b);
    if (e == std::string_view::npos) e = bytes.size();
    std::string_view line = bytes.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f.clear();
    for (size_t s = 0;;) {
      size_t t = line.find('\t', s);
      f.push_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
      if (t == std::string_view::npos) break;
      s = t + 1;
    }
    auto bad = [&](const std::string& why) {
      return Status::Corrupt(origin + ":" + std::to_string(line_no) + ": " + why);
    };
    if (f[0] == "unseen" && f.size() == 4 && f[1] == "long" && f[2] == "spelling") {
      if (std::sscanf(std::string(f[3]).c_str(), "%f", &tc->spelling_prior_) != 1)
        return bad("bad spelling prior '" + std::string(f[3]) + "'");
      tc->has_spelling_ = true;
      continue;
    }
    if (f[0] == "g") {
      float weight = 0;
      if (f.size() != 3 || f[1].empty() || f[1].size() > 4 || std::sscanf(std::string(f[2]).c_str(), "%f", &weight) != 1)
        return bad("expected g<TAB>ngram<TAB>weight");
      tc->spelling_[NgramKey(f[1])] = weight;
      continue;
    }
    if (f[0] == "unseen") {
      if (f.size() != 3 || (f[1] != "short" && f[1] != "long")) return bad("expected unseen<TAB>short|long<TAB>shape");
      WordShape s;
      if (f[2] == "lower") s = WordShape::kLower;
      else if (f[2] == "title") s = WordShape::kTitle;
      else if (f[2] == "upper") s = WordShape::kUpper;
      else return bad("unknown shape '" + std::string(f[2]) + "' (lower, title or upper)");
      (f[1] == "short" ? tc->unseen_short_ : tc->unseen_long_) = s;
      continue;
    }
    if (f[0] == "s") {
      if (f.size() != 2) return bad("expected s<TAB>word word ...");
      for (size_t a = 0; a < f[1].size();) {
        size_t z = f[1].find(' ', a);
        if (z == std::string_view::npos) z = f[1].size();
        std::string_view w = f[1].substr(a, z - a);
        a = z + 1;
        if (w.empty()) continue;
        if (!TcIsCaseableWord(w)) return bad("seen word '" + std::string(w) + "' is not an ASCII word");
        TcLowerAscii(w, &key);
        tc->seen_.insert(key);
      }
      continue;
    }
    const bool word_line = f[0] == "w";
    if (!word_line && f[0] != "a" && f[0] != "b") return bad("unknown line kind '" + std::string(f[0]) + "'");
    if (word_line ? f.size() != 2 : (f.size() != 3 && f.size() != 5))
      return bad(word_line ? "expected w<TAB>form" : "expected a|b<TAB>context<TAB>form[<TAB>count<TAB>total]");
    std::string_view form = f.back();
    if (!word_line && f.size() == 5) form = f[2];
    if (!TcIsCaseableWord(form) || form.find(' ') != std::string_view::npos)
      return bad("form '" + std::string(form) + "' is not an ASCII word");
    TcLowerAscii(form, &key);
    if (word_line) {
      tc->words_[key] = std::string(form);
      continue;
    }
    Bigram bg{std::string(form), 0.5f};
    if (f.size() == 5) {
      int best = 0, total = 0;
      if (std::sscanf(std::string(f[3]).c_str(), "%d", &best) != 1 ||
          std::sscanf(std::string(f[4]).c_str(), "%d", &total) != 1 || best < 0 || total < best)
        return bad("bad counts '" + std::string(f[3]) + "', '" + std::string(f[4]) + "'");
      bg.score = static_cast<float>(best + 1) / static_cast<float>(total + 2);
    }
    std::string ctx(f[1]);
    std::string full = f[0] == "a" ? ctx + '\t' + key : key + '\t' + ctx;
    (f[0] == "a" ? tc->after_ : tc->before_)[full] = std::move(bg);
  }
  return std::shared_ptr<const Truecaser>(std::move(tc));
}

StatusOr<std::shared_ptr<const Truecaser>> Truecaser::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open truecase model");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return Parse(ss.str(), path);
}

std::shared_ptr<const Truecaser> Truecaser::Builtin() {
  static const std::shared_ptr<const Truecaser> builtin = []() -> std::shared_ptr<const Truecaser> {
    if (internal::kTruecaseModelData.empty()) return nullptr;
    auto parsed = Parse(internal::kTruecaseModelData, "models/truecase (built in)");
    // The build embeds a file the tests parse: a failure here is a broken build.
    if (!parsed.ok()) {
      std::fprintf(stderr, "warta: %s\n", parsed.status().message().c_str());
      return nullptr;
    }
    return *std::move(parsed);
  }();
  return builtin;
}

WordShape Truecaser::UnseenShape(std::string_view key) const {
  if (TcIsShortWord(key)) return unseen_short_;
  if (!has_spelling_ || !TcIsSpelledWord(key)) return unseen_long_;
  return TcSpelledShape(key, spelling_prior_, spelling_);
}

std::optional<WordShape> Truecaser::KnownForm(const std::string& key) const {
  if (auto it = words_.find(key); it != words_.end()) return ShapeOf(it->second);
  if (seen_.count(key)) return UnseenShape(key);
  return std::nullopt;
}

size_t Truecaser::Restore(std::string* text, LetterCase source, const CasedNames* names) const {
  if (source == LetterCase::kMixed) return 0;
  std::vector<Token> tokens;
  tokenizer_.Tokenize(*text, &tokens);
  const size_t n = tokens.size();
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) TcLowerAscii(TokenText(*text, tokens[i]), &keys[i]);
  std::string form, probe;
  // Whole names the store saw written by cased articles: their tokens take
  // that form, whatever the model says of each word alone ("Bank Indonesia"
  // although "bank" alone is lower case). Longest match, left to right;
  // a name never spans a line break.
  std::vector<std::string_view> named(names ? n : 0);
  if (names && names->names() > 0) {
    for (size_t i = 0; i < n;) {
      size_t matched = 0;
      if (tokens[i].kind == TokenKind::kWord && names->StartsName(keys[i])) {
        for (size_t len = std::min(names->max_tokens(), n - i); len >= 2 && matched == 0; --len) {
          probe.assign(keys[i]);
          bool broken = false;
          for (size_t j = i + 1; j < i + len && !broken; ++j) {
            broken = std::string_view(*text).substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end).find('\n') !=
                     std::string_view::npos;
            probe.append(1, '\t').append(keys[j]);
          }
          if (broken) continue;
          if (const CasedNames::Entry* e = names->FindName(probe)) {
            std::string_view f = e->form;
            for (size_t j = i; j < i + len; ++j) {
              size_t tab = f.find('\t');
              named[j] = f.substr(0, tab);
              f = tab == std::string_view::npos ? std::string_view() : f.substr(tab + 1);
            }
            // The tagger's names in cased text often begin (or end) with
            // capitalised words that are no part of the name: a sentence's
            // first word ("Menurut Jimly"), a title ("Tata Negara Jimly
            // Asshiddiqie"). Words at either edge that the model knows as
            // common (lower-case) words keep the model's case; the name's
            // form counts from its first word the model does not.
            auto common = [&](size_t j) {
              return tokens[j].kind != TokenKind::kWord || KnownForm(keys[j]) == WordShape::kLower;
            };
            for (size_t j = i; j < i + len && common(j); ++j) named[j] = std::string_view();
            for (size_t j = i + len; j > i && common(j - 1); --j) named[j - 1] = std::string_view();
            matched = len;
          }
        }
      }
      i += matched > 0 ? matched : 1;
    }
  }
  size_t changed = 0;
  bool start = true;  // the next word begins a sentence
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    std::string_view w = TokenText(*text, t);
    if (i > 0 && std::string_view(*text).substr(tokens[i - 1].end, t.begin - tokens[i - 1].end).find('\n') !=
                     std::string_view::npos)
      start = true;
    if (t.kind == TokenKind::kPunct) {
      if (TcEndsSentence(w)) start = true;
      continue;
    }
    if (t.kind == TokenKind::kQuote) {
      // A quotation opening after a comma or colon starts a quoted sentence:
      // 'katanya, "kami siap."'. An opening mark has no space after it.
      bool opening = i + 1 < n && !tokens[i + 1].space_before;
      if (opening && i > 0 && (keys[i - 1] == "," || keys[i - 1] == ":")) start = true;
      continue;
    }
    if (t.kind != TokenKind::kWord || !TcIsCaseableWord(w)) {
      start = false;
      continue;
    }
    const std::string& key = keys[i];
    const Bigram* best = nullptr;
    bool quoted_end = false;
    if (TcAfterQuotedEnd(tokens, keys, i)) {
      probe.assign(keys[i - 2]).append(keys[i - 1]).append(1, '\t').append(key);
      if (auto it = after_.find(probe); it != after_.end()) {
        best = &it->second;
        quoted_end = true;  // its form says whether the word starts a sentence
      }
    }
    if (i > 0 && !start && !quoted_end) {
      probe.assign(keys[i - 1]).append(1, '\t').append(key);
      if (auto it = after_.find(probe); it != after_.end()) best = &it->second;
    }
    if (i + 1 < n && !quoted_end) {
      probe.assign(key).append(1, '\t').append(keys[i + 1]);
      if (auto it = before_.find(probe); it != before_.end() && (!best || it->second.score > best->score))
        best = &it->second;
    }
    if (!named.empty() && named[i].size() == key.size()) {
      form.assign(named[i]);
    } else if (best) {
      form = best->form;
    } else if (auto it = words_.find(key); it != words_.end()) {
      form = it->second;
    } else if (const CasedNames::Entry* e = names && !seen_.count(key) ? names->FindWord(key) : nullptr;
               e && e->form.size() == key.size()) {
      // A word the model never saw, seen in a name of a cased article: a
      // surname the corpora lacked ("lavrov") is that name's.
      form = e->form;
    } else {
      // Unseen: the shape rare words had in training (see unseen_short()).
      TcApplyShape(key, UnseenShape(key), &form);
    }
    if (start && !quoted_end)
      for (char& c : form)
        if (TcIsUpper(c) || TcIsLower(c)) {
          c = TcToUpper(c);
          break;
        }
    // A word never ends a sentence, not even an abbreviation that may
    // ("dll."): without capitals that cannot be told, and the next word
    // keeps its own case.
    start = false;
    if (form.size() != w.size()) continue;  // cannot happen: the same ASCII word
    if (form != w) {
      ++changed;
      std::copy(form.begin(), form.end(), text->begin() + t.begin);
    }
  }
  return changed;
}

// ---- TruecaseTrainer

void TruecaseTrainer::Add(std::string_view cased) {
  if (DetectLetterCase(cased, 20) != LetterCase::kMixed) {
    ++skipped_;
    return;
  }
  tokens_.clear();
  tokenizer_.Tokenize(cased, &tokens_);
  const size_t n = tokens_.size();
  // A headline in Title Case ("Jangan Sampai Kisruh Taksi dan Ojek Online
  // Jadi Besar") capitalises common words: it would teach that they are
  // names. A sentence full of names still writes some words small
  // ("Presiden Joko Widodo tiba di Jakarta": 4 of 6 inside).
  size_t inside = 0, capitalised = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = TokenText(cased, tokens_[i]);
    if (tokens_[i].kind != TokenKind::kWord || w.size() < 2 || !TcIsCaseableWord(w) ||
        !TcInsideSentence(cased, tokens_, i))
      continue;
    ++inside;
    capitalised += ShapeOf(w) != WordShape::kLower;
  }
  if (inside >= 4 && capitalised * 4 > inside * 3) {
    ++skipped_;
    return;
  }
  ++added_;
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) TcLowerAscii(TokenText(cased, tokens_[i]), &keys[i]);
  std::string probe;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = TokenText(cased, tokens_[i]);
    if (tokens_[i].kind != TokenKind::kWord || !TcIsCaseableWord(w)) continue;
    if (TcAfterQuotedEnd(tokens_, keys, i)) {
      probe.assign(keys[i - 2]).append(keys[i - 1]).append(1, '\t').append(keys[i]);
      ++after_quoted_end_[probe].shape[static_cast<int>(ShapeOf(w))];
      continue;
    }
    if (!TcInsideSentence(cased, tokens_, i)) continue;
    const WordShape shape = ShapeOf(w);
    const int s = static_cast<int>(shape);
    WordCounts& wc = words_[keys[i]];
    ++wc.c.shape[s];
    if (shape == WordShape::kMixed) ++wc.mixed[std::string(w)];
    probe.assign(keys[i - 1]).append(1, '\t').append(keys[i]);
    ++after_[probe].shape[s];
    if (i + 1 < n) {
      probe.assign(keys[i]).append(1, '\t').append(keys[i + 1]);
      ++before_[probe].shape[s];
    }
  }
}

std::string TruecaseTrainer::Write(const TruecaseTrainOptions& options) const {
  auto best_of = [](const Counts& c) {
    int b = 0;
    for (int s = 1; s < 4; ++s)
      if (c.shape[s] > c.shape[b]) b = s;
    return b;
  };
  auto form_of = [](const std::string& key, const WordCounts& wc, int shape, std::string* out) {
    if (shape != static_cast<int>(WordShape::kMixed)) {
      TcApplyShape(key, static_cast<WordShape>(shape), out);
      return;
    }
    // The most written mixed form; ties to the smallest, for determinism.
    const std::pair<const std::string, int32_t>* top = nullptr;
    for (const auto& kv : wc.mixed)
      if (!top || kv.second > top->second || (kv.second == top->second && kv.first < top->first)) top = &kv;
    out->assign(top ? top->first : key);
  };
  // What rare words look like: the words seen once inside sentences, by
  // length, decide what an unseen word becomes in all-caps text.
  int64_t rare[2][3] = {{0, 0, 0}, {0, 0, 0}};
  for (const auto& [key, wc] : words_) {
    if (wc.c.total() != 1) continue;
    int b = best_of(wc.c);
    if (b < 3) ++rare[TcIsShortWord(key) ? 0 : 1][b];
  }
  WordShape unseen[2];
  for (int len = 0; len < 2; ++len) {
    int b = 0;
    for (int s = 1; s < 3; ++s)
      if (rare[len][s] > rare[len][b]) b = s;
    unseen[len] = static_cast<WordShape>(b);
  }
  // The spelling rule: a naive Bayes over the n-grams of the long words
  // seen once (Title Case against lower case), add-one smoothed; n-grams
  // held fewer than min_ngram_count times get no line (weight 0).
  std::map<std::string, std::array<int64_t, 2>> ngrams;  // sorted: a deterministic file
  int64_t spelled[2] = {0, 0}, ngram_total[2] = {0, 0};
  if (options.min_ngram_count > 0)
    for (const auto& [key, wc] : words_) {
      if (wc.c.total() != 1 || !TcIsSpelledWord(key)) continue;
      const int b = best_of(wc.c);
      if (b != static_cast<int>(WordShape::kLower) && b != static_cast<int>(WordShape::kTitle)) continue;
      const int cls = b == static_cast<int>(WordShape::kTitle) ? 1 : 0;
      ++spelled[cls];
      TcForEachNgram(key, [&](std::string_view g) {
        ++ngrams[std::string(g)][static_cast<size_t>(cls)];
        ++ngram_total[cls];
      });
    }
  const bool spelling = spelled[0] > 0 && spelled[1] > 0;
  std::unordered_map<uint32_t, float> weights;  // as the model file is read back
  float prior = 0;
  std::vector<std::string> ngram_lines;
  if (spelling) {
    const double vocabulary = static_cast<double>(ngrams.size());
    prior = static_cast<float>(std::log(static_cast<double>(spelled[1]) / static_cast<double>(spelled[0])));
    char buf[32];
    for (const auto& [g, c] : ngrams) {
      if (c[0] + c[1] < options.min_ngram_count) continue;
      const double w = std::log((static_cast<double>(c[1]) + 1) / (static_cast<double>(ngram_total[1]) + vocabulary)) -
                       std::log((static_cast<double>(c[0]) + 1) / (static_cast<double>(ngram_total[0]) + vocabulary));
      std::snprintf(buf, sizeof buf, "%.3f", w);
      float rounded = 0;
      std::sscanf(buf, "%f", &rounded);  // what a reader of the file gets
      weights[NgramKey(g)] = rounded;
      ngram_lines.push_back("g\t" + g + "\t" + buf);
    }
    char buf2[32];
    std::snprintf(buf2, sizeof buf2, "%.3f", prior);
    std::sscanf(buf2, "%f", &prior);
  }
  // What an unseen word becomes, as Truecaser::UnseenShape reads the file.
  auto unseen_shape = [&](const std::string& key) {
    if (TcIsShortWord(key)) return unseen[0];
    if (!spelling || !TcIsSpelledWord(key)) return unseen[1];
    return TcSpelledShape(key, prior, weights);
  };
  // A word the unseen rule writes right needs no line: the model stays
  // small (most long words are lower case, like the rare ones) and says
  // the same.
  std::vector<std::string> lines, implied_words;
  std::string form, implied;
  size_t kept = 0, implicit = 0;
  for (const auto& [key, wc] : words_) {
    if (wc.c.total() < options.min_count) continue;
    ++kept;
    form_of(key, wc, best_of(wc.c), &form);
    TcApplyShape(key, unseen_shape(key), &implied);
    if (form == implied) {
      ++implicit;
      implied_words.push_back(key);
      continue;
    }
    lines.push_back("w\t" + form);
  }
  size_t bigram_lines = 0;
  // After '."' and the like a line is written when the majority form is not
  // what a sentence start would give (the word's form, capitalised): it
  // says the word goes on the sentence ('." kata dia').
  for (const auto& [ctx_key, c] : after_quoted_end_) {
    const int32_t total = c.total();
    if (total < options.min_bigram_count) continue;
    const int b = best_of(c);
    if (c.shape[b] * 2 <= total) continue;
    size_t tab = ctx_key.find('\t');
    std::string key = ctx_key.substr(tab + 1);
    auto it = words_.find(key);
    if (it == words_.end() || it->second.c.total() < options.min_count) continue;
    form_of(key, it->second, b, &form);
    std::string start_form;
    form_of(key, it->second, best_of(it->second.c), &start_form);
    for (char& ch : start_form)
      if (TcIsUpper(ch) || TcIsLower(ch)) {
        ch = TcToUpper(ch);
        break;
      }
    if (form == start_form) continue;
    lines.push_back("a\t" + ctx_key.substr(0, tab) + "\t" + form + "\t" + std::to_string(c.shape[b]) + "\t" +
                    std::to_string(total));
    ++bigram_lines;
  }
  for (int side = 0; side < 2; ++side) {
    for (const auto& [ctx_key, c] : side == 0 ? after_ : before_) {
      const int32_t total = c.total();
      if (total < options.min_bigram_count) continue;
      const int b = best_of(c);
      if (c.shape[b] * 2 <= total) continue;  // no majority: the word's own form is as good
      size_t tab = ctx_key.find('\t');
      std::string key = side == 0 ? ctx_key.substr(tab + 1) : ctx_key.substr(0, tab);
      std::string ctx = side == 0 ? ctx_key.substr(0, tab) : ctx_key.substr(tab + 1);
      auto it = words_.find(key);
      if (it == words_.end() || it->second.c.total() < options.min_count || best_of(it->second.c) == b) continue;
      form_of(key, it->second, b, &form);
      lines.push_back(std::string(side == 0 ? "a\t" : "b\t") + ctx + "\t" + form + "\t" + std::to_string(c.shape[b]) +
                      "\t" + std::to_string(total));
      ++bigram_lines;
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out = "# warta truecase model, format 2 (src/text/truecase.h)\n";
  if (!options.description.empty()) out += "# " + options.description + "\n";
  out += "# " + std::to_string(added_) + " texts read, " + std::to_string(skipped_) +
         " skipped (case-less, all caps or Title Case); " + std::to_string(kept) + " words seen at least " +
         std::to_string(options.min_count) + " times inside sentences (" + std::to_string(implicit) +
         " of them written as an unseen word would be: only listed on \"s\" lines), " + std::to_string(bigram_lines) +
         " context lines (seen at least " + std::to_string(options.min_bigram_count) + " times)\n";
  for (int len = 0; len < 2; ++len) {
    const WordShape b = unseen[len];
    out += "# words seen once, " + std::string(len == 0 ? "2-5 letters" : "others") +
           ": lower " + std::to_string(rare[len][0]) + ", title " + std::to_string(rare[len][1]) + ", upper " +
           std::to_string(rare[len][2]) + "\n";
    out += std::string("unseen\t") + (len == 0 ? "short" : "long") + "\t" + TcShapeName(b) + "\n";
  }
  if (spelling) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", prior);
    out += "# long words seen once, letters only: lower " + std::to_string(spelled[0]) + ", title " +
           std::to_string(spelled[1]) + "; " + std::to_string(ngram_lines.size()) + " of their " +
           std::to_string(ngrams.size()) + " n-grams held at least " + std::to_string(options.min_ngram_count) +
           " times\n";
    out += std::string("unseen\tlong\tspelling\t") + buf + "\n";
    for (const std::string& l : ngram_lines) out += l + "\n";
  }
  for (const std::string& l : lines) out += l + "\n";
  // The words seen that need no line, so that a reader can tell a word the
  // model knows (lower case, say) from one it never saw (CasedNames only
  // speak for the latter): packed, about 1 KB a line.
  std::sort(implied_words.begin(), implied_words.end());
  std::string packed;
  for (const std::string& w : implied_words) {
    if (!packed.empty()) packed += ' ';
    packed += w;
    if (packed.size() >= 1000) {
      out += "s\t" + packed + "\n";
      packed.clear();
    }
  }
  if (!packed.empty()) out += "s\t" + packed + "\n";
  return out;
}

}  // namespace warta::text
