#include "claims/claim_analyzer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace warta::claims {
namespace {

using text::Token;
using text::TokenKind;

bool IsUpperStart(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  int upper = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      ++upper;
    else if (!(c >= 'a' && c <= 'z'))
      return false;
  }
  return IsUpperStart(s) && upper >= 2;  // "MMSCFD", "BAP", "kWh" is not (lower start)
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------------------
// The lexicon (text/lexicon.h: number_words.tsv, currencies.tsv, bounds.tsv,
// claims.tsv, speech_verbs.tsv) as the scans below read it.

// Roles of number words in a spelled-out number (number_words.tsv).
using NumWord = text::NumberKind;
struct NumInfo {
  NumWord kind;
  double value;
};

// A word class of the lexicon, looked up as the sets it replaces were.
class ClassView {
 public:
  ClassView(const text::Lexicon& lexicon, text::WordClass c) : lexicon_(lexicon), class_(c) {}
  bool count(std::string_view lower) const { return lexicon_.Is(class_, lower); }

 private:
  const text::Lexicon& lexicon_;
  text::WordClass class_;
};

// One lookup per word token gives every role the scans below test.
enum : uint32_t {
  kQuantityWord = 1 << 0,  // may start a figure: number and vague words, currency codes
  kClaimVerb = 1 << 1,
  kAfterVerb = 1 << 2,
  kHedge = 1 << 3,
  kEvidenceVerb = 1 << 4,
  kPassiveVerb = 1 << 5,
  kMenurut = 1 << 6,     // menurut, menurutnya
  kSourceLink = 1 << 7,  // berdasarkan, sesuai
  kAnaphor = 1 << 8,     // tersebut, itu, ini: points back to a figure or subject named before
  kSubjectHead = 1 << 9,  // harga, inflasi, produksi: names what a figure measures
};
// Every flagged word of `lexicon` with its flags. Keys view the lexicon's
// words, which outlive the analyser that holds the map.
std::unordered_map<std::string_view, uint32_t> Flags(const text::Lexicon& lexicon) {
  std::unordered_map<std::string_view, uint32_t> out;
  auto add = [&out](std::string_view w, uint32_t f) { out[w] |= f; };
  using text::WordClass;
  for (const text::NumberWord& n : lexicon.number_words())
    if (n.kind != text::NumberKind::kMultiplier) add(n.word, kQuantityWord);
  for (const text::Currency& c : lexicon.currencies())
    if (c.prefix) add(c.word, kQuantityWord);
  for (const std::string& w : lexicon.Words(WordClass::kClaimCurrencyPiece)) add(w, kQuantityWord);
  for (const text::SpeechVerb& v : lexicon.speech_verbs()) {
    if (v.Has(text::SpeechRole::kClaim)) add(v.word, kClaimVerb);
    // "…, kata X": the roots and -nya forms; a me- verb after a figure
    // ("…, mengatakan X" is rare) starts the next clause instead.
    if (v.Has(text::SpeechRole::kAfter) && !v.Has(text::SpeechRole::kBefore)) add(v.word, kAfterVerb);
    if (v.Has(text::SpeechRole::kEvidence)) add(v.word, kEvidenceVerb);
    if (v.Has(text::SpeechRole::kPassive)) add(v.word, kPassiveVerb);
    if (v.Has(text::SpeechRole::kAccording)) add(v.word, kMenurut);
  }
  for (const std::string& w : lexicon.Words(WordClass::kClaimHedge)) add(w, kHedge);
  for (const std::string& w : lexicon.Words(WordClass::kClaimSourceLink)) add(w, kSourceLink);
  for (const std::string& w : lexicon.Words(WordClass::kDemonstrative)) add(w, kAnaphor);
  for (const std::string& w : lexicon.Words(WordClass::kClaimSubjectHead)) add(w, kSubjectHead);
  return out;
}

// Most words are in no list: a bit per (first letter, second letter,
// length) rules them out before hashing.
// Most words are in no list: a bit per (first two letters, last letter,
// length), case-blind, rules them out before lower-casing and hashing.
class LexiconFilter {
 public:
  void Add(std::string_view w) {
    if (size_t k = Key(w); k != kNone) bits_[k / 64] |= uint64_t{1} << (k % 64);
  }
  bool MayHold(std::string_view w) const {
    size_t k = Key(w);
    return k == kNone ? true : (bits_[k / 64] >> (k % 64)) & 1;
  }

 private:
  static constexpr size_t kNone = ~size_t{0};
  static constexpr size_t kBits = size_t{1} << 16;
  static int Letter(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return -1;
  }
  static size_t Key(std::string_view w) {
    if (w.size() < 2) return kNone;
    const int a = Letter(w[0]), b = Letter(w[1]), z = Letter(w.back());
    if (a < 0 || b < 0 || z < 0) return kNone;
    const size_t k = ((static_cast<size_t>(a) * 26 + static_cast<size_t>(b)) * 26 + static_cast<size_t>(z)) * 32 +
                     std::min<size_t>(w.size(), 31);
    return (k * 0x9E3779B97F4A7C15ull >> 20) % kBits;
  }
  uint64_t bits_[kBits / 64] = {};
};
std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Verb-shaped: the active and passive prefixes of Indonesian verbs.
bool IsVerbShaped(std::string_view w, const text::Lexicon& lexicon) {
  if (lexicon.Is(text::WordClass::kClaimNounException, w)) return false;
  if (w.size() >= 5 && w.substr(0, 2) == "me") {
    char c = w[2];
    if (c == 'm' || c == 'n' || c == 'l' || c == 'r' || c == 'w' || c == 'y') return true;
  }
  if (w.size() >= 6 && (w.substr(0, 3) == "ber" || w.substr(0, 3) == "ter")) return true;
  if (w.size() >= 6 && w.substr(0, 2) == "di") return true;
  if (w.size() >= 6 && w.substr(0, 3) == "per" && EndsWith(w, "kan")) return true;
  return false;
}

}  // namespace

// The lexicon indexed for the scans: one lookup per word token gives every
// role (Flags), after a filter has ruled most words out.
struct ClaimAnalyzer::Tables {
  explicit Tables(const text::Lexicon& lex) : lexicon(lex), flags(Flags(lex)) {
    for (const auto& [w, f] : flags) (void)f, filter.Add(w);
    for (const text::NumberWord& n : lex.number_words()) {
      if (n.kind == text::NumberKind::kMultiplier) multipliers.emplace(n.word, n.value);
      else if (n.kind == text::NumberKind::kVague) vague_words.emplace(n.word, n.value);
      else number_words.emplace(n.word, NumInfo{n.kind, n.value});
    }
    for (const text::Currency& c : lex.currencies()) {
      (c.prefix ? currency_prefixes : currency_words).emplace(c.word, c.canonical);
      currency_names.insert(FoldAscii(c.canonical));
    }
    for (const text::CanonicalUnit& u : lex.canonical_units()) {
      if (!u.qualifier) {
        canonical_units.emplace(u.written, u.canonical);
        continue;
      }
      qualifiers.emplace(u.written, u.canonical);
      qualifier_first_words.insert(u.written.substr(0, u.written.find_first_of(" -")));
      // Words as the tokenizer splits them: "year-on-year" is five tokens.
      size_t words = 1;
      for (char ch : u.written) words += ch == ' ' || ch == '-';
      max_qualifier_tokens = std::max(max_qualifier_tokens, 2 * words - 1);
    }
    for (const std::string& c : lex.Words(text::WordClass::kClaimClitic)) clitics.emplace_back(c);
    for (const text::OrdinalWord& o : lex.ordinals())
      if (o.word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos && o.word.size() > 3 &&
          !number_words.count(o.word))
        ordinal_words.insert(o.word);
    for (const text::TimeUnitWord& t : lex.time_units())
      if (t.count == 0) time_words.insert(t.word);
    for (const text::BoundPhrase& b : lex.bounds()) {
      bound_phrases.emplace(b.phrase, b.bound);
      // Every word of the bound phrases (not names when capitalised).
      size_t start = 0;
      for (;;) {
        size_t sp = b.phrase.find(' ', start);
        bound_words.insert(b.phrase.substr(start, sp == std::string::npos ? sp : sp - start));
        if (sp == std::string::npos) break;
        start = sp + 1;
      }
    }
  }
  // Keys and values view the lexicon's strings.
  const text::Lexicon& lexicon;
  std::unordered_map<std::string_view, uint32_t> flags;
  LexiconFilter filter;
  std::unordered_map<std::string_view, NumInfo> number_words;  // parts of spelled-out numbers
  std::unordered_map<std::string_view, double> multipliers;    // after digits: "1,5 juta"
  std::unordered_map<std::string_view, double> vague_words;    // base of the order of magnitude
  std::unordered_map<std::string_view, std::string_view> currency_prefixes, currency_words;  // -> canonical
  std::unordered_map<std::string_view, std::string_view> bound_phrases;  // longest phrase wins
  std::unordered_map<std::string_view, std::string_view> canonical_units, qualifiers;  // units.tsv
  size_t max_qualifier_tokens = 0;
  std::unordered_set<std::string> currency_names;  // "dolar as", "rupiah": units that are currencies
  std::unordered_set<std::string> qualifier_first_words;  // "year", "secara", "yoy": a cheap test before building phrases
  std::vector<std::string_view> clitics;  // "nya"
  std::unordered_set<std::string> bound_words;
  // "pertama", "keempat" (ordinals.tsv, spelled out): a listed item's number.
  std::unordered_set<std::string_view> ordinal_words;
  // "hari", "tahun" (time_units.tsv, written before a count): inside a noun
  // phrase between nouns they are part of a name ("tunjangan hari tua").
  std::unordered_set<std::string_view> time_words;
};

ClaimAnalyzer::ClaimAnalyzer(ClaimAnalyzerOptions options) : options_(std::move(options)) {
  if (!options_.lexicon) options_.lexicon = text::Lexicon::Builtin();
  tables_ = std::make_shared<const Tables>(*options_.lexicon);
}

ClaimAnalyzer::~ClaimAnalyzer() = default;

// ---------------------------------------------------------------------------

std::optional<double> ParseDigits(std::string_view s) {
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  size_t dots = 0, commas = 0;
  for (char c : s) {
    if (c == '.')
      ++dots;
    else if (c == ',')
      ++commas;
    else if (c < '0' || c > '9')
      return std::nullopt;
  }
  if (s.back() == '.' || s.back() == ',') return std::nullopt;
  // Which separator is the decimal point, if any.
  char decimal = 0;
  if (dots && commas) {
    decimal = s.find_last_of('.') > s.find_last_of(',') ? '.' : ',';
  } else if (dots || commas) {
    const char sep = dots ? '.' : ',';
    const size_t count = dots ? dots : commas;
    // Thousands groups: every group after the first has three digits.
    bool grouped = true;
    size_t first = s.find(sep);
    if (first == 0 || first > 3) grouped = false;
    for (size_t at = first; grouped && at != std::string_view::npos;) {
      size_t next = s.find(sep, at + 1);
      size_t len = (next == std::string_view::npos ? s.size() : next) - at - 1;
      if (len != 3) grouped = false;
      at = next;
    }
    // Indonesian writes "1,5" and "14,650" (a decimal comma); one dot with
    // three digits after it is a thousands dot ("10.000").
    if (sep == ',' && count == 1) grouped = false;
    if (!grouped) {
      if (count > 1) return std::nullopt;  // "1.2.3": a version or an id
      decimal = sep;
    }
  }
  const size_t int_end = decimal ? s.find_last_of(decimal) : s.size();
  if (int_end > 1 && s[0] == '0' && s[1] != '.' && s[1] != ',') return std::nullopt;  // "021", "0812"
  double value = 0;
  for (size_t i = 0; i < int_end; ++i)
    if (s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i] - '0');
  // The fraction as an integer over a power of ten: "0,48" is 48 / 100,
  // exactly the double 0.48 (digits past the 15th add nothing).
  double fraction = 0, denominator = 1;
  for (size_t i = int_end + 1; decimal && i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    if (denominator < 1e15) fraction = fraction * 10 + (s[i] - '0'), denominator *= 10;
  }
  value += fraction / denominator;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

