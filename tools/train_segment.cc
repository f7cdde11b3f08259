// casus_train_segment: trains the sentence-boundary classifier of the text stage
// (src/text/sentence_model.h) and writes data/text/sentence_model.bin, which the next build
// compiles into casus.
//
// Training data: UD English EWT train + the GUM documents of the train split; the last epoch is
// kept (or, with --epoch 0, the best on dev) and the decision threshold is tuned on EWT dev + the
// GUM dev documents. --cv K cross-validates on the training documents instead. The GUM split
// comes from gum/splits.md (documents listed under dev, test or test2 are never trained on).
// EWT test and the GUM test documents are not read. Raw text is rebuilt exactly as
// `casus eval segment` rebuilds it (eval/segment_gold.h). Deterministic: fixed seed and order.
//
// Run from the project root:
//   nice -n 10 build/tools/casus_train_segment --out data/text/sentence_model.bin
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "casus/document.h"
#include "eval/eval.h"
#include "eval/segment_gold.h"
#include "text/sentence_model.h"
#include "text/text.h"

namespace {

using casus::Status;
using casus::text::SentenceTrainingDoc;

// Document names listed under the given "## section" headers of GUM's splits.md.
std::set<std::string> split_names(const std::string& path, const std::set<std::string>& sections) {
  std::set<std::string> names;
  std::ifstream in(path);
  std::string line;
  bool on = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      on = sections.count(line.substr(3)) > 0;
      continue;
    }
    const size_t star = line.find("* ");
    if (on && star != std::string::npos) {
      std::string name = line.substr(star + 2);
      while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
      names.insert(name);
    }
  }
  return names;
}

Status add_file(const std::string& path, std::vector<SentenceTrainingDoc>* out) {
  std::vector<casus::eval::GoldDocument> gold;
  if (Status st = casus::eval::read_conllu_documents(path, &gold); !st.is_ok()) return st;
  for (const auto& g : gold) {
    casus::Document doc;
    doc.text = casus::eval::rebuild_text(g);
    casus::text::prepare(doc);
    std::vector<casus::Span> tokens, sentences;
    if (Status st = casus::eval::locate_gold(path, g, doc.text, &tokens, &sentences); !st.is_ok())
      return st;
    SentenceTrainingDoc d;
    d.text = std::move(doc.text);
    for (const auto& s : sentences) d.sentences.emplace_back(s.begin, s.end);
    out->push_back(std::move(d));
  }
  return Status::ok();
}

