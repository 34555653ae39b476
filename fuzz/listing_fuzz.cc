// libFuzzer target: the fetch stage's listing parser (RSS, Atom, JSON Feed,
// sitemaps, HTML feed discovery, gzip, charsets) and its invariant: every
// entry it returns is an absolute http(s) URL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/listing.h"
#include "fetch/url.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  warta::fetch::ListingOptions options;
  options.max_document_bytes = 1 << 20;
  // The first byte picks the Content-Type, so every reader is reached.
  static constexpr std::string_view kTypes[] = {"", "text/html", "application/json", "text/xml; charset=windows-1252"};
  std::string_view type = size ? kTypes[data[0] % 4] : "";
  auto listing = warta::fetch::ParseListing(bytes, "https://a.example/dir/feed.xml", type, options);
  if (listing.ok()) {
    for (const auto* list : {&listing->entries, &listing->sitemaps, &listing->feeds}) {
      for (const auto& e : *list) FUZZ_CHECK(warta::fetch::IsHttpUrl(e.url), "entry URL is no http(s) URL");
    }
    FUZZ_CHECK(listing->problems.size() <= options.max_problems, "problems over their limit");
  }
  return 0;
}
