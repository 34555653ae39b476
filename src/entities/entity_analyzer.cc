#include "entities/entity_analyzer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_set>

#include "entities/ner_data.h"
#include "text/case.h"

namespace warta::entities {
namespace internal {
std::string_view BuiltinNerModel();
extern const std::string_view kAliasesData;
}  // namespace internal

StatusOr<NerModel> LoadNerModel(const std::string& path) {
  if (!path.empty()) return NerModel::Load(path);
  std::string_view builtin = internal::BuiltinNerModel();
  if (builtin.empty())
    return Status::NotFound(
        "this build has no built-in NER model (models/ner/warta-ner-v2.bin was absent when it was built); "
        "pass --model PATH");
  return NerModel::FromBytes(builtin, "built-in model models/ner/warta-ner-v2.bin");
}

std::string NormaliseEntityKey(std::string_view name) {
  std::string lower = text::Lowercase(name);
  std::string out;
  out.reserve(lower.size());
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < lower.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(lower[i]);
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '_') {
      space();
    } else if (c == '.' || c == '\'') {
      // dropped: "A.S." is "as", "Jum'at" is "jumat"
    } else if (c == 0xE2 && i + 2 < lower.size() && static_cast<unsigned char>(lower[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(lower[i + 2]);
      if (d >= 0x90 && d <= 0x95) {  // U+2010..U+2015 hyphens and dashes
        space();
        i += 2;
      } else if (d == 0x98 || d == 0x99) {  // ‘ ’
        i += 2;
      } else {
        out.push_back(static_cast<char>(c));
      }
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> EntityKeyWords(const std::string& key) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < key.size()) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) out.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

namespace {

// The id of an entity whose key is already EntityKeyOf's.
std::string EntityIdOfKey(EntityType type, std::string_view key) {
  char prefix = type == EntityType::kPerson ? 'P' : type == EntityType::kOrganisation ? 'O' : 'L';
  return prefix + ArticleIdOf(std::string(Name(type)) + ":" + std::string(key));
}

const text::Lexicon& LexiconOr(const text::Lexicon* lexicon) {
  static const std::shared_ptr<const text::Lexicon> builtin = text::Lexicon::Builtin();
  return lexicon != nullptr ? *lexicon : *builtin;
}

}  // namespace

std::string OrganisationKey(std::string_view name, const text::Lexicon* lexicon) {
  const text::Lexicon& lex = LexiconOr(lexicon);
  std::string key = NormaliseEntityKey(name);
  // "(Persero)", "PT Antam, Tbk": brackets and commas only set legal forms apart.
  for (char& c : key)
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') c = ' ';
  std::vector<std::string> words = EntityKeyWords(key);
  size_t b = 0, e = words.size();
  // Kind words ("Partai", "FC") and media words ("News") go only when a name is left.
  auto dropped = [&](const std::string& w, size_t left) {
    return lex.Is(text::WordClass::kOrgLegalForm, w) ||
           (left > 1 && (lex.Is(text::WordClass::kOrgKindWord, w) || lex.Is(text::WordClass::kOrgMediaWord, w)));
  };
  while (b < e && dropped(words[b], e - b)) ++b;
  while (e > b && dropped(words[e - 1], e - b)) --e;
  // "Microsoft Microsoft": one word twice is the tagger running two mentions
  // of one organisation together.
  if (e - b == 2 && words[b] == words[b + 1]) e = b + 1;
  std::string out;
  for (size_t i = b; i < e; ++i) {
    if (i > b) out += ' ';
    out += words[i];
  }
  return out;
}

std::string EntityKeyOf(EntityType type, std::string_view name, const text::Lexicon* lexicon) {
  return type == EntityType::kOrganisation ? OrganisationKey(name, lexicon) : NormaliseEntityKey(name);
}

std::string EntityIdOf(EntityType type, std::string_view canonical) {
  return EntityIdOfKey(type, EntityKeyOf(type, canonical));
}

bool IsContractionOf(std::string_view s, const std::vector<std::string>& w, size_t min_piece) {
  if (s.size() < 2 || s.size() > 12 || w.size() < 2 || w.size() > 10) return false;
  if (s.size() == w.size()) {  // the initials: "bi" <- bank indonesia
    bool initials = true;
    for (size_t i = 0; i < w.size() && initials; ++i) initials = !w[i].empty() && w[i][0] == s[i];
    if (initials) return true;
  }
  // Pieces of s, each the start of a word, in order: the first word always,
  // at least two words, and one word at most left out (a trailing one too),
  // only by a short form of six letters or more ("Koko" is no KOmisi
  // pemberantasan KOrupsi). A piece is a syllable or two, not most of its
  // word ("Pertamina" is no PERTAMINa Arden, "Persija" no PERSIpura
  // JAyapura): at most three letters or half the word.
  const size_t max_skip = s.size() >= 6 ? 1 : 0;
  auto go = [&](auto&& self, size_t si, size_t wi, int used, size_t skipped) -> bool {
    if (si == s.size()) return used >= 2 && skipped + (w.size() - wi) <= max_skip;
    for (size_t j = wi; j < w.size(); ++j) {
      if (si == 0 && j > 0) break;                // the first word starts it
      const size_t skip = skipped + (j - wi);
      if (skip > max_skip) break;
      const size_t longest = std::max<size_t>(3, w[j].size() / 2);
      for (size_t len = 1; len <= std::min(longest, w[j].size()) && si + len <= s.size(); ++len) {
        if (s[si + len - 1] != w[j][len - 1]) break;  // a longer start differs too
        if (len >= min_piece && self(self, si + len, j + 1, used + 1, skip)) return true;
      }
    }
    return false;
  };
  return go(go, 0, 0, 0, 0);
}

StatusOr<std::unique_ptr<EntityAnalyzer>> EntityAnalyzer::Create(const EntityAnalyzerOptions& options) {
  WARTA_ASSIGN_OR_RETURN(NerModel model, LoadNerModel(options.model_path));
  return std::make_unique<EntityAnalyzer>(std::move(model), options.lexicon);
}

EntityAnalyzer::EntityAnalyzer(NerModel model, std::shared_ptr<const text::Lexicon> lexicon)
    : model_(std::move(model)),
      lexicon_(lexicon ? std::move(lexicon) : text::Lexicon::Builtin()),
      dictionary_(text::Truecaser::Builtin()) {
  auto lines = [](std::string_view data, auto&& fn) {
    size_t b = 0;
    while (b < data.size()) {
      size_t e = data.find('\n', b);
      if (e == std::string_view::npos) e = data.size();
      std::string_view line = data.substr(b, e - b);
      b = e + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      fn(line);
    }
  };
  // The embedded files are part of the build and checked by the unit tests;
  // a malformed line is skipped rather than failing every article.
  lines(internal::kAliasesData, [&](std::string_view line) {
    size_t a = line.find('\t'), b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    if (b == std::string_view::npos) return;
    auto type = ParseEntityType(line.substr(0, a));
    if (!type) return;
    Alias alias{*type, std::string(line.substr(a + 1, b - a - 1))};
    aliases_[NormaliseEntityKey(alias.canonical)] = alias;
    std::string_view rest = line.substr(b + 1);
    size_t p = 0;
    while (p <= rest.size()) {
      size_t q = rest.find('|', p);
      if (q == std::string_view::npos) q = rest.size();
      if (q > p) aliases_.emplace(NormaliseEntityKey(rest.substr(p, q - p)), alias);
      p = q + 1;
    }
  });
  // Capitalised words that are never part of a name: the lexicon's days,
  // months and time zones as written in full ("Senin", "Agustus", "WIB";
  // not "Jan" or "Sun", which are names too).
  const text::Lexicon& lex = *lexicon_;
  for (const text::MonthName& m : lex.months())
    if (!m.abbreviation && !m.english) not_names_.insert(m.word);
  for (const text::WeekdayName& d : lex.weekdays())
    if (!d.abbreviation && !d.english) not_names_.insert(d.word);
  for (const text::TimexPart& p : lex.timex_parts())
    if (p.kind == text::TimexPartKind::kZone) not_names_.insert(p.word);
}

namespace {

struct Mention {
  size_t tb = 0, te = 0;  // tokens [tb, te)
  size_t sb = 0, se = 0;  // its sentence's tokens
  EntityType type = EntityType::kPerson;
  std::string surface;
  std::string key;
  std::vector<std::string> words;  // key split on spaces
  int entity = -1;
  std::string role, role_of;       // "Menteri Pertahanan", "Rusia" for a PERSON
  bool headline = false;           // in a Title Case line (see IsTitleCaseLine)
  bool legal_form = false;         // written with a legal form at an end ("PT Antam Tbk")
  bool local = false;              // a regional institution's head alone: this article's own (org.local_head)
};


// words[b, e) joined by single spaces.
std::string JoinWords(const std::vector<std::string>& words, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) {
    if (i > b) s += ' ';
    s += words[i];
  }
  return s;
}

// Per-/pe-/ke-…-an nominalisations in Title Case ("Perhubungan",
// "Pertahanan", "Perikanan", "Keuangan", "Pendidikan"): the portfolio of a
// ministry or office, which Indonesian writes between the title and the
// name. No Indonesian personal name has that shape.
bool IsPortfolioNoun(std::string_view w) {
  if (w.size() < 8 || w.substr(w.size() - 2) != "an") return false;
  if (w.substr(0, 3) != "Per" && w.substr(0, 3) != "Pen" && w.substr(0, 3) != "Pem" && w.substr(0, 2) != "Ke")
    return false;
  for (char c : w.substr(1))
    if (c < 'a' || c > 'z') return false;
  return true;
}

// "Prayogo": an initial capital and the rest lower case.
bool IsTitleWord(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (char c : w.substr(1))
    if (c < 'a' || c > 'z') return false;
  return true;
}

// A Title Case line (a headline, a subhead): at least 4 words, 70 % of
// them capitalised. The tagger's capitalisation cues fail there.
bool IsTitleCaseLine(const std::vector<std::string_view>& all, const std::vector<text::Token>& tokens, size_t b,
                     size_t e) {
  int words_seen = 0, upper = 0;
  for (size_t t = b; t < e; ++t) {
    if (tokens[t].kind != text::TokenKind::kWord) continue;
    ++words_seen;
    upper += all[t][0] >= 'A' && all[t][0] <= 'Z';
  }
  return words_seen >= 4 && upper * 10 >= words_seen * 7;
}

// NerModel::NameWordTypes' mask.
constexpr uint8_t kPersonName = 1, kOrganisationName = 2;

bool LooksLikeAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 12 || w[0] < 'A' || w[0] > 'Z') return false;
  int upper = 0;
  for (char c : w) upper += c >= 'A' && c <= 'Z';
  return upper >= 2 || w.size() <= 6;
}

