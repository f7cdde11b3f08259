// The text stage: clean Unicode, then paragraphs, sentences and tokens.
//
// Reads: Document::text and the string metadata fields. Writes: Document::text (repaired and
// NFC-normalized, before any span exists), paragraphs, sentences, tokens, errors.
// Stateless and thread-safe.
#ifndef CASUS_TEXT_TEXT_H_
#define CASUS_TEXT_TEXT_H_

#include <string>
#include <string_view>

#include "casus/document.h"

namespace casus::text {

// Repairs invalid UTF-8 (U+FFFD, with an error entry naming the field) in text, title, authors,
// id, url and date; NFC-normalizes text and title. Must run before any span is computed.
void prepare(Document& doc);

// Unicode NFC of valid UTF-8 `s` (ICU). Returns `s` unchanged when it is already NFC.
std::string to_nfc(std::string_view s);

// Fills paragraphs, sentences and tokens from doc.text (segmenter.cc).
void segment(Document& doc);

}  // namespace casus::text

#endif  // CASUS_TEXT_TEXT_H_
