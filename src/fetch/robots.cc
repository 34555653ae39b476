// robots.txt per RFC 9309 (see robots.h).
#include "fetch/robots.h"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "fetch/url.h"

namespace warta::fetch {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

bool IsTokenChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'; }

// The product token a user-agent line or a crawler's name stands for, lower
// case: "*", or the leading run of token characters ("" when there is none).
std::string ProductToken(std::string_view value) {
  if (!value.empty() && value.front() == '*') return "*";
  size_t n = 0;
  while (n < value.size() && IsTokenChar(value[n])) ++n;
  return AsciiLower(value.substr(0, n));
}

std::optional<double> ParseDelay(std::string_view v) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < 0) return std::nullopt;
  return d;
}

}  // namespace

std::string NormaliseRobotsPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && HexValue(path[i + 1]) >= 0 && HexValue(path[i + 2]) >= 0) {
      unsigned char v = static_cast<unsigned char>(HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]));
      if (IsUnreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        out.push_back('%');
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 15]);
      }
      i += 2;
    } else if (c >= 0x80) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  // The set of path positions the pattern read so far can end at, kept
  // sorted; '*' opens every position from the smallest on. Cost: pattern
  // length times path length at worst, with no backtracking.
  std::vector<size_t> pos{0};
  std::vector<size_t> next;
  for (size_t j = 0; j < pattern.size(); ++j) {
    char c = pattern[j];
    if (c == '$' && j + 1 == pattern.size()) return pos.back() == path.size();
    if (c == '*') {
      size_t from = pos.front();
      pos.clear();
      for (size_t p = from; p <= path.size(); ++p) pos.push_back(p);
      continue;
    }
    next.clear();
    for (size_t p : pos) {
      if (p < path.size() && path[p] == c) next.push_back(p + 1);
    }
    if (next.empty()) return false;
    pos.swap(next);
  }
  return true;
}

RobotsDecision RobotsGroup::Decide(std::string_view path_in) const {
  std::string path = NormaliseRobotsPath(path_in.empty() ? std::string_view("/") : path_in);
  RobotsDecision d;
  if (path == "/robots.txt") return d;
  for (const RobotsRule& r : rules) {
    if (!RobotsPatternMatches(r.pattern, path)) continue;
    if (!d.rule || r.pattern.size() > d.rule->pattern.size() ||
        (r.pattern.size() == d.rule->pattern.size() && r.allow && !d.rule->allow)) {
      d.rule = r;
      d.allowed = r.allow;
    }
  }
  return d;
}

Robots Robots::Parse(std::string_view text, std::string_view robots_url, const RobotsOptions& options) {
  Robots out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.size() > options.max_bytes) {
    out.truncated_ = true;
    text = text.substr(0, options.max_bytes);
    // The line cut in two is not read: half a rule could allow too much.
    size_t last = text.find_last_of("\r\n");
    text = last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
  }
  bool group_has_rules = false;  // a user-agent line after a rule opens a new group
  int line_no = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    // CR LF, LF and CR each end a line.
    i = end + (text.substr(end).starts_with("\r\n") ? 2 : 1);
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = TrimAsciiBlanks(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      ++out.ignored_lines_;
      continue;
    }
    std::string key = AsciiLower(TrimAsciiBlanks(line.substr(0, colon)));
    std::string_view value = TrimAsciiBlanks(line.substr(colon + 1));
    if (key == "user-agent") {
      if (out.groups_.empty() || group_has_rules) {
        out.groups_.emplace_back();
        group_has_rules = false;
      }
      std::string token = ProductToken(value);
      if (token.empty()) {
        ++out.ignored_lines_;
      } else {
        out.groups_.back().agents.push_back(std::move(token));
      }
    } else if (key == "allow" || key == "disallow") {
      if (out.groups_.empty() || value.size() > options.max_pattern_bytes) {
        ++out.ignored_lines_;
        continue;
      }
      group_has_rules = true;
      // "Disallow:" with no path is no rule (it allows everything).
      if (value.empty()) continue;
      out.groups_.back().rules.push_back({key == "allow", NormaliseRobotsPath(value), line_no});
    } else if (key == "crawl-delay") {
      std::optional<double> d = ParseDelay(value);
      if (out.groups_.empty() || !d) {
        ++out.ignored_lines_;
        continue;
      }
      group_has_rules = true;
      std::optional<double>& cd = out.groups_.back().crawl_delay_seconds;
      if (!cd || *d > *cd) cd = d;
    } else if (key == "sitemap") {
      std::string url(value);
      if (!robots_url.empty()) {
        std::optional<std::string> r = ResolveUrl(robots_url, value);
        if (!r) {
          ++out.ignored_lines_;
          continue;
        }
        url = *r;
      }
      if (url.empty()) {
        ++out.ignored_lines_;
        continue;
      }
      bool seen = false;
      for (const std::string& s : out.sitemaps_) seen = seen || s == url;
      if (!seen) out.sitemaps_.push_back(std::move(url));
    } else {
      ++out.ignored_lines_;
    }
  }
  return out;
}

Robots Robots::AllowAll() { return Robots(); }

Robots Robots::DisallowAll() {
  Robots out;
  out.groups_.push_back({{"*"}, {{false, "/", 0}}, std::nullopt});
  return out;
}

Robots Robots::FromResponse(int http_status, std::string_view body, std::string_view robots_url,
                            const RobotsOptions& options) {
  if (http_status >= 200 && http_status < 300) return Parse(body, robots_url, options);
  if (http_status >= 400 && http_status < 500) return AllowAll();
  return DisallowAll();
}

RobotsGroup Robots::ForAgent(std::string_view agent) const {
  std::string token = ProductToken(agent);
  RobotsGroup g;
  auto take = [&](const Group& group) {
    g.matched = true;
    g.rules.insert(g.rules.end(), group.rules.begin(), group.rules.end());
    if (group.crawl_delay_seconds && (!g.crawl_delay_seconds || *group.crawl_delay_seconds > *g.crawl_delay_seconds))
      g.crawl_delay_seconds = group.crawl_delay_seconds;
  };
  auto names = [](const Group& group, std::string_view t) {
    for (const std::string& a : group.agents) {
      if (a == t) return true;
    }
    return false;
  };
  if (!token.empty() && token != "*") {
    for (const Group& group : groups_) {
      if (names(group, token)) take(group);
    }
  }
  if (!g.matched) {
    for (const Group& group : groups_) {
      if (names(group, "*")) take(group);
    }
  }
  return g;
}

}  // namespace warta::fetch