// "Muhammad Al Azhar (MA)", "Siti Nurhaliza (SN)": a person's initials in
// brackets, as crime and court reports write a suspect's. All capitals, two
// to four letters, the first the name's first initial and the rest, in
// order, initials of its later words (writers skip a particle: "MA" for
// Muhammad Al Azhar).
bool IsPersonInitials(std::string_view w, const std::vector<std::string>& name_words) {
  if (w.size() < 2 || w.size() > 4 || name_words.size() < 2) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  auto lower = [](char c) { return static_cast<char>(c - 'A' + 'a'); };
  if (name_words[0].empty() || name_words[0][0] != lower(w[0])) return false;
  size_t i = 1;
  for (size_t k = 1; k < name_words.size() && i < w.size(); ++k)
    if (!name_words[k].empty() && name_words[k][0] == lower(w[i])) ++i;
  return i == w.size();
}

}  // namespace

std::string EntityAnalyzer::AliasCanonical(std::string_view name) const {
  auto it = aliases_.find(NormaliseEntityKey(name));
  return it == aliases_.end() ? std::string(name) : it->second.canonical;
}

void EntityAnalyzer::FindRole(const std::vector<std::string_view>& all, const std::vector<text::Token>& tokens,
                              std::string_view text, size_t sentence_begin, size_t name_begin, std::string* role,
                              std::string* role_of, bool of_known) const {
  // Walk back from the name over role words ("Menteri Pertahanan"), an
  // acronym in brackets ("(Menhan)") and one country or place the
  // gazetteer knows ("Rusia", "Korea Utara"), the way Indonesian news
  // writes a title before a name.
  size_t k = name_begin;
  size_t role_first = SIZE_MAX, role_last = 0;
  size_t of_begin = 0, of_end = 0;
  std::string lower;
  while (k > sentence_begin) {
    const size_t t = k - 1;
    if (all[t] == ")" && t >= sentence_begin + 2 && all[t - 2] == "(" && LooksLikeAcronym(all[t - 1])) {
      k = t - 2;
      continue;
    }
    text::LowercaseTo(all[t], &lower);
    if (IsTitle(lower) && tokens[t].kind == text::TokenKind::kWord) {
      role_first = t;
      if (role_last == 0) role_last = t + 1;
      k = t;
      continue;
    }
    if (of_end != 0 || role_last != 0) break;  // a place is taken only right before the name
    bool place = false;
    for (size_t b = t + 1; b-- > sentence_begin && b + 4 > t;) {
      if (model_.GazetteerMatch(all, b) == k - b) {
        of_begin = b, of_end = k, k = b, place = true;
        break;
      }
    }
    if (!place) break;
  }
  if (role_first == SIZE_MAX) return;
  if (of_end > of_begin)
    *role_of = std::string(text.substr(tokens[of_begin].begin, tokens[of_end - 1].end - tokens[of_begin].begin));
  if (!IsRole(all, tokens, &role_first, &role_last, of_known || !role_of->empty())) {
    role_of->clear();
    return;
  }
  *role = std::string(text.substr(tokens[role_first].begin, tokens[role_last - 1].end - tokens[role_first].begin));
  if (!role->empty() && role->front() >= 'a' && role->front() <= 'z') role->front() = static_cast<char>(role->front() - 32);
}

bool EntityAnalyzer::IsRole(const std::vector<std::string_view>& all, const std::vector<text::Token>& tokens,
                            size_t* first, size_t* last, bool has_of) const {
  // Only real titles (titles.tsv): link words ("dan") are cut from the
  // ends; then a head is needed, and a part or a head that is not generic,
  // or else what the role is of ("Ketua KPK"; not "Menteri" alone).
  std::string lower;
  auto is = [&](size_t t, text::WordClass c) {
    text::LowercaseTo(all[t], &lower);
    return lexicon_->Is(c, lower);
  };
  auto cut = [&](size_t t) { return tokens[t].kind != text::TokenKind::kWord || is(t, text::WordClass::kTitleLink); };
  while (*first < *last && cut(*first)) ++*first;
  while (*last > *first && cut(*last - 1)) --*last;
  bool head = false, specific = false;
  for (size_t t = *first; t < *last; ++t) {
    if (tokens[t].kind != text::TokenKind::kWord || !is(t, text::WordClass::kTitle)) continue;
    const text::Lexicon::WordClasses c = lexicon_->ClassesOf(lower);
    if (c.test(static_cast<size_t>(text::WordClass::kTitlePart))) {
      specific = true;
    } else if (!c.test(static_cast<size_t>(text::WordClass::kTitleModifier)) &&
               !c.test(static_cast<size_t>(text::WordClass::kTitleLink))) {
      head = true;
      specific |= !c.test(static_cast<size_t>(text::WordClass::kTitleGeneric));
    }
  }
  return head && (specific || has_of);
}

// One article's resolution: its tokens, the mentions found so far and what
// the article says about its own words. Each public member is one step of
// the rules the header lists; Analyse runs them in this order, each on the
// mentions the step before it left.
// The article's full person names (two words or more) grouped by a word,
// with the keys they carry now, for ResolveShortNames' look-ups by a short
// name: a clipped given name, a one-letter typo. Scanning every full name
// for each short name was O(mentions x names), minutes for one 8 MB article
// (issue 14, finding 4). Words never change there, keys may: Rekey keeps
// the groups current.
struct FullNameGroups {
  struct Group {
    std::map<std::string, int> keys;  // key -> full names of the group carrying it now
    size_t last = 0;                  // the group's last full name in text order
  };
  std::map<std::string, Group> by_given;                             // first word
  std::unordered_map<std::string, Group> by_end;                     // first or last word
  std::unordered_map<std::string, std::vector<std::string>> blanked;  // word with one byte blanked -> end words

  static std::string Blank(const std::string& w, size_t i) {
    std::string b = w;
    b[i] = '\0';
    return b;
  }
  void Add(const std::vector<std::string>& words, const std::string& key, size_t f) {
    auto add = [&](Group& g) {
      ++g.keys[key];
      g.last = std::max(g.last, f);
    };
    add(by_given[words.front()]);
    for (const std::string* w : {&words.front(), &words.back()}) {
      if (w == &words.back() && words.back() == words.front()) break;
      auto [it, fresh] = by_end.try_emplace(*w);
      add(it->second);
      if (fresh)
        for (size_t i = 0; i < w->size(); ++i) blanked[Blank(*w, i)].push_back(*w);
    }
  }
  void Rekey(const std::vector<std::string>& words, const std::string& from, const std::string& to) {
    auto move = [&](Group& g) {
      if (--g.keys[from] == 0) g.keys.erase(from);
      ++g.keys[to];
    };
    move(by_given[words.front()]);
    move(by_end[words.front()]);
    if (words.back() != words.front()) move(by_end[words.back()]);
  }
  // Adds a group's candidates to (*key, *last); false once two keys differ.
  static bool Merge(const Group& g, const std::string** key, size_t* last) {
    for (const auto& [k, n] : g.keys) {
      if (*key && **key != k) return false;
      *key = &k;
    }
    *last = std::max(*last, g.last);
    return true;
  }
};

class EntityAnalyzer::Resolution {
 public:
  Resolution(const EntityAnalyzer& analyzer, analyse::AnalysisContext* ctx);

  // 1. Tag each sentence with the model.
  void TagSentences();
  // 1b. Title Case lines defeat the tagger: look there for the names the
  // running text gives.
  void FindNamesInTitleCaseLines();
  // 1c. One name, one reading per article: a person the tagger found is
  // found where it missed the same name in running text.
  void FindMissedPersonNames();
  // 2. Trim punctuation, and titles and roles before a person's name; keep
  // the title as the person's role.
  void TrimMentions();
  // 2b. Split an organisation or place run into a name where the article
  // cites the person.
  void SplitAtCitedSpeakers();
  // 2c. Legal forms: a mention with one is an organisation; one of legal
  // forms only joins the organisation beside it or goes; brackets balance,
  // and a short form in brackets inside a span becomes its own mention.
  void JoinLegalForms();
  // 3. Aliases, and acronyms the text defines in brackets.
  void ResolveAliasesAndDefinedAcronyms();
  // 3b. Acronyms the text never defines but spells out once, and
  // contractions of an organisation it names.
  void ResolveSpelledOutAcronyms();
  void ResolveContractions();
  // 4. One type per name.
  void UnifyTypes();
  // 5. A person span holding another person's full name shrinks to it.
  void ShrinkToInnerNames();
  // 5a. An organisation run into a person's surname ("Manchester United
  // Depay" beside "Memphis Depay") ends before it.
  void SplitSurnameFromOrganisation();
  // 5b. Short names, clipped first names and one-letter typos -> the full
  // name of the person they are.
  void ResolveShortNames();
  // 5c. A regional institution's head written alone ("Polda") -> the one
  // the article names in full, else the article's own.
  void ResolveLocalHeads();
  // 6. One entity per (type, key), its canonical name, into the article.
  void WriteEntities(Article* article) const;

 private:
  // TrimMentions' parts, in the order it applies them to one mention.
  void TrimTitlesAndPunctuation(Mention* m) const;
  bool OfficeWordBeforeName(size_t t, size_t sentence_begin) const;
  bool OrganisationOnlyWord(std::string_view w) const;
  void GiveFirstWordToOrganisation(Mention* m, std::vector<Mention>* kept);
  bool IsLoneTitle(const Mention& m) const;
  void TakeBackDroppedNamePart(size_t k, const std::vector<Mention>& kept);
  void AttachRole(Mention* m, const std::vector<Mention>& kept) const;
  // JoinLegalForms' part: balances (*out)[at]'s brackets.
  void BalanceBrackets(size_t at, std::vector<Mention>* out);

  // ResolveShortNames' three ways to find the person a short name is; each
  // returns the index of that person's full-name mention, or -1.
  // `holders`: each run of words (joined by ' ') of a full name shorter than
  // the name -> the full-name mentions holding it, in text order.
  long NearestFullNameHolding(size_t k, const std::unordered_map<std::string, std::vector<size_t>>& holders) const;
  long OnlyPersonWithGivenNameStarting(const Mention& m, const FullNameGroups& full) const;
  long OnlyPersonOneLetterOff(const Mention& m, const FullNameGroups& full) const;

