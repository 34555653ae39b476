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
