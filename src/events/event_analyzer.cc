#include "events/event_analyzer.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/case.h"

namespace warta::events {

using text::Token;
using text::TokenKind;
using text::WordClass;

namespace {

// How a trigger word finds its participants (text::EventFrame, named in
// event_triggers.tsv).
using Frame = text::EventFrame;

struct TriggerWord {
  EventType type = EventType::kMeeting;
  Frame frame = Frame::kTransitive;
  bool visit = false;         // one participant and a place is enough; a LOCATION object is the place
  bool actor_object = false;  // only with a PERSON/ORGANISATION object ("menerima bantuan" is no meeting)
  bool weapon_next = false;   // only with a weapon word right after ("meluncurkan rudal")
  bool needs_document = false;  // signing: only an agreement document near ("menandatangani perjanjian")
  bool not_that_clause = false;  // "sepakat bahwa": an opinion, no agreement
  bool patient_possessor = false;  // "penangkapan X": X is the target, not the actor
  std::vector<std::string> rest;  // a phrase's words after the first ("unjuk rasa": {"rasa"})
  bool cue = false;               // only with one of its type's cue words near
  int cue_class = -1;             // text::WordClass of those cue words; -1: the type has none (never fires)
};

// Which side of its trigger a participant was found on; its EventRole
// follows from the side and the frame (see Roles()).
enum class Side : uint8_t { kSubject, kObject, kCoActor };

// Two-party types: an event needs two participants ("X bertemu Y"); the
// others are single-party events (an arrest, a decision, a disaster...).
bool TwoParty(EventType t) {
  return t == EventType::kMeeting || t == EventType::kAgreement || t == EventType::kAccusation;
}
// Single-party types whose one participant must be the one doing it: a
// decision needs its deciding institution, a launch its launcher.
bool NeedsActor(EventType t) {
  return t == EventType::kDecision || t == EventType::kRegulation || t == EventType::kPriceChange ||
         t == EventType::kLaunch || t == EventType::kHearing;
}
// Types complete with a place alone ("banjir di Kampung Pulo", "unjuk rasa
// di depan DPRD", "Pilkada Jawa Barat").
bool PlaceSuffices(EventType t) {
  return t == EventType::kDisaster || t == EventType::kProtest || t == EventType::kElection ||
         t == EventType::kVisit;
}

bool IsUpperStart(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

// Removes a clitic (event.clitic: -nya, -lah, -pun, -kah) that attaches to
// any word class.
std::string_view StripClitic(std::string_view w, const std::vector<std::string>& clitics, bool* had_nya) {
  *had_nya = false;
  for (std::string_view c : clitics) {
    if (w.size() > c.size() + 4 && w.substr(w.size() - c.size()) == c) {
      *had_nya = c == "nya";
      return w.substr(0, w.size() - c.size());
    }
  }
  return w;
}

}  // namespace

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
};
// Looked up with string_views into the article's lowercase buffer.
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// The text::Lexicon's event words, indexed once per analyser: hash sets
// looked up with string_views into the article's lowercase buffer.
struct EventAnalyzer::Lexicon {
  using Hash = WordHash;
  // By first word: the triggers it may start, the longest phrase first,
  // then the conditional ones in file order, the unconditional one last.
  std::unordered_map<std::string, std::vector<TriggerWord>, Hash, std::equal_to<>> triggers;
  std::vector<std::string> clitics;  // event.clitic
  WordSet skip_before;   // adverbs and hedges between a subject and its verb
  WordSet blockers;      // negation and denial right before a trigger: modality negated
  WordSet planned, hoped, negated_after, planned_after, clause_break, coactor_link, that_clause;
  WordSet roles;         // lowercase words inside a noun phrase naming an actor
  WordSet function_words;  // capitalised, still end a noun phrase
  WordSet light_verbs;   // "melakukan kunjungan", "menandatangani perjanjian"
  WordSet weapons, messages, report_words, past_or_plan, pronouns;
  WordSet documents;  // what signing makes an agreement
  std::vector<uint32_t> prefixes;             // Prefix() of every trigger, sorted

  static uint32_t Prefix(std::string_view w) {
    uint32_t p = 0;
    for (size_t i = 0; i < 3; ++i) p = p << 8 | (i < w.size() ? static_cast<unsigned char>(w[i]) : 0u);
    return p;
  }
  bool MayTrigger(std::string_view w) const {
    return w.size() >= 4 && std::binary_search(prefixes.begin(), prefixes.end(), Prefix(w));
  }
  WordSet sport;      // "bertemu"/"menjamu" here means playing a match
  // The rest of the classes, looked up where a rule needs one.
  const text::Lexicon* classes = nullptr;

