#include "events/coder.h"

#include <algorithm>
#include <string>

namespace casus::events {

namespace {

// One side of an event as resolved from a slot token.
struct Party {
  uint32_t token = kNoIndex;
  EventParty party;
  std::string basis;  // actor basis of the entity, "pronoun" for a quoted first-person pronoun
  bool first_person = false;
};

bool lemma_in(std::string_view lemma, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (iequals(lemma, w)) return true;
  }
  return false;
}

bool nominal(const DocIndex& ix, uint32_t t) {
  const std::string& u = ix.syn(t).upos;
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X";
}

Span join(Span a, Span b) { return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

// True when token t lies inside one of the document's time expressions.
bool inside_time_expression(const Document& doc, uint32_t t) {
  const Span span = doc.tokens[t].span;
  for (const Timex& x : doc.times) {
    if (x.span.begin <= span.begin && span.end <= x.span.end) return true;
  }
  return false;
}

// The entity and actor code a slot token refers to (docs/events.md#parties).
Party resolve(const DocIndex& ix, uint32_t t) {
  const Document& doc = ix.doc();
  Party p;
  p.token = t;
  p.party.span = doc.tokens[t].span;
  auto take_mention = [&](uint32_t m, Party* out) {
    const Mention& mention = doc.mentions[m];
    if (mention.entity >= doc.entities.size()) return false;
    const Entity& e = doc.entities[mention.entity];
    out->party.entity = mention.entity;
    out->party.actor = e.actor_code;
    out->basis = e.actor_basis;
    return !e.actor_code.empty();
  };
  const uint32_t m = ix.mention_at(t);
  if (m != kNoIndex) {
    p.party.span = doc.mentions[m].span;
    if (take_mention(m, &p)) return p;
  }
  // A first-person pronoun inside a direct quotation is its speaker.
  if (ix.syn(t).upos == "PRON" && lemma_in(ix.syn(t).lemma, {"we", "i", "us", "me", "our", "my"})) {
    const uint32_t q = ix.quote_at(doc.tokens[t].span.begin);
    if (q != kNoIndex) {
      const Quote& quote = doc.quotes[q];
      if ((quote.kind == QuoteKind::kDirect || quote.kind == QuoteKind::kMixed) &&
          quote.speaker_entity < doc.entities.size()) {
        const Entity& e = doc.entities[quote.speaker_entity];
        p.party.entity = quote.speaker_entity;
        p.party.actor = e.actor_code;
        p.basis = "pronoun";
        p.first_person = true;
        if (!e.actor_code.empty()) return p;
      }
    }
  }
  // An apposition naming the actor ("Ukraine's president, Volodymyr Zelensky"), else a modifier
  // ("US officials", "Russian troops", "the president of Russia").
  for (int pass = 0; pass < 2; ++pass) {
    for (const uint32_t* c = ix.children_begin(t); c != ix.children_end(t); ++c) {
      const std::string_view rel = ix.deprel(*c);
      const std::string_view base = base_rel(rel);
      if (pass == 0 ? base != "appos"
                    : (base != "compound" && base != "amod" && rel != "nmod:poss" &&
                       base != "flat" && rel != "nmod"))
        continue;
      if (rel == "nmod") {
        std::string prep;
        if (!ix.case_of(*c, &prep) || prep != "of") continue;
      }
      const uint32_t cm = ix.mention_at(*c);
      if (cm == kNoIndex) continue;
      Party q = p;
      if (take_mention(cm, &q)) {
        q.party.span = join(doc.tokens[t].span, doc.mentions[cm].span);
        if (pass == 1 && q.basis == "lexicon") q.basis = "role+country";
        return q;
      }
    }
  }
  if (p.party.actor.empty() && !p.first_person) p.basis.clear();
  return p;
}

// The token conjoined with t ("Washington and Kiev"): t and its nominal conj descendants.
void expand_conj(const DocIndex& ix, uint32_t t, std::vector<uint32_t>* out, int depth = 0) {
  out->push_back(t);
  if (depth > 4) return;
  for (const uint32_t* c = ix.children_begin(t); c != ix.children_end(t); ++c) {
    if (ix.deprel(*c) == "conj" && nominal(ix, *c)) expand_conj(ix, *c, out, depth + 1);
  }
}

// Passive voice: a passive subject or auxiliary, or a past participle with a by-agent or
// modifying a noun ("Ukraine, attacked by Russia", "troops sent to the front").
bool passive(const DocIndex& ix, uint32_t h) {
  if (ix.child(h, "nsubj:pass") != kNoIndex || ix.child(h, "aux:pass") != kNoIndex) return true;
  return ix.syn(h).xpos == "VBN" &&
         (ix.child(h, "obl:agent") != kNoIndex || ix.deprel(h) == "acl");
}

// The passive object slot: the passive subject, else the noun a passive participle modifies.
uint32_t passive_object(const DocIndex& ix, uint32_t h) {
  const uint32_t s = ix.child(h, "nsubj:pass");
  if (s != kNoIndex) return s;
  if (ix.deprel(h) == "acl" && ix.head(h) != kNoHead && nominal(ix, ix.head(h))) {
    return ix.head(h);
  }
  return kNoIndex;
}

// The grammatical subject of verb g (active or passive), or kNoIndex.
uint32_t subject_of(const DocIndex& ix, uint32_t g) {
  uint32_t s = ix.child(g, "nsubj");
  if (s == kNoIndex) s = ix.child(g, "nsubj:pass");
  return s;
}

// The agent of a nominal event: "Russia's attack", "the Russian attack", "an attack by Russia".
uint32_t noun_agent(const DocIndex& ix, uint32_t n) {
  uint32_t a = ix.child(n, "nmod:poss");
  if (a == kNoIndex) a = ix.prep_child(n, "by");
  if (a == kNoIndex) {
    for (const uint32_t* c = ix.children_begin(n); c != ix.children_end(n); ++c) {
      if (ix.deprel(*c) == "amod" && ix.mention_at(*c) != kNoIndex) return *c;
    }
  }
  return a;
}

// The subject a subjectless verb inherits: the controller of an xcomp ("tried to assassinate"),
// the subject of the clause an advcl / conj depends on ("..., arriving in Finland"), the noun an
// acl modifies ("the Kremlin accusing Ukraine") or the agent of an event noun ("an attempt by X
// to assassinate").
uint32_t inherited_subject(const DocIndex& ix, uint32_t h) {
  uint32_t v = h;
  for (int depth = 0; depth < 4; ++depth) {
    const std::string_view rel = ix.deprel(v);
    const uint32_t g = ix.head(v);
    if (g == kNoHead) return kNoIndex;
    if (rel == "xcomp") {
      const uint32_t o = ix.child(g, "obj");
      if (o != kNoIndex && ix.syn(g).upos == "VERB") return o;
      const uint32_t s = subject_of(ix, g);
      if (s != kNoIndex) return s;
      v = g;
      continue;
    }
    if (rel == "advcl" || rel == "conj") {
      if (ix.syn(g).upos != "VERB" && ix.syn(g).upos != "AUX") return kNoIndex;
      // A bare participle joined to a passive ("Putin was attacked and killed", "with Putin
      // placed ... and murdered") is passive too: the subject it shares is its patient.
      if (rel == "conj" && ix.syn(v).xpos == "VBN" && ix.child(v, "aux") == kNoIndex &&
          passive(ix, g))
        return kNoIndex;
      const uint32_t s = subject_of(ix, g);
      if (s != kNoIndex) return s;
      v = g;
      continue;
    }
    if (rel == "acl") {
      if (ix.syn(g).upos == "NOUN") {
        const uint32_t a = noun_agent(ix, g);
        if (a != kNoIndex) return a;
      }
      return nominal(ix, g) ? g : kNoIndex;
    }
    if (rel == "acl:relcl") return nominal(ix, g) ? g : kNoIndex;
    return kNoIndex;
  }
  return kNoIndex;
}

// A relative clause: `acl:relcl`, or `advcl:relcl` when the parser hung it on a verb.
bool relative_clause(std::string_view rel) {
  return rel == "acl:relcl" || rel == "advcl:relcl";
}

// A relative pronoun stands for the noun its clause modifies ("the army that attacked"). When
// the parser attached the relative clause to a verb instead, the antecedent is the nominal
// right before the pronoun (relative pronouns follow their antecedent; punctuation skipped).
uint32_t antecedent(const DocIndex& ix, uint32_t h, uint32_t t) {
  if (t == kNoIndex || !lemma_in(ix.syn(t).lemma, {"who", "which", "that", "whom"}) ||
      !relative_clause(ix.deprel(h)) || ix.head(h) == kNoHead) {
    return t;
  }
  if (nominal(ix, ix.head(h))) return ix.head(h);
  const uint32_t first = ix.doc().sentences[ix.doc().tokens[t].sentence].first_token;
  for (uint32_t k = t; k > first; --k) {
    if (ix.syn(k - 1).upos == "PUNCT") continue;
    return nominal(ix, k - 1) ? k - 1 : t;
  }
  return t;
}

// The token a slot names for head h, or kNoIndex.
uint32_t slot_token(const DocIndex& ix, uint32_t h, std::string_view slot, bool pass, bool noun) {
  if (slot == "-") return kNoIndex;
  if (slot == "obj") {
    if (noun) return kNoIndex;
    return pass ? passive_object(ix, h) : ix.child(h, "obj");
  }
  if (slot == "iobj") return ix.child(h, "iobj");
  if (slot == "nsubj") {
    if (noun) return kNoIndex;
    if (pass) {
      const uint32_t a = ix.child(h, "obl:agent");
      return a != kNoIndex ? a : ix.prep_child(h, "by");
    }
    return ix.child(h, "nsubj");
  }
  if (slot == "poss") return ix.child(h, "nmod:poss");
  if (slot == "amod" || slot == "compound") {
    for (const uint32_t* c = ix.children_begin(h); c != ix.children_end(h); ++c) {
      if (ix.deprel(*c) == slot && ix.mention_at(*c) != kNoIndex) return *c;
    }
    return kNoIndex;
  }
  if (slot.size() > 4 && slot.substr(0, 4) == "obj.") {
    const uint32_t o = pass ? passive_object(ix, h) : ix.child(h, "obj");
    return o == kNoIndex ? kNoIndex : ix.prep_child(o, slot.substr(4));
  }
  if (slot == "by" && !noun && pass) {
    const uint32_t a = ix.child(h, "obl:agent");
    if (a != kNoIndex) return a;
  }
  return ix.prep_child(h, slot);
}

bool has_particle(const DocIndex& ix, uint32_t h, std::string_view particle) {
  for (const uint32_t* c = ix.children_begin(h); c != ix.children_end(h); ++c) {
    const std::string_view rel = ix.deprel(*c);
    if ((rel == "compound:prt" || rel == "advmod") && iequals(ix.syn(*c).lemma, particle)) {
      return true;
    }
  }
  return false;
}

bool matches(const DocIndex& ix, uint32_t h, const Pattern& p, bool pass) {
  for (const std::string& prt : p.particles) {
    if (!has_particle(ix, h, prt)) return false;
  }
  for (const std::string& prep : p.preps) {
    if (ix.prep_child(h, prep) == kNoIndex) return false;
  }
  if (!p.objects.empty()) {
    const uint32_t o = pass ? passive_object(ix, h) : ix.child(h, "obj");
    if (o == kNoIndex) return false;
    bool found = false;
    for (const std::string& l : p.objects) found = found || iequals(ix.syn(o).lemma, l);
    if (!found) return false;
  }
  return true;
}

double basis_factor(std::string_view basis) {
  if (basis == "lexicon") return 1.0;
  if (basis == "role+country") return 0.95;
  if (basis == "country") return 0.85;
  if (basis == "pronoun") return 0.85;
  return 0.75;
}

// Source candidates of head h under pattern p: slot tokens in order of preference.
std::vector<uint32_t> source_tokens(const DocIndex& ix, uint32_t h, const Pattern& p, bool pass) {
  std::vector<uint32_t> out;
  if (!p.source.empty()) {
    for (const std::string& s : p.source) {
      const uint32_t t = slot_token(ix, h, s, pass, p.noun);
      if (t != kNoIndex) out.push_back(antecedent(ix, h, t));
    }
    return out;
  }
  if (p.noun) {
    for (std::string_view s : {"poss", "amod", "compound", "by"}) {
      const uint32_t t = slot_token(ix, h, s, false, true);
      if (t != kNoIndex) out.push_back(t);
    }
    return out;
  }
  const uint32_t s = slot_token(ix, h, "nsubj", pass, false);
  if (s != kNoIndex) {
    out.push_back(antecedent(ix, h, s));
  } else if (!pass) {
    // A passive without a by-agent has no source: the subject it would inherit is its object.
    const uint32_t inherited = inherited_subject(ix, h);
    if (inherited != kNoIndex) out.push_back(inherited);
  }
  return out;
}

// Emits the events of head h under pattern p.
void emit(const Lexicon& lex, const DocIndex& ix, uint32_t h, const Pattern& p, bool pass,
          std::vector<RawEvent>* out) {
  const Document& doc = ix.doc();
  // Source: the first slot that resolves to an actor, with its conjuncts.
  std::vector<Party> sources;
  for (uint32_t t : source_tokens(ix, h, p, pass)) {
    std::vector<uint32_t> toks;
    expand_conj(ix, t, &toks);
    for (uint32_t k : toks) {
      Party party = resolve(ix, k);
      if (!party.party.actor.empty()) sources.push_back(std::move(party));
    }
    if (!sources.empty()) break;
  }
  if (sources.empty()) return;
  // Target: the first slot present (unresolved slots leave the actor empty).
  std::vector<Party> targets;
  bool explicit_target = false;
  for (const std::string& slot : p.target) {
    if (slot == "obj" && !p.objects.empty()) continue;  // the light-verb object is not a party
    const uint32_t t = slot_token(ix, h, slot, pass, p.noun);
    if (t == kNoIndex) continue;
    std::vector<uint32_t> toks;
    expand_conj(ix, antecedent(ix, h, t), &toks);
    for (uint32_t k : toks) {
      // A time expression in the slot ("said overnight") dates the event; it is never a party.
      if (!inside_time_expression(doc, k)) targets.push_back(resolve(ix, k));
    }
    explicit_target = true;
    break;
  }
  const bool negated = ix.negated(h);
  const EventMood mood = ix.mood(h, p.threat);
  std::string lemma = ix.syn(h).lemma;
  for (char& c : lemma) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const uint32_t sentence = doc.tokens[h].sentence;
  auto add = [&](const Party& src, const Party* tgt) {
    RawEvent raw;
    raw.token = h;
    Event& e = raw.event;
    e.code = p.code;
    e.source = src.party;
    if (tgt != nullptr) {
      e.target = tgt->party;
      e.has_target = true;
    }
    e.predicate = doc.tokens[h].span;
    e.predicate_lemma = lemma;
    e.negated = negated;
    e.mood = mood;
    e.sentence = sentence;
    e.pattern = p.id;
    e.confidence =
        event_confidence(p.specificity, explicit_target, src.basis,
                         tgt ? std::string_view(tgt->basis) : std::string_view(), negated, mood);
    out->push_back(std::move(raw));
    // A speaker denying their own action ("We didn't attack Putin," said Zelensky) denies
    // responsibility: 016 by the speaker, asserted.
    if (negated && src.first_person && quad_class(p.code) >= 3 &&
        (lex.codes.empty() || lex.codes.count("016"))) {
      RawEvent denial = out->back();
      denial.event.code = "016";
      denial.event.negated = false;
      denial.event.mood = EventMood::kAsserted;
      denial.event.pattern = "denial:" + p.id;
      denial.event.confidence =
          event_confidence(0, explicit_target, src.basis, tgt ? std::string_view(tgt->basis) : "",
                           false, EventMood::kAsserted) *
          0.8f;
      out->push_back(std::move(denial));
    }
  };
  for (const Party& src : sources) {
    if (targets.empty()) {
      add(src, nullptr);
      continue;
    }
    for (const Party& tgt : targets) {
      if (tgt.token == src.token) continue;
      if (tgt.party.entity != kNoEntity && tgt.party.entity == src.party.entity) continue;
      if (!tgt.party.actor.empty() && tgt.party.actor == src.party.actor) continue;
      add(src, &tgt);
    }
  }
}

// Verbs that characterize their object as an event: "X called the explosions an attempt by Y
// to assassinate Z" accuses Y (CAMEO 112) when the characterizing phrase holds a conflict event
// by Y.
bool characterizing_verb(std::string_view lemma) {
  return lemma_in(lemma, {"call", "describe", "label", "brand", "term", "characterize",
                          "characterise", "regard", "dub", "denounce"});
}

void code_characterizations(const Lexicon& lex, const DocIndex& ix, size_t first_new,
                            std::vector<RawEvent>* out) {
  if (!lex.codes.empty() && !lex.codes.count("112")) return;
  const size_t end = out->size();
  const Document& doc = ix.doc();
  for (size_t i = first_new; i < end; ++i) {
    if (quad_class((*out)[i].event.code) < 3 || (*out)[i].event.negated) continue;
    const RawEvent conflict = (*out)[i];  // a copy: push_back below may reallocate
    // Walk up from the conflict predicate to a characterizing verb.
    uint32_t t = conflict.token;
    for (int depth = 0; depth < 6; ++depth) {
      const uint32_t g = ix.head(t);
      if (g == kNoHead) break;
      if (ix.syn(g).upos == "VERB" && characterizing_verb(ix.syn(g).lemma) &&
          ix.child(g, "compound:prt") == kNoIndex) {
        // t must be the secondary predicate (xcomp, "as" oblique) or lie under the object.
        const std::string_view rel = ix.deprel(t);
        std::string prep;
        const bool secondary = rel == "xcomp" || rel == "obj" ||
                               (base_rel(rel) == "obl" && ix.case_of(t, &prep) && prep == "as");
        if (!secondary) break;
        const uint32_t subj = ix.child(g, "nsubj");
        if (subj == kNoIndex) break;
        Party src = resolve(ix, subj);
        if (src.party.actor.empty()) break;
        if (src.party.actor == conflict.event.source.actor) break;
        if (src.party.entity != kNoEntity && src.party.entity == conflict.event.source.entity)
          break;
        RawEvent raw;
        raw.token = g;
        Event& e = raw.event;
        e.code = "112";
        e.source = src.party;
        e.target = conflict.event.source;
        e.has_target = true;
        e.predicate = doc.tokens[g].span;
        e.predicate_lemma = ix.syn(g).lemma;
        e.negated = ix.negated(g);
        e.mood = ix.mood(g, false);
        e.sentence = doc.tokens[g].sentence;
        e.pattern = "characterize:" + conflict.event.pattern;
        e.confidence = event_confidence(0, true, src.basis, "", e.negated, e.mood) * 0.9f;
        out->push_back(std::move(raw));
        break;
      }
      t = g;
    }
  }
}

}  // namespace

float event_confidence(uint32_t specificity, bool explicit_target, std::string_view source_basis,
                       std::string_view target_basis, bool negated, EventMood mood) {
  double c = 0.6 + 0.1 * std::min<uint32_t>(specificity, 2) + (explicit_target ? 0.1 : 0.0);
  c *= basis_factor(source_basis);
  if (explicit_target) c *= target_basis.empty() ? 0.9 : basis_factor(target_basis);
  static constexpr double kMood[] = {1.0, 0.8, 0.9, 0.85, 0.7};
  c *= kMood[static_cast<int>(mood)];
  if (negated) c *= 0.8;
  return static_cast<float>(std::clamp(c, 0.0, 1.0));
}

void code_patterns(const Lexicon& lex, const DocIndex& ix, std::vector<RawEvent>* out) {
  const Document& doc = ix.doc();
  if (doc.syntax.size() != doc.tokens.size()) return;
  const size_t first_new = out->size();
  std::string key;
  for (uint32_t h = 0; h < doc.syntax.size(); ++h) {
    const TokenSyntax& s = doc.syntax[h];
    const bool verb = s.upos == "VERB";
    if (!verb && s.upos != "NOUN") continue;
    const auto& table = verb ? lex.verbs : lex.nouns;
    key.assign(s.lemma);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    const auto it = table.find(key);
    if (it == table.end()) continue;
    const bool pass = verb && passive(ix, h);
    for (const Pattern& p : it->second) {
      if (!matches(ix, h, p, pass)) continue;
      emit(lex, ix, h, p, pass, out);
      break;  // the most specific matching pattern wins
    }
  }
  code_characterizations(lex, ix, first_new, out);
}

}  // namespace casus::events
