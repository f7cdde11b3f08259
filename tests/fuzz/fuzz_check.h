// Shared checks of the fuzz targets: run the text stage on a reader's output and trap on any
// violation of the Document invariants (document.h).
#ifndef CASUS_TESTS_FUZZ_FUZZ_CHECK_H_
#define CASUS_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "casus/document.h"
#include "text/text.h"

namespace casus::fuzz {

inline void check(bool ok) {
  if (!ok) __builtin_trap();
}

inline bool on_boundary(const std::string& text, uint32_t pos) {
  return pos == text.size() || utf8::is_lead(static_cast<unsigned char>(text[pos]));
}

inline void check_span(const Document& doc, Span span) {
  check(span.begin <= span.end);
  check(span.end <= doc.text.size());
  check(on_boundary(doc.text, span.begin));
  check(on_boundary(doc.text, span.end));
}

// Runs prepare + segment and checks every span and index of the result.
inline void prepare_and_check(Document& doc) {
  text::prepare(doc);
  check(utf8::is_valid(doc.text));
  check(utf8::is_valid(doc.title));
  for (const auto& a : doc.authors) check(utf8::is_valid(a));
  text::segment(doc);
  for (const auto& p : doc.paragraphs) check_span(doc, p.span);
  for (const auto& s : doc.sentences) {
    check_span(doc, s.span);
    check(s.first_token <= s.end_token);
    check(s.end_token <= doc.tokens.size());
    check(doc.paragraphs.empty() ? s.paragraph == 0 : s.paragraph < doc.paragraphs.size());
  }
  for (const auto& t : doc.tokens) {
    check_span(doc, t.span);
    check(t.sentence < doc.sentences.size());
  }
  for (const auto& e : doc.errors) check(!e.stage.empty() && !e.message.empty());
}

}  // namespace casus::fuzz

#endif  // CASUS_TESTS_FUZZ_FUZZ_CHECK_H_
