// Main-content extraction (see internal.h).
//
// Readability's idea, made iterative and general: 
//  1. mark furniture: elements that never hold article text (nav, aside,
//     footer, forms, scripts, figures...), hidden elements, and elements whose
//     class/id/role vocabulary says menu, share bar, related list, comments,
//     ads, cookie notice... unless the same vocabulary also says article;
//  2. measure every element bottom-up (text, link text, commas, paragraphs,
//     list items) ignoring the furniture;
//  3. score paragraphs and credit their ancestors; the best-scoring element,
//     damped by its link density, is the article; siblings that look like
//     more of it join;
//  4. walk the article, dropping containers that are mostly links or lists
//     of links (related articles), and emit paragraph, heading, list-item and
//     quote blocks in order.
// Every walk follows parent/child/next pointers (no recursion, no explicit
// stack growth with depth), so 100,000 nested tags cost nothing special.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/cleaner.h"
#include "core/utf8.h"
#include "html/internal.h"

namespace warta::html::internal {
namespace {

// ---- vocabulary ---------------------------------------------------------------

// Class/id words (substring match on the lower-cased class + id) that mark
// furniture. General web and Indonesian CMS vocabulary, no site names.
constexpr std::string_view kNegative[] = {
    "comment", "komentar", "disqus", "share", "sharing", "social", "sosmed", "related",
    "terkait", "bacajuga", "baca-juga", "baca_juga", "recommend", "rekomendasi", "popular",
    "populer", "trending", "sidebar", "widget", "footer", "masthead", "menu", "navbar",
    "breadcrumb", "banner", "advert", "iklan", "sponsor", "promo", "newsletter", "subscribe",
    "cookie", "consent", "gdpr", "popup", "modal", "pagination", "pager", "paging", "tags",
    "tagcloud", "topik", "author-bio", "authorbio", "byline", "caption", "credit", "copyright",
    "skyscraper", "outbrain", "taboola", "rss", "signup", "login", "toolbar", "jump-to",
    "more-stories", "read-more", "readmore", "next-post", "prev-post", "nextprev", "lihat-juga",
    "dable", "shoutbox", "remark", "replies", "agegate", "print", "audio-player", "toc",
};
// Of those, the words of small widgets (share bars, bylines, captions, tag
// lists). A "widget" holding hundreds of words is broken markup that left
// the article nested inside it, not furniture.
constexpr std::string_view kWidget[] = {
    "share", "sharing", "social", "sosmed", "author", "byline", "caption", "credit", "tags",
    "print", "toolbar", "date", "time", "meta",
};
// Whole class/id tokens that mark furniture (too short to match as substrings).
constexpr std::string_view kNegativeTokens[] = {
    "ad", "ads", "adv", "nav", "tag", "meta", "hidden", "hide", "foot", "header", "head",
    "date", "time", "author", "sr-only", "visually-hidden", "screen-reader-text", "d-none",
};
// Words that say "the article" and protect an element from the lists above.
constexpr std::string_view kPositive[] = {
    "article", "content", "entry", "hentry", "main", "post-body", "postbody", "story", "text",
    "blog", "detail", "berita", "artikel", "konten", "read__", "body", "column",
};
constexpr std::string_view kPositiveTokens[] = {"isi", "post", "page"};

bool AnyToken(std::string_view s, const std::string_view* words, size_t n) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
    std::string_view tok = s.substr(i, j - i);
    for (size_t k = 0; k < n; ++k) {
      if (tok == words[k]) return true;
    }
    i = j;
  }
  return false;
}

bool AnySubstring(std::string_view s, const std::string_view* words, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    if (s.find(words[k]) != std::string_view::npos) return true;
  }
  return false;
}

// Elements that never carry article text.
bool FurnitureTag(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
      "canvas", "video", "audio", "map", "nav", "aside", "footer", "button", "select", "input",
      "textarea", "label", "dialog", "menu", "figure", "figcaption", "picture", "img", "header",
      "link", "meta", "head", "title", "source", "track", "option", "fieldset", "legend",
  };
  for (std::string_view k : kTags) {
    if (t == k) return true;
  }
  return false;
}

bool BlockTag(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
      "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td",
      "th", "hr", "center", "address", "body", "html", "form", "details", "summary", "caption",
  };
  for (std::string_view k : kTags) {
    if (t == k) return true;
  }
  return false;
}

bool IsHeading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

// ---- per-element measurements ------------------------------------------------------

