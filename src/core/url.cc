#include "core/url.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace warta {

std::string ArticleUrlKey(std::string_view url) {
  url = TrimSpace(url);
  if (size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) url = url.substr(scheme + 3);
  else if (url.substr(0, 2) == "//") url = url.substr(2);
  size_t slash = url.find('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  std::string host(url.substr(0, slash));
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos) return {};
  std::string_view rest = url.substr(slash);
  std::string_view path = rest, query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q + 1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string kept;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    if (!param.empty() && param.rfind("utm_", 0) != 0) {
      kept += kept.empty() ? "?" : "&";
      kept += param;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  if (path.empty() && kept.empty()) return {};
  return host + std::string(path) + kept;
}

}  // namespace warta

namespace warta {

std::string RegistrableDomain(std::string_view url) {
  url = TrimSpace(url);
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) url = url.substr(scheme + 3);
  else if (url.substr(0, 2) == "//") url = url.substr(2);
  url = url.substr(0, url.find_first_of("/?#"));
  if (size_t at = url.rfind('@'); at != std::string_view::npos) url = url.substr(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  std::vector<std::string_view> labels;
  std::string_view rest(host);
  while (!rest.empty()) {
    size_t dot = rest.find('.');
    labels.push_back(rest.substr(0, dot));
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return {};
  for (std::string_view l : labels)
    if (l.empty()) return {};
  size_t keep = 2;
  const std::string_view tld = labels.back(), second = labels[labels.size() - 2];
  if (labels.size() >= 3 && tld.size() == 2 && second.size() <= 3) keep = 3;
  std::string out;
  for (size_t i = labels.size() - keep; i < labels.size(); ++i) {
    if (!out.empty()) out += '.';
    out += labels[i];
  }
  return out;
}

}  // namespace warta
