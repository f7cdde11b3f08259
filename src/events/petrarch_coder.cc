// Coding with PETRARCH/TABARI dictionaries over casus's tokens and dependency parse
// (docs/petrarch.md): actor and agent phrases by longest match, verbs by form or lemma, the
// verb's patterns matched over the surface words around it, source and target from the parse.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "events/petrarch_dict.h"

namespace casus::events::petrarch {
namespace {

// A coded actor phrase: its code and the tokens it was read from (sentence-relative).
struct Party {
  std::string code;
  uint32_t begin = 0, end = 0;
};

void add_party(std::vector<Party>* out, Party p) {
  for (const Party& q : *out)
    if (q.code == p.code) return;
  out->push_back(std::move(p));
}

struct Mention {
  uint32_t begin = 0, end = 0;  // sentence-relative token range
  uint32_t payload = 0;         // actor or agent index
};

// CAMEO codes are digits, optionally followed by letters in old dictionaries ("075A"); "---"
// is the null code. Anything else ("+++", "023?", "xxy") is not a code.
bool valid_code(const std::string& code) {
  if (code == "---") return true;
  size_t i = 0;
  while (i < code.size() && code[i] >= '0' && code[i] <= '9') ++i;
  if (i == 0) return false;
  while (i < code.size() && code[i] >= 'A' && code[i] <= 'Z') ++i;
  return i == code.size();
}
// "032" or "032:033" (event and the reverse event).
bool valid_pair(const std::string& code) {
  const size_t colon = code.find(':');
  if (colon == std::string::npos) return valid_code(code);
  return valid_code(code.substr(0, colon)) && valid_code(code.substr(colon + 1));
}

int32_t date_number(const std::string& date) {
  // "YYYY-MM-DD" or "YYYYMMDD".
  int32_t v = 0, digits = 0;
  for (char c : date) {
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      ++digits;
    }
    if (digits == 8) break;
  }
  return digits == 8 ? v : 0;
}

}  // namespace

// Per-sentence working state.
class Coder {
 public:
  Coder(const CompiledDictionaries& dict, const Document& doc, uint32_t sentence)
      : d_(dict), doc_(doc), sentence_(sentence) {
    const Sentence& s = doc.sentences[sentence];
    first_ = s.first_token;
    n_ = s.end_token - s.first_token;
    words_.resize(n_);
    lemmas_.resize(n_);
    for (uint32_t i = 0; i < n_; ++i) {
      const std::string folded = fold_word(doc.slice(doc.tokens[first_ + i].span));
      words_[i] = d_.vocab_.find(folded);
      if (folded.find('_') != std::string::npos && folded.size() > 1) split_ = true;
      lemmas_[i] = has_syntax() ? d_.vocab_.find(fold_word(syn(i).lemma)) : kNoWord;
    }
    date_ = date_number(doc.date);
    not_ = d_.vocab_.find("NOT");
    nt_ = d_.vocab_.find("N'T");
    never_ = d_.vocab_.find("NEVER");
    present_ = words_;
    std::sort(present_.begin(), present_.end());
    children_.resize(n_);
    if (has_syntax())
      for (uint32_t k = 0; k < n_; ++k)
        if (const uint32_t h = head(k); h != kNone) children_[h].push_back(k);
    if (split_) {
      token_words_.resize(n_);
      for (uint32_t i = 0; i < n_; ++i) {
        const std::string folded = fold_word(doc.slice(doc.tokens[first_ + i].span));
        size_t start = 0;
        while (start <= folded.size()) {
          const size_t us = folded.find('_', start);
          const std::string part = folded.substr(start, us == std::string::npos ? us : us - start);
          if (!part.empty()) token_words_[i].push_back(d_.vocab_.find(part));
          if (us == std::string::npos) break;
          start = us + 1;
        }
      }
    }
    find_mentions(d_.actor_phrases_, &actors_at_, &actor_mentions_);
    find_mentions(d_.agent_phrases_, &agents_at_, &agent_mentions_);
  }

  bool discarded(bool* story) const;
  void code(std::vector<Event>* out) const;

