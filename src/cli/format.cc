#include "cli/format.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/utf8.h"

#include "query/export.h"

namespace warta::cli {

std::string HumanBytes(int64_t bytes) {
  if (bytes < 1000) return fmt::format("{} bytes", bytes);
  if (bytes < 1000 * 1000) return fmt::format("{:.1f} kB", static_cast<double>(bytes) / 1e3);
  if (bytes < 1000LL * 1000 * 1000) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{:.2f} GB", static_cast<double>(bytes) / 1e9);
}

std::optional<DateTime> ParseDateBound(const std::string& t, bool end) {
  DateTime d;
  auto digits = [&](size_t pos, size_t len) {
    if (pos + len > t.size()) return false;
    for (size_t i = pos; i < pos + len; ++i)
      if (t[i] < '0' || t[i] > '9') return false;
    return true;
  };
  if (t.size() == 4 && digits(0, 4)) {
    d.year = std::stoi(t);
    d.month = end ? 12 : 1;
    d.day = end ? 31 : 1;
  } else if (t.size() == 7 && digits(0, 4) && t[4] == '-' && digits(5, 2)) {
    d.year = std::stoi(t.substr(0, 4));
    d.month = std::stoi(t.substr(5, 2));
    d.day = end ? DaysInMonth(d.year, d.month) : 1;
  } else {
    auto iso = DateTime::ParseIso(t);
    if (!iso || iso->has_time) return std::nullopt;
    return iso;
  }
  if (!d.IsValid()) return std::nullopt;
  return d;
}

std::string RenderSnippet(const std::string& s, bool ansi) {
  std::string out;
  out.reserve(s.size());
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}};
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 6, "<mark>") == 0) {
      out += ansi ? "\x1b[1;33m" : "*";
      i += 6;
      continue;
    }
    if (s.compare(i, 7, "</mark>") == 0) {
      out += ansi ? "\x1b[0m" : "*";
      i += 7;
      continue;
    }
    if (s[i] == '\n') {  // paragraph breaks inside a snippet read as one line
      out += " ";
      ++i;
      continue;
    }
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [from, to] : kEntities) {
        size_t n = std::char_traits<char>::length(from);
        if (s.compare(i, n, from) == 0) {
          out += to;
          i += n;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

std::string SearchText(const query::SearchPage& page, const index::SearchRequest& req, bool ansi) {
  std::string out;
  if (page.hits.empty()) return fmt::format("no articles match '{}'\n", req.query);
  // The total is exact up to 10,000 (index::SearchResults::estimated_total).
  out += fmt::format("{}{} articles match; showing {}-{}\n\n", page.estimated_total > 10000 ? "about " : "",
                     page.estimated_total, req.offset + 1,
                     req.offset + page.hits.size());
  size_t rank = req.offset;
  for (const auto& h : page.hits) {
    const Article& a = h.article.article;
    std::string date = a.published ? a.published->ToIso().substr(0, 10) : "undated";
    std::string title = a.title.empty() ? "(untitled)" : a.title;
    out += fmt::format("{:>3}. {}{}{}\n     {} | {} | id {} | score {:.2f}\n", ++rank, ansi ? "\x1b[1m" : "", title,
                       ansi ? "\x1b[0m" : "", a.outlet.empty() ? "unknown outlet" : a.outlet, date,
                       a.id.substr(0, 12), h.score);
    if (h.article.story_id) out += fmt::format("     story {}\n", h.article.story_id);
    out += "     " + RenderSnippet(h.snippet, ansi) + "\n";
    for (const auto& c : h.copies)
      out += fmt::format("     {} {} | {} | id {}\n", c.seq == h.article.copy_of ? "original:" : "copy:    ",
                         c.outlet.empty() ? "unknown outlet" : c.outlet,
                         c.published ? c.published->ToIso().substr(0, 10) : "undated", c.id.substr(0, 12));
    out += "\n";
  }
  return out;
}

std::string ArticleText(const store::StoredArticle& s, bool ansi, const store::ArticleRef* original) {
  const Article& a = s.article;
  std::string out;
  const char* b = ansi ? "\x1b[1m" : "";
  const char* e = ansi ? "\x1b[0m" : "";
  out += fmt::format("{}{}{}\n", b, a.title.empty() ? "(untitled)" : a.title, e);
  out += fmt::format("id:        {}\n", a.id);
  out += fmt::format("outlet:    {}\n", a.outlet);
  out += fmt::format("published: {}\n", a.published ? a.published->ToIso()
                                        : a.inferred_published
                                            ? "unknown (inferred from the text: " + a.inferred_published->ToIso() + ")"
                                            : std::string("unknown"));
  auto join = [](const std::vector<std::string>& v) {
    std::string r;
    for (size_t i = 0; i < v.size(); ++i) r += (i ? ", " : "") + v[i];
    return r;
  };
  if (!a.authors.empty()) out += fmt::format("authors:   {}\n", join(a.authors));
  if (!a.editors.empty()) out += fmt::format("editors:   {}\n", join(a.editors));
  if (!a.url.empty()) out += fmt::format("url:       {}\n", a.url);
  out += fmt::format("source:    {}\n", a.source);
  out += fmt::format("language:  {}\n", a.language);
  if (a.letter_case != LetterCase::kMixed)
    out += fmt::format("case:      restored from {} (the source wrote it so)\n",
                       a.letter_case == LetterCase::kLower ? "lower case" : "all caps");
  if (s.story_id) out += fmt::format("story:     {} (warta story {})\n", s.story_id, s.story_id);
  if (original)
    out += fmt::format("copy of:   {} {} ({}), similarity {:.2f}{}{}\n", original->id.substr(0, 12), original->title,
                       original->outlet.empty() ? "unknown outlet" : original->outlet, s.similarity,
                       s.copy_reason.empty() ? "" : ", ", s.copy_reason);
  out += "\n";
  // Time expressions are marked where they stand, with their normalised
  // value: "Senin (18 November)⟨2024-11-18⟩".
  int32_t para_begin = 0;
  size_t next_timex = 0;
  for (const auto& p : a.paragraphs) {
    const int32_t para_end = para_begin + static_cast<int32_t>(Utf8Length(p));
    std::string marked;
    size_t byte = 0;
    int32_t cp = para_begin;
    auto advance_to = [&](int32_t target) {
      size_t start = byte;
      while (cp < target && byte < p.size()) {
        Utf8Next(p, &byte);
        ++cp;
      }
      return std::string_view(p).substr(start, byte - start);
    };
    while (next_timex < a.timexes.size() && a.timexes[next_timex].span.begin < para_end) {
      const TimeExpression& t = a.timexes[next_timex++];
      if (t.span.begin < cp || t.span.end > para_end) continue;  // overlapping or crossing paragraphs
      marked += advance_to(t.span.begin);
      std::string_view text = advance_to(t.span.end);
      std::string value = t.value.empty() ? "?" : t.value;
      marked += ansi ? fmt::format("\x1b[4m{}\x1b[0m\x1b[2m⟨{}⟩\x1b[0m", text, value) : fmt::format("{}⟨{}⟩", text, value);
    }
    marked += std::string_view(p).substr(byte);
    out += marked + "\n\n";
    para_begin = para_end + 1;  // the '\n' between paragraphs
  }
  if (!a.entities.empty()) {
    std::vector<std::pair<std::string, std::string>> seen;  // canonical, type, in order of first mention
    for (const auto& m : a.entities) {
      std::pair<std::string, std::string> key{m.canonical.empty() ? m.text : m.canonical, std::string(Name(m.type))};
      if (std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
    }
    out += fmt::format("{}entities{}\n", b, e);
    for (const auto& [name, type] : seen) out += fmt::format("  {:<13} {}\n", type, name);
    out += "\n";
  }
  if (!a.removed.empty()) {
    out += fmt::format("{}removed by cleaning ({} lines){}\n", b, a.removed.size(), e);
    for (const auto& r : a.removed) {
      std::string text = r.text.size() > 100 ? r.text.substr(0, 100) + "…" : r.text;
      out += fmt::format("  line {:>3}  {:<18} {}\n", r.line, r.reason, text);
    }
  }
  return out;
}

std::string StatsText(const store::StoreStats& s, const std::string& dir, int shards, int64_t lag) {
  std::string out;
  out += fmt::format("data directory: {}\n", dir);
  out += fmt::format("articles:       {}\n", s.articles);
  out += fmt::format("outlets:        {}\n", s.outlets);
  out += fmt::format("text:           {}\n", HumanBytes(s.text_bytes));
  if (s.first_published)
    out += fmt::format("published:      {} .. {}\n", s.first_published->ToIso(), s.last_published->ToIso());
  out += fmt::format("removed lines:  {}\n", s.removed_lines);
  for (const auto& [reason, n] : s.removed_by_reason) out += fmt::format("  {:<20} {}\n", reason, n);
  out += fmt::format("index shards:   {}{}\n", shards,
                     lag > 0 ? fmt::format(" (lacks {} articles: run 'warta reindex')", lag) : "");
  if (!s.top_outlets.empty()) {
    out += "top outlets:\n";
    for (const auto& [o, n] : s.top_outlets) out += fmt::format("  {:<24} {}\n", o, n);
  }
  if (!s.case_by_outlet.empty()) {
    out += "case restored (source wrote lower case / all caps, of its articles):\n";
    for (const auto& c : s.case_by_outlet)
      out += fmt::format("  {:<24} {} / {} of {}\n", c.outlet.empty() ? "(unknown outlet)" : c.outlet, c.lower,
                         c.upper, c.articles);
  }
  return out;
}

}  // namespace warta::cli
