// casus eval petrarch: PETRARCH unit-test records coded with PETRARCH/TABARI dictionaries
// (docs/petrarch.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eval/eval.h"
#include "eval/petrarch_eval.h"
#include "events/stage.h"

namespace casus::cli {
namespace {

struct PetrarchArgs {
  std::string records;
  events::EventOptions dicts;
  bool json = false;
  bool verbose = false;
};

std::string codings(const std::vector<eval::PetrarchCoding>& v) {
  if (v.empty()) return "(none)";
  std::string out;
  for (const auto& c : v)
    out += (out.empty() ? "" : " ") + (c.source.empty() ? "-" : c.source) + "/" +
           (c.target.empty() ? "-" : c.target) + "/" + c.code;
  return out;
}

int run_petrarch(PetrarchArgs args) {
  if (args.records.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval petrarch: no records file given and no shared data folder found "
                   "(set CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    args.records = data + "/events/petrarch/PETR.UnitTest.records.dev.xml";
  }
  if (Status st = eval::default_petrarch_dictionaries(args.records, &args.dicts); !st.is_ok()) {
    std::cerr << "casus eval petrarch: " << st.message() << "\n";
    return 1;
  }
  if (args.dicts.verbs.empty() || args.dicts.actors.empty()) {
    std::cerr << "casus eval petrarch: give --verbs and --actors (the records file names none "
                 "that exists)\n";
    return 2;
  }
  eval::PetrarchScores s;
  std::vector<std::string> warnings;
  const Status st = eval::evaluate_petrarch(args.records, args.dicts, &s, &warnings);
  if (!st.is_ok()) {
    std::cerr << "casus eval petrarch: " << st.message() << "\n";
    return 1;
  }
  if (args.verbose) {
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
    for (const auto& f : s.failures)
      std::printf("FAIL %s [%s]\n  text:     %s\n  expected: %s\n  coded:    %s\n", f.id.c_str(),
                  f.category.c_str(), f.text.c_str(), codings(f.expected).c_str(),
                  codings(f.coded).c_str());
  }
  if (args.json) {
    std::printf("{\"records\": %zu, \"passed\": %zu, \"pass_rate\": %.2f, \"skipped\": %zu}\n",
                s.records, s.passed, s.pass_rate(), s.skipped);
    return 0;
  }
  std::printf("PETRARCH records: %zu passed of %zu (%.2f%%), %zu skipped\n", s.passed, s.records,
              s.pass_rate(), s.skipped);
  return 0;
}

}  // namespace

void add_eval_petrarch(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<PetrarchArgs>();
  auto* cmd = eval.add_subcommand(
      "petrarch",
      "PETRARCH unit-test records coded with PETRARCH/TABARI dictionaries: a record passes when\n"
      "its coded (source, target, code) set equals the expected set. casus parses each sentence\n"
      "itself; the records' parse trees are ignored (docs/petrarch.md). Dictionaries default to\n"
      "the files named in the records' <Environment>, looked up beside the records file.\n\n"
      "Examples:\n"
      "  casus eval petrarch --json\n"
      "  casus eval petrarch ../shared/data/events/petrarch/PETR.UnitTest.records.dev.xml \\\n"
      "      --verbs V.txt --actors A.txt --agents G.txt --verbose");
  cmd->add_option("records", args->records,
                  "Records XML (default: PETR.UnitTest.records.dev.xml in the shared data)");
  cmd->add_option("--verbs", args->dicts.verbs, "PETRARCH/TABARI verbs dictionary");
  cmd->add_option("--actors", args->dicts.actors, "Actor dictionaries (one or more)");
  cmd->add_option("--agents", args->dicts.agents, "Agents dictionary");
  cmd->add_option("--discards", args->dicts.discards, "Discard list");
  cmd->add_flag("--json", args->json, "Print one JSON object (records, passed, pass_rate %)");
  cmd->add_flag("--verbose", args->verbose,
                "List each failing record with expected and coded events, and dictionary warnings");
  cmd->callback([args, exit_code] { *exit_code = run_petrarch(*args); });
}

}  // namespace casus::cli
