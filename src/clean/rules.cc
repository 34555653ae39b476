#include "clean/rules.h"

#include <algorithm>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/utf8.h"

namespace warta::clean::internal {

RuleFile ParseRuleText(std::string origin, std::string_view text) {
  RuleFile file;
  file.origin = std::move(origin);
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = TrimSpace(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    RuleLine rl;
    rl.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      std::string_view field = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      field = TrimSpace(field);
      // Several tabs in a row separate one pair of fields (columns are aligned by hand).
      if (!field.empty() || tab == std::string_view::npos) rl.fields.emplace_back(field);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    while (!rl.fields.empty() && rl.fields.back().empty()) rl.fields.pop_back();
    file.lines.push_back(std::move(rl));
  }
  return file;
}

StatusOr<RuleFiles> RuleFiles::Load(const std::string& rules_dir) {
  namespace fs = std::filesystem;
  RuleFiles out;
  if (!rules_dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(rules_dir, ec))
      return Status::NotFound(rules_dir + ": rules directory not found");
  }
  for (const auto& [name, text] : BuiltinRuleFiles()) {
    std::string key(name);
    if (!rules_dir.empty()) {
      fs::path p = fs::path(rules_dir) / key;
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) {
        std::ifstream f(p, std::ios::binary);
        if (!f) return Status::IoError(p.string() + ": cannot open rules file");
        std::stringstream ss;
        ss << f.rdbuf();
        std::string bytes = ss.str();
        if (Utf8Validate(bytes) != std::string_view::npos)
          return Status::Corrupt(p.string() + ": rules file is not valid UTF-8");
        out.files_[key] = ParseRuleText(p.string(), bytes);
        continue;
      }
    }
    out.files_[key] = ParseRuleText("<built-in>/" + key, text);
  }
  return out;
}

const RuleFile& RuleFiles::Get(std::string_view name) const {
  auto it = files_.find(std::string(name));
  return it == files_.end() ? empty_ : it->second;
}

namespace {

std::string RegexError(const std::string& origin, UErrorCode err, const UParseError& pe) {
  std::string msg = origin + ": bad regex (" + u_errorName(err);
  if (pe.offset >= 0) msg += " at offset " + std::to_string(pe.offset);
  return msg + ")";
}

}  // namespace

StatusOr<std::unique_ptr<RegexAlternation>> RegexAlternation::Compile(const std::vector<Source>& sources,
                                                                      Anchor anchor) {
  auto alt = std::make_unique<RegexAlternation>();
  alt->anchor_ = anchor;
  std::string combined = "(?:";
  int group = 1;
  for (size_t i = 0; i < sources.size(); ++i) {
    const Source& s = sources[i];
    // Compiled alone first: the error then names this rule, and its group
    // count gives the numbering of the combined pattern.
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe{};
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s.regex);
    std::unique_ptr<icu::RegexPattern> single(
        icu::RegexPattern::compile(u, UREGEX_CASE_INSENSITIVE, pe, err));
    if (U_FAILURE(err) || !single) return Status::InvalidArgument(RegexError(s.origin, err, pe));
    if (s.regex.empty()) return Status::InvalidArgument(s.origin + ": empty regex");
    if (i) combined += '|';
    combined += '(';
    combined += s.regex;
    combined += ')';
    alt->group_of_.push_back(group);
    std::unique_ptr<icu::RegexMatcher> counter(single->matcher(err));
    if (U_FAILURE(err) || !counter) return Status::Internal(s.origin + ": cannot create a regex matcher");
    group += 1 + counter->groupCount();
  }
  combined += ')';
  if (anchor == Anchor::kLineEnd) combined += "$";
  if (sources.empty()) return alt;
  UErrorCode err = U_ZERO_ERROR;
  UParseError pe{};
  alt->pattern_.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(combined),
                                                 UREGEX_CASE_INSENSITIVE, pe, err));
  if (U_FAILURE(err) || !alt->pattern_) {
    // Each rule compiled alone, so only a construct that leaks across
    // alternatives (such as an unbalanced \Q) gets here.
    return Status::InvalidArgument(RegexError(sources.front().origin + " (combined rules)", err, pe));
  }
  return alt;
}

