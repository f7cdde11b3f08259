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
  } else {
    std::cerr << "casus code: unknown --format '" << args.format << "'\n";
    return 2;
  }
  EngineOptions engine_options;
  engine_options.threads = args.threads;
  engine_options.anchor_date = args.date;
  engine_options.syntax_model = args.syntax_model;
  const Engine engine(engine_options);
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
      "  casus code --format conllu article.md\n\n"
      "Exit status: 0 when every document was coded, 1 when some had errors (reported on stderr),\n"
      "2 for usage errors.");
  cmd->add_option("inputs", args->inputs, "Files, directories (recursive) or '-' for stdin")
      ->required();
  cmd->add_option("--input-format", args->input_format,
                  "auto | text | markdown | html | jsonl | warc (default: by extension, then content)");
  cmd->add_option("-f,--format", args->format, "Output format: jsonl | conllu")
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
  cmd->add_flag("--tokens", args->tokens, "Include the tokens layer (span, sentence, upos, xpos, lemma, feats, head, deprel) in JSON output");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line and no per-document error lines");
  cmd->callback([args, exit_code] { *exit_code = run_code(*args); });
}

}  // namespace casus::cli
