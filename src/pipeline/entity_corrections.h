// An analyst's corrections of entity resolution (issue 16):
//   warta entity merge A B    B becomes A
//   warta entity split A FORM the mentions named FORM leave A
// Each is stored (store::EntityLink, source "analyst"), applied at once to
// the stored mentions (their quotes, claims and events follow) and the
// search index of the articles concerned, and honoured by every later
// ingest: the person linker consults the analysts' links first
// (person_linker.h). Names are resolved as `warta entity NAME` does (an id,
// else the most-reported entity of that name).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/knowledge_base.h"

namespace warta::pipeline {

struct CorrectionResult {
  std::string entity_id;     // the entity the mentions now carry
  std::string canonical;
  std::vector<int64_t> articles;  // seqs of the articles changed
};

// NotFound naming A or B when no entity has that name or id;
// InvalidArgument when both are one entity.
StatusOr<CorrectionResult> MergeEntities(KnowledgeBase& kb, const std::string& into, const std::string& merged);

// NotFound when A is unknown or none of its mentions is written FORM;
// InvalidArgument when FORM is A's own name (nothing would leave it).
StatusOr<CorrectionResult> SplitEntity(KnowledgeBase& kb, const std::string& from, const std::string& form);

}  // namespace warta::pipeline
