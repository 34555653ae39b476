#include "pipeline/person_linker.h"

#include <algorithm>
#include <cctype>

#include "entities/entity_analyzer.h"

namespace warta::pipeline {

namespace {

// A context key shared by more people than this ("Indonesia", "Jakarta",
// "DPR") says little about which of them an article means.
constexpr size_t kSpecificContext = 20;
// Two shared context keys each named with at most one stored person in
// this many are evidence too.
constexpr size_t kModerateShare = 20;
// At most this many stored names are compared with a name for spelling.
constexpr size_t kVariantCandidates = 64;

std::string NameKey(std::string_view name) { return entities::NormaliseEntityKey(name); }

std::string ContextKey(const EntityMention& m) {
  return std::string(1, Name(m.type)[0]) + ":" + NameKey(m.canonical);
}

// "Anies - Sandi", "Relawan Anies - Sandi", "Jokowi - JK": a spaced hyphen
// between two capitalised words joins two names (a ticket, a duo) more
// often than it writes one person's double surname ("Calvert - Lewin"), so
// such a name indexes no one; a hyphen beside a lower-case particle is
// part of the name ("Bashar al - Assad", "Son Wan - ho").
bool TwoNames(std::string_view canonical) {
  for (size_t dash = canonical.find(" - "); dash != std::string_view::npos; dash = canonical.find(" - ", dash + 1)) {
    if (dash + 3 >= canonical.size()) break;
    size_t word = canonical.rfind(' ', dash - 1);
    word = word == std::string_view::npos ? 0 : word + 1;
    if (dash > word && std::isupper(static_cast<unsigned char>(canonical[word])) &&
        std::isupper(static_cast<unsigned char>(canonical[dash + 3])))
      return true;
  }
  return false;
}

std::string RoleKey(const std::string& role) { return "role:" + NameKey(role); }

std::optional<int64_t> DayOf(const Article& a) {
  if (a.published) return a.published->DaysSinceEpoch();
  if (a.inferred_published) return a.inferred_published->DaysSinceEpoch();
  return std::nullopt;
}

std::string ShortQuote(std::string s) {
  if (s.size() > 90) s = s.substr(0, 87) + "...";
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

}  // namespace

PersonLinker::PersonLinker(PersonLinkOptions options)
    : options_(std::move(options)), lexicon_(options_.lexicon ? options_.lexicon : text::Lexicon::Builtin()) {}

bool PersonLinker::Add(const std::string& entity_id, const std::string& canonical) {
  auto [it, fresh] = people_.try_emplace(entity_id);
  Person& p = it->second;
  std::vector<std::string> words = entities::EntityKeyWords(NameKey(canonical));
  if (!fresh && entities::EntityKeyWords(NameKey(p.canonical)).size() >= std::max<size_t>(words.size(), 2)) return false;
  const bool was_full = !fresh && entities::EntityKeyWords(NameKey(p.canonical)).size() >= 2;
  if (fresh || words.size() > entities::EntityKeyWords(NameKey(p.canonical)).size()) p.canonical = canonical;
  if (words.size() < 2 || TwoNames(canonical)) return false;
  // Every proper prefix and suffix: "sri", "sri mulyani", "mulyani indrawati", "indrawati".
  for (size_t k = 1; k < words.size(); ++k) {
    std::string prefix, suffix;
    for (size_t i = 0; i < k; ++i) prefix += (i ? " " : "") + words[i];
    for (size_t i = k; i < words.size(); ++i) suffix += (i > k ? " " : "") + words[i];
    for (const std::string& part : {prefix, suffix}) {
      auto& ids = by_part_[part];
      if (std::find(ids.begin(), ids.end(), entity_id) == ids.end()) ids.push_back(entity_id);
    }
  }
  return !was_full;
}

PersonLinker::Evidence PersonLinker::EvidenceFor(const Person& p, const std::vector<std::string>& context,
                                                 const std::string& outlet, int64_t day) const {
  // What the article shares with the articles that name the person in full.
  Evidence e;
  for (const std::string& c : context)
    if (p.context.count(c) && std::find(e.shared.begin(), e.shared.end(), c) == e.shared.end()) e.shared.push_back(c);
  e.same_outlet = !outlet.empty() && p.outlets.count(outlet);
  e.near_in_time = day != INT64_MIN && p.first_day != INT64_MAX && day >= p.first_day - options_.window_days &&
                   day <= p.last_day + options_.window_days;
  return e;
}

PersonLinker::Choice PersonLinker::DecideInitial(const std::string& key, const std::vector<std::string>& context,
                                                 const std::string& outlet, int64_t day) const {
  // "M Hargianto", "M. Hargianto": a given name written as its initial is
  // the one stored person whose name is the same but for that word spelled
  // out ("Muhammad Hargianto"), when the article agrees with its articles.
  const std::vector<std::string> words = entities::EntityKeyWords(key);
  if (words.size() < 2 || words[0].size() != 1) return {};
  std::string rest;
  for (size_t i = 1; i < words.size(); ++i) rest += (i > 1 ? " " : "") + words[i];
  if (rest.size() < options_.min_word_length) return {};
  auto it = by_part_.find(rest);
  if (it == by_part_.end()) return {};
  const std::string* found = nullptr;
  for (const std::string& id : it->second) {
    if (splits_.count(key + "\t" + id)) continue;
    const std::vector<std::string> full = entities::EntityKeyWords(NameKey(people_.at(id).canonical));
    if (full.size() != words.size() || full[0].size() < 2 || full[0][0] != words[0][0] ||
        !std::equal(full.begin() + 1, full.end(), words.begin() + 1))
      continue;
    if (found != nullptr) return {};  // two people it could be: "M Hargianto" stays apart
    found = &id;
  }
  if (found == nullptr) return {};
  const Person& p = people_.at(*found);
  const auto [shared, same_outlet, near_in_time] = EvidenceFor(p, context, outlet, day);
  if (shared.empty() && !same_outlet && !near_in_time) return {};
  std::string reason = "initial of '" + p.canonical + "', the only stored person so named";
  if (!shared.empty()) reason += "; named with: " + shared[0].substr(shared[0].find(':') + 1);
  if (same_outlet) reason += "; same outlet " + outlet;
  if (near_in_time) reason += "; within " + std::to_string(options_.window_days) + " days of its articles";
  return {*found, reason};
}

namespace {

// True when `a` and `b` are one letter apart: one changed, added or
// dropped ("syaiful" / "saiful", "saeful" / "saiful").
bool OneLetterApart(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const std::string& longer = a.size() >= b.size() ? a : b;
  const std::string& shorter = a.size() >= b.size() ? b : a;
  if (longer.size() - shorter.size() > 1) return false;
  size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  if (longer.size() == shorter.size()) return longer.compare(i + 1, std::string::npos, shorter, i + 1) == 0;
  return longer.compare(i + 1, std::string::npos, shorter, i) == 0;
}

}  // namespace

PersonLinker::Choice PersonLinker::DecideVariant(const std::string& key, const std::vector<std::string>& context,
                                                 const std::string& outlet, int64_t day) const {
  const std::vector<std::string> words = entities::EntityKeyWords(key);
  if (words.size() < 3) return {};
  // The stored people whose names start with the first word and end with
  // the last: the smaller of the two lists.
  auto first = by_part_.find(words.front()), last = by_part_.find(words.back());
  if (first == by_part_.end() || last == by_part_.end()) return {};
  const auto& ids = first->second.size() <= last->second.size() ? first->second : last->second;
  // A first and a last word both shared by many stored names: too common to
  // tell a spelling from another person, and the look-up stays bounded.
  if (ids.size() > kVariantCandidates) return {};
  const std::string* best_id = nullptr;
  int64_t best = -1, second = 0;
  for (const std::string& id : ids) {
    if (splits_.count(key + "\t" + id)) continue;
    const Person& p = people_.at(id);
    const std::vector<std::string> other = entities::EntityKeyWords(NameKey(p.canonical));
    if (other.size() != words.size()) continue;
    size_t apart = 0, differing = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == other[i]) continue;
      ++differing;
      if (std::min(words[i].size(), other[i].size()) >= 4 && OneLetterApart(words[i], other[i])) ++apart;
    }
    if (differing != 1 || apart != 1) continue;
    if (p.articles > best) {
      second = std::max<int64_t>(second, best);
      best = p.articles;
      best_id = &id;
    } else {
      second = std::max(second, p.articles);
    }
  }
  if (best_id == nullptr) return {};
  // The spelling more articles write wins: never the other way round.
  if (auto own = people_.find(entities::EntityIdOf(EntityType::kPerson, key)); own != people_.end() &&
                                                                              own->second.articles >= best)
    return {};
  const bool only = second == 0;
  const bool dominant =
      best >= options_.min_articles && static_cast<double>(best) >= options_.dominance * static_cast<double>(second);
  if (!only && !dominant) return {};
  const Person& p = people_.at(*best_id);
  const auto [shared, same_outlet, near_in_time] = EvidenceFor(p, context, outlet, day);
  if (!Specific(shared) && shared.empty() && !same_outlet && !near_in_time) return {};
  std::string reason = "spelled one letter apart from '" + p.canonical + "', " +
                       (only ? "the only stored person so spelled" : "the clear favourite");
  if (!shared.empty()) reason += "; named with: " + shared[0].substr(shared[0].find(':') + 1);
  if (same_outlet) reason += "; same outlet " + outlet;
  if (near_in_time) reason += "; within " + std::to_string(options_.window_days) + " days of its articles";
  return {*best_id, reason};
}

