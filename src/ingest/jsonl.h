// One JSONL line to a RawDocument (internal to ingest; exposed for tests).
//
// Thread-safety: uses the caller's parser, so one parser per thread.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "core/article.h"

namespace warta::ingest {

// Parses `line` (valid UTF-8, one JSON object) into *doc's text or paragraphs
// and metadata; source and line are left for the caller. Returns false with
// *reason ("malformed JSON (...)", "not a JSON object", "no \"text\" or
// \"paragraphs\" field", ...) when the line holds no usable article; *doc is
// then unspecified.
bool ParseJsonLine(simdjson::dom::parser& parser, std::string_view line, RawDocument* doc,
                   std::string* reason);

// Turns CRLF and lone CR into '\n' in place.
void NormaliseLineEnds(std::string* text);

}  // namespace warta::ingest
