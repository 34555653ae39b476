// Page metadata (see internal.h): title, dates, authors, editors, outlet,
// canonical URL.
//
// Each field has a ladder of sources, most explicit first: JSON-LD (what the
// publisher tells search engines), then <meta> (Dublin Core, Open Graph,
// article:*, name=author), then microdata and semantic elements (<time>,
// itemprop, rel=author), then visible text (credits "Penulis:"/"Editor:",
// the first byline element, datelines with Indonesian month names), then the
// URL. The first rung that yields a valid value wins; what a reader sees
// corrects a structured value in a few stated cases (a date-only value
// refined by a visible time, an author who is the credited editor, a
// headline shown with a rubric).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "core/ascii.h"
#include "core/datetime.h"
#include "html/internal.h"
#include "text/date_parse.h"
#include "text/lexicon.h"

namespace warta::html::internal {
namespace {

using json = nlohmann::json;

struct Facts {
  std::vector<std::pair<std::string, std::string>> meta;  // lower key -> content
  std::string canonical;
  std::string lang;
  std::string title_tag;
  std::vector<std::string> h1;
  std::vector<std::string> jsonld;
  std::vector<std::string> itemprop_published, itemprop_modified, itemprop_author, itemprop_editor;
  std::vector<std::string> time_datetime;   // <time datetime>, pubdate/published first
  std::vector<std::string> date_texts;      // text of date-ish elements
  std::vector<std::string> byline_texts;    // text of author-ish elements
  std::vector<std::string> credit_lines;    // "Penulis: X" lines
  std::vector<std::string> editor_lines;
  // Document-order positions (elements seen) of headings and of short texts
  // that carry a year: the dateline is the date text nearest the headline.
  std::vector<std::pair<int, std::string>> headings;
  std::vector<std::pair<int, std::string>> dated_texts;
};

bool HasYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) {
      if (std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
          (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
          (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]))))
        return true;
    }
  }
  return false;
}

std::string MetaValue(const Facts& f, std::string_view key) {
  for (const auto& [k, v] : f.meta) {
    if (k == key && !v.empty()) return v;
  }
  return "";
}


// A month name or abbreviation of the lexicon's one month table, any case,
// with a trailing '.' or ','.
bool IsMonthWord(std::string_view w, const text::DateVocabulary& dates) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
  if (w.empty() || w.size() > 12) return false;
  char lower[12];
  for (size_t i = 0; i < w.size(); ++i) lower[i] = AsciiLower(w[i]);
  return dates.months.count(std::string(lower, w.size())) > 0;
}

// `text` opens with `word` (any case) followed by ':', ' ' or nothing.
bool StartsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size() || !EqualsAsciiLower(text.substr(0, word.size()), word)) return false;
  if (text.size() == word.size()) return true;
  char c = text[word.size()];
  return c == ':' || c == ' ';
}

// `text` is a credit label for `word`: the word alone, or followed by a
// colon ("Editor: X", "Editor : X"), not by more words ("Editor Pick").
bool IsColonLabel(std::string_view text, std::string_view word) {
  if (!StartsWithWord(text, word)) return false;
  size_t i = word.size();
  while (i < text.size() && text[i] == ' ') ++i;
  return i == text.size() || text[i] == ':';
}

// "Penulis: Andi Saputra" -> "Andi Saputra".
std::string AfterLabel(std::string_view text) {
  size_t colon = text.find(':');
  std::string_view rest = colon != std::string_view::npos ? text.substr(colon + 1) : text;
  if (colon == std::string_view::npos) {
    size_t sp = text.find(' ');
    rest = sp == std::string_view::npos ? "" : text.substr(sp + 1);
  }
  return CollapseSpace(rest);
}

// The text that follows `n` in reading order, when a label stands alone
// ("Penulis:" in one cell or span, the name in the next): the next sibling
// with text, else the next sibling of the parent. Bounded: only short texts.
std::string NextText(xmlNodePtr n) {
  for (int level = 0; level < 2 && n; ++level, n = n->parent) {
    for (xmlNodePtr s = n->next; s; s = s->next) {
      if (s->type != XML_ELEMENT_NODE && s->type != XML_TEXT_NODE) continue;
      std::string t = TextOfBounded(s, 200);
      if (t.empty()) continue;
      return t.size() <= 120 ? t : std::string();
    }
  }
  return "";
}

// Leading ": " of a name in its own element ("<td>: Ervan Hardoko</td>").
std::string StripColon(std::string s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ':' || s[i] == ' ')) ++i;
  return s.substr(i);
}

// A short text node's content, trimmed, without copying: "" when it is only
// space (most text nodes of a page: the space between tags) or when it is
// longer than `max` bytes, which are not looked at past that.
std::string_view TrimmedShort(const xmlChar* content, size_t max) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  const char* b = reinterpret_cast<const char*>(content);
  while (*b && space(*b)) ++b;
  if (!*b) return {};
  const char* e = b;
  while (*e && static_cast<size_t>(e - b) <= max) ++e;
  if (*e) return {};
  while (e > b && space(e[-1])) --e;
  return std::string_view(b, static_cast<size_t>(e - b));
}

// The attributes Collect reads, found in one pass (views into the tree;
// empty when absent or when the value is not one text node).
struct Attrs {
  std::string_view cls, id, itemprop, rel, datetime, content;
  bool pubdate = false;
};

std::string_view View(xmlAttrPtr a) {
  if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
    return reinterpret_cast<const char*>(a->children->content);
  return {};
}