  bool IsWordOrNumber(size_t t) const {
    return tokens_[t].kind == text::TokenKind::kWord || tokens_[t].kind == text::TokenKind::kNumber;
  }
  bool Capitalised(size_t t) const {
    return tokens_[t].kind == text::TokenKind::kWord && all_[t][0] >= 'A' && all_[t][0] <= 'Z';
  }
  std::string SurfaceOf(size_t b, size_t e) const {
    return text_.substr(tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
  }
  void SetSurface(Mention* m) const {
    m->surface = SurfaceOf(m->tb, m->te);
    m->key = EntityKeyOf(m->type, m->surface, analyzer_.lexicon_.get());
  }
  bool IsLegalForm(size_t t) const {
    if (tokens_[t].kind != text::TokenKind::kWord) return false;
    return analyzer_.lexicon_->Is(text::WordClass::kOrgLegalForm, NormaliseEntityKey(all_[t]));
  }
  void BuildArticleWords();
  bool NamesNonPerson(size_t b, size_t e);
  bool OrgShortForm(size_t t);
  bool CommonWord(size_t t);
  bool WrittenApart(size_t b, size_t e) const;
  bool NameLike(size_t t);
  bool PersonNameWord(size_t t);
  std::string Initials(const Mention& m) const;
  std::vector<size_t> WordTokens(const Mention& m) const;

  const EntityAnalyzer& analyzer_;
  const std::string& text_;
  const std::vector<text::Token>& tokens_;
  std::vector<std::string_view> all_;  // each token's text
  // WrittenApart's index (each pair of adjacent words -> where it starts)
  // and its answers (run + the word after it), filled on first use.
  mutable std::unordered_map<std::string, std::vector<size_t>> pair_places_;
  mutable std::unordered_map<std::string, bool> written_apart_;
  const std::vector<text::Sentence>& sentences_;
  std::vector<char> headline_;  // per sentence: a Title Case line (see IsTitleCaseLine)
  std::vector<Mention> ms_;     // the mentions, in text order
  // What the article itself says about a capitalised word: written in
  // lower case elsewhere ("kantor pusat", "Indonesia dan dunia") it is a
  // common word, and a name the tagger tagged alone as an organisation or
  // place ("bersama Ferrari") is that. Built from the mentions as they are
  // when a long person span first needs it (BuildArticleWords).
  std::unordered_set<std::string_view> lower_words_, non_person_words_;
  std::unordered_set<std::string> non_person_names_;  // keys of longer organisations and places
  bool article_words_built_ = false;
  // Short forms of the article's organisations (OrgShortForm), and its
  // organisations' key words; built with the words above.
  std::unordered_set<std::string_view> bracketed_short_forms_;
  std::vector<std::vector<std::string>> org_names_;
  std::unordered_map<std::string, bool> short_form_answers_;
  size_t short_form_budget_ = 200000;
  std::unordered_map<std::string, size_t> defined_acronyms_;  // key -> defining mention (step 3)
};

EntityAnalyzer::Resolution::Resolution(const EntityAnalyzer& analyzer, analyse::AnalysisContext* ctx)
    : analyzer_(analyzer),
      text_(ctx->text()),
      tokens_(ctx->tokens()),
      all_(tokens_.size()),
      sentences_(ctx->sentences()) {
  for (size_t i = 0; i < tokens_.size(); ++i) all_[i] = ctx->TokenText(i);
}

void EntityAnalyzer::Resolution::TagSentences() {
  NerScratch scratch;
  std::vector<int> tags;
  std::vector<std::string_view> words;
  static constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kOrganisation, EntityType::kLocation};
  headline_.assign(sentences_.size(), 0);
  for (size_t k = 0; k < sentences_.size(); ++k) {
    const text::Sentence& s = sentences_[k];
    headline_[k] = IsTitleCaseLine(all_, tokens_, s.first_token, s.end_token);
    words.assign(all_.begin() + s.first_token, all_.begin() + s.end_token);
    analyzer_.model_.Tag(words, &tags, &scratch);
    for (const Chunk& c : ChunksOf(tags)) {
      Mention m;
      m.tb = s.first_token + static_cast<size_t>(c.begin);
      m.te = s.first_token + static_cast<size_t>(c.end);
      m.sb = s.first_token;
      m.se = s.end_token;
      m.headline = headline_[k] != 0;
      m.type = kTypes[c.type];
      // An organisation whose name ends in a country ("Bank Indonesia",
      // "Badan Intelijen Nasional Korea Selatan") is one ORGANISATION in
      // the training corpora (over a hundred times, against four
      // organisations followed by a separate country); the tagger, which
      // knows countries well, sometimes splits the country off.
      if (m.type == kTypes[2] && !ms_.empty() && ms_.back().type == kTypes[1] && ms_.back().te == m.tb &&
          ms_.back().sb == m.sb && analyzer_.model_.GazetteerMatch(all_, m.tb) == m.te - m.tb) {
        ms_.back().te = m.te;
        continue;
      }
      ms_.push_back(std::move(m));
    }
  }
}

