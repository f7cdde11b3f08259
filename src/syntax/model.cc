#include "syntax/model.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace casus::syntax {
namespace {

constexpr uint32_t kByteOrder = 0x01020304;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

std::string payload_of(const SyntaxModel& m) {
  ByteWriter w;
  w.put<uint32_t>(kFeatureVersion);
  w.put_strings(m.upos_);
  w.put_strings(m.xpos_);
  w.put_strings(m.labels_);
  w.put<uint32_t>(m.root_label_);
  w.put_string(m.description_);
  m.tagger_.save(w);
  m.tagger2_.save(w);
  m.parser_.save(w);
  m.lexicon_.save(w);
  m.clusters_.save(w);
  return std::move(w.data());
}

}  // namespace

std::string SyntaxModel::to_bytes() const {
  const std::string payload = payload_of(*this);
  ByteWriter w;
  w.data().append(kModelMagic, sizeof(kModelMagic));
  w.put<uint32_t>(kModelVersion);
  w.put<uint32_t>(kByteOrder);
  w.put<uint64_t>(payload.size());
  w.put<uint64_t>(fnv1a64(payload));
  w.data().append(payload);
  return std::move(w.data());
}

Status SyntaxModel::save(const std::string& path) const {
  const std::string bytes = to_bytes();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::io_error("cannot write " + path);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::io_error("error writing " + path);
  return Status::ok();
}

Status SyntaxModel::from_bytes(std::string_view file, std::shared_ptr<const SyntaxModel>* out) {
  if (file.size() < kHeaderSize || std::memcmp(file.data(), kModelMagic, 8) != 0)
    return Status::unsupported("not a casus syntax model (bad magic)");
  ByteReader h(file.substr(8, kHeaderSize - 8));
  const uint32_t version = h.get<uint32_t>();
  const uint32_t order = h.get<uint32_t>();
  const uint64_t size = h.get<uint64_t>();
  const uint64_t hash = h.get<uint64_t>();
  if (version < kOldestModelVersion || version > kModelVersion)
    return Status::unsupported("syntax model format version " + std::to_string(version) +
                               " is not supported (expected " +
                               std::to_string(kOldestModelVersion) + " to " +
                               std::to_string(kModelVersion) + ")");
  if (order != kByteOrder) return Status::unsupported("syntax model has another byte order");
  const std::string_view payload = file.substr(kHeaderSize);
  if (payload.size() != size) return Status::corrupt("syntax model is truncated or padded");
  if (fnv1a64(payload) != hash) return Status::corrupt("syntax model content hash mismatch");
  auto m = std::make_shared<SyntaxModel>();
  ByteReader r(payload);
  const uint32_t features = r.get<uint32_t>();
  if (features != kFeatureVersion)
    return Status::unsupported("syntax model uses feature set " + std::to_string(features) +
                               "; this casus needs feature set " + std::to_string(kFeatureVersion) +
                               " (retrain the model)");
  bool ok = r.get_strings(&m->upos_) && r.get_strings(&m->xpos_) && r.get_strings(&m->labels_);
  m->root_label_ = r.get<uint32_t>();
  m->description_ = r.get_string();
  ok = ok && r.ok() && m->tagger_.load(r) && m->tagger2_.load(r) && m->parser_.load(r) &&
       m->lexicon_.load(r, /*casing_table=*/version >= 2) && m->clusters_.load(r) && r.at_end();
  ok = ok && !m->upos_.empty() && m->upos_.size() == m->xpos_.size() && m->upos_.size() < 0xffff &&
       m->root_label_ < m->labels_.size() &&
       static_cast<size_t>(m->tagger_.num_classes()) == m->upos_.size() &&
       m->tagger2_.num_classes() == m->tagger_.num_classes() &&
       m->parser_.num_classes() == num_actions(static_cast<int>(m->labels_.size()));
  if (!ok) return Status::corrupt("syntax model payload is inconsistent");
  m->finalize();
  m->hash_ = hash;
  *out = std::move(m);
  return Status::ok();
}

Status SyntaxModel::load(const std::string& path, std::shared_ptr<const SyntaxModel>* out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::not_found("cannot open syntax model " + path);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::io_error("cannot read " + path);
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Status::io_error("cannot read " + path);
  Status st = from_bytes(bytes, out);
  if (!st.is_ok())
    return Status(st.code() == Status::Code::kCorrupt
                      ? Status::corrupt(path + ": " + st.message())
                      : Status::unsupported(path + ": " + st.message()));
  return st;
}

