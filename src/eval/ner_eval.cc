#include "eval/ner_eval.h"

#include <algorithm>
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
  // One document at a time ("# newdoc" comments): the names of its sentences go through
  // entities::harmonize_names as in the entities stage.
  std::vector<std::vector<std::string>> doc_tokens, doc_tags;
  std::vector<std::string> tokens, tags;
  auto end_sentence = [&] {
    if (tokens.empty()) return;
    doc_tokens.push_back(std::move(tokens));
    doc_tags.push_back(std::move(tags));
    tokens.clear();
    tags.clear();
  };
  auto end_document = [&] {
    end_sentence();
    std::vector<std::vector<std::string_view>> views(doc_tokens.size());
    std::vector<std::vector<entities::NamedSpan>> found(doc_tokens.size());
    for (size_t si = 0; si < doc_tokens.size(); ++si) {
      views[si].assign(doc_tokens[si].begin(), doc_tokens[si].end());
      model->recognize(views[si], ws, &found[si]);
    }
    entities::harmonize_names(views, &found);
    for (size_t si = 0; si < doc_tokens.size(); ++si) {
      const auto& tg = doc_tags[si];
      std::vector<TypedSpan> gold, sys;
      for (size_t i = 0; i < tg.size();) {
        const std::string& t = tg[i];
        if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I')) {
          ++i;
          continue;
        }
        const std::string type = t.substr(2);
        size_t j = i + 1;
        while (j < tg.size() && tg[j] == "I-" + type) ++j;
        if (type != "OTH") gold.push_back({uint32_t(i), uint32_t(j), type});
        i = j;
      }
      for (const auto& f : found[si])
        if (const char* t = uner_type(f.type)) sys.push_back({f.begin, f.end, t});
      score_sentence(gold, sys, scores);
      if (std::getenv("CASUS_NER_DEBUG")) {
        // Tab-separated: MISS/FALSE, type, span text, sentence.
        auto text = [&](uint32_t b, uint32_t e) {
          std::string r;
          for (uint32_t k = b; k < e; ++k) r += (k > b ? " " : "") + doc_tokens[si][k];
          return r;
        };
        const std::string sentence = text(0, static_cast<uint32_t>(doc_tokens[si].size()));
        for (const auto& g : gold)
          if (std::find(sys.begin(), sys.end(), g) == sys.end())
            std::fprintf(stderr, "MISS\t%s\t%s\t%s\n", g.type.c_str(),
                         text(g.begin, g.end).c_str(), sentence.c_str());
        for (const auto& p : sys)
          if (std::find(gold.begin(), gold.end(), p) == gold.end())
            std::fprintf(stderr, "FALSE\t%s\t%s\t%s\n", p.type.c_str(),
                         text(p.begin, p.end).c_str(), sentence.c_str());
      }
      scores->sentences++;
      scores->tokens += doc_tokens[si].size();
    }
    doc_tokens.clear();
    doc_tags.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) end_document();
      continue;
    }
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    const size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (b == std::string::npos) return Status::corrupt(path + ": malformed line: " + line);
    tokens.push_back(line.substr(a + 1, b - a - 1));
    tags.push_back(line.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
  }
  end_document();
  return Status::ok();
}

Status evaluate_ner_gum(const std::vector<std::string>& files, NerScores* scores) {
  const auto model = entities::NerModel::builtin();
  const auto gaz = entities::NerGazetteer::builtin();
  entities::NerWorkspace ws;
  for (const auto& f : files) {
    entities::GumDoc doc;
    if (Status st = entities::read_gum(f, &doc); !st.is_ok()) return st;
    std::vector<std::vector<TypedSpan>> gold(doc.sentences.size());
    for (const auto& n : entities::gum_named(doc, *gaz))
      gold[n.sentence].push_back({n.span.begin, n.span.end, entity_type_name(n.span.type)});
    std::vector<std::vector<std::string_view>> doc_views(doc.sentences.size());
    std::vector<std::vector<entities::NamedSpan>> doc_found(doc.sentences.size());
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      for (const auto& t : doc.sentences[s].tokens) doc_views[s].push_back(t.form);
      model->recognize(doc_views[s], ws, &doc_found[s]);
    }
    entities::harmonize_names(doc_views, &doc_found);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto& views = doc_views[s];
      const auto& found = doc_found[s];
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
