// casus eval places (placeholder until the evaluation lands).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

namespace casus::cli {

void add_eval_places(CLI::App& eval, int* exit_code) {
  auto* cmd = eval.add_subcommand("places", "Not available yet");
  cmd->callback([exit_code] {
    std::cerr << "casus eval places: not available yet\n";
    *exit_code = 2;
  });
}

}  // namespace casus::cli
