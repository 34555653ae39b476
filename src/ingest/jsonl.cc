#include "ingest/jsonl.h"

#include <initializer_list>
#include <vector>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace warta::ingest {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

const char* TypeName(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "array";
    case element_type::OBJECT: return "object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "number";
    case element_type::STRING: return "string";
    case element_type::BOOL: return "boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "value";
}

// "an array", "a number"...
std::string WithArticle(element_type t) {
  const std::string name = TypeName(t);
  return (name[0] == 'a' || name[0] == 'o' ? "an " : "a ") + name;
}

// The first of `keys` present with a non-empty string; with `numbers`, a
// number too, kept as its JSON text (a Unix-time "date" stays "1490674536").
// A value of another type is never converted ("url": 5 is no URL "5"): the
// field is dropped and a warning says which field and what it should be.
std::string FirstScalar(const object& obj, std::initializer_list<const char*> keys, bool numbers,
                        std::vector<std::string>* warnings) {
  for (const char* key : keys) {
    element e;
    if (obj[key].get(e) != simdjson::SUCCESS) continue;
    switch (e.type()) {
      case element_type::STRING: {
        std::string_view s;
        if (e.get_string().get(s) == simdjson::SUCCESS && !TrimSpace(s).empty()) {
          return std::string(s);
        }
        break;
      }
      case element_type::INT64:
      case element_type::UINT64:
      case element_type::DOUBLE:
        if (numbers) return simdjson::minify(e);
        [[fallthrough]];
      default:
        if (e.type() == element_type::NULL_VALUE) break;  // null: absent, as JSON writers mean it
        if (warnings) {
          warnings->push_back(std::string("\"") + key + "\" is " + WithArticle(e.type()) + ", expected a string" +
                              (numbers ? " or a number" : "") + "; field dropped");
        }
        break;
    }
  }
  return {};
}

void AddAuthor(const char* key, const element& e, std::vector<std::string>* out,
               std::vector<std::string>* warnings) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    if (!TrimSpace(s).empty()) out->emplace_back(s);
    return;
  }
  // schema.org style {"name": "..."}
  object o;
  element name;
  if (e.get_object().get(o) == simdjson::SUCCESS && o["name"].get(name) == simdjson::SUCCESS &&
      name.get_string().get(s) == simdjson::SUCCESS) {
    if (!TrimSpace(s).empty()) out->emplace_back(s);
    return;
  }
  if (e.type() != element_type::NULL_VALUE && warnings) {
    warnings->push_back(std::string("\"") + key + "\" holds " + WithArticle(e.type()) +
                        ", expected a name string or {\"name\": string}; dropped");
  }
}

std::vector<std::string> Authors(const object& obj, std::vector<std::string>* warnings) {
  std::vector<std::string> out;
  for (const char* key : {"author", "authors"}) {
    element e;
    if (obj[key].get(e) != simdjson::SUCCESS) continue;
    array arr;
    if (e.get_array().get(arr) == simdjson::SUCCESS) {
      for (element a : arr) AddAuthor(key, a, &out, warnings);
    } else {
      AddAuthor(key, e, &out, warnings);
    }
    if (!out.empty()) break;
  }
  return out;
}