void EntityAnalyzer::Resolution::FindNamesInTitleCaseLines() {
  // Title Case lines (headlines, subheads) defeat the tagger's
  // capitalisation cues ("Putin Sambut Kim Jong Un" finds neither name), so
  // there the names the article's running text gives are looked for as
  // written: the tagged spans, and a person's surname alone.
  if (std::find(headline_.begin(), headline_.end(), 1) == headline_.end()) return;
  // Known names: lowercase token runs -> type.
  std::map<std::vector<std::string>, EntityType> known;
  std::string l;
  for (const Mention& m : ms_) {
    if (m.headline) continue;
    std::vector<std::string> run;
    for (size_t t = m.tb; t < m.te; ++t) {
      text::LowercaseTo(all_[t], &l);
      run.push_back(l);
    }
    if (m.type == EntityType::kPerson && run.size() >= 2 && run.back().size() >= 4)
      known.emplace(std::vector{run.back()}, m.type);
    known.emplace(std::move(run), m.type);
  }
  std::vector<char> covered(tokens_.size(), 0);
  for (const Mention& m : ms_)
    for (size_t t = m.tb; t < m.te; ++t) covered[t] = 1;
  std::vector<Mention> found;
  for (size_t k = 0; k < sentences_.size() && !known.empty(); ++k) {
    if (!headline_[k]) continue;
    const size_t b = sentences_[k].first_token, e = std::min<size_t>(sentences_[k].end_token, tokens_.size());
    for (size_t t = b; t < e;) {
      size_t best = 0;
      EntityType type = EntityType::kPerson;
      std::vector<std::string> run;
      for (size_t u = t; u < e && u < t + 6 && !covered[u] && tokens_[u].kind == text::TokenKind::kWord; ++u) {
        text::LowercaseTo(all_[u], &l);
        run.push_back(l);
        if (auto it = known.find(run); it != known.end()) best = run.size(), type = it->second;
      }
      if (best == 0) {
        ++t;
        continue;
      }
      Mention m;
      m.tb = t;
      m.te = t + best;
      m.sb = b;
      m.se = sentences_[k].end_token;
      m.headline = true;
      m.type = type;
      found.push_back(std::move(m));
      t += best;
    }
  }
  if (!found.empty()) {
    for (Mention& m : found) ms_.push_back(std::move(m));
    std::stable_sort(ms_.begin(), ms_.end(), [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
  }
}

// The tagger misses a name in one sentence that it finds in another
// ("Ketua DPR RI [Setya Novanto]" untagged three times beside "Novanto"
// tagged alone): an article uses a name in one sense throughout (Gale,
// Church and Yarowsky's one sense per discourse, as document-level NER
// post-processing does). In running text, outside every mention:
//   * a person's full name (two words or more) the article tags elsewhere,
//     written the same way;
//   * a person's last name the article tags elsewhere, with the one or two
//     name-like capitalised words right before it ("Setya Novanto"); the
//     run must start the capitalised stretch (after a lower-case word,
//     punctuation, a mention or a title), so "Jalan Setya Novanto" stays a
//     street.
// Each look-up is a hash probe per token: O(tokens + mentions).
// A name-like word (NameLike) that can be a person's name word: the NER
// training data has it in a person's name, or the written-form dictionary
// does not know it as a lower-case word and it is no pronoun ("Non",
// "Serdadu" and "Anda" are common words capitalised at a name's edge).
bool EntityAnalyzer::Resolution::PersonNameWord(size_t t) {
  if (!NameLike(t)) return false;
  if (analyzer_.model_.NameWordTypes(all_[t]) & 1) return true;
  std::string lower;
  text::LowercaseTo(all_[t], &lower);
  if (analyzer_.lexicon_->Is(text::WordClass::kPersonPronoun, lower)) return false;
  return analyzer_.dictionary_ == nullptr || analyzer_.dictionary_->KnownForm(lower) != text::WordShape::kLower;
}

void EntityAnalyzer::Resolution::FindMissedPersonNames() {
  // A last name counts when the tagger gave it twice or ended a full name
  // with it: one tagging alone is as often the tagger's slip ("Summit").
  std::unordered_map<std::string, int> last_names;
  std::unordered_set<std::string> surnames;
  std::set<std::vector<std::string_view>> full_names;  // words as written
  for (const Mention& m : ms_) {
    if (m.type != EntityType::kPerson || m.headline) continue;
    const size_t last = m.te - 1;
    if (Capitalised(last) && all_[last].size() >= 4 &&
        (last_names[std::string(all_[last])] += m.te - m.tb >= 2 ? 2 : 1) >= 2)
      surnames.emplace(all_[last]);
    if (m.te - m.tb >= 2 && m.te - m.tb <= 5) {
      bool named = true;
      for (size_t t = m.tb; t < m.te && named; ++t) named = Capitalised(t);
      for (size_t t = m.tb; t < m.te && named; ++t) named = PersonNameWord(t);
      if (named) full_names.emplace(all_.begin() + m.tb, all_.begin() + m.te);
    }
  }
  if (surnames.empty()) return;
  std::vector<char> covered(tokens_.size(), 0);
  for (const Mention& m : ms_)
    for (size_t t = m.tb; t < m.te && t < covered.size(); ++t) covered[t] = 1;
  std::vector<Mention> found;
  std::string lower;
  for (size_t k = 0; k < sentences_.size(); ++k) {
    if (headline_[k]) continue;
    const size_t b = sentences_[k].first_token, e = std::min<size_t>(sentences_[k].end_token, tokens_.size());
    for (size_t t = b; t < e; ++t) {
      if (covered[t] || !Capitalised(t)) continue;
      // Where the capitalised stretch starts: a title ("Bupati") may stand
      // before the name, anything else capitalised and unclaimed may not.
      if (t > b && !covered[t - 1] && Capitalised(t - 1)) {
        text::LowercaseTo(all_[t - 1], &lower);
        if (!analyzer_.IsTitle(lower)) continue;
      }
      size_t end = 0;
      std::vector<std::string_view> run;
      for (size_t u = t; u < e && u < t + 5 && !covered[u] && Capitalised(u); ++u) {
        run.push_back(all_[u]);
        if (full_names.count(run)) end = u + 1;
      }
      // The first word of a sentence or quotation is capitalised whatever
      // it is ("Unggahan Arquette", "Saya Tomoya"): no evidence of a name.
      const bool starts_sentence = t == b || tokens_[t - 1].kind != text::TokenKind::kWord;
      if (end == 0 && !starts_sentence)
        for (size_t u = t + 1; u < e && u <= t + 2 && !covered[u] && Capitalised(u); ++u) {
          if (!PersonNameWord(u - 1)) break;
          if (surnames.count(std::string(all_[u])) && NameLike(u)) {
            end = u + 1;
            break;
          }
        }
      // The stretch must end with the name: a capitalised word after it
      // makes it part of something longer ("Setya Novanto Center").
      if (end == 0 || (end < e && !covered[end] && Capitalised(end))) continue;
      Mention m;
      m.tb = t;
      m.te = end;
      m.sb = b;
      m.se = sentences_[k].end_token;
      m.type = EntityType::kPerson;
      for (size_t u = t; u < end; ++u) covered[u] = 1;
      found.push_back(std::move(m));
      t = end - 1;
    }
  }
  if (!found.empty()) {
    for (Mention& m : found) ms_.push_back(std::move(m));
    std::stable_sort(ms_.begin(), ms_.end(), [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
  }
  // NameLike built the article's words from the tagger's raw spans; the
  // later steps read them as TrimMentions leaves the spans, so they are
  // built again there.
  article_words_built_ = false;
  short_form_answers_.clear();
  non_person_words_.clear();
  non_person_names_.clear();
  bracketed_short_forms_.clear();
  org_names_.clear();
}

void EntityAnalyzer::Resolution::BuildArticleWords() {
  // Built once per article, from the mentions as they stand at the first
  // call (TrimMentions is then part way through them).
  if (article_words_built_) return;
  article_words_built_ = true;
  // The lower-case words do not depend on the mentions: read once even
  // when the mention-derived sets are built again (FindMissedPersonNames).
  if (lower_words_.empty()) {
    lower_words_.reserve(tokens_.size());
    for (size_t t = 0; t < tokens_.size(); ++t)
      if (tokens_[t].kind == text::TokenKind::kWord && all_[t][0] >= 'a' && all_[t][0] <= 'z')
        lower_words_.insert(all_[t]);
  }
  for (const Mention& o : ms_) {
    if (o.type == EntityType::kPerson) continue;
    if (o.te - o.tb == 1)
      non_person_words_.insert(all_[o.tb]);
    else
      non_person_names_.insert(NormaliseEntityKey(SurfaceOf(o.tb, o.te)));
    if (o.te + 2 < tokens_.size() && all_[o.te] == "(" && all_[o.te + 2] == ")" &&
        tokens_[o.te + 1].kind == text::TokenKind::kWord)
      bracketed_short_forms_.insert(all_[o.te + 1]);
    if (o.type == EntityType::kOrganisation && o.te - o.tb >= 2) {
      std::vector<std::string> words =
          EntityKeyWords(OrganisationKey(SurfaceOf(o.tb, o.te), analyzer_.lexicon_.get()));
      if (words.size() >= 2) org_names_.push_back(std::move(words));
    }
  }
}

// True when the word at `t` is a short form of an organisation the article
// names: defined in brackets after it ("PT Aneka Tambang Tbk (Antam)") or
// contracting its name, two letters or more from each word ("Inalum"
// beside "PT Indonesia Asahan Aluminium").
bool EntityAnalyzer::Resolution::OrgShortForm(size_t t) {
  BuildArticleWords();

  if (bracketed_short_forms_.count(all_[t])) return true;
  if (!Capitalised(t) || org_names_.empty()) return false;
  std::string key = NormaliseEntityKey(all_[t]);
  auto [it, fresh] = short_form_answers_.try_emplace(key, false);
  if (fresh)
    for (const auto& words : org_names_) {
      if (short_form_budget_ == 0) break;  // see ResolveContractions' budget
      --short_form_budget_;
      if (IsContractionOf(key, words, 2)) {
        it->second = true;
        break;
      }
    }
  return it->second;
}

// True when words [b, e) are an organisation or place the article names
// elsewhere ("Bank Permata" in "Direktur Ritel Bank [Permata Bianto
// Surodjo]").
bool EntityAnalyzer::Resolution::NamesNonPerson(size_t b, size_t e) {
  BuildArticleWords();
  return non_person_names_.count(NormaliseEntityKey(SurfaceOf(b, e))) != 0;
}

// True when the article writes the word at `t` in lower case elsewhere.
bool EntityAnalyzer::Resolution::CommonWord(size_t t) {
  BuildArticleWords();
  std::string l;
  text::LowercaseTo(all_[t], &l);
  return lower_words_.count(l) != 0;
}

// True when the words [b, e) are written elsewhere in the article, and
// there not followed by the word that follows them here: "Bank Permata
// mengumumkan ..." makes "Bank Permata" a name of its own in "Direktur
// Ritel Bank Permata Bianto Surodjo".
bool EntityAnalyzer::Resolution::WrittenApart(size_t b, size_t e) const {
  const size_t n = e - b;
  auto apart_at = [&](size_t p) {
    if (p == b || p + n > tokens_.size() ||
        !std::equal(all_.begin() + static_cast<long>(b), all_.begin() + static_cast<long>(e),
                    all_.begin() + static_cast<long>(p)))
      return false;
    return p + n >= tokens_.size() || e >= tokens_.size() || all_[p + n] != all_[e];
  };
  if (n < 2) {
    for (size_t p = 0; p + n <= tokens_.size(); ++p)
      if (apart_at(p)) return true;
    return false;
  }
  // Scanning the whole article for every call was O(mentions x tokens),
  // minutes for one 8 MB article (issue 14, finding 4): the places of each
  // word pair are listed once, and the answer for a run and the word after
  // it is remembered. It does not depend on b: where the run is followed by
  // that same word, it is not written apart.
  std::string key;
  for (size_t t = b; t < e; ++t) (key += all_[t]) += '\x1f';
  key += e < tokens_.size() ? all_[e] : std::string_view("\x1e");
  if (auto it = written_apart_.find(key); it != written_apart_.end()) return it->second;
  if (pair_places_.empty())
    for (size_t p = 0; p + 1 < tokens_.size(); ++p)
      pair_places_[std::string(all_[p]) + '\x1f' + std::string(all_[p + 1])].push_back(p);
  bool apart = false;
  if (auto it = pair_places_.find(std::string(all_[b]) + '\x1f' + std::string(all_[b + 1])); it != pair_places_.end())
    apart = std::any_of(it->second.begin(), it->second.end(), apart_at);
  written_apart_.emplace(std::move(key), apart);
  return apart;
}

// A Title-case word that can be part of a person's name: no role, month,
// day, place, portfolio or alias.
bool EntityAnalyzer::Resolution::NameLike(size_t t) {
  std::string_view w = all_[t];
  if (tokens_[t].kind != text::TokenKind::kWord || w.size() < 2 || w.size() > 16 || w[0] < 'A' || w[0] > 'Z' ||
      !(w[1] >= 'a' && w[1] <= 'z'))
    return false;
  std::string lower;
  text::LowercaseTo(w, &lower);
  if (analyzer_.IsTitle(lower) || analyzer_.not_names_.count(lower) || IsPortfolioNoun(w) ||
      analyzer_.model_.GazetteerMatch(all_, t) != 0 || analyzer_.aliases_.count(NormaliseEntityKey(w)))
    return false;
  // Nor a word the training data saw in organisations' names and never in
  // a person's ("Menteri Komunikasi dan Informatika [Rudiantara]").
  if (OrganisationOnlyWord(w)) return false;
  // Nor a word the article writes in lower case or tags alone as an
  // organisation or place ("Bank Dunia [Rodrigo Chaves]", "Presiden
  // Ferrari [Sergio Marchionne]"), nor an organisation's short form
  // ("Direktur Utama Inalum [Danny Praditya]").
  BuildArticleWords();
  return !lower_words_.count(lower) && !non_person_words_.count(w) && !OrgShortForm(t);
}

void EntityAnalyzer::Resolution::TrimMentions() {
  std::vector<Mention> kept;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    TrimTitlesAndPunctuation(&m);
    // "Direktur Utama [Inalum Danny Praditya]", "Kepala [Bapanas Arief]":
    // an organisation's short form run into the name, even a two-word one.
    if (m.type == EntityType::kPerson && Capitalised(m.tb) &&
        (m.te - m.tb >= 3 || (m.te - m.tb == 2 && OrgShortForm(m.tb))))
      GiveFirstWordToOrganisation(&m, &kept);
    if (IsLoneTitle(m)) continue;
    if (m.type == EntityType::kPerson && m.tb < m.te) TakeBackDroppedNamePart(k, kept);
    if (m.tb >= m.te) continue;
    if (m.type == EntityType::kPerson && m.tb > m.sb + 1 && (kept.empty() || kept.back().te < m.tb) &&
        OrgShortForm(m.tb - 1)) {
      // "Direktur Utama Inalum [Danny Praditya]": the untagged short form
      // before the name is its organisation's mention, and what the role is of.
      Mention org = m;
      org.type = EntityType::kOrganisation;
      org.tb = m.tb - 1;
      org.te = m.tb;
      org.role.clear();
      SetSurface(&org);
      if (!org.key.empty()) kept.push_back(std::move(org));
    }
    if (m.type == EntityType::kPerson) AttachRole(&m, kept);
    SetSurface(&m);
    if (m.key.empty()) continue;
    kept.push_back(std::move(m));
  }
  ms_.swap(kept);
}

// Titles, roles, a country and a ministry's portfolio before a person's
// name, and punctuation at both ends of any mention, are not the name.
void EntityAnalyzer::Resolution::TrimTitlesAndPunctuation(Mention* m) const {
  if (m->type == EntityType::kPerson) {
    std::string lower;
    for (size_t i = m->tb; i < m->te; ++i)
      if (all_[i] == ")") m->tb = i + 1;
    bool changed = true;
    while (changed && m->te - m->tb > 1) {
      changed = false;
      text::LowercaseTo(all_[m->tb], &lower);
      if (analyzer_.IsTitle(lower) || !IsWordOrNumber(m->tb)) {
        ++m->tb;
        changed = true;
      } else if (size_t g = analyzer_.model_.GazetteerMatch(all_, m->tb); g > 0 && m->tb + g < m->te) {
        m->tb += g;
        changed = true;
      } else if (IsPortfolioNoun(all_[m->tb])) {
        // "Menteri [Perhubungan Rina Kusumawati]": the tagger took the
        // ministry's portfolio (a per-/pe-/ke-…-an noun) into the name.
        ++m->tb;
        changed = true;
      } else if (auto alias = analyzer_.aliases_.find(NormaliseEntityKey(all_[m->tb]));
                 alias != analyzer_.aliases_.end() && alias->second.type != EntityType::kPerson) {
        // "Dirjen Dukcapil [Kemendagri Irman]": a known organisation's or
        // place's short form (aliases.tsv) before the name.
        ++m->tb;
        changed = true;
      } else if (OfficeWordBeforeName(m->tb, m->sb)) {
        ++m->tb;
        changed = true;
      }
    }
  }
  while (m->tb < m->te && !IsWordOrNumber(m->tb)) ++m->tb;
  while (m->te > m->tb && !IsWordOrNumber(m->te - 1)) --m->te;
}

// "Menteri Komunikasi dan [Informatika Rudiantara]", "Dirjen [Dukcapil
// Kemendagri Irman]": the word at `t`, first of a person's span, ends the
// office written before the name when the training data saw it in
// organisations' names and never in a person's, and the office goes on to
// its left: a portfolio joined by "dan", an office's capitalised word, or a
// title that needs what it is of ("Dirjen"). A title that makes a role
// alone ("Pelatih [Aji Santoso]") leaves the name whole: given names are
// in clubs' and companies' names too.
// A word the training data saw in organisations' names and never in a
// person's. Not a short particle ("La Nyalla", "Al Atas", "AM Putranto"):
// names share those with clubs and brands.
bool EntityAnalyzer::Resolution::OrganisationOnlyWord(std::string_view w) const {
  if (w.size() < 4) return false;
  const uint8_t types = analyzer_.model_.NameWordTypes(w);
  return (types & kOrganisationName) && !(types & kPersonName);
}

bool EntityAnalyzer::Resolution::OfficeWordBeforeName(size_t t, size_t sentence_begin) const {
  if (!OrganisationOnlyWord(all_[t]) || t <= sentence_begin) return false;
  std::string before;
  text::LowercaseTo(all_[t - 1], &before);
  const text::Lexicon& lex = *analyzer_.lexicon_;
  if (lex.Is(text::WordClass::kTitleLink, before)) return t - 1 > sentence_begin && Capitalised(t - 2);
  if (lex.Is(text::WordClass::kTitleGeneric, before)) return true;
  return Capitalised(t - 1) && !analyzer_.IsTitle(before);
}

// An organisation's last word run into a name of three or more words
// ("Presiden [Ferrari Sergio Marchionne]", "Bank [Dunia Rodrigo Chaves]",
// "DJP [Pusat Ani Natalia]"): the first word goes back to the organisation
// when the article uses it alone as an organisation or place, or writes it
// in lower case elsewhere while the capitalised run goes on to its left.
// Personal names are not written in lower case, so "Menteri LHK Siti
// Nurbaya Bakar" keeps "Siti".
void EntityAnalyzer::Resolution::GiveFirstWordToOrganisation(Mention* m, std::vector<Mention>* kept) {

  BuildArticleWords();
  const size_t first = m->tb;
  const bool run_goes_left = first > m->sb && Capitalised(first - 1);
  bool org_word =
      non_person_words_.count(all_[first]) || (run_goes_left && CommonWord(first)) || OrgShortForm(first);
  for (size_t j = 1; !org_word && j <= 3 && first >= m->sb + j && Capitalised(first - j); ++j)
    org_word = NamesNonPerson(first - j, first + 1) || WrittenApart(first - j, first + 1);
  // "Bek [Newcastle DeAndre Yedlin]" beside "Newcastle United": the word
  // starts an organisation's name the article gives, and the name goes on
  // differently there (a person "Ahmad Dahlan Iskan" beside "Universitas
  // Ahmad Dahlan" does not start it; one beside "Ahmad Dahlan University"
  // goes on the same way).
  if (!org_word && m->te - m->tb >= 3) {
    const std::string w0 = NormaliseEntityKey(all_[first]), w1 = NormaliseEntityKey(all_[first + 1]);
    for (const auto& words : org_names_)
      if (words.size() >= 2 && words[0] == w0 && words[1] != w1) org_word = true;
  }
  if (!org_word) return;
  ++m->tb;
  Mention* before = !kept->empty() && kept->back().te == first ? &kept->back() : nullptr;
  if (before != nullptr && before->type != EntityType::kPerson) {
    before->te = first + 1;  // "DJP" + "Pusat"
    SetSurface(before);
  } else if (before == nullptr) {
    Mention org = *m;
    org.type = EntityType::kOrganisation;
    org.tb = first;
    org.te = first + 1;
    org.role.clear();
    // Take back the capitalised words of the name to its left that no
    // mention holds and that are no title ("Kepala Perwakilan [Bank]").
    size_t floor = kept->empty() ? m->sb : std::max(m->sb, kept->back().te);
    std::string lower;
    while (org.tb > floor && first - org.tb < 3 && Capitalised(org.tb - 1)) {
      text::LowercaseTo(all_[org.tb - 1], &lower);
      if (analyzer_.IsTitle(lower) || analyzer_.not_names_.count(lower)) break;
      --org.tb;
    }
    SetSurface(&org);
    if (!org.key.empty()) kept->push_back(std::move(org));
  }
}

// A lone title the tagger took for a name ("ujar [Humas] DJP ...").
bool EntityAnalyzer::Resolution::IsLoneTitle(const Mention& m) const {
  if (m.type != EntityType::kPerson || m.te - m.tb != 1) return false;
  std::string lower;
  text::LowercaseTo(all_[m.tb], &lower);
  return analyzer_.IsTitle(lower);
}

// The tagger sometimes drops one part of a three-part name after a title
// ("Menteri Luar Negeri [Choe] Son Hui", "Kim Jong [Un]"): take back one
// adjacent Title-case word that is no role, month, day, place or part of
// another mention.
void EntityAnalyzer::Resolution::TakeBackDroppedNamePart(size_t k, const std::vector<Mention>& kept) {
  Mention& m = ms_[k];
  size_t floor = kept.empty() ? m.sb : std::max(m.sb, kept.back().te);
  // Never the sentence's first word, nor one that ends a name written
  // apart elsewhere ("Bank [Permata] Bianto Surodjo").
  if (m.tb > floor && m.tb - 1 > m.sb && NameLike(m.tb - 1) &&
      !(Capitalised(m.tb - 2) && WrittenApart(m.tb - 2, m.tb))) {
    --m.tb;
  } else if (m.te < m.se && (k + 1 == ms_.size() || ms_[k + 1].tb > m.te) && NameLike(m.te)) {
    // A one-word name takes its neighbour only at the end of the
    // capitalised run and when the article never writes that word in
    // lower case ("kata Juru Bicara KPK [Febri] Diansyah di gedung").
    if (m.te - m.tb >= 2 || m.te + 1 >= m.se || !Capitalised(m.te + 1)) ++m.te;
  }
}

// "Juru Bicara KPK Febri Diansyah", "Bupati Poso Darmin": the title is of
// the organisation or place written between it and the name.
void EntityAnalyzer::Resolution::AttachRole(Mention* m, const std::vector<Mention>& kept) const {
  const Mention* org =
      !kept.empty() && kept.back().te == m->tb && kept.back().type != EntityType::kPerson ? &kept.back() : nullptr;
  analyzer_.FindRole(all_, tokens_, text_, m->sb, org != nullptr ? org->tb : m->tb, &m->role, &m->role_of,
                     org != nullptr);
  if (org != nullptr && !m->role.empty() && m->role_of.empty()) m->role_of = org->surface;
}

void EntityAnalyzer::Resolution::SplitAtCitedSpeakers() {
  // An organisation run into a person's name ("pendiri grup Barito
  // Pacific Prayogo Pangestu", tagged as one ORGANISATION): when the article
  // later cites one of its inner words as a speaker ("ujar Prayogo"), that
  // word starts a PERSON and the words before it stay the organisation.
  // Most articles have no such long organisation: the speaker scan runs
  // only when one is there.
  // The same for a place ("Gubernur [Kalimantan Tengah Sugianto Sabran]"
  // tagged LOCATION, then "kata Sugianto").
  if (!std::any_of(ms_.begin(), ms_.end(),
                   [](const Mention& m) { return m.type != EntityType::kPerson && m.te - m.tb >= 3; }))
    return;
  std::unordered_set<std::string_view> cited;
  std::string lower;
  for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
    text::LowercaseTo(all_[i], &lower);
    // A speech verb written after a quotation names its speaker next ("…," ujar Prayogo).
    // Not one that also takes its speaker before it ("mengatakan"): the word
    // after that is what was said, often a capitalised name of something.
    const text::SpeechVerb* verb = analyzer_.lexicon_->FindSpeechVerb(lower);
    if (verb && verb->Has(text::SpeechRole::kAfter) && !verb->Has(text::SpeechRole::kBefore) &&
        tokens_[i + 1].kind == text::TokenKind::kWord)
      cited.insert(all_[i + 1]);
  }
  std::vector<Mention> split;
  for (Mention& m : ms_) {
    size_t at = 0;
    if (m.type != EntityType::kPerson && m.te - m.tb >= 3 && !cited.empty()) {
      for (size_t k = m.tb + 1; k + 1 < m.te && at == 0; ++k)
        if (cited.count(all_[k]) && IsTitleWord(all_[k])) at = k;
    }
    if (at == 0) {
      split.push_back(std::move(m));
      continue;
    }
    Mention org = m, person = m;  // `org`: the organisation or place
    org.te = at;
    person.tb = at;
    person.type = EntityType::kPerson;
    for (Mention* part : {&org, &person}) {
      SetSurface(part);
      if (!part->key.empty()) split.push_back(*part);
    }
  }
  ms_.swap(split);
}

void EntityAnalyzer::Resolution::JoinLegalForms() {
  // What may stand between a name and its legal form when the tagger split
  // them ("PT Antam" + "Persero) Tbk"): brackets and a comma.
  auto joinable = [&](size_t from, size_t to) {
    if (to < from || to - from > 2) return false;
    for (size_t t = from; t < to; ++t)
      if (all_[t] != "(" && all_[t] != ")" && all_[t] != ",") return false;
    return true;
  };
  std::vector<Mention> out;
  out.reserve(ms_.size());
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    size_t legal = 0, words = 0, first = SIZE_MAX, last = 0;
    for (size_t t = m.tb; t < m.te; ++t) {
      if (!IsWordOrNumber(t)) continue;
      ++words;
      legal += IsLegalForm(t);
      first = std::min(first, t);
      last = t;
    }
    if (legal > 0 && legal == words) {
      // Legal forms only: the tail of the name before it ("Persero) Tbk"),
      // the head of the name after it ("PT" + "Antam"), or nothing.
      if (!out.empty() && out.back().sb == m.sb && joinable(out.back().te, m.tb)) {
        Mention& name = out.back();
        name.te = m.te;
        name.type = EntityType::kOrganisation;
        name.legal_form = true;
        name.role.clear();
        name.role_of.clear();
        BalanceBrackets(out.size() - 1, &out);
      } else if (k + 1 < ms_.size() && ms_[k + 1].sb == m.sb && ms_[k + 1].tb == m.te) {
        ms_[k + 1].tb = m.tb;  // checked next, starting with its legal form
      }
      continue;
    }
    if (legal > 0 && (IsLegalForm(first) || IsLegalForm(last))) {
      // No person or place is written "PT ..." or "... Tbk".
      m.type = EntityType::kOrganisation;
      m.legal_form = true;
      m.role.clear();
      m.role_of.clear();
    }
    if (m.type != EntityType::kOrganisation) {
      out.push_back(std::move(m));
      continue;
    }
    // The legal form the tagger left after the name: "PT Indonesia Asahan
    // Aluminium [(Persero)]", "PT Timah [Tbk]".
    size_t te = m.te;
    if (te + 2 < m.se && all_[te] == "(" && IsLegalForm(te + 1) && all_[te + 2] == ")") te += 3;
    while (te < m.se && IsLegalForm(te)) ++te;
    if (te > m.te && (k + 1 == ms_.size() || ms_[k + 1].tb >= te)) {
      m.te = te;
      m.legal_form = true;
    }
    // A name the tagger cut at a hyphen: "Mercedes [- Benz]", "Rolls [-
    // Royce]": one capitalised word after it that no other mention holds.
    if (m.te + 1 < m.se && all_[m.te] == "-" && IsWordOrNumber(m.te + 1) &&
        std::isupper(static_cast<unsigned char>(all_[m.te + 1][0])) &&
        (m.te + 2 == m.se || all_[m.te + 2] != "-") && (k + 1 == ms_.size() || ms_[k + 1].tb > m.te + 1))
      m.te += 2;
    out.push_back(std::move(m));
    BalanceBrackets(out.size() - 1, &out);
  }
  ms_.swap(out);
}

// An organisation's brackets, balanced: a closing one with no opening one
// cuts the span ("Antam) Tbk" keeps "Antam"; "Persero) Tbk" whose name is
// before it was joined already); an opening one takes its closing one after
// the span when it holds legal forms ("PT Antam (Persero"), else the span
// ends before it and what the brackets hold becomes a mention of its own
// ("PT Aneka Tambang Tbk (Antam": the short form the article defines).
// The mention is (*out)[at], the last; a short form is appended after it,
// and a mention left with no name is removed.
void EntityAnalyzer::Resolution::BalanceBrackets(size_t at, std::vector<Mention>* out) {
  Mention* m = &(*out)[at];
  auto named = [&](size_t b, size_t e) {
    for (size_t t = b; t < e; ++t)
      if (IsWordOrNumber(t) && !IsLegalForm(t)) return true;
    return false;
  };
  int depth = 0;
  size_t open = SIZE_MAX;
  for (size_t t = m->tb; t < m->te; ++t) {
    if (all_[t] == "(") {
      if (depth++ == 0) open = t;
    } else if (all_[t] == ")") {
      if (depth > 0) {
        --depth;
      } else if (named(m->tb, t)) {
        m->te = t;
        break;
      } else {
        m->tb = t + 1;
      }
    }
  }
  if (depth > 0 && open < m->te) {
    const bool closed_after = m->te < tokens_.size() && all_[m->te] == ")";
    if (closed_after && !named(open + 1, m->te)) {
      ++m->te;
    } else {
      Mention inner = *m;
      inner.tb = open + 1;
      m->te = open;
      if (closed_after && named(inner.tb, inner.te)) {
        inner.legal_form = false;
        inner.role.clear();
        inner.role_of.clear();
        while (inner.tb < inner.te && !IsWordOrNumber(inner.tb)) ++inner.tb;
        SetSurface(&inner);
        if (!inner.key.empty()) {
          out->push_back(std::move(inner));
          m = &(*out)[at];
        }
      }
    }
  }
  while (m->tb < m->te && !IsWordOrNumber(m->tb)) ++m->tb;
  while (m->te > m->tb && !IsWordOrNumber(m->te - 1) && all_[m->te - 1] != ")") --m->te;
  if (m->tb < m->te) SetSurface(m);
  if (m->tb >= m->te || m->key.empty()) out->erase(out->begin() + static_cast<long>(at));
}

void EntityAnalyzer::Resolution::ResolveAliasesAndDefinedAcronyms() {
  // A short form defined in brackets is a mention of its organisation even
  // where the tagger left it out ("PT Aneka Tambang Tbk (Antam)"): the
  // store's organisation linker learns the pair from it.
  std::vector<Mention> defined;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (auto it = analyzer_.aliases_.find(m.key); it != analyzer_.aliases_.end()) {
      m.type = it->second.type;
      m.key = EntityKeyOf(m.type, it->second.canonical, analyzer_.lexicon_.get());
    }
    size_t e = m.te;
    if (e >= tokens_.size() || all_[e] != "(") continue;
    if (m.type != EntityType::kPerson && e + 2 < tokens_.size() && all_[e + 2] == ")") {
      // "Bank Indonesia (BI)", "pt aneka tambang tbk (antam)": an acronym,
      // or a contraction of the name in any case.
      std::string short_key = NormaliseEntityKey(all_[e + 1]);
      if (LooksLikeAcronym(all_[e + 1]) ||
          (tokens_[e + 1].kind == text::TokenKind::kWord && IsContractionOf(short_key, EntityKeyWords(m.key)))) {
        defined_acronyms_.emplace(std::move(short_key), k);
        if ((k + 1 == ms_.size() || ms_[k + 1].tb > e + 1) && m.type == EntityType::kOrganisation) {
          Mention d = m;
          d.tb = e + 1;
          d.te = e + 2;
          d.legal_form = false;
          d.surface = std::string(all_[e + 1]);
          defined.push_back(std::move(d));  // m's key: the organisation it defines
        }
      }
      continue;
    }
    if (m.type == EntityType::kPerson && e + 2 < tokens_.size() && all_[e + 2] == ")" &&
        IsPersonInitials(all_[e + 1], EntityKeyWords(m.key))) {
      // "Muhammad Al Azhar (MA)": the initials are this person wherever the
      // article writes them, never the organisation another article's "MA"
      // is (the tagger reads a bracketed acronym as one).
      std::string initials = NormaliseEntityKey(all_[e + 1]);
      defined_acronyms_.emplace(initials, k);
      if (k + 1 == ms_.size() || ms_[k + 1].tb > e + 1) {
        Mention d = m;
        d.tb = e + 1;
        d.te = e + 2;
        d.role.clear();
        d.role_of.clear();
        d.surface = std::string(all_[e + 1]);
        defined.push_back(std::move(d));
      }
      continue;
    }
    // "Antam (PT Aneka Tambang)": a one-word name, then in brackets the
    // organisation it is a contraction of.
    if (m.key.find(' ') != std::string::npos || e + 1 >= tokens_.size() || all_[e + 1] == ")") continue;
    size_t close = e + 2;
    while (close < tokens_.size() && close < e + 10 && all_[close] != ")" && all_[close] != "(") ++close;
    if (close >= tokens_.size() || all_[close] != ")") continue;
    std::string long_key = OrganisationKey(SurfaceOf(e + 1, close), analyzer_.lexicon_.get());
    if (!IsContractionOf(m.key, EntityKeyWords(long_key), m.type == EntityType::kPerson ? 2 : 1)) continue;
    defined_acronyms_.emplace(m.key, k);
    m.type = EntityType::kOrganisation;
    m.key = std::move(long_key);
    m.role.clear();
    m.role_of.clear();
  }
  if (!defined.empty()) {
    // defined_acronyms_ points into ms_: renumber it after the merge.
    std::unordered_map<size_t, size_t> moved;
    std::vector<Mention> all;
    all.reserve(ms_.size() + defined.size());
    size_t d = 0;
    for (size_t k = 0; k < ms_.size(); ++k) {
      while (d < defined.size() && defined[d].tb < ms_[k].tb) all.push_back(std::move(defined[d++]));
      moved[k] = all.size();
      all.push_back(std::move(ms_[k]));
    }
    while (d < defined.size()) all.push_back(std::move(defined[d++]));
    ms_.swap(all);
    for (auto& [key, k] : defined_acronyms_) k = moved[k];
  }
  for (size_t k = 0; k < ms_.size(); ++k) {
    auto it = defined_acronyms_.find(ms_[k].key);
    if (it == defined_acronyms_.end() || it->second == k) continue;
    ms_[k].type = ms_[it->second].type;
    ms_[k].key = ms_[it->second].key;
    if (ms_[k].type != EntityType::kPerson) ms_[k].role.clear(), ms_[k].role_of.clear();
  }
}

