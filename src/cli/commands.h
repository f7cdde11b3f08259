// Subcommands of the `casus` program. Each add_* registers one subcommand on the app; its callback
// stores the exit status in *exit_code.
#ifndef CASUS_CLI_COMMANDS_H_
#define CASUS_CLI_COMMANDS_H_

#include <cstdio>
#include <vector>

namespace CLI {
class App;
}

namespace casus::cli {

void add_code_command(CLI::App& app, int* exit_code);
void add_eval_command(CLI::App& app, int* exit_code);
void add_version_command(CLI::App& app, int* exit_code);
void add_show_command(CLI::App& app, int* exit_code);
void add_train_command(CLI::App&, int*);
void add_eval_syntax(CLI::App& eval, int* exit_code);
void add_eval_time(CLI::App& eval, int* exit_code);
void add_eval_ner(CLI::App& eval, int* exit_code);
void add_eval_coref(CLI::App& eval, int* exit_code);
void add_eval_html(CLI::App& eval, int* exit_code);
void add_eval_quotes(CLI::App& eval, int* exit_code);
void add_eval_places(CLI::App& eval, int* exit_code);
void add_eval_petrarch(CLI::App& eval, int* exit_code);

// Prints the scores of several evaluation sets (each with a `name`): with `json`, one object
// whose top-level keys are the first set's figures and whose "sets" object lists every set by
// name (print_json writes the keys of one set); else one block of text per set.
template <class Set, class Scores, class PrintJson, class PrintText>
void print_score_sets(bool json, const std::vector<Set>& sets, const std::vector<Scores>& scores,
                      PrintJson print_json, PrintText print_text) {
  if (!json) {
    for (size_t i = 0; i < sets.size(); ++i) print_text(sets[i].name, scores[i]);
    return;
  }
  std::printf("{");
  print_json(scores[0]);
  std::printf(", \"sets\": {");
  for (size_t i = 0; i < sets.size(); ++i) {
    std::printf("%s\"%s\": {", i ? ", " : "", sets[i].name.c_str());
    print_json(scores[i]);
    std::printf("}");
  }
  std::printf("}}\n");
}

}  // namespace casus::cli

#endif  // CASUS_CLI_COMMANDS_H_
