// `casus train syntax`: trains the tagger, lemmatizer and parser from CoNLL-U treebanks.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "syntax/train.h"

namespace casus::cli {
namespace {

struct TrainArgs {
  syntax::TrainOptions options;
  std::string output = "models/syntax.bin";
};

int run_train_syntax(TrainArgs& args) {
  args.options.log = &std::cerr;
  const auto start = std::chrono::steady_clock::now();
  syntax::SyntaxModel model;
  Status st = syntax::train_syntax(args.options, &model);
  if (!st.is_ok()) {
    std::cerr << "casus train syntax: " << st.message() << "\n";
    return 1;
  }
  st = model.save(args.output);
  if (!st.is_ok()) {
    std::cerr << "casus train syntax: " << st.message() << "\n";
    return 1;
  }
  std::shared_ptr<const syntax::SyntaxModel> check;
  st = syntax::SyntaxModel::load(args.output, &check);
  if (!st.is_ok()) {
    std::cerr << "casus train syntax: written model does not load: " << st.message() << "\n";
    return 1;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "wrote %s (content hash %016llx) in %.0f s\n", args.output.c_str(),
               static_cast<unsigned long long>(check->content_hash()), secs);
  return 0;
}

}  // namespace

void add_train_command(CLI::App& app, int* exit_code) {
  auto* train = app.add_subcommand("train",
                                   "Train casus models.\n\n"
                                   "Example:\n  tools/train-syntax");
  train->require_subcommand(1);
  auto args = std::make_shared<TrainArgs>();
  auto* cmd = train->add_subcommand(
      "syntax",
      "Train the tagger, lemmatizer and dependency parser on CoNLL-U treebanks.\n"
      "Deterministic for a given --seed and input files.\n\n"
      "Example:\n"
      "  casus train syntax --train en_ewt-ud-train.conllu GUM_*.conllu \\\n"
      "      --dev en_ewt-ud-dev.conllu -o models/syntax.bin");
  cmd->add_option("--train", args->options.train_files, "Training CoNLL-U file(s)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dev", args->options.dev_file, "Dev CoNLL-U file (scores per epoch)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--unlabeled", args->options.unlabeled,
                  "Plain-text files or folders for the word clusters (e.g. news articles)");
  cmd->add_option("--clusters", args->options.clusters.clusters, "Number of word clusters")
      ->capture_default_str();
  cmd->add_option("--clusters-from", args->options.clusters_from,
                  "Copy the word clusters of this syntax model instead of learning them")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", args->output, "Model file to write")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--epochs", args->options.parser_epochs, "Parser training epochs")
      ->capture_default_str();
  cmd->add_option("--parser-seeds", args->options.parser_seeds,
                  "Parsers trained with different seeds whose weights are averaged")
      ->capture_default_str();
  cmd->add_option("--tagger-epochs", args->options.tagger_epochs, "Tagger training epochs")
      ->capture_default_str();
  cmd->add_option("--folds", args->options.folds,
                  "Jackknife folds for the second tagging pass and the parser's input tags")
      ->capture_default_str();
  cmd->add_option("--explore", args->options.explore,
                  "Probability of following a wrong transition while training")
      ->capture_default_str();
  cmd->add_option("--prune", args->options.prune,
                  "Drop parser weights (averaged) below this magnitude")
      ->capture_default_str();
  cmd->add_option("--tagger-prune", args->options.tagger_prune,
                  "Drop tagger weights (averaged) below this magnitude")
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = run_train_syntax(*args); });
}

}  // namespace casus::cli
