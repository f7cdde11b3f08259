// Training of the sentence-boundary classifier (averaged perceptron). See sentence_model.h.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "text/sentence_model.h"
#include "text/tokenizer.h"

namespace casus::text {
namespace {

// One document tokenized and cut into paragraphs, as segment() does.
struct Prepared {
  const SentenceTrainingDoc* doc = nullptr;
  std::vector<RawToken> toks;
  std::vector<std::pair<uint32_t, uint32_t>> paragraphs;  // token ranges [b, e)
};

Prepared prepare_doc(const SentenceTrainingDoc& d) {
  Prepared p;
  p.doc = &d;
  tokenize(d.text, &p.toks);
  const size_t n = p.toks.size();
  size_t pb = 0;
  while (pb < n) {
    size_t pe = pb + 1;
    while (pe < n && !(p.toks[pe].flags & kParagraphBreakBefore)) ++pe;
    p.paragraphs.emplace_back(static_cast<uint32_t>(pb), static_cast<uint32_t>(pe));
    pb = pe;
  }
  return p;
}

SentenceScore score_prepared(const SentenceModel& model, const std::vector<Prepared>& docs) {
  SentenceScore s;
  std::vector<uint8_t> breaks;
  std::vector<std::pair<uint32_t, uint32_t>> sys;
  for (const Prepared& p : docs) {
    sys.clear();
    for (const auto& [pb, pe] : p.paragraphs) {
      breaks.assign(pe - pb, 0);
      model.split(p.doc->text, p.toks.data() + pb, pe - pb, breaks.data());
      uint32_t sb = pb;
      for (uint32_t i = pb; i < pe; ++i) {
        if (!breaks[i - pb]) continue;
        sys.emplace_back(p.toks[sb].begin, p.toks[i].end);
        sb = i + 1;
      }
    }
    const auto& gold = p.doc->sentences;
    s.gold += gold.size();
    s.system += sys.size();
    size_t i = 0, j = 0;
    while (i < gold.size() && j < sys.size()) {
      if (gold[i] == sys[j]) {
        ++s.correct;
        ++i;
        ++j;
      } else if (gold[i] < sys[j]) {
        ++i;
      } else {
        ++j;
      }
    }
  }
  return s;
}

// A training paragraph: its tokens, the rule decisions and the gold breaks at its gaps.
struct Para {
  const Prepared* doc;
  uint32_t b, e;
  std::vector<uint8_t> rule, gold;
};

}  // namespace

SentenceScore score_sentence_model(const SentenceModel& model,
                                   const std::vector<SentenceTrainingDoc>& docs) {
  std::vector<Prepared> prepared;
  prepared.reserve(docs.size());
  for (const auto& d : docs) prepared.push_back(prepare_doc(d));
  return score_prepared(model, prepared);
}

void write_sentence_errors(const SentenceModel& model, const std::vector<SentenceTrainingDoc>& docs,
                           std::FILE* out) {
  std::vector<uint8_t> breaks;
  for (const auto& d : docs) {
    const Prepared p = prepare_doc(d);
    std::vector<uint32_t> ends;
    for (const auto& s : d.sentences) ends.push_back(s.second);
    for (const auto& [pb, pe] : p.paragraphs) {
      breaks.assign(pe - pb, 0);
      model.split(d.text, p.toks.data() + pb, pe - pb, breaks.data());
      for (uint32_t i = pb; i + 1 < pe; ++i) {
        const bool gold = std::binary_search(ends.begin(), ends.end(), p.toks[i].end);
        if (gold == (breaks[i - pb] != 0)) continue;
        std::string ctx;
        for (uint32_t k = (i >= pb + 8 ? i - 8 : pb); k < std::min(pe, i + 7); ++k) {
          if (k > pb && (p.toks[k].flags & kNewlineBefore)) ctx += " \\n";
          ctx += ' ';
          ctx.append(d.text, p.toks[k].begin, p.toks[k].end - p.toks[k].begin);
          if (k == i) ctx += " ||";
        }
        std::fprintf(out, "%s\t%s\n", gold ? "MISS" : "SPURIOUS", ctx.c_str());
      }
    }
  }
}

SentenceModel train_sentence_model(const std::vector<SentenceTrainingDoc>& train,
                                   const std::vector<std::vector<SentenceTrainingDoc>>& dev,
                                   const SentenceTrainOptions& options) {
  std::vector<Prepared> docs;
  docs.reserve(train.size());
  for (const auto& d : train) docs.push_back(prepare_doc(d));
  std::vector<std::vector<Prepared>> dev_docs(dev.size());
  for (size_t k = 0; k < dev.size(); ++k)
    for (const auto& d : dev[k]) dev_docs[k].push_back(prepare_doc(d));

  // Paragraphs with their gold breaks: a gap is a gold break when a gold sentence ends at the
  // end of the token before it.
  std::vector<Para> paras;
  GapFeaturizer fz;
  size_t gold_breaks = 0, unreachable = 0, gaps = 0, candidates = 0;
  for (const Prepared& p : docs) {
    std::vector<uint32_t> ends;
    for (const auto& s : p.doc->sentences) ends.push_back(s.second);
    for (const auto& [pb, pe] : p.paragraphs) {
      Para para{&p, pb, pe, {}, {}};
      const size_t n = pe - pb;
      para.rule.resize(n);
      para.gold.resize(n);
      fz.reset(p.doc->text, p.toks.data() + pb, n);
      for (size_t i = 0; i + 1 < n; ++i) {
        para.rule[i] = fz.rule(i) ? 1 : 0;
        para.gold[i] =
            std::binary_search(ends.begin(), ends.end(), p.toks[pb + i].end) ? 1 : 0;
        ++gaps;
        const bool cand = fz.candidate(i, para.rule[i]);
        candidates += cand;
        gold_breaks += para.gold[i];
        if (para.gold[i] && !cand) ++unreachable;
      }
      paras.push_back(std::move(para));
    }
  }
  if (options.verbose) {
    std::fprintf(stderr,
                 "train: %zu documents, %zu paragraphs, %zu gaps, %zu candidates, %zu gold breaks "
                 "inside paragraphs (%zu not at a candidate gap)\n",
                 docs.size(), paras.size(), gaps, candidates, gold_breaks, unreachable);
  }

  const size_t entries = size_t{1} << options.bits;
  const uint32_t mask = static_cast<uint32_t>(entries - 1);
  std::vector<float> w(entries, 0.0f);
  std::vector<double> u(entries, 0.0);  // sum of c * update, for averaging
  double c = 1;
  std::vector<uint32_t> order(paras.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::mt19937 rng(options.seed);
  uint32_t idx[GapFeaturizer::kMaxFeatures];

  // Feature counts over the candidate gaps (with the gold history): rare features stay at 0.
  std::vector<uint8_t> seen(entries, 0);
  for (const Para& para : paras) {
    const size_t n = para.e - para.b;
    fz.reset(para.doc->doc->text, para.doc->toks.data() + para.b, n);
    size_t len = 1;
    for (size_t i = 0; i + 1 < n; ++i, ++len) {
      if (fz.candidate(i, para.rule[i])) {
        const size_t m = fz.features(i, para.rule[i], len, mask, idx);
        for (size_t f = 0; f < m; ++f)
          if (seen[idx[f]] < 255) ++seen[idx[f]];
      }
      if (para.gold[i]) len = 0;
    }
  }
  std::vector<uint8_t> active(entries);
  for (size_t k = 0; k < entries; ++k) active[k] = seen[k] >= options.min_count ? 1 : 0;

  SentenceModel best;
  double best_f1 = -1;
  int best_epoch = 0;
  std::vector<float> avg(entries);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    size_t errors = 0;
    for (uint32_t pi : order) {
      const Para& para = paras[pi];
      const size_t n = para.e - para.b;
      fz.reset(para.doc->doc->text, para.doc->toks.data() + para.b, n);
      size_t len = 1;
      for (size_t i = 0; i + 1 < n; ++i, ++len) {
        if (!fz.candidate(i, para.rule[i])) continue;
        if (const int fixed = fz.fixed(i, para.rule[i], len); fixed >= 0) {
          if (fixed == 1) len = 0;
          continue;
        }
        const size_t m = fz.features(i, para.rule[i], len, mask, idx);
        float score = 0;
        for (size_t f = 0; f < m; ++f) score += w[idx[f]];
        const bool predicted = score > 0;
        const bool gold = para.gold[i] != 0;
        if (predicted != gold) {
          ++errors;
          const float y = gold ? 1.0f : -1.0f;
          for (size_t f = 0; f < m; ++f) {
            if (!active[idx[f]]) continue;
            w[idx[f]] += y;
            u[idx[f]] += c * y;
          }
        }
        c += 1;
        // Greedy history, as at inference: the sentence length follows the model's decisions.
        if (predicted) len = 0;
      }
    }
    for (size_t k = 0; k < entries; ++k) avg[k] = static_cast<float>(w[k] - u[k] / c);
    // Decision threshold: the best of a few around 0, in units of the largest weight.
    float max_abs = 0;
    for (float x : avg) max_abs = std::max(max_abs, std::fabs(x));
    for (int t = -4; t <= 4; ++t) {
      const float threshold = max_abs * 0.05f * static_cast<float>(t);
      const SentenceModel model = SentenceModel::from_float(avg, options.bits, threshold);
      double mean = 0;
      std::string parts;
      for (const auto& dd : dev_docs) {
        const double f1 = score_prepared(model, dd).f1();
        mean += f1 / static_cast<double>(dev_docs.size());
        char buf[32];
        std::snprintf(buf, sizeof buf, " %.2f", f1);
        parts += buf;
      }
      if (options.verbose) {
        std::fprintf(stderr, "epoch %2d errors %6zu threshold %+d: dev F1%s mean %.3f\n", epoch,
                     errors, t, parts.c_str(), mean);
      }
      if (mean > best_f1 + 1e-9) {
        best_f1 = mean;
        best_epoch = epoch;
        best = model;
      }
    }
  }
  if (options.verbose) {
    std::fprintf(stderr, "best: epoch %d, threshold %.3f, mean dev F1 %.3f\n", best_epoch,
                 best.threshold(), best_f1);
  }
  return best;
}

}  // namespace casus::text
