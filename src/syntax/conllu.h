// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// A ConlluSentence keeps its comment lines and multiword-token / empty-node lines verbatim, so a
// file read and written back is unchanged except for the ten word columns. Plain values; not
// thread-safe to share while mutating.
#ifndef CASUS_SYNTAX_CONLLU_H_
#define CASUS_SYNTAX_CONLLU_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "casus/status.h"

namespace casus::syntax {

// One syntactic word (a line whose ID is an integer).
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  uint32_t head = 0;  // 0 = root
  std::string deprel, deps, misc;
  bool space_after() const;  // false when MISC holds SpaceAfter=No
};

// A multiword token "first-last" spanning words [first, last] (1-based word ids).
struct ConlluRange {
  uint32_t first = 0, last = 0;
  std::string form, misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // "# ..." lines, without the newline
  std::vector<ConlluWord> words;      // words[i] has ID i + 1
  std::vector<ConlluRange> ranges;    // multiword tokens
  // Other non-word lines (empty nodes "8.1"), verbatim, each with the word id it follows.
  std::vector<std::pair<uint32_t, std::string>> extra;

  // Value of comment "# key = value" (empty when absent); `present` tells whether it was found.
  std::string comment_value(std::string_view key, bool* present = nullptr) const;
  bool has_comment(std::string_view prefix) const;  // a comment starting with "# " + prefix
};

// Reads every sentence of a CoNLL-U file. Fails on malformed word lines (wrong column count,
// bad ID or HEAD), naming the line.
Status read_conllu(const std::string& path, std::vector<ConlluSentence>* out);
Status parse_conllu(std::string_view data, const std::string& name,
                    std::vector<ConlluSentence>* out);

// Writes one sentence (ending with the blank line).
void write_conllu(const ConlluSentence& sentence, std::ostream& out);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_CONLLU_H_
