#include "syntax/train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <random>
#include <sstream>

#include "casus/document.h"
#include "syntax/conllu.h"
#include "syntax/features.h"
#include "syntax/linear.h"
#include "syntax/transition.h"
#include "text/text.h"

namespace casus::syntax {
namespace {

struct TrainSentence {
  std::vector<std::string> forms;
  std::vector<WordInfo> info;
  std::vector<uint64_t> words;  // per node, node 0 = root
  std::vector<uint16_t> gold_tags;
  std::vector<uint16_t> first;      // per word: jackknifed first-pass tags
  std::vector<uint16_t> pred_tags;  // filled by jackknifing
  std::vector<uint16_t> coarse;     // UPOS ids of pred_tags
  std::vector<uint16_t> clusters;   // per node
  std::vector<int> heads, labels;   // per node (index 0 unused)
  std::vector<int> proj_heads;
};

// Words (lower hashes) of every sentence of the unlabeled texts, in sorted file order.
Status read_unlabeled(const std::vector<std::string>& paths,
                      std::vector<std::vector<uint64_t>>* out, size_t* words) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file()) files.push_back(e.path().string());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      return Status::not_found("unlabeled text not found: " + p);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::io_error("cannot read " + f);
    std::ostringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.text = ss.str();
    text::prepare(doc);
    text::segment(doc);
    for (const auto& s : doc.sentences) {
      std::vector<uint64_t> sentence;
      for (uint32_t t = s.first_token; t < s.end_token; ++t)
        sentence.push_back(lower_hash(doc.slice(doc.tokens[t].span)));
      *words += sentence.size();
      out->push_back(std::move(sentence));
    }
  }
  return Status::ok();
}

