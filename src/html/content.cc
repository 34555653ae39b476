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
// One walk of the tree numbers the elements in document order and records
// what each is (name, class/id vocabulary, own text size); the measuring and
// scoring passes then run over that array. The walks follow parent/child/
// next pointers (no recursion, no explicit stack growth with depth), so
// 100,000 nested tags cost nothing special.
//
// Cost: one tree walk, two linear passes per measuring round (two rounds,
// three when the relaxed retry runs), and a walk of the article to emit it.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "html/internal.h"
#include "text/date_parse.h"

namespace warta::html::internal {
namespace {

// ---- vocabulary ---------------------------------------------------------------

// Class/id words (substring match on the lower-cased class + id) that mark
// furniture. General web and Indonesian CMS vocabulary, no site names.
constexpr std::string_view kNegative[] = {
    "comment", "komentar", "disqus", "share", "sharing", "social", "sosmed", "related",
    "terkait", "lainnya", "bacajuga", "baca-juga", "baca_juga", "recommend", "rekomendasi", "popular",
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

// ---- element names -------------------------------------------------------------

bool IsHeadingCode(uint8_t c) { return c >= kH1 && c <= kH6; }

// Closing these does not end a word run (inline formatting).
bool IsInlineCode(uint8_t c) {
  return c == kA || c == kB || c == kI || c == kEm || c == kStrong || c == kSpan || c == kFont || c == kU ||
         c == kSup || c == kSub || c == kSmall;
}

// ---- class/id vocabulary -------------------------------------------------------------

// What the vocabulary says of one class or id value (lower-cased); a
// class/id pair says what either says (no vocabulary word has a space).
enum ClassFlags : uint8_t {
  kNegWord = 1,     // kNegative substring or kNegativeTokens token
  kPosWord = 2,     // kPositive substring or kPositiveTokens token
  kWidgetWord = 4,  // kWidget substring
  kBigWord = 8,     // names something large (menu, comments, related...)
  kOtherWord = 16,  // "related", "other": the class names other articles
  kHolderWord = 32, // a positive word for the holder of the text ("content", "body")
};

WordScanner MakeVocabulary() {
  static constexpr std::string_view kBig[] = {"comment", "komentar", "related", "terkait", "lainnya", "sidebar",
                                              "footer", "menu", "nav", "recommend", "popular", "populer"};
  std::vector<WordScanner::Word> words;
  for (std::string_view w : kNegative) words.push_back({w, kNegWord});
  for (std::string_view w : kPositive) words.push_back({w, kPosWord});
  for (std::string_view w : kWidget) words.push_back({w, kWidgetWord});
  for (std::string_view w : kBig) words.push_back({w, kBigWord});
  for (std::string_view w : {"related", "terkait", "lainnya"}) words.push_back({w, kOtherWord});
  // The positive words that name the holder of the text rather than the
  // kind of item ("article", "berita", "story", "blog").
  for (std::string_view w : {"content", "konten", "entry", "body", "text", "detail", "main", "column", "read__"})
    words.push_back({w, kHolderWord});
  return WordScanner(words);
}

uint8_t FlagsOf(std::string_view lower) {
  static const WordScanner vocabulary = MakeVocabulary();
  uint8_t f = static_cast<uint8_t>(vocabulary.Scan(lower));
  if (!(f & kNegWord) && AnyToken(lower, kNegativeTokens, std::size(kNegativeTokens))) f |= kNegWord;
  if (!(f & kPosWord) && AnyToken(lower, kPositiveTokens, std::size(kPositiveTokens))) f |= kPosWord;
  return f;
}

int8_t WeightOf(uint8_t flags) {
  // "berita-terkait", "related-articles", "artikel-lainnya": the item word
  // names what the list holds, the list is not the article. A holder word
  // ("entry-content has-related-posts") keeps the usual balance.
  if ((flags & kOtherWord) && !(flags & kHolderWord)) return -25;
  const bool neg = flags & kNegWord, pos = flags & kPosWord;
  if (neg && !pos) return -25;
  if (pos && !neg) return 25;
  return 0;
}

// A small widget (share bar, byline, caption): a widget word and nothing
// that says menu, comments or related. A "widget" holding hundreds of words
// is broken markup that left the article nested inside it, not furniture.
bool IsWidget(uint8_t flags) { return (flags & kWidgetWord) && !(flags & kBigWord); }


bool ContainsLower(std::string_view s, std::string_view lower) {
  if (lower.size() > s.size()) return false;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (EqualsAsciiLower(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

// An inline style that hides the element ("display: none").
bool HidingStyle(std::string_view style) {
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (c == ' ') continue;
    compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// ---- per-element measurements ------------------------------------------------------

struct Info {
  // What the element is (set once, by Index).
  uint8_t tag = kOther;       // TagCode
  bool furniture_tag = false;  // never carries text (ElementKind::furniture)
  bool block = false;          // block-level (ElementKind::block)
  uint8_t cls = 0;             // ClassFlags of its class and id
  bool hidden = false;         // hidden attribute, aria-hidden, display:none
  bool furniture_role = false; // role=navigation, complementary, banner...
  bool article_body = false;   // itemprop ~ articleBody
  int32_t parent = -1;         // index of the parent element, -1 for the root
  int64_t text_chars = 0;      // non-space code points of its own text nodes
  int32_t text_commas = 0;     // commas in them
  // Measured per pass.
  bool live = false;           // inside <body>, no furniture above it (this pass)
  int64_t chars = 0;       // non-space bytes of text below, furniture excluded
  int64_t raw_chars = 0;   // the same with only the never-text tags excluded
  int64_t link_chars = 0;  // of which inside <a>
  int64_t own_chars = 0;   // text not inside a block-level child (its own paragraph text)
  int32_t commas = 0;
  int32_t paragraphs = 0;  // <p> below
  int32_t list_items = 0;  // <li> below
  int32_t inputs = 0;
  int32_t headings = 0;
  int32_t links = 0;       // <a> below
  double score = 0;
  bool scored = false;     // a candidate (got credit from a paragraph)
  bool furniture = false;
  int8_t weight = 0;       // class/id weight: -25, 0, +25 (+50 for itemprop=articleBody)
  bool block_children = false;
};

struct Page {
  std::vector<Info> info;          // index = (intptr_t)node->_private - 1
  std::vector<xmlNodePtr> nodes;   // the same index -> element, in document order
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

// The value of an attribute without copying it when it is one text node
// (nearly always); `scratch` holds it otherwise.
std::string_view AttrValue(xmlNodePtr node, xmlAttrPtr a, std::string* scratch) {
  if (!a->children) return {};
  if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
    return reinterpret_cast<const char*>(a->children->content);
  xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
  *scratch = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return *scratch;
}

class Extractor {
 public:
  Extractor(htmlDocPtr doc, std::string_view title, const text::DateVocabulary& dates)
      : doc_(doc), title_(CollapseSpace(title)), dates_(dates) {}

  std::vector<Block> Run() {
    xmlNodePtr root = xmlDocGetRootElement(doc_);
    if (!root) return {};
    xmlNodePtr body = root;
    for (xmlNodePtr c = root->children; c; c = c->next) {
      if (Tag(c) == "body") body = c;
    }
    body_ = body;
    Index(root);
    body_index_ = IndexOf(body);
    // Text per element with only the never-text tags excluded: furniture by
    // vocabulary never holds most of a page's text (a "sidebar" wrapper
    // around the whole layout does).
    Measure(/*strict=*/false);
    body_chars_ = page_.Of(body).chars;
    Measure(/*strict=*/true);
    xmlNodePtr picked = PickArticle();
    std::vector<Block> out = Emit(picked, /*clean=*/true);
    if (TotalChars(out) < kEnoughText) {
      // Too little survived: the vocabulary was wrong for this page (a
      // photo page whose text is its captions). Retry with only the tags
      // that never carry text, as readability does, still dropping link
      // lists; and only when that is too little too, keep everything.
      Measure(/*strict=*/false);
      xmlNodePtr relaxed_pick = PickArticle();
      std::vector<Block> relaxed = Emit(relaxed_pick, /*clean=*/true);
      if (TotalChars(relaxed) < kEnoughText) {
        std::vector<Block> all = Emit(relaxed_pick, /*clean=*/false);
        if (TotalChars(all) > TotalChars(relaxed)) relaxed = std::move(all);
      }
      if (TotalChars(relaxed) > TotalChars(out)) out = std::move(relaxed);
    }
    Unindex();
    return out;
  }

 private:
  // Bytes of text below which an extraction is taken to have missed the
  // article.
  static constexpr size_t kEnoughText = 200;

  static size_t TotalChars(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks) n += b.text.size();
    return n;
  }

  // Numbers the elements in document order and records what each is: its
  // name, what its attributes say (one pass over them), its parent, and the
  // size of its own text (counted once, here, for every pass).
  void Index(xmlNodePtr root) {
    std::string scratch;
    for (xmlNodePtr n = root; n; n = NextNode(n, root, false)) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!n->content || !page_.Has(n->parent)) continue;
        Info& p = page_.Of(n->parent);
        // Text under a tag that is furniture in every pass is never counted.
        if (p.furniture_tag && p.tag != kFigure && p.tag != kFigcaption) continue;
        p.text_chars += CountNonSpace(n->content, &p.text_commas);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      const int32_t parent = page_.Has(n->parent) ? IndexOf(n->parent) : -1;
      page_.info.emplace_back();
      page_.nodes.push_back(n);
      n->_private = reinterpret_cast<void*>(static_cast<intptr_t>(page_.info.size()));
      Info& in = page_.info.back();
      in.parent = parent;
      NameFacts(n, &in);
      for (xmlAttrPtr a = n->properties; a; a = a->next) {
        switch (AttrNameOf(a->name)) {
          case AttrName::kClass:
          case AttrName::kId:
            // Furniture by tag whatever its class; a link's class weighs
            // nothing (a link is never furniture by vocabulary).
            if (!in.furniture_tag && in.tag != kA)
              in.cls |= CachedFlags(AttrValue(n, a, &scratch), a->children && a->children->next);
            break;
          case AttrName::kHidden:
            in.hidden = true;
            break;
          case AttrName::kAriaHidden:
            if (EqualsAsciiLower(AttrValue(n, a, &scratch), "true")) in.hidden = true;
            break;
          case AttrName::kStyle: {
            std::string_view style = AttrValue(n, a, &scratch);
            if (!style.empty() && HidingStyle(style)) in.hidden = true;
            break;
          }
          case AttrName::kRole: {
            std::string_view role = AttrValue(n, a, &scratch);
            for (std::string_view r : {"navigation", "complementary", "banner", "contentinfo", "menu", "dialog",
                                       "alert"}) {
              if (EqualsAsciiLower(role, r)) in.furniture_role = true;
            }
            break;
          }
          case AttrName::kItemprop:
            if (ContainsLower(AttrValue(n, a, &scratch), "articlebody")) in.article_body = true;
            break;
          default:
            break;
        }
      }
    }
  }
  static int32_t IndexOf(xmlNodePtr n) { return static_cast<int32_t>(reinterpret_cast<intptr_t>(n->_private) - 1); }
  void Unindex() {
    for (xmlNodePtr n : page_.nodes) n->_private = nullptr;
  }

  // Whether `n` is furniture in this pass. `strict` adds the class/id
  // vocabulary, roles and forms to the tags that never carry text.
  void Mark(int32_t i, bool strict) {
    Info& in = page_.info[static_cast<size_t>(i)];
    in.weight = strict ? WeightOf(in.cls) : 0;
    if (i == body_index_) {
      in.furniture = false;
      return;
    }
    // Captions are furniture beside an article, but on a photo page they
    // are the text (the relaxed pass).
    bool f = (in.furniture_tag && (strict || !(in.tag == kFigure || in.tag == kFigcaption))) || in.hidden;
    if (in.tag == kForm && strict) f = true;
    if (!f && strict && in.tag != kArticle && in.tag != kMain && in.tag != kA) {
      if (in.furniture_role) {
        f = true;
      } else if (in.weight < 0 && in.raw_chars * 10 < body_chars_ * 6) {
        f = !(in.raw_chars >= 500 && IsWidget(in.cls));
        if (!f) in.weight = 0;
      }
    }
    if (!f && in.article_body) in.weight = 50;
    in.furniture = f;
  }

  // Marks furniture and measures bottom-up; furniture subtrees are skipped
  // entirely. The relaxed (non-strict) pass also records raw_chars. Works on
  // the element array: parents come before their descendants, so one pass
  // forward marks (a parent's furniture decides its subtree) and one pass
  // backward adds each element's totals to its parent.
  void Measure(bool strict) {
    std::vector<Info>& info = page_.info;
    const auto first = static_cast<size_t>(body_index_);
    for (size_t i = first; i < info.size(); ++i) {
      Info& in = info[i];
      if (i == first) {
        in.live = true;
      } else {
        const int32_t p = in.parent;
        in.live = p >= body_index_ && info[static_cast<size_t>(p)].live && !info[static_cast<size_t>(p)].furniture;
      }
      if (!in.live) continue;
      in.link_chars = 0;
      in.paragraphs = in.list_items = in.inputs = in.headings = in.links = 0;
      in.score = 0;
      in.scored = false;
      in.block_children = false;
      Mark(static_cast<int32_t>(i), strict);
      in.chars = in.own_chars = in.furniture ? 0 : in.text_chars;
      in.commas = in.furniture ? 0 : in.text_commas;
    }
    for (size_t i = info.size(); i-- > first;) {
      Info& in = info[i];
      if (!in.live) continue;
      if (!strict) in.raw_chars = in.chars;
      if (in.tag == kA) in.link_chars = in.chars;
      if (in.furniture || i == first || in.parent < 0) continue;
      Info& p = info[static_cast<size_t>(in.parent)];
      p.chars += in.chars;
      p.link_chars += in.link_chars;
      p.commas += in.commas;
      p.paragraphs += in.paragraphs + (in.tag == kP ? 1 : 0);
      p.list_items += in.list_items + (in.tag == kLi ? 1 : 0);
      p.inputs += in.inputs + (in.tag == kInput ? 1 : 0);
      p.headings += in.headings + (IsHeadingCode(in.tag) ? 1 : 0);
      p.links += in.links + (in.tag == kA ? 1 : 0);
      if (in.block) p.block_children = true;
      else p.own_chars += in.chars;
    }
  }

  double LinkDensity(const Info& in) const {
    return in.chars > 0 ? static_cast<double>(in.link_chars) / static_cast<double>(in.chars) : 0;
  }

  double BaseScore(const Info& in) {
    const uint8_t t = in.tag;
    double s = in.weight;
    if (t == kDiv || t == kArticle || t == kMain || t == kSection) s += 5;
    else if (t == kPre || t == kTd || t == kBlockquote) s += 3;
    else if (t == kAddress || t == kOl || t == kUl || t == kDl || t == kDd || t == kDt || t == kLi || t == kForm)
      s -= 3;
    else if (IsHeadingCode(t) || t == kTh)
      s -= 5;
    return s;
  }

  xmlNodePtr PickArticle() {
    candidates_.clear();
    // Score paragraph-like elements and credit their ancestors.
    for (size_t i = static_cast<size_t>(body_index_); i < page_.info.size(); ++i) {
      Info& in = page_.info[i];
      if (!in.live || in.furniture) continue;
      xmlNodePtr n = page_.nodes[i];
      const uint8_t t = in.tag;
      // Paragraphs, and containers whose own text (outside block children)
      // reads like one: text separated by <br> or empty divs.
      bool para = t == kP || t == kPre || t == kTd ||
                  ((t == kDiv || t == kSection || t == kArticle || t == kSpan || t == kFont || t == kMain ||
                    t == kBlockquote) &&
                   (!in.block_children || in.own_chars >= 100));
      const int64_t len = in.block_children ? in.own_chars : in.chars;
      if (!para || len < 25) continue;
      double score = 1 + in.commas + std::min<double>(static_cast<double>(len / 100), 3);
      // Text loose in a container beside its blocks is a paragraph of that
      // container (readability wraps it in a <p>): the container itself is
      // the first to get credit. A container of text alone is the paragraph.
      const bool loose_text = in.block_children && t != kP && t != kPre && t != kTd;
      xmlNodePtr a = loose_text ? n : n->parent;
      for (int level = 0; level < 5 && page_.Has(a); ++level, a = a->parent) {
        Info& ai = page_.Of(a);
        if (!ai.scored) {
          ai.scored = true;
          ai.score = BaseScore(ai);
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
      if (!append && si.tag == kP) {
        double ld = LinkDensity(si);
        if (si.chars > 80 && ld < 0.25) {
          append = true;
        } else if (si.chars > 0 && si.chars <= 80 && ld == 0) {
          std::string text = TextOf(s);
          append = !text.empty() && text.back() == '.';
        }
      }
      if (append) out.push_back(s);
    }
    return out;
  }

  // Readability's conditional clean: a container inside the article that is
  // mostly links, a list of links, or a form is furniture after all.
  bool DropContainer(const Info& in) {
    const uint8_t t = in.tag;
    if (!(t == kDiv || t == kSection || t == kUl || t == kOl || t == kTable || t == kDl || t == kAside ||
          t == kSpan))
      return false;
    // A span without blocks is inline text: one link inside a sentence is
    // part of it; several (a pop-up of related headlines) are not.
    if (t == kSpan && !in.block_children && in.links < 2) return false;
    if (in.weight < 0) return true;
    if (in.commas >= 10) return false;
    double ld = LinkDensity(in);
    if (in.chars == 0) return false;
    if (t != kUl && t != kOl && in.list_items > in.paragraphs + 2 && ld > 0.2) return true;
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
      const bool maybe_title = !title.empty() && b.text.size() == title.size() && Lower(b.text) == title;
      if (i < first_long && b.text.size() < 100) {
        if (maybe_title) continue;
        if (clean && text::ParsePublicationDate(b.text, dates_)) continue;
      }
      if (b.kind == BlockKind::kHeading && maybe_title) continue;
      out.push_back(std::move(b));
    }
    // A heading with nothing after it introduced something that was dropped.
    while (clean && !out.empty() && out.back().kind == BlockKind::kHeading) out.pop_back();
    return out;
  }

  static BlockKind BlockKindOf(uint8_t t) {
    if (IsHeadingCode(t)) return BlockKind::kHeading;
    if (t == kLi || t == kDd || t == kDt) return BlockKind::kListItem;
    if (t == kBlockquote) return BlockKind::kQuote;
    if (t == kPre) return BlockKind::kPreformatted;
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
    std::vector<BlockKind> kinds{BlockKindOf(page_.Has(top) ? page_.Of(top).tag : uint8_t{kOther})};
    auto kind = [&] { return kinds.back(); };
    xmlNodePtr n = top;
    while (n) {
      bool skip = false;
      bool entered_block = false;
      const Info* in = page_.Has(n) ? &page_.Of(n) : nullptr;
      if (n->type == XML_ELEMENT_NODE) {
        const uint8_t t = in ? in->tag : uint8_t{kOther};
        if (in && in->furniture && n != top) {
          skip = true;
        } else if (clean && n != top && in && DropContainer(*in)) {
          skip = true;
        } else if (clean && in && IsHeadingCode(t) && (in->weight < 0 || LinkDensity(*in) > 0.33)) {
          skip = true;
        } else if (t == kBr || t == kHr) {
          Flush(&buf, kind(), out);
        } else if (n != top && in && in->block) {
          Flush(&buf, kind(), out);
          BlockKind k = BlockKindOf(t);
          // A <p> inside a list item or quote is still that item or quote.
          if (k == BlockKind::kParagraph && kinds.back() != BlockKind::kParagraph &&
              (t == kP || t == kDiv || t == kSpan))
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
        if (in && in->tag == kA) ++link_depth;
        n = n->children;
        continue;
      }
      if (n->type == XML_ELEMENT_NODE && !skip && !n->children) {
        // an empty inline element: keep words apart
        buf.push_back(' ');
      }
      while (n && n != top && !n->next) {
        n = n->parent;
        if (!n || n == top || n->type != XML_ELEMENT_NODE) continue;
        const Info* pi = page_.Has(n) ? &page_.Of(n) : nullptr;
        if (pi && pi->block) {
          Flush(&buf, kind(), out);
          if (kinds.size() > 1) kinds.pop_back();
        } else {
          const uint8_t t = pi ? pi->tag : uint8_t{kOther};
          if (t == kA && link_depth > 0) --link_depth;
          if (!IsInlineCode(t)) buf.push_back(' ');
        }
      }
      if (!n || n == top) break;
      n = n->next;
    }
    Flush(&buf, kind(), out);
  }

  static void NameFacts(xmlNodePtr n, Info* in) {
    const ElementKind k = KindOf(n);
    in->tag = k.code;
    in->furniture_tag = k.furniture;
    in->block = k.block;
  }

  // Pages repeat the same class strings many times. The keys view the
  // document's attribute text, which outlives the extractor.
  uint8_t CachedFlags(std::string_view value, bool scratch) {
    if (value.empty()) return 0;
    if (!scratch) {
      auto it = class_flags_.find(value);
      if (it != class_flags_.end()) return it->second;
    }
    lower_.assign(value);
    for (char& c : lower_) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    uint8_t f = FlagsOf(lower_);
    if (!scratch) class_flags_.emplace(value, f);
    return f;
  }


  std::unordered_map<std::string_view, uint8_t> class_flags_;
  std::string lower_;  // scratch for CachedFlags
  int64_t link_bytes_ = 0;  // non-space bytes inside <a> in the block being built
  htmlDocPtr doc_;
  std::string title_;
  const text::DateVocabulary& dates_;
  xmlNodePtr body_ = nullptr;
  int32_t body_index_ = 0;
  int64_t body_chars_ = 0;
  Page page_;
  std::vector<xmlNodePtr> candidates_;
};

}  // namespace

std::vector<Block> ExtractContent(htmlDocPtr doc, std::string_view title, const text::DateVocabulary& dates) {
  if (!doc) return {};
  Extractor e(doc, title, dates);
  return e.Run();
}

}  // namespace warta::html::internal
