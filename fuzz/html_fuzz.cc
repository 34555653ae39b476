// libFuzzer target: the HTML extractor (charset decision, libxml2 parse,
// main-content walk, metadata, language) on arbitrary bytes, with and
// without a declared content type and URL. Built by scripts/fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  warta::html::PageContext ctx;
  // The first byte picks a context so header and URL paths are reached too.
  if (size > 0 && (data[0] & 1)) {
    ctx.content_type = (data[0] & 2) ? "text/html; charset=windows-1251" : "text/html; charset=utf-8";
    ctx.url = "https://contoh.example/2017/03/27/berita";
    ctx.fallback_date = "2017-03-27T03:15:00Z";
  }
  auto page = warta::html::Extract(bytes, ctx, {});
  if (page.ok()) {
    warta::RawDocument doc = page->ToRawDocument("fuzz.html");
    (void)doc;
  }
  return 0;
}
