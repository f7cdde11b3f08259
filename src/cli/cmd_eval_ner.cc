// casus eval ner: named-entity recognition against UNER IOB2 gold or GUM named mentions.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "entities/ner.h"
#include "entities/ner_gum.h"
#include "eval/ner_eval.h"

namespace casus::cli {
namespace {

struct NerArgs {
  std::vector<std::string> gold;
  bool gum = false;
  std::string split = "test";
  std::vector<std::string> genres = {"news", "interview"};
  bool json = false;
  std::string model;  // --model FILE: a model file instead of the built-in one
  std::string fold;   // --fold K/N: UNER documents d with d % N == K only
};

void print_prf_json(const eval::Prf& p) {
  std::printf("\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f, \"gold\": %zu, \"system\": %zu, "
              "\"correct\": %zu",
              p.f1(), p.precision(), p.recall(), p.gold, p.system, p.correct);
}

void print_scores_json(const eval::NerScores& s) {
  print_prf_json(s.all);
  std::printf(", \"sentences\": %zu, \"tokens\": %zu", s.sentences, s.tokens);
  for (const auto& [type, p] : s.by_type) {
    std::printf(", \"%s\": {", type.c_str());
    print_prf_json(p);
    std::printf("}");
  }
}

void print_scores_text(const std::string& name, const eval::NerScores& s) {
  std::printf("%-28s all  P %6.2f  R %6.2f  F1 %6.2f  (gold %zu, system %zu)\n", name.c_str(),
              s.all.precision(), s.all.recall(), s.all.f1(), s.all.gold, s.all.system);
  for (const auto& [type, p] : s.by_type)
    std::printf("%-28s %-4s P %6.2f  R %6.2f  F1 %6.2f  (gold %zu, system %zu)\n", "",
                type.c_str(), p.precision(), p.recall(), p.f1(), p.gold, p.system);
}

int run_ner(const NerArgs& args) {
  struct Set {
    std::string name;
    bool gum;
    std::vector<std::string> files;
  };
  std::vector<Set> sets;
  for (const auto& g : args.gold) sets.push_back({g, false, {g}});
  if (args.gum || args.gold.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval ner: no --gold given and no shared data folder found "
                   "(set CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    if (args.gold.empty() && !args.gum)
      sets.push_back({"uner_dev", false, {data + "/uner-english-ewt/en_ewt-ud-dev.iob2"}});
    std::string name = "gum";
    for (const auto& g : args.genres) name += "_" + g;
    name += "_" + args.split;
    sets.push_back({name, true, entities::gum_files(data, args.split, args.genres)});
    if (sets.back().files.empty()) {
      std::cerr << "casus eval ner: no GUM documents for split " << args.split << "\n";
      return 2;
    }
  }
  eval::NerEvalOptions options;
  entities::NerModel model;
  if (!args.model.empty()) {
    std::ifstream in(args.model, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const Status st = in ? entities::NerModel::load(bytes.str(), &model)
                         : Status::io_error("cannot read " + args.model);
    if (!st.is_ok()) {
      std::cerr << "casus eval ner: " << args.model << ": " << st.message() << "\n";
      return 2;
    }
    options.model = &model;
  }
  if (!args.fold.empty()) {
    const size_t slash = args.fold.find('/');
    options.fold = std::atoi(args.fold.c_str());
    options.folds = slash == std::string::npos ? 0 : std::atoi(args.fold.c_str() + slash + 1);
    if (options.folds <= 0 || options.fold < 0 || options.fold >= options.folds) {
      std::cerr << "casus eval ner: --fold wants K/N with 0 <= K < N (got " << args.fold << ")\n";
      return 2;
    }
  }
  if (std::getenv("CASUS_NER_DEBUG")) options.errors = &std::cerr;
  std::vector<eval::NerScores> scores(sets.size());
  for (size_t i = 0; i < sets.size(); ++i) {
    Status st = sets[i].gum ? eval::evaluate_ner_gum(sets[i].files, &scores[i], options.model)
                            : Status::ok();
    if (!sets[i].gum) {
      for (const auto& f : sets[i].files) {
        st = eval::evaluate_ner_iob2(f, &scores[i], options);
        if (!st.is_ok()) break;
      }
    }
    if (!st.is_ok()) {
      std::cerr << "casus eval ner: " << st.message() << "\n";
      return 1;
    }
  }
  print_score_sets(args.json, sets, scores, print_scores_json, print_scores_text);
  return 0;
}

}  // namespace

void add_eval_ner(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<NerArgs>();
  auto* cmd = eval.add_subcommand(
      "ner",
      "Named-entity recognition: exact-span micro P/R/F1 and per type (docs/entities.md).\n"
      "UNER IOB2 gold (--gold): casus GPE/LOC/FAC count as LOC, NORP and gold OTH are not\n"
      "scored. --gum: GUM named mentions with casus's six types (default: news + interview\n"
      "test documents). Without --gold: UNER EWT dev and the GUM set.\n\n"
      "Examples:\n"
      "  casus eval ner --gold ../shared/data/uner-english-ewt/en_ewt-ud-test.iob2 --json\n"
      "  casus eval ner --gum --split test --genres news,interview");
  cmd->add_option("--gold", args->gold, "Gold IOB2 file(s) (UNER)")->check(CLI::ExistingFile);
  cmd->add_flag("--gum", args->gum, "Score on GUM documents");
  cmd->add_option("--split", args->split, "GUM split: train, dev or test (default test)");
  cmd->add_option("--genres", args->genres, "GUM genres (default news,interview)")->delimiter(',');
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->add_option("--model", args->model, "NER model file instead of the built-in model")
      ->check(CLI::ExistingFile);
  cmd->add_option("--fold", args->fold,
                  "K/N: score only UNER documents d with d % N == K (cross-validation with "
                  "casus_train_ner --uner-fold)");
  cmd->callback([args, exit_code] { *exit_code = run_ner(*args); });
}

}  // namespace casus::cli
