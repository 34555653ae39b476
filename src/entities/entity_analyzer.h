// EntityAnalyzer: finds PERSON, ORGANISATION and LOCATION mentions in an
// article with Warta's NER model and resolves them inside the article.
//
// Resolution, in order:
//   * trimming: titles and roles are stripped from the front of a PERSON
//     ("Menteri Pertahanan (Menhan) Rusia Andrei Belousov" -> "Andrei
//     Belousov"; the lexicon's titles, text/data/lexicon/titles.tsv, plus
//     the model's country gazetteer), and
//     punctuation from both ends of any mention;
//   * boundaries from the article itself: a word it writes in lower case
//     elsewhere, names alone as an organisation or place, or writes as a
//     name of its own is not part of a person's name ("Bank Dunia [Rodrigo
//     Chaves]", "Bank Permata [Bianto Surodjo]"); an organisation or place
//     run into a name splits where the article cites the person ("kata
//     Sugianto");
//   * acronyms the text defines: "Kantor Berita Pusat Korea (KCNA)" makes a
//     later "KCNA" the same entity as the expansion; one it never defines
//     takes the organisation whose initials it spells ("PAN");
//   * aliases (data/aliases.tsv): "AS" = "Amerika Serikat", "Moskow" =
//     "Moskwa", "Kiev" = "Kyiv", "PBB" = "Perserikatan Bangsa-Bangsa"...;
//   * short names: a PERSON mention whose words are a part of a longer
//     PERSON name in the same article ("Kim" in an article about "Kim Jong
//     Un") is that person: the nearest preceding such name, else the first
//     following one; a clipped first name ("Sandi" for "Sandiaga Uno") or
//     a one-letter typo, when exactly one person of the article fits.
//     Across articles, pipeline/person_linker.h does the same for a person
//     an article names by one word only.
// Organisations: legal forms ("PT", "Tbk", "(Persero)": the lexicon's
// legal_forms.tsv) are part of the displayed name but not of the key
// (OrganisationKey), so "PT Aneka Tambang Tbk" and "Aneka Tambang" are one
// entity; a legal form makes the mention an organisation whatever the
// tagger said, a mention of legal forms only ("Persero) Tbk") joins the
// organisation written right before it or is dropped, and brackets are
// balanced. A short form the article defines in brackets either way ("PT
// Aneka Tambang Tbk (Antam)", "Antam (PT Aneka Tambang)") or writes as a
// contraction of one organisation it names (IsContractionOf: "Antam" beside
// "Aneka Tambang") is that organisation. Across articles,
// pipeline/org_linker.h does the same for a short form stated elsewhere.
// Roles: the title before a PERSON name is kept on its mention ("Menteri
// Pertahanan" of "Rusia", "Juru Bicara" of "KPK"), so the store can say which roles a person was
// given and when. Only real titles: a role needs a title word that is not a
// part ("Dan", "Keuangan" alone are none), loses a link word at its ends,
// and a role of generic words only ("Menteri") needs what it is of
// (titles.tsv: title.part, title.link, title.generic).
// Then each mention gets its entity's canonical name (the alias file's, or
// the longest form in the article) and entity_id = EntityIdOf(type,
// canonical), which depends only on the normalised name, so the same person
// gets the same id in every article.
//
// Thread-safety: immutable after Create(); Analyse() may run on many
// threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyse/analyzer.h"
#include "core/status.h"
#include "core/vocabulary.h"
#include "entities/ner_model.h"
#include "text/lexicon.h"
#include "text/truecase.h"

