#include "dedupe/evaluation.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace warta::dedupe {
namespace {

int64_t Pairs(int64_t n) { return n * (n - 1) / 2; }

int CountWords(const std::string& s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Pairs an Indonesian editor swaps when rewording a sentence.
const std::unordered_map<std::string, std::string>& Synonyms() {
  static const auto* m = new std::unordered_map<std::string, std::string>{
      {"mengatakan", "menyatakan"}, {"menyatakan", "mengatakan"}, {"tersebut", "itu"}, {"kata", "ujar"},
      {"ujar", "kata"}, {"juga", "pun"}, {"akan", "bakal"}, {"saat", "ketika"}, {"ketika", "saat"},
      {"telah", "sudah"}, {"sudah", "telah"}, {"namun", "tetapi"}, {"sangat", "amat"}, {"banyak", "sejumlah"},
      {"hanya", "cuma"}, {"bahwa", "jika"}, {"untuk", "guna"}, {"dalam", "di dalam"}, {"besar", "tinggi"},
      {"masih", "tetap"}, {"agar", "supaya"}, {"para", "sejumlah"}, {"oleh", "dari"}, {"menjadi", "jadi"}};
  return *m;
}

const char* const kDatelines[] = {"JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --", "TEMPO.CO, Jakarta -",
                                  "Liputan6.com, Jakarta -", "JAKARTA, Suara.com -", "Bisnis.com, JAKARTA -"};
const char* const kSignOffs[] = {"(ant/red)", "Editor: Rizki Pratama", "(Sumber: Antara)", "Baca berita lainnya di sini.",
                                 "(mdk/ded)"};
const char* const kHeadlinePrefixes[] = {"VIDEO: ", "Breaking News: ", "Terkini: ", "", "FOTO: "};

struct Sentence {
  std::string text;
  int original_words = 0;   // > 0 while the sentence is an unchanged original one
};

}  // namespace

ClusterScores ScoreClustering(const std::vector<int64_t>& gold, const std::vector<int64_t>& predicted) {
  ClusterScores s;
  std::unordered_map<int64_t, int64_t> gold_size, pred_size;
  std::map<std::pair<int64_t, int64_t>, int64_t> cell;
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    if (gold[i] < 0) continue;
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
    ++cell[{gold[i], predicted[i]}];
  }
  for (const auto& [g, n] : gold_size) s.gold_pairs += Pairs(n);
  for (const auto& [p, n] : pred_size) s.predicted_pairs += Pairs(n);
  for (const auto& [k, n] : cell) s.correct_pairs += Pairs(n);
  s.pair_precision = s.predicted_pairs ? static_cast<double>(s.correct_pairs) / s.predicted_pairs : 1.0;
  s.pair_recall = s.gold_pairs ? static_cast<double>(s.correct_pairs) / s.gold_pairs : 1.0;
  s.pair_f1 = s.pair_precision + s.pair_recall > 0
                  ? 2 * s.pair_precision * s.pair_recall / (s.pair_precision + s.pair_recall)
                  : 0;
  double bp = 0, br = 0;
  int64_t items = 0;
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    if (gold[i] < 0) continue;
    double both = static_cast<double>(cell[{gold[i], predicted[i]}]);
    bp += both / static_cast<double>(pred_size[predicted[i]]);
    br += both / static_cast<double>(gold_size[gold[i]]);
    ++items;
  }
  if (items > 0) {
    s.bcubed_precision = bp / static_cast<double>(items);
    s.bcubed_recall = br / static_cast<double>(items);
    s.bcubed_f1 = 2 * s.bcubed_precision * s.bcubed_recall / (s.bcubed_precision + s.bcubed_recall);
  }
  return s;
}

StatusOr<std::vector<DedupeLabel>> ParseDedupeLabels(std::string_view text, const std::string& file) {
  std::vector<DedupeLabel> out;
  std::unordered_set<std::string> seen;
  size_t pos = 0;
  int64_t line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t c = 0;
    while (true) {
      size_t tab = line.find('\t', c);
      cols.emplace_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    std::string where = file + ":" + std::to_string(line_no);
    if (cols.size() < 2 || cols.size() > 5)
      return Status::Corrupt(where + ": expected 2 to 5 tab-separated columns (item, story, copy_of, series, "
                                     "follow_up_of), found " + std::to_string(cols.size()));
    cols.resize(5);
    if (cols[0].empty() || cols[1].empty()) return Status::Corrupt(where + ": empty item or story");
    if (!seen.insert(cols[0]).second) return Status::Corrupt(where + ": item " + cols[0] + " is listed twice");
    out.push_back({cols[0], cols[1], cols[2], cols[3], cols[4], where});
  }
  return out;
}

