// Feeds and sitemaps in XML: RSS 2.0 (and 0.9x, 1.0), Atom 1.0, sitemaps,
// sitemap indexes and Google News sitemaps, read with libxml2 in recovery
// mode (see listing.h).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "fetch/listing_internal.h"
#include "fetch/url.h"

namespace warta::fetch::internal {
namespace {

// Namespaces whose elements the readers look for (protocol names, not
// language: each is the identifier its specification fixes).
constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kNewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

// Parse errors as libxml2 reports them: counted, the first one kept.
struct ErrorLog {
  size_t errors = 0;
  std::string first;
};

void OnXmlError(void* user, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  auto* log = ctxt ? static_cast<ErrorLog*>(ctxt->_private) : nullptr;
  if (!log || !error || error->level < XML_ERR_ERROR) return;
  if (log->errors++ == 0) {
    std::string msg = error->message ? error->message : "unknown error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    log->first = "line " + std::to_string(error->line) + ": " + msg;
  }
}

struct DocFree {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};

std::string_view Name(xmlNodePtr n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }
std::string_view NsOf(xmlNodePtr n) { return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : ""; }

// True for an element `local` in namespace `ns` ("" = no namespace). An
// element whose prefix was never declared (recovered documents) is named
// "prefix:local" with no namespace; `prefix` accepts that spelling.
bool Is(xmlNodePtr n, std::string_view local, std::string_view ns, std::string_view prefix = "") {
  if (n->type != XML_ELEMENT_NODE) return false;
  std::string_view name = Name(n);
  if (name == local && NsOf(n) == ns) return true;
  return !prefix.empty() && NsOf(n).empty() && name.size() == prefix.size() + 1 + local.size() &&
         name.starts_with(prefix) && name[prefix.size()] == ':' && name.ends_with(local);
}

xmlNodePtr Child(xmlNodePtr parent, std::string_view local, std::string_view ns, std::string_view prefix = "") {
  for (xmlNodePtr c = parent->children; c; c = c->next) {
    if (Is(c, local, ns, prefix)) return c;
  }
  return nullptr;
}

// What WalkBelow does after visiting a node.
enum class Walk { kEnter, kSkip, kStop };

// Visits the nodes below `parent` in document order with an explicit stack
// (a hostile document's nesting cannot exhaust the call stack):
// `visit(node)` says whether to enter the node's children, pass over them,
// or end the walk.
template <typename Visit>
void WalkBelow(xmlNodePtr parent, Visit visit) {
  std::vector<xmlNodePtr> stack{parent->children};
  while (!stack.empty()) {
    xmlNodePtr c = stack.back();
    stack.pop_back();
    if (!c) continue;
    stack.push_back(c->next);
    switch (visit(c)) {
      case Walk::kEnter:
        stack.push_back(c->children);
        break;
      case Walk::kSkip:
        break;
      case Walk::kStop:
        return;
    }
  }
}

// The text inside `n` (text and CDATA, descendants included), at most
// `limit` bytes. Entity references are not expanded: an entity the document
// defines could be made to grow without bound.
//
// `leave_out` (may be null) names elements whose text is not part of it: in a
// recovered RSS document a <title> left open swallows the item's <link> and
// <pubDate>, which must not become words of the title.
std::string TextOf(xmlNodePtr n, size_t limit, bool (*leave_out)(xmlNodePtr) = nullptr) {
  std::string out;
  if (!n) return out;
  WalkBelow(n, [&](xmlNodePtr c) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      out += reinterpret_cast<const char*>(c->content);
      return out.size() < limit ? Walk::kSkip : Walk::kStop;
    }
    return c->type == XML_ELEMENT_NODE && !(leave_out && leave_out(c)) ? Walk::kEnter : Walk::kSkip;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// The elements RSS 2.0 defines for an item (its specification's names).
bool IsRssItemElement(xmlNodePtr n) {
  static constexpr std::string_view kNames[] = {"item",     "title",     "link", "description", "author", "category",
                                                "comments", "enclosure", "guid", "pubDate",     "source"};
  for (std::string_view k : kNames) {
    if (Name(n) == k) return true;
  }
  return false;
}

// The first element `local` (in `ns`) among the descendants of `parent`,
// in document order, without entering a nested `stop` element: where a
// recovered document put a field its item lost.
xmlNodePtr Descendant(xmlNodePtr parent, std::string_view local, std::string_view ns, std::string_view prefix,
                      std::string_view stop) {
  xmlNodePtr found = nullptr;
  WalkBelow(parent, [&](xmlNodePtr c) {
    if (c->type != XML_ELEMENT_NODE || Name(c) == stop) return Walk::kSkip;
    if (!Is(c, local, ns, prefix)) return Walk::kEnter;
    found = c;
    return Walk::kStop;
  });
  return found;
}

// A child `local`, else (recovered documents) a descendant outside nested items.
xmlNodePtr Field(xmlNodePtr item, std::string_view local, std::string_view ns, std::string_view prefix = "") {
  if (xmlNodePtr c = Child(item, local, ns, prefix)) return c;
  return Descendant(item, local, ns, prefix, Name(item));
}

bool Contains(xmlNodePtr outer, xmlNodePtr inner) {
  for (xmlNodePtr p = inner; p; p = p->parent) {
    if (p == outer) return true;
  }
  return false;
}

std::string Attr(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// The base URL in effect at `n`: the document's, changed by every xml:base
// from the root down (each relative to the one above it).
std::string BaseOf(xmlNodePtr n, const std::string& document_url) {
  std::vector<xmlNodePtr> chain;
  for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) chain.push_back(p);
  std::string base = document_url;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    xmlChar* v = xmlGetNsProp(*it, reinterpret_cast<const xmlChar*>("base"), reinterpret_cast<const xmlChar*>(kXmlNs));
    if (!v) continue;
    if (std::optional<std::string> r = ResolveUrl(base, reinterpret_cast<const char*>(v))) base = *r;
    xmlFree(v);
  }
  return base;
}

class XmlReader {
 public:
  // `cut`: the text the end of a truncated document cut (see ParseXmlListing),
  // or null.
  XmlReader(Collector* c, Listing* l, xmlNodePtr cut) : c_(c), l_(l), cut_(cut) {}

