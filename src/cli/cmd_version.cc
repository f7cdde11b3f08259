#include <CLI/CLI.hpp>

#include <iostream>

#include "casus/casus.h"
#include "cli/commands.h"

namespace casus::cli {

void add_version_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("version", "Print the program and output schema versions.\n\n"
                                            "Example:\n  casus version");
  cmd->callback([exit_code] {
    std::cout << "casus " << version() << " (schema " << schema_version() << ")\n";
    *exit_code = 0;
  });
}

}  // namespace casus::cli