  explicit Lexicon(const text::Lexicon& lexicon) : classes(&lexicon) {
    using text::EventTriggerFlag;
    for (const text::EventTrigger& t : lexicon.event_triggers()) {
      // The lexicon loader accepts event type names only.
      TriggerWord w{ParseEventType(t.type).value(), t.frame, t.Has(EventTriggerFlag::kVisit),
                    t.Has(EventTriggerFlag::kActorObject), t.Has(EventTriggerFlag::kWeaponNext),
                    t.Has(EventTriggerFlag::kNeedsDocument), t.Has(EventTriggerFlag::kNotThatClause),
                    t.Has(EventTriggerFlag::kPatientPossessor), {},
                    t.Has(EventTriggerFlag::kCue), -1};
      std::string first = t.word;
      if (size_t sp = t.word.find(' '); sp != std::string::npos) {
        first = t.word.substr(0, sp);
        for (size_t b = sp + 1; b <= t.word.size();) {
          size_t e = t.word.find(' ', b);
          if (e == std::string::npos) e = t.word.size();
          if (e > b) w.rest.push_back(t.word.substr(b, e - b));
          b = e + 1;
        }
      }
      if (t.Has(EventTriggerFlag::kCue)) {
        // The type's cue words: the class named "event.cue.<type>".
        const std::string name = "event.cue." + std::string(t.type);
        for (size_t c = 0; c < static_cast<size_t>(WordClass::kCount); ++c)
          if (text::WordClassName(static_cast<WordClass>(c)) == name &&
              !lexicon.Words(static_cast<WordClass>(c)).empty())
            w.cue_class = static_cast<int>(c);
      }
      triggers[first].push_back(std::move(w));
    }
    for (auto& [first, list] : triggers) {
      const auto conditional = [](const TriggerWord& t) { return t.cue || t.weapon_next || t.needs_document; };
      std::stable_sort(list.begin(), list.end(), [&](const TriggerWord& a, const TriggerWord& b) {
        if (a.rest.size() != b.rest.size()) return a.rest.size() > b.rest.size();
        return conditional(a) && !conditional(b);
      });
    }
    // The first three letters of every trigger, sorted: most words are
    // rejected by a binary search before any hashing.
    for (const auto& [w, t] : triggers) prefixes.push_back(Prefix(w));
    std::sort(prefixes.begin(), prefixes.end());
    prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
    const auto words = [&](WordClass c) {
      const std::vector<std::string>& w = lexicon.Words(c);
      return WordSet(w.begin(), w.end());
    };
    clitics = lexicon.Words(WordClass::kEventClitic);
    skip_before = words(WordClass::kEventSkipBefore);
    blockers = words(WordClass::kEventBlocker);
    planned = words(WordClass::kEventPlanned);
    hoped = words(WordClass::kEventHoped);
    negated_after = words(WordClass::kEventNegatedAfter);
    planned_after = words(WordClass::kEventPlannedAfter);
    clause_break = words(WordClass::kEventClauseBreak);
    coactor_link = words(WordClass::kEventCoactorLink);
    that_clause = words(WordClass::kEventThatClause);
    roles = words(WordClass::kEventRole);
    function_words = words(WordClass::kEventFunctionWord);
    light_verbs = words(WordClass::kEventLightVerb);
    weapons = words(WordClass::kEventWeapon);
    messages = words(WordClass::kEventMessage);
    // A report, not the event itself: speech and its attribution ("kata",
    // "dilaporkan", "menurut"), and the words naming a report.
    for (const text::SpeechVerb& v : lexicon.speech_verbs()) {
      using text::SpeechRole;
      if (v.Has(SpeechRole::kAfter) || v.Has(SpeechRole::kBefore) || v.Has(SpeechRole::kPassive) ||
          v.Has(SpeechRole::kRelay) || v.Has(SpeechRole::kAccording))
        report_words.insert(v.word);
    }
    for (const std::string& w : lexicon.Words(WordClass::kEventReportWord)) report_words.insert(w);
    past_or_plan = words(WordClass::kEventPastOrPlan);
    pronouns = words(WordClass::kPersonPronoun);
    documents = words(WordClass::kEventDocument);
    sport = words(WordClass::kEventSport);
  }
};

namespace {

constexpr int kNone = -1;

struct Candidate {
  int sentence = 0;
  size_t trigger = 0;  // token index
  size_t trigger_end = 0;  // one past the trigger's last token (a phrase: "unjuk rasa")
  const TriggerWord* word = nullptr;
  std::vector<int> mentions;  // participant mention indices (resolved), in order found
  std::vector<Side> sides;    // sides[i]: where mentions[i] was found
  int place = kNone;          // LOCATION mention index
  size_t place_from = 0;      // first token of the place's full name ("Pasar Dukuh Kupang"), when longer
  EventModality modality = EventModality::kHappened;
  bool unnamed_party = false;
  // No subject of its own, after "untuk"/"dan"/"lalu" ("melakukan kunjungan
  // ke Moskow untuk bertemu Putin"): it shares the sentence's previous verb's.
  bool shares_subject = false;  // a party named by a common noun ("DS dibekuk polisi", "warga berunjuk rasa")
  std::string date;           // from the sentence (or its continuation)
  bool date_from_sentence = false;
  // A noun trigger pointing back ("Keputusan itu diambil ... Rabu (20/8)"):
  // with no party of its own it is the previous event of its type, and
  // may tell that event's date.
  bool anaphoric = false;
  bool no_fallback = false;  // past or planned: no publication-date guess
};

class Run {
 public:
  Run(const EventAnalyzerOptions& opt, const EventAnalyzer::Lexicon& lex, const Article& article,
      const analyse::AnalysisContext& ctx)
      : opt_(opt), lex_(lex), article_(article), ctx_(ctx), toks_(ctx.tokens()), n_(toks_.size()) {
    lower_.resize(n_);
    lower_text_.reserve(ctx.text().size());
    para_.assign(n_, 0);
    sent_.assign(n_, 0);
    mention_at_.assign(n_, kNone);
    timex_at_.assign(n_, kNone);
    quoted_.assign(n_, false);
    int p = 0;
    for (size_t i = 0; i < n_; ++i) {
      if (i > 0) {
        std::string_view gap(ctx.text().data() + toks_[i - 1].end, toks_[i].begin - toks_[i - 1].end);
        if (gap.find('\n') != std::string_view::npos) ++p;
      }
      para_[i] = p;
      std::string_view t = ctx.TokenText(i);
      bool ascii = true;
      for (char ch : t) ascii &= static_cast<unsigned char>(ch) < 0x80;
      const size_t at = lower_text_.size();
      if (ascii || toks_[i].kind != TokenKind::kWord) {
        lower_text_.append(t);
        if (ascii)
          for (size_t k = at; k < lower_text_.size(); ++k)
            if (lower_text_[k] >= 'A' && lower_text_[k] <= 'Z') lower_text_[k] = static_cast<char>(lower_text_[k] - 'A' + 'a');
      } else {
        text::LowercaseTo(t, &scratch_);
        lower_text_.append(scratch_);
      }
      lower_[i] = {static_cast<uint32_t>(at), static_cast<uint32_t>(lower_text_.size() - at)};
    }
    const auto& sents = ctx.sentences();
    for (size_t s = 0; s < sents.size(); ++s)
      for (uint32_t i = sents[s].first_token; i < sents[s].end_token && i < n_; ++i) sent_[i] = static_cast<int>(s);
    // Mentions and timexes onto tokens (both lists and the tokens are in
    // text order; sorted copies of the indices guard against a caller that
    // did not sort).
    const auto& ents = article.entities;
    mention_first_.assign(ents.size(), kNone);
    person_key_.resize(ents.size());
    mention_end_.assign(ents.size(), kNone);
    Paint(ents.size(), [&](size_t m) { return ents[m].span; }, &mention_at_, &mention_first_, &mention_end_);
    std::vector<int> tf(article.timexes.size()), te(article.timexes.size());
    Paint(article.timexes.size(), [&](size_t m) { return article.timexes[m].span; }, &timex_at_, &tf, &te);
    for (size_t m = 0; m < ents.size(); ++m) {
      if (mention_first_[m] == kNone || mention_end_[m] != mention_first_[m] + 1 || !IsActor(static_cast<int>(m)))
        continue;
      mention_by_word_.emplace(std::string(L(static_cast<size_t>(mention_first_[m]))), static_cast<int>(m));
    }
    for (const Quote& q : article.quotes) {
      if (!q.direct) continue;
      auto it = std::lower_bound(toks_.begin(), toks_.end(), q.span.begin,
                                 [](const Token& t, int32_t v) { return t.cp_end <= v; });
      for (; it != toks_.end() && it->cp_begin < q.span.end; ++it) quoted_[it - toks_.begin()] = true;
    }
  }

  std::vector<Event> Go() {
    std::vector<Candidate> found;
    for (size_t i = 0; i < n_; ++i) {
      if (toks_[i].kind != TokenKind::kWord) continue;
      // A trigger inside a direct quotation is what a speaker says, a
      // claim, unless the speaker reports it done: a perfect-aspect word
      // right before it ("kami sudah mengontrak Helder Lobato", "kami
      // telah menarik OT itu dari peredaran"). Measured (session 10): the
      // perfective ones are half gold events; all quoted triggers, a third.
      if (quoted_[i]) {
        bool done = false;
        for (size_t k = i > 3 ? i - 3 : 0; k < i && !done; ++k) done = quoted_[k] && In(WordClass::kEventPerfective, L(k));
        if (!done) continue;
      }
      // A name is no trigger ("Banjir Kanal Timur"), except an organisation
      // the entity analyser made of a noun trigger: "OTT", "Rapat Dengar
      // Pendapat (RDP)".
      const int cover = mention_at_[i];
      // "Dinas Kebakaran", "Badan Penanggulangan Bencana", "acara Demo
      // Day": a capitalised trigger inside a capitalised run is part of a
      // name the entity analyser missed (not an acronym: "Pilkada DKI",
      // "OTT"; not a name's first word at the sentence's start).
      if (cover == kNone && IsUpperStart(ctx_.TokenText(i)) && i > SentBegin(i) && !AllCaps(i)) {
        const bool before = Word(i - 1) && IsUpperStart(ctx_.TokenText(i - 1)) &&
                            !lex_.function_words.count(L(i - 1)) && !In(WordClass::kEventFrontedPreposition, L(i - 1));
        const bool next = i + 1 < n_ && Word(i + 1) && mention_at_[i + 1] == kNone &&
                          IsUpperStart(ctx_.TokenText(i + 1)) && !lex_.function_words.count(L(i + 1)) &&
                          timex_at_[i + 1] == kNone && !lex_.triggers.count(L(i + 1));
        if (before || next) continue;
      }
      if (cover != kNone && (mention_first_[cover] != static_cast<int>(i) || M(cover).type != EntityType::kOrganisation))
        continue;
      bool had_nya = false;
      std::string_view w = StripClitic(L(i), lex_.clitics, &had_nya);
      if (!lex_.MayTrigger(w)) continue;
      auto it = lex_.triggers.find(w);
      if (it == lex_.triggers.end()) continue;
      for (const TriggerWord& t : it->second) {
        size_t end = i + 1;
        bool phrase = true, nya_here = had_nya;
        for (size_t r = 0; r < t.rest.size() && phrase; ++r, ++end) {
          bool nya = false;
          phrase = end < n_ && quoted_[end] == quoted_[i] && Word(end) &&
                   (r + 1 < t.rest.size() ? L(end) : StripClitic(L(end), lex_.clitics, &nya)) == t.rest[r];
          if (phrase && r + 1 == t.rest.size()) nya_here = nya;
        }
        if (!phrase || !Condition(i, end, t)) continue;
        if (cover != kNone && (t.frame != Frame::kNoun || static_cast<int>(end) > mention_end_[cover])) continue;
        Candidate c;
        c.trigger_end = cover != kNone ? static_cast<size_t>(mention_end_[cover]) : end;
        if (Fill(i, t, nya_here, &c)) found.push_back(std::move(c));
        if (!t.rest.empty()) i = end - 1;  // the phrase's words make no trigger of their own
        break;
      }
    }
    return Assemble(&found);
  }

 private:
  template <typename SpanOf>
  void Paint(size_t count, SpanOf span_of, std::vector<int>* at, std::vector<int>* first, std::vector<int>* end) {
    std::vector<size_t> order(count);
    for (size_t m = 0; m < count; ++m) order[m] = m;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return span_of(a).begin < span_of(b).begin; });
    size_t t = 0;
    for (size_t m : order) {
      Span s = span_of(m);
      while (t < n_ && toks_[t].cp_end <= s.begin) ++t;
      size_t k = t;
      while (k < n_ && toks_[k].cp_begin < s.end) {
        if ((*at)[k] == kNone) (*at)[k] = static_cast<int>(m);
        if ((*first)[m] == kNone) (*first)[m] = static_cast<int>(k);
        (*end)[m] = static_cast<int>(k + 1);
        ++k;
      }
    }
  }

