// casus_train_quote_cues: trains the cue scorer of the quotes stage (src/quotes/cue_model.h) on
// PolNeAR train and writes data/quotes/cue_model.tsv. Each verb of the processed articles is one
// example, positive when it lies inside a gold Cue span. An averaged perceptron; features with a
// averaged weight below W (default 0.5) in magnitude are dropped. See docs/quotes.md.
//
// usage: casus_train_quote_cues [--polnear DIR] [--epochs N] [--min-weight W] [--out FILE]
//   DIR defaults to <shared data>/polnear/data/train; FILE to data/quotes/cue_model.tsv.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "casus/engine.h"
#include "eval/eval.h"
#include "eval/quotes_eval.h"
#include "quote_training.h"
#include "quotes/cue_model.h"

namespace {

struct Example {
  std::vector<uint32_t> features;  // interned
  bool positive = false;
};

// A reported clause of the gold: one feature list per candidate end, and the gold one.
struct EndExample {
  std::vector<std::vector<uint32_t>> candidates;
  size_t gold = 0;
};

}  // namespace

int main(int argc, char** argv) {
  casus::tools::QuoteTrainingArgs args;
  args.out = "data/quotes/cue_model.tsv";
  args.min_weight = 0.5;
  std::vector<std::pair<std::string, std::string>> articles;
  const int rc =
      casus::tools::parse_quote_training(argc, argv, "casus_train_quote_cues", false, &args, &articles);
  if (rc != 0) return rc;
  const std::string& out = args.out;
  const int epochs = args.epochs;
  const double min_weight = args.min_weight;
  const casus::Engine engine;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> names;
  std::vector<Example> examples;
  std::vector<EndExample> ends;
  std::vector<std::string> feats;
  auto intern = [&](const std::vector<std::string>& fs) {
    std::vector<uint32_t> v;
    for (const std::string& f : fs) {
      auto [it, fresh] = ids.emplace(f, static_cast<uint32_t>(names.size()));
      if (fresh) names.push_back(f);
      v.push_back(it->second);
    }
    return v;
  };
  size_t used = 0;
  for (const auto& [txt, ann] : articles) {
    std::string text, annotation;
    if (!casus::eval::read_whole_file(txt, &text) ||
        !casus::eval::read_whole_file(ann, &annotation))
      continue;
    casus::Document doc;
    doc.format = "text";
    doc.text = text;
    engine.process(doc);
    if (doc.text != text || doc.syntax.size() != doc.tokens.size()) continue;  // offsets unusable
    ++used;
    std::vector<bool> cue_token(doc.tokens.size(), false);
    const auto gold = casus::eval::read_polnear_attributions(annotation, doc);
    for (const auto& a : gold)
      for (auto [b, e] : a.cue)
        for (uint32_t t = b; t < e; ++t) cue_token[t] = true;
    const casus::quotes::CueFeatures fx(doc);
    // Content ends: every gold Content fragment inside one sentence that does not open with a
    // quote mark (reported clauses); candidates are all ends up to the sentence end.
    for (const auto& a : gold)
      for (auto [b, e] : a.content) {
        const auto& tok = doc.tokens;
        const casus::Sentence& s = doc.sentences[tok[b].sentence];
        if (e > s.end_token || e <= b) continue;
        const std::string_view first = doc.slice(tok[b].span);
        if (first == "\"" || first == "\u201C" || first == "''" || first == "``" ||
            first == "\u2018" || first == "'")
          continue;
        uint32_t se = s.end_token;
        while (se > b + 1) {
          const std::string_view w = doc.slice(tok[se - 1].span);
          if (w != "." && w != "!" && w != "?" && w != ";") break;
          --se;
        }
        if (e > se) continue;
        EndExample ex;
        for (uint32_t c = b + 1; c <= se; ++c) {
          fx.extract_end(b, c, &feats);
          if (c == e) ex.gold = ex.candidates.size();
          ex.candidates.push_back(intern(feats));
        }
        ends.push_back(std::move(ex));
      }
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      if (!fx.candidate(t)) continue;
      fx.extract(t, &feats);
      Example ex;
      ex.positive = cue_token[t];
      for (const std::string& f : feats) {
        auto [it, fresh] = ids.emplace(f, static_cast<uint32_t>(names.size()));
        if (fresh) names.push_back(f);
        ex.features.push_back(it->second);
      }
      examples.push_back(std::move(ex));
    }
  }
  size_t pos = 0;
  for (const auto& e : examples) pos += e.positive;
  std::fprintf(stderr, "%zu articles, %zu verbs, %zu cues, %zu features\n", used, examples.size(),
               pos, names.size());
  // Averaged perceptron (the lazy-update form: w - u / c).
  std::vector<double> w(names.size(), 0), u(names.size(), 0);
  double c = 1;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(7);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0;
    for (size_t i : order) {
      const Example& ex = examples[i];
      double s = 0;
      for (uint32_t f : ex.features) s += w[f];
      const bool guess = s > 0;
      if (guess != ex.positive) {
        ++errors;
        const double y = ex.positive ? 1 : -1;
        for (uint32_t f : ex.features) {
          w[f] += y;
          u[f] += y * c;
        }
      }
      ++c;
    }
    std::fprintf(stderr, "epoch %d: %zu errors (%.2f%%)\n", epoch + 1, errors,
                 100.0 * errors / std::max<size_t>(1, examples.size()));
  }
  // Content ends: an averaged ranking perceptron over the candidate ends of each clause.
  for (auto* set : {&ends}) {
    const char* prefix = "E:";
    std::vector<double> we(names.size(), 0), ue(names.size(), 0);
    double ce = 1;
    std::vector<size_t> eo(set->size());
    for (size_t i = 0; i < eo.size(); ++i) eo[i] = i;
    for (int epoch = 0; epoch < epochs; ++epoch) {
      std::shuffle(eo.begin(), eo.end(), rng);
      size_t errors = 0;
      for (size_t i : eo) {
        const EndExample& ex = (*set)[i];
        size_t best = 0;
        double best_s = -1e300;
        for (size_t k = 0; k < ex.candidates.size(); ++k) {
          double s = 0;
          for (uint32_t f : ex.candidates[k]) s += we[f];
          if (s > best_s) best_s = s, best = k;
        }
        if (best != ex.gold) {
          ++errors;
          for (uint32_t f : ex.candidates[ex.gold]) we[f] += 1, ue[f] += ce;
          for (uint32_t f : ex.candidates[best]) we[f] -= 1, ue[f] -= ce;
        }
        ++ce;
      }
      std::fprintf(stderr, "%s epoch %d: %zu of %zu wrong\n", prefix, epoch + 1, errors,
                   set->size());
    }
    for (size_t f = 0; f < names.size(); ++f)
      if (names[f].starts_with(prefix)) w[f] = we[f], u[f] = ue[f] * (c / ce);
  }
  std::map<std::string, double> model;
  for (size_t f = 0; f < names.size(); ++f) {
    const double avg = w[f] - u[f] / c;
    if (std::fabs(avg) >= min_weight) model[names[f]] = avg;
  }
  std::ofstream o(out, std::ios::binary);
  if (!o) {
    std::cerr << "casus_train_quote_cues: cannot write " << out << "\n";
    return 1;
  }
  o << "# casus quote cue model 1: averaged perceptron over verb features "
       "(src/quotes/cue_model.cc), trained on PolNeAR train by tools/train_quote_cues.cc\n";
  char buf[32];
  for (const auto& [name, weight] : model) {
    std::snprintf(buf, sizeof buf, "%.3f", weight);
    o << name << '\t' << buf << '\n';
  }
  std::fprintf(stderr, "wrote %zu weights to %s\n", model.size(), out.c_str());
  return 0;
}