 private:
  bool has_syntax() const { return doc_.syntax.size() == doc_.tokens.size(); }
  const TokenSyntax& syn(uint32_t i) const { return doc_.syntax[first_ + i]; }
  uint32_t head(uint32_t i) const {
    const uint32_t h = syn(i).head;
    if (h == kNoHead || h < first_ || h >= first_ + n_) return kNone;
    return h - first_;
  }
  bool rel_is(uint32_t i, const char* prefix) const {
    const std::string& r = syn(i).deprel;
    const size_t n = std::char_traits<char>::length(prefix);
    return r.compare(0, n, prefix) == 0 && (r.size() == n || r[n] == ':');
  }
  // Dependents that belong to a noun phrase's core (compound, flat, possessive, modifiers).
  bool is_core_rel(uint32_t c) const {
    const std::string& r = syn(c).deprel;
    return rel_is(c, "compound") || rel_is(c, "flat") || rel_is(c, "amod") || rel_is(c, "det") ||
           rel_is(c, "nummod") || rel_is(c, "fixed") || rel_is(c, "case") || r == "nmod:poss" ||
           r == "nmod:desc" || r == "nmod:npmod" || name_part(c);
  }
  // A proper noun the parser attached as a bare `nmod` right beside its head, with no
  // preposition: part of one name ("Bree Prime Minister Romendacil"), as `flat` would be.
  bool name_part(uint32_t c) const {
    if (syn(c).deprel != "nmod" || syn(c).upos != "PROPN") return false;
    const uint32_t h = head(c);
    if (h == kNone || syn(h).upos != "PROPN") return false;
    for (const uint32_t d : children(c))
      if (rel_is(d, "case")) return false;
    // Adjacent: only the head's own name words lie between.
    const uint32_t lo = std::min(h, c), hi = std::max(h, c);
    for (uint32_t k = lo + 1; k < hi; ++k)
      if (syn(k).upos != "PROPN" && syn(k).upos != "ADJ") return false;
    return true;
  }
  // The head of the noun phrase that token t belongs to.
  uint32_t np_head(uint32_t t) const {
    for (int guard = 0; guard < 8 && t != kNone && is_core_rel(t) && head(t) != kNone; ++guard)
      t = head(t);
    return t;
  }
  // np_head, with punctuation inside a phrase ("state - run") counted in its head's phrase.
  uint32_t phrase_of(uint32_t t) const {
    if (syn(t).upos == "PUNCT" && head(t) != kNone) t = head(t);
    return np_head(t);
  }
  // True when the subtree of t holds a verb of the verbs dictionary (the clause codes its own
  // event, so the governing verb does not take the clause's subject as its target).
  bool has_dictionary_verb(uint32_t t) const {
    for (uint32_t k = 0; k < n_; ++k) {
      if (syn(k).upos != "VERB" || (!d_.forms_of(words_[k]) && !d_.forms_of(lemmas_[k]))) continue;
      uint32_t a = k;
      for (int guard = 0; guard < 64 && a != kNone && a != t; ++guard) a = head(a);
      if (a == t) return true;
    }
    return false;
  }
  // The byte span of a party's tokens (empty for an implied party).
  Span span_of(const Party& p) const {
    if (p.end <= p.begin || p.end > n_) return Span{};
    return Span{doc_.tokens[first_ + p.begin].span.begin, doc_.tokens[first_ + p.end - 1].span.end};
  }
  const std::vector<uint32_t>& children(uint32_t i) const { return children_[i]; }

  void find_mentions(const PhraseTable& table, std::vector<uint32_t>* at,
                     std::vector<Mention>* mentions) const {
    at->assign(n_, kNone);
    for (uint32_t i = 0; i < n_;) {
      uint32_t payload = 0;
      uint32_t len = split_ ? table.longest_tokens(token_words_, i, &payload)
                            : table.longest(words_, i, &payload);
      if (!split_ && has_syntax()) {
        // A phrase written with blanks may have other words between its words when they all
        // stand in one noun phrase ("Ithilen state-run television" for ITHILEN TELEVISION).
        const uint32_t np = phrase_of(i);
        uint32_t limit = i + 1;
        while (limit < n_ && phrase_of(limit) == np) ++limit;
        uint32_t gapped_payload = 0, gapped_words = 0;
        const uint32_t gapped =
            table.longest_gapped(words_, i, limit, &gapped_payload, &gapped_words);
        if (gapped_words > len) {
          len = gapped;
          payload = gapped_payload;
        }
      }
      if (len == 0) {
        ++i;
        continue;
      }
      for (uint32_t k = i; k < i + len; ++k) (*at)[k] = static_cast<uint32_t>(mentions->size());
      mentions->push_back({i, i + len, payload});
      i += len;
    }
  }

