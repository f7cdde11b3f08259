// Word clusters learned by casus from unlabeled text: spherical k-means over each word's
// left- and right-neighbour distribution (square-root counts over the most frequent context
// words, L2-normalized). The tagger and the parser use the cluster ids as features, which
// carries evidence from news text to words that are rare or absent in the treebanks.
// Immutable after learn/load; thread-safe.
#ifndef CASUS_SYNTAX_CLUSTERS_H_
#define CASUS_SYNTAX_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "syntax/bytes.h"
#include "syntax/linear.h"

namespace casus::syntax {

struct ClusterOptions {
  int clusters = 256;
  int min_count = 3;    // words seen fewer times get no cluster
  int contexts = 1000;  // the most frequent words used as context dimensions
  int iterations = 12;
  size_t max_words = 100000;
};

class WordClusters {
 public:
  static constexpr uint32_t kNone = 0xffffu;
  // `sentences`: word sequences, each word given by its lower_hash (features.h).
  static WordClusters learn(const std::vector<std::vector<uint64_t>>& sentences,
                            const ClusterOptions& options);
  // The cluster of a word given by its lower_hash, or kNone.
  uint32_t find(uint64_t lower) const {
    const uint32_t c = map_.find(lower | 1);
    return c == KeyIndex::kMissing ? kNone : c;
  }
  size_t size() const { return map_.size(); }
  void save(ByteWriter& w) const { map_.save(w); }
  bool load(ByteReader& r) { return map_.load(r) && map_.all_below(kNone); }

 private:
  KeyIndex map_;
};

}  // namespace casus::syntax

#endif  // CASUS_SYNTAX_CLUSTERS_H_
