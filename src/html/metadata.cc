// Page metadata (see internal.h): title, dates, authors, outlet, canonical URL.
//
// Each field has a ladder of sources, most explicit first: JSON-LD (what the
// publisher tells search engines), then <meta> (Open Graph, article:*,
// Dublin Core, name=author), then microdata and semantic elements (<time>,
// itemprop, rel=author), then visible text (bylines "Penulis:", datelines
// with Indonesian month names), then the URL. The first rung that yields a
// valid value wins.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "core/datetime.h"
#include "html/internal.h"

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
  std::vector<std::string> itemprop_published, itemprop_modified, itemprop_author;
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

bool StartsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  if (Lower(text.substr(0, word.size())) != word) return false;
  if (text.size() == word.size()) return true;
  char c = text[word.size()];
  return c == ':' || c == ' ';
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

void Collect(htmlDocPtr doc, Facts* f) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return;
  f->lang = Attr(root, "lang");
  if (f->lang.empty()) f->lang = Attr(root, "xml:lang");
  xmlNodePtr n = root;
  int pos = 0;
  while (n) {
    bool skip = false;
    if (n->type == XML_ELEMENT_NODE) {
      ++pos;
      std::string_view t = Tag(n);
      if ((t == "h1" || t == "h2") && f->headings.size() < 40) f->headings.emplace_back(pos, TextOf(n));
      if (t == "meta") {
        std::string key = Attr(n, "property");
        if (key.empty()) key = Attr(n, "name");
        if (key.empty()) key = Attr(n, "itemprop");
        if (!key.empty()) f->meta.emplace_back(Lower(CollapseSpace(key)), CollapseSpace(Attr(n, "content")));
        std::string ip = Lower(Attr(n, "itemprop"));
        if (ip == "datepublished") f->itemprop_published.push_back(Attr(n, "content"));
        if (ip == "datemodified") f->itemprop_modified.push_back(Attr(n, "content"));
      } else if (t == "link") {
        std::string rel = Lower(Attr(n, "rel"));
        if (rel == "canonical" && f->canonical.empty()) f->canonical = CollapseSpace(Attr(n, "href"));
      } else if (t == "title") {
        if (f->title_tag.empty()) f->title_tag = TextOf(n);
        skip = true;
      } else if (t == "script") {
        if (Lower(Attr(n, "type")).find("ld+json") != std::string::npos) {
          xmlChar* c = xmlNodeGetContent(n);
          if (c) f->jsonld.emplace_back(reinterpret_cast<const char*>(c));
          xmlFree(c);
        }
        skip = true;
      } else if (t == "style" || t == "noscript" || t == "template") {
        skip = true;
      } else {
        if (t == "h1" && f->h1.size() < 4) f->h1.push_back(TextOf(n));
        std::string ip = n->properties ? Lower(Attr(n, "itemprop")) : std::string();
        if (!ip.empty()) {
          if (ip == "datepublished") {
            std::string v = Attr(n, "content");
            if (v.empty()) v = Attr(n, "datetime");
            if (v.empty()) v = TextOf(n);
            f->itemprop_published.push_back(v);
          } else if (ip == "datemodified") {
            std::string v = Attr(n, "content");
            if (v.empty()) v = Attr(n, "datetime");
            f->itemprop_modified.push_back(v);
          } else if (ip == "author" || ip == "creator") {
            std::string v = Attr(n, "content");
            if (v.empty()) v = TextOf(n);
            f->itemprop_author.push_back(v);
          }
        }
        if (t == "time") {
          std::string dt = Attr(n, "datetime");
          if (!dt.empty()) {
            std::string cls = Lower(Attr(n, "class") + " " + Attr(n, "id"));
            bool pub = xmlHasProp(n, BAD_CAST "pubdate") || cls.find("publish") != std::string::npos;
            if (pub) f->time_datetime.insert(f->time_datetime.begin(), dt);
            else f->time_datetime.push_back(dt);
          }
        }
        if (t == "a" && n->properties && Lower(Attr(n, "rel")) == "author") f->byline_texts.push_back(TextOf(n));
        std::string cls = n->properties ? Lower(Attr(n, "class") + " " + Attr(n, "id")) : std::string();
        if (cls.size() > 1) {
          if (f->date_texts.size() < 20 &&
              (cls.find("date") != std::string::npos || cls.find("time") != std::string::npos ||
               cls.find("tanggal") != std::string::npos || cls.find("publish") != std::string::npos ||
               cls.find("waktu") != std::string::npos)) {
            std::string text = TextOfBounded(n, 400);
            if (!text.empty() && text.size() < 200) f->date_texts.push_back(text);
          }
          if (f->byline_texts.size() < 20 &&
              (cls.find("author") != std::string::npos || cls.find("byline") != std::string::npos ||
               cls.find("penulis") != std::string::npos || cls.find("reporter") != std::string::npos)) {
            std::string text = TextOfBounded(n, 400);
            if (!text.empty() && text.size() < 120) f->byline_texts.push_back(text);
          }
        }
      }
    } else if (n->type == XML_TEXT_NODE && n->content) {
      std::string_view raw = reinterpret_cast<const char*>(n->content);
      if (raw.size() < 160) {
        std::string text = CollapseSpace(raw);
        if (text.size() >= 8 && f->dated_texts.size() < 4000 && HasYear(text)) f->dated_texts.emplace_back(pos, text);
        if (StartsWithWord(text, "penulis") || StartsWithWord(text, "reporter") ||
            StartsWithWord(text, "pewarta") || StartsWithWord(text, "oleh")) {
          // "Penulis:" alone: the name is in the next element.
          std::string name = AfterLabel(text);
          if (name.empty() && n->next) name = TextOf(n->next);
          if (name.empty() && n->parent && n->parent->next) name = TextOf(n->parent->next);
          if (!name.empty()) f->credit_lines.push_back(name);
        } else if (StartsWithWord(text, "editor") || StartsWithWord(text, "penyunting")) {
          std::string name = AfterLabel(text);
          if (!name.empty()) f->editor_lines.push_back(name);
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
  std::string headline, published, modified, publisher;
  std::vector<std::string> authors;
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

void ReadJsonLd(const std::vector<std::string>& scripts, LdFacts* ld) {
  for (const std::string& text : scripts) {
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
        if (ld->published.empty()) ld->published = get("datePublished");
        if (ld->modified.empty()) ld->modified = get("dateModified");
        if (ld->authors.empty()) {
          auto it = v->find("author");
          if (it != v->end()) NamesOf(*it, &ld->authors);
        }
        if (ld->publisher.empty()) ld->publisher = get("publisher");
      }
      auto g = v->find("@graph");
      if (g != v->end()) stack.push_back(&*g);
      auto m = v->find("mainEntity");
      if (m != v->end()) stack.push_back(&*m);
    }
  }
}

// ---- values -----------------------------------------------------------------------

std::optional<DateTime> ParseDate(std::string_view s) {
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
  auto d = clean::ParsePublicationDate(t);
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

std::string CleanName(std::string name) {
  name = CollapseSpace(name);
  for (std::string_view prefix : {"by ", "oleh ", "penulis ", "penulis:", "reporter:", "reporter ",
                                  "pewarta:", "pewarta "}) {
    if (Lower(name).rfind(prefix, 0) == 0) name = CollapseSpace(name.substr(prefix.size()));
  }
  if (!name.empty() && name[0] == ':') name = CollapseSpace(name.substr(1));
  if (name.find("http") != std::string::npos || name.find('@') != std::string::npos) return "";
  if (name.size() > 80 || name.empty()) return "";
  return name;
}

std::vector<std::string> SplitNames(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  std::string l = s;
  // separators: ',', ';', '&', '|', " dan ", " and "
  size_t i = 0;
  while (i < l.size()) {
    std::string_view rest = std::string_view(l).substr(i);
    size_t skip = 0;
    if (rest[0] == ',' || rest[0] == ';' || rest[0] == '&' || rest[0] == '|' || rest[0] == '/') skip = 1;
    else if (Lower(rest.substr(0, 5)) == " dan ") skip = 5;
    else if (Lower(rest.substr(0, 5)) == " and ") skip = 5;
    if (skip) {
      std::string name = CleanName(cur);
      if (!name.empty()) out.push_back(name);
      cur.clear();
      i += skip;
      continue;
    }
    cur.push_back(l[i++]);
  }
  std::string name = CleanName(cur);
  if (!name.empty()) out.push_back(name);
  return out;
}

void AddNames(const std::vector<std::string>& raw, std::vector<std::string>* out) {
  for (const std::string& r : raw) {
    for (std::string& n : SplitNames(r)) {
      if (std::find(out->begin(), out->end(), n) == out->end()) out->push_back(std::move(n));
    }
  }
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
std::optional<DateTime> VisibleDateline(const Facts& f, const std::string& title) {
  int title_pos = -1;
  std::string t = AlnumLower(title);
  for (const auto& [pos, text] : f.headings) {
    std::string h = AlnumLower(text);
    if (!h.empty() && !t.empty() && (h == t || (h.size() > 10 && (t.find(h) != std::string::npos || h.find(t) != std::string::npos)))) {
      title_pos = pos;
      break;
    }
  }
  if (title_pos < 0) return std::nullopt;
  std::vector<std::pair<int, const std::string*>> near;
  for (const auto& [pos, text] : f.dated_texts) {
    int d = pos >= title_pos ? pos - title_pos : 2 * (title_pos - pos);
    if (d <= 300) near.emplace_back(d, &text);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::optional<DateTime> first;
  int tried = 0;
  for (const auto& [d, text] : near) {
    if (++tried > 12) break;
    auto dt = clean::ParsePublicationDate(*text);
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

void ExtractMetadata(htmlDocPtr doc, const PageContext& ctx, ExtractedPage* page) {
  Facts f;
  Collect(doc, &f);
  LdFacts ld;
  ReadJsonLd(f.jsonld, &ld);

  // URLs.
  std::string canonical = f.canonical;
  if (canonical.empty()) canonical = MetaValue(f, "og:url");
  page->canonical_url = Absolute(canonical, ctx.url.empty() ? canonical : ctx.url);
  page->url = !ctx.url.empty() ? ctx.url : page->canonical_url;
  std::string host = Host(page->url.empty() ? page->canonical_url : page->url);
  if (host.empty()) host = Host(page->canonical_url);

  // Outlet.
  std::string site = MetaValue(f, "og:site_name");
  if (site.empty()) site = ld.publisher;
  if (site.empty()) site = MetaValue(f, "application-name");
  page->outlet = site.empty() ? host : site;

  // Title.
  std::string title;
  for (const std::string& cand : {MetaValue(f, "og:title"), ld.headline, MetaValue(f, "twitter:title")}) {
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
  page->title = title;

  // Dates.
  auto first_date = [](std::initializer_list<std::string> cands) -> std::optional<DateTime> {
    for (const std::string& c : cands) {
      if (auto d = ParseDate(c)) return d;
    }
    return std::nullopt;
  };
  std::optional<DateTime> published = first_date(
      {ld.published, MetaValue(f, "article:published_time"), MetaValue(f, "og:article:published_time"),
       MetaValue(f, "datepublished"), MetaValue(f, "article:published"), MetaValue(f, "publishdate"),
       MetaValue(f, "publish-date"), MetaValue(f, "pubdate"), MetaValue(f, "parsely-pub-date"),
       MetaValue(f, "sailthru.date"), MetaValue(f, "dc.date.issued"), MetaValue(f, "dc.date"),
       MetaValue(f, "dcterms.created"), MetaValue(f, "date"), MetaValue(f, "content_publisheddate"),
       MetaValue(f, "publisheddate"), MetaValue(f, "createdate")});
  if (!published) {
    for (const auto& [k, v] : f.meta) {
      if ((k.find("publish") != std::string::npos || k.find("pubdate") != std::string::npos) &&
          (published = ParseDate(v)))
        break;
    }
  }
  if (!published) {
    for (const std::string& v : f.itemprop_published) {
      if ((published = ParseDate(v))) break;
    }
  }
  if (!published) {
    for (const std::string& v : f.time_datetime) {
      if ((published = ParseDate(v))) break;
    }
  }
  std::optional<DateTime> visible = VisibleDateline(f, title);
  // The dates a reader sees refine a date-only value (same day, with a time)
  // and correct a zone (same wall clock, explicit zone): CMSs often stamp
  // local time with "Z".
  if (published) {
    std::vector<DateTime> seen;
    if (visible) seen.push_back(*visible);
    for (size_t i = 0; i < f.date_texts.size() && i < 20; ++i) {
      auto d = clean::ParsePublicationDate(f.date_texts[i]);
      if (d && d->has_time) seen.push_back(*d);
    }
    for (const DateTime& v : seen) {
      if (!v.has_time || v.year != published->year || v.month != published->month || v.day != published->day)
        continue;
      bool same_clock = published->has_time && published->hour == v.hour && published->minute == v.minute;
      if (!published->has_time ||
          (same_clock && v.has_offset && (!published->has_offset || published->offset_minutes != v.offset_minutes))) {
        published = v;
        break;
      }
    }
  }
  if (!published) published = visible;
  if (!published) {
    for (const std::string& v : f.date_texts) {
      if ((published = ParseDate(v))) break;
    }
  }
  std::string url_date = DateFromUrl(page->url.empty() ? page->canonical_url : page->url);
  if (!published && !url_date.empty()) published = DateTime::ParseIso(url_date);
  if (!published && !ctx.fallback_date.empty()) published = ParseDate(ctx.fallback_date);
  page->published = published ? published->ToIso() : "";

  std::optional<DateTime> modified =
      first_date({ld.modified, MetaValue(f, "article:modified_time"), MetaValue(f, "og:updated_time"),
                  MetaValue(f, "datemodified"), MetaValue(f, "last-modified"),
                  MetaValue(f, "dcterms.modified")});
  if (!modified) {
    for (const std::string& v : f.itemprop_modified) {
      if ((modified = ParseDate(v))) break;
    }
  }
  page->modified = modified ? modified->ToIso() : "";

  // Authors.
  std::vector<std::string> authors;
  AddNames(ld.authors, &authors);
  if (authors.empty()) {
    std::vector<std::string> metas;
    for (const char* key : {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author",
                            "content_author", "byl"}) {
      std::string v = MetaValue(f, key);
      if (!v.empty()) metas.push_back(v);
    }
    AddNames(metas, &authors);
  }
  if (authors.empty()) AddNames(f.itemprop_author, &authors);
  if (authors.empty()) AddNames(f.credit_lines, &authors);
  if (authors.empty()) AddNames(f.byline_texts, &authors);
  // An outlet named as author ("Kompas.com") is no person.
  authors.erase(std::remove_if(authors.begin(), authors.end(),
                               [&](const std::string& a) {
                                 return AlnumLower(a) == AlnumLower(page->outlet) ||
                                        AlnumLower(a) == AlnumLower(host);
                               }),
                authors.end());
  if (authors.size() > 8) authors.resize(8);
  page->authors = std::move(authors);

  page->language = f.lang;  // decided against the text by the caller
}

}  // namespace warta::html::internal
