// Cost of the places stage on real news: the PolNeAR training articles, run through the Engine
// once outside the timed loop; BM_PlacesStage re-runs only the places stage. Single-threaded (per
// core). The places share of the pipeline is BM_PlacesStage / BM_Pipeline (bench_pipeline.cc;
// docs/places.md; budget: <= 5%). BM_PlacesGazetteerLookup times one name lookup.
// Run: build/bench/casus_bench --benchmark_filter='Places|BM_Pipeline'
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "places/gazetteer.h"
#include "places/stage.h"

namespace {

void BM_PlacesStage(benchmark::State& state) {
  const casus::Engine engine;
  auto docs = casus::bench::coded_news_documents(engine);
  casus::bench::run_stage(
      state, docs, [](casus::Document& doc) { casus::places::annotate(doc); }, "places",
      [](const casus::Document& doc) { return doc.places.size(); });
}
BENCHMARK(BM_PlacesStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_PlacesGazetteerLookup(benchmark::State& state) {
  const auto& gaz = casus::places::Gazetteer::builtin();
  const char* const kKeys[] = {"moscow",      "paris",   "georgia",       "washington", "kyiv",
                               "springfield", "kremlin", "united states", "zzzq",       "san jose"};
  std::vector<casus::places::GazMatch> matches;
  size_t n = 0;
  for (auto _ : state) {
    matches.clear();
    gaz.lookup(kKeys[n++ % 10], &matches);
    benchmark::DoNotOptimize(matches.data());
  }
}
BENCHMARK(BM_PlacesGazetteerLookup);

}  // namespace