bool Utf8Matcher::SetText(std::string_view text) {
  if (alt_ == nullptr || alt_->empty()) return false;
  text_ = text;
  ascii_ = std::all_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
  text16_ = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode err = U_ZERO_ERROR;
  if (!matcher_) {
    matcher_.reset(alt_->pattern()->matcher(text16_, err));
    if (U_FAILURE(err) || !matcher_) return false;
    matcher_->useTransparentBounds(true);
  } else {
    matcher_->reset(text16_);
  }
  return true;
}

int32_t Utf8Matcher::ToUtf16(size_t byte) const {
  if (ascii_) return static_cast<int32_t>(byte);
  int32_t units = 0;
  size_t p = 0;
  while (p < byte && p < text_.size()) {
    char32_t cp = Utf8Next(text_, &p);
    units += cp > 0xFFFF ? 2 : 1;
  }
  return units;
}

size_t Utf8Matcher::ToByte(int32_t unit) const {
  if (ascii_) return static_cast<size_t>(unit);
  int32_t units = 0;
  size_t p = 0;
  while (units < unit && p < text_.size()) {
    char32_t cp = Utf8Next(text_, &p);
    units += cp > 0xFFFF ? 2 : 1;
  }
  return p;
}

bool Utf8Matcher::Region(size_t begin, size_t end) {
  if (!matcher_) return false;
  if (end > text_.size()) end = text_.size();
  if (begin > end) return false;
  UErrorCode err = U_ZERO_ERROR;
  matcher_->region(ToUtf16(begin), ToUtf16(end), err);
  return U_SUCCESS(err);
}

int Utf8Matcher::Matches(size_t begin, size_t end) {
  if (!Region(begin, end)) return -1;
  UErrorCode err = U_ZERO_ERROR;
  if (!matcher_->matches(err) || U_FAILURE(err)) return -1;
  return Matched();
}

int Utf8Matcher::Find(size_t begin, size_t end) {
  if (!Region(begin, end)) return -1;
  UErrorCode err = U_ZERO_ERROR;
  if (!matcher_->find(err) || U_FAILURE(err)) return -1;
  return Matched();
}

int Utf8Matcher::Matched() {
  UErrorCode err = U_ZERO_ERROR;
  begin_ = ToByte(matcher_->start(err));
  end_ = ToByte(matcher_->end(err));
  for (size_t i = 0; i < alt_->size(); ++i) {
    if (matcher_->start(alt_->GroupOf(i), err) >= 0 && U_SUCCESS(err)) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Characters a line of page furniture plausibly starts with; a line starting
// with anything else is tried against every rule.
std::vector<char32_t> ProbeAlphabet() {
  std::vector<char32_t> out;
  for (char32_t c = 0x21; c < 0x7F; ++c) out.push_back(c);
  for (char32_t c : {U'\u201c', U'\u201d', U'\u2018', U'\u2019', U'\u00ab', U'\u00bb', U'\u2039', U'\u203a',
                     U'\u2013', U'\u2014', U'\u2022', U'\u00b7', U'\u00a9', U'\u00ae', U'\u2122', U'\u2026',
                     U'\u25aa', U'\u25ba', U'\u25a0', U'\u25cf', U'\u25cb', U'\u25e6', U'\u25b8', U'\u2192'})
    out.push_back(c);
  return out;
}

}  // namespace

namespace {

uint64_t PairKey(char32_t first, char32_t second_lower) {
  return (static_cast<uint64_t>(first) << 32) | second_lower;
}

bool CanStartWith(icu::RegexMatcher* probe, const icu::UnicodeString& text, bool* failed) {
  probe->reset(text);
  UErrorCode err = U_ZERO_ERROR;
  bool prefix = probe->lookingAt(err);
  if (U_FAILURE(err)) *failed = true;
  return prefix || probe->hitEnd();
}

}  // namespace

StatusOr<std::unique_ptr<LineRuleSet>> LineRuleSet::Compile(std::vector<Rule> rules) {
  auto set = std::make_unique<LineRuleSet>();
  if (rules.size() > 60000) return Status::InvalidArgument("too many line rules");
  std::vector<char32_t> alphabet = ProbeAlphabet();
  for (char32_t c : alphabet) set->by_first_[c];
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    if (r.regex.empty()) return Status::InvalidArgument(r.origin + ": empty regex");
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe{};
    std::unique_ptr<icu::RegexPattern> p(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(r.regex), UREGEX_CASE_INSENSITIVE, pe, err));
    if (U_FAILURE(err) || !p) return Status::InvalidArgument(RegexError(r.origin, err, pe));
    std::unique_ptr<icu::RegexMatcher> probe(p->matcher(err));
    if (U_FAILURE(err) || !probe) return Status::Internal(r.origin + ": cannot create a regex matcher");
    const uint16_t index = static_cast<uint16_t>(i);
    bool failed = false;
    for (char32_t c : alphabet) {
      icu::UnicodeString one(static_cast<UChar32>(c));
      if (!CanStartWith(probe.get(), one, &failed)) continue;
      set->by_first_[c].push_back(index);
      if (c >= 0x80 || !std::isalnum(static_cast<unsigned char>(c))) continue;
      for (char32_t l = 'a'; l <= 'z'; ++l) {
        icu::UnicodeString lower = one, upper = one;
        lower.append(static_cast<UChar32>(l));
        upper.append(static_cast<UChar32>(l - 'a' + 'A'));
        std::vector<uint16_t>& pair = set->by_pair_[PairKey(c, l)];
        if (CanStartWith(probe.get(), lower, &failed) || CanStartWith(probe.get(), upper, &failed))
          pair.push_back(index);
      }
    }
    if (failed) return Status::Internal(r.origin + ": regex probe failed");
    set->all_.push_back(index);
    set->patterns_.push_back(std::move(p));
  }
  set->rules_ = std::move(rules);
  return set;
}

