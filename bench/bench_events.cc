// Cost of the events stage on real news: the PolNeAR training articles, run through the Engine
// once outside the timed loop; BM_EventsStage re-runs only the events stage (casus's compiled-in
// lexicon). Single-threaded (per core). The events share of the pipeline is
// BM_EventsStage / BM_Pipeline (bench_pipeline.cc; docs/events.md; budget: <= 15%).
// Run: build/bench/casus_bench --benchmark_filter='Events|BM_Pipeline'
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "events/stage.h"

namespace {

void BM_EventsStage(benchmark::State& state) {
  const casus::Engine engine;
  auto docs = casus::bench::coded_news_documents(engine);
  std::unique_ptr<const casus::events::EventCoder> coder;
  if (!casus::events::EventCoder::create({}, &coder).is_ok()) {
    state.SkipWithError("event lexicon did not load");
    return;
  }
  casus::bench::run_stage(
      state, docs, [&coder](casus::Document& doc) { coder->annotate(doc); }, "events",
      [](const casus::Document& doc) { return doc.events.size(); });
}
BENCHMARK(BM_EventsStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
