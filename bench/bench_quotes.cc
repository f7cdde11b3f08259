// Cost of the quotes stage against the whole pipeline on real news: the PolNeAR training
// articles, run through the Engine once outside the timed loop; BM_QuotesStage re-runs only the
// quotes stage, BM_QuotesPipeline the whole Engine. Single-threaded (per core). The quotes share
// of the pipeline is BM_QuotesStage / BM_QuotesPipeline (docs/quotes.md; budget: <= 10%).
// Run: build/bench/casus_bench --benchmark_filter=Quotes
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "ingest/ingest.h"
#include "quotes/quotes.h"

namespace {

std::vector<casus::Document> raw_corpus() {
  std::vector<casus::Document> docs;
  for (const auto& [name, text] : casus::bench::news_corpus()) {
    casus::Document doc;
    casus::ingest::read_text(name, text, doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_QuotesStage(benchmark::State& state) {
  auto docs = raw_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  const casus::Engine engine;
  for (auto& doc : docs) engine.process(doc);
  size_t tokens = 0, docs_done = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      casus::quotes::annotate(doc);
      tokens += doc.tokens.size();
      ++docs_done;
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs_done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_QuotesStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_QuotesPipeline(benchmark::State& state) {
  const auto docs = raw_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found");
    return;
  }
  const casus::Engine engine;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& original : docs) {
      casus::Document doc = original;
      engine.process(doc);
      tokens += doc.tokens.size();
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_QuotesPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