struct Info {
  int64_t chars = 0;       // non-space bytes of text below, furniture excluded
  int64_t raw_chars = 0;   // the same with only the never-text tags excluded
  int64_t link_chars = 0;  // of which inside <a>
  int64_t own_chars = 0;   // text not inside a block-level child (its own paragraph text)
  int32_t commas = 0;
  int32_t paragraphs = 0;  // <p> below
  int32_t list_items = 0;  // <li> below
  int32_t inputs = 0;
  int32_t headings = 0;
  double score = 0;
  bool scored = false;     // a candidate (got credit from a paragraph)
  bool furniture = false;
  int8_t weight = 0;       // class/id weight: -25, 0, +25
  bool block_children = false;
};

struct Page {
  std::vector<Info> info;  // index = (intptr_t)node->_private - 1
  Info& Of(xmlNodePtr n) { return info[static_cast<size_t>(reinterpret_cast<intptr_t>(n->_private) - 1)]; }
  bool Has(xmlNodePtr n) const { return n && n->type == XML_ELEMENT_NODE && n->_private; }
};

// Pre-order successor of `n` inside `root`, skipping n's children when `skip`.
xmlNodePtr NextNode(xmlNodePtr n, xmlNodePtr root, bool skip) {
  if (!skip && n->children) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return nullptr;
}

std::string ClassAndId(xmlNodePtr n) {
  if (!n->properties) return " ";
  std::string s = Attr(n, "class");
  s.push_back(' ');
  s += Attr(n, "id");
  return Lower(s);
}

