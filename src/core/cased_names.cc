#include "core/cased_names.h"

namespace warta {

const CasedNames::Entry* CasedNames::FindName(const std::string& key) const {
  auto it = names_.find(key);
  return it == names_.end() ? nullptr : &it->second;
}

const CasedNames::Entry* CasedNames::FindWord(const std::string& key) const {
  auto it = words_.find(key);
  return it == words_.end() ? nullptr : &it->second;
}

namespace {

char CnLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

}  // namespace

bool CasedNamesTable::Count(std::string key, std::string form, std::unordered_map<std::string, Counts>* table) {
  auto [it, inserted] = table->try_emplace(std::move(key));
  Counts& c = it->second;
  int32_t n = ++c.forms[form];
  // The most written form; a tie goes to the smaller string, so the
  // snapshot does not depend on the order the store listed its mentions.
  if (n > c.best_count || (n == c.best_count && form < c.best)) {
    bool changed = form != c.best;
    c.best = std::move(form);
    c.best_count = n;
    return inserted || changed;
  }
  return inserted;
}

bool CasedNamesTable::Add(const std::vector<std::string_view>& written) {
  if (written.empty()) return false;
  std::string key, form;
  bool changed = false;
  for (size_t i = 0; i < written.size(); ++i) {
    std::string_view w = written[i];
    if (i > 0) {
      key += '\t';
      form += '\t';
    }
    form.append(w);
    for (char c : w) key += CnLower(c);
    bool letter = false;
    for (char c : w) letter = letter || (CnLower(c) >= 'a' && CnLower(c) <= 'z');
    if (letter) {
      std::string wk;
      for (char c : w) wk += CnLower(c);
      changed = Count(std::move(wk), std::string(w), &words_) || changed;
    }
  }
  if (written.size() >= 2) changed = Count(std::move(key), std::move(form), &names_) || changed;
  return changed;
}

std::shared_ptr<const CasedNames> CasedNamesTable::Snapshot() const {
  auto s = std::make_shared<CasedNames>();
  s->names_.reserve(names_.size());
  for (const auto& [key, c] : names_) {
    s->names_.emplace(key, CasedNames::Entry{c.best, c.best_count});
    size_t tokens = 1;
    for (char ch : key) tokens += ch == '\t';
    if (tokens > s->max_tokens_) s->max_tokens_ = tokens;
    s->first_.insert(key.substr(0, key.find('\t')));
  }
  s->words_.reserve(words_.size());
  for (const auto& [key, c] : words_) s->words_.emplace(key, CasedNames::Entry{c.best, c.best_count});
  if (!words_.empty() && s->max_tokens_ == 0) s->max_tokens_ = 1;
  return s;
}

}  // namespace warta
