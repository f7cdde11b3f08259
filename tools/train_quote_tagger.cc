// casus_train_quote_tagger: trains the attribution tagger of the quotes stage
// (src/quotes/tagger.h) on PolNeAR train and writes data/quotes/tagger.tsv. Each sentence of the
// processed articles is one example with three gold BIO label layers (Cue, Source, Content of the
// first annotator's attributions; where spans of one role overlap, the longest is kept). The
// features include the output of the quotes rules (annotate_rules, with the cue scorer compiled
// into this build), so retrain after casus_train_quote_cues and a rebuild. A structured averaged
// perceptron (Viterbi per layer), deterministic: sentences shuffled with a fixed seed. Features
// whose averaged weights all stay below W (default 10; the weights of a feature are in the tens) in magnitude are dropped. docs/quotes.md.
//
// usage: casus_train_quote_tagger [--polnear DIR] [--epochs N] [--min-weight W] [--seed S]
//                                 [--out FILE]
//   DIR defaults to <shared data>/polnear/data/train; FILE to data/quotes/tagger.tsv.
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
#include "quotes/quotes.h"
#include "quotes/tagger.h"

namespace {

using casus::quotes::kLayers;
using casus::quotes::kWeightsPerFeature;
constexpr uint32_t W = kWeightsPerFeature;

struct SentenceExample {
  std::vector<uint32_t> offsets;  // feature list of token i: feats[offsets[i], offsets[i+1])
  std::vector<uint32_t> feats;
  std::vector<uint8_t> gold[kLayers];
};

// Gold tags of one layer over the document: the fragments of that role, longest first, each kept
// when it overlaps none kept before.
std::vector<uint8_t> gold_tags(std::vector<std::pair<uint32_t, uint32_t>> frags, size_t n) {
  std::sort(frags.begin(), frags.end());
  frags.erase(std::unique(frags.begin(), frags.end()), frags.end());
  std::stable_sort(frags.begin(), frags.end(), [](const auto& a, const auto& b) {
    return a.second - a.first > b.second - b.first;
  });
  std::vector<uint8_t> tags(n, casus::quotes::kO);
  for (auto [b, e] : frags) {
    bool free = e <= n;
    for (uint32_t t = b; free && t < e; ++t) free = tags[t] == casus::quotes::kO;
    if (!free) continue;
    for (uint32_t t = b; t < e; ++t) tags[t] = t == b ? casus::quotes::kB : casus::quotes::kI;
  }
  return tags;
}

}  // namespace

