// The text format of the quotes stage's learned models (data/quotes/*.tsv): one feature per
// line, "name<TAB>weights"; blank lines and lines starting with '#' are comments. Shared by the
// cue scorer (cue_model.cc) and the attribution tagger (tagger.cc).
#ifndef CASUS_QUOTES_MODEL_TEXT_H_
#define CASUS_QUOTES_MODEL_TEXT_H_

#include <string_view>

namespace casus::quotes {

// Calls fn(name, weights) for every feature line of `text`; the name ends at the line's last
// tab when `last_tab` (names that may hold tabs), else at its first. Lines without a tab are
// skipped.
template <class Fn>
void for_each_model_line(std::string_view text, bool last_tab, Fn fn) {
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find('\n', p);
    if (q == std::string_view::npos) q = text.size();
    const std::string_view line = text.substr(p, q - p);
    p = q + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = last_tab ? line.rfind('\t') : line.find('\t');
    if (tab == std::string_view::npos) continue;
    fn(line.substr(0, tab), line.substr(tab + 1));
  }
}

}  // namespace casus::quotes

#endif  // CASUS_QUOTES_MODEL_TEXT_H_
