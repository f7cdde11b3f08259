// Cost of the places stage against the whole pipeline on real news: the PolNeAR training
// articles, run through the Engine once outside the timed loop; BM_PlacesStage re-runs only the
// places stage, BM_PlacesPipeline the whole Engine (the same loop as BM_QuotesPipeline). Single-
// threaded (per core). The places share of the pipeline is BM_PlacesStage / BM_PlacesPipeline
// (docs/places.md; budget: <= 5%). BM_PlacesGazetteerLookup times one name lookup.
// Run: build/bench/casus_bench --benchmark_filter=Places
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "ingest/ingest.h"
#include "places/gazetteer.h"
#include "places/stage.h"

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

void BM_PlacesStage(benchmark::State& state) {
  auto docs = raw_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  const casus::Engine engine;
  for (auto& doc : docs) engine.process(doc);
  size_t tokens = 0, docs_done = 0, places = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      casus::places::annotate(doc);
      tokens += doc.tokens.size();
      places += doc.places.size();
      ++docs_done;
      benchmark::DoNotOptimize(doc.places.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs_done), benchmark::Counter::kIsRate);
  state.counters["places/doc"] = docs_done ? static_cast<double>(places) / docs_done : 0;
}
BENCHMARK(BM_PlacesStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_PlacesPipeline(benchmark::State& state) {
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
      benchmark::DoNotOptimize(doc.places.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PlacesPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

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