  bool AllCaps(size_t i) const {
    const std::string_view t = ctx_.TokenText(i);
    for (char ch : t)
      if (ch >= 'a' && ch <= 'z') return false;
    return true;
  }
  std::string_view L(size_t i) const { return std::string_view(lower_text_).substr(lower_[i].first, lower_[i].second); }
  const EntityMention& M(int m) const { return article_.entities[m]; }
  bool IsActor(int m) const {
    // Spelled out so that a new entity type is no actor until it is listed.
    const EntityType t = M(m).type;
    return t == EntityType::kPerson || t == EntityType::kOrganisation || t == EntityType::kLocation;
  }
  bool Word(size_t i) const { return toks_[i].kind == TokenKind::kWord; }
  bool Is(size_t i, std::string_view w) const { return i < n_ && L(i) == w; }
  bool In(text::WordClass c, std::string_view lower) const { return lex_.classes->Is(c, lower); }
  size_t SentBegin(size_t i) const { return ctx_.sentences()[sent_[i]].first_token; }
  size_t SentEnd(size_t i) const { return std::min<size_t>(ctx_.sentences()[sent_[i]].end_token, n_); }

  // The nearest PERSON mention before token `before` whose canonical name
  // has `word` as a whole word (any PERSON when `word` is empty), skipping
  // the entities in `exclude`.
  int PrecedingPerson(size_t before, std::string_view word, const std::vector<int>& exclude) const {
    const auto& ents = article_.entities;
    int32_t cp = toks_[before].cp_begin;
    auto it = std::lower_bound(ents.begin(), ents.end(), cp,
                               [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
    int looked = 0;
    std::string key;
    if (!word.empty()) key = " " + std::string(word) + " ";
    for (auto j = it; j != ents.begin() && looked < opt_.max_antecedent_mentions;) {
      --j;
      ++looked;
      if (j->type != EntityType::kPerson || j->span.end > cp) continue;
      int m = static_cast<int>(j - ents.begin());
      bool excluded = false;
      for (int x : exclude) excluded |= M(x).entity_id == j->entity_id;
      if (excluded) continue;
      if (word.empty()) return m;
      if (PersonKey(m).find(key) != std::string::npos) return m;
    }
    return kNone;
  }

  // " kim jong un ": the person's canonical name, lowercased, hyphens as
  // spaces, padded for whole-word search; computed once per mention.
  const std::string& PersonKey(int m) const {
    std::string& k = person_key_[m];
    if (k.empty()) {
      const EntityMention& e = M(m);
      k = " " + text::Lowercase(e.canonical.empty() ? e.text : e.canonical) + " ";
      for (char& c : k)
        if (c == '-') c = ' ';
    }
    return k;
  }

  void AddMention(int m, std::vector<int>* out) const {
    if (m == kNone || !IsActor(m) || M(m).entity_id.empty()) return;
    for (int x : *out)
      if (M(x).entity_id == M(m).entity_id) return;
    out->push_back(m);
  }

  // The mention index starting at token i with no preposition before it,
  // else kNone.
  bool PrepositionBefore(size_t i, size_t floor) const {
    if (i <= floor) return false;
    const std::string_view l = L(i - 1);
    return In(WordClass::kEventPreposition, l);
  }

  bool Glue(size_t i) const {
    if (!Word(i)) return false;
    const std::string_view l = L(i);
    if (lex_.function_words.count(l)) return false;
    return IsUpperStart(ctx_.TokenText(i)) || lex_.roles.count(l) > 0;
  }

  // A capitalised word no mention covers: a short name of a person named
  // before ("Kim"), added to `out` when one fits.
  // Else a one-word name the entity analyser tagged elsewhere in the
  // article but not here ("Israel").
  void ShortName(size_t i, std::vector<int>* out) const {
    if (!Word(i) || !IsUpperStart(ctx_.TokenText(i)) || L(i).size() < 3) return;
    int m = PrecedingPerson(i, L(i), {});
    if (m == kNone) {
      auto it = mention_by_word_.find(L(i));
      // Not when a person follows: "Perdana Menteri Israel Benjamin
      // Netanyahu", the country only qualifies the person's role.
      if (it != mention_by_word_.end() &&
          !(i + 1 < n_ && mention_at_[i + 1] != kNone && M(mention_at_[i + 1]).type == EntityType::kPerson) &&
          !(M(it->second).type != EntityType::kPerson && i + 1 < n_ && Word(i + 1) &&
            IsUpperStart(ctx_.TokenText(i + 1)) && PrecedingPerson(i + 1, L(i + 1), {}) != kNone))
        m = it->second;
    }
    AddMention(m, out);
  }

  // "keduanya" / "mereka berdua": the last two people named.
  void Both(size_t i, std::vector<int>* out) const {
    int a = PrecedingPerson(i, "", {});
    if (a == kNone) return;
    int b = PrecedingPerson(i, "", {a});
    if (b == kNone) return;
    AddMention(b, out);
    AddMention(a, out);
  }

  // The noun phrase ending at token `end` (inclusive), read backwards: its
  // actor mentions in text order. Stops at `floor`.
  void PhraseBefore(size_t end, size_t floor, std::vector<int>* out) const {
    std::vector<int> got;
    bool seen_and = false;
    int persons_right = 0, others_right = 0;
    size_t k = end + 1;
    while (k > floor) {
      size_t i = k - 1;
      int m = mention_at_[i];
      if (m != kNone) {
        size_t first = static_cast<size_t>(mention_first_[m]);
        if (first < floor) break;
        if (PrepositionBefore(first, floor)) break;
        got.push_back(m);
        (M(m).type == EntityType::kPerson ? persons_right : others_right)++;
        k = first;
        continue;
      }
      const std::string_view l = L(i);
      if (l == "dan" || l == "serta") {
        seen_and = true;
        --k;
        continue;
      }
      if (l == "(" || l == ")") {
        --k;
        continue;
      }
      if (l == ",") {
        // A list ("AS, Korea Selatan, dan Jepang") or an apposition of a
        // role and a person ("Menteri ... Rusia, Andrei Belousov") goes on;
        // any other comma ends a fronted phrase.
        bool apposition = persons_right == 1 && others_right == 0 && i > floor && (Glue(i - 1) || mention_at_[i - 1] != kNone);
        if (!(seen_and || apposition) || got.empty()) break;
        --k;
        continue;
      }
      if (Glue(i)) {
        if (mention_at_[i] == kNone && IsUpperStart(ctx_.TokenText(i))) {
          std::vector<int> s;
          ShortName(i, &s);
          for (int x : s) got.push_back(x), persons_right++;
        }
        --k;
        continue;
      }
      break;
    }
    std::reverse(got.begin(), got.end());
    for (int m : got) AddMention(m, out);
  }

  // The noun phrase starting at token `begin`: its actor mentions. Returns
  // the token after it.
  size_t PhraseAfter(size_t begin, size_t limit, std::vector<int>* out) const {
    size_t k = begin;
    while (k < limit) {
      int m = mention_at_[k];
      if (m != kNone) {
        AddMention(m, out);
        k = static_cast<size_t>(mention_end_[m]);
        continue;
      }
      const std::string_view l = L(k);
      bool next_ok = k + 1 < limit && (mention_at_[k + 1] != kNone || Glue(k + 1));
      if ((l == "dan" || l == "serta") && next_ok) {
        ++k;
        continue;
      }
      if (l == "," && k + 1 < limit &&
          ((Is(k + 1, "dan") || Is(k + 1, "serta")) ||
           (mention_at_[k + 1] != kNone && timex_at_[k + 1] == kNone))) {
        ++k;
        continue;
      }
      if (l == "(" || l == ")") {
        ++k;
        continue;
      }
      if (timex_at_[k] == kNone && Glue(k)) {
        if (IsUpperStart(ctx_.TokenText(k))) ShortName(k, out);
        ++k;
        continue;
      }
      break;
    }
    return k;
  }

  // Skips adverbs, hedges, modal words, negations, commas and dates
  // backwards from `i` (inclusive); returns the index one past the first
  // token that is none of those (so `floor` when nothing is left). Sets
  // *negated on a negation or denial ("X tidak akan bertemu Y").
  size_t SkipBack(size_t i, size_t floor, bool* negated) const {
    size_t k = i + 1;
    while (k > floor) {
      size_t j = k - 1;
      const std::string_view l = L(j);
      if (lex_.blockers.count(l)) {
        *negated = true;
        --k;
        continue;
      }
      if (timex_at_[j] != kNone || lex_.skip_before.count(l) || lex_.planned.count(l) || lex_.hoped.count(l) ||
          In(WordClass::kEventDateWord, l) || l == "," || l == "(" || l == ")" || l == "-" || l == "untuk") {
        --k;
        continue;
      }
      break;
    }
    return k;
  }

  // The subject of the verb at `verb`: the phrase before it, or the phrase
  // before a relative "yang", a pronoun, "keduanya". A phrase after
  // "bersama"/"didampingi" is a co-actor (into *co when given) and the
  // subject is the phrase before it ("Jokowi bersama Iriana meninjau").
  void Subject(size_t verb, std::vector<int>* out, bool* negated, std::vector<int>* co = nullptr) const {
    size_t floor = SentBegin(verb);
    if (verb > floor + opt_.max_phrase_tokens) floor = verb - opt_.max_phrase_tokens;
    if (verb == floor) return;
    bool ignored = false;
    size_t k = SkipBack(verb - 1, floor, negated);
    if (k == floor) return;
    size_t j = k - 1;
    if (L(j) == "yang") {
      if (j == floor) return;
      k = SkipBack(j - 1, floor, &ignored);
      if (k == floor) return;
      j = k - 1;
    }
    if (co != nullptr && mention_at_[j] != kNone) {
      std::vector<int> phrase;
      PhraseBefore(j, floor, &phrase);
      size_t start = j;
      for (int m : phrase) start = std::min(start, static_cast<size_t>(mention_first_[m]));
      size_t link = start;
      while (link > floor && (L(link - 1) == "," || L(link - 1) == "dan")) --link;
      if (!phrase.empty() && link > floor + 1 && lex_.coactor_link.count(L(link - 1))) {
        for (int m : phrase) AddMention(m, co);
        k = SkipBack(link - 2, floor, &ignored);
        if (k == floor) return;
        j = k - 1;
      }
    }
    if (lex_.pronouns.count(L(j))) {
      AddMention(PrecedingPerson(j, "", {}), out);
      return;
    }
    if (L(j) == "keduanya" || (L(j) == "berdua" && j > floor && Is(j - 1, "mereka"))) {
      Both(j, out);
      return;
    }
    PhraseBefore(j, floor, out);
  }

  // Sport terms in the whole article, counted at the first trigger (most
  // articles have none).
  int SportWords() {
    if (sport_words_ < 0) {
      sport_words_ = 0;
      for (size_t i = 0; i < n_; ++i) sport_words_ += lex_.sport.count(L(i)) > 0;
    }
    return sport_words_;
  }

  bool NearAny(const WordSet& words, size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k)
      if (words.count(L(k))) return true;
    return false;
  }

  bool ObjectIsMessage(size_t i, size_t limit) const {
    for (size_t k = i; k < limit && k < i + 4; ++k) {
      bool nya = false;
      std::string_view w = StripClitic(L(k), lex_.clitics, &nya);
      if (lex_.messages.count(std::string(w))) return true;
    }
    return false;
  }

  // Whether the trigger's own condition holds: its cue words, a weapon, an
  // agreement document near; no that-clause after an opinion verb.
  bool Condition(size_t i, size_t end, const TriggerWord& w) const {
    const size_t sb = SentBegin(i), se = SentEnd(i);
    const size_t limit = std::min<size_t>(se, end + opt_.max_phrase_tokens);
    if (w.weapon_next) {
      bool weapon = false;
      for (size_t k = end; k < limit && k < end + 3; ++k) weapon |= lex_.weapons.count(L(k)) > 0;
      if (!weapon) return false;
    }
    if (w.needs_document && !NearAny(lex_.documents, i > sb + 8 ? i - 8 : sb, std::min(se, end + 8))) return false;
    if (w.not_that_clause && end < se && (lex_.that_clause.count(L(end)) || (end + 1 < se && lex_.that_clause.count(L(end + 1)))))
      return false;
    if (w.cue && !CueNear(i, end, w)) return false;
    return true;
  }

  // One of the trigger's type's cue words (event.cue.TYPE) within three
  // words before it or six after it.
  bool CueNear(size_t i, size_t end, const TriggerWord& w) const {
    if (w.cue_class < 0) return false;
    const size_t sb = SentBegin(i), se = SentEnd(i);
    const auto cue = static_cast<WordClass>(w.cue_class);
    for (size_t k = i > sb + 3 ? i - 3 : sb; k < std::min(se, end + 7); ++k) {
      if (k >= i && k < end) continue;
      bool nya = false;
      if (In(cue, L(k)) || In(cue, StripClitic(L(k), lex_.clitics, &nya))) return true;
    }
    return false;
  }

  // Fills `c` for the trigger at token i; false when it is no event.
  bool Fill(size_t i, const TriggerWord& w, bool had_nya, Candidate* c) {
    const size_t sb = SentBegin(i), se = SentEnd(i);
    const size_t after = std::max(c->trigger_end, i + 1);
    const size_t limit = std::min<size_t>(se, after + opt_.max_phrase_tokens);
    // The part of the sentence any look-around may read: a 100 KB paragraph
    // with no full stop is one sentence, and reading all of it per trigger
    // would be quadratic.
    const size_t wb = i > sb + opt_.max_phrase_tokens ? i - opt_.max_phrase_tokens : sb, we = limit;
    c->sentence = sent_[i];
    c->trigger = i;
    c->trigger_end = after;
    c->word = &w;
    const bool targeted = w.type == EventType::kDeployment || w.type == EventType::kAttack;
    const bool two_party = TwoParty(w.type);
    // "mengirim surat", and for a passive the patient before it
    // ("rekomendasi itu sudah dikirim"): a message sent, no deployment.
    if (w.type == EventType::kDeployment && ObjectIsMessage(after, limit)) return false;
    if (w.type == EventType::kDeployment && w.frame == Frame::kPassive && i > sb) {
      bool ignored = false;
      const size_t k = SkipBack(i - 1, sb, &ignored);  // past "sebelumnya sudah"
      if (ObjectIsMessage(k > sb + 4 ? k - 4 : sb, k)) return false;
    }
    // "Makedonia berjumpa Spanyol pada laga kualifikasi": a match, not a meeting.
    // In a sports report (several sport terms) only agreements (transfers,
    // contracts), appointments and dismissals (coaches) are events:
    // "serangan Juventus", "melawat ke markas Arema" are play.
    const bool sport_ok =
        w.type == EventType::kAgreement || w.type == EventType::kAppointment || w.type == EventType::kDismissal;
    if (!sport_ok && (SportWords() >= 3 || NearAny(lex_.sport, wb, we))) return false;
    // "91,8 ribu kunjungan": a count of visits, not one ("ribuan demonstran" is one protest).
    if (w.frame == Frame::kNoun && w.type != EventType::kProtest && i > sb &&
        (toks_[i - 1].kind == TokenKind::kNumber || In(WordClass::kEventCountWord, L(i - 1))))
      return false;
    // "menahan diri" is restraint, "serangan jantung" a heart attack,
    // "serangan balik" play: a word right after the trigger unmakes it.
    if (after < limit && In(WordClass::kEventNotAfter, L(after))) return false;
    bool negated = false;
    std::vector<int>& ps = c->mentions;
    std::vector<Side>& sides = c->sides;
    const auto tag = [&](Side side) { sides.resize(ps.size(), side); };
    size_t verb_end = after;
    if (Is(verb_end, "muka") && L(i) == "bertatap") ++verb_end;
    switch (w.frame) {
      case Frame::kTransitive:
      case Frame::kReciprocal:
      case Frame::kIntransitive: {
        std::vector<int> co;
        Subject(i, &ps, &negated, &co);
        tag(Side::kSubject);
        for (int m : co) AddMention(m, &ps);
        tag(Side::kCoActor);
        if (ps.empty() && i > sb) {
          bool ignored = false;
          size_t k = SkipBack(i - 1, sb, &ignored);
          // SkipBack passes over "untuk": look at what it passed too.
          for (size_t x = k; x < i && !c->shares_subject; ++x) c->shares_subject = In(WordClass::kSharedSubject, L(x));
          if (k > sb) c->shares_subject |= In(WordClass::kSharedSubject, L(k - 1));
        }
        if (w.frame == Frame::kIntransitive) break;
        size_t o = verb_end;
        // "berbincang (via telepon) dengan X": a short aside first.
        if (o < limit && L(o) == "(") {
          size_t close = o + 1;
          while (close < limit && close < o + 6 && L(close) != ")") ++close;
          if (close < limit && L(close) == ")") o = verb_end = close + 1;
        }
        while (o < limit && (lex_.skip_before.count(L(o)) || In(WordClass::kEventObjectPreposition, L(o)))) ++o;
        if (o - verb_end > 3) break;
        // "mengkritik surat kabar The New York Times": a common noun or two
        // heading the named object.
        for (size_t h = o; h < limit && h < o + 3 && mention_at_[h] == kNone; ++h) {
          const std::string_view l = L(h);
          if (!Word(h) || IsUpperStart(ctx_.TokenText(h)) || lex_.function_words.count(l) ||
              In(WordClass::kEventPreposition, l) || lex_.triggers.count(l))
            break;
          if (h + 1 < limit && mention_at_[h + 1] != kNone) o = h + 1;
        }
        std::vector<int> obj;
        // "menemuinya"; not for "menerimanya", whose -nya is mostly a thing.
        if (had_nya && !w.actor_object) AddMention(PrecedingPerson(i, "", ps), &obj);
        else if (o < limit && lex_.pronouns.count(L(o))) AddMention(PrecedingPerson(o, "", ps), &obj);
        else PhraseAfter(o, limit, &obj);
        if (w.actor_object) {
          bool actor = false;
          for (int m : obj) actor |= M(m).type == EntityType::kPerson;
          if (!actor) return false;
        }
        for (int m : obj) {
          if ((w.visit || w.type == EventType::kDisaster) && M(m).type == EntityType::kLocation &&
              c->place == kNone)
            c->place = m;
          else
            AddMention(m, &ps);
        }
        tag(Side::kObject);
        break;
      }
      case Frame::kPassive: {
        // The patient before the verb, the agent after "oleh"/"antara" or
        // right after the verb.
        Subject(i, &ps, &negated);
        tag(Side::kObject);
        size_t o = verb_end;
        while (o < limit && (lex_.skip_before.count(L(o)) || Is(o, "oleh") || Is(o, "antara"))) ++o;
        if (o - verb_end > 3) break;
        std::vector<int> agent;
        PhraseAfter(o, limit, &agent);
        if (w.actor_object) {
          // "Kozlov disambut oleh Kim": people on both sides, not "kedatangan
          // mereka disambut marching band".
          bool patient_actor = !ps.empty() && M(ps[0]).type == EntityType::kPerson;
          bool agent_actor = false;
          for (int m : agent) agent_actor |= M(m).type == EntityType::kPerson || M(m).type == EntityType::kOrganisation;
          if (!patient_actor || !agent_actor) return false;
        }
        for (int m : agent) AddMention(m, &ps);
        tag(Side::kSubject);
        break;
      }
      case Frame::kNoun:
        Noun(i, after, limit, sb, had_nya, c, &negated);
        break;
      case Frame::kCount:  // the number of frames, never a trigger's (the loader rejects it)
        return false;
    }
    // Recipients and targets; places (close to the trigger: "bertemu X di
    // Pyongyang", not a place named at the far end of a long sentence);
    // co-actors ("meninjau pasar bersama X").
    const size_t near_limit = std::min<size_t>(limit, after + 12);
    for (size_t k = after; k + 1 < near_limit; ++k) {
      const std::string_view l = L(k);
      if (l == ";") break;
      if (k > after) {
        auto other = lex_.triggers.find(l);
        if (other != lex_.triggers.end() && other->second.front().type != w.type) break;
      }
      // "Banjir melanda Kampung Pulo": a disaster's first place after it.
      if (w.type == EventType::kDisaster && c->place == kNone && mention_at_[k] != kNone &&
          M(mention_at_[k]).type == EntityType::kLocation) {
        c->place = mention_at_[k];
        continue;
      }
      if (lex_.coactor_link.count(l) && mention_at_[k + 1] != kNone) {
        const size_t before = ps.size();
        size_t e = PhraseAfter(k + 1, near_limit, &ps);
        tag(Side::kCoActor);
        if (ps.size() > before) k = e - 1;
        continue;
      }
      bool to = In(WordClass::kEventToward, l);
      bool at = l == "di";
      if (!to && !at) {
        if (targeted && (l == "membantu" || l == "mendukung") && k > 0 && Is(k - 1, "untuk")) to = true;
        else continue;
      }
      // "di ibu kota Korea Utara": a few role or place nouns may come first;
      // "di Pasar Dukuh Kupang": capitalised words before a LOCATION are
      // part of the place's full name.
      size_t m_at = k + 1;
      size_t named_from = 0;
      while (m_at < limit && m_at < k + 5 && mention_at_[m_at] == kNone &&
             (In(WordClass::kEventPlaceNoun, L(m_at)) || (Glue(m_at) && IsUpperStart(ctx_.TokenText(m_at))))) {
        if (IsUpperStart(ctx_.TokenText(m_at)) && named_from == 0) named_from = m_at;
        else if (!IsUpperStart(ctx_.TokenText(m_at))) named_from = 0;
        ++m_at;
      }
      if (m_at >= limit || mention_at_[m_at] == kNone) continue;
      int m = mention_at_[m_at];
      // "bergabung ke Milan", "bertamu ke tempat Perdana Menteri Lee": a
      // party (not a place) a two-party or visit event goes to is the
      // party met or joined.
      if (!targeted && to && M(m).type != EntityType::kLocation && (two_party || w.visit)) {
        AddMention(m, &ps);
        tag(Side::kObject);
        continue;
      }
      if (targeted && to && M(m).type != EntityType::kLocation) {
        AddMention(m, &ps);
        tag(Side::kObject);
      } else if (targeted && to && c->place == kNone && w.type == EventType::kDeployment) {
        c->place = m;  // troops sent to a place: where, not whom
        c->place_from = named_from;
      } else if (targeted && to) {
        AddMention(m, &ps);  // "serangan ke Ukraina": the attacked country
        tag(Side::kObject);
      } else if (M(m).type == EntityType::kLocation && c->place == kNone) {
        bool participant = false;
        for (int x : ps) participant |= M(x).entity_id == M(m).entity_id;
        if (!participant) c->place = m, c->place_from = named_from;
      }
    }
    if (c->place == kNone && (Is(sb, "di") || Is(sb, "ke")) && sb + 1 < i && mention_at_[sb + 1] != kNone &&
        M(mention_at_[sb + 1]).type == EntityType::kLocation)
      c->place = mention_at_[sb + 1];
    DropRoleModifiers(c);
    // An arrest, a charge, a verdict, an appointment or a dismissal is done
    // by and to people and institutions: a LOCATION among its parties is
    // where ("pelaku ..., Surabaya, Jawa Timur, ditetapkan sebagai
    // tersangka"), never who.
    if (w.type == EventType::kArrest || w.type == EventType::kCharge || w.type == EventType::kVerdict ||
        w.type == EventType::kAppointment || w.type == EventType::kDismissal) {
      for (int m : ps)
        if (M(m).type == EntityType::kLocation && c->place == kNone) c->place = m;
      KeepIf(c, [&](int m, Side) { return M(m).type != EntityType::kLocation; });
    }
    // A disaster, a protest or an election happens at a place: a country
    // or town named as its participant is where it happened.
    if (c->place == kNone && PlaceSuffices(w.type) && w.type != EventType::kVisit) {
      for (size_t k = 0; k < ps.size(); ++k)
        if (M(ps[k]).type == EntityType::kLocation) {
          c->place = ps[k];
          break;
        }
    }
    if (c->place != kNone) KeepIf(c, [&](int m, Side) { return M(m).entity_id != M(c->place).entity_id; });
    c->modality = Modality(i, after, sb, se, w, negated);
    // A decision, a regulation... whose only named party is its object
    // ("pemerintah tak menerbitkan Perppu X") still has its doer when a
    // common noun is the verb's subject.
    bool subject = false;
    for (Side s : sides) subject |= s == Side::kSubject;
    if (!ps.empty() && !subject && NeedsActor(w.type) && w.frame != Frame::kNoun &&
        !c->shares_subject)  // "mengirim pasukan untuk menyerang": "pasukan" is the first verb's object
      c->unnamed_party = UnnamedParty(i, verb_end, sb, limit, Frame::kTransitive);
    // Date and how far a guess may go.
    c->date = SentenceDate(i, wb, we);
    c->date_from_sentence = !c->date.empty();
    for (size_t k = wb; k < we; ++k) {
      if (lex_.past_or_plan.count(L(k)) && timex_at_[k] == kNone) c->no_fallback = true;
    }
    if (lex_.past_or_plan.count(L(i))) c->no_fallback = true;
    // Issue 18: a trigger in a sentence that passed the filters above (no
    // sports report, no count, no reflexive object, its cue near) is an
    // event even when no party is a named entity ("polisi menangkap dua
    // pelaku", "warga berunjuk rasa", "penyesuaian tarif tol"): it keeps
    // the parties that are entities, or none. Measured on the events gold
    // (docs/quality/events.md, session 10): recall up by about half, for a
    // precision about as before.
    // A noun pointing back with no party of its own is kept too: Assemble
    // gives its date to the event before it and drops it.
    // Its sentence must still say something besides the trigger: a
    // content word (no preposition or function word) near it.
    if (ps.empty()) {
      for (size_t k = wb; k < we && !c->unnamed_party; ++k) {
        if (!Word(k) || (k >= i && k < after) || L(k).size() < 3) continue;
        const std::string_view l = L(k);
        c->unnamed_party = !lex_.function_words.count(l) && !In(WordClass::kEventPreposition, l);
      }
      if (!c->unnamed_party && c->place == kNone && !c->anaphoric) return false;
    }
    return true;
  }

  // A single-party verb with no named party may still have one named by a
  // common noun: a content word as its subject ("pelaku ... diringkus",
  // "warga berunjuk rasa") or right after it ("dibekuk polisi").
  bool UnnamedParty(size_t i, size_t after, size_t sb, size_t limit, Frame frame) const {
    // A party noun (event.party_noun: "polisi", "pelaku", "warga",
    // "pemerintah"; the role words too), or a capitalised word: initials
    // ("DS", "ES"), which crime reports give for suspects, or a name.
    const auto content = [&](size_t k) {
      if (!Word(k) || timex_at_[k] != kNone) return false;
      const std::string_view t = ctx_.TokenText(k);
      bool nya = false;
      const std::string_view l = StripClitic(L(k), lex_.clitics, &nya);
      // A capitalised word the entity analyser left untagged: initials
      // ("DS", "P3S") or a name ("kelompok militan Rohingya menyerang").
      const bool name = IsUpperStart(t) && k > SentBegin(k) && !lex_.function_words.count(l) &&
                        !In(WordClass::kEventPreposition, l) && !lex_.triggers.count(l);
      return name || In(WordClass::kEventPartyNoun, l) || lex_.roles.count(l) > 0;
    };
    bool negated = false;
    if (i > sb) {
      size_t k = SkipBack(i - 1, sb, &negated);
      if (k > sb && Is(k - 1, "yang") && k - 1 > sb) k = SkipBack(k - 2, sb, &negated);
      if (k > sb && content(k - 1)) return true;
    }
    // After the verb only the agent of a passive ("dibekuk polisi"): the
    // object of an active verb is its target, no party doing it.
    if (frame != Frame::kPassive) return false;
    size_t o = after;
    if (o < limit && Is(o, "oleh")) ++o;
    return o < limit && content(o);
  }

  // Keeps the participants (and their sides) for which keep(mention, side).
  template <typename Keep>
  static void KeepIf(Candidate* c, Keep keep) {
    size_t o = 0;
    for (size_t k = 0; k < c->mentions.size(); ++k) {
      if (!keep(c->mentions[k], c->sides[k])) continue;
      c->mentions[o] = c->mentions[k];
      c->sides[o] = c->sides[k];
      ++o;
    }
    c->mentions.resize(o);
    c->sides.resize(o);
  }

  // The event's modality from the words around its trigger: a negation or
  // denial right before it (across adverbs and modal words: "tidak akan
  // bertemu") negates it; a hope, wish, proposal or condition in its clause
  // before it ("berharap ... akan mencapai kesepakatan", "potensi
  // kesepakatan", "jika ...") makes it hoped; a plan ("akan", "dijadwalkan",
  // "rencana") planned; for a noun, "batal"/"ditunda" or "akan digelar"
  // right after it too. Else it happened.
  EventModality Modality(size_t i, size_t after, size_t sb, size_t se, const TriggerWord& w, bool negated) const {
    // The chain right before the trigger: adverbs, modal words, negations.
    for (size_t k = i; k > sb && k + 6 > i;) {
      --k;
      const std::string_view l = L(k);
      if (lex_.blockers.count(l)) {
        negated = true;
        continue;
      }
      if (lex_.skip_before.count(l) || lex_.planned.count(l) || lex_.hoped.count(l) || l == "untuk") continue;
      break;
    }
    if (negated) return EventModality::kNegated;
    bool hoped = false, planned = false;
    for (size_t k = i; k > sb && k + 12 > i;) {
      --k;
      const std::string_view l = L(k);
      if (lex_.clause_break.count(l) || l == "." || l == "\"" || quoted_[k] != quoted_[i]) break;
      if (timex_at_[k] != kNone) continue;  // "akan datang" inside a date is no plan
      hoped |= lex_.hoped.count(l) > 0;
      planned |= lex_.planned.count(l) > 0;
    }
    if (hoped) return EventModality::kHoped;
    if (planned) return EventModality::kPlanned;
    if (w.frame == Frame::kNoun) {
      for (size_t k = after; k < se && k < after + 4; ++k) {
        if (lex_.negated_after.count(L(k))) return EventModality::kNegated;
        if (lex_.planned_after.count(L(k))) return EventModality::kPlanned;
      }
    }
    return EventModality::kHappened;
  }

  // Participants of a noun trigger ("pertemuan antara X dan Y").
  void Noun(size_t i, size_t after, size_t limit, size_t sb, bool had_nya, Candidate* c, bool* negated) {
    std::vector<int>* ps = &c->mentions;
    const auto tag = [&](Side side) { c->sides.resize(ps->size(), side); };
    const bool anaphoric =
        after < limit && (In(WordClass::kDemonstrative, L(after)) || Is(after, "tadi"));  // "pertemuan tadi" too
    c->anaphoric = anaphoric;
    // A light verb before it: "X melakukan kunjungan", "X dan Y
    // menandatangani perjanjian": X is the actor.
    size_t v = i;
    while (v > sb && In(WordClass::kEventDeterminer, L(v - 1))) --v;
    if (v > sb && lex_.light_verbs.count(L(v - 1))) {
      Subject(v - 1, ps, negated);
      tag(Side::kSubject);
    }
    // Possessor right after the noun: "kunjungan Shoigu", "serangan Rusia".
    if (!anaphoric && !had_nya && after < limit) {
      // "kunjungan kenegaraan Presiden Joko Widodo", "serangan udara
      // Rusia": a lowercase modifier or two may come first.
      size_t from = after;
      while (from < limit && from < after + 2 && mention_at_[from] == kNone && Word(from) &&
             !IsUpperStart(ctx_.TokenText(from)) && !lex_.function_words.count(L(from)) &&
             !In(WordClass::kEventPreposition, L(from)) && !lex_.roles.count(L(from)) &&
             !In(WordClass::kDemonstrative, L(from)) && !lex_.triggers.count(L(from)) && from + 1 < limit &&
             (mention_at_[from + 1] != kNone || Glue(from + 1) || (from + 2 < limit && Word(from + 1))))
        ++from;
      if (from > after && mention_at_[from] == kNone && !Glue(from)) from = after;
      PhraseAfter(from, limit, ps);
      tag(c->word->patient_possessor ? Side::kObject : Side::kSubject);
    }
    // "antara X dan Y", "dengan X", "bersama X" a few words on (after "yang
    // berlangsung", "tersebut", "kerja sama"...).
    for (size_t k = after; k < limit && k < after + 8; ++k) {
      if (L(k) == "." || L(k) == ";" || L(k) == ",") break;
      // "penangkapan X oleh Y": Y does it.
      if (In(WordClass::kEventPartnerLink, L(k)) || Is(k, "oleh")) {
        PhraseAfter(k + 1, limit, ps);
        tag(lex_.coactor_link.count(L(k))                ? Side::kCoActor
            : Is(k, "antara") || Is(k, "oleh") ? Side::kSubject
                                                           : Side::kObject);
        break;
      }
    }
    // "OTT yang dilakukan KPK", "RDP yang dipimpin oleh X": the agent of a
    // passive light verb in a relative clause on the noun does it.
    for (size_t k = after; k + 2 < limit && k < after + 6; ++k) {
      if (L(k) == "." || L(k) == ";") break;
      if (!Is(k, "yang") || !In(WordClass::kEventPassiveLightVerb, L(k + 1))) continue;
      size_t a = k + 2;
      if (Is(a, "oleh")) ++a;
      PhraseAfter(a, limit, ps);
      tag(Side::kSubject);
      break;
    }
    // A fronted adverbial: "Selama pertemuannya dengan Kozlov, Kim ...":
    // the sentence opens with a preposition a few words before the noun.
    bool fronted = i > sb && i < sb + 4 && In(WordClass::kEventFrontedPreposition, L(sb));
    if (fronted) {
      for (size_t k = after; k + 1 < limit; ++k) {
        if (L(k) != ",") continue;
        size_t s = k + 1;
        std::vector<int> subj;
        if (mention_at_[s] != kNone) PhraseAfter(s, limit, &subj);
        else if (lex_.pronouns.count(L(s))) AddMention(PrecedingPerson(s, "", *ps), &subj);
        else ShortName(s, &subj);
        // The main clause's subject is the actor, even when a list after
        // "dengan" ran on into it ("dengan Kozlov, Kim menyatakan").
        for (int m : subj) {
          bool in = false;
          for (size_t x = 0; x < ps->size(); ++x)
            if (M((*ps)[x]).entity_id == M(m).entity_id) c->sides[x] = Side::kSubject, in = true;
          if (!in) AddMention(m, ps), tag(Side::kSubject);
        }
        break;
      }
    }
    // "pertemuannya": the nearest person before, not one already in.
    if (had_nya && ps->size() < 2) AddMention(PrecedingPerson(i, "", *ps), ps);
    tag(Side::kSubject);
  }

  // "Pemimpin Korea Utara Kim Jong Un": a country or organisation right
  // before a person in the same phrase only qualifies the person's role.
  void DropRoleModifiers(Candidate* c) const {
    KeepIf(c, [&](int m, Side) {
      if (M(m).type == EntityType::kPerson) return true;
      // Look right of the mention for a person, across role and
      // capitalised words and a comma, with no "dan" between.
      size_t k = static_cast<size_t>(mention_end_[m]);
      bool qualifies = false;
      for (size_t steps = 0; k < n_ && steps < 6; ++k, ++steps) {
        int x = mention_at_[k];
        if (x != kNone && x != m && M(x).entity_id != M(m).entity_id) {
          qualifies = M(x).type == EntityType::kPerson;
          break;
        }
        if (x != kNone && x != m) {  // "Amerika Serikat (AS) Erin ...": its own acronym
          k = static_cast<size_t>(mention_end_[x]) - 1;
          continue;
        }
        if (x == kNone && Word(k) && IsUpperStart(ctx_.TokenText(k))) {
          // "Perdana Menteri Israel Benjamin Netanyahu" where only an
          // earlier mention tagged the person: a short name resolves it.
          std::vector<int> person;
          ShortName(k, &person);
          if (!person.empty() && M(person[0]).type == EntityType::kPerson) {
            qualifies = true;
            break;
          }
        }
        if (L(k) == "," || L(k) == "(" || L(k) == ")" || (Glue(k) && x == kNone)) continue;
        break;
      }
      return !qualifies;
    });
  }

  static bool UsableDate(const TimeExpression& t) {
    return (t.type == TimexType::kDate || t.type == TimexType::kTime) && !t.value.empty() && t.value[0] >= '0' && t.value[0] <= '9';
  }
  static std::string DayOf(const std::string& value) {
    if (value.size() > 10 && value[10] == 'T') return value.substr(0, 10);
    return value;
  }

  // The date in the sentence nearest the trigger, not dating a report.
  std::string SentenceDate(size_t i, size_t sb, size_t se) const {
    int best = kNone;
    size_t best_dist = 0;
    for (size_t k = sb; k < se; ++k) {
      int t = timex_at_[k];
      if (t == kNone || (k > sb && timex_at_[k - 1] == t)) continue;
      if (!UsableDate(article_.timexes[t])) continue;
      bool report = false;
      for (size_t b = k > sb + 5 ? k - 5 : sb; b < k; ++b) report |= lex_.report_words.count(L(b)) > 0;
      if (report) continue;
      size_t dist = k > i ? k - i : i - k;
      if (best == kNone || dist < best_dist) best = t, best_dist = dist;
    }
    return best == kNone ? "" : DayOf(article_.timexes[best].value);
  }

  // Enough to be an event: for a meeting, an agreement or an accusation two
  // participants (or, for a visit-like trigger, one and a place); for a
  // visit one participant with a place or a party visited; for a decision,
  // a regulation, a price change, a launch or a hearing the one who does it;
  // for a disaster, a protest or an election a participant or its place;
  // for the rest (an arrest, a charge, an attack...) one participant.
  bool Complete(const Candidate& c) const {
    const EventType t = c.word->type;
    // A two-party event whose other party is a common noun ("bertemu
    // dengan warga", "bekerja sama dengan pemerintah") keeps the one named.
    if (TwoParty(t)) return !c.mentions.empty() || c.unnamed_party;
    if (t == EventType::kVisit) {
      // A place or a party visited; a co-actor is no party visited
      // ("Kedatangan X dan Y disambut ...").
      bool visited = false;
      for (Side s : c.sides) visited |= s == Side::kObject;
      return (!c.mentions.empty() || c.unnamed_party) && (c.place != kNone || visited);
    }
    if (NeedsActor(t)) {
      // "pemerintah tak menerbitkan Perppu": a common-noun actor will do.
      for (Side s : c.sides)
        if (s == Side::kSubject) return true;
      return c.unnamed_party;
    }
    if (PlaceSuffices(t) && c.place != kNone) return true;
    return !c.mentions.empty() || c.unnamed_party;
  }

  // Roles from sides: the first participant found as a subject is the
  // actor; later subjects are its co-actors, or, for a two-party event
  // with no object ("X dan Y bertemu"), the party met; objects are targets.
  std::vector<EventRole> Roles(const Candidate& c) const {
    std::vector<EventRole> roles(c.mentions.size(), EventRole::kParticipant);
    bool actor = false, object = false;
    for (Side s : c.sides) object |= s == Side::kObject;
    for (size_t k = 0; k < c.sides.size(); ++k) {
      switch (c.sides[k]) {
        case Side::kSubject:
          roles[k] = !actor ? EventRole::kActor
                            : (TwoParty(c.word->type) && !object ? EventRole::kTarget : EventRole::kCoActor);
          actor = true;
          break;
        case Side::kObject:
          roles[k] = EventRole::kTarget;
          break;
        case Side::kCoActor:
          roles[k] = EventRole::kCoActor;
          break;
      }
    }
    return roles;
  }

  // The place's name: the LOCATION's canonical name, or, when capitalised
  // words before it name a longer place ("di Pasar Dukuh Kupang", the
  // LOCATION being "Kupang"), that full name as written.
  std::string PlaceName(const Candidate& c) const {
    if (c.place == kNone) return "";
    const EntityMention& p = M(c.place);
    const size_t first = static_cast<size_t>(mention_first_[c.place]);
    if (c.place_from == 0 || c.place_from >= first || mention_end_[c.place] == kNone)
      return p.canonical.empty() ? p.text : p.canonical;
    const size_t last = static_cast<size_t>(mention_end_[c.place]) - 1;
    const std::string_view text = ctx_.text();
    return std::string(text.substr(toks_[c.place_from].begin, toks_[last].end - toks_[c.place_from].begin));
  }

  std::vector<Event> Assemble(std::vector<Candidate>* found) {
    // 0. A verb sharing the subject of the sentence's previous one.
    for (size_t k = 1; k < found->size(); ++k) {
      Candidate& c = (*found)[k];
      const Candidate& p = (*found)[k - 1];
      if (!c.shares_subject || p.sentence != c.sentence) continue;
      for (size_t x = 0; x < p.mentions.size(); ++x) {
        if (p.sides[x] != Side::kSubject) continue;
        const size_t before = c.mentions.size();
        AddMention(p.mentions[x], &c.mentions);
        if (c.mentions.size() == before) break;
        const int subject = c.mentions.back();
        c.mentions.pop_back();
        c.mentions.insert(c.mentions.begin(), subject);
        c.sides.insert(c.sides.begin(), Side::kSubject);
        break;
      }
    }
    // 1. Same-type triggers of one sentence that complete each other.
    std::vector<Candidate> merged;
    for (Candidate& c : *found) {
      Candidate* into = nullptr;
      for (size_t k = merged.size(); k > 0 && merged.size() - k < 8; --k) {
        Candidate& p = merged[k - 1];
        if (p.sentence != c.sentence) break;
        if (p.word->type != c.word->type) continue;
        bool share = false;
        for (int a : p.mentions)
          for (int b : c.mentions) share |= M(a).entity_id == M(b).entity_id;
        // Two complete events (two visits with their own places) stay
        // apart; an incomplete one completes its neighbour.
        bool differ = p.place != kNone && c.place != kNone && M(p.place).entity_id != M(c.place).entity_id;
        // A partyless one ("klubnya sepakat memperpanjang kontrak Messi")
        // completes its neighbour too.
        if (!differ && (share || !Complete(p) || !Complete(c) || p.mentions.empty() || c.mentions.empty())) into = &p;
        break;
      }
      if (into == nullptr) {
        merged.push_back(std::move(c));
        continue;
      }
      for (size_t k = 0; k < c.mentions.size(); ++k) {
        const size_t before = into->mentions.size();
        AddMention(c.mentions[k], &into->mentions);
        if (into->mentions.size() > before) into->sides.push_back(c.sides[k]);
      }
      if (into->place == kNone) into->place = c.place, into->place_from = c.place_from;
      into->no_fallback |= c.no_fallback;
      if (into->date.empty()) into->date = c.date;
    }
    // 2. Validity, then dates that continue the previous event.
    std::vector<Candidate> kept;
    for (Candidate& c : merged) {
      if (c.place != kNone) KeepIf(&c, [&](int m, Side) { return M(m).entity_id != M(c.place).entity_id; });
      // "BI menurunkan BI-Rate ... . Keputusan itu diambil dalam RDG yang
      // berakhir Rabu (20/8/2025)": a noun of the same type pointing back,
      // with no party of its own, in the next sentences of the paragraph,
      // is the event before; the date it gives is that event's.
      if (c.anaphoric && c.mentions.empty()) {
        if (kept.empty()) continue;  // "Perjanjian ini mencakup ...": a background mention, no event
        Candidate& p = kept.back();
        if (p.word->type == c.word->type && para_[p.trigger] == para_[c.trigger] && c.sentence - p.sentence <= 2 &&
            p.date.empty() && !c.date.empty()) {
          p.date = c.date;
          p.date_from_sentence = c.date_from_sentence;
        }
        continue;
      }
      if (!Complete(c)) continue;
      if (static_cast<int>(c.mentions.size()) > opt_.max_participants) {
        c.mentions.resize(opt_.max_participants);
        c.sides.resize(opt_.max_participants);
      }
      if (c.date.empty() && !kept.empty()) {
        const Candidate& p = kept.back();
        size_t pt = p.trigger, ct = c.trigger;
        bool share = false;
        for (int a : p.mentions)
          for (int b : c.mentions) share |= M(a).entity_id == M(b).entity_id;
        if (para_[pt] == para_[ct] && share && !p.date.empty()) c.date = p.date;
      }
      kept.push_back(std::move(c));
    }
    // 3. One event per (type, participants) in the article, unless dates differ.
    std::vector<Event> out;
    std::vector<bool> fallback_ok;
    std::vector<size_t> event_of;  // kept candidate -> its event
    std::unordered_map<std::string, size_t> by_key;
    std::string published;
    if (article_.published) published = article_.published->ToIso().substr(0, 10);
    else if (article_.inferred_published) published = article_.inferred_published->ToIso().substr(0, 10);
    for (Candidate& c : kept) {
      std::vector<std::string> ids;
      for (int m : c.mentions) ids.push_back(M(m).entity_id);
      std::vector<std::string> sorted = ids;
      std::sort(sorted.begin(), sorted.end());
      std::string key(Name(c.word->type));
      for (const auto& id : sorted) key += "\t" + id;
      const std::string place = PlaceName(c);
      auto it = by_key.find(key);
      // The same trigger word of the same type again with some of the same
      // participants and none new to either side ("OTT yang dilakukan KPK
      // terhadap X" ... "OTT KPK"): the same happening.
      // A later mention naming no party ("banjir" again, "kesepakatan
      // itu") is the nearby earlier event of its type (its paragraph or the
      // two before; measured: merging across the whole article joined
      // separate happenings): one line per happening.
      if (it == by_key.end() && ids.empty()) {
        // Events are in text order: stop at the first one too far back,
        // and after 16 (bounded work per event).
        for (size_t e = out.size(), looked = 0; e > 0 && looked < 16; --e, ++looked) {
          if (para_[o_trigger_[e - 1]] + 2 < para_[c.trigger]) break;
          if (out[e - 1].type == c.word->type) {
            it = by_key.find(o_key_[e - 1]);
            break;
          }
        }
      }
      if (it == by_key.end()) {
        const std::string_view trigger = L(c.trigger);
        for (size_t e = out.size(), looked = 0; e > 0 && looked < 16; --e, ++looked) {
          const Event& o = out[e - 1];
          if (o.type != c.word->type || L(o_trigger_[e - 1]) != trigger) continue;
          const auto subset = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
            for (const std::string& x : a)
              if (std::find(b.begin(), b.end(), x) == b.end()) return false;
            return true;
          };
          if (subset(ids, o.participants) || subset(o.participants, ids)) {
            it = by_key.find(o_key_[e - 1]);
            break;
          }
        }
      }
      if (it != by_key.end()) {
        Event& e = out[it->second];
        bool same_place = e.place.empty() || place.empty() || e.place == place;
        bool same_date = e.date.empty() || c.date.empty() || e.date == c.date || c.date.starts_with(e.date);
        if (same_place && same_date) {
          if (e.place.empty()) e.place = place;
          if (c.date.size() > e.date.size()) e.date = c.date;
          fallback_ok[it->second] = fallback_ok[it->second] && !c.no_fallback;
          event_of.push_back(it->second);
          continue;
        }
      }
      event_of.push_back(out.size());
      Event e;
      const auto& s = ctx_.sentences()[c.sentence];
      e.span = Span{toks_[s.first_token].cp_begin, toks_[std::min<size_t>(s.end_token, n_) - 1].cp_end};
      e.type = c.word->type;
      e.trigger = std::string(ctx_.TokenText(c.trigger));
      for (size_t k = c.trigger + 1; k < c.trigger_end && k < n_; ++k) e.trigger += " " + std::string(ctx_.TokenText(k));
      e.participants = std::move(ids);
      e.roles = Roles(c);
      e.modality = c.modality;
      e.place = place;
      e.date = c.date;
      by_key[key] = out.size();
      o_key_.push_back(key);
      o_trigger_.push_back(c.trigger);
      out.push_back(std::move(e));
      fallback_ok.push_back(!c.no_fallback);
    }
    // "Saat Kim bertemu Belousov, keduanya mengecam ...": an undated event
    // takes the date of a dated one mentioned in the same sentence.
    std::unordered_map<int, std::string> sentence_date;
    for (size_t k = 0; k < kept.size(); ++k)
      if (!out[event_of[k]].date.empty()) sentence_date.emplace(kept[k].sentence, out[event_of[k]].date);
    for (size_t k = 0; k < kept.size(); ++k) {
      if (!out[event_of[k]].date.empty()) continue;
      auto d = sentence_date.find(kept[k].sentence);
      if (d != sentence_date.end()) out[event_of[k]].date = d->second;
    }
    // The narrative's date: an event still undated takes the last date its
    // paragraph gave before its sentence (the paragraph tells of that
    // moment), or, when its sentence opens a paragraph continuing the one
    // before ("Kemudian", "Saat itu"), that paragraph's last date. Never a
    // date of another paragraph otherwise, never the publication day.
    // One pass: the last usable date up to each token within its
    // paragraph, and each paragraph's last one.
    {
      std::vector<int> last_in_para(n_, kNone);
      std::unordered_map<int, int> para_last;
      for (size_t t = 0; t < n_; ++t) {
        const int x = timex_at_[t];
        if (x != kNone && UsableDate(article_.timexes[x]))
          last_in_para[t] = x;
        else if (t > 0 && para_[t - 1] == para_[t])
          last_in_para[t] = last_in_para[t - 1];
        if (last_in_para[t] != kNone) para_last[para_[t]] = last_in_para[t];
      }
      for (size_t k = 0; k < kept.size(); ++k) {
        Event& e = out[event_of[k]];
        if (!e.date.empty()) continue;
        const size_t first = ctx_.sentences()[kept[k].sentence].first_token;
        int x = first > 0 && para_[first - 1] == para_[first] ? last_in_para[first - 1] : kNone;
        if (x == kNone && first < n_ && In(WordClass::kEventContinuation, L(first))) {
          auto before = para_last.find(para_[first] - 1);
          if (before != para_last.end()) x = before->second;
        }
        if (x != kNone) e.date = DayOf(article_.timexes[x].value);
      }
    }
    // An event the text dates after the article was published has not
    // happened yet ("Pilpres 2019" in a 2018 report): planned. Dates
    // compare as text at the event's granularity (ISO years, months, days).
    if (!published.empty())
      for (Event& e : out) {
        if (e.modality != EventModality::kHappened || e.date.size() < 4) continue;
        const size_t n = std::min(e.date.size(), published.size());
        bool digits = true;
        for (size_t k = 0; k < n; ++k) digits &= (e.date[k] >= '0' && e.date[k] <= '9') || e.date[k] == '-';
        if (digits && (n == 4 || n == 7 || n == 10) && e.date.compare(0, n, published, 0, n) > 0)
          e.modality = EventModality::kPlanned;
      }
    if (opt_.date_from_publication)
      for (size_t k = 0; k < out.size(); ++k)
        if (out[k].date.empty() && fallback_ok[k]) out[k].date = published;
    return out;
  }

