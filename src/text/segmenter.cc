// Placeholder segmenter: paragraphs at blank lines, one sentence per paragraph, whitespace tokens.
// Replaced by the news segmenter.
#include "text/text.h"

namespace casus::text {

void segment(Document& doc) {
  const std::string& t = doc.text;
  const uint32_t n = static_cast<uint32_t>(t.size());
  uint32_t i = 0;
  auto is_space = [&](uint32_t k) { return t[k] == ' ' || t[k] == '\n' || t[k] == '\t' || t[k] == '\r'; };
  while (i < n) {
    while (i < n && is_space(i)) ++i;
    if (i >= n) break;
    uint32_t end = i;
    while (end < n && !(t[end] == '\n' && end + 1 < n && t[end + 1] == '\n')) ++end;
    uint32_t e = end;
    while (e > i && is_space(e - 1)) --e;
    const uint32_t para = static_cast<uint32_t>(doc.paragraphs.size());
    doc.paragraphs.push_back(Paragraph{Span{i, e}});
    Sentence s;
    s.span = Span{i, e};
    s.paragraph = para;
    s.first_token = static_cast<uint32_t>(doc.tokens.size());
    uint32_t k = i;
    while (k < e) {
      while (k < e && is_space(k)) ++k;
      uint32_t b = k;
      while (k < e && !is_space(k)) ++k;
      if (k > b) doc.tokens.push_back(Token{Span{b, k}, static_cast<uint32_t>(doc.sentences.size()), true});
    }
    s.end_token = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(s);
    i = end;
  }
}

}  // namespace casus::text