int main(int argc, char** argv) {
  casus::tools::QuoteTrainingArgs args;
  args.out = "data/quotes/tagger.tsv";
  args.min_weight = 10;
  args.seed = 7;
  std::vector<std::pair<std::string, std::string>> articles;
  const int rc =
      casus::tools::parse_quote_training(argc, argv, "casus_train_quote_tagger", true, &args, &articles);
  if (rc != 0) return rc;
  const std::string& out = args.out;
  const int epochs = args.epochs;
  double min_weight = args.min_weight;  // set to 0 for the transition rows below
  const unsigned seed = args.seed;
  const casus::Engine engine;
  std::unordered_map<uint64_t, uint32_t> ids;
  std::vector<std::string> names;
  std::vector<SentenceExample> examples;
  std::vector<uint64_t> hashes;
  std::vector<std::string> fnames;
  size_t used = 0, tokens = 0, skipped = 0;
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
    std::vector<float> cue_scores;
    casus::quotes::annotate_rules(doc, &cue_scores);
    const auto gold = casus::eval::read_polnear_attributions(annotation, doc);
    const size_t n = doc.tokens.size();
    std::vector<std::pair<uint32_t, uint32_t>> frags[kLayers];
    for (const auto& a : gold) {
      for (auto r : a.cue) frags[casus::quotes::kCueLayer].push_back(r);
      for (auto r : a.source) frags[casus::quotes::kSourceLayer].push_back(r);
      for (auto r : a.content) frags[casus::quotes::kContentLayer].push_back(r);
    }
    std::vector<uint8_t> tags[kLayers];
    for (uint32_t l = 0; l < kLayers; ++l) tags[l] = gold_tags(frags[l], n);
    const casus::quotes::TaggerFeatures fx(doc, cue_scores);
    for (const casus::Sentence& s : doc.sentences) {
      if (!fx.worth_tagging(s)) {
        ++skipped;
        continue;
      }
      SentenceExample ex;
      ex.offsets.push_back(0);
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        fx.extract(t, &hashes, &fnames);
        for (size_t k = 0; k < hashes.size(); ++k) {
          auto [it, fresh] = ids.emplace(hashes[k], static_cast<uint32_t>(names.size()));
          if (fresh) names.push_back(fnames[k]);
          ex.feats.push_back(it->second);
        }
        ex.offsets.push_back(static_cast<uint32_t>(ex.feats.size()));
      }
      for (uint32_t l = 0; l < kLayers; ++l)
        ex.gold[l].assign(tags[l].begin() + s.first_token, tags[l].begin() + s.end_token);
      tokens += s.end_token - s.first_token;
      examples.push_back(std::move(ex));
    }
  }
  std::fprintf(stderr, "%zu articles, %zu sentences (%zu without cues left out), %zu tokens, %zu features\n",
               used, examples.size(), skipped, tokens, names.size());
  // Structured averaged perceptron; the lazy-update form of averaging (w - u / c).
  const size_t nf = names.size();
  std::vector<float> w(nf * W, 0);
  std::vector<double> u(nf * W, 0);
  float tw[4][W] = {};
  double tu[4][W] = {};
  double c = 1;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  std::vector<float> em, lem;
  std::vector<uint8_t> pred;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t wrong[kLayers] = {};
    for (size_t i : order) {
      const SentenceExample& ex = examples[i];
      const size_t len = ex.offsets.size() - 1;
      em.assign(len * W, 0.0f);
      for (size_t k = 0; k < len; ++k)
        for (uint32_t j = ex.offsets[k]; j < ex.offsets[k + 1]; ++j) {
          const float* row = &w[static_cast<size_t>(ex.feats[j]) * W];
          for (uint32_t m = 0; m < W; ++m) em[k * W + m] += row[m];
        }
      lem.resize(len * 3);
      pred.resize(len);
      for (uint32_t l = 0; l < kLayers; ++l) {
        float trans[4][3];
        for (int p = 0; p < 4; ++p)
          for (int q = 0; q < 3; ++q) trans[p][q] = tw[p][l * 3 + q];
        for (size_t k = 0; k < len; ++k)
          for (int q = 0; q < 3; ++q) lem[k * 3 + q] = em[k * W + l * 3 + q];
        casus::quotes::viterbi(lem.data(), len, trans, pred.data());
        const std::vector<uint8_t>& g = ex.gold[l];
        if (std::equal(pred.begin(), pred.end(), g.begin())) continue;
        ++wrong[l];
        for (size_t k = 0; k < len; ++k) {
          const int gp = k == 0 ? 3 : g[k - 1], pp = k == 0 ? 3 : pred[k - 1];
          tw[gp][l * 3 + g[k]] += 1;
          tu[gp][l * 3 + g[k]] += c;
          tw[pp][l * 3 + pred[k]] -= 1;
          tu[pp][l * 3 + pred[k]] -= c;
          if (g[k] == pred[k]) continue;
          for (uint32_t j = ex.offsets[k]; j < ex.offsets[k + 1]; ++j) {
            const size_t base = static_cast<size_t>(ex.feats[j]) * W + l * 3;
            w[base + g[k]] += 1;
            u[base + g[k]] += c;
            w[base + pred[k]] -= 1;
            u[base + pred[k]] -= c;
          }
        }
      }
      ++c;
    }
    std::fprintf(stderr, "epoch %d: wrong sentences cue %zu, source %zu, content %zu of %zu\n",
                 epoch + 1, wrong[0], wrong[1], wrong[2], examples.size());
  }
  std::ofstream o(out, std::ios::binary);
  if (!o) {
    std::cerr << "casus_train_quote_tagger: cannot write " << out << "\n";
    return 1;
  }
  o << "# casus quote tagger 1: structured averaged perceptron, 3 BIO layers (cue, source, "
       "content); weights per feature: cueB cueI cueO srcB srcI srcO contB contI contO. Trained "
       "on PolNeAR train by tools/train_quote_tagger.cc\n";
  char buf[32];
  auto line = [&](const std::string& name, const float* wr, const double* ur) {
    float avg[W];
    bool keep = false;
    for (uint32_t m = 0; m < W; ++m) {
      avg[m] = static_cast<float>(wr[m] - ur[m] / c);
      keep = keep || std::fabs(avg[m]) >= min_weight;
    }
    if (!keep) return false;
    o << name << '\t';
    for (uint32_t m = 0; m < W; ++m) {
      if (std::fabs(avg[m]) < 0.05f)
        o << (m ? " 0" : "0");
      else {
        std::snprintf(buf, sizeof buf, m ? " %.1f" : "%.1f", avg[m]);
        o << buf;
      }
    }
    o << '\n';
    return true;
  };
  const char* prev[] = {"B", "I", "O", "S"};
  for (int p = 0; p < 4; ++p) {
    const double saved = min_weight;
    min_weight = 0;
    line(std::string("~trans=") + prev[p], tw[p], tu[p]);
    min_weight = saved;
  }
  std::vector<size_t> idx(nf);
  for (size_t f = 0; f < nf; ++f) idx[f] = f;
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return names[a] < names[b]; });
  size_t kept = 0;
  for (size_t f : idx) kept += line(names[f], &w[f * W], &u[f * W]);
  std::fprintf(stderr, "wrote %zu features to %s\n", kept, out.c_str());
  return 0;
}