  void Rss(xmlNodePtr root) {
    l_->kind = ListingKind::kRss;
    // RSS 1.0's channel is in the RSS namespace, its root in RDF's.
    xmlNodePtr channel = nullptr;
    for (xmlNodePtr c = root->children; c && !channel; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Name(c) == "channel") channel = c;
    }
    if (channel) l_->title = Title(Child(channel, "title", NsOf(channel)), true);
    // RSS 2.0 puts items in the channel, RSS 1.0 (RDF) beside it, and a
    // recovered document inside an item whose tag it never saw closed: every
    // <item>, in document order.
    size_t n = 0;
    WalkBelow(root, [&](xmlNodePtr c) {
      if (c->type != XML_ELEMENT_NODE) return Walk::kSkip;
      if (Name(c) == "item") RssItem(c, "item " + std::to_string(++n));
      return Walk::kEnter;
    });
  }

  void Atom(xmlNodePtr root) {
    l_->kind = ListingKind::kAtom;
    std::string_view ns = NsOf(root);
    l_->title = Title(Child(root, "title", ns), IsHtmlType(Child(root, "title", ns)));
    size_t n = 0;
    for (xmlNodePtr entry = root->children; entry; entry = entry->next) {
      if (!Is(entry, "entry", ns)) continue;
      std::string what = "entry " + std::to_string(++n);
      ListingEntry e;
      xmlNodePtr link = AtomLink(entry, ns);
      if (link) e.url = Attr(link, "href");
      xmlNodePtr title = Child(entry, "title", ns);
      e.title = Title(title, IsHtmlType(title));
      e.published = Date(Child(entry, "published", ns), what + " published");
      e.updated = Date(Child(entry, "updated", ns), what + " updated");
      Add(&l_->entries, std::move(e), link, entry, what);
    }
  }

