// Cost of the events stage against the whole pipeline on real news: the PolNeAR training
// articles, run through the Engine once outside the timed loop; BM_EventsStage re-runs only the
// events stage (casus's compiled-in lexicon), BM_EventsPipeline the whole Engine. Single-threaded
// (per core). The events share of the pipeline is BM_EventsStage / BM_EventsPipeline
// (docs/events.md; budget: <= 15%).
// Run: build/bench/casus_bench --benchmark_filter=Events
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "casus/engine.h"
#include "events/stage.h"
#include "ingest/ingest.h"

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

void BM_EventsStage(benchmark::State& state) {
  auto docs = raw_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  const casus::Engine engine;
  for (auto& doc : docs) engine.process(doc);
  std::unique_ptr<const casus::events::EventCoder> coder;
  if (!casus::events::EventCoder::create({}, &coder).is_ok()) {
    state.SkipWithError("event lexicon did not load");
    return;
  }
  size_t tokens = 0, events = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      coder->annotate(doc);
      tokens += doc.tokens.size();
      events += doc.events.size();
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventsStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_EventsPipeline(benchmark::State& state) {
  const auto docs = raw_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found");
    return;
  }
  const casus::Engine engine;
  size_t tokens = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& original : docs) {
      casus::Document doc = original;
      engine.process(doc);
      tokens += doc.tokens.size();
      sentences += doc.sentences.size();
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventsPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