Attrs ReadAttrs(xmlNodePtr n) {
  Attrs at;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    switch (AttrNameOf(a->name)) {
      case AttrName::kClass: at.cls = View(a); break;
      case AttrName::kId: at.id = View(a); break;
      case AttrName::kItemprop: at.itemprop = View(a); break;
      case AttrName::kRel: at.rel = View(a); break;
      case AttrName::kDatetime: at.datetime = View(a); break;
      case AttrName::kContent: at.content = View(a); break;
      case AttrName::kPubdate: at.pubdate = true; break;
      default: break;
    }
  }
  return at;
}

// What a class/id says to the metadata walk.
enum ClassSays : uint32_t { kDateClass = 1, kBylineClass = 2, kHeadlineClass = 4 };

uint32_t ClassWords(std::string_view lower) {
  static const WordScanner scanner({
      {"date", kDateClass}, {"time", kDateClass}, {"tanggal", kDateClass}, {"publish", kDateClass},
      {"waktu", kDateClass}, {"author", kBylineClass}, {"byline", kBylineClass}, {"penulis", kBylineClass},
      {"reporter", kBylineClass}, {"headline", kHeadlineClass}, {"judul", kHeadlineClass},
      {"jdl", kHeadlineClass}, {"title", kHeadlineClass},
  });
  return scanner.Scan(lower);
}

// Credit labels in visible text: who wrote the story and who edited it.
constexpr std::string_view kAuthorLabels[] = {"penulis", "reporter", "pewarta", "oleh"};
constexpr std::string_view kEditorLabels[] = {"editor", "penyunting", "redaktur"};

void Collect(htmlDocPtr doc, Facts* f) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return;
  f->lang = Attr(root, "lang");
  if (f->lang.empty()) f->lang = Attr(root, "xml:lang");
  xmlNodePtr n = root;
  int pos = 0;
  std::string cls;  // lower-cased "class id" of the current element, reused
  while (n) {
    bool skip = false;
    if (n->type == XML_ELEMENT_NODE) {
      ++pos;
      const uint8_t t = KindOf(n).code;
      if ((t == kH1 || t == kH2) && f->headings.size() < 200) f->headings.emplace_back(pos, TextOf(n));
      if (t == kMeta) {
        std::string key = Attr(n, "property");
        if (key.empty()) key = Attr(n, "name");
        if (key.empty()) key = Attr(n, "itemprop");
        // RDFa allows several properties in one attribute ("dc:creator og:author").
        const std::string keys = Lower(CollapseSpace(key));
        const std::string content = CollapseSpace(Attr(n, "content"));
        for (size_t b = 0; b < keys.size();) {
          size_t e = keys.find(' ', b);
          if (e == std::string::npos) e = keys.size();
          f->meta.emplace_back(keys.substr(b, e - b), content);
          b = e + 1;
        }
        std::string ip = Lower(Attr(n, "itemprop"));
        if (ip == "datepublished") f->itemprop_published.push_back(Attr(n, "content"));
        if (ip == "datemodified") f->itemprop_modified.push_back(Attr(n, "content"));
      } else if (t == kLink) {
        std::string rel = Lower(Attr(n, "rel"));
        if (rel == "canonical" && f->canonical.empty()) f->canonical = CollapseSpace(Attr(n, "href"));
      } else if (t == kTitle) {
        if (f->title_tag.empty()) f->title_tag = TextOf(n);
        skip = true;
      } else if (t == kScript) {
        if (Lower(Attr(n, "type")).find("ld+json") != std::string::npos) {
          xmlChar* c = xmlNodeGetContent(n);
          if (c) f->jsonld.emplace_back(reinterpret_cast<const char*>(c));
          xmlFree(c);
        }
        skip = true;
      } else if (t == kStyle || t == kNoscript || t == kTemplate) {
        skip = true;
      } else {
        if (t == kH1 && f->h1.size() < 4) f->h1.push_back(TextOf(n));
        if (n->properties) {
          const Attrs at = ReadAttrs(n);
          if (!at.itemprop.empty()) {
            if (EqualsAsciiLower(at.itemprop, "datepublished")) {
              std::string v(at.content);
              if (v.empty()) v = at.datetime;
              if (v.empty()) v = TextOf(n);
              f->itemprop_published.push_back(v);
            } else if (EqualsAsciiLower(at.itemprop, "datemodified")) {
              std::string v(at.content);
              if (v.empty()) v = at.datetime;
              f->itemprop_modified.push_back(v);
            } else if (EqualsAsciiLower(at.itemprop, "author") || EqualsAsciiLower(at.itemprop, "creator")) {
              std::string v(at.content);
              if (v.empty()) v = TextOf(n);
              f->itemprop_author.push_back(v);
            } else if (EqualsAsciiLower(at.itemprop, "editor")) {
              std::string v(at.content);
              if (v.empty()) v = TextOf(n);
              f->itemprop_editor.push_back(v);
            }
          }
          if (t == kTime && !at.datetime.empty()) {
            cls = Lower(std::string(at.cls) + " " + std::string(at.id));
            bool pub = at.pubdate || cls.find("publish") != std::string::npos;
            if (pub) f->time_datetime.insert(f->time_datetime.begin(), std::string(at.datetime));
            else f->time_datetime.emplace_back(at.datetime);
          }
          if (t == kA && EqualsAsciiLower(at.rel, "author")) f->byline_texts.push_back(TextOf(n));
          if (!at.cls.empty() || !at.id.empty()) {
            cls.assign(at.cls);
            cls.push_back(' ');
            cls.append(at.id);
            for (char& c : cls) c = AsciiLower(c);
            // Headlines outside <h1>/<h2> ("judul", "headline", "title"
            // blocks) anchor the dateline search too.
            const uint32_t says = ClassWords(cls);
            if (f->headings.size() < 200 && t != kH1 && t != kH2 && (says & kHeadlineClass)) {
              std::string text = TextOfBounded(n, 400);
              if (text.size() >= 10 && text.size() < 300) f->headings.emplace_back(pos, std::move(text));
            }
            if (f->date_texts.size() < 20 && (says & kDateClass)) {
              std::string text = TextOfBounded(n, 400);
              if (!text.empty() && text.size() < 200) f->date_texts.push_back(text);
            }
            if (f->byline_texts.size() < 20 && (says & kBylineClass)) {
              std::string text = TextOfBounded(n, 400);
              if (!text.empty() && text.size() < 120) f->byline_texts.push_back(text);
            }
          }
        }
      }
    } else if (n->type == XML_TEXT_NODE && n->content) {
      // Credits and datelines are short; a long text node is article text.
      // (Trailing space past 320 bytes is not trimmed: such a node is skipped.)
      std::string_view raw = TrimmedShort(n->content, 320);
      if (!raw.empty() && raw.size() < 160) {
        const bool year = raw.size() >= 8 && HasYear(raw);
        const char c0 = AsciiLower(raw[0]);
        // Labels start with these letters (or a no-break space CollapseSpace drops).
        if (year || c0 == 'p' || c0 == 'r' || c0 == 'o' || c0 == 'e' || c0 == '\xC2') {
          std::string text = CollapseSpace(raw);
          if (year && text.size() >= 8 && f->dated_texts.size() < 4000) f->dated_texts.emplace_back(pos, text);
          bool author = false, editor = false;
          for (std::string_view w : kAuthorLabels) author = author || StartsWithWord(text, w);
          for (std::string_view w : kEditorLabels) editor = editor || IsColonLabel(text, w);
          if (author) {
            // "Penulis:" alone: the name is in the next element.
            std::string name = AfterLabel(text);
            if (name.empty()) name = StripColon(NextText(n));
            if (!name.empty()) f->credit_lines.push_back(name);
          } else if (editor) {
            // A colon must say it is a credit ("Editor: X", or "Editor" in
            // one cell and ": X" in the next); a bare "Editor" is a job
            // title in a staff list.
            std::string name = AfterLabel(text);
            if (name.empty()) {
              std::string next = NextText(n);
              if (text.find(':') != std::string::npos || (!next.empty() && next[0] == ':'))
                name = StripColon(std::move(next));
            }
            if (!name.empty()) f->editor_lines.push_back(name);
          }
        }
      }
    }
    if (!skip && n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
}

// ---- JSON-LD ----------------------------------------------------------------------

struct LdFacts {
  std::string headline, name, published, modified, publisher;
  std::vector<std::string> authors, editors;
};

bool IsArticleType(const json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto is = [](const json& v) {
    if (!v.is_string()) return false;
    std::string s = v.get<std::string>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "WebPage" ||
           s == "Report" || s == "LiveBlogPosting" || s == "SocialMediaPosting";
  };
  if (it->is_array()) {
    for (const json& v : *it) {
      if (is(v)) return true;
    }
    return false;
  }
  return is(*it);
}

std::string StringOf(const json& v) {
  if (v.is_string()) return CollapseSpace(v.get<std::string>());
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return CollapseSpace(it->get<std::string>());
  }
  if (v.is_array() && !v.empty()) return StringOf(v.front());
  return "";
}

