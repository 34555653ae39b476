#include "quotes/quote_analyzer.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace warta::quotes {
namespace {

using text::SpeechRole;
using text::Token;
using text::TokenKind;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsUpperStart(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool IsAllCaps(std::string_view s) {
  if (s.size() < 2) return false;
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

bool IsOpenCurly(std::string_view t) { return t == "“" || t == "„" || t == "«"; }
bool IsCloseCurlyFor(std::string_view open, std::string_view t) {
  if (open == "“" || open == "„") return t == "”" || t == "“";  // some outlets close with “
  return t == "»";
}
bool IsSingle(std::string_view t) { return t == "'" || t == "‘" || t == "’"; }

struct Found {
  size_t open = 0, close = 0;  // token indices of the marks
};

// A quote being assembled, with what deciding its speaker needs.
struct Item {
  Quote q;
  bool own = false;             // the speaker was found for this quote itself
  int words = 0;
  int para = 0;
  int sentence = 0;
  bool opens_paragraph = false;
  bool pronoun = false;         // the speaker is a pronoun's (or -nya's) nearest person
};

class Run {
 public:
  Run(const QuoteAnalyzerOptions& options, const std::vector<std::vector<std::string>>& time_phrases,
      const Article& article, const analyse::AnalysisContext& ctx)
      : opt_(options),
        lex_(*options.lexicon),
        article_(article),
        ctx_(ctx),
        toks_(ctx.tokens()),
        time_phrases_(time_phrases) {
    const size_t n = toks_.size();
    para_.resize(n);
    sent_.resize(n);
    int p = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) {
        std::string_view gap(ctx.text().data() + toks_[i - 1].end, toks_[i].begin - toks_[i - 1].end);
        if (gap.find('\n') != std::string_view::npos) ++p;
      }
      para_[i] = p;
    }
    const auto& sents = ctx.sentences();
    for (size_t s = 0; s < sents.size(); ++s)
      for (uint32_t i = sents[s].first_token; i < sents[s].end_token && i < n; ++i) sent_[i] = static_cast<int>(s);
  }

  std::vector<Quote> Go() {
    std::vector<Found> found = Pair();
    std::vector<Item> items;
    std::vector<bool> sentence_has_quote(ctx_.sentences().size(), false);
    for (const Found& f : found) {
      if (f.close <= f.open + 1) continue;
      size_t first = f.open + 1, end = f.close;
      while (end > first && Tok(end - 1) == ",") --end;
      if (end <= first) continue;
      Item it;
      Quote& q = it.q;
      q.direct = true;
      q.span = Span{toks_[first].cp_begin, toks_[end - 1].cp_end};
      q.text = std::string(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
      for (size_t i = first; i < end; ++i) it.words += toks_[i].kind == TokenKind::kWord;
      bool near = true;
      pronoun_ = false;
      it.own = SpeakerAfter(f.close, &q) || SpeakerBefore(f.open, &q, &near);
      it.pronoun = pronoun_;
      it.sentence = sent_[f.open];
      if (it.own && !near && it.words < opt_.min_unattributed_words) {
        // A short quoted name far from the verb ("mengatakan bahwa program
        // 'Desa Emas' …") is a title, not something the subject said.
        it.own = false;
        q.speaker.clear();
        q.speaker_entity_id.clear();
      }
      q.relay = Relay(sent_[f.close], f.open, f.close);
      if (!it.own && q.relay.empty() && sent_[f.open] != sent_[f.close]) q.relay = Relay(sent_[f.open], f.open, f.close);
      it.para = para_[f.open];
      it.opens_paragraph = f.open == 0 || para_[f.open - 1] != para_[f.open];
      // Reported speech is looked for only where no kept quotation is: a
      // dropped scare quote does not hide "X mengatakan bahwa …".
      if (it.own || it.words >= opt_.min_unattributed_words)
        for (int s = sent_[f.open]; s <= sent_[f.close]; ++s) sentence_has_quote[s] = true;
      items.push_back(std::move(it));
    }
    Indirect(sentence_has_quote, &items);
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.q.span.begin < b.q.span.begin; });
    // A quotation with no speaker of its own continues the last attributed
    // quote of its paragraph, or, when it opens a paragraph, of one of the
    // two paragraphs before (news runs a speaker's words on that way).
    std::vector<Quote> out;
    const Item* last = nullptr;
    for (Item& it : items) {
      // "“…,” ujar Nazaruddin ... terdakwa Setya Novanto. Ia menyebut ...":
      // a pronoun right after a quote is its speaker still, not whoever was
      // named last.
      // That holds further back too ("…," terang dia. Menurut dia, … . … .
      // "…," katanya), as long as no sentence since has named another person
      // ("Bupati Anton Lubis hadir. "…," katanya" is Anton's).
      if (it.own && it.pronoun && last != nullptr && !last->q.speaker_entity_id.empty() && it.para - last->para <= 2 &&
          !OtherPersonBetween(SentenceBegin(last->sentence + 1), it.q.span.begin, last->q.speaker_entity_id)) {
        it.q.speaker = last->q.speaker;
        it.q.speaker_entity_id = last->q.speaker_entity_id;
      }
      if (!it.own) {
        // A short one (a name, a scare quote) only continues a quotation
        // of its own paragraph.
        const bool short_one = it.words < opt_.min_unattributed_words;
        bool continues = last != nullptr && !last->q.speaker.empty() &&
                         (short_one ? last->q.direct && last->para == it.para
                                    : last->para == it.para || (it.opens_paragraph && it.para - last->para <= 2));
        if (continues) {
          it.q.speaker = last->q.speaker;
          it.q.speaker_entity_id = last->q.speaker_entity_id;
          if (it.q.relay.empty() && last->para == it.para) it.q.relay = last->q.relay;
        } else if (it.words < opt_.min_unattributed_words) {
          continue;
        }
      }
      out.push_back(it.q);
      if (!out.back().speaker.empty()) last = &it;
    }
    std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
    return out;
  }

