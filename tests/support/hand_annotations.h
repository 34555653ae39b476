// Hand-made annotations for analyser tests that must not depend on the NER
// model or the timex tagger: spans of literal strings in an article's text,
// counted in code points as the analysers count them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace warta::testing {

// Code-point spans of every occurrence of `needle` in `text`, in order
// (non-overlapping). Linear in the text, so a 100 KB text with thousands of
// occurrences stays cheap.
std::vector<Span> SpansOf(std::string_view text, std::string_view needle);

// Adds a mention of `canonical` (id "<first letter of type>:<canonical>")
// over `span` to `article`, keeping the mentions in text order. `type` is an
// EntityType name ("PERSON"); another fails the test.
void AddMention(Article* article, Span span, const std::string& name, const std::string& type,
                const std::string& canonical);

}  // namespace warta::testing
