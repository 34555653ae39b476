#include "ingest/gold_set.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/tsv.h"
#include "ingest/reader.h"

namespace warta::ingest {

StatusOr<std::vector<GoldLine>> ReadGoldLines(const std::filesystem::path& path,
                                              const std::function<bool(std::string_view)>& valid_split,
                                              std::string_view expected) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path.string() + ": cannot open");
  std::vector<GoldLine> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    GoldLine g;
    g.line = n;
    g.where = path.string() + ":" + std::to_string(n) + ": ";
    g.fields = SplitTabs(line);
    if (!valid_split(g.fields[0])) return Status::Corrupt(g.where + "split must be " + std::string(expected));
    out.push_back(std::move(g));
  }
  return out;
}

StatusOr<std::vector<GoldLine>> ReadGoldLines(const std::filesystem::path& path, const std::vector<std::string>& splits) {
  std::string names;
  for (size_t i = 0; i < splits.size(); ++i)
    names += (i == 0 ? "" : i + 1 == splits.size() ? " or " : ", ") + splits[i];
  return ReadGoldLines(
      path, [&](std::string_view s) { return std::find(splits.begin(), splits.end(), s) != splits.end(); }, names);
}

std::optional<DateTime> IndoSumPublished(std::string_view id) {
  int64_t t = 0;
  size_t i = 0;
  for (; i < id.size() && i < 12 && id[i] >= '0' && id[i] <= '9'; ++i) t = t * 10 + (id[i] - '0');
  if (i == 0) return std::nullopt;
  return DateTime::FromUnixSeconds(t + 7 * 3600);
}

std::map<std::string, nlohmann::json> LoadIndoSumArticles(const std::filesystem::path& shared_dir,
                                                          const std::map<std::string, std::vector<std::string>>& wanted) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& [file, ids] : wanted) {
    std::ifstream in(shared_dir / "data/corpus/indosum-dev" / file);
    std::string line;
    // Each line's id is read once (a line is an article of several KB;
    // searching it for every wanted id made the gold evaluations scan each
    // file ids-times over); only a line whose id a wanted one starts is parsed.
    static constexpr std::string_view kIdKey = "\"id\":";
    while (in && std::getline(in, line)) {
      const size_t at = line.find(kIdKey);
      if (at == std::string::npos) continue;
      size_t begin = at + kIdKey.size();
      while (begin < line.size() && line[begin] == ' ') ++begin;
      if (begin >= line.size() || line[begin] != '"') continue;
      const size_t end = line.find('"', ++begin);
      if (end == std::string::npos) continue;
      const std::string_view line_id(line.data() + begin, end - begin);
      for (const auto& id : ids) {
        if (!line_id.starts_with(id)) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.value("id", "").starts_with(id)) out[file + "\t" + id] = std::move(j);
        break;
      }
    }
  }
  return out;
}

IndoSumSentences DetokeniseSentences(const nlohmann::json& article) {
  const auto paragraphs = article["paragraphs"].get<std::vector<std::vector<std::vector<std::string>>>>();
  IndoSumSentences out;
  size_t offset = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    std::string para;
    for (size_t s = 0; s < paragraphs[p].size(); ++s) {
      if (s) para += ' ';
      const size_t begin = para.size();
      para += Detokenise(paragraphs[p][s]);
      out.ranges[std::to_string(p) + "." + std::to_string(s)] = {offset + begin, offset + para.size()};
    }
    offset += para.size() + 1;
    out.paragraphs.push_back(std::move(para));
  }
  return out;
}

}  // namespace warta::ingest
