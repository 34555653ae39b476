#include "quotes/quote_analyzer.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace warta::quotes {
namespace {

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

// Roots whose bare, -nya or me-/ber- forms introduce a speaker after a quote.
const std::unordered_set<std::string>& AfterVerbs() {
  static const auto* s = new std::unordered_set<std::string>{
      "kata",      "ujar",       "ucap",       "tutur",     "ungkap",       "jelas",        "tegas",
      "terang",    "papar",      "sebut",      "tambah",    "lanjut",       "katanya",      "ujarnya",
      "ucapnya",   "tuturnya",   "ungkapnya",  "jelasnya",  "tegasnya",     "terangnya",    "paparnya",
      "sebutnya",  "tambahnya",  "lanjutnya",  "mengatakan", "menyatakan",  "menegaskan",   "menjelaskan",
      "mengungkapkan", "menerangkan", "memaparkan", "menyebutkan", "menambahkan", "melanjutkan",
      "menuturkan", "berkata",   "imbuh",      "imbuhnya",     "tulis",        "tulisnya"};
  return *s;
}

// Verbs that report speech before what was said ("X mengatakan bahwa …",
// "X mengatakan, “…”").
const std::unordered_set<std::string>& BeforeVerbs() {
  static const auto* s = new std::unordered_set<std::string>{
      "mengatakan",  "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menyebutkan", "menyebut",
      "menambahkan", "berkata",    "mengklaim",  "mengakui",    "menuturkan",    "menerangkan", "memaparkan",
      "mengumumkan", "menekankan", "mengingatkan", "menilai",   "melaporkan",    "berujar",     "bilang",
      "menyampaikan", "menulis"};
  return *s;
}

// Words that end a speaker phrase: they start what follows the name.
const std::unordered_set<std::string>& SpeakerStops() {
  static const auto* s = new std::unordered_set<std::string>{
      "seperti", "kepada", "dalam", "di",    "pada",    "saat",    "ketika", "yang",   "usai",
      "setelah", "dikutip", "dilansir", "melalui", "dan", "kemarin", "dari", "sambil", "sebelum",
      "bahwa",   "lewat",  "dilaporkan", "menurut", "kala", "seraya", "untuk", "tentang", "soal"};
  return *s;
}

// Adverbs allowed between a subject and its speech verb ("Kim juga mengatakan").
const std::unordered_set<std::string>& Adverbs() {
  static const auto* s = new std::unordered_set<std::string>{
      "juga", "pun", "telah", "sudah", "sebelumnya", "kemudian", "lalu", "kembali", "pernah", "bahkan", "lantas"};
  return *s;
}

bool IsPronoun(std::string_view lower) { return lower == "ia" || lower == "dia" || lower == "beliau"; }

bool IsOpenCurly(std::string_view t) { return t == "“" || t == "„" || t == "«"; }
bool IsCloseCurlyFor(std::string_view open, std::string_view t) {
  if (open == "“" || open == "„") return t == "”" || t == "“";  // some outlets close with “
  return t == "»";
}
bool IsSingle(std::string_view t) { return t == "'" || t == "‘" || t == "’"; }

struct Found {
  size_t open = 0, close = 0;  // token indices of the marks
};

class Run {
 public:
  Run(const QuoteAnalyzerOptions& options, const Article& article, const analyse::AnalysisContext& ctx)
      : opt_(options), article_(article), ctx_(ctx), toks_(ctx.tokens()) {
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
    std::vector<Quote> out;
    std::vector<bool> sentence_has_quote(ctx_.sentences().size(), false);
    int last_para = -1;
    Quote last;
    for (const Found& f : found) {
      if (f.close <= f.open + 1) continue;
      size_t first = f.open + 1, end = f.close;
      while (end > first && Tok(end - 1) == ",") --end;
      if (end <= first) continue;
      Quote q;
      q.direct = true;
      q.span = Span{toks_[first].cp_begin, toks_[end - 1].cp_end};
      q.text = std::string(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
      int words = 0;
      for (size_t i = first; i < end; ++i) words += toks_[i].kind == TokenKind::kWord;
      bool near = true;
      bool has_speaker = SpeakerAfter(f.close, &q) || SpeakerBefore(f.open, &q, &near);
      if (has_speaker && !near && words < opt_.min_unattributed_words) {
        // A short quoted name far from the verb ("mengatakan bahwa program
        // 'Desa Emas' …") is a title, not something the subject said.
        has_speaker = false;
        q.speaker.clear();
        q.speaker_entity_id.clear();
      }
      q.relay = Relay(sent_[f.close], f.open, f.close);
      if (!has_speaker && q.relay.empty() && sent_[f.open] != sent_[f.close]) q.relay = Relay(sent_[f.open], f.open, f.close);
      if (!has_speaker && last_para == para_[f.open] && !last.speaker.empty()) {
        q.speaker = last.speaker;
        q.speaker_entity_id = last.speaker_entity_id;
        if (q.relay.empty()) q.relay = last.relay;
        has_speaker = true;
      }
      if (!has_speaker && words < opt_.min_unattributed_words) continue;
      // Reported speech is looked for only where no kept quotation is: a
      // dropped scare quote does not hide "X mengatakan bahwa …".
      for (int s = sent_[f.open]; s <= sent_[f.close]; ++s) sentence_has_quote[s] = true;
      last_para = para_[f.open];
      last = q;
      out.push_back(std::move(q));
    }
    Indirect(sentence_has_quote, &out);
    std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
    return out;
  }

 private:
  std::string_view Tok(size_t i) const { return ctx_.TokenText(i); }

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
          if (t == "\"") { out.push_back({open_at, i}); open = false; }
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

  // Mentions overlapping code points [b, e), in text order.
  std::vector<const EntityMention*> Overlapping(int32_t b, int32_t e) const {
    std::vector<const EntityMention*> out;
    const auto& ents = article_.entities;
    auto it = std::lower_bound(ents.begin(), ents.end(), e,
                               [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
    // Mentions are short, so scanning back a few from the first one starting
    // at or after `e` finds every overlap.
    for (auto j = it; j != ents.begin();) {
      --j;
      if (j->span.end <= b) {
        if (it - j > 8) break;
        continue;
      }
      out.push_back(&*j);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  const EntityMention* PrecedingPerson(int32_t before, std::string_view word = {}) const {
    const auto& ents = article_.entities;
    auto it = std::lower_bound(ents.begin(), ents.end(), before,
                               [](const EntityMention& m, int32_t v) { return m.span.begin < v; });
    std::string lw = Lower(word);
    for (auto j = it; j != ents.begin();) {
      --j;
      if (j->type != "PERSON") continue;
      if (word.empty()) return &*j;
      std::string canon = " " + Lower(j->canonical) + " ";
      if (canon.find(" " + lw + " ") != std::string::npos) return &*j;
    }
    return nullptr;
  }

  // Resolves speaker words [first, end) into q.
  bool Resolve(size_t first, size_t end, Quote* q) const {
    if (end <= first) return false;
    const EntityMention* best = nullptr;
    for (const EntityMention* m : Overlapping(toks_[first].cp_begin, toks_[end - 1].cp_end)) {
      if (m->type == "PERSON") best = m;
      else if (m->type == "ORGANISATION" && (best == nullptr || best->type != "PERSON")) best = m;
    }
    std::string l = Lower(Tok(first));
    if (best == nullptr && IsPronoun(l)) best = PrecedingPerson(toks_[first].cp_begin);
    if (best == nullptr && end - first == 1 && IsUpperStart(Tok(first)))
      best = PrecedingPerson(toks_[first].cp_begin, Tok(first));
    if (best != nullptr) {
      q->speaker = best->canonical.empty() ? best->text : best->canonical;
      q->speaker_entity_id = best->entity_id;
      return true;
    }
    if (IsPronoun(l)) return false;  // nobody to point back to
    q->speaker = std::string(ctx_.text().substr(toks_[first].begin, toks_[end - 1].end - toks_[first].begin));
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
    if (!AfterVerbs().count(verb)) {
      // '"…," Hong Min, analis senior …, mengatakan': a name right after the
      // mark whose speech verb follows later in the same sentence.
      if (!IsUpperStart(Tok(i))) return false;
      size_t end = i;
      while (end < n && toks_[end].kind == TokenKind::kWord && IsUpperStart(Tok(end)) &&
             static_cast<int>(end - i) < opt_.max_speaker_words)
        ++end;
      for (size_t k = end; k < n && k < end + 20 && sent_[k] == sent_[i]; ++k)
        if (BeforeVerbs().count(Lower(Tok(k)))) return Resolve(i, end, q);
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
           static_cast<int>(end - first) < opt_.max_speaker_words && !SpeakerStops().count(Lower(Tok(end))))
      ++end;
    return Resolve(first, end, q);
  }

  // The subject before speech verb `verb`: a mention, pronoun or capitalised
  // run ending right before it (adverbs and commas between are skipped).
  bool SubjectBefore(size_t verb, size_t floor, Quote* q) const {
    size_t j = verb;
    while (j > floor && (Adverbs().count(Lower(Tok(j - 1))) || Tok(j - 1) == ",")) --j;
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
        if (l == "pada" || l == "tanggal" || l == "sejak" || l == "hari") {
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
        named |= m->type == "PERSON" || m->type == "ORGANISATION";
    if (!named) {
      // "Badan X pada 27 Februari mengungkapkan": the speaker is the
      // nearest person or organisation named shortly before the verb, not
      // the capitalised date word next to it.
      size_t lo = end > floor + 10 ? end - 10 : floor;
      for (const EntityMention* m : Overlapping(toks_[lo].cp_begin, toks_[end - 1].cp_end)) {
        if (m->type != "PERSON" && m->type != "ORGANISATION") continue;
        q->speaker = m->canonical.empty() ? m->text : m->canonical;
        q->speaker_entity_id = m->entity_id;
        named = true;
      }
      if (named) return true;
      // "pemimpin Korea Utara mengatakan": a role of a place, kept as written.
      if (first < end && first > floor && toks_[first - 1].kind == TokenKind::kWord &&
          !IsUpperStart(Tok(first - 1)) && !SpeakerStops().count(Lower(Tok(first - 1)))) {
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
      if (BeforeVerbs().count(l)) {
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
      bool strong = l == "dikutip" || l == "dilansir" || l == "dilaporkan" || l == "mengutip" || l == "melansir";
      if (!strong && l != "kepada") continue;
      size_t k = i + 1;
      if (strong && k < e && (Lower(Tok(k)) == "dari" || Lower(Tok(k)) == "oleh")) ++k;
      if (k >= e || toks_[k].kind != TokenKind::kWord || !IsUpperStart(Tok(k))) continue;
      if (!strong) {
        bool org = false;
        for (const EntityMention* m : Overlapping(toks_[k].cp_begin, toks_[k].cp_end)) org |= m->type == "ORGANISATION";
        if (!org && !IsAllCaps(Tok(k))) continue;
      }
      size_t end = k;
      while (end < e && end - k < 4 && toks_[end].kind == TokenKind::kWord && IsUpperStart(Tok(end))) ++end;
      return std::string(ctx_.text().substr(toks_[k].begin, toks_[end - 1].end - toks_[k].begin));
    }
    return "";
  }

  // "X mengatakan bahwa CLAUSE." and "Menurut X, CLAUSE." in sentences with
  // no direct quotation.
  void Indirect(const std::vector<bool>& has_quote, std::vector<Quote>* out) const {
    const auto& sents = ctx_.sentences();
    for (size_t s = 0; s < sents.size(); ++s) {
      if (has_quote[s]) continue;
      size_t b = sents[s].first_token, e = std::min<size_t>(sents[s].end_token, toks_.size());
      size_t clause = 0;
      Quote q;
      q.direct = false;
      bool ok = false;
      for (size_t i = b; i < e && !ok; ++i) {
        std::string l = Lower(Tok(i));
        if (l == "bahwa") {
          for (size_t v = i; v > b && i - v < 5;) {
            --v;
            if (BeforeVerbs().count(Lower(Tok(v)))) {
              ok = SubjectBefore(v, b, &q);
              clause = i + 1;
              break;
            }
          }
          if (!ok) break;  // only the first "bahwa" of a sentence is tried
        } else if (l == "menurut" && i - b <= 1) {
          size_t comma = i + 1;
          while (comma < e && comma - i <= static_cast<size_t>(opt_.max_speaker_words) + 1 && Tok(comma) != ",") ++comma;
          if (comma >= e || Tok(comma) != ",") break;
          // "Menurut A, B, dan C, …": a list of sources runs on while the
          // next comma-separated piece is a short name or starts with "dan".
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
          ok = Resolve(i + 1, comma, &q);
          clause = comma + 1;
        }
      }
      if (!ok) continue;
      size_t end = e;
      while (end > clause && toks_[end - 1].kind == TokenKind::kPunct) --end;
      if (end <= clause) continue;
      q.span = Span{toks_[clause].cp_begin, toks_[end - 1].cp_end};
      q.text = std::string(ctx_.text().substr(toks_[clause].begin, toks_[end - 1].end - toks_[clause].begin));
      q.relay = Relay(static_cast<int>(s), e, e);
      out->push_back(std::move(q));
    }
  }

  const QuoteAnalyzerOptions& opt_;
  const Article& article_;
  const analyse::AnalysisContext& ctx_;
  const std::vector<Token>& toks_;
  std::vector<int> para_, sent_;
};

}  // namespace

Status QuoteAnalyzer::Analyse(Article* article, analyse::AnalysisContext* ctx) const {
  Run run(options_, *article, *ctx);
  article->quotes = run.Go();
  return Status::Ok();
}

}  // namespace warta::quotes
