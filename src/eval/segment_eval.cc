// Segmentation evaluation against CoNLL-U gold, following the CoNLL 2018 shared task: the raw text
// of each document is rebuilt from the `# text = ` comments (sentences of a paragraph joined by one
// space, paragraphs separated by "\n\n"; `# newpar` and `# newdoc` start a paragraph), segmented by
// casus (text::prepare + text::segment), and gold words and sentences are matched by exact byte
// span. Multi-word tokens are scored as their syntactic words when the words spell the surface
// form (EWT, GUM), else as the surface token.
#include <algorithm>
#include <cstdio>
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

// A few tokens of `doc` on each side of the token gap after token `i`, the gap marked "||" and
// line breaks as "\n".
std::string gap_context(const Document& doc, size_t i) {
  std::string ctx;
  const size_t b = i >= 8 ? i - 8 : 0, e = std::min(doc.tokens.size(), i + 8);
  for (size_t k = b; k < e; ++k) {
    const Span s = doc.tokens[k].span;
    if (k > b) {
      const Span p = doc.tokens[k - 1].span;
      const std::string_view gap(doc.text.data() + p.end, s.begin - p.end);
      ctx += gap.find('\n') != std::string_view::npos ? " \\n " : " ";
    }
    ctx.append(doc.text, s.begin, s.end - s.begin);
    if (k == i) ctx += " ||";
  }
  return ctx;
}

// Lists the sentence ends that only one of gold and system has: "MISS" (gold only) or
// "SPURIOUS" (system only), with the CoNLL-U line of the nearest gold sentence and context.
void write_boundary_errors(const std::string& path, const GoldDocument& gold, const Document& doc,
                           const std::vector<Span>& gold_sentences, std::FILE* out) {
  std::vector<uint32_t> gold_ends, sys_ends;
  for (const Span& s : gold_sentences) gold_ends.push_back(s.end);
  for (const Sentence& s : doc.sentences) sys_ends.push_back(s.span.end);
  std::vector<size_t> gold_lines;
  for (const GoldSentence& s : gold.sentences)
    if (!s.words.empty()) gold_lines.push_back(s.line);
  for (size_t i = 0; i + 1 < doc.tokens.size(); ++i) {
    const uint32_t end = doc.tokens[i].span.end;
    const bool g = std::binary_search(gold_ends.begin(), gold_ends.end(), end);
    const bool s = std::binary_search(sys_ends.begin(), sys_ends.end(), end);
    if (g == s) continue;
    // The gold sentence holding (or ending at) this gap.
    const size_t gs = std::lower_bound(gold_ends.begin(), gold_ends.end(), end) - gold_ends.begin();
    const size_t line = gs < gold_lines.size() ? gold_lines[gs] : 0;
    std::fprintf(out, "%s\t%s:%zu\t%s\n", g ? "MISS" : "SPURIOUS", path.c_str(), line,
                 gap_context(doc, i).c_str());
  }
}

Status score_document(const std::string& path, const GoldDocument& gold, SegmentScores* scores,
                      std::FILE* errors) {
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
  if (errors) write_boundary_errors(path, gold, doc, gold_sentences, errors);
  return Status::ok();
}

}  // namespace

Status evaluate_segmentation(const std::string& conllu_path, SegmentScores* scores,
                             std::FILE* errors) {
  std::vector<GoldDocument> docs;
  if (Status st = read_conllu_documents(conllu_path, &docs); !st.is_ok()) return st;
  if (docs.empty()) return Status::invalid_argument(conllu_path + ": no sentences");
  for (const GoldDocument& d : docs) {
    if (Status st = score_document(conllu_path, d, scores, errors); !st.is_ok()) return st;
  }
  return Status::ok();
}

}  // namespace casus::eval
