// The syntax stage over a Document: tags, lemmas, features and dependency heads/labels for every
// token of every sentence.
//
// Reads: Document::text, sentences, tokens (the text stage must have run). Writes: one
// TokenSyntax per token, in token order. Heads are Document::tokens indices within the same
// sentence; the root of each sentence has head kNoHead and deprel "root".
// Thread-safe for distinct Workspaces; the model is shared and immutable.
#ifndef CASUS_SYNTAX_STAGE_H_
#define CASUS_SYNTAX_STAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "casus/document.h"
#include "syntax/model.h"

namespace casus::syntax {

// The public per-token syntax record (include/casus/document.h).
using casus::kNoHead;
using casus::TokenSyntax;

// Fills *out (resized to doc.tokens.size()). Sentences longer than `max_sentence_tokens` are
// analysed in consecutive chunks of that size (each chunk gets its own root). Cost: linear in
// the number of tokens.
void annotate_document(const SyntaxModel& model, Workspace& ws, const Document& doc,
                       std::vector<TokenSyntax>* out, size_t max_sentence_tokens = 500);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_STAGE_H_
