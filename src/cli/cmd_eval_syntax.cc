// `casus eval syntax`: tagging, lemmatization and parsing scores against CoNLL-U gold.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "syntax/evaluate.h"
#include "syntax/model.h"

namespace casus::cli {
namespace {

struct EvalSyntaxArgs {
  std::vector<std::string> gold;
  std::string model;
  std::string output;
  bool raw = false;
  bool json = false;
};

int run_eval_syntax(const EvalSyntaxArgs& args) {
  const std::string path = args.model.empty() ? syntax::SyntaxModel::default_path() : args.model;
  if (path.empty()) {
    std::cerr << "casus eval syntax: no model (give --model or run where models/syntax.bin "
                 "exists)\n";
    return 2;
  }
  std::shared_ptr<const syntax::SyntaxModel> model;
  Status st = syntax::SyntaxModel::load(path, &model);
  if (!st.is_ok()) {
    std::cerr << "casus eval syntax: " << st.message() << "\n";
    return 2;
  }
  std::ofstream out;
  if (!args.output.empty()) {
    out.open(args.output);
    if (!out) {
      std::cerr << "casus eval syntax: cannot write " << args.output << "\n";
      return 1;
    }
  }
  syntax::SyntaxScores s;
  for (const auto& file : args.gold) {
    st = syntax::evaluate_syntax(*model, file, args.raw, &s, out.is_open() ? &out : nullptr);
    if (!st.is_ok()) {
      std::cerr << "casus eval syntax: " << file << ": " << st.message() << "\n";
      return 1;
    }
  }
  const double words_per_s = s.seconds > 0 ? s.system_words / s.seconds : 0;
  if (args.json) {
    std::printf(
        "{\"upos\": %.2f, \"xpos\": %.2f, \"ufeats\": %.2f, \"lemma\": %.2f, \"uas\": %.2f, "
        "\"las\": %.2f, \"words\": %.2f, \"sentences\": %.2f, \"gold_words\": %zu, "
        "\"system_words\": %zu, \"words_per_second\": %.0f, \"model_hash\": \"%016llx\"}\n",
        s.f1(s.upos), s.f1(s.xpos), s.f1(s.feats), s.f1(s.lemma), s.f1(s.uas), s.f1(s.las),
        s.f1(s.aligned),
        s.gold_sentences && s.system_sentences
            ? 100.0 * 2 * s.sentences_matched / (s.gold_sentences + s.system_sentences)
            : 0.0,
        s.gold_words, s.system_words, words_per_s,
        static_cast<unsigned long long>(model->content_hash()));
  } else {
    std::printf(
        "UPOS   %6.2f\nXPOS   %6.2f\nUFeats %6.2f\nLemma  %6.2f\nUAS    %6.2f\nLAS    "
        "%6.2f\n",
        s.f1(s.upos), s.f1(s.xpos), s.f1(s.feats), s.f1(s.lemma), s.f1(s.uas), s.f1(s.las));
    if (args.raw)
      std::printf("Words  %6.2f\nSents  %6.2f\n", s.f1(s.aligned),
                  s.gold_sentences + s.system_sentences
                      ? 100.0 * 2 * s.sentences_matched / (s.gold_sentences + s.system_sentences)
                      : 0.0);
    std::printf("(%zu gold words, %zu system words, %.0f words/s)\n", s.gold_words, s.system_words,
                words_per_s);
  }
  return 0;
}

}  // namespace

void add_eval_syntax(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<EvalSyntaxArgs>();
  auto* cmd = eval.add_subcommand(
      "syntax",
      "UPOS, XPOS, UFeats, Lemma, UAS and LAS against CoNLL-U gold (CoNLL 2018 definitions;\n"
      "LAS ignores relation subtypes). With --raw, casus segments the text of the `# text`\n"
      "lines itself and words are aligned by character span.\n\n"
      "Examples:\n"
      "  casus eval syntax --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu --json\n"
      "  casus eval syntax --gold en_ewt-ud-dev.conllu --raw");
  cmd->add_option("--gold", args->gold, "Gold CoNLL-U file(s)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--model", args->model,
                  "Model file (default: models/syntax.bin, else ../models/ next to the binary)");
  cmd->add_option("--output", args->output, "Write the system analysis as CoNLL-U (gold tokens)");
  cmd->add_flag("--raw", args->raw, "Segment the raw text with casus instead of gold tokens");
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->callback([args, exit_code] { *exit_code = run_eval_syntax(*args); });
}

}  // namespace casus::cli