  const EventAnalyzerOptions& opt_;
  const EventAnalyzer::Lexicon& lex_;
  const Article& article_;
  const analyse::AnalysisContext& ctx_;
  const std::vector<Token>& toks_;
  const size_t n_;
  // Token i lowercased is lower_text_[L(i).first, +second): one buffer,
  // not a string per token.
  std::vector<std::pair<uint32_t, uint32_t>> lower_;
  std::string lower_text_, scratch_;
  std::vector<int> para_, sent_, mention_at_, timex_at_, mention_first_, mention_end_;
  std::vector<bool> quoted_;
  mutable std::vector<std::string> person_key_;
  std::vector<std::string> o_key_;  // Assemble: each event's merge key
  std::vector<size_t> o_trigger_;   // Assemble: each event's trigger token
  // One-word actor mentions by their lowercase word: the first of each.
  std::unordered_map<std::string, int, WordHash, std::equal_to<>> mention_by_word_;
  int sport_words_ = -1;  // sport terms in the whole article; -1 until counted
};

}  // namespace

EventAnalyzer::EventAnalyzer(EventAnalyzerOptions options)
    : options_(std::move(options)) {
  if (!options_.lexicon) options_.lexicon = text::Lexicon::Builtin();
  lexicon_ = std::make_unique<const Lexicon>(*options_.lexicon);
}

EventAnalyzer::~EventAnalyzer() = default;

Status EventAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  Run run(options_, *lexicon_, *article, *ctx);
  article->events = run.Go();
  return Status::Ok();
}

}  // namespace warta::events