void NamesOf(const json& v, std::vector<std::string>* out) {
  if (v.is_array()) {
    for (const json& e : v) {
      std::string s = StringOf(e);
      if (!s.empty()) out->push_back(s);
    }
  } else {
    std::string s = StringOf(v);
    if (!s.empty()) out->push_back(s);
  }
}

// The JSON inside a script, without the wrappers old templates put around
// it for XHTML parsers ("<![CDATA[ ... ]]>", "//<![CDATA[", "<!-- ... -->").
std::string_view UnwrapScript(std::string_view s) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    return v;
  };
  s = trim(s);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"}) {
      if (s.substr(0, open.size()) == open) {
        s = trim(s.substr(open.size()));
        changed = true;
      }
    }
    for (std::string_view close : {"//]]>", "]]>", "//-->", "-->"}) {
      if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
        s = trim(s.substr(0, s.size() - close.size()));
        changed = true;
      }
    }
  }
  return s;
}

void ReadJsonLd(const std::vector<std::string>& scripts, LdFacts* ld) {
  for (const std::string& script : scripts) {
    std::string_view text = UnwrapScript(script);
    json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) continue;
    // Article objects can sit at the top, in arrays or in "@graph"; walk
    // with an explicit stack (JSON from the web can nest arbitrarily).
    std::vector<const json*> stack{&root};
    int visited = 0;
    while (!stack.empty() && ++visited < 10000) {
      const json* v = stack.back();
      stack.pop_back();
      if (v->is_array()) {
        for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back(&*it);
        continue;
      }
      if (!v->is_object()) continue;
      if (IsArticleType(*v)) {
        auto get = [&](const char* key) -> std::string {
          auto it = v->find(key);
          return it == v->end() ? "" : StringOf(*it);
        };
        if (ld->headline.empty()) ld->headline = get("headline");
        if (ld->name.empty()) ld->name = get("name");
        if (ld->published.empty()) ld->published = get("datePublished");
        if (ld->modified.empty()) ld->modified = get("dateModified");
        if (ld->authors.empty()) {
          auto it = v->find("author");
          if (it != v->end()) NamesOf(*it, &ld->authors);
        }
        if (ld->publisher.empty()) ld->publisher = get("publisher");
        if (ld->editors.empty()) {
          auto it = v->find("editor");
          if (it != v->end()) NamesOf(*it, &ld->editors);
        }
      }
      auto g = v->find("@graph");
      if (g != v->end()) stack.push_back(&*g);
      auto m = v->find("mainEntity");
      if (m != v->end()) stack.push_back(&*m);
    }
  }
}

