#include "bench/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/eval.h"

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

}  // namespace casus::bench
