// libFuzzer target: the WARC record reader (plain and gzip members, resync
// after damage) and the HTTP response parser on every kept block.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "warc/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  warta::warc::WarcOptions options;
  options.max_block_bytes = 1 << 20;
  warta::warc::WarcReader reader(warta::warc::MemoryInput(bytes), options);
  warta::warc::WarcRecord rec;
  int n = 0;
  while (reader.Next(&rec) && ++n < 10000) {
    if (rec.has_block) {
      auto http = warta::warc::ParseHttpResponse(rec.block, 1 << 20);
      (void)http;
    }
    (void)reader.TakeProblems();
  }
  return 0;
}
