#include "pipeline/invariants.h"

#include <string>

#include "base/utf8.h"

namespace casus {
namespace {

bool on_boundary(const std::string& text, uint32_t offset) {
  return offset == text.size() ||
         (offset < text.size() && utf8::is_lead(static_cast<unsigned char>(text[offset])));
}

Status check_span(const Document& doc, Span span, const char* layer, size_t index) {
  if (span.begin > span.end || span.end > doc.text.size() || !on_boundary(doc.text, span.begin) ||
      !on_boundary(doc.text, span.end)) {
    return Status::corrupt(std::string(layer) + " " + std::to_string(index) + " has a bad span [" +
                           std::to_string(span.begin) + ", " + std::to_string(span.end) + ")");
  }
  return Status::ok();
}

template <typename T>
Status check_layer(const Document& doc, const std::vector<T>& items, const char* layer) {
  uint32_t last_end = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (Status st = check_span(doc, items[i].span, layer, i); !st) return st;
    if (items[i].span.begin < last_end)
      return Status::corrupt(std::string(layer) + " " + std::to_string(i) + " overlaps the previous one");
    last_end = items[i].span.end;
  }
  return Status::ok();
}

}  // namespace

Status check_invariants(const Document& doc) {
  if (!utf8::is_valid(doc.text)) return Status::corrupt("text is not valid UTF-8");
  if (Status st = check_layer(doc, doc.paragraphs, "paragraph"); !st) return st;
  if (Status st = check_layer(doc, doc.sentences, "sentence"); !st) return st;
  if (Status st = check_layer(doc, doc.tokens, "token"); !st) return st;
  uint32_t next_token = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.paragraph >= doc.paragraphs.size())
      return Status::corrupt("sentence " + std::to_string(i) + " has no paragraph");
    const Span p = doc.paragraphs[s.paragraph].span;
    if (s.span.begin < p.begin || s.span.end > p.end)
      return Status::corrupt("sentence " + std::to_string(i) + " crosses its paragraph");
    if (s.first_token != next_token || s.end_token < s.first_token || s.end_token > doc.tokens.size())
      return Status::corrupt("sentence " + std::to_string(i) + " token range is not contiguous");
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      if (tok.sentence != i || tok.span.begin < s.span.begin || tok.span.end > s.span.end)
        return Status::corrupt("token " + std::to_string(t) + " lies outside sentence " + std::to_string(i));
    }
    next_token = s.end_token;
  }
  if (next_token != doc.tokens.size()) return Status::corrupt("tokens outside every sentence");
  return Status::ok();
}

}  // namespace casus
