#include "entities/resources.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "text/case.h"
#include "text/tokenizer.h"

namespace warta::entities {
namespace {

namespace fs = std::filesystem;

StatusOr<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return ss.str();
}

}  // namespace

StatusOr<std::vector<std::vector<std::string>>> ReadCorpusSentences(const std::vector<std::string>& paths,
                                                                    bool lowercase) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".jsonl") files.push_back(e.path().string());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::NotFound("no .jsonl files in the corpus paths");
  std::vector<std::vector<std::string>> out;
  text::Tokenizer tokenizer;
  std::vector<text::Token> toks;
  for (const std::string& f : files) {
    WARTA_ASSIGN_OR_RETURN(std::string bytes, Slurp(f));
    std::istringstream in(bytes);
    std::string line;
    int64_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object())
        return Status::Corrupt(f + ":" + std::to_string(line_no) + ": not a JSON object");
      auto add_text = [&](const std::string& t) {
        toks.clear();
        tokenizer.Tokenize(t, &toks);
        std::vector<std::string> s;
        for (const auto& tk : toks) {
          std::string_view w = text::TokenText(t, tk);
          s.push_back(lowercase ? text::Lowercase(w) : std::string(w));
        }
        if (!s.empty()) out.push_back(std::move(s));
      };
      if (auto it = j.find("paragraphs"); it != j.end() && it->is_array()) {
        for (const auto& para : *it) {
          if (!para.is_array()) continue;
          for (const auto& sent : para) {
            if (!sent.is_array()) continue;
            std::vector<std::string> s;
            for (const auto& tok : sent)
              if (tok.is_string()) s.push_back(lowercase ? text::Lowercase(tok.get<std::string>()) : tok.get<std::string>());
            if (!s.empty()) out.push_back(std::move(s));
          }
        }
      } else if (auto t = j.find("text"); t != j.end() && t->is_string()) {
        add_text(t->get<std::string>());
      }
    }
  }
  return out;
}

namespace {

// Spherical k-means over sparse unit vectors (rows sorted by falling word
// frequency). Seeds: the most frequent word, then repeatedly the one least
// similar to every seed so far among the 2k most frequent (farthest-first:
// deterministic, no two seeds from one crowd, and no rare oddity as a seed).
constexpr size_t kPool = 2;  // seeds come from the 2k most frequent words
std::vector<uint16_t> KMeans(const std::vector<std::vector<std::pair<uint32_t, float>>>& rows, size_t dims, int k,
                             int iterations) {
  size_t n = rows.size();
  size_t kk = std::min<size_t>(static_cast<size_t>(k), n);
  std::vector<float> cent(kk * dims, 0.f);
  std::vector<float> closest(n, -2.f);  // highest similarity to any seed
  size_t next = 0;
  std::vector<float> dense(dims);
  for (size_t c = 0; c < kk; ++c) {
    std::fill(dense.begin(), dense.end(), 0.f);
    for (auto [d, v] : rows[next]) dense[d] = v;
    std::copy(dense.begin(), dense.end(), cent.begin() + static_cast<long>(c * dims));
    float worst = 2.f;
    size_t arg = 0;
    for (size_t r = 0; r < std::min(n, kPool * kk); ++r) {
      float dot = 0;
      for (auto [d, v] : rows[r]) dot += dense[d] * v;
      closest[r] = std::max(closest[r], dot);
      if (closest[r] < worst) {
        worst = closest[r];
        arg = r;
      }
    }
    next = arg;
  }
  std::vector<uint16_t> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    for (size_t r = 0; r < n; ++r) {
      float best = -1e30f;
      size_t arg = 0;
      for (size_t c = 0; c < kk; ++c) {
        const float* cv = &cent[c * dims];
        float dot = 0;
        for (auto [d, v] : rows[r]) dot += cv[d] * v;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[r] = static_cast<uint16_t>(arg);
    }
    std::fill(cent.begin(), cent.end(), 0.f);
    for (size_t r = 0; r < n; ++r)
      for (auto [d, v] : rows[r]) cent[assign[r] * dims + d] += v;
    for (size_t c = 0; c < kk; ++c) {
      float norm = 0;
      for (size_t d = 0; d < dims; ++d) norm += cent[c * dims + d] * cent[c * dims + d];
      norm = std::sqrt(norm);
      if (norm > 0)
        for (size_t d = 0; d < dims; ++d) cent[c * dims + d] /= norm;
    }
  }
  return assign;
}

}  // namespace