// Deterministic Fisher-Yates with the 64-bit Mersenne twister (same order on every platform).
void shuffle(std::vector<uint32_t>* v, std::mt19937_64& rng) {
  for (size_t i = v->size(); i > 1; --i) {
    const size_t j = rng() % i;
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

class Interner {
 public:
  uint32_t id(const std::string& s) {
    auto [it, added] = ids_.emplace(s, static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(s);
    return it->second;
  }
  int find(const std::string& s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? -1 : static_cast<int>(it->second);
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
};

// Trains the first tagging pass, or the second (`second`: reads TrainSentence::first).
LinearModel train_tagger(const std::vector<TrainSentence>& data, const std::vector<uint32_t>& ids,
                         int classes, int epochs, uint64_t seed, bool second, float prune) {
  LinearTrainer trainer(classes);
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> order = ids;
  std::vector<float> scores(classes);
  uint64_t keys[kMaxTaggerFeatures];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    shuffle(&order, rng);
    for (uint32_t s : order) {
      const TrainSentence& sent = data[s];
      const int n = static_cast<int>(sent.forms.size());
      uint32_t t1 = kNoTag, t2 = kNoTag;
      for (int i = 0; i < n; ++i) {
        const size_t k = tagger_features(sent.info.data(), n, i, t1, t2,
                                         second ? sent.first.data() : nullptr, keys);
        trainer.score(keys, k, scores.data());
        const int pred =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const int gold = sent.gold_tags[i + 1];
        if (pred != gold) {
          trainer.update(gold, 1.0f);
          trainer.update(pred, -1.0f);
        }
        trainer.tick();
        t2 = t1;
        t1 = static_cast<uint32_t>(pred);
      }
    }
  }
  return trainer.compile(prune);
}

void tag_with(const SyntaxModel& m, TrainSentence* s, Workspace& ws,
              std::vector<WordAnalysis>& out) {
  std::vector<std::string_view> forms(s->forms.begin(), s->forms.end());
  m.tag(forms, ws, &out);
  s->first.assign(ws.first.begin(), ws.first.begin() + static_cast<long>(forms.size()));
  s->pred_tags.assign(forms.size() + 1, 0);
  s->pred_tags[0] = static_cast<uint16_t>(m.num_tags());
  for (size_t i = 0; i < forms.size(); ++i) s->pred_tags[i + 1] = out[i].tag;
}

struct DevScores {
  size_t words = 0, tags = 0, heads = 0, labeled = 0;
};

std::string label_base(const std::string& l) { return l.substr(0, l.find(':')); }

DevScores score_dev(const SyntaxModel& m, std::vector<TrainSentence>& dev) {
  DevScores sc;
  Workspace ws;
  std::vector<WordAnalysis> out;
  for (auto& s : dev) {
    std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
    m.annotate(forms, ws, &out);
    for (size_t i = 0; i < forms.size(); ++i) {
      ++sc.words;
      sc.tags += out[i].tag == s.gold_tags[i + 1];
      if (static_cast<int>(out[i].head) == s.heads[i + 1]) {
        ++sc.heads;
        if (s.labels[i + 1] >= 0 &&
            label_base(m.deprel(out[i].deprel)) == label_base(m.labels_[s.labels[i + 1]]))
          ++sc.labeled;
      }
    }
  }
  return sc;
}

std::string dev_line(const DevScores& d) {
  char buf[160];
  std::snprintf(buf, sizeof(buf), "; dev tags %.2f UAS %.2f LAS %.2f", 100.0 * d.tags / d.words,
                100.0 * d.heads / d.words, 100.0 * d.labeled / d.words);
  return buf;
}

// Trains one parser on `ids` of `train` (jackknifed tags in pred_tags/coarse) with the dynamic
// oracle and exploration; `seed` fixes the sentence orders and the exploration coin. After each
// epoch, `epoch_note(epoch, trainer)` may return text to append to the progress line.
template <typename Note, typename Log>
LinearTrainer train_parser(const std::vector<TrainSentence>& train,
                           const std::vector<uint32_t>& ids, const SyntaxModel& m,
                           const TrainOptions& opt, uint64_t seed, Note epoch_note, Log log) {
  const int num_labels = static_cast<int>(m.labels_.size());
  const int root = static_cast<int>(m.root_label_);
  const int classes = num_actions(num_labels);
  LinearTrainer trainer(classes);
  std::mt19937_64 rng(seed * 7919 + 17);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<uint32_t> order = ids;
  std::vector<float> scores(classes);
  std::vector<int> costs(classes);
  uint64_t keys[kMaxParserFeatures];
  ParseState st;
  GoldTree gold;
  NodeAttrs nodes{};
  for (int epoch = 0; epoch < opt.parser_epochs; ++epoch) {
    shuffle(&order, rng);
    size_t transitions = 0, errors = 0;
    for (uint32_t si : order) {
      const TrainSentence& s = train[si];
      const int n = static_cast<int>(s.forms.size());
      st.init(n);
      gold.build(s.proj_heads, s.labels);
      nodes = NodeAttrs{s.words.data(), s.pred_tags.data(), s.coarse.data(), s.clusters.data()};
      while (!st.terminal()) {
        const size_t k = parser_features(st, nodes, keys);
        trainer.score(keys, k, scores.data());
        // Costs of the valid actions (-1 = invalid).
        std::fill(costs.begin(), costs.end(), -1);
        if (st.can_shift()) costs[kShift] = action_cost(st, gold, kShift);
        if (st.can_left())
          for (int l = 0; l < num_labels; ++l)
            if (l != root) costs[left_action(l)] = action_cost(st, gold, left_action(l));
        if (st.can_right())
          for (int l = 0; l < num_labels; ++l)
            if (st.valid(right_action(l), root))
              costs[right_action(l)] = action_cost(st, gold, right_action(l));
        int pred = -1, best_gold = -1, min_cost = 1 << 30;
        for (int a = 0; a < classes; ++a)
          if (costs[a] >= 0) min_cost = std::min(min_cost, costs[a]);
        for (int a = 0; a < classes; ++a) {
          if (costs[a] < 0) continue;
          if (pred == -1 || scores[a] > scores[pred]) pred = a;
          if (costs[a] == min_cost && (best_gold == -1 || scores[a] > scores[best_gold]))
            best_gold = a;
        }
        ++transitions;
        int next = pred;
        if (costs[pred] > min_cost) {
          ++errors;
          trainer.update(best_gold, 1.0f);
          trainer.update(pred, -1.0f);
          if (!(epoch > 0 && coin(rng) < opt.explore)) next = best_gold;
        }
        trainer.tick();
        st.apply(next);
      }
    }
    log("parser epoch " + std::to_string(epoch + 1) + ": " +
        std::to_string(100.0 * errors / std::max<size_t>(transitions, 1)) +
        "% wrong transitions, " + std::to_string(trainer.num_features()) + " features" +
        epoch_note(epoch, trainer));
  }
  return trainer;
}

}  // namespace

Status train_syntax(const TrainOptions& opt, SyntaxModel* model) {
  const auto start = std::chrono::steady_clock::now();
  auto log = [&](const std::string& line) {
    if (opt.log)
      *opt.log << "[" << static_cast<int>(seconds_since(start)) << "s] " << line << std::endl;
  };
  std::vector<ConlluSentence> train_raw, dev_raw;
  for (const auto& f : opt.train_files) {
    Status st = read_conllu(f, &train_raw);
    if (!st.is_ok()) return st;
  }
  if (!opt.dev_file.empty()) {
    Status st = read_conllu(opt.dev_file, &dev_raw);
    if (!st.is_ok()) return st;
  }
  if (train_raw.empty()) return Status::invalid_argument("no training sentences");

  Interner tags, labels;
  labels.id("root");
  Lexicon::Builder lexicon;
  auto convert = [&](const ConlluSentence& cs, bool training, TrainSentence* s) {
    const size_t n = cs.words.size();
    s->forms.resize(n);
    s->info.resize(n);
    s->words.assign(n + 1, 0x5bd1e995u);
    s->gold_tags.assign(n + 1, 0xffff);
    s->heads.assign(n + 1, 0);
    s->labels.assign(n + 1, -1);
    for (size_t i = 0; i < n; ++i) {
      const ConlluWord& w = cs.words[i];
      s->forms[i] = w.form;
      word_info(w.form, &s->info[i]);
      s->words[i + 1] = s->info[i].lower;
      const std::string tag = w.upos + "\t" + w.xpos;
      if (training) {
        s->gold_tags[i + 1] = static_cast<uint16_t>(tags.id(tag));
        s->labels[i + 1] = static_cast<int>(labels.id(w.deprel));
        lexicon.add(w.form, s->gold_tags[i + 1], w.lemma, w.feats);
      } else {
        const int t = tags.find(tag);
        s->gold_tags[i + 1] = t < 0 ? 0xfffe : static_cast<uint16_t>(t);
        s->labels[i + 1] = labels.find(w.deprel);
      }
      s->heads[i + 1] = static_cast<int>(w.head);
    }
    s->proj_heads = s->heads;
    projectivize(&s->proj_heads);
  };
  std::vector<TrainSentence> train(train_raw.size()), dev(dev_raw.size());
  size_t train_words = 0, nonproj = 0;
  for (size_t i = 0; i < train_raw.size(); ++i) {
    convert(train_raw[i], true, &train[i]);
    train_words += train[i].forms.size();
    nonproj += train[i].proj_heads != train[i].heads;
  }
  for (size_t i = 0; i < dev_raw.size(); ++i) convert(dev_raw[i], false, &dev[i]);
  train_raw.clear();
  dev_raw.clear();
  log("read " + std::to_string(train.size()) + " training sentences (" +
      std::to_string(train_words) + " words, " + std::to_string(nonproj) +
      " lifted to projective), " + std::to_string(dev.size()) + " dev sentences; " +
      std::to_string(tags.names().size()) + " tags, " + std::to_string(labels.names().size()) +
      " labels");

  SyntaxModel& m = *model;
  m.upos_.clear();
  m.xpos_.clear();
  for (const auto& t : tags.names()) {
    const size_t tab = t.find('\t');
    m.upos_.push_back(t.substr(0, tab));
    m.xpos_.push_back(t.substr(tab + 1));
  }
  m.labels_ = labels.names();
  m.root_label_ = 0;
  m.lexicon_ = lexicon.build();
  const int num_tags = static_cast<int>(tags.names().size());

  // Word clusters from the training words and the unlabeled text.
  {
    if (!opt.clusters_from.empty()) {
      std::shared_ptr<const SyntaxModel> from;
      Status st = SyntaxModel::load(opt.clusters_from, &from);
      if (!st.is_ok()) return st;
      m.clusters_ = from->clusters_;
      log("clusters: " + std::to_string(m.clusters_.size()) + " words, copied from " +
          opt.clusters_from);
    } else {
      std::vector<std::vector<uint64_t>> corpus;
      size_t unlabeled_words = 0;
      Status st = read_unlabeled(opt.unlabeled, &corpus, &unlabeled_words);
      if (!st.is_ok()) return st;
      for (const auto& s : train) corpus.emplace_back(s.words.begin() + 1, s.words.end());
      m.clusters_ = WordClusters::learn(corpus, opt.clusters);
      log("clusters: " + std::to_string(m.clusters_.size()) + " words clustered from " +
          std::to_string(unlabeled_words) + " unlabeled + " + std::to_string(train_words) +
          " treebank words");
    }
    for (auto* set : {&train, &dev}) {
      for (auto& s : *set) {
        s.clusters.assign(s.words.size(), 0xfffe);
        for (size_t i = 0; i < s.info.size(); ++i) {
          s.info[i].cluster = m.clusters_.find(s.info[i].lower);
          s.clusters[i + 1] = static_cast<uint16_t>(s.info[i].cluster);
        }
      }
    }
  }

  // Taggers: the first pass on all data and on each fold's complement; the first-pass tags of
  // each fold (jackknifed) train the second pass, whose fold models in turn give the parser
  // realistic input tags.
  std::vector<uint32_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint32_t>(i);
  const int folds = std::max(2, opt.folds);
  auto fold_split = [&](int f, std::vector<uint32_t>* in, std::vector<uint32_t>* held) {
    for (uint32_t i : all) (static_cast<int>(i % folds) == f ? held : in)->push_back(i);
  };
  auto base_model = [&] {
    SyntaxModel fm;
    fm.upos_ = m.upos_;
    fm.xpos_ = m.xpos_;
    fm.lexicon_ = m.lexicon_;
    fm.clusters_ = m.clusters_;
    fm.tagger2_ = LinearModel::empty(num_tags);
    fm.finalize();
    return fm;
  };
  Workspace ws;
  std::vector<WordAnalysis> out;
  m.tagger_ =
      train_tagger(train, all, num_tags, opt.tagger_epochs, opt.seed, false, opt.tagger_prune);
  std::vector<LinearModel> first_folds;
  for (int f = 0; f < folds; ++f) {
    std::vector<uint32_t> in, held;
    fold_split(f, &in, &held);
    SyntaxModel fm = base_model();
    fm.tagger_ = train_tagger(train, in, num_tags, opt.tagger_epochs, opt.seed + 1 + f, false,
                              opt.tagger_prune);
    fm.finalize();
    for (uint32_t i : held) tag_with(fm, &train[i], ws, out);  // sets first (and pred_tags)
    first_folds.push_back(std::move(fm.tagger_));
    log("first tagging pass: fold " + std::to_string(f + 1) + "/" + std::to_string(folds));
  }
  m.tagger2_ =
      train_tagger(train, all, num_tags, opt.tagger_epochs, opt.seed + 100, true, opt.tagger_prune);
  m.finalize();
  {
    size_t dev_words = 0, dev_tags = 0, dev_upos = 0;
    Workspace dws;
    std::vector<WordAnalysis> dout;
    for (auto& s : dev) {
      std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
      m.tag(forms, dws, &dout);
      for (size_t i = 0; i < forms.size(); ++i) {
        ++dev_words;
        dev_tags += dout[i].tag == s.gold_tags[i + 1];
        dev_upos += s.gold_tags[i + 1] < m.upos_.size() &&
                    m.upos_[dout[i].tag] == m.upos_[s.gold_tags[i + 1]];
      }
    }
    char buf[200];
    std::snprintf(buf, sizeof(buf),
                  "taggers: %zu + %zu features, %zu + %zu weights; dev tags %.2f upos %.2f",
                  m.tagger_.num_features(), m.tagger2_.num_features(), m.tagger_.num_weights(),
                  m.tagger2_.num_weights(), 100.0 * dev_tags / std::max<size_t>(dev_words, 1),
                  100.0 * dev_upos / std::max<size_t>(dev_words, 1));
    log(buf);
  }
  for (int f = 0; f < folds; ++f) {
    std::vector<uint32_t> in, held;
    fold_split(f, &in, &held);
    SyntaxModel fm = base_model();
    fm.tagger_ = std::move(first_folds[f]);
    fm.tagger2_ = train_tagger(train, in, num_tags, opt.tagger_epochs, opt.seed + 101 + f, true,
                               opt.tagger_prune);
    fm.finalize();
    // Keep the jackknifed first-pass tags of the held sentences for nothing else: tag_with
    // overwrites `first` with the same values (the same first-pass fold model).
    for (uint32_t i : held) tag_with(fm, &train[i], ws, out);
    log("second tagging pass: fold " + std::to_string(f + 1) + "/" + std::to_string(folds));
  }
  size_t correct = 0;
  for (const auto& s : train)
    for (size_t i = 1; i < s.gold_tags.size(); ++i) correct += s.pred_tags[i] == s.gold_tags[i];
  for (auto& s : train) {
    s.coarse.resize(s.pred_tags.size());
    for (size_t i = 0; i < s.pred_tags.size(); ++i) s.coarse[i] = m.coarse_[s.pred_tags[i]];
  }
  log("jackknifed tag accuracy on train: " + std::to_string(100.0 * correct / train_words));

  // Parser: one averaged perceptron per parser seed, their weights averaged.
  const int num_labels = static_cast<int>(m.labels_.size());
  const int classes = num_actions(num_labels);
  const int seeds = std::max(1, opt.parser_seeds);
  WeightSum sum(classes);
  for (int r = 0; r < seeds; ++r) {
    const uint64_t seed = opt.seed + static_cast<uint64_t>(r) * 1000003u;
    auto dev_note = [&](int epoch, LinearTrainer& t) {
      if (dev.empty() || !(epoch + 1 == opt.parser_epochs || epoch >= 4)) return std::string();
      m.parser_ = t.compile(opt.prune);
      return dev_line(score_dev(m, dev));
    };
    LinearTrainer trainer = train_parser(train, all, m, opt, seed, dev_note, log);
    if (seeds == 1) {
      m.parser_ = trainer.compile(opt.prune);
      break;
    }
    sum.add(trainer, 1.0f / static_cast<float>(seeds));
    if (!dev.empty()) {
      // The partial sum holds (r + 1) / seeds of the average of the seeds so far.
      m.parser_ = sum.compile(opt.prune * static_cast<float>(r + 1) / static_cast<float>(seeds));
      log("parser average of " + std::to_string(r + 1) + " seeds:" + dev_line(score_dev(m, dev)));
    }
  }
  if (seeds > 1) m.parser_ = sum.compile(opt.prune);
  log("parser: " + std::to_string(m.parser_.num_features()) + " features, " +
      std::to_string(m.parser_.num_weights()) + " weights");
  char desc[256];
  std::snprintf(desc, sizeof(desc),
                "casus syntax model: %zu training sentences, seed %llu, tagger %d epochs, parser "
                "%d epochs, %d folds",
                train.size(), static_cast<unsigned long long>(opt.seed), opt.tagger_epochs,
                opt.parser_epochs, opt.folds);
  m.description_ = desc;
  return Status::ok();
}

}  // namespace casus::syntax