bool PersonLinker::Specific(const std::vector<std::string>& shared) const {
  // One entity few people are named with, or two that each name no more
  // than one stored person in twenty ("Crystal Palace" and "Arsenal" for a
  // footballer; not "Indonesia" and "Jakarta").
  size_t moderate = 0;
  for (const std::string& c : shared) {
    auto df = context_df_.find(c);
    if (df == context_df_.end()) continue;
    if (df->second <= kSpecificContext) return true;
    if (df->second * kModerateShare <= people_.size()) ++moderate;
  }
  return moderate >= 2;
}

void PersonLinker::Remove(const std::string& entity_id) {
  for (auto& [part, ids] : by_part_) ids.erase(std::remove(ids.begin(), ids.end(), entity_id), ids.end());
  people_.erase(entity_id);
}

void PersonLinker::Relink(const std::string& full_id) {
  const Person full = people_.at(full_id);
  const std::vector<std::string> words = entities::EntityKeyWords(NameKey(full.canonical));
  for (size_t k = 1; k < words.size(); ++k) {
    for (bool prefix : {true, false}) {
      std::string part;
      for (size_t i = prefix ? 0 : k; i < (prefix ? k : words.size()); ++i) part += (part.empty() ? "" : " ") + words[i];
      if (part.size() < options_.min_word_length && part.find(' ') == std::string::npos) continue;
      const std::string stored_id = entities::EntityIdOf(EntityType::kPerson, part);
      auto stored = people_.find(stored_id);
      if (stored_id == full_id || stored == people_.end() || stored->second.articles == 0) continue;
      if (splits_.count(part + "\t" + full_id)) continue;
      // The full name must be the only, or the clear, person so named...
      int64_t best = -1, second = 0;
      std::string best_id;
      for (const std::string& id : by_part_[part]) {
        if (splits_.count(part + "\t" + id)) continue;
        const int64_t n = people_.at(id).articles;
        if (n > best) {
          second = std::max<int64_t>(second, best);
          best = n;
          best_id = id;
        } else {
          second = std::max(second, n);
        }
      }
      if (best_id != full_id) continue;
      const bool only = second == 0 && by_part_[part].size() == 1;
      const bool dominant = best >= options_.min_articles &&
                            static_cast<double>(best) >= options_.dominance * static_cast<double>(second);
      if (!only && !dominant) continue;
      // ... and the stored articles must agree with the new one.
      const Person& partial = stored->second;
      std::vector<std::string> shared;
      for (const std::string& c : partial.context) {
        if (!full.context.count(c) || c == "P:" + NameKey(full.canonical)) continue;
        shared.push_back(c);
      }
      const bool specific = Specific(shared);
      bool same_outlet = false;
      for (const std::string& o : partial.outlets) same_outlet |= full.outlets.count(o) > 0;
      const bool near_in_time = partial.first_day != INT64_MAX && full.first_day != INT64_MAX &&
                                partial.first_day <= full.last_day + options_.window_days &&
                                full.first_day <= partial.last_day + options_.window_days;
      const size_t part_words = prefix ? k : words.size() - k;  // as in Decide
      if (!(specific || (only && part_words >= 2 && (!shared.empty() || same_outlet || near_in_time)))) continue;
      std::sort(shared.begin(), shared.end());
      std::string reason = std::string(prefix ? "first" : "last") + (k == 1 && prefix ? " name" : " names") + " of '" +
                           full.canonical + "', " +
                           (only ? "the only stored person so named" : "the clear favourite") +
                           "; stored before the full name was clear";
      std::string evidence;
      for (size_t i = 0; i < shared.size() && i < 3; ++i)
        evidence += (evidence.empty() ? "" : ", ") +
                    (shared[i].rfind("role:", 0) == 0 ? "role " + shared[i].substr(5) : shared[i].substr(2));
      if (!evidence.empty()) reason += "; named with: " + evidence;
      if (same_outlet) reason += "; same outlet";
      if (near_in_time) reason += "; within " + std::to_string(options_.window_days) + " days of its articles";
      relinks_.push_back({"merge", stored_id, partial.canonical, full_id, full.canonical, "linker", reason, std::nullopt});
      made_keys_.insert(stored_id + "\t" + full_id);
      // What the store will say once re-labelled: one person.
      Person& into = people_.at(full_id);
      into.articles += partial.articles;
      for (const std::string& c : partial.context)
        if (into.context.insert(c).second) ++context_df_[c];
      into.outlets.insert(partial.outlets.begin(), partial.outlets.end());
      into.first_day = std::min(into.first_day, partial.first_day);
      into.last_day = std::max(into.last_day, partial.last_day);
      Remove(stored_id);
    }
  }
}

