// libFuzzer target: read_html on arbitrary bytes, then the text stage and the span invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  casus::Document doc;
  casus::ingest::read_html("fuzz.html", bytes, doc);
  casus::fuzz::prepare_and_check(doc);
  return 0;
}
