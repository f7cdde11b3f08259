// The whole Engine (every stage, text to events) on real news: the PolNeAR training articles, read
// once outside the timed loop and copied fresh for each pass. Single-threaded, so the figures are
// per core. Each stage benchmark (BM_QuotesStage, BM_PlacesStage, BM_EventsStage, ...) divided by
// this one gives that stage's share of the pipeline.
// Run: build/bench/casus_bench --benchmark_filter=BM_Pipeline
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"

namespace {

void BM_Pipeline(benchmark::State& state) {
  const auto docs = casus::bench::news_documents();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  const casus::Engine engine;
  size_t tokens = 0, sentences = 0, docs_done = 0, events = 0;
  for (auto _ : state) {
    for (const auto& original : docs) {
      casus::Document doc = original;
      engine.process(doc);
      tokens += doc.tokens.size();
      sentences += doc.sentences.size();
      events += doc.events.size();
      ++docs_done;
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  using C = benchmark::Counter;
  state.counters["tokens/s"] = C(static_cast<double>(tokens), C::kIsRate);
  state.counters["sentences/s"] = C(static_cast<double>(sentences), C::kIsRate);
  state.counters["docs/s"] = C(static_cast<double>(docs_done), C::kIsRate);
  state.counters["events/doc"] = docs_done ? static_cast<double>(events) / docs_done : 0;
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