  // The codes of the noun phrase headed by token h (its conjuncts included when `conj`).
  void phrase_codes(uint32_t h, bool conj, std::vector<Party>* out, int depth = 0) const;
  // Actor codes of one conjunct: its core (h with compound, flat, possessive, adjectival
  // modifiers), else the first nominal modifier's phrase; agents of the core applied.
  // *used_nmod receives the nominal modifier whose actors coded the phrase (kNone when none);
  // `shared_nmod` is a preceding conjunct's modifier that an actor-less conjunct shares
  // ("lawmakers and officials in Fornost": the officials are Fornost's too).
  void conjunct_codes(uint32_t h, std::vector<Party>* out, int depth, uint32_t extra_head = kNone,
                      uint32_t* used_nmod = nullptr, uint32_t shared_nmod = kNone) const;
  // The codes of a verb's subjects. Several subject dependents without a conjunction between
  // them are one phrase split by the parser ("Bree Prime Minister | Romendacil").
  void subject_codes(const std::vector<uint32_t>& subjects, std::vector<Party>* out) const;
  std::string actor_code(uint32_t mention) const {
    return d_.actors_[actor_mentions_[mention].payload].code_on(date_);
  }

  struct Match {
    int weight = -1;
    const Pattern* pattern = nullptr;
    uint32_t source = kNone, target = kNone;  // token where $ / + matched
    bool neg_consumed = false;
  };
  bool match_elems(const std::vector<PatternElem>& elems, size_t idx, int64_t pos, int dir,
                   Match* m) const;
  int64_t elem_length(const PatternElem& e, int64_t pos, int dir, Match* m, bool* is_actor) const;

  std::vector<uint32_t> subjects_of(uint32_t v, bool* passive, int depth = 0) const;
  // The first actor after the verb inside its clause (PETRARCH takes the verb phrase's first
  // coded noun phrase): the verb's subtree without subjects and other clauses.
  void fallback_target(uint32_t v, std::vector<Party>* out) const;
  void object_codes(uint32_t v, bool passive, std::vector<Party>* out) const;

  const CompiledDictionaries& d_;
  const Document& doc_;
  uint32_t sentence_ = 0, first_ = 0, n_ = 0;
  int32_t date_ = 0;
  std::vector<WordId> words_, lemmas_;
  std::vector<std::vector<uint32_t>> children_;  // dependents of each token, in order
  std::vector<WordId> present_;                  // the sentence's word ids, sorted
  WordId not_ = kNoWord, nt_ = kNoWord, never_ = kNoWord;
  bool is_negation(WordId w) const {
    return w != kNoWord && (w == not_ || w == nt_ || w == never_);
  }
  // False when a literal word of the pattern does not occur in the sentence (cheap pre-check
  // before the backtracking match).
  bool words_present(const Pattern& p) const {
    for (const auto* part : {&p.before, &p.after})
      for (const PatternElem& e : *part)
        if (e.kind == PatternElem::kWord &&
            !std::binary_search(present_.begin(), present_.end(), e.id))
          return false;
    return true;
  }
  bool split_ = false;                            // some token joins words with '_'
  std::vector<std::vector<WordId>> token_words_;  // when split_: each token's words
  std::vector<uint32_t> actors_at_, agents_at_;
  std::vector<Mention> actor_mentions_, agent_mentions_;
};

bool Coder::discarded(bool* story) const {
  if (d_.discards_.empty()) return false;
  std::string text = " ";
  for (uint32_t i = 0; i < n_; ++i)
    text += fold_word(doc_.slice(doc_.tokens[first_ + i].span)) + " ";
  for (const Discard& dis : d_.discards_) {
    size_t at = text.find(dis.text);
    while (at != std::string::npos) {
      const size_t end = at + dis.text.size();
      const char next = end < text.size() ? text[end] : ' ';
      const bool boundary =
          next == ' ' || (next != '\'' && std::ispunct(static_cast<unsigned char>(next)));
      if (!dis.exact_end || boundary) {
        *story = dis.story;
        return true;
      }
      at = text.find(dis.text, at + 1);
    }
  }
  return false;
}