namespace {

// v x m as the writer meant it: "8,20 juta" is 8,200,000, not the
// 8199999.999999999 that 8.2 (a binary fraction) times 1e6 gives. The
// product is rounded to 15 significant digits, what a double holds.
double Scaled(double v, double m) {
  if (m == 1) return v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v * m);
  return std::strtod(buf, nullptr);
}

struct Quantity {
  size_t begin = 0, end = 0;  // tokens, currency prefix included
  double low = 0, high = 0;
  bool range = false;  // vague word or an in-token range
  bool has_multiplier = false;
  bool bare_one = false;  // "satu" alone: a figure only as a range's low end
  std::string currency;   // from a prefix
};

struct Who {
  std::string name, id;
  bool found() const { return !name.empty(); }
};

class Run {
 public:
  Run(const ClaimAnalyzerOptions& options, const ClaimAnalyzer::Tables& tables, const Article& article,
      const analyse::AnalysisContext& ctx)
      : opt_(options), tables_(tables), lex_(tables.lexicon), article_(article), ctx_(ctx), toks_(ctx.tokens()), n_(toks_.size()) {
    // Lower-cased on first use, token by token (Lw): most never are.
    lower_ = ctx.text();
    lowered_.assign(n_, false);
    flags_.assign(n_, 0);
    sent_.assign(n_, 0);
    in_timex_.assign(n_, false);
    for (size_t i = 0; i < n_; ++i) {
      if (toks_[i].kind != TokenKind::kWord && toks_[i].kind != TokenKind::kSymbol) continue;
      if (!tables_.filter.MayHold(Tok(i))) continue;
      auto it = tables_.flags.find(Lw(i));
      if (it != tables_.flags.end()) flags_[i] = it->second;
    }
    const auto& sents = ctx.sentences();
    for (size_t s = 0; s < sents.size(); ++s)
      for (uint32_t i = sents[s].first_token; i < sents[s].end_token && i < n_; ++i) sent_[i] = static_cast<int>(s);
    // Tokens inside a time expression: one sweep, both lists in text order.
    size_t t = 0;
    const auto& tx = article.timexes;
    for (size_t i = 0; i < n_ && t < tx.size(); ++i) {
      while (t < tx.size() && tx[t].span.end <= toks_[i].cp_begin) ++t;
      if (t < tx.size() && tx[t].span.begin < toks_[i].cp_end) in_timex_[i] = true;
    }
    carried_.resize(sents.size());
    carried_done_.assign(sents.size(), false);
  }

  std::vector<Claim> Go() {
    std::vector<Claim> out;
    for (size_t i = 0; i < n_;) {
      size_t next = i + 1;
      if (!StartsQuantity(i)) {
        ++i;
        continue;
      }
      if (Claim c; Try(i, &c, &next)) out.push_back(std::move(c));
      i = std::max(next, i + 1);
    }
    return out;
  }

 private:
  // The lexicon's tables and word classes, named as the analyser reads them.
  const auto& NumberWords() const { return tables_.number_words; }
  const auto& Multipliers() const { return tables_.multipliers; }
  const auto& VagueWords() const { return tables_.vague_words; }
  const auto& CurrencyPrefixes() const { return tables_.currency_prefixes; }
  const auto& CurrencyWords() const { return tables_.currency_words; }
  const auto& BoundPhrases() const { return tables_.bound_phrases; }
  const auto& BoundWords() const { return tables_.bound_words; }
  ClassView AfterPostposedLebih() const { return {lex_, text::WordClass::kClaimAfterPostposedLebih}; }
  ClassView NeutralMarkers() const { return {lex_, text::WordClass::kClaimNeutralMarker}; }
  ClassView IdentifierWords() const { return {lex_, text::WordClass::kClaimIdentifierWord}; }
  ClassView NotUnits() const { return {lex_, text::WordClass::kClaimNotUnit}; }
  ClassView Classifiers() const { return {lex_, text::WordClass::kClaimClassifier}; }
  ClassView CompoundUnits() const { return {lex_, text::WordClass::kClaimCompoundUnit}; }
  ClassView NotUnitAcronyms() const { return {lex_, text::WordClass::kClaimNotUnitAcronym}; }
  ClassView RangeLinks() const { return {lex_, text::WordClass::kClaimRangeLink}; }
  ClassView Hedges() const { return {lex_, text::WordClass::kClaimHedge}; }
  ClassView SourceNouns() const { return {lex_, text::WordClass::kClaimSourceNoun}; }
  ClassView LeadingConnectives() const { return {lex_, text::WordClass::kClaimLeadingConnective}; }
  ClassView Adverbs() const { return {lex_, text::WordClass::kClaimAdverb}; }
  ClassView PhraseStops() const { return {lex_, text::WordClass::kClaimPhraseStop}; }
  // "ia", "beliau": the nearest preceding person.
  bool IsPronoun(std::string_view lower) const { return lex_.Is(text::WordClass::kPersonPronoun, lower); }
  // "mereka", "saya": nobody a figure could be attributed to.
  bool IsOpaquePronoun(std::string_view lower) const { return lex_.Is(text::WordClass::kClaimOpaquePronoun, lower); }

