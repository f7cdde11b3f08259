// Throughput of the syntax stage (tagging + lemmas + features + parsing) on real news: the
// PolNeAR training articles, segmented once by casus's text stage outside the timed loop.
// Single-threaded, so the figures are per core. Needs models/syntax.bin (run from the project
// root). Run: build/bench/casus_bench --benchmark_filter=Syntax
#include <benchmark/benchmark.h>

#include <memory>
#include <string_view>
#include <vector>

#include "bench/corpus.h"
#include "ingest/ingest.h"
#include "syntax/model.h"
#include "text/text.h"

namespace {

struct SyntaxCorpus {
  std::vector<casus::Document> docs;
  std::shared_ptr<const casus::syntax::SyntaxModel> model;
  std::string error;
};

const SyntaxCorpus& syntax_corpus() {
  static const SyntaxCorpus* corpus = [] {
    auto* c = new SyntaxCorpus();
    const std::string path = casus::syntax::SyntaxModel::default_path();
    if (path.empty()) {
      c->error = "models/syntax.bin not found (run from the project root)";
      return c;
    }
    const casus::Status st = casus::syntax::SyntaxModel::load(path, &c->model);
    if (!st.is_ok()) {
      c->error = st.message();
      return c;
    }
    for (const auto& [name, text] : casus::bench::news_corpus()) {
      casus::Document doc;
      casus::ingest::read_text(name, text, doc);
      casus::text::prepare(doc);
      casus::text::segment(doc);
      c->docs.push_back(std::move(doc));
    }
    if (c->docs.empty()) c->error = "PolNeAR texts not found (set CASUS_DATA)";
    return c;
  }();
  return *corpus;
}

// Tags and parses the first `max_sentences` sentences of the corpus (all when 0).
void annotate_corpus(benchmark::State& state, size_t max_sentences) {
  const SyntaxCorpus& c = syntax_corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  casus::syntax::Workspace ws;
  std::vector<casus::syntax::WordAnalysis> out;
  std::vector<std::string_view> forms;
  size_t tokens = 0, sentences = 0;
  for (auto _ : state) {
    size_t done = 0;
    for (const auto& doc : c.docs) {
      for (const auto& s : doc.sentences) {
        if (max_sentences && done == max_sentences) break;
        forms.clear();
        for (uint32_t t = s.first_token; t < s.end_token; ++t)
          forms.push_back(doc.slice(doc.tokens[t].span));
        c.model->annotate(forms, ws, &out);
        benchmark::DoNotOptimize(out.data());
        tokens += forms.size();
        ++sentences;
        ++done;
      }
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kAvgIterations);
}

void BM_SyntaxAnnotate(benchmark::State& state) { annotate_corpus(state, 0); }
BENCHMARK(BM_SyntaxAnnotate)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The same on the first 2,000 sentences: one iteration is short enough for callgrind, which
// then counts the instructions of tagging and parsing alone (model loading excluded):
//   valgrind --tool=callgrind --toggle-collect='casus::syntax::SyntaxModel::annotate*'
//     build/bench/casus_bench --benchmark_filter=SyntaxTagParse --benchmark_min_time=0.01
// (instructions per token: the total divided by the `tokens` counter).
void BM_SyntaxTagParse(benchmark::State& state) { annotate_corpus(state, 2000); }
BENCHMARK(BM_SyntaxTagParse)->Unit(benchmark::kMillisecond);

void BM_SyntaxTagOnly(benchmark::State& state) {
  const SyntaxCorpus& c = syntax_corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  casus::syntax::Workspace ws;
  std::vector<casus::syntax::WordAnalysis> out;
  std::vector<std::string_view> forms;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& doc : c.docs) {
      for (const auto& s : doc.sentences) {
        forms.clear();
        for (uint32_t t = s.first_token; t < s.end_token; ++t)
          forms.push_back(doc.slice(doc.tokens[t].span));
        c.model->tag(forms, ws, &out);
        benchmark::DoNotOptimize(out.data());
        tokens += forms.size();
      }
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SyntaxTagOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
