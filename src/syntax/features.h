// Feature extraction for the tagger and the parser: each feature is a 64-bit key (bytes.h)
// built from a template id and hashed word attributes, tag ids and label ids. No strings are
// built; per-word attributes are hashed once per sentence (word_info).
#ifndef CASUS_SYNTAX_FEATURES_H_
#define CASUS_SYNTAX_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "syntax/transition.h"

namespace casus::syntax {

// Hashed attributes of one word form.
struct WordInfo {
  uint64_t lower = 0;              // lowercased form (ASCII letters)
  uint64_t form = 0;               // exact form
  uint64_t shape = 0;              // e.g. "Xx", "d.d", "X.X." (runs of a class collapsed after two)
  uint64_t pre[3] = {0, 0, 0};     // first 1..3 bytes, lowercased
  uint64_t suf[4] = {0, 0, 0, 0};  // last 1..4 bytes, lowercased
  uint32_t flags = 0;              // kUpperInitial, kHasDigit, kHasHyphen, kAllUpper
  uint32_t cluster = 0xffff;       // word cluster (clusters.h), set by the caller
};
constexpr uint32_t kUpperInitial = 1, kHasDigit = 2, kHasHyphen = 4, kAllUpper = 8;

void word_info(std::string_view form, WordInfo* out);
// The lowercase hash alone (what word_info puts in `lower`).
uint64_t lower_hash(std::string_view form);

// Attributes used for padding positions outside the sentence.
const WordInfo& boundary_word_info(int offset);  // offset -2, -1 (before) or +1, +2 (after)

constexpr size_t kMaxTaggerFeatures = 48;
// Keys of the tagger's features for word i of words[0..n), given the tags of words i-1 and i-2
// (`kNoTag` when outside the sentence) and, for the second pass, the first pass's tags of all
// words (`first`, nullptr in the first pass). Returns the number of keys written.
constexpr uint32_t kNoTag = 0xffff;
size_t tagger_features(const WordInfo* words, int n, int i, uint32_t t1, uint32_t t2,
                       const uint16_t* first, uint64_t* keys);
// The same keys in two parts: those that depend only on the words (identical in both passes),
// and those that depend on the tag history or the first pass.
size_t tagger_static_features(const WordInfo* words, int n, int i, uint64_t* keys);
size_t tagger_history_features(const WordInfo* words, int n, int i, uint32_t t1, uint32_t t2,
                               const uint16_t* first, uint64_t* keys);

constexpr size_t kMaxParserFeatures = 128;
// What the parser knows about each node k (node 0 is the root): lowercase hash, fine tag,
// coarse tag (UPOS) and word cluster.
struct NodeAttrs {
  const uint64_t* word;
  const uint16_t* tag;
  const uint16_t* coarse;
  const uint16_t* cluster;
};
// Which of the parser's features to produce: all of them (training), or the two parts the
// decoder scores separately: those that depend only on the buffer words b0..b2 (not on b0's
// children), which stay the same until the next SHIFT, and the others.
enum class ParserFeatures { kAll, kBufferOnly, kState };
// Keys of the parser's features in state `st`. Returns the number of keys written.
size_t parser_features(const ParseState& st, const NodeAttrs& nodes, uint64_t* keys,
                       ParserFeatures part = ParserFeatures::kAll);

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_FEATURES_H_