  std::string_view Tok(size_t i) const { return ctx_.TokenText(i); }
  // The token lower-cased (ASCII), a view into one lower-cased copy of the
  // text: lower-casing keeps byte offsets.
  std::string_view Lw(size_t i) const {
    const Token& t = toks_[i];
    if (!lowered_[i]) {
      lowered_[i] = true;
      for (uint32_t k = t.begin; k < t.end; ++k)
        if (lower_[k] >= 'A' && lower_[k] <= 'Z') lower_[k] = static_cast<char>(lower_[k] - 'A' + 'a');
    }
    return std::string_view(lower_).substr(t.begin, t.end - t.begin);
  }
  bool Has(size_t i, uint32_t flag) const { return i < n_ && (flags_[i] & flag) != 0; }
  // The length of the lexicon's clitic ending `w` ("harganya": 3), when at
  // least three letters stay before it; else 0. One rule for units,
  // subjects and speech verbs.
  size_t CliticAt(std::string_view w) const {
    for (std::string_view c : tables_.clitics)
      if (w.size() >= c.size() + 3 && EndsWith(w, c)) return c.size();
    return 0;
  }
  bool IsWord(size_t i) const { return i < n_ && toks_[i].kind == TokenKind::kWord; }
  bool IsNum(size_t i) const { return i < n_ && toks_[i].kind == TokenKind::kNumber; }
  bool SameSentence(size_t a, size_t b) const { return a < n_ && b < n_ && sent_[a] == sent_[b]; }
  size_t SentFirst(size_t i) const { return ctx_.sentences()[sent_[i]].first_token; }
  size_t SentEnd(size_t i) const { return std::min<size_t>(ctx_.sentences()[sent_[i]].end_token, n_); }
  // Where a capital letter says nothing: the sentence's first word, or the
  // first after a full stop or an opening quote inside it (the splitter
  // keeps a quotation of several sentences together).
  bool SentenceInitial(size_t i) const {
    // (A few opening marks at most: a sentence of stray punctuation must not
    // be rescanned for every figure in it.)
    const size_t first = SentFirst(i);
    size_t f = first;
    while (f < i && f < first + 8 && toks_[f].kind != TokenKind::kWord && toks_[f].kind != TokenKind::kNumber) ++f;
    if (f == i) return true;
    if (i == 0) return true;
    std::string_view p = Tok(i - 1);
    return p == "." || p == "!" || p == "?" || p == "…" || p == "..." || toks_[i - 1].kind == TokenKind::kQuote ||
           p == "(";
  }
  std::string Text(size_t first, size_t end) const {
    return std::string(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
  }

  // ---- numbers -----------------------------------------------------------

  // Currency written before the amount at token i ("Rp", "US$", "$"); sets
  // *after to the first token of the amount.
  bool CurrencyPrefix(size_t i, std::string* currency, size_t* after) const {
    if (i >= n_) return false;
    const auto& cp = CurrencyPrefixes();
    if (lex_.Is(text::WordClass::kClaimCurrencyPiece, Lw(i)) && i + 1 < n_ && Tok(i + 1) == "$" &&
        !toks_[i + 1].space_before) {
      auto it = cp.find(std::string(Lw(i)) + "$");
      if (it == cp.end()) return false;
      *currency = std::string(it->second);
      *after = i + 2;
      return true;
    }
    std::string_view key = toks_[i].kind == TokenKind::kSymbol ? Tok(i) : std::string_view(Lw(i));
    auto it = cp.find(key);
    if (it == cp.end()) return false;
    // An all-lower "rm" is a word ("rm padang"); a currency code is written
    // in capitals, or (case-less text: "rp 2.341.000", "usd 3.850") right
    // before the digits of its amount.
    if (toks_[i].kind == TokenKind::kWord && !IsUpperStart(Tok(i)) &&
        !(i + 1 < n_ && toks_[i + 1].kind == TokenKind::kNumber && SameSentence(i, i + 1)))
      return false;
    *currency = std::string(it->second);
    *after = i + 1;
    return true;
  }

  // A spelled-out number at token i ("tiga ratus ribu"). "satu" or
  // "setengah" alone is not a figure.
  bool ParseWords(size_t i, Quantity* q) const {
    const auto& words = NumberWords();
    double total = 0, cur = 0, last_unit = 0;
    bool any = false, last_was_unit = false, scaled = false;
    size_t j = i;
    const size_t end = SentEnd(i);
    for (; j < end && IsWord(j); ++j) {
      auto it = words.find(Lw(j));
      if (it == words.end()) break;
      // A capitalised number word inside a sentence is a name ("di Lima").
      if (IsUpperStart(Tok(j)) && !(j == i && SentenceInitial(i))) break;
      const NumInfo& w = it->second;
      bool ok = true;
      switch (w.kind) {
        case NumWord::kUnit:
          if (last_was_unit)
            ok = false;
          else
            cur += w.value, last_unit = w.value;
          break;
        case NumWord::kTen:
          if (last_was_unit)
            ok = false;
          else
            cur += w.value;
          break;
        case NumWord::kTeen:
          if (!last_was_unit)
            ok = false;
          else
            cur += w.value;
          break;
        case NumWord::kTens:
          if (!last_was_unit)
            ok = false;
          else
            cur += last_unit * 9;
          break;
        case NumWord::kHundreds:
          if (!last_was_unit)
            ok = false;
          else
            cur += last_unit * 99;
          break;
        case NumWord::kHalf:
          if (!(j + 1 < end && IsWord(j + 1) && Multipliers().count(Lw(j + 1))))
            ok = false;
          else
            cur += w.value;
          break;
        case NumWord::kScale: {
          if (Lw(j) == "seribu" || Lw(j) == "sejuta") {
            if (cur != 0)
              ok = false;
            else
              total += w.value, scaled = true;
          } else if (cur == 0) {
            ok = false;
          } else {
            total += cur * w.value;
            cur = 0;
            scaled = true;
          }
          break;
        }
        case NumWord::kMultiplier:  // kept in Multipliers() and VagueWords(), not here
        case NumWord::kVague:
        case NumWord::kCount:
          ok = false;
          break;
      }
      if (!ok) break;
      any = true;
      last_was_unit = w.kind == NumWord::kUnit;
    }
    if (!any) return false;
    // "satu orang" is "one person" as an article; only a scaled "satu", or
    // the low end of a range ("satu sampai dua meter"), counts.
    q->bare_one = j == i + 1 && Lw(i) == "satu";
    q->begin = i;
    q->end = j;
    q->low = q->high = total + cur;
    q->has_multiplier = scaled;
    return q->low > 0;
  }

  // The multiplier after digits, if any ("juta"; "M"/"T" after a currency).
  double Multiplier(size_t j, bool currency, size_t* used) const {
    if (!IsWord(j) || !SameSentence(j, j - 1)) return 1;
    auto it = Multipliers().find(Lw(j));
    if (it != Multipliers().end()) {
      *used = 1;
      return it->second;
    }
    if (currency && (Tok(j) == "M" || Tok(j) == "T")) {
      *used = 1;
      return Tok(j) == "M" ? 1e9 : 1e12;
    }
    return 1;
  }

  // A quantity starting at token i: [currency] number [multiplier].
  bool ParseQuantity(size_t i, Quantity* q) const {
    if (i >= n_ || in_timex_[i]) return false;
    size_t at = i;
    std::string currency;
    if (CurrencyPrefix(i, &currency, &at)) {
      if (at >= n_ || !SameSentence(i, at)) return false;
    }
    q->begin = i;
    q->currency = currency;
    if (at >= n_ || in_timex_[at]) return false;
    std::string_view t = Tok(at);
    if (toks_[at].kind == TokenKind::kNumber) {
      // Glued pieces of an over-long token: not a figure anybody wrote.
      if (at + 1 < n_ && toks_[at + 1].kind == TokenKind::kNumber && !toks_[at + 1].space_before) return false;
      if (t.find_first_of("/:") != std::string_view::npos) return false;  // dates, times, ratios
      size_t dash = t.find('-');
      if (dash != std::string_view::npos) {
        if (t.find('-', dash + 1) != std::string_view::npos) return false;  // phone numbers, ids
        auto lo = ParseDigits(t.substr(0, dash)), hi = ParseDigits(t.substr(dash + 1));
        if (!lo || !hi || *lo >= *hi) return false;  // scores ("3-1")
        q->low = *lo, q->high = *hi, q->range = true;
      } else {
        auto v = ParseDigits(t);
        if (!v) return false;
        q->low = q->high = *v;
        // "US$ 2,201": after a foreign currency a comma before three digits
        // groups thousands, as in English.
        const size_t comma = t.find(',');
        if (!currency.empty() && currency != "rupiah" && t.find('.') == std::string_view::npos &&
            comma != std::string_view::npos && comma <= 3 && t.size() - comma == 4 &&
            t.find(',', comma + 1) == std::string_view::npos) {
          std::string joined(t.substr(0, comma));
          joined += t.substr(comma + 1);
          if (auto w = ParseDigits(joined)) q->low = q->high = *w;
        }
      }
      q->end = at + 1;
      size_t used = 0;
      double m = Multiplier(at + 1, !currency.empty(), &used);
      if (used) {
        q->low = Scaled(q->low, m), q->high = Scaled(q->high, m), q->has_multiplier = true;
        q->end += used;
      }
      // "andil -0,51 persen", "tumbuh −1,2 persen": a minus sign glued to the
      // figure and apart from what precedes it (not "10-20", read above as
      // one token, nor "1 - 0").
      if (currency.empty() && !q->range && at == i && at > 0 && !toks_[at].space_before && SameSentence(at - 1, at) &&
          (Tok(at - 1) == "-" || Tok(at - 1) == "\u2212") &&
          (at - 1 == SentFirst(at) || toks_[at - 1].space_before) && !(at >= 2 && IsNum(at - 2))) {
        q->begin = at - 1;
        q->low = q->high = -q->low;
      }
      return true;
    }
    if (toks_[at].kind != TokenKind::kWord) return false;
    // "Rp10.000", "Rp1,5": the currency glued to its amount.
    if (currency.empty() && t.size() > 2 && (t[0] == 'R' || t[0] == 'r') && (t[1] == 'p' || t[1] == 'P')) {
      size_t d = 2;
      if (t[d] == '.') ++d;
      if (d < t.size() && t[d] >= '0' && t[d] <= '9') {
        std::string_view digits = t.substr(d);
        // "Rp16.200-Rp16.300", "Rp80.000-90.000": a range in one token.
        std::optional<double> upper;
        if (size_t dash = digits.find('-'); dash != std::string_view::npos) {
          std::string_view right = digits.substr(dash + 1);
          if (right.size() > 2 && (right[0] == 'R' || right[0] == 'r') && (right[1] == 'p' || right[1] == 'P'))
            right.remove_prefix(right[2] == '.' ? 3 : 2);
          upper = ParseDigits(right);
          if (!upper) return false;
          digits = digits.substr(0, dash);
        }
        double m = 1;
        if (EndsWith(digits, "M") || EndsWith(digits, "T")) {
          m = digits.back() == 'M' ? 1e9 : 1e12;
          digits.remove_suffix(1);
        }
        auto v = ParseDigits(digits);
        if (!v) return false;
        if (upper && *upper <= *v) return false;
        q->currency = "rupiah";
        q->low = q->high = Scaled(*v, m);
        if (upper) q->high = Scaled(*upper, m), q->range = true;
        q->end = at + 1;
        size_t used = 0;
        double mult = Multiplier(at + 1, true, &used);
        if (used) q->low = Scaled(q->low, mult), q->high = Scaled(q->high, mult), q->has_multiplier = true, q->end += used;
        return true;
      }
      return false;
    }
    auto vague = VagueWords().find(Lw(at));
    if (vague != VagueWords().end()) {
      if (IsUpperStart(t) && !SentenceInitial(at)) return false;
      const double base = vague->second;
      double m = 1;
      size_t used = 0;
      size_t end = at + 1;
      if (IsWord(end) && SameSentence(at, end)) {
        auto it = Multipliers().find(Lw(end));
        if (it != Multipliers().end() && Lw(end) != "ratus") m = it->second, used = 1;
      }
      q->low = (base == 1 ? 11 : 2 * base) * m;
      q->high = (base == 1 ? 20 : 10 * base) * m - 1;
      q->range = true;
      q->has_multiplier = used > 0;
      q->end = end + used;
      return true;
    }
    Quantity w;
    if (!ParseWords(at, &w)) return false;
    q->low = w.low, q->high = w.high, q->end = w.end, q->has_multiplier = w.has_multiplier;
    q->bare_one = w.bare_one;
    return true;
  }

  bool StartsQuantity(size_t i) const {
    if (i >= n_) return false;
    if (toks_[i].kind == TokenKind::kNumber) return true;
    if (toks_[i].kind == TokenKind::kSymbol) return CurrencyPrefixes().count(Tok(i)) > 0;
    if (toks_[i].kind != TokenKind::kWord) return false;
    if (Has(i, kQuantityWord)) return true;
    std::string_view w = Lw(i);
    return w.size() > 2 && w[0] == 'r' && w[1] == 'p' && ((w[2] >= '0' && w[2] <= '9') || w[2] == '.');
  }

  // The number at token `first` (its first digit or word, after any currency)
  // is an identifier or part of a name.
  bool IsIdentifier(size_t first) const {
    if (first == 0 || !SameSentence(first - 1, first)) return false;
    size_t p = first - 1;
    if (toks_[p].kind == TokenKind::kWord) {
      if (IdentifierWords().count(Lw(p))) return true;
      if (IsUpperStart(Tok(p)) && !SentenceInitial(p) && !BoundWords().count(std::string(Lw(p))) &&
          !Hedges().count(Lw(p)) && !NeutralMarkers().count(Lw(p)) && !CurrencyPrefixes().count(Lw(p)))
        return true;  // "Model 3", "Asset 3", "Komisi 2"
    }
    // "ke - 1"; "1 - 0" (a score: a range would have been read from its
    // first number).
    if ((Tok(p) == "-" || Tok(p) == "–") && p > 0 && ((IsWord(p - 1) && Lw(p - 1) == "ke") || IsNum(p - 1)))
      return true;
    // "4 x 100 meter", "1920 x 1080 piksel": a product or a dimension.
    if ((Lw(p) == "x" || Tok(p) == "×") && p > 0 && IsNum(p - 1)) return true;
    if (Tok(p) == "#") return true;
    // "Pajak Penghasilan (PPh) 22": an identifier word in brackets.
    if (Tok(p) == ")" && p >= 2 && IsWord(p - 1) && IdentifierWords().count(Lw(p - 1)) && Tok(p - 2) == "(")
      return true;
    // A number plate, "B 1234 KJH": one or two capitals, the number, one to
    // three capitals.
    auto capitals = [&](size_t k, size_t most) {
      std::string_view t = Tok(k);
      if (!IsWord(k) || t.empty() || t.size() > most) return false;
      for (char ch : t)
        if (ch < 'A' || ch > 'Z') return false;
      return true;
    };
    if (capitals(p, 2) && first + 1 < n_ && SameSentence(first, first + 1) && capitals(first + 1, 3)) return true;
    return false;
  }

  // ---- bound and unit ----------------------------------------------------

  // The bound written before token `first`; *begin is where its words start.
  ClaimBound BoundBefore(size_t first, size_t* begin) const {
    *begin = first;
    size_t lo = SentFirst(first);
    // Up to three words back; the longest phrase that ends right before wins.
    ClaimBound best = ClaimBound::kExact;
    for (size_t k = 1; k <= 3; ++k) {
      if (first < lo + k) break;
      std::string phrase;
      bool words = true;
      for (size_t j = first - k; j < first; ++j) {
        if (!IsWord(j)) {
          words = false;
          break;
        }
        if (!phrase.empty()) phrase += ' ';
        phrase += Lw(j);
      }
      if (!words) break;
      auto it = BoundPhrases().find(phrase);
      if (it != BoundPhrases().end()) {
        best = ParseClaimBound(it->second).value();  // the table holds bound names only
        *begin = first - k;
      }
    }
    return best;
  }

  // The unit at token u; fills *unit and returns the token after it.
  size_t UnitAt(size_t u, const Quantity& q, std::string* unit, ClaimBound* postposed_bound) const {
    const size_t end = SentEnd(q.begin);
    if (!q.currency.empty()) {
      *unit = q.currency;
      return Rate(u, end, unit);
    }
    if (u >= end) return 0;
    if (Tok(u) == "%") {
      *unit = "persen";
      return u + 1;
    }
    if (!IsWord(u)) return 0;
    // "10.000 lebih tentara", "1.000 orang lebih"
    if (Lw(u) == "lebih" && IsWord(u + 1) && u + 1 < end) {
      std::string inner;
      ClaimBound dummy = ClaimBound::kExact;
      size_t after = UnitAt(u + 1, q, &inner, &dummy);
      if (after) {
        *unit = inner;
        *postposed_bound = ClaimBound::kMoreThan;
        return after;
      }
      return 0;
    }
    std::string_view w = Lw(u);
    if (w == "persen" || w == "prosen") {
      *unit = "persen";
      return u + 1;
    }
    if (w == "basis" && IsWord(u + 1) && Lw(u + 1) == "poin") {
      *unit = "basis poin";
      return u + 2;
    }
    auto cur = CurrencyWords().find(w);
    if (cur != CurrencyWords().end() && !(IsUpperStart(Tok(u)) && w != "usd" && w != "idr")) {
      *unit = std::string(cur->second);
      size_t after = u + 1;
      if (*unit == "dolar" && IsWord(after) && after < end) {
        std::string_view c = Lw(after);
        if (c == "as" || c == "amerika") {
          *unit = "dolar AS";
          ++after;
          if (c == "amerika" && IsWord(after) && Lw(after) == "serikat") ++after;
        } else if (IsUpperStart(Tok(after)) && c != "dan" && !IsAcronymEntity(after)) {
          *unit = "dolar " + std::string(Tok(after));
          ++after;
          if (IsWord(after) && after < end && IsUpperStart(Tok(after)) && (c == "hong" || c == "selandia")) {
            *unit += " " + std::string(Tok(after));
            ++after;
          }
        }
      } else if (*unit == "pound sterling" && IsWord(after) && Lw(after) == "sterling") {
        ++after;
      }
      return Rate(after, end, unit);
    }
    std::string word;
    if (IsAcronym(Tok(u))) {
      if (NotUnitAcronyms().count(w) || IsAcronymEntity(u)) return 0;
      word = w;
    } else {
      if (IsUpperStart(Tok(u))) return 0;  // a name
      word = w;
    }
    // "22 sebesar 1,5 persen": "sebesar", "sebanyak" introduce a figure.
    if (NotUnits().count(word) || NeutralMarkers().count(word) || NumberWords().count(word) ||
        VagueWords().count(word))
      return 0;
    if (word.find_first_of("0123456789") != std::string::npos) return 0;
    if (const size_t clitic = CliticAt(word)) {
      word.resize(word.size() - clitic);
      if (NotUnits().count(word)) return 0;
    }
    if (IsVerbShaped(word, lex_)) return 0;
    size_t after = u + 1;
    if (size_t words = CompoundAt(u, end); words > 1) {
      word = CompoundText(u, words);
      after = u + words;
    } else if (after < end && IsWord(after) && !IsUpperStart(Tok(after))) {
      std::string next(Lw(after));
      if (Classifiers().count(word) && !NotUnits().count(next) && !IsVerbShaped(next, lex_) &&
                 !NumberWords().count(next) && next.find_first_of("0123456789") == std::string::npos) {
        next.resize(next.size() - CliticAt(next));
        word += " " + next;
        ++after;
      }
    }
    *unit = word;
    return Rate(after, end, unit);
  }

  // "per hari", "/ tahun" after a unit.
  size_t Rate(size_t at, size_t end, std::string* unit) const {
    // "per 28 Februari", "per posisi Desember 2015": "as of" a date, no rate.
    const bool as_of = at + 2 < n_ && (in_timex_[at + 2] || toks_[at + 2].kind == TokenKind::kNumber);
    if (at + 1 < end && (Lw(at) == "per" || Tok(at) == "/") && IsWord(at + 1) && !IsUpperStart(Tok(at + 1)) && !as_of) {
      // "per troy ounce", "per metrik ton": a unit of several words.
      if (size_t words = CompoundAt(at + 1, end); words > 1) {
        *unit += " per " + CompoundText(at + 1, words);
        return at + 1 + words;
      }
      std::string per(Lw(at + 1));
      per.resize(per.size() - CliticAt(per));
      *unit += " per " + per;
      return at + 2;
    }
    return at;
  }

  // The number of words (2 or 3) of the lexicon's compound unit starting
  // at token u ("wet metric ton", "troy ounce"), else 0. Lower-case words
  // only: a capitalised one starts a name.
  size_t CompoundAt(size_t u, size_t end) const {
    for (size_t words = 3; words >= 2; --words) {
      if (u + words > end) continue;
      bool ok = true;
      for (size_t k = u; k < u + words && ok; ++k) ok = IsWord(k) && (k == u || !IsUpperStart(Tok(k)));
      if (ok && CompoundUnits().count(CompoundText(u, words))) return words;
    }
    return 0;
  }
  std::string CompoundText(size_t u, size_t words) const {
    std::string out(Lw(u));
    for (size_t k = u + 1; k < u + words; ++k) out.append(" ").append(Lw(k));
    return out;
  }

  bool IsAcronymEntity(size_t i) const { return !Overlapping(toks_[i].cp_begin, toks_[i].cp_end).empty(); }

  // ---- the claim ---------------------------------------------------------

  bool Try(size_t i, Claim* c, size_t* next) {
    if (!StartsQuantity(i) || in_timex_[i]) return false;
    Quantity q;
    if (!ParseQuantity(i, &q)) return false;
    *next = q.end;
    // A currency makes an amount whatever precedes it ("di level US$ 3.850").
    if (q.currency.empty() && IsIdentifier(q.begin)) return false;
    for (size_t k = q.begin; k < q.end; ++k)
      if (in_timex_[k]) return false;
    size_t span_begin = q.begin;
    ClaimBound bound = BoundBefore(q.begin, &span_begin);
    if (q.range) bound = ClaimBound::kRange;
    // A range: "10.000 hingga 12.000", "antara 1.000 dan 3.000", "2 - 5".
    size_t after = q.end;
    const size_t end = SentEnd(q.begin);
    // "70% - 75%", "20 persen hingga 30 persen": the unit written twice.
    const bool percent_between =
        q.currency.empty() && after + 2 < end && (Tok(after) == "%" || (IsWord(after) && Lw(after) == "persen"));
    if (percent_between) ++after;
    if (!q.range && after + 1 < end) {
      const std::string_view link = IsWord(after) ? Lw(after) : Tok(after);
      size_t hi_at = after + 1;
      if (link == "sampai" && IsWord(hi_at) && Lw(hi_at) == "dengan") ++hi_at;
      bool linked = RangeLinks().count(link) > 0 || (link == "dan" && bound == ClaimBound::kRange);
      Quantity hi;
      if (linked && StartsQuantity(hi_at) && ParseQuantity(hi_at, &hi) && !hi.range && !hi.bare_one &&
          (hi.currency.empty() || q.currency.empty() || hi.currency == q.currency)) {
        double lo = q.low;
        if (!q.has_multiplier && hi.has_multiplier && q.currency.empty() == hi.currency.empty()) {
          // "1-2 juta", "0,48 sampai 1,29 juta": the multiplier counts for both.
          double m = 1;
          for (size_t k = hi.begin; k < hi.end; ++k)
            if (IsWord(k) && Multipliers().count(Lw(k))) m = Multipliers().at(Lw(k));
          if (lo * m < hi.low) lo *= m;
        }
        const bool same_unit = !percent_between || (hi.end < end && (Tok(hi.end) == "%" || Lw(hi.end) == "persen"));
        if (lo < hi.low && same_unit) {
          q.low = lo;
          q.high = hi.high;
          q.range = true;
          if (q.currency.empty()) q.currency = hi.currency;
          q.end = hi.end;
          bound = ClaimBound::kRange;
        }
      }
    }
    if (bound == ClaimBound::kRange && !q.range) bound = ClaimBound::kExact;  // "antara" with no second number
    if (q.bare_one && !q.range) return false;
    std::string unit;
    ClaimBound postposed = ClaimBound::kExact;
    size_t unit_end = UnitAt(q.end, q, &unit, &postposed);
    if (!unit_end || unit.empty()) return false;
    if (postposed != ClaimBound::kExact && bound == ClaimBound::kExact) bound = postposed;
    // "N orang lebih", "N gol atau lebih", "N tahun ke atas"
    if (bound == ClaimBound::kExact && unit_end < end && IsWord(unit_end)) {
      if (Lw(unit_end) == "lebih" &&
          (unit_end + 1 >= end || !IsWord(unit_end + 1) || AfterPostposedLebih().count(Lw(unit_end + 1)))) {
        bound = ClaimBound::kMoreThan;
      } else if (Lw(unit_end) == "atau" && IsWord(unit_end + 1) && Lw(unit_end + 1) == "lebih") {
        bound = ClaimBound::kAtLeast;
        unit_end += 2;
      }
    }
    *next = unit_end;
    c->span = Span{toks_[span_begin].cp_begin, toks_[unit_end - 1].cp_end};
    c->text = Text(span_begin, unit_end);
    c->low = q.low;
    c->high = q.high;
    c->bound = bound;
    c->unit = unit;
    c->canonical_unit = CanonicalUnit(unit);
    size_t qualifier_end = unit_end;
    c->qualifier = Qualifier(span_begin, unit_end, &qualifier_end);
    c->subject = Subject(span_begin, unit_end, unit);
    // What later figures of the text may refer back to.
    prior_.push_back({q.end, unit_end, qualifier_end, sent_[q.begin], c->subject, unit,
                      IsCountUnit(unit) ? FoldAscii(unit) + (unit_end < end ? PhraseAfter(unit_end, end) : "") : ""});
    Who who = Claimant(span_begin, unit_end);
    c->claimant = who.name;
    c->claimant_entity_id = who.id;
    c->hedge = Hedge(span_begin, unit_end);
    c->date = DateOf(span_begin, unit_end);
    return true;
  }

  // The unit in canonical form (units.tsv): a rate part by part ("rupiah
  // per gram" -> "IDR/g"); a part with no canonical name stays as written.
  std::string CanonicalUnit(const std::string& unit) const {
    static constexpr std::string_view kPer = " per ";
    std::string out;
    for (size_t start = 0;;) {
      const size_t per = unit.find(kPer, start);
      const std::string part = unit.substr(start, per == std::string::npos ? std::string::npos : per - start);
      auto it = tables_.canonical_units.find(FoldAscii(part));
      if (!out.empty()) out += '/';
      out += it != tables_.canonical_units.end() ? std::string(it->second) : part;
      if (per == std::string::npos) return out;
      start = per + kPer.size();
    }
  }

  // The lexicon's rate qualifier starting at token k ("yoy", "year-on-year",
  // "secara tahunan"): its canonical name, *tokens set to its length.
  std::string_view QualifierAt(size_t k, size_t end, size_t* tokens) const {
    if (k >= end || !IsWord(k) || !tables_.qualifier_first_words.count(std::string(Lw(k)))) return {};
    std::string phrase;
    std::string_view best;
    for (size_t j = k; j < end && j < k + tables_.max_qualifier_tokens; ++j) {
      if (!IsWord(j) && Tok(j) != "-") break;
      if (j > k && toks_[j].space_before) phrase += ' ';
      phrase += Lw(j);
      auto it = tables_.qualifiers.find(phrase);
      if (it != tables_.qualifiers.end()) best = it->second, *tokens = j + 1 - k;
    }
    return best;
  }

  // Token j lies inside a rate qualifier ("year on year").
  bool InQualifier(size_t j) const {
    const size_t end = SentEnd(j);
    for (size_t k = j + 1; k-- > 0 && j - k < tables_.max_qualifier_tokens;) {
      size_t used = 0;
      if (!QualifierAt(k, end, &used).empty() && k + used > j) return true;
      if (!IsWord(k) && Tok(k) != "-") break;
    }
    return false;
  }

  // How the figure in tokens [b, e) is measured, when written right after it
  // ("2,86 persen (yoy)", "tumbuh 5 persen secara tahunan") or before it in
  // the same clause ("inflasi year on year (yoy) sebesar 2,86 persen");
  // another figure between them keeps a qualifier to its own.
  // *after is set past a qualifier written after the figure (else e).
  std::string Qualifier(size_t b, size_t e, size_t* after) const {
    *after = e;
    if (tables_.qualifiers.empty()) return "";
    const size_t end = SentEnd(b);
    size_t k = e, used = 0;
    if (k < end && Tok(k) == "(") ++k;
    if (std::string_view q = QualifierAt(k, end, &used); !q.empty()) {
      *after = k + used + (k + used < end && Tok(k + used) == ")" ? 1 : 0);
      return std::string(q);
    }
    const size_t sf = SentFirst(b);
    // Not back over an earlier figure: its qualifier is its own.
    const size_t floor = !prior_.empty() && prior_.back().sent == sent_[b] ? std::max(sf, prior_.back().scope_end) : sf;
    for (size_t j = b; j > floor && b - j < 10;) {
      --j;
      if (IsNum(j) || Tok(j) == "," || Tok(j) == ";" || Tok(j) == "%") break;
      if (std::string_view q = QualifierAt(j, b, &used); !q.empty()) return std::string(q);
    }
    return "";
  }

  // "jumlah tentara Korea Utara … berkisar antara 1.000 hingga 3.000 orang":
  // a generic unit (orang, jiwa, personel…) counts the noun after "jumlah"
  // earlier in its sentence, or in the previous sentence when this one
  // refers back to it ("Jumlah tersebut …").
  // What the figure at token b measures, as its sentence names it: for a
  // generic unit (orang, jiwa) the "jumlah X" before it (below), else the
  // nearest measure head (the lexicon's claim.subject_head) at most
  // kSubjectReach words before the figure in its sentence, with the words
  // that modify it, five words at most: "harga emas batangan antam",
  // "suku bunga acuan", "pertumbuhan ekonomi". The phrase ends at a function
  // or time word (claim.not_unit), a marker or bound word, a hedge, a
  // verb-shaped word, a figure, a time expression or punctuation. Lower
  // case, so the tracker groups one subject however outlets capitalise it.
  std::string Subject(size_t b, size_t unit_end, const std::string& unit) const {
    if (lex_.Is(text::WordClass::kClaimGenericUnit, unit)) {
      if (std::string total = TotalSubject(b, unit); !total.empty()) return total;
      // "tiga orang anggota Densus", "136 orang mahasiswa": a generic unit
      // before a common noun counts what that noun names ("40 personel
      // TNI" names its own).
      if (unit_end < SentEnd(b) && IsWord(unit_end) && !IsUpperStart(Tok(unit_end)))
        if (std::string after = ContentRun(unit_end, SentEnd(b)); !after.empty()) return after;
    }
    // "5 ton beras", "1.000 ekor sapi": what the unit measures follows it.
    if (lex_.Is(text::WordClass::kClaimMeasureUnit, unit) || lex_.Is(text::WordClass::kClaimClassifier, unit)) {
      if (std::string after = ContentRun(unit_end, SentEnd(b)); !after.empty()) return after;
    }
    // "Jumlah tersebut … 1.000 dan 3.000 orang", "Angka itu tumbuh 130
    // persen": a figure noun with a demonstrative names the figure of the
    // previous sentence, so it measures what that one did.
    if (std::string back = AnaphoricSubject(b); !back.empty()) return back;
    // A count whose unit names what is counted ("10.000 tentara", "24 gol",
    // "40 personel TNI") has no other subject (tests/data/claims/README.md).
    if (IsCountUnit(unit)) {
      // "kuota 18 ribu tiket", "kapasitas sebanyak 66.000 kursi": a
      // measure noun right before the count calls it by another name.
      size_t k = b;
      while (k > SentFirst(b) && IsWord(k - 1) && NeutralMarkers().count(Lw(k - 1))) --k;
      if (k > SentFirst(b) && IsSubjectHead(k - 1) && !IsFigureNoun(k - 1) && !in_timex_[k - 1] &&
          !Has(k - 1, kQuantityWord)) {
        const size_t start = ContentStart(k, SentFirst(b));
        if (start < k && !(start > SentFirst(b) && (IsNum(start - 1) || (IsWord(start - 1) && Multipliers().count(Lw(start - 1))))))
          return ContentRun(start, k);
      }
      return "";
    }
    // "30% penduduk desa perbatasan", "14 persen risiko": a share of the
    // noun phrase after it.
    if (IsShareUnit(unit)) {
      if (std::string after = ContentRun(unit_end, SentEnd(b)); !after.empty()) return after;
    }
    bool agent = false;
    // "Kota itu dihuni 1,5 juta orang": before a passive verb stands what
    // the counted people or things act on, not what is counted.
    const bool counted = lex_.Is(text::WordClass::kClaimGenericUnit, unit) || lex_.Is(text::WordClass::kClaimClassifier, unit);
    if (std::string phrase = PhraseSubject(b, counted, &agent); !phrase.empty()) return phrase;
    if (agent) return "";
    if (std::string head = HeadSubject(b); !head.empty()) return head;
    return HeadingSubject(b);
  }

  // A unit that counts things rather than measuring an amount: not a
  // currency, share, measure (anything units.tsv names), classifier or rate.
  bool IsCountUnit(const std::string& unit) const {
    if (unit.find(" per ") != std::string::npos) return false;
    const std::string lower = FoldAscii(unit);
    if (tables_.canonical_units.count(lower) || tables_.currency_names.count(lower)) return false;
    if (lex_.Is(text::WordClass::kClaimMeasureUnit, lower) || lex_.Is(text::WordClass::kClaimClassifier, lower)) return false;
    return true;
  }
  bool IsShareUnit(const std::string& unit) const {
    auto it = tables_.canonical_units.find(FoldAscii(unit));
    return it != tables_.canonical_units.end() && (it->second == "percent" || it->second == "bp");
  }

  // The subject of a figure whose clause opens with a figure noun and a
  // demonstrative ("Jumlah tersebut", "Angka itu") within the first words
  // before it: the previous sentence's last claim's subject, or its unit
  // when that counts what it names ("10.000 tentara" -> tentara).
  std::string AnaphoricSubject(size_t b) const {
    const size_t sf = SentFirst(b);
    size_t k = sf;
    while (k < b && k < sf + 3 && !(IsWord(k) && lex_.Is(text::WordClass::kClaimFigureNoun, Lw(k)))) ++k;
    if (k >= b || k >= sf + 3 || !Has(k + 1, kAnaphor) || sent_[b] == 0) return "";
    const int prev = sent_[b] - 1;
    for (auto it = prior_.rbegin(); it != prior_.rend(); ++it) {
      if (it->sent < prev) break;
      if (it->sent != prev) continue;
      if (!it->subject.empty()) return it->subject;
      if (IsCountUnit(it->unit)) return FoldAscii(it->unit);
      return "";
    }
    return "";
  }

  // A word of a subject phrase as the tracker keys it: "harganya" (its
  // price) is "harga".
  std::string SubjectWord(size_t j) const {
    std::string w(Lw(j));
    w.resize(w.size() - CliticAt(w));
    return w;
  }

  // The noun phrase the figure's clause is about: back from the figure over
  // what links it to its subject (bound words, markers such as "sebesar",
  // hedges, adverbs, measure verbs, passive and ber-/ter- verbs, a time
  // expression, a determiner), then the run of content words before that,
  // named from its first word, five words at most: "harga emas batangan
  // antam hari ini dijual Rp ..." -> "harga emas batangan antam"; "denda
  // sebesar Rp 200 juta" -> "denda". An active me- verb that is not a
  // measure verb makes the phrase before it the agent (*agent): no subject.
  // A speech verb puts the figure in what was said: no subject from before.
  // A content word of a subject phrase (not a function, time or linking
  // word, a verb, a pronoun or a figure).
  bool SubjectContent(size_t j) const {
    // "tunjangan hari tua", "dana pihak ketiga bank": a time word or an
    // ordinal between nouns, in no time expression, is part of a name.
    if (IsWord(j) && !in_timex_[j] && j > 0 && (tables_.time_words.count(Lw(j)) || IsOrdinal(j)) && IsWord(j - 1) &&
        IsWord(j + 1) &&
        !tables_.time_words.count(Lw(j - 1)) && !tables_.time_words.count(Lw(j + 1)) && WordContent(j - 1) &&
        WordContent(j + 1))
      return true;
    return WordContent(j);
  }
  bool WordContent(size_t j) const {
    if (!IsWord(j) || in_timex_[j] || Has(j, kQuantityWord) || Has(j, kHedge) || Has(j, kAnaphor)) return false;
    if (InQualifier(j)) return false;  // "inflasi year on year": the rate's qualifier, not what it measures
    const std::string_view w = Lw(j);
    return !(NotUnits().count(w) || NeutralMarkers().count(w) || BoundWords().count(std::string(w)) ||
             VerbAt(j) || lex_.Is(text::WordClass::kClaimAdverb, w) ||
             lex_.Is(text::WordClass::kClaimPhraseStop, w) || lex_.Is(text::WordClass::kClaimLeadingConnective, w) ||
             lex_.Is(text::WordClass::kClaimOpaquePronoun, w) || lex_.Is(text::WordClass::kPersonPronoun, w) ||
             lex_.Is(text::WordClass::kClaimMeasureVerb, w) || lex_.Is(text::WordClass::kClaimSubjectLink, w) ||
             lex_.Is(text::WordClass::kClaimBareVerb, w) || Has(j, kClaimVerb) || Has(j, kAfterVerb));
  }
  // A verb-shaped word that is no name: "Merak" in "Tol Tangerang - Merak"
  // is capitalised inside its sentence, so a name, not "merak" the verb.
  bool VerbAt(size_t j) const {
    const std::string_view w = Lw(j);
    if (IsUpperStart(Tok(j)) && !SentenceInitial(j)) return false;
    return IsVerbShaped(w, lex_) || BareKanVerb(w);
  }
  // "siapkan", "kirimkan": a -kan verb with no prefix (spoken or
  // imperative); nouns ending so carry pe-/ke- ("kebijakan", "pendidikan").
  bool BareKanVerb(std::string_view w) const {
    return w.size() >= 7 && EndsWith(w, "kan") && w.substr(0, 2) != "pe" && w.substr(0, 2) != "ke" &&
           !lex_.Is(text::WordClass::kClaimNounException, w) && !lex_.Is(text::WordClass::kClaimSubjectHead, w);
  }
  bool IsOrdinal(size_t j) const {
    return IsWord(j) && !IsUpperStart(Tok(j)) && tables_.ordinal_words.count(Lw(j));
  }
  // The end of the run of subject words starting at k (at most `limit`).
  size_t RunEnd(size_t k, size_t limit) const {
    while (k < limit && SubjectContent(k)) ++k;
    return k;
  }
  // A run that names someone or something by name (a PERSON mention in it,
  // or capitalised to its end inside the sentence): "pada Charles", "dengan
  // mantan Direktur Jenderal …": who took part, not what was measured.
  bool NameRun(size_t k, size_t e) const {
    if (k >= e) return false;
    for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[e - 1].cp_end))
      if (m->type == EntityType::kPerson) return true;
    return IsUpperStart(Tok(e - 1)) && !SentenceInitial(e - 1);
  }
  // A hyphen inside a word run ("e-KTP", "Gempol-Bangil"), written without spaces.
  bool GluedHyphen(size_t j) const {
    if (!(j > 0 && j + 1 < n_ && Tok(j) == "-")) return false;
    if (!toks_[j].space_before && !toks_[j + 1].space_before) return true;
    // Spaced, as detokenised text leaves it: inside a name ("Tol Tangerang
    // - Merak", "Gempol - Bangil") or after a one-letter prefix ("e - KTP").
    const std::string_view left = Tok(j - 1), right = Tok(j + 1);
    return IsWord(j - 1) && IsWord(j + 1) && IsUpperStart(right) && (IsUpperStart(left) || left.size() == 1);
  }
  // The content words from token `from` on (at most kSubjectWords), joined.
  std::string ContentRun(size_t from, size_t end) const {
    std::string phrase;
    int words = 0;
    for (size_t j = from; j < end && words < kSubjectWords; ++j) {
      if (GluedHyphen(j) && !phrase.empty() && SubjectContent(j + 1)) {
        phrase += '-';
        continue;
      }
      // "10.000 unit Model 3": a short number after a capitalised word is
      // part of the name (the figure rules screen it as one).
      if (IsNum(j) && j > from && IsWord(j - 1) && IsUpperStart(Tok(j - 1)) && Tok(j).size() <= 2 &&
          !(IsWord(j + 1) && SubjectContent(j + 1))) {
        phrase += ' ';
        phrase += Tok(j);
        ++words;
        continue;
      }
      if (!SubjectContent(j)) break;
      if (!phrase.empty() && phrase.back() != '-') phrase += ' ';
      phrase += SubjectWord(j);
      ++words;
    }
    return phrase;
  }
  // " su-57" after a count's unit: its modifiers, with a leading space.
  std::string PhraseAfter(size_t from, size_t end) const {
    std::string run = ContentRun(from, end);
    return run.empty() ? "" : " " + run;
  }
  // The first token of the run of content words ending before token `end`
  // (end itself when there is none).
  size_t ContentStart(size_t end, size_t lo) const {
    size_t k = end;
    while (k > lo && (SubjectContent(k - 1) || (GluedHyphen(k - 1) && k - 1 > lo && SubjectContent(k - 2)))) --k;
    return k;
  }

  std::string PhraseSubject(size_t b, bool counted, bool* agent) const {
    const size_t sf = SentFirst(b);
    size_t k = b;
    bool valued = false;  // "senilai": the amount is the value of what was counted before
    while (k > sf) {
      const size_t j = k - 1;
      if (in_timex_[j]) {
        --k;
        continue;
      }
      if (!IsWord(j)) break;
      if (Has(j, kClaimVerb) || Has(j, kAfterVerb) || Has(j, kMenurut)) return "";
      const std::string_view w = Lw(j);
      valued = valued || lex_.Is(text::WordClass::kClaimValueMarker, w);
      if (lex_.Is(text::WordClass::kClaimMeasureVerb, w) || BoundWords().count(std::string(w)) ||
          NeutralMarkers().count(w) || Has(j, kHedge) || lex_.Is(text::WordClass::kClaimAdverb, w) ||
          Has(j, kAnaphor) || lex_.Is(text::WordClass::kClaimBareVerb, w)) {
        --k;
        continue;
      }
      // "Uang yang pertama Rp 1 miliar, yang kedua …": a listed item's
      // ordinal, with the "yang" before it.
      if (IsOrdinal(j)) {
        --k;
        if (k > sf && IsWord(k - 1) && lex_.Is(text::WordClass::kClaimFigureLink, Lw(k - 1)) &&
            lex_.Is(text::WordClass::kClaimSubjectLink, Lw(k - 1)))
          --k;
        continue;
      }
      // "melonjak tinggi mencapai Rp 60 ribu": an adjective after a measure verb.
      if (j > sf && IsWord(j - 1) && lex_.Is(text::WordClass::kClaimMeasureVerb, Lw(j - 1)) && NotUnits().count(w)) {
        k -= 2;
        continue;
      }
      // "atau lebih tinggi 62 persen": a comparison between subject and figure.
      if (j > sf && IsWord(j - 1) && lex_.Is(text::WordClass::kClaimComparative, Lw(j - 1)) && !SubjectContent(j - 1)) {
        k -= 2;
        continue;
      }
      if (VerbAt(j)) {
        // "barang yang akan diekspor yaitu sebanyak 1.000 carton": a passive
        // verb in a relative clause describes its noun, it does not act on
        // the counted things.
        size_t r = j;
        while (r > sf && IsWord(r - 1) && lex_.Is(text::WordClass::kClaimAdverb, Lw(r - 1))) --r;
        const bool relative = r > sf && IsWord(r - 1) && lex_.Is(text::WordClass::kClaimFigureLink, Lw(r - 1)) &&
                              lex_.Is(text::WordClass::kClaimSubjectLink, Lw(r - 1));
        if ((w.size() > 2 && w[0] == 'm' && w[1] == 'e') || (counted && !relative && w.size() > 2 && w[0] == 'd' && w[1] == 'i')) {
          *agent = true;
          return "";
        }
        --k;
        continue;
      }
      break;
    }
    // "dari US$ 100 per ton di bulan Desember lalu menjadi US$ 200 per ton":
    // the words passed over follow an earlier figure of the sentence, whose
    // unit ends right before them: the same thing.
    if (k < b && !prior_.empty() && prior_.back().sent == sent_[b] && prior_.back().end == k) {
      const Prior& it = prior_.back();
      return it.subject.empty() && IsCountUnit(it.unit) ? it.unit_phrase : it.subject;
    }
    if (ContentStart(k, sf) == k) {
      // Nothing named between this figure and an earlier one of its clause:
      // "51 juta pounds (Rp 847 miliar)", "naik 5 persen menjadi Rp 14.000",
      // "… satu juta orang sepanjang 2023, naik 30 persen", "anjlok hingga
      // 60% dalam sepekan, dari Rp 40.000", "tumbuh 22,07 persen secara
      // tahunan (yoy) menjadi Rp 156,5 triliun": the same thing. Only
      // function words, markers, time expressions, qualifiers and
      // punctuation inside the sentence may stand between.
      for (size_t j = k, steps = 0; j > sf && steps < 16; --j, ++steps) {
        // The latest figure before, when it ends here (or inside the words
        // passed over: "486 bph atau lebih tinggi 62 persen").
        if (!prior_.empty() && prior_.back().sent == sent_[b] && prior_.back().end >= j && prior_.back().end <= b) {
          const Prior& it = prior_.back();
          return it.subject.empty() && IsCountUnit(it.unit) ? it.unit_phrase : it.subject;
        }
        const size_t t = j - 1;
        if (in_timex_[t] || InQualifier(t)) continue;
        if (toks_[t].kind == TokenKind::kPunct) {
          const std::string_view p = Tok(t);
          if (p == "." || p == "!" || p == "?") break;
          continue;
        }
        if (toks_[t].kind == TokenKind::kQuote) continue;
        if (!IsWord(t)) break;
        const std::string_view w = Lw(t);
        if (lex_.Is(text::WordClass::kClaimMeasureVerb, w)) continue;
        if (SubjectContent(t) || VerbAt(t) || Has(t, kClaimVerb) || Has(t, kAfterVerb) ||
            lex_.Is(text::WordClass::kClaimBareVerb, w) || IsPronoun(w) || IsOpaquePronoun(w))
          break;
      }
    }
    k = ContentStart(k, sf);
    // The unit of an earlier figure ("24 gol dalam 28 penampilan", "2 juta
    // dolar AS dan 15.000 pengungsi"), not a subject; but the amount after
    // "senilai" is the value of those things ("24 jet tempur Su-57 senilai
    // US$ 2 miliar").
    if (k > sf && (toks_[k - 1].kind == TokenKind::kNumber || (IsWord(k - 1) && Multipliers().count(Lw(k - 1))))) {
      if (valued)
        for (auto it = prior_.rbegin(); it != prior_.rend() && it->sent == sent_[b]; ++it)
          if (it->unit_begin == k && !it->unit_phrase.empty()) return it->unit_phrase;
      return "";
    }
    if (k < b && IsWord(k) && CurrencyWords().count(Lw(k))) return "";
    // "suap dari Dirjen X sebesar ...": the noun before a linking
    // preposition is what is measured, the rest says whose. A name after
    // any preposition says who took part ("memberikan dana itu pada
    // Charles sejumlah …", "menerima suap bersama-sama dengan mantan
    // Direktur … Jamaluddien Malik sebesar …"): the noun before it, past a
    // determiner or adverb, is what was measured.
    for (int hop = 0; hop < 4 && k > sf + 1 && IsWord(k - 1); ++hop) {
      const std::string_view p = Lw(k - 1);
      const bool name = NameRun(k, RunEnd(k, b));
      const bool link = lex_.Is(text::WordClass::kClaimSubjectLink, p);
      const bool place = lex_.Is(text::WordClass::kClaimPlaceLink, p);
      if (!link && !place && !(name && NotUnits().count(p) && !lex_.Is(text::WordClass::kClaimFigureLink, p))) break;
      size_t q = k - 1;
      if (name)
        while (q > sf && IsWord(q - 1) && (Has(q - 1, kAnaphor) || lex_.Is(text::WordClass::kClaimAdverb, Lw(q - 1)))) --q;
      const size_t before = ContentStart(q, sf);
      if (before == q) break;
      // "harga ikan di pasar setempat": a place after a measure noun says
      // where it was measured; "uji coba di Ruas Tol … sepanjang 90 meter":
      // after anything else the place is what was measured.
      if (place && !link && !HasSubjectHead(before, q)) break;
      k = before;
    }
    // "Pembiayaan pensiun BSM per Desember 2016 mencatatkan outstanding Rp
    // 1,44 triliun": a figure noun after a measure verb names the figure;
    // the clause's subject before the verb is what it measures.
    // "Nilai tukar rupiah melemah ke level Rp 16.200": likewise after a
    // preposition.
    if (const size_t e = RunEnd(k, b); e == k + 1 && IsFigureNoun(k) && k > sf + 1) {
      size_t q = k;
      bool measured = false;
      while (q > sf && (in_timex_[q - 1] || (IsWord(q - 1) && (lex_.Is(text::WordClass::kClaimMeasureVerb, Lw(q - 1)) ||
                                                                lex_.Is(text::WordClass::kClaimAdverb, Lw(q - 1)) ||
                                                                (!SubjectContent(q - 1) && !VerbAt(q - 1)))))) {
        measured = measured || (IsWord(q - 1) && lex_.Is(text::WordClass::kClaimMeasureVerb, Lw(q - 1)));
        --q;
      }
      if (const size_t before = ContentStart(q, sf); measured && before < q) k = before;
    }
    // "rencana pembangunan gardu sebanyak tujuh unit": an action noun says
    // what was done to the thing after it, which is what is counted.
    for (size_t j = k, e = RunEnd(k, b); j + 1 < e; ++j)
      if (lex_.Is(text::WordClass::kClaimActionNoun, Lw(j))) k = j + 1;
    return ContentRun(k, b);
  }
  bool HasSubjectHead(size_t k, size_t e) const {
    for (; k < e; ++k)
      if (IsSubjectHead(k)) return true;
    return false;
  }
  bool IsFigureNoun(size_t k) const {
    if (!IsWord(k)) return false;
    const std::string_view w = Lw(k);
    if (lex_.Is(text::WordClass::kClaimFigureNoun, w)) return true;
    const size_t clitic = CliticAt(w);
    return clitic && lex_.Is(text::WordClass::kClaimFigureNoun, w.substr(0, w.size() - clitic));
  }

  static constexpr size_t kSubjectReach = 12;
  static constexpr int kSubjectWords = 5;

  std::string HeadSubject(size_t b) const {
    const size_t sf = SentFirst(b);
    const size_t lo = b > sf + kSubjectReach ? b - kSubjectReach : sf;
    for (size_t k = b; k-- > lo;) {
      // A quotation of several sentences is one sentence to the splitter:
      // never reach back past a full stop inside it.
      if (toks_[k].kind == TokenKind::kPunct && (Tok(k) == "." || Tok(k) == "!" || Tok(k) == "?")) break;
      if (!IsSubjectHead(k) || in_timex_[k]) continue;
      // "suku bunga", "nilai ekspor", "jumlah penumpang": heads in a row
      // are one phrase, named from its first.
      while (k > lo && IsWord(k - 1) && IsSubjectHead(k - 1) && !in_timex_[k - 1]) --k;
      // The head with the subject words after it ("harga bawang putih
      // sebelumnya sempat melonjak": no adverb, verb or time word).
      std::string phrase = SubjectWord(k);
      if (std::string rest = ContentRun(k + 1, b); !rest.empty()) phrase += ' ' + rest;
      return phrase;
    }
    return "";
  }

  // "Harga Tiket Final Liga Champions 2016/17" over a list of prices: a
  // figure whose sentence names nothing it measures takes the measure
  // head of a heading right before its paragraph (a short line of its own
  // with no full stop).
  std::string HeadingSubject(size_t b) const {
    const int s = sent_[b];
    if (s == 0) return "";
    const auto& prev = ctx_.sentences()[static_cast<size_t>(s - 1)];
    const size_t pf = prev.first_token, pe = std::min<size_t>(prev.end_token, n_);
    if (pe <= pf || pe - pf > kHeadingTokens) return "";
    const Token& last = toks_[pe - 1];
    if (last.kind == TokenKind::kPunct || last.kind == TokenKind::kQuote) return "";
    if (std::string_view(ctx_.text()).substr(last.end, toks_[SentFirst(b)].begin - last.end).find('\n') ==
        std::string_view::npos)
      return "";
    for (size_t k = pf; k < pe; ++k)
      if (IsWord(k) && IsSubjectHead(k) && !in_timex_[k]) {
        if (std::string phrase = ContentRun(k, pe); !phrase.empty()) return phrase;
      }
    return "";
  }
  static constexpr size_t kHeadingTokens = 15;

  bool IsSubjectHead(size_t k) const {
    if (Has(k, kSubjectHead)) return true;
    const std::string_view w = Lw(k);
    const size_t clitic = IsWord(k) ? CliticAt(w) : 0;
    return clitic && lex_.Is(text::WordClass::kClaimSubjectHead, w.substr(0, w.size() - clitic));
  }

  std::string TotalSubject(size_t b, const std::string& unit) const {
    // The first "jumlah X" in [from, to) whose X is not the unit. Scanning
    // the sentence for every figure cost O(figures x sentence length): a
    // sentence of 100,000 figures took minutes (issue 14, finding 4). The
    // candidates are listed once, and the first whose X differs from the
    // unit is the first one or the next with another X.
    IndexTotals();
    auto scan = [&](size_t from, size_t to) -> std::string {
      size_t j = static_cast<size_t>(std::lower_bound(totals_.begin(), totals_.end(), from) - totals_.begin());
      if (j < totals_.size() && Lw(totals_[j] + 1) == unit) j = next_other_total_[j];
      if (j >= totals_.size() || totals_[j] + 1 >= to) return "";
      return std::string(Lw(totals_[j] + 1));
    };
    const size_t sf = SentFirst(b);
    if (std::string w = scan(sf, b); !w.empty()) return w;
    const int si = sent_[b];
    if (si == 0) return "";
    if (!OpensAnaphorically(sf, b)) return "";
    const auto& prev = ctx_.sentences()[static_cast<size_t>(si - 1)];
    return scan(prev.first_token, std::min<size_t>(prev.end_token, n_));
  }

  // Fills totals_ (each "jumlah" followed by a word that is neither an
  // anaphor nor a total word, in text order) and next_other_total_ (for
  // each, the next one whose word differs; totals_.size() when none), once.
  void IndexTotals() const {
    if (totals_indexed_) return;
    totals_indexed_ = true;
    for (size_t k = 0; k + 1 < n_; ++k) {
      if (toks_[k].end - toks_[k].begin != 6 || Lw(k) != "jumlah" || !IsWord(k + 1) || Has(k + 1, kAnaphor)) continue;
      if (!lex_.Is(text::WordClass::kClaimTotalWord, std::string(Lw(k + 1)))) totals_.push_back(k);
    }
    next_other_total_.assign(totals_.size(), totals_.size());
    for (size_t j = totals_.size(); j-- > 1;)
      next_other_total_[j - 1] = Lw(totals_[j] + 1) != Lw(totals_[j - 1] + 1) ? j : next_other_total_[j];
  }

  // ---- claimant ----------------------------------------------------------

  std::vector<const EntityMention*> Overlapping(int32_t b, int32_t e) const {
    return MentionsOverlapping(article_.entities, b, e);
  }

  const EntityMention* PrecedingPerson(int32_t before) const {
    const auto& ents = article_.entities;
    auto it = std::lower_bound(ents.begin(), ents.end(), before,
                               [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
    for (auto j = it; j != ents.begin();) {
      --j;
      if (j->type == EntityType::kPerson) return &*j;
    }
    return nullptr;
  }

  static Who FromMention(const EntityMention& m) { return {m.canonical.empty() ? m.text : m.canonical, m.entity_id}; }

  // The token holding code point `cp` (or the first after it).
  size_t TokenAt(int32_t cp) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), cp, [](const Token& t, int32_t v) { return t.cp_end <= v; });
    return static_cast<size_t>(it - toks_.begin());
  }

  // Resolves the words [f, e) to a claimant (see the header). A phrase the
  // text closes with a comma ("Menurut X, …") is kept whole; an open one
  // ("kata X di Jakarta") ends before its first adjunct.
  Who Resolve(size_t f, size_t e, bool comma_bounded = false) const {
    // "Klaim oleh X": the agent.
    for (size_t k = f; k < e; ++k)
      if (IsWord(k) && Lw(k) == "oleh") f = k + 1;
    while (f < e && (!IsWord(f) || LeadingConnectives().count(Lw(f))) && toks_[f].kind != TokenKind::kNumber) {
      if (IsWord(f) && IsPronoun(Lw(f))) break;
      ++f;
    }
    while (e > f && (toks_[e - 1].kind == TokenKind::kPunct || toks_[e - 1].kind == TokenKind::kQuote ||
                     (IsWord(e - 1) && Adverbs().count(Lw(e - 1)))))
      --e;
    if (f >= e) return {};
    bool source = false;
    while (f < e && IsWord(f) && SourceNouns().count(Lw(f)) && !IsUpperStart(Tok(f))) ++f, source = true;
    if (f >= e) return {};
    const int32_t cb = toks_[f].cp_begin, ce = toks_[e - 1].cp_end;
    auto mentions = Overlapping(cb, ce);
    for (const EntityMention* m : mentions)
      if (m->type == EntityType::kPerson) return FromMention(*m);
    std::string_view first = Lw(f);
    if (IsPronoun(first)) {
      if (const EntityMention* m = PrecedingPerson(cb)) return FromMention(*m);
      return {};
    }
    if (IsOpaquePronoun(first)) return {};
    const EntityMention* lead = nullptr;
    for (const EntityMention* m : mentions) {
      if (m->type == EntityType::kPerson) continue;
      if (m->span.begin <= cb && cb < m->span.end)
        lead = m;
      else if (source && lead == nullptr)
        lead = m;
      if (lead) break;
    }
    if (lead) return Coordinated(lead, mentions, e);
    // As written, up to a time or place adjunct.
    size_t end = f + 1;
    // A comma-bounded phrase keeps "di" ("media yang berbasis di Turin itu")
    // unless a date follows it ("data Jambeck di 2015").
    while (end < e && !(IsWord(end) && PhraseStops().count(Lw(end)) &&
                        !(comma_bounded && Lw(end) == "di" && end + 1 < e && !in_timex_[end + 1] &&
                          toks_[end + 1].kind != TokenKind::kNumber)))
      ++end;
    while (end > f && (toks_[end - 1].kind == TokenKind::kPunct || toks_[end - 1].kind == TokenKind::kQuote)) --end;
    if (end <= f || static_cast<int>(end - f) > opt_.max_claimant_tokens) return {};
    if (end == f + 1 && !IsUpperStart(Tok(f)) && !IsAcronym(Tok(f)) && NotUnits().count(first)) return {};
    return {Text(f, end), ""};
  }

  // `lead` and the mentions joined to it by "dan", "serta", commas or
  // brackets, as one claimant ("Amerika Serikat dan Korea Selatan").
  Who Coordinated(const EntityMention* lead, const std::vector<const EntityMention*>& mentions, size_t e) const {
    std::vector<const EntityMention*> chain{lead};
    size_t at = TokenAt(lead->span.end);  // first token after the mention
    for (const EntityMention* m : mentions) {
      if (m->span.begin < chain.back()->span.end) continue;
      size_t start = TokenAt(m->span.begin);
      if (start >= e) break;
      bool joined = true;
      for (size_t k = at; k < start; ++k) {
        std::string_view t = Tok(k);
        if (!(t == "," || t == "(" || t == ")" || (IsWord(k) && (Lw(k) == "dan" || Lw(k) == "serta")))) joined = false;
      }
      if (!joined) break;
      chain.push_back(m);
      at = TokenAt(m->span.end);
    }
    std::vector<Who> names;
    for (const EntityMention* m : chain) {
      Who w = FromMention(*m);
      bool dup = false;
      for (const Who& o : names) dup |= (!w.id.empty() && o.id == w.id) || o.name == w.name;
      if (!dup) names.push_back(std::move(w));
    }
    Who out = names.front();
    for (size_t k = 1; k < names.size(); ++k) out.name += (k + 1 == names.size() ? " dan " : ", ") + names[k].name;
    return out;
  }

  bool IsBoundary(size_t k) const {
    std::string_view t = Tok(k);
    return t == "," || t == ";" || t == ":" || t == "-" || t == "–" || t == "—" || toks_[k].kind == TokenKind::kQuote;
  }

  // The subject of the verb at token v, looking no further back than lo.
  Who SubjectBefore(size_t v, size_t lo) const {
    size_t j = v;
    while (j > lo && IsWord(j - 1) && Adverbs().count(Lw(j - 1))) --j;
    if (j <= lo) return {};
    if (Tok(j - 1) == ",") {
      // "Juru bicara Y, X, mengatakan": the apposition X names the subject.
      size_t seg_end = j - 1, seg_begin = seg_end;
      while (seg_begin > lo && !IsBoundary(seg_begin - 1) && seg_end - seg_begin < 10) --seg_begin;
      Who w = Resolve(seg_begin, seg_end);
      if (w.found() && (!w.id.empty() || seg_begin == lo)) return w;
      if (seg_begin > lo && Tok(seg_begin - 1) == ",") {
        size_t head_end = seg_begin - 1, head_begin = head_end;
        while (head_begin > lo && !IsBoundary(head_begin - 1) && head_end - head_begin < 12) --head_begin;
        Who h = Resolve(head_begin, head_end);
        if (h.found()) return h;
      }
      return w;
    }
    size_t begin = j;
    while (begin > lo && !IsBoundary(begin - 1) && j - begin < 14) --begin;
    return Resolve(begin, j);
  }

  // The speaker after a speech verb at token v ("kata X").
  Who SpeakerAfter(size_t v, size_t hi) const {
    std::string_view verb = Lw(v);
    if (CliticAt(verb)) {  // "katanya", "ujarnya"
      if (const EntityMention* m = PrecedingPerson(toks_[v].cp_begin)) return FromMention(*m);
      return {};
    }
    size_t f = v + 1, e = f;
    while (e < hi && (IsWord(e) || Tok(e) == "," || Tok(e) == "(" || Tok(e) == ")") &&
           !(IsWord(e) && PhraseStops().count(Lw(e))) && static_cast<int>(e - f) < opt_.max_claimant_tokens)
      ++e;
    // "kata Kepala Badan X, Danis Sumadilaga, …": the name in apposition
    // after the role is the speaker.
    for (size_t c = f; c < e; ++c) {
      if (Tok(c) != ",") continue;
      size_t end = c + 1;
      while (end < e && Tok(end) != ",") ++end;
      if (end > c + 1)
        for (const EntityMention* m : Overlapping(toks_[c + 1].cp_begin, toks_[end - 1].cp_end))
          if (m->type == EntityType::kPerson) return FromMention(*m);
      break;
    }
    // A comma followed by a date ("Rudi Hartono, Senin (18/11)") ends a
    // phrase kept as written.
    Who w = Resolve(f, e);
    if (!w.found()) return {};
    if (w.id.empty()) {
      // As written: only the words before the first comma.
      size_t c = f;
      while (c < e && Tok(c) != ",") ++c;
      if (c < e) return Resolve(f, c);
    }
    return w;
  }

  // Attribution for tokens [b, e) of one sentence, rules 1-5.
  Who InSentence(size_t b, size_t e) const {
    const size_t sf = SentFirst(b), se = SentEnd(b);
    const size_t w = static_cast<size_t>(std::max(opt_.window, 1));
    const size_t lo = b > sf + w ? b - w : sf;
    const size_t hi = std::min(se, e + w);
    // 1. A quote holding the figure. Its speaker wins, except that for
    // reported speech ("Menurut X, …") rules 2-5 read the same words
    // without narrowing a role to the place it names, and a person named
    // after a direct quote ("…,” ucap pelatih Torino, Sinisa Mihajlovic")
    // wins over an organisation the quote analyser stopped at.
    const Quote* quote = nullptr;
    {
      const int32_t cb = toks_[b].cp_begin, ce = toks_[e - 1].cp_end;
      const auto& qs = article_.quotes;
      auto it = std::upper_bound(qs.begin(), qs.end(), cb, [](int32_t v, const Quote& q) { return v < q.span.begin; });
      int looked = 0;
      for (auto j = it; j != qs.begin() && looked < 8; ++looked) {
        --j;
        if (j->span.begin <= cb && ce <= j->span.end && !j->speaker.empty() &&
            !IsOpaquePronoun(FoldAscii(j->speaker))) {
          quote = &*j;
          break;
        }
      }
    }
    Who after_verb;
    bool detached = false;
    Who own = OwnRules(b, e, lo, hi, &after_verb, &detached);
    if (quote == nullptr) return own;
    Who speaker{quote->speaker, quote->speaker_entity_id};
    if (!quote->direct) return own.found() || detached ? own : speaker;
    if (after_verb.id.starts_with('P')) return after_verb;
    return speaker;
  }

  // Rules 2-5 for tokens [b, e) within [lo, hi) of their sentence;
  // *after_verb gets rule 3's answer when that is the one returned, and
  // *detached is set when a "yang diduga …" clause cuts the figure off
  // from the verb before it.
  Who OwnRules(size_t b, size_t e, size_t lo, size_t hi, Who* after_verb, bool* detached) const {
    const size_t sf = SentFirst(b);
    // 2. "menurut X" / "menurutnya".
    for (size_t k = lo; k < hi; ++k) {
      if (!Has(k, kMenurut)) continue;
      if (CliticAt(Lw(k))) {  // "menurutnya"
        if (const EntityMention* m = PrecedingPerson(toks_[k].cp_begin)) return FromMention(*m);
        continue;
      }
      size_t end = k + 1;
      while (end < hi && Tok(end) != "," && !(end >= b && end < e) &&
             static_cast<int>(end - k) <= opt_.max_claimant_tokens)
        ++end;
      // "Menurut A, B, dan C, …": a list of sources runs on.
      while (end < hi && Tok(end) == ",") {
        size_t next = end + 1;
        while (next < hi && next - end <= 5 && Tok(next) != ",") ++next;
        if (next >= hi || Tok(next) != "," || next == end + 1 || (b >= end && b < next)) break;
        bool names = true;
        for (size_t x = end + 1; x < next; ++x) names &= IsWord(x) && IsUpperStart(Tok(x));
        if (!(names || Lw(end + 1) == "dan" || Lw(end + 1) == "serta")) break;
        end = next;
      }
      Who who = Resolve(k + 1, end, /*comma_bounded=*/end < hi && Tok(end) == ",");
      if (who.found()) return who;
    }
    // 3. "…, kata X" after the figure; "Kata X, …" before it.
    for (size_t k = e; k < hi; ++k)
      if (Has(k, kAfterVerb) && (k == 0 || Tok(k - 1) == "," || toks_[k - 1].kind == TokenKind::kQuote)) {
        Who who = SpeakerAfter(k, hi);
        if (who.found()) return *after_verb = who;
      }
    for (size_t k = lo; k < b; ++k)
      if (Has(k, kAfterVerb) && (k == sf || IsBoundary(k - 1))) {
        Who who = SpeakerAfter(k, b);
        if (who.found()) return *after_verb = who;
      }
    // 4. The nearest claim verb before the figure. A relative clause with a
    // passive report verb of its own between them ("proyek yang diduga
    // merugikan negara Rp 2,3 triliun") is nobody's claim but that clause's.
    for (size_t k = b; k > lo;) {
      --k;
      if (Has(k, kHedge) && k > lo && IsWord(k - 1) && Lw(k - 1) == "yang") {
        *detached = true;
        break;
      }
      const bool evidence = Has(k, kEvidenceVerb);
      if (Has(k, kClaimVerb) || evidence) {
        if (evidence && !SourceSubject(k, lo)) continue;
        Who who = SubjectBefore(k, lo);
        if (who.found()) return who;
        break;
      }
    }
    // 5. "berdasarkan data X", "sesuai hasil X"; "Disebutkan X, …", "dilaporkan oleh X".
    for (size_t k = lo; k < hi; ++k) {
      if (!Has(k, kSourceLink | kPassiveVerb)) continue;
      std::string_view l = Lw(k);
      bool agent = false;
      if (l == "berdasarkan" || l == "sesuai") {
        // Only a source: "berdasarkan data X", "sesuai hasil uji X", not
        // "sesuai komitmen awal".
        size_t f = k + 1;
        if (f < hi && IsWord(f) && Lw(f) == "dengan") ++f;
        agent = f < hi && IsWord(f) &&
                (SourceNouns().count(Lw(f)) || !Overlapping(toks_[f].cp_begin, toks_[f].cp_end).empty());
      } else if (Has(k, kPassiveVerb) && (k == sf || (IsWord(k + 1) && Lw(k + 1) == "oleh"))) {
        agent = true;
      } else if (Has(k, kPassiveVerb) && k + 1 < hi && IsWord(k + 1)) {
        // "Surat tersebut dikatakan Eko ditandatangani oleh 164 dosen": a
        // person right after a passive speech verb is its agent.
        for (const EntityMention* m : Overlapping(toks_[k + 1].cp_begin, toks_[k + 1].cp_end))
          if (m->type == EntityType::kPerson && m->span.begin == toks_[k + 1].cp_begin) return FromMention(*m);
      }
      if (!agent) continue;
      size_t f = k + 1;
      if (f < hi && IsWord(f) && (Lw(f) == "oleh" || Lw(f) == "dengan")) ++f;
      size_t end = f;
      while (end < hi && Tok(end) != "," && !(end >= b && end < e) &&
             static_cast<int>(end - f) < opt_.max_claimant_tokens)
        ++end;
      if (end == f) continue;
      Who who = Resolve(f, end, /*comma_bounded=*/end < hi && Tok(end) == ",");
      if (who.found()) return who;
    }
    return {};
  }

  // The subject of evidence verb v starts with a source noun ("Dari data
  // keuangan X menunjukkan").
  bool SourceSubject(size_t v, size_t lo) const {
    size_t begin = v;
    while (begin > lo && !IsBoundary(begin - 1) && v - begin < 14) --begin;
    for (size_t k = begin; k < v; ++k) {
      if (!IsWord(k)) continue;
      if (SourceNouns().count(Lw(k))) return true;
      if (!LeadingConnectives().count(Lw(k))) return false;
    }
    return false;
  }

  // The sentence from token sf opens by pointing back, within its first
  // four tokens before `end`: "Jumlah tersebut …", "Angka itu …". A
  // demonstrative after a connective is discourse, not an anaphor:
  // "Sementara itu, harga beras …", "Selain itu, …" start the reporter's
  // own text and take nobody's figures from the sentence before (issue 17).
  bool OpensAnaphorically(size_t sf, size_t end) const {
    for (size_t k = sf; k < end && k < sf + 4; ++k)
      if (Has(k, kAnaphor) && !(k > sf && IsWord(k - 1) && LeadingConnectives().count(Lw(k - 1)))) return true;
    return false;
  }

  // A hedge of the sentence's own (not of a "yang" clause inside it).
  bool Hedged(size_t sf, size_t se) const {
    for (size_t k = sf; k < se && k < sf + 60; ++k)
      if (Has(k, kHedge) && !(k > sf && IsWord(k - 1) && Lw(k - 1) == "yang")) return true;
    return false;
  }

  Who Claimant(size_t b, size_t e) {
    Who who = InSentence(b, e);
    if (who.found() || !opt_.carry_claimant) return who;
    // 6. "Jumlah tersebut diperkirakan …": the previous sentence's source.
    const int s = sent_[b];
    if (s == 0) return {};
    const size_t sf = SentFirst(b), se = SentEnd(b);
    if (!OpensAnaphorically(sf, se) && !Hedged(sf, se)) return {};
    const auto& prev = ctx_.sentences()[s - 1];
    if (prev.end_token <= prev.first_token || prev.end_token > n_) return {};
    // Sentences never cross a line break, so a '\n' between the two means
    // another paragraph.
    const Token& last = toks_[prev.end_token - 1];
    if (std::string_view(ctx_.text()).substr(last.end, toks_[sf].begin - last.end).find('\n') != std::string_view::npos)
      return {};
    if (!carried_done_[s - 1]) {
      carried_done_[s - 1] = true;
      size_t pe = std::min<size_t>(prev.end_token, n_);
      // The whole sentence as the "figure": any source it names.
      size_t pb = pe > prev.first_token + 1 ? pe - 1 : prev.first_token;
      Who w = InSentence(pb, pe);
      if (!w.found()) {
        // A quote overlapping it (quotes are in text order; a few before
        // its end are enough).
        const int32_t sb = toks_[prev.first_token].cp_begin, se_cp = toks_[pe - 1].cp_end;
        const auto& qs = article_.quotes;
        auto it =
            std::lower_bound(qs.begin(), qs.end(), se_cp, [](const Quote& q, int32_t v) { return q.span.begin < v; });
        for (int looked = 0; it != qs.begin() && looked < 8; ++looked) {
          --it;
          if (sb < it->span.end && !it->speaker.empty() && !IsOpaquePronoun(FoldAscii(it->speaker))) {
            w = {it->speaker, it->speaker_entity_id};
            break;
          }
        }
      }
      carried_[s - 1] = w;
    }
    return carried_[s - 1];
  }

  std::string Hedge(size_t b, size_t e) const {
    const size_t sf = SentFirst(b), se = SentEnd(b);
    const size_t lo = b > sf + 12 ? b - 12 : sf;
    const size_t hi = std::min(se, e + 4);
    size_t best = n_;
    size_t best_dist = n_;
    for (size_t k = lo; k < hi; ++k) {
      if (!Has(k, kHedge)) continue;
      size_t d = k < b ? b - k : k - e;
      if (d < best_dist) best = k, best_dist = d;
    }
    return best < n_ ? std::string(Tok(best)) : "";
  }

  std::string DateOf(size_t b, size_t e) const {
    const auto& sents = ctx_.sentences();
    const auto& s = sents[sent_[b]];
    const int32_t sb = toks_[s.first_token].cp_begin, sendcp = toks_[std::min<size_t>(s.end_token, n_) - 1].cp_end;
    const int32_t cb = toks_[b].cp_begin, ce = toks_[e - 1].cp_end;
    const auto& tx = article_.timexes;
    // The few expressions around the figure, not the whole sentence: a long
    // sentence full of dates and figures stays linear.
    auto at =
        std::lower_bound(tx.begin(), tx.end(), cb, [](const TimeExpression& t, int32_t v) { return t.span.begin < v; });
    auto it = at - std::min<std::ptrdiff_t>(at - tx.begin(), 6);
    auto stop = at + std::min<std::ptrdiff_t>(tx.end() - at, 6);
    std::string best;
    int32_t best_dist = 0;
    // A publication date to measure plausibility by: the published one, or
    // an inferred one (the latest full date the text names) only within
    // the years news is dated in: an undated anniversary piece gave its
    // figures 1939, and the claim chart's axis ran from there (issue 17).
    std::optional<DateTime> pub = article_.published;
    if (!(pub && pub->IsValid()) && article_.inferred_published && article_.inferred_published->IsValid()) {
      const int y = article_.inferred_published->year;
      if (y >= opt_.earliest_inferred_year && (opt_.latest_inferred_year == 0 || y <= opt_.latest_inferred_year))
        pub = article_.inferred_published;
    }
    for (; it != stop; ++it) {
      if (it->span.end <= sb || it->span.begin >= sendcp) continue;
      if ((it->type != TimexType::kDate && it->type != TimexType::kTime) || it->value.size() < 4) continue;
      if (it->value[0] < '0' || it->value[0] > '9') continue;  // PRESENT_REF and the like
      // A year no figure can be dated in: before the earliest one, or further
      // after the publication than a forecast reaches ("target 2045" still is).
      const int year = std::atoi(it->value.substr(0, 4).c_str());
      if (year < opt_.earliest_year || (pub && pub->IsValid() && year > pub->year + opt_.max_years_ahead)) continue;
      int32_t d = it->span.end <= cb ? cb - it->span.end : it->span.begin - ce;
      if (d < 0) d = 0;
      if (best.empty() || d < best_dist) {
        best = it->value;
        best_dist = d;
      }
    }
    if (!best.empty()) {
      size_t t = best.find('T');
      if (t != std::string::npos) best.resize(t);
      return best;
    }
    if (pub && pub->IsValid()) return pub->ToIso().substr(0, 10);
    return "";
  }

  const ClaimAnalyzerOptions& opt_;
  const ClaimAnalyzer::Tables& tables_;
  const text::Lexicon& lex_;
  const Article& article_;
  const analyse::AnalysisContext& ctx_;
  const std::vector<Token>& toks_;
  const size_t n_;
  mutable std::string lower_;  // the text, tokens lower-cased as Lw() first sees them
  mutable std::vector<bool> lowered_;
  mutable bool totals_indexed_ = false;  // IndexTotals()
  mutable std::vector<size_t> totals_, next_other_total_;
  std::vector<uint32_t> flags_;
  std::vector<int> sent_;
  std::vector<bool> in_timex_;
  std::vector<Who> carried_;
  std::vector<bool> carried_done_;
  // The claims found so far, for figures that refer back to them.
  struct Prior {
    size_t unit_begin, end;  // tokens
    size_t scope_end;        // past its qualifier ("(yoy)"), else end
    int sent;
    std::string subject, unit;
    std::string unit_phrase;  // a count's unit with what follows ("jet tempur su-57"), else ""
  };
  std::vector<Prior> prior_;
};

}  // namespace

Status ClaimAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  Run run(options_, *tables_, *article, *ctx);
  article->claims = run.Go();
  return Status::Ok();
}

}  // namespace warta::claims
