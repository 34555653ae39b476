#include "quotes/quote_analyzer.h"

#include <algorithm>
#include <string>
#include <unordered_map>
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

// Whether `word` (lower case) is a short form of the title `words` (lower
// case) written the way Indonesian offices shorten theirs: a piece of
// three or more letters opening the title's first word, then pieces of two
// or more letters each found inside a later word, in order ("mendikbud":
// MENteri penDIDIKan dan keBUDayaan; "menkumham": MENteri huKUM dan HAM;
// "mendagri": MENteri DAlam neGRI).
bool ShortFormOf(std::string_view word, const std::vector<std::string>& words, size_t pos = 0, size_t next = 0) {
  if (pos == word.size()) return next >= 2;
  for (size_t len = pos == 0 ? 3 : 2; pos + len <= word.size() && len <= 6; ++len) {
    const std::string_view piece = word.substr(pos, len);
    if (pos == 0) {
      if (!words.empty() && words[0].starts_with(piece) && ShortFormOf(word, words, pos + len, 1)) return true;
      continue;
    }
    for (size_t w = next; w < words.size(); ++w)
      if (words[w].find(piece) != std::string::npos && ShortFormOf(word, words, pos + len, w + 1)) return true;
  }
  return false;
}

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
  bool doubled = false;        // closed by two single marks: `close` is the second
};

// The open mark of a quotation opened by two single marks glued together.
constexpr std::string_view kDoubledSingle = "''";