// ---- values -----------------------------------------------------------------------

std::optional<DateTime> ParseDate(std::string_view s, const text::DateVocabulary& dates) {
  std::string t = CollapseSpace(s);
  if (t.empty()) return std::nullopt;
  if (auto d = DateTime::ParseIso(t)) return d;
  // Unix seconds or milliseconds.
  if (t.size() >= 9 && t.size() <= 13 && std::all_of(t.begin(), t.end(), ::isdigit)) {
    int64_t v = std::stoll(t);
    if (t.size() == 13) v /= 1000;
    DateTime d = DateTime::FromUnixSeconds(v);
    if (d.year >= 1995 && d.year <= 2100) return d;
  }
  auto d = text::ParsePublicationDate(t, dates);
  if (d && d->year >= 1990 && d->year <= 2100) return d;
  return std::nullopt;
}

std::string Host(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view rest = url.substr(p + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host = Lower(rest.substr(0, end));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::string AlnumLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
    else if (u >= 0x80) out.push_back(c);
  }
  return out;
}

// The registrable-looking label of a host: "regional.kompas.com" -> "kompas".
std::string HostLabel(std::string_view host) {
  std::vector<std::string> labels;
  size_t i = 0;
  while (i <= host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    labels.emplace_back(host.substr(i, j - i));
    i = j + 1;
  }
  // Skip public suffix parts: "co.id", "com", "or.id", "go.id", "ac.id".
  while (labels.size() > 1) {
    const std::string& l = labels.back();
    if (l.size() <= 3 || l == "info" || l == "news") labels.pop_back();
    else break;
  }
  return labels.empty() ? "" : labels.back();
}

bool NamesSite(std::string_view part, std::string_view site, std::string_view host) {
  std::string p = AlnumLower(part);
  if (p.empty()) return false;
  std::string s = AlnumLower(site);
  if (!s.empty() && (p == s || p.find(s) != std::string::npos || s.find(p) != std::string::npos))
    return true;
  std::string label = HostLabel(host);
  if (label.size() >= 3 && p.find(AlnumLower(label)) != std::string::npos) return true;
  std::string h = AlnumLower(host);
  return !h.empty() && p.size() >= 4 && h.find(p) != std::string::npos;
}

