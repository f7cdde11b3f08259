#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>

#include "casus/casus.h"
#include "cli/commands.h"
#include "pipeline/runner.h"

namespace casus::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string format = "jsonl";
  std::string output = "-";
  unsigned threads = 0;
  bool tokens = false;
  bool quiet = false;
  std::string date;
  std::string syntax_model;
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  bool no_own_lexicon = false;
};

int run_code(const CodeArgs& args) {
  RunOptions options;
  if (!parse_input_format(args.input_format, &options.read.format)) {
    std::cerr << "casus code: unknown --input-format '" << args.input_format << "'\n";
    return 2;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) {
      std::cerr << "casus code: cannot write " << args.output << "\n";
      return 2;
    }
    out = &file;
  }
  std::unique_ptr<Sink> sink;
  if (args.format == "jsonl") {
    JsonOptions json;
    json.tokens = args.tokens;
    sink = make_jsonl_sink(*out, json);
  } else if (args.format == "conllu") {
    sink = make_conllu_sink(*out);
  } else if (args.format == "events-tsv") {
    sink = make_events_tsv_sink(*out);
  } else if (args.format == "gdelt") {
    sink = make_gdelt_sink(*out);
  } else {
    std::cerr << "casus code: unknown --format '" << args.format << "'\n";
    return 2;
  }
  EngineOptions engine_options;
  engine_options.threads = args.threads;
  engine_options.anchor_date = args.date;
  engine_options.syntax_model = args.syntax_model;
  engine_options.own_event_lexicon = !args.no_own_lexicon;
  engine_options.event_verbs = args.verbs;
  engine_options.event_actors = args.actors;
  engine_options.event_agents = args.agents;
  engine_options.event_discards = args.discards;
  const Engine engine(engine_options);
  if (!args.quiet) {
    for (const std::string& w : engine.warnings()) std::cerr << "casus code: warning: " << w << "\n";
  }
  const bool user_dictionaries = !args.verbs.empty() || !args.actors.empty() ||
                                 !args.agents.empty() || !args.discards.empty();
  if (user_dictionaries && !engine.status().is_ok()) {
    std::cerr << "casus code: " << engine.status().message() << "\n";
    return 2;
  }
  options.progress = !args.quiet && isatty(STDERR_FILENO);
  options.report_errors = !args.quiet;
  std::ios::sync_with_stdio(false);
  const RunStats stats = run_pipeline(args.inputs, options, engine, *sink, std::cerr);
  if (!stats.sink_status.is_ok()) {
    std::cerr << "casus code: " << stats.sink_status.message() << "\n";
    return 1;
  }
  return stats.documents_with_errors > 0 ? 1 : 0;
}

}  // namespace

void add_code_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CodeArgs>();
  auto* cmd = app.add_subcommand(
      "code",
      "Code articles: read files, directories or stdin ('-') and write one JSON record per "
      "document, in input order.\n\n"
      "Examples:\n"
      "  casus code article.md\n"
      "  casus code -o out.jsonl --threads 2 articles/ crawl.warc.gz\n"
      "  cat docs.jsonl | casus code --input-format jsonl -\n"
      "  casus code --format conllu article.md\n"
      "  casus code --format events-tsv articles/\n\n"
      "Exit status: 0 when every document was coded, 1 when some had errors (reported on stderr),\n"
      "2 for usage errors.");
  cmd->add_option("inputs", args->inputs, "Files, directories (recursive) or '-' for stdin")
      ->required();
  cmd->add_option("--input-format", args->input_format,
                  "auto | text | markdown | html | jsonl | warc (default: by extension, then content)");
  cmd->add_option("-f,--format", args->format, "Output format: jsonl | conllu | events-tsv | gdelt")
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Output file ('-' for stdout)")->capture_default_str();
  cmd->add_option("-t,--threads", args->threads, "Worker threads (0: one per core)")
      ->capture_default_str();
  cmd->add_option("--date", args->date,
                  "Anchor date YYYY-MM-DD for relative time expressions (overrides the article date)")
      ->check([](const std::string& v) {
        const bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-' &&
                        std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        return ok ? std::string() : std::string("--date must be YYYY-MM-DD");
      });
  cmd->add_option("--syntax-model", args->syntax_model,
                  "Syntax model file (default: models/syntax.bin)");
  cmd->add_option("--verbs", args->verbs,
                  "PETRARCH/TABARI-format verb dictionary to code events with (docs/events.md)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--actors", args->actors, "PETRARCH/TABARI-format actor dictionaries")
      ->check(CLI::ExistingFile);
  cmd->add_option("--agents", args->agents, "PETRARCH/TABARI-format agents dictionary")
      ->check(CLI::ExistingFile);
  cmd->add_option("--discards", args->discards, "PETRARCH-format discards dictionary")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-own-lexicon", args->no_own_lexicon,
                "Code events with the given dictionaries only, not casus's own lexicon");
  cmd->add_flag("--tokens", args->tokens, "Include the tokens layer (span, sentence, upos, xpos, lemma, feats, head, deprel) in JSON output");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line and no per-document error lines");
  cmd->callback([args, exit_code] { *exit_code = run_code(*args); });
}

}  // namespace casus::cli