std::string SyntaxModel::default_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("CASUS_SYNTAX_MODEL"); env && *env) return env;
  if (fs::is_regular_file("models/syntax.bin", ec)) return "models/syntax.bin";
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n > 0) {
    exe[n] = '\0';
    const fs::path p = fs::path(exe).parent_path() / ".." / "models" / "syntax.bin";
    if (fs::is_regular_file(p, ec)) return p.lexically_normal().string();
  }
#ifdef CASUS_MODEL_DIR
  // The source tree this binary was built from (tests and benches run from the build tree).
  const fs::path built = fs::path(CASUS_MODEL_DIR) / "syntax.bin";
  if (fs::is_regular_file(built, ec)) return built.string();
#endif
  return "";
}

void SyntaxModel::finalize() {
  taggers_ = LinearModel::merge(tagger_, tagger2_);
  coarse_.clear();
  std::vector<std::string> seen;
  for (const auto& u : upos_) {
    auto it = std::find(seen.begin(), seen.end(), u);
    coarse_.push_back(static_cast<uint16_t>(it - seen.begin()));
    if (it == seen.end()) seen.push_back(u);
  }
  coarse_.push_back(static_cast<uint16_t>(seen.size()));
}

void SyntaxModel::prepare_words(std::span<const std::string_view> forms, Workspace& ws) const {
  ws.info.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    word_info(forms[i], &ws.info[i]);
    ws.info[i].cluster = clusters_.find(ws.info[i].lower);
  }
}

namespace {

// Index of the first largest of s[0..n) (what std::max_element returns), in two passes that
// the compiler vectorizes: the maximum, then its first position.
int first_max(const int32_t* s, int n) {
  int32_t best = s[0];
  for (int i = 1; i < n; ++i) best = std::max(best, s[i]);
  int i = 0;
  while (s[i] != best) ++i;
  return i;
}

}  // namespace

void SyntaxModel::tag(std::span<const std::string_view> forms, Workspace& ws,
                      std::vector<WordAnalysis>* out) const {
  const int n = static_cast<int>(forms.size());
  out->resize(forms.size());
  prepare_words(forms, ws);
  const int classes = tagger_.num_classes();
  // One probe per word-only feature serves both passes: the first pass keeps the second pass's
  // share of those scores for later. Scores are summed in place (add_scores), so the buffer
  // holds the merged model's padded width.
  const int both = taggers_.num_classes();
  const size_t width = taggers_.score_width();
  ws.scores.resize(std::max(width, parser_.score_width()));
  int32_t* scores = ws.scores.data();
  ws.first.resize(forms.size());
  ws.second.resize(forms.size() * static_cast<size_t>(classes));
  uint32_t t1 = kNoTag, t2 = kNoTag;
  for (int i = 0; i < n; ++i) {
    std::fill(scores, scores + width, 0);
    size_t k = tagger_static_features(ws.info.data(), n, i, ws.keys);
    taggers_.add_scores(ws.keys, k, scores);
    std::copy(scores + classes, scores + both, ws.second.begin() + static_cast<long>(i) * classes);
    k = tagger_history_features(ws.info.data(), n, i, t1, t2, nullptr, ws.keys);
    taggers_.add_scores(ws.keys, k, scores);
    const int best = first_max(scores, classes);
    ws.first[i] = static_cast<uint16_t>(best);
    t2 = t1;
    t1 = static_cast<uint32_t>(best);
  }
  t1 = kNoTag, t2 = kNoTag;
  for (int i = 0; i < n; ++i) {
    // The first pass's classes [0, classes) and the padding are summed too but never read.
    std::fill(scores, scores + classes, 0);
    std::copy(ws.second.begin() + static_cast<long>(i) * classes,
              ws.second.begin() + static_cast<long>(i + 1) * classes, scores + classes);
    const size_t k =
        tagger_history_features(ws.info.data(), n, i, t1, t2, ws.first.data(), ws.keys);
    taggers_.add_scores(ws.keys, k, scores);
    const int best = first_max(scores + classes, classes);
    (*out)[i].tag = static_cast<uint16_t>(best);
    t2 = t1;
    t1 = static_cast<uint32_t>(best);
  }
  for (int i = 0; i < n; ++i) {
    WordAnalysis& a = (*out)[i];
    a.lemma_rule = lexicon_.lemma_rule(forms[i], a.tag);
    a.feats = lexicon_.feats(forms[i], a.tag);
  }
}

