// libFuzzer target: gunzip on arbitrary bytes (bounded output), then the decompressed bytes read
// as a document the way read_bytes would, through the text stage and the span invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t limit = 1 << 22;
  const casus::ingest::GunzipResult r = casus::ingest::gunzip(bytes, limit);
  casus::fuzz::check(r.data.size() <= limit);
  casus::fuzz::check(r.ok || !r.message.empty());
  casus::fuzz::check(r.error_offset <= size);
  casus::ReadOptions options;
  options.max_input_bytes = limit;
  casus::ingest::read_bytes("fuzz.gz", bytes, options, [](casus::Document&& doc) {
    casus::fuzz::prepare_and_check(doc);
  });
  return 0;
}