// The initials of a mention's capitalised words ("Partai Amanat Nasional"
// -> "PAN").
std::string EntityAnalyzer::Resolution::Initials(const Mention& m) const {
  std::string out;
  for (size_t t = m.tb; t < m.te; ++t)
    if (Capitalised(t) && !IsLegalForm(t)) out += all_[t][0];  // "PT PLN (Persero)" spells no P
  return out;
}

void EntityAnalyzer::Resolution::ResolveSpelledOutAcronyms() {
  // An acronym the text never defines but spells out once: "PAN" after
  // "Partai Amanat Nasional" (the initials of its capitalised words, with
  // or without a leading "Fraksi"/"Partai"-style head the tagger added).
  // When several organisations spell it out, only if they are one.
  struct SpelledOut {
    const Mention* full = nullptr;  // the last organisation spelling it out
    bool ambiguous = false;         // two of them differ
  };
  std::unordered_map<std::string, SpelledOut> spelled_out;
  bool spelled_indexed = false;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (m.type == EntityType::kPerson || m.te - m.tb != 1 || analyzer_.aliases_.count(m.key) ||
        defined_acronyms_.count(m.key))
      continue;
    std::string_view w = all_[m.tb];
    if (w.size() < 2 || w.size() > 6 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      continue;
    if (!spelled_indexed) {
      // The organisations of two words or more do not change here (only
      // one-word mentions do): their initials are indexed once by each
      // ending of 2 to 6 letters, instead of computed for every acronym and
      // organisation pair (O(mentions^2); issue 14, finding 4).
      spelled_indexed = true;
      for (const Mention& o : ms_) {
        if (o.type != EntityType::kOrganisation || o.te - o.tb < 2) continue;
        std::string ini = Initials(o);
        for (size_t len = 2; len <= 6 && len <= ini.size(); ++len) {
          SpelledOut& so = spelled_out[ini.substr(ini.size() - len)];
          if (so.full != nullptr && so.full->key != o.key) so.ambiguous = true;
          so.full = &o;
        }
      }
    }
    auto it = spelled_out.find(std::string(w));
    if (it == spelled_out.end() || it->second.ambiguous) continue;
    const Mention* full = it->second.full;
    m.type = full->type;
    m.key = full->key;
  }
  ResolveContractions();
}

