#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "eval/eval.h"

namespace casus::cli {
namespace {

struct SegmentArgs {
  std::vector<std::string> conllu;
  bool json = false;
  bool errors = false;
};

// Files of the default gold sets, from the shared data folder.
struct GoldSet {
  std::string name;
  std::vector<std::string> files;
};

std::vector<GoldSet> default_segment_sets(const std::string& data) {
  namespace fs = std::filesystem;
  std::vector<GoldSet> sets;
  sets.push_back({"ewt_test", {data + "/ud-english-ewt/en_ewt-ud-test.conllu"}});
  GoldSet gum{"gum_news_interview", {}};
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data + "/gum/dep", ec)) {
    const std::string base = entry.path().filename().string();
    if (base.rfind("GUM_news_", 0) == 0 || base.rfind("GUM_interview_", 0) == 0)
      gum.files.push_back(entry.path().string());
  }
  std::sort(gum.files.begin(), gum.files.end());
  sets.push_back(gum);
  return sets;
}

void print_scores_json(const eval::SegmentScores& s) {
  std::printf("\"tokens_f1\": %.2f, \"tokens_precision\": %.2f, \"tokens_recall\": %.2f, "
              "\"sentences_f1\": %.2f, \"sentences_precision\": %.2f, \"sentences_recall\": %.2f, "
              "\"gold_tokens\": %zu, \"gold_sentences\": %zu",
              s.tokens.f1(), s.tokens.precision(), s.tokens.recall(), s.sentences.f1(),
              s.sentences.precision(), s.sentences.recall(), s.tokens.gold, s.sentences.gold);
}

void print_scores_text(const std::string& name, const eval::SegmentScores& s) {
  std::printf("%-20s tokens   P %6.2f  R %6.2f  F1 %6.2f  (gold %zu)\n", name.c_str(),
              s.tokens.precision(), s.tokens.recall(), s.tokens.f1(), s.tokens.gold);
  std::printf("%-20s sentences P %6.2f  R %6.2f  F1 %6.2f  (gold %zu)\n", "", s.sentences.precision(),
              s.sentences.recall(), s.sentences.f1(), s.sentences.gold);
}

int run_segment(const SegmentArgs& args) {
  std::vector<GoldSet> sets;
  if (!args.conllu.empty()) {
    sets.push_back({"gold", args.conllu});
  } else {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval segment: no --conllu given and no shared data folder found "
                   "(set CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    sets = default_segment_sets(data);
  }
  std::vector<eval::SegmentScores> scores(sets.size());
  for (size_t i = 0; i < sets.size(); ++i) {
    for (const auto& file : sets[i].files) {
      const Status st =
          eval::evaluate_segmentation(file, &scores[i], args.errors ? stderr : nullptr);
      if (!st.is_ok()) {
        std::cerr << "casus eval segment: " << file << ": " << st.message() << "\n";
        return 1;
      }
    }
  }
  print_score_sets(args.json, sets, scores, print_scores_json, print_scores_text);
  return 0;
}

void add_eval_segment(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<SegmentArgs>();
  auto* cmd = eval.add_subcommand(
      "segment",
      "Token and sentence segmentation F1 against CoNLL-U gold (CoNLL 2018 definitions).\n"
      "Without --conllu: UD English EWT test and the GUM news + interview documents from the\n"
      "shared data folder.\n\n"
      "Examples:\n"
      "  casus eval segment --json\n"
      "  casus eval segment --conllu ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu");
  cmd->add_option("--conllu", args->conllu, "Gold CoNLL-U file(s)")->check(CLI::ExistingFile);
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->add_flag("--errors", args->errors,
                "List missed and spurious sentence ends on stderr, with context");
  cmd->callback([args, exit_code] { *exit_code = run_segment(*args); });
}

}  // namespace

void add_eval_command(CLI::App& app, int* exit_code) {
  auto* eval = app.add_subcommand("eval", "Measure casus against gold data.\n\n"
                                          "Example:\n  casus eval segment --json");
  eval->require_subcommand(1);
  add_eval_segment(*eval, exit_code);
  add_eval_syntax(*eval, exit_code);
  add_eval_time(*eval, exit_code);
  add_eval_ner(*eval, exit_code);
  add_eval_coref(*eval, exit_code);
  add_eval_html(*eval, exit_code);
  add_eval_quotes(*eval, exit_code);
  add_eval_places(*eval, exit_code);
  add_eval_petrarch(*eval, exit_code);
}

}  // namespace casus::cli
