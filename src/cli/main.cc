// casus: codes news articles into verifiable JSON records. See `casus --help`.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "casus: reads news articles and writes who did what to whom, when and where, and who said "
      "so, as JSON Lines with exact text spans.\n\n"
      "Examples:\n"
      "  casus code article.md                  code one Markdown article to stdout\n"
      "  casus code -o out.jsonl news/          code a directory (recursively)\n"
      "  casus code --format conllu article.md  sentences and tokens as CoNLL-U\n"
      "  casus eval segment --conllu en_ewt-ud-test.conllu --json\n"
      "  casus version"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "casus 0.1.0");
  int exit_code = 0;
  casus::cli::add_code_command(app, &exit_code);
  casus::cli::add_eval_command(app, &exit_code);
  casus::cli::add_show_command(app, &exit_code);
  casus::cli::add_train_command(app, &exit_code);
  casus::cli::add_version_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  return exit_code;
}