const std::vector<uint16_t>& LineRuleSet::CandidatesFor(std::string_view line) const {
  size_t pos = 0;
  char32_t first = Utf8Next(line, &pos);
  if (pos < line.size()) {
    char c = line[pos];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') {
      auto it = by_pair_.find(PairKey(first, static_cast<char32_t>(c)));
      if (it != by_pair_.end()) return it->second;
    }
  }
  auto it = by_first_.find(first);
  return it == by_first_.end() ? all_ : it->second;
}

const LineRuleSet::Rule* LineRuleMatcher::Match(std::string_view line) {
  if (set_ == nullptr || line.empty()) return nullptr;
  const std::vector<uint16_t>& candidates = set_->CandidatesFor(line);
  if (candidates.empty()) return nullptr;
  if (matchers_.empty()) matchers_.resize(set_->size());
  // Each rule is first run on a short prefix: failing there without
  // reaching its end (hitEnd) settles it without converting the whole line.
  constexpr size_t kPrefixBytes = 48;
  size_t prefix_len = std::min(line.size(), kPrefixBytes);
  while (prefix_len < line.size() && IsContinuationByte(line[prefix_len])) ++prefix_len;
  bool have_prefix = false, have_text = false;
  for (uint16_t i : candidates) {
    const LineRuleSet::Rule& rule = set_->rule(i);
    if (line.size() > rule.max_bytes) continue;
    auto& m = matchers_[i];
    UErrorCode err = U_ZERO_ERROR;
    if (prefix_len < line.size()) {
      if (!have_prefix) {
        prefix16_ = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(prefix_len)));
        have_prefix = true;
      }
      if (!m) m.reset(set_->pattern(i).matcher(prefix16_, err));
      else m->reset(prefix16_);
      if (U_FAILURE(err) || !m) return nullptr;
      if (!m->lookingAt(err) && U_SUCCESS(err) && !m->hitEnd()) continue;
    }
    if (!have_text) {
      text16_ = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
      have_text = true;
    }
    err = U_ZERO_ERROR;
    if (!m) m.reset(set_->pattern(i).matcher(text16_, err));
    else m->reset(text16_);
    if (U_FAILURE(err) || !m) return nullptr;
    if (m->matches(err) && U_SUCCESS(err)) return &rule;
  }
  return nullptr;
}

}  // namespace warta::clean::internal
