// One JSONL line to a RawDocument (internal to ingest; exposed for tests).
//
// Thread-safety: uses the caller's parser, so one parser per thread.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace warta::ingest {

// Parses `line` (valid UTF-8, one JSON object) into *doc's text or paragraphs
// and metadata; source and line are left for the caller. Returns false with
// *reason ("malformed JSON (...)", "not a JSON object", "no \"text\" or
// \"paragraphs\" field", ...) when the line holds no usable article; *doc is
// then unspecified.
//
// Metadata of the wrong type is never converted: "url": 5 or "outlet": false
// is dropped (the article, whose text is good, is kept) and, when `warnings`
// is given, one line per field says which field and the type it should have
// ("\"url\" is a number, expected a string; field dropped"). Strings are
// expected everywhere; "date"/"published"/"datePublished" take a number too
// (Unix time, kept as its JSON text); authors are strings or {"name": ...};
// null means absent.
bool ParseJsonLine(simdjson::dom::parser& parser, std::string_view line, RawDocument* doc,
                   std::string* reason, std::vector<std::string>* warnings = nullptr);

// Turns CRLF and lone CR into '\n' in place.
void NormaliseLineEnds(std::string* text);

}  // namespace warta::ingest
