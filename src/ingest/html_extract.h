// Main-content extraction: which blocks of a page (html_blocks.h) form the article body.
// The method is described in docs/html-extraction.md. Pure functions; thread-safe.
#ifndef CASUS_INGEST_HTML_EXTRACT_H_
#define CASUS_INGEST_HTML_EXTRACT_H_

#include <cstddef>
#include <vector>

#include "ingest/html_blocks.h"

namespace casus::ingest {

// Indices (ascending, so in reading order) of the blocks of `page` that form the article body:
// the best-scoring container subtree, plus sibling containers that continue it, minus the page
// furniture, link lists and captions inside them. Empty when the page has no article text (only
// navigation, link lists and furniture). Cost: linear in the number of nodes and blocks.
std::vector<size_t> select_blocks(const HtmlPage& page);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_EXTRACT_H_