DedupeScores ScoreDedupe(const std::vector<DedupeLabel>& gold, const std::vector<DedupePrediction>& predicted) {
  DedupeScores s;
  const size_t n = std::min(gold.size(), predicted.size());
  s.items = static_cast<int64_t>(n);
  // Gold labels as integers: stories by name; copy groups by the root of the
  // copy_of tree; series by name, an article in none its own singleton.
  std::unordered_map<std::string, int64_t> story_ids, series_ids, row_of;
  for (size_t i = 0; i < n; ++i) row_of.emplace(gold[i].item, static_cast<int64_t>(i));
  std::vector<int64_t> gold_story(n), gold_copy(n), gold_series(n), pred_story(n), pred_copy(n), pred_series(n);
  for (size_t i = 0; i < n; ++i) {
    gold_story[i] = story_ids.emplace(gold[i].story, static_cast<int64_t>(story_ids.size())).first->second;
    // Follow copy_of to the root; a cycle or an unknown item stops the walk.
    int64_t root = static_cast<int64_t>(i);
    for (size_t steps = 0; steps < n; ++steps) {
      const std::string& up = gold[static_cast<size_t>(root)].copy_of;
      auto it = up.empty() ? row_of.end() : row_of.find(up);
      if (it == row_of.end() || it->second == root) break;
      root = it->second;
    }
    gold_copy[i] = root;
    // Singletons get n + i: ScoreClustering leaves out negative gold labels,
    // and series ids are below n.
    if (gold[i].series.empty()) {
      gold_series[i] = static_cast<int64_t>(n + i);
    } else {
      gold_series[i] = series_ids.emplace(gold[i].series, static_cast<int64_t>(series_ids.size())).first->second;
    }
    pred_story[i] = predicted[i].story;
    pred_copy[i] = predicted[i].copy_group;
  }
  // Predicted series ids may be any value: give the articles in none labels
  // no series id can take.
  std::unordered_map<int64_t, int64_t> pred_series_ids;
  for (size_t i = 0; i < n; ++i) {
    if (predicted[i].series) {
      pred_series[i] = pred_series_ids.emplace(*predicted[i].series, static_cast<int64_t>(pred_series_ids.size())).first->second;
    } else {
      pred_series[i] = static_cast<int64_t>(n + i);
    }
  }
  s.gold_series = static_cast<int64_t>(series_ids.size());
  s.stories = ScoreClustering(gold_story, pred_story);
  s.copies = ScoreClustering(gold_copy, pred_copy);
  s.series = ScoreClustering(gold_series, pred_series);

  std::unordered_map<int64_t, int64_t> gold_copy_size, pred_copy_size;
  for (size_t i = 0; i < n; ++i) {
    ++gold_copy_size[gold_copy[i]];
    s.largest_copy_group = std::max(s.largest_copy_group, ++pred_copy_size[pred_copy[i]]);
  }
  for (const auto& [root, size] : gold_copy_size) s.gold_copy_groups += size > 1;

  // Story spans over the articles with a date.
  auto spans = [&](const std::vector<int64_t>& story) {
    std::unordered_map<int64_t, std::pair<int64_t, int64_t>> span;
    for (size_t i = 0; i < n; ++i) {
      if (!predicted[i].published) continue;
      int64_t t = *predicted[i].published;
      auto [it, fresh] = span.emplace(story[i], std::make_pair(t, t));
      if (!fresh) it->second = {std::min(it->second.first, t), std::max(it->second.second, t)};
    }
    return span;
  };
  for (const auto& [id, span] : spans(pred_story)) {
    double days = static_cast<double>(span.second - span.first) / 86400.0;
    if (days > s.longest_story_days || (days == s.longest_story_days && id < s.longest_story)) {
      s.longest_story_days = days;
      s.longest_story = id;
    }
    s.stories_over_14_days += days > 14.0;
  }
  for (const auto& [id, span] : spans(gold_story))
    s.gold_longest_story_days = std::max(s.gold_longest_story_days, static_cast<double>(span.second - span.first) / 86400.0);
  return s;
}

std::vector<std::string> SplitSentencesRoughly(const std::string& paragraph) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < paragraph.size(); ++i) {
    char c = paragraph[i];
    if ((c == '.' || c == '!' || c == '?') && paragraph[i + 1] == ' ') {
      unsigned char n = static_cast<unsigned char>(paragraph[i + 2]);
      if ((n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9') || n == '"') {
        out.push_back(paragraph.substr(start, i + 1 - start));
        start = i + 2;
      }
    }
  }
  if (start < paragraph.size()) out.push_back(paragraph.substr(start));
  return out;
}

