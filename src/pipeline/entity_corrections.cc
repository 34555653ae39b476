#include "pipeline/entity_corrections.h"

#include "entities/entity_analyzer.h"
#include "query/views.h"

namespace warta::pipeline {

namespace {

StatusOr<store::EntitySummary> ResolveOne(store::ArticleStore& store, const std::string& name, const char* role) {
  auto ids = query::ResolveEntity(store, name);
  if (!ids.ok()) {
    if (ids.status().code() == StatusCode::kNotFound)
      return Status::NotFound(std::string(role) + ": no entity named '" + name + "' (see 'warta entities')");
    return ids.status();
  }
  WARTA_ASSIGN_OR_RETURN(auto found, store.GetEntitySummaries({ids->front()}));
  if (found.empty()) return Status::NotFound(std::string(role) + ": no entity named '" + name + "'");
  return found.front();
}

}  // namespace

StatusOr<CorrectionResult> MergeEntities(KnowledgeBase& kb, const std::string& into, const std::string& merged) {
  store::ArticleStore& store = kb.store();
  WARTA_ASSIGN_OR_RETURN(store::EntitySummary a, ResolveOne(store, into, "merge into"));
  WARTA_ASSIGN_OR_RETURN(store::EntitySummary b, ResolveOne(store, merged, "merge"));
  if (a.id == b.id)
    return Status::InvalidArgument("'" + into + "' and '" + merged + "' are already one entity (" + a.canonical + ", " +
                                   a.id + ")");
  store::EntityLink link{"merge", b.id, b.canonical, a.id, a.canonical, "analyst",
                         "analyst: warta entity merge '" + into + "' '" + merged + "'", std::nullopt};
  WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> seqs, store.RelabelMentions(b.id, "", a.id, a.canonical));
  WARTA_RETURN_IF_ERROR(store.PutEntityLinks({link}));
  WARTA_RETURN_IF_ERROR(kb.ReindexArticles(seqs));
  kb.NoteCorrection(link);
  return CorrectionResult{a.id, a.canonical, std::move(seqs)};
}

StatusOr<CorrectionResult> SplitEntity(KnowledgeBase& kb, const std::string& from, const std::string& form) {
  store::ArticleStore& store = kb.store();
  WARTA_ASSIGN_OR_RETURN(store::EntitySummary a, ResolveOne(store, from, "split"));
  const std::string to_id = entities::EntityIdOf(a.type, form);
  if (to_id == a.id)
    return Status::InvalidArgument("'" + form + "' is the name of " + a.canonical + " itself: split off another of its forms");
  store::EntityLink link{"split", a.id, form, to_id, form, "analyst",
                         "analyst: warta entity split '" + from + "' '" + form + "'", std::nullopt};
  WARTA_ASSIGN_OR_RETURN(std::vector<int64_t> seqs, store.RelabelMentions(a.id, form, to_id, form));
  if (seqs.empty())
    return Status::NotFound("no mention of " + a.canonical + " (" + a.id + ") is written '" + form +
                            "' (see 'warta entity " + from + "')");
  WARTA_RETURN_IF_ERROR(store.PutEntityLinks({link}));
  WARTA_RETURN_IF_ERROR(kb.ReindexArticles(seqs));
  kb.NoteCorrection(link);
  return CorrectionResult{to_id, form, std::move(seqs)};
}

}  // namespace warta::pipeline