int WordCount(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// Words that join a byline to its date ("Dan Goodin - Apr 16", "X on
// March 3", "X • 8h"), left over once the date is cut.
bool IsBylineGlue(std::string_view w, const text::DateVocabulary& dates) {
  static constexpr std::string_view kGlue[] = {"-", "|", "•", "·", "–", "—", "/", "on", "at", "pada", "updated",
                                               "published", "diperbarui", "posted", ",", ":"};
  for (std::string_view g : kGlue) {
    if (EqualsAsciiLower(w, g)) return true;
  }
  return IsMonthWord(w, dates);
}

// A byline element often carries the date too: the name ends at the first
// word with a digit, less the month and separators before it.
std::string CutDateTail(const std::string& name, const text::DateVocabulary& dates) {
  std::vector<std::string_view> words;
  std::string_view rest = name;
  while (!rest.empty()) {
    size_t sp = rest.find(' ');
    std::string_view w = rest.substr(0, sp);
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) break;
    words.push_back(w);
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  if (words.size() == 0) return "";
  while (!words.empty() && IsBylineGlue(words.back(), dates)) words.pop_back();
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  // A trailing comma or dash glued to the last word.
  while (!out.empty() && (out.back() == ',' || out.back() == '-' || out.back() == ':')) out.pop_back();
  return out;
}

// "blog.example.com", "www.example.org": a host, not a person.
bool LooksLikeHost(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || s.size() - dot - 1 < 2) return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(dot) + 1, s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::string CleanName(std::string name, const text::DateVocabulary& dates) {
  name = CollapseSpace(name);
  for (std::string_view prefix : {"posted by ", "written by ", "by ", "by:", "oleh ", "oleh:", "penulis ",
                                  "penulis:", "reporter:", "reporter ", "pewarta:", "pewarta ", "por ", "par "}) {
    if (Lower(name).rfind(prefix, 0) == 0) name = CollapseSpace(name.substr(prefix.size()));
  }
  if (!name.empty() && name[0] == ':') name = CollapseSpace(name.substr(1));
  if (name.find("http") != std::string::npos || name.find('@') != std::string::npos) return "";
  // "Kontributor Lhokseumawe, Masriadi": the role and its place or outlet
  // come before the name, as a part of their own.
  for (std::string_view role : {"kontributor ", "koresponden ", "wartawan ", "jurnalis "}) {
    if (name.size() > role.size() && EqualsAsciiLower(std::string_view(name).substr(0, role.size()), role)) return "";
  }
  name = CutDateTail(name, dates);
  if (EqualsAsciiLower(name, "by") || LooksLikeHost(name)) return "";
  if (name.size() > 80 || name.empty()) return "";
  return name;
}

std::vector<std::string> SplitNames(const std::string& s, const text::DateVocabulary& dates) {
  std::vector<std::string> out;
  std::string cur;
  std::string l = s;
  // "Written by A Edited by B": the editor's credit is not a byline.
  for (std::string_view editing : {" edited by ", " disunting oleh "}) {
    size_t p = Lower(l).find(editing);
    if (p != std::string::npos) l.resize(p);
  }
  // separators: ',', ';', '&', '|', " dan ", " and "
  size_t i = 0;
  while (i < l.size()) {
    std::string_view rest = std::string_view(l).substr(i);
    size_t skip = 0;
    if (rest[0] == ',' || rest[0] == ';' || rest[0] == '&' || rest[0] == '|' || rest[0] == '/') skip = 1;
    else if (Lower(rest.substr(0, 5)) == " dan ") skip = 5;
    else if (Lower(rest.substr(0, 5)) == " and ") skip = 5;
    if (skip) {
      std::string name = CleanName(cur, dates);
      if (!name.empty()) out.push_back(name);
      cur.clear();
      i += skip;
      continue;
    }
    cur.push_back(l[i++]);
  }
  std::string name = CleanName(cur, dates);
  if (!name.empty()) out.push_back(name);
  return out;
}

bool SameName(const std::string& a, const std::string& b) { return AlnumLower(a) == AlnumLower(b); }

void AddNames(const std::vector<std::string>& raw, const text::DateVocabulary& dates, std::vector<std::string>* out) {
  for (const std::string& r : raw) {
    // A profile URL ("https://www.facebook.com/jane") names no one.
    std::string v = CollapseSpace(r);
    if (v.find("://") != std::string::npos || Lower(v).rfind("www.", 0) == 0) continue;
    for (std::string& n : SplitNames(v, dates)) {
      if (std::none_of(out->begin(), out->end(), [&](const std::string& o) { return SameName(o, n); }))
        out->push_back(std::move(n));
    }
  }
}

// "Editor: X" / "Redaktur : X" (the credit of an editor, not a byline).
bool IsEditorCredit(std::string_view text) {
  for (std::string_view w : kEditorLabels) {
    if (!StartsWithWord(text, w)) continue;
    size_t i = w.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i < text.size() && text[i] == ':') return true;
  }
  return false;
}

std::string Absolute(std::string_view href, std::string_view base) {
  std::string h = CollapseSpace(href);
  if (h.empty()) return "";
  if (h.find("://") != std::string::npos) return h;
  if (h.rfind("//", 0) == 0) {
    size_t p = base.find("://");
    return std::string(p == std::string_view::npos ? "https:" : base.substr(0, p + 1)) + h;
  }
  size_t p = base.find("://");
  if (p == std::string_view::npos) return "";
  size_t root = base.find('/', p + 3);
  std::string origin(base.substr(0, root));
  if (h[0] == '/') return origin + h;
  std::string dir(root == std::string_view::npos ? origin + "/" : std::string(base.substr(0, base.rfind('/') + 1)));
  return dir + h;
}

// The date text nearest the headline (after it counts closer than before),
// preferring one with a time of day.
std::optional<DateTime> VisibleDateline(const Facts& f, const std::string& title, const text::DateVocabulary& dates) {
  // The headline can appear more than once (a "most read" list repeats it):
  // each copy is a candidate anchor, and a date's distance is to the
  // nearest copy.
  std::vector<int> title_pos;
  std::string t = AlnumLower(title);
  for (const auto& [pos, text] : f.headings) {
    std::string h = AlnumLower(text);
    if (!h.empty() && !t.empty() && (h == t || (h.size() > 10 && (t.find(h) != std::string::npos || h.find(t) != std::string::npos))))
      title_pos.push_back(pos);
  }
  if (title_pos.empty()) return std::nullopt;
  std::vector<std::pair<int, const std::string*>> near;
  for (const auto& [pos, text] : f.dated_texts) {
    int d = 1 << 30;
    for (int tp : title_pos) d = std::min(d, pos >= tp ? pos - tp : 2 * (tp - pos));
    if (d <= 300) near.emplace_back(d, &text);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::optional<DateTime> first;
  int tried = 0;
  for (const auto& [d, text] : near) {
    if (++tried > 12) break;
    auto dt = text::ParsePublicationDate(*text, dates);
    if (!dt || dt->year < 1990 || dt->year > 2100) continue;
    if (dt->has_time) return dt;
    if (!first) first = dt;
  }
  return first;
}

bool LooksLikeName(std::string_view s) {
  bool word_start = true;
  for (char c : s) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start && std::islower(static_cast<unsigned char>(c))) return false;
    word_start = false;
  }
  return !s.empty();
}

}  // namespace