std::vector<store::EntityLink> PersonLinker::TakeRelinks() {
  std::vector<store::EntityLink> out;
  out.swap(relinks_);
  return out;
}

Status PersonLinker::Load(store::ArticleStore& store) {
  WARTA_ASSIGN_OR_RETURN(std::vector<store::EntityLink> links, store.EntityLinks(""));
  for (const auto& l : links) {
    if (l.source == "analyst") {
      AddCorrection(l);
    } else if (l.reason.rfind("nickname", 0) == 0) {
      nicknames_[NameKey(l.form)] = {l.to_id, l.to_canonical, l.reason};
    }
    made_keys_.insert(l.from_id + "\t" + l.to_id);
  }
  // Learn() again on every stored article, in store order, from its
  // mentions: the first article to name a person sets the canonical name it
  // is linked under, so only the writer's own order rebuilds its state.
  Article article;
  int64_t current = 0;
  WARTA_RETURN_IF_ERROR(store.ScanLinkMentions([&](int64_t seq, const EntityMention& m, std::string_view outlet,
                                                   const std::optional<DateTime>& date) {
    if (seq != current) {
      Learn(article);
      article = Article{};
      current = seq;
      article.outlet = std::string(outlet);
      article.published = date;
    }
    article.entities.push_back(m);
  }));
  Learn(article);
  return Status::Ok();
}

