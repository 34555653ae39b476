#include "html/quality.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "core/datetime.h"
#include "core/gzip.h"
#include "core/utf8.h"

namespace warta::html::quality {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

bool IsWordChar(char32_t cp) {
  if (cp == '_') return true;
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  int8_t t = u_charType(static_cast<UChar32>(cp));
  switch (t) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> ShingleList(std::string_view text) {
  std::vector<std::string> tokens = WordTokens(text);
  std::vector<std::string> out;
  const size_t n = 4;
  size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string s;
    for (size_t k = i; k < std::min(tokens.size(), i + n); ++k) {
      if (!s.empty()) s.push_back(' ');
      s += tokens[k];
    }
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::string Norm(std::string_view s) {
  std::string out;
  for (const std::string& t : WordTokens(s, true)) {
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

// Same moment (both zoned) or same wall clock; the precision the gold has.
bool DatesMatch(const std::string& ours, const std::string& gold) {
  auto g = DateTime::ParseIso(gold);
  auto o = DateTime::ParseIso(ours);
  if (!g || !o) return false;
  if (!g->has_time) return o->year == g->year && o->month == g->month && o->day == g->day;
  if (!o->has_time) return false;
  if (o->has_offset && g->has_offset) {
    auto minutes = [](const DateTime& d) {
      return d.DaysSinceEpoch() * 1440 + d.hour * 60 + d.minute - d.offset_minutes;
    };
    return minutes(*o) == minutes(*g);
  }
  return o->year == g->year && o->month == g->month && o->day == g->day && o->hour == g->hour &&
         o->minute == g->minute;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view text, bool lower) {
  std::vector<std::string> out;
  std::string cur;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = Utf8Next(text, &pos);
    if (pos == start) ++pos;
    if (IsWordChar(cp)) {
      if (lower) Utf8Append(&cur, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
      else cur.append(text.substr(start, pos - start));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

ShingleCounts Shingles(std::string_view extracted, std::string_view gold) {
  std::unordered_map<std::string, int> g;
  for (std::string& s : ShingleList(gold)) ++g[s];
  ShingleCounts c;
  double gold_total = 0;
  for (auto& [k, v] : g) gold_total += v;
  for (std::string& s : ShingleList(extracted)) {
    auto it = g.find(s);
    if (it != g.end() && it->second > 0) {
      --it->second;
      ++c.tp;
    } else {
      ++c.fp;
    }
  }
  c.fn = gold_total - c.tp;
  return c;
}

double WordF1(std::string_view extracted, std::string_view gold) {
  std::unordered_map<std::string, int> g;
  std::vector<std::string> gt = WordTokens(gold, true);
  for (std::string& t : gt) ++g[t];
  std::vector<std::string> et = WordTokens(extracted, true);
  double tp = 0;
  for (std::string& t : et) {
    auto it = g.find(t);
    if (it != g.end() && it->second > 0) {
      --it->second;
      ++tp;
    }
  }
  if (et.empty() || gt.empty()) return et.empty() && gt.empty() ? 1 : 0;
  double p = tp / static_cast<double>(et.size()), r = tp / static_cast<double>(gt.size());
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

std::string PageText(const ExtractedPage& page) {
  std::string text;
  for (const Block& b : page.blocks) {
    if (!text.empty()) text.push_back('\n');
    text += b.text;
  }
  return text;
}

StatusOr<std::string> ReadMaybeGzip(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string raw = ss.str();
  if (!IsGzip(raw)) return raw;
  StatusOr<std::string> out = Inflate(raw);
  if (!out.ok()) return Status::Corrupt(path.string() + ": " + out.status().message());
  return out;
}

StatusOr<ZyteScore> ScoreZyte(const fs::path& dir) {
  auto truth_text = ReadMaybeGzip(dir / "ground-truth.json");
  if (!truth_text.ok()) return truth_text.status();
  json truth = json::parse(*truth_text, nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) return Status::Corrupt("ground-truth.json: bad JSON");
  ZyteScore score;
  double psum = 0, rsum = 0;
  int pn = 0, rn = 0;
  // Sorted ids: a deterministic order.
  std::map<std::string, const json*> items;
  for (auto it = truth.begin(); it != truth.end(); ++it) items[it.key()] = &it.value();
  for (const auto& [id, item] : items) {
    auto html = ReadMaybeGzip(dir / "html" / (id + ".html.gz"));
    if (!html.ok()) return html.status();
    PageContext ctx;
    ctx.url = Str(*item, "url");
    std::string text;
    auto page = Extract(*html, ctx, {});
    if (page.ok()) text = PageText(*page);
    else ++score.failures;
    ShingleCounts c = Shingles(text, Str(*item, "articleBody"));
    ++score.documents;
    ZytePage zp{id, ctx.url, c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1, c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1};
    score.pages.push_back(zp);
    if (c.tp + c.fp > 0) {
      psum += c.tp / (c.tp + c.fp);
      ++pn;
    }
    if (c.tp + c.fn > 0) {
      rsum += c.tp / (c.tp + c.fn);
      ++rn;
    }
    if (c.fp == 0 && c.fn == 0 && c.tp == 0) {
      psum += 1;
      rsum += 1;
      ++pn;
      ++rn;
    }
  }
  score.precision = pn ? psum / pn : 0;
  score.recall = rn ? rsum / rn : 0;
  double s = score.precision + score.recall;
  score.f1 = s > 0 ? 2 * score.precision * score.recall / s : 0;
  return score;
}

StatusOr<IdNewsScore> ScoreIdNews(const fs::path& dir) {
  std::vector<fs::path> golds;
  for (const char* sub : {"anpandu", "fundus"}) {
    std::error_code ec;
    for (fs::directory_iterator it(dir / sub, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.size() > 10 && name.substr(name.size() - 10) == ".gold.json") golds.push_back(it->path());
    }
  }
  std::sort(golds.begin(), golds.end());
  if (golds.empty()) return Status::NotFound(dir.string() + ": no *.gold.json pages");
  IdNewsScore score;
  double sum = 0;
  for (const fs::path& g : golds) {
    auto gtext = ReadMaybeGzip(g);
    if (!gtext.ok()) return gtext.status();
    json gold = json::parse(*gtext, nullptr, false);
    if (gold.is_discarded()) return Status::Corrupt(g.string() + ": bad JSON");
    std::string stem = g.filename().string();
    stem.resize(stem.size() - 10);
    auto html = ReadMaybeGzip(g.parent_path() / (stem + ".html"));
    if (!html.ok()) return html.status();
    PageContext ctx;
    ctx.url = Str(gold, "url");
    IdNewsPage p;
    p.id = stem;
    p.gold_title = Str(gold, "title");
    p.gold_date = Str(gold, "date");
    auto page = Extract(*html, ctx, {});
    if (page.ok()) {
      p.word_f1 = WordF1(PageText(*page), Str(gold, "main_text"));
      p.title = page->title;
      p.date = page->published;
    }
    p.title_ok = !p.title.empty() && Norm(p.title) == Norm(p.gold_title);
    p.date_ok = DatesMatch(p.date, p.gold_date);
    sum += p.word_f1;
    score.titles_ok += p.title_ok;
    score.dates_ok += p.date_ok;
    ++score.documents;
    score.pages.push_back(std::move(p));
  }
  score.word_f1 = sum / score.documents;
  return score;
}

StatusOr<ReadabilityScore> ScoreReadabilityPages(const fs::path& dir) {
  std::vector<fs::path> pages;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::exists(it->path() / "expected-metadata.json")) pages.push_back(it->path());
  }
  std::sort(pages.begin(), pages.end());
  if (pages.empty()) return Status::NotFound(dir.string() + ": no pages");
  ReadabilityScore score;
  for (const fs::path& p : pages) {
    auto mtext = ReadMaybeGzip(p / "expected-metadata.json");
    if (!mtext.ok()) return mtext.status();
    json m = json::parse(*mtext, nullptr, false);
    if (m.is_discarded()) return Status::Corrupt((p / "expected-metadata.json").string() + ": bad JSON");
    auto html = ReadMaybeGzip(p / "source.html");
    if (!html.ok()) return html.status();
    ++score.documents;
    ExtractedPage page;
    auto r = Extract(*html, {}, {});
    if (r.ok()) page = std::move(*r);
    std::string authors;
    for (const std::string& a : page.authors) {
      if (!authors.empty()) authors += ", ";
      authors += a;
    }
    auto field = [](FieldScore* f, const std::string& expected, const std::string& got, bool ok) {
      if (expected.empty()) {
        if (!got.empty()) ++f->spurious;
        return;
      }
      ++f->expected;
      if (ok) ++f->correct;
    };
    std::string et = Str(m, "title"), eb = Str(m, "byline"), ep = Str(m, "publishedTime"),
                es = Str(m, "siteName");
    std::string byline = eb;
    if (Norm(byline).rfind("by ", 0) == 0) byline = byline.substr(byline.find_first_of("yY") + 1);
    field(&score.title, et, page.title, Norm(page.title) == Norm(et));
    field(&score.byline, eb, authors, !authors.empty() && Norm(authors) == Norm(byline));
    field(&score.published, ep, page.published, DatesMatch(page.published, ep));
    // The outlet falls back to the host; only a declared site name is compared.
    field(&score.site_name, es, page.outlet, Norm(page.outlet) == Norm(es));
  }
  return score;
}

}  // namespace warta::html::quality