  void Sitemap(xmlNodePtr root) {
    std::string_view ns = NsOf(root);
    bool news = false;
    for (xmlNodePtr u = root->children; u && !news; u = u->next) {
      news = Is(u, "url", ns) && Child(u, "news", kNewsNs, "news");
    }
    l_->kind = news ? ListingKind::kGoogleNewsSitemap : ListingKind::kSitemap;
    size_t n = 0;
    for (xmlNodePtr u = root->children; u; u = u->next) {
      if (!Is(u, "url", ns)) continue;
      std::string what = "url " + std::to_string(++n);
      ListingEntry e;
      xmlNodePtr loc = LocAndLastmod(u, ns, what, &e);
      if (xmlNodePtr nn = Child(u, "news", kNewsNs, "news")) {
        e.title = Title(Child(nn, "title", kNewsNs, "news"), false);
        e.published = Date(Child(nn, "publication_date", kNewsNs, "news"), what + " news:publication_date");
      }
      Add(&l_->entries, std::move(e), loc, u, what);
    }
  }

  void SitemapIndex(xmlNodePtr root) {
    l_->kind = ListingKind::kSitemapIndex;
    std::string_view ns = NsOf(root);
    size_t n = 0;
    for (xmlNodePtr s = root->children; s; s = s->next) {
      if (!Is(s, "sitemap", ns)) continue;
      std::string what = "sitemap " + std::to_string(++n);
      ListingEntry e;
      xmlNodePtr loc = LocAndLastmod(s, ns, what, &e);
      Add(&l_->sitemaps, std::move(e), loc, s, what);
    }
  }

  // A sitemap's <url> or a sitemap index's <sitemap>: its <loc> into
  // e->url and <lastmod> into e->updated; returns the <loc> node.
  xmlNodePtr LocAndLastmod(xmlNodePtr node, std::string_view ns, const std::string& what, ListingEntry* e) {
    xmlNodePtr loc = Child(node, "loc", ns);
    e->url = TextOf(loc, c_->options().max_url_bytes + 1);
    e->updated = Date(Child(node, "lastmod", ns), what + " lastmod");
    return loc;
  }

 private:
  // Adds `e`, whose URL came from `source` (an element of `item`, or null),
  // resolved against the base in effect there; a URL the end of a truncated
  // document cut is no URL.
  void Add(std::vector<ListingEntry>* list, ListingEntry e, xmlNodePtr source, xmlNodePtr item,
           const std::string& what) {
    if (cut_ && source && Contains(source, cut_)) {
      c_->Skip(what + ": link cut short by the end of the document");
      return;
    }
    c_->Add(list, std::move(e), BaseOf(source ? source : item, c_->document_url()), what);
  }

  void RssItem(xmlNodePtr item, const std::string& what) {
    std::string_view ns = NsOf(item);
    ListingEntry e;
    xmlNodePtr link = Field(item, "link", ns);
    e.url = TextOf(link, c_->options().max_url_bytes + 1);
    if (TrimAsciiBlanks(e.url).empty()) {
      // An Atom link inside the item, then a guid that is a permalink (the
      // default, unless isPermaLink="false").
      if (xmlNodePtr al = AtomLink(item, kAtomNs)) {
        e.url = Attr(al, "href");
        link = al;
      } else if (xmlNodePtr guid = Field(item, "guid", ns); guid && Attr(guid, "isPermaLink") != "false") {
        std::string g(TrimAsciiBlanks(TextOf(guid, c_->options().max_url_bytes + 1)));
        if (IsHttpUrl(g)) {
          e.url = g;
          link = guid;
        }
      }
    }
    xmlNodePtr title = Field(item, "title", ns);
    e.title = c_->Title(StripMarkup(TextOf(title, c_->options().max_title_bytes * 4, IsRssItemElement)));
    if (xmlNodePtr pub = Field(item, "pubDate", ns)) {
      std::string text(TrimAsciiBlanks(TextOf(pub, 256)));
      e.published = ParseRfc822Date(text);
      if (!e.published) e.published = DateTime::ParseIso(text);
      if (!e.published && !text.empty()) c_->Problem(what + " pubDate: unreadable date \"" + text.substr(0, 60) + "\"");
    }
    if (!e.published) e.published = Date(Field(item, "date", kDcNs, "dc"), what + " dc:date");
    Add(&l_->entries, std::move(e), link, item, what);
  }

