#include "eval/coref_eval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "entities/ner.h"
#include "entities/ner_gum.h"
#include "entities/stage.h"
#include "syntax/stage.h"

namespace casus::eval {
namespace {

using Clusters = std::vector<std::vector<int>>;

// Maximum-weight assignment (Hungarian algorithm on costs -w), rows <= cols after padding.
double max_assignment(const std::vector<std::vector<double>>& w) {
  const size_t n = w.size(), m = n ? w[0].size() : 0;
  if (n == 0 || m == 0) return 0;
  const size_t k = std::max(n, m);
  std::vector<std::vector<double>> a(k + 1, std::vector<double>(k + 1, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < m; ++j) a[i + 1][j + 1] = -w[i][j];
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(k + 1), v(k + 1);
  std::vector<size_t> p(k + 1), way(k + 1);
  for (size_t i = 1; i <= k; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(k + 1, inf);
    std::vector<bool> used(k + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      double delta = inf;
      size_t j1 = 0;
      for (size_t j = 1; j <= k; ++j) {
        if (used[j]) continue;
        const double cur = a[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= k; ++j) {
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (size_t j = 1; j <= k; ++j)
    if (p[j] >= 1 && p[j] <= n && j <= m) total += w[p[j] - 1][j - 1];
  return total;
}

void muc(const Clusters& key, const Clusters& resp, double* num, double* den) {
  std::map<int, int> where;
  for (size_t i = 0; i < resp.size(); ++i)
    for (int m : resp[i]) where[m] = static_cast<int>(i);
  for (const auto& k : key) {
    std::set<int> parts;
    int singles = 0;
    for (int m : k) {
      auto it = where.find(m);
      if (it == where.end()) ++singles;
      else parts.insert(it->second);
    }
    *num += static_cast<double>(k.size()) - static_cast<double>(parts.size() + singles);
    *den += static_cast<double>(k.size()) - 1;
  }
}

void b3(const Clusters& key, const Clusters& resp, double* num, double* den) {
  std::map<int, int> where;
  for (size_t i = 0; i < resp.size(); ++i)
    for (int m : resp[i]) where[m] = static_cast<int>(i);
  for (const auto& k : key) {
    std::map<int, int> overlap;
    for (int m : k) {
      auto it = where.find(m);
      if (it != where.end()) overlap[it->second]++;
    }
    for (int m : k) {
      auto it = where.find(m);
      const double common = it == where.end() ? 1 : overlap[it->second];
      *num += common / static_cast<double>(k.size());
    }
    *den += static_cast<double>(k.size());
  }
}

void score_doc(const Clusters& key, const Clusters& resp, CorefScores* s) {
  muc(key, resp, &s->muc.r_num, &s->muc.r_den);
  muc(resp, key, &s->muc.p_num, &s->muc.p_den);
  b3(key, resp, &s->b3.r_num, &s->b3.r_den);
  b3(resp, key, &s->b3.p_num, &s->b3.p_den);
  std::vector<std::vector<double>> w(key.size(), std::vector<double>(resp.size(), 0));
  for (size_t i = 0; i < key.size(); ++i) {
    const std::set<int> ks(key[i].begin(), key[i].end());
    for (size_t j = 0; j < resp.size(); ++j) {
      size_t common = 0;
      for (int m : resp[j]) common += ks.count(m);
      w[i][j] = 2.0 * static_cast<double>(common) / static_cast<double>(key[i].size() + resp[j].size());
    }
  }
  const double sim = max_assignment(w);
  s->ceafe.r_num += sim;
  s->ceafe.r_den += static_cast<double>(key.size());
  s->ceafe.p_num += sim;
  s->ceafe.p_den += static_cast<double>(resp.size());
  for (const auto& k : key) s->key_mentions += k.size();
  for (const auto& r : resp) s->response_mentions += r.size();
}

bool is_third_person_pronoun(std::string_view w) {
  std::string l(w);
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  static const char* const kWords[] = {"he", "him", "his", "himself", "she", "her", "hers",
                                       "herself", "it", "its", "itself", "they", "them",
                                       "their", "theirs", "themselves"};
  for (const char* k : kWords)
    if (l == k) return true;
  return false;
}

}  // namespace

Status evaluate_coref_gum(const std::vector<std::string>& files, bool restricted,
                          CorefScores* scores) {
  for (const auto& f : files) {
    entities::GumDoc gd;
    if (Status st = entities::read_gum(f, &gd); !st.is_ok()) return st;
    Document doc = entities::gum_document(gd);
    // The syntax layer as the Engine gives it (predicted by casus's syntax model, not GUM's
    // gold trees); without a syntax model the stage uses its surface fallbacks.
    if (const auto syn = entities::NerModel::syntax_model()) {
      thread_local syntax::Workspace ws;
      syntax::annotate_document(*syn, ws, doc, &doc.syntax);
    }
    entities::annotate(doc);
    // Key.
    std::map<std::string, std::vector<int>> by_entity;
    std::vector<bool> in_key(gd.mentions.size(), false);
    for (size_t i = 0; i < gd.mentions.size(); ++i) {
      const auto& m = gd.mentions[i];
      if (restricted) {
        const auto& t = gd.sentences[m.sentence].tokens[m.head];
        const bool named = t.xpos == "NNP" || t.xpos == "NNPS";
        const bool pron = m.end - m.begin == 1 && is_third_person_pronoun(t.form);
        if (!named && !pron) continue;
      }
      by_entity[m.entity].push_back(static_cast<int>(i));
      in_key[i] = true;
    }
    Clusters key;
    for (auto& [id, ms] : by_entity)
      if (ms.size() > 1) key.push_back(ms);
    // Response: casus mentions matched to gold mentions by head.
    std::vector<uint32_t> first_of_sentence(gd.sentences.size());
    for (size_t s = 0; s < doc.sentences.size(); ++s) first_of_sentence[s] = doc.sentences[s].first_token;
    std::vector<bool> used(gd.mentions.size(), false);
    int fresh = static_cast<int>(gd.mentions.size());
    Clusters resp;
    for (const Entity& e : doc.entities) {
      std::vector<int> ids;
      for (uint32_t mi : e.mentions) {
        const Mention& m = doc.mentions[mi];
        const uint32_t b = m.first_token - first_of_sentence[m.sentence];
        const uint32_t en = m.end_token - first_of_sentence[m.sentence];
        int best = -1;
        uint32_t best_len = 0;
        for (size_t g = 0; g < gd.mentions.size(); ++g) {
          const auto& gm = gd.mentions[g];
          if (gm.sentence != m.sentence || used[g]) continue;
          if (gm.begin > b || gm.end < en || gm.head < b || gm.head >= en) continue;
          if (best < 0 || gm.end - gm.begin < best_len) {
            best = static_cast<int>(g);
            best_len = gm.end - gm.begin;
          }
        }
        if (best >= 0) used[best] = true;
        ids.push_back(best >= 0 ? best : fresh++);
      }
      if (ids.size() > 1) resp.push_back(std::move(ids));
    }
    if (std::getenv("CASUS_COREF_DEBUG") && restricted) {
      auto text = [&](int id) -> std::string {
        if (id >= static_cast<int>(gd.mentions.size())) return "?";
        const auto& m = gd.mentions[id];
        std::string r;
        for (uint32_t k = m.begin; k < m.end && k < m.begin + 6; ++k)
          r += (k > m.begin ? " " : "") + gd.sentences[m.sentence].tokens[k].form;
        return r + "@" + std::to_string(m.sentence);
      };
      std::fprintf(stderr, "== %s\nKEY\n", gd.id.c_str());
      for (const auto& k : key) {
        for (int id : k) std::fprintf(stderr, "  [%s]", text(id).c_str());
        std::fprintf(stderr, "\n");
      }
      std::fprintf(stderr, "RESPONSE\n");
      for (const Entity& e : doc.entities) {
        if (e.mentions.size() < 2) continue;
        for (uint32_t mi : e.mentions)
          std::fprintf(stderr, "  [%s@%u]", std::string(doc.slice(doc.mentions[mi].span)).c_str(),
                       doc.mentions[mi].sentence);
        std::fprintf(stderr, "\n");
      }
    }
    score_doc(key, resp, scores);
    scores->documents++;
  }
  return Status::ok();
}

}  // namespace casus::eval
