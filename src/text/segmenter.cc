// Paragraphs, sentences and tokens for news text. The tokenizer (tokenizer.cc) makes one pass
// over the bytes; sentence boundaries are then decided per token from its flags and its
// neighbours' (sentence_rules below). Cost: linear in the text, no allocation per token beyond
// the output vectors and one scratch vector.
#include <vector>

#include "text/sentence_splitter.h"
#include "text/text.h"
#include "text/tokenizer.h"

namespace casus::text {

void segment(Document& doc) {
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.tokens.clear();
  if (doc.text.empty()) return;
  // Per-thread scratch, reused across documents (released when a huge document grew it).
  thread_local std::vector<RawToken> raw;
  raw.clear();
  tokenize(doc.text, &raw);
  doc.tokens.reserve(raw.size());
  const std::string_view text(doc.text);
  const size_t n = raw.size();
  size_t pb = 0;
  while (pb < n) {
    size_t pe = pb + 1;
    while (pe < n && !(raw[pe].flags & kParagraphBreakBefore)) ++pe;
    const uint32_t para = static_cast<uint32_t>(doc.paragraphs.size());
    doc.paragraphs.push_back(Paragraph{Span{raw[pb].begin, raw[pe - 1].end}});
    size_t sb = pb;
    for (size_t i = pb; i < pe; ++i) {
      if (i + 1 < pe && !sentence_break_after(text, raw.data() + pb, i - pb, pe - pb)) continue;
      Sentence s;
      s.span = Span{raw[sb].begin, raw[i].end};
      s.paragraph = para;
      s.first_token = static_cast<uint32_t>(doc.tokens.size());
      const uint32_t sentence = static_cast<uint32_t>(doc.sentences.size());
      for (size_t k = sb; k <= i; ++k) {
        doc.tokens.push_back(
            Token{Span{raw[k].begin, raw[k].end}, sentence, (raw[k].flags & kSpaceAfter) != 0});
      }
      s.end_token = static_cast<uint32_t>(doc.tokens.size());
      doc.sentences.push_back(s);
      sb = i + 1;
    }
    pb = pe;
  }
  if (raw.capacity() > (1u << 20)) std::vector<RawToken>().swap(raw);
}

}  // namespace casus::text
