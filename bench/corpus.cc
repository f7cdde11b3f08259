#include "bench/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "casus/engine.h"
#include "eval/eval.h"
#include "ingest/ingest.h"

namespace casus::bench {

const std::vector<std::pair<std::string, std::string>>& news_corpus() {
  static const auto* corpus = [] {
    auto* docs = new std::vector<std::pair<std::string, std::string>>();
    const std::string data = eval::find_shared_data();
    if (data.empty()) return docs;
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(data + "/polnear/data/train/text", ec)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      docs->emplace_back(f.filename().string(), ss.str());
    }
    return docs;
  }();
  return *corpus;
}

std::vector<Document> news_documents() {
  std::vector<Document> docs;
  for (const auto& [name, text] : news_corpus()) {
    Document doc;
    ingest::read_text(name, text, doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<Document> coded_news_documents(const Engine& engine) {
  std::vector<Document> docs = news_documents();
  for (auto& doc : docs) engine.process(doc);
  return docs;
}

void run_stage(benchmark::State& state, std::vector<Document>& docs,
               const std::function<void(Document&)>& stage, const char* count_name,
               const std::function<size_t(const Document&)>& count) {
  if (docs.empty()) {
    state.SkipWithError("PolNeAR texts not found (set CASUS_DATA or run next to ../shared)");
    return;
  }
  size_t tokens = 0, docs_done = 0, counted = 0;
  for (auto _ : state) {
    for (auto& doc : docs) {
      stage(doc);
      tokens += doc.tokens.size();
      ++docs_done;
      if (count) counted += count(doc);
      benchmark::ClobberMemory();
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs_done), benchmark::Counter::kIsRate);
  if (count_name && count && docs_done) {
    state.counters[std::string(count_name) + "/doc"] =
        static_cast<double>(counted) / static_cast<double>(docs_done);
  }
}

}  // namespace casus::bench
