#include "clean/metadata.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

#include "clean/strings.h"
#include "core/utf8.h"

namespace warta::clean::internal {

namespace {

// Longer lines are article text, unless metadata is glued to their start
// within the first kGluedDateBytes.
constexpr size_t kMaxMetaLineBytes = 250;
constexpr size_t kGluedDateBytes = 160;

// Separators between metadata fields ("Penulis: A | Editor: B", "Kompas • 21/1").
constexpr std::string_view kSeps[] = {"|", "\u2022", "\u00b7", ",", ";", "-", "\u2013", "\u2014", "/", ":", " "};

std::string_view TrimSeps(std::string_view s) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view sep : kSeps) {
      if (s.size() >= sep.size() && s.substr(0, sep.size()) == sep) {
        s.remove_prefix(sep.size());
        changed = true;
      }
      if (s.size() >= sep.size() && s.substr(s.size() - sep.size()) == sep) {
        s.remove_suffix(sep.size());
        changed = true;
      }
    }
  }
  return s;
}

// Splits at '|', '•', '·' and at dashes with spaces around them.
std::vector<std::string_view> SplitSegments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0, i = 0;
  auto flush = [&](size_t end, size_t next) {
    std::string_view seg = TrimSeps(s.substr(start, end - start));
    if (!seg.empty()) out.push_back(seg);
    start = next;
  };
  while (i < s.size()) {
    size_t len = 0;
    if (s[i] == '|') len = 1;
    else if (s.compare(i, 3, "\u2022") == 0) len = 3;
    else if (s.compare(i, 2, "\u00b7") == 0) len = 2;
    else if (s.compare(i, 3, " - ") == 0 || s.compare(i, 5, " \u2013 ") == 0 || s.compare(i, 5, " \u2014 ") == 0)
      len = s[i + 1] == '-' ? 3 : 5;
    if (len) {
      flush(i, i + len);
      i += len;
    } else {
      ++i;
    }
  }
  flush(s.size(), s.size());
  return out;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsConnector(std::string_view lower_word) {
  static constexpr std::string_view kConnectors[] = {"bin", "binti", "van", "von", "de", "der", "den", "da",
                                                      "del", "dos", "al", "el", "la", "le", "of"};
  return std::find(std::begin(kConnectors), std::end(kConnectors), lower_word) != std::end(kConnectors);
}

// Lower-case letter runs of at least two letters in a label regex: the
// words a label is written with ("Diperbarui", "Posted on").
void AddLabelWords(std::string_view regex, std::unordered_set<std::string>* out) {
  std::string word;
  auto flush = [&] {
    if (word.size() >= 2) out->insert(word);
    word.clear();
  };
  for (size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {  // an escape such as \s is not a letter
      flush();
      ++i;
      continue;
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      word += static_cast<char>(c | 0x20);
    } else {
      flush();
    }
  }
  flush();
}

bool HasOutletWord(std::string_view component, const MetadataVocabulary& v) {
  if (HasDigit(component)) return true;
  std::string lower = AsciiLower(component);
  size_t i = 0;
  while (i < lower.size()) {
    size_t j = i;
    while (j < lower.size() && lower[j] != ' ' && lower[j] != '.') ++j;
    std::string_view w(lower.data() + i, j - i);
    for (const std::string& ow : v.outlet_words) {
      if (w == ow) return true;
      // "Rimanews", "5Blogger"; a long brand also as a prefix ("TribunJakarta").
      if (ow.size() >= 4 && w.size() > ow.size() && w.substr(w.size() - ow.size()) == ow) return true;
      if (ow.size() >= 6 && w.size() > ow.size() && w.substr(0, ow.size()) == ow) return true;
    }
    i = j + 1;
  }
  return false;
}

size_t LetterCount(std::string_view s) {
  size_t n = 0, p = 0;
  while (p < s.size()) n += IsLetterCp(Utf8Next(s, &p));
  return n;
}

bool IsAllCaps(std::string_view s) {
  bool letter = false;
  size_t p = 0;
  while (p < s.size()) {
    char32_t cp = Utf8Next(s, &p);
    if (!IsLetterCp(cp)) continue;
    letter = true;
    if (!IsUpperCp(cp)) return false;
  }
  return letter;
}

bool IsPlace(std::string_view s, const MetadataVocabulary& v) { return v.places.count(AsciiLower(s)) > 0; }