void SyntaxModel::parse(std::span<const std::string_view> forms, Workspace& ws,
                        std::vector<WordAnalysis>* out) const {
  const int n = static_cast<int>(forms.size());
  if (n == 0) return;
  ws.words.resize(forms.size() + 1);
  ws.tags.resize(forms.size() + 1);
  ws.words[0] = 0x5bd1e995u;
  ws.tags[0] = static_cast<uint16_t>(upos_.size());
  ws.coarse.resize(forms.size() + 1);
  ws.coarse[0] = coarse_[upos_.size()];
  ws.clusters.resize(forms.size() + 1);
  ws.clusters[0] = 0xfffe;
  if (ws.info.size() != forms.size()) prepare_words(forms, ws);
  for (int i = 0; i < n; ++i) {
    ws.clusters[i + 1] = static_cast<uint16_t>(ws.info[i].cluster);
    ws.coarse[i + 1] = coarse_[(*out)[i].tag];
    ws.words[i + 1] = ws.info[i].lower;
    ws.tags[i + 1] = (*out)[i].tag;
  }
  const size_t width = parser_.score_width();
  ws.scores.resize(std::max(width, taggers_.score_width()));
  int32_t* scores = ws.scores.data();
  ParseState& st = ws.state;
  st.init(n);
  const int root = static_cast<int>(root_label_);
  const int labels = static_cast<int>(labels_.size());
  const NodeAttrs nodes{ws.words.data(), ws.tags.data(), ws.coarse.data(), ws.clusters.data()};
  ws.buffer_scores.resize(width);
  int buffer_scored = -1;
  constexpr int32_t kIllegal = INT32_MIN;  // below any sum of int16 weights of a few features
  while (!st.terminal()) {
    // Only one action is possible with the root alone on the stack (SHIFT) or with the buffer
    // empty and one word on the stack (RIGHT to the root): no scoring needed.
    if (st.stack.size() == 1) {
      st.apply(kShift);
      continue;
    }
    if (st.stack.size() == 2 && !st.can_shift()) {
      st.apply(right_action(root));
      continue;
    }
    // The buffer-only features are scored once per buffer position and reused until SHIFT.
    if (st.b != buffer_scored) {
      const size_t k = parser_features(st, nodes, ws.keys, ParserFeatures::kBufferOnly);
      std::fill(ws.buffer_scores.begin(), ws.buffer_scores.end(), 0);
      parser_.add_scores(ws.keys, k, ws.buffer_scores.data());
      buffer_scored = st.b;
    }
    std::copy(ws.buffer_scores.begin(), ws.buffer_scores.end(), scores);
    const size_t k = parser_features(st, nodes, ws.keys, ParserFeatures::kState);
    parser_.add_scores(ws.keys, k, scores);
    // Here the stack holds two or more words, and the buffer is not empty when it holds two.
    // Illegal actions get kIllegal; then the best action is the first with the top score in
    // the order SHIFT, LEFT(0..), RIGHT(0..) (ties go to the earlier one).
    const bool shift = st.can_shift();
    const bool right = st.stack.size() >= 3;
    if (!shift) {
      scores[kShift] = kIllegal;
      for (int l = 0; l < labels; ++l) scores[left_action(l)] = kIllegal;
    }
    if (!right)
      for (int l = 0; l < labels; ++l) scores[right_action(l)] = kIllegal;
    scores[left_action(root)] = kIllegal;
    scores[right_action(root)] = kIllegal;
    const int actions = num_actions(labels);
    int32_t top = scores[0];
    for (int a = 1; a < actions; ++a) top = std::max(top, scores[a]);
    int best = kShift;
    if (scores[kShift] != top) {
      int l = 0;
      while (l < labels && scores[left_action(l)] != top) ++l;
      if (l < labels) {
        best = left_action(l);
      } else {
        l = 0;
        while (l + 1 < labels && scores[right_action(l)] != top) ++l;
        best = right_action(l);
      }
    }
    st.apply(best);
  }
  for (int i = 0; i < n; ++i) {
    (*out)[i].head = static_cast<uint32_t>(st.head[i + 1]);
    (*out)[i].deprel = static_cast<uint16_t>(st.label[i + 1]);
  }
}

void SyntaxModel::annotate(std::span<const std::string_view> forms, Workspace& ws,
                           std::vector<WordAnalysis>* out) const {
  tag(forms, ws, out);
  parse(forms, ws, out);
}

}  // namespace casus::syntax
