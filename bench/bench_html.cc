// Throughput of HTML article extraction (charset detection, pre-filter, parsing, metadata and
// main-content extraction) on the pages of the article extraction benchmark in
// ../shared/data/html-articles, decompressed once before timing. Single-threaded, so the figures
// are per core. Run: build/bench/casus_bench --benchmark_filter=Html
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "casus/document.h"
#include "eval/eval.h"
#include "ingest/html_reader.h"
#include "ingest/ingest.h"

namespace {

// The decompressed benchmark pages; empty when the data is absent.
const std::vector<std::string>& html_pages() {
  static const std::vector<std::string> pages = [] {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    const std::string data = casus::eval::find_shared_data();
    if (data.empty()) return out;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data + "/html-articles/html", ec))
      if (e.path().string().ends_with(".html.gz")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      casus::ingest::GunzipResult r = casus::ingest::gunzip(ss.str(), size_t{64} << 20);
      if (r.ok) out.push_back(std::move(r.data));
    }
    return out;
  }();
  return pages;
}

void BM_HtmlExtract(benchmark::State& state) {
  const auto& pages = html_pages();
  if (pages.empty()) {
    state.SkipWithError("html-articles not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  size_t bytes = 0, docs = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      casus::Document doc;
      casus::ingest::read_html_page("page.html", page, {}, doc);
      benchmark::DoNotOptimize(doc.text.data());
      bytes += page.size();
      ++docs;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HtmlExtract)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
