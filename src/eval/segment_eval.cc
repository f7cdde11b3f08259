// Segmentation evaluation against CoNLL-U gold, following the CoNLL 2018 shared task: the raw text
// of each document is rebuilt from the `# text = ` comments (sentences of a paragraph joined by one
// space, paragraphs separated by "\n\n"; `# newpar` and `# newdoc` start a paragraph), segmented by
// casus (text::prepare + text::segment), and gold words and sentences are matched by exact byte
// span. Multi-word tokens are scored as their syntactic words when the words spell the surface
// form (EWT, GUM), else as the surface token.
#include <algorithm>
#include <string>
#include <vector>

#include "casus/document.h"
#include "eval/eval.h"
#include "eval/segment_gold.h"
#include "text/text.h"

namespace casus::eval {
namespace {

// Counts exact matches between two sorted span lists.
size_t count_matches(const std::vector<Span>& gold, const std::vector<Span>& sys) {
  size_t i = 0, j = 0, correct = 0;
  auto less = [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  };
  while (i < gold.size() && j < sys.size()) {
    if (gold[i] == sys[j]) {
      ++correct;
      ++i;
      ++j;
    } else if (less(gold[i], sys[j])) {
      ++i;
    } else {
      ++j;
    }
  }
  return correct;
}

Status score_document(const std::string& path, const GoldDocument& gold, SegmentScores* scores) {
  Document doc;
  doc.text = rebuild_text(gold);
  text::prepare(doc);
  text::segment(doc);
  std::vector<Span> gold_tokens, gold_sentences;
  if (Status st = locate_gold(path, gold, doc.text, &gold_tokens, &gold_sentences); !st.is_ok())
    return st;
  std::vector<Span> sys_tokens, sys_sentences;
  sys_tokens.reserve(doc.tokens.size());
  for (const Token& tok : doc.tokens) sys_tokens.push_back(tok.span);
  for (const Sentence& s : doc.sentences) sys_sentences.push_back(s.span);

  Prf tokens{gold_tokens.size(), sys_tokens.size(), count_matches(gold_tokens, sys_tokens)};
  Prf sentences{gold_sentences.size(), sys_sentences.size(),
                count_matches(gold_sentences, sys_sentences)};
  scores->tokens.add(tokens);
  scores->sentences.add(sentences);
  scores->documents += 1;
  return Status::ok();
}

}  // namespace

Status evaluate_segmentation(const std::string& conllu_path, SegmentScores* scores) {
  std::vector<GoldDocument> docs;
  if (Status st = read_conllu_documents(conllu_path, &docs); !st.is_ok()) return st;
  if (docs.empty()) return Status::invalid_argument(conllu_path + ": no sentences");
  for (const GoldDocument& d : docs) {
    if (Status st = score_document(conllu_path, d, scores); !st.is_ok()) return st;
  }
  return Status::ok();
}

}  // namespace casus::eval
