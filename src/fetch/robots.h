// robots.txt (RFC 9309, the Robots Exclusion Protocol): parsing and matching.
//
// The fetcher asks, for each URL, whether the site lets Warta's crawler have
// it. A robots.txt is a list of groups, each opened by one or more
// `User-agent:` lines and holding `Allow:` and `Disallow:` rules (path
// patterns with `*` for any run of characters and a final `$` for the end of
// the path); `Sitemap:` lines stand outside the groups, and `Crawl-delay:`
// (not in the RFC, still written by many news sites) is kept with its group.
//
//   fetch::Robots robots = fetch::Robots::Parse(body, "https://a.example/robots.txt");
//   fetch::RobotsGroup g = robots.ForAgent("Warta");
//   if (!g.Allowed(fetch::RobotsPath(url))) skip(url);
//
// The group for a crawler (RFC 9309 section 2.2.1): every group whose
// user-agent product token equals the crawler's, ASCII case-insensitively,
// merged into one; else every `*` group merged; else no rules (all allowed).
// A user-agent line's token is its leading run of letters, '-' and '_'
// ("Googlebot/2.1 (+http://...)" names "Googlebot"), and the crawler's is
// read the same way ("Warta/0.1" is "Warta").
//
// Matching (section 2.2.2): the rule whose pattern matches the start of the
// path (all of it for a pattern ending in `$`) with the most octets wins; an
// Allow wins a tie; no matching rule means allowed; "/robots.txt" is always
// allowed. Pattern and path are compared percent-encoding-normalised: bytes
// outside ASCII encoded, escapes of unreserved characters (letters, digits,
// "-._~") decoded, other escapes upper-cased.
//
// Limits: only the first RobotsOptions::max_bytes (500 KiB, the least the
// RFC lets a crawler read) are parsed; the rest is ignored, as the RFC allows.
// Parsing never fails: a line that is no `key: value` or has an unknown key
// is counted and skipped. Thread-safe once built (const methods only).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::fetch {

struct RobotsOptions {
  // Bytes of the file read; the rest is ignored (RFC 9309 section 2.5).
  size_t max_bytes = 500 * 1024;
  // A longer rule line is skipped (counted in ignored_lines): matching costs
  // the product of pattern and path lengths.
  size_t max_pattern_bytes = 16 * 1024;
};

struct RobotsRule {
  bool allow = false;
  std::string pattern;  // percent-encoding-normalised (see the file comment)
  int line = 0;         // 1-based line in the file, for messages
};

struct RobotsDecision {
  bool allowed = true;
  // The rule that decided; nullopt when none matched (or for /robots.txt).
  std::optional<RobotsRule> rule;
};

// The rules that apply to one crawler: the matched groups merged.
struct RobotsGroup {
  std::vector<RobotsRule> rules;  // in file order
  // The largest Crawl-delay of the merged groups, in seconds; nullopt when
  // none gave one.
  std::optional<double> crawl_delay_seconds;
  // True when some group named the crawler or `*` (false: no rules at all).
  bool matched = false;

  // `path` is a URL's path and query ("/a/b?c", see RobotsPath in url.h).
  RobotsDecision Decide(std::string_view path) const;
  bool Allowed(std::string_view path) const { return Decide(path).allowed; }
};

class Robots {
 public:
  // Parses `text` (the body of a robots.txt). `robots_url`, when given,
  // resolves relative Sitemap: lines.
  static Robots Parse(std::string_view text, std::string_view robots_url = "", const RobotsOptions& options = {});
  // What RFC 9309 section 2.3.1 says a crawler assumes when robots.txt is
  // unavailable (a 4xx status: everything allowed) or unreachable (a 5xx
  // status or a network error: nothing allowed).
  static Robots AllowAll();
  static Robots DisallowAll();
  // The rules a fetch of robots.txt gives (section 2.3.1): a 2xx body
  // parsed; 4xx: AllowAll; 5xx, or any other status the client could not
  // follow (a 3xx left after its redirects, 0 for a network error):
  // DisallowAll.
  static Robots FromResponse(int http_status, std::string_view body, std::string_view robots_url,
                             const RobotsOptions& options = {});

  // The merged group for `agent` (a product token, "Warta", or a user agent
  // string, "Warta/0.1").
  RobotsGroup ForAgent(std::string_view agent) const;

  // The Sitemap: URLs in file order (resolved against robots_url when it
  // was given, else as written), duplicates removed.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // Lines skipped: no "key: value", an unknown key, a rule before any
  // user-agent line, an unreadable Crawl-delay, a pattern over the limit.
  size_t ignored_lines() const { return ignored_lines_; }
  // True when the file was longer than RobotsOptions::max_bytes.
  bool truncated() const { return truncated_; }

 private:
  struct Group {
    std::vector<std::string> agents;  // product tokens, lower case ("*" too)
    std::vector<RobotsRule> rules;
    std::optional<double> crawl_delay_seconds;
  };
  std::vector<Group> groups_;
  std::vector<std::string> sitemaps_;
  size_t ignored_lines_ = 0;
  bool truncated_ = false;
};

// The percent-encoding-normalised form of a robots.txt path or pattern (see
// the file comment); '*' and '$' pass unchanged.
std::string NormaliseRobotsPath(std::string_view path);

// True when `pattern` (normalised) matches `path` (normalised): a prefix
// match, '*' matching any run of bytes, a final '$' anchoring at the end.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace warta::fetch