void PersonLinker::AddCorrection(const store::EntityLink& link) {
  if (link.kind == "merge") merges_[link.from_id] = link;
  if (link.kind == "split") splits_.insert(NameKey(link.form) + "\t" + link.from_id);
}

std::vector<PersonLinker::StatedNickname> PersonLinker::StatedNicknames(const Article& article) const {
  std::vector<StatedNickname> out;
  std::vector<const EntityMention*> persons;
  for (const EntityMention& m : article.entities)
    if (m.type == EntityType::kPerson && !m.entity_id.empty()) persons.push_back(&m);
  if (persons.size() < 2) return out;
  const std::string text = article.Text();
  // By the words as written: Link may have given the nickname its person's
  // canonical name already when Learn reads the article again.
  auto words_of = [](const EntityMention& m) { return entities::EntityKeyWords(NameKey(m.text)); };
  for (size_t i = 0; i + 1 < persons.size(); ++i) {
    const EntityMention& a = *persons[i];
    const EntityMention& b = *persons[i + 1];
    if (b.span.begin < a.span.end) continue;
    std::string between = SpanText(text, {a.span.end, b.span.begin});
    // "Full atau Nick", "Full, alias Nick", "Full (akrab disapa Nick)",
    // "Full (Nick)", "Nick (Full)".
    std::string link;
    bool paren = false;
    for (char c : between) {
      if (c == '(') {
        paren = true;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        if (link.empty() || link.back() != ' ') link += ' ';  // a line break or a run of spaces: one space
      } else if (c != ',' && c != ')') {
        link += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    while (!link.empty() && link.front() == ' ') link.erase(0, 1);
    while (!link.empty() && link.back() == ' ') link.pop_back();
    bool stated = link.empty() ? paren : lexicon_->Is(text::WordClass::kNicknameLink, link);
    // "Achmad Budiharto. Pria yang akrab disapa Budi ...": the next sentence
    // opens with a noun for the person just named and the link words.
    bool next_sentence = false;
    if (!stated && link.rfind(". ", 0) == 0 && link.find('.', 1) == std::string::npos) {
      const std::string rest = link.substr(2);  // one sentence break, then the sentence's first words
      const size_t space = rest.find(' ');
      next_sentence = space != std::string::npos &&
                      lexicon_->Is(text::WordClass::kNicknameAnaphor, rest.substr(0, space)) &&
                      lexicon_->Is(text::WordClass::kNicknameLink, rest.substr(space + 1));
      stated = next_sentence;
    }
    if (!stated) continue;
    const std::vector<std::string> wa = words_of(a), wb = words_of(b);
    const EntityMention* full = nullptr;
    const EntityMention* nick = nullptr;
    if (wa.size() >= 2 && wb.size() == 1) {
      full = &a;
      nick = &b;
    } else if (wa.size() == 1 && wb.size() >= 2 && paren && link.empty() && !next_sentence) {
      full = &b;
      nick = &a;
    } else {
      continue;
    }
    const std::string nick_key = NameKey(nick->text);
    const std::vector<std::string> full_words = nick == &b ? wa : wb;
    // A word of the name itself is a short name, not a nickname; nor is a
    // word other stored people's names start or end with ("Prabowo" in
    // "Joko Widodo atau Prabowo").
    if (nick_key.size() < options_.min_word_length ||
        std::find(full_words.begin(), full_words.end(), nick_key) != full_words.end())
      continue;
    bool shared_name = false;
    if (auto it = by_part_.find(nick_key); it != by_part_.end())
      shared_name = std::any_of(it->second.begin(), it->second.end(),
                                [&](const std::string& id) { return id != full->entity_id; });
    // Such a name is a nickname only where the words say so ("akrab disapa
    // Budi"): "atau" between two people is also "or" ("Joko Widodo atau
    // Prabowo"), and brackets may hold anything.
    if (shared_name && (link.empty() || link == "atau")) continue;
    const Span quoted{std::min(a.span.begin, b.span.begin), std::max(a.span.end, b.span.end) + (paren ? 1 : 0)};
    const std::string quote = ShortQuote(SpanText(text, quoted));
    // A shared name is linked in this article only, and its reason must not
    // read as a nickname to learn again when the store is loaded (Load).
    out.push_back({nick->entity_id, nick->text,
                   {full->entity_id, full->canonical,
                    shared_name ? "this article's name for the person (other stored people share it): \"" + quote + "\""
                                : "nickname stated in the text: \"" + quote + "\""},
                   shared_name});
  }
  return out;
}

PersonLinker::Choice PersonLinker::Decide(const std::string& key, const std::vector<std::string>& context,
                                          const std::string& outlet, int64_t day) const {
  std::vector<std::string> words = entities::EntityKeyWords(key);
  if (words.empty() || (words.size() == 1 && words[0].size() < options_.min_word_length)) return {};
  auto it = by_part_.find(key);
  if (it == by_part_.end()) return {};
  std::vector<const std::string*> ids;
  for (const std::string& id : it->second)
    if (!splits_.count(key + "\t" + id)) ids.push_back(&id);
  if (ids.empty()) return {};
  const std::string* best_id = nullptr;
  int64_t best = -1, second = 0;
  for (const std::string* id : ids) {
    const int64_t n = people_.at(*id).articles;
    if (n > best) {
      second = std::max<int64_t>(second, best);
      best = n;
      best_id = id;
    } else {
      second = std::max(second, n);
    }
  }
  const bool only = ids.size() == 1;
  const bool dominant =
      best >= options_.min_articles && static_cast<double>(best) >= options_.dominance * static_cast<double>(second);
  if (!only && !dominant) return {};
  const Person& p = people_.at(*best_id);
  const auto [shared, same_outlet, near_in_time] = EvidenceFor(p, context, outlet, day);
  const bool specific = Specific(shared);
  // A shared entity few people are named with, or a role, is evidence
  // enough; the weaker kinds (a common entity, the outlet, the time) only
  // for the only candidate and a part of two words or more: a single given
  // name or surname ("Sutrisno") is shared by too many people the store
  // has not seen in full.
  const bool agrees = specific || (only && words.size() >= 2 && (!shared.empty() || same_outlet || near_in_time));
  if (!agrees) return {};
  const std::vector<std::string> full = entities::EntityKeyWords(NameKey(p.canonical));
  const bool prefix = std::equal(words.begin(), words.end(), full.begin());
  std::string reason = std::string(prefix ? "first" : "last") + (words.size() == 1 ? " name" : " names") + " of '" +
                       p.canonical + "', " +
                       (only ? "the only stored person so named"
                             : "named in " + std::to_string(best) + " articles against " + std::to_string(second) +
                                   " for the next");
  std::string evidence;
  for (size_t i = 0; i < shared.size() && i < 3; ++i) {
    const std::string& c = shared[i];
    evidence += (evidence.empty() ? "" : ", ") + (c.rfind("role:", 0) == 0 ? "role " + c.substr(5) : c.substr(2));
  }
  if (!evidence.empty()) reason += "; named with: " + evidence;
  if (same_outlet) reason += "; same outlet " + outlet;
  if (near_in_time) reason += "; within " + std::to_string(options_.window_days) + " days of its articles";
  return {*best_id, reason};
}

std::vector<std::string> PersonLinker::Link(Article* article) {
  std::vector<std::string> linked;
  auto relabel = [&](const std::string& from, const std::string& to, const std::string& canonical,
                     const std::string& form, const std::string& reason, bool record) {
    for (EntityMention& m : article->entities) {
      if (m.entity_id != from) continue;
      m.entity_id = to;
      m.canonical = canonical;
    }
    if (std::find(linked.begin(), linked.end(), to) == linked.end()) linked.push_back(to);
    if (record && made_keys_.insert(from + "\t" + to).second)
      made_.push_back({"merge", from, form, to, canonical, "linker", reason, std::nullopt});
  };
  // 1. The analysts' corrections come first.
  for (EntityMention& m : article->entities) {
    if (m.entity_id.empty()) continue;
    if (auto it = merges_.find(m.entity_id); it != merges_.end()) {
      m.entity_id = it->second.to_id;
      m.canonical = it->second.to_canonical;
      if (std::find(linked.begin(), linked.end(), m.entity_id) == linked.end()) linked.push_back(m.entity_id);
    }
    for (const std::string& form : {m.text, m.canonical})
      if (splits_.count(NameKey(form) + "\t" + m.entity_id)) {
        m.entity_id = entities::EntityIdOf(m.type, m.text);
        m.canonical = m.text;
        break;
      }
  }
  // 2. Nicknames: stated here, or in a stored article.
  std::unordered_set<std::string> decided;
  for (const StatedNickname& n : StatedNicknames(*article)) {
    if (n.nick_id == n.full.full_id || splits_.count(NameKey(n.nick_text) + "\t" + n.full.full_id)) continue;
    relabel(n.nick_id, n.full.full_id, n.full.canonical, n.nick_text, n.full.quote, true);
    decided.insert(n.full.full_id);
  }
  // 3. Parts of stored full names, with the article's own evidence.
  std::vector<std::string> context;
  for (const EntityMention& m : article->entities) {
    if (m.entity_id.empty()) continue;
    context.push_back(ContextKey(m));
    if (!m.role.empty()) context.push_back(RoleKey(m.role));
  }
  const int64_t day = DayOf(*article).value_or(INT64_MIN);
  std::vector<std::pair<std::string, std::string>> persons;  // (entity id, canonical), once each
  for (const EntityMention& m : article->entities)
    if (m.type == EntityType::kPerson && !m.entity_id.empty() && !decided.count(m.entity_id) &&
        std::none_of(persons.begin(), persons.end(), [&](const auto& p) { return p.first == m.entity_id; }))
      persons.emplace_back(m.entity_id, m.canonical);
  for (const auto& [id, canonical] : persons) {
    const std::string key = NameKey(canonical);
    if (auto nick = nicknames_.find(key); nick != nicknames_.end() && !nick->second.full_id.empty() &&
                                          nick->second.full_id != id &&
                                          !splits_.count(key + "\t" + nick->second.full_id)) {
      relabel(id, nick->second.full_id, nick->second.canonical, canonical, nick->second.quote, true);
      continue;
    }
    // The article's context without the person itself.
    std::vector<std::string> others;
    const std::string self = "P:" + key;
    for (const std::string& c : context)
      if (c != self) others.push_back(c);
    Choice choice = Decide(key, others, article->outlet, day);
    if (choice.id.empty()) choice = DecideInitial(key, others, article->outlet, day);
    if (choice.id.empty()) choice = DecideVariant(key, others, article->outlet, day);
    if (choice.id.empty() || choice.id == id) continue;
    relabel(id, choice.id, people_.at(choice.id).canonical, canonical, choice.reason, true);
  }
  return linked;
}

void PersonLinker::Learn(const Article& article) {
  for (const StatedNickname& n : StatedNicknames(article)) {
    if (n.shared_name) continue;  // this article's word, not the store's
    auto [it, fresh] = nicknames_.try_emplace(NameKey(n.nick_text), n.full);
    if (!fresh && it->second.full_id != n.full.full_id) it->second.full_id.clear();  // two people: neither
  }
  std::vector<std::string> context;
  for (const EntityMention& m : article.entities)
    if (!m.entity_id.empty()) context.push_back(ContextKey(m));
  const std::optional<int64_t> day = DayOf(article);
  std::unordered_set<std::string> seen;
  std::vector<std::string> new_full;
  for (const EntityMention& m : article.entities) {
    if (m.type != EntityType::kPerson || m.entity_id.empty()) continue;
    const bool first = seen.insert(m.entity_id).second;
    if (Add(m.entity_id, m.canonical)) new_full.push_back(m.entity_id);
    Person& p = people_.at(m.entity_id);
    auto note = [&](const std::string& c) {
      if (p.context.insert(c).second) ++context_df_[c];
    };
    if (!m.role.empty()) note(RoleKey(m.role));
    if (!first) continue;
    ++p.articles;
    // A full name that has become more common may now be the clear
    // favourite for a part stored before ("Retno" in an article stored when
    // "Retno Marsudi" and "Retno LP Marsudi" had two articles each): look
    // again each time its articles double, a few times in its life.
    if (p.articles >= 2 && (p.articles & (p.articles - 1)) == 0 &&
        entities::EntityKeyWords(NameKey(p.canonical)).size() >= 2 &&
        std::find(new_full.begin(), new_full.end(), m.entity_id) == new_full.end())
      new_full.push_back(m.entity_id);
    const std::string self = "P:" + NameKey(m.canonical);
    for (const std::string& c : context)
      if (c != self) note(c);
    if (!article.outlet.empty()) p.outlets.insert(article.outlet);
    if (day) {
      p.first_day = std::min(p.first_day, *day);
      p.last_day = std::max(p.last_day, *day);
    }
  }
  for (const std::string& id : new_full)
    if (people_.count(id)) Relink(id);
}

std::vector<store::EntityLink> PersonLinker::TakeLinks() {
  std::vector<store::EntityLink> out;
  out.swap(made_);
  return out;
}

}  // namespace warta::pipeline
