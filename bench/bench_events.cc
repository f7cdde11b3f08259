// Cost of the events stage on real news: the PolNeAR training articles, run through the Engine
// once outside the timed loop; BM_EventsStage re-runs only the events stage (casus's compiled-in
// lexicon). Single-threaded (per core). The events share of the pipeline is
// BM_EventsStage / BM_Pipeline (bench_pipeline.cc; docs/events.md; budget: <= 15%).
// BM_PetrarchLoadPhoenix times loading the Phoenix dictionaries (verbs, three actor files,
// agents, discards) that users pass with --verbs/--actors/--agents.
// Run: build/bench/casus_bench --benchmark_filter='Events|BM_Pipeline|PetrarchLoad'
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "eval/eval.h"
#include "events/petrarch.h"
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

void BM_PetrarchLoadPhoenix(benchmark::State& state) {
  const std::string data = casus::eval::find_shared_data();
  if (data.empty()) {
    state.SkipWithError("shared data not found (set CASUS_DATA)");
    return;
  }
  const std::string dir = data + "/events/petrarch/dictionaries";
  casus::events::EventOptions options;
  options.verbs = dir + "/CAMEO.2.0.txt";
  options.actors = {dir + "/Phoenix.Countries.actors.txt", dir + "/Phoenix.International.actors.txt",
                    dir + "/Phoenix.MilNonState.actors.txt"};
  options.agents = dir + "/Phoenix.agents.txt";
  options.discards = dir + "/Phoenix.discards.txt";
  for (auto _ : state) {
    std::unique_ptr<const casus::events::petrarch::Dictionaries> dict;
    std::vector<std::string> warnings;
    if (!casus::events::petrarch::Dictionaries::load(options, &dict, &warnings).is_ok()) {
      state.SkipWithError("Phoenix dictionaries did not load");
      return;
    }
    benchmark::DoNotOptimize(dict.get());
  }
}
BENCHMARK(BM_PetrarchLoadPhoenix)->Unit(benchmark::kMillisecond);

}  // namespace
