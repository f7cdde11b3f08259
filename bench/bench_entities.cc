// Throughput of the entities stage (NER + coreference + actor coding) on real news: the PolNeAR
// training articles, segmented once outside the timed loop. Single-threaded (per core).
// Run: build/bench/casus_bench --benchmark_filter=Entities
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "entities/ner.h"
#include "entities/stage.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace {

std::vector<casus::Document> segmented_corpus() {
  std::vector<casus::Document> docs;
  for (const auto& [name, text] : casus::bench::news_corpus()) {
    casus::Document doc;
    casus::ingest::read_text(name, text, doc);
    casus::text::prepare(doc);
    casus::text::segment(doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_EntitiesStage(benchmark::State& state) {
  auto docs = segmented_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  casus::entities::annotate(docs.front());  // load the model and the actor coder
  size_t tokens = 0, docs_done = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      casus::entities::annotate(doc);
      tokens += doc.tokens.size();
      ++docs_done;
      benchmark::DoNotOptimize(doc.entities.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs_done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EntitiesStage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_EntitiesNerOnly(benchmark::State& state) {
  auto docs = segmented_corpus();
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found");
    return;
  }
  const auto model = casus::entities::NerModel::builtin();
  casus::entities::NerWorkspace ws;
  std::vector<std::string_view> views;
  std::vector<casus::entities::NamedSpan> found;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      for (const auto& s : doc.sentences) {
        views.clear();
        for (uint32_t t = s.first_token; t < s.end_token; ++t) views.push_back(doc.slice(doc.tokens[t].span));
        found.clear();
        model->recognize(views, ws, &found);
        tokens += views.size();
      }
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EntitiesNerOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
