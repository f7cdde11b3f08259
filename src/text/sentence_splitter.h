// Internal to the text stage: sentence boundary decisions over the tokens of one paragraph.
#ifndef CASUS_TEXT_SENTENCE_SPLITTER_H_
#define CASUS_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>

#include "text/tokenizer.h"

namespace casus::text {

// True when a sentence ends after toks[i], where toks[0, n) are the tokens of one paragraph of
// `text` and i + 1 < n. Pure; O(1) amortized (looks at a few neighbours, and at most the current
// line for the headline rule).
bool sentence_break_after(std::string_view text, const RawToken* toks, size_t i, size_t n);

}  // namespace casus::text

#endif  // CASUS_TEXT_SENTENCE_SPLITTER_H_
