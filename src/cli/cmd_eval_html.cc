// `casus eval html`: article body extraction on the Scrapinghub article extraction benchmark
// (see eval/html_eval.h for the data, the metric and the development / held-out split).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "eval/eval.h"
#include "eval/html_eval.h"

namespace casus::cli {
namespace {

struct EvalHtmlArgs {
  std::string dir;
  std::string split = "all";
  bool json = false;
  int errors = 0;
  bool show_text = false;
  std::string dump_dir;
};

void print_json(const eval::HtmlScores& s) {
  std::printf("\"f1\": %.2f, \"precision\": %.2f, \"recall\": %.2f, \"accuracy\": %.2f, "
              "\"pages\": %zu",
              s.f1, s.precision, s.recall, s.accuracy, s.pages);
}

void print_text(const char* name, const eval::HtmlScores& s) {
  std::printf("%-8s P %6.2f  R %6.2f  F1 %6.2f  accuracy %6.2f  (pages %zu)\n", name, s.precision,
              s.recall, s.f1, s.accuracy, s.pages);
}

// The development pages with the lowest per-page F1, worst first, to stderr. Held-out pages are
// never itemized, so that they stay unseen while the extractor is tuned.
void print_errors(const std::vector<eval::HtmlPageResult>& results, int n, bool show_text) {
  std::vector<const eval::HtmlPageResult*> dev;
  for (const auto& r : results)
    if (eval::in_html_split(r.id, eval::HtmlSplit::kDev)) dev.push_back(&r);
  auto f1 = [](const eval::HtmlPageResult* r) {
    const double p = r->match.precision(), q = r->match.recall();
    return p + q > 0 ? 2 * p * q / (p + q) : 0.0;
  };
  std::stable_sort(dev.begin(), dev.end(), [&](auto* a, auto* b) { return f1(a) < f1(b); });
  std::fprintf(stderr, "f1\tprecision\trecall\ttrue_tokens\tpredicted_tokens\tid\turl\n");
  for (int i = 0; i < n && i < static_cast<int>(dev.size()); ++i) {
    const auto* r = dev[static_cast<size_t>(i)];
    std::fprintf(stderr, "%.3f\t%.3f\t%.3f\t%zu\t%zu\t%s\t%s\n", f1(r), r->match.precision(),
                 r->match.recall(), r->true_tokens, r->predicted_tokens, r->id.c_str(),
                 r->url.c_str());
    if (show_text) std::fprintf(stderr, "----\n%s\n====\n", r->predicted.c_str());
  }
}

// Writes each development page's extracted body to DIR/<sha256>.txt (held-out pages never).
bool dump_dev_texts(const std::vector<eval::HtmlPageResult>& results, const std::string& dir) {
  for (const auto& r : results) {
    if (!eval::in_html_split(r.id, eval::HtmlSplit::kDev)) continue;
    std::ofstream out(dir + "/" + r.id + ".txt", std::ios::binary);
    out << r.predicted;
    if (!out) return false;
  }
  return true;
}

int run_eval_html(const EvalHtmlArgs& args) {
  std::string dir = args.dir;
  if (dir.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval html: no --dir given and no shared data folder found "
                   "(set CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    dir = data + "/html-articles";
  }
  const std::map<std::string, eval::HtmlSplit> splits{
      {"all", eval::HtmlSplit::kAll}, {"dev", eval::HtmlSplit::kDev},
      {"heldout", eval::HtmlSplit::kHeldout}};
  const eval::HtmlSplit split = splits.at(args.split);
  std::vector<eval::HtmlPageResult> results;
  const Status st = eval::evaluate_html(dir, split, &results);
  if (!st.is_ok()) {
    std::cerr << "casus eval html: " << st.message() << "\n";
    return 1;
  }
  double seconds = 0;
  for (const auto& r : results) seconds += r.seconds;
  const eval::HtmlScores all = eval::score_html(results, split);
  const eval::HtmlScores dev = eval::score_html(results, eval::HtmlSplit::kDev);
  const eval::HtmlScores held = eval::score_html(results, eval::HtmlSplit::kHeldout);
  if (args.json) {
    std::printf("{");
    print_json(all);
    std::printf(", \"split\": \"%s\", \"pages_per_second\": %.1f", args.split.c_str(),
                seconds > 0 ? static_cast<double>(results.size()) / seconds : 0.0);
    if (split == eval::HtmlSplit::kAll) {
      std::printf(", \"splits\": {\"dev\": {");
      print_json(dev);
      std::printf("}, \"heldout\": {");
      print_json(held);
      std::printf("}}");
    }
    std::printf("}\n");
  } else {
    if (split != eval::HtmlSplit::kHeldout) print_text("dev", dev);
    if (split != eval::HtmlSplit::kDev) print_text("heldout", held);
    if (split == eval::HtmlSplit::kAll) print_text("all", all);
    std::printf("extraction: %.1f pages/s (decode + parse + extract, one core)\n",
                seconds > 0 ? static_cast<double>(results.size()) / seconds : 0.0);
  }
  if (args.errors > 0) print_errors(results, args.errors, args.show_text);
  if (!args.dump_dir.empty() && !dump_dev_texts(results, args.dump_dir)) {
    std::cerr << "casus eval html: cannot write to " << args.dump_dir << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_eval_html(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<EvalHtmlArgs>();
  auto* cmd = eval.add_subcommand(
      "html",
      "Article body extraction from HTML on the Scrapinghub article extraction benchmark\n"
      "(html/<sha256>.html.gz + ground-truth.json): precision, recall and F1 of word 4-gram\n"
      "shingles averaged over pages, and the exact-match accuracy of the token sequence.\n"
      "Pages are split by the first hex digit of their sha256: dev (0-7), heldout (8-f).\n\n"
      "Examples:\n"
      "  casus eval html --json\n"
      "  casus eval html --split dev --errors 10 2> worst.tsv");
  cmd->add_option("--dir", args->dir,
                  "Benchmark folder; default: <shared data>/html-articles")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--split", args->split, "Pages to score: all (default), dev or heldout")
      ->check(CLI::IsMember({"all", "dev", "heldout"}));
  cmd->add_flag("--json", args->json, "Print one JSON object of metrics (percentages)");
  cmd->add_option("--errors", args->errors,
                  "Print the N development pages with the lowest F1 to stderr (TSV); held-out "
                  "pages are never listed");
  cmd->add_flag("--show-text", args->show_text, "With --errors: print each listed page's body too");
  cmd->add_option("--dump-dir", args->dump_dir,
                  "Write each development page's extracted body to DIR/<sha256>.txt (held-out "
                  "pages are never written)")
      ->check(CLI::ExistingDirectory);
  cmd->callback([args, exit_code] { *exit_code = run_eval_html(*args); });
}

}  // namespace casus::cli