void EntityAnalyzer::Resolution::ResolveContractions() {
  // A one-word name the article never defines but writes beside the one
  // organisation it contracts ("Antam" and "PT Aneka Tambang Tbk", "Bulog"
  // and "Badan Urusan Logistik"): that organisation. The tagger often calls
  // such a word a person, so a person's word must take two letters or more
  // from each word it contracts (a place too). Organisations indexed by their first
  // letter; one answer per word.
  std::unordered_map<char, std::vector<size_t>> orgs;  // first letter -> mentions of distinct keys
  std::unordered_set<std::string_view> seen;
  std::vector<std::vector<std::string>> words(ms_.size());
  for (size_t k = 0; k < ms_.size(); ++k) {
    const Mention& o = ms_[k];
    if (o.type != EntityType::kOrganisation || o.key.find(' ') == std::string::npos || !seen.insert(o.key).second)
      continue;
    words[k] = EntityKeyWords(o.key);
    orgs[o.key[0]].push_back(k);
  }
  if (orgs.empty()) return;
  std::unordered_map<std::string, long> answer[2];  // [strict?] word -> mention; < 0: none or several
  // A pathological article (thousands of organisations and short words)
  // stops looking after this many comparisons; a news article needs a few
  // hundred.
  size_t budget = 200000;
  for (Mention& m : ms_) {
    if (m.key.size() < 3 || m.key.find(' ') != std::string::npos || analyzer_.aliases_.count(m.key) ||
        defined_acronyms_.count(m.key))
      continue;
    auto cand = orgs.find(m.key[0]);
    if (cand == orgs.end()) continue;
    // An acronym written in capitals spells initials ("PAN" is no PArtai
    // Nasdem): ResolveSpelledOutAcronyms' case, not a contraction.
    if (!std::any_of(m.surface.begin(), m.surface.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    // A person or a place the tagger saw in a contraction, or a word of
    // caseless text, must take two letters or more from each word ("Bali"
    // is no B-an-L-ampung-I-...).
    const bool strict = m.type != EntityType::kOrganisation ||
                        !std::any_of(m.surface.begin(), m.surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    auto [it, fresh] = answer[strict].try_emplace(m.key, -1);
    if (fresh) {
      for (size_t k : cand->second) {
        if (budget == 0) break;
        --budget;
        if (!IsContractionOf(m.key, words[k], strict ? 2 : 1)) continue;
        if (it->second >= 0 && ms_[static_cast<size_t>(it->second)].key != ms_[k].key) {
          it->second = -2;  // two organisations fit
          break;
        }
        it->second = static_cast<long>(k);
      }
    }
    if (it->second < 0) continue;
    const Mention& full = ms_[static_cast<size_t>(it->second)];
    m.type = full.type;
    m.key = full.key;
    m.role.clear();
    m.role_of.clear();
  }
}

void EntityAnalyzer::Resolution::UnifyTypes() {
  // A name the article calls a person anywhere is a person everywhere ("Kim
  // Jong Un" tagged ORGANISATION once); otherwise the majority type wins
  // (ties: first seen).
  // A name the article writes with a legal form ("PT Antam Tbk") is an
  // organisation everywhere, even where the tagger called it a person.
  std::unordered_map<std::string, std::unordered_map<EntityType, int>> votes;
  std::vector<std::string> order;
  std::unordered_set<std::string> legal_form;
  for (const Mention& m : ms_) {
    auto& v = votes[m.key];
    if (v.empty()) order.push_back(m.key);
    ++v[m.type];
    if (m.legal_form) legal_form.insert(m.key);
  }
  std::unordered_map<std::string, EntityType> winner;
  for (const Mention& m : ms_) {
    if (winner.count(m.key)) continue;
    const auto& v = votes[m.key];
    EntityType best = m.type;
    if (legal_form.count(m.key)) {
      best = EntityType::kOrganisation;
    } else if (v.count(EntityType::kPerson)) {
      best = EntityType::kPerson;
    } else {
      for (const auto& [t, n] : v)
        if (n > v.at(best)) best = t;
    }
    winner[m.key] = best;
  }
  for (Mention& m : ms_) {
    m.type = winner[m.key];
    if (m.type != EntityType::kPerson) m.role.clear(), m.role_of.clear();
  }
}

// The token of each word of m.key.
std::vector<size_t> EntityAnalyzer::Resolution::WordTokens(const Mention& m) const {
  std::vector<size_t> out;
  for (size_t t = m.tb; t < m.te; ++t) {
    size_t n = EntityKeyWords(NormaliseEntityKey(all_[t])).size();
    out.insert(out.end(), n, t);
  }
  return out;
}

void EntityAnalyzer::Resolution::SplitSurnameFromOrganisation() {
  // "mantan pemain [Manchester United Depay]" beside "Memphis Depay": an
  // organisation of three words or more whose last word is the surname of a
  // person the article names in full, and holds no other word of that name,
  // ends before it; the surname is that person. "Universitas Gadjah Mada"
  // beside "Gadjah Mada" holds the whole name: a name it is named after.
  std::unordered_map<std::string, size_t> surname;  // last word -> a full name's mention
  std::unordered_set<std::string> ambiguous;
  for (size_t f = 0; f < ms_.size(); ++f) {
    const Mention& p = ms_[f];
    if (p.type != EntityType::kPerson || p.words.size() < 2) continue;
    auto [it, fresh] = surname.emplace(p.words.back(), f);
    if (!fresh && ms_[it->second].key != p.key) ambiguous.insert(p.words.back());
  }
  if (surname.empty()) return;
  std::vector<Mention> added;
  for (Mention& m : ms_) {
    if (m.type != EntityType::kOrganisation || m.words.size() < 3 || m.legal_form) continue;
    auto it = surname.find(m.words.back());
    if (it == surname.end() || ambiguous.count(m.words.back())) continue;
    const Mention& person = ms_[it->second];
    bool holds_more = false;
    for (size_t i = 0; i + 1 < person.words.size(); ++i)
      holds_more |= std::find(m.words.begin(), m.words.end() - 1, person.words[i]) != m.words.end() - 1;
    std::vector<size_t> wt = WordTokens(m);
    if (holds_more || wt.size() != m.words.size() || wt.back() + 1 != m.te) continue;
    Mention p = m;
    p.type = EntityType::kPerson;
    p.tb = wt.back();
    p.te = wt.back() + 1;
    p.surface = std::string(all_[p.tb]);
    p.key = person.key;
    p.words = person.words;
    p.role.clear();
    p.role_of.clear();
    m.te = wt[wt.size() - 2] + 1;
    SetSurface(&m);
    m.words = EntityKeyWords(m.key);
    added.push_back(std::move(p));
  }
  if (added.empty()) return;
  for (Mention& p : added) ms_.push_back(std::move(p));
  std::stable_sort(ms_.begin(), ms_.end(), [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
}

void EntityAnalyzer::Resolution::ShrinkToInnerNames() {
  // A person span that holds another person's full name is a mis-tagged
  // neighbourhood ("Gestur Diplomatik Kim Jong Un" in a title-case
  // headline): shrink it to that name. The words are also what
  // ResolveShortNames compares.
  for (Mention& m : ms_) m.words = EntityKeyWords(m.key);
  // Only when the inner name is the article's more usual form, or the outer
  // span sits in a Title Case headline: "Kim Jong Un" must not shrink to a
  // "Kim Jong" the tagger cut short elsewhere.
  std::unordered_map<std::string, int> key_count;
  for (const Mention& m : ms_) ++key_count[m.key];
  // The person names of two words or more by their words, then key: each
  // mention compares the runs of its own words with this index instead of
  // every other mention (O(mentions^2), minutes for one 8 MB article; issue
  // 14, finding 4). Sets keep text order: the first of a key is the one the
  // scan in text order would have met first.
  std::unordered_map<std::string, std::map<std::string, std::set<size_t>>> names;
  for (size_t f = 0; f < ms_.size(); ++f)
    if (ms_[f].type == EntityType::kPerson && ms_[f].words.size() >= 2)
      names[JoinWords(ms_[f].words, 0, ms_[f].words.size())][ms_[f].key].insert(f);
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (m.type != EntityType::kPerson || m.words.size() < 3) continue;
    const bool in_headline = m.headline;
    // The longest inner name that qualifies; of those, the first in the text.
    size_t best = SIZE_MAX;
    for (size_t len = m.words.size() - 1; len >= 2 && best == SIZE_MAX; --len) {
      for (size_t b = 0; b + len <= m.words.size(); ++b) {
        auto it = names.find(JoinWords(m.words, b, b + len));
        if (it == names.end()) continue;
        for (const auto& [key, holders] : it->second) {
          if (holders.empty() || (!in_headline && key_count[key] <= key_count[m.key])) continue;
          best = std::min(best, *holders.begin());
        }
      }
    }
    if (best == SIZE_MAX) continue;
    std::vector<size_t> wt = WordTokens(m);
    if (wt.size() != m.words.size()) continue;  // an alias rewrote the key
    const auto& g = ms_[best].words;
    for (size_t i = 0; i + g.size() <= m.words.size(); ++i) {
      if (!std::equal(g.begin(), g.end(), m.words.begin() + static_cast<long>(i))) continue;
      // In running text, words that can all be a person's name words are
      // the rest of the name ("Oscar De La Hoya", later "De La Hoya"
      // twice), not a neighbourhood.
      if (!in_headline) {
        bool all_name_words = true;
        for (size_t w = 0; w < wt.size() && all_name_words; ++w)
          if (w < i || w >= i + g.size()) all_name_words = PersonNameWord(wt[w]);
        if (all_name_words) break;
      }
      names[JoinWords(m.words, 0, m.words.size())][m.key].erase(k);
      m.tb = wt[i];
      m.te = wt[i + g.size() - 1] + 1;
      SetSurface(&m);
      m.words = EntityKeyWords(m.key);
      if (m.words.size() >= 2) names[JoinWords(m.words, 0, m.words.size())][m.key].insert(k);
      break;
    }
  }
}

// Short names ("Kim", "Jong Un") -> the full name they are part of: the
// nearest preceding such name, else the first following one.
// Looked up in an index of the full names' runs, not by scanning every full
// name for every mention: that was O(mentions x names), minutes for one
// 8 MB article (issue 14, finding 4).
long EntityAnalyzer::Resolution::NearestFullNameHolding(
    size_t k, const std::unordered_map<std::string, std::vector<size_t>>& holders) const {
  const Mention& m = ms_[k];
  if (m.words.empty()) return -1;
  auto it = holders.find(JoinWords(m.words, 0, m.words.size()));
  if (it == holders.end()) return -1;
  const std::vector<size_t>& h = it->second;
  // A run strictly shorter than its name never holds the mention itself, so
  // k is not in h: the nearest preceding holder wins, else the first after.
  auto after = std::lower_bound(h.begin(), h.end(), k);
  long best = after != h.begin() ? static_cast<long>(*(after - 1)) : after != h.end() ? static_cast<long>(*after) : -1;
  // A one-word mention of another type matches a person only by the
  // person's last name ("Putin" tagged LOCATION next to "Vladimir Putin").
  if (best >= 0 && m.type != EntityType::kPerson && ms_[static_cast<size_t>(best)].words.back() != m.words[0])
    best = -1;
  return best;
}

// A clipped first name ("Sandi" for "Sandiaga Uno", "Jokowi" is not one)
// when exactly one person of the article has a first name that starts with
// it.
long EntityAnalyzer::Resolution::OnlyPersonWithGivenNameStarting(const Mention& m,
                                                                 const FullNameGroups& full) const {
  const std::string& clip = m.words[0];
  const std::string* key = nullptr;
  size_t last = 0;
  for (auto it = full.by_given.lower_bound(clip); it != full.by_given.end() && it->first.starts_with(clip); ++it) {
    if (it->first.size() == clip.size()) continue;  // the whole given name is not a clipped one
    if (!FullNameGroups::Merge(it->second, &key, &last)) return -1;  // two candidates: leave it alone
  }
  return key ? static_cast<long>(last) : -1;
}

// A name misspelt by one letter ("Robert" after "Rebert Joppy Kardinal"),
// when exactly one person of the article fits: the first or last words of
// the same length equal to it but for one byte.
long EntityAnalyzer::Resolution::OnlyPersonOneLetterOff(const Mention& m, const FullNameGroups& full) const {
  const std::string& w = m.words[0];
  const std::string* key = nullptr;
  size_t last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    auto it = full.blanked.find(FullNameGroups::Blank(w, i));
    if (it == full.blanked.end()) continue;
    for (const std::string& end : it->second) {
      if (end == w) continue;  // the same word is not a typo of it
      if (!FullNameGroups::Merge(full.by_end.at(end), &key, &last)) return -1;
    }
  }
  return key ? static_cast<long>(last) : -1;
}

void EntityAnalyzer::Resolution::ResolveShortNames() {
  std::vector<size_t> full;
  for (size_t k = 0; k < ms_.size(); ++k)
    if (ms_[k].type == EntityType::kPerson && ms_[k].words.size() >= 2) full.push_back(k);
  // The words of full names do not change below (only keys and types do).
  std::unordered_map<std::string, std::vector<size_t>> holders;
  for (size_t f : full) {
    const auto& w = ms_[f].words;
    for (size_t b = 0; b < w.size(); ++b)
      for (size_t e = b + 1; e <= w.size() && e - b < w.size(); ++e) {
        auto& h = holders[JoinWords(w, b, e)];
        if (h.empty() || h.back() != f) h.push_back(f);  // a name repeating a run lists once
      }
  }
  FullNameGroups groups;
  for (size_t f : full) groups.Add(ms_[f].words, ms_[f].key, f);
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (m.type != EntityType::kPerson && m.words.size() != 1) continue;
    long best = NearestFullNameHolding(k, holders);
    if (best < 0 && m.type == EntityType::kPerson && m.words.size() == 1 && m.words[0].size() >= 4)
      best = OnlyPersonWithGivenNameStarting(m, groups);
    if (best < 0 && m.type == EntityType::kPerson && m.words.size() == 1 && m.words[0].size() >= 5)
      best = OnlyPersonOneLetterOff(m, groups);
    if (best < 0) continue;
    const std::string& key = ms_[static_cast<size_t>(best)].key;
    // A full name resolved to a longer one: its groups follow its new key.
    if (m.type == EntityType::kPerson && m.words.size() >= 2 && m.key != key) groups.Rekey(m.words, m.key, key);
    m.type = EntityType::kPerson;
    m.key = key;
  }
}

void EntityAnalyzer::Resolution::ResolveLocalHeads() {
  // "Polda" beside "Polda Jabar" is Polda Jabar; beside two regions' or
  // none, it names no organisation another article can share.
  auto lone_head = [&](const Mention& m) {
    return m.type == EntityType::kOrganisation && m.words.size() == 1 &&
           analyzer_.lexicon_->Is(text::WordClass::kOrgLocalHead, m.words[0]);
  };
  // The tagger often ends the organisation before its region ("[Polda]
  // [Jawa Barat]"): the place right after a lone head is part of its name.
  std::vector<Mention> joined;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention m = std::move(ms_[k]);
    if (lone_head(m) && k + 1 < ms_.size() && ms_[k + 1].type == EntityType::kLocation && ms_[k + 1].tb == m.te &&
        ms_[k + 1].se == m.se) {
      m.te = ms_[k + 1].te;
      SetSurface(&m);
      m.words = EntityKeyWords(m.key);
      ++k;
    }
    joined.push_back(std::move(m));
  }
  ms_.swap(joined);
  std::unordered_map<std::string, std::set<std::string>> full;  // head -> keys of its full names
  for (const Mention& m : ms_) {
    if (m.type != EntityType::kOrganisation || m.words.size() < 2) continue;
    if (analyzer_.lexicon_->Is(text::WordClass::kOrgLocalHead, m.words[0])) full[m.words[0]].insert(m.key);
  }
  for (Mention& m : ms_) {
    if (!lone_head(m) || m.key != m.words[0]) continue;
    auto it = full.find(m.words[0]);
    if (it != full.end() && it->second.size() == 1)
      m.key = *it->second.begin();
    else
      m.local = true;
  }
}

void EntityAnalyzer::Resolution::WriteEntities(Article* article) const {
  // The canonical name is the alias file's or the longest form written in
  // this article.
  // An organisation's is its fullest form, cased when the article has one
  // ("PT Aneka Tambang Tbk" over "Aneka Tambang" and "pt aneka tambang").
  std::unordered_map<std::string, std::string> canonical;  // type:key -> display
  auto fuller = [](const std::string& a, const std::string& b) {
    auto cased = [](const std::string& x) { return std::any_of(x.begin(), x.end(), [](char c) { return c >= 'A' && c <= 'Z'; }); };
    if (cased(a) != cased(b)) return cased(a);
    return std::count(a.begin(), a.end(), ' ') > std::count(b.begin(), b.end(), ' ');
  };
  for (const Mention& m : ms_) {
    std::string id = std::string(Name(m.type)) + ":" + m.key;
    if (auto a = analyzer_.aliases_.find(m.key); a != analyzer_.aliases_.end() && a->second.type == m.type) {
      canonical[id] = a->second.canonical;
      continue;
    }
    if (EntityKeyOf(m.type, m.surface, analyzer_.lexicon_.get()) != m.key) continue;  // a short form or an alias
    auto it = canonical.find(id);
    if (it == canonical.end())
      canonical.emplace(id, m.surface);
    else if (m.type == EntityType::kOrganisation && !analyzer_.aliases_.count(m.key) && fuller(m.surface, it->second))
      it->second = m.surface;
  }
  article->entities.clear();
  for (const Mention& m : ms_) {
    EntityMention out;
    out.span = Span{tokens_[m.tb].cp_begin, tokens_[m.te - 1].cp_end};
    out.text = m.surface;
    out.type = m.type;
    auto it = canonical.find(std::string(Name(m.type)) + ":" + m.key);
    out.canonical = it != canonical.end() ? it->second : m.surface;
    out.entity_id = EntityIdOfKey(m.type, m.key);
    if (m.local) {
      // The article's own: its id is the key's within this article.
      const std::string& scope = !article->id.empty() ? article->id : !article->url.empty() ? article->url : article->source;
      out.entity_id = EntityIdOfKey(m.type, m.key + "\x1f" + (scope.empty() ? text_ : scope));
    }
    out.role = m.role;
    out.role_of = m.role_of;
    article->entities.push_back(std::move(out));
  }
}

Status EntityAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  Resolution r(*this, ctx);
  r.TagSentences();
  r.FindNamesInTitleCaseLines();
  r.FindMissedPersonNames();
  r.TrimMentions();
  r.SplitAtCitedSpeakers();
  r.JoinLegalForms();
  r.ResolveAliasesAndDefinedAcronyms();
  r.ResolveSpelledOutAcronyms();
  r.UnifyTypes();
  r.ShrinkToInnerNames();
  r.SplitSurnameFromOrganisation();
  r.ResolveShortNames();
  r.ResolveLocalHeads();
  r.WriteEntities(article);
  return Status::Ok();
}

}  // namespace warta::entities