// A dateline component: one to five words, each capitalised (or a digit-led
// brand such as "5Blogger") or a domain; in case-less text any letter-led
// word, the capital being what the source dropped.
bool ValidDatelineComponent(std::string_view c, bool caseless) {
  std::vector<std::string_view> words = Words(c);
  if (words.empty() || words.size() > 5) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (LooksLikeDomain(w)) continue;
    if (i > 0 && IsConnector(AsciiLower(w))) continue;
    char32_t first = FirstCp(w);
    bool digit_led = first >= '0' && first <= '9';
    if (!IsUpperCp(first) && !digit_led && !(caseless && IsLetterCp(first))) return false;
    bool has_letter = false;
    size_t p = 0;
    while (p < w.size()) {
      char32_t cp = Utf8Next(w, &p);
      if (IsLetterCp(cp)) {
        has_letter = true;
      } else if (!(cp >= '0' && cp <= '9') && cp != '.' && cp != '-' && cp != '&' && cp != '\'' && cp != U'\u2019') {
        return false;
      }
    }
    if (!has_letter) return false;
  }
  return true;
}

size_t DashAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return 1;
  if (s.compare(i, 3, "\u2013") == 0 || s.compare(i, 3, "\u2014") == 0) return 3;
  return 0;
}

// Names in a credit value: "A, B dan C", "A & B", "A/B".
std::vector<std::string> SplitNames(std::string_view value) {
  std::string s(value);
  // A parenthesised note after a name ("Budi (Antara)") is not part of it.
  for (size_t open; (open = s.find('(')) != std::string::npos;) {
    size_t close = s.find(')', open);
    s.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  for (std::string_view conj : {" dan ", " and ", " & "}) {
    for (size_t p; (p = s.find(conj)) != std::string::npos;) s.replace(p, conj.size(), ",");
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find_first_of(",;/", start);
    if (end == std::string::npos) end = s.size();
    std::string_view part = TrimSeps(std::string_view(s).substr(start, end - start));
    while (!part.empty() && part.back() == '.') {
      part.remove_suffix(1);
      part = TrimSeps(part);
    }
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

// A name after an explicit label ("Editor: Deni-Muliya"): the label vouches
// for it, so only its shape is checked.
bool LooksLikeCreditedName(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  if (Words(s).size() > 6) return false;
  if (!IsLetterCp(FirstCp(s))) return false;
  return s.find_first_of("?!\"") == std::string_view::npos;
}

bool OnlyWordsFrom(std::string_view s, const std::unordered_set<std::string>& a,
                   const std::unordered_set<std::string>& b) {
  std::string lower = AsciiLower(s);
  std::vector<std::string_view> words = Words(lower);
  if (words.empty()) return false;
  for (std::string_view w : words) {
    std::string word(w);
    if (!a.count(word) && !b.count(word)) return false;
  }
  return true;
}

bool EndsWithSeparator(std::string_view s) {
  s = TrimSpace(s);
  if (s.empty()) return false;
  for (std::string_view sep : {"|", "\u2022", "\u00b7", "-", "\u2013", "\u2014"})
    if (s.size() >= sep.size() && s.substr(s.size() - sep.size()) == sep) return true;
  return false;
}

bool StartsWithSeparator(std::string_view s) {
  s = TrimSpace(s);
  if (s.empty()) return false;
  for (std::string_view sep : {"|", "\u2022", "\u00b7", "-", "\u2013", "\u2014", ","})
    if (s.substr(0, sep.size()) == sep) return true;
  return false;
}

// Text before (`before_date`) or after a date on a metadata line. The words
// next to the date must be metadata themselves (an author's name, an
// outlet's domain, a label such as "Diperbarui", a place) unless a field
// separator ('|', '•', a spaced dash) stands between; then short segments
// such as a section name are allowed too. So "Amastya 19 Nov 2024" and
// "Kompas dunia | 21 Januari 2024" are metadata, "Dilan tayang 25 Januari
// 2018." is not. Fills `meta` from what it recognises.
bool AcceptAroundDate(std::string_view s, bool before_date, const MetadataVocabulary& v, MetaLine* meta) {
  if (TrimSpace(s).empty()) return true;
  if (!before_date && !StartsWithSeparator(s)) return false;
  std::vector<std::string_view> segments = SplitSegments(s);
  const bool separated = before_date ? EndsWithSeparator(s) : true;
  for (size_t k = 0; k < segments.size(); ++k) {
    std::string_view seg = segments[k];
    const bool adjacent = before_date && k + 1 == segments.size() && !separated;
    if (LooksLikeDomain(seg)) {
      if (meta->outlet.empty()) meta->outlet = std::string(seg);
      continue;
    }
    if (OnlyWordsFrom(seg, v.updated_words, v.updated_words)) {
      // "Diperbarui 27 Maret 2017": the date is when it was updated.
      if (adjacent && meta->published) {
        meta->updated = meta->published;
        meta->published.reset();
      }
      continue;
    }
    if (OnlyWordsFrom(seg, v.date_words, v.byline_words)) continue;  // "Diterbitkan", "Posted on"
    if (before_date && LooksLikeName(seg, v) && !HasOutletWord(seg, v)) {
      meta->authors.emplace_back(seg);
      continue;
    }
    if (v.places.count(AsciiLower(seg))) continue;  // "Jakarta, 27 Maret 2017"
    if (!adjacent && Words(seg).size() <= 4 && seg.size() <= 40) continue;  // a section or outlet label
    return false;
  }
  return true;
}

// Adds the names in a credit value; a part that is not a capitalised name
// ("aktivis Muhammadiyah", an editor's code "drew") is skipped. False when
// the value is too long to be a credit.
bool AppendNames(std::string_view value, std::vector<std::string>* out) {
  if (value.size() > 120) return false;
  std::vector<std::string> names = SplitNames(value);
  bool any = false;
  for (std::string& n : names) {
    if (!LooksLikeCreditedName(n) || !IsUpperCp(FirstCp(n))) continue;
    any = true;
    if (std::find(out->begin(), out->end(), n) == out->end()) out->push_back(std::move(n));
  }
  return any || value.size() <= 40;
}

// "Oleh Budi", "By Jane": a byline label at the start; m->bylines.end()
// is then where the name begins.
bool StartsWithByline(std::string_view line, MetaMatchers* m) {
  size_t len = std::min<size_t>(line.size(), 80);
  while (len < line.size() && IsContinuationByte(line[len])) ++len;
  return m->bylines.SetText(line.substr(0, len)) && m->bylines.Find() >= 0;
}

const char* ReasonOf(MetaField f) {
  switch (f) {
    case MetaField::kAuthor: return "metadata:author";
    case MetaField::kEditor: return "metadata:editor";
    case MetaField::kSource: return "metadata:source";
    case MetaField::kDate:
    case MetaField::kUpdated: return "metadata:date";
  }
  return "metadata";
}

}  // namespace

bool LooksLikeDomain(std::string_view s) {
  if (s.empty() || s.find(' ') != std::string_view::npos) return false;
  size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view tld = s.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char c : tld)
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
  bool letter = false;
  for (char c : s.substr(0, dot)) {
    bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    letter |= alpha;
    if (!alpha && !(c >= '0' && c <= '9') && c != '.' && c != '-') return false;
  }
  return letter;
}

bool LooksLikeName(std::string_view s, const MetadataVocabulary& v) {
  if (s.empty() || s.size() > 50 || HasDigit(s)) return false;
  std::vector<std::string_view> words = Words(s);
  if (words.empty() || words.size() > 5) return false;
  if (v.places.count(AsciiLower(s))) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string lower = AsciiLower(words[i]);
    while (!lower.empty() && (lower.back() == '.' || lower.back() == ',')) lower.pop_back();
    if (lower.empty() || v.not_names.count(lower)) return false;
    if (i > 0 && IsConnector(lower)) continue;
    if (!IsUpperCp(FirstCp(words[i]))) return false;
    size_t p = 0;
    while (p < words[i].size()) {
      char32_t cp = Utf8Next(words[i], &p);
      if (!IsLetterCp(cp) && cp != '.' && cp != '-' && cp != '\'' && cp != U'\u2019' && cp != ',') return false;
    }
  }
  return true;
}

