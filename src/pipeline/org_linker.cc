#include "pipeline/org_linker.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "entities/entity_analyzer.h"

namespace warta::pipeline {

namespace {

bool OneWord(const std::string& key) { return !key.empty() && key.find(' ') == std::string::npos; }

// True when `text`, whose organisation key is `key`, has more words than
// the key: a legal form the key dropped ("PT Antam Tbk" -> "antam").
bool HasLegalForm(const std::string& text, const std::string& key) {
  std::string all = entities::NormaliseEntityKey(text);
  for (char& c : all)
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') c = ' ';
  return entities::EntityKeyWords(all).size() > entities::EntityKeyWords(key).size();
}

// The key as spelled without spaces and hyphens, and German umlauts as
// they are written without them ("ü" as "ue"): "channel newsasia" and
// "channel news asia", "bayern münchen" and "bayern muenchen" are one
// spelling.
std::string Spelled(std::string_view key, bool keep_spaces) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if ((c == ' ' || c == '-') && !keep_spaces) continue;
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < key.size()) {
      const unsigned char d = static_cast<unsigned char>(key[i + 1]);
      const char* plain = d == 0xBC || d == 0x9C ? "ue" : d == 0xB6 || d == 0x96 ? "oe" : d == 0xA4 || d == 0x84 ? "ae" : d == 0x9F ? "ss" : nullptr;
      if (plain != nullptr) {
        out += plain;
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string Spelling(std::string_view key) { return Spelled(key, false); }

// A place's key with its umlauts spelled out ("muenchen"), its words kept:
// "Play Store", which the tagger calls a place, is not "Playstore".
std::string PlaceKey(std::string_view key) { return Spelled(key, true); }

}  // namespace

OrgLinker::OrgLinker(OrgLinkOptions options)
    : options_(options), lexicon_(options_.lexicon ? options_.lexicon : text::Lexicon::Builtin()) {}

std::vector<store::EntityLink> OrgLinker::TakeRelinks() {
  std::vector<store::EntityLink> out;
  out.swap(relinks_);
  return out;
}

Status OrgLinker::Load(store::ArticleStore& store) {
  // Learn() again on every stored article, in store order, from its
  // mentions (the places too: an organisation's home is one of them).
  Article article;
  int64_t current = 0;
  WARTA_RETURN_IF_ERROR(store.ScanLinkMentions(
      [&](int64_t seq, const EntityMention& m, std::string_view, const std::optional<DateTime>&) {
        if (seq != current) {
          if (current != 0) Learn(article);
          article.entities.clear();
          current = seq;
        }
        article.entities.push_back(m);
      }));
  if (current != 0) Learn(article);
  // What a stored article taught was re-labelled when it was stored.
  relinks_.clear();
  return Status::Ok();
}

std::string OrgLinker::LongFormOf(const std::string& key) const {
  auto it = short_forms_.find(key);
  if (it == short_forms_.end()) return "";
  std::string best_id;
  int64_t best = -1, second = 0;
  // Ties go to the smaller id, so the answer does not depend on hash order.
  for (const auto& [id, n] : it->second) {
    if (n > best || (n == best && id < best_id)) {
      second = std::max(second, best);
      best = n;
      best_id = id;
    } else {
      second = std::max(second, n);
    }
  }
  const bool clear = it->second.size() == 1 ||
                     (best >= options_.min_articles &&
                      static_cast<double>(best) >= options_.dominance * static_cast<double>(second));
  return clear ? best_id : "";
}

bool OrgLinker::HomeOf(const std::string& id, const std::string& place, std::string* why) const {
  auto places = places_of_.find(id);
  auto everywhere = place_articles_.find(place);
  if (!orgs_.count(id) || places == places_of_.end() || everywhere == place_articles_.end() || articles_ == 0)
    return false;
  auto both = places->second.find(place);
  // Named with it often enough, and a place the store knows apart from it
  // too (not a word the tagger calls a place only beside the organisation).
  if (both == places->second.end() || both->second < options_.home_articles ||
      everywhere->second <= both->second)
    return false;
  // How much more often the organisation's articles name the place than the
  // store's do: of the articles naming it by its one word (the "" entry),
  // not those of the forms that joined it.
  const int64_t own = places->second.at("");
  const double there = static_cast<double>(both->second) / static_cast<double>(own);
  const double overall = static_cast<double>(everywhere->second) / static_cast<double>(articles_);
  if (there < options_.home_lift * overall) return false;
  if (why != nullptr)
    *why = "named with '" + place + "' in " + std::to_string(both->second) + " of its " +
           std::to_string(own) + " articles, " + std::to_string(static_cast<int>(there / overall)) +
           " times as often as across the store";
  return true;
}

std::string OrgLinker::WithoutHome(const std::string& key, std::string* why) const {
  const std::vector<std::string> words = entities::EntityKeyWords(key);
  if (words.size() != 2) return "";
  // The place after the name ("Persib Bandung") or before it ("Inggris Chelsea").
  for (size_t place = 2; place-- > 0;) {
    const std::string& name = words[1 - place];
    const std::string spelled = PlaceKey(words[place]);
    if (!place_articles_.count(spelled) || place_articles_.count(PlaceKey(name)) ||
        lexicon_->Is(text::WordClass::kOrgLocalHead, name))
      continue;
    std::string id = entities::EntityIdOf(EntityType::kOrganisation, name);
    if (HomeOf(id, spelled, why)) return id;
  }
  return "";
}

void OrgLinker::JoinHomeForms(const std::string& id, const std::string& key) {
  auto forms = two_word_.find(key);
  if (forms == two_word_.end() || place_articles_.count(PlaceKey(key)) ||
      lexicon_->Is(text::WordClass::kOrgLocalHead, key))
    return;
  auto& list = forms->second;
  for (size_t i = 0; i < list.size();) {
    const auto& [from, place] = list[i];
    std::string why;
    auto held = orgs_.find(from);
    if (held == orgs_.end() || from == id) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (!place_articles_.count(place) || !HomeOf(id, place, &why)) {
      ++i;
      continue;
    }
    Relink(from, id, "'" + orgs_.at(id).canonical + "' with its home place: " + why);
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

std::vector<std::string> OrgLinker::Link(Article* article) const {
  // The stored organisation each one-word entity of the article is ("" =
  // none), decided once per entity.
  std::unordered_map<std::string, std::string> choice;
  for (const EntityMention& m : article->entities) {
    if (m.entity_id.empty() || m.type == EntityType::kLocation || choice.count(m.entity_id)) continue;
    std::string& to = choice[m.entity_id];
    const std::string key = entities::EntityKeyOf(m.type, m.canonical);
    if (m.type == EntityType::kOrganisation && !OneWord(key)) {
      // Another spelling of a stored organisation, or one with its home place.
      auto spelled = by_spelling_.find(Spelling(key));
      if (spelled != by_spelling_.end() && spelled->second != m.entity_id && orgs_.count(spelled->second))
        to = spelled->second;
      std::string why;
      if (to.empty()) to = WithoutHome(key, &why);
      if (to == m.entity_id) to.clear();
      continue;
    }
    if (!OneWord(key) || lexicon_->Is(text::WordClass::kOrgLocalHead, key)) continue;
    to = LongFormOf(key);
    if (to == m.entity_id) to.clear();
    if (!to.empty() || m.type == EntityType::kOrganisation) continue;
    // A person the store knows, by far, as an organisation.
    const std::string org = entities::EntityIdOf(EntityType::kOrganisation, key);
    auto known = orgs_.find(org);
    if (known == orgs_.end() || !known->second.legal_form || known->second.articles < options_.min_articles)
      continue;
    auto other = one_word_people_.find(key);
    const int64_t as_person = other == one_word_people_.end() ? 0 : other->second;
    if (static_cast<double>(known->second.articles) >= options_.type_majority * static_cast<double>(as_person)) to = org;
  }
  std::vector<std::string> linked;
  for (EntityMention& m : article->entities) {
    auto it = choice.find(m.entity_id);
    if (it == choice.end() || it->second.empty()) continue;
    const std::string& id = it->second;
    if (std::find(linked.begin(), linked.end(), id) == linked.end()) linked.push_back(id);
    m.type = EntityType::kOrganisation;
    m.canonical = orgs_.at(id).canonical;
    m.entity_id = id;
    m.role.clear();
    m.role_of.clear();
  }
  return linked;
}

void OrgLinker::Learn(const Article& article) {
  // Per organisation of the article: whether it writes the long form, and
  // the one-word short forms it writes for it.
  struct Seen {
    const std::string* canonical = nullptr;
    bool long_form = false, legal_form = false;
    std::set<std::string> shorts;
  };
  std::unordered_map<std::string, Seen> seen;
  std::unordered_set<std::string> people;
  std::set<std::string> places;
  for (const EntityMention& m : article.entities) {
    if (m.type == EntityType::kLocation) {
      if (!m.canonical.empty()) places.insert(PlaceKey(entities::NormaliseEntityKey(m.canonical)));
      continue;
    }
    if (m.entity_id.empty()) continue;
    if (m.type == EntityType::kPerson) {
      // The scan behind Load reads the people's one-word mentions only.
      const std::string key = entities::NormaliseEntityKey(m.canonical);
      if (m.text.find(' ') == std::string::npos && OneWord(key)) people.insert(key);
      continue;
    }
    Seen& s = seen[m.entity_id];
    if (s.canonical == nullptr) s.canonical = &m.canonical;
    const std::string own = entities::OrganisationKey(m.text);
    s.legal_form |= HasLegalForm(m.text, own);
    const std::string of_entity = entities::OrganisationKey(m.canonical);
    if (own == of_entity)
      s.long_form = true;
    else if (OneWord(own) && !OneWord(of_entity))
      s.shorts.insert(own);
  }
  if (article.entities.empty()) return;
  ++articles_;
  for (const std::string& p : places) ++place_articles_[p];
  std::vector<std::pair<std::string, std::string>> one_word;  // (id, key) of the article's one-word organisations
  for (const auto& [id, s] : seen) {
    auto [it, fresh] = orgs_.try_emplace(id);
    if (fresh) it->second.canonical = *s.canonical;
    ++it->second.articles;
    it->second.legal_form |= s.legal_form;
    const std::string key = entities::OrganisationKey(*s.canonical);
    if (fresh) {
      by_spelling_.try_emplace(Spelling(key), id);
      const std::vector<std::string> words = entities::EntityKeyWords(key);
      if (words.size() == 2) {
        two_word_[words[0]].emplace_back(id, PlaceKey(words[1]));
        two_word_[words[1]].emplace_back(id, PlaceKey(words[0]));
      }
    }
    if (OneWord(key)) {
      auto& named = places_of_[id];
      ++named[""];  // its own articles
      for (const std::string& p : places) ++named[p];
      one_word.emplace_back(id, key);
    }
    if (!s.long_form) continue;  // a short form linked alone states nothing
    for (const std::string& k : s.shorts) {
      if (lexicon_->Is(text::WordClass::kOrgLocalHead, k)) continue;
      ++short_forms_[k][id];
      if (relinked_.count(k)) continue;
      const std::string to = LongFormOf(k);
      if (to.empty()) continue;
      // The long form is clear for the first time: the organisation stored
      // under the short form alone joins it, its articles with it.
      relinked_.insert(k);
      const std::string from = entities::EntityIdOf(EntityType::kOrganisation, k);
      auto held = orgs_.find(from);
      if (from == to || held == orgs_.end()) continue;
      const int64_t stating = short_forms_[k][to];
      Relink(from, to,
             "short form '" + held->second.canonical + "' of '" + orgs_.at(to).canonical + "', stated beside it in " +
                 std::to_string(stating) + (stating == 1 ? " article" : " articles") +
                 (short_forms_[k].size() == 1 ? ", the only long form stated for it" : ", far more than any other"));
    }
  }
  for (const std::string& k : people) ++one_word_people_[k];
  // A two-word form stored before its organisation's home was clear joins it now.
  for (const auto& [id, key] : one_word)
    if (orgs_.count(id)) JoinHomeForms(id, key);
}

void OrgLinker::Relink(const std::string& from, const std::string& to, const std::string& reason) {
  auto held = orgs_.find(from);
  store::EntityLink link;
  link.kind = "merge";
  link.from_id = from;
  link.form = held->second.canonical;
  link.to_id = to;
  link.to_canonical = orgs_.at(to).canonical;
  link.source = "linker";
  link.reason = reason;
  relinks_.push_back(std::move(link));
  orgs_[to].articles += held->second.articles;
  orgs_.erase(held);
}

}  // namespace warta::pipeline
