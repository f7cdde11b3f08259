#include "eval/ner_eval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "entities/ner.h"
#include "entities/ner_gum.h"

namespace casus::eval {
namespace {

struct TypedSpan {
  uint32_t begin, end;
  std::string type;
  bool operator==(const TypedSpan&) const = default;
};

void score_sentence(const std::vector<TypedSpan>& gold, const std::vector<TypedSpan>& sys,
                    NerScores* s) {
  s->all.gold += gold.size();
  s->all.system += sys.size();
  for (const auto& g : gold) s->by_type[g.type].gold++;
  for (const auto& p : sys) {
    s->by_type[p.type].system++;
    if (std::find(gold.begin(), gold.end(), p) != gold.end()) {
      s->all.correct++;
      s->by_type[p.type].correct++;
    }
  }
}

const char* uner_type(EntityType t) {
  switch (t) {
    case EntityType::kPer: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe:
    case EntityType::kLoc:
    case EntityType::kFac: return "LOC";
    case EntityType::kNorp: return nullptr;
  }
  return nullptr;
}

}  // namespace

void NerScores::add(const NerScores& o) {
  all.add(o.all);
  for (const auto& [k, v] : o.by_type) by_type[k].add(v);
  sentences += o.sentences;
  tokens += o.tokens;
}

Status evaluate_ner_iob2(const std::string& path, NerScores* scores) {
  std::ifstream in(path);
  if (!in) return Status::io_error("cannot read " + path);
  const auto model = entities::NerModel::builtin();
  entities::NerWorkspace ws;
  std::vector<std::string> tokens, tags;
  std::vector<std::string_view> views;
  std::vector<entities::NamedSpan> found;
  auto flush = [&] {
    if (tokens.empty()) return;
    std::vector<TypedSpan> gold, sys;
    for (size_t i = 0; i < tags.size();) {
      const std::string& t = tags[i];
      if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I')) {
        ++i;
        continue;
      }
      const std::string type = t.substr(2);
      size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + type) ++j;
      if (type != "OTH") gold.push_back({uint32_t(i), uint32_t(j), type});
      i = j;
    }
    views.assign(tokens.begin(), tokens.end());
    found.clear();
    model->recognize(views, ws, &found);
    for (const auto& f : found)
      if (const char* t = uner_type(f.type)) sys.push_back({f.begin, f.end, t});
    score_sentence(gold, sys, scores);
    scores->sentences++;
    scores->tokens += tokens.size();
    tokens.clear();
    tags.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    const size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (b == std::string::npos) return Status::corrupt(path + ": malformed line: " + line);
    tokens.push_back(line.substr(a + 1, b - a - 1));
    tags.push_back(line.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
  }
  flush();
  return Status::ok();
}

Status evaluate_ner_gum(const std::vector<std::string>& files, NerScores* scores) {
  const auto model = entities::NerModel::builtin();
  const auto gaz = entities::NerGazetteer::builtin();
  entities::NerWorkspace ws;
  std::vector<std::string_view> views;
  std::vector<entities::NamedSpan> found;
  for (const auto& f : files) {
    entities::GumDoc doc;
    if (Status st = entities::read_gum(f, &doc); !st.is_ok()) return st;
    std::vector<std::vector<TypedSpan>> gold(doc.sentences.size());
    for (const auto& n : entities::gum_named(doc, *gaz))
      gold[n.sentence].push_back({n.span.begin, n.span.end, entity_type_name(n.span.type)});
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      views.clear();
      for (const auto& t : doc.sentences[s].tokens) views.push_back(t.form);
      found.clear();
      model->recognize(views, ws, &found);
      std::vector<TypedSpan> sys;
      for (const auto& x : found) sys.push_back({x.begin, x.end, entity_type_name(x.type)});
      score_sentence(gold[s], sys, scores);
      if (std::getenv("CASUS_NER_DEBUG") && !(gold[s] == sys)) {
        auto show = [&](const std::vector<TypedSpan>& v) {
          std::string r;
          for (const auto& x : v) {
            r += " [";
            for (uint32_t k = x.begin; k < x.end; ++k) r += (k > x.begin ? " " : "") + std::string(views[k]);
            r += "]/" + x.type;
          }
          return r;
        };
        std::fprintf(stderr, "GOLD%s\nSYS %s\n\n", show(gold[s]).c_str(), show(sys).c_str());
      }
      scores->sentences++;
      scores->tokens += views.size();
    }
  }
  return Status::ok();
}

}  // namespace casus::eval
