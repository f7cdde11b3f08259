// The benchmark corpus: real news articles read once from the shared data folder.
#ifndef CASUS_BENCH_CORPUS_H_
#define CASUS_BENCH_CORPUS_H_

#include <string>
#include <utility>
#include <vector>

namespace casus::bench {

// (file name, bytes) of every PolNeAR training article; empty when the data is absent.
const std::vector<std::pair<std::string, std::string>>& news_corpus();

}  // namespace casus::bench

#endif  // CASUS_BENCH_CORPUS_H_