StatusOr<DateVocabulary> DateVocabularyFromRules(const RuleFiles& rules, const text::Lexicon& lexicon) {
  const RuleFile& file = rules.Get("timezones.tsv");
  text::DateTable zones;
  zones.origin = file.origin;
  for (const RuleLine& l : file.lines) zones.rows.push_back({l.line, l.fields});
  return DateVocabulary::FromTables(lexicon, zones);
}

StatusOr<MetadataVocabulary> MetadataVocabulary::FromRules(const RuleFiles& rules, const text::Lexicon& lexicon) {
  MetadataVocabulary v;
  WARTA_ASSIGN_OR_RETURN(v.dates, DateVocabularyFromRules(rules, lexicon));
  const RuleFile& meta = rules.Get("metadata.tsv");
  std::vector<RegexAlternation::Source> labels, bylines;
  for (const RuleLine& l : meta.lines) {
    std::string origin = meta.origin + ":" + std::to_string(l.line);
    if (l.fields.size() < 2) return Status::InvalidArgument(origin + ": expected field<TAB>regex");
    const std::string& field = l.fields[0];
    const std::string& rx = l.fields[1];
    AddLabelWords(rx, &v.not_names);
    AddLabelWords(rx, &v.label_words);
    if (field == "byline") {
      AddLabelWords(rx, &v.byline_words);
      bylines.push_back({"^(?:" + rx + ")\\s+(?=\\p{Lu})", origin});
      continue;
    }
    MetaField f;
    if (field == "author") f = MetaField::kAuthor;
    else if (field == "editor") f = MetaField::kEditor;
    else if (field == "source") f = MetaField::kSource;
    else if (field == "date") f = MetaField::kDate;
    else if (field == "updated") f = MetaField::kUpdated;
    else return Status::InvalidArgument(origin + ": unknown field '" + field + "'");
    if (f == MetaField::kUpdated) AddLabelWords(rx, &v.updated_words);
    if (f == MetaField::kDate) AddLabelWords(rx, &v.date_words);
    labels.push_back({"\\b(?:" + rx + ")\\s*:(?!//)", origin});
    v.label_fields.push_back(f);
  }
  WARTA_ASSIGN_OR_RETURN(v.labels, RegexAlternation::Compile(labels, RegexAlternation::Anchor::kLineEnd));
  WARTA_ASSIGN_OR_RETURN(v.bylines, RegexAlternation::Compile(bylines, RegexAlternation::Anchor::kWhole));
  for (const RuleLine& l : rules.Get("places.txt").lines) v.places.insert(AsciiLower(l.fields[0]));
  for (const RuleLine& l : rules.Get("outlet_words.txt").lines) v.outlet_words.push_back(AsciiLower(l.fields[0]));
  for (const auto& [name, month] : v.dates.months) v.not_names.insert(name);
  for (const std::string& w : v.dates.weekdays) v.not_names.insert(w);
  for (const auto& [name, offset] : v.dates.zones) v.not_names.insert(AsciiLower(name));
  return v;
}