GeneratedCopy CopyGenerator::MakeCopy(const Article& original, double intensity,
                                      const std::vector<std::string>& other_titles) {
  intensity = std::clamp(intensity, 0.0, 1.0);
  GeneratedCopy copy;
  copy.article = original;
  copy.article.id.clear();
  copy.article.entities.clear();
  std::vector<std::vector<Sentence>> paras;
  int original_words = 0;
  for (const auto& p : original.paragraphs) {
    std::vector<Sentence> ss;
    for (auto& s : SplitSentencesRoughly(p)) {
      int n = CountWords(s);
      original_words += n;
      ss.push_back({std::move(s), n});
    }
    paras.push_back(std::move(ss));
  }
  auto chance = [this](double p) { return Uniform() < p; };
  auto sentence_count = [&paras] {
    size_t n = 0;
    for (const auto& p : paras) n += p.size();
    return n;
  };
  // The k-th sentence counting through all paragraphs.
  auto nth_sentence = [&paras](size_t k) -> std::pair<size_t, size_t> {
    for (size_t p = 0; p < paras.size(); ++p) {
      if (k < paras[p].size()) return {p, k};
      k -= paras[p].size();
    }
    return {0, 0};
  };

  if (paras.size() >= 3 && chance(0.3 + 0.5 * intensity)) {
    size_t max_drop = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(paras.size()) * 0.3 * intensity));
    size_t drop = 1 + Below(max_drop);
    paras.resize(paras.size() - std::min(drop, paras.size() - 2));
    copy.edits.push_back("trim-end");
  }
  if (paras.size() >= 4 && chance(0.1 + 0.2 * intensity)) {
    paras.erase(paras.begin());
    copy.edits.push_back("trim-start");
  }
  if (sentence_count() > 4 && chance(0.2 + 0.5 * intensity)) {
    size_t n = 1 + Below(1 + static_cast<uint64_t>(3 * intensity));
    for (size_t i = 0; i < n && sentence_count() > 3; ++i) {
      auto [p, s] = nth_sentence(Below(sentence_count()));
      paras[p].erase(paras[p].begin() + static_cast<std::ptrdiff_t>(s));
    }
    copy.edits.push_back("drop-sentence");
  }
  if (sentence_count() > 0 && chance(0.3 + 0.6 * intensity)) {
    size_t n = 1 + Below(1 + static_cast<uint64_t>(4 * intensity));
    for (size_t i = 0; i < n; ++i) {
      auto [p, s] = nth_sentence(Below(sentence_count()));
      if (paras[p].empty()) continue;
      Sentence& sent = paras[p][s];
      std::string out, word;
      std::vector<std::string> words;
      for (char c : sent.text + " ") {
        if (c == ' ') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
      bool changed = false;
      for (size_t w = 0; w < words.size(); ++w) {
        auto it = Synonyms().find(words[w]);
        if (it != Synonyms().end() && chance(0.7)) {
          words[w] = it->second;
          changed = true;
        } else if (words[w].size() > 3 && w > 0 && w + 1 < words.size() && chance(0.08)) {
          words[w].clear();
          changed = true;
        }
      }
      if (!changed && words.size() > 2) words.erase(words.begin() + 1), changed = true;
      for (const auto& w : words)
        if (!w.empty()) out += (out.empty() ? "" : " ") + w;
      sent.text = out;
      if (changed) sent.original_words = 0;
    }
    copy.edits.push_back("reword");
  }
  if (paras.size() >= 3 && chance(0.2 + 0.4 * intensity)) {
    size_t a = 1 + Below(paras.size() - 1), b = 1 + Below(paras.size() - 1);
    std::swap(paras[a], paras[b]);
    copy.edits.push_back("reorder");
  }
  if (!paras.empty() && !paras[0].empty() && chance(0.5)) {
    paras[0].insert(paras[0].begin(), Sentence{kDatelines[Below(std::size(kDatelines))], 0});
    copy.edits.push_back("dateline");
  }
  if (!other_titles.empty() && chance(0.5 + 0.3 * intensity)) {
    size_t n = 1 + Below(1 + static_cast<uint64_t>(2 * intensity));
    for (size_t i = 0; i < n; ++i) {
      size_t at = paras.empty() ? 0 : 1 + Below(paras.size());
      paras.insert(paras.begin() + static_cast<std::ptrdiff_t>(std::min(at, paras.size())),
                   {Sentence{"Baca juga: " + other_titles[Below(other_titles.size())], 0}});
    }
    copy.edits.push_back("baca-juga");
  }
  if (chance(0.4)) {
    paras.push_back({Sentence{kSignOffs[Below(std::size(kSignOffs))], 0}});
    copy.edits.push_back("sign-off");
  }
  if (chance(0.5)) {
    std::string title = original.title;
    size_t colon = title.find(' ', title.size() / 2);
    if (colon != std::string::npos && chance(0.5)) title = title.substr(0, colon);
    copy.article.title = kHeadlinePrefixes[Below(std::size(kHeadlinePrefixes))] + title;
    copy.edits.push_back("new-headline");
  }

  copy.article.paragraphs.clear();
  int kept = 0, copy_words = 0;
  for (const auto& p : paras) {
    std::string text;
    for (const auto& s : p) {
      if (s.text.empty()) continue;
      if (!text.empty()) text += ' ';
      text += s.text;
      kept += s.original_words;
      copy_words += CountWords(s.text);
    }
    if (!text.empty()) copy.article.paragraphs.push_back(std::move(text));
  }
  int longer = std::max(original_words, copy_words);
  copy.shared = longer > 0 ? static_cast<double>(kept) / longer : 0;
  return copy;
}

}  // namespace warta::dedupe
