// Cost of the quotes stage on real news: the PolNeAR training articles, run through the Engine
// once outside the timed loop; BM_QuotesStage re-runs only the quotes stage. Single-threaded (per
// core). The quotes share of the pipeline is BM_QuotesStage / BM_Pipeline (bench_pipeline.cc;
// docs/quotes.md; budget: <= 10%).
// Run: build/bench/casus_bench --benchmark_filter='Quotes|BM_Pipeline'
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "quotes/quotes.h"

namespace {

void BM_QuotesStage(benchmark::State& state) {
  const casus::Engine engine;
  auto docs = casus::bench::coded_news_documents(engine);
  casus::bench::run_stage(
      state, docs, [](casus::Document& doc) { casus::quotes::annotate(doc); }, "quotes",
      [](const casus::Document& doc) { return doc.quotes.size(); });
}
BENCHMARK(BM_QuotesStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
