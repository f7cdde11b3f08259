#include "eval/ner_eval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string_view>

#include "entities/ner.h"
#include "entities/ner_gum.h"
#include "entities/ner_iob2.h"

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

Status evaluate_ner_iob2(const std::string& path, NerScores* scores,
                         const NerEvalOptions& options) {
  std::vector<entities::Iob2Document> docs;
  if (Status st = entities::read_iob2(path, &docs); !st.is_ok()) return st;
  const auto builtin = options.model ? nullptr : entities::NerModel::builtin();
  const entities::NerModel& model = options.model ? *options.model : *builtin;
  entities::NerWorkspace ws;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (options.folds > 0 && static_cast<int>(d % options.folds) != options.fold) continue;
    const entities::Iob2Document& doc = docs[d];
    std::vector<std::vector<std::string_view>> views(doc.size());
    std::vector<std::vector<entities::NamedSpan>> found(doc.size());
    for (size_t si = 0; si < doc.size(); ++si) {
      views[si].assign(doc[si].tokens.begin(), doc[si].tokens.end());
      model.recognize(views[si], ws, &found[si]);
    }
    if (options.documents) entities::harmonize_names(views, &found);
    for (size_t si = 0; si < doc.size(); ++si) {
      std::vector<TypedSpan> gold, sys;
      for (const auto& g : entities::iob2_spans(doc[si]))
        if (g.type != "OTH") gold.push_back({g.begin, g.end, g.type});
      for (const auto& f : found[si])
        if (const char* t = uner_type(f.type)) sys.push_back({f.begin, f.end, t});
      score_sentence(gold, sys, scores);
      if (options.errors) {
        auto text = [&](uint32_t b, uint32_t e) {
          std::string r;
          for (uint32_t k = b; k < e; ++k) r += (k > b ? " " : "") + doc[si].tokens[k];
          return r;
        };
        const std::string sentence = text(0, static_cast<uint32_t>(doc[si].tokens.size()));
        for (const auto& g : gold)
          if (std::find(sys.begin(), sys.end(), g) == sys.end())
            *options.errors << "MISS\t" << g.type << "\t" << text(g.begin, g.end) << "\t"
                            << sentence << "\n";
        for (const auto& p : sys)
          if (std::find(gold.begin(), gold.end(), p) == gold.end())
            *options.errors << "FALSE\t" << p.type << "\t" << text(p.begin, p.end) << "\t"
                            << sentence << "\n";
      }
      scores->sentences++;
      scores->tokens += doc[si].tokens.size();
    }
  }
  return Status::ok();
}

Status evaluate_ner_gum(const std::vector<std::string>& files, NerScores* scores,
                        const entities::NerModel* model_file) {
  const auto builtin = model_file ? nullptr : entities::NerModel::builtin();
  const entities::NerModel* model = model_file ? model_file : builtin.get();
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
