// Placeholder HTML reader. Replaced by the gumbo-based reader.
#include "ingest/ingest.h"

namespace casus::ingest {

void read_html(std::string_view, std::string_view bytes, Document& doc) {
  doc.text = std::string(bytes);
  doc.add_error("ingest", "HTML reader not implemented");
}

}  // namespace casus::ingest
