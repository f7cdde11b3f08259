// A byte-level pass before the HTML parser that removes what never becomes text: the bodies of
// script and style elements and comments. On news pages these are over half of the bytes, and
// the parser's tokenizer would otherwise walk them character by character.
#ifndef CASUS_INGEST_HTML_PREFILTER_H_
#define CASUS_INGEST_HTML_PREFILTER_H_

#include <string>
#include <string_view>

namespace casus::ingest {

// `html` without comments ("<!-- ... -->") and without the content of <script> and <style>
// elements (their start and end tags stay, so the element tree is unchanged). JSON-LD scripts
// (type containing "ld+json") are kept whole. An unterminated comment or element is left as it
// is for the parser to handle. Linear time; the result is never longer than `html`.
std::string strip_scripts_and_comments(std::string_view html);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_PREFILTER_H_
