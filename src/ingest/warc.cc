// Placeholder WARC reader.
#include "ingest/ingest.h"

namespace casus::ingest {

void read_warc(std::string_view name, std::string_view, const EmitFn& emit) {
  Document doc;
  doc.id = id_from_name(name);
  doc.add_error("ingest", "WARC reader not implemented");
  emit(std::move(doc));
}

}  // namespace casus::ingest
