// The API's vocabularies as its users see them: the OpenAPI document and the
// web page's labels must name exactly the values of core/vocabulary.h, so a
// value added to (or dropped from) a table fails here until both follow.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.h"

namespace warta::server::internal {
// Embedded at build time (src/server/CMakeLists.txt): what the server serves.
extern const std::string_view kOpenApiJson;
extern const std::string_view kAppJs;
}  // namespace warta::server::internal

namespace warta::server {
namespace {

using nlohmann::json;

struct Table {
  std::string what;
  std::vector<std::string> names;
};

std::vector<Table> Tables() {
  return {{"entity type", Names<EntityType>()},
          {"time expression type", Names<TimexType>()},
          {"event type", Names<EventType>()},
          {"event modality", Names<EventModality>()},
          {"event role", Names<EventRole>()},
          {"claim bound", Names<ClaimBound>()}};
}

std::vector<std::string> Strings(const json& a) {
  std::vector<std::string> out;
  for (const auto& v : a) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

// Every string "enum" of the document, with its JSON pointer.
void CollectEnums(const json& j, const std::string& at, std::vector<std::pair<std::string, json>>* out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "enum" && v.is_array() && !v.empty() && v[0].is_string()) out->emplace_back(at + "/enum", v);
      else CollectEnums(v, at + "/" + k, out);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) CollectEnums(j[i], at + "/" + std::to_string(i), out);
  }
}

TEST(ApiVocabularyTest, OpenApiEnumsAreTheNameTables) {
  const json doc = json::parse(internal::kOpenApiJson);
  // Where each vocabulary must be listed.
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"/components/schemas/EntitySummary/properties/type/enum", Names<EntityType>()},
      {"/components/schemas/Article/properties/entities/items/properties/type/enum", Names<EntityType>()},
      {"/components/schemas/Article/properties/timexes/items/properties/type/enum", Names<TimexType>()},
      {"/components/schemas/Article/properties/claims/items/properties/bound/enum", Names<ClaimBound>()},
      {"/components/schemas/Article/properties/events/items/properties/type/enum", Names<EventType>()},
      {"/components/schemas/ClaimItem/properties/bound/enum", Names<ClaimBound>()},
      {"/components/schemas/EventItem/properties/type/enum", Names<EventType>()},
      {"/components/schemas/EventItem/properties/modality/enum", Names<EventModality>()},
      {"/components/schemas/EventParticipant/properties/role/enum", Names<EventRole>()},
      {"/components/schemas/Article/properties/events/items/properties/modality/enum", Names<EventModality>()},
      {"/components/schemas/Article/properties/events/items/properties/roles/items/enum", Names<EventRole>()},
  };
  for (const auto& [pointer, names] : expected) {
    const json::json_pointer p(pointer);
    ASSERT_TRUE(doc.contains(p)) << pointer << " is missing";
    EXPECT_EQ(Strings(doc.at(p)), names) << pointer;
  }
  // The query parameters that take one.
  auto parameter = [&](const std::string& path, const std::string& name) {
    for (const auto& prm : doc.at("paths").at(path).at("get").at("parameters"))
      if (prm.value("name", "") == name) return Strings(prm.at("schema").at("enum"));
    ADD_FAILURE() << path << " has no parameter " << name;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(parameter("/api/entities", "type"), Names<EntityType>());
  EXPECT_EQ(parameter("/api/graph", "type"), Names<EntityType>());
  EXPECT_EQ(parameter("/api/events", "type"), Names<EventType>());

  // And anywhere else: an enum naming any value of a vocabulary names all of
  // them and nothing more (a stale copy would keep a dropped value).
  std::vector<std::pair<std::string, json>> enums;
  CollectEnums(doc, "", &enums);
  size_t vocabulary_enums = 0;
  for (const auto& [pointer, values] : enums) {
    const std::vector<std::string> listed = Strings(values);
    for (const Table& t : Tables()) {
      const std::set<std::string> names(t.names.begin(), t.names.end());
      bool shares = false;
      for (const auto& v : listed) shares |= names.count(v) > 0;
      if (!shares) continue;
      ++vocabulary_enums;
      EXPECT_EQ(listed, t.names) << pointer << " lists " << t.what << "s";
    }
  }
  EXPECT_EQ(vocabulary_enums, expected.size() + 3);
}

// The keys of `const <name> = { ... };` in app.js.
std::set<std::string> LabelKeys(std::string_view js, const std::string& name) {
  const std::string head = "const " + name + " = {";
  const size_t b = js.find(head);
  if (b == std::string_view::npos) {
    ADD_FAILURE() << "app.js has no " << head;
    return {};
  }
  const size_t e = js.find("};", b);
  const std::string body(js.substr(b + head.size(), e - b - head.size()));
  // key: 'value' pairs; a key is a bare word or a quoted string (maybe empty).
  static const std::regex kKey(R"((?:^|[,{\s])(?:'([^']*)'|([A-Za-z_$][\w$]*))\s*:)");
  std::set<std::string> keys;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kKey); it != std::sregex_iterator(); ++it)
    keys.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
  return keys;
}

TEST(ApiVocabularyTest, PageLabelsEveryName) {
  const std::string_view js = internal::kAppJs;
  auto set_of = [](const std::vector<std::string>& v) { return std::set<std::string>(v.begin(), v.end()); };
  EXPECT_EQ(LabelKeys(js, "TYPE_NAMES"), set_of(Names<EntityType>()));
  EXPECT_EQ(LabelKeys(js, "EVENT_NAMES"), set_of(Names<EventType>()));
  EXPECT_EQ(LabelKeys(js, "BOUND_NAMES"), set_of(Names<ClaimBound>()));
  EXPECT_EQ(LabelKeys(js, "MODALITY_NAMES"), set_of(Names<EventModality>()));
  EXPECT_EQ(LabelKeys(js, "ROLE_NAMES"), set_of(Names<EventRole>()));
  // Option lists are built from those maps, not written out again.
  EXPECT_EQ(js.find("'PERSON', 'ORGANISATION'"), std::string_view::npos);
  EXPECT_EQ(js.find("statement"), std::string_view::npos);
}

}  // namespace
}  // namespace warta::server
