// The tense of the clause around a temporal expression, used to resolve "on Friday" to the
// previous or the coming Friday.
//
// Today this reads token-level cues of the sentence (the syntax stage is not in the Engine yet):
// future auxiliaries (will, 'll, shall, would, "is/are to", "going to", "plans to", "expected
// to", "scheduled to", "set to"), past forms (was, were, had, did, said, a closed list of
// irregular past forms, and -ed words not governed by an auxiliary), and present auxiliaries
// (is, are, am, does, do). The cue nearest to the expression wins ("said on Friday that talks
// will resume" -> past, "said talks will resume on Friday" -> future); "according to" counts
// only when no other cue exists. When the syntax layer lands, this one
// function is the place to read the Tense feature of the expression's governing verb instead.
//
// Reads: text, tokens, sentences. Thread-safe. Cost: O(tokens of the sentence).
#ifndef CASUS_TIME_TENSE_H_
#define CASUS_TIME_TENSE_H_

#include <cstdint>

#include "casus/document.h"

namespace casus::time {

enum class Tense { kUnknown, kPast, kPresent, kFuture };
const char* tense_name(Tense tense);

// Tense governing the expression covering tokens [first_token, end_token) of doc.tokens, all in
// sentence `sentence`.
Tense governing_tense(const Document& doc, uint32_t sentence, uint32_t first_token,
                      uint32_t end_token);

}  // namespace casus::time

#endif  // CASUS_TIME_TENSE_H_
