// Subcommands of the `casus` program. Each add_* registers one subcommand on the app; its callback
// stores the exit status in *exit_code.
#ifndef CASUS_CLI_COMMANDS_H_
#define CASUS_CLI_COMMANDS_H_

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

}  // namespace casus::cli

#endif  // CASUS_CLI_COMMANDS_H_