  // The entry's link to its page: rel="alternate" (the default), text/html
  // before other types.
  static xmlNodePtr AtomLink(xmlNodePtr entry, std::string_view ns) {
    xmlNodePtr best = nullptr;
    for (xmlNodePtr l = entry->children; l; l = l->next) {
      if (!Is(l, "link", ns, "atom")) continue;
      std::string rel = AsciiLower(Attr(l, "rel"));
      if (!rel.empty() && rel != "alternate") continue;
      if (Attr(l, "href").empty()) continue;
      std::string type = AsciiLower(Attr(l, "type"));
      if (type.empty() || type.starts_with("text/html") || type.starts_with("application/xhtml")) return l;
      if (!best) best = l;
    }
    return best;
  }

  static bool IsHtmlType(xmlNodePtr n) {
    if (!n) return false;
    std::string t = AsciiLower(Attr(n, "type"));
    return t == "html" || t == "text/html";
  }

  std::string Title(xmlNodePtr n, bool markup) {
    std::string t = TextOf(n, c_->options().max_title_bytes * 4);
    return c_->Title(markup ? StripMarkup(t) : t);
  }

  std::optional<DateTime> Date(xmlNodePtr n, const std::string& what) {
    return n ? c_->IsoDate(TextOf(n, 256), what) : std::nullopt;
  }

  Collector* c_;
  Listing* l_;
  xmlNodePtr cut_;
};

}  // namespace

Status ParseXmlListing(std::string_view utf8, Collector* collector, Listing* listing) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Internal("libxml2 could not make a parser");
  ErrorLog log;
  ctxt->_private = &log;
  ctxt->sax->serror = OnXmlError;
  // Recovering, no network, no entity substitution, no DTD loading; the
  // text is UTF-8 already (listing.cc converted it), whatever it declares.
  const int flags = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                    XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT;
  // libxml2 takes an int length; ListingOptions keeps documents far below 2 GiB.
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                                                         collector->document_url().c_str(), "UTF-8", flags));
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return Status::Corrupt("no readable XML element" + (log.first.empty() ? "" : " (" + log.first + ")"));
  if (log.errors > 0)
    collector->Problem("XML not well-formed (" + std::to_string(log.errors) + " errors, first at " + log.first +
                       "); read what was recoverable");
  // A document that ends inside an element (no closing '>' at its end) was
  // cut short: its last text is not to be trusted (a URL cut in two names
  // another page).
  xmlNodePtr cut = nullptr;
  std::string_view tail = TrimAsciiBlanks(utf8);
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\f' || tail.back() == '\v')) {
    tail.remove_suffix(1);
    tail = TrimAsciiBlanks(tail);
  }
  if (log.errors > 0 && !tail.ends_with('>')) {
    xmlNodePtr last = root;
    while (last->last) last = last->last;
    if (last->type == XML_TEXT_NODE || last->type == XML_CDATA_SECTION_NODE) cut = last;
  }
  std::string_view name = Name(root);
  XmlReader reader(collector, listing, cut);
  if (name == "rss" || name == "RDF") {
    reader.Rss(root);
  } else if (name == "feed") {
    reader.Atom(root);
  } else if (name == "urlset") {
    reader.Sitemap(root);
  } else if (name == "sitemapindex") {
    reader.SitemapIndex(root);
  } else if (AsciiLower(name) == "html") {
    listing->kind = ListingKind::kHtml;
  } else {
    return Status::Unsupported("an XML document that is no feed or sitemap (root element <" +
                               std::string(name.substr(0, 60)) + ">)");
  }
  return Status::Ok();
}

}  // namespace warta::fetch::internal
