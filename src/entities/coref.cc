#include "entities/coref.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "entities/actor_coder.h"
#include "entities/coref_names.h"
#include "entities/names.h"

namespace casus::entities {
namespace {

enum class Number : uint8_t { kSingular, kPlural };

struct PronounInfo {
  Gender gender;
  bool plural;
  bool person;     // he/she forms
  bool object;     // him/her/them (non-reflexive object forms)
  bool reflexive;  // himself, herself, themselves, itself
  bool neuter;     // it/its
};

bool pronoun_info(std::string_view w, PronounInfo* p) {
  // Cheap rejection first: every pronoun here starts with h, s, t or i and is short.
  if (w.empty() || w.size() > 10) return false;
  const char c0 = static_cast<char>(w[0] | 0x20);
  if (c0 != 'h' && c0 != 's' && c0 != 't' && c0 != 'i') return false;
  char buf[11];
  for (size_t i = 0; i < w.size(); ++i)
    buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  const std::string_view l(buf, w.size());
  *p = PronounInfo{Gender::kUnknown, false, false, false, false, false};
  if (l == "he" || l == "his") p->gender = Gender::kMale, p->person = true;
  else if (l == "him") p->gender = Gender::kMale, p->person = p->object = true;
  else if (l == "himself") p->gender = Gender::kMale, p->person = p->reflexive = true;
  else if (l == "she" || l == "hers") p->gender = Gender::kFemale, p->person = true;
  else if (l == "her") p->gender = Gender::kFemale, p->person = true;  // object or possessive
  else if (l == "herself") p->gender = Gender::kFemale, p->person = p->reflexive = true;
  else if (l == "they" || l == "their" || l == "theirs") p->plural = true;
  else if (l == "them") p->plural = p->object = true;
  else if (l == "themselves") p->plural = p->reflexive = true;
  else if (l == "it" || l == "its") p->neuter = true;
  else if (l == "itself") p->neuter = p->reflexive = true;
  else return false;
  return true;
}

struct Cluster {
  EntityType type;
  std::vector<uint32_t> members;  // indices into the working mention list
  std::string canonical;          // fullest name text
  size_t canonical_tokens = 0;
  std::vector<std::string> name_tokens;  // normalized tokens of the canonical name
  std::vector<std::string> norms;        // normalized keys of every name
  std::vector<std::string> titles;
  Gender gender = Gender::kUnknown;
  std::string entry_id;  // actor lexicon entry of a name, when known
  std::string country;   // ISO3 of a place name, when known
  bool plural = false;   // group nominals ("US officials")
};

bool is_clause_break(std::string_view w) {
  return w == "," || w == ";" || w == ":" || w == "\"" || w == "“" || w == "”" || w == "that" ||
         w == "who" || w == "which" || w == "and" || w == "but" || w == "because" ||
         w == "when" || w == "if" || w == "(" || w == ")" || w == "—" || w == "-";
}

bool pleonastic_it(const Document& doc, uint32_t t, uint32_t sent_end) {
  if (t + 1 >= sent_end) return false;
  const std::string_view n = doc.slice(doc.tokens[t + 1].span);
  return n == "is" || n == "was" || n == "'s" || n == "’s" || n == "seems" || n == "appears" ||
         n == "would" || n == "will" || n == "has" || n == "had" || n == "takes" || n == "took" ||
         n == "remains" || n == "became" || n == "makes" || n == "made" || n == "did" ||
         n == "does";
}

std::string initials(const std::vector<std::string>& toks) {
  std::string r;
  for (const auto& t : toks) {
    if (t == "of" || t == "the" || t == "and" || t == "for" || t.empty()) continue;
    r += t[0];
  }
  return r;
}

// Heads that many names share ("Center", "Party"): no link on them alone.
bool is_generic_head(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "center", "centre", "party", "university", "museum", "house", "company", "group",
      "council", "committee", "department", "ministry", "office", "agency", "service", "bank",
      "school", "college", "association", "union", "institute", "foundation", "news", "times",
      "post", "street", "bridge", "airport", "station", "hospital", "church", "program",
      "programme", "project", "force", "forces", "army", "court", "city", "state", "states",
      "county", "river", "lake", "island", "mountain", "park", "square", "hall", "tower"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

Gender gender_from_titles(const std::vector<std::string>& titles) {
  for (const auto& t : titles) {
    if (t == "spokeswoman" || t == "queen" || t == "chairwoman" || t == "congresswoman" ||
        t == "princess" || t == "businesswoman" || t == "actress" || t == "mrs" || t == "ms" ||
        t == "mrs." || t == "ms.")
      return Gender::kFemale;
    if (t == "spokesman" || t == "king" || t == "chairman" || t == "congressman" ||
        t == "prince" || t == "businessman" || t == "mr" || t == "mr." || t == "sir")
      return Gender::kMale;
  }
  return Gender::kUnknown;
}

}  // namespace

void resolve_coreference(Document& doc, std::vector<MentionCandidate> cands) {
  const auto coder = ActorCoder::builtin();
  std::sort(cands.begin(), cands.end(), [](const MentionCandidate& a, const MentionCandidate& b) {
    if (a.mention.span.begin != b.mention.span.begin)
      return a.mention.span.begin < b.mention.span.begin;
    return a.mention.span.end > b.mention.span.end;
  });
  // Pronoun candidates.
  std::vector<bool> taken(doc.tokens.size(), false);
  for (const auto& c : cands)
    for (uint32_t t = c.mention.first_token; t < c.mention.end_token; ++t) taken[t] = true;
  struct PronounCand {
    uint32_t token;
    PronounInfo info;
    bool possessive;
  };
  std::vector<PronounCand> pronouns;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (taken[t]) continue;
      PronounInfo info;
      if (!pronoun_info(doc.slice(doc.tokens[t].span), &info)) continue;
      if (info.neuter && !info.reflexive && doc.slice(doc.tokens[t].span) != "its" &&
          pleonastic_it(doc, t, s.end_token))
        continue;
      std::string_view w = doc.slice(doc.tokens[t].span);
      pronouns.push_back({t, info, w == "its" || w == "Its"});
    }
  }

