// URL references as listings and robots.txt write them, made absolute.
//
// A feed, sitemap or page names its links relative to a base (RFC 3986
// section 5: the document's URL, an xml:base, a <base href>); the fetcher
// needs each as one absolute form so that the same page linked twice is
// fetched once. Thread-safe: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::fetch {

// `reference` resolved against `base` (RFC 3986 section 5.2), normalised the
// way a fetcher sends it: scheme and host lower case, the scheme's default
// port dropped, dot segments removed, an empty path with a host made "/",
// the fragment dropped, and the bytes a URL may not hold literally (spaces,
// quotes, angle brackets, controls, non-ASCII) percent-encoded. Blanks around
// the reference and tabs and line breaks inside it are removed, and for
// http(s) a backslash is a slash, as browsers read them. nullopt when the
// result has no scheme (a relative reference against a relative or empty
// base) or the reference is empty.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view reference);

// True for an absolute http or https URL with a host (what the fetcher can
// request).
bool IsHttpUrl(std::string_view url);

// The path and query of an absolute URL as robots.txt rules match them
// ("/a/b?c=d"), "/" when the path is empty. The URL should come from
// ResolveUrl.
std::string RobotsPath(std::string_view url);

}  // namespace warta::fetch
