#include "clean/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/utf8.h"

namespace warta::clean::internal {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

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

}  // namespace warta::clean::internal