void Coder::subject_codes(const std::vector<uint32_t>& subjects, std::vector<Party>* out) const {
  // Two neighbouring subject dependents with no conjunction or punctuation between them are one
  // phrase that the parser split ("the evil Arnor awful Gondor"); its first actor codes it.
  for (size_t k = 0; k < subjects.size(); ++k) {
    if (k + 1 < subjects.size() && subjects[k] < subjects[k + 1]) {
      bool joined = false;
      for (uint32_t t = subjects[k] + 1; t < subjects[k + 1]; ++t)
        joined = joined || syn(t).upos == "CCONJ" || syn(t).upos == "PUNCT";
      if (!joined) {
        conjunct_codes(subjects[k + 1], out, 0, subjects[k]);
        ++k;
        continue;
      }
    }
    phrase_codes(subjects[k], true, out);
  }
}

void Coder::conjunct_codes(uint32_t h, std::vector<Party>* out, int depth, uint32_t extra_head,
                           uint32_t* used_nmod, uint32_t shared_nmod) const {
  if (used_nmod) *used_nmod = kNone;
  // Core tokens: h and (recursively) its compound / flat / possessive / adjectival / determiner
  // dependents.
  std::vector<uint32_t> core{h};
  std::vector<bool> in_core(n_, false);
  in_core[h] = true;
  if (extra_head != kNone && !in_core[extra_head]) {
    core.push_back(extra_head);
    in_core[extra_head] = true;
  }
  // (in_core also guards against cycles in a malformed parse)
  for (size_t k = 0; k < core.size(); ++k)
    for (uint32_t c : children(core[k]))
      if (is_core_rel(c) && !in_core[c]) {
        core.push_back(c);
        in_core[c] = true;
      }
  std::vector<Party> actors;
  std::vector<uint32_t> agents;
  uint32_t agent_begin = kNone, agent_end = 0;
  for (uint32_t i = 0; i < n_; ++i) {
    if (!in_core[i]) continue;
    if (actors_at_[i] != kNone &&
        (i == 0 || actors_at_[i - 1] != actors_at_[i] || !in_core[i - 1])) {
      // The first actor of the phrase codes it ("Ithilen's minister Calimehtar").
      if (actors.empty()) {
        const Mention& m = actor_mentions_[actors_at_[i]];
        actors.push_back({actor_code(actors_at_[i]), m.begin, m.end});
      }
    }
    if (agents_at_[i] != kNone && actors_at_[i] == kNone &&
        (i == 0 || agents_at_[i - 1] != agents_at_[i] || !in_core[i - 1])) {
      const Mention& m = agent_mentions_[agents_at_[i]];
      if (std::find(agents.begin(), agents.end(), m.payload) == agents.end())
        agents.push_back(m.payload);
      agent_begin = std::min(agent_begin, m.begin);
      agent_end = std::max(agent_end, m.end);
    }
  }
  // "Eriadori and Calenardhon leaders": conjuncts of a modifier give more actors.
  if (!actors.empty() && depth < 4)
    for (uint32_t k : core)
      if (k != h)
        for (uint32_t c : children(k))
          if (rel_is(c, "conj") && actors_at_[c] != kNone) {
            const Mention& m = actor_mentions_[actors_at_[c]];
            add_party(&actors, {actor_code(actors_at_[c]), m.begin, m.end});
          }
  if (actors.empty() && depth < 4) {
    // "Soldiers from Gondor", "the ambassadors of Arnor, Osgiliath and Gondor".
    // A reduced relative clause is part of the noun phrase too ("the roads leading into
    // Mordor"): its objects and obliques are read in text order with the nominal modifiers.
    bool own_nmod = false;
    for (uint32_t c : children(h)) {
      if (syn(c).deprel == "acl" && c > h) {
        for (uint32_t cc : children(c))
          if (cc > c && (rel_is(cc, "obj") || rel_is(cc, "obl")) && actors.empty())
            phrase_codes(cc, true, &actors, depth + 1);
        if (!actors.empty()) break;
        continue;
      }
      if (rel_is(c, "nmod") && syn(c).deprel != "nmod:poss") {
        own_nmod = true;
        phrase_codes(c, true, &actors, depth + 1);
        if (!actors.empty()) {
          if (used_nmod) *used_nmod = c;
          break;
        }
      }
    }
    if (actors.empty() && !own_nmod && !agents.empty() && shared_nmod != kNone)
      phrase_codes(shared_nmod, true, &actors, depth + 1);
  }
  if (actors.empty() && !agents.empty()) actors.push_back({"---", agent_begin, agent_end});
  for (const Party& party : actors) {
    std::string code = party.code;
    if (code.empty()) continue;
    Party out_party = party;
    if (!agents.empty()) {
      out_party.begin = std::min(out_party.begin, agent_begin);
      out_party.end = std::max(out_party.end, agent_end);
    }
    for (uint32_t a : agents) {
      const Agent& agent = d_.agents_[a];
      if (code.find(agent.code, 3) != std::string::npos) continue;
      if (code.size() > 3 && code.compare(0, 3, "---") != 0 && !agent.prefix) continue;
      code = agent.prefix ? agent.code + code : code + agent.code;
    }
    // "ELR/GAL": one code per alternative.
    size_t start = 0;
    while (start <= code.size()) {
      const size_t slash = code.find('/', start);
      const std::string one =
          code.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (!one.empty()) {
        out_party.code = one;
        add_party(out, out_party);
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
  }
}

void Coder::phrase_codes(uint32_t h, bool conj, std::vector<Party>* out, int depth) const {
  if (h == kNone || depth > 6) return;
  uint32_t nmod = kNone;
  conjunct_codes(h, out, depth, kNone, &nmod);
  if (!conj) return;
  for (uint32_t c : children(h))
    if (rel_is(c, "conj")) {
      // A conjunct before the shared modifier ("lawmakers and officials in Fornost").
      const bool before_modifier = nmod != kNone && c < nmod;
      conjunct_codes(c, out, depth + 1, kNone, nullptr, before_modifier ? nmod : kNone);
      for (uint32_t cc : children(c))
        if (rel_is(cc, "conj")) phrase_codes(cc, true, out, depth + 2);
    }
}

int64_t Coder::elem_length(const PatternElem& e, int64_t pos, int dir, Match* m,
                           bool* is_actor) const {
  // Returns how many tokens element e covers when it starts (dir > 0) or ends (dir < 0) at pos;
  // 0 when it does not match there; kind kCompound matches empty (-1 signals zero width).
  *is_actor = false;
  if (pos < 0 || pos >= n_) return 0;
  switch (e.kind) {
    case PatternElem::kWord:
      if (words_[pos] == e.id) {
        if (is_negation(words_[pos])) m->neg_consumed = true;
        return 1;
      }
      return 0;
    case PatternElem::kSynset: {
      if (dir > 0) return d_.synset_match(e.id, words_, static_cast<size_t>(pos));
      for (int64_t start = pos; start >= 0 && start > pos - 8; --start)
        if (d_.synset_match(e.id, words_, static_cast<size_t>(start)) == pos - start + 1)
          return pos - start + 1;
      return 0;
    }
    case PatternElem::kSource:
    case PatternElem::kTarget: {
      const uint32_t men = actors_at_[pos];
      const uint32_t ag = agents_at_[pos];
      if (men == kNone && ag == kNone) return 0;
      const Mention& mm = men != kNone ? actor_mentions_[men] : agent_mentions_[ag];
      if ((dir > 0 && mm.begin != pos) || (dir < 0 && mm.end != pos + 1)) return 0;
      *is_actor = true;
      return mm.end - mm.begin;
    }
    case PatternElem::kSkip: {
      // Skips one noun phrase: an actor or agent mention, else one nominal word.
      for (const auto* at : {&actors_at_, &agents_at_}) {
        if ((*at)[pos] == kNone) continue;
        const Mention& mm = (at == &actors_at_ ? actor_mentions_ : agent_mentions_)[(*at)[pos]];
        if (dir > 0 && mm.begin == pos) return mm.end - mm.begin;
        if (dir < 0 && mm.end == pos + 1) return mm.end - mm.begin;
      }
      const std::string& upos = syn(static_cast<uint32_t>(pos)).upos;
      return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM" ? 1 : 0;
    }
    case PatternElem::kCompound:
      return -1;
  }
  return 0;
}

bool Coder::match_elems(const std::vector<PatternElem>& elems, size_t idx, int64_t pos, int dir,
                        Match* m) const {
  if (idx == elems.size()) return true;
  const PatternElem& e = elems[idx];
  if (e.kind == PatternElem::kCompound) return match_elems(elems, idx + 1, pos, dir, m);
  const int64_t last = dir > 0 ? static_cast<int64_t>(n_) - 1 : 0;
  for (int64_t q = pos; dir > 0 ? q <= last : q >= last; q += dir) {
    // Punctuation that ends a clause stops a loose search (TABARI matches within the clause).
    Match saved = *m;
    bool is_actor = false;
    const int64_t len = elem_length(e, q, dir, m, &is_actor);
    if (len > 0) {
      if (is_actor) {
        const int64_t start = dir > 0 ? q : q - len + 1;
        if (e.kind == PatternElem::kSource) m->source = static_cast<uint32_t>(start);
        if (e.kind == PatternElem::kTarget) m->target = static_cast<uint32_t>(start);
      }
      if (match_elems(elems, idx + 1, q + dir * len, dir, m)) return true;
    }
    *m = saved;
    if (e.tight) break;
  }
  return false;
}

std::vector<uint32_t> Coder::subjects_of(uint32_t v, bool* passive, int depth) const {
  std::vector<uint32_t> subj;
  if (v == kNone || depth > 5) return subj;
  bool pass = false;
  for (uint32_t c : children(v)) {
    if (rel_is(c, "nsubj") || rel_is(c, "csubj")) {
      subj.push_back(c);
      if (syn(c).deprel == "nsubj:pass") pass = true;
    }
    if (syn(c).deprel == "aux:pass") pass = true;
  }
  if (pass) {
    // With a "by" agent the agent is the source and the subject the target; without one
    // PETRARCH codes the subject as the source (as its parse-tree coder does).
    for (uint32_t c : children(v)) {
      bool by = syn(c).deprel == "obl:agent";
      if (!by && rel_is(c, "obl"))
        for (uint32_t cc : children(c))
          if (rel_is(cc, "case") && words_[cc] == d_.vocab_.find("BY")) by = true;
      if (by) {
        *passive = true;
        return {c};
      }
    }
  }
  // A pronoun subject of a complement clause refers to the governing clause's subject
  // ("Ethiopia indicated it would act").
  const bool pronoun = !subj.empty() && syn(subj[0]).upos == "PRON" && actors_at_[subj[0]] == kNone;
  if (!subj.empty() && !pronoun) return subj;
  const uint32_t h = head(v);
  if (h == kNone) return subj;
  if (rel_is(v, "xcomp") || rel_is(v, "conj") || (pronoun && rel_is(v, "ccomp"))) {
    bool p = false;
    std::vector<uint32_t> up = subjects_of(h, &p, depth + 1);
    if (!up.empty()) return up;
  }
  if (subj.empty() && rel_is(v, "acl")) return {h};
  return subj;
}

void Coder::object_codes(uint32_t v, bool passive, std::vector<Party>* out) const {
  if (passive) {
    for (uint32_t c : children(v))
      if (rel_is(c, "nsubj")) phrase_codes(c, true, out);
    if (!out->empty()) return;
  }
  std::vector<uint32_t> cands;
  // Objects and obliques after the verb (PETRARCH's targets come from the verb phrase).
  for (uint32_t c : children(v))
    if (c > v && (rel_is(c, "obj") || rel_is(c, "iobj"))) cands.push_back(c);
  for (uint32_t c : children(v))
    if (c > v && rel_is(c, "obl") && syn(c).deprel != "obl:agent" && syn(c).deprel != "obl:tmod")
      cands.push_back(c);
  for (uint32_t c : cands) {
    phrase_codes(c, true, out);
    if (!out->empty()) return;
  }
  // "Arnor believes Dagolath and Osgiliath can cope": the complement clause's subject.
  // (then the first actor in the clause, below)
  for (uint32_t c : children(v))
    if (c > v && (rel_is(c, "ccomp") || rel_is(c, "xcomp")) && !has_dictionary_verb(c)) {
      for (uint32_t cc : children(c))
        if (rel_is(cc, "nsubj")) phrase_codes(cc, true, out);
      if (!out->empty()) return;
    }
}

void Coder::fallback_target(uint32_t v, std::vector<Party>* out) const {
  std::vector<bool> in(n_, false);
  std::vector<uint32_t> stack;
  // An infinitival adverbial clause without its own subject continues the verb phrase
  // ("signed an accord to supply Gondor").
  const auto infinitival = [&](uint32_t c) {
    bool to = false;
    for (uint32_t cc : children(c)) {
      if (rel_is(cc, "nsubj") || rel_is(cc, "csubj")) return false;
      if (rel_is(cc, "mark")) {
        if (words_[cc] != d_.vocab_.find("TO")) return false;
        to = true;
      }
    }
    return to;
  };
  for (uint32_t c : children(v))
    if (c > v && !rel_is(c, "nsubj") && !rel_is(c, "csubj") &&
        (!rel_is(c, "advcl") || infinitival(c)) && !rel_is(c, "parataxis") && !rel_is(c, "conj") &&
        !rel_is(c, "punct"))
      stack.push_back(c);
  while (!stack.empty()) {
    const uint32_t t = stack.back();
    stack.pop_back();
    if (in[t]) continue;  // a malformed parse may hold cycles
    in[t] = true;
    for (uint32_t c : children(t))
      if (!rel_is(c, "advcl") && !rel_is(c, "parataxis") &&
          !(rel_is(c, "acl") && syn(c).deprel == "acl:relcl"))
        stack.push_back(c);
  }
  for (uint32_t t = v + 1; t < n_; ++t)
    if (in[t] && actors_at_[t] != kNone) {
      phrase_codes(np_head(t), true, out);
      if (out->empty()) {
        const Mention& m = actor_mentions_[actors_at_[t]];
        out->push_back({actor_code(actors_at_[t]), m.begin, m.end});
      }
      return;
    }
}

void Coder::code(std::vector<Event>* out) const {
  if (!has_syntax()) return;
  for (uint32_t v = 0; v < n_; ++v) {
    const std::string& upos = syn(v).upos;
    if (upos != "VERB") continue;
    // Candidate verb forms by surface form, then by lemma.
    // A verb may head several blocks (PETR.Validate has two SHOT blocks): the patterns of every
    // block reached by the longest matching form are tried; the first form gives the default code.
    const VerbForm* best = nullptr;
    std::vector<uint32_t> best_blocks;
    uint32_t best_len = 0, vb = v, ve = v + 1;
    for (WordId w : {words_[v], lemmas_[v]}) {
      if (w == kNoWord) continue;
      const std::vector<uint32_t>* forms = d_.forms_of(w);
      if (!forms) continue;
      for (uint32_t fi : *forms) {
        const VerbForm& f = d_.forms_[fi];
        if (f.pre.size() > v || v + 1 + f.post.size() > n_) continue;
        bool ok = true;
        for (size_t k = 0; k < f.pre.size() && ok; ++k)
          ok = words_[v - f.pre.size() + k] == f.pre[k];
        for (size_t k = 0; k < f.post.size() && ok; ++k) ok = words_[v + 1 + k] == f.post[k];
        if (!ok) continue;
        const uint32_t len = static_cast<uint32_t>(1 + f.pre.size() + f.post.size());
        if (len > best_len) {
          best = &f;
          best_len = len;
          best_blocks.clear();
          vb = v - static_cast<uint32_t>(f.pre.size());
          ve = v + 1 + static_cast<uint32_t>(f.post.size());
        }
        if (len == best_len && f.pre.size() == v - vb &&
            std::find(best_blocks.begin(), best_blocks.end(), f.block) == best_blocks.end())
          best_blocks.push_back(f.block);
      }
      if (best) break;
    }
    if (!best) continue;
    const VerbBlock& block = d_.blocks_[best->block];
    Match best_match;
    for (uint32_t bi : best_blocks) {
      for (const Pattern& p : d_.blocks_[bi].patterns) {
        if (!valid_pair(p.code)) continue;
        if (static_cast<int>(p.weight) <= best_match.weight || !words_present(p)) continue;
        Match m;
        if (!match_elems(p.before, 0, static_cast<int64_t>(vb) - 1, -1, &m)) continue;
        if (!match_elems(p.after, 0, ve, +1, &m)) continue;
        m.weight = static_cast<int>(p.weight);
        m.pattern = &p;
        best_match = m;
      }
    }
    std::string code;
    if (best_match.pattern)
      code = best_match.pattern->code;
    else if (!best->code.empty())
      code = best->code;
    else
      code = block.code;
    if (!valid_pair(code) || code == "---") continue;
    std::string code2;
    if (const size_t colon = code.find(':'); colon != std::string::npos) {
      code2 = code.substr(colon + 1);
      code = code.substr(0, colon);
    }
    if (!valid_code(code) || code == "---") continue;

    bool passive = false;
    std::vector<Party> sources, targets;
    if (best_match.source != kNone) {
      phrase_codes(np_head(best_match.source), true, &sources);
      // The mention's own code when its token is not a phrase head.
      if (sources.empty() && actors_at_[best_match.source] != kNone) {
        const Mention& m = actor_mentions_[actors_at_[best_match.source]];
        sources.push_back({actor_code(actors_at_[best_match.source]), m.begin, m.end});
      }
    } else {
      std::vector<uint32_t> subjects = subjects_of(v, &passive);
      // "NOTED + *": when the pattern took the verb's own subject as the target, the source is
      // the governing clause's subject ("Gondor noted that Mordor regretted ...").
      if (best_match.target != kNone && head(v) != kNone &&
          std::find(subjects.begin(), subjects.end(), np_head(best_match.target)) !=
              subjects.end()) {
        bool p2 = false;
        subjects = subjects_of(head(v), &p2);
      }
      subject_codes(subjects, &sources);
    }
    if (best_match.target != kNone) {
      phrase_codes(np_head(best_match.target), true, &targets);
      if (targets.empty() && actors_at_[best_match.target] != kNone) {
        const Mention& m = actor_mentions_[actors_at_[best_match.target]];
        targets.push_back({actor_code(actors_at_[best_match.target]), m.begin, m.end});
      }
    } else {
      if (best_match.source != kNone) subjects_of(v, &passive);
      object_codes(v, passive, &targets);
      if (targets.empty()) fallback_target(v, &targets);
    }
    // A null-coded actor is no party; an agent without a country ("---GOV": "the government")
    // is, but only beside a real actor on the other side.
    const auto is_null = [](const Party& p) { return p.code.empty() || p.code == "---"; };
    const auto agent_only = [](const Party& p) { return p.code.compare(0, 3, "---") == 0; };
    sources.erase(std::remove_if(sources.begin(), sources.end(), is_null), sources.end());
    targets.erase(std::remove_if(targets.begin(), targets.end(), is_null), targets.end());
    if (std::all_of(targets.begin(), targets.end(), agent_only))
      sources.erase(std::remove_if(sources.begin(), sources.end(), agent_only), sources.end());
    if (std::all_of(sources.begin(), sources.end(), agent_only))
      targets.erase(std::remove_if(targets.begin(), targets.end(), agent_only), targets.end());
    if (sources.empty()) continue;
    std::vector<std::pair<Party, Party>> dyads;
    if (targets.empty() && sources.size() > 1) {
      for (const auto& s : sources)
        for (const auto& t : sources)
          if (s.code != t.code) dyads.emplace_back(s, t);
    } else if (targets.empty()) {
      // PETRARCH's default (require_dyad): an event needs a target.
      continue;
    } else {
      for (const auto& s : sources)
        for (const auto& t : targets)
          if (s.code != t.code) dyads.emplace_back(s, t);
    }
    bool negated = false;
    for (uint32_t c : children(v))
      if (rel_is(c, "neg") ||
          ((rel_is(c, "advmod") || rel_is(c, "part")) && is_negation(words_[c])))
        negated = true;
    if (best_match.neg_consumed) negated = false;
    const Token& vt = doc_.tokens[first_ + vb];
    const Token& vl = doc_.tokens[first_ + ve - 1];
    for (const auto& [s, t] : dyads) {
      for (int pass = 0; pass < (code2.empty() || t.code == "---" ? 1 : 2); ++pass) {
        Event e;
        e.code = pass == 0 ? code : code2;
        const Party& src = pass == 0 ? s : t;
        const Party& tgt = pass == 0 ? t : s;
        e.source.actor = src.code;
        e.source.span = span_of(src);
        e.has_target = tgt.code != "---";
        if (e.has_target) {
          e.target.actor = tgt.code;
          e.target.span = span_of(tgt);
        }
        e.predicate = Span{vt.span.begin, vl.span.end};
        e.predicate_lemma = best->lemma;
        e.negated = negated;
        e.sentence = sentence_;
        e.pattern = best_match.pattern
                        ? "petrarch:" + best->lemma + ":" + std::to_string(best_match.pattern->line)
                        : "petrarch:" + best->lemma;
        if (!valid_code(e.code) || e.code == "---") continue;
        out->push_back(std::move(e));
      }
    }
  }
}

void CompiledDictionaries::code(const Document& doc, std::vector<Event>* out) const {
  std::vector<Event> events;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    Coder coder(*this, doc, s);
    bool story = false;
    if (coder.discarded(&story)) {
      if (story) return;
      continue;
    }
    coder.code(&events);
  }
  for (Event& e : events) out->push_back(std::move(e));
}

}  // namespace casus::events::petrarch