std::string TrimTitleSuffix(std::string_view title_in, std::string_view site_name, std::string_view host) {
  std::string title = CollapseSpace(title_in);
  static constexpr std::string_view kSeps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " • ", " · "};
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    // Suffix: "Title - Outlet".
    size_t best = std::string::npos, best_len = 0;
    for (std::string_view sep : kSeps) {
      size_t p = title.rfind(sep);
      if (p != std::string::npos && (best == std::string::npos || p > best)) {
        best = p;
        best_len = sep.size();
      }
    }
    if (best != std::string::npos && best > 0) {
      std::string head = title.substr(0, best);
      std::string tail = title.substr(best + best_len);
      if (NamesSite(tail, site_name, host) && WordCount(head) >= 2) {
        title = head;
        changed = true;
      } else if (round == 0 && site_name.empty() && host.empty() && LooksLikeName(tail) &&
                 WordCount(tail) <= 3 && WordCount(head) >= 4) {
        // Nothing to compare with: a short capitalised tail after a long
        // headline is the outlet's name.
        title = head;
        changed = true;
      }
    }
    // Prefix: "Outlet | Title".
    if (!changed) {
      size_t first = std::string::npos, first_len = 0;
      static constexpr std::string_view kPrefixSeps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " • ", " · ", ": "};
      for (std::string_view sep : kPrefixSeps) {
        size_t p = title.find(sep);
        if (p != std::string::npos && (first == std::string::npos || p < first)) {
          first = p;
          first_len = sep.size();
        }
      }
      if (first != std::string::npos) {
        std::string head = title.substr(0, first);
        std::string tail = title.substr(first + first_len);
        if (NamesSite(head, site_name, host) && WordCount(tail) >= 2) {
          title = tail;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return title;
}

bool IsCreditLine(std::string_view text, const ExtractedPage& page, const text::DateVocabulary& dates) {
  if (text.size() > 120) return false;
  std::string_view rest = text;
  bool labelled = false;
  for (std::string_view w : {"penulis", "reporter", "pewarta", "editor", "penyunting", "redaktur"}) {
    if (!StartsWithWord(rest, w)) continue;
    rest.remove_prefix(w.size());
    labelled = true;
    break;
  }
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
  // A label alone ("Penulis", "Editor :"): its name is in the next cell.
  if (rest.empty()) return labelled;
  // ": Name" or "Label: Name" naming someone the metadata credits.
  if (!labelled && text.front() != ':') return false;
  // Every name of the credit ("Kontributor Lhokseumawe, Masriadi" names one:
  // a role and its place come first) is one the metadata holds.
  auto credited = [&](const std::string& name) {
    auto same = [&](const std::string& n) { return SameName(n, name); };
    return std::any_of(page.authors.begin(), page.authors.end(), same) ||
           std::any_of(page.editors.begin(), page.editors.end(), same);
  };
  const std::vector<std::string> names = SplitNames(std::string(rest), dates);
  return !names.empty() && std::all_of(names.begin(), names.end(), credited);
}

std::string DateFromUrl(std::string_view url) {
  // /2017/03/27/ or /2017/3/27/ or /20170327/ in the path.
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return "";
  std::string_view path = url.substr(start);
  std::vector<std::string> segs;
  size_t i = 1;
  while (i < path.size()) {
    size_t j = path.find_first_of("/?#", i);
    if (j == std::string_view::npos) j = path.size();
    segs.emplace_back(path.substr(i, j - i));
    if (j < path.size() && path[j] != '/') break;
    i = j + 1;
  }
  auto num = [](const std::string& s, int lo, int hi, size_t maxlen) -> int {
    if (s.empty() || s.size() > maxlen || !std::all_of(s.begin(), s.end(), ::isdigit)) return -1;
    int v = std::stoi(s);
    return v >= lo && v <= hi ? v : -1;
  };
  for (size_t k = 0; k + 2 < segs.size() + 0; ++k) {
    int y = segs[k].size() == 4 ? num(segs[k], 1995, 2100, 4) : -1;
    if (y < 0) continue;
    int m = num(segs[k + 1], 1, 12, 2);
    int d = num(segs[k + 2], 1, 31, 2);
    if (m > 0 && d > 0 && d <= DaysInMonth(y, m)) {
      DateTime dt{y, m, d};
      return dt.ToIso();
    }
  }
  for (const std::string& s : segs) {
    if (s.size() == 8 && std::all_of(s.begin(), s.end(), ::isdigit)) {
      int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(4, 2)), d = std::stoi(s.substr(6, 2));
      if (y >= 1995 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
        DateTime dt{y, m, d};
        return dt.ToIso();
      }
    }
  }
  return "";
}

