// How the command line shows results: plain text for people (ANSI
// highlighting only on a terminal) and JSON for programs.
#pragma once

#include <optional>
#include <string>

#include "core/datetime.h"
#include "index/search_index.h"
#include "query/knowledge_reader.h"
#include "store/store.h"

namespace warta::cli {

// "2024" -> 2024-01-01 (or 2024-12-31 when `end`), "2024-11" -> the month's
// first (or last) day, "2024-11-19" as is. nullopt for anything else.
std::optional<DateTime> ParseDateBound(const std::string& text, bool end);

// "512 bytes", "3.4 kB", "16.2 MB", "1.20 GB".
std::string HumanBytes(int64_t bytes);

// A snippet's <mark> as ANSI bold (terminal) or *word*, entities unescaped.
std::string RenderSnippet(const std::string& html_snippet, bool ansi);

std::string SearchText(const query::SearchPage& page, const index::SearchRequest& req, bool ansi);
// `original`: the article this one copies, when it is a copy.
std::string ArticleText(const store::StoredArticle& article, bool ansi, const store::ArticleRef* original = nullptr);
std::string StatsText(const store::StoreStats& stats, const std::string& dir, int shards, int64_t index_lag);

}  // namespace warta::cli