int usage() {
  std::cerr << "usage: casus_train_segment [--out FILE] [--data DIR] [--epochs N] [--bits B] "
               "[--seed S] [--min-count C] [--quiet]\n"
               "  --out     model file to write (default data/text/sentence_model.bin)\n"
               "  --data    shared data folder (default: $CASUS_DATA or ../shared/data)\n"
               "  --epochs  epochs to train (default 20)\n"
               "  --bits    weight table size 2^bits (default 16)\n"
               "  --seed    shuffling seed (default 1)\n"
               "  --ensemble N  perceptrons averaged into the model, seeds S..S+N-1 (default 5)\n"
               "  --min-count  features seen fewer times in training get no weight (default 2)\n"
               "  --smooth N  choose the epoch by dev F1 averaged over +-N epochs (default 1)\n"
               "  --epoch E   keep epoch E <= --epochs (default: the last); 0: the best on dev,\n"
               "              by dev F1 averaged over neighbouring epochs (--smooth)\n"
               "  --cv K    train nothing: K-fold cross-validation on the training documents\n"
               "  --cv-errors  with --cv: print each fold's errors on its held-out documents\n"
               "  --errors-of MODEL  train nothing: print the dev errors of MODEL to stdout\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out = "data/text/sentence_model.bin", data, errors_of;
  int cv = 0, epoch_choice = -1;
  bool cv_errors = false;
  casus::text::SentenceTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--cv-errors") {
      cv_errors = true;
      continue;
    }
    if (a == "--quiet") {
      options.verbose = false;
      continue;
    }
    if (a == "-h" || a == "--help") return usage();
    if (!(v = value())) return usage();
    if (a == "--out") out = v;
    else if (a == "--data") data = v;
    else if (a == "--errors-of") errors_of = v;
    else if (a == "--epochs") options.epochs = std::atoi(v);
    else if (a == "--bits") options.bits = static_cast<uint32_t>(std::atoi(v));
    else if (a == "--min-count") options.min_count = static_cast<uint32_t>(std::atoi(v));
    else if (a == "--cv") cv = std::atoi(v);
    else if (a == "--smooth") options.smooth_epochs = std::atoi(v);
    else if (a == "--ensemble") options.ensemble = std::atoi(v);
    else if (a == "--epoch") epoch_choice = std::atoi(v);
    else if (a == "--seed") options.seed = static_cast<uint32_t>(std::strtoul(v, nullptr, 10));
    else return usage();
  }
  if (options.bits < 8 || options.bits > 24 || options.epochs < 1) return usage();
  // The last epoch by default: 5-fold cross-validation on the training documents gives the same
  // held-out F1 from epoch 2 to 30 (within 0.2), so the peaks of the small dev sets are noise.
  options.only_epoch = epoch_choice < 0 ? options.epochs : epoch_choice;
  if (options.only_epoch > options.epochs) return usage();
  if (data.empty()) data = casus::eval::find_shared_data();
  if (data.empty()) {
    std::cerr << "casus_train_segment: no shared data folder (use --data or CASUS_DATA)\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const std::string splits = data + "/gum/splits.md";
  const auto held_out = split_names(splits, {"dev", "test", "test2"});
  const auto gum_dev = split_names(splits, {"dev"});
  if (held_out.empty()) {
    std::cerr << "casus_train_segment: no GUM split in " << splits << "\n";
    return 1;
  }
  std::vector<std::string> gum_train_files, gum_dev_files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(data + "/gum/dep", ec)) {
    if (e.path().extension() != ".conllu") continue;
    const std::string name = e.path().stem().string();
    if (gum_dev.count(name)) gum_dev_files.push_back(e.path().string());
    else if (!held_out.count(name)) gum_train_files.push_back(e.path().string());
  }
  std::sort(gum_train_files.begin(), gum_train_files.end());
  std::sort(gum_dev_files.begin(), gum_dev_files.end());

  std::vector<SentenceTrainingDoc> train, ewt_dev, gum_dev_docs;
  std::vector<std::string> train_files = {data + "/ud-english-ewt/en_ewt-ud-train.conllu"};
  train_files.insert(train_files.end(), gum_train_files.begin(), gum_train_files.end());
  size_t gum_train_count = 0;
  for (const auto& f : train_files) {
    const size_t before = train.size();
    if (Status st = add_file(f, &train); !st.is_ok()) {
      std::cerr << "casus_train_segment: " << st.message() << "\n";
      return 1;
    }
    if (f != train_files.front()) gum_train_count += train.size() - before;
  }
  if (Status st = add_file(data + "/ud-english-ewt/en_ewt-ud-dev.conllu", &ewt_dev); !st.is_ok()) {
    std::cerr << "casus_train_segment: " << st.message() << "\n";
    return 1;
  }
  for (const auto& f : gum_dev_files) {
    if (Status st = add_file(f, &gum_dev_docs); !st.is_ok()) {
      std::cerr << "casus_train_segment: " << st.message() << "\n";
      return 1;
    }
  }
  if (!errors_of.empty()) {
    std::ifstream in(errors_of, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    casus::text::SentenceModel model;
    if (Status st = casus::text::SentenceModel::parse(bytes, &model); !st.is_ok()) {
      std::cerr << "casus_train_segment: " << errors_of << ": " << st.message() << "\n";
      return 1;
    }
    std::printf("# EWT dev\n");
    casus::text::write_sentence_errors(model, ewt_dev, stdout);
    std::printf("# GUM dev\n");
    casus::text::write_sentence_errors(model, gum_dev_docs, stdout);
    return 0;
  }
  if (cv > 1) {
    // K-fold cross-validation over the training documents (EWT and GUM documents each dealt
    // round-robin into the folds); the dev sets are left out. Each fold's model chooses its
    // threshold (and, with --epoch 0, its epoch) on its held-out documents, so the mean held-out
    // F1 printed (EWT part, GUM part, mean) is slightly optimistic: for comparing changes.
    const size_t ewt_count = train.size() - gum_train_count;
    double sum_e = 0, sum_g = 0;
    auto quiet = options;
    quiet.verbose = false;
    for (int f = 0; f < cv; ++f) {
      std::vector<SentenceTrainingDoc> tr, he, hg;
      for (size_t k = 0; k < train.size(); ++k) {
        const bool gum = k >= ewt_count;
        const size_t idx = gum ? k - ewt_count : k;
        if (static_cast<int>(idx % cv) != f) tr.push_back(train[k]);
        else (gum ? hg : he).push_back(train[k]);
      }
      const auto model = casus::text::train_sentence_model(tr, {he, hg}, quiet);
      const double e = casus::text::score_sentence_model(model, he).f1();
      const double g = casus::text::score_sentence_model(model, hg).f1();
      std::fprintf(stderr, "fold %d: EWT %.2f GUM %.2f\n", f, e, g);
      if (cv_errors) {
        std::printf("# fold %d EWT\n", f);
        casus::text::write_sentence_errors(model, he, stdout);
        std::printf("# fold %d GUM\n", f);
        casus::text::write_sentence_errors(model, hg, stdout);
      }
      sum_e += e / cv;
      sum_g += g / cv;
    }
    std::printf("cv %d: EWT %.3f GUM %.3f mean %.3f\n", cv, sum_e, sum_g, (sum_e + sum_g) / 2);
    return 0;
  }
  std::fprintf(stderr, "train: EWT train + %zu GUM train documents; dev: EWT dev, %zu GUM dev "
               "documents\n", gum_train_files.size(), gum_dev_files.size());
  const casus::text::SentenceModel model =
      casus::text::train_sentence_model(train, {ewt_dev, gum_dev_docs}, options);
  const std::string bytes = model.serialize();
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) {
    std::cerr << "casus_train_segment: cannot write " << out << "\n";
    return 1;
  }
  std::fprintf(stderr, "wrote %s (%zu bytes, hash %016llx); rebuild casus to use it\n", out.c_str(),
               bytes.size(), static_cast<unsigned long long>(model.hash()));
  return 0;
}