bool Hidden(xmlNodePtr n) {
  if (!n->properties) return false;
  if (xmlHasProp(n, BAD_CAST "hidden")) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = Attr(n, "style");
  if (style.empty()) return false;
  style = Lower(style);
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsWidget(std::string_view cls) {
  if (!AnySubstring(cls, kWidget, std::size(kWidget))) return false;
  // ...and nothing else in the vocabulary says menu, comments or related.
  static constexpr std::string_view kBig[] = {"comment", "komentar", "related", "terkait", "sidebar", "footer",
                                              "menu", "nav", "recommend", "popular", "populer"};
  return !AnySubstring(cls, kBig, std::size(kBig));
}

int8_t ClassWeight(std::string_view cls) {
  if (cls.size() <= 1) return 0;
  bool neg = AnySubstring(cls, kNegative, std::size(kNegative)) ||
             AnyToken(cls, kNegativeTokens, std::size(kNegativeTokens));
  bool pos = AnySubstring(cls, kPositive, std::size(kPositive)) ||
             AnyToken(cls, kPositiveTokens, std::size(kPositiveTokens));
  if (neg && !pos) return -25;
  if (pos && !neg) return 25;
  return 0;
}

int64_t CountNonSpace(const xmlChar* s, int32_t* commas) {
  int64_t n = 0;
  for (; *s; ++s) {
    unsigned char c = *s;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if (c == ',') ++*commas;
    if ((c & 0xC0) != 0x80) ++n;  // count code points
  }
  return n;
}

class Extractor {
 public:
  Extractor(htmlDocPtr doc, std::string_view title) : doc_(doc), title_(CollapseSpace(title)) {}

  std::vector<Block> Run() {
    xmlNodePtr root = xmlDocGetRootElement(doc_);
    if (!root) return {};
    xmlNodePtr body = root;
    for (xmlNodePtr c = root->children; c; c = c->next) {
      if (Tag(c) == "body") body = c;
    }
    body_ = body;
    Index(root);
    // Text per element with only the never-text tags excluded: furniture by
    // vocabulary never holds most of a page's text (a "sidebar" wrapper
    // around the whole layout does).
    MarkFurniture(body, /*strict=*/false);
    Measure(body);
    for (xmlNodePtr n = body; n; n = NextNode(n, body, false)) {
      if (page_.Has(n)) page_.Of(n).raw_chars = page_.Of(n).chars;
    }
    body_chars_ = page_.Of(body).chars;
    MarkFurniture(body, /*strict=*/true);
    Measure(body);
    xmlNodePtr picked = PickArticle();
    std::vector<Block> out = Emit(picked, /*clean=*/true);
    if (TotalChars(out) < 200) {
      // Too little survived: the vocabulary was wrong for this page. Retry
      // with only the tags that never carry text, as readability does.
      MarkFurniture(body, /*strict=*/false);
      Measure(body);
      std::vector<Block> relaxed = Emit(PickArticle(), /*clean=*/false);
      if (TotalChars(relaxed) > TotalChars(out)) out = std::move(relaxed);
    }
    Unindex(root);
    return out;
  }

 private:
  static size_t TotalChars(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks) n += b.text.size();
    return n;
  }

  void Index(xmlNodePtr root) {
    for (xmlNodePtr n = root; n; n = NextNode(n, root, false)) {
      if (n->type == XML_ELEMENT_NODE) {
        page_.info.emplace_back();
        n->_private = reinterpret_cast<void*>(static_cast<intptr_t>(page_.info.size()));
      }
    }
  }
  void Unindex(xmlNodePtr root) {
    for (xmlNodePtr n = root; n; n = NextNode(n, root, false)) {
      if (n->type == XML_ELEMENT_NODE) n->_private = nullptr;
    }
  }

  void MarkFurniture(xmlNodePtr body, bool strict) {
    for (xmlNodePtr n = body; n; n = NextNode(n, body, false)) {
      if (!page_.Has(n)) continue;
      Info& in = page_.Of(n);
      const int64_t raw = in.raw_chars;
      in = Info{};
      in.raw_chars = raw;
      std::string_view t = Tag(n);
      std::string cls = strict ? ClassAndId(n) : std::string();
      in.weight = strict ? CachedWeight(cls) : 0;
      if (n == body) continue;
      // Captions are furniture beside an article, but on a photo page they
      // are the text (the relaxed pass).
      bool f = (IsFurnitureTag(n) && (strict || !(t == "figure" || t == "figcaption"))) || Hidden(n);
      if (t == "form" && strict) f = true;
      if (!f && strict && t != "article" && t != "main" && t != "a") {
        std::string role = Lower(Attr(n, "role"));
        if (role == "navigation" || role == "complementary" || role == "banner" ||
            role == "contentinfo" || role == "menu" || role == "dialog" || role == "alert") {
          f = true;
        } else if (in.weight < 0 && in.raw_chars * 10 < body_chars_ * 6) {
          f = !(in.raw_chars >= 500 && IsWidget(cls));
          if (!f) in.weight = 0;
        }
      }
      if (!f && IsItemprop(n, "articlebody")) in.weight = 50;
      in.furniture = f;
    }
  }

  static bool IsItemprop(xmlNodePtr n, std::string_view prop) {
    std::string p = Lower(Attr(n, "itemprop"));
    return !p.empty() && p.find(prop) != std::string::npos;
  }

  // Bottom-up measurements; furniture subtrees are skipped entirely.
  void Measure(xmlNodePtr body) {
    // Pre-order walk; on leaving an element add its totals to its parent.
    xmlNodePtr n = body;
    while (n) {
      bool skip = false;
      if (n->type == XML_ELEMENT_NODE && page_.Has(n)) {
        Info& in = page_.Of(n);
        in.chars = in.link_chars = in.own_chars = 0;
        in.commas = in.paragraphs = in.list_items = in.inputs = in.headings = 0;
        in.score = 0;
        in.scored = false;
        in.block_children = false;
        skip = in.furniture;
      } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content && n->parent && page_.Has(n->parent)) {
          Info& p = page_.Of(n->parent);
          int64_t c = CountNonSpace(n->content, &p.commas);
          p.chars += c;
          p.own_chars += c;
        }
      }
      // Advance, closing elements as we climb.
      if (!skip && n->children) {
        n = n->children;
        continue;
      }
      if (n->type == XML_ELEMENT_NODE) Close(n);
      while (n && n != body && !n->next) {
        n = n->parent;
        if (n && n->type == XML_ELEMENT_NODE) Close(n);
      }
      if (!n || n == body) break;
      n = n->next;
    }
  }

  // Adds a finished element's totals to its parent.
  void Close(xmlNodePtr n) {
    if (!page_.Has(n)) return;
    Info& in = page_.Of(n);
    std::string_view t = Tag(n);
    if (t == "a") in.link_chars = in.chars;
    if (in.furniture) return;
    xmlNodePtr parent = n->parent;
    if (!page_.Has(parent)) return;
    Info& p = page_.Of(parent);
    p.chars += in.chars;
    p.link_chars += in.link_chars;
    p.commas += in.commas;
    p.paragraphs += in.paragraphs + (t == "p" ? 1 : 0);
    p.list_items += in.list_items + (t == "li" ? 1 : 0);
    p.inputs += in.inputs + (t == "input" ? 1 : 0);
    p.headings += in.headings + (IsHeading(t) ? 1 : 0);
    if (IsBlockTag(n)) p.block_children = true;
    else p.own_chars += in.chars;
  }

  double LinkDensity(const Info& in) const {
    return in.chars > 0 ? static_cast<double>(in.link_chars) / static_cast<double>(in.chars) : 0;
  }

  double BaseScore(xmlNodePtr n) {
    std::string_view t = Tag(n);
    double s = page_.Of(n).weight;
    if (t == "div" || t == "article" || t == "main" || t == "section") s += 5;
    else if (t == "pre" || t == "td" || t == "blockquote") s += 3;
    else if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
             t == "li" || t == "form")
      s -= 3;
    else if (IsHeading(t) || t == "th")
      s -= 5;
    return s;
  }

  xmlNodePtr PickArticle() {
    candidates_.clear();
    // Score paragraph-like elements and credit their ancestors.
    for (xmlNodePtr n = body_; n; n = NextNode(n, body_, page_.Has(n) && page_.Of(n).furniture)) {
      if (!page_.Has(n)) continue;
      Info& in = page_.Of(n);
      if (in.furniture) continue;
      std::string_view t = Tag(n);
      // Paragraphs, and containers whose own text (outside block children)
      // reads like one: text separated by <br> or empty divs.
      bool para = t == "p" || t == "pre" || t == "td" ||
                  ((t == "div" || t == "section" || t == "article" || t == "span" || t == "font" ||
                    t == "main" || t == "blockquote") &&
                   (!in.block_children || in.own_chars >= 100));
      const int64_t len = in.block_children ? in.own_chars : in.chars;
      if (!para || len < 25) continue;
      double score = 1 + in.commas + std::min<double>(static_cast<double>(len / 100), 3);
      xmlNodePtr a = n->parent;
      for (int level = 0; level < 5 && page_.Has(a); ++level, a = a->parent) {
        Info& ai = page_.Of(a);
        if (!ai.scored) {
          ai.scored = true;
          ai.score = BaseScore(a);
          candidates_.push_back(a);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        ai.score += score / divider;
        if (a == body_) break;
      }
    }
    xmlNodePtr best = nullptr;
    double best_score = 0;
    for (xmlNodePtr c : candidates_) {
      Info& ci = page_.Of(c);
      ci.score *= 1 - LinkDensity(ci);
      if (!best || ci.score > best_score) {
        best = c;
        best_score = ci.score;
      }
    }
    if (!best) return body_;
    // Several strong candidates under one ancestor: the article is that ancestor
    // (paragraphs split into sections or pages).
    // Readability's rule: at least three of the top five candidates.
    std::vector<xmlNodePtr> top(candidates_);
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(5, top.size())),
                      top.end(), [&](xmlNodePtr a, xmlNodePtr b) { return page_.Of(a).score > page_.Of(b).score; });
    if (top.size() > 5) top.resize(5);
    std::vector<xmlNodePtr> strong;
    for (xmlNodePtr c : top) {
      if (c != best && page_.Of(c).score >= best_score * 0.75) strong.push_back(c);
    }
    if (strong.size() >= 3 && best != body_) {
      for (xmlNodePtr a = best->parent; page_.Has(a) && a != body_; a = a->parent) {
        int contained = 0;
        for (xmlNodePtr s : strong) {
          for (xmlNodePtr p = s; p; p = p->parent) {
            if (p == a) {
              ++contained;
              break;
            }
          }
        }
        if (contained >= 3) {
          best = a;
          break;
        }
      }
    }
    // A wrapper with nothing else in it is the same article.
    while (best != body_ && page_.Has(best->parent) && best->parent != body_ &&
           page_.Of(best->parent).chars <= page_.Of(best).chars) {
      best = best->parent;
    }
    return best;
  }

  // Siblings of the article that look like more of it (pages split into
  // several containers, a lead paragraph outside the body div).
  std::vector<xmlNodePtr> WithSiblings(xmlNodePtr best) {
    std::vector<xmlNodePtr> out;
    if (best == body_ || !best->parent) return {best};
    const Info& bi = page_.Of(best);
    double threshold = std::max(10.0, bi.score * 0.2);
    std::string best_class = Attr(best, "class");
    for (xmlNodePtr s = best->parent->children; s; s = s->next) {
      if (s == best) {
        out.push_back(s);
        continue;
      }
      if (!page_.Has(s)) continue;
      const Info& si = page_.Of(s);
      if (si.furniture) continue;
      double bonus = (!best_class.empty() && Attr(s, "class") == best_class) ? bi.score * 0.2 : 0;
      bool append = si.scored && si.score + bonus >= threshold;
      if (!append && Tag(s) == "p") {
        double ld = LinkDensity(si);
        std::string text = TextOf(s);
        if (si.chars > 80 && ld < 0.25) append = true;
        else if (si.chars > 0 && si.chars <= 80 && ld == 0 && !text.empty() && text.back() == '.')
          append = true;
      }
      if (append) out.push_back(s);
    }
    return out;
  }

  // Readability's conditional clean: a container inside the article that is
  // mostly links, a list of links, or a form is furniture after all.
  bool DropContainer(xmlNodePtr n) {
    std::string_view t = Tag(n);
    if (!(t == "div" || t == "section" || t == "ul" || t == "ol" || t == "table" || t == "dl" ||
          t == "aside" || t == "span"))
      return false;
    const Info& in = page_.Of(n);
    if (in.weight < 0) return true;
    if (in.commas >= 10) return false;
    double ld = LinkDensity(in);
    if (in.chars == 0) return false;
    if (t != "ul" && t != "ol" && in.list_items > in.paragraphs + 2 && ld > 0.2) return true;
    if (in.inputs > in.paragraphs / 3 + 1) return true;
    if (in.weight < 25 && ld > 0.33) return true;
    if (in.weight >= 25 && ld > 0.5) return true;
    return false;
  }

  struct Pending {
    Block block;
    double link = 0;  // share of the block's text inside <a>
  };

  std::vector<Block> Emit(xmlNodePtr best, bool clean) {
    std::vector<Pending> raw;
    for (xmlNodePtr top : WithSiblings(best)) EmitFrom(top, clean, &raw);
    std::vector<Pending> kept;
    kept.reserve(raw.size());
    // Lines that are all link (related headlines, category labels) are
    // navigation even inside the article container.
    for (Pending& p : raw) {
      if (clean && p.link >= 0.75 && p.block.text.size() < 300) continue;
      kept.push_back(std::move(p));
    }
    // Before the first real paragraph: the headline again, the dateline,
    // labels. Metadata, not text.
    size_t first_long = kept.size();
    for (size_t i = 0; i < kept.size(); ++i) {
      if (kept[i].block.text.size() >= 100) {
        first_long = i;
        break;
      }
    }
    std::vector<Block> out;
    out.reserve(kept.size());
    const std::string title = Lower(title_);
    for (size_t i = 0; i < kept.size(); ++i) {
      Block& b = kept[i].block;
      if (i < first_long && b.text.size() < 100) {
        if (!title.empty() && Lower(b.text) == title) continue;
        if (clean && clean::ParsePublicationDate(b.text)) continue;
      }
      if (b.kind == BlockKind::kHeading && !title.empty() && Lower(b.text) == title) continue;
      out.push_back(std::move(b));
    }
    // A heading with nothing after it introduced something that was dropped.
    while (clean && !out.empty() && out.back().kind == BlockKind::kHeading) out.pop_back();
    return out;
  }

  static BlockKind KindOf(std::string_view t) {
    if (IsHeading(t)) return BlockKind::kHeading;
    if (t == "li" || t == "dd" || t == "dt") return BlockKind::kListItem;
    if (t == "blockquote") return BlockKind::kQuote;
    if (t == "pre") return BlockKind::kPreformatted;
    return BlockKind::kParagraph;
  }

  void Flush(std::string* buf, BlockKind kind, std::vector<Pending>* out) {
    std::string text = CollapseSpace(*buf);
    buf->clear();
    const int64_t links = link_bytes_;
    link_bytes_ = 0;
    if (text.empty()) return;
    Pending p;
    p.link = static_cast<double>(links) / static_cast<double>(text.size());
    p.block = Block{kind, std::move(text)};
    out->push_back(std::move(p));
  }

  void EmitFrom(xmlNodePtr top, bool clean, std::vector<Pending>* out) {
    std::string buf;
    int link_depth = 0;
    link_bytes_ = 0;
    // The innermost open block's kind: a heading stays a heading even when
    // its text sits in spans.
    std::vector<BlockKind> kinds{KindOf(Tag(top))};
    auto kind = [&] { return kinds.back(); };
    xmlNodePtr n = top;
    while (n) {
      bool skip = false;
      bool entered_block = false;
      if (n->type == XML_ELEMENT_NODE) {
        std::string_view t = Tag(n);
        if (page_.Has(n) && page_.Of(n).furniture && n != top) {
          skip = true;
        } else if (clean && n != top && page_.Has(n) && DropContainer(n)) {
          skip = true;
        } else if (clean && IsHeading(t) && page_.Has(n) &&
                   (page_.Of(n).weight < 0 || LinkDensity(page_.Of(n)) > 0.33)) {
          skip = true;
        } else if (t == "br" || t == "hr") {
          Flush(&buf, kind(), out);
        } else if (n != top && IsBlockTag(n)) {
          Flush(&buf, kind(), out);
          BlockKind k = KindOf(t);
          // A <p> inside a list item or quote is still that item or quote.
          if (k == BlockKind::kParagraph && kinds.back() != BlockKind::kParagraph &&
              (t == "p" || t == "div" || t == "span"))
            k = kinds.back();
          kinds.push_back(k);
          entered_block = true;
        }
        if (!skip && !n->children && entered_block) {
          kinds.pop_back();
        }
      } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) {
          const size_t before = buf.size();
          buf += reinterpret_cast<const char*>(n->content);
          if (link_depth > 0) {
            for (size_t i = before; i < buf.size(); ++i) {
              char c = buf[i];
              if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++link_bytes_;
            }
          }
        }
      }
      if (!skip && n->type == XML_ELEMENT_NODE && n->children) {
        if (Tag(n) == "a") ++link_depth;
        n = n->children;
        continue;
      }
      if (n->type == XML_ELEMENT_NODE && !skip && !n->children) {
        // an empty inline element: keep words apart
        buf.push_back(' ');
      }
      while (n && n != top && !n->next) {
        n = n->parent;
        if (n && n != top && IsBlockTag(n)) {
          Flush(&buf, kind(), out);
          if (kinds.size() > 1) kinds.pop_back();
        } else if (n && n != top && n->type == XML_ELEMENT_NODE) {
          std::string_view t = Tag(n);
          if (t == "a" && link_depth > 0) --link_depth;
          if (t != "a" && t != "b" && t != "i" && t != "em" && t != "strong" && t != "span" &&
              t != "font" && t != "u" && t != "sup" && t != "sub" && t != "small")
            buf.push_back(' ');
        }
      }
      if (!n || n == top) break;
      n = n->next;
    }
    Flush(&buf, kind(), out);
  }

  // Tag kinds by interned element name (libxml2's dictionary gives each
  // distinct name one pointer), so the walks do not compare strings.
  enum : uint8_t { kFurnitureTag = 1, kBlockTag = 2 };
  uint8_t Kinds(xmlNodePtr n) {
    const xmlChar* name = n->name;
    if (name == last_name_) return last_kinds_;
    auto it = kinds_.find(name);
    uint8_t k;
    if (it != kinds_.end()) {
      k = it->second;
    } else {
      std::string_view t = Tag(n);
      k = static_cast<uint8_t>((FurnitureTag(t) ? kFurnitureTag : 0) | (BlockTag(t) ? kBlockTag : 0));
      kinds_.emplace(name, k);
    }
    last_name_ = name;
    last_kinds_ = k;
    return k;
  }
  bool IsFurnitureTag(xmlNodePtr n) { return n->type == XML_ELEMENT_NODE && (Kinds(n) & kFurnitureTag); }
  bool IsBlockTag(xmlNodePtr n) { return n->type == XML_ELEMENT_NODE && (Kinds(n) & kBlockTag); }

  // Pages repeat the same class strings many times.
  int8_t CachedWeight(const std::string& cls) {
    if (cls.size() <= 1) return 0;
    auto it = weights_.find(cls);
    if (it != weights_.end()) return it->second;
    int8_t w = ClassWeight(cls);
    weights_.emplace(cls, w);
    return w;
  }
  std::unordered_map<std::string, int8_t> weights_;
  int64_t link_bytes_ = 0;  // non-space bytes inside <a> in the block being built
  std::unordered_map<const xmlChar*, uint8_t> kinds_;
  const xmlChar* last_name_ = nullptr;
  uint8_t last_kinds_ = 0;
  htmlDocPtr doc_;
  std::string title_;
  xmlNodePtr body_ = nullptr;
  int64_t body_chars_ = 0;
  Page page_;
  std::vector<xmlNodePtr> candidates_;
};

}  // namespace

std::vector<Block> ExtractContent(htmlDocPtr doc, std::string_view title) {
  if (!doc) return {};
  Extractor e(doc, title);
  return e.Run();
}

}  // namespace warta::html::internal
