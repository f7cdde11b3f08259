// What casus_train_quote_cues and casus_train_quote_tagger share: their command line and the
// PolNeAR training articles it names. Header-only; each tool is one translation unit.
#ifndef CASUS_TOOLS_QUOTE_TRAINING_H_
#define CASUS_TOOLS_QUOTE_TRAINING_H_

#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "eval/eval.h"
#include "eval/quotes_eval.h"

namespace casus::tools {

struct QuoteTrainingArgs {
  std::string dir;        // --polnear DIR: default <shared data>/polnear/data/train
  std::string out;        // --out FILE
  int epochs = 8;         // --epochs N
  double min_weight = 0;  // --min-weight W: features below |W| are dropped
  unsigned seed = 0;      // --seed S (only where `seeded`)
};

// Parses "--option value" pairs into *args (which holds the tool's defaults) and loads the
// training articles. Returns 0 on success, else the exit status after a message on stderr.
inline int parse_quote_training(int argc, char** argv, const char* tool, bool seeded,
                                QuoteTrainingArgs* args,
                                std::vector<std::pair<std::string, std::string>>* articles) {
  for (int i = 1; i < argc; i += 2) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (has_value && a == "--polnear") {
      args->dir = argv[i + 1];
    } else if (has_value && a == "--epochs") {
      args->epochs = std::atoi(argv[i + 1]);
    } else if (has_value && a == "--out") {
      args->out = argv[i + 1];
    } else if (has_value && a == "--min-weight") {
      args->min_weight = std::atof(argv[i + 1]);
    } else if (has_value && seeded && a == "--seed") {
      args->seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    } else {
      std::cerr << "usage: " << tool << " [--polnear DIR] [--epochs N] [--min-weight W] "
                << (seeded ? "[--seed S] " : "") << "[--out FILE]\n";
      return 2;
    }
  }
  if (args->dir.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << tool << ": no shared data folder; pass --polnear DIR\n";
      return 2;
    }
    args->dir = data + "/polnear/data/train";
  }
  *articles = eval::polnear_articles(args->dir);
  if (articles->empty()) {
    std::cerr << tool << ": no PolNeAR articles in " << args->dir << "\n";
    return 1;
  }
  return 0;
}

}  // namespace casus::tools

#endif  // CASUS_TOOLS_QUOTE_TRAINING_H_
