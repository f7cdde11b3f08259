// The benchmark corpus: real news articles read once from the shared data folder, and the one
// loop every stage benchmark shares.
#ifndef CASUS_BENCH_CORPUS_H_
#define CASUS_BENCH_CORPUS_H_

#include <benchmark/benchmark.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "casus/document.h"

namespace casus {
class Engine;
}

namespace casus::bench {

// (file name, bytes) of every PolNeAR training article; empty when the data is absent.
const std::vector<std::pair<std::string, std::string>>& news_corpus();

// The corpus read as plain-text Documents (no stage run yet).
std::vector<Document> news_documents();

// The corpus after every stage of `engine`: the input of a benchmark that re-runs one stage.
std::vector<Document> coded_news_documents(const Engine& engine);

// Times `stage` over `docs` (one pass per iteration) and sets the counters tokens/s, docs/s and,
// when `count` is given, "<count_name>/doc" (e.g. places per document). Skips with a message
// when the corpus is absent. Single-threaded: figures are per core.
void run_stage(benchmark::State& state, std::vector<Document>& docs,
               const std::function<void(Document&)>& stage,
               const char* count_name = nullptr,
               const std::function<size_t(const Document&)>& count = {});

}  // namespace casus::bench

#endif  // CASUS_BENCH_CORPUS_H_