// A quote being assembled, with what deciding its speaker needs.
struct Item {
  Quote q;
  bool own = false;             // the speaker was found for this quote itself
  int words = 0;
  int para = 0;
  int sentence = 0;
  bool opens_paragraph = false;
  bool opens_sentence = false;  // nothing of its sentence before the opening mark
  bool pronoun = false;         // the speaker is a pronoun's (or -nya's) nearest person
  bool referring = false;       // the speaker is a referring noun no person was found for ("Pelaku")
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
    for (const Found& f : found)
      if (f.close > f.open) quoted_.emplace_back(toks_[f.open].cp_begin, toks_[f.close].cp_end);
    std::vector<Item> items;
    std::vector<bool> sentence_has_quote(ctx_.sentences().size(), false);
    for (const Found& f : found) {
      if (f.close <= f.open + 1) continue;
      size_t first = f.open + 1, end = f.doubled ? f.close - 1 : f.close;
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
      referring_ = false;
      it.own = SpeakerAfter(f.close, &q) || SpeakerBefore(f.open, &q, &near);
      it.pronoun = pronoun_;
      it.referring = referring_;
      if (it.own && q.speaker.empty()) {
        // '"…," tambahnya' with nobody named before: a speech verb before
        // the quotation may still name the speaker.
        Quote before = q;
        bool before_near = true;
        pronoun_ = false;
        referring_ = false;
        if (SpeakerBefore(f.open, &before, &before_near) && !before.speaker.empty()) {
          q.speaker = std::move(before.speaker);
          q.speaker_entity_id = std::move(before.speaker_entity_id);
          near = before_near;
          it.pronoun = pronoun_;
          it.referring = referring_;
        }
      }
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
      it.opens_sentence = f.open == ctx_.sentences()[static_cast<size_t>(sent_[f.open])].first_token;
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
      // A pronoun with no person named before at all points back to that
      // quote's speaker too, even one the entity stage did not tag ("…,"
      // jelas Syamsuliani. … "…," tambahnya).
      const bool open_pronoun = it.own && ((it.pronoun && it.q.speaker.empty()) || it.referring);
      if (it.own && (it.pronoun || it.referring) && last != nullptr &&
          (!last->q.speaker_entity_id.empty() || open_pronoun) &&
          it.para - last->para <= 2 &&
          !OtherPersonBetween(SentenceBegin(last->sentence + 1), it.q.span.begin, last->q.speaker_entity_id)) {
        it.q.speaker = last->q.speaker;
        it.q.speaker_entity_id = last->q.speaker_entity_id;
      }
      if (it.own && it.q.speaker.empty()) {
        if (!it.q.direct) continue;  // reported speech with nobody to report it
        it.own = false;              // a quotation: it may continue the one before
      }
      if (!it.own) {
        // A short one only continues a quotation of its own paragraph, and
        // only as a sentence of its own: one or two words in marks inside
        // a sentence ("beras 'oplosan'") are a scare quote or a name.
        const bool short_one = it.words < opt_.min_unattributed_words;
        bool continues = last != nullptr && !last->q.speaker.empty() &&
                         (short_one ? last->q.direct && last->para == it.para && it.opens_sentence
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
  // A quotation left open at the end of the paragraph before token `i`
  // (its first) runs on into this one when the paragraph reopens it with
  // the same kind of mark (the convention for a quote over several
  // paragraphs: kReopened, that mark is not a new quotation) or closes it
  // before opening another (an outlet that puts each sentence of a quote
  // in its own paragraph: kRunsOn). Otherwise it was a stray mark: kEnds.
  enum class RunOn { kEnds, kRunsOn, kReopened };
  RunOn RunsOn(size_t i, size_t open_at, std::string_view open_mark) const {
    const size_t n = toks_.size();
    // A mark with no word after it in its paragraph opens nothing.
    bool words = false;
    for (size_t k = open_at + 1; k < i && !words; ++k) words = toks_[k].kind == TokenKind::kWord;
    if (!words) return RunOn::kEnds;
    const bool straight = open_mark == "\"", single = IsSingle(open_mark);
    auto family = [&](std::string_view t) {
      return straight ? t == "\"" || t == "”" || t == "“" : single ? IsSingle(t) : IsOpenCurly(t) || t == "”" || t == "»";
    };
    auto opener = [&](std::string_view t) {
      return straight ? t == "\"" || t == "“" : single ? t == "'" || t == "‘" : IsOpenCurly(t);
    };
    if (toks_[i].kind == TokenKind::kQuote &&
        (Tok(i) == open_mark || (IsOpenCurly(open_mark) && IsOpenCurly(Tok(i))) || (single && opener(Tok(i)))))
      return RunOn::kReopened;
    for (size_t k = i; k < n && para_[k] == para_[i]; ++k) {
      if (toks_[k].kind != TokenKind::kQuote || !family(Tok(k))) continue;
      // A closing mark is glued to the word before it, or followed by
      // punctuation or a speech verb ("…," kata X); anything else opens.
      const bool closes = !toks_[k].space_before ||
                          (k + 1 < n && para_[k + 1] == para_[k] &&
                           (toks_[k + 1].kind == TokenKind::kPunct || IsSpeech(Lower(Tok(k + 1)), SpeechRole::kAfter)));
      return closes ? RunOn::kRunsOn : RunOn::kEnds;
    }
    return RunOn::kEnds;
  }

  std::vector<Found> Pair() const {
    std::vector<Found> out;
    const size_t n = toks_.size();
    bool open = false;
    size_t open_at = 0;
    std::string_view open_mark;
    for (size_t i = 0; i < n; ++i) {
      if (open && para_[i] != para_[i - 1]) {
        const RunOn r = RunsOn(i, open_at, open_mark);
        if (r == RunOn::kEnds) open = false;  // unbalanced: left open at the paragraph end
        else if (r == RunOn::kReopened) continue;  // the paragraph's own opening mark
      }
      if (toks_[i].kind != TokenKind::kQuote) continue;
      std::string_view t = Tok(i);
      bool next_glued = i + 1 < n && !toks_[i + 1].space_before && para_[i + 1] == para_[i];
      // Two single marks glued together ("’’ Jadi, …,’’ katanya") stand for
      // a double one in some outlets' typesetting.
      const bool doubled = next_glued && IsSingle(t) && toks_[i + 1].kind == TokenKind::kQuote && IsSingle(Tok(i + 1));
      if (open && open_mark == kDoubledSingle) {
        if (doubled) {
          out.push_back({open_at, i + 1, true});
          open = false;
          ++i;
        }
        continue;
      }
      if (!open && doubled) {
        open = true;
        open_at = ++i;
        open_mark = kDoubledSingle;
        continue;
      }
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
  // A one-word short form ("Mendikbud") reads the title written before a
  // person's name ("Menteri Pendidikan dan Kebudayaan Muhadjir Effendy"),
  // when one person has such a title.
  const EntityMention* TitleHolder(const std::string& phrase, int32_t before) const {
    const std::string want = Lower(phrase);
    const EntityMention* found = nullptr;
    for (const EntityMention& m : article_.entities) {
      if (m.span.begin >= before) break;
      if (m.type != EntityType::kPerson || m.role.empty()) continue;
      std::string title = Lower(m.role);
      if (title == want || (!m.role_of.empty() && title + " " + Lower(m.role_of) == want)) found = &m;
    }
    if (found != nullptr || want.size() < 5 || want.find(' ') != std::string::npos) return found;
    // The title as written before the name: the capitalised words (and
    // "dan") right before the mention, up to eight.
    for (const EntityMention& m : article_.entities) {
      if (m.span.begin >= before) break;
      if (m.type != EntityType::kPerson || Quoted(m.span.begin)) continue;
      const size_t at = TokenAt(m.span.begin);
      size_t b = at;
      while (b > 0 && at - b < 8 && sent_[b - 1] == sent_[at] && toks_[b - 1].kind == TokenKind::kWord &&
             (IsUpperStart(Tok(b - 1)) || In(text::WordClass::kTitleLink, Lower(Tok(b - 1)))))
        --b;
      if (at - b < 2 || !In(text::WordClass::kTitle, Lower(Tok(b)))) continue;
      std::vector<std::string> words;
      for (size_t k = b; k < at; ++k) words.push_back(Lower(Tok(k)));
      if (!ShortFormOf(want, words)) continue;
      if (found != nullptr && found->entity_id != m.entity_id) return nullptr;  // two holders: ambiguous
      found = &m;
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
      if (m->type != EntityType::kPerson || m->entity_id == id || m->span.begin < b || Quoted(m->span.begin)) continue;
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
          if (ents[i].type != EntityType::kPerson || Quoted(ents[i].span.begin) || IsPronoun(Lower(ents[i].text)))
            continue;
          const int si = sent_[TokenAt(ents[i].span.begin)];
          // "Iapun mencontohkan … saat Wakil Presiden Jusuf Kalla …": a
          // sentence whose subject is a pronoun still speaks of the person
          // before; whoever else it names is not the new antecedent.
          if (PronounSubject(si)) continue;
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

  // A one-word person the entity stage left unlinked ("Tulus", "Pudjo")
  // is the one person named before with a longer name holding that word or
  // starting a word with it ("Tulus Abadi", "A.S. Pudjoharsoyo"); two such
  // persons, or none, leave it as it is.
  // Cached by entity: a long article quoting "Budi" many times scans its
  // mentions once, not once a quote.
  const EntityMention* FullerName(const EntityMention* m) const {
    const std::string name = Lower(m->canonical.empty() ? m->text : m->canonical);
    if (name.size() < 4 || name.find(' ') != std::string::npos) return m;
    auto cached = fuller_.find(m->entity_id);
    if (cached != fuller_.end()) return cached->second != nullptr ? cached->second : m;
    const EntityMention*& found = fuller_[m->entity_id];
    found = nullptr;
    for (const EntityMention& o : article_.entities) {
      if (o.span.begin >= m->span.begin) break;
      if (o.type != EntityType::kPerson || o.entity_id == m->entity_id) continue;
      const std::string other = Lower(o.canonical.empty() ? o.text : o.canonical);
      if (other.find(' ') == std::string::npos) continue;
      bool holds = false;
      for (size_t at = other.find(name); at != std::string::npos && !holds; at = other.find(name, at + 1))
        holds = at == 0 || other[at - 1] == ' ' || other[at - 1] == '.';
      if (!holds) continue;
      if (found != nullptr && found->entity_id != o.entity_id) {
        found = nullptr;
        return m;
      }
      found = &o;
    }
    return found != nullptr ? found : m;
  }

  // Resolves speaker words [first, end) into q.
  // "manajer Manchester City ini", "mantan Ketua DKPP itu": a role with a
  // demonstrative points back to somebody already named.
  bool AnaphoricRole(size_t first) const {
    if (IsUpperStart(Tok(first)) || IsPronoun(Lower(Tok(first)))) return false;
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

  // The one person the text introduced with the noun `noun` (lower case)
  // before code point `before`: named within eight words after the noun in
  // its sentence ("salah satu Dosen Arkelog Universitas Negeri Malang, Dwi
  // Cahyono"); null when none or two different persons were.
  const EntityMention* IntroducedAs(const std::string& noun, int32_t before) const {
    const auto& ents = article_.entities;
    const EntityMention* found = nullptr;
    for (size_t t = 0; t < toks_.size() && toks_[t].cp_begin < before; ++t) {
      if (toks_[t].kind != TokenKind::kWord || Lower(Tok(t)) != noun) continue;
      auto it = std::lower_bound(ents.begin(), ents.end(), toks_[t].cp_end,
                                 [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
      for (; it != ents.end() && it->span.begin < before; ++it) {
        const size_t at = TokenAt(it->span.begin);
        if (at > t + 8 || sent_[at] != sent_[t]) break;
        if (it->type != EntityType::kPerson || Quoted(it->span.begin)) continue;
        if (found != nullptr && found->entity_id != it->entity_id) return nullptr;
        found = &*it;
        break;
      }
    }
    return found;
  }

  // A referring noun's person (quote.referring_noun, or the head of a role
  // closed by a demonstrative): the one introduced with that noun, else
  // the person the two sentences before are about. Null when neither.
  const EntityMention* ReferredPerson(size_t noun) const {
    if (const EntityMention* m = IntroducedAs(Lower(Tok(noun)), toks_[noun].cp_begin)) return m;
    const EntityMention* m = PrecedingPerson(toks_[noun].cp_begin);
    if (m == nullptr || sent_[TokenAt(m->span.begin)] + 2 < sent_[noun]) return nullptr;
    return m;
  }

  bool Resolve(size_t first, size_t end, Quote* q) const {
    if (end <= first) return false;
    const EntityMention* best = nullptr;
    if (AnaphoricRole(first)) {
      // "harap dosen yang juga Tim Ahli … tersebut": the person introduced
      // as a "dosen" earlier, before the person last named. A modifier
      // ("sang pelatih", "mantan dosen") is not the noun.
      const size_t head = In(text::WordClass::kTitleModifier, Lower(Tok(first))) ? first + 1 : first;
      if (const EntityMention* m = IntroducedAs(Lower(Tok(head)), toks_[first].cp_begin)) {
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        return true;
      }
      if (const EntityMention* m = PrecedingPerson(toks_[first].cp_begin)) {
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        return true;
      }
    }
    for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end)) {
      if (IsPronoun(Lower(m->text))) continue;  // "Iapun" tagged as a name is still the pronoun
      if (m->type == EntityType::kPerson) best = m;
      else if (m->type == EntityType::kOrganisation && (best == nullptr || best->type != EntityType::kPerson)) best = m;
    }
    std::string l = Lower(Tok(first));
    if (best == nullptr && IsPronoun(l)) best = PrecedingPerson(toks_[first].cp_begin);
    if (best == nullptr && end - first == 1 && IsUpperStart(Tok(first)))
      best = PrecedingPerson(toks_[first].cp_begin, Tok(first));
    // "Pelaku mengaku …": a bare referring noun, capitalised as a
    // sentence's first word, is no name.
    if (best == nullptr && In(text::WordClass::kQuoteReferringNoun, l) &&
        (end - first == 1 || In(text::WordClass::kDemonstrative, Lower(Tok(end - 1))))) {
      best = ReferredPerson(first);
      // Nobody tagged near: kept as written ("Korban"), but like a pronoun
      // Go() may point it back to the quote before.
      referring_ = best == nullptr;
    }
    if (best != nullptr && best->type == EntityType::kPerson) best = FullerName(best);
    // "Kepala Suku Dinas … Jakarta Pusat Hardisiswan": an office, the
    // organisation or place it is of, then a name the tagger missed.
    if (best == nullptr || best->type != EntityType::kPerson) {
      if (size_t name = HolderAfterOffice(first, end); name != SIZE_MAX) {
        q->speaker = std::string(ctx_.text().substr(toks_[name].begin, toks_[end - 1].end - toks_[name].begin));
        q->speaker_entity_id.clear();
        return true;
      }
    }
    if (best != nullptr) {
      q->speaker = best->canonical.empty() ? best->text : best->canonical;
      q->speaker_entity_id = best->entity_id;
      return true;
    }
    if (IsPronoun(l)) return PersonBefore(first, q);  // nobody named: Go() may point back to a quote
    std::string phrase(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
    // A title with no name ("Bupati Poso mengatakan"): the person the
    // article gave that title, the nearest before.
    if (const EntityMention* holder = TitleHolder(phrase, toks_[first].cp_begin)) {
      q->speaker = holder->canonical.empty() ? holder->text : holder->canonical;
      q->speaker_entity_id = holder->entity_id;
      return true;
    }
    // "Raksasa Liga Primer Skotlandia Celtic": a name the tagger missed
    // here but found elsewhere in the article ends the phrase; that
    // mention is the speaker.
    if (const EntityMention* named = NamedElsewhere(first, end)) {
      q->speaker = named->canonical.empty() ? named->text : named->canonical;
      q->speaker_entity_id = named->entity_id;
      return true;
    }
    // "Tulus" with no mention: the capitalised run it starts earlier in
    // the article ("… (YLKI) Tulus Abadi menyesalkan …") is the full name.
    if (end - first == 1) {
      std::string run = EarlierRun(first);
      if (!run.empty()) phrase = run;
    }
    q->speaker = phrase;
    q->speaker_entity_id.clear();
    return true;
  }

  // In a speaker phrase [first, end) that opens with a title and holds no
  // person: the first of the one to four capitalised words that end it
  // after its last organisation or place mention (ranks skipped), which
  // are the office holder's name; SIZE_MAX when there are none.
  size_t HolderAfterOffice(size_t first, size_t end) const {
    if (end <= first + 2 || !In(text::WordClass::kTitle, Lower(Tok(first)))) return SIZE_MAX;
    int32_t after = -1;
    for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end)) {
      if (m->type == EntityType::kPerson) return SIZE_MAX;
      after = std::max(after, m->span.end);
    }
    if (after < 0) return SIZE_MAX;
    size_t name = first;
    while (name < end && toks_[name].cp_begin < after) ++name;
    // The office's short form in brackets after it: "(UEA)".
    if (name < end && Tok(name) == "(") {
      while (name < end && Tok(name) != ")") ++name;
      ++name;
    }
    if (name < end && Tok(name) == ")") ++name;
    while (name < end && In(text::WordClass::kTitle, Lower(Tok(name)))) ++name;
    if (name >= end || end - name > 4) return SIZE_MAX;
    for (size_t k = name; k < end; ++k)
      if (toks_[k].kind != TokenKind::kWord || !IsUpperStart(Tok(k)) || DateName(Tok(k))) return SIZE_MAX;
    return name;
  }

  // The PERSON or ORGANISATION mention, anywhere in the article, whose text
  // is the longest ending of the words [first, end) (up to four words).
  const EntityMention* NamedElsewhere(size_t first, size_t end) const {
    if (names_.empty() && !article_.entities.empty()) {
      names_.emplace("", nullptr);  // built: never empty again
      for (const EntityMention& m : article_.entities)
        if (m.type == EntityType::kPerson || m.type == EntityType::kOrganisation) names_.emplace(Lower(m.text), &m);
    }
    for (size_t b = end > first + 4 ? end - 4 : first; b < end; ++b) {
      auto it = names_.find(Lower(ctx_.text().substr(toks_[b].begin, toks_[end - 1].end - toks_[b].begin)));
      if (it != names_.end() && it->second != nullptr) return it->second;
    }
    return nullptr;
  }

  // The capitalised run (two to four words) that the word at token `at`
  // starts earlier in the article, as written; "" when there is none.
  std::string EarlierRun(size_t at) const {
    if (first_at_.empty()) {
      first_at_.emplace("", SIZE_MAX);  // built: never empty again
      for (size_t k = 0; k < toks_.size(); ++k)
        if (toks_[k].kind == TokenKind::kWord && IsUpperStart(Tok(k))) first_at_.emplace(std::string(Tok(k)), k);
    }
    // Only the word's first occurrence is read: where an article names
    // somebody in full.
    auto found = first_at_.find(std::string(Tok(at)));
    if (found == first_at_.end() || found->second >= at) return "";
    {
      const size_t k = found->second;
      size_t e = k + 1;
      while (e < at && e < k + 4 && toks_[e].kind == TokenKind::kWord && para_[e] == para_[k] && IsUpperStart(Tok(e)) &&
             !DateName(Tok(e)) && !IsSpeech(Lower(Tok(e)), SpeechRole::kBefore))
        ++e;
      if (e > k + 1) return std::string(ctx_.text().substr(toks_[k].begin, toks_[e - 1].end - toks_[k].begin));
    }
    return "";
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
    if (verb.size() > 3 && verb.compare(verb.size() - 3, 3, "nya") == 0) return PersonBefore(close, q);
    size_t first = i + 1, end = first;
    const bool office = first < n && In(text::WordClass::kTitle, Lower(Tok(first)));
    size_t bracketed = 0;  // tokens of a bracketed short form: not counted as words
    while (end < n && para_[end] == para_[close] && static_cast<int>(end - first - bracketed) < opt_.max_speaker_words) {
      if (toks_[end].kind != TokenKind::kWord) {
        // "Kamar Dagang dan Industri Uni Emirat Arab (UEA) Mohamed …": an
        // office's short form in brackets, then more of the phrase.
        if (office && Tok(end) == "(" && end + 3 < n && toks_[end + 1].kind == TokenKind::kWord && Tok(end + 2) == ")" &&
            toks_[end + 3].kind == TokenKind::kWord && IsUpperStart(Tok(end + 3))) {
          end += 3;
          bracketed += 3;
          continue;
        }
        break;
      }
      if (In(text::WordClass::kQuoteSpeakerStop, Lower(Tok(end)))) {
        // "Kepala Suku Dinas Penanggulangan Kebakaran dan Penyelamatan
        // Jakarta Pusat Hardisiswan": "dan" between capitalised words goes
        // on with an office's name.
        const bool joins = office && In(text::WordClass::kTitleLink, Lower(Tok(end))) && end > first &&
                           IsUpperStart(Tok(end - 1)) && end + 1 < n && IsUpperStart(Tok(end + 1)) &&
                           !HasPerson(first, end);
        if (!joins) break;
      }
      ++end;
    }
    // "ujar Pendiri FPCI yang juga mantan Menteri Luar Negeri Dino Patti
    // Djalal": a role with no person, then "yang (juga)" and the person.
    if (end > first && end < n && Lower(Tok(end)) == "yang" && !HasPerson(first, end)) {
      for (size_t k = end + 1; k < n && k < end + 10 && sent_[k] == sent_[end]; ++k) {
        if (toks_[k].kind != TokenKind::kWord) break;
        auto ms = Overlapping(toks_[k].cp_begin, toks_[k].cp_end);
        if (!ms.empty() && ms.front()->type == EntityType::kPerson) return Resolve(k, k + 1, q);
      }
    }
    // "kata kuasa hukum FPI, Sugito Atmo Pawiro", "ujar Kanit Reskrim Polsek
    // X, Iptu Andry": the office and its organisation, a comma, then the
    // person who holds it, who is the speaker.
    // A person there with a rank or title of their own ("Iptu Andry") is
    // the speaker even when the office was misread as a name ("Reskrim").
    if (end > first && end + 1 < n && Tok(end) == "," && sent_[end + 1] == sent_[end]) {
      if (size_t k = PersonAt(end + 1, HasPerson(first, end) ? 3 : opt_.max_speaker_words);
          k != SIZE_MAX && (!HasPerson(first, end) || TitledPersonAt(k)))
        return Resolve(k, k + 1, q);
      // "kata Kepala BBPOM Bandarlampung, Syamsuliani, di …": an office
      // (a title first), then a name the tagger missed, closed by a comma
      // or the sentence's end.
      if (!HasPerson(first, end) && In(text::WordClass::kTitle, Lower(Tok(first)))) {
        const size_t name = end + 1, name_end = NameEnd(name, n);
        if (name_end > name && name_end - name <= 3 && !IsPronoun(Lower(Tok(name))) &&
            (name_end >= n || sent_[name_end] != sent_[name] || toks_[name_end].kind == TokenKind::kPunct))
          return Resolve(name, name_end, q);
      }
    }
    return Resolve(first, end, q);
  }

  // The first token in [from, from + reach) that a PERSON mention covers
  // (a rank before the name may stand outside the mention), else SIZE_MAX;
  // only words of the same sentence on the way, and commas inside a title
  // ("Kepala Pusat Data, Informasi, dan Humas BNPB Sutopo"), up to a word
  // that ends a speaker phrase.
  size_t PersonAt(size_t from, size_t reach) const {
    for (size_t k = from; k < toks_.size() && k < from + reach && sent_[k] == sent_[from]; ++k) {
      if (Tok(k) == ",") continue;
      if (toks_[k].kind != TokenKind::kWord) break;
      const std::string l = Lower(Tok(k));
      if (l != "dan" && In(text::WordClass::kQuoteSpeakerStop, l)) break;
      for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[k].cp_end))
        if (m->type == EntityType::kPerson) return k;
    }
    return SIZE_MAX;
  }

  // Whether sentence `s` opens with a person pronoun ("Ia", "Iapun", "Dia").
  bool PronounSubject(int s) const {
    const auto& sentences = ctx_.sentences();
    size_t t = sentences[static_cast<size_t>(s)].first_token;
    while (t < toks_.size() && toks_[t].kind == TokenKind::kQuote) ++t;
    return t < toks_.size() && sent_[t] == s && toks_[t].kind == TokenKind::kWord && IsPronoun(Lower(Tok(t)));
  }

  bool TitledPersonAt(size_t k) const {
    for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[k].cp_end))
      if (m->type == EntityType::kPerson && !m->role.empty()) return true;
    return false;
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
    // Also when the aside opens with a date or place ("Asep …, Minggu
    // (11/2/2018) seperti dikutip dari Antara, menilai").
    for (size_t c = j; c > floor && j - c < 14;) {
      --c;
      if (Tok(c) != ",") continue;
      bool relay = false;
      for (size_t k = c + 1; k < j && !relay; ++k) relay = In(text::WordClass::kQuoteRelayHead, Lower(Tok(k)));
      if (relay) {
        j = c;
        while (j > floor && Tok(j - 1) == ",") --j;
      }
      break;
    }
    if (j <= floor) return false;
    size_t end = j, first = j;
    if (IsPronoun(Lower(Tok(j - 1)))) return Resolve(j - 1, j, q);
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
      if (k >= e || toks_[k].kind != TokenKind::kWord || !IsUpperStart(Tok(k)) || DateName(Tok(k))) continue;
      if (!strong) {
        bool org = false;
        for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[k].cp_end)) org |= m->type == EntityType::kOrganisation;
        if (!org && !IsAllCaps(Tok(k))) continue;
      }
      size_t end = k;
      while (end < e && end - k < 4 && toks_[end].kind == TokenKind::kWord && IsUpperStart(Tok(end)) &&
             !DateName(Tok(end)))
        ++end;
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
      // "… menurut laporan media pemerintah pada Sabtu (22/3)": the date
      // (or place, or occasion) after the source is no part of it.
      for (size_t k = first + 1; k < end; ++k)
        if (In(text::WordClass::kQuoteSpeakerStop, Lower(Tok(k))) || DateName(Tok(k))) return k;
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

  // The end of a name written from `first`: capitalised words (a person's
  // or organisation's mention may run further), at most max_speaker_words.
  size_t NameEnd(size_t first, size_t e) const {
    size_t end = first;
    while (end < e && toks_[end].kind == TokenKind::kWord && static_cast<int>(end - first) < opt_.max_speaker_words &&
           (IsUpperStart(Tok(end)) || IsPronoun(Lower(Tok(end)))) && !DateName(Tok(end)))
      ++end;
    return end;
  }

  // "mantan Presiden RI yang kelima itu": a lower-case role of words up to
  // a demonstrative; the demonstrative's index, else SIZE_MAX.
  size_t RoleEnd(size_t first, size_t e) const {
    if (first >= e || IsUpperStart(Tok(first)) || toks_[first].kind != TokenKind::kWord) return SIZE_MAX;
    for (size_t k = first + 1; k < e && k < first + 12 && toks_[k].kind == TokenKind::kWord; ++k)
      if (In(text::WordClass::kDemonstrative, Lower(Tok(k)))) return k;
    return SIZE_MAX;
  }

  // The nearest person before token `at` as the speaker ("menurutnya",
  // "katanya").
  // With no person mention before (a name the tagger missed everywhere:
  // "jelas Syamsuliani. … tambahnya"), the speaker is left empty and the
  // quote marked a pronoun's: Go() gives it the speaker of the quote
  // before, the name as written, when nobody else was named since.
  bool PersonBefore(size_t at, Quote* q) const {
    const EntityMention* m = PrecedingPerson(toks_[at].cp_begin);
    q->speaker = m == nullptr ? std::string() : m->canonical.empty() ? m->text : m->canonical;
    q->speaker_entity_id = m == nullptr ? std::string() : m->entity_id;
    return true;
  }

  // Whether a speaker phrase at [first, end) can name somebody: a mention,
  // a pronoun or a capitalised word.
  bool Nameable(size_t first, size_t end) const {
    if (end <= first) return false;
    const std::string l = Lower(Tok(first));
    if (IsPronoun(l) || IsUpperStart(Tok(first)) || l == "mereka") return true;
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
    bool after_stop = false;
    for (size_t j = k; j < e && j < k + 10; ++j) {
      if (toks_[j].kind != TokenKind::kWord) return false;
      // "mengaku pihaknya sampai sekarang belum menerima": a time phrase
      // inside the clause is passed over, not read as a preposition.
      if (size_t after = AfterTimePhrase(j, e); after != j) {
        j = after - 1;
        continue;
      }
      std::string l = Lower(Tok(j));
      if (l == "yang" && j > k && !relative) {
        relative = true;
        continue;
      }
      if (In(text::WordClass::kQuoteClauseStop, l)) {
        // "mengatakan transaksi jual beli obat melalui online berkembang
        // pesat": a prepositional phrase inside the subject, then its
        // verb. Only after a subject word, and never past a coordinating
        // word ("mengungkapkan rasa bersalahnya lewat media sosial dan
        // meminta maaf" reports nothing).
        if (j == k || after_stop || relative) return false;
        after_stop = true;
        continue;
      }
      if (after_stop && In(text::WordClass::kSharedSubject, l)) return false;
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
      referring_ = false;
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
          if (i > b && (comma == i + 1 || comma >= e || Tok(comma) != ",") && !Nameable(i + 1, std::min(comma + 1, e))) {
            // "Sebab perbuatan itu menurut mantan Presiden RI yang kelima itu
            // adalah …": a role closed by a demonstrative points back to the
            // person last named; the whole sentence is what was said.
            if (size_t dem = RoleEnd(i + 1, e); dem != SIZE_MAX && PersonBefore(i, &q)) {
              ok = true;
              clause = b;
            }
            continue;
          }
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
            const size_t name = NameEnd(i + 1, e);
            if (i > b && name > i + 1 && name < e && Tok(name) != "," && (end == i + 1 || end > name) &&
                ClauseAt(name, e)) {
              // "Pengumuman akhir, kata Pudjo akan segera …": the closing
              // comma left out; the name, then the rest of the clause.
              ok = Resolve(i + 1, name, &q);
              if (ok) clause = b;
              continue;
            }
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
        } else if (!after_comma && i > b && l.ends_with("nya") && IsSpeech(l, SpeechRole::kAfter) &&
                   !IsSpeech(l, SpeechRole::kBefore) && toks_[i - 1].kind == TokenKind::kWord && ClauseAt(i + 1, e)) {
          // "Berita bohong lanjutnya justru dapat menimbulkan konflik": a
          // parenthetical -nya verb without its commas.
          ok = PersonBefore(i, &q);
          clause = b;
        } else if (i == b && IsSpeech(l, SpeechRole::kPassive) && i + 1 < e && IsUpperStart(Tok(i + 1)) &&
                   !DateName(Tok(i + 1))) {
          // "Ditambahkan Sugito, CLAUSE", "Dikatakan Alex, bahwa CLAUSE":
          // the passive names its speaker right after it.
          size_t end = SourceEnd(i + 1, e);
          if (end == i + 1 || end >= e || Tok(end) != "," || !Nameable(i + 1, end)) continue;
          ok = Resolve(i + 1, end, &q);
          clause = end + 1;
          if (clause < e && Lower(Tok(clause)) == "bahwa") ++clause;
        } else if (IsSpeech(l, SpeechRole::kBare) && i + 1 < e && i > b && !Negated(i, b)) {
          size_t next = i + 1;
          if (Tok(next) == "," || Tok(next) == ":") clause = next + 1;
          else if (ClauseAt(next, e)) clause = next;
          else if (In(text::WordClass::kQuoteForecastVerb, l) && FigureAt(next, e)) clause = next;
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
      it.referring = referring_;
      it.para = para_[b];
      it.sentence = static_cast<int>(s);
      it.q = std::move(q);
      out->push_back(std::move(it));
    }
  }

  // A forecast or assessment verb ("memprediksi", "menilai") reports its
  // subject's view like a speech verb before what was said; the class is
  // the quote analyser's own, so the other stages' speech-verb roles stay.
  bool IsSpeech(std::string_view lower, SpeechRole role) const {
    if (lex_.IsSpeechVerb(lower, role)) return true;
    return (role == SpeechRole::kBefore || role == SpeechRole::kBare) && In(text::WordClass::kQuoteForecastVerb, lower);
  }

  // "ia", "dia", also with a clitic glued on ("iapun", "dialah").
  bool IsPronoun(std::string_view lower) const {
    if (In(text::WordClass::kPersonPronoun, lower)) return true;
    for (const std::string& c : lex_.Words(text::WordClass::kQuotePronounClitic)) {
      if (lower.size() <= c.size() || !lower.ends_with(c)) continue;
      std::string_view base = lower.substr(0, lower.size() - c.size());
      if (base.ends_with("-")) base.remove_suffix(1);
      if (In(text::WordClass::kPersonPronoun, base)) return true;
    }
    return false;
  }

  // Whether code point `cp` lies inside a direct quotation: a person named
  // there is talked about, not talking, so no pronoun points back to them.
  bool Quoted(int32_t cp) const {
    auto it = std::upper_bound(quoted_.begin(), quoted_.end(), cp,
                               [](int32_t v, const std::pair<int32_t, int32_t>& q) { return v < q.first; });
    return it != quoted_.begin() && cp < std::prev(it)->second;
  }

  // A figure soon after a forecast verb, before any punctuation ends the
  // phrase: "memprediksi rupiah di kisaran Rp16.200", "memperkirakan
  // inflasi 3 persen".
  bool FigureAt(size_t k, size_t e) const {
    for (size_t j = k; j < e && j < k + 8; ++j) {
      if (toks_[j].kind == TokenKind::kNumber) return true;
      if (toks_[j].kind == TokenKind::kWord) {
        std::string_view t = Tok(j);
        if (std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
        continue;
      }
      std::string_view t = Tok(j);
      if (t != "-" && t != "/" && t != "(" && t != ")") return false;
    }
    return false;
  }

  // A weekday or month name ("Rabu", "Desember"): a date, never a speaker or outlet.
  bool DateName(std::string_view word) const {
    const std::string l = Lower(word);
    return lex_.FindWeekday(l) != nullptr || lex_.FindMonth(l) != nullptr;
  }
  bool In(text::WordClass c, std::string_view lower) const { return lex_.Is(c, lower); }

  const QuoteAnalyzerOptions& opt_;
  const text::Lexicon& lex_;
  const Article& article_;
  const analyse::AnalysisContext& ctx_;
  const std::vector<Token>& toks_;
  std::vector<int> para_, sent_;
  const std::vector<std::vector<std::string>>& time_phrases_;
  mutable bool pronoun_ = false;  // set while resolving one quote's speaker
  mutable bool referring_ = false;  // likewise: Item::referring
  // Code point spans of the direct quotations, in text order.
  std::vector<std::pair<int32_t, int32_t>> quoted_;
  // Built on first use: names of mentions (NamedElsewhere), the first
  // token of each capitalised word (EarlierRun), fuller names (FullerName).
  mutable std::unordered_map<std::string, const EntityMention*> names_;
  mutable std::unordered_map<std::string, size_t> first_at_;
  mutable std::unordered_map<std::string, const EntityMention*> fuller_;
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