// One element of "paragraphs": a string, an array of sentence strings, or an
// array of token lists (IndoSum). Token lists of one paragraph are
// detokenised together so quotes spanning sentences pair up.
bool BuildParagraph(const element& p, size_t index, std::string* out, std::string* reason) {
  out->clear();
  std::string_view s;
  if (p.get_string().get(s) == simdjson::SUCCESS) {
    out->assign(s);
    NormaliseLineEnds(out);
    return true;
  }
  array sentences;
  if (p.get_array().get(sentences) != simdjson::SUCCESS) {
    *reason = "paragraphs[" + std::to_string(index) + "] is a " + TypeName(p.type()) +
              ", not a string or array";
    return false;
  }
  std::vector<std::string_view> tokens;
  auto append = [out](std::string_view piece) {
    if (TrimSpace(piece).empty()) return;
    if (!out->empty()) out->push_back(' ');
    out->append(piece);
  };
  auto flush = [&] {
    if (tokens.empty()) return;
    append(Detokenise(tokens));
    tokens.clear();
  };
  for (element sentence : sentences) {
    if (sentence.get_string().get(s) == simdjson::SUCCESS) {
      flush();
      append(s);
      continue;
    }
    array toks;
    if (sentence.get_array().get(toks) != simdjson::SUCCESS) {
      *reason = "paragraphs[" + std::to_string(index) + "] holds a " +
                TypeName(sentence.type()) + ", not a sentence";
      return false;
    }
    for (element t : toks) {
      if (t.get_string().get(s) != simdjson::SUCCESS) {
        *reason = "paragraphs[" + std::to_string(index) + "] holds a " + TypeName(t.type()) +
                  " where a token string was expected";
        return false;
      }
      tokens.push_back(s);
    }
  }
  flush();
  NormaliseLineEnds(out);
  return true;
}

}  // namespace

void NormaliseLineEnds(std::string* text) {
  if (text->find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(text->size());
  for (size_t i = 0; i < text->size(); ++i) {
    char c = (*text)[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  *text = std::move(out);
}

bool ParseJsonLine(simdjson::dom::parser& parser, std::string_view line, RawDocument* doc,
                   std::string* reason, std::vector<std::string>* warnings) {
  element root;
  simdjson::error_code err = parser.parse(line.data(), line.size()).get(root);
  if (err != simdjson::SUCCESS) {
    *reason = std::string("malformed JSON (") + simdjson::error_message(err) + ")";
    return false;
  }
  object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    *reason = std::string("not a JSON object (found ") + TypeName(root.type()) + ")";
    return false;
  }

  doc->text.clear();
  doc->paragraphs.clear();
  element text_el, paras_el;
  const bool has_text = obj["text"].get(text_el) == simdjson::SUCCESS;
  const bool has_paras = obj["paragraphs"].get(paras_el) == simdjson::SUCCESS;
  if (!has_text && !has_paras) {
    *reason = "no \"text\" or \"paragraphs\" field";
    return false;
  }
  if (has_text) {
    std::string_view s;
    if (text_el.get_string().get(s) != simdjson::SUCCESS) {
      if (!has_paras) {
        *reason = std::string("\"text\" is a ") + TypeName(text_el.type()) + ", not a string";
        return false;
      }
    } else if (!TrimSpace(s).empty()) {
      doc->text.assign(s);
      NormaliseLineEnds(&doc->text);
    }
  }
  if (doc->text.empty() && has_paras) {
    array paras;
    if (paras_el.get_array().get(paras) != simdjson::SUCCESS) {
      *reason = std::string("\"paragraphs\" is a ") + TypeName(paras_el.type()) +
                ", not an array";
      return false;
    }
    std::string para;
    size_t index = 0;
    for (element p : paras) {
      if (!BuildParagraph(p, index++, &para, reason)) return false;
      if (!TrimSpace(para).empty()) doc->paragraphs.push_back(para);
    }
  }
  if (doc->text.empty() && doc->paragraphs.empty()) {
    *reason = "no text (\"text\"/\"paragraphs\" empty)";
    return false;
  }

  doc->title = FirstScalar(obj, {"title"}, false, warnings);
  doc->url = FirstScalar(obj, {"url", "source_url"}, false, warnings);
  doc->date = FirstScalar(obj, {"date", "published", "datePublished"}, true, warnings);
  doc->outlet = FirstScalar(obj, {"outlet", "source"}, false, warnings);
  doc->language = FirstScalar(obj, {"language", "lang"}, false, warnings);
  doc->authors = Authors(obj, warnings);
  return true;
}

}  // namespace warta::ingest
