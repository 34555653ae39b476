#include "entities/ner_data.h"

#include <fstream>
#include <sstream>

namespace warta::entities {

std::string_view TagName(int tag) {
  static constexpr std::string_view kNames[] = {"O",      "B-PERSON",   "I-PERSON",  "B-ORGANISATION",
                                                "I-ORGANISATION", "B-LOCATION", "I-LOCATION"};
  return tag >= 0 && tag < kNumTags ? kNames[tag] : "O";
}

std::optional<EntityType> TagType(int tag) {
  switch (tag) {
    case kBPer: case kIPer: return EntityType::kPerson;
    case kBOrg: case kIOrg: return EntityType::kOrganisation;
    case kBLoc: case kILoc: return EntityType::kLocation;
    default: return std::nullopt;
  }
}

bool ParseTag(std::string_view label, int* tag) {
  if (label == "O") {
    *tag = kO;
    return true;
  }
  if (label.size() < 3 || (label[0] != 'B' && label[0] != 'I') || (label[1] != '-' && label[1] != '_')) return false;
  bool begin = label[0] == 'B';
  std::string_view type = label.substr(2);
  if (type == "PERSON" || type == "PER") {
    *tag = begin ? kBPer : kIPer;
  } else if (type == "ORGANISATION" || type == "ORGANIZATION" || type == "ORG") {
    *tag = begin ? kBOrg : kIOrg;
  } else if (type == "LOCATION" || type == "LOC" || type == "PLACE" || type == "GPE") {
    *tag = begin ? kBLoc : kILoc;
  } else {
    *tag = kO;  // a type Warta does not tag (MISC, DATE, ...)
  }
  return true;
}

StatusOr<std::vector<NerSentence>> ParseNer(std::string_view bytes, std::string_view name, bool with_tags) {
  std::vector<NerSentence> out;
  NerSentence cur;
  size_t pos = 0;
  int64_t line_no = 0;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = NerSentence{};
  };
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
      if (nl == bytes.size()) break;
      continue;
    }
    if (line.rfind("-DOCSTART-", 0) == 0) continue;
    // Columns: split on tabs when there is one (a token may then hold a
    // space), else on runs of spaces.
    std::vector<std::string_view> cols;
    char sep = line.find('\t') != std::string_view::npos ? '\t' : ' ';
    size_t b = 0;
    while (b <= line.size()) {
      size_t e = line.find(sep, b);
      if (e == std::string_view::npos) e = line.size();
      if (e > b) cols.push_back(line.substr(b, e - b));
      b = e + 1;
    }
    auto where = [&] { return std::string(name) + ":" + std::to_string(line_no) + ": "; };
    if (cols.empty()) return Status::Corrupt(where() + "no token");
    if (with_tags) {
      if (cols.size() < 2) return Status::Corrupt(where() + "expected a token and a BIO tag, found one column");
      int tag = kO;
      if (!ParseTag(cols.back(), &tag))
        return Status::Corrupt(where() + "'" + std::string(cols.back()) + "' is not a BIO tag (O, B-TYPE, I-TYPE)");
      cur.tags.push_back(tag);
    }
    cur.tokens.emplace_back(cols.front());
    if (nl == bytes.size()) break;
  }
  flush();
  return out;
}

StatusOr<std::vector<NerSentence>> ReadNerFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  return ParseNer(ss.str(), path, /*with_tags=*/true);
}

namespace {

int TypeOf(int tag) { return (tag - 1) / 2; }      // valid for tag != kO
bool IsBegin(int tag) { return tag != kO && (tag - 1) % 2 == 0; }

}  // namespace

std::vector<Chunk> ChunksOf(const std::vector<int>& tags) {
  std::vector<Chunk> out;
  int start = -1, type = -1;
  for (int i = 0; i <= static_cast<int>(tags.size()); ++i) {
    int tag = i < static_cast<int>(tags.size()) ? tags[static_cast<size_t>(i)] : kO;
    bool starts = tag != kO && (IsBegin(tag) || start < 0 || TypeOf(tag) != type);
    if (start >= 0 && (tag == kO || starts)) {
      out.push_back({start, i, type});
      start = -1;
    }
    if (starts) {
      start = i;
      type = TypeOf(tag);
    }
  }
  return out;
}

}  // namespace warta::entities
