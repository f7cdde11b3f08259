// casus eval quotes: attribution source/cue/content F1 on PolNeAR (docs/quotes.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "eval/eval.h"
#include "eval/quotes_eval.h"

namespace casus::cli {
namespace {

struct QuotesArgs {
  std::string polnear;
  std::string split = "dev";
  int threads = 0;
  bool json = false;
  std::string diagnose;  // TSV file of scoring errors, when set
};

void print_prf_json(const char* name, const eval::Prf& p, bool comma = true) {
  std::printf("\"%s_f1\": %.2f, \"%s_precision\": %.2f, \"%s_recall\": %.2f%s", name, p.f1(), name,
              p.precision(), name, p.recall(), comma ? ", " : "");
}

int run_quotes(const QuotesArgs& args) {
  namespace fs = std::filesystem;
  std::string dir = args.polnear;
  if (dir.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval quotes: no --polnear given and no shared data folder found (set "
                   "CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    dir = data + "/polnear/data";
  }
  // DIR may be PolNeAR's data/ folder (holding train/ and dev/) or one split folder.
  std::error_code ec;
  const std::string split_dir =
      fs::is_directory(fs::path(dir) / args.split / "text", ec) ? dir + "/" + args.split : dir;
  eval::QuoteScores s;
  const int threads = args.threads > 0
                          ? args.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string diagnostics;
  const Status st = eval::evaluate_polnear_quotes(split_dir, threads, &s,
                                                  args.diagnose.empty() ? nullptr : &diagnostics);
  if (!st.is_ok()) {
    std::cerr << "casus eval quotes: " << st.message() << "\n";
    return 1;
  }
  if (!args.diagnose.empty()) {
    std::FILE* f = std::fopen(args.diagnose.c_str(), "wb");
    if (!f || std::fwrite(diagnostics.data(), 1, diagnostics.size(), f) != diagnostics.size()) {
      std::cerr << "casus eval quotes: cannot write " << args.diagnose << "\n";
      if (f) std::fclose(f);
      return 1;
    }
    std::fclose(f);
  }
  if (args.json) {
    std::printf("{");
    print_prf_json("source", s.source);
    print_prf_json("cue", s.cue);
    print_prf_json("content", s.content);
    print_prf_json("content_token", s.content_tokens);
    print_prf_json("joint", s.joint);
    std::printf(
        "\"gold_attributions\": %zu, \"system_attributions\": %zu, \"documents\": %zu, "
        "\"skipped\": %zu, \"split\": \"%s\"}\n",
        s.joint.gold, s.joint.system, s.documents, s.skipped, args.split.c_str());
    return 0;
  }
  std::printf("PolNeAR %s: %zu articles (%zu skipped)\n", args.split.c_str(), s.documents,
              s.skipped);
  const std::pair<const char*, const eval::Prf*> rows[] = {{"source (exact)", &s.source},
                                                           {"cue (exact)", &s.cue},
                                                           {"content (exact)", &s.content},
                                                           {"content (tokens)", &s.content_tokens},
                                                           {"joint", &s.joint}};
  for (const auto& [name, p] : rows)
    std::printf("%-18s P %6.2f  R %6.2f  F1 %6.2f  (gold %zu, system %zu)\n", name, p->precision(),
                p->recall(), p->f1(), p->gold, p->system);
  return 0;
}

}  // namespace

void add_eval_quotes(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<QuotesArgs>();
  auto* cmd = eval.add_subcommand(
      "quotes",
      "Attribution (source, cue, content) F1 on PolNeAR: exact token spans per role, content\n"
      "token overlap, and joint attributions (docs/quotes.md).\n\n"
      "Examples:\n"
      "  casus eval quotes --json\n"
      "  casus eval quotes --polnear ../shared/data/polnear/data --split train");
  cmd->add_option("--polnear", args->polnear,
                  "PolNeAR data folder (with train/ and dev/), or one split folder");
  cmd->add_option("--split", args->split, "dev (reporting) or train (development)")
      ->check(CLI::IsMember({"dev", "train"}));
  cmd->add_option("--threads", args->threads, "Articles processed at once (default: all cores)");
  cmd->add_option("--diagnose", args->diagnose,
                  "Write one TSV line per scoring error to FILE: article, role, missed|spurious,\n"
                  "boundary|absent, text, overlapping text");
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->callback([args, exit_code] { *exit_code = run_quotes(*args); });
}

}  // namespace casus::cli
