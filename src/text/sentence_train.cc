// Training of the sentence-boundary classifier (averaged perceptron). See sentence_model.h.
#include <algorithm>
#include <array>
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
  GapFeaturizer fz;
  for (const auto& d : docs) {
    const Prepared p = prepare_doc(d);
    std::vector<uint32_t> ends;
    for (const auto& s : d.sentences) ends.push_back(s.second);
    for (const auto& [pb, pe] : p.paragraphs) {
      breaks.assign(pe - pb, 0);
      model.split(d.text, p.toks.data() + pb, pe - pb, breaks.data());
      // How the gap was decided: "model", "rule" (fixed by rule) or "none" (not a candidate).
      fz.reset(d.text, p.toks.data() + pb, pe - pb);
      auto kind = [&](size_t g) {
        size_t len = 1;
        for (size_t q = g; q > 0 && !breaks[q - 1]; --q) ++len;
        const bool r = fz.rule(g);
        if (!fz.candidate(g, r)) return "none";
        return fz.fixed(g, r, len) >= 0 ? "rule" : "model";
      };
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
        std::fprintf(out, "%s\t%s\t%s\n", gold ? "MISS" : "SPURIOUS", kind(i - pb), ctx.c_str());
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
  std::vector<uint32_t> order(paras.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
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

  // Dev F1 of every (epoch, threshold step) and the averaged weights of every epoch. The model
  // kept is the one whose dev F1, averaged with the same threshold step at the epochs before and
  // after it, is highest: a single epoch's peak on the small dev sets is mostly noise.
  constexpr int kSteps = 9;  // threshold steps -4..4
  const int smooth = options.smooth_epochs;
  std::vector<std::vector<float>> avgs;
  std::vector<float> max_abs_of;
  std::vector<std::array<double, kSteps>> dev_f1;
  std::vector<std::array<std::string, kSteps>> dev_parts;
  std::vector<float> avg(entries);
  // One averaged perceptron per member, each on its own paragraph order (seed, seed + 1, ...),
  // trained in lockstep; after each epoch their averaged weights are averaged into one table.
  // A linear ensemble costs nothing at inference and varies far less with the order than a
  // single perceptron (one seed to the next moves EWT dev F1 by up to 0.7).
  struct Member {
    std::vector<float> w;
    std::vector<double> u;  // sum of c * update, for averaging
    double c = 1;
    std::mt19937 rng;
    std::vector<uint32_t> order;
  };
  std::vector<Member> members(static_cast<size_t>(std::max(1, options.ensemble)));
  for (size_t k = 0; k < members.size(); ++k) {
    members[k].w.assign(entries, 0.0f);
    members[k].u.assign(entries, 0.0);
    members[k].rng.seed(options.seed + static_cast<uint32_t>(k));
    members[k].order = order;
  }
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    size_t errors = 0;
    std::fill(avg.begin(), avg.end(), 0.0f);
    for (Member& mb : members) {
      std::vector<float>& w = mb.w;
      std::vector<double>& u = mb.u;
      double& c = mb.c;
      for (size_t k = mb.order.size(); k > 1; --k)
        std::swap(mb.order[k - 1], mb.order[mb.rng() % k]);
      for (uint32_t pi : mb.order) {
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
      const float share = 1.0f / static_cast<float>(members.size());
      for (size_t k = 0; k < entries; ++k) avg[k] += static_cast<float>(w[k] - u[k] / c) * share;
    }
    // Decision threshold: the best of a few around 0, in units of the largest weight.
    float max_abs = 0;
    for (float x : avg) max_abs = std::max(max_abs, std::fabs(x));
    dev_f1.emplace_back();
    dev_parts.emplace_back();
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
      dev_f1.back()[t + 4] = mean;
      dev_parts.back()[t + 4] = parts;
    }
    // The weights of every epoch that may be kept (2^bits floats each).
    avgs.push_back(options.only_epoch <= 0 || options.only_epoch == epoch ? avg
                                                                          : std::vector<float>());
    max_abs_of.push_back(max_abs);
  }
  const int epochs = static_cast<int>(dev_f1.size());
  if (options.only_epoch > epochs) return SentenceModel();
  double best_score = -1;
  int best_e = 0, best_t = 0;
  for (int e = 0; e < epochs; ++e) {
    if (options.only_epoch > 0 && e + 1 != options.only_epoch) continue;
    for (int t = 0; t < kSteps; ++t) {
      double sum = 0;
      int n = 0;
      for (int d = std::max(0, e - smooth); d <= std::min(epochs - 1, e + smooth); ++d, ++n)
        sum += dev_f1[d][t];
      const double score = sum / n;
      if (score > best_score + 1e-9) {
        best_score = score;
        best_e = e;
        best_t = t;
      }
    }
  }
  const float threshold = max_abs_of[best_e] * 0.05f * static_cast<float>(best_t - 4);
  SentenceModel best = SentenceModel::from_float(avgs[best_e], options.bits, threshold);
  if (options.verbose) {
    std::fprintf(
        stderr, "best: epoch %d, threshold %.3f, dev F1%s, mean %.3f (%.3f over epochs %d..%d)\n",
        best_e + 1, best.threshold(), dev_parts[best_e][best_t].c_str(), dev_f1[best_e][best_t],
        best_score, std::max(1, best_e + 1 - smooth), std::min(epochs, best_e + 1 + smooth));
  }
  return best;
}

}  // namespace casus::text