 private:
  std::string_view Tok(size_t i) const { return ctx_.TokenText(i); }

  // The token holding code point `cp`.
  size_t TokenAt(int32_t cp) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), cp, [](const Token& t, int32_t v) { return t.cp_end <= v; });
    return it == toks_.end() ? toks_.size() - 1 : static_cast<size_t>(it - toks_.begin());
  }

  // One pass over the tokens: an open quotation waits only for its own
  // closing mark, so nested marks stay inside and nothing is rescanned.
  std::vector<Found> Pair() const {
    std::vector<Found> out;
    const size_t n = toks_.size();
    bool open = false;
    size_t open_at = 0;
    std::string_view open_mark;
    for (size_t i = 0; i < n; ++i) {
      if (open && para_[i] != para_[open_at]) open = false;  // unbalanced: left open at the paragraph end
      if (toks_[i].kind != TokenKind::kQuote) continue;
      std::string_view t = Tok(i);
      bool next_glued = i + 1 < n && !toks_[i + 1].space_before && para_[i + 1] == para_[i];
      if (open) {
        if (open_mark == "\"") {
          if (t == "\"" || t == "”") { out.push_back({open_at, i}); open = false; }
        } else if (IsSingle(open_mark)) {
          if ((t == "'" || t == "’") && !toks_[i].space_before) { out.push_back({open_at, i}); open = false; }
        } else if (IsCloseCurlyFor(open_mark, t) && (t != "“" || !next_glued)) {
          out.push_back({open_at, i});
          open = false;
        } else if (t == open_mark) {
          open_at = i;  // a second opener: the first one was never closed
        }
        continue;
      }
      bool starts = toks_[i].space_before || i == 0 || para_[i - 1] != para_[i] ||
                    toks_[i - 1].kind == TokenKind::kPunct;
      if (t == "\"" || IsOpenCurly(t) || ((t == "'" || t == "‘") && starts && next_glued)) {
        open = true;
        open_at = i;
        open_mark = t;
      }
    }
    return out;
  }

  std::vector<const EntityMention*> Overlapping(int32_t b, int32_t e) const {
    return MentionsOverlapping(article_.entities, b, e);
  }

  // The PERSON mention before code point `before` whose title reads
  // `phrase` ("Bupati Poso" = role "Bupati" of "Poso"; "Menteri Pertahanan").
  const EntityMention* TitleHolder(const std::string& phrase, int32_t before) const {
    const std::string want = Lower(phrase);
    const EntityMention* found = nullptr;
    for (const EntityMention& m : article_.entities) {
      if (m.span.begin >= before) break;
      if (m.type != EntityType::kPerson || m.role.empty()) continue;
      std::string title = Lower(m.role);
      if (title == want || (!m.role_of.empty() && title + " " + Lower(m.role_of) == want)) found = &m;
    }
    return found;
  }

  // First code point of sentence `s` (the end of the text past the last).
  int32_t SentenceBegin(int s) const {
    const auto& sentences = ctx_.sentences();
    if (s < 0 || static_cast<size_t>(s) >= sentences.size()) return toks_.empty() ? 0 : toks_.back().cp_end;
    return toks_[sentences[static_cast<size_t>(s)].first_token].cp_begin;
  }

  // True when a PERSON mention other than entity `id` lies in code points [b, e).
  // Only a person named as a subject counts: near the start of a sentence
  // ("Bupati Anton Lubis hadir"), not deep inside one ("… di bawah Setya
  // Novanto sebagai Ketua Umum").
  bool OtherPersonBetween(int32_t b, int32_t e, const std::string& id) const {
    if (e <= b) return false;
    const auto& sentences = ctx_.sentences();
    for (const EntityMention* m : Overlapping(b, e)) {
      if (m->type != EntityType::kPerson || m->entity_id == id || m->span.begin < b) continue;
      const size_t t = TokenAt(m->span.begin);
      if (t < sentences[static_cast<size_t>(sent_[t])].first_token + 6) return true;
    }
    return false;
  }

  const EntityMention* PrecedingPerson(int32_t before, std::string_view word = {}) const {
    if (word.empty()) pronoun_ = true;  // a pronoun's antecedent: the salience pass may revise it
    const auto& ents = article_.entities;
    auto it = std::lower_bound(ents.begin(), ents.end(), before,
                               [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
    std::string lw = Lower(word);
    if (word.empty()) {
      // A pronoun continues the subject: of the nearest sentence naming a
      // person, its first-named person ("Akbar Tanjung mengkhawatirkan …
      // setelah … Setya Novanto … . Menurutnya, …" is Akbar's).
      // Walking back through that sentence's persons for every pronoun was
      // O(pronouns x persons) in a long sentence, minutes in an 8 MB one
      // (issue 14, finding 4): each person's sentence-first person is
      // listed once. Mentions are in text order, so the nearest preceding
      // person's sentence-first one precedes `before` too.
      if (first_person_of_.size() != ents.size() + 1) {
        // [i]: the sentence-first person of the last person before mention i.
        first_person_of_.assign(ents.size() + 1, SIZE_MAX);
        int last_sentence = -1;
        size_t first = SIZE_MAX;
        for (size_t i = 0; i < ents.size(); ++i) {
          first_person_of_[i] = first;
          if (ents[i].type != EntityType::kPerson) continue;
          const int si = sent_[TokenAt(ents[i].span.begin)];
          if (si != last_sentence) first = i;
          last_sentence = si;
        }
        first_person_of_[ents.size()] = first;
      }
      const size_t f = first_person_of_[static_cast<size_t>(it - ents.begin())];
      return f == SIZE_MAX ? nullptr : &ents[f];
    }
    for (auto j = it; j != ents.begin();) {
      --j;
      if (j->type != EntityType::kPerson) continue;
      std::string canon = " " + Lower(j->canonical) + " ";
      if (canon.find(" " + lw + " ") != std::string::npos) return &*j;
    }
    return nullptr;
  }

  // Resolves speaker words [first, end) into q.
  // "manajer Manchester City ini", "mantan Ketua DKPP itu": a role with a
  // demonstrative points back to somebody already named.
  bool AnaphoricRole(size_t first) const {
    if (IsUpperStart(Tok(first)) || In(text::WordClass::kPersonPronoun, Lower(Tok(first)))) return false;
    const int s = sent_[first];
    // "ucap sang pelatih", "kata sang menteri": "sang" before a common
    // noun points back the same way.
    if (Lower(Tok(first)) == "sang" && first + 1 < toks_.size() && sent_[first + 1] == s &&
        toks_[first + 1].kind == TokenKind::kWord && !IsUpperStart(Tok(first + 1)))
      return true;
    for (size_t k = first + 1; k < toks_.size() && k < first + 14 && sent_[k] == s; ++k) {
      std::string_view t = Tok(k);
      if (t == "(" || t == ")") continue;
      if (toks_[k].kind != TokenKind::kWord) return false;
      std::string l = Lower(t);
      if (In(text::WordClass::kDemonstrative, l))
        return k + 1 >= toks_.size() || sent_[k + 1] != s || toks_[k + 1].kind == TokenKind::kPunct ||
               In(text::WordClass::kQuoteSpeakerStop, Lower(Tok(k + 1)));  // "pria Portugis tersebut dalam pernyataan …"
    }
    return false;
  }

  bool Resolve(size_t first, size_t end, Quote* q) const {
    if (end <= first) return false;
    const EntityMention* best = nullptr;
    if (AnaphoricRole(first)) {
      if (const EntityMention* m = PrecedingPerson(toks_[first].cp_begin)) {
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        return true;
      }
    }
    for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end)) {
      if (m->type == EntityType::kPerson) best = m;
      else if (m->type == EntityType::kOrganisation && (best == nullptr || best->type != EntityType::kPerson)) best = m;
    }
    std::string l = Lower(Tok(first));
    if (best == nullptr && In(text::WordClass::kPersonPronoun, l)) best = PrecedingPerson(toks_[first].cp_begin);
    if (best == nullptr && end - first == 1 && IsUpperStart(Tok(first)))
      best = PrecedingPerson(toks_[first].cp_begin, Tok(first));
    if (best != nullptr) {
      q->speaker = best->canonical.empty() ? best->text : best->canonical;
      q->speaker_entity_id = best->entity_id;
      return true;
    }
    if (In(text::WordClass::kPersonPronoun, l)) return false;  // nobody to point back to
    std::string phrase(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
    // A title with no name ("Bupati Poso mengatakan"): the person the
    // article gave that title, the nearest before.
    if (const EntityMention* holder = TitleHolder(phrase, toks_[first].cp_begin)) {
      q->speaker = holder->canonical.empty() ? holder->text : holder->canonical;
      q->speaker_entity_id = holder->entity_id;
      return true;
    }
    q->speaker = phrase;
    q->speaker_entity_id.clear();
    return true;
  }

  // "…," kata X / ujarnya.
  bool SpeakerAfter(size_t close, Quote* q) const {
    const size_t n = toks_.size();
    size_t i = close + 1;
    int skipped = 0;
    while (i < n && para_[i] == para_[close] && toks_[i].kind == TokenKind::kPunct && skipped < opt_.max_verb_distance) {
      ++i;
      ++skipped;
    }
    if (i >= n || para_[i] != para_[close] || toks_[i].kind != TokenKind::kWord) return false;
    std::string verb = Lower(Tok(i));
    if (!IsSpeech(verb, SpeechRole::kAfter)) {
      // '"…," Hong Min, analis senior …, mengatakan': a name right after the
      // mark whose speech verb follows later in the same sentence.
      if (!IsUpperStart(Tok(i))) return false;
      size_t end = i;
      while (end < n && toks_[end].kind == TokenKind::kWord && IsUpperStart(Tok(end)) &&
             static_cast<int>(end - i) < opt_.max_speaker_words)
        ++end;
      for (size_t k = end; k < n && k < end + 20 && sent_[k] == sent_[i]; ++k)
        if (IsSpeech(Lower(Tok(k)), SpeechRole::kBefore)) return Resolve(i, end, q);
      return false;
    }
    if (verb.size() > 3 && verb.compare(verb.size() - 3, 3, "nya") == 0) {
      if (const EntityMention* m = PrecedingPerson(toks_[close].cp_begin)) {
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        return true;
      }
      return false;
    }
    size_t first = i + 1, end = first;
    while (end < n && para_[end] == para_[close] && toks_[end].kind == TokenKind::kWord &&
           static_cast<int>(end - first) < opt_.max_speaker_words && !In(text::WordClass::kQuoteSpeakerStop, Lower(Tok(end))))
      ++end;
    // "ujar Pendiri FPCI yang juga mantan Menteri Luar Negeri Dino Patti
    // Djalal": a role with no person, then "yang (juga)" and the person.
    if (end > first && end < n && Lower(Tok(end)) == "yang" && !HasPerson(first, end)) {
      for (size_t k = end + 1; k < n && k < end + 10 && sent_[k] == sent_[end]; ++k) {
        if (toks_[k].kind != TokenKind::kWord) break;
        auto ms = Overlapping(toks_[k].cp_begin, toks_[k].cp_end);
        if (!ms.empty() && ms.front()->type == EntityType::kPerson) return Resolve(k, k + 1, q);
      }
    }
    return Resolve(first, end, q);
  }

  bool HasPerson(size_t first, size_t end) const {
    for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end))
      if (m->type == EntityType::kPerson) return true;
    return false;
  }

  // The subject before speech verb `verb`: a mention, pronoun or capitalised
  // run ending right before it (adverbs and commas between are skipped).
  bool SubjectBefore(size_t verb, size_t floor, Quote* q) const {
    size_t j = verb;
    while (j > floor && (In(text::WordClass::kQuoteAdverb, Lower(Tok(j - 1))) || Tok(j - 1) == ",")) --j;
    // "X, seperti dikutip dari Tribratanews, mengatakan": the relay between
    // commas is not the subject.
    for (size_t c = j; c > floor && j - c < 8;) {
      --c;
      if (Tok(c) != ",") continue;
      std::string head = c + 1 < j ? Lower(Tok(c + 1)) : "";
      if (In(text::WordClass::kQuoteRelayHead, head)) {
        j = c;
        while (j > floor && Tok(j - 1) == ",") --j;
      }
      break;
    }
    if (j <= floor) return false;
    size_t end = j, first = j;
    if (In(text::WordClass::kPersonPronoun, Lower(Tok(j - 1)))) return Resolve(j - 1, j, q);
    while (first > floor && toks_[first - 1].kind == TokenKind::kWord && IsUpperStart(Tok(first - 1)) &&
           static_cast<int>(end - first) < opt_.max_speaker_words)
      --first;
    {
      // "X pada 27 Februari mengatakan", "X pada Senin mengatakan": the
      // capitalised date word is not the subject; look before the date.
      size_t k = first;
      if (k > floor && toks_[k - 1].kind == TokenKind::kNumber) --k;
      if (k > floor && (k < first || first < end)) {
        std::string l = Lower(Tok(k - 1));
        if (In(text::WordClass::kQuoteDateWord, l)) {
          size_t e2 = k - 1, f2 = e2;
          while (f2 > floor && toks_[f2 - 1].kind == TokenKind::kWord && IsUpperStart(Tok(f2 - 1)) &&
                 static_cast<int>(e2 - f2) < opt_.max_speaker_words)
            --f2;
          if (f2 < e2) {
            first = f2;
            end = e2;
          }
        }
      }
    }
    bool named = false;
    if (first < end)
      for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end))
        named |= m->type == EntityType::kPerson || m->type == EntityType::kOrganisation;
    if (!named) {
      // "Badan X pada 27 Februari mengungkapkan": the speaker is the
      // nearest person or organisation named shortly before the verb, not
      // the capitalised date word next to it.
      size_t lo = end > floor + 10 ? end - 10 : floor;
      for (const EntityMention* m : Overlapping(toks_[lo].cp_begin, toks_[end - 1].cp_end)) {
        if (m->type != EntityType::kPerson && m->type != EntityType::kOrganisation) continue;
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        named = true;
      }
      if (named) return true;
      // "pemimpin Korea Utara mengatakan": a role of a place, kept as written.
      if (first < end && first > floor && toks_[first - 1].kind == TokenKind::kWord &&
          !IsUpperStart(Tok(first - 1)) && !In(text::WordClass::kQuoteSpeakerStop, Lower(Tok(first - 1)))) {
        q->speaker = std::string(ctx_.text().substr(toks_[first - 1].begin, toks_[end - 1].end - toks_[first - 1].begin));
        q->speaker_entity_id.clear();
        return true;
      }
    }
    if (first == end) {
      // A lower-case subject ("juru bicara itu"): only a mention counts.
      auto ms = Overlapping(toks_[end - 1].cp_begin, toks_[end - 1].cp_end);
      if (ms.empty()) return false;
      return Resolve(end - 1, end, q);
    }
    return Resolve(first, end, q);
  }

  // X mengatakan, “…” / Menurut X, “…”.
  // *near is set to whether only punctuation separates the verb and the mark.
  bool SpeakerBefore(size_t open, Quote* q, bool* near) const {
    const auto& s = ctx_.sentences()[sent_[open]];
    size_t floor = s.first_token;
    if (open > floor + 60) floor = open - 60;
    for (size_t j = open; j > floor;) {
      --j;
      std::string l = Lower(Tok(j));
      if (l == "menurut") {
        size_t end = j + 1;
        while (end < open && toks_[end].kind == TokenKind::kWord && static_cast<int>(end - j - 1) < opt_.max_speaker_words)
          ++end;
        return Resolve(j + 1, end, q);
      }
      // The nearest speech verb before the mark owns it, however far: a
      // partial quote often ends a long reported clause.
      if (IsSpeech(l, SpeechRole::kBefore)) {
        *near = true;
        for (size_t k = j + 1; k < open; ++k) *near &= toks_[k].kind == TokenKind::kPunct;
        return SubjectBefore(j, floor, q);
      }
    }
    return false;
  }

  // Relay outlet named in sentence `s`, outside the quotation [open, close].
  std::string Relay(int s, size_t open, size_t close) const {
    const auto& sent = ctx_.sentences()[s];
    const size_t n = toks_.size();
    size_t b = sent.first_token, e = std::min<size_t>(sent.end_token, n);
    // A very long sentence: look only near the quotation.
    if (open > b + 40) b = open - 40;
    if (e > close + 40) e = close + 41;
    for (size_t i = b; i < e; ++i) {
      if (i >= open && i <= close) continue;
      std::string l = Lower(Tok(i));
      bool strong = In(text::WordClass::kQuoteStrongRelay, l);
      if (!strong && l != "kepada") continue;
      size_t k = i + 1;
      if (strong && k < e && (Lower(Tok(k)) == "dari" || Lower(Tok(k)) == "oleh")) ++k;
      if (k >= e || toks_[k].kind != TokenKind::kWord || !IsUpperStart(Tok(k))) continue;
      if (!strong) {
        bool org = false;
        for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[k].cp_end)) org |= m->type == EntityType::kOrganisation;
        if (!org && !IsAllCaps(Tok(k))) continue;
      }
      size_t end = k;
      while (end < e && end - k < 4 && toks_[end].kind == TokenKind::kWord && IsUpperStart(Tok(end))) ++end;
      return std::string(ctx_.text().substr(toks_[k].begin, toks_[end - 1].end - toks_[k].begin));
    }
    return "";
  }

  // Speaker words from `first` up to the next comma (at most
  // max_speaker_words + 1 tokens), extended over a list of sources
  // ("Menurut A, B, dan C, …") while the next comma-separated piece is a
  // short name or starts with "dan". Returns the comma's index; when the
  // words run to the sentence end, the index after its last word; first
  // when no comma comes within reach.
  size_t SourceEnd(size_t first, size_t e) const {
    size_t comma = first;
    while (comma < e && comma - first <= static_cast<size_t>(opt_.max_speaker_words) && Tok(comma) != ",") ++comma;
    if (comma >= e) {
      size_t end = e;  // to the sentence end, without its final punctuation
      while (end > first && toks_[end - 1].kind != TokenKind::kWord) --end;
      return end;
    }
    if (Tok(comma) != ",") return first;
    for (;;) {
      size_t next = comma + 1;
      while (next < e && next - comma <= 5 && Tok(next) != ",") ++next;
      if (next >= e || Tok(next) != "," || next == comma + 1) break;
      std::string head = Lower(Tok(comma + 1));
      bool names = true;
      for (size_t k = comma + 1; k < next; ++k) names &= IsUpperStart(Tok(k));
      if (!(names || head == "dan" || head == "serta")) break;
      comma = next;
    }
    return comma;
  }

  // The nearest person before token `at` as the speaker ("menurutnya",
  // "katanya").
  bool PersonBefore(size_t at, Quote* q) const {
    const EntityMention* m = PrecedingPerson(toks_[at].cp_begin);
    if (m == nullptr) return false;
    q->speaker = m->canonical.empty() ? m->text : m->canonical;
    q->speaker_entity_id = m->entity_id;
    return true;
  }

  // Whether a speaker phrase at [first, end) can name somebody: a mention,
  // a pronoun or a capitalised word.
  bool Nameable(size_t first, size_t end) const {
    if (end <= first) return false;
    const std::string l = Lower(Tok(first));
    if (In(text::WordClass::kPersonPronoun, l) || IsUpperStart(Tok(first)) || l == "mereka") return true;
    return !Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end).empty();
  }

  // "belum bisa memastikan", "tidak menyebutkan": a speech verb denied.
  bool Negated(size_t verb, size_t b) const {
    for (size_t k = verb; k > b && verb - k < 3;) {
      --k;
      std::string l = Lower(Tok(k));
      if (In(text::WordClass::kQuoteNegation, l)) return true;
    }
    return false;
  }

  // Whether the words from `k` read as a clause (a predicate comes before
  // any preposition or punctuation): "mengaku sudah tidak sabar", "menyebut
  // Indonesia sudah punya ...", not "mengungkapkan rasa bersalahnya lewat ...".
  // After a relative "yang" only an aspect or modal word counts: its own
  // verb belongs to the relative clause ("wacana yang diutarakan Gatot").
  bool ClauseAt(size_t k, size_t e) const {
    k = AfterTimePhrase(k, e);
    bool relative = false;
    for (size_t j = k; j < e && j < k + 10; ++j) {
      if (toks_[j].kind != TokenKind::kWord) return false;
      std::string l = Lower(Tok(j));
      if (l == "yang" && j > k && !relative) {
        relative = true;
        continue;
      }
      if (In(text::WordClass::kQuoteClauseStop, l)) return false;
      if (In(text::WordClass::kQuotePredicate, l)) return true;
      bool affixed = l.size() >= 6 && (l.starts_with("me") || l.starts_with("ber") || l.starts_with("di") ||
                                       l.starts_with("ter"));
      if (!relative && affixed && !l.ends_with("nya") && !In(text::WordClass::kQuoteNotVerb, l)) return true;
    }
    return false;
  }

  // Past a time phrase that may open a reported clause ("mengatakan hingga
  // saat ini belum …", "mengaku dalam waktu dekat akan …").
  size_t AfterTimePhrase(size_t k, size_t e) const {
    for (const std::vector<std::string>& phrase : time_phrases_) {
      if (k + phrase.size() >= e) continue;
      bool match = true;
      for (size_t i = 0; i < phrase.size() && match; ++i) match = Lower(Tok(k + i)) == phrase[i];
      if (match) return k + phrase.size();
    }
    return k;
  }

  // Reported speech in sentences with no direct quotation:
  //   "X mengatakan bahwa CLAUSE."  "X mengatakan, CLAUSE."  "X mengaku CLAUSE."
  //   "Menurut X, CLAUSE."  "CLAUSE, menurut X, CLAUSE."  "Menurutnya, CLAUSE."
  //   "Kata X, CLAUSE."  "CLAUSE, kata X, CLAUSE."  "CLAUSE, kata X."
  void Indirect(const std::vector<bool>& has_quote, std::vector<Item>* out) const {
    const auto& sents = ctx_.sentences();
    for (size_t s = 0; s < sents.size(); ++s) {
      if (has_quote[s]) continue;
      size_t b = sents[s].first_token, e = std::min<size_t>(sents[s].end_token, toks_.size());
      size_t clause = 0, clause_end = e;
      Quote q;
      q.direct = false;
      bool ok = false;
      bool tried_bahwa = false;
      pronoun_ = false;
      for (size_t i = b; i < e && !ok; ++i) {
        if (toks_[i].kind != TokenKind::kWord) continue;
        std::string l = Lower(Tok(i));
        const bool after_comma = i == b || Tok(i - 1) == ",";
        // "yakin jika …", "percaya kalau …": "bahwa" in speech.
        const bool that = l == "bahwa" || ((l == "jika" || l == "kalau") && i > b &&
                                           In(text::WordClass::kQuoteBeliefVerb, Lower(Tok(i - 1))));
        if (that && !tried_bahwa) {
          tried_bahwa = true;  // only the first "bahwa" of a sentence is tried
          for (size_t v = i; v > b && i - v < 5;) {
            --v;
            if (IsSpeech(Lower(Tok(v)), SpeechRole::kBefore)) {
              ok = SubjectBefore(v, b, &q);
              clause = i + 1;
              break;
            }
          }
        } else if (l == "menurutnya" && after_comma) {
          ok = PersonBefore(i, &q);
          const bool comma_after = i + 1 < e && Tok(i + 1) == ",";
          clause = comma_after ? i + 2 : i + 1;
          if (i > b + 1 && comma_after) clause = b;  // "…, menurutnya, …": the whole sentence
          else if (i > b + 1) clause = b, clause_end = i - 1;  // "…, menurutnya."
        } else if (l == "menurut") {
          size_t comma = SourceEnd(i + 1, e);
          if (comma == i + 1) continue;
          // Mid-sentence, only a name can be a source ("menurut aturan" is not).
          if (i > b + 1 && !Nameable(i + 1, comma)) continue;
          ok = Resolve(i + 1, comma, &q);
          if (comma < e && Tok(comma) == ",") clause = comma + 1;
          else clause = b, clause_end = i > b && Tok(i - 1) == "," ? i - 1 : i;
        } else if (after_comma && IsSpeech(l, SpeechRole::kAfter) && !IsSpeech(l, SpeechRole::kBefore) && i + 1 <= e &&
                   !(i + 1 < e && Lower(Tok(i + 1)) == "saja")) {  // "Sebut saja X, Y": a list, not speech
          // "Kata X, …", "…, kata X, …", "…, kata X." and their -nya forms.
          size_t end = i + 1;
          if (l.ends_with("nya")) {
            ok = PersonBefore(i, &q);
          } else {
            end = SourceEnd(i + 1, e);
            if (end == i + 1 || !Nameable(i + 1, end)) continue;
            ok = Resolve(i + 1, end, &q);
          }
          if (!ok) continue;
          if (i == b) {
            if (end >= e || Tok(end) != ",") ok = false;
            clause = end + 1;
          } else if (end < e && Tok(end) == ",") {
            clause = b;  // a parenthetical: the whole sentence is reported
          } else {
            clause = b, clause_end = i - 1;
          }
        } else if (IsSpeech(l, SpeechRole::kBare) && i + 1 < e && i > b && !Negated(i, b)) {
          size_t next = i + 1;
          if (Tok(next) == "," || Tok(next) == ":") clause = next + 1;
          else if (ClauseAt(next, e)) clause = next;
          else continue;
          ok = SubjectBefore(i, b, &q);
        }
      }
      if (!ok) continue;
      size_t end = clause_end;
      while (end > clause && (toks_[end - 1].kind == TokenKind::kPunct || toks_[end - 1].kind == TokenKind::kQuote)) --end;
      while (clause < end && toks_[clause].kind == TokenKind::kQuote) ++clause;  // a mark left open
      if (end <= clause || clause < b) continue;
      int words = 0;
      for (size_t k = clause; k < end; ++k) words += toks_[k].kind == TokenKind::kWord;
      if (words < 2) continue;
      q.span = Span{toks_[clause].cp_begin, toks_[end - 1].cp_end};
      q.text = std::string(ctx_.text().substr(toks_[clause].begin, toks_[end - 1].end - toks_[clause].begin));
      q.relay = Relay(static_cast<int>(s), e, e);
      Item it;
      it.own = true;
      it.pronoun = pronoun_;
      it.para = para_[b];
      it.sentence = static_cast<int>(s);
      it.q = std::move(q);
      out->push_back(std::move(it));
    }
  }

  bool IsSpeech(std::string_view lower, SpeechRole role) const { return lex_.IsSpeechVerb(lower, role); }
  bool In(text::WordClass c, std::string_view lower) const { return lex_.Is(c, lower); }

  const QuoteAnalyzerOptions& opt_;
  const text::Lexicon& lex_;
  const Article& article_;
  const analyse::AnalysisContext& ctx_;
  const std::vector<Token>& toks_;
  std::vector<int> para_, sent_;
  const std::vector<std::vector<std::string>>& time_phrases_;
  mutable bool pronoun_ = false;  // set while resolving one quote's speaker
  // PrecedingPerson's index: for each mention i (and the end), the first
  // person mention of the sentence of the last person mention before i
  // (SIZE_MAX when none); built on first use.
  mutable std::vector<size_t> first_person_of_;
};

}  // namespace

QuoteAnalyzer::QuoteAnalyzer(QuoteAnalyzerOptions options) : options_(std::move(options)) {
  if (!options_.lexicon) options_.lexicon = text::Lexicon::Builtin();
  for (const std::string& phrase : options_.lexicon->Words(text::WordClass::kQuoteTimePhrase)) {
    std::vector<std::string>& words = time_phrases_.emplace_back();
    for (size_t b = 0; b <= phrase.size();) {
      size_t sp = std::min(phrase.find(' ', b), phrase.size());
      if (sp > b) words.emplace_back(phrase.substr(b, sp - b));
      b = sp + 1;
    }
  }
}

Status QuoteAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  Run run(options_, time_phrases_, *article, *ctx);
  article->quotes = run.Go();
  return Status::Ok();
}

}  // namespace warta::quotes