WordClusters LearnClusters(const std::vector<std::vector<std::string>>& cased, const ClusterOptions& options) {
  std::vector<std::vector<std::string>> sentences(cased.size());
  for (size_t i = 0; i < cased.size(); ++i)
    for (const auto& w : cased[i]) sentences[i].push_back(text::Lowercase(w));
  std::unordered_map<std::string, int64_t> freq;
  // Inside a sentence (after a word, number or comma, so not after a full
  // stop or an opening quote) a capital means a name or a title; common
  // words there are written lowercase.
  std::unordered_map<std::string, std::pair<int64_t, int64_t>> inner;  // (capitalised, lowercase)
  auto letter_case = [](std::string_view w) {  // 1 upper, 0 lower, -1 neither (ASCII first byte)
    if (w.empty()) return -1;
    unsigned char c = static_cast<unsigned char>(w[0]);
    return c >= 'A' && c <= 'Z' ? 1 : c >= 'a' && c <= 'z' ? 0 : -1;
  };
  for (size_t si = 0; si < sentences.size(); ++si) {
    const auto& s = sentences[si];
    for (size_t i = 0; i < s.size(); ++i) {
      ++freq[s[i]];
      if (i == 0) continue;
      std::string_view prev = cased[si][i - 1];
      bool inside = prev == "," || letter_case(prev) >= 0 ||
                    (!prev.empty() && prev[0] >= '0' && prev[0] <= '9');
      int lc = letter_case(cased[si][i]);
      if (!inside || lc < 0) continue;
      auto& p = inner[s[i]];
      (lc == 1 ? p.first : p.second) += 1;
    }
  }
  std::vector<std::pair<std::string, int64_t>> byfreq(freq.begin(), freq.end());
  std::sort(byfreq.begin(), byfreq.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::unordered_map<std::string, uint32_t> vocab, ctx;
  WordClusters out;
  for (const auto& [w, f] : byfreq) {
    // The cluster file is one word a line with tab-separated ids.
    if (w.empty() || std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; }))
      continue;
    if (f < options.min_count || vocab.size() >= options.vocabulary) break;
    vocab.emplace(w, static_cast<uint32_t>(out.words.size()));
    out.words.push_back(w);
  }
  size_t clustered = out.words.size();
  for (const auto& [w, f] : byfreq) {
    if (out.words.size() >= options.profiled || f < options.profile_min_count) break;
    if (w.empty() || vocab.count(w) ||
        std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; }))
      continue;
    out.words.push_back(w);
  }
  for (const std::string& w : out.words) {
    int64_t f = freq[w];
    int lg = 0;
    while (lg < 15 && (int64_t{2} << lg) <= f) ++lg;
    out.freq.push_back(static_cast<uint8_t>(lg));
    auto it = inner.find(w);
    int64_t up = it == inner.end() ? 0 : it->second.first, low = it == inner.end() ? 0 : it->second.second;
    if (up + low == 0) {
      out.caps.push_back(0);
      continue;
    }
    int bucket = std::min<int>(4, static_cast<int>(5 * up / (up + low)));
    out.caps.push_back(static_cast<uint8_t>(1 + (up + low >= 5 ? 5 : 0) + bucket));
  }
  for (size_t i = 0; i < byfreq.size() && i < options.contexts; ++i) ctx.emplace(byfreq[i].first, static_cast<uint32_t>(i));
  size_t nctx = std::min(options.contexts, byfreq.size());
  size_t dims = 2 * nctx + 2;  // left, right, plus sentence boundary on each side
  std::vector<std::unordered_map<uint32_t, float>> counts(clustered);
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      auto v = vocab.find(s[i]);
      if (v == vocab.end()) continue;
      auto& row = counts[v->second];
      if (i == 0) {
        row[static_cast<uint32_t>(2 * nctx)] += 1;
      } else if (auto c = ctx.find(s[i - 1]); c != ctx.end()) {
        row[c->second] += 1;
      }
      if (i + 1 == s.size()) {
        row[static_cast<uint32_t>(2 * nctx + 1)] += 1;
      } else if (auto c = ctx.find(s[i + 1]); c != ctx.end()) {
        row[static_cast<uint32_t>(nctx) + c->second] += 1;
      }
    }
  }
  std::vector<std::vector<std::pair<uint32_t, float>>> rows(clustered);
  for (size_t r = 0; r < rows.size(); ++r) {
    rows[r].assign(counts[r].begin(), counts[r].end());
    std::sort(rows[r].begin(), rows[r].end());
    float norm = 0;
    for (auto& [d, v] : rows[r]) {
      v = std::sqrt(v);
      norm += v * v;
    }
    norm = std::sqrt(norm);
    if (norm > 0)
      for (auto& [d, v] : rows[r]) v /= norm;
  }
  out.fine = KMeans(rows, dims, options.fine, options.iterations);
  out.coarse = KMeans(rows, dims, options.coarse, options.iterations);
  out.finest = KMeans(rows, dims, options.finest, options.iterations);
  for (auto* v : {&out.fine, &out.coarse, &out.finest}) v->resize(out.words.size(), WordClusters::kNoCluster);
  return out;
}

