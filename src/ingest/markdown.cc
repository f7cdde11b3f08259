// Placeholder Markdown/text reader: the whole input is the text. Replaced by the article reader.
#include "ingest/ingest.h"

namespace casus::ingest {

void read_markdown(std::string_view, std::string_view bytes, Document& doc) { doc.text = std::string(bytes); }
void read_text(std::string_view, std::string_view bytes, Document& doc) { doc.text = std::string(bytes); }

}  // namespace casus::ingest
