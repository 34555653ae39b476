// Article identity from URLs.
#pragma once

#include <string>
#include <string_view>

namespace warta {

// The key under which two URLs name the same article: scheme, "www." and
// the fragment dropped, host lower-cased, utm_* tracking parameters and a
// trailing slash removed ("https://www.Kompas.com/a/b/?utm_source=x#top" ->
// "kompas.com/a/b"). Empty for a site root or anything without a host and a
// path, which cannot identify one article.
std::string ArticleUrlKey(std::string_view url);

}  // namespace warta

namespace warta {

// The registrable domain of a URL's host: the part one owner controls, so
// the sub-domains of one network share it ("https://finance.detik.com/a" and
// "news.detik.com" -> "detik.com"; "www.kompas.co.id" -> "kompas.co.id").
// A host under a two-letter country code whose second level is a short
// generic label ("co", "or", "go", "ac", "com", "net", ...: three letters at
// most) keeps three labels, others two. Lower case; "" when the URL has no
// dotted host. A heuristic, not the Public Suffix List: it needs no data and
// is right for the country-code second levels news sites use.
std::string RegistrableDomain(std::string_view url);

}  // namespace warta