Status WriteClusters(const WordClusters& clusters, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(path + ": cannot write");
  for (size_t i = 0; i < clusters.words.size(); ++i)
    out << clusters.words[i] << '\t' << clusters.coarse[i] << '\t' << clusters.fine[i] << '\t' << clusters.finest[i]
        << '\t' << int{clusters.caps[i]} << '\t' << int{clusters.freq[i]} << '\n';
  if (!out) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

StatusOr<WordClusters> ReadClusters(const std::string& path) {
  WARTA_ASSIGN_OR_RETURN(std::string bytes, Slurp(path));
  WordClusters out;
  std::istringstream in(bytes);
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto bad = [&] {
      return Status::Corrupt(path + ":" + std::to_string(line_no) +
                             ": expected word<TAB>coarse<TAB>fine<TAB>finest<TAB>caps<TAB>freq");
    };
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) return bad();
    constexpr long kMax[5] = {65535, 65535, 65535, 10, 15};
    long v[5];
    const char* p = line.c_str() + tab;
    for (int k = 0; k < 5; ++k) {
      if (*p != '\t') return bad();
      char* end = nullptr;
      v[k] = std::strtol(p + 1, &end, 10);
      if (end == p + 1 || v[k] < 0 || v[k] > kMax[k]) return bad();
      p = end;
    }
    if (*p != '\0') return bad();
    out.words.push_back(line.substr(0, tab));
    out.coarse.push_back(static_cast<uint16_t>(v[0]));
    out.fine.push_back(static_cast<uint16_t>(v[1]));
    out.finest.push_back(static_cast<uint16_t>(v[2]));
    out.caps.push_back(static_cast<uint8_t>(v[3]));
    out.freq.push_back(static_cast<uint8_t>(v[4]));
  }
  return out;
}

StatusOr<std::vector<std::pair<std::string, std::string>>> ParseMo(std::string_view bytes, const std::string& name) {
  auto corrupt = [&](const char* why) { return Status::Corrupt(name + ": not a gettext .mo file: " + why); };
  if (bytes.size() < 28) return corrupt("too short");
  auto u32 = [&](size_t off, bool swap) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + off, 4);
    return swap ? __builtin_bswap32(v) : v;
  };
  uint32_t magic = u32(0, false);
  bool swap;
  if (magic == 0x950412deu) {
    swap = false;
  } else if (magic == 0xde120495u) {
    swap = true;
  } else {
    return corrupt("bad magic number");
  }
  uint32_t n = u32(8, swap), orig = u32(12, swap), trans = u32(16, swap);
  if (orig > bytes.size() || trans > bytes.size() || n > (bytes.size() - orig) / 8 || n > (bytes.size() - trans) / 8)
    return corrupt("string table out of range");
  std::vector<std::pair<std::string, std::string>> out;
  auto str = [&](uint32_t table, uint32_t i, std::string* s) {
    uint32_t len = u32(table + 8ull * i, swap), off = u32(table + 8ull * i + 4, swap);
    if (off > bytes.size() || len > bytes.size() - off) return false;
    std::string_view v = bytes.substr(off, len);
    *s = std::string(v.substr(0, v.find('\0')));  // first plural form
    return true;
  };
  for (uint32_t i = 0; i < n; ++i) {
    std::string id, tr;
    if (!str(orig, i, &id) || !str(trans, i, &tr)) return corrupt("string out of range");
    if (!id.empty() && !tr.empty()) out.emplace_back(std::move(id), std::move(tr));
  }
  return out;
}

StatusOr<std::vector<std::string>> LoadCountryGazetteer(const std::string& json_path, const std::string& mo_path) {
  WARTA_ASSIGN_OR_RETURN(std::string json_bytes, Slurp(json_path));
  WARTA_ASSIGN_OR_RETURN(std::string mo_bytes, Slurp(mo_path));
  WARTA_ASSIGN_OR_RETURN(auto pairs, ParseMo(mo_bytes, mo_path));
  std::map<std::string, std::string> tr(pairs.begin(), pairs.end());
  nlohmann::json j = nlohmann::json::parse(json_bytes, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array())
    return Status::Corrupt(json_path + ": expected an object with a \"3166-1\" array");
  text::Tokenizer tokenizer;
  std::vector<text::Token> toks;
  std::vector<std::string> names;
  auto add = [&](std::string s) {
    // "Bolivia (Negara Plurinasional)" -> "Bolivia"; names with a comma
    // ("Korea, Republik") are catalogue forms nobody writes in news.
    if (size_t p = s.find(" ("); p != std::string::npos) s.resize(p);
    if (s.empty() || s.find(',') != std::string::npos) return;
    toks.clear();
    tokenizer.Tokenize(s, &toks);
    std::string joined;
    for (const auto& t : toks) {
      if (!joined.empty()) joined += ' ';
      joined += text::TokenText(s, t);
    }
    names.push_back(joined);
    // "Federasi Rusia", "Kerajaan Belanda": news says "Rusia", "Belanda".
    for (const char* lead : {"Federasi ", "Republik ", "Kerajaan ", "Negara "}) {
      size_t n = std::strlen(lead);
      if (joined.size() > n && joined.compare(0, n, lead) == 0 && joined.find(' ', n) == std::string::npos)
        names.push_back(joined.substr(n));
    }
  };
  for (const auto& e : j["3166-1"]) {
    for (const char* key : {"name", "common_name", "official_name"}) {
      if (!e.contains(key) || !e[key].is_string()) continue;
      std::string en = e[key].get<std::string>();
      add(en);
      if (auto it = tr.find(en); it != tr.end()) add(it->second);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace warta::entities