  // Quotation of each token: 0 outside quotation marks, else an id shared by the tokens of one
  // quoted stretch (straight quotes toggle, curly quotes open/close; a paragraph closes all).
  std::vector<uint32_t> quote(doc.tokens.size(), 0);
  {
    uint32_t id = 0, open = 0, paragraph = UINT32_MAX;
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      const uint32_t para = doc.sentences[doc.tokens[t].sentence].paragraph;
      if (para != paragraph) open = 0, paragraph = para;
      const std::string_view w = doc.slice(doc.tokens[t].span);
      if (w == "\"" || w == "“" || w == "”") {
        open = (w == "“" || (w == "\"" && open == 0)) ? ++id : 0;
        continue;
      }
      quote[t] = open;
    }
  }
  std::vector<Mention> out;  // working mentions (entity = cluster index), in text order
  std::vector<Cluster> clusters;
  std::vector<uint32_t> window;
  // Subject preference. With the syntax layer, a subject is a mention whose syntactic head is a
  // nominal subject (nsubj, nsubj:pass); without it, the first mention of its sentence.
  std::vector<uint32_t> first_in_sentence(doc.sentences.size(), UINT32_MAX);
  for (const auto& c : cands)
    first_in_sentence[c.mention.sentence] =
        std::min(first_in_sentence[c.mention.sentence], c.mention.first_token);
  const bool has_syntax = doc.syntax.size() == doc.tokens.size();
  auto is_subject = [&](const Mention& m) {
    if (!has_syntax) return m.first_token <= first_in_sentence[m.sentence];
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      const TokenSyntax& x = doc.syntax[t];
      if (x.head != kNoHead && x.head >= m.first_token && x.head < m.end_token) continue;
      return x.deprel.compare(0, 5, "nsubj") == 0;
    }
    return false;
  };
  // Indexes from keys to clusters, so that each mention looks only at clusters that can match
  // (entries may be stale: every rule re-checks).
  std::unordered_map<std::string, std::vector<uint32_t>> by_key, by_token, by_initials;
  std::unordered_map<std::string, uint32_t> by_entry, by_country;
  std::unordered_map<std::string, std::string> entry_cache;  // name text -> lexicon entry id
  auto add_to = [&](uint32_t cluster, Mention m) {
    m.entity = cluster;
    out.push_back(m);
    clusters[cluster].members.push_back(static_cast<uint32_t>(out.size() - 1));
  };

  // 1-3: names and nominals in text order; pronouns interleaved by position.
  size_t pi = 0;
  auto process_pronoun = [&](const PronounCand& p) {
    const uint32_t t = p.token;
    const uint32_t sent = doc.tokens[t].sentence;
    int best = -1;
    double best_score = -1e9;
    // "it" mostly refers to events and situations, which are not entities here: only an
    // antecedent of its own sentence; "its"/"itself" may look one sentence back.
    const bool bare_it = p.info.neuter && !p.info.reflexive && !p.possessive;
    // A he/she pronoun looks back 5 sentences (3 before: +0.25 CoNLL on GUM train news+interview).
    const uint32_t max_dist = bare_it ? 0 : p.info.neuter ? 1 : (p.info.plural ? 2 : 5);
    // Candidate clusters: those with a mention in the window, found by scanning the working
    // mentions backwards (they are in text order), so the cost is bounded by the window.
    struct Agg {
      double score = -1e9;
      bool blocked = false;
      size_t count = 0;
    };
    window.clear();
    for (size_t k = out.size(); k-- > 0;) {
      const Mention& m = out[k];
      if (m.sentence + max_dist < sent) break;
      if (m.end_token > t) continue;
      window.push_back(static_cast<uint32_t>(k));
    }
    std::sort(window.begin(), window.end(), [&](uint32_t a, uint32_t b) {
      return out[a].entity != out[b].entity ? out[a].entity < out[b].entity : a < b;
    });
    for (size_t w = 0; w < window.size();) {
      const uint32_t ci = out[window[w]].entity;
      size_t w_end = w;
      while (w_end < window.size() && out[window[w_end]].entity == ci) ++w_end;
      const Cluster& c = clusters[ci];
      bool compatible = true;
      if (p.info.person) {
        compatible = c.type == EntityType::kPer && !c.plural &&
                     (c.gender == Gender::kUnknown || c.gender == p.info.gender);
      } else if (p.info.plural) {
        // Groups: organizations, group nominals, plural demonyms ("Australians", not the
        // adjective "Australian").
        const bool plural_norp = c.type == EntityType::kNorp && !c.canonical.empty() &&
                                 c.canonical.back() == 's';
        compatible = c.type == EntityType::kOrg || plural_norp || c.plural;
      } else if (p.info.neuter) {
        compatible = (c.type == EntityType::kOrg || c.type == EntityType::kGpe ||
                      c.type == EntityType::kFac || c.type == EntityType::kLoc) &&
                     !c.plural;
      }
      Agg agg;
      for (size_t k = w; k < w_end && compatible; ++k) {
        const Mention& m = out[window[k]];
        const uint32_t dist = sent - m.sentence;
        ++agg.count;
        double sc = 100.0 - 35.0 * dist - 0.3 * (t - m.end_token);
        // Subject preference (is_subject); a reflexive takes the nearest candidate instead.
        if (p.info.reflexive) sc -= 4.0 * (t - m.end_token);
        else if (is_subject(m)) sc += 20;
        if (m.kind == MentionKind::kName) sc += 5;
        // Inside a quotation a third-person pronoun is about someone the quote mentions, not
        // the speaker (who says "I"): "... embarrassment for Putin. He looks weak."
        if (quote[t] != 0 && quote[m.first_token] == quote[t]) sc += 30;
        if (dist == 0 && p.info.object && !p.info.reflexive) {
          bool brk = false;
          for (uint32_t q = m.end_token; q < t; ++q)
            brk |= is_clause_break(doc.slice(doc.tokens[q].span));
          if (!brk) agg.blocked = true;
        }
        if (p.info.reflexive && dist > 0) sc -= 50;
        agg.score = std::max(agg.score, sc);
      }
      w = w_end;
      if (!compatible || agg.count == 0 || agg.blocked) continue;
      double score = agg.score + 3.0 * std::min<size_t>(agg.count, 5);
      if (p.info.person && c.gender == p.info.gender) score += 10;
      if (score > best_score || (score == best_score && static_cast<int>(ci) < best)) {
        best_score = score;
        best = static_cast<int>(ci);
      }
    }
    if (best < 0) return;
    Mention m;
    m.span = doc.tokens[t].span;
    m.type = clusters[best].type;
    m.kind = MentionKind::kPronoun;
    m.sentence = sent;
    m.first_token = t;
    m.end_token = t + 1;
    if (p.info.person && clusters[best].gender == Gender::kUnknown)
      clusters[best].gender = p.info.gender;
    add_to(static_cast<uint32_t>(best), m);
  };

  for (auto& cand : cands) {
    while (pi < pronouns.size() && pronouns[pi].token < cand.mention.first_token)
      process_pronoun(pronouns[pi++]);
    Mention m = cand.mention;
    const std::string text(doc.slice(m.span));
    std::vector<NameToken> toks = tokenize_name(text);
    while (!toks.empty() && toks.front().norm == "the") toks.erase(toks.begin());
    std::vector<std::string> norms;
    for (const auto& t : toks) norms.push_back(t.norm);
    std::string key;
    for (const auto& n : norms) key += (key.empty() ? "" : " ") + n;
    if (key.empty()) continue;

    int target = -1;
    if (m.kind == MentionKind::kNominal && cand.titles.size() == 1 && m.type == EntityType::kPer) {
      // Title nominal: the latest person whose titles hold the noun.
      const std::string& noun = cand.titles[0];
      int best = -1;
      for (size_t k = out.size(); k-- > 0 && best < 0;) {
        if (out[k].sentence + 6 < m.sentence) break;
        const Cluster& c = clusters[out[k].entity];
        if (c.type != EntityType::kPer) continue;
        if (std::find(c.titles.begin(), c.titles.end(), noun) != c.titles.end())
          best = static_cast<int>(out[k].entity);
      }
      if (best >= 0) add_to(static_cast<uint32_t>(best), m);
      continue;
    }

    std::string entry_id, country;
    if (m.kind == MentionKind::kName) {
      if (m.type == EntityType::kGpe) {
        if (auto c = coder->match_country(text); c && c->second == CountryNameKind::kName)
          country = c->first;
      } else if (m.type == EntityType::kPer || m.type == EntityType::kOrg ||
                 m.type == EntityType::kFac) {
        auto it = entry_cache.find(text);
        if (it == entry_cache.end()) {
          auto a = coder->code_mention(text, {}, doc.date);
          it = entry_cache
                   .emplace(text, a && a->basis == ActorBasis::kLexicon ? a->entry_id : "")
                   .first;
        }
        entry_id = it->second;
      }
    }
    // A one-word name that is the surname of a person already seen is that person, whatever
    // type the tagger gave it ("the assassination of Putin").
    if (m.kind == MentionKind::kName && m.type != EntityType::kPer && norms.size() == 1) {
      if (auto it = by_token.find(norms[0]); it != by_token.end())
        for (uint32_t ci : it->second) {
          const Cluster& c = clusters[ci];
          if (c.type == EntityType::kPer && c.name_tokens.size() >= 2 &&
              c.name_tokens.back() == norms[0])
            m.type = EntityType::kPer;
        }
    }
    // Clusters that may match: same key, same entry or country, a shared word, the initials.
    std::vector<uint32_t> candidates;
    auto take = [&](const auto& index, const std::string& k) {
      if (k.empty()) return;
      if (auto it = index.find(k); it != index.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    take(by_key, key);
    if (m.kind == MentionKind::kName) {
      if (auto it = by_entry.find(entry_id); !entry_id.empty() && it != by_entry.end())
        candidates.push_back(it->second);
      if (auto it = by_country.find(country); !country.empty() && it != by_country.end())
        candidates.push_back(it->second);
      for (const auto& n : norms) take(by_token, n);
      if (norms.size() == 1) take(by_initials, norms[0]);
      if (norms.size() >= 2) take(by_key, initials(norms));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (uint32_t ci : candidates) {
      if (target >= 0) break;
      Cluster& c = clusters[ci];
      const bool same_kind_group = (m.kind == MentionKind::kNominal) == c.plural;
      if (!same_kind_group) continue;
      if (std::find(c.norms.begin(), c.norms.end(), key) != c.norms.end() &&
          (c.type == m.type || m.kind == MentionKind::kNominal ||
           (c.type != EntityType::kNorp && m.type != EntityType::kNorp))) {
        target = static_cast<int>(ci);
        break;
      }
      if (m.kind != MentionKind::kName) continue;
      if (!entry_id.empty() && entry_id == c.entry_id) {
        target = static_cast<int>(ci);
        break;
      }
      if (!country.empty() && country == c.country && c.type == EntityType::kGpe) {
        target = static_cast<int>(ci);
        break;
      }
      if (m.type == EntityType::kPer && c.type == EntityType::kPer) {
        // A shorter name inside the fuller one, or a fuller name extending an earlier short one.
        const auto& a = norms.size() <= c.name_tokens.size() ? norms : c.name_tokens;
        const auto& b = norms.size() <= c.name_tokens.size() ? c.name_tokens : norms;
        if (a.size() < b.size() && !a.empty()) {
          const bool suffix = std::equal(a.rbegin(), a.rend(), b.rbegin());
          const bool given = a.size() == 1 && a[0] == b[0];
          if (suffix || given) target = static_cast<int>(ci);
        }
      }
      if (m.type != EntityType::kPer && c.type != EntityType::kPer &&
          m.type != EntityType::kNorp && c.type != EntityType::kNorp) {
        // Acronyms ("KSC" = "Kennedy Space Center").
        if (norms.size() == 1 && c.name_tokens.size() >= 2 && norms[0].size() >= 2 &&
            initials(c.name_tokens) == norms[0])
          target = static_cast<int>(ci);
        if (c.name_tokens.size() == 1 && norms.size() >= 2 && c.name_tokens[0].size() >= 2 &&
            initials(norms) == c.name_tokens[0])
          target = static_cast<int>(ci);
        // The distinctive last word of an organization or facility name ("Space Shuttle
        // Atlantis" ... "Atlantis").
        if (norms.size() == 1 && c.name_tokens.size() >= 2 && c.type != EntityType::kGpe &&
            c.name_tokens.back() == norms[0] && !toks.empty() && !toks[0].raw.empty() &&
            toks[0].raw[0] >= 'A' && toks[0].raw[0] <= 'Z' && !is_generic_head(norms[0]))
          target = static_cast<int>(ci);
      }
    }
    if (target < 0) {
      Cluster c;
      c.type = m.type;
      c.plural = m.kind == MentionKind::kNominal;
      clusters.push_back(std::move(c));
      target = static_cast<int>(clusters.size() - 1);
    }
    Cluster& c = clusters[target];
    if (m.kind == MentionKind::kName && norms.size() > c.canonical_tokens) {
      c.canonical = text;
      if (c.canonical.rfind("the ", 0) == 0 || c.canonical.rfind("The ", 0) == 0)
        c.canonical = c.canonical.substr(4);
      c.canonical_tokens = norms.size();
      c.name_tokens = norms;
    } else if (c.canonical.empty()) {
      c.canonical = text;
      c.name_tokens = norms;
    }
    const uint32_t ci = static_cast<uint32_t>(target);
    if (std::find(c.norms.begin(), c.norms.end(), key) == c.norms.end()) {
      c.norms.push_back(key);
      by_key[key].push_back(ci);
    }
    for (const auto& n : c.name_tokens) {
      auto& v = by_token[n];
      if (std::find(v.begin(), v.end(), ci) == v.end()) v.push_back(ci);
    }
    if (c.name_tokens.size() >= 2) {
      auto& v = by_initials[initials(c.name_tokens)];
      if (std::find(v.begin(), v.end(), ci) == v.end()) v.push_back(ci);
    }
    if (c.entry_id.empty() && !entry_id.empty()) {
      c.entry_id = entry_id;
      by_entry.emplace(entry_id, ci);
    }
    if (c.country.empty() && !country.empty()) {
      c.country = country;
      by_country.emplace(country, ci);
    }
    for (const auto& t : cand.titles)
      if (std::find(c.titles.begin(), c.titles.end(), t) == c.titles.end()) c.titles.push_back(t);
    if (c.type == EntityType::kPer && c.gender == Gender::kUnknown) {
      if (cand.male_hint) c.gender = Gender::kMale;
      else if (cand.female_hint) c.gender = Gender::kFemale;
      else if (c.gender == Gender::kUnknown) c.gender = gender_from_titles(cand.titles);
      if (c.gender == Gender::kUnknown && m.kind == MentionKind::kName && !toks.empty() &&
          norms.size() >= 2)
        c.gender = gender_of_given_name(toks.front().raw);
    }
    add_to(static_cast<uint32_t>(target), m);
  }
  while (pi < pronouns.size()) process_pronoun(pronouns[pi++]);

  // Number entities by first mention, mentions by position.
  std::vector<uint32_t> order(out.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (out[a].span.begin != out[b].span.begin) return out[a].span.begin < out[b].span.begin;
    return out[a].span.end > out[b].span.end;
  });
  std::vector<int> new_id(clusters.size(), -1);
  doc.mentions.clear();
  doc.entities.clear();
  for (uint32_t i : order) {
    Mention m = out[i];
    const uint32_t c = m.entity;
    if (new_id[c] < 0) {
      new_id[c] = static_cast<int>(doc.entities.size());
      Entity e;
      e.type = clusters[c].type;
      e.name = clusters[c].canonical;
      doc.entities.push_back(std::move(e));
    }
    m.entity = static_cast<uint32_t>(new_id[c]);
    doc.entities[m.entity].mentions.push_back(static_cast<uint32_t>(doc.mentions.size()));
    doc.mentions.push_back(m);
  }
}

}  // namespace casus::entities
