// Main-content extraction: which blocks of a page (html_blocks.h) form the article body.
// The method is described in docs/html-extraction.md. Pure functions; thread-safe.
#ifndef CASUS_INGEST_HTML_EXTRACT_H_
#define CASUS_INGEST_HTML_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_blocks.h"

namespace casus::ingest {

// Indices (ascending, so in reading order) of the blocks of `page` that form the article body:
// the best-scoring container subtree, plus sibling containers that continue it, minus the page
// furniture, link lists and captions inside them. Empty when the page has no article text (only
// navigation, link lists and furniture). Cost: linear in the number of nodes and blocks.
std::vector<size_t> select_blocks(const HtmlPage& page);
// The same, checked against `reference`, the page's own copy of its article text (schema.org
// articleBody): when the selection holds under half of the reference's word pairs, blocks that
// the reference holds guide the choice of container instead, and that choice is taken when it
// covers the reference better. Extra cost: linear in the text of the page.
std::vector<size_t> select_blocks(const HtmlPage& page, std::string_view reference);

// True when `text` is a note about the writer that closes an article ("Jane Doe is a senior
// reporter covering science."), a block of at most 400 bytes opening either with the full name
// (two words or more) of one of `authors` (the page's metadata) and a verb that describes that
// person (" is ", " was ", " has ", " writes ", " covers ", " reports ", " joined "), or with any
// capitalized name of two to four words, "is a/an/the" and a writing job (reporter, writer,
// editor, ...; English). A story rarely opens its last paragraph with its own writer's name.
bool is_author_note(std::string_view text, const std::vector<std::string>& authors);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_EXTRACT_H_