namespace {

// The steps of ExtractMetadata, in the order it takes them: each reads the
// facts collected from the page and what earlier steps decided.

// Fills page->canonical_url and page->url; returns the host the page is on.
std::string DecideUrls(const Facts& f, const PageContext& ctx, ExtractedPage* page) {
  std::string canonical = f.canonical;
  if (canonical.empty()) canonical = MetaValue(f, "og:url");
  page->canonical_url = Absolute(canonical, ctx.url.empty() ? canonical : ctx.url);
  page->url = !ctx.url.empty() ? ctx.url : page->canonical_url;
  std::string host = Host(page->url.empty() ? page->canonical_url : page->url);
  if (host.empty()) host = Host(page->canonical_url);
  return host;
}

// The site's own name for itself, "" when the page gives none.
std::string SiteName(const Facts& f, const LdFacts& ld) {
  std::string site = MetaValue(f, "og:site_name");
  if (site.empty()) site = ld.publisher;
  if (site.empty()) site = MetaValue(f, "application-name");
  return site;
}

std::string DecideTitle(const Facts& f, const LdFacts& ld, const std::string& site, const std::string& host) {
  std::string title;
  // Some publishers put a description in the JSON-LD headline and the
  // headline in its name: the <title> says which one is the title.
  std::string ld_title = ld.headline;
  if (!ld.name.empty() && !f.title_tag.empty()) {
    const std::string tag = AlnumLower(f.title_tag);
    auto in_tag = [&](const std::string& v) {
      std::string a = AlnumLower(v);
      return !a.empty() && tag.find(a) != std::string::npos;
    };
    if (!in_tag(ld.headline) && in_tag(ld.name)) ld_title = ld.name;
  }
  // Dublin Core is set on purpose (Readability's precedence); Open Graph
  // and JSON-LD are the common case.
  for (const std::string& cand : {MetaValue(f, "dc:title"), MetaValue(f, "dcterm:title"), MetaValue(f, "og:title"),
                                  ld_title, MetaValue(f, "twitter:title")}) {
    if (!cand.empty()) {
      title = TrimTitleSuffix(cand, site, host);
      break;
    }
  }
  std::string tag_title = TrimTitleSuffix(f.title_tag, site, host);
  if (title.empty()) {
    // An <h1> the <title> agrees with is the headline (not the logo's <h1>).
    for (const std::string& h : f.h1) {
      if (h.size() >= 10 && !f.title_tag.empty() &&
          AlnumLower(f.title_tag).find(AlnumLower(h)) != std::string::npos) {
        title = h;
        break;
      }
    }
  }
  if (title.empty()) title = tag_title;
  if (title.empty() && !f.h1.empty()) title = f.h1.front();
  // The headline as the page shows it may carry a rubric the metadata
  // leaves out ("In Picture: X", "VIDEO: X"); the shown one is the title.
  if (!title.empty()) {
    const std::string key = AlnumLower(title);
    for (const auto& [pos, shown] : f.headings) {
      size_t colon = shown.find(": ");
      if (colon == std::string::npos || colon == 0 || WordCount(shown.substr(0, colon)) > 3 ||
          NamesSite(shown.substr(0, colon), site, host))
        continue;
      if (AlnumLower(shown.substr(colon + 2)) == key) {
        title = shown;
        break;
      }
    }
  }
  return title;
}

// The first of `cands` that parses as a date.
std::optional<DateTime> FirstDate(std::initializer_list<std::string> cands, const text::DateVocabulary& dates) {
  for (const std::string& c : cands) {
    if (auto d = ParseDate(c, dates)) return d;
  }
  return std::nullopt;
}

// The dates a reader sees refine a date-only value (same day, with a time)
// and correct a zone (same wall clock, explicit zone): CMSs often stamp
// local time with "Z".
void RefineWithVisibleDates(const Facts& f, const std::optional<DateTime>& visible, const text::DateVocabulary& dates,
                            DateTime* published) {
  std::vector<DateTime> seen;
  if (visible) seen.push_back(*visible);
  for (size_t i = 0; i < f.date_texts.size() && i < 20; ++i) {
    auto d = text::ParsePublicationDate(f.date_texts[i], dates);
    if (d && d->has_time) seen.push_back(*d);
  }
  for (const DateTime& v : seen) {
    if (!v.has_time || v.year != published->year || v.month != published->month || v.day != published->day)
      continue;
    bool same_clock = published->has_time && published->hour == v.hour && published->minute == v.minute;
    if (!published->has_time ||
        (same_clock && v.has_offset && (!published->has_offset || published->offset_minutes != v.offset_minutes))) {
      *published = v;
      break;
    }
  }
}

// The publication date: structured metadata first, then what the page shows,
// then the URL, then the context's fallback.
std::optional<DateTime> DecidePublished(const Facts& f, const LdFacts& ld, const std::string& title,
                                        const std::string& url, const PageContext& ctx,
                                        const text::DateVocabulary& dates) {
  std::optional<DateTime> published = FirstDate({ld.published, MetaValue(f, "article:published_time"), MetaValue(f, "og:article:published_time"),
       MetaValue(f, "datepublished"), MetaValue(f, "article:published"), MetaValue(f, "publishdate"),
       MetaValue(f, "publish-date"), MetaValue(f, "pubdate"), MetaValue(f, "parsely-pub-date"),
       MetaValue(f, "sailthru.date"), MetaValue(f, "dc.date.issued"), MetaValue(f, "dc.date"),
       MetaValue(f, "dcterms.created"), MetaValue(f, "date"), MetaValue(f, "content_publisheddate"),
       MetaValue(f, "publisheddate"), MetaValue(f, "createdate")}, dates);
  if (!published) {
    for (const auto& [k, v] : f.meta) {
      if ((k.find("publish") != std::string::npos || k.find("pubdate") != std::string::npos) &&
          (published = ParseDate(v, dates)))
        break;
    }
  }
  if (!published) {
    for (const std::string& v : f.itemprop_published) {
      if ((published = ParseDate(v, dates))) break;
    }
  }
  if (!published) {
    for (const std::string& v : f.time_datetime) {
      if ((published = ParseDate(v, dates))) break;
    }
  }
  std::optional<DateTime> visible = VisibleDateline(f, title, dates);
  if (!published) published = visible;
  if (!published) {
    for (const std::string& v : f.date_texts) {
      if ((published = ParseDate(v, dates))) break;
    }
  }
  std::string url_date = DateFromUrl(url);
  if (!published && !url_date.empty()) published = DateTime::ParseIso(url_date);
  if (published) RefineWithVisibleDates(f, visible, dates, &*published);
  if (!published && !ctx.fallback_date.empty()) published = ParseDate(ctx.fallback_date, dates);
  return published;
}

std::optional<DateTime> DecideModified(const Facts& f, const LdFacts& ld, const text::DateVocabulary& dates) {
  std::optional<DateTime> modified =
      FirstDate({ld.modified, MetaValue(f, "article:modified_time"), MetaValue(f, "og:updated_time"),
                 MetaValue(f, "datemodified"), MetaValue(f, "last-modified"), MetaValue(f, "dcterms.modified")}, dates);
  if (!modified) {
    for (const std::string& v : f.itemprop_modified) {
      if ((modified = ParseDate(v, dates))) break;
    }
  }
  return modified;
}

// Drops the names that are the outlet or the host (no person), and keeps at
// most eight.
void DropSiteNames(const std::string& outlet, const std::string& host, std::vector<std::string>* names) {
  names->erase(std::remove_if(names->begin(), names->end(),
                              [&](const std::string& n) {
                                return AlnumLower(n) == AlnumLower(outlet) || AlnumLower(n) == AlnumLower(host);
                              }),
               names->end());
  if (names->size() > 8) names->resize(8);
}

// Editors: the same ladder as authors (JSON-LD, microdata, "Editor:" credits).
std::vector<std::string> DecideEditors(const Facts& f, const LdFacts& ld, const std::string& outlet,
                                       const std::string& host, const text::DateVocabulary& dates) {
  std::vector<std::string> editors;
  AddNames(ld.editors, dates, &editors);
  if (editors.empty()) AddNames(f.itemprop_editor, dates, &editors);
  if (editors.empty()) AddNames(f.editor_lines, dates, &editors);
  DropSiteNames(outlet, host, &editors);
  return editors;
}

std::vector<std::string> DecideAuthors(const Facts& f, const LdFacts& ld, const std::vector<std::string>& editors,
                                       const std::string& outlet, const std::string& host,
                                       const text::DateVocabulary& dates) {
  std::vector<std::string> authors;
  AddNames(ld.authors, dates, &authors);
  // The first <meta> that names someone, Dublin Core first (it is set on
  // purpose; "author" is often a template default).
  for (const char* key : {"dc:creator", "dcterm:creator", "dc.creator", "author", "article:author",
                          "sailthru.author", "parsely-author", "content_author", "byl"}) {
    if (!authors.empty()) break;
    std::string v = MetaValue(f, key);
    if (!v.empty()) AddNames({v}, dates, &authors);
  }
  if (authors.empty()) AddNames(f.itemprop_author, dates, &authors);
  // What a reader sees: "Penulis:" credits, else the first byline element
  // (later ones are comment authors, related stories, staff lists).
  std::vector<std::string> credits, bylines;
  AddNames(f.credit_lines, dates, &credits);
  for (const std::string& b : f.byline_texts) {
    // A credit names a few people; a dozen words is a menu or a bio.
    if (IsEditorCredit(b) || WordCount(b) > 12) continue;
    AddNames({b}, dates, &bylines);
    if (!bylines.empty()) break;
  }
  if (authors.empty()) authors = credits.empty() ? bylines : credits;
  // Templates that fill the structured author with the desk editor or the
  // publishing company ("Kompas Cyber Media"). When every author is a
  // credited editor and a visible credit or byline names someone else, that
  // one is the author. When an author names the site, only an explicit
  // "Penulis:" credit replaces it (a byline-classed element can be a photo
  // credit).
  auto is_editor = [&](const std::string& a) {
    return std::any_of(editors.begin(), editors.end(), [&](const std::string& e) { return SameName(a, e); });
  };
  auto names_site = [&](const std::string& a) { return NamesSite(a, "", host); };
  auto weak = [&](const std::string& a) { return is_editor(a) || names_site(a); };
  if (!authors.empty() && std::all_of(authors.begin(), authors.end(), weak)) {
    const bool org = std::any_of(authors.begin(), authors.end(), names_site);
    std::vector<std::string> others;
    for (const std::string& v : credits.empty() && !org ? bylines : credits) {
      if (!weak(v)) others.push_back(v);
    }
    if (!others.empty()) authors = std::move(others);
  }
  // An outlet named as author ("Kompas.com") is no person.
  DropSiteNames(outlet, host, &authors);
  return authors;
}

}  // namespace

void ExtractMetadata(htmlDocPtr doc, const PageContext& ctx, const text::DateVocabulary& dates, ExtractedPage* page) {
  Facts f;
  Collect(doc, &f);
  LdFacts ld;
  ReadJsonLd(f.jsonld, &ld);

  const std::string host = DecideUrls(f, ctx, page);
  const std::string site = SiteName(f, ld);
  page->outlet = site.empty() ? host : site;
  page->title = DecideTitle(f, ld, site, host);
  std::optional<DateTime> published =
      DecidePublished(f, ld, page->title, page->url.empty() ? page->canonical_url : page->url, ctx, dates);
  page->published = published ? published->ToIso() : "";
  std::optional<DateTime> modified = DecideModified(f, ld, dates);
  page->modified = modified ? modified->ToIso() : "";
  std::vector<std::string> editors = DecideEditors(f, ld, page->outlet, host, dates);
  page->authors = DecideAuthors(f, ld, editors, page->outlet, host, dates);
  page->editors = std::move(editors);
  page->language = f.lang;  // decided against the text by the caller
}

}  // namespace warta::html::internal
