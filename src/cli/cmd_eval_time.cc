// `casus eval time`: temporal expression recognition and normalization against the dates
// annotated in GUM (see eval/time_eval.h for the data and the scoring rules).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "casus/engine.h"
#include "cli/commands.h"
#include "eval/eval.h"
#include "eval/time_eval.h"

namespace casus::cli {
namespace {

struct EvalTimeArgs {
  std::string gum;
  std::string genres = "news,interview";
  bool json = false;
  bool errors = false;
};

// Scores of one group of documents, overall and per genre.
struct Group {
  eval::TimeScores all;
  std::map<std::string, eval::TimeScores> genres;
};

void print_json(const eval::TimeScores& s) {
  std::printf(
      "\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f, \"value_accuracy\": %.2f, "
      "\"gold\": %zu, \"system\": %zu, \"matched\": %zu, \"value_correct\": %zu, "
      "\"documents\": %zu",
      s.recognition.f1(), s.recognition.precision(), s.recognition.recall(), s.value_accuracy(),
      s.recognition.gold, s.recognition.system, s.recognition.correct, s.value_correct,
      s.documents);
}

void print_group_json(const Group& g) {
  print_json(g.all);
  std::printf(", \"genres\": {");
  bool first = true;
  for (const auto& [genre, s] : g.genres) {
    std::printf("%s\"%s\": {", first ? "" : ", ", genre.c_str());
    print_json(s);
    std::printf("}");
    first = false;
  }
  std::printf("}");
}

void print_text(const std::string& name, const eval::TimeScores& s) {
  std::printf("%-22s P %6.2f  R %6.2f  F1 %6.2f  value %6.2f  (gold %zu, docs %zu)\n", name.c_str(),
              s.recognition.precision(), s.recognition.recall(), s.recognition.f1(),
              s.value_accuracy(), s.recognition.gold, s.documents);
}

void print_group_text(const std::string& name, const Group& g) {
  print_text(name, g.all);
  for (const auto& [genre, s] : g.genres) print_text("  " + genre, s);
}

int run_eval_time(const EvalTimeArgs& args) {
  namespace fs = std::filesystem;
  std::string gum = args.gum;
  if (gum.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval time: no --gum given and no shared data folder found "
                   "(set CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    gum = data + "/gum";
  }
  const std::string dep = fs::is_directory(gum + "/dep") ? gum + "/dep" : gum;
  std::set<std::string> wanted;
  bool all_genres = false;
  for (size_t b = 0; b <= args.genres.size();) {
    size_t e = args.genres.find(',', b);
    if (e == std::string::npos) e = args.genres.size();
    const std::string g = args.genres.substr(b, e - b);
    if (g == "all")
      all_genres = true;
    else if (!g.empty())
      wanted.insert(g);
    b = e + 1;
  }
  std::map<std::string, std::string> splits;
  if (fs::exists(gum + "/splits.md")) {
    if (Status st = eval::read_gum_splits(gum + "/splits.md", &splits); !st.is_ok()) {
      std::cerr << "casus eval time: " << st.message() << "\n";
      return 1;
    }
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dep, ec)) {
    const std::string base = entry.path().filename().string();
    if (entry.path().extension() != ".conllu" || base.rfind("GUM_", 0) != 0) continue;
    const size_t us = base.find('_', 4);
    const std::string genre = base.substr(4, us == std::string::npos ? 0 : us - 4);
    if (all_genres || wanted.count(genre)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "casus eval time: no GUM files for genres '" << args.genres << "' under " << dep
              << "\n";
    return 2;
  }
  const Engine engine;
  Group total, train_dev, test;
  std::vector<eval::TimeMismatch> mismatches;
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    const size_t us = name.find('_', 4);
    const std::string genre = name.substr(4, us - 4);
    eval::TimeScores s;
    const Status st =
        eval::evaluate_time_file(engine, file.string(), &s, args.errors ? &mismatches : nullptr);
    if (!st.is_ok()) {
      std::cerr << "casus eval time: " << st.message() << "\n";
      return 1;
    }
    total.all.add(s);
    total.genres[genre].add(s);
    const auto it = splits.find(name);
    const std::string split = it == splits.end() ? "" : it->second;
    Group* g = split == "test"                        ? &test
               : (split == "train" || split == "dev") ? &train_dev
                                                      : nullptr;
    if (g) {
      g->all.add(s);
      g->genres[genre].add(s);
    }
  }
  if (args.json) {
    // Top-level keys: every selected document; "train_dev" and "test" follow GUM's splits.md.
    std::printf("{");
    print_group_json(total);
    std::printf(", \"train_dev\": {");
    print_group_json(train_dev);
    std::printf("}, \"test\": {");
    print_group_json(test);
    std::printf("}}\n");
  } else {
    print_group_text("all", total);
    print_group_text("train+dev", train_dev);
    print_group_text("test", test);
  }
  for (const auto& m : mismatches) {
    std::fprintf(stderr, "%s\t%s\tgold[%s]\t%s\tsys[%s]\t%s\t| %s\n", m.kind.c_str(),
                 m.document.c_str(), m.gold_text.c_str(), m.gold_value.c_str(),
                 m.system_text.c_str(), m.system_value.c_str(), m.context.c_str());
  }
  return 0;
}

}  // namespace

void add_eval_time(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<EvalTimeArgs>();
  auto* cmd = eval.add_subcommand(
      "time",
      "Temporal expressions against the dates annotated in GUM: recognition P/R/F1 (relaxed\n"
      "overlap) and value accuracy over the recognized dates, anchored on each document's\n"
      "dateCreated. Reports all selected documents, GUM train+dev and GUM test, each per genre.\n\n"
      "Examples:\n"
      "  casus eval time --json\n"
      "  casus eval time --genres all\n"
      "  casus eval time --genres news --errors 2> mismatches.tsv");
  cmd->add_option("--gum", args->gum,
                  "GUM folder (with dep/*.conllu and splits.md); default: the shared data folder");
  cmd->add_option("--genres", args->genres,
                  "Comma-separated GUM genres, or 'all' (default: news,interview)");
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->add_flag("--errors", args->errors,
                "Print every missed, spurious and wrongly valued date to stderr (TSV)");
  cmd->callback([args, exit_code] { *exit_code = run_eval_time(*args); });
}

}  // namespace casus::cli
