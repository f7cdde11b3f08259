// Throughput of the text path (ingest + UTF-8 repair + NFC + paragraphs + sentences + tokens) on
// real news: the PolNeAR training articles in ../shared/data/polnear/data/train/text.
// Single-threaded, so the figures are per core. Run: build/bench/casus_bench --benchmark_filter=Text
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace {

void BM_TextPipeline(benchmark::State& state) {
  const auto& corpus = casus::bench::news_corpus();
  if (corpus.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  size_t bytes = 0, tokens = 0, docs = 0;
  for (auto _ : state) {
    for (const auto& [name, text] : corpus) {
      casus::Document doc;
      casus::ingest::read_text(name, text, doc);
      casus::text::prepare(doc);
      casus::text::segment(doc);
      bytes += text.size();
      tokens += doc.tokens.size();
      ++docs;
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextPipeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_SegmentOnly(benchmark::State& state) {
  const auto& corpus = casus::bench::news_corpus();
  if (corpus.empty()) {
    state.SkipWithError("PolNeAR texts not found");
    return;
  }
  std::vector<casus::Document> prepared;
  for (const auto& [name, text] : corpus) {
    casus::Document doc;
    casus::ingest::read_text(name, text, doc);
    casus::text::prepare(doc);
    prepared.push_back(std::move(doc));
  }
  size_t bytes = 0, tokens = 0;
  for (auto _ : state) {
    for (auto& doc : prepared) {
      doc.paragraphs.clear();
      doc.sentences.clear();
      doc.tokens.clear();
      casus::text::segment(doc);
      bytes += doc.text.size();
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SegmentOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
