// libFuzzer target: robots.txt parsing (RFC 9309) and matching. The input is
// the file; its last line, when it starts with '/', is also the path asked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/robots.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  warta::fetch::Robots robots = warta::fetch::Robots::Parse(text, "https://a.example/robots.txt");
  size_t nl = text.rfind('\n');
  std::string_view path = nl == std::string_view::npos ? text : text.substr(nl + 1);
  if (path.size() > 2048) path = path.substr(0, 2048);
  for (std::string_view agent : {"Warta/0.1", "*", ""}) {
    warta::fetch::RobotsGroup g = robots.ForAgent(agent);
    warta::fetch::RobotsDecision d = g.Decide(path);
    FUZZ_CHECK(!d.rule || d.allowed == d.rule->allow, "decision differs from its rule");
    FUZZ_CHECK(g.Allowed("/robots.txt"), "/robots.txt must always be allowed");
  }
  return 0;
}
