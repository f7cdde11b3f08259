#include "syntax/stage.h"

#include <algorithm>
#include <string_view>

#include "base/utf8.h"

namespace casus::syntax {

void annotate_document(const SyntaxModel& model, Workspace& ws, const Document& doc,
                       std::vector<TokenSyntax>* out, size_t max_sentence_tokens) {
  out->assign(doc.tokens.size(), TokenSyntax{});
  std::vector<std::string_view> forms;
  std::vector<WordAnalysis> result;
  const size_t chunk = std::max<size_t>(max_sentence_tokens, 1);
  for (const Sentence& s : doc.sentences) {
    for (uint32_t first = s.first_token; first < s.end_token;) {
      const uint32_t end = static_cast<uint32_t>(std::min<size_t>(s.end_token, first + chunk));
      forms.clear();
      for (uint32_t t = first; t < end; ++t) forms.push_back(doc.slice(doc.tokens[t].span));
      model.annotate(forms, ws, &result);
      for (uint32_t t = first; t < end; ++t) {
        const WordAnalysis& a = result[t - first];
        TokenSyntax& ts = (*out)[t];
        ts.upos = model.upos(a.tag);
        ts.xpos = model.xpos(a.tag);
        model.lemma(forms[t - first], a.lemma_rule, &ts.lemma);
        // Lemma rules strip bytes; one learned on ASCII can cut into a multi-byte character
        // ("’ve"). A lemma that is not valid UTF-8 falls back to the form.
        if (!utf8::is_valid(ts.lemma)) ts.lemma.assign(forms[t - first]);
        ts.feats = model.feats(a.feats);
        ts.deprel = model.deprel(a.deprel);
        ts.head = a.head == 0 ? kNoHead : first + a.head - 1;
      }
      first = end;
    }
  }
}

}  // namespace casus::syntax
