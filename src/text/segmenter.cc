// Paragraphs, sentences and tokens for news text. The tokenizer (tokenizer.cc) makes one pass
// over the bytes; sentence boundaries are then decided per paragraph by the learned classifier
// (sentence_model.h), which reads the rule splitter's decisions (sentence_splitter.cc) among its
// features. Cost: linear in the text, no allocation per token beyond the output vectors and
// per-thread scratch vectors.
#include <vector>

#include "text/sentence_model.h"
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
  thread_local std::vector<uint8_t> breaks;
  raw.clear();
  const SentenceModel& model = SentenceModel::builtin();
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
    breaks.resize(pe - pb);
    model.split(text, raw.data() + pb, pe - pb, breaks.data());
    size_t sb = pb;
    for (size_t i = pb; i < pe; ++i) {
      if (!breaks[i - pb]) continue;
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
  if (breaks.capacity() > (1u << 20)) std::vector<uint8_t>().swap(breaks);
}

}  // namespace casus::text
