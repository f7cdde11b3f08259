// libFuzzer target: read_warc on arbitrary bytes, then the text stage and the span invariants on
// every emitted document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  casus::ingest::read_warc("fuzz.warc", bytes, [](casus::Document&& doc) {
    casus::fuzz::check(!doc.id.empty() && !doc.origin.empty());
    casus::fuzz::prepare_and_check(doc);
  });
  return 0;
}