namespace warta::entities {

struct EntityAnalyzerOptions {
  std::string model_path;  // "" = the model built into Warta (models/ner/warta-ner-v2.bin)
  // The words read: speech verbs (role after), titles, and the days, months
  // and zones that are never names. Null: text::Lexicon::Builtin().
  std::shared_ptr<const text::Lexicon> lexicon;
};

// The model built into this binary, or `path` when it is not empty. Errors
// name the file (or say that this build has no built-in model).
StatusOr<NerModel> LoadNerModel(const std::string& path);

// The key two names must share to be one entity: case-folded, with
// hyphens, dots, apostrophes and runs of white space made single spaces
// ("Kim Jong-Un" -> "kim jong un").
std::string NormaliseEntityKey(std::string_view name);
// The words of a normalised key ("kim jong un" -> kim, jong, un).
std::vector<std::string> EntityKeyWords(const std::string& key);
// An organisation's key: NormaliseEntityKey without brackets and commas,
// and without the legal forms (the lexicon's org.legal_form, legal_forms.tsv)
// at either end: "PT Aneka Tambang Tbk", "Aneka Tambang (Persero) Tbk" and
// "PT. ANEKA TAMBANG" -> "aneka tambang". "" when the name is legal forms
// only ("Persero) Tbk"): no organisation. Null lexicon: Builtin().
std::string OrganisationKey(std::string_view name, const text::Lexicon* lexicon = nullptr);
// The key of `name` as an entity of `type`: OrganisationKey for an
// organisation, else NormaliseEntityKey.
std::string EntityKeyOf(EntityType type, std::string_view name, const text::Lexicon* lexicon = nullptr);
// Stable id: "P", "O" or "L" and 16 hex digits of a hash of the key
// (EntityKeyOf with the built-in lexicon: "PT Antam Tbk" and "Antam" are one
// organisation).
std::string EntityIdOf(EntityType type, std::string_view canonical);
// True when `short_word` (one lower-case word of a key) is written from the
// starts of `long_words` in order: their initials ("bi" <- bank indonesia)
// or a contraction of their first syllables ("antam" <- ANeka TAMbang,
// "bappenas" <- BAdan Perencanaan PEmbangunan NASional). It takes the
// first word and at least two, and a short form of six letters or more may
// skip one other word ("inalum" <- INdonesia asahan ALUMinium); a piece is
// at most three letters or half its word. `min_piece`: the
// shortest piece taken from a word, except that pure initials (one letter
// from each word, no skip) are always accepted.
bool IsContractionOf(std::string_view short_word, const std::vector<std::string>& long_words, size_t min_piece = 1);

class EntityAnalyzer : public analyse::Analyzer {
 public:
  static StatusOr<std::unique_ptr<EntityAnalyzer>> Create(const EntityAnalyzerOptions& options);
  // Wraps a model already loaded (tests, benchmarks); a null lexicon is
  // text::Lexicon::Builtin().
  explicit EntityAnalyzer(NerModel model, std::shared_ptr<const text::Lexicon> lexicon = nullptr);

  std::string_view name() const override { return "entities"; }
  // Replaces article->entities with the mentions found in ctx->text(),
  // in text order. Never fails once created.
  Status Analyse(Article* article, analyse::AnalysisContext* ctx) const override;

  const NerModel& model() const { return model_; }
  // The alias table's canonical name for `name` ("Sergey Lavrov" -> "Sergei
  // Lavrov", "AS" -> "Amerika Serikat"), else `name` itself.
  std::string AliasCanonical(std::string_view name) const;

 private:
  // The title written before a person's name at token `name_begin`:
  // title words of the lexicon (titles.tsv) and the country or place they are of
  // (`of_known`: the caller knows the organisation it is of).
  void FindRole(const std::vector<std::string_view>& all, const std::vector<text::Token>& tokens,
                std::string_view text, size_t sentence_begin, size_t name_begin, std::string* role,
                std::string* role_of, bool of_known) const;
  // Cuts link words from the ends of the title words [*first, *last) and
  // says whether they are a role (titles.tsv's title classes); `has_of`:
  // the role names what it is of.
  bool IsRole(const std::vector<std::string_view>& all, const std::vector<text::Token>& tokens, size_t* first,
              size_t* last, bool has_of) const;
  // One article's working state and its resolution steps (entity_analyzer.cc).
  class Resolution;
  struct Alias {
    EntityType type = EntityType::kPerson;
    std::string canonical;
  };
  NerModel model_;
  std::shared_ptr<const text::Lexicon> lexicon_;
  std::unordered_map<std::string, Alias> aliases_;  // normalised alias or canonical -> entity
  // A title or role written before a name ("menteri", "kombes"): the lexicon's titles.tsv.
  bool IsTitle(std::string_view lower) const { return lexicon_->Is(text::WordClass::kTitle, lower); }
  // Days, months and time zones (from the lexicon): capitalised, never a name.
  std::unordered_set<std::string> not_names_;
  // The built-in truecaser, read as a dictionary of written forms (which
  // capitalised words are common words); null when the build has none.
  std::shared_ptr<const text::Truecaser> dictionary_;
};

}  // namespace warta::entities