std::optional<MetaLine> AnalyseMetaLine(std::string_view line, const MetadataVocabulary& v,
                                        MetaMatchers* m) {
  MetaLine meta;
  // Without a colon or a digit a line holds neither a label nor a date; it
  // can only be a byline.
  const bool colon_or_digit =
      std::any_of(line.begin(), line.end(), [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
  if (!colon_or_digit && !StartsWithByline(line, m)) return std::nullopt;
  struct Label {
    MetaField field;
    size_t begin, value_begin;
  };
  std::vector<Label> labels;
  // Metadata lines are short; a long line can only start with metadata
  // glued to the story, within its first bytes.
  const bool long_line = line.size() > kMaxMetaLineBytes;
  // A label ends in ':'; matching only just before each colon keeps this
  // cheap on ordinary sentences.
  if (!long_line && line.find(':') != std::string_view::npos) {
    size_t floor = 0;  // labels do not overlap
    bool text_set = false;
    for (size_t colon = line.find(':'); colon != std::string_view::npos; colon = line.find(':', colon + 1)) {
      // The word before the colon must be a label word before ICU is asked.
      size_t w_end = colon;
      while (w_end > 0 && line[w_end - 1] == ' ') --w_end;
      size_t w_begin = w_end;
      while (w_begin > 0 && std::isalpha(static_cast<unsigned char>(line[w_begin - 1]))) --w_begin;
      if (w_begin == w_end || !v.label_words.count(AsciiLower(line.substr(w_begin, w_end - w_begin)))) continue;
      if (!text_set && !(text_set = m->labels.SetText(line))) break;
      size_t from = colon > 40 ? colon - 40 : 0;
      while (from < colon && IsContinuationByte(line[from])) ++from;
      from = std::max(from, floor);
      int alt = m->labels.Find(from, colon + 1);
      if (alt < 0) continue;
      labels.push_back({v.label_fields[static_cast<size_t>(alt)], m->labels.begin(), m->labels.end()});
      floor = m->labels.end();
    }
  }
  std::string_view lead = line.substr(0, labels.empty() ? line.size() : labels.front().begin);
  std::optional<DateMatch> date;
  if (long_line) {
    size_t cut = kGluedDateBytes;
    while (cut < lead.size() && IsContinuationByte(lead[cut])) ++cut;
    date = FindDate(lead.substr(0, cut), v.dates);
    if (!date) return std::nullopt;
  } else {
    date = FindDate(lead, v.dates);
  }

  if (!date && !labels.empty()) {
    // Only an outlet may come before the first label ("Kompas.com | Penulis: ...");
    // anything else means the "label" is a word in a sentence.
    for (std::string_view seg : SplitSegments(lead))
      if (!LooksLikeDomain(seg)) return std::nullopt;
    for (std::string_view seg : SplitSegments(lead)) meta.outlet = std::string(seg);
  } else if (!date) {
    // "Oleh Budi Santoso": a byline without a colon.
    if (!StartsWithByline(line, m)) return std::nullopt;
    std::vector<std::string> names = SplitNames(line.substr(m->bylines.end()));
    if (names.empty()) return std::nullopt;
    for (const std::string& n : names)
      if (!LooksLikeName(n, v)) return std::nullopt;
    meta.authors = std::move(names);
    meta.reason = "metadata:author";
    return meta;
  } else {
    meta.published = date->value;
    std::string_view before = lead.substr(0, date->begin);
    std::string_view after = lead.substr(date->end);
    bool glued = !after.empty() && after.front() != ' ' && IsLetterCp(FirstCp(after)) && labels.empty();
    if (!glued && labels.empty() && !after.empty()) {
      std::string_view rest = TrimSeps(after);
      glued = rest.size() > 40 && FindDateline(rest, v).has_value();
    }
    if (glued) {
      meta.end = date->end;
      after = {};
    } else if (long_line) {
      return std::nullopt;
    }
    if (!AcceptAroundDate(before, true, v, &meta) || !AcceptAroundDate(after, false, v, &meta))
      return std::nullopt;
    meta.reason = "metadata:date";
  }

  for (size_t i = 0; i < labels.size(); ++i) {
    size_t value_end = i + 1 < labels.size() ? labels[i + 1].begin : line.size();
    std::string_view value = TrimSeps(line.substr(labels[i].value_begin, value_end - labels[i].value_begin));
    if (value.empty()) return std::nullopt;
    std::optional<DateMatch> d = FindDate(value, v.dates);
    std::string_view names = value;
    if (d) {
      names = TrimSeps(value.substr(0, d->begin));
      std::string_view tail = TrimSeps(value.substr(d->end));
      if (Words(tail).size() > 4) return std::nullopt;
    }
    switch (labels[i].field) {
      case MetaField::kAuthor:
        if (!AppendNames(names, &meta.authors)) return std::nullopt;
        break;
      case MetaField::kEditor:
        if (!AppendNames(names, &meta.editors)) return std::nullopt;
        break;
      case MetaField::kSource:
        if (value.size() > 80 || Words(value).size() > 10) return std::nullopt;
        d.reset();  // "Sumber: Kompas, 21/1/2024" dates the source, not this article
        break;
      case MetaField::kDate:
      case MetaField::kUpdated:
        if (!d || !names.empty()) return std::nullopt;
        break;
    }
    if (d) {
      if (labels[i].field == MetaField::kUpdated) {
        if (!meta.updated) meta.updated = d->value;
      } else if (!meta.published) {
        meta.published = d->value;
      }
    }
    if (meta.reason.empty()) meta.reason = ReasonOf(labels[i].field);
  }
  if (meta.reason.empty()) return std::nullopt;
  return meta;
}

std::optional<Dateline> FindDateline(std::string_view text, const MetadataVocabulary& v, bool alone, bool caseless) {
  size_t limit = std::min<size_t>(text.size(), 72);
  for (size_t i = 1; i < limit; ++i) {
    size_t dash = DashAt(text, i);
    if (!dash) continue;
    // Only a dash after a space separates; "Deni-Muliya" does not.
    if (text[i - 1] != ' ') continue;
    size_t j = i + dash;
    // "--", "- -" (tokenised "--") and "—" all separate once.
    size_t k = j;
    while (k < text.size() && text[k] == ' ') ++k;
    if (size_t d2 = DashAt(text, k); d2 && (k == j || (k + d2 < text.size() && text[k + d2] == ' '))) j = k + d2;
    while (j < text.size() && text[j] == ' ') ++j;
    std::string_view rest = text.substr(j);
    char32_t first = FirstCp(rest);
    if (alone ? !rest.empty()
              : rest.size() < 20 || !(IsUpperCp(first) || (first >= '0' && first <= '9') || first == '"' ||
                                      first == U'\u201c' || first == '\'' || first == U'\u2018' ||
                                      (caseless && IsLetterCp(first))))
      return std::nullopt;
    std::string_view prefix = TrimSeps(text.substr(0, i));
    if (prefix.empty() || Utf8Length(prefix) > 40) return std::nullopt;
    Dateline d;
    d.body_begin = j;
    size_t open = prefix.find('(');
    if (open != std::string_view::npos) {
      size_t close = prefix.find(')', open);
      if (close == std::string_view::npos || close + 1 != prefix.size()) return std::nullopt;
      std::string_view inner = TrimSpace(prefix.substr(open + 1, close - open - 1));
      std::string_view outer = TrimSeps(prefix.substr(0, open));
      if (!ValidDatelineComponent(inner, caseless) || (!outer.empty() && !ValidDatelineComponent(outer, caseless)))
        return std::nullopt;
      d.outlet = std::string(inner);
      d.place = std::string(outer);
      return d;
    }
    std::vector<std::string_view> comps;
    size_t start = 0;
    while (start <= prefix.size()) {
      size_t comma = prefix.find(',', start);
      if (comma == std::string_view::npos) comma = prefix.size();
      std::string_view c = TrimSpace(prefix.substr(start, comma - start));
      if (!c.empty()) comps.push_back(c);
      start = comma + 1;
    }
    if (comps.empty() || comps.size() > 3) return std::nullopt;
    for (std::string_view c : comps)
      if (!ValidDatelineComponent(c, caseless) || (LetterCount(c) <= 2 && !IsPlace(c, v))) return std::nullopt;
    // Each component must be recognisably a place (known, or written in
    // capitals as datelines are) or an outlet (a domain, or a name with an
    // outlet word): "Paris Saint - Germain ..." is a sentence, not a dateline.
    auto place_like = [&](std::string_view c) { return IsPlace(c, v) || (IsAllCaps(c) && LetterCount(c) >= 3); };
    auto outlet_like = [&](std::string_view c) { return LooksLikeDomain(c) || HasOutletWord(c, v); };
    auto domain = std::find_if(comps.begin(), comps.end(), [](std::string_view c) { return LooksLikeDomain(c); });
    if (domain != comps.end()) {
      d.outlet = std::string(*domain);
      for (std::string_view c : comps)
        if (c.data() != domain->data()) {
          d.place = std::string(c);
          break;
        }
    } else if (comps.size() == 1) {
      if (place_like(comps[0])) d.place = std::string(comps[0]);
      else if (outlet_like(comps[0])) d.outlet = std::string(comps[0]);
      else return std::nullopt;
    } else if (comps.size() == 2) {
      std::string_view a = comps[0], b = comps[1];
      if (place_like(a) && !place_like(b)) d.place = std::string(a), d.outlet = std::string(b);
      else if (place_like(b) && !place_like(a)) d.outlet = std::string(a), d.place = std::string(b);
      else if (outlet_like(b)) d.place = std::string(a), d.outlet = std::string(b);
      else if (outlet_like(a)) d.outlet = std::string(a), d.place = std::string(b);
      else if (place_like(a)) d.place = std::string(a), d.outlet = std::string(b);  // "PYONGYANG, KCNA"
      else return std::nullopt;
    } else {
      auto outlet = std::find_if(comps.begin(), comps.end(), outlet_like);
      if (outlet == comps.end()) return std::nullopt;
      d.outlet = std::string(*outlet);
      d.place = std::string(comps.front().data() == outlet->data() ? comps[1] : comps[0]);
    }
    return d;
  }
  return std::nullopt;
}

}  // namespace warta::clean::internal
