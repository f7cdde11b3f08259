// Gold segmentation from CoNLL-U, rebuilt the way the CoNLL 2018 shared task rebuilds raw text.
// Shared by `casus eval segment` (segment_eval.cc) and the sentence-model trainer
// (tools/train_segment.cc), so that the model is trained on exactly the text it is scored on.
#ifndef CASUS_EVAL_SEGMENT_GOLD_H_
#define CASUS_EVAL_SEGMENT_GOLD_H_

#include <string>
#include <vector>

#include "casus/document.h"
#include "casus/status.h"

namespace casus::eval {

struct GoldSentence {
  std::string text;                // the `# text = ` comment
  std::vector<std::string> words;  // the forms to locate, in order
  bool new_paragraph = false;
  size_t line = 0;  // line of the sentence in the CoNLL-U file
};

struct GoldDocument {
  std::vector<GoldSentence> sentences;
};

// Reads the documents of CoNLL-U `data` (`# newdoc` starts a document, `# newpar` a paragraph).
// Multi-word tokens become their syntactic words when these spell the surface form (EWT, GUM),
// else the surface token. `path` only names the file in error messages.
Status parse_conllu_documents(const std::string& path, const std::string& data,
                              std::vector<GoldDocument>* docs);

// Reads and parses the CoNLL-U file at `path`.
Status read_conllu_documents(const std::string& path, std::vector<GoldDocument>* docs);

// The raw text of `gold`: sentences of a paragraph joined by one space, paragraphs by "\n\n".
std::string rebuild_text(const GoldDocument& gold);

// Gold token and sentence spans of `gold` in `text`, the rebuilt text after text::prepare()
// (NFC). Sentences without words are skipped. Fails when a gold word cannot be found.
Status locate_gold(const std::string& path, const GoldDocument& gold, const std::string& text,
                   std::vector<Span>* tokens, std::vector<Span>* sentences);

}  // namespace casus::eval

#endif  // CASUS_EVAL_SEGMENT_GOLD_H_
