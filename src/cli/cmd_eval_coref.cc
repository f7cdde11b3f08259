// casus eval coref: in-article coreference (MUC, B3, CEAF-e, CoNLL F1) on GUM documents.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "entities/ner_gum.h"
#include "eval/coref_eval.h"
#include "eval/eval.h"

namespace casus::cli {
namespace {

struct CorefArgs {
  std::vector<std::string> splits = {"dev", "test"};
  std::vector<std::string> genres = {"news", "interview"};
  bool json = false;
};

void print_metric_json(const char* name, const eval::CorefMetric& m) {
  std::printf("\"%s\": {\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f}", name, m.f1(),
              m.precision(), m.recall());
}

void print_json(const eval::CorefScores& s) {
  std::printf("\"conll_f1\": %.2f, ", s.conll());
  print_metric_json("muc", s.muc);
  std::printf(", ");
  print_metric_json("b3", s.b3);
  std::printf(", ");
  print_metric_json("ceafe", s.ceafe);
  std::printf(", \"documents\": %zu, \"key_mentions\": %zu, \"response_mentions\": %zu",
              s.documents, s.key_mentions, s.response_mentions);
}

void print_text(const std::string& name, const eval::CorefScores& s) {
  std::printf("%-34s CoNLL F1 %6.2f  (%zu documents, key mentions %zu, response %zu)\n",
              name.c_str(), s.conll(), s.documents, s.key_mentions, s.response_mentions);
  const std::pair<const char*, const eval::CorefMetric*> rows[] = {
      {"MUC", &s.muc}, {"B3", &s.b3}, {"CEAFe", &s.ceafe}};
  for (const auto& [n, m] : rows)
    std::printf("%-34s %-6s P %6.2f  R %6.2f  F1 %6.2f\n", "", n, m->precision(), m->recall(),
                m->f1());
}

int run_coref(const CorefArgs& args) {
  const std::string data = eval::find_shared_data();
  if (data.empty()) {
    std::cerr << "casus eval coref: no shared data folder found (set CASUS_DATA or run from the "
                 "project root next to ../shared)\n";
    return 2;
  }
  std::vector<std::string> files;
  for (const auto& split : args.splits)
    for (const auto& f : entities::gum_files(data, split, args.genres)) files.push_back(f);
  if (files.empty()) {
    std::cerr << "casus eval coref: no GUM documents for these splits and genres\n";
    return 2;
  }
  eval::CorefScores named, all;
  for (bool restricted : {true, false}) {
    const Status st = eval::evaluate_coref_gum(files, restricted, restricted ? &named : &all);
    if (!st.is_ok()) {
      std::cerr << "casus eval coref: " << st.message() << "\n";
      return 1;
    }
  }
  if (args.json) {
    // Top level: the named_pronoun key (the mentions casus attempts); both under "sets".
    std::printf("{");
    print_json(named);
    std::printf(", \"sets\": {\"named_pronoun\": {");
    print_json(named);
    std::printf("}, \"all\": {");
    print_json(all);
    std::printf("}}}\n");
  } else {
    print_text("named_pronoun", named);
    print_text("all", all);
  }
  return 0;
}

}  // namespace

void add_eval_coref(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<CorefArgs>();
  auto* cmd = eval.add_subcommand(
      "coref",
      "In-article coreference on GUM (gold tokens): MUC, B3, CEAFe and their average (CoNLL F1),\n"
      "mentions matched by head, singletons removed (docs/entities.md). Two keys: gold mentions\n"
      "headed by proper nouns or 3rd-person pronouns (named_pronoun), and all gold mentions.\n\n"
      "Examples:\n"
      "  casus eval coref --json\n"
      "  casus eval coref --splits test --genres news,interview");
  cmd->add_option("--splits", args->splits, "GUM splits (default dev,test)")->delimiter(',');
  cmd->add_option("--genres", args->genres, "GUM genres (default news,interview)")->delimiter(',');
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->callback([args, exit_code] { *exit_code = run_coref(*args); });
}

}  // namespace casus::cli
